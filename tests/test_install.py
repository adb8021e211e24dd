"""What each make target installs: production (`make serve`) gets no test tools."""

import subprocess
import sys

from django.conf import settings

TEST_TOOLS = ("pytest", "pytest-django", "hypothesis", "ruff", "playwright")


def requirements(*args):
    result = subprocess.run(
        [sys.executable, "scripts/requirements.py", *args],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return [line.split("==")[0].split("[")[0] for line in result.stdout.split()]


def dry_run(target):
    """The commands `make` would run for a target from scratch (-B), without running them."""
    result = subprocess.run(
        ["make", "-n", "-B", target], cwd=settings.BASE_DIR, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_runtime_requirements_hold_no_test_tools():
    runtime = requirements()

    assert "Django" in runtime and "gunicorn" in runtime
    assert not set(TEST_TOOLS) & set(runtime)
    assert set(TEST_TOOLS) <= set(requirements("--only-groups", "--group", "dev"))


def test_make_serve_installs_the_runtime_requirements_only():
    commands = dry_run("serve")

    assert "requirements-runtime.txt" in commands
    assert "--group dev" not in commands and "requirements-dev.txt" not in commands


def test_make_test_installs_the_dev_group_too():
    commands = dry_run("test")

    assert "requirements-runtime.txt" in commands and "--group dev" in commands
