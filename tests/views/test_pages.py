"""Pages every visitor meets: the 404 page, the favicon and the skip link."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_an_unknown_address_is_a_404_page_with_the_sites_navigation(client):
    response = client.get("/events/no-such-page/")

    assert response.status_code == 404
    body = response.content.decode()
    assert "Page not found" in body
    assert f'href="{reverse("events:list")}"' in body
    assert f'href="{reverse("events:overview")}"' in body


def test_every_page_names_its_favicon_and_offers_a_skip_link(client):
    body = client.get(reverse("events:list")).content.decode()

    assert 'rel="icon"' in body and "favicon.svg" in body
    assert '<a class="skip-link" href="#results">Skip to the results</a>' in body
    assert 'id="results"' in body


def test_the_old_favicon_address_leads_to_the_favicon(client):
    response = client.get("/favicon.ico")

    assert response.status_code in (301, 302)
    assert response["Location"].endswith("favicon.svg")
