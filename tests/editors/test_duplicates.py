"""Duplicate incidents: proposed with what matched, merged keeping every report, unmerged."""

import datetime

import pytest
from django.urls import reverse

from events.models import (
    Actor,
    ActorGroup,
    Claim,
    EventType,
    Incident,
    MergeRecord,
    MergeRefused,
    Place,
    Report,
    ReviewStatus,
    Source,
)

from .conftest import form_data, make_incident, make_place, make_staff

pytestmark = pytest.mark.django_db

DAY = datetime.date(2018, 2, 5)


def make_report(incident, external_id, low, best, high):
    return Report.objects.create(
        incident=incident,
        source=Source.UCDP_GED,
        external_id=external_id,
        killed_total_low=low,
        killed_total_best=best,
        killed_total_high=high,
    )


@pytest.fixture
def place():
    return make_place()


@pytest.fixture
def strikes(place):
    """Three reports of one strike, filed as three incidents."""
    incidents = [make_incident(place=place, district=place.district) for _ in range(3)]
    for n, (incident, figures) in enumerate(
        zip(incidents, [(3, 4, 5), (5, 6, 9), (1, 2, 2)], strict=True)
    ):
        make_report(incident, f"u{n}", *figures)
        incident.derive_from_reports()
    return incidents


def test_a_candidate_is_explained_by_what_matched(place):
    incident = make_incident(place=place, perpetrator_group=ActorGroup.RUSSIA)
    same_day = make_incident(place=place, perpetrator_group=ActorGroup.RUSSIA)
    next_day = make_incident(place=place, date=DAY + datetime.timedelta(days=1))

    candidates = Incident.objects.duplicate_candidates(incident)

    assert candidates == [same_day, next_day]
    assert candidates[0].reasons == [
        "same date",
        "same place (Saraqeb)",
        "same type (Air strike)",
        "same perpetrator group (Russia)",
    ]
    assert candidates[1].reasons[0] == "dated a day apart"
    assert candidates[1].reasons[3] == "perpetrator unknown on one side"


def test_a_place_in_the_same_district_is_a_candidate(place):
    incident = make_incident(place=place, district=place.district)
    nearby = Place.objects.create(
        name="Sarmin",
        governorate=place.governorate,
        district=place.district,
        latitude=35.9,
        longitude=36.7,
    )
    neighbour = make_incident(place=nearby, district=place.district)

    candidates = Incident.objects.duplicate_candidates(incident)

    assert candidates == [neighbour]
    assert candidates[0].reasons[1] == "same district (Idlib)"


def test_other_types_days_groups_and_rejected_incidents_are_not_candidates(place):
    incident = make_incident(place=place, perpetrator_group=ActorGroup.RUSSIA)
    make_incident(place=place, event_type=EventType.SHELLING)
    make_incident(place=place, date=DAY + datetime.timedelta(days=2))
    make_incident(place=place, perpetrator_group=ActorGroup.TURKEY)
    make_incident(place=place, status=ReviewStatus.REJECTED)
    make_incident(place=make_place("Binnish"))

    assert Incident.objects.duplicate_candidates(incident) == []


def test_an_incident_without_date_or_place_has_no_candidates():
    assert Incident.objects.duplicate_candidates(make_incident(date=None)) == []
    assert Incident.objects.duplicate_candidates(make_incident()) == []


def test_merging_keeps_every_report_and_derives_the_figures_from_them(strikes, editor):
    target, *others = strikes

    record = target.merge(others, user=editor)

    target.refresh_from_db()
    assert target.reports.count() == 3
    assert (target.killed_total_low, target.killed_total_best, target.killed_total_high) == (
        1,
        4,
        9,
    )
    assert set(
        Incident.objects.filter(pk__in=[o.pk for o in others]).values_list("status", flat=True)
    ) == {ReviewStatus.REJECTED}
    assert record.merged_by == editor
    assert [item["incident"] for item in record.items] == [o.pk for o in others]
    assert target.history.first().history_change_reason.startswith("Merged #")
    moved = Report.objects.get(external_id="u1")
    assert moved.history.first().history_change_reason == f"Merged into incident #{target.pk}"


