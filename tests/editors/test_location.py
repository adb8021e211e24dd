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


def aleppo():
    from events.models import District, Governorate

    governorate = Governorate.objects.create(code="SY02", pcode="SY02", name="Aleppo")
    district = District.objects.create(pcode="SY0200", name="Jebel Saman", governorate=governorate)
    return governorate, district


def test_a_places_district_in_another_governorate_is_a_form_error(client, editor):
    place = make_place()  # in Idlib
    _, district = aleppo()
    url = reverse("admin:events_place_change", args=[place.pk])

    response = client.post(url, form_data(client.get(url)) | {"district": str(district.pk)})

    assert response.status_code == 200
    errors = " ".join(response.context["adminform"].form.errors.get("district", []))
    assert "Jebel Saman is in Aleppo, not Idlib" in errors, errors
    place.refresh_from_db()
    assert place.district.name == "Idlib"


@pytest.mark.parametrize(
    ("where", "field", "message"),
    [
        (("place", "aleppo", "aleppo"), "governorate", "Saraqeb is in Idlib, not Aleppo"),
        (("place", "idlib", "aleppo"), "governorate", "Saraqeb is in Idlib, not Aleppo"),
        (("place", "aleppo", "idlib"), "district", "Saraqeb is in Idlib district, not Jebel Saman"),
        ((None, "aleppo", "idlib"), "district", "Jebel Saman is in Aleppo, not Idlib"),
    ],
)
def test_an_incidents_place_district_and_governorate_that_disagree_are_a_form_error(
    client, editor, where, field, message
):
    # A hostile tester's place in Idlib was saved in a district and a governorate of others.
    place = make_place()
    governorate, district = aleppo()
    chosen = {
        "place": str(place.pk) if where[0] else "",
        "district": str(district.pk if where[1] == "aleppo" else place.district_id),
        "governorate": governorate.pk if where[2] == "aleppo" else place.governorate_id,
    }
    incident = make_incident(latitude=35.86, longitude=36.8)
    url = reverse("admin:events_incident_change", args=[incident.pk])

    response = client.post(url, form_data(client.get(url)) | chosen)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert message in " ".join(errors.get(field, [])), errors
    incident.refresh_from_db()
    assert incident.version == 1


def test_an_incident_at_its_places_district_and_governorate_is_saved(client, editor):
    place = make_place()
    incident = make_incident()
    url = reverse("admin:events_incident_change", args=[incident.pk])
    chosen = {
        "place": str(place.pk),
        "district": str(place.district_id),
        "governorate": place.governorate_id,
        "latitude": "35.86",
        "longitude": "36.8",
    }

    response = client.post(url, form_data(client.get(url)) | chosen)

    assert response.status_code == 302, response.context["adminform"].form.errors
    incident.refresh_from_db()
    assert (incident.place, incident.governorate_id) == (place, "SY07")


def test_an_unrelated_edit_of_an_incident_imported_in_another_district_than_its_places_saves(
    client, editor
):
    # UCDP's adm_2 names another district than the gazetteer's for the place of some rows
    # (230 of the shipped file's): only an editor who changes the place or the district is
    # asked to make them agree.
    place = make_place()
    _, district = aleppo()
    district.governorate = place.governorate
    district.save()
    incident = make_incident(place=place, district=district, governorate=place.governorate)
    incident.latitude, incident.longitude = place.latitude, place.longitude
    incident.save()
    url = reverse("admin:events_incident_change", args=[incident.pk])

    response = client.post(url, form_data(client.get(url)) | {"title": "Strike on Saraqeb"})

    assert response.status_code == 302, response.context["adminform"].form.errors
    incident.refresh_from_db()
    assert incident.title == "Strike on Saraqeb"
