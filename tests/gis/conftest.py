"""GDAL's command-line tools reading pytest-django's live server, as an analyst's GIS would.

Run with `make test-gis` (pytest -m gis), which installs Debian's gdal-bin first.
"""

import os
import re
import shutil
import subprocess

import pytest


def run(*args, stderr=False):
    """Run a GDAL tool; its output (and what it wrote to stderr, if asked), or the test fails
    with what it said."""
    tool = shutil.which(args[0])
    if tool is None:
        pytest.fail(f"{args[0]} is missing: run scripts/install-gdal.sh (apt-get install gdal-bin)")
    # No proxy between GDAL and the live server on 127.0.0.1.
    env = {**os.environ, "NO_PROXY": "*", "no_proxy": "*"}
    result = subprocess.run([tool, *args[1:]], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout + (result.stderr if stderr else "")


def feature_count(ogrinfo_output):
    counts = re.findall(r"^Feature Count: (\d+)$", ogrinfo_output, re.MULTILINE)
    assert len(counts) == 1, ogrinfo_output
    return int(counts[0])


@pytest.fixture
def gdal():
    return run
