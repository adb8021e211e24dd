"""IncidentFacets: incidents of every status counted by status, source and toll as well,
equal to the incidents themselves whatever writes them; the views read it for those filters."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.counts import check, facet_toll_breakdowns, facets
from events.filters import IncidentFilter
from events.models import (
    Actor,
    DatePrecision,
    GeoPrecision,
    Incident,
    IncidentFacetBreakdown,
    IncidentFacets,
    IncidentFacetTollBreakdown,
    IncidentTollBreakdown,
    ReviewStatus,
)
from tests.conftest import governorate

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="IncidentFacets is kept on PostgreSQL only"
    ),
]


def test_the_facets_follow_every_kind_of_write(make_incident):
    russia = Actor.objects.create(name="Russian Air Force", group="russia")
    a = make_incident(killed_total_best=4)
    b = make_incident(killed_total_best=None, source="ucdp_ged", status="verified")
    c = make_incident(killed_total_best=250, perpetrators=[russia])
    Incident.objects.bulk_create(
        Incident(title=f"bulk {n}", latitude=35.0, longitude=38.0 + n, killed_total_best=n)
        for n in range(5)
    )
    assert check.differences() == []

    a.killed_total_best = 9
    a.save()
    b.status = ReviewStatus.REJECTED  # still counted here, under its status
    b.save()
    c.source = "acled"
    c.save()
    Incident.objects.filter(title__startswith="bulk").update(date=datetime.date(2019, 3, 1))
    Incident.objects.filter(title="bulk 0").delete()
    assert check.differences() == []

    facets.compact(force=True)

    assert not IncidentFacets.objects.filter(pending=True).exists()
    assert check.differences() == []
    assert IncidentFacets.objects.get(status="rejected").killed_capped is None
    assert IncidentFacets.objects.get(source="acled").killed_capped == 100


def test_a_rebuild_counts_what_the_triggers_never_saw(make_incident):
    make_incident(killed_total_best=3)
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        cursor.execute("UPDATE events_incident SET status = 'verified'")
        cursor.execute("SET session_replication_role = DEFAULT")
    assert check.differences() != []

    call_command("rebuild_counts")

    assert check.differences() == []


@pytest.mark.parametrize(
    "query",
    [
        {"status": "verified"},
        {"source": "ucdp_ged"},
        {"min_killed": "5"},
        {"geo_precision": "place"},
    ],
)
def test_the_map_reads_the_map_facets_for_status_source_and_toll(client, make_incident, query):
    """The map of a status, a source or a toll adds up IncidentMapFacets (no months); the
    histogram of a toll, IncidentTollBreakdown (by month)."""
    from events.models import IncidentMapFacets

    make_incident(killed_total_best=7, status="verified", source="ucdp_ged")
    make_incident(killed_total_best=2, status="extracted", geo_precision="district")

    with CaptureQueriesContext(connection) as captured:
        body = client.get(reverse("events:map_data"), {**query, "bbox": "35,32,43,38"}).json()
    assert body["total"] == {"count": 1, "capped": False}
    assert IncidentMapFacets._meta.db_table in " ".join(q["sql"] for q in captured)

    with CaptureQueriesContext(connection) as captured:
        histogram = client.get(reverse("events:histogram"), query).json()
    assert histogram["total"] == {"count": 1, "capped": False}
    if "min_killed" in query:
        assert IncidentTollBreakdown._meta.db_table in " ".join(q["sql"] for q in captured)


@pytest.mark.parametrize(
    "query",
    [
        {"status": "extracted"},
        {"status": "rejected", "province": "SY-HL"},
        {"source": "ucdp_ged", "date_from": "2019-03-01", "date_to": "2019-03-31"},
        {"aggregates": "only"},
        {"date_precision": "week"},
        {"geo_precision": "district", "status": "extracted"},
    ],
)
def test_a_status_or_a_source_is_counted_from_the_facet_breakdowns(client, make_incident, query):
    """The list's total, the histogram and the overview's breakdowns of a status, a source or
    the aggregates add up IncidentFacetBreakdown's few rows, not IncidentFacets' many, and
    come to what the incidents themselves say."""
    march = datetime.date(2019, 3, 9)
    make_incident(province="SY-HL", killed_total_best=7, status="rejected", date=march)
    make_incident(killed_total_best=2, source="ucdp_ged", date=march)
    make_incident(killed_total_best=5, aggregate=True, date=march)
    make_incident(killed_total_best=1, status="extracted", date=datetime.date(2019, 4, 1))
    make_incident(killed_total_best=6, date_precision="month", geo_precision="governorate")
    make_incident(killed_total_best=3, date_precision="week", geo_precision="district")
    matching = [
        i for i in Incident.objects.all()
        if all(_matches(i, name, value) for name, value in query.items())
    ]  # fmt: skip

    with CaptureQueriesContext(connection) as captured:
        histogram = client.get(reverse("events:histogram"), query).json()
    sql = " ".join(q["sql"] for q in captured.captured_queries)  # before the next request
    overview = client.get(reverse("events:overview_data"), query).json()

    assert IncidentFacetBreakdown._meta.db_table in sql
    assert IncidentFacets._meta.db_table not in sql
    assert histogram["total"]["count"] == len(matching) > 0
    killed = sum(i.killed_total_best for i in matching)
    assert histogram["killed"] == sum(killed for _, _, killed in histogram["months"]) == killed
    assert overview["total"]["count"] == len(matching)


def _matches(incident, name, value):
    if name == "status":
        return incident.status == value and not incident.aggregate
    if name == "source":
        return incident.source == value and not incident.aggregate
    if name == "aggregates":
        return incident.aggregate
    if name in ("date_precision", "geo_precision"):
        levels = {"date_precision": DatePrecision, "geo_precision": GeoPrecision}[name]
        published = incident.status != "rejected" and not incident.aggregate
        return getattr(incident, name) in levels.as_fine_as(value) and published
    if name == "province":
        return incident.governorate_id == value
    if name == "date_from":
        return incident.date >= datetime.date.fromisoformat(value)
    if name == "date_to":
        return incident.date <= datetime.date.fromisoformat(value)
    raise AssertionError(name)


@pytest.mark.parametrize(
    "query", [{}, {"status": "verified"}, {"source": "ucdp_ged", "group": "russia"}]
)
def test_the_overview_ranks_the_top_places_from_the_place_breakdowns(client, make_incident, query):
    """The top places of any filter but the dates add up IncidentPlaceBreakdown's rows (no
    months, points or tolls), ranked as the incidents themselves rank them."""
    from events.models import IncidentPlaceBreakdown, Place

    russia = Actor.objects.create(name="Russian Air Force", group="russia")
    deir = governorate("SY-DY")
    places = [
        Place.objects.create(name=f"Place {n}", governorate=deir, latitude=35, longitude=40 + n)
        for n in range(3)
    ]
    for n, place in enumerate(places):
        for k in range(n + 1):  # Place 2 has most incidents
            make_incident(
                place=place, killed_total_best=k, status="verified", source="ucdp_ged",
                perpetrators=[russia], date=datetime.date(2017, 1 + k, 3),
            )  # fmt: skip
    make_incident(place=places[0], status="extracted", source="bulletin")
    make_incident(place=places[0], status="rejected")

    with CaptureQueriesContext(connection) as captured:
        body = client.get(reverse("events:overview_data"), query).json()
    sql = " ".join(q["sql"] for q in captured.captured_queries)

    assert IncidentPlaceBreakdown._meta.db_table in sql
    assert IncidentFacets._meta.db_table not in sql
    published = 2 if not query else 1  # the extracted one counts unless a filter excludes it
    assert {name: n for _, name, n, *_ in body["place"]} == {
        "Place 2": 3,
        "Place 1": 2,
        "Place 0": published,
    }


@pytest.mark.parametrize(
    "query",
    [
        {"min_killed": "2"},
        {"min_killed": "1", "province": "SY-HL"},
        {"min_killed": "5", "date_from": "2019-03-01", "date_to": "2019-03-31"},
        {"min_killed": "100", "event_type": "airstrike"},
    ],
)
def test_a_minimum_toll_is_counted_from_the_toll_breakdowns(client, make_incident, query):
    """The total, the histogram and the overview's breakdowns of a minimum toll add up
    IncidentTollBreakdown's rows (the top places the map's facets'), not IncidentFacets' many,
    and come to what the incidents themselves say: unknown tolls, rejected incidents and
    aggregates left out, a toll past 100 counted at its own size."""
    march = datetime.date(2019, 3, 9)
    make_incident(province="SY-HL", killed_total_best=7, date=march)
    make_incident(province="SY-HL", killed_total_best=2, status="verified", date=march)
    make_incident(killed_total_best=250, date=datetime.date(2019, 4, 1))
    make_incident(killed_total_best=None, date=march)
    make_incident(killed_total_best=9, status="rejected", date=march)
    make_incident(killed_total_best=5, aggregate=True, date=march)
    make_incident(province="SY-HL", killed_total_best=1, date=datetime.date(2019, 5, 2))
    matching = [
        i for i in Incident.objects.all()
        if i.status != "rejected" and not i.aggregate and i.killed_total_best is not None
        and i.killed_total_best >= int(query["min_killed"])
        and ("province" not in query or i.governorate_id == query["province"])
        and ("date_from" not in query or i.date >= datetime.date(2019, 3, 1))
        and ("date_to" not in query or i.date <= datetime.date(2019, 3, 31))
        and ("event_type" not in query or i.event_type == query["event_type"])
    ]  # fmt: skip

    with CaptureQueriesContext(connection) as captured:
        histogram = client.get(reverse("events:histogram"), query).json()
    sql = " ".join(q["sql"] for q in captured.captured_queries)  # before the next request
    with CaptureQueriesContext(connection) as captured:
        overview = client.get(reverse("events:overview_data"), query).json()
    overview_sql = " ".join(q["sql"] for q in captured.captured_queries)

    assert IncidentTollBreakdown._meta.db_table in sql
    assert f'"{IncidentFacets._meta.db_table}"' not in sql
    assert IncidentTollBreakdown._meta.db_table in overview_sql
    if "date_from" not in query:  # the top places of some months: the facets (by month)
        assert f'"{IncidentFacets._meta.db_table}"' not in overview_sql
    assert histogram["total"]["count"] == overview["total"]["count"] == len(matching) > 0
    killed = sum(i.killed_total_best for i in matching)
    assert histogram["killed"] == sum(killed for _, _, killed in histogram["months"]) == killed


@pytest.mark.parametrize(
    "query",
    [
        {"min_killed": "3", "status": "verified"},
        {"min_killed": "2", "source": "ucdp_ged", "province": "SY-HL"},
        {"min_killed": "1", "status": "rejected", "date_to": "2019-03-31"},
        {"min_killed": "2", "aggregates": "only"},
        {"min_killed": "2", "geo_precision": "place"},
        {"min_killed": "1", "date_precision": "day", "status": "verified"},
        {"min_killed": "3", "geo_precision": "district", "date_precision": "week"},
    ],
)
def test_a_minimum_toll_with_a_status_or_source_is_counted_from_the_facet_toll_breakdowns(
    client, make_incident, query
):
    """A toll with a status, a source, the aggregates or a precision: the totals, the
    histogram and the overview's breakdowns add up IncidentFacetTollBreakdown's rows (the top
    places the map's facets'), not IncidentFacets' many nor the incidents, and come to what
    the incidents say."""
    march = datetime.date(2019, 3, 9)
    make_incident(province="SY-HL", killed_total_best=7, status="verified", date=march)
    make_incident(province="SY-HL", killed_total_best=3, source="ucdp_ged", date=march)
    make_incident(killed_total_best=250, status="verified", date=datetime.date(2019, 4, 1))
    make_incident(killed_total_best=9, status="rejected", date=march)
    make_incident(killed_total_best=5, aggregate=True, date=march)
    make_incident(province="SY-HL", killed_total_best=1, status="rejected", date=march)
    make_incident(killed_total_best=6, status="verified", date=march, geo_precision="governorate")
    make_incident(killed_total_best=8, date=march, date_precision="month")
    make_incident(killed_total_best=3, date=march, geo_precision="district", date_precision="week")
    merged = make_incident(killed_total_best=4, status="verified", date=march)
    make_incident(killed_total_best=4, status="verified", date=march).merge([merged])
    expected = IncidentFilter(query, queryset=Incident.objects.all())
    assert expected.is_valid()
    matching = list(expected.qs)

    with CaptureQueriesContext(connection) as captured:
        histogram = client.get(reverse("events:histogram"), query).json()
    sql = " ".join(q["sql"] for q in captured.captured_queries)
    with CaptureQueriesContext(connection) as captured:
        overview = client.get(reverse("events:overview_data"), query).json()
    overview_sql = " ".join(q["sql"] for q in captured.captured_queries)

    table = IncidentFacetTollBreakdown._meta.db_table
    assert table in sql and table in overview_sql
    assert f'"{IncidentFacets._meta.db_table}"' not in sql
    if "date_to" not in query:  # the top places of some months: the facets (by month)
        assert f'"{IncidentFacets._meta.db_table}"' not in overview_sql
    assert histogram["total"]["count"] == overview["total"]["count"] == len(matching) > 0
    killed = sum(i.killed_total_best for i in matching)
    assert histogram["killed"] == sum(killed for _, _, killed in histogram["months"]) == killed
    assert sum(row[2] for row in overview["event_type"]) == len(matching)


@pytest.mark.parametrize(
    ("query", "breakdowns", "without_months"),
    [
        ({"status": "verified"}, "IncidentFacetBreakdown", "IncidentPlaceBreakdown"),
        ({"date_precision": "week"}, "IncidentFacetBreakdown", "IncidentPlaceBreakdown"),
        ({"aggregates": "include"}, "IncidentFacetBreakdown", "IncidentPlaceBreakdown"),
        (
            {"source": "ucdp_ged", "group": "russia"},
            "IncidentFacetBreakdown",
            "IncidentPlaceBreakdown",
        ),
        ({"min_killed": "2"}, "IncidentTollBreakdown", "IncidentMapFacets"),
        ({"min_killed": "2", "province": "SY-HL"}, "IncidentTollBreakdown", "IncidentMapFacets"),
        (
            {"min_killed": "1", "aggregates": "only"},
            "IncidentFacetTollBreakdown",
            "IncidentMapFacets",
        ),
        (
            {"min_killed": "3", "geo_precision": "district"},
            "IncidentFacetTollBreakdown",
            "IncidentMapFacets",
        ),
    ],
)
def test_the_overview_of_a_facet_or_a_toll_reads_only_its_months_from_the_breakdowns(
    make_incident, make_place, monkeypatch, query, breakdowns, without_months
):
    """For a status, a source, the aggregates, a precision or a toll (without dates), the
    overview reads the governorates, groups, types and top places from a table without months
    and only the months from the breakdowns: every figure as the incidents themselves give it."""
    from events import counts, models

    russia = Actor.objects.create(name="Russian Air Force", group="russia")
    regime = Actor.objects.create(name="Syrian Arab Air Force", group="syrian_government")
    places = [make_place(f"Place {n}", longitude=40 + n) for n in range(3)]
    aleppo = make_place("Aleppo place", province="SY-HL", latitude=36.2, longitude=37.1)
    rows = [
        # (place, province, status, source, aggregate, date precision, geo precision, toll)
        (places[0], "SY-DY", "verified", "ucdp_ged", False, "day", "place", 7),
        (places[0], "SY-DY", "verified", "bulletin", False, "week", "place", 2),
        (places[1], "SY-DY", "extracted", "ucdp_ged", False, "day", "district", 1),
        (places[1], "SY-DY", "rejected", "ucdp_ged", False, "day", "place", 9),
        (places[2], "SY-DY", "verified", "ucdp_ged", True, "month", "governorate", 40),
        (None, "SY-DY", "verified", "bulletin", False, "week", "governorate", 3),
        (aleppo, "SY-HL", "verified", "ucdp_ged", False, "day", "place", 5),
        (aleppo, "SY-HL", "extracted", "bulletin", True, "year", "district", 2),
        (aleppo, "SY-HL", "verified", "ucdp_ged", False, "day", "place", None),
    ]
    for n, (place, province, status, source, aggregate, dated, located, toll) in enumerate(rows):
        make_incident(
            place=place, province=province, status=status, source=source, aggregate=aggregate,
            date_precision=dated, geo_precision=located, killed_total_best=toll,
            killed_total_low=toll and toll - 1, killed_civilians_best=n,
            event_type="shelling" if n % 2 else "airstrike",
            date=datetime.date(2018 + n % 2, 1 + n % 3, 5) if n != 5 else None,
            perpetrators=[russia, regime][: 1 + n % 2] if n % 3 else [],
        )  # fmt: skip

    incidents = IncidentFilter(query, queryset=Incident.objects.all())
    assert incidents.is_valid()

    with CaptureQueriesContext(connection) as captured:
        tallied = counts.overview(incidents)
    sql = " ".join(q["sql"] for q in captured.captured_queries)
    monkeypatch.setattr(counts, "available", lambda: False)  # counted from the incidents
    expected = IncidentFilter(query, queryset=Incident.objects.all())
    assert expected.is_valid()

    assert tallied == counts.overview(expected)
    assert tallied[1].incidents > 0
    assert f'"{getattr(models, without_months)._meta.db_table}"' in sql
    by_month = f'FROM "{getattr(models, breakdowns)._meta.db_table}"'
    assert by_month in sql and "SELECT month, GROUPING(month)" in sql
    assert f'"{IncidentFacets._meta.db_table}"' not in sql


def test_the_facet_toll_breakdowns_follow_writes_and_compact(make_incident):
    a = make_incident(killed_total_best=4)
    b = make_incident(killed_total_best=None, source="ucdp_ged", status="verified")
    a.killed_total_best = 120
    a.status = "verified"
    a.save()
    b.source = "acled"
    b.save()
    Incident.objects.filter(pk=a.pk).delete()
    assert check.differences() == []

    facet_toll_breakdowns.compact(force=True)

    assert not IncidentFacetTollBreakdown.objects.filter(pending=True).exists()
    assert check.differences() == []
