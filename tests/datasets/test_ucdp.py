import csv
import datetime
import gzip
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db.models import Count

from events.datasets import (
    attribute_from_headlines,
    event_type_from_words,
    import_ucdp_ged,
    ucdp_row,
)
from events.extraction import extract
from events.extraction.gazetteer import key
from events.models import Actor, Claim, Incident, Report, split_names
from events.seeds import load_actors

from .conftest import DATA

SAMPLE = DATA / "ucdp_ged_sample.csv"  # eleven real rows of the UCDP GED Syria release
SEED = Path(settings.BASE_DIR) / "seeds" / "ucdp_ged_syria_2016_2019.csv.gz"
pytestmark = pytest.mark.django_db


with SAMPLE.open(encoding="utf-8", newline="") as _handle:
    ROW = next(csv.DictReader(_handle))  # 219540: state-based, exact day and place


def no_extractor(title, text, published, source=None):
    return []


def write_rows(path, rows):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(ROW))
        writer.writeheader()
        writer.writerows(rows)


def report(ucdp_id):
    return Report.objects.select_related("incident").get(source="ucdp_ged", external_id=ucdp_id)


def test_each_row_becomes_one_incident_and_one_report(loaded_gazetteer):
    result = import_ucdp_ged(SAMPLE)
    assert result.created == 11
    assert Incident.objects.filter(source="ucdp_ged").count() == 11
    assert Report.objects.filter(source="ucdp_ged").count() == 11


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"], reason="PostgreSQL's statistics"
)
def test_an_import_leaves_the_planner_statistics_of_what_it_wrote(loaded_gazetteer):
    # With autovacuum off or not yet by, a planner that took the new tables for empty joined
    # an export's perpetrators by nested loop (147 s for 16,000 rows; 0.65 s once analysed).
    from django.db import connection

    import_ucdp_ged(SAMPLE)

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reltuples FROM pg_class WHERE relname IN"
            " ('events_incident', 'events_report')"
        )
        assert dict(cursor.fetchall()) == {"events_incident": 11, "events_report": 11}


def test_reimporting_changes_nothing(loaded_gazetteer):
    import_ucdp_ged(SAMPLE)
    again = import_ucdp_ged(SAMPLE)
    assert (again.created, again.skipped, again.problems) == (0, 11, [])
    assert Incident.objects.count() == 11 and Claim.objects.count() == Claim.objects.count()


def test_a_row_changed_upstream_since_its_import_is_reported_on_reimport(
    loaded_gazetteer, tmp_path
):
    # "0 imported, 11 already present": the new toll of row 219540 went unsaid.
    import_ucdp_ged(SAMPLE, extractor=no_extractor)
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[0] = {**rows[0], "best": "50"}
    write_rows(tmp_path / "changed.csv", rows)

    again = import_ucdp_ged(tmp_path / "changed.csv", extractor=no_extractor)

    assert (again.created, again.skipped) == (0, 11)
    assert [(ucdp_id, "changed") for ucdp_id, reason in again.problems if "changed" in reason] == [
        (ROW["id"], "changed")
    ]
    assert "best" in again.problems[0][1]


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


def test_sides_become_actors_with_groups(loaded_gazetteer):
    import_ucdp_ged(SAMPLE, extractor=no_extractor)
    assert Actor.objects.get(name="Government of Syria").group == "syrian_government"
    assert Actor.objects.get(name="IS").group == "islamic_state"
    assert Actor.objects.get(name="Syrian insurgents").group == "opposition"
    assert Actor.objects.get(name="SDF").group == "sdf"
    assert Actor.objects.get(name="HTS").group == "hts"
    assert Actor.objects.get(name="Government of Turkey").group == "turkey"
    assert Actor.objects.get(name="Government of Israel").group == "israel"
    assert Actor.objects.get(name="Hezbollah").group == "iran_aligned"
    joint = report("317210")  # "Ahrar al-Sham, HTS, Southern Front" against IS
    assert [c.name for c in joint.claims.all()] == ["Ahrar al-Sham", "HTS", "Southern Front", "IS"]


