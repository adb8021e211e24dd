"""The review queue: unreviewed incidents, least certain first, verified or rejected."""

import pytest
from django.urls import reverse

from events.models import Incident, ReviewStatus

from .conftest import form_data, make_incident, make_staff

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:events_reviewqueue_changelist")


def change_url(incident):
    return reverse("admin:events_incident_change", args=[incident.pk])


def test_the_queue_lists_unreviewed_incidents_least_certain_first(client, editor):
    sure = make_incident(confidence=0.9)
    unsure = make_incident(confidence=0.2)
    unknown = make_incident(confidence=None)
    make_incident(confidence=0.1, status=ReviewStatus.VERIFIED)
    make_incident(confidence=0.1, status=ReviewStatus.REJECTED)

    response = client.get(QUEUE)

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [unknown, unsure, sure]


def test_the_queue_queryset_is_the_same_order():
    sure, unsure = make_incident(confidence=0.9), make_incident(confidence=0.2)

    assert list(Incident.objects.review_queue()) == [unsure, sure]


def test_an_item_in_the_queue_opens_the_incident_form(client, editor):
    incident = make_incident()

    response = client.get(reverse("admin:events_reviewqueue_change", args=[incident.pk]))

    assert response.status_code == 302
    assert response["Location"] == change_url(incident)


def test_bulk_verifying_from_the_queue_empties_it_and_bumps_versions(client, editor):
    first, second = make_incident(), make_incident()

    response = client.post(
        QUEUE, {"action": "mark_verified", "_selected_action": [first.pk, second.pk]}
    )

    assert response.status_code == 302
    assert not Incident.objects.review_queue().exists()
    assert set(Incident.objects.values_list("status", "version")) == {(ReviewStatus.VERIFIED, 2)}
    assert first.history.first().history_change_reason == "Marked verified"


def test_the_verify_button_saves_the_form_and_opens_the_next_to_review(client, editor):
    incident = make_incident(confidence=0.1)
    following = make_incident(confidence=0.5)
    data = form_data(client.get(change_url(incident)))

    response = client.post(change_url(incident), {**data, "title": "Checked", "_verify": "1"})

    assert response["Location"] == change_url(following)
    incident.refresh_from_db()
    assert (incident.status, incident.title, incident.version) == ("verified", "Checked", 2)
    assert incident.history.first().history_user == editor


def test_the_reject_button_on_the_last_item_returns_to_the_empty_queue(client, editor):
    incident = make_incident()
    data = form_data(client.get(change_url(incident)))

    response = client.post(change_url(incident), {**data, "_reject": "1"})

    assert response["Location"] == QUEUE
    assert Incident.objects.get().status == ReviewStatus.REJECTED


def test_the_change_form_offers_verify_and_reject_only_while_unreviewed(client, editor):
    extracted, verified = make_incident(), make_incident(status=ReviewStatus.VERIFIED)

    assert b'name="_verify"' in client.get(change_url(extracted)).content
    assert b'name="_verify"' not in client.get(change_url(verified)).content


def test_staff_without_incident_permissions_get_403_on_the_queue(client):
    client.force_login(make_staff("clerk", "view_bulletin"))

    assert client.get(QUEUE).status_code == 403


def test_analysts_see_the_queue_but_cannot_verify(client):
    incident = make_incident()
    client.force_login(make_staff("analyst", "view_incident"))

    listed = client.get(QUEUE)
    client.post(QUEUE, {"action": "mark_verified", "_selected_action": [incident.pk]})

    assert listed.status_code == 200
    assert Incident.objects.get().status == ReviewStatus.EXTRACTED
