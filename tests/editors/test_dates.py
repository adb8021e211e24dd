"""Dates an editor types in the admin: out of range is a form error, never a 500."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Bulletin

from .conftest import form_data, make_incident

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("date", ["1982-02-02", "2999-01-01"])
def test_an_incident_date_out_of_range_is_a_form_error(client, editor, date):
    incident = make_incident()
    url = reverse("admin:events_incident_change", args=[incident.pk])
    data = form_data(client.get(url)) | {"date": date}

    response = client.post(url, data)

    assert response.status_code == 200
    assert "1990-01-01" in str(response.context["adminform"].form.errors["date"])
    incident.refresh_from_db()
    assert incident.date == datetime.date(2018, 2, 5)


def test_an_incident_cannot_be_dated_after_it_was_recorded(client, editor):
    incident = make_incident()
    type(incident).objects.filter(pk=incident.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=30)
    )
    url = reverse("admin:events_incident_change", args=[incident.pk])
    later = (timezone.now() - datetime.timedelta(days=2)).date().isoformat()

    response = client.post(url, form_data(client.get(url)) | {"date": later})

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["date"]


def test_a_bulletin_publication_out_of_range_is_a_form_error(client, editor):
    bulletin = Bulletin.objects.create(title="t", text="x", content_hash="h")
    url = reverse("admin:events_bulletin_change", args=[bulletin.pk])
    data = form_data(client.get(url)) | {"published_at_0": "1985-01-01", "published_at_1": "10:00"}

    response = client.post(url, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["published_at"]
    bulletin.refresh_from_db()
    assert bulletin.published_at is None