def test_only_one_sided_violence_names_a_perpetrator(loaded_gazetteer):
    import_ucdp_ged(SAMPLE, extractor=no_extractor)
    one_sided = report("215936")  # IS against civilians
    assert [(c.name, c.kind, c.attribution) for c in one_sided.claims.all()] == [
        ("IS", "perpetrator", "confirmed")
    ]
    assert one_sided.incident.perpetrator_group == "islamic_state"
    assert [a.name for a in one_sided.incident.perpetrators.all()] == ["IS"]


def test_the_sides_of_state_based_and_non_state_conflict_are_parties(loaded_gazetteer):
    import_ucdp_ged(SAMPLE, extractor=no_extractor)
    for ucdp_id in ("219540", "317210"):  # type_of_violence 1 and 2
        r = report(ucdp_id)
        assert {c.kind for c in r.claims.all()} == {"party"}
        assert not r.incident.perpetrators.exists()
        assert r.incident.perpetrator_group == "" and r.incident.perpetrator_groups == ""
    assert report("219540").incident.party_groups == ",opposition,syrian_government,"
    assert not Incident.objects.filter(perpetrator_groups__contains=",opposition,").exists()


def test_a_state_based_events_perpetrator_comes_from_its_headline_as_alleged_by_the_outlet(
    loaded_gazetteer, tmp_path
):
    path = tmp_path / "ged.csv"
    headline = "Russian warplanes carry out raids on the countryside of Idlib"
    write_rows(path, [{**ROW, "source_headline": headline, "source_office": "SOHR"}])
    import_ucdp_ged(path)  # the real extractor
    r = report(ROW["id"])
    alleged = [c for c in r.claims.all() if c.kind == "perpetrator"]
    assert alleged and {c.attribution for c in alleged} == {"alleged"}
    assert {c.alleged_by for c in alleged} == {"SOHR"}
    assert alleged[0].group == "russia"
    assert r.incident.perpetrator_group == "russia"
    assert list(r.incident.perpetrators.all()) == [alleged[0].actor]
    assert {c.kind for c in r.claims.all() if c.attribution == "confirmed"} == {"party"}


def test_headline_perpetrators_are_read_from_each_source_headline():
    seen = []

    def extractor(title, text, published, source=None):
        seen.append((title, source))
        group = {"Russian": "russia", "Turkish": "turkey"}[title.split()[0]]
        return [{"perpetrators": [{"name": title.split()[0], "group": group}]}]

    raw = {**ROW, "source_headline": "Russian jets;Turkish guns;Russian jets", "source_office": "X"}
    row = ucdp_row(raw, extractor=extractor)
    assert [p["name"] for p in row.alleged] == ["Russian", "Turkish"]
    assert row.alleged_by == "X" and seen[0] == ("Russian jets", "X")
    one_sided = ucdp_row({**raw, "type_of_violence": "3"}, extractor=extractor)
    assert one_sided.alleged == []


@pytest.mark.parametrize(
    ("sides", "headline", "groups"),
    [
        # (a newcomer's: SOHR's daily round-up names the coalition for another incident of the
        # day; the government and the rebels fought this one)
        (
            ("Government of Syria", "Syrian insurgents"),
            "85 people were killed yesterday including 14 members of the regime forces, and 21 "
            "civilians were killed in aerial shelling by the International Coalition",
            [],
        ),
        # an ally UCDP codes under a side stays: Russia's jets in the government's war
        (
            ("Government of Syria", "Syrian insurgents"),
            "Russian warplanes carry out raids on the countryside of Idlib",
            ["russia"],
        ),
        (
            ("IS", "SDF"),
            "Coalition warplanes strike IS positions near Hajin",
            ["international_coalition"],
        ),
        # a side of no group we know: nothing to check the headline against
        (("Government of Syria", "al-Nasser clan"), "Turkish shelling hits Afrin", ["turkey"]),
    ],
)  # fmt: skip
def test_a_headlines_attacker_is_one_of_the_sides_that_fought_or_their_ally(
    sides, headline, groups
):
    raw = {**ROW, "side_a": sides[0], "side_b": sides[1], "source_headline": headline}
    assert [p["group"] for p in ucdp_row(raw, extractor=extract).alleged] == groups


