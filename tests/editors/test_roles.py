"""Roles: Editors import and change; Analysts look and get 403 for anything else."""

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.test import override_settings
from django.urls import reverse

from events.models import Bulletin, Incident

from .conftest import form_data, make_incident, make_place

pytestmark = pytest.mark.django_db

roles = import_module("events.migrations.0004_editor_and_analyst_groups")
IMPORT = reverse("admin:events_bulletin_import")


@pytest.fixture(autouse=True)
def groups():
    # The migration creates them; a test that flushed the database took them away.
    if not Group.objects.filter(name="Editors").exists():
        roles.create_groups(apps)


def member(client, group):
    user = User.objects.create_user(group.lower(), is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


def change_url(incident):
    return reverse("admin:events_incident_change", args=[incident.pk])


def test_editors_may_add_change_and_view_but_delete_nothing():
    codenames = set(
        Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
    )

    assert {"add_bulletin", "change_incident", "view_place", "change_actor"} <= codenames
    assert not any(codename.startswith("delete_") for codename in codenames)


def test_analysts_may_only_view():
    codenames = Group.objects.get(name="Analysts").permissions.values_list("codename", flat=True)

    assert codenames and all(codename.startswith("view_") for codename in codenames)


def test_an_analyst_gets_403_on_the_import_page(client):
    member(client, "Analysts")

    assert client.get(IMPORT).status_code == 403
    assert client.post(IMPORT, {"text": "Jets struck Saraqeb."}).status_code == 403
    assert not Bulletin.objects.exists()


def test_an_analyst_sees_the_incident_form_but_gets_403_on_saving_it(client):
    incident = make_incident()
    member(client, "Analysts")
    data = form_data(client.get(change_url(incident)))

    assert client.get(change_url(incident)).status_code == 200
    assert client.post(change_url(incident), {**data, "title": "x"}).status_code == 403
    assert Incident.objects.get().title == "Air strike on Saraqeb"


def test_an_analyst_gets_403_on_the_place_lookup(client):
    place = make_place()
    member(client, "Analysts")

    response = client.get(reverse("admin:events_incident_place", args=[place.pk]))

    assert response.status_code == 403


def test_an_editor_can_import_a_bulletin(client):
    editor = member(client, "Editors")

    response = client.post(IMPORT, {"text": "Raid on Saraqeb\n\nJets struck Saraqeb on Monday."})

    assert response.status_code == 200
    assert Bulletin.objects.get().imported_by == editor


def test_an_editor_can_change_an_incident(client):
    incident = make_incident()
    member(client, "Editors")
    data = form_data(client.get(change_url(incident)))

    response = client.post(change_url(incident), {**data, "title": "Checked"})

    assert response.status_code == 302
    assert Incident.objects.get().title == "Checked"


def test_an_editor_gets_403_on_deleting_an_incident(client):
    incident = make_incident()
    member(client, "Editors")

    response = client.post(
        reverse("admin:events_incident_delete", args=[incident.pk]), {"post": "yes"}
    )

    assert response.status_code == 403
    assert Incident.objects.exists()


@pytest.mark.parametrize("required", [True, False])
def test_the_admin_needs_a_login_whatever_browsing_requires(client, required):
    with override_settings(BROWSING_REQUIRES_LOGIN=required):
        response = client.get(reverse("admin:events_incident_changelist"))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