def test_undoing_a_merge_puts_each_report_and_status_back(strikes, editor):
    target, *others = strikes
    others[0].status = ReviewStatus.VERIFIED
    others[0].save()
    record = target.merge(others, user=editor)

    record.undo(user=editor)

    for n, incident in enumerate(strikes):
        assert list(incident.reports.values_list("external_id", flat=True)) == [f"u{n}"]
    target.refresh_from_db()
    assert (target.killed_total_low, target.killed_total_best, target.killed_total_high) == (
        3,
        4,
        5,
    )
    assert Incident.objects.get(pk=others[0].pk).status == ReviewStatus.VERIFIED
    assert Incident.objects.get(pk=others[1].pk).status == ReviewStatus.EXTRACTED
    record.refresh_from_db()
    assert record.undone_at and record.undone_by == editor
    assert others[1].history.first().history_change_reason == (
        f"Unmerged from incident #{target.pk}"
    )


def test_the_duplicates_page_lists_candidates_with_reasons(client, editor, strikes):
    response = client.get(reverse("admin:events_incident_duplicates", args=[strikes[0].pk]))

    assert response.status_code == 200
    body = response.content.decode()
    assert body.count('class="duplicate-candidate"') == 2
    assert "same place (Saraqeb)" in body


def test_merging_from_the_duplicates_page(client, editor, strikes):
    target, first, second = strikes
    url = reverse("admin:events_incident_duplicates", args=[target.pk])

    response = client.post(url, {"merge": [first.pk]})

    assert response["Location"] == reverse("admin:events_incident_change", args=[target.pk])
    assert target.reports.count() == 2
    assert second.reports.count() == 1
    assert MergeRecord.objects.get().target == target


def test_an_analyst_sees_duplicates_but_gets_403_on_merging(client, strikes):
    client.force_login(make_staff("analyst", "view_incident"))
    url = reverse("admin:events_incident_duplicates", args=[strikes[0].pk])

    assert client.get(url).status_code == 200
    assert client.post(url, {"merge": [strikes[1].pk]}).status_code == 403
    assert not MergeRecord.objects.exists()


def test_the_duplicates_page_of_an_unknown_incident_is_404(client, editor):
    assert client.get(reverse("admin:events_incident_duplicates", args=[999])).status_code == 404


def test_the_merge_action_asks_which_incident_to_keep_then_merges(client, editor, strikes):
    changelist = reverse("admin:events_incident_changelist")
    selected = {"action": "merge_incidents", "_selected_action": [s.pk for s in strikes]}

    asked = client.post(changelist, selected)
    merged = client.post(changelist, {**selected, "confirm": "yes", "target": strikes[1].pk})

    assert asked.status_code == 200 and b'name="target"' in asked.content
    assert merged["Location"] == reverse("admin:events_incident_change", args=[strikes[1].pk])
    assert strikes[1].reports.count() == 3


def test_the_merge_action_refuses_more_incidents_than_one_event_could_be(
    client, editor, strikes, monkeypatch
):
    # (a hostile tester's: "select all 16,620" and merge built a 7.4 MB confirmation page in
    # 11 s, a third of the server's timeout, listing every incident)
    monkeypatch.setattr("events.admin.MOST_MERGED", 2)
    changelist = reverse("admin:events_incident_changelist")
    selected = {"action": "merge_incidents", "_selected_action": [s.pk for s in strikes]}

    asked = client.post(changelist, selected, follow=True)

    assert b'name="target"' not in asked.content
    assert b"at most 2" in asked.content
    assert not MergeRecord.objects.exists()


