"""The overview: the filtered incidents counted every way an analyst asks, each number a
link to the list filtered to it."""

import datetime

import pytest
from django.urls import reverse

from events.models import Place

pytestmark = pytest.mark.django_db

OVERVIEW = reverse("events:overview")
LIST = reverse("events:list")


@pytest.fixture
def incidents(make_incident, make_place, make_actor):
    soussa = make_place(name="Al-Soussa", name_ar="السوسة")
    russia = make_actor("Russian Air Force", "russia")
    government = make_actor("Syrian Arab Air Force", "syrian_government")
    return [
        make_incident(
            place=soussa,
            date=datetime.date(2018, 7, 12),
            killed_total_low=20,
            killed_total_best=28,
            killed_total_high=30,
            killed_civilians_best=25,
            perpetrators=[russia, government],
        ),
        make_incident(place=soussa, date=datetime.date(2018, 7, 20), killed_total_best=2),
        make_incident(
            province="SY-HL",
            event_type="shelling",
            date=datetime.date(2019, 1, 3),
            date_precision="month",
            geo_precision="governorate",
            killed_total_best=5,
            perpetrators=[government],
        ),
        make_incident(status="rejected", killed_total_best=1000),
    ]


def tally(response, name):
    return {row.label: row for row in response.context[name]}


def test_it_counts_incidents_and_deaths_low_best_high_with_civilians_apart(client, incidents):
    response = client.get(OVERVIEW)

    assert response.status_code == 200
    totals = response.context["totals"]
    assert totals.incidents == 3  # The rejected one is not counted.
    assert totals.killed == [27, 35, 37]  # A best figure without a range is its own low/high.
    assert totals.civilians == [25, 25, 25]


def test_it_breaks_the_incidents_down_by_governorate_group_type_month_year_and_place(
    client, incidents
):
    response = client.get(OVERVIEW)

    governorates = tally(response, "governorates")
    assert governorates["Deir ez-Zor"].incidents == 2
    assert governorates["Aleppo"].incidents == 1
    groups = tally(response, "groups")
    assert groups["Syrian government"].incidents == 2  # Counted under each of its groups.
    assert groups["Russia"].incidents == 1
    assert tally(response, "event_types")["Shelling"].incidents == 1
    assert tally(response, "months")["2018-07"].incidents == 2
    assert tally(response, "years")["2019"].killed[1] == 5
    places = response.context["places"]
    assert [(p.label, p.label_ar, p.incidents) for p in places] == [("Al-Soussa", "السوسة", 2)]


def test_it_gives_the_share_of_day_and_place_level_records(client, incidents):
    response = client.get(OVERVIEW)

    assert response.context["day_share"] == 67
    assert response.context["place_share"] == 67


def test_every_number_links_to_the_list_filtered_to_it(client, incidents):
    response = client.get(OVERVIEW + "?event_type=airstrike&q=")

    aleppo = tally(client.get(OVERVIEW), "governorates")["Aleppo"]
    assert aleppo.url == f"{LIST}?province=SY-HL"
    july = tally(response, "months")["2018-07"]
    assert july.url == f"{LIST}?event_type=airstrike&date_from=2018-07-01&date_to=2018-07-31"
    body = response.content.decode()
    assert f'href="{july.url.replace("&", "&amp;")}"' in body
    listed = client.get(july.url)
    assert listed.context["total"].count == july.incidents


def test_a_month_or_year_link_keeps_a_narrower_date_range_so_it_lists_what_it_counts(
    client, incidents
):
    # The 2018 row counts 15-31 July only; its link opened the whole year (two incidents
    # listed under a count of one).
    response = client.get(OVERVIEW + "?date_from=2018-07-15&date_to=2018-12-31")

    year = tally(response, "years")["2018"]
    july = tally(response, "months")["2018-07"]
    assert year.incidents == july.incidents == 1
    assert year.url == f"{LIST}?date_from=2018-07-15&date_to=2018-12-31"
    assert july.url == f"{LIST}?date_from=2018-07-15&date_to=2018-07-31"
    assert client.get(year.url).context["total"].count == 1


def test_it_follows_the_filters(client, incidents):
    response = client.get(OVERVIEW + "?province=SY-HL")

    assert response.context["totals"].incidents == 1
    assert list(tally(response, "governorates")) == ["Aleppo"]


def test_an_invalid_filter_is_a_400_with_the_form(client, incidents):
    response = client.get(OVERVIEW + "?date_from=soon")

    assert response.status_code == 400
    assert "Some filters are not valid" in response.content.decode()


