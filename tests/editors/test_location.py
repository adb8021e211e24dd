"""The incident form's map, and the place lookup that fills district, governorate and point."""

import re

import pytest
from django.urls import reverse

from .conftest import form_data, make_incident, make_place, make_staff

pytestmark = pytest.mark.django_db


def lookup_url(place_pk):
    return reverse("admin:events_incident_place", args=[place_pk])


def test_the_change_form_shows_a_map_of_the_incident(client, editor):
    incident = make_incident(latitude=35.86, longitude=36.8)

    response = client.get(reverse("admin:events_incident_change", args=[incident.pk]))

    body = response.content.decode()
    assert 'id="incident-map"' in body
    assert "leaflet/leaflet.js" in body and "leaflet/leaflet.css" in body
    assert "events/admin_incident.js" in body
    assert 'id="place-lookup-url"' in body


def test_the_change_form_runs_no_script_without_the_pages_nonce(client, editor):
    incident = make_incident()

    response = client.get(reverse("admin:events_incident_change", args=[incident.pk]))

    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    for tag in re.findall(r"<script\b[^>]*>", response.content.decode()):
        assert "src=" in tag or 'type="application/json"' in tag or f'nonce="{nonce}"' in tag
    assert "<style" not in response.content.decode()


def test_the_add_form_shows_the_map_too(client, editor):
    response = client.get(reverse("admin:events_incident_add"))

    assert 'id="incident-map"' in response.content.decode()


def test_the_place_lookup_gives_district_governorate_and_coordinates(client, editor):
    place = make_place()

    response = client.get(lookup_url(place.pk))

    assert response.status_code == 200
    assert response.json() == {
        "id": place.pk,
        "name": "Saraqeb, Idlib",
        "district": {"id": place.district_id, "text": "Idlib (Idlib)"},
        "governorate": {"id": "SY07", "text": "Idlib"},
        "latitude": 35.86,
        "longitude": 36.8,
    }


def test_the_place_lookup_of_an_unknown_place_is_404(client, editor):
    assert client.get(lookup_url(999)).status_code == 404


def test_the_place_lookup_only_answers_get(client, editor):
    assert client.post(lookup_url(make_place().pk)).status_code == 405


def test_the_place_lookup_is_403_for_staff_who_cannot_edit_incidents(client):
    client.force_login(make_staff("reader", "view_incident", "view_place"))

    assert client.get(lookup_url(make_place().pk)).status_code == 403


def test_the_place_lookup_sends_anonymous_users_to_the_login_page(client):
    response = client.get(lookup_url(make_place().pk))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_a_place_level_location_without_a_place_or_a_point_is_a_form_error(client, editor):
    # Saved as precise as a place while placed nowhere: no point on the map, counted among
    # the place-level records.
    incident = make_incident(latitude=35.86, longitude=36.8)
    url = reverse("admin:events_incident_change", args=[incident.pk])
    data = form_data(client.get(url)) | {"geo_precision": "place"}
    data = {k: v for k, v in data.items() if k not in ("place", "latitude", "longitude")}

    response = client.post(url, data)

    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors.get("geo_precision", []))
    assert "choose the place" in errors and "coarser precision" in errors, errors
    incident.refresh_from_db()
    assert incident.latitude == 35.86


@pytest.mark.parametrize(
    "changes",
    [
        {"geo_precision": "place", "latitude": "36.2", "longitude": "37.1"},  # not in the gazetteer
        {"geo_precision": "governorate", "latitude": "", "longitude": ""},
    ],
)
def test_a_location_as_precise_as_what_it_gives_is_saved(client, editor, changes):
    incident = make_incident(latitude=35.86, longitude=36.8)
    url = reverse("admin:events_incident_change", args=[incident.pk])

    response = client.post(url, form_data(client.get(url)) | changes)

    assert response.status_code == 302, response.context["adminform"].form.errors
    incident.refresh_from_db()
    assert incident.geo_precision == changes["geo_precision"]
