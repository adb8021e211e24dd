import pytest

from events.extraction.gazetteer import Gazetteer
from events.seeds import load_gazetteer


@pytest.fixture(scope="session")
def gazetteer():
    """The shipped gazetteer, built once from seeds/gazetteer/ (no database)."""
    return Gazetteer.from_seeds()


@pytest.fixture
def loaded_gazetteer(db):
    """The shipped gazetteer loaded into the test database."""
    return load_gazetteer()
