from pathlib import Path

import pytest

from events.seeds import load_gazetteer

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def loaded_gazetteer(db):
    """The shipped gazetteer loaded into the test database."""
    return load_gazetteer()
