"""Each incident's perpetrators' ids on its row (",1,8,"), as its groups are: the actor filter
is then a test on the row, under a trigram index on PostgreSQL, where the list of the actor's
incidents was looked up one by one (the busiest actor's 16,800 at a million incidents: 32 ms
to count, 6 ms from the index)."""

from django.db import migrations, models

ACTORS_INDEX = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS incident_actors_trgm ON events_incident
    USING gin (perpetrator_actors gin_trgm_ops);
"""

FILL = {
    "postgresql": """
        UPDATE events_incident i SET perpetrator_actors = ',' || a.ids || ','
        FROM (
            SELECT incident_id, string_agg(actor_id::text, ',' ORDER BY actor_id) AS ids
            FROM events_incident_perpetrators GROUP BY incident_id
        ) a
        WHERE a.incident_id = i.id
    """,
    "sqlite": """
        UPDATE events_incident SET perpetrator_actors = (
            SELECT ',' || group_concat(actor_id, ',') || ','
            FROM (
                SELECT actor_id FROM events_incident_perpetrators p
                WHERE p.incident_id = events_incident.id ORDER BY actor_id
            )
        )
        WHERE id IN (SELECT incident_id FROM events_incident_perpetrators)
    """,
}


# SQLite adds a column with a default by making the table anew, which drops its triggers: the
# data version's (migration 0025) are put back on events_incident.
SQLITE_TRIGGERS = [
    "CREATE TRIGGER IF NOT EXISTS events_version_incident_insert AFTER INSERT ON events_incident BEGIN INSERT INTO events_dataversion (id, writes) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET writes = writes + 1; END",
    "CREATE TRIGGER IF NOT EXISTS events_version_incident_update AFTER UPDATE ON events_incident BEGIN INSERT INTO events_dataversion (id, writes) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET writes = writes + 1; END",
    "CREATE TRIGGER IF NOT EXISTS events_version_incident_delete AFTER DELETE ON events_incident BEGIN INSERT INTO events_dataversion (id, writes) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET writes = writes + 1; END",
]


def put_back_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_TRIGGERS:
            schema_editor.execute(statement)


def fill(apps, schema_editor):
    schema_editor.execute(FILL[schema_editor.connection.vendor])
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ACTORS_INDEX)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS incident_actors_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0061_districts_and_governorates_have_versions"),
    ]

    operations = [
        # Backwards, after the column is removed (the table made anew again).
        migrations.RunPython(migrations.RunPython.noop, put_back_triggers),
        migrations.AddField(
            model_name="incident",
            name="perpetrator_actors",
            field=models.CharField(blank=True, default="", editable=False, max_length=400),
        ),
        migrations.RunPython(put_back_triggers, migrations.RunPython.noop),
        migrations.RunPython(fill, drop, elidable=False),
    ]
