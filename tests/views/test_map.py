import datetime
import json

import pytest
from django.urls import reverse

from events import views

pytestmark = pytest.mark.django_db

DATA = reverse("events:map_data")


def test_the_map_page_renders_leaflet_with_a_nonce_and_the_filters(client, make_governorate):
    make_governorate("SY-DY")

    response = client.get(reverse("events:map"), {"province": "SY-DY"})

    body = response.content.decode()
    assert response.status_code == 200
    assert "leaflet/leaflet" in body and "window.initIncidentMap" in body
    assert '<script nonce="' in body
    assert 'id="map-config"' in body and "governorates.geojson" in body
    assert f'href="{reverse("events:list")}?province=SY-DY"' in body


def test_the_map_page_exports_what_it_shows_as_csv_and_geojson(client):
    # (a newcomer's: the map offered CSV only, where the list offers GeoJSON too)
    body = client.get(reverse("events:map") + "?province=SY-HL").content.decode()
    geojson = reverse("opendata:export_geojson")
    assert f'id="geojson-link" class="button" href="{geojson}?province=SY-HL"' in body


def test_the_map_page_rejects_post(client):
    assert client.post(reverse("events:map")).status_code == 405


def test_few_events_in_view_come_as_single_events(client, make_incident):
    inside = make_incident(latitude=35.0, longitude=38.0, killed_total_best=4, title="Raid")
    make_incident(latitude=33.0, longitude=36.5)

    response = client.get(DATA, {"bbox": "37,34,39,36", "zoom": "9"})

    assert response.status_code == 200
    body = response.json()
    assert body["mode"] == "events"
    assert body["events"] == [[inside.pk, 35.0, 38.0, 4, "airstrike", "2018-07-12", "Raid"]]


def test_many_events_in_view_come_as_grid_cells_with_counts_and_killed_sums(
    client, make_incident, monkeypatch
):
    monkeypatch.setattr(views, "MAP_EVENT_LIMIT", 2)
    for _ in range(3):
        make_incident(latitude=35.01, longitude=38.01, killed_total_best=2)
    make_incident(latitude=33.5, longitude=36.3, killed_total_best=None)

    body = client.get(DATA, {"bbox": "35,32,43,38", "zoom": "7"}).json()

    assert body["mode"] == "cells"
    cells = sorted(body["cells"])
    assert [cell[2:4] for cell in cells] == [[1, 0], [3, 6]]
    assert cells[1][:2] == [35.01, 38.01]


def test_map_data_follows_the_filters(client, make_incident):
    make_incident(province="SY-HL", latitude=36.2, longitude=37.1)
    wanted = make_incident(latitude=35.3, longitude=40.1)

    body = client.get(DATA, {"province": "SY-DY"}).json()

    assert [event[0] for event in body["events"]] == [wanted.pk]


@pytest.mark.parametrize(
    "query",
    [
        {"bbox": "1,2,3"},
        {"bbox": "a,b,c,d"},
        {"bbox": "40,30,35,36"},
        {"bbox": "nan,30,40,36"},
        {"zoom": "-1"},
        {"zoom": "x"},
        {"province": "SY-XX"},
        {"date_to": "2018-13-45"},
    ],
)
def test_bad_map_queries_are_a_400_with_a_json_message(client, query):
    response = client.get(DATA, query)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["errors"]


def test_map_data_rejects_post(client):
    assert client.post(DATA).status_code == 405


def test_a_response_for_the_most_events_in_view_stays_under_150_kb(client, make_incident):
    from events.models import Incident

    title = "<script>" + "x" * 290
    Incident.objects.bulk_create(
        Incident(latitude=35 + i / 2000, longitude=38, title=title, killed_total_best=99999)
        for i in range(views.MAP_EVENT_LIMIT)
    )

    response = client.get(DATA, {"bbox": "35,32,43,38", "zoom": "16"})

    assert response.json()["mode"] == "events"
    assert len(response.content) <= 150 * 1024


