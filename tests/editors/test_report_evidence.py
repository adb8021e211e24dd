"""The report form's JSON fields (evidence, raw, also possible places): hostile JSON is a form
error, never a 500."""

import json

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


@pytest.mark.parametrize(
    "field, value",
    [
        # (a hostile tester's: Python's json reads these, the database's JSON does not: a 500)
        ("raw", '{"a": NaN}'),
        ("raw", '{"a": -Infinity}'),
        ("raw", '{"a": 1e999}'),
        ("place_alternatives", '[{"key": "C1", "confidence": NaN}]'),
        ("evidence", '[{"field": "place", "start": 0, "end": 5, "x": Infinity}]'),
    ],
)
def test_nan_or_infinity_in_a_json_field_is_a_form_error(client, editor, report, field, value):
    url = reverse("admin:events_report_change", args=[report.pk])
    data = form_data(client.get(url)) | {field: value}

    response = client.post(url, data)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors[field]
    assert "NaN/Infinity are not allowed" in " ".join(errors)
    report.refresh_from_db()
    assert report.version == 1


@pytest.mark.parametrize(
    "alternatives",
    [
        '"abc"',
        "[1, 2, 3]",
        '{"a": 1}',
        "null",
        '[{"place": "Aleppo"}]',  # no key
        '[{"key": "", "place": "Aleppo"}]',
        '[{"key": "C1", "place": "Aleppo", "confidence": "high"}]',
        '[{"key": "C1", "place": "Aleppo", "confidence": 7}]',
        '[{"key": "C1", "place": "Aleppo", "latitude": true}]',
        '[{"key": "C1", "place": "Aleppo", "colour": "red"}]',
    ],
)
def test_place_alternatives_that_are_not_a_list_of_places_are_a_form_error(
    client, editor, report, alternatives
):
    url = reverse("admin:events_report_change", args=[report.pk])
    data = form_data(client.get(url)) | {"place_alternatives": alternatives}

    response = client.post(url, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["place_alternatives"]
    report.refresh_from_db()
    assert report.place_alternatives == []


def test_place_alternatives_as_the_pipeline_writes_them_are_saved(client, editor, report):
    url = reverse("admin:events_report_change", args=[report.pk])
    written = [
        {
            "key": "C1234", "place": "Saraqeb", "province": "Idlib", "province_code": "SY07",
            "latitude": 35.86, "longitude": 36.8, "confidence": 0.41,
        },
        {"key": "geonames:170000", "place": "Saraqib", "province_code": None, "confidence": None},
    ]  # fmt: skip
    data = form_data(client.get(url)) | {"place_alternatives": json.dumps(written)}

    response = client.post(url, data)

    assert response.status_code == 302
    report.refresh_from_db()
    assert report.place_alternatives == written


@pytest.mark.parametrize("value", ["null", "[1]", '"text"'])
def test_raw_that_is_no_object_is_a_form_error(client, editor, report, value):
    # (null broke the NOT NULL column, a list or a string the incident page: 500s)
    url = reverse("admin:events_report_change", args=[report.pk])
    data = form_data(client.get(url)) | {"raw": value}

    response = client.post(url, data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["raw"]
    report.refresh_from_db()
    assert report.raw == {}


def test_an_emptied_json_field_saves_its_columns_default(client, editor, report):
    Report.objects.filter(pk=report.pk).update(raw={"basis": "x"})
    url = reverse("admin:events_report_change", args=[report.pk])
    data = form_data(client.get(url)) | {"raw": "", "place_alternatives": ""}

    response = client.post(url, data)

    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.raw, report.place_alternatives) == ({}, [])