def test_where_and_date_precision_codes_become_ours(loaded_gazetteer):
    import_ucdp_ged(SAMPLE, extractor=no_extractor)
    assert report("215241").incident.geo_precision == "place"  # 2: within about 25 km
    assert report("214831").incident.geo_precision == "district"  # 3
    assert report("214831").incident.district.pcode == "SY0501"
    assert report("219244").incident.geo_precision == "governorate"  # 4
    assert report("233200").incident.geo_precision == "country"  # 6
    assert report("219244").incident.date_precision == "month"  # date_prec 4
    assert report("233200").incident.date_precision == "year"  # date_prec 5


def test_a_period_keeps_its_last_day_and_a_summed_toll_is_an_aggregate(loaded_gazetteer):
    import_ucdp_ged(SAMPLE, extractor=no_extractor)
    year = report("233200").incident  # "About 60 thousand were killed in 2016", clarity 2
    assert (year.date, year.date_end) == (datetime.date(2016, 1, 1), datetime.date(2016, 12, 31))
    assert year.aggregate
    month = report("219244").incident
    assert month.date_end == datetime.date(2016, 4, 30) and not month.aggregate
    day = report("219540").incident
    assert day.date_end is None and not day.aggregate


def test_html_entities_are_decoded_before_the_headline_is_split():
    raw = {**ROW, "source_headline": "The regime forces target al-Wa&#8217;er;Shelling on Homs"}
    row = ucdp_row(raw)
    assert row.headline == "The regime forces target al-Wa\u2019er;Shelling on Homs"


def test_an_imported_title_is_whole_and_decoded(loaded_gazetteer, tmp_path):
    path = tmp_path / "ged.csv"
    write_rows(path, [{**ROW, "source_headline": "The regime forces target al-Wa&#8217;er;More"}])
    import_ucdp_ged(path, extractor=no_extractor)
    incident = Incident.objects.get()
    assert incident.title == "The regime forces target al-Wa\u2019er"
    assert incident.reports.get().headline.startswith("The regime forces target al-Wa\u2019er;")


def test_dataset_names_resolve_to_the_actor_whose_alias_they_are(loaded_gazetteer):
    load_actors()
    import_ucdp_ged(SAMPLE, extractor=no_extractor)
    assert not Actor.objects.filter(name__in=["Government of Syria", "IS", "SDF", "HTS"]).exists()
    claims = report("219540").claims.all()
    assert [c.actor.name for c in claims] == ["Syrian government forces", "Syrian armed opposition"]
    assert [c.name for c in claims] == ["Government of Syria", "Syrian insurgents"]
    assert report("215936").incident.perpetrators.get().name == "Islamic State"


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

    result = import_ucdp_ged(SEED)

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
    assert Report.objects.filter(source="ucdp_ged").count() == 16566
    assert Incident.objects.filter(date__lt=datetime.date(2016, 1, 1)).count() == 0


def test_rows_imported_before_headlines_were_read_can_be_attributed_once(loaded_gazetteer):
    import_ucdp_ged(SAMPLE, extractor=no_extractor)

    def extractor(title, text, published, source=None):
        return [{"perpetrators": [{"name": "Russian armed forces", "group": "russia"}]}]

    gained = attribute_from_headlines(extractor=extractor)

    r = report("219540")  # state-based: the headline's perpetrator, alleged by SOHR
    alleged = r.claims.get(kind="perpetrator")
    assert (alleged.name, alleged.attribution, alleged.alleged_by) == (
        "Russian armed forces",
        "alleged",
        "SOHR",
    )
    assert r.incident.perpetrator_group == "russia"
    assert r.incident.perpetrator_groups == ",russia,"
    one_sided = report("215936")
    assert [c.name for c in one_sided.claims.all()] == ["IS"]  # its own perpetrator kept
    assert gained == Incident.objects.filter(perpetrator_groups__contains=",russia,").count()
    assert attribute_from_headlines(extractor=extractor) == 0


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


