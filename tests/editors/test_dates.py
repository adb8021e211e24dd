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


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        # A hostile tester's three-year "day", which the histogram then drew as a period.
        ({"date_precision": "day", "date_end": "2021-02-05"}, "choose the week, month or year"),
        ({"date": "", "date_end": "2018-02-07"}, "give the date"),
        ({"date_precision": "month", "date_end": "2018-02-01"}, "on or after the date"),
    ],
)
def test_a_last_day_that_makes_no_period_is_a_form_error(client, editor, changes, message):
    incident = make_incident()
    url = reverse("admin:events_incident_change", args=[incident.pk])

    response = client.post(url, form_data(client.get(url)) | changes)

    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors.get("date_end", []))
    incident.refresh_from_db()
    assert (incident.date_end, incident.version) == (None, 1)


@pytest.mark.parametrize(
    "changes",
    [
        {"date_precision": "month", "date_end": "2018-02-28"},
        {"date_precision": "year", "date_end": "2018-12-31"},
        {"date_precision": "day", "date_end": "2018-02-11", "aggregate": "on"},
        {"date_precision": "day", "date_end": "2018-02-05"},  # (its own day: no period)
    ],
)
def test_a_period_has_a_last_day(client, editor, changes):
    incident = make_incident(latitude=35.86, longitude=36.8)
    url = reverse("admin:events_incident_change", args=[incident.pk])

    response = client.post(url, form_data(client.get(url)) | changes)

    assert response.status_code == 302, response.context["adminform"].form.errors
    incident.refresh_from_db()
    assert incident.date_end.isoformat() == changes["date_end"]


def test_an_incident_with_a_date_chosen_undated_is_a_form_error_not_a_day(client, editor):
    # (a hostile tester's: a week-precise incident chosen "Undated" was saved precise to the
    # day, without a word)
    incident = make_incident(date_precision="week")
    url = reverse("admin:events_incident_change", args=[incident.pk])
    data = form_data(client.get(url)) | {"date_precision": "undated"}

    response = client.post(url, data)

    assert response.status_code == 200
    assert "clear the date" in str(response.context["adminform"].form.errors["date_precision"])
    incident.refresh_from_db()
    assert incident.date_precision == "week"


def test_clearing_the_date_makes_an_incident_undated(client, editor):
    incident = make_incident(date_precision="week")
    url = reverse("admin:events_incident_change", args=[incident.pk])
    data = form_data(client.get(url)) | {"date": "", "date_precision": "undated"}

    assert client.post(url, data).status_code == 302
    incident.refresh_from_db()
    assert (incident.date, incident.date_precision) == (None, "undated")
