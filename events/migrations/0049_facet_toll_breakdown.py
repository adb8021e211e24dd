"""IncidentFacetTollBreakdown: incidents of every status counted as IncidentTollBreakdown counts
the published ones, and by review status (merged-away incidents as 'merged'), source and
aggregate, kept by triggers on PostgreSQL (events/counts/facet_toll_breakdowns.py): a minimum
toll with a status or a source was added up from IncidentFacets, of whose 355,000 rows at a
million incidents "verified" with "3 or more killed" matches 110,000; this table holds about
196,000 in all, of which that filter matches 68,000."""

import django.db.models.deletion
from django.db import migrations, models

# The SQL as events/counts/ reads it from here (events/counts/sql.py): literals, whatever the
# live code says later.
TABLE = "events_incidentfacettollbreakdown"
# What each row counts, added up by compact() and by readers.
MEASURES = [
    "incidents",
    "killed",
    "killed_low",
    "killed_high",
    "civilians",
    "civilians_low",
    "civilians_high",
    "dated_to_day",
    "located_at_place",
]
# One settled row per key (the unique index facet_toll_breakdown_settled_key).
KEY = [
    "month",
    "governorate_id",
    "event_type",
    "perpetrator_groups",
    "status",
    "source",
    "aggregate",
    "killed_capped",
]
TRIGGERS = r"""
CREATE OR REPLACE FUNCTION events_facet_toll_breakdown_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO events_incidentfacettollbreakdown (month, governorate_id, event_type, perpetrator_groups, status, source, aggregate, killed_capped, incidents, killed, killed_low, killed_high, civilians, civilians_low, civilians_high, dated_to_day, located_at_place, pending)
        SELECT date_trunc('month', date::timestamp)::date, governorate_id, event_type, perpetrator_groups, CASE WHEN merged_into_id IS NULL THEN status ELSE 'merged' END, source, aggregate, CASE WHEN killed_total_best IS NULL THEN NULL ELSE least(killed_total_best, 100) END, sum(1), sum(coalesce(killed_total_best, 0)), sum(coalesce(killed_total_low, killed_total_best, 0)), sum(coalesce(killed_total_high, killed_total_best, 0)), sum(coalesce(killed_civilians_best, 0)), sum(coalesce(killed_civilians_low, killed_civilians_best, 0)), sum(coalesce(killed_civilians_high, killed_civilians_best, 0)), sum(CASE WHEN date_precision = 'day' AND date IS NOT NULL THEN 1 ELSE 0 END), sum(CASE WHEN geo_precision = 'place' THEN 1 ELSE 0 END), true
        FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO events_incidentfacettollbreakdown (month, governorate_id, event_type, perpetrator_groups, status, source, aggregate, killed_capped, incidents, killed, killed_low, killed_high, civilians, civilians_low, civilians_high, dated_to_day, located_at_place, pending)
        SELECT date_trunc('month', date::timestamp)::date, governorate_id, event_type, perpetrator_groups, CASE WHEN merged_into_id IS NULL THEN status ELSE 'merged' END, source, aggregate, CASE WHEN killed_total_best IS NULL THEN NULL ELSE least(killed_total_best, 100) END, -sum(1), -sum(coalesce(killed_total_best, 0)), -sum(coalesce(killed_total_low, killed_total_best, 0)), -sum(coalesce(killed_total_high, killed_total_best, 0)), -sum(coalesce(killed_civilians_best, 0)), -sum(coalesce(killed_civilians_low, killed_civilians_best, 0)), -sum(coalesce(killed_civilians_high, killed_civilians_best, 0)), -sum(CASE WHEN date_precision = 'day' AND date IS NOT NULL THEN 1 ELSE 0 END), -sum(CASE WHEN geo_precision = 'place' THEN 1 ELSE 0 END), true
        FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
    ELSE
        -- Only rows whose key or figures changed: a title edit changes no count.
        INSERT INTO events_incidentfacettollbreakdown (month, governorate_id, event_type, perpetrator_groups, status, source, aggregate, killed_capped, incidents, killed, killed_low, killed_high, civilians, civilians_low, civilians_high, dated_to_day, located_at_place, pending)
        SELECT date_trunc('month', date::timestamp)::date, governorate_id, event_type, perpetrator_groups, CASE WHEN merged_into_id IS NULL THEN status ELSE 'merged' END, source, aggregate, CASE WHEN killed_total_best IS NULL THEN NULL ELSE least(killed_total_best, 100) END, sum(sign * 1), sum(sign * coalesce(killed_total_best, 0)), sum(sign * coalesce(killed_total_low, killed_total_best, 0)), sum(sign * coalesce(killed_total_high, killed_total_best, 0)), sum(sign * coalesce(killed_civilians_best, 0)), sum(sign * coalesce(killed_civilians_low, killed_civilians_best, 0)), sum(sign * coalesce(killed_civilians_high, killed_civilians_best, 0)), sum(sign * CASE WHEN date_precision = 'day' AND date IS NOT NULL THEN 1 ELSE 0 END), sum(sign * CASE WHEN geo_precision = 'place' THEN 1 ELSE 0 END), true
        FROM (
            SELECT o.*, -1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE o.date IS DISTINCT FROM n.date OR o.governorate_id IS DISTINCT FROM n.governorate_id OR o.event_type IS DISTINCT FROM n.event_type OR o.perpetrator_groups IS DISTINCT FROM n.perpetrator_groups OR o.status IS DISTINCT FROM n.status OR o.killed_total_low IS DISTINCT FROM n.killed_total_low OR o.killed_total_best IS DISTINCT FROM n.killed_total_best OR o.killed_total_high IS DISTINCT FROM n.killed_total_high OR o.killed_civilians_low IS DISTINCT FROM n.killed_civilians_low OR o.killed_civilians_best IS DISTINCT FROM n.killed_civilians_best OR o.killed_civilians_high IS DISTINCT FROM n.killed_civilians_high OR o.date_precision IS DISTINCT FROM n.date_precision OR o.geo_precision IS DISTINCT FROM n.geo_precision OR o.aggregate IS DISTINCT FROM n.aggregate OR o.source IS DISTINCT FROM n.source OR o.merged_into_id IS DISTINCT FROM n.merged_into_id
            UNION ALL
            SELECT n.*, 1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE o.date IS DISTINCT FROM n.date OR o.governorate_id IS DISTINCT FROM n.governorate_id OR o.event_type IS DISTINCT FROM n.event_type OR o.perpetrator_groups IS DISTINCT FROM n.perpetrator_groups OR o.status IS DISTINCT FROM n.status OR o.killed_total_low IS DISTINCT FROM n.killed_total_low OR o.killed_total_best IS DISTINCT FROM n.killed_total_best OR o.killed_total_high IS DISTINCT FROM n.killed_total_high OR o.killed_civilians_low IS DISTINCT FROM n.killed_civilians_low OR o.killed_civilians_best IS DISTINCT FROM n.killed_civilians_best OR o.killed_civilians_high IS DISTINCT FROM n.killed_civilians_high OR o.date_precision IS DISTINCT FROM n.date_precision OR o.geo_precision IS DISTINCT FROM n.geo_precision OR o.aggregate IS DISTINCT FROM n.aggregate OR o.source IS DISTINCT FROM n.source OR o.merged_into_id IS DISTINCT FROM n.merged_into_id
        ) AS changed
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
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
CREATE UNIQUE INDEX IF NOT EXISTS facet_toll_breakdown_settled_key ON events_incidentfacettollbreakdown (month, governorate_id, event_type, perpetrator_groups, status, source, aggregate, killed_capped)
    NULLS NOT DISTINCT WHERE NOT pending;
"""
FILL = r"""INSERT INTO events_incidentfacettollbreakdown (month, governorate_id, event_type, perpetrator_groups, status, source, aggregate, killed_capped, incidents, killed, killed_low, killed_high, civilians, civilians_low, civilians_high, dated_to_day, located_at_place, pending) SELECT date_trunc('month', date::timestamp)::date, governorate_id, event_type, perpetrator_groups, CASE WHEN merged_into_id IS NULL THEN status ELSE 'merged' END, source, aggregate, CASE WHEN killed_total_best IS NULL THEN NULL ELSE least(killed_total_best, 100) END, sum(1), sum(coalesce(killed_total_best, 0)), sum(coalesce(killed_total_low, killed_total_best, 0)), sum(coalesce(killed_total_high, killed_total_best, 0)), sum(coalesce(killed_civilians_best, 0)), sum(coalesce(killed_civilians_low, killed_civilians_best, 0)), sum(coalesce(killed_civilians_high, killed_civilians_best, 0)), sum(CASE WHEN date_precision = 'day' AND date IS NOT NULL THEN 1 ELSE 0 END), sum(CASE WHEN geo_precision = 'place' THEN 1 ELSE 0 END), false FROM events_incident GROUP BY 1, 2, 3, 4, 5, 6, 7, 8"""


