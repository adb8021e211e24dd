"""IncidentWord: published incidents counted by word and point for the map of a one-word
search, kept by triggers on events_incidentsearch on PostgreSQL (events/words.py)."""

from django.db import migrations, models


# The SQL as events/words.py wrote it when this migration was made: a migration carries
# its SQL as literals, whatever the live code says later.
TABLE = 'events_incidentword'
# One settled row per key (the unique index word_settled_key).
KEY = ['word', 'latitude', 'longitude']
TRIGGERS = r'''
CREATE OR REPLACE FUNCTION events_words_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO events_incidentword (word, latitude, longitude, incidents, killed, pending)
        SELECT l, latitude, longitude, count(*), coalesce(sum(killed), 0), true
        FROM new_rows, unnest(tsvector_to_array(document)) AS l WHERE published GROUP BY 1, 2, 3;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO events_incidentword (word, latitude, longitude, incidents, killed, pending)
        SELECT l, latitude, longitude, -count(*), -coalesce(sum(killed), 0), true
        FROM old_rows, unnest(tsvector_to_array(document)) AS l WHERE published GROUP BY 1, 2, 3;
    ELSE
        INSERT INTO events_incidentword (word, latitude, longitude, incidents, killed, pending)
        SELECT l, latitude, longitude, sum(sign), sum(sign * coalesce(killed, 0)), true
        FROM (
            SELECT o.*, -1 AS sign FROM old_rows o JOIN new_rows n
                ON n.incident_id = o.incident_id WHERE o.document IS DISTINCT FROM n.document OR o.latitude IS DISTINCT FROM n.latitude OR o.longitude IS DISTINCT FROM n.longitude OR o.killed IS DISTINCT FROM n.killed OR o.published IS DISTINCT FROM n.published
            UNION ALL
            SELECT n.*, 1 AS sign FROM old_rows o JOIN new_rows n
                ON n.incident_id = o.incident_id WHERE o.document IS DISTINCT FROM n.document OR o.latitude IS DISTINCT FROM n.latitude OR o.longitude IS DISTINCT FROM n.longitude OR o.killed IS DISTINCT FROM n.killed OR o.published IS DISTINCT FROM n.published
        ) AS changed, unnest(tsvector_to_array(document)) AS l
        WHERE published GROUP BY 1, 2, 3
        HAVING sum(sign) <> 0 OR sum(sign * coalesce(killed, 0)) <> 0;
    END IF;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS events_words_insert ON events_incidentsearch;
CREATE TRIGGER events_words_insert AFTER INSERT ON events_incidentsearch REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION events_words_change();
DROP TRIGGER IF EXISTS events_words_update ON events_incidentsearch;
CREATE TRIGGER events_words_update AFTER UPDATE ON events_incidentsearch REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION events_words_change();
DROP TRIGGER IF EXISTS events_words_delete ON events_incidentsearch;
CREATE TRIGGER events_words_delete AFTER DELETE ON events_incidentsearch REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION events_words_change();
-- compact()'s ON CONFLICT target: one settled row per word and point.
CREATE UNIQUE INDEX IF NOT EXISTS word_settled_key ON events_incidentword (word, latitude, longitude)
    NULLS NOT DISTINCT WHERE NOT pending;
'''

DROP_TRIGGERS = r'''
DROP TRIGGER IF EXISTS events_words_insert ON events_incidentsearch;
DROP TRIGGER IF EXISTS events_words_update ON events_incidentsearch;
DROP TRIGGER IF EXISTS events_words_delete ON events_incidentsearch;
DROP FUNCTION IF EXISTS events_words_change();
DROP INDEX IF EXISTS word_settled_key;
'''

FILL = r'''INSERT INTO events_incidentword (word, latitude, longitude, incidents, killed, pending) SELECT l, latitude, longitude, count(*), coalesce(sum(killed), 0), false FROM events_incidentsearch, unnest(tsvector_to_array(document)) AS l WHERE published GROUP BY 1, 2, 3'''


def install(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(TRIGGERS)
    schema_editor.execute(FILL)
    schema_editor.execute(f"ANALYZE {TABLE}")


def remove(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(DROP_TRIGGERS)


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0013_incident_search'),
    ]

    operations = [
        migrations.CreateModel(
            name='IncidentWord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('word', models.TextField()),
                ('latitude', models.FloatField(null=True)),
                ('longitude', models.FloatField(null=True)),
                ('incidents', models.IntegerField()),
                ('killed', models.BigIntegerField()),
                ('pending', models.BooleanField(default=True)),
            ],
            options={
                'indexes': [models.Index(fields=['word', 'latitude', 'longitude'], name='word_lookup_idx'), models.Index(condition=models.Q(('pending', True)), fields=['id'], name='word_pending_idx')],
            },
        ),
        migrations.RunPython(install, remove),
    ]
