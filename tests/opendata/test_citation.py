import csv
import io
import json

import pytest
from django.db import connection
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_csv_export_cites_its_filter_time_rows_and_sources_in_its_headers(
    client, make_incident
):
    for _ in range(3):
        make_incident(event_type="shelling")
    make_incident()

    response = client.get(reverse("events:export"), {"event_type": "shelling"})

    text = b"".join(response.streaming_content).decode()
    rows = [row for row in csv.reader(io.StringIO(text)) if not row[0].startswith("#")]
    assert response["X-Row-Count"] == "3" == str(len(rows) - 1)  # less the header
    assert response["X-Filter-URL"] == "http://testserver/events/?event_type=shelling"
    assert response["X-Retrieved-At"].endswith("+00:00")
    sources = response["X-Data-Sources"]
    assert "UCDP" in sources and "GeoNames" in sources and "CC BY 3.0 IGO" in sources


@pytest.mark.parametrize("export", ["events:export", "opendata:export_geojson"])
def test_an_exports_citation_names_the_place_and_district_by_their_keys(
    client, make_district, make_place, make_incident, export
):
    # (a hostile tester's case: ?place=Aleppo was cited as written, which becomes a 400 once
    # a second Aleppo is added)
    mayadin = make_district()
    soussa = make_place(name="Al-Soussa", district=mayadin)
    make_incident(place=soussa, district=mayadin)

    response = client.get(reverse(export), {"place": "Al-Soussa", "district": mayadin.pk})

    cited = response["X-Filter-URL"]
    assert f"place={soussa.pk}" in cited and f"district={mayadin.pcode}" in cited


def test_the_list_has_a_cite_this_view_panel_with_a_text_to_copy(client, make_incident):
    make_incident(event_type="shelling")
    make_incident(event_type="shelling")

    response = client.get(reverse("events:list"), {"event_type": "shelling"})

    content = response.content.decode()
    assert 'id="cite"' in content and "Cite this view" in content
    text = content.split('<textarea id="cite-text" readonly rows="4">')[1].split("</textarea>")[0]
    assert "2 rows" in text
    assert "http://testserver/events/?event_type=shelling" in text
    assert "GeoNames (CC BY 4.0)" in text and "(CC BY 3.0 IGO)" in text
    assert '<code id="ogc-url">http://testserver/ogc?event_type=shelling</code>' in content


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite counts every total")
def test_a_capped_total_is_cited_as_more_than_the_cap(client, make_incident, monkeypatch):
    monkeypatch.setattr("events.views.PAGE_SIZE", 1)
    monkeypatch.setattr("events.counts.LIMIT", 2)
    for _ in range(4):
        make_incident()

    content = client.get(reverse("events:list")).content.decode()

    assert "more than 2 rows" in content


@pytest.mark.parametrize(
    ("query", "cited", "not_cited"),
    [
        ({}, ["ACLED", "News bulletins"], []),
        ({"source": "acled"}, ["ACLED"], ["News bulletins"]),
        ({"source": "ucdp_ged"}, [], ["ACLED", "News bulletins"]),
    ],
)
def test_an_export_cites_the_datasets_its_rows_come_from(
    client, make_incident, query, cited, not_cited
):
    # ACLED rows went out under UCDP's, GeoNames' and OCHA's names only.
    make_incident(source="acled")
    make_incident(source="bulletin")
    make_incident(source="ucdp_ged")

    exported = client.get(reverse("events:export"), query)["X-Data-Sources"]
    geojson = client.get(reverse("opendata:export_geojson"), query)
    collection = json.loads(b"".join(geojson.streaming_content))
    named = [source["name"] for source in collection["citation"]["sources"]]

    assert "UCDP" in exported and "GeoNames" in exported  # the gazetteer's, always
    for name in cited:
        assert name in exported and any(n.startswith(name) for n in named)
    for name in not_cited:
        assert name not in exported and not any(n.startswith(name) for n in named)


@pytest.mark.parametrize(
    "url, extra",
    [
        ("opendata:ogc_items", {}),
        ("opendata:ogc_items", {"bbox": "40,34,41,35"}),
        ("opendata:api_incidents", {}),
    ],
)
def test_the_ogc_and_api_citations_name_the_place_by_its_key(
    client, make_place, make_incident, url, extra
):
    # (a reviewer's case: the CSV and GeoJSON exports were keyed, these two were not)
    soussa = make_place(name="Al-Soussa")
    make_incident(place=soussa)

    response = client.get(reverse(url), {"place": "Al-Soussa", **extra})

    body = json.loads(
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    assert f"place={soussa.pk}" in body["citation"]["filter_url"]
    assert "Al-Soussa" not in body["citation"]["filter_url"]
