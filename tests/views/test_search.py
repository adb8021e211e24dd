"""IncidentSearch: the words, location and status the text search reads stay those of the
incidents, their reports and bulletins, whatever changes them."""

import datetime

import pytest
from django.db import connection
from django.db.models import Q
from django.urls import reverse

from events.counts import search
from events.models import Incident, IncidentSearch, Report, ReviewStatus

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="IncidentSearch is kept on PostgreSQL only"
    ),
]


def found(words):
    return sorted(search.matching(words).values_list("incident_id", flat=True))


def test_words_follow_reports_bulletins_and_merges(make_incident, make_report, make_bulletin):
    bakery = make_incident()
    bulletin = make_bulletin(title="Raid", text="Warplanes hit the bakery in Soussa.")
    make_report(bakery, bulletin)
    market = make_incident()
    report = make_report(market, None, source="ucdp_ged", external_id="7", headline="Market hit")
    assert found("bakery") == [bakery.pk] and found("market") == [market.pk]

    bulletin.text = "Warplanes hit the mill in Soussa."  # a bulletin corrected
    bulletin.save()
    assert found("bakery") == [] and found("mill") == [bakery.pk]

    report.headline = "Market and mill hit"  # a headline corrected
    report.save()
    assert found("mill") == sorted([bakery.pk, market.pk])

    bakery.merge([market])  # the market's report moves to the bakery incident
    assert found("market") == [bakery.pk]

    Report.objects.filter(incident=bakery, bulletin=bulletin).delete()
    assert found("soussa") == []


def test_the_map_columns_follow_the_incident(make_incident):
    incident = make_incident(killed_total_best=3)
    row = IncidentSearch.objects.get(pk=incident.pk)
    assert (row.latitude, row.longitude, row.killed, row.published) == (34.43, 40.95, 3, True)
    assert row.month.isoformat() == "2018-07-01"

    incident.latitude, incident.killed_total_best = 35.0, 8
    incident.status = ReviewStatus.REJECTED
    incident.save()
    row.refresh_from_db()
    assert (row.latitude, row.killed, row.published) == (35.0, 8, False)

    Incident.objects.filter(pk=incident.pk).delete()
    assert not IncidentSearch.objects.filter(pk=incident.pk).exists()


def test_a_rebuild_restores_rows_the_triggers_never_saw(make_incident, make_report):
    incident = make_incident()
    make_report(incident, None, source="ucdp_ged", external_id="1", headline="Bakery shelled")
    IncidentSearch.objects.all().delete()

    search.rebuild()

    assert found("bakery") == [incident.pk]
    assert IncidentSearch.objects.count() == Incident.objects.count()


def test_a_common_word_and_a_rare_one_find_the_same_incidents(
    client, make_incident, make_report, monkeypatch
):
    """Few matches go to the database as a list of ids; many as a probe per incident."""
    ids = []
    for n in range(6):
        incident = make_incident()
        make_report(incident, None, source="ucdp_ged", external_id=str(n), headline="Bakery hit")
        ids.append(incident.pk)
    make_incident()

    listed = client.get(reverse("events:list"), {"q": "bakery"}).context["page"].rows
    monkeypatch.setattr("events.counts.search.INLINE_LIMIT", 2)
    probed = client.get(reverse("events:list"), {"q": "bakery"}).context["page"].rows

    assert sorted(i.pk for i in listed) == sorted(i.pk for i in probed) == sorted(ids)