DROP_TRIGGERS = r"""
DROP TRIGGER IF EXISTS events_facet_toll_breakdown_insert ON events_incident;
DROP TRIGGER IF EXISTS events_facet_toll_breakdown_update ON events_incident;
DROP TRIGGER IF EXISTS events_facet_toll_breakdown_delete ON events_incident;
DROP FUNCTION IF EXISTS events_facet_toll_breakdown_change();
DROP INDEX IF EXISTS facet_toll_breakdown_settled_key;
"""


def install(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("LOCK TABLE events_incident IN SHARE MODE")
    schema_editor.execute(TRIGGERS)
    schema_editor.execute(FILL)
    schema_editor.execute(f"ANALYZE {TABLE}")


def remove(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(DROP_TRIGGERS)


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0048_merged_away_incidents_stay_rejected'),
    ]

    operations = [
        migrations.CreateModel(
            name='IncidentFacetTollBreakdown',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('incidents', models.IntegerField()),
                ('killed', models.BigIntegerField()),
                ('killed_low', models.BigIntegerField()),
                ('killed_high', models.BigIntegerField()),
                ('civilians', models.BigIntegerField()),
                ('civilians_low', models.BigIntegerField()),
                ('civilians_high', models.BigIntegerField()),
                ('dated_to_day', models.IntegerField()),
                ('located_at_place', models.IntegerField()),
                ('pending', models.BooleanField(default=True)),
                ('month', models.DateField(null=True)),
                ('event_type', models.CharField(max_length=20)),
                ('perpetrator_groups', models.CharField(blank=True, max_length=400)),
                ('status', models.CharField(max_length=10)),
                ('source', models.CharField(max_length=10)),
                ('aggregate', models.BooleanField()),
                ('killed_capped', models.IntegerField(null=True)),
                ('governorate', models.ForeignKey(db_constraint=False, db_index=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='events.governorate')),
            ],
            options={
                'indexes': [models.Index(fields=['status', 'killed_capped'], name='facet_toll_status_idx'), models.Index(fields=['source', 'killed_capped'], name='facet_toll_source_idx'), models.Index(fields=['month'], name='facet_toll_month_idx'), models.Index(condition=models.Q(('pending', True)), fields=['id'], name='facet_toll_pend_idx')],
            },
        ),
        migrations.RunPython(install, remove),
    ]
