"""Migration 0051 keys the facet toll breakdowns by precision, and undoes it, with incidents
stored (PostgreSQL: the counting tables are kept by triggers there only)."""

import datetime

import pytest
from django.db import connection

from events.counts import check

from ..migrating import migrate, migrate_to_latest

BEFORE = [("events", "0050_report_version")]
AFTER = [("events", "0051_facet_toll_breakdown_precision")]


@pytest.fixture
def latest(transactional_db):
    yield
    migrate_to_latest()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="triggers on PostgreSQL only")
def test_the_precisions_are_added_and_taken_away_with_incidents_stored(latest, make_incident):
    march = datetime.date(2019, 3, 9)
    make_incident(killed_total_best=3, date=march)
    make_incident(killed_total_best=5, date=march, date_precision="week")
    make_incident(killed_total_best=7, date=march, geo_precision="district", status="verified")

    migrate(BEFORE)  # the rows refilled by 0049's key, without the precisions
    with connection.cursor() as cursor:
        cursor.execute("SELECT sum(incidents), sum(killed) FROM events_incidentfacettollbreakdown")
        assert cursor.fetchone() == (3, 15)

    migrate(AFTER)
    # (checked by today's code, which reads columns later migrations add to other tables;
    # none of them touches these rows)
    migrate_to_latest()
    assert check.differences() == []
