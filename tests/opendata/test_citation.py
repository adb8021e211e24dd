import csv
import io

import pytest
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


def test_a_capped_total_is_cited_as_more_than_the_cap(client, make_incident, monkeypatch):
    monkeypatch.setattr("events.views.PAGE_SIZE", 1)
    monkeypatch.setattr("events.views.COUNT_LIMIT", 2)
    for _ in range(4):
        make_incident()

    content = client.get(reverse("events:list")).content.decode()

    assert "more than 2 rows" in content
