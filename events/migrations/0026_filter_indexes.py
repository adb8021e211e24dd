"""Indexes for the filters that had none, so that a rare value among other filters is found
by its index rather than by walking every incident: event type, source and (PostgreSQL, with
pg_trgm) the group filter's `perpetrator_groups LIKE '%,group,%'`."""

from django.db import migrations, models

# ?group=: WHERE perpetrator_groups LIKE '%,russia,%' (a trigram index answers a LIKE with
# wildcards at both ends).
GROUPS_INDEX = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS incident_groups_trgm ON events_incident
    USING gin (perpetrator_groups gin_trgm_ops);
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(GROUPS_INDEX)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS incident_groups_trgm")



class Migration(migrations.Migration):

    dependencies = [
        ('events', '0025_data_version'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='incident',
            index=models.Index(fields=['event_type'], name='incident_event_type_idx'),
        ),
        migrations.AddIndex(
            model_name='incident',
            index=models.Index(fields=['source'], name='incident_source_idx'),
        ),
        migrations.RunPython(create, drop),
    ]
