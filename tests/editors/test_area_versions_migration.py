"""Migration 0061 versions districts and governorates (a hostile tester's: two editors' saves
of one overwrote each other silently): the rows it finds start their history at version 1, and
their writes still count in the data's version."""

import pytest

from events import counts
from events.models import District, Governorate

from ..migrating import migrate, migrate_to_latest

BEFORE = [("events", "0060_number_the_versions_kept_before")]
AFTER = [("events", "0061_districts_and_governorates_have_versions")]


@pytest.fixture
def old_apps(transactional_db):
    apps = migrate(BEFORE)
    yield apps
    migrate_to_latest()


def test_the_areas_found_start_their_history_as_they_are(old_apps):
    governorate = old_apps.get_model("events", "Governorate").objects.create(
        code="SY-ID", pcode="SY07", name="Idlib", name_ar="إدلب"
    )
    old_apps.get_model("events", "District").objects.create(
        pcode="SY0700", name="Idlib", governorate=governorate, alternate_names="Edlib"
    )

    migrate(AFTER)

    governorate, district = Governorate.objects.get(), District.objects.get()
    assert governorate.version == district.version == 1
    record = governorate.history.get()
    assert (record.name_ar, record.history_type, record.version) == ("إدلب", "+", 1)
    record = district.history.get()
    assert (record.alternate_names, record.governorate_id, record.version) == ("Edlib", "SY-ID", 1)
    before = counts.version()
    governorate.name = "Edlib"
    governorate.save()
    district.delete()
    assert counts.version() >= before + 2  # (SQLite's triggers put back on the tables made anew)