def test_it_answers_get_only(client):
    assert client.post(OVERVIEW).status_code == 405


def test_no_incidents_make_an_empty_overview_not_an_error(client, db):
    response = client.get(OVERVIEW)

    assert response.status_code == 200
    assert response.context["totals"].incidents == 0
    assert response.context["day_share"] is None


def test_an_edited_incident_moves_its_figures(client, incidents):
    soussa_july = incidents[0]
    soussa_july.killed_civilians_low = 20
    soussa_july.killed_civilians_high = 31
    soussa_july.geo_precision = "district"
    soussa_july.date_precision = "week"
    soussa_july.save()

    response = client.get(OVERVIEW)

    assert response.context["totals"].civilians == [20, 25, 31]
    assert response.context["day_share"] == 33
    assert response.context["place_share"] == 33


def test_a_date_range_that_cuts_months_counts_only_its_days(client, incidents):
    response = client.get(OVERVIEW + "?date_from=2018-07-15&date_to=2019-01-31")

    totals = response.context["totals"]
    assert (totals.incidents, totals.killed) == (2, [7, 7, 7])
    places = response.context["places"]
    assert [(p.label, p.incidents, p.killed) for p in places] == [("Al-Soussa", 1, [2, 2, 2])]


def test_the_top_places_are_the_busiest_then_by_name(client, make_incident, make_place):
    counts = {"Kafr Nabl": 1, "Ariha": 2, "Binnish": 1, "Saraqib": 3}
    for name, number in counts.items():
        place = make_place(name=name)
        for _ in range(number):
            make_incident(place=place)

    response = client.get(OVERVIEW)

    names = [p.label for p in response.context["places"]]
    assert names == ["Saraqib", "Ariha", "Binnish", "Kafr Nabl"]
    assert response.context["places"][0].url.endswith(
        f"?place={Place.objects.get(name='Saraqib').pk}"
    )


def test_a_place_filter_is_counted_at_that_place(client, incidents):
    soussa = incidents[0].place

    response = client.get(OVERVIEW, {"place": soussa.pk})

    assert response.context["totals"].incidents == 2
    assert response.context["totals"].killed == [22, 30, 32]


def test_the_overview_escapes_the_names_it_counts(client, make_incident, make_place):
    # A place named by an import or an editor is text, never markup, in the tables and chart.
    place = make_place(name='<img src=x onerror="alert(1)">', name_ar="<b>قرية</b>")
    make_incident(place=place)

    body = client.get(reverse("events:overview")).content.decode()

    assert "<img src=x" not in body and "<b>قرية" not in body
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in body
    assert "&lt;b&gt;قرية&lt;/b&gt;" in body


@pytest.mark.parametrize(
    "query", ["group=russia", "role=party", "group=syrian_government&role=party", ""]
)
def test_a_row_links_only_to_a_list_of_as_many_incidents_as_it_counts(
    client, incidents, make_incident, query
):
    make_incident(province=None, killed_total_best=1)  # under "No governorate"

    response = client.get(f"{OVERVIEW}?{query}")

    for name in ("governorates", "groups", "event_types", "months", "years", "places"):
        for row in response.context[name]:
            if row.url is None:
                continue
            listed = client.get(row.url).context["total"].count
            assert listed == row.incidents, (query, name, row.label, row.url)
    if not query:
        assert tally(response, "governorates")["No governorate"].url is None


def test_the_month_chart_draws_the_months_the_histogram_draws(client, a_year_toll_beside_incidents):
    # A year's toll drew a spike on 1 January in the overview's chart, not in the histogram's.
    histogram = client.get(reverse("events:histogram"), {"aggregates": "include"}).json()
    page = client.get(OVERVIEW, {"aggregates": "include"})
    data = client.get(reverse("events:overview_data"), {"aggregates": "include"}).json()

    bars = {bar["row"].label: bar["incidents"] for bar in page.context["month_chart"]["bars"]}
    assert bars == {month: n for month, n, _ in histogram["months"]} == {"2016-01": 1, "2016-03": 1}
    assert [row[:3] for row in data["month"]] == [m[:3] for m in histogram["months"]]
    assert data["periods"] == histogram["periods"]
    body = page.content.decode()
    assert "1 record of a period longer than a month (19,000 killed)" in body


def test_the_month_table_still_counts_what_its_links_list(client, a_year_toll_beside_incidents):
    page = client.get(OVERVIEW, {"aggregates": "include"})

    january = tally(page, "months")["2016-01"]
    assert january.incidents == 2
    assert client.get(january.url).context["total"].count == 2
