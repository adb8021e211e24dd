"""A trigram index on the search rows' perpetrator_groups (PostgreSQL, pg_trgm), as the
incidents (0026) and the counting tables (0027) have: a word with a group
(?q=faction&group=sdf) was found by reading every search row of the word (64,000 for
"faction" at a million incidents, 170 ms); PostgreSQL now intersects the word's index and the
group's (24 ms)."""

from django.db import migrations

# ?q=…&group=: WHERE document @@ … AND perpetrator_groups LIKE '%,sdf,%'.
GROUPS_INDEX = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS search_groups_trgm ON events_incidentsearch
    USING gin (perpetrator_groups gin_trgm_ops);
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(GROUPS_INDEX)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_groups_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0039_place_breakdown_filter_indexes"),
    ]

    operations = [
        migrations.RunPython(create, drop),
    ]
