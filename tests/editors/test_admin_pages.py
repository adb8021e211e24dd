"""The admin reads as conflictsite's, in plain English."""

import pytest
from django.urls import reverse

from events.models import Actor, Bulletin, Claim, Report

from .conftest import make_incident

pytestmark = pytest.mark.django_db


def test_the_admin_says_conflictsite(client, editor):
    body = client.get(reverse("admin:index")).content.decode()

    assert "conflictsite" in body
    assert "Django administration" not in body


def test_the_review_queue_is_titled_review_queue(client, editor):
    body = client.get(reverse("admin:events_reviewqueue_changelist")).content.decode()

    assert "<h1>Review queue</h1>" in body
    assert "Select incident to review to change" not in body


def test_an_incidents_change_form_shows_each_reports_claims(client, editor):
    incident = make_incident()
    bulletin = Bulletin.objects.create(title="Strike", text="Text", content_hash="x" * 64)
    report = Report.objects.create(incident=incident, bulletin=bulletin)
    actor = Actor.objects.create(name="Russian Air Force", group="russia")
    Claim.objects.create(
        report=report,
        actor=actor,
        name="Russian jets",
        group="russia",
        attribution="alleged",
        alleged_by="SOHR",
    )

    body = client.get(reverse("admin:events_incident_change", args=[incident.pk])).content.decode()

    assert "Russian Air Force (Russia), alleged by SOHR" in body
    assert reverse("admin:events_report_change", args=[report.pk]) in body
