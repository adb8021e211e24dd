"""Incident.perpetrator_groups (every group an incident is put down to, on the row) and
IncidentSummary, the map's and histogram's counts, kept by triggers on PostgreSQL."""

import django.db.models.deletion
from django.db import migrations, models

# Groups of the most likely perpetrator and of every perpetrator, as ",a,b," (see groups_key).
GROUPS_SQL = """
UPDATE events_incident AS i SET perpetrator_groups = g.key
FROM (
    SELECT id, ',' || string_agg(DISTINCT grp, ',' ORDER BY grp) || ',' AS key
    FROM (
        SELECT id, perpetrator_group AS grp FROM events_incident WHERE perpetrator_group <> ''
        UNION ALL
        SELECT p.incident_id, a."group" FROM events_incident_perpetrators AS p
        JOIN events_actor AS a ON a.id = p.actor_id WHERE a."group" <> ''
    ) AS groups
    GROUP BY id
) AS g
WHERE g.id = i.id
"""


# The SQL as events/summary.py wrote it when this migration was made: a migration carries
# its SQL as literals, whatever the live code says later.
TABLE = 'events_incidentsummary'
# One settled row per key (the unique index summary_settled_key).
KEY = ['latitude', 'longitude', 'month', 'governorate_id', 'district_id', 'event_type', 'perpetrator_groups']
TRIGGERS = r'''
CREATE OR REPLACE FUNCTION events_summary_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO events_incidentsummary (latitude, longitude, month, governorate_id, district_id, event_type, perpetrator_groups, incidents, killed, pending)
        SELECT latitude, longitude, date_trunc('month', date::timestamp)::date, governorate_id, district_id, event_type, perpetrator_groups, count(*), coalesce(sum(killed_total_best), 0), true
        FROM new_rows WHERE status <> 'rejected' GROUP BY 1, 2, 3, 4, 5, 6, 7;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO events_incidentsummary (latitude, longitude, month, governorate_id, district_id, event_type, perpetrator_groups, incidents, killed, pending)
        SELECT latitude, longitude, date_trunc('month', date::timestamp)::date, governorate_id, district_id, event_type, perpetrator_groups, -count(*), -coalesce(sum(killed_total_best), 0), true
        FROM old_rows WHERE status <> 'rejected' GROUP BY 1, 2, 3, 4, 5, 6, 7;
    ELSE
        -- Only rows whose key, status or toll changed: a title edit changes no count.
        INSERT INTO events_incidentsummary (latitude, longitude, month, governorate_id, district_id, event_type, perpetrator_groups, incidents, killed, pending)
        SELECT latitude, longitude, date_trunc('month', date::timestamp)::date, governorate_id, district_id, event_type, perpetrator_groups, sum(sign), sum(sign * coalesce(killed_total_best, 0)), true
        FROM (
            SELECT o.*, -1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE o.latitude IS DISTINCT FROM n.latitude OR o.longitude IS DISTINCT FROM n.longitude OR o.date IS DISTINCT FROM n.date OR o.governorate_id IS DISTINCT FROM n.governorate_id OR o.district_id IS DISTINCT FROM n.district_id OR o.event_type IS DISTINCT FROM n.event_type OR o.perpetrator_groups IS DISTINCT FROM n.perpetrator_groups OR o.status IS DISTINCT FROM n.status OR o.killed_total_best IS DISTINCT FROM n.killed_total_best
            UNION ALL
            SELECT n.*, 1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE o.latitude IS DISTINCT FROM n.latitude OR o.longitude IS DISTINCT FROM n.longitude OR o.date IS DISTINCT FROM n.date OR o.governorate_id IS DISTINCT FROM n.governorate_id OR o.district_id IS DISTINCT FROM n.district_id OR o.event_type IS DISTINCT FROM n.event_type OR o.perpetrator_groups IS DISTINCT FROM n.perpetrator_groups OR o.status IS DISTINCT FROM n.status OR o.killed_total_best IS DISTINCT FROM n.killed_total_best
        ) AS changed
        WHERE status <> 'rejected' GROUP BY 1, 2, 3, 4, 5, 6, 7
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

FILL = r'''INSERT INTO events_incidentsummary (latitude, longitude, month, governorate_id, district_id, event_type, perpetrator_groups, incidents, killed, pending) SELECT latitude, longitude, date_trunc('month', date::timestamp)::date, governorate_id, district_id, event_type, perpetrator_groups, count(*), coalesce(sum(killed_total_best), 0), false FROM events_incident WHERE status <> 'rejected' GROUP BY 1, 2, 3, 4, 5, 6, 7'''


def fill_groups(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(GROUPS_SQL)
        return
    Incident = apps.get_model("events", "Incident")
    through = Incident.perpetrators.through
    groups = {}
    for pk, group in Incident.objects.values_list("pk", "perpetrator_group"):
        groups[pk] = {group} if group else set()
    for pk, group in through.objects.values_list("incident_id", "actor__group"):
        if group:
            groups[pk].add(group)
    for pk, values in groups.items():
        if values:
            key = "," + ",".join(sorted(values)) + ","
            Incident.objects.filter(pk=pk).update(perpetrator_groups=key)


def install_summary(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(TRIGGERS)
    schema_editor.execute(FILL)
    schema_editor.execute(f"ANALYZE {TABLE}")


def remove_summary(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(DROP_TRIGGERS)


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0011_published_killed_order_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='incident',
            name='perpetrator_groups',
            field=models.CharField(blank=True, default='', editable=False, max_length=400),
        ),
        migrations.CreateModel(
            name='IncidentSummary',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('latitude', models.FloatField(null=True)),
                ('longitude', models.FloatField(null=True)),
                ('month', models.DateField(null=True)),
                ('event_type', models.CharField(max_length=20)),
                ('perpetrator_groups', models.CharField(blank=True, max_length=400)),
                ('incidents', models.IntegerField()),
                ('killed', models.BigIntegerField()),
                ('pending', models.BooleanField(default=True)),
                ('district', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='events.district')),
                ('governorate', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='events.governorate')),
            ],
            options={
                'indexes': [models.Index(fields=['latitude', 'longitude'], name='summary_location_idx'), models.Index(fields=['month'], name='summary_month_idx'), models.Index(condition=models.Q(('pending', True)), fields=['id'], name='summary_pending_idx')],
            },
        ),
        migrations.RunPython(fill_groups, migrations.RunPython.noop),
        migrations.RunPython(install_summary, remove_summary),
    ]
