"""IncidentSummary: the map's and histogram's counts stay equal to the incidents themselves,
whatever writes them (save, bulk_create, update, delete, perpetrators), and every view of one
filter agrees on how many incidents it holds."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.urls import reverse

from events.counts import search, summary
from events.counts.tally import available
from events.models import Actor, Incident, IncidentSummary, ReviewStatus

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="IncidentSummary is kept on PostgreSQL only"
)


def counted_from_incidents():
    """{key: (incidents, killed)} of published incidents, counted directly."""
    rows = (
        Incident.objects.published()
        .order_by()
        .annotate(month=TruncMonth("date"))
        .values_list(
            "latitude", "longitude", "month", "governorate_id", "district_id", "event_type",
            "perpetrator_groups",
        )
        .annotate(n=Count("id"), killed=Sum("killed_total_best"))
    )  # fmt: skip
    return {tuple(row[:7]): (row[7], row[8] or 0) for row in rows}


def counted_from_summary():
    rows = (
        IncidentSummary.objects.order_by()
        .values_list(
            "latitude", "longitude", "month", "governorate_id", "district_id", "event_type",
            "perpetrator_groups",
        )
        .annotate(n=Sum("incidents"), killed=Sum("killed"))
    )  # fmt: skip
    return {tuple(row[:7]): (row[7], row[8]) for row in rows if row[7] or row[8]}


@postgresql_only
def test_the_summary_follows_every_kind_of_write(make_incident, make_governorate):
    russia = Actor.objects.create(name="Russian Air Force", group="russia")
    regime = Actor.objects.create(name="Syrian Arab Army", group="syrian_government")
    a = make_incident(killed_total_best=4)
    b = make_incident(province="SY-HL", latitude=36.2, longitude=37.1, killed_total_best=None)
    c = make_incident(date=None, perpetrators=[russia])
    Incident.objects.bulk_create(
        Incident(title=f"bulk {n}", latitude=35.0, longitude=38.0 + n, killed_total_best=n)
        for n in range(5)
    )
    assert counted_from_summary() == counted_from_incidents()

    a.killed_total_best = 9  # a toll corrected
    a.save()
    b.perpetrators.set([regime, russia])  # groups change through the m2m
    c.status = ReviewStatus.REJECTED  # rejected: no longer counted
    c.save()
    Incident.objects.filter(title__startswith="bulk").update(date=datetime.date(2019, 3, 1))
    Incident.objects.filter(title="bulk 0").delete()
    regime.group = "iran_aligned"  # an actor moved to another group
    regime.save()
    assert counted_from_summary() == counted_from_incidents()
    assert IncidentSummary.objects.filter(pending=True).exists()

    summary.compact(force=True)

    assert not IncidentSummary.objects.filter(pending=True).exists()
    assert not IncidentSummary.objects.filter(incidents=0).exists()
    assert counted_from_summary() == counted_from_incidents()
    b.refresh_from_db()
    assert b.perpetrator_groups == ",iran_aligned,russia,"


@postgresql_only
def test_a_rebuild_counts_what_the_triggers_never_saw(make_incident):
    make_incident(killed_total_best=3)
    make_incident(latitude=33.5, longitude=36.3)
    with connection.cursor() as cursor:  # as bench/synthetic.py loads: triggers off
        cursor.execute("SET session_replication_role = replica")
        cursor.execute("UPDATE events_incident SET killed_total_best = 7")
        cursor.execute("SET session_replication_role = DEFAULT")
    assert counted_from_summary() != counted_from_incidents()

    summary.rebuild()

    assert counted_from_summary() == counted_from_incidents()
    assert not IncidentSummary.objects.filter(pending=True).exists()


def read_csv(response):
    content = b"".join(response.streaming_content).decode()
    return [row for row in csv.reader(io.StringIO(content)) if not row[0].startswith("# end")]


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"province": "SY-DY"},
        {"group": "russia"},
        {"date_from": "2018-01-01", "date_to": "2018-12-31"},  # whole months: the summary
        {"date_from": "2018-01-05", "date_to": "2018-12-31"},  # inside a month: the incidents
        {"event_type": "shelling"},
        {"status": "extracted"},
        {"min_killed": "5"},
        {"q": "bakery"},  # on PostgreSQL: IncidentSearch
        {"q": "bakery", "province": "SY-DY"},
    ],
)
def test_the_list_the_map_the_histogram_and_the_csv_agree(
    client, make_incident, make_report, query
):
    """For one filter: the list's total, the sum over the map's cells, the histogram's events
    and the CSV's rows are the same number."""
    russia = Actor.objects.create(name="Russian Air Force", group="russia")
    for day in range(1, 29, 3):
        incident = make_incident(
            date=datetime.date(2018, day % 12 + 1, day),
            latitude=34 + day / 10,
            longitude=38 + day / 7,
            killed_total_best=day,
            event_type="shelling" if day % 2 else "airstrike",
            perpetrators=[russia] if day % 3 == 1 else [],
        )
        if day % 2:
            make_report(incident, None, external_id=str(day), headline="Bakery hit")
    make_incident(province="SY-HL", latitude=36.2, longitude=37.1, date=datetime.date(2019, 1, 1))
    make_incident(killed_total_best=90, status="rejected")
    make_incident(status="extracted", perpetrator_group="russia")
    if available():
        summary.compact(force=True)
        make_incident(killed_total_best=6)  # left pending: read as well

    listed = client.get(reverse("events:list"), query).context["total"].count
    cells = client.get(
        reverse("events:map_data"), {**query, "bbox": "35,32,43,38", "zoom": "6"}
    ).json()
    histogram = client.get(reverse("events:histogram"), query).json()
    exported = len(read_csv(client.get(reverse("events:export"), query))) - 1
    in_cells = sum(event[2] for event in cells.get("cells", [])) or len(cells.get("events", []))

    assert listed > 0
    assert listed == in_cells == histogram["total"]["count"] == cells["total"]["count"]
    assert listed == exported
    assert not histogram["total"]["capped"] and not cells["total"]["capped"]


