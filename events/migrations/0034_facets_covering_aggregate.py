"""The facets' covering indexes of a status, a source and a minimum toll (migration 0027) hold
the aggregate flag too: every count leaves aggregates out by default (migration 0028), and
without the flag in the index each of those totals read the table's rows again."""

from importlib import import_module

from django.db import migrations

INDEXES = """
DROP INDEX IF EXISTS facets_status_idx;
DROP INDEX IF EXISTS facets_source_idx;
DROP INDEX IF EXISTS facets_killed_idx;
CREATE INDEX facets_status_idx ON events_incidentfacets (status) INCLUDE (incidents, pending,
    aggregate, month, governorate_id, district_id, event_type, source, killed_capped);
CREATE INDEX facets_source_idx ON events_incidentfacets (source) INCLUDE (incidents, pending,
    aggregate, month, governorate_id, district_id, event_type, status, killed_capped);
CREATE INDEX facets_killed_idx ON events_incidentfacets (killed_capped) INCLUDE (incidents,
    pending, aggregate, month, governorate_id, district_id, event_type, status, source);
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(INDEXES)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        before = import_module("events.migrations.0027_tally_filter_indexes")
        for name in ("facets_status_idx", "facets_source_idx", "facets_killed_idx"):
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
        schema_editor.execute(before.INDEXES)


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0033_incident_breakdown'),
    ]

    operations = [
        migrations.RunPython(create, drop),
    ]
