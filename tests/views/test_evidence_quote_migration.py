"""Migration 0055 quotes the words each stored evidence span marks, so the detail page finds
them again after an editor's edit of the bulletin moves them."""

import pytest

from events.models import Report

from ..migrating import migrate, migrate_to_latest

BEFORE = [("events", "0054_incident_place_and_district_date_indexes")]
AFTER = [("events", "0055_evidence_quotes_its_words")]


@pytest.fixture
def old_apps(transactional_db):
    apps = migrate(BEFORE)
    yield apps
    migrate_to_latest()


def test_spans_stored_before_quote_their_words_and_bad_ones_are_kept_as_they_are(old_apps):
    bulletin = old_apps.get_model("events", "Bulletin").objects.create(
        title="Strike", text="An Iraqi plane struck Al-Soussa.", content_hash="x"
    )
    spans = [
        {"field": "place", "start": 30, "end": 39},
        {"field": "date", "start": 5, "end": 999},
        "junk",
    ]
    report = old_apps.get_model("events", "Report").objects.create(
        bulletin=bulletin, evidence=spans
    )

    migrate(AFTER)

    assert Report.objects.get(pk=report.pk).evidence == [
        {"field": "place", "start": 30, "end": 39, "quote": "Al-Soussa"},
        {"field": "date", "start": 5, "end": 999},
        "junk",
    ]
