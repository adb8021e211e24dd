"""events.counts: every page states the same total for the same filter, the map says what it
cannot place, and a filter no counting table lists is counted from the incidents."""

import datetime

import pytest
from django.db import connection
from django.http import QueryDict
from django.urls import reverse

from events import counts
from events.counts import search, summary, words
from events.filters import IncidentFilter
from events.models import Incident

pytestmark = pytest.mark.django_db


def valid_filter(query):
    data = QueryDict(mutable=True)
    data.update(query)
    incidents = IncidentFilter(data, queryset=Incident.objects.all())
    assert incidents.is_valid(), incidents.form.errors
    return incidents


def totals(client, query):
    """The total the list, the map data and the histogram state for one filter."""
    listed = client.get(reverse("events:list"), query).context["total"]
    mapped = client.get(reverse("events:map_data"), {**query, "bbox": "35,32,43,38"}).json()
    charted = client.get(reverse("events:histogram"), query).json()
    return (
        (listed.count, listed.capped),
        tuple(mapped["total"].values()),
        tuple(charted["total"].values()),
    )


def test_the_map_says_how_many_matching_incidents_have_no_location_and_their_deaths(
    client, make_incident
):
    make_incident(killed_total_best=4)
    make_incident(latitude=None, longitude=None, killed_total_best=20)
    make_incident(latitude=None, longitude=None, killed_total_best=None)
    make_incident(latitude=None, longitude=None, killed_total_best=7, status="rejected")

    body = client.get(reverse("events:map_data"), {"bbox": "35,32,43,38"}).json()

    assert body["unlocated"] == {"count": 2, "killed": 20}
    assert body["total"] == {"count": 3, "capped": False}
    assert len(body["events"]) == 1


def test_the_histogram_and_the_map_state_the_lists_total(client, make_incident, monkeypatch):
    monkeypatch.setattr("events.views.PAGE_SIZE", 2)  # the list counts rather than lists
    for day in range(1, 8):
        make_incident(date=datetime.date(2018, 3, day), killed_total_best=day)
    make_incident(date=None, latitude=None, longitude=None)

    for query in ({}, {"min_killed": "3"}, {"date_from": "2018-03-02"}, {"status": "verified"}):
        assert len(set(totals(client, query))) == 1, query


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite counts exactly")
def test_a_capped_total_is_capped_the_same_way_on_every_page(client, make_incident, monkeypatch):
    monkeypatch.setattr("events.views.PAGE_SIZE", 2)
    monkeypatch.setattr("events.counts.LIMIT", 3)
    for day in range(1, 8):
        make_incident(date=datetime.date(2018, 3, day), killed_total_best=day)

    # min_killed: no tally answers it, so the incidents are counted, up to the limit.
    assert set(totals(client, {"min_killed": "1"})) == {(3, True)}
    # A whole month and a governorate: the summary answers, exactly.
    assert set(totals(client, {"province": "SY-DY"})) == {(7, False)}


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the SQLite rule")
def test_sqlite_counts_every_total_exactly(client, make_incident, monkeypatch):
    monkeypatch.setattr("events.views.PAGE_SIZE", 2)
    monkeypatch.setattr("events.counts.LIMIT", 3)
    for day in range(1, 8):
        make_incident(date=datetime.date(2018, 3, day))

    assert set(totals(client, {})) == {(7, False)}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the tables are PostgreSQL's")
@pytest.mark.parametrize(
    "query, table",
    [
        ({}, summary),
        ({"province": "SY-DY", "date_from": "2018-01-01", "date_to": "2018-12-31"}, summary),
        ({"date_from": "2018-01-05"}, None),  # inside a month
        ({"status": "verified"}, None),
        ({"actor": "{actor}"}, None),
        ({"q": "bakery"}, words),
        ({"q": "bakery hit"}, search),
        ({"q": "bakery", "province": "SY-DY"}, None),
        ({"order": "-killed"}, summary),  # ordering selects nothing
    ],
)
def test_the_table_that_answers_is_one_that_lists_every_chosen_filter(
    make_incident, make_actor, query, table
):
    make_incident()
    actor = make_actor()
    query = {name: value.format(actor=actor.pk) for name, value in query.items()}

    answering = counts.answering(valid_filter(query), "points")

    assert answering is table or (table is None and isinstance(answering, counts.Incidents))


def test_a_filter_no_table_lists_is_counted_from_the_incidents(monkeypatch, make_incident):
    """A filter added to the FilterSet but to no table's ANSWERS is never ignored."""
    make_incident(killed_total_best=2, event_type="shelling")
    make_incident(killed_total_best=2, event_type="airstrike")
    monkeypatch.setattr(summary, "ANSWERS", summary.ANSWERS - {"event_type"})

    incidents = valid_filter({"event_type": "shelling"})

    assert counts.total(incidents) == counts.Total(1)
    assert [n for _, _, n, _ in counts.points(incidents, (-180, -90, 180, 90))] == [1]


def test_the_overview_counts_by_governorate_group_type_and_month(make_incident, make_actor):
    russia = make_actor("Russian Air Force", "russia")
    regime = make_actor("Syrian Arab Air Force", "syrian_government")
    make_incident(date=datetime.date(2018, 3, 1), killed_total_best=5, perpetrators=[russia])
    make_incident(
        date=datetime.date(2018, 4, 1),
        killed_total_best=2,
        perpetrators=[russia, regime],
        province="SY-HL",
        event_type="shelling",
    )
    make_incident(date=None, status="rejected")

    overview = counts.overview(valid_filter({}))

    assert overview["governorate"] == [("SY-DY", 1, 5), ("SY-HL", 1, 2)]
    assert overview["group"] == [("russia", 2, 7), ("syrian_government", 1, 2)]
    assert sorted(overview["event_type"]) == [("airstrike", 1, 5), ("shelling", 1, 2)]
    assert overview["month"] == [
        (datetime.date(2018, 3, 1), 1, 5),
        (datetime.date(2018, 4, 1), 1, 2),
    ]
