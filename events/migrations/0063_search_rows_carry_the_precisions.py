"""The search rows carry their incident's date and location precision: a word with
?date_precision= or ?geo_precision= is then counted on the search rows as a word with a type
is, where it was counted from the incidents (?q=fight&geo_precision=district: 342 ms a page,
495 the overview, at a million incidents). The triggers are 0045's with the two columns."""

from importlib import import_module

from django.db import migrations, models

TABLE = "events_incidentsearch"
# The SQL as events/counts/ reads it from here (events/counts/sql.py): literals, whatever the
# live code says later. 0045's functions, triggers and index, with the two columns.
TRIGGERS = r"""
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
        INSERT INTO events_incidentsearch (incident_id, latitude, longitude, month, killed, published, date, governorate_id, district_id, place_id, event_type, perpetrator_groups, status, source, killed_low, killed_high, civilians, civilians_low, civilians_high, dated_to_day, located_at_place, date_precision, geo_precision)
        SELECT id, latitude, longitude, date_trunc('month', date::timestamp)::date, killed_total_best, status <> 'rejected' AND NOT aggregate, date, governorate_id, district_id, place_id, event_type, perpetrator_groups, status, source, coalesce(killed_total_low, killed_total_best, 0), coalesce(killed_total_high, killed_total_best, 0), coalesce(killed_civilians_best, 0), coalesce(killed_civilians_low, killed_civilians_best, 0), coalesce(killed_civilians_high, killed_civilians_best, 0), CASE WHEN date_precision = 'day' AND date IS NOT NULL THEN 1 ELSE 0 END, CASE WHEN geo_precision = 'place' THEN 1 ELSE 0 END, date_precision, geo_precision FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM events_incidentsearch AS s USING old_rows AS o WHERE s.incident_id = o.id;
    ELSE
        UPDATE events_incidentsearch AS s
        SET latitude = n.latitude, longitude = n.longitude, month = date_trunc('month', n.date::timestamp)::date,
            killed = n.killed_total_best, published = (n.status <> 'rejected' AND NOT n.aggregate),
            date = n.date, governorate_id = n.governorate_id, district_id = n.district_id, place_id = n.place_id, event_type = n.event_type, perpetrator_groups = n.perpetrator_groups, status = n.status, source = n.source,
            killed_low = coalesce(n.killed_total_low, n.killed_total_best, 0), killed_high = coalesce(n.killed_total_high, n.killed_total_best, 0), civilians = coalesce(n.killed_civilians_best, 0), civilians_low = coalesce(n.killed_civilians_low, n.killed_civilians_best, 0), civilians_high = coalesce(n.killed_civilians_high, n.killed_civilians_best, 0), dated_to_day = CASE WHEN n.date_precision = 'day' AND n.date IS NOT NULL THEN 1 ELSE 0 END, located_at_place = CASE WHEN n.geo_precision = 'place' THEN 1 ELSE 0 END, date_precision = n.date_precision, geo_precision = n.geo_precision
        FROM new_rows AS n
        WHERE s.incident_id = n.id
          AND (s.latitude, s.longitude, s.month, s.killed, s.published, s.date, s.governorate_id, s.district_id, s.place_id, s.event_type, s.perpetrator_groups, s.status, s.source, s.killed_low, s.killed_high, s.civilians, s.civilians_low, s.civilians_high, s.dated_to_day, s.located_at_place, s.date_precision, s.geo_precision) IS DISTINCT FROM
              (n.latitude, n.longitude, date_trunc('month', n.date::timestamp)::date, n.killed_total_best, n.status <> 'rejected' AND NOT n.aggregate, n.date, n.governorate_id, n.district_id, n.place_id, n.event_type, n.perpetrator_groups, n.status, n.source, coalesce(n.killed_total_low, n.killed_total_best, 0), coalesce(n.killed_total_high, n.killed_total_best, 0), coalesce(n.killed_civilians_best, 0), coalesce(n.killed_civilians_low, n.killed_civilians_best, 0), coalesce(n.killed_civilians_high, n.killed_civilians_best, 0), CASE WHEN n.date_precision = 'day' AND n.date IS NOT NULL THEN 1 ELSE 0 END, CASE WHEN n.geo_precision = 'place' THEN 1 ELSE 0 END, n.date_precision, n.geo_precision);
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

-- ?q= alone or with a type, a governorate, a district, a source or a status: WHERE document @@
-- websearch_to_tsquery('english', …) AND event_type = … in one scan of one index (btree_gin).
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX IF NOT EXISTS incident_search_gin ON events_incidentsearch
    USING gin (document, event_type, governorate_id, district_id, source, status);
DROP INDEX IF EXISTS incident_search_document_gin;
"""


DROP_TRIGGERS = r"""
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
DROP INDEX IF EXISTS incident_search_gin;
"""


FILL = r"""
INSERT INTO events_incidentsearch (incident_id, latitude, longitude, month, killed, published, date, governorate_id, district_id, place_id, event_type, perpetrator_groups, status, source, killed_low, killed_high, civilians, civilians_low, civilians_high, dated_to_day, located_at_place, date_precision, geo_precision, document)
SELECT id, latitude, longitude, date_trunc('month', date::timestamp)::date, killed_total_best, status <> 'rejected' AND NOT aggregate, date, governorate_id, district_id, place_id, event_type, perpetrator_groups, status, source, coalesce(killed_total_low, killed_total_best, 0), coalesce(killed_total_high, killed_total_best, 0), coalesce(killed_civilians_best, 0), coalesce(killed_civilians_low, killed_civilians_best, 0), coalesce(killed_civilians_high, killed_civilians_best, 0), CASE WHEN date_precision = 'day' AND date IS NOT NULL THEN 1 ELSE 0 END, CASE WHEN geo_precision = 'place' THEN 1 ELSE 0 END, date_precision, geo_precision, to_tsvector('english', concat_ws(' ',
    (SELECT string_agg(concat_ws(' ', b.title, b.text), ' ') FROM events_bulletin AS b
     WHERE b.id IN (SELECT r.bulletin_id FROM events_report AS r
                    WHERE r.incident_id = i.id)),
    (SELECT string_agg(r.headline, ' ') FROM events_report AS r
     WHERE r.incident_id = i.id)))
FROM events_incident AS i
"""


FILL_PRECISION = """
UPDATE events_incidentsearch AS s SET date_precision = i.date_precision,
    geo_precision = i.geo_precision
FROM events_incident AS i WHERE i.id = s.incident_id
"""


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGERS)
        schema_editor.execute(FILL_PRECISION)


def remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # 0045's triggers again, which write no precision
        schema_editor.execute(
            import_module("events.migrations.0045_search_filters_in_the_words_index").TRIGGERS
        )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0062_incident_perpetrator_actors"),
    ]

    operations = [
        migrations.AddField(
            model_name="incidentsearch",
            name="date_precision",
            field=models.CharField(max_length=10, null=True),
        ),
        migrations.AddField(
            model_name="incidentsearch",
            name="geo_precision",
            field=models.CharField(max_length=11, null=True),
        ),
        migrations.RunPython(install, remove),
    ]
