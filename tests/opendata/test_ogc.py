import datetime
import json

import pytest
from django.db import connection
from django.urls import reverse

from opendata import citation, ogc

pytestmark = pytest.mark.django_db

LANDING = reverse("opendata:ogc_landing")
ITEMS = reverse("opendata:ogc_items")


def read(response):
    """A response's JSON body, streamed (items) or not."""
    if response.streaming:
        return json.loads(b"".join(response.streaming_content))
    return response.json()


def links(body, rel):
    return [link for link in body["links"] if link["rel"] == rel]


def test_the_landing_page_links_its_openapi_document_conformance_and_data(client):
    response = client.get(LANDING)

    assert response.status_code == 200
    body = response.json()
    (desc,) = links(body, "service-desc")
    assert desc["type"] == "application/vnd.oai.openapi+json;version=3.0"
    assert links(body, "data")[0]["href"] == "http://testserver/ogc/collections"
    assert links(body, "conformance")[0]["href"] == "http://testserver/ogc/conformance"


def test_the_landing_page_carries_the_filters_on_to_every_link(client, make_governorate):
    make_governorate("SY-DY")
    body = client.get(LANDING, {"province": "SY-DY", "event_type": "airstrike"}).json()

    for item in body["links"]:
        assert "province=SY-DY" in item["href"] and "event_type=airstrike" in item["href"]


@pytest.mark.parametrize(
    "query",
    ["province=SY-DY&province=", "province=&province=SY-DY", "province=SY-DY&province=SY-DY"],
)
def test_a_filter_given_again_blank_or_the_same_is_still_carried_on(
    client, make_governorate, query
):
    # A blank or repeated copy of a parameter filters as the one value (as the list and the CSV
    # read it): the links must carry that value, or a GIS client follows them to everything.
    make_governorate("SY-DY")
    body = client.get(f"{LANDING}?{query}").json()

    for item in body["links"]:
        assert item["href"].count("province=SY-DY") == 1, item["href"]


def test_conformance_declares_core_geojson_and_openapi(client):
    body = client.get(reverse("opendata:ogc_conformance")).json()

    assert set(ogc.CONFORMANCE) == set(body["conformsTo"])


def test_the_collection_has_the_extent_of_its_filtered_incidents(client, make_incident):
    make_incident(latitude=34.4, longitude=40.9, date=datetime.date(2018, 1, 2))
    make_incident(latitude=36.2, longitude=37.1, date=datetime.date(2019, 5, 6), province="SY-HL")

    whole = client.get(reverse("opendata:ogc_collections")).json()["collections"][0]
    aleppo = client.get(reverse("opendata:ogc_collection"), {"province": "SY-HL"}).json()

    assert whole["id"] == "incidents"
    assert whole["extent"]["spatial"]["bbox"] == [[37.1, 34.4, 40.9, 36.2]]
    assert whole["extent"]["temporal"]["interval"] == [
        ["2018-01-02T00:00:00Z", "2019-05-06T00:00:00Z"]
    ]
    assert aleppo["extent"]["spatial"]["bbox"] == [[37.1, 36.2, 37.1, 36.2]]
    (items,) = links(aleppo, "items")
    assert items["type"] == "application/geo+json" and "province=SY-HL" in items["href"]


def test_items_are_geojson_features_with_lon_lat_points_and_the_filter_properties(
    client, make_incident, make_place, make_actor, make_district
):
    incident = make_incident(
        place=make_place(name="Al-Soussa"),
        district=make_district(),
        latitude=34.43,
        longitude=40.95,
        killed_total_best=28,
        perpetrators=[make_actor()],
        title="Air strike on Al-Soussa",
    )

    response = client.get(ITEMS)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    body = read(response)
    assert body["type"] == "FeatureCollection"
    assert body["numberMatched"] == body["numberReturned"] == 1
    (feature,) = body["features"]
    assert feature["id"] == incident.pk
    assert feature["geometry"] == {"type": "Point", "coordinates": [40.95, 34.43]}
    properties = feature["properties"]
    assert properties["province"] == "SY-DY" and properties["governorate"] == "Deir ez-Zor"
    assert properties["district"] == "SY0903" and properties["district_name"] == "Al Mayadin"
    assert properties["event_type"] == "airstrike" and properties["date"] == "2018-07-12"
    assert properties["place"] == "Al-Soussa"
    assert properties["date_end"] is None and properties["aggregate"] is False
    assert properties["perpetrators"] == "Syrian Arab Air Force"
    assert properties["killed_total_best"] == 28
    assert properties["url"] == f"http://testserver/events/{incident.pk}/"