@pytest.mark.parametrize(
    "changes",
    [
        {"best": "1e12"},
        {"best": "-5"},
        {"deaths_a": "2000000000", "deaths_b": "2000000000"},
        {"latitude": "91"},
        {"longitude": "-200"},
        {"longitude": ""},  # a latitude without its longitude stopped the import
        {"latitude": ""},
        {"source_headline": "Air\x00strike on Aleppo"},
        {"date_start": "2019-02-30"},  # was imported undated, without a word
    ],
)
def test_a_row_with_an_impossible_figure_coordinate_or_a_nul_is_reported_and_the_rest_imported(
    loaded_gazetteer, tmp_path, changes
):
    # Each of these failed in the database and stopped the whole import.
    rows = list(csv.DictReader(SAMPLE.open()))
    rows[0].update(changes)
    write_rows(tmp_path / "hostile.csv", rows)

    result = import_ucdp_ged(tmp_path / "hostile.csv", extractor=no_extractor)

    assert result.created == 10
    assert [ucdp_id for ucdp_id, problem in result.problems if "unreadable" in problem] == [
        rows[0]["id"]
    ]


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "NaN"])
def test_a_figure_or_coordinate_that_is_not_finite_is_unknown(loaded_gazetteer, tmp_path, value):
    rows = [{**ROW, "best": value, "latitude": value, "longitude": value}]
    write_rows(tmp_path / "infinite.csv", rows)

    result = import_ucdp_ged(tmp_path / "infinite.csv", extractor=no_extractor)

    assert result.created == 1
    incident = report(ROW["id"]).incident
    # (no figure and no point of its own: the place its name gives has the point)
    assert (incident.killed_total_best, incident.latitude) == (None, incident.place.latitude)


@pytest.mark.parametrize(
    "content",
    [b"id,best\n1,\xff\xfe2\n", b"\x1f\x8b\x08\x00truncated", b"id,best\n1," + b"9" * 200_000],
)
def test_a_file_that_is_not_utf8_csv_is_a_command_error_not_a_traceback(tmp_path, content):
    path = tmp_path / "broken.csv"
    path.write_bytes(content)

    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_ucdp_ged", str(path), verbosity=0)


def test_a_row_without_an_id_is_reported_and_the_rest_imported(loaded_gazetteer, tmp_path):
    # Its report broke the report_has_a_source check at the end: nothing of the file was kept.
    rows = list(csv.DictReader(SAMPLE.open()))
    rows[3]["id"] = " "
    write_rows(tmp_path / "no-id.csv", rows)

    result = import_ucdp_ged(tmp_path / "no-id.csv", extractor=no_extractor)

    assert result.created == 10
    assert [problem for _, problem in result.problems if "no id" in problem]


def test_a_best_estimate_outside_its_range_widens_the_range(loaded_gazetteer):
    # UCDP row 219459: low 177, best 142, high 177. Its best is kept; the range stretches to
    # hold it, so the figures are a valid range the admin can save.
    row = ucdp_row({**ROW, "low": "177", "best": "142", "high": "177"})
    assert [row.figures[f"killed_total_{b}"] for b in ("low", "best", "high")] == [142, 142, 177]

    row = ucdp_row({**ROW, "low": "4", "best": "1000", "high": "4"})
    assert [row.figures[f"killed_total_{b}"] for b in ("low", "best", "high")] == [4, 1000, 1000]


@pytest.mark.parametrize(
    "written", ["2017-01-01 00:00:00.000", "2017-01-01T00:00:00", "2017-01-01 00:00:00"]
)
def test_a_date_with_a_time_is_read_as_its_day(written):
    assert ucdp_row({**ROW, "date_start": written, "date_end": written}).date == (
        datetime.date(2017, 1, 1)
    )


def test_a_range_written_backwards_without_a_best_is_read_the_right_way_round():
    row = ucdp_row({**ROW, "low": "9", "best": "", "high": "4"})

    assert [row.figures[f"killed_total_{b}"] for b in ("low", "best", "high")] == [4, None, 9]


def test_a_file_without_the_columns_of_a_ucdp_csv_is_refused_naming_them(
    loaded_gazetteer, tmp_path
):
    path = tmp_path / "ged.csv"
    columns = [c for c in ROW if c not in ("best", "date_start", "latitude")]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerow(ROW)

    with pytest.raises(CommandError) as refused:
        call_command("import_ucdp_ged", str(path), verbosity=0)
    assert all(column in str(refused.value) for column in ("best", "date_start", "latitude"))
    assert not Report.objects.exists()