def test_undoing_from_the_merge_record_page(client, editor, strikes):
    record = strikes[0].merge(strikes[1:], user=editor)
    url = reverse("admin:events_mergerecord_change", args=[record.pk])

    page = client.get(url)
    response = client.post(url, {"_undo": "1"})

    assert b'name="_undo"' in page.content
    assert response.status_code == 302
    assert strikes[0].reports.count() == 1
    assert MergeRecord.objects.get().undone_at is not None


def test_an_analyst_gets_403_on_undoing_a_merge(client, editor, strikes):
    record = strikes[0].merge(strikes[1:], user=editor)
    client.force_login(make_staff("analyst", "view_incident"))

    response = client.post(
        reverse("admin:events_mergerecord_change", args=[record.pk]), {"_undo": "1"}
    )

    assert response.status_code == 403
    assert MergeRecord.objects.get().undone_at is None


def test_the_merge_record_page_names_the_merged_incidents_rather_than_raw_json(
    client, editor, strikes
):
    record = strikes[0].merge(strikes[1:], user=editor)

    body = client.get(reverse("admin:events_mergerecord_change", args=[record.pk])).content.decode()

    first = strikes[1]
    assert f'href="{reverse("admin:events_incident_change", args=[first.pk])}"' in body
    assert f"#{first.pk} {first}" in body
    assert "was Extracted" in body
    assert '"incident":' not in body and "&quot;incident&quot;" not in body


def test_an_undo_clicked_twice_at_once_acts_once(strikes, editor):
    strikes[0].merge(strikes[1:], user=editor)
    # Two requests each load the record before either has undone it.
    first, second = MergeRecord.objects.get(), MergeRecord.objects.get()

    assert first.undo(user=editor) is True
    versions = strikes[1].history.count()
    assert second.undo(user=make_staff("other")) is False

    assert strikes[1].history.count() == versions
    assert MergeRecord.objects.get().undone_by == editor


def test_undoing_an_undone_merge_from_its_page_says_so(client, editor, strikes):
    record = strikes[0].merge(strikes[1:], user=editor)
    url = reverse("admin:events_mergerecord_change", args=[record.pk])
    stale = MergeRecord.objects.get()
    record.undo(user=editor)

    client.post(url, {"_undo": "1"})

    messages = [str(m) for m in client.get(url).context["messages"]]
    assert any("already undone" in m for m in messages)
    assert stale.undo(user=editor) is False


def test_a_merged_away_incident_says_where_it_went_and_is_not_counted_as_rejected(
    client, strikes, editor
):
    target, merged, _ = strikes
    rejected = make_incident(status=ReviewStatus.REJECTED)
    record = target.merge([merged], user=editor)

    body = client.get(reverse("events:detail", args=[merged.pk])).content.decode()
    listed = client.get(reverse("events:list"), {"status": "rejected"}).context["page"].rows
    merged_rows = client.get(reverse("events:list"), {"status": "merged"}).context["page"].rows

    target_url = reverse("events:detail", args=[target.pk])
    assert f'Merged into <a href="{target_url}">#{target.pk}</a>' in body
    assert "Rejected" not in body and "No reports" not in body
    assert [i.pk for i in listed] == [rejected.pk]
    assert [(i.pk, i.status_label) for i in merged_rows] == [
        (merged.pk, f"Merged into #{target.pk}")
    ]

    record.undo(user=editor)
    merged.refresh_from_db()
    assert merged.merged_into is None


def test_the_merge_action_refuses_to_keep_an_incident_that_was_merged_away(client, editor, strikes):
    # Merging B into A, then A back into B, made a cycle: both rejected, every report hidden.
    first, second, _ = strikes
    first.merge([second], user=editor)
    changelist = reverse("admin:events_incident_changelist")
    selected = {"action": "merge_incidents", "_selected_action": [first.pk, second.pk]}

    response = client.post(
        changelist, {**selected, "confirm": "yes", "target": second.pk}, follow=True
    )

    assert response.status_code == 200
    assert f"#{second.pk} was merged into #{first.pk}" in response.content.decode()
    assert MergeRecord.objects.count() == 1
    assert Incident.objects.published().filter(pk=first.pk).exists()
    assert Incident.objects.get(pk=first.pk).merged_into is None


