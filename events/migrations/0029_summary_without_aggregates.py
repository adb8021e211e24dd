"""IncidentSummary counts what every page counts by default: published incidents that are
not period or cumulative tolls (Incident.aggregate), which would count twice the incidents
they sum up. Its triggers are replaced and its rows counted afresh."""

from importlib import import_module

from django.db import migrations

TABLE = 'events_incidentsummary'
# One settled row per key (the unique index summary_settled_key).
KEY = ['latitude', 'longitude', 'month', 'governorate_id', 'district_id', 'event_type', 'perpetrator_groups']
TRIGGERS = r'''
CREATE OR REPLACE FUNCTION events_summary_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO events_incidentsummary (latitude, longitude, month, governorate_id, district_id, event_type, perpetrator_groups, incidents, killed, pending)
        SELECT latitude, longitude, date_trunc('month', date::timestamp)::date, governorate_id, district_id, event_type, perpetrator_groups, count(*), coalesce(sum(killed_total_best), 0), true
        FROM new_rows WHERE status <> 'rejected' AND NOT aggregate GROUP BY 1, 2, 3, 4, 5, 6, 7;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO events_incidentsummary (latitude, longitude, month, governorate_id, district_id, event_type, perpetrator_groups, incidents, killed, pending)
        SELECT latitude, longitude, date_trunc('month', date::timestamp)::date, governorate_id, district_id, event_type, perpetrator_groups, -count(*), -coalesce(sum(killed_total_best), 0), true
        FROM old_rows WHERE status <> 'rejected' AND NOT aggregate GROUP BY 1, 2, 3, 4, 5, 6, 7;
    ELSE
        -- Only rows whose key, status, toll or aggregate flag changed: a title edit changes no count.
        INSERT INTO events_incidentsummary (latitude, longitude, month, governorate_id, district_id, event_type, perpetrator_groups, incidents, killed, pending)
        SELECT latitude, longitude, date_trunc('month', date::timestamp)::date, governorate_id, district_id, event_type, perpetrator_groups, sum(sign), sum(sign * coalesce(killed_total_best, 0)), true
        FROM (
            SELECT o.*, -1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE o.latitude IS DISTINCT FROM n.latitude OR o.longitude IS DISTINCT FROM n.longitude OR o.date IS DISTINCT FROM n.date OR o.governorate_id IS DISTINCT FROM n.governorate_id OR o.district_id IS DISTINCT FROM n.district_id OR o.event_type IS DISTINCT FROM n.event_type OR o.perpetrator_groups IS DISTINCT FROM n.perpetrator_groups OR o.status IS DISTINCT FROM n.status OR o.killed_total_best IS DISTINCT FROM n.killed_total_best OR o.aggregate IS DISTINCT FROM n.aggregate
            UNION ALL
            SELECT n.*, 1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE o.latitude IS DISTINCT FROM n.latitude OR o.longitude IS DISTINCT FROM n.longitude OR o.date IS DISTINCT FROM n.date OR o.governorate_id IS DISTINCT FROM n.governorate_id OR o.district_id IS DISTINCT FROM n.district_id OR o.event_type IS DISTINCT FROM n.event_type OR o.perpetrator_groups IS DISTINCT FROM n.perpetrator_groups OR o.status IS DISTINCT FROM n.status OR o.killed_total_best IS DISTINCT FROM n.killed_total_best OR o.aggregate IS DISTINCT FROM n.aggregate
        ) AS changed
        WHERE status <> 'rejected' AND NOT aggregate GROUP BY 1, 2, 3, 4, 5, 6, 7
        HAVING sum(sign) <> 0 OR sum(sign * coalesce(killed_total_best, 0)) <> 0;
    END IF;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS events_summary_insert ON events_incident;
CREATE TRIGGER events_summary_insert AFTER INSERT ON events_incident REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION events_summary_change();
DROP TRIGGER IF EXISTS events_summary_update ON events_incident;
CREATE TRIGGER events_summary_update AFTER UPDATE ON events_incident REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION events_summary_change();
DROP TRIGGER IF EXISTS events_summary_delete ON events_incident;
CREATE TRIGGER events_summary_delete AFTER DELETE ON events_incident REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION events_summary_change();
-- compact()'s ON CONFLICT target: one settled row per key, NULL being a value like any other.
CREATE UNIQUE INDEX IF NOT EXISTS summary_settled_key ON events_incidentsummary (latitude, longitude, month, governorate_id, district_id, event_type, perpetrator_groups)
    NULLS NOT DISTINCT WHERE NOT pending;
'''

DROP_TRIGGERS = r'''
DROP TRIGGER IF EXISTS events_summary_insert ON events_incident;
DROP TRIGGER IF EXISTS events_summary_update ON events_incident;
DROP TRIGGER IF EXISTS events_summary_delete ON events_incident;
DROP FUNCTION IF EXISTS events_summary_change();
DROP INDEX IF EXISTS summary_settled_key;
'''

FILL = r'''INSERT INTO events_incidentsummary (latitude, longitude, month, governorate_id, district_id, event_type, perpetrator_groups, incidents, killed, pending) SELECT latitude, longitude, date_trunc('month', date::timestamp)::date, governorate_id, district_id, event_type, perpetrator_groups, count(*), coalesce(sum(killed_total_best), 0), false FROM events_incident WHERE status <> 'rejected' AND NOT aggregate GROUP BY 1, 2, 3, 4, 5, 6, 7'''


def recount(triggers, fill):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(triggers)
        schema_editor.execute(f"DELETE FROM {TABLE}")
        schema_editor.execute(fill)
        schema_editor.execute(f"ANALYZE {TABLE}")

    return run


def remove(apps, schema_editor):
    before = import_module("events.migrations.0012_incident_summary")
    recount(before.TRIGGERS, before.FILL)(apps, schema_editor)


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0028_facets_aggregate'),
    ]

    operations = [
        migrations.RunPython(recount(TRIGGERS, FILL), remove),
    ]
