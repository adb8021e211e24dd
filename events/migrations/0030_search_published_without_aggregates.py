"""IncidentSearch.published says what every page counts by default: a published incident
that is not a period or cumulative toll (Incident.aggregate). IncidentWord, counted from the
published search rows by its own triggers, then leaves aggregates out too. The incidents'
search trigger is replaced and the rows of aggregates updated (their word counts with
them)."""

from importlib import import_module

from django.db import migrations

TABLE = 'events_incidentsearch'
TRIGGERS = r'''
CREATE OR REPLACE FUNCTION events_search_refresh(ids bigint[]) RETURNS void
LANGUAGE sql AS $$
    UPDATE events_incidentsearch AS s SET document = to_tsvector('english', concat_ws(' ',
    (SELECT string_agg(concat_ws(' ', b.title, b.text), ' ') FROM events_bulletin AS b
     WHERE b.id IN (SELECT r.bulletin_id FROM events_report AS r
                    WHERE r.incident_id = s.incident_id)),
    (SELECT string_agg(r.headline, ' ') FROM events_report AS r
     WHERE r.incident_id = s.incident_id)))
    WHERE s.incident_id = ANY(ids)
$$;

CREATE OR REPLACE FUNCTION events_search_incident() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO events_incidentsearch (incident_id, latitude, longitude, month, killed, published)
        SELECT id, latitude, longitude, date_trunc('month', date::timestamp)::date, killed_total_best, status <> 'rejected' AND NOT aggregate FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM events_incidentsearch AS s USING old_rows AS o WHERE s.incident_id = o.id;
    ELSE
        UPDATE events_incidentsearch AS s
        SET latitude = n.latitude, longitude = n.longitude, month = date_trunc('month', n.date::timestamp)::date,
            killed = n.killed_total_best, published = (n.status <> 'rejected' AND NOT n.aggregate)
        FROM new_rows AS n
        WHERE s.incident_id = n.id
          AND (s.latitude, s.longitude, s.month, s.killed, s.published) IS DISTINCT FROM
              (n.latitude, n.longitude, date_trunc('month', n.date::timestamp)::date, n.killed_total_best, n.status <> 'rejected' AND NOT n.aggregate);
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION events_search_report() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT incident_id) INTO ids FROM new_rows
        WHERE incident_id IS NOT NULL;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT incident_id) INTO ids FROM old_rows
        WHERE incident_id IS NOT NULL;
    ELSE
        -- Both incidents of a report that moved (a merge), the one of a report that changed.
        SELECT array_agg(DISTINCT affected.incident) INTO ids
        FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id,
             unnest(ARRAY[o.incident_id, n.incident_id]) AS affected(incident)
        WHERE (o.incident_id, o.bulletin_id, o.headline)
              IS DISTINCT FROM (n.incident_id, n.bulletin_id, n.headline)
          AND affected.incident IS NOT NULL;
    END IF;
    IF ids IS NOT NULL THEN
        PERFORM events_search_refresh(ids);
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION events_search_bulletin() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    SELECT array_agg(DISTINCT r.incident_id) INTO ids
    FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id
    JOIN events_report AS r ON r.bulletin_id = n.id
    WHERE (o.title, o.text) IS DISTINCT FROM (n.title, n.text) AND r.incident_id IS NOT NULL;
    IF ids IS NOT NULL THEN
        PERFORM events_search_refresh(ids);
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS events_search_insert ON events_incident;
CREATE TRIGGER events_search_insert AFTER INSERT ON events_incident REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION events_search_incident();
DROP TRIGGER IF EXISTS events_search_update ON events_incident;
CREATE TRIGGER events_search_update AFTER UPDATE ON events_incident REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION events_search_incident();
DROP TRIGGER IF EXISTS events_search_delete ON events_incident;
CREATE TRIGGER events_search_delete AFTER DELETE ON events_incident REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION events_search_incident();
DROP TRIGGER IF EXISTS events_search_report_insert ON events_report;
CREATE TRIGGER events_search_report_insert AFTER INSERT ON events_report REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION events_search_report();
DROP TRIGGER IF EXISTS events_search_report_update ON events_report;
CREATE TRIGGER events_search_report_update AFTER UPDATE ON events_report REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION events_search_report();
DROP TRIGGER IF EXISTS events_search_report_delete ON events_report;
CREATE TRIGGER events_search_report_delete AFTER DELETE ON events_report REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION events_search_report();
DROP TRIGGER IF EXISTS events_search_bulletin_update ON events_bulletin;
CREATE TRIGGER events_search_bulletin_update AFTER UPDATE ON events_bulletin REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION events_search_bulletin();

-- ?q=: WHERE document @@ websearch_to_tsquery('english', …).
CREATE INDEX IF NOT EXISTS incident_search_document_gin ON events_incidentsearch USING gin (document);
'''

DROP_TRIGGERS = r'''
DROP TRIGGER IF EXISTS events_search_insert ON events_incident;
DROP TRIGGER IF EXISTS events_search_update ON events_incident;
DROP TRIGGER IF EXISTS events_search_delete ON events_incident;
DROP TRIGGER IF EXISTS events_search_report_insert ON events_report;
DROP TRIGGER IF EXISTS events_search_report_update ON events_report;
DROP TRIGGER IF EXISTS events_search_report_delete ON events_report;
DROP TRIGGER IF EXISTS events_search_bulletin_update ON events_bulletin;
DROP FUNCTION IF EXISTS events_search_incident();
DROP FUNCTION IF EXISTS events_search_report();
DROP FUNCTION IF EXISTS events_search_bulletin();
DROP FUNCTION IF EXISTS events_search_refresh(bigint[]);
DROP INDEX IF EXISTS incident_search_document_gin;
'''

FILL = r'''
INSERT INTO events_incidentsearch (incident_id, latitude, longitude, month, killed, published, document)
SELECT id, latitude, longitude, date_trunc('month', date::timestamp)::date, killed_total_best, status <> 'rejected' AND NOT aggregate, to_tsvector('english', concat_ws(' ',
    (SELECT string_agg(concat_ws(' ', b.title, b.text), ' ') FROM events_bulletin AS b
     WHERE b.id IN (SELECT r.bulletin_id FROM events_report AS r
                    WHERE r.incident_id = i.id)),
    (SELECT string_agg(r.headline, ' ') FROM events_report AS r
     WHERE r.incident_id = i.id)))
FROM events_incident AS i
'''

PUBLISHED = """
UPDATE events_incidentsearch AS s SET published = %s
FROM events_incident AS i
WHERE i.id = s.incident_id AND s.published IS DISTINCT FROM (%s)
"""


def install(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(TRIGGERS)
    published = "i.status <> 'rejected' AND NOT i.aggregate"
    schema_editor.execute(PUBLISHED % (published, published))


def remove(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(import_module("events.migrations.0013_incident_search").TRIGGERS)
    schema_editor.execute(PUBLISHED % ("i.status <> 'rejected'", "i.status <> 'rejected'"))


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0029_summary_without_aggregates'),
    ]

    operations = [
        migrations.RunPython(install, remove),
    ]
