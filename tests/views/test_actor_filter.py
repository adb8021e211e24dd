"""The actor filter reads each incident's perpetrators' ids on its row (perpetrator_actors),
kept as its perpetrators change, filled for incidents stored before (migration 0062)."""

import pytest
from django.db import connection
from django.urls import reverse

from events.models import Actor, Incident

from ..migrating import migrate, migrate_to_latest

pytestmark = pytest.mark.django_db


def stored(incident):
    return Incident.objects.get(pk=incident.pk).perpetrator_actors


def test_an_incidents_actors_follow_its_perpetrators_whichever_way_they_change(make_incident):
    first = Actor.objects.create(pk=9001, name="Russian Air Force", group="russia")
    second = Actor.objects.create(pk=19001, name="Syrian Arab Air Force", group="syrian_government")
    incident = make_incident()
    stale = Incident.objects.get(pk=incident.pk)

    incident.perpetrators.set([second, first])
    assert stored(incident) == ",9001,19001,"
    stale.title = "An editor's older copy, saved after"
    stale.save()
    assert stored(incident) == ",9001,19001,"
    incident.perpetrators.remove(first)
    assert stored(incident) == ",19001,"
    second.incidents.clear()
    assert stored(incident) == ""
    first.incidents.add(incident)
    assert stored(incident) == ",9001,"


def test_the_actor_filter_finds_its_incidents_and_not_those_of_an_actor_whose_id_holds_its(
    client, make_incident
):
    first = Actor.objects.create(pk=9001, name="Russian Air Force", group="russia")
    other = Actor.objects.create(pk=19001, name="Syrian Arab Air Force", group="syrian_government")
    its = make_incident(perpetrators=[first, other])
    make_incident(perpetrators=[other])

    page = client.get(reverse("events:list"), {"actor": first.pk})

    assert [row.pk for row in page.context["page"].rows] == [its.pk]
    assert page.context["total"].count == 1


@pytest.fixture
def latest(transactional_db):
    yield
    migrate_to_latest()


def test_the_migration_fills_the_actors_of_incidents_stored_before(latest, make_incident):
    first = Actor.objects.create(pk=9001, name="Russian Air Force", group="russia")
    other = Actor.objects.create(pk=19001, name="Syrian Arab Air Force", group="syrian_government")
    incident = make_incident(perpetrators=[other, first])
    alone = make_incident()

    migrate([("events", "0061_districts_and_governorates_have_versions")])
    migrate([("events", "0062_incident_perpetrator_actors")])

    assert (stored(incident), stored(alone)) == (",9001,19001,", "")
    if connection.vendor == "sqlite":
        # (the table made anew keeps the data version's triggers)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                " AND tbl_name = 'events_incident'"
            )
            assert cursor.fetchone()[0] == 3


def test_deleting_an_actor_takes_it_and_its_group_from_its_incidents(client, make_incident):
    # (its links go with it, which Django deletes without m2m_changed)
    gone = Actor.objects.create(pk=9001, name="Russian Air Force", group="russia")
    kept = Actor.objects.create(pk=19001, name="Syrian Arab Air Force", group="syrian_government")
    incident = make_incident(perpetrators=[gone, kept], perpetrator_group="syrian_government")

    gone.delete()

    row = Incident.objects.get(pk=incident.pk)
    assert (row.perpetrator_actors, row.perpetrator_groups) == (",19001,", ",syrian_government,")
