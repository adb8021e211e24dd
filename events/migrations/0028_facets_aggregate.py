"""IncidentFacets counts period and cumulative tolls (Incident.aggregate) apart, so that
every page leaves them out of its counts unless asked (?aggregates=include or only), and
counts incidents merged into another under the status 'merged', so that ?status=rejected and
?status=merged are answered from it too. Partial indexes find the aggregates (a few in a
hundred) for the pages' note of those left out. Its triggers are replaced and its rows counted
afresh (events/counts/facets.py reads them)."""

from importlib import import_module

from django.db import migrations, models

TABLE = 'events_incidentfacets'
# One settled row per key (the unique index facets_settled_key).
KEY = ['latitude', 'longitude', 'month', 'governorate_id', 'district_id', 'event_type', 'perpetrator_groups', 'status', 'source', 'killed_capped', 'aggregate']
TRIGGERS = r'''
CREATE OR REPLACE FUNCTION events_facets_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO events_incidentfacets (latitude, longitude, month, governorate_id, district_id, event_type, perpetrator_groups, status, source, killed_capped, aggregate, incidents, killed, pending)
        SELECT latitude, longitude, date_trunc('month', date::timestamp)::date, governorate_id, district_id, event_type, perpetrator_groups, CASE WHEN merged_into_id IS NULL THEN status ELSE 'merged' END, source, CASE WHEN killed_total_best IS NULL THEN NULL ELSE least(killed_total_best, 100) END, aggregate, count(*), coalesce(sum(killed_total_best), 0), true
        FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO events_incidentfacets (latitude, longitude, month, governorate_id, district_id, event_type, perpetrator_groups, status, source, killed_capped, aggregate, incidents, killed, pending)
        SELECT latitude, longitude, date_trunc('month', date::timestamp)::date, governorate_id, district_id, event_type, perpetrator_groups, CASE WHEN merged_into_id IS NULL THEN status ELSE 'merged' END, source, CASE WHEN killed_total_best IS NULL THEN NULL ELSE least(killed_total_best, 100) END, aggregate, -count(*), -coalesce(sum(killed_total_best), 0), true
        FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11;
    ELSE
        -- Only rows whose key or toll changed (a merge or its undo changes the status counted): a title edit changes no count.
        INSERT INTO events_incidentfacets (latitude, longitude, month, governorate_id, district_id, event_type, perpetrator_groups, status, source, killed_capped, aggregate, incidents, killed, pending)
        SELECT latitude, longitude, date_trunc('month', date::timestamp)::date, governorate_id, district_id, event_type, perpetrator_groups, CASE WHEN merged_into_id IS NULL THEN status ELSE 'merged' END, source, CASE WHEN killed_total_best IS NULL THEN NULL ELSE least(killed_total_best, 100) END, aggregate, sum(sign), sum(sign * coalesce(killed_total_best, 0)), true
        FROM (
            SELECT o.*, -1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE o.latitude IS DISTINCT FROM n.latitude OR o.longitude IS DISTINCT FROM n.longitude OR o.date IS DISTINCT FROM n.date OR o.governorate_id IS DISTINCT FROM n.governorate_id OR o.district_id IS DISTINCT FROM n.district_id OR o.event_type IS DISTINCT FROM n.event_type OR o.perpetrator_groups IS DISTINCT FROM n.perpetrator_groups OR o.status IS DISTINCT FROM n.status OR o.source IS DISTINCT FROM n.source OR o.killed_total_best IS DISTINCT FROM n.killed_total_best OR o.merged_into_id IS DISTINCT FROM n.merged_into_id OR o.aggregate IS DISTINCT FROM n.aggregate
            UNION ALL
            SELECT n.*, 1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE o.latitude IS DISTINCT FROM n.latitude OR o.longitude IS DISTINCT FROM n.longitude OR o.date IS DISTINCT FROM n.date OR o.governorate_id IS DISTINCT FROM n.governorate_id OR o.district_id IS DISTINCT FROM n.district_id OR o.event_type IS DISTINCT FROM n.event_type OR o.perpetrator_groups IS DISTINCT FROM n.perpetrator_groups OR o.status IS DISTINCT FROM n.status OR o.source IS DISTINCT FROM n.source OR o.killed_total_best IS DISTINCT FROM n.killed_total_best OR o.merged_into_id IS DISTINCT FROM n.merged_into_id OR o.aggregate IS DISTINCT FROM n.aggregate
        ) AS changed
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
        HAVING sum(sign) <> 0 OR sum(sign * coalesce(killed_total_best, 0)) <> 0;
    END IF;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS events_facets_insert ON events_incident;
CREATE TRIGGER events_facets_insert AFTER INSERT ON events_incident REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION events_facets_change();
DROP TRIGGER IF EXISTS events_facets_update ON events_incident;
CREATE TRIGGER events_facets_update AFTER UPDATE ON events_incident REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION events_facets_change();
DROP TRIGGER IF EXISTS events_facets_delete ON events_incident;
CREATE TRIGGER events_facets_delete AFTER DELETE ON events_incident REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION events_facets_change();
-- compact()'s ON CONFLICT target: one settled row per key, NULL being a value like any other.
CREATE UNIQUE INDEX IF NOT EXISTS facets_settled_key ON events_incidentfacets (latitude, longitude, month, governorate_id, district_id, event_type, perpetrator_groups, status, source, killed_capped, aggregate)
    NULLS NOT DISTINCT WHERE NOT pending;
'''

DROP_TRIGGERS = r'''
DROP TRIGGER IF EXISTS events_facets_insert ON events_incident;
DROP TRIGGER IF EXISTS events_facets_update ON events_incident;
DROP TRIGGER IF EXISTS events_facets_delete ON events_incident;
DROP FUNCTION IF EXISTS events_facets_change();
DROP INDEX IF EXISTS facets_settled_key;
'''

FILL = r'''INSERT INTO events_incidentfacets (latitude, longitude, month, governorate_id, district_id, event_type, perpetrator_groups, status, source, killed_capped, aggregate, incidents, killed, pending) SELECT latitude, longitude, date_trunc('month', date::timestamp)::date, governorate_id, district_id, event_type, perpetrator_groups, CASE WHEN merged_into_id IS NULL THEN status ELSE 'merged' END, source, CASE WHEN killed_total_best IS NULL THEN NULL ELSE least(killed_total_best, 100) END, aggregate, count(*), coalesce(sum(killed_total_best), 0), false FROM events_incident GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11'''


def install(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS facets_settled_key")  # made again with its key
    schema_editor.execute(TRIGGERS)
    schema_editor.execute(f"DELETE FROM {TABLE}")
    schema_editor.execute(FILL)
    schema_editor.execute(f"ANALYZE {TABLE}")


def remove(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    before = import_module("events.migrations.0024_incident_facets")
    schema_editor.execute("DROP INDEX IF EXISTS facets_settled_key")
    schema_editor.execute(before.TRIGGERS)
    schema_editor.execute(f"DELETE FROM {TABLE}")
    schema_editor.execute(before.FILL)


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0027_tally_filter_indexes'),
    ]

    operations = [
        migrations.AddField(
            model_name='incidentfacets',
            name='aggregate',
            field=models.BooleanField(db_default=False),
        ),
        migrations.AddIndex(
            model_name='incidentfacets',
            index=models.Index(condition=models.Q(('aggregate', True)), fields=['month'], name='facets_aggregate_idx'),
        ),
        migrations.AddIndex(
            model_name='incident',
            index=models.Index(condition=models.Q(('aggregate', True)), fields=['-date', '-id'], name='incident_aggregate_idx'),
        ),
        migrations.RunPython(install, remove),
    ]