def test_the_map_counts_a_text_search_from_the_search_rows(
    client, make_incident, make_report, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr("events.views.MAP_EVENT_LIMIT", 2)
    for n in range(4):
        incident = make_incident(latitude=34 + n / 10, killed_total_best=n)
        make_report(incident, None, source="ucdp_ged", external_id=str(n), headline="Bakery hit")
    rejected = make_incident(status="rejected")
    make_report(rejected, None, source="ucdp_ged", external_id="9", headline="Bakery hit")

    with django_assert_max_num_queries(10) as captured:
        body = client.get(
            reverse("events:map_data"),
            {"q": "bakery hit", "bbox": "35,32,43,38", "zoom": "6"},  # two words: not one
        ).json()

    assert body["mode"] == "cells"
    assert sum(cell[2] for cell in body["cells"]) == 4
    assert sum(cell[3] for cell in body["cells"]) == 0 + 1 + 2 + 3
    assert IncidentSearch._meta.db_table in " ".join(q["sql"] for q in captured.captured_queries)


def test_text_alone_is_counted_exactly_for_one_word_and_for_several(
    client, make_incident, make_report, monkeypatch
):
    monkeypatch.setattr("events.counts.search.INLINE_LIMIT", 2)
    monkeypatch.setattr("events.views.PAGE_SIZE", 2)
    for n in range(4):
        incident = make_incident()
        make_report(incident, None, source="ucdp_ged", external_id=str(n), headline="Bakery hit")

    def counted(query):
        context = client.get(reverse("events:list"), query).context
        total = context["total"]
        return total.count, total.capped, len(context["page"].rows)

    assert counted({"q": "bakery"}) == (4, False, 2)  # one word: IncidentWord
    assert counted({"q": "bakery hit"}) == (4, False, 2)  # two words: IncidentSearch
    assert counted({"q": "bakery", "province": "SY-DY"}) == (4, False, 2)  # the incidents


def test_the_filter_columns_follow_the_incident(make_incident):
    from events.counts import check
    from events.models import Actor

    russia = Actor.objects.create(name="Russian Air Force", group="russia")
    incident = make_incident(source="ucdp_ged", perpetrators=[russia])
    row = IncidentSearch.objects.get(pk=incident.pk)
    assert (row.governorate_id, row.event_type, row.source, row.status) == (
        "SY-DY", "airstrike", "ucdp_ged", "extracted",
    )  # fmt: skip
    assert (row.date.isoformat(), row.perpetrator_groups) == ("2018-07-12", ",russia,")

    incident.event_type, incident.status, incident.governorate = "shelling", "verified", None
    incident.save()
    Incident.objects.filter(pk=incident.pk).update(perpetrator_groups=",syria,", source="acled")
    row.refresh_from_db()
    assert (row.governorate_id, row.event_type, row.source, row.status) == (
        None, "shelling", "acled", "verified",
    )  # fmt: skip
    assert row.perpetrator_groups == ",syria,"
    assert (row.date_precision, row.geo_precision) == ("day", "place")
    incident.date_precision, incident.geo_precision = "month", "district"
    incident.save()
    row.refresh_from_db()
    assert (row.date_precision, row.geo_precision) == ("month", "district")
    assert search.can_answer({"q": "bakery", "date_precision": "week", "geo_precision": "place"})
    assert check.differences() == []


@pytest.mark.parametrize(
    "query",
    [
        {"province": "SY-HL"},
        {"event_type": "shelling", "source": "ucdp_ged"},
        {"group": "russia", "min_killed": "2"},
        {"date_from": "2018-07-10", "date_to": "2018-07-20"},
        {"status": "verified"},
        {"status": "extracted", "province": "SY-HL"},
        {"status": "verified", "aggregates": "include"},
        {"status": "rejected"},
        {"aggregates": "include", "province": "SY-DY"},
        {"date_precision": "week"},
        {"geo_precision": "place", "province": "SY-DY"},
    ],
)
def test_a_word_with_other_filters_is_counted_as_the_incidents_say(
    client, make_incident, make_report, monkeypatch, query
):
    """A word and the filters that the search rows carry are counted from those rows; the
    list, the histogram, the map and the overview agree with the incidents, with the ids
    listed (few) or probed (many)."""
    from events.models import Actor

    russia = Actor.objects.create(name="Russian Air Force", group="russia")
    kinds = [
        dict(province="SY-HL", killed_total_best=3),
        dict(event_type="shelling", source="ucdp_ged", killed_total_best=1),
        dict(perpetrators=[russia], killed_total_best=2),
        dict(perpetrators=[russia], killed_total_best=1, date=datetime.date(2018, 7, 25)),
        dict(status="verified", killed_total_best=4),
        dict(status="rejected", killed_total_best=5),
        dict(aggregate=True, killed_total_best=9),
        dict(date_precision="month", killed_total_best=6),
        dict(geo_precision="district", killed_total_best=7),
    ]
    for n, kind in enumerate(kinds):
        incident = make_incident(**kind)
        make_report(incident, None, source="ucdp_ged", external_id=str(n), headline="Bakery hit")
        make_incident(**kind)  # the same without the word
    bakery = {"q": "bakery", **query}
    expected = sorted(
        client.get(reverse("events:list"), {**query, "order": "date"})
        .context["filter"].qs.filter(search__document="bakery").values_list("pk", flat=True)
    )  # fmt: skip
    assert expected  # each query finds some

    for limit in (100, 1):  # the ids listed, then probed
        monkeypatch.setattr("events.counts.search.INLINE_LIMIT", limit)
        listed = client.get(reverse("events:list"), bakery).context
        histogram = client.get(reverse("events:histogram"), bakery).json()
        cells = client.get(reverse("events:map_data"), {**bakery, "bbox": "35,32,43,38"}).json()
        overview = client.get(reverse("events:overview_data"), bakery).json()

        assert sorted(i.pk for i in listed["page"].rows) == expected
        assert listed["total"].count == len(expected)
        assert histogram["total"]["count"] == len(expected)
        assert cells["total"]["count"] == len(expected)
        assert overview["total"]["count"] == len(expected)


def test_a_rejected_status_narrows_the_search_rows_to_rejected_ones(make_incident, make_report):
    for n, status in enumerate(["rejected", "verified", "extracted"]):
        incident = make_incident(status=status)
        make_report(incident, None, source="ucdp_ged", external_id=str(n), headline="Bakery hit")

    rows = search.matching("bakery").filter(search.within({"status": "rejected"}))

    assert list(rows.values_list("status", flat=True)) == ["rejected"]


def test_a_word_with_a_group_is_narrowed_by_an_index_of_the_groups():
    """The search rows' perpetrator_groups has a trigram index, as the incidents' has: the
    group filter's LIKE '%,sdf,%' is intersected with the word's index."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_groups_trgm'")
        [(definition,)] = cursor.fetchall()

    assert IncidentSearch._meta.db_table in definition
    assert "gin (perpetrator_groups gin_trgm_ops)" in definition


def test_a_common_word_alone_is_listed_without_fetching_its_matches(
    client, make_incident, make_report, monkeypatch
):
    """IncidentWord says a word is common: its matches' ids are not fetched to be dropped."""
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr("events.counts.search.INLINE_LIMIT", 2)
    for n in range(3):
        incident = make_incident()
        make_report(incident, None, source="ucdp_ged", external_id=str(n), headline="Bakery hit")

    with CaptureQueriesContext(connection) as captured:
        rows = client.get(reverse("events:list"), {"q": "bakery"}).context["page"].rows
    fetched = [
        q["sql"] for q in captured.captured_queries
        if q["sql"].startswith('SELECT "events_incidentsearch"."incident_id" AS "incident_id"')
    ]  # fmt: skip

    assert len(rows) == 3
    assert fetched == []


def test_the_overview_of_a_search_adds_up_the_search_rows_as_the_incidents_would(
    client, make_incident, make_report, monkeypatch
):
    """Every breakdown and figure of the overview of a word, from the search rows, is what
    the incidents themselves give."""
    from django.test.utils import CaptureQueriesContext

    from events.models import Actor, Place
    from tests.conftest import governorate

    russia = Actor.objects.create(name="Russian Air Force", group="russia")
    saraqib = Place.objects.create(
        name="Saraqib", governorate=governorate("SY-ID"), latitude=35.86, longitude=36.8
    )
    kinds = [
        dict(killed_total_best=4, killed_total_low=2, killed_total_high=9, perpetrators=[russia]),
        dict(killed_civilians_best=3, killed_civilians_high=5, date_precision="month"),
        dict(place=saraqib, province="SY-ID", geo_precision="place", event_type="shelling"),
        dict(killed_total_best=None, geo_precision="governorate", date=None),
    ]
    for n, kind in enumerate(kinds):
        incident = make_incident(**kind)
        make_report(incident, None, source="ucdp_ged", external_id=str(n), headline="Bakery hit")

    def shown(query):
        context = client.get(reverse("events:overview"), query).context
        tables = ("governorates", "groups", "event_types", "months", "years", "places")
        rows = {
            name: [(r.label, r.incidents, r.killed, r.civilians) for r in context[name]]
            for name in tables
        }
        totals = context["totals"]
        figures = (totals.incidents, totals.killed, totals.civilians)
        return rows, figures, context["day_share"], context["place_share"]

    for query in ({"q": "bakery"}, {"q": "bakery", "province": "SY-DY"}):
        with CaptureQueriesContext(connection) as captured:
            from_search = shown(query)
        counted = [q["sql"] for q in captured.captured_queries if "GROUPING SETS" in q["sql"]]
        assert counted and all(IncidentSearch._meta.db_table in sql for sql in counted)
        monkeypatch.setattr("events.counts.search.MEASURES", frozenset({"total"}))
        from_incidents = shown(query)
        monkeypatch.undo()

        assert from_search == from_incidents
        assert from_search[1][0] == (4 if len(query) == 1 else 3)


@pytest.mark.parametrize("name", ["events:list", "events:histogram", "events:overview_data"])
def test_a_word_with_a_filter_is_searched_once_a_request(client, make_incident, make_report, name):
    """The few ids a search finds are kept while the request runs: counting the same search
    again reads them by key, not the word's and the filter's indexes a second time."""
    from django.test.utils import CaptureQueriesContext

    for n in range(3):
        incident = make_incident()
        make_report(incident, None, source="ucdp_ged", external_id=str(n), headline="Bakery hit")

    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse(name), {"q": "bakery", "province": "SY-DY"})
    searched = [q for q in captured.captured_queries if "websearch_to_tsquery" in q["sql"]]

    assert response.status_code == 200
    assert len(searched) == 1