def test_an_incident_merged_away_is_not_merged_again_into_another(editor, strikes):
    first, second, third = strikes
    first.merge([second], user=editor)

    with pytest.raises(MergeRefused, match=f"#{second.pk} was merged into #{first.pk}"):
        third.merge([second], user=editor)

    assert Incident.objects.get(pk=second.pk).merged_into_id == first.pk
    assert MergeRecord.objects.count() == 1


def test_a_merge_is_not_undone_while_its_incident_is_merged_into_another(client, editor, strikes):
    # 1 into 0, then 0 into 2: undoing the first would publish 1 again with no reports and
    # its old figures, while 2 still counts its report: counted twice.
    first = strikes[0].merge([strikes[1]], user=editor)
    later = strikes[2].merge([strikes[0]], user=editor)
    published = Incident.objects.published().count()

    with pytest.raises(MergeRefused, match=f"undo the merge of #{strikes[0].pk} into"):
        first.undo(user=editor)
    url = reverse("admin:events_mergerecord_change", args=[first.pk])
    client.post(url, {"_undo": "1"})
    messages = [str(m) for m in client.get(url).context["messages"]]

    assert any("undo the merge of" in m for m in messages)
    assert Incident.objects.published().count() == published
    assert MergeRecord.objects.get(pk=first.pk).undone_at is None
    # In order, both undo.
    assert later.undo(user=editor) and first.undo(user=editor)
    for n, incident in enumerate(strikes):
        assert list(incident.reports.values_list("external_id", flat=True)) == [f"u{n}"]


def test_undoing_a_chain_of_merges_at_once_undoes_the_latest_first(client, editor, strikes):
    first = strikes[0].merge([strikes[1]], user=editor)
    later = strikes[2].merge([strikes[0]], user=editor)

    client.post(
        reverse("admin:events_mergerecord_changelist"),
        {"action": "undo_merges", "_selected_action": [first.pk, later.pk]},
    )

    assert MergeRecord.objects.filter(undone_at=None).count() == 0
    for n, incident in enumerate(strikes):
        assert list(incident.reports.values_list("external_id", flat=True)) == [f"u{n}"]


def merged_away(strikes, editor):
    target, other, _ = strikes
    target.merge([other], user=editor)
    other.refresh_from_db()
    return target, other


def change_url(incident):
    return reverse("admin:events_incident_change", args=[incident.pk])


def test_a_merged_away_incident_is_not_published_again_from_its_change_form(
    client, editor, strikes
):
    # Its reports are on the incident it was merged into: published again, its deaths would
    # be counted twice. Undoing the merge is what brings it back.
    _, other = merged_away(strikes, editor)
    data = form_data(client.get(change_url(other)))

    response = client.post(change_url(other), {**data, "status": ReviewStatus.VERIFIED})

    assert response.status_code == 200
    assert "undo the merge" in response.content.decode()
    other.refresh_from_db()
    assert other.status == ReviewStatus.REJECTED and other.merged_into_id == strikes[0].pk


def test_a_merged_away_incident_is_not_verified_by_the_review_button(client, editor, strikes):
    _, other = merged_away(strikes, editor)
    data = form_data(client.get(change_url(other)))

    response = client.post(change_url(other), {**data, "_verify": "Verify"})

    assert response.status_code == 200
    other.refresh_from_db()
    assert other.status == ReviewStatus.REJECTED


def test_a_merged_away_incident_is_not_reverted_to_a_version_before_the_merge(
    client, editor, strikes
):
    _, other = merged_away(strikes, editor)
    before = other.history.filter(merged_into__isnull=True).first()
    url = reverse("admin:events_incident_simple_history", args=[other.pk, before.history_id])

    response = client.post(url, form_data(client.get(url)))

    assert response.status_code == 200
    assert "undo the merge" in response.content.decode()
    other.refresh_from_db()
    assert other.status == ReviewStatus.REJECTED and other.merged_into_id == strikes[0].pk