def test_a_row_shorter_or_longer_than_the_header_is_reported_not_imported(
    loaded_gazetteer, tmp_path
):
    path = tmp_path / "ged.csv"
    write_rows(path, [ROW])
    with path.open("a", encoding="utf-8", newline="") as handle:
        handle.write("999001,2017,1,state-based\n")
        handle.write(",".join(["999002", *list(ROW.values())[1:], "extra"]) + "\n")

    result = import_ucdp_ged(path, extractor=no_extractor)

    assert result.created == 1
    reasons = dict(result.problems)
    assert "fields" in reasons["999001"] and "fields" in reasons["999002"]


def test_a_second_row_with_the_same_id_in_one_file_is_reported(loaded_gazetteer, tmp_path):
    path = tmp_path / "ged.csv"
    write_rows(path, [ROW, {**ROW, "best": "99"}])

    result = import_ucdp_ged(path, extractor=no_extractor)

    assert (result.created, result.skipped) == (1, 0)
    assert [row for row, _ in result.problems if "same id" in _] == [ROW["id"]]
    assert "2 rows with something unmapped" not in result.summary("UCDP GED")


def test_an_undated_row_has_no_date_precision(loaded_gazetteer, tmp_path):
    path = tmp_path / "ged.csv"
    write_rows(path, [{**ROW, "date_start": "", "date_end": ""}])

    import_ucdp_ged(path, extractor=no_extractor)

    incident = report(ROW["id"]).incident
    assert incident.date is None and incident.date_precision == "undated"


@pytest.mark.parametrize(("latitude", "longitude"), [("0", "0"), ("51.5", "-0.12")])
def test_a_point_outside_syria_is_dropped_for_the_named_places(
    loaded_gazetteer, tmp_path, latitude, longitude
):
    # Imported into Idlib with a point at (0, 0) or in London, said only to be "not in the
    # gazetteer"; the map put the strike in the Gulf of Guinea.
    write_rows(tmp_path / "far.csv", [{**ROW, "latitude": latitude, "longitude": longitude}])

    result = import_ucdp_ged(tmp_path / "far.csv", extractor=no_extractor)

    assert result.created == 1
    incident = report(ROW["id"]).incident
    assert incident.place is not None and incident.place.governorate.code == "SY-ID"
    assert (incident.latitude, incident.longitude) == (
        incident.place.latitude,
        incident.place.longitude,
    )
    assert any("outside Syria" in problem for _, problem in result.problems)


def test_a_row_without_coordinates_at_a_known_place_is_put_at_the_place(loaded_gazetteer, tmp_path):
    write_rows(tmp_path / "nowhere.csv", [{**ROW, "latitude": "", "longitude": ""}])

    import_ucdp_ged(tmp_path / "nowhere.csv", extractor=no_extractor)

    incident = report(ROW["id"]).incident
    assert incident.place is not None
    assert (incident.latitude, incident.longitude, incident.geo_precision) == (
        incident.place.latitude,
        incident.place.longitude,
        "place",
    )


@pytest.mark.parametrize(
    ("changes", "dropped"),
    [
        ({"deaths_a": "0", "deaths_b": "0", "deaths_civilians": "500"}, ["civilians"]),
        ({"deaths_a": "6", "deaths_b": "0", "deaths_civilians": "6"}, ["civilians", "combatants"]),
    ],
)
def test_a_part_of_the_dead_more_than_the_dead_is_reported_and_not_stored(
    loaded_gazetteer, tmp_path, changes, dropped
):
    # 500 civilians of 10 dead were imported without a word: the admin then refused the
    # incident's figures, and the overview counted 500 civilians among 10 deaths.
    figures = {"low": "10", "best": "10", "high": "10"}
    write_rows(tmp_path / "more.csv", [{**ROW, **figures, **changes}])

    result = import_ucdp_ged(tmp_path / "more.csv", extractor=no_extractor)

    assert result.created == 1
    [(ucdp_id, problem)] = [(i, p) for i, p in result.problems if "contradict" in p]
    assert ucdp_id == ROW["id"] and "than the 10 killed in all; left out" in problem
    r = report(ROW["id"])
    for record in (r, r.incident):
        assert record.killed_total_best == 10
        for category in dropped:
            assert getattr(record, f"killed_{category}_best") is None
        record.full_clean()