def walk(client, query):
    """Every page of the list for `query`, forwards to the end and back: [[ids of a page]]."""
    pages, cursor = [], None
    while True:
        page = client.get(reverse("events:list"), {**query, "cursor": cursor or ""})
        page = page.context["page"]
        pages.append([incident.pk for incident in page.rows])
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    while page.previous_cursor is not None:
        page = client.get(reverse("events:list"), {**query, "cursor": page.previous_cursor})
        page = page.context["page"]
        pages.append([incident.pk for incident in page.rows])
    return pages


@pytest.mark.parametrize("order", ["-date", "date"])
@pytest.mark.parametrize("query", [{"q": "bakery"}, {"q": "bakery", "province": "SY-DY"}])
@pytest.mark.parametrize("inline_limit", [100, 1])  # the ids listed, then probed
def test_a_search_is_paged_along_the_search_rows_as_along_the_incidents(
    client, make_incident, make_report, monkeypatch, order, query, inline_limit
):
    """The list's pages of a search the search rows answer are found along those rows (their
    date index), and are the pages the incidents give: same rows, same order, same cursors."""
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr("events.views.PAGE_SIZE", 2)
    monkeypatch.setattr("events.counts.search.INLINE_LIMIT", inline_limit)
    dates = [datetime.date(2018, 7, 12)] * 3 + [None, None, datetime.date(2017, 1, 2)]
    for n, date in enumerate(dates + [datetime.date(2019, 5, 1), datetime.date(2016, 3, 3)]):
        kind = {"status": "rejected"} if n == 6 else {"province": "SY-HL"} if n == 7 else {}
        incident = make_incident(date=date, **kind)
        make_report(incident, None, source="ucdp_ged", external_id=str(n), headline="Bakery hit")
        make_incident(date=date)  # the same without the word
    query = {**query, "order": order}

    with CaptureQueriesContext(connection) as captured:
        along_search = walk(client, query)
    paged = [  # the queries that find a page: in the order of dates
        q["sql"] for q in captured.captured_queries if '"date"' in q["sql"].partition("ORDER BY")[2]
    ]  # fmt: skip
    monkeypatch.setattr("events.counts.search.ORDERS", frozenset())
    along_incidents = walk(client, query)

    assert along_search == along_incidents
    assert sorted({pk for page in along_search for pk in page}) == sorted(
        Incident.objects.filter(search__document="bakery")
        .exclude(status="rejected")
        .filter(governorate="SY-DY" if "province" in query else Q())
        .values_list("pk", flat=True)
    )
    assert paged and all(IncidentSearch._meta.db_table in sql.split(" WHERE ")[0] for sql in paged)
    # Few matches (their ids listed) are read by key, not looked for along the dates.
    assert all(("unnest(" in sql) == (inline_limit > 1) for sql in paged)
