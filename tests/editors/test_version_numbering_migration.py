"""Migration 0060 numbers the history kept before versions were (a reviewer's: every record at
version 1 made a refused form's rebase keep a stale value as the editor's own)."""

import datetime

import pytest
from django.utils import timezone

from events.models import Place

from ..migrating import migrate, migrate_to_latest

BEFORE = [("events", "0059_places_actors_and_bulletins_have_versions")]
AFTER = [("events", "0060_number_the_versions_kept_before")]


@pytest.fixture
def old_apps(transactional_db):
    apps = migrate(BEFORE)
    yield apps
    migrate_to_latest()


def test_the_history_kept_before_is_numbered_save_by_save(old_apps):
    Governorate = old_apps.get_model("events", "Governorate")
    governorate = Governorate.objects.create(code="SY-DI", pcode="SY01", name="Damascus")
    place = old_apps.get_model("events", "Place").objects.create(
        name="Damascus", governorate=governorate, latitude=33.5, longitude=36.3
    )
    other = old_apps.get_model("events", "Place").objects.create(
        name="Douma", governorate=governorate, latitude=33.57, longitude=36.4
    )
    history = old_apps.get_model("events", "HistoricalPlace").objects
    now = timezone.now()
    for n, name_ar in enumerate(["", "دمشق", "دمشق القديمة"]):
        history.create(
            id=place.pk, name="Damascus", name_ar=name_ar, governorate_id="SY-DI", latitude=33.5,
            longitude=36.3, history_date=now + datetime.timedelta(minutes=n), updated_at=now,
            history_type="+" if n == 0 else "~", version=1,
        )  # fmt: skip

    migrate(AFTER)

    place = Place.objects.get(pk=place.pk)
    assert list(place.history.order_by("history_date").values_list("version", flat=True)) == [
        1,
        2,
        3,
    ]
    assert place.version == 3
    assert Place.objects.get(pk=other.pk).version == 1  # (no history kept: as it was)