def test_an_incident_without_a_location_has_a_null_geometry(client, make_incident):
    make_incident(latitude=None, longitude=None)

    (feature,) = read(client.get(ITEMS))["features"]

    assert feature["geometry"] is None


def test_items_follow_next_links_through_every_match_once(client, make_incident):
    made = {make_incident(date=datetime.date(2018, 1, 1 + i % 3)).pk for i in range(7)}
    seen, url, pages = [], f"{ITEMS}?limit=3", 0

    while url:
        body = read(client.get(url))
        assert body["numberMatched"] == 7
        seen += [feature["id"] for feature in body["features"]]
        (url,) = [link["href"] for link in links(body, "next")] or [None]
        pages += 1

    assert pages == 3
    assert sorted(seen) == sorted(made)


def test_items_take_the_lists_filters(client, make_incident, make_actor):
    russia = make_actor("Russian Air Force", "russia")
    kept = make_incident(province="SY-HL", perpetrators=[russia])
    make_incident(province="SY-HL")
    make_incident(province="SY-DY", perpetrators=[russia])

    body = read(client.get(ITEMS, {"province": "SY-HL", "group": "russia"}))

    assert [feature["id"] for feature in body["features"]] == [kept.pk]
    assert body["numberMatched"] == 1


def test_bbox_keeps_the_incidents_inside_it(client, make_incident):
    inside = make_incident(latitude=34.4, longitude=40.9)
    make_incident(latitude=36.2, longitude=37.1)

    body = read(client.get(ITEMS, {"bbox": "40,34,41,35"}))

    assert [feature["id"] for feature in body["features"]] == [inside.pk]


def test_datetime_takes_an_instant_or_an_open_or_closed_interval(client, make_incident):
    early = make_incident(date=datetime.date(2017, 3, 1))
    late = make_incident(date=datetime.date(2019, 3, 1))

    def ids(value):
        return {f["id"] for f in read(client.get(ITEMS, {"datetime": value}))["features"]}

    assert ids("2017-03-01") == {early.pk}
    assert ids("2018-01-01T00:00:00Z/..") == {late.pk}
    assert ids("../2018-01-01") == {early.pk}
    assert ids("2017-01-01/2020-01-01") == {early.pk, late.pk}
    assert ids("2018-01-01T/..") == {late.pk}  # as GDAL 3.6 writes a date


def test_datetime_matches_a_period_record_whose_span_it_meets(client, make_incident):
    # OGC API - Features Part 1, 7.15.4: a feature whose time span intersects the interval
    # (a year's toll dated 2016-01-01 to 2016-12-31 meets June 2016).
    year = make_incident(
        date=datetime.date(2016, 1, 1),
        date_end=datetime.date(2016, 12, 31),
        date_precision="year",
        aggregate=True,
    )

    def ids(value):
        query = {"datetime": value, "aggregates": "include"}
        return {f["id"] for f in read(client.get(ITEMS, query))["features"]}

    assert year.pk in ids("2016-06-15/2016-07-15")
    assert year.pk in ids("2016-06-15")
    assert year.pk in ids("../2016-03-01") and year.pk in ids("2016-12-31/..")
    assert year.pk not in ids("2017-01-01/..")
    collection = client.get(ITEMS.rsplit("/items", 1)[0], {"aggregates": "include"}).json()
    assert collection["extent"]["temporal"]["interval"] == [
        ["2016-01-01T00:00:00Z", "2016-12-31T00:00:00Z"]
    ]


