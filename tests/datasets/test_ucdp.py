import csv
import datetime
import gzip
import time
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.models import Count

from events.datasets import event_type_from_words, import_ucdp_ged
from events.extraction.gazetteer import key
from events.models import Actor, Claim, Incident, Report, split_names

from .conftest import DATA

SAMPLE = DATA / "ucdp_ged_sample.csv"  # eleven real rows of the UCDP GED Syria release
SEED = Path(settings.BASE_DIR) / "seeds" / "ucdp_ged_syria_2016_2019.csv.gz"
pytestmark = pytest.mark.django_db


def report(ucdp_id):
    return Report.objects.select_related("incident").get(source="ucdp_ged", external_id=ucdp_id)


def test_each_row_becomes_one_incident_and_one_report(loaded_gazetteer):
    result = import_ucdp_ged(SAMPLE)
    assert result.created == 11
    assert Incident.objects.filter(source="ucdp_ged").count() == 11
    assert Report.objects.filter(source="ucdp_ged").count() == 11


def test_reimporting_changes_nothing(loaded_gazetteer):
    import_ucdp_ged(SAMPLE)
    again = import_ucdp_ged(SAMPLE)
    assert (again.created, again.skipped, again.problems) == (0, 11, [])
    assert Incident.objects.count() == 11 and Claim.objects.count() == Claim.objects.count()


def test_a_row_keeps_its_headline_figures_dates_and_place(loaded_gazetteer):
    import_ucdp_ged(SAMPLE)
    r = report("219540")  # Hazzanu village, Idlib, exact location, 2 killed
    assert r.headline.startswith("Casualties and injuries in airstrikes")
    assert r.raw["id"] == "219540"
    assert r.event_type == r.incident.event_type == "airstrike"
    assert r.incident.governorate_id == "SY-ID"
    assert r.incident.geo_precision == "place"
    assert r.incident.place is not None
    assert r.place_name == "Hazzanu"
    assert r.incident.date_precision == "day"
    assert (r.killed_total_low, r.killed_total_best, r.killed_total_high) == (2, 2, 2)
    assert r.incident.killed_total_best == 2


def test_deaths_split_into_civilians_and_combatants(loaded_gazetteer):
    import_ucdp_ged(SAMPLE)
    r = report("241856")  # Turkey vs IS at Bzaah: 13 deaths
    raw = r.raw
    assert r.killed_civilians_best == int(raw["deaths_civilians"])
    assert r.killed_combatants_best == int(raw["deaths_a"]) + int(raw["deaths_b"])


def test_sides_become_actors_with_groups_and_confirmed_claims(loaded_gazetteer):
    import_ucdp_ged(SAMPLE)
    assert Actor.objects.get(name="Government of Syria").group == "syrian_government"
    assert Actor.objects.get(name="IS").group == "islamic_state"
    assert Actor.objects.get(name="Syrian insurgents").group == "opposition"
    assert Actor.objects.get(name="SDF").group == "sdf"
    assert Actor.objects.get(name="HTS").group == "hts"
    assert Actor.objects.get(name="Government of Turkey").group == "turkey"
    assert Actor.objects.get(name="Government of Israel").group == "israel"
    assert Actor.objects.get(name="Hezbollah").group == "iran_aligned"
    one_sided = report("215936")  # IS against civilians
    assert [c.name for c in one_sided.claims.all()] == ["IS"]
    assert one_sided.incident.perpetrator_group == "islamic_state"
    joint = report("317210")  # "Ahrar al-Sham, HTS, Southern Front" against IS
    assert [c.name for c in joint.claims.all()] == ["Ahrar al-Sham", "HTS", "Southern Front", "IS"]
    assert {c.attribution for c in Claim.objects.all()} == {"confirmed"}


def test_where_and_date_precision_codes_become_ours(loaded_gazetteer):
    import_ucdp_ged(SAMPLE)
    assert report("215241").incident.geo_precision == "place"  # 2: within about 25 km
    assert report("214831").incident.geo_precision == "district"  # 3
    assert report("214831").incident.district.pcode == "SY0501"
    assert report("219244").incident.geo_precision == "province"  # 4
    assert report("219244").incident.date_precision == "month"  # date_prec 4
    assert report("233200").incident.date_precision == "year"  # date_prec 5


def test_rows_that_cannot_be_mapped_are_imported_and_reported(loaded_gazetteer, capsys):
    call_command("import_ucdp_ged", str(SAMPLE))
    out = capsys.readouterr().out
    # where_prec 6: the whole country; no point on the map.
    assert "row 233200: location not mappable" in out
    assert report("233200").incident.latitude is None
    # No adm_1 (a road across two governorates): kept at its point, governorate unknown.
    assert "row 217720: no governorate (admin1 empty)" in out
    assert report("217720").incident.latitude is not None
    assert "11 imported" in out


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        ("Russian warplanes carry out raids on Idlib countryside", "airstrike"),
        ("25 explosive barrels target Reef Dimashq", "barrel_bomb"),
        ("Regime forces shell Daraa with rockets and mortars", "shelling"),
        ("A drone targets a car in Idlib", "drone_strike"),
        ("A car bomb explodes in Azaz", "bombing"),
        ("IS executes 5 men in Deir ez-Zor", "execution"),
        ("Violent clashes continue in Hama countryside", "clash"),
        ("Syria Daily Report 14/02/2016", "other"),
    ],
)
def test_the_event_type_comes_from_the_headline_words(headline, kind):
    assert event_type_from_words(headline) == kind


def governorate_of(adm_1, crosswalk):
    return crosswalk.get(key(adm_1)) if adm_1 else None


@pytest.mark.slow  # 16,566 rows: about 25 s of CPU on SQLite
def test_importing_the_shipped_file_round_trips_counts_by_governorate(loaded_gazetteer):
    with gzip.open(SEED, "rt", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    path = Path(settings.BASE_DIR) / "seeds" / "gazetteer" / "governorates.csv"
    crosswalk = {}
    for g in csv.DictReader(path.open(encoding="utf-8")):
        for name in [g["code"], g["name"], *split_names(g["alternate_names"])]:
            crosswalk[key(name)] = g["code"]
    expected = Counter(governorate_of(row["adm_1"], crosswalk) for row in rows)

    started = time.perf_counter()
    result = import_ucdp_ged(SEED)
    elapsed = time.perf_counter() - started

    assert result.created == len(rows) == 16566
    got = Counter(
        {
            row["governorate"]: row["n"]
            for row in Incident.objects.filter(source="ucdp_ged")
            .values("governorate")
            .annotate(n=Count("id"))
        }
    )
    assert got == expected
    assert elapsed < 120
    assert Report.objects.filter(source="ucdp_ged").count() == 16566
    assert Incident.objects.filter(date__lt=datetime.date(2016, 1, 1)).count() == 0


@pytest.mark.parametrize("date", ["1985-06-01", "2999-01-01"])
def test_a_row_dated_outside_the_sane_range_is_reported_and_not_imported(
    loaded_gazetteer, tmp_path, date
):
    rows = list(csv.DictReader(SAMPLE.open()))
    rows[0]["date_start"] = rows[0]["date_end"] = date
    path = tmp_path / "dated.csv"
    with path.open("w", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=rows[0].keys())
        writer.writeheader()
        writer.writerows(rows)

    result = import_ucdp_ged(path)

    assert result.created == 10
    assert [ucdp_id for ucdp_id, problem in result.problems if date in problem] == [rows[0]["id"]]
    assert not Report.objects.filter(external_id=rows[0]["id"]).exists()
