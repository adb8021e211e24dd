"""An incident's figures and perpetrators follow its reports: a report edited, moved to
another incident or deleted (with its bulletin) has the incidents concerned derived again."""

import pytest
from django.urls import reverse

from events.models import Actor, ActorGroup, Bulletin, Claim, Incident, Report, ReviewStatus

from .conftest import form_data, make_incident

pytestmark = pytest.mark.django_db


def report_of(incident, best, text="An air strike killed people in Saraqeb."):
    title = f"Strike {best}"
    bulletin = Bulletin.objects.create(
        title=title, text=text, content_hash=Bulletin.hash_text(title, text)
    )
    report = Report.objects.create(
        incident=incident,
        bulletin=bulletin,
        killed_total_low=best,
        killed_total_best=best,
        killed_total_high=best,
    )
    incident.derive_from_reports()
    return report


def figures(incident):
    incident.refresh_from_db()
    return incident.killed_total_low, incident.killed_total_best, incident.killed_total_high


def change_report(client, report, **changes):
    url = reverse("admin:events_report_change", args=[report.pk])
    data = form_data(client.get(url))
    response = client.post(url, {**data, **changes})
    assert response.status_code == 302, response.content.decode()[:2000]


def test_a_report_edited_in_the_admin_changes_its_incidents_figures(client, editor):
    incident = make_incident()
    report = report_of(incident, 5)

    change_report(client, report, killed_total_best="9", killed_total_high="9")

    assert figures(incident) == (5, 9, 9)


def test_a_report_moved_to_another_incident_moves_its_figures_and_perpetrators(client, editor):
    first, second = make_incident(), make_incident(title="Strike on Sarmin")
    report_of(first, 5)
    moved = report_of(first, 9)
    russia = Actor.objects.create(name="Russian Air Force", group=ActorGroup.RUSSIA)
    Claim.objects.create(report=moved, actor=russia, name="Russian jets")
    first.derive_from_reports()

    change_report(client, moved, incident=str(second.pk))

    assert figures(first) == (5, 5, 5)
    assert figures(second) == (9, 9, 9)
    assert first.perpetrator_groups == "" and list(first.perpetrators.all()) == []
    assert second.perpetrator_groups == ",russia,"


def test_an_incident_whose_reports_are_all_deleted_goes_back_to_review_without_their_figures(
    client, editor
):
    incident = make_incident(status=ReviewStatus.VERIFIED)
    report = report_of(incident, 5)
    russia = Actor.objects.create(name="Russian Air Force", group=ActorGroup.RUSSIA)
    Claim.objects.create(report=report, actor=russia, name="Russian jets")
    incident.derive_from_reports()

    report.bulletin.delete()

    assert figures(incident) == (None, None, None)
    assert incident.status == ReviewStatus.EXTRACTED
    assert incident.perpetrator_groups == ""
    assert "last report" in incident.history.first().history_change_reason


def test_deleting_one_of_two_reports_derives_the_figures_from_the_other(client, editor):
    incident = make_incident()
    report_of(incident, 5)
    gone = report_of(incident, 9)
    assert figures(incident) == (5, 5, 9)

    gone.delete()

    assert figures(incident) == (5, 5, 5)


def test_an_editors_figures_stay_when_a_report_is_deleted(client, editor):
    incident = make_incident()
    report = report_of(incident, 5)
    Incident.objects.filter(pk=incident.pk).update(
        figures_edited=True, killed_total_low=7, killed_total_best=7, killed_total_high=7
    )

    report.delete()

    assert figures(incident) == (7, 7, 7)


def test_a_report_giving_only_a_best_estimate_bounds_the_derived_range_too():
    # A UCDP row has a best and no low or high: its best is its own range, so the incident's
    # figures stay low <= best <= high (its form refused to save them otherwise).
    incident = make_incident()
    report_of(incident, 20)
    only_best = report_of(incident, 7)
    only_best.killed_total_low = only_best.killed_total_high = None
    only_best.save()

    incident.derive_from_reports()

    assert figures(incident) == (7, 7, 20)


def test_a_report_cannot_be_moved_onto_an_incident_merged_away(client, editor):
    kept, merged = make_incident(), make_incident(title="Strike on Sarmin")
    report = report_of(make_incident(title="Strike on Binnish"), 20)
    kept.merge([merged])

    url = reverse("admin:events_report_change", args=[report.pk])
    response = client.post(url, {**form_data(client.get(url)), "incident": str(merged.pk)})

    assert response.status_code == 200  # the form again, with the reason
    assert f"merged into #{kept.pk}" in response.content.decode()
    report.refresh_from_db()
    assert report.incident_id != merged.pk


def test_a_second_editor_saving_a_report_loaded_before_the_first_saved_is_refused(client, editor):
    report = report_of(make_incident(), 9)
    url = reverse("admin:events_report_change", args=[report.pk])
    first, second = form_data(client.get(url)), form_data(client.get(url))

    change = {"killed_total_low": "30", "killed_total_best": "30", "killed_total_high": "30"}
    assert client.post(url, {**first, **change}).status_code == 302
    response = client.post(url, {**second, "place_name": "Saraqeb"})

    assert response.status_code == 200
    assert "after you opened it" in response.content.decode()
    report.refresh_from_db()
    assert (report.killed_total_best, report.place_name) == (30, "")
