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
    from events import summary

    schema_editor.execute(summary.TRIGGERS)
    schema_editor.execute(summary.FILL)
    schema_editor.execute(f"ANALYZE {summary.TABLE}")


def remove_summary(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from events import summary

    schema_editor.execute(summary.DROP_TRIGGERS)


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
