"""IncidentSearch: each incident's words (bulletins and headlines) for the text search, kept by
triggers on PostgreSQL (events/search.py). It replaces migration 0007's two GIN indexes on
bulletins and report headlines, which the search no longer reads."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

OLD_INDEXES = {
    "bulletin_document_gin": (
        "events_bulletin USING gin (to_tsvector('english'::regconfig, "
        "COALESCE(\"title\", '') || ' ' || COALESCE(\"text\", '')))"
    ),
    "report_headline_gin": (
        "events_report USING gin (to_tsvector('english'::regconfig, COALESCE(\"headline\", '')))"
    ),
}


def install(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from events import search

    schema_editor.execute(search.TRIGGERS)
    schema_editor.execute(search.FILL)
    schema_editor.execute(f"ANALYZE {search.TABLE}")
    for name in OLD_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def remove(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from events import search

    schema_editor.execute(search.DROP_TRIGGERS)
    for name, definition in OLD_INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0012_incident_summary'),
    ]

    operations = [
        migrations.CreateModel(
            name='IncidentSearch',
            fields=[
                ('incident', models.OneToOneField(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, primary_key=True, related_name='search', serialize=False, to='events.incident')),
                ('latitude', models.FloatField(null=True)),
                ('longitude', models.FloatField(null=True)),
                ('month', models.DateField(null=True)),
                ('killed', models.IntegerField(null=True)),
                ('published', models.BooleanField()),
                ('document', django.contrib.postgres.search.SearchVectorField(null=True)),
            ],
        ),
        migrations.RunPython(install, remove),
    ]
