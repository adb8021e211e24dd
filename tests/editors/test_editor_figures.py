"""An editor's figures are the editor's: set by changing them in the form, never derived again
by a merge, an unmerge, a new report or a re-import."""

import csv

import pytest
from django.urls import reverse

from events.datasets import import_ucdp_ged
from events.models import Incident, Report, Source
from events.seeds import load_gazetteer

from ..datasets.conftest import DATA
from .conftest import form_data, make_incident, make_place

pytestmark = pytest.mark.django_db


def make_report(incident, external_id, best):
    return Report.objects.create(
        incident=incident, source=Source.UCDP_GED, external_id=external_id, killed_total_best=best
    )


def derived_incident(external_id, best, **fields):
    incident = make_incident(**fields)
    make_report(incident, external_id, best)
    incident.derive_from_reports()
    return incident


@pytest.fixture
def place():
    return make_place()


def test_changing_a_figure_in_the_form_makes_it_the_editors_without_the_tick(client, editor):
    incident = derived_incident("u1", 4)
    url = reverse("admin:events_incident_change", args=[incident.pk])
    data = form_data(client.get(url))
    assert "figures_edited" not in data

    response = client.post(url, {**data, "killed_total_best": "9", "change_reason": "SOHR"})

    assert response.status_code == 302
    incident.refresh_from_db()
    assert (incident.killed_total_best, incident.figures_edited) == (9, True)


def test_saving_the_form_without_changing_a_figure_leaves_them_derived(client, editor):
    incident = derived_incident("u1", 4)
    url = reverse("admin:events_incident_change", args=[incident.pk])

    client.post(url, {**form_data(client.get(url)), "title": "Strike on Saraqeb"})

    incident.refresh_from_db()
    assert (incident.killed_total_best, incident.figures_edited) == (4, False)


def test_a_merge_keeps_the_editors_figures_of_the_incident_kept(place):
    kept = derived_incident("u1", 4, place=place)
    other = derived_incident("u2", 40, place=place)
    kept.killed_total_best, kept.figures_edited = 5, True
    kept.save()

    record = kept.merge([other])
    kept.refresh_from_db()
    assert kept.killed_total_best == 5

    record.undo()
    kept.refresh_from_db()
    assert (kept.killed_total_best, kept.figures_edited) == (5, True)


def test_a_merge_takes_a_merged_away_incidents_editor_figures_and_undo_gives_them_back(place):
    kept = derived_incident("u1", 4, place=place)
    edited = derived_incident("u2", 40, place=place)
    edited.killed_total_best, edited.figures_edited = 12, True
    edited.save()

    record = kept.merge([edited])
    kept.refresh_from_db()
    assert (kept.killed_total_best, kept.figures_edited) == (12, True)

    record.undo()
    kept.refresh_from_db()
    edited.refresh_from_db()
    assert (kept.killed_total_best, kept.figures_edited) == (4, False)
    assert (edited.killed_total_best, edited.figures_edited) == (12, True)


def test_undo_keeps_figures_an_editor_set_on_the_merged_incident_after_the_merge(place):
    kept = derived_incident("u1", 4, place=place)
    edited = derived_incident("u2", 40, place=place)
    edited.killed_total_best, edited.figures_edited = 12, True
    edited.save()
    record = kept.merge([edited])
    kept.refresh_from_db()
    kept.killed_total_best = 15
    kept.save()

    record.undo()

    kept.refresh_from_db()
    assert (kept.killed_total_best, kept.figures_edited) == (15, True)


def test_a_new_or_corrected_report_does_not_undo_the_editors_figures():
    incident = derived_incident("u1", 4)
    incident.killed_total_best, incident.figures_edited = 9, True
    incident.save()
    make_report(incident, "u2", 30)
    Report.objects.filter(external_id="u1").update(killed_total_best=50)

    incident.derive_from_reports()  # what an import or a re-extraction runs

    incident.refresh_from_db()
    assert incident.killed_total_best == 9