@pytest.mark.parametrize(
    "query",
    [
        {"colour": "red"},
        {"limit": "0"},
        {"limit": str(ogc.MAX_LIMIT + 1)},
        {"limit": "ten"},
        {"bbox": "1,2,3"},
        {"bbox": "a,b,c,d"},
        {"bbox": "0,10,1,5"},
        {"bbox": "0,0,1000,1000"},  # CRS84: longitudes within ±180, latitudes ±90
        {"bbox": "-200,0,10,10"},
        {"bbox": "0,-91,10,10"},
        {"datetime": "yesterday"},
        {"datetime": "2019-01-01/2018-01-01"},
        {"datetime": "20160131"},  # ISO 8601's basic form, not RFC 3339
        {"datetime": "2016-W05-2"},
        {"datetime": "2016-01-01/2016-12-31/2017"},
        {"province": "SY-XX"},
        {"cursor": "not-a-cursor"},
        {"f": "html"},
        {"bbox": ["36,35,37,36", "0,0,1,1"]},  # two bboxes: the last was kept, silently
        {"limit": ["1", "2"]},
        {"datetime": ["2018-01-01", "2019-01-01"]},
    ],
)
def test_unknown_parameters_and_invalid_values_are_answered_400(client, query):
    response = client.get(ITEMS, query)

    assert response.status_code == 400
    assert read(response)["code"] == "InvalidParameterValue"


def test_other_resources_refuse_parameters_that_only_items_take(client):
    assert client.get(LANDING, {"limit": "5"}).status_code == 400
    assert client.get(reverse("opendata:ogc_collections"), {"bogus": "1"}).status_code == 400


def test_the_default_limit_applies_when_none_is_given(client, make_incident, monkeypatch):
    monkeypatch.setattr(ogc, "DEFAULT_LIMIT", 2)
    for _ in range(3):
        make_incident()

    body = read(client.get(ITEMS))

    assert body["numberReturned"] == 2 and body["numberMatched"] == 3


def test_one_item_by_its_id_and_404_for_none_or_a_rejected_one(client, make_incident):
    incident = make_incident()
    rejected = make_incident(status="rejected")

    response = client.get(reverse("opendata:ogc_item", args=[incident.pk]))

    assert response.status_code == 200
    assert response.json()["id"] == incident.pk
    assert response.json()["type"] == "Feature"
    for pk in (rejected.pk, incident.pk + 1000):
        missing = client.get(reverse("opendata:ogc_item", args=[pk]))
        assert missing.status_code == 404
        assert missing.json()["code"] == "NotFound"


def test_writes_are_refused_with_405(client):
    assert client.post(ITEMS).status_code == 405
    assert client.delete(LANDING).status_code == 405


def test_the_openapi_document_states_the_limit_and_our_filters_on_the_items_path(client):
    response = client.get(reverse("opendata:ogc_api"))

    assert response["Content-Type"] == "application/vnd.oai.openapi+json;version=3.0"
    document = response.json()
    assert document["openapi"].startswith("3.0")
    parameters = {
        p["name"]: p for p in document["paths"]["/collections/incidents/items"]["get"]["parameters"]
    }
    assert parameters["limit"]["schema"]["default"] == ogc.DEFAULT_LIMIT
    assert parameters["limit"]["schema"]["maximum"] == ogc.MAX_LIMIT
    for name in ("bbox", "datetime", "province", "group", "event_type", "q", "min_killed"):
        assert name in parameters
    assert "airstrike" in parameters["event_type"]["schema"]["enum"]
    assert document["servers"][0]["url"] == "http://testserver/ogc"


def test_the_schema_types_the_features_properties(client):
    body = client.get(reverse("opendata:ogc_schema")).json()

    properties = body["properties"]["properties"]["properties"]
    assert properties["killed_total_best"]["type"] == "integer"
    assert properties["date"]["format"] == "date"


def test_browsing_that_requires_a_login_sends_the_client_to_log_in(client, settings):
    settings.BROWSING_REQUIRES_LOGIN = True

    response = client.get(ITEMS)

    assert response.status_code == 302


def test_a_page_is_read_in_chunks_and_its_next_link_follows_the_last_row(
    client, make_incident, monkeypatch
):
    monkeypatch.setattr("opendata.geojson.CHUNK_ROWS", 2)
    made = [make_incident(killed_total_best=n).pk for n in range(7)]
    seen, url = [], f"{ITEMS}?limit=5&order=killed"

    while url:
        body = read(client.get(url))
        seen.append([feature["id"] for feature in body["features"]])
        (url,) = [link["href"] for link in links(body, "next")] or [None]

    assert seen == [made[:5], made[5:]]


