"""The data's version (the ETag of the map data, histogram and overview) counts writes to
places, governorates and districts too: the overview labels its rows with their names, and a
renamed place was served under the old name as a 304."""

from django.db import migrations

# PostgreSQL: the statement trigger of migration 0025 (events_version_bump) on three more tables.
TRIGGERS = r"""
DROP TRIGGER IF EXISTS events_version ON events_place;
CREATE TRIGGER events_version AFTER INSERT OR UPDATE OR DELETE ON events_place
    FOR EACH STATEMENT EXECUTE FUNCTION events_version_bump();
DROP TRIGGER IF EXISTS events_version ON events_governorate;
CREATE TRIGGER events_version AFTER INSERT OR UPDATE OR DELETE ON events_governorate
    FOR EACH STATEMENT EXECUTE FUNCTION events_version_bump();
DROP TRIGGER IF EXISTS events_version ON events_district;
CREATE TRIGGER events_version AFTER INSERT OR UPDATE OR DELETE ON events_district
    FOR EACH STATEMENT EXECUTE FUNCTION events_version_bump();
"""

DROP_TRIGGERS = r"""
DROP TRIGGER IF EXISTS events_version ON events_place;
DROP TRIGGER IF EXISTS events_version ON events_governorate;
DROP TRIGGER IF EXISTS events_version ON events_district;
"""

# SQLite: each row written adds 1 to the one row, as in migration 0025.
SQLITE_TRIGGERS = [
    "CREATE TRIGGER IF NOT EXISTS events_version_place_insert AFTER INSERT ON events_place BEGIN INSERT INTO events_dataversion (id, writes) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET writes = writes + 1; END",
    "CREATE TRIGGER IF NOT EXISTS events_version_place_update AFTER UPDATE ON events_place BEGIN INSERT INTO events_dataversion (id, writes) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET writes = writes + 1; END",
    "CREATE TRIGGER IF NOT EXISTS events_version_place_delete AFTER DELETE ON events_place BEGIN INSERT INTO events_dataversion (id, writes) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET writes = writes + 1; END",
    "CREATE TRIGGER IF NOT EXISTS events_version_governorate_insert AFTER INSERT ON events_governorate BEGIN INSERT INTO events_dataversion (id, writes) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET writes = writes + 1; END",
    "CREATE TRIGGER IF NOT EXISTS events_version_governorate_update AFTER UPDATE ON events_governorate BEGIN INSERT INTO events_dataversion (id, writes) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET writes = writes + 1; END",
    "CREATE TRIGGER IF NOT EXISTS events_version_governorate_delete AFTER DELETE ON events_governorate BEGIN INSERT INTO events_dataversion (id, writes) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET writes = writes + 1; END",
    "CREATE TRIGGER IF NOT EXISTS events_version_district_insert AFTER INSERT ON events_district BEGIN INSERT INTO events_dataversion (id, writes) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET writes = writes + 1; END",
    "CREATE TRIGGER IF NOT EXISTS events_version_district_update AFTER UPDATE ON events_district BEGIN INSERT INTO events_dataversion (id, writes) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET writes = writes + 1; END",
    "CREATE TRIGGER IF NOT EXISTS events_version_district_delete AFTER DELETE ON events_district BEGIN INSERT INTO events_dataversion (id, writes) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET writes = writes + 1; END",
]

SQLITE_DROP_TRIGGERS = [
    "DROP TRIGGER IF EXISTS events_version_place_insert",
    "DROP TRIGGER IF EXISTS events_version_place_update",
    "DROP TRIGGER IF EXISTS events_version_place_delete",
    "DROP TRIGGER IF EXISTS events_version_governorate_insert",
    "DROP TRIGGER IF EXISTS events_version_governorate_update",
    "DROP TRIGGER IF EXISTS events_version_governorate_delete",
    "DROP TRIGGER IF EXISTS events_version_district_insert",
    "DROP TRIGGER IF EXISTS events_version_district_update",
    "DROP TRIGGER IF EXISTS events_version_district_delete",
]


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGERS)
    elif schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_TRIGGERS:
            schema_editor.execute(statement)


def remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_TRIGGERS)
    elif schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_DROP_TRIGGERS:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0040_search_groups_index"),
    ]

    operations = [migrations.RunPython(install, remove)]
