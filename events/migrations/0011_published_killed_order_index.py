"""The list ordered by deaths (?order=-killed / killed) sorts unknown tolls as the smallest:
DESC NULLS LAST, which incident_killed_idx (DESC, so NULLS FIRST) cannot answer; without this
index every such page sorted the whole table. PostgreSQL only.
"""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # incident_list ?order=-killed (and, read backwards, ?order=killed): keyset pages and count.
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS incident_published_killed_idx ON events_incident"
        " (killed_total_best DESC NULLS LAST, id DESC) WHERE NOT status = 'rejected'"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS incident_published_killed_idx")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0010_published_map_and_count_indexes"),
    ]

    operations = [
        migrations.RunPython(create, drop, elidable=False),
    ]
