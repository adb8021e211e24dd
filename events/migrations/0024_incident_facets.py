"""IncidentFacets: incidents of every status counted by point, month, governorate, district,
type, groups, status, source and toll, kept by triggers on PostgreSQL (events/counts/facets.py),
so that a review status, a source or a minimum toll is counted from a summary too."""


import django.db.models.deletion
from django.db import migrations, models

TABLE = 'events_incidentfacets'
# One settled row per key (the unique index facets_settled_key).
KEY = ['latitude', 'longitude', 'month', 'governorate_id', 'district_id', 'event_type', 'perpetrator_groups', 'status', 'source', 'killed_capped']
TRIGGERS = r'''
CREATE OR REPLACE FUNCTION events_facets_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO events_incidentfacets (latitude, longitude, month, governorate_id, district_id, event_type, perpetrator_groups, status, source, killed_capped, incidents, killed, pending)
        SELECT latitude, longitude, date_trunc('month', date::timestamp)::date, governorate_id, district_id, event_type, perpetrator_groups, status, source, CASE WHEN killed_total_best IS NULL THEN NULL ELSE least(killed_total_best, 100) END, count(*), coalesce(sum(killed_total_best), 0), true
        FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO events_incidentfacets (latitude, longitude, month, governorate_id, district_id, event_type, perpetrator_groups, status, source, killed_capped, incidents, killed, pending)
        SELECT latitude, longitude, date_trunc('month', date::timestamp)::date, governorate_id, district_id, event_type, perpetrator_groups, status, source, CASE WHEN killed_total_best IS NULL THEN NULL ELSE least(killed_total_best, 100) END, -count(*), -coalesce(sum(killed_total_best), 0), true
        FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10;
    ELSE
        -- Only rows whose key or toll changed: a title edit changes no count.
        INSERT INTO events_incidentfacets (latitude, longitude, month, governorate_id, district_id, event_type, perpetrator_groups, status, source, killed_capped, incidents, killed, pending)
        SELECT latitude, longitude, date_trunc('month', date::timestamp)::date, governorate_id, district_id, event_type, perpetrator_groups, status, source, CASE WHEN killed_total_best IS NULL THEN NULL ELSE least(killed_total_best, 100) END, sum(sign), sum(sign * coalesce(killed_total_best, 0)), true
        FROM (
            SELECT o.*, -1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE o.latitude IS DISTINCT FROM n.latitude OR o.longitude IS DISTINCT FROM n.longitude OR o.date IS DISTINCT FROM n.date OR o.governorate_id IS DISTINCT FROM n.governorate_id OR o.district_id IS DISTINCT FROM n.district_id OR o.event_type IS DISTINCT FROM n.event_type OR o.perpetrator_groups IS DISTINCT FROM n.perpetrator_groups OR o.status IS DISTINCT FROM n.status OR o.source IS DISTINCT FROM n.source OR o.killed_total_best IS DISTINCT FROM n.killed_total_best
            UNION ALL
            SELECT n.*, 1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE o.latitude IS DISTINCT FROM n.latitude OR o.longitude IS DISTINCT FROM n.longitude OR o.date IS DISTINCT FROM n.date OR o.governorate_id IS DISTINCT FROM n.governorate_id OR o.district_id IS DISTINCT FROM n.district_id OR o.event_type IS DISTINCT FROM n.event_type OR o.perpetrator_groups IS DISTINCT FROM n.perpetrator_groups OR o.status IS DISTINCT FROM n.status OR o.source IS DISTINCT FROM n.source OR o.killed_total_best IS DISTINCT FROM n.killed_total_best
        ) AS changed
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
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
CREATE UNIQUE INDEX IF NOT EXISTS facets_settled_key ON events_incidentfacets (latitude, longitude, month, governorate_id, district_id, event_type, perpetrator_groups, status, source, killed_capped)
    NULLS NOT DISTINCT WHERE NOT pending;
'''

DROP_TRIGGERS = r'''
DROP TRIGGER IF EXISTS events_facets_insert ON events_incident;
DROP TRIGGER IF EXISTS events_facets_update ON events_incident;
DROP TRIGGER IF EXISTS events_facets_delete ON events_incident;
DROP FUNCTION IF EXISTS events_facets_change();
DROP INDEX IF EXISTS facets_settled_key;
'''

FILL = r'''INSERT INTO events_incidentfacets (latitude, longitude, month, governorate_id, district_id, event_type, perpetrator_groups, status, source, killed_capped, incidents, killed, pending) SELECT latitude, longitude, date_trunc('month', date::timestamp)::date, governorate_id, district_id, event_type, perpetrator_groups, status, source, CASE WHEN killed_total_best IS NULL THEN NULL ELSE least(killed_total_best, 100) END, count(*), coalesce(sum(killed_total_best), 0), false FROM events_incident GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10'''


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
        ('events', '0023_incident_period_index'),
    ]

    operations = [
        migrations.CreateModel(
            name='IncidentFacets',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('latitude', models.FloatField(null=True)),
                ('longitude', models.FloatField(null=True)),
                ('month', models.DateField(null=True)),
                ('event_type', models.CharField(max_length=20)),
                ('perpetrator_groups', models.CharField(blank=True, max_length=400)),
                ('status', models.CharField(max_length=10)),
                ('source', models.CharField(max_length=10)),
                ('killed_capped', models.IntegerField(null=True)),
                ('incidents', models.IntegerField()),
                ('killed', models.BigIntegerField()),
                ('pending', models.BooleanField(default=True)),
                ('district', models.ForeignKey(db_constraint=False, db_index=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='events.district')),
                ('governorate', models.ForeignKey(db_constraint=False, db_index=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='events.governorate')),
            ],
            options={
                'indexes': [models.Index(fields=['latitude', 'longitude'], name='facets_location_idx'), models.Index(fields=['month'], name='facets_month_idx'), models.Index(fields=['governorate'], name='facets_governorate_idx'), models.Index(fields=['district'], name='facets_district_idx'), models.Index(condition=models.Q(('pending', True)), fields=['id'], name='facets_pending_idx')],
            },
        ),
        migrations.RunPython(install, remove),
    ]
