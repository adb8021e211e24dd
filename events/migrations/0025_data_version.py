"""DataVersion: how many writes have changed what the counts read, kept by triggers on
incidents, their perpetrators, reports and bulletins; the ETag of the map data, histogram and
overview."""

from django.db import migrations, models

# PostgreSQL: each writing statement appends a row of 1 (writers never wait on each other).
TRIGGERS = r'''
CREATE OR REPLACE FUNCTION events_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO events_dataversion (writes) VALUES (1);
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS events_version ON events_incident;
CREATE TRIGGER events_version AFTER INSERT OR UPDATE OR DELETE ON events_incident
    FOR EACH STATEMENT EXECUTE FUNCTION events_version_bump();
DROP TRIGGER IF EXISTS events_version ON events_incident_perpetrators;
CREATE TRIGGER events_version AFTER INSERT OR UPDATE OR DELETE ON events_incident_perpetrators
    FOR EACH STATEMENT EXECUTE FUNCTION events_version_bump();
DROP TRIGGER IF EXISTS events_version ON events_report;
CREATE TRIGGER events_version AFTER INSERT OR UPDATE OR DELETE ON events_report
    FOR EACH STATEMENT EXECUTE FUNCTION events_version_bump();
DROP TRIGGER IF EXISTS events_version ON events_bulletin;
CREATE TRIGGER events_version AFTER INSERT OR UPDATE OR DELETE ON events_bulletin
    FOR EACH STATEMENT EXECUTE FUNCTION events_version_bump();
'''

DROP_TRIGGERS = r'''
DROP TRIGGER IF EXISTS events_version ON events_incident;
DROP TRIGGER IF EXISTS events_version ON events_incident_perpetrators;
DROP TRIGGER IF EXISTS events_version ON events_report;
DROP TRIGGER IF EXISTS events_version ON events_bulletin;
DROP FUNCTION IF EXISTS events_version_bump();
'''

# SQLite (one writer at a time): each row written adds 1 to the one row (made if absent).
SQLITE_TRIGGERS = ['CREATE TRIGGER IF NOT EXISTS events_version_incident_insert AFTER INSERT ON events_incident BEGIN INSERT INTO events_dataversion (id, writes) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET writes = writes + 1; END', 'CREATE TRIGGER IF NOT EXISTS events_version_incident_update AFTER UPDATE ON events_incident BEGIN INSERT INTO events_dataversion (id, writes) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET writes = writes + 1; END', 'CREATE TRIGGER IF NOT EXISTS events_version_incident_delete AFTER DELETE ON events_incident BEGIN INSERT INTO events_dataversion (id, writes) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET writes = writes + 1; END', 'CREATE TRIGGER IF NOT EXISTS events_version_incident_perpetrators_insert AFTER INSERT ON events_incident_perpetrators BEGIN INSERT INTO events_dataversion (id, writes) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET writes = writes + 1; END', 'CREATE TRIGGER IF NOT EXISTS events_version_incident_perpetrators_update AFTER UPDATE ON events_incident_perpetrators BEGIN INSERT INTO events_dataversion (id, writes) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET writes = writes + 1; END', 'CREATE TRIGGER IF NOT EXISTS events_version_incident_perpetrators_delete AFTER DELETE ON events_incident_perpetrators BEGIN INSERT INTO events_dataversion (id, writes) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET writes = writes + 1; END', 'CREATE TRIGGER IF NOT EXISTS events_version_report_insert AFTER INSERT ON events_report BEGIN INSERT INTO events_dataversion (id, writes) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET writes = writes + 1; END', 'CREATE TRIGGER IF NOT EXISTS events_version_report_update AFTER UPDATE ON events_report BEGIN INSERT INTO events_dataversion (id, writes) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET writes = writes + 1; END', 'CREATE TRIGGER IF NOT EXISTS events_version_report_delete AFTER DELETE ON events_report BEGIN INSERT INTO events_dataversion (id, writes) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET writes = writes + 1; END', 'CREATE TRIGGER IF NOT EXISTS events_version_bulletin_insert AFTER INSERT ON events_bulletin BEGIN INSERT INTO events_dataversion (id, writes) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET writes = writes + 1; END', 'CREATE TRIGGER IF NOT EXISTS events_version_bulletin_update AFTER UPDATE ON events_bulletin BEGIN INSERT INTO events_dataversion (id, writes) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET writes = writes + 1; END', 'CREATE TRIGGER IF NOT EXISTS events_version_bulletin_delete AFTER DELETE ON events_bulletin BEGIN INSERT INTO events_dataversion (id, writes) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET writes = writes + 1; END']

SQLITE_DROP_TRIGGERS = ['DROP TRIGGER IF EXISTS events_version_incident_insert', 'DROP TRIGGER IF EXISTS events_version_incident_update', 'DROP TRIGGER IF EXISTS events_version_incident_delete', 'DROP TRIGGER IF EXISTS events_version_incident_perpetrators_insert', 'DROP TRIGGER IF EXISTS events_version_incident_perpetrators_update', 'DROP TRIGGER IF EXISTS events_version_incident_perpetrators_delete', 'DROP TRIGGER IF EXISTS events_version_report_insert', 'DROP TRIGGER IF EXISTS events_version_report_update', 'DROP TRIGGER IF EXISTS events_version_report_delete', 'DROP TRIGGER IF EXISTS events_version_bulletin_insert', 'DROP TRIGGER IF EXISTS events_version_bulletin_update', 'DROP TRIGGER IF EXISTS events_version_bulletin_delete']


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
        ('events', '0024_incident_facets'),
    ]

    operations = [
        migrations.CreateModel(
            name='DataVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('writes', models.BigIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(install, remove),
    ]
