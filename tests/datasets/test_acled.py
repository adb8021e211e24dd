import datetime

import pytest
from django.core.management import call_command

from events.datasets import import_acled
from events.models import Actor, Incident, Report

from .conftest import DATA

SAMPLE = DATA / "acled_sample.csv"
pytestmark = pytest.mark.django_db


def test_each_row_becomes_one_incident_and_one_report(loaded_gazetteer):
    result = import_acled(SAMPLE)
    assert result.created == 6
    assert Incident.objects.filter(source="acled").count() == 6
    assert Report.objects.filter(source="acled").count() == 6


def test_reimporting_changes_nothing(loaded_gazetteer):
    import_acled(SAMPLE)
    again = import_acled(SAMPLE)
    assert (again.created, again.skipped) == (0, 6)
    assert Incident.objects.filter(source="acled").count() == 6


def test_a_row_maps_its_type_date_place_and_figures(loaded_gazetteer):
    import_acled(SAMPLE)
    report = Report.objects.get(source="acled", external_id="SYR1001")
    incident = report.incident
    assert incident.event_type == "airstrike"
    assert incident.date == datetime.date(2018, 7, 12)
    assert incident.date_precision == "day"
    assert incident.governorate_id == "SY-ID"
    assert incident.place is not None and incident.geo_precision == "place"
    assert incident.killed_total_best == 4
    assert incident.perpetrator_group == "syrian_government"
    assert report.headline.startswith("Regime warplanes")
    assert report.raw["source"] == "SOHR"


def test_sub_event_types_and_notes_give_our_event_types(loaded_gazetteer):
    import_acled(SAMPLE)
    kinds = dict(Report.objects.filter(source="acled").values_list("external_id", "event_type"))
    assert kinds == {
        "SYR1001": "airstrike",
        "SYR1002": "drone_strike",
        "SYR1003": "clash",
        "SYR1004": "missile",
        "SYR1005": "shooting",
        "SYR1006": "bombing",
    }


def test_actors_are_mapped_to_groups_and_civilians_are_not_perpetrators(loaded_gazetteer):
    import_acled(SAMPLE)
    assert Actor.objects.get(name="Military Forces of Turkey (2016-)").group == "turkey"
    assert Actor.objects.get(name="Hayat Tahrir al-Sham").group == "hts"
    assert Actor.objects.get(name="Islamic State (Syria)").group == "islamic_state"
    assert Actor.objects.get(name="Military Forces of Iran (1979-)").group == "iran_aligned"
    assert not Actor.objects.filter(name__startswith="Civilians").exists()
    claims = Report.objects.get(external_id="SYR1002").claims.all()
    assert [c.attribution for c in claims] == ["confirmed", "confirmed"]


def test_only_one_sided_event_types_have_an_attacker(loaded_gazetteer):
    import_acled(SAMPLE)

    def claims(external_id):
        report = Report.objects.get(external_id=external_id)
        return [(c.name, c.kind) for c in report.claims.all()]

    # Explosions/remote violence: actor1 carried it out, actor2 was the side targeted.
    assert claims("SYR1002") == [
        ("Military Forces of Turkey (2016-)", "perpetrator"),
        ("SDF: Syrian Democratic Forces", "party"),
    ]
    # Battles: two parties, no attacker ("actor1 and actor2 do not imply directionality").
    assert claims("SYR1003") == [
        ("Hayat Tahrir al-Sham", "party"),
        ("Military Forces of Syria (2000-)", "party"),
    ]
    battle = Report.objects.get(external_id="SYR1003").incident
    assert battle.perpetrator_groups == "" and battle.party_groups == ",hts,syrian_government,"
    # Violence against civilians: actor1 is the perpetrator.
    assert claims("SYR1005") == [("Islamic State (Syria)", "perpetrator")]


def test_precision_codes_become_our_precisions(loaded_gazetteer):
    import_acled(SAMPLE)
    precisions = dict(Incident.objects.values_list("reports__external_id", "geo_precision"))
    assert precisions["SYR1004"] == "district"
    assert precisions["SYR1005"] == "governorate"
    dates = dict(Incident.objects.values_list("reports__external_id", "date_precision"))
    assert dates["SYR1003"] == "week" and dates["SYR1005"] == "month"


def test_a_row_that_cannot_be_mapped_is_imported_and_reported(loaded_gazetteer, capsys):
    call_command("import_acled", str(SAMPLE))
    out = capsys.readouterr().out
    assert "SYR1006" in out and "unknown governorate 'Atlantis'" in out
    incident = Report.objects.get(external_id="SYR1006").incident
    assert incident.governorate is None and incident.latitude == 35.0
    assert "6 imported" in out


def written(tmp_path, changes, rows=None):
    """The sample's first `rows` rows (all by default) with each row's `changes` ({row
    index: {column: value}}) applied: (the file, how many rows it has)."""
    import csv

    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        sample = list(csv.DictReader(handle))[:rows]
    path = tmp_path / "acled.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(sample[0]))
        writer.writeheader()
        for i, row in enumerate(sample):
            writer.writerow({**row, **changes.get(i, {})})
    return path, len(sample)


def test_an_id_with_spaces_around_it_is_the_same_id(loaded_gazetteer, tmp_path):
    path, _ = written(tmp_path, {0: {"event_id_cnty": " SYR1001 "}}, rows=1)
    import_acled(SAMPLE)

    again = import_acled(path)

    assert (again.created, again.skipped) == (0, 1)
    assert Report.objects.filter(external_id__startswith=" ").count() == 0


def test_a_value_longer_than_its_column_is_a_reported_row_not_a_failed_import(
    loaded_gazetteer, tmp_path
):
    # On PostgreSQL the batch failed with "value too long", the rows after it never imported.
    path, count = written(
        tmp_path, {0: {"event_id_cnty": "SYR" + "9" * 120}, 1: {"actor1": "A" * 250}}
    )

    result = import_acled(path)

    assert result.created == count - 2 == Report.objects.filter(source="acled").count()
    reasons = " ".join(reason for _, reason in result.problems)
    assert "the id is longer than 100 characters" in reasons
    assert "an actor's name is longer than 200 characters" in reasons


@pytest.mark.parametrize(
    ("written_as", "stored"), [("1,234", 1234), ("4.0", 4), ("unknown", None), ("2.7", None)]
)
def test_a_toll_written_otherwise_is_read_or_reported_never_dropped_silently(
    loaded_gazetteer, tmp_path, written_as, stored
):
    path, _ = written(tmp_path, {0: {"fatalities": written_as}})

    result = import_acled(path)

    report = Report.objects.filter(external_id="SYR1001").first()
    if stored is None:
        assert report is None
        assert any(f"{written_as!r} is not a count of deaths" in r for _, r in result.problems)
    else:
        assert report.incident.killed_total_best == stored


def test_control_characters_of_a_row_are_dropped_as_a_bulletins_are(loaded_gazetteer, tmp_path):
    # (a hostile tester's: an escape, a vertical tab and a right-to-left override came out raw
    # in the list page and the CSV, which a terminal printing it obeys)
    notes = "Regime warplanes\x0b struck \x1b[2J the town; 4 civilians killed.\u202e"
    path, _ = written(tmp_path, {0: {"notes": notes, "location": "Kafr\x07 Nabl"}}, rows=1)

    import_acled(path)

    report = Report.objects.get(source="acled")
    stored = " ".join(
        [report.headline, report.incident.title, report.place_name, *map(str, report.raw.values())]
    )
    assert not any(c in stored for c in "\x0b\x1b\x07\u202e")
