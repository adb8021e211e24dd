"""GDAL's OAPIF driver and its GeoJSON driver read what the site serves: the same incidents,
as many as the list counts for the same filter, with their attributes."""

import datetime
import json
import urllib.request

import pytest
from django.urls import reverse

from .conftest import feature_count

pytestmark = [pytest.mark.gis, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def incidents(make_incident, make_actor, make_place):
    russia = make_actor("Russian Air Force", "russia")
    aleppo = make_place(name="Aleppo city", province="SY-HL", latitude=36.2, longitude=37.16)
    made = []
    for day in range(1, 16):
        made.append(
            make_incident(
                province="SY-HL",
                place=aleppo,
                latitude=36.2,
                longitude=37.16,
                date=datetime.date(2016, 8, day),
                event_type="airstrike" if day % 3 else "shelling",
                killed_total_best=day,
                perpetrators=[russia] if day % 2 else [],
            )
        )
    for day in range(1, 11):
        made.append(make_incident(date=datetime.date(2018, 7, day), killed_total_best=None))
    return made


def list_total(client, query):
    response = client.get(reverse("events:list"), query)
    assert response.status_code == 200
    assert not response.context["total_is_capped"]
    return response.context["total"]


def test_ogrinfo_lists_the_incidents_layer_with_every_incident(
    gdal, live_server, client, incidents
):
    output = gdal("ogrinfo", "-ro", "-so", f"OAPIF:{live_server.url}/ogc", "incidents")

    assert feature_count(output) == list_total(client, {}) == 25
    assert "Geometry: Point" in output
    for field in ("event_type: String", "province: String", "killed_total_best: Integer"):
        assert field in output


def test_ogrinfo_reads_a_filtered_view_page_by_page(gdal, live_server, client, incidents):
    query = "province=SY-HL&group=russia"
    # Without -so ogrinfo reads every feature, following the next links (ten a page).
    output = gdal("ogrinfo", "-ro", "-al", f"OAPIF:{live_server.url}/ogc?{query}")

    read = output.count("OGRFeature(incidents):")
    assert read == list_total(client, {"province": "SY-HL", "group": "russia"}) == 8
    assert "perpetrators (String) = Russian Air Force" in output
    assert "province (String) = SY-HL" in output


def test_a_where_clause_on_a_filters_property_is_answered_by_the_server(
    gdal, live_server, client, incidents
):
    output = gdal(
        "ogrinfo",
        "-ro",
        "-al",
        "-where",
        "event_type = 'shelling'",
        "--config",
        "CPL_DEBUG",
        "ON",
        f"OAPIF:{live_server.url}/ogc",
        stderr=True,
    )

    assert "event_type=shelling" in output  # in the URL GDAL requests (its debug output)
    assert "evaluated on client side" not in output
    assert output.count("OGRFeature(incidents):") == list_total(client, {"event_type": "shelling"})


def test_ogr2ogr_converts_the_geojson_export_with_its_attributes(
    gdal, live_server, client, incidents, tmp_path
):
    query = "province=SY-HL&event_type=airstrike"
    exported = tmp_path / "incidents.geojson"
    with urllib.request.urlopen(
        f"{live_server.url}{reverse('opendata:export_geojson')}?{query}"
    ) as r:
        exported.write_bytes(r.read())
    converted = tmp_path / "incidents.csv"

    gdal("ogr2ogr", "-f", "CSV", str(converted), str(exported), "-lco", "GEOMETRY=AS_XY")
    info = gdal("ogrinfo", "-ro", "-so", "-al", str(exported))

    expected = list_total(client, {"province": "SY-HL", "event_type": "airstrike"})
    assert feature_count(info) == expected == 10
    assert json.loads(exported.read_text())["numberMatched"] == expected
    lines = converted.read_text().splitlines()
    header = lines[0].split(",")
    assert header[:2] == ["X", "Y"] and "killed_total_best" in header and "date" in header
    assert len(lines) == 1 + expected
    first = dict(zip(header, lines[1].split(","), strict=False))
    assert first["X"] == "37.16" and first["Y"] == "36.2"
    assert first["province"] == "SY-HL" and first["event_type"] == "airstrike"