def test_cells_stay_few_however_far_the_client_zooms(client, monkeypatch):
    from events.models import Incident

    monkeypatch.setattr(views, "MAP_EVENT_LIMIT", 10)
    Incident.objects.bulk_create(
        Incident(latitude=32.5 + i % 97 * 0.05, longitude=36 + i // 97 * 0.05) for i in range(5000)
    )

    response = client.get(DATA, {"bbox": "-180,-90,180,90", "zoom": "18"})

    assert len(response.json()["cells"]) <= views.MAP_MAX_CELLS_ACROSS**2
    assert sum(cell[2] for cell in response.json()["cells"]) == 5000


def test_the_histogram_counts_events_and_deaths_per_month(client, make_incident):
    import datetime

    make_incident(date=datetime.date(2018, 7, 1), killed_total_best=3)
    make_incident(date=datetime.date(2018, 7, 30), killed_total_best=None)
    make_incident(date=datetime.date(2018, 9, 2), killed_total_best=10)
    make_incident(date=datetime.date(2018, 9, 2), province="SY-HL")
    make_incident(date=None, killed_total_best=1)  # In the totals, in no month.

    response = client.get(reverse("events:histogram"), {"province": "SY-DY"})

    assert json.loads(response.content) == {
        "months": [["2018-07", 2, 3], ["2018-09", 1, 10]],
        "periods": [],
        # The bars add up to the total with the undated incidents, said apart.
        "undated": [1, 1],
        "total": {"count": 4, "capped": False},
        "killed": 14,
        "not_filters": [],
    }
    assert client.get(reverse("events:histogram"), {"min_killed": "x"}).status_code == 400
    assert client.post(reverse("events:histogram")).status_code == 405


def test_the_map_page_shows_the_errors_of_an_invalid_filter(client):
    response = client.get(reverse("events:map"), {"province": "SY-XX", "min_killed": "-1"})

    assert response.status_code == 400
    body = response.content.decode()
    assert "Select a valid choice" in body
    assert "greater than or equal to 0" in body


def test_a_period_longer_than_a_month_is_in_the_totals_but_no_months_bar(
    client, a_year_toll_beside_incidents
):
    data = client.get(reverse("events:histogram"), {"aggregates": "include"}).json()

    assert data["months"] == [["2016-01", 1, 2], ["2016-03", 1, 30]]
    assert data["periods"] == [["2016-01-01", "2016-12-31", "year", 1, 19000]]
    assert (data["total"]["count"], data["killed"]) == (3, 19032)


def test_a_year_record_without_a_date_is_counted_but_in_no_bar_and_no_period(client, make_incident):
    make_incident(date=datetime.date(2016, 1, 1), killed_total_best=2)
    make_incident(date=None, date_precision="year", killed_total_best=40)

    response = client.get(reverse("events:histogram"))

    assert response.status_code == 200
    data = response.json()
    assert data["months"] == [["2016-01", 1, 2]]
    assert data["periods"] == []
    assert data["total"]["count"] == 2


def test_a_popup_lists_the_newest_incidents_in_an_area_with_place_and_perpetrators(
    client, make_incident, make_place, make_actor
):
    soussa = make_place(name="Al-Soussa", name_ar="السوسة")
    russia = make_actor("Russian Air Force", "russia")
    old = make_incident(place=soussa, date=datetime.date(2017, 1, 1), perpetrators=[russia])
    new = make_incident(place=soussa, date=datetime.date(2018, 1, 1))
    make_incident(latitude=33.5, longitude=36.3)  # Elsewhere.

    response = client.get(
        reverse("events:map_popup") + "?area=40.9,34.4,41.0,34.5&event_type=airstrike"
    )

    data = response.json()
    assert data["count"] == 2
    assert [item["url"].split("?")[0] for item in data["incidents"]] == [
        new.get_absolute_url(),
        old.get_absolute_url(),
    ]
    assert data["incidents"][1]["place"] == "Al-Soussa"
    assert data["incidents"][1]["placeAr"] == "السوسة"
    assert data["incidents"][1]["perpetrators"] == ["Russian Air Force"]
    assert data["listUrl"] == (
        reverse("events:list") + "?area=40.9%2C34.4%2C41.0%2C34.5&event_type=airstrike"
    )
    assert client.get(data["listUrl"]).context["total"].count == 2


@pytest.mark.parametrize(
    "query", ["", "?area=1,2,3", "?area=10,0,5,1", "?area=0,0,1,1&date_from=x"]
)
def test_a_popup_without_a_valid_area_is_a_400(client, query):
    response = client.get(reverse("events:map_popup") + query)

    assert response.status_code == 400
    assert "errors" in response.json()


def test_the_map_page_knows_each_governorates_names_to_fit_to_it(client, make_governorate):
    make_governorate("SY-HL")

    response = client.get(reverse("events:map"))

    assert "Aleppo" in response.context["map_config"]["governorates"]["SY-HL"]
    assert response.context["map_config"]["popupUrl"] == reverse("events:map_popup")


def test_a_searched_histogram_shows_only_the_periods_that_match_the_words(
    client, make_incident, make_report
):
    # On PostgreSQL the period records are found first and tested against the words: the
    # other period and the single incidents that match must come out as before.
    year = {"date_end": datetime.date(2016, 12, 31), "date_precision": "year", "aggregate": True}
    texts = [
        ("Air strike on Idlib", 4, {}),
        ("Air strike toll of the year", 900, year),
        ("Shelling toll of the year", 700, year),
    ]
    for n, (headline, killed, extra) in enumerate(texts):
        incident = make_incident(date=datetime.date(2016, 1, 1), killed_total_best=killed, **extra)
        make_report(incident, source="ucdp_ged", external_id=str(n), headline=headline)

    data = client.get(
        reverse("events:histogram"), {"q": '"air strike"', "aggregates": "include"}
    ).json()

    assert data["periods"] == [["2016-01-01", "2016-12-31", "year", 1, 900]]
    assert data["months"] == [["2016-01", 1, 4]]
    assert (data["total"]["count"], data["killed"]) == (2, 904)


def test_two_map_views_at_once_are_a_400(client):
    response = client.get(reverse("events:map_data") + "?bbox=35,32,43,38&bbox=36,33,37,34")
    assert response.status_code == 400


def test_each_cells_popup_and_list_count_what_the_cell_shows(client, make_incident, monkeypatch):
    # Cells cut by the view's edge, an incident on a cell's edge, and the analyst's own area:
    # a cell's popup and its "in the list" link counted other areas than the cell.
    monkeypatch.setattr(views, "MAP_EVENT_LIMIT", 2)
    points = [(35.2, 37.5), (35.2, 37.49), (35.9, 37.2), (35.3, 37.9), (34.6, 36.6), (35.0, 38.0)]
    for lat, lon in points:
        make_incident(latitude=lat, longitude=lon, killed_total_best=1)
    area = {"area": "36.5,34.5,38.5,35.95"}

    body = client.get(DATA, {**area, "bbox": "36.9,34.1,38.2,37", "zoom": "7"}).json()

    assert body["mode"] == "cells"
    shown = 0
    for cell in body["cells"]:
        box = ",".join(f"{n:.5f}" for n in cell[4:8])
        popup = client.get(reverse("events:map_popup"), {"area": box}).json()
        assert popup["count"] == cell[2], cell
        assert client.get(popup["listUrl"]).context["total"].count == cell[2]
        shown += cell[2]
    assert shown == 5  # in view and in the area: not (34.6, 36.6), west of the view
