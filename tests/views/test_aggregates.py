"""Period and cumulative tolls (Incident.aggregate: "81 civilians killed in a week") sum up
incidents counted already: every page leaves them out of its counts unless asked
(?aggregates=include, or only), and says how many it left out."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.urls import reverse

from events import counts
from events.counts import check
from events.filters import IncidentFilter
from events.models import Incident

pytestmark = pytest.mark.django_db

BBOX = {"bbox": "35,32,43,38"}


@pytest.fixture
def incidents_and_a_weeks_toll(make_incident):
    make_incident(killed_total_best=3)
    make_incident(date=datetime.date(2018, 7, 14), killed_total_best=5)
    return make_incident(
        date=datetime.date(2018, 7, 9),
        date_end=datetime.date(2018, 7, 15),
        date_precision="week",
        geo_precision="governorate",
        aggregate=True,
        killed_total_best=81,
    )


def counted(client, query):
    """(incidents, killed) as the list, the map data, the histogram, the overview and the
    CSV export count them."""
    listed = client.get(reverse("events:list"), query).context
    mapped = client.get(reverse("events:map_data"), {**query, **BBOX}).json()
    charted = client.get(reverse("events:histogram"), query).json()
    overview = client.get(reverse("events:overview_data"), query).json()
    exported = list(
        csv.reader(io.StringIO(client.get(reverse("events:export"), query).getvalue().decode()))
    )
    return {
        "list": listed["total"].count,
        "map": mapped["total"]["count"],
        "map killed": sum(event[3] for event in mapped["events"]),
        "histogram": (charted["total"]["count"], charted["killed"]),
        "overview": (overview["total"]["count"], sum(row[3] for row in overview["event_type"])),
        "export": len(exported) - 2,  # its header and its end line
    }


def test_a_period_report_is_left_out_of_every_count_by_default(client, incidents_and_a_weeks_toll):
    assert counted(client, {}) == {
        "list": 2,
        "map": 2,
        "map killed": 8,
        "histogram": (2, 8),
        "overview": (2, 8),
        "export": 2,
    }


def test_aggregates_include_counts_them_with_the_incidents_and_only_alone(
    client, incidents_and_a_weeks_toll
):
    assert counted(client, {"aggregates": "include"}) == {
        "list": 3,
        "map": 3,
        "map killed": 89,
        "histogram": (3, 89),
        "overview": (3, 89),
        "export": 3,
    }
    assert counted(client, {"aggregates": "only"}) == {
        "list": 1,
        "map": 1,
        "map killed": 81,
        "histogram": (1, 81),
        "overview": (1, 81),
        "export": 1,
    }


@pytest.mark.parametrize("page", ["events:list", "events:map", "events:overview"])
def test_the_pages_say_how_many_period_reports_they_left_out_and_link_to_them(
    client, incidents_and_a_weeks_toll, page
):
    body = client.get(reverse(page), {"province": "SY-DY"}).content.decode()

    assert 'id="aggregates-note"' in body
    assert "1 period report (" in body
    assert "?province=SY-DY&amp;aggregates=only" in body
    assert "?province=SY-DY&amp;aggregates=include" in body


def test_no_note_when_none_is_left_out_or_they_are_asked_for(
    client, make_incident, incidents_and_a_weeks_toll
):
    assert (
        'id="aggregates-note"'
        not in client.get(reverse("events:list"), {"province": "SY-HL"}).content.decode()
    )
    assert (
        'id="aggregates-note"'
        not in client.get(reverse("events:list"), {"aggregates": "include"}).content.decode()
    )


def test_an_unknown_aggregates_choice_is_a_form_error(client):
    response = client.get(reverse("events:list"), {"aggregates": "all"})

    assert response.status_code == 400
    assert "aggregates" in response.context["filter"].form.errors


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the tables are PostgreSQL's")
@pytest.mark.parametrize(
    "query, table",
    [
        ({}, "map_facets"),
        ({"aggregates": "include"}, "facets"),
        ({"aggregates": "only", "province": "SY-DY"}, "facets"),
        ({"status": "rejected"}, "facets"),
        ({"status": "merged"}, "facets"),
    ],
)
def test_a_count_table_answers_the_aggregates_and_every_status(
    incidents_and_a_weeks_toll, query, table
):
    incidents = IncidentFilter(query, queryset=Incident.objects.all())
    assert incidents.is_valid()

    assert counts.answering(incidents, "points").__name__.endswith(table)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the tables are PostgreSQL's")
def test_the_count_tables_follow_an_incident_that_becomes_an_aggregate_or_is_merged(
    make_incident, make_bulletin, make_report, incidents_and_a_weeks_toll
):
    one, other = Incident.objects.filter(aggregate=False)
    make_report(one, make_bulletin(title="Strike on a bakery"))
    assert check.differences() == []

    Incident.objects.filter(pk=one.pk).update(aggregate=True)
    Incident.objects.filter(pk=other.pk).update(
        merged_into=incidents_and_a_weeks_toll, status="rejected"
    )
    assert check.differences() == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite counts them exactly")
def test_the_note_gives_no_number_when_only_the_incidents_could_count_them(
    client, make_actor, incidents_and_a_weeks_toll
):
    actor = make_actor()
    Incident.objects.get(aggregate=True).perpetrators.set([actor])

    body = client.get(reverse("events:list"), {"actor": actor.pk}).content.decode()

    assert "Period reports (tolls summed" in body
