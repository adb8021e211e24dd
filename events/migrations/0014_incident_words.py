"""IncidentWord: published incidents counted by word and point for the map of a one-word
search, kept by triggers on events_incidentsearch on PostgreSQL (events/words.py)."""

from django.db import migrations, models


def install(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from events import words

    schema_editor.execute(words.TRIGGERS)
    schema_editor.execute(words.FILL)
    schema_editor.execute(f"ANALYZE {words.TABLE}")


def remove(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from events import words

    schema_editor.execute(words.DROP_TRIGGERS)


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