def test_reimporting_a_dataset_keeps_the_editors_figures():
    load_gazetteer()
    path = DATA / "ucdp_ged_sample.csv"
    import_ucdp_ged(path, extractor=lambda *args, **kwargs: [])
    incident = Incident.objects.get(reports__external_id="219540")
    incident.killed_total_best, incident.figures_edited = 99, True
    incident.save()

    again = import_ucdp_ged(path, extractor=lambda *args, **kwargs: [])

    incident.refresh_from_db()
    assert again.skipped == len(list(csv.DictReader(path.open(encoding="utf-8"))))
    assert incident.killed_total_best == 99


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"killed_total_low": "10", "killed_total_best": "5", "killed_total_high": "1"},
            "killed_total_best",
            "between the low (10) and the high (1)",
        ),
        (
            {"killed_civilians_low": "9", "killed_civilians_best": "4"},
            "killed_civilians_best",
            "between the low (9)",
        ),  # fmt: skip
        ({"killed_total_best": str(2**31)}, "killed_total_best", "at most 2147483647"),
        ({"date": "2018-02-05", "date_end": "2018-02-01"}, "date_end", "after the date"),
        ({"latitude": "35", "longitude": ""}, "longitude", "both or neither"),
    ],
)
def test_the_form_refuses_figures_dates_and_points_that_cannot_be(
    client, editor, changes, field, message
):
    incident = make_incident()
    url = reverse("admin:events_incident_change", args=[incident.pk])
    data = form_data(client.get(url))
    data.update(changes)

    response = client.post(url, data)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert message in " ".join(errors.get(field, [])), errors
    incident.refresh_from_db()
    assert incident.version == 1


def test_merging_two_incidents_with_editors_figures_says_whose_were_set_aside(
    client, editor, place
):
    kept = derived_incident("u1", 4, place=place)
    other = derived_incident("u2", 40, place=place)
    for incident, best in ((kept, 5), (other, 12)):
        incident.killed_total_best, incident.figures_edited = best, True
        incident.save()
    url = reverse("admin:events_incident_duplicates", args=[kept.pk])

    response = client.post(url, {"merge": [str(other.pk)]}, follow=True)

    kept.refresh_from_db()
    assert kept.killed_total_best == 5
    shown = " ".join(str(m) for m in response.context["messages"])
    assert f"#{other.pk} had figures an editor set (killed total 12)" in shown


def claimed_incident(external_id, actor, **fields):
    from events.models import Claim

    incident = make_incident(**fields)
    report = make_report(incident, external_id, 4)
    Claim.objects.create(report=report, actor=actor, name=actor.name)
    incident.derive_from_reports()
    return incident


def test_perpetrators_an_editor_chose_survive_a_merge_and_its_undo(client, editor, place):
    # A merge derived them again from the claims: the editor's Russia was government again.
    from events.models import Actor, ActorGroup

    government = Actor.objects.create(name="Syrian government forces", group="syrian_government")
    russia = Actor.objects.create(name="Russian armed forces", group=ActorGroup.RUSSIA)
    kept = claimed_incident("u1", government, place=place)
    other = claimed_incident("u2", government, place=place)
    url = reverse("admin:events_incident_change", args=[kept.pk])
    data = form_data(client.get(url))
    client.post(url, {**data, "perpetrators": [russia.pk], "perpetrator_group": "russia"})
    kept.refresh_from_db()
    assert (list(kept.perpetrators.all()), kept.perpetrators_edited) == ([russia], True)

    record = kept.merge([other], user=editor)
    kept.refresh_from_db()
    assert (list(kept.perpetrators.all()), kept.perpetrator_group) == ([russia], "russia")

    record.undo(user=editor)
    kept.refresh_from_db()
    assert (list(kept.perpetrators.all()), kept.perpetrator_group) == ([russia], "russia")


