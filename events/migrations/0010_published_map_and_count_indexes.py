"""Partial indexes over published incidents (status <> 'rejected', which every list, map and
export query says as NOT status = 'rejected'), so that the map's aggregation and the list's
capped count read an index alone, without visiting a million table rows. PostgreSQL only.
"""

from django.db import migrations

INDEXES = {
    # map_data: single events and grid cells in a viewport (latitude/longitude ranges), with
    # the killed sum, answered by an index-only scan.
    "incident_published_map_idx": "(latitude, longitude) INCLUDE (killed_total_best)",
    # map_data ?province=: the same, within one governorate.
    "incident_published_gov_map_idx": (
        "(governorate_id, latitude, longitude) INCLUDE (killed_total_best)"
    ),
    # incident_list ?province=: the page and the capped count (COUNT over LIMIT 10,001),
    # newest first, the count from the index alone.
    "incident_published_gov_idx": "(governorate_id, date DESC, id DESC)",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, columns in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON events_incident {columns}"
            " WHERE NOT status = 'rejected'"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0009_bulletin_url_is_web_address"),
    ]

    operations = [
        migrations.RunPython(create, drop, elidable=False),
    ]
