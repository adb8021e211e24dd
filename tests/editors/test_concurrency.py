"""Two editors saving the same incident: the second is refused and loses nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from events.models import Actor, ActorGroup, Incident, ReviewStatus

from .conftest import EDITOR_PERMISSIONS, form_data, make_incident, make_place, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice():
    client = Client()
    client.force_login(make_staff("alice", *EDITOR_PERMISSIONS))
    return client


@pytest.fixture
def bob():
    client = Client()
    client.force_login(make_staff("bob", *EDITOR_PERMISSIONS))
    return client


def change_url(incident):
    return reverse("admin:events_incident_change", args=[incident.pk])


def test_the_form_carries_the_version_it_was_loaded_with(alice):
    incident = make_incident()
    incident.save()

    response = alice.get(change_url(incident))

    assert 'name="loaded_version" value="2"' in response.content.decode()


def test_the_second_of_two_editors_is_refused_and_told_what_the_first_changed(alice, bob):
    incident = make_incident()
    alices_form = form_data(alice.get(change_url(incident)))
    bobs_form = form_data(bob.get(change_url(incident)))

    first = alice.post(change_url(incident), {**alices_form, "title": "Strike on the market"})
    second = bob.post(change_url(incident), {**bobs_form, "killed_civilians_best": "7"})

    assert first.status_code == 302
    assert second.status_code == 200
    body = second.content.decode()
    assert "changed by alice after you opened it" in body
    assert "Title: Air strike on Saraqeb → Strike on the market" in body
    incident.refresh_from_db()
    assert incident.title == "Strike on the market"
    assert incident.killed_civilians_best is None
    assert incident.version == 2
    assert [h.history_type for h in incident.history.all()] == ["~", "+"]


def test_the_refused_form_keeps_the_editors_input_and_saves_when_resubmitted(alice, bob):
    incident = make_incident()
    bobs_form = form_data(bob.get(change_url(incident)))
    alices_form = form_data(alice.get(change_url(incident)))
    alice.post(change_url(incident), {**alices_form, "title": "Strike on the market"})

    refused = bob.post(change_url(incident), {**bobs_form, "killed_civilians_best": "7"})
    kept = form_data(refused)
    resubmitted = bob.post(change_url(incident), {**kept, "title": "Strike on the market"})

    assert kept["killed_civilians_best"] == "7"
    assert kept["loaded_version"] == "2"
    assert resubmitted.status_code == 302
    incident.refresh_from_db()
    assert (incident.title, incident.killed_civilians_best) == ("Strike on the market", 7)
    assert incident.version == 3


def test_saving_again_keeps_what_the_other_editor_changed_and_this_one_did_not(bob):
    # (a hostile tester's: the refused form kept the figures as the second editor had loaded
    # them, so saving again, as invited, put back the old figures and ticked "Figures edited":
    # the other's change was undone and nothing derived the figures again)
    incident = make_incident(killed_total_high=20)
    bobs_form = form_data(bob.get(change_url(incident)))
    incident.killed_total_high = 30  # the incident derived again from a report changed since
    incident.save()

    refused = bob.post(change_url(incident), {**bobs_form, "title": "Bob's title"})
    kept = form_data(refused)
    resubmitted = bob.post(change_url(incident), kept)

    assert "Killed total high: 20 → 30" in refused.content.decode()
    assert (kept["title"], kept["killed_total_high"]) == ("Bob's title", "30")
    assert resubmitted.status_code == 302
    incident.refresh_from_db()
    assert (incident.title, incident.killed_total_high) == ("Bob's title", 30)
    assert not incident.figures_edited


def test_saving_again_keeps_the_date_and_status_the_other_editor_set(alice, bob):
    incident = make_incident()
    alices_form = form_data(alice.get(change_url(incident)))
    bobs_form = form_data(bob.get(change_url(incident)))
    alice.post(change_url(incident), {**alices_form, "date": "2018-02-04", "status": "verified"})

    refused = bob.post(change_url(incident), {**bobs_form, "title": "Bob's title"})
    bob.post(change_url(incident), form_data(refused))

    incident.refresh_from_db()
    assert (incident.title, incident.date.isoformat(), incident.status) == (
        "Bob's title",
        "2018-02-04",
        ReviewStatus.VERIFIED,
    )


def test_saving_again_keeps_the_perpetrators_the_other_editor_set(alice, bob):
    incident = make_incident()
    russia = Actor.objects.create(name="Russian Air Force", group=ActorGroup.RUSSIA)
    alices_form = form_data(alice.get(change_url(incident)))
    bobs_form = form_data(bob.get(change_url(incident)))
    alice.post(change_url(incident), {**alices_form, "perpetrators": [russia.pk]})

    refused = bob.post(change_url(incident), {**bobs_form, "title": "Bob's title"})
    bob.post(change_url(incident), form_data(refused))

    incident.refresh_from_db()
    assert incident.title == "Bob's title"
    assert list(incident.perpetrators.all()) == [russia]


def test_saving_again_keeps_this_editors_own_change_of_a_field_both_changed(alice, bob):
    incident = make_incident()
    alices_form = form_data(alice.get(change_url(incident)))
    bobs_form = form_data(bob.get(change_url(incident)))
    alice.post(change_url(incident), {**alices_form, "killed_civilians_best": "5"})

    refused = bob.post(change_url(incident), {**bobs_form, "killed_civilians_best": "7"})
    kept = form_data(refused)

    assert kept["killed_civilians_best"] == "7"  # shown with alice's 5 in the message


def test_a_bulk_action_makes_an_open_form_stale(alice, bob):
    incident = make_incident()
    bobs_form = form_data(bob.get(change_url(incident)))

    alice.post(
        reverse("admin:events_incident_changelist"),
        {"action": "mark_rejected", "_selected_action": [incident.pk]},
    )
    response = bob.post(change_url(incident), {**bobs_form, "title": "Bob's title"})

    assert "Status: Extracted → Rejected" in response.content.decode()
    incident.refresh_from_db()
    assert (incident.status, incident.title) == (ReviewStatus.REJECTED, "Air strike on Saraqeb")


def test_every_save_bumps_the_version():
    incident = make_incident()

    incident.save()
    incident.save(update_fields=["title"])

    assert Incident.objects.get().version == 3


def test_the_refusal_names_the_perpetrators_the_other_editor_set(alice, bob):
    incident = make_incident()
    russia = Actor.objects.create(name="Russian Air Force", group=ActorGroup.RUSSIA)
    alices_form = form_data(alice.get(change_url(incident)))
    bobs_form = form_data(bob.get(change_url(incident)))

    alice.post(change_url(incident), {**alices_form, "perpetrators": [russia.pk]})
    refused = bob.post(change_url(incident), {**bobs_form, "title": "Bob's title"})

    assert "Perpetrators: (empty) → Russian Air Force" in refused.content.decode()
    assert list(incident.perpetrators.all()) == [russia]


def claim_on(incident):
    from events.models import Bulletin, Claim, Report

    bulletin = Bulletin.objects.create(title="Strike", text="Jets struck.", content_hash="c" * 64)
    report = Report.objects.create(incident=incident, bulletin=bulletin)
    return Claim.objects.create(report=report, name="Russian jets", group=ActorGroup.RUSSIA)


def report_url(claim):
    return reverse("admin:events_report_change", args=[claim.report_id])


@pytest.mark.parametrize("first_in", ["report", "incident"])
def test_a_claim_another_editor_changed_is_not_overwritten_by_a_form_opened_before(
    alice, bob, first_in
):
    # A claim is edited in its report's form and in its incident's: the claim's version is
    # neither form's, so the second save silently put back the first one's claim.
    incident = make_incident()
    claim = claim_on(incident)
    urls = {"report": report_url(claim), "incident": change_url(incident)}
    second_in = "incident" if first_in == "report" else "report"
    alices_form = form_data(alice.get(urls[first_in]))
    bobs_form = form_data(bob.get(urls[second_in]))
    key = next(k for k in alices_form if k.endswith("-0-alleged_by"))
    bobs_key = next(k for k in bobs_form if k.endswith("-0-alleged_by"))

    first = alice.post(urls[first_in], {**alices_form, key: "SOHR"})
    second = bob.post(urls[second_in], {**bobs_form, bobs_key: "State media"})

    assert first.status_code == 302
    assert second.status_code == 200
    assert "after you opened" in second.content.decode()
    claim.refresh_from_db()
    assert claim.alleged_by == "SOHR"
    # Bob's input stays in the form; sent again, it is saved over Alice's.
    again = bob.post(urls[second_in], form_data(second))
    assert again.status_code == 302
    claim.refresh_from_db()
    assert claim.alleged_by == "State media"


def test_a_claim_left_as_loaded_is_never_saved_over_another_editors_change(alice, bob):
    # Alice's incident form holds the claim as she loaded it; Bob changes its group in the
    # report's form. Whatever happens to Alice's save, his group stays: she did not touch it.
    incident = make_incident()
    claim = claim_on(incident)
    alices_form = form_data(alice.get(change_url(incident)))
    bobs_form = form_data(bob.get(report_url(claim)))
    key = next(k for k in bobs_form if k.endswith("-0-group"))
    bob.post(report_url(claim), {**bobs_form, key: ActorGroup.SYRIAN_GOVERNMENT})

    response = alice.post(change_url(incident), {**alices_form, "title": "Strike on the market"})
    if response.status_code == 200:  # refused as stale: sent again as the page asks
        assert "This claim was changed" not in response.content.decode()
        response = alice.post(change_url(incident), form_data(response))

    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.group == ActorGroup.SYRIAN_GOVERNMENT
    incident.refresh_from_db()
    assert incident.title == "Strike on the market"


def test_a_viewer_sees_no_loaded_claim_row():
    from .conftest import make_staff

    viewer = Client()
    viewer.force_login(
        make_staff("viewer", "view_incident", "view_claim", "view_report", "view_bulletin")
    )
    incident = make_incident()
    claim = claim_on(incident)

    for url in (change_url(incident), report_url(claim)):
        response = viewer.get(url)
        assert response.status_code == 200
        assert "Loaded claim" not in response.content.decode()


def make_bulletin():
    from events.models import Bulletin

    return Bulletin.objects.create(
        title="Shelling hits Douma", text="Mortars fell on Douma.", content_hash="x" * 64
    )


@pytest.mark.parametrize(
    "make, first, second",
    [
        # (a hostile tester's: B's save from an older form put back what A had changed)
        (make_bulletin, {"publisher": "Editor A"}, {"url": "https://example.org/b"}),
        (lambda: make_place("Damascus"), {"name_ar": "دمشق"}, {"population": "12345"}),
        (
            lambda: Actor.objects.create(name="Jaish al-Fath", group=ActorGroup.OPPOSITION),
            {"aliases": "Army of Conquest"},
            {"group": ActorGroup.HTS},
        ),
    ],
    ids=["bulletin", "place", "actor"],
)
def test_a_second_editor_of_a_bulletin_place_or_actor_loses_nothing_nor_undoes(
    alice, bob, make, first, second
):
    row = make()
    url = reverse(f"admin:events_{row._meta.model_name}_change", args=[row.pk])
    alices_form, bobs_form = form_data(alice.get(url)), form_data(bob.get(url))

    assert alice.post(url, {**alices_form, **first}).status_code == 302
    refused = bob.post(url, {**bobs_form, **second})

    assert refused.status_code == 200
    body = refused.content.decode()
    assert "changed by alice after you opened it" in body
    ((field, value),) = first.items()
    assert f"{row._meta.get_field(field).verbose_name.capitalize()}: " in body  # what they changed
    kept = form_data(refused)
    assert bob.post(url, kept).status_code == 302  # saved again: both editors' changes stand
    row.refresh_from_db()
    for field, value in {**first, **second}.items():
        assert str(getattr(row, field)) == value


@pytest.mark.parametrize(
    "make, first, second",
    [
        # (a hostile tester's: districts and governorates had no version, so the second
        # editor's save put back what the first had changed, saying nothing)
        (
            lambda: make_place().governorate,
            {"name_ar": "إدلب"},
            {"alternate_names": "Edlib"},
        ),
        (lambda: make_place().district, {"name_ar": "إدلب"}, {"alternate_names": "Edlib"}),
    ],
    ids=["governorate", "district"],
)
def test_a_second_editor_of_a_district_or_governorate_is_refused_and_told_what_changed(
    make, first, second
):
    row = make()
    alice, bob = Client(), Client()
    for client, name in ((alice, "alice"), (bob, "bob")):
        rights = (*EDITOR_PERMISSIONS, "change_governorate", "change_district")
        client.force_login(make_staff(name, *rights))
    url = reverse(f"admin:events_{row._meta.model_name}_change", args=[row.pk])
    alices_form, bobs_form = form_data(alice.get(url)), form_data(bob.get(url))

    assert alice.post(url, {**alices_form, **first}).status_code == 302
    refused = bob.post(url, {**bobs_form, **second})

    assert refused.status_code == 200
    body = refused.content.decode()
    assert "changed by alice after you opened it" in body
    assert "Arabic name: (empty) → إدلب" in body  # what they changed
    row.refresh_from_db()
    assert (row.name_ar, row.alternate_names) == ("إدلب", "")
    assert bob.post(url, form_data(refused)).status_code == 302  # saved again: both stand
    row.refresh_from_db()
    assert (row.name_ar, row.alternate_names) == ("إدلب", "Edlib")


def test_a_form_refused_after_its_report_moved_away_saves_when_resubmitted(alice, bob):
    # (a hostile tester's: Bob's refused form still listed the report Alice moved to another
    # incident, and saving it again failed on it every time with no error shown)
    incident, other = make_incident(), make_incident(title="Shelling of Binnish")
    claim = claim_on(incident)
    bobs_form = form_data(bob.get(change_url(incident)))
    alices_form = form_data(alice.get(report_url(claim)))
    assert alice.post(report_url(claim), {**alices_form, "incident": other.pk}).status_code == 302

    refused = bob.post(change_url(incident), {**bobs_form, "title": "Strike on the market"})
    assert refused.status_code == 200
    again = bob.post(change_url(incident), form_data(refused))

    assert again.status_code == 302, again.context["errors"] if again.context else again
    incident.refresh_from_db()
    assert incident.title == "Strike on the market"
    claim.refresh_from_db()
    assert claim.report.incident_id == other.pk
