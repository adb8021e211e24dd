"""A count of the hostile inputs tried, printed at the end of the run and kept in out/.

Each property test adds the cases hypothesis generated (`tried(name)` inside the test body), so
the figure is what was actually sent, not the configured maximum.
"""

import collections
import json
from pathlib import Path

import pytest

# The shipped gazetteer, loaded once a session, for the tests that run the real extractor.
from tests.importing.conftest import _gazetteer_once, gazetteer  # noqa: F401

CASES = collections.Counter()
REPORT = Path(__file__).resolve().parents[2] / "out" / "reliability-cases.json"


@pytest.fixture(scope="session")
def tried():
    def count(name, n=1):
        CASES[name] += n

    return count


def pytest_terminal_summary(terminalreporter):
    if not CASES:
        return
    total = sum(CASES.values())
    terminalreporter.write_sep("-", f"reliability: {total} hostile cases tried")
    for name, n in sorted(CASES.items()):
        terminalreporter.write_line(f"{n:6d}  {name}")
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps({"total": total, **dict(sorted(CASES.items()))}, indent=1) + "\n")
