"""HEAD answers as GET does, without a body: monitors and link checkers use it; a write to a
read-only page is refused as a write (405), not as a forged form (403)."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["list", "map", "map_data", "histogram", "export"])
def test_head_on_a_public_page_answers_like_get(client, name):
    url = reverse(f"events:{name}")
    query = {"bbox": "35.4,32.2,42.6,37.4"} if name == "map_data" else {}

    got, head = client.get(url, query), client.head(url, query)

    assert head.status_code == got.status_code == 200
    assert head["Content-Type"] == got["Content-Type"]


def test_head_on_an_incident_answers_like_get(client, make_incident):
    url = make_incident().get_absolute_url()

    assert client.head(url).status_code == 200
    assert client.head(reverse("events:detail", args=[10**9])).status_code == 404


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_other_methods_are_still_405(client, method):
    assert getattr(client, method)(reverse("events:list")).status_code == 405


@pytest.mark.parametrize(
    "name",
    [
        "events:list", "events:map", "events:overview", "events:histogram", "events:map_data",
        "events:map_popup", "events:overview_data", "events:place_suggestions",
        "opendata:feed", "opendata:api_openapi", "opendata:export_geojson", "events:export",
    ],
)  # fmt: skip
def test_a_write_to_a_read_only_page_is_a_405_with_csrf_checks_on(db, name):
    # A browser's POST met the CSRF check first: a 403 "CSRF verification failed".
    client = Client(enforce_csrf_checks=True)

    assert client.post(reverse(name)).status_code == 405
