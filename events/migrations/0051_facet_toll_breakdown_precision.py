"""IncidentFacetTollBreakdown by date and location precision too: a minimum toll with a
precision ("?min_killed=2&geo_precision=place") was counted from the incidents themselves, the
overview 540 ms and the histogram 260 ms at a million incidents; the precisions add about 12%
to the table's rows (219,000 where it had 196,000). The triggers of migration 0049 are
replaced by these, which key the rows by the two precisions as well, and the table refilled.
(events/counts/facet_toll_breakdowns.py)"""

from importlib import import_module

from django.db import migrations, models

# The SQL as events/counts/ reads it from here (events/counts/sql.py): literals, whatever the
# live code says later.
TABLE = "events_incidentfacettollbreakdown"
# What each row counts, added up by compact() and by readers.
MEASURES = ['incidents', 'killed', 'killed_low', 'killed_high', 'civilians', 'civilians_low', 'civilians_high', 'dated_to_day', 'located_at_place']
# One settled row per key (the unique index facet_toll_breakdown_settled_key).
KEY = ['month', 'governorate_id', 'event_type', 'perpetrator_groups', 'status', 'source', 'aggregate', 'killed_capped', 'date_precision', 'geo_precision']
TRIGGERS = r"""
CREATE OR REPLACE FUNCTION events_facet_toll_breakdown_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO events_incidentfacettollbreakdown (month, governorate_id, event_type, perpetrator_groups, status, source, aggregate, killed_capped, date_precision, geo_precision, incidents, killed, killed_low, killed_high, civilians, civilians_low, civilians_high, dated_to_day, located_at_place, pending)
        SELECT date_trunc('month', date::timestamp)::date, governorate_id, event_type, perpetrator_groups, CASE WHEN merged_into_id IS NULL THEN status ELSE 'merged' END, source, aggregate, CASE WHEN killed_total_best IS NULL THEN NULL ELSE least(killed_total_best, 100) END, date_precision, geo_precision, sum(1), sum(coalesce(killed_total_best, 0)), sum(coalesce(killed_total_low, killed_total_best, 0)), sum(coalesce(killed_total_high, killed_total_best, 0)), sum(coalesce(killed_civilians_best, 0)), sum(coalesce(killed_civilians_low, killed_civilians_best, 0)), sum(coalesce(killed_civilians_high, killed_civilians_best, 0)), sum(CASE WHEN date_precision = 'day' AND date IS NOT NULL THEN 1 ELSE 0 END), sum(CASE WHEN geo_precision = 'place' THEN 1 ELSE 0 END), true
        FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO events_incidentfacettollbreakdown (month, governorate_id, event_type, perpetrator_groups, status, source, aggregate, killed_capped, date_precision, geo_precision, incidents, killed, killed_low, killed_high, civilians, civilians_low, civilians_high, dated_to_day, located_at_place, pending)
        SELECT date_trunc('month', date::timestamp)::date, governorate_id, event_type, perpetrator_groups, CASE WHEN merged_into_id IS NULL THEN status ELSE 'merged' END, source, aggregate, CASE WHEN killed_total_best IS NULL THEN NULL ELSE least(killed_total_best, 100) END, date_precision, geo_precision, -sum(1), -sum(coalesce(killed_total_best, 0)), -sum(coalesce(killed_total_low, killed_total_best, 0)), -sum(coalesce(killed_total_high, killed_total_best, 0)), -sum(coalesce(killed_civilians_best, 0)), -sum(coalesce(killed_civilians_low, killed_civilians_best, 0)), -sum(coalesce(killed_civilians_high, killed_civilians_best, 0)), -sum(CASE WHEN date_precision = 'day' AND date IS NOT NULL THEN 1 ELSE 0 END), -sum(CASE WHEN geo_precision = 'place' THEN 1 ELSE 0 END), true
        FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
    ELSE
        -- Only rows whose key or figures changed: a title edit changes no count.
        INSERT INTO events_incidentfacettollbreakdown (month, governorate_id, event_type, perpetrator_groups, status, source, aggregate, killed_capped, date_precision, geo_precision, incidents, killed, killed_low, killed_high, civilians, civilians_low, civilians_high, dated_to_day, located_at_place, pending)
        SELECT date_trunc('month', date::timestamp)::date, governorate_id, event_type, perpetrator_groups, CASE WHEN merged_into_id IS NULL THEN status ELSE 'merged' END, source, aggregate, CASE WHEN killed_total_best IS NULL THEN NULL ELSE least(killed_total_best, 100) END, date_precision, geo_precision, sum(sign * 1), sum(sign * coalesce(killed_total_best, 0)), sum(sign * coalesce(killed_total_low, killed_total_best, 0)), sum(sign * coalesce(killed_total_high, killed_total_best, 0)), sum(sign * coalesce(killed_civilians_best, 0)), sum(sign * coalesce(killed_civilians_low, killed_civilians_best, 0)), sum(sign * coalesce(killed_civilians_high, killed_civilians_best, 0)), sum(sign * CASE WHEN date_precision = 'day' AND date IS NOT NULL THEN 1 ELSE 0 END), sum(sign * CASE WHEN geo_precision = 'place' THEN 1 ELSE 0 END), true
        FROM (
            SELECT o.*, -1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE o.date IS DISTINCT FROM n.date OR o.governorate_id IS DISTINCT FROM n.governorate_id OR o.event_type IS DISTINCT FROM n.event_type OR o.perpetrator_groups IS DISTINCT FROM n.perpetrator_groups OR o.status IS DISTINCT FROM n.status OR o.killed_total_low IS DISTINCT FROM n.killed_total_low OR o.killed_total_best IS DISTINCT FROM n.killed_total_best OR o.killed_total_high IS DISTINCT FROM n.killed_total_high OR o.killed_civilians_low IS DISTINCT FROM n.killed_civilians_low OR o.killed_civilians_best IS DISTINCT FROM n.killed_civilians_best OR o.killed_civilians_high IS DISTINCT FROM n.killed_civilians_high OR o.date_precision IS DISTINCT FROM n.date_precision OR o.geo_precision IS DISTINCT FROM n.geo_precision OR o.aggregate IS DISTINCT FROM n.aggregate OR o.source IS DISTINCT FROM n.source OR o.merged_into_id IS DISTINCT FROM n.merged_into_id
            UNION ALL
            SELECT n.*, 1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE o.date IS DISTINCT FROM n.date OR o.governorate_id IS DISTINCT FROM n.governorate_id OR o.event_type IS DISTINCT FROM n.event_type OR o.perpetrator_groups IS DISTINCT FROM n.perpetrator_groups OR o.status IS DISTINCT FROM n.status OR o.killed_total_low IS DISTINCT FROM n.killed_total_low OR o.killed_total_best IS DISTINCT FROM n.killed_total_best OR o.killed_total_high IS DISTINCT FROM n.killed_total_high OR o.killed_civilians_low IS DISTINCT FROM n.killed_civilians_low OR o.killed_civilians_best IS DISTINCT FROM n.killed_civilians_best OR o.killed_civilians_high IS DISTINCT FROM n.killed_civilians_high OR o.date_precision IS DISTINCT FROM n.date_precision OR o.geo_precision IS DISTINCT FROM n.geo_precision OR o.aggregate IS DISTINCT FROM n.aggregate OR o.source IS DISTINCT FROM n.source OR o.merged_into_id IS DISTINCT FROM n.merged_into_id
        ) AS changed
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
        HAVING sum(sign * 1) <> 0 OR sum(sign * coalesce(killed_total_best, 0)) <> 0 OR sum(sign * coalesce(killed_total_low, killed_total_best, 0)) <> 0 OR sum(sign * coalesce(killed_total_high, killed_total_best, 0)) <> 0 OR sum(sign * coalesce(killed_civilians_best, 0)) <> 0 OR sum(sign * coalesce(killed_civilians_low, killed_civilians_best, 0)) <> 0 OR sum(sign * coalesce(killed_civilians_high, killed_civilians_best, 0)) <> 0 OR sum(sign * CASE WHEN date_precision = 'day' AND date IS NOT NULL THEN 1 ELSE 0 END) <> 0 OR sum(sign * CASE WHEN geo_precision = 'place' THEN 1 ELSE 0 END) <> 0;
    END IF;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS events_facet_toll_breakdown_insert ON events_incident;
CREATE TRIGGER events_facet_toll_breakdown_insert AFTER INSERT ON events_incident REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION events_facet_toll_breakdown_change();
DROP TRIGGER IF EXISTS events_facet_toll_breakdown_update ON events_incident;
CREATE TRIGGER events_facet_toll_breakdown_update AFTER UPDATE ON events_incident REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION events_facet_toll_breakdown_change();
DROP TRIGGER IF EXISTS events_facet_toll_breakdown_delete ON events_incident;
CREATE TRIGGER events_facet_toll_breakdown_delete AFTER DELETE ON events_incident REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION events_facet_toll_breakdown_change();
-- compact()'s ON CONFLICT target: one settled row per key, NULL being a value like any other.
CREATE UNIQUE INDEX IF NOT EXISTS facet_toll_breakdown_settled_key ON events_incidentfacettollbreakdown (month, governorate_id, event_type, perpetrator_groups, status, source, aggregate, killed_capped, date_precision, geo_precision)
    NULLS NOT DISTINCT WHERE NOT pending;
"""
FILL = r"""INSERT INTO events_incidentfacettollbreakdown (month, governorate_id, event_type, perpetrator_groups, status, source, aggregate, killed_capped, date_precision, geo_precision, incidents, killed, killed_low, killed_high, civilians, civilians_low, civilians_high, dated_to_day, located_at_place, pending) SELECT date_trunc('month', date::timestamp)::date, governorate_id, event_type, perpetrator_groups, CASE WHEN merged_into_id IS NULL THEN status ELSE 'merged' END, source, aggregate, CASE WHEN killed_total_best IS NULL THEN NULL ELSE least(killed_total_best, 100) END, date_precision, geo_precision, sum(1), sum(coalesce(killed_total_best, 0)), sum(coalesce(killed_total_low, killed_total_best, 0)), sum(coalesce(killed_total_high, killed_total_best, 0)), sum(coalesce(killed_civilians_best, 0)), sum(coalesce(killed_civilians_low, killed_civilians_best, 0)), sum(coalesce(killed_civilians_high, killed_civilians_best, 0)), sum(CASE WHEN date_precision = 'day' AND date IS NOT NULL THEN 1 ELSE 0 END), sum(CASE WHEN geo_precision = 'place' THEN 1 ELSE 0 END), false FROM events_incident GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10"""