@pytest.mark.parametrize(
    ("chosen", "group", "refused"),
    [
        (["russia"], "israel", True),  # a hostile tester's: both group filters found it
        (["russia", "government"], "israel", True),
        (["russia", "government"], "syrian_government", False),
        (["russia"], "", False),  # (no group: the perpetrators' own count)
        ([], "israel", False),  # a group alone, no perpetrator named
    ],
)
def test_the_perpetrator_group_is_one_of_the_perpetrators_groups(
    client, editor, chosen, group, refused
):
    from events.models import Actor, ActorGroup

    actors = {
        "russia": Actor.objects.create(name="Russian armed forces", group=ActorGroup.RUSSIA),
        "government": Actor.objects.create(
            name="Syrian government forces", group=ActorGroup.SYRIAN_GOVERNMENT
        ),
    }
    incident = make_incident()
    url = reverse("admin:events_incident_change", args=[incident.pk])
    data = form_data(client.get(url))
    data["perpetrators"] = [str(actors[name].pk) for name in chosen]
    data["perpetrator_group"] = group

    response = client.post(url, data)

    incident.refresh_from_db()
    if refused:
        assert response.status_code == 200
        errors = " ".join(response.context["adminform"].form.errors.get("perpetrator_group", []))
        assert "Israel is the group of none of the perpetrators" in errors, errors
        assert "Russian armed forces: Russia" in errors
        assert (incident.version, incident.perpetrator_groups) == (1, "")
    else:
        assert response.status_code == 302, response.context["adminform"].form.errors
        assert incident.perpetrator_group == group


def test_saving_the_form_without_changing_the_perpetrators_leaves_them_derived(client, editor):
    from events.models import Actor

    government = Actor.objects.create(name="Syrian government forces", group="syrian_government")
    incident = claimed_incident("u1", government)
    url = reverse("admin:events_incident_change", args=[incident.pk])

    client.post(url, {**form_data(client.get(url)), "title": "Strike on Saraqeb"})

    incident.refresh_from_db()
    assert incident.perpetrators_edited is False


def test_a_claim_edited_in_the_incident_form_names_the_incidents_perpetrators(client, editor):
    # The report's form derived them again; the incident's form left the old ones.
    from events.models import Actor, ActorGroup

    government = Actor.objects.create(name="Syrian government forces", group="syrian_government")
    russia = Actor.objects.create(name="Russian armed forces", group=ActorGroup.RUSSIA)
    incident = claimed_incident("u1", government)
    url = reverse("admin:events_incident_change", args=[incident.pk])
    data = form_data(client.get(url))
    claim = next(k for k in data if k.endswith("-actor") and k.startswith("claims"))

    response = client.post(url, {**data, claim: str(russia.pk), claim[:-5] + "group": "russia"})

    assert response.status_code == 302
    incident.refresh_from_db()
    assert (list(incident.perpetrators.all()), incident.perpetrator_group) == ([russia], "russia")
    assert incident.perpetrators_edited is False  # derived from the claims, as before


def test_unticking_figures_edited_derives_the_figures_from_the_reports_again(client, editor):
    # Left as the editor typed them but no longer marked as the editor's, the 50 passed for
    # what the report said (1) until some unrelated change derived them again.
    incident = derived_incident("u1", 1)
    derived = (incident.killed_total_best, incident.killed_total_high)
    url = reverse("admin:events_incident_change", args=[incident.pk])
    data = form_data(client.get(url))
    client.post(url, {**data, "killed_total_best": "50", "killed_total_high": "50"})
    data = form_data(client.get(url))
    assert data["figures_edited"] == "on"

    response = client.post(url, {k: v for k, v in data.items() if k != "figures_edited"})

    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.figures_edited is False
    assert (incident.killed_total_best, incident.killed_total_high) == derived == (1, None)


