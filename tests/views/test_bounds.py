"""Every integer in a query string has a range: larger numbers are a 400 that says why."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["export", "list", "map_data", "histogram"])
@pytest.mark.parametrize("value", ["2147483648", "9" * 30, "-1"])
def test_a_minimum_toll_out_of_range_is_a_400(client, name, value):
    response = client.get(reverse(f"events:{name}"), {"min_killed": value})

    assert response.status_code == 400
    assert b"min_killed" in response.content or b"Ensure this value" in response.content


def test_the_largest_minimum_toll_is_accepted(client, make_incident):
    make_incident(killed_total_best=5)

    response = client.get(reverse("events:export"), {"min_killed": "2147483647"})

    assert response.status_code == 200