def test_marking_incidents_verified_leaves_a_merged_away_one_merged(strikes, editor):
    target, other = merged_away(strikes, editor)

    changed = Incident.objects.filter(pk__in=[other.pk, strikes[2].pk]).set_status(
        ReviewStatus.VERIFIED, user=editor
    )

    assert changed == 1
    other.refresh_from_db()
    assert other.status == ReviewStatus.REJECTED


def test_no_incident_is_both_merged_away_and_published(strikes, editor):
    from django.db import IntegrityError, transaction

    _, other = merged_away(strikes, editor)
    with pytest.raises(IntegrityError), transaction.atomic():
        Incident.objects.filter(pk=other.pk).update(status=ReviewStatus.VERIFIED)


def test_undoing_a_merge_takes_back_the_perpetrators_the_merged_incident_brought(strikes, editor):
    target, other, _ = strikes
    russia = Actor.objects.create(name="Russian Air Force", group=ActorGroup.RUSSIA)
    Claim.objects.create(report=other.reports.get(), actor=russia, name="Russian jets")
    other.derive_from_reports()
    record = target.merge([other], user=editor)
    target.refresh_from_db()
    assert target.perpetrator_groups == ",russia,"

    record.undo(user=editor)

    target.refresh_from_db()
    assert list(target.perpetrators.all()) == []
    assert target.perpetrator_group == "" and target.perpetrator_groups == ""
    assert Incident.objects.get(pk=other.pk).perpetrator_groups == ",russia,"


def test_undoing_a_merge_does_not_publish_an_incident_whose_reports_were_deleted_since(
    strikes, editor
):
    # Its report (on the merged incident) was deleted: put back verified with its old 6 dead,
    # it would be counted with no source at all.
    target, other, _ = strikes
    other.status = ReviewStatus.VERIFIED
    other.save()
    record = target.merge([other], user=editor)
    Report.objects.get(external_id="u1").delete()

    record.undo(user=editor)

    other.refresh_from_db()
    assert other.merged_into_id is None and other.reports.count() == 0
    assert other.status == ReviewStatus.EXTRACTED
    assert (other.killed_total_low, other.killed_total_best, other.killed_total_high) == (
        None,
        None,
        None,
    )


def test_reverting_an_unmerged_incident_to_its_merged_version_is_refused(client, editor, strikes):
    # The merge was undone: the version "merged into #target" names a merge that is no more,
    # and restoring it hid the incident and its report (counted nowhere) for good.
    target, other = merged_away(strikes, editor)
    MergeRecord.objects.get().undo(user=editor)
    merged_version = other.history.filter(merged_into=target).first()
    url = reverse("admin:events_incident_simple_history", args=[other.pk, merged_version.pk])
    data = form_data(client.get(url))

    response = client.post(url, data)

    assert response.status_code == 200
    assert "merge" in response.content.decode()
    other.refresh_from_db()
    assert other.merged_into_id is None and other.status == ReviewStatus.EXTRACTED
    assert other.reports.count() == 1


def test_an_incident_s_dead_in_all_are_never_fewer_than_its_civilians(place, editor):
    # Each figure is the median of the reports' own: a report of 2 dead with no civilians and
    # one of 10 civilians among 10 dead made an incident of 10 civilians among 2 dead.
    first, second = make_incident(place=place), make_incident(place=place)
    make_report(first, "a", 10, 10, 10)
    Report.objects.filter(external_id="a").update(
        killed_civilians_low=10, killed_civilians_best=10, killed_civilians_high=10
    )
    make_report(second, "b", 2, 2, 2)
    first.derive_from_reports()
    second.derive_from_reports()

    first.merge([second], user=editor)

    first.refresh_from_db()
    assert first.killed_civilians_best == 10
    assert first.killed_total_best >= first.killed_civilians_best
    assert first.killed_total_low == 2
