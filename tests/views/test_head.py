"""HEAD answers as GET does, without a body: monitors and link checkers use it."""

import pytest
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