def test_an_item_answers_its_filters_as_the_items_do(client, make_incident):
    # ?province=SY-DY on an Aleppo incident answered it anyway: the filters the landing page
    # carries into every link are now a condition of the item too; a status names a
    # rejected incident the items list (and links) with that status.
    aleppo = make_incident(province="SY-HL")
    rejected = make_incident(status="rejected")
    url = reverse("opendata:ogc_item", args=[aleppo.pk])

    assert client.get(url, {"province": "SY-HL"}).status_code == 200
    assert client.get(url, {"province": "SY-DY"}).status_code == 404
    rejected_url = reverse("opendata:ogc_item", args=[rejected.pk])
    assert client.get(rejected_url).status_code == 404
    assert client.get(rejected_url, {"status": "rejected"}).status_code == 200


@pytest.mark.parametrize(
    "path", ["/ogc/collections/roads", "/ogc/collections/roads/items", "/ogc/nothing"]
)
def test_an_unknown_ogc_resource_is_an_ogc_404_in_json(client, path):
    # It was the site's HTML 404 page, which a GIS client cannot read.
    response = client.get(path)

    assert response.status_code == 404
    assert response.json()["code"] == "NotFound"


def test_a_period_report_is_an_item_by_its_id(client, make_incident):
    # Listed with ?aggregates=include, it must be found by /items/{id} without the query.
    period = make_incident(aggregate=True, province="SY-DY")
    make_incident(province="SY-HL")

    assert client.get(reverse("opendata:ogc_item", args=[period.pk])).status_code == 200
    only_others = {"aggregates": "only", "province": "SY-HL"}
    assert (
        client.get(reverse("opendata:ogc_item", args=[period.pk]), only_others).status_code == 404
    )


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the counting tables are PostgreSQL's"
)
def test_number_matched_comes_from_the_counting_tables_without_a_bbox_or_datetime(
    client, make_incident, monkeypatch
):
    # An exact count of the incidents took 149 ms for limit=10 at a million incidents.
    for _ in range(3):
        make_incident(province="SY-HL")
    make_incident(province="SY-DY")
    counted = []
    monkeypatch.setattr(citation, "total_of", lambda qs: counted.append(qs) or qs.count())

    body = read(client.get(ITEMS, {"province": "SY-HL", "limit": "2"}))
    assert (body["numberMatched"], body["numberReturned"], counted) == (3, 2, [])

    body = read(client.get(ITEMS, {"province": "SY-HL", "bbox": "35,32,43,38"}))
    assert body["numberMatched"] == 3 and len(counted) == 1  # a bbox: counted exactly


def test_the_citation_of_items_cut_by_bbox_or_datetime_is_a_link_that_gives_them(
    client, make_incident
):
    # (a hostile tester's case: the citation of 1 match linked the list of every incident)
    inside = make_incident(latitude=34.4, longitude=40.9, date=datetime.date(2017, 6, 5))
    make_incident(latitude=36.2, longitude=37.1, date=datetime.date(2017, 6, 5))
    make_incident(latitude=34.4, longitude=40.9, date=datetime.date(2019, 1, 1))

    query = {"bbox": "40,34,41,35", "datetime": "2017-06-01/2017-06-30", "limit": "1"}
    body = read(client.get(ITEMS, query))

    cited = body["citation"]
    assert [f["id"] for f in body["features"]] == [inside.pk]
    assert cited["rows"] == 1
    again = read(client.get(cited["filter_url"].removeprefix("http://testserver")))
    assert [f["id"] for f in again["features"]] == [inside.pk]
    assert "limit" not in cited["filter_url"] and "cursor" not in cited["filter_url"]


def test_the_citation_of_items_by_the_lists_filters_alone_is_the_list(client, make_incident):
    make_incident()
    cited = read(client.get(ITEMS, {"limit": "5"}))["citation"]
    assert cited["filter_url"] == "http://testserver/events/"
