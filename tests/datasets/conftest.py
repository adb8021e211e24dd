from pathlib import Path

import pytest

from events.gazetteer import load_gazetteer

DATA = Path(__file__).resolve().parent.parent / "data"


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes more than 20 seconds")


@pytest.fixture
def loaded_gazetteer(db):
    """The shipped gazetteer loaded into the test database."""
    return load_gazetteer()