# Migration 0049's SQL, to go back to (literals frozen there as these are here).
PREVIOUS = import_module("events.migrations.0049_facet_toll_breakdown")
DROP_TRIGGERS = PREVIOUS.DROP_TRIGGERS  # (the same triggers, function and index names)


def lock(apps, schema_editor):
    # The incidents first, whichever way: a writer's trigger writes the counting table, so
    # locking the counting table first (to add or drop its columns) and the incidents second
    # could deadlock with it.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("LOCK TABLE events_incident IN SHARE MODE")


def _refill(schema_editor, triggers, fill):
    schema_editor.execute("LOCK TABLE events_incident IN SHARE MODE")
    schema_editor.execute(DROP_TRIGGERS)
    schema_editor.execute(f"TRUNCATE {TABLE}")
    schema_editor.execute(triggers)
    schema_editor.execute(fill)
    schema_editor.execute(f"ANALYZE {TABLE}")


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        _refill(schema_editor, TRIGGERS, FILL)


def restore(apps, schema_editor):
    # (backwards, once the precision columns are gone: 0049's triggers and rows)
    if schema_editor.connection.vendor == "postgresql":
        _refill(schema_editor, PREVIOUS.TRIGGERS, PREVIOUS.FILL)


class Migration(migrations.Migration):

    dependencies = [
        ("events", "0050_report_version"),
    ]

    operations = [
        migrations.RunPython(lock, restore),
        migrations.AddField(
            model_name="incidentfacettollbreakdown",
            name="date_precision",
            field=models.CharField(default="", max_length=10),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="incidentfacettollbreakdown",
            name="geo_precision",
            field=models.CharField(default="", max_length=11),
            preserve_default=False,
        ),
        migrations.RunPython(install, lock),
    ]
