"""IncidentSummary: its governorate and district indexes named, and commented in the model."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0014_incident_words'),
    ]

    operations = [
        migrations.AlterField(
            model_name='incidentsummary',
            name='district',
            field=models.ForeignKey(db_constraint=False, db_index=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='events.district'),
        ),
        migrations.AlterField(
            model_name='incidentsummary',
            name='governorate',
            field=models.ForeignKey(db_constraint=False, db_index=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='events.governorate'),
        ),
        migrations.AddIndex(
            model_name='incidentsummary',
            index=models.Index(fields=['governorate'], name='summary_governorate_idx'),
        ),
        migrations.AddIndex(
            model_name='incidentsummary',
            index=models.Index(fields=['district'], name='summary_district_idx'),
        ),
    ]
