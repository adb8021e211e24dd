from pathlib import Path

import pytest

from events.models import Actor
from events.seeds import load_gazetteer

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def loaded_gazetteer(db):
    """The shipped gazetteer loaded into the test database, and no actors yet: the datasets'
    sides become actors of their own names (another package's session fixture may have left
    the seed actors in the database, whose aliases would take "IS" for "Islamic State")."""
    Actor.objects.all().delete()
    return load_gazetteer()
