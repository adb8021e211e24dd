import pytest
from django.core.management import call_command

from events.models import Actor, District, Governorate, Place
from events.seeds import load_actors


def _load():
    call_command("load_gazetteer", verbosity=0)
    load_actors()


@pytest.fixture(scope="package")
def _gazetteer_once(django_db_setup, django_db_blocker):
    """Loaded once for the package's tests, and taken out after them: the tests of other
    packages start without them (with their own governorates, places and actors)."""
    with django_db_blocker.unblock():
        _load()
    yield
    with django_db_blocker.unblock():
        Actor.history.all().delete()
        for model in (Actor, Place, District, Governorate):
            model.objects.all().delete()


@pytest.fixture
def gazetteer(_gazetteer_once, db):
    """The shipped gazetteer and actors: loaded once per package, again if a test flushed them."""
    if not Place.objects.exists():
        _load()
