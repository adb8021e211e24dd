"""Migration 0017 brings rows imported before it in line with what the importers now write."""

import datetime

import pytest

from ..migrating import migrate, migrate_to_latest

BEFORE = [("events", "0016_incident_precision_aggregate_party")]
AFTER = [("events", "0017_precision_parties_entities_of_imported_rows")]


@pytest.fixture
def old_apps(transactional_db):
    apps = migrate(BEFORE)
    yield apps
    migrate_to_latest()


def ucdp_row(apps, ucdp_id, raw, headline, actors, **incident):
    Incident = apps.get_model("events", "Incident")
    Report = apps.get_model("events", "Report")
    Claim = apps.get_model("events", "Claim")
    title = headline.split(";")[0]
    made = Incident.objects.create(source="ucdp_ged", status="verified", title=title, **incident)
    report = Report.objects.create(
        incident=made, source="ucdp_ged", external_id=ucdp_id, headline=headline, raw=raw
    )
    for position, actor in enumerate(actors):
        Claim.objects.create(
            report=report, actor=actor, name=actor.name, group=actor.group, position=position
        )
        made.perpetrators.add(actor)
    return made.pk


def test_imported_rows_get_parties_periods_aggregates_and_decoded_titles(old_apps):
    Actor = old_apps.get_model("events", "Actor")
    syria = Actor.objects.create(name="Government of Syria", group="syrian_government")
    rebels = Actor.objects.create(name="Syrian insurgents", group="opposition")
    islamic_state = Actor.objects.create(name="IS", group="islamic_state")
    year = ucdp_row(
        old_apps,
        "1",
        {"type_of_violence": "1", "event_clarity": "2", "date_prec": "5",
         "date_start": "2016-01-01", "date_end": "2016-12-31"},
        "The regime forces target al-Wa&#8217;er;Second source",
        [syria, rebels],
        date=datetime.date(2016, 1, 1), date_precision="year",
        perpetrator_group="syrian_government", geo_precision="",
        perpetrator_groups=",opposition,syrian_government,",
    )  # fmt: skip
    one_sided = ucdp_row(
        old_apps,
        "2",
        {"type_of_violence": "3", "event_clarity": "1", "date_prec": "1",
         "date_start": "2016-03-01", "date_end": "2016-03-01"},
        "IS executes two men",
        [islamic_state],
        date=datetime.date(2016, 3, 1), perpetrator_group="islamic_state",
        perpetrator_groups=",islamic_state,", geo_precision="province", latitude=35.0,
        longitude=38.0,
    )  # fmt: skip

    migrate(AFTER)
    migrate_to_latest()  # for today's models

    from events.models import Incident, Report

    incident = Incident.objects.get(pk=year)
    assert incident.title == "The regime forces target al-Wa\u2019er"
    assert Report.objects.get(external_id="1").headline.endswith("Wa\u2019er;Second source")
    assert (incident.date_end, incident.aggregate) == (datetime.date(2016, 12, 31), True)
    assert incident.geo_precision == "country"
    assert not incident.perpetrators.exists()
    assert (incident.perpetrator_group, incident.perpetrator_groups) == ("", "")
    assert incident.party_groups == ",opposition,syrian_government,"
    assert {c.kind for c in Report.objects.get(external_id="1").claims.all()} == {"party"}
    kept = Incident.objects.get(pk=one_sided)
    assert [a.name for a in kept.perpetrators.all()] == ["IS"]
    assert (kept.perpetrator_groups, kept.party_groups) == (",islamic_state,", "")
    assert (kept.geo_precision, kept.date_end, kept.aggregate) == ("governorate", None, False)
    assert Incident.objects.filter(perpetrator_groups__contains=",opposition,").count() == 0


@pytest.fixture
def apps_before_merging_actors(transactional_db):
    apps = migrate([("events", "0018_incident_merged_into")])
    yield apps
    migrate_to_latest()


def test_actors_named_by_another_actors_alias_are_merged_into_it(apps_before_merging_actors):
    apps = apps_before_merging_actors
    Actor = apps.get_model("events", "Actor")
    canonical = Actor.objects.create(
        name="Islamic State", group="islamic_state", aliases="Islamic State\nIS\nDaesh"
    )
    government = Actor.objects.create(
        name="Syrian government forces", group="syrian_government", aliases="regime forces"
    )
    short = Actor.objects.create(name="IS", group="islamic_state")
    dataset = Actor.objects.create(name="Government of Syria", group="syrian_government")
    other = Actor.objects.create(name="Jaysh al-Islam", group="opposition")
    executions = ucdp_row(
        apps, "1", {"type_of_violence": "3"}, "IS executes two men", [short],
        perpetrator_group="islamic_state", perpetrator_groups=",islamic_state,",
    )  # fmt: skip
    both = ucdp_row(
        apps, "2", {"type_of_violence": "3"}, "Shelling", [dataset, canonical, other],
        perpetrator_group="syrian_government",
        perpetrator_groups=",islamic_state,opposition,syrian_government,",
    )  # fmt: skip

    migrate([("events", "0019_merge_actors_named_by_aliases")])
    migrate_to_latest()

    from events.models import Actor, Claim, Incident

    assert not Actor.objects.filter(name__in=["IS", "Government of Syria"]).exists()
    assert "Government of Syria" in Actor.objects.get(pk=government.pk).aliases
    assert [a.pk for a in Incident.objects.get(pk=executions).perpetrators.all()] == [canonical.pk]
    assert sorted(a.pk for a in Incident.objects.get(pk=both).perpetrators.all()) == sorted(
        [government.pk, canonical.pk, other.pk]
    )
    assert Claim.objects.filter(name="Government of Syria").get().actor_id == government.pk
    merged = Incident.objects.get(pk=both)
    assert merged.perpetrator_group == "syrian_government"
    assert merged.perpetrator_groups == ",islamic_state,opposition,syrian_government,"
