"""The report form's evidence: hostile JSON is a form error, never a 500."""

import pytest
from django.urls import reverse

from events.models import Report

from .conftest import form_data, make_incident

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(make_bulletin):
    return Report.objects.create(
        incident=make_incident(),
        bulletin=make_bulletin(),
        evidence=[{"field": "place", "start": 0, "end": 5}],
    )


@pytest.mark.parametrize(
    "evidence",
    ["null", "[" * 100_000 + "]" * 100_000, "[" * 900 + "]" * 900, '{"field": "place"}', "[1, 2]"],
    ids=["null", "deep", "nested", "object", "numbers"],
)
def test_hostile_evidence_is_a_form_error_and_changes_nothing(client, editor, report, evidence):
    url = reverse("admin:events_report_change", args=[report.pk])
    data = form_data(client.get(url)) | {"evidence": evidence}

    response = client.post(url, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["evidence"]
    report.refresh_from_db()
    assert report.evidence == [{"field": "place", "start": 0, "end": 5}]


def test_valid_evidence_is_saved(client, editor, report):
    url = reverse("admin:events_report_change", args=[report.pk])
    spans = '[{"field": "date", "start": 2, "end": 9}]'

    response = client.post(url, form_data(client.get(url)) | {"evidence": spans})

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.evidence == [{"field": "date", "start": 2, "end": 9}]
