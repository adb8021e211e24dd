import json

import pytest
from django.urls import reverse
from django.utils import timezone

from opendata import geojson

pytestmark = pytest.mark.django_db

EXPORT = reverse("opendata:export_geojson")


def read(response):
    return json.loads(b"".join(response.streaming_content))


def test_it_streams_every_matching_incident_as_an_rfc7946_collection(client, make_incident):
    kept = [make_incident(province="SY-HL", latitude=36.2, longitude=37.16) for _ in range(3)]
    make_incident(province="SY-DY")

    response = client.get(EXPORT, {"province": "SY-HL"})

    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == "application/geo+json"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="incidents-{today}.geojson"'
    body = read(response)
    assert body["type"] == "FeatureCollection"
    assert sorted(f["id"] for f in body["features"]) == sorted(i.pk for i in kept)
    assert body["features"][0]["geometry"] == {"type": "Point", "coordinates": [37.16, 36.2]}


def test_it_reads_page_after_page_in_the_lists_order(client, make_incident, monkeypatch):
    monkeypatch.setattr(geojson, "CHUNK_ROWS", 2)
    made = [make_incident(killed_total_best=n) for n in range(5)]

    body = read(client.get(EXPORT, {"order": "-killed"}))

    assert [f["id"] for f in body["features"]] == [i.pk for i in reversed(made)]


def test_it_cites_itself_in_foreign_members_and_headers(client, make_incident):
    make_incident()
    make_incident()

    response = client.get(EXPORT, {"event_type": "airstrike"})

    body = read(response)
    cited = body["citation"]
    assert cited["rows"] == body["numberMatched"] == 2
    assert cited["filter_url"] == "http://testserver/events/?event_type=airstrike"
    assert {s["license"] for s in cited["sources"]} == {
        "CC BY 4.0", "CC BY 3.0 IGO", "their publishers' terms"  # the rows are bulletins'
    }  # fmt: skip
    assert response["X-Row-Count"] == "2"
    assert response["X-Filter-URL"] == cited["filter_url"]


def test_an_empty_selection_is_a_valid_empty_collection(client):
    body = read(client.get(EXPORT))

    assert body["features"] == [] and body["numberMatched"] == 0


def test_an_invalid_filter_is_answered_400(client):
    response = client.get(EXPORT, {"date_from": "not a date"})

    assert response.status_code == 400
    assert b"date_from" in response.content


def test_it_refuses_a_post_with_405(client):
    assert client.post(EXPORT).status_code == 405


def test_the_list_links_the_geojson_export_of_its_filter_beside_the_csv(client, make_governorate):
    make_governorate("SY-HL")

    content = client.get(reverse("events:list"), {"province": "SY-HL"}).content.decode()

    assert f'href="{EXPORT}?province=SY-HL"' in content


def test_head_answers_with_the_headers_and_runs_no_export(client, make_incident):
    make_incident()

    response = client.head(EXPORT)

    assert response.status_code == 200
    assert response["X-Row-Count"] == "1"
    assert b"".join(response.streaming_content) == b""