def test_unticking_figures_edited_on_an_incident_without_reports_keeps_its_figures(client, editor):
    from events.models import ReviewStatus

    incident = make_incident(status=ReviewStatus.VERIFIED)
    incident.killed_civilians_best, incident.figures_edited = 7, True
    incident.save()
    url = reverse("admin:events_incident_change", args=[incident.pk])
    data = form_data(client.get(url))

    response = client.post(url, {k: v for k, v in data.items() if k != "figures_edited"})

    assert response.status_code == 302
    incident.refresh_from_db()
    assert (incident.killed_civilians_best, incident.status) == (7, ReviewStatus.VERIFIED)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"killed_civilians_low": "100", "killed_civilians_best": "100",
             "killed_civilians_high": "100", "killed_combatants_best": "30"},
            "killed_civilians_best",
            "100 civilians killed (best) are more than the 7 killed in all",
        ),
        (
            {"killed_civilians_best": "4", "killed_combatants_best": "30"},
            "killed_combatants_best",
            "30 combatants killed (best) are more than the 7 killed in all",
        ),
        (
            {"killed_civilians_best": "4", "killed_combatants_best": "5"},
            "killed_total_best",
            "4 civilians and 5 combatants killed (best), 9 together, are more than the 7",
        ),
        (
            {"killed_children_best": "50"},
            "killed_children_best",
            "50 children killed (best) are more than the 7 killed in all",
        ),
        (
            {"killed_women_best": "8"},
            "killed_women_best",
            "8 women killed (best) are more than the 7 killed in all",
        ),
        (
            {"injured_total_best": "3", "injured_children_best": "40"},
            "injured_children_best",
            "40 children injured (best) are more than the 3 injured in all",
        ),
    ],
)  # fmt: skip
def test_the_form_refuses_parts_that_outnumber_the_total(client, editor, changes, field, message):
    # A hostile tester saved 100 civilians and 30 fighters of 7 dead, and 50 children of 7.
    incident = make_incident(killed_total_low=7, killed_total_best=7, killed_total_high=7)
    url = reverse("admin:events_incident_change", args=[incident.pk])
    data = form_data(client.get(url))

    response = client.post(url, {**data, **changes})

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert message in " ".join(errors.get(field, [])), errors
    incident.refresh_from_db()
    assert incident.version == 1


def test_the_form_takes_parts_within_the_total_or_without_one(client, editor):
    incident = make_incident(killed_total_best=7)
    url = reverse("admin:events_incident_change", args=[incident.pk])
    parts = {"killed_civilians_best": "4", "killed_combatants_best": "3",
             "killed_children_best": "4", "killed_women_best": "2"}  # fmt: skip

    response = client.post(url, {**form_data(client.get(url)), **parts})
    assert response.status_code == 302
    # No total: nothing to outnumber.
    data = {**form_data(client.get(url)), "injured_children_best": "40"}
    response = client.post(url, data)

    assert response.status_code == 302
    incident.refresh_from_db()
    assert (incident.killed_civilians_best, incident.injured_children_best) == (4, 40)


def test_the_report_form_refuses_more_children_than_dead(client, editor):
    # A report's 30 children of 14 dead made its incident's 30 children of 14.
    incident = make_incident()
    report = make_report(incident, "u1", 14)
    incident.derive_from_reports()
    url = reverse("admin:events_report_change", args=[report.pk])

    response = client.post(url, {**form_data(client.get(url)), "killed_children_best": "30"})

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "30 children killed (best) are more than the 14 killed in all" in " ".join(
        errors.get("killed_children_best", [])
    ), errors
    incident.refresh_from_db()
    assert (incident.killed_children_best, incident.killed_total_best) == (None, 14)


def test_derived_figures_never_count_more_children_or_women_than_dead():
    # Each figure is a median of its own: three reports of 10, 2 and 3 dead, the first with
    # its 10 children, made 10 children of 3 dead.
    incident = make_incident()
    Report.objects.create(
        incident=incident, source=Source.UCDP_GED, external_id="u1",
        killed_total_best=10, killed_children_best=10, killed_women_best=9,
    )  # fmt: skip
    make_report(incident, "u2", 2)
    make_report(incident, "u3", 3)

    incident.derive_from_reports()

    incident.refresh_from_db()
    assert (incident.killed_total_best, incident.killed_children_best) == (10, 10)
    incident.full_clean()  # (what the incident's form checks)
