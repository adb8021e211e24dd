"""The bulletin that started the project, imported end to end through the real pipeline."""

import datetime

import pytest
from django.conf import settings

from events.extraction.gazetteer import default_gazetteer
from events.importing import import_uploads, read_paths
from events.models import Incident, Report

SAMPLE = settings.BASE_DIR / "seeds" / "bulletins" / "2018-07-13-world-bulletin-deir-ezzor.txt"

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(gazetteer):
    [result] = import_uploads(read_paths([SAMPLE]))
    assert result.status == "created", result.reason
    return result


def test_the_sample_bulletin_is_stored_with_its_dateline_and_publisher(imported):
    bulletin = imported.bulletin

    assert bulletin.title == "Air strike kills 28 civilians in Deir Ezzor"
    assert bulletin.publisher == "World Bulletin"
    assert bulletin.published_at == datetime.datetime(2018, 7, 13, 12, 26, tzinfo=datetime.UTC)


def test_its_primary_event_is_the_al_soussa_air_strike_of_late_thursday(imported):
    primary = Report.objects.get(bulletin=imported.bulletin, is_primary=True)
    incident = primary.incident

    assert incident.event_type == "airstrike"
    assert incident.date == datetime.date(2018, 7, 12)
    assert incident.governorate_id == "SY-DY"
    # The gazetteer may spell it otherwise ("Sosa" in OCHA's list): the same place it finds for
    # the bulletin's own spelling.
    [al_soussa] = [p for p in default_gazetteer().lookup("Al-Soussa") if p.province_code == "SY-DY"]
    assert (incident.latitude, incident.longitude) == (al_soussa.latitude, al_soussa.longitude)
    assert incident.geo_precision == "place"
    assert incident.killed_civilians_best == 28
    assert incident.killed_civilians_high >= 30


def test_the_coalition_is_alleged_by_sana_and_iraq_is_possible_and_nothing_is_confirmed(imported):
    primary = Report.objects.get(bulletin=imported.bulletin, is_primary=True)
    claims = list(primary.claims.order_by("position"))

    assert claims[0].group == "international_coalition"
    assert claims[0].attribution == "alleged"
    assert "SANA" in claims[0].alleged_by
    assert any(c.group == "iraq" and c.attribution == "unclear" for c in claims)
    assert not any(c.attribution == "confirmed" for c in claims)


def test_neither_the_heet_seizure_nor_last_months_incursion_is_a_new_strike(imported):
    strikes = Incident.objects.filter(
        reports__bulletin=imported.bulletin,
        event_type__in=["airstrike", "drone_strike", "shelling", "missile", "barrel_bomb"],
    )
    background = Report.objects.filter(bulletin=imported.bulletin, is_background=True)

    assert strikes.count() == 1
    assert background.exists()
    assert not Incident.objects.filter(reports__in=background).exists()


def test_the_sample_as_a_jsonl_line_gives_the_same_incident_and_claims(gazetteer):
    # The .txt's dateline, title and publisher's lines read as the lead's first sentences:
    # the same article as JSONL named Iraq first, the .txt the coalition SANA accused.
    import json

    from events.importing import parse_text
    from events.models import Bulletin

    item = parse_text(SAMPLE.read_text(encoding="utf-8"), SAMPLE.name)
    line = json.dumps(
        {"title": item.title, "text": Bulletin.article(item.title, item.text),
         "published": item.published_at.isoformat(), "source": item.publisher}
    )  # fmt: skip
    [result] = import_uploads([("sample.jsonl", line.encode())])

    primary = Report.objects.get(bulletin=result.bulletin, is_primary=True)
    assert primary.incident.killed_civilians_best == 28
    assert [(c.group, c.attribution) for c in primary.claims.order_by("position")][:2] == [
        ("international_coalition", "alleged"),
        ("iraq", "unclear"),
    ]
