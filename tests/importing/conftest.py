import pytest
from django.core.management import call_command

from events.models import Place
from events.seeds import load_actors


def _load():
    call_command("load_gazetteer", verbosity=0)
    load_actors()


@pytest.fixture(scope="session")
def _gazetteer_once(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        _load()


@pytest.fixture
def gazetteer(_gazetteer_once, db):
    """The shipped gazetteer and actors: loaded once per session, again if a test flushed them."""
    if not Place.objects.exists():
        _load()