@postgresql_only
def test_the_map_reads_the_summary_for_the_filters_it_holds(
    client, make_incident, django_assert_max_num_queries
):
    for n in range(3):
        make_incident(latitude=35.0 + n, killed_total_best=n)
    # Months: the summary (without them, IncidentMapFacets answers: tests/views/test_facets.py)
    query = {"province": "SY-DY", "date_from": "2018-01-01", "date_to": "2018-12-31"}

    with django_assert_max_num_queries(10) as captured:
        body = client.get(reverse("events:map_data"), {**query, "bbox": "35,32,43,38"}).json()

    tables = " ".join(q["sql"] for q in captured.captured_queries)
    assert IncidentSummary._meta.db_table in tables
    assert body["total"]["count"] == 3


@postgresql_only
def test_rebuild_counts_repairs_both_tables(make_incident, make_report):
    from django.core.management import call_command

    from events.models import IncidentSearch, IncidentWord

    incident = make_incident(killed_total_best=3)
    make_report(incident, None, external_id="1", headline="Bakery hit")
    IncidentSummary.objects.all().delete()
    IncidentSearch.objects.all().delete()
    IncidentWord.objects.all().delete()

    call_command("rebuild_counts", stdout=io.StringIO())

    assert counted_from_summary() == counted_from_incidents()
    assert list(search.matching("bakery").values_list("incident_id", flat=True)) == [incident.pk]
    assert IncidentWord.objects.filter(word="bakeri").aggregate(n=Sum("incidents"))["n"] == 1


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the SQLite message")
def test_rebuild_counts_says_there_is_nothing_to_do_on_sqlite():
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="PostgreSQL only"):
        call_command("rebuild_counts")


@postgresql_only
def test_rebuild_counts_reinstalls_the_triggers_from_the_migrations(make_incident):
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER events_summary_insert ON events_incident")
    from django.core.management import call_command

    call_command("rebuild_counts", "--triggers", stdout=io.StringIO())
    make_incident(killed_total_best=3)  # counted by the reinstalled trigger

    assert counted_from_summary() == counted_from_incidents() != {}
    assert IncidentSummary.objects.filter(pending=True).exists()
