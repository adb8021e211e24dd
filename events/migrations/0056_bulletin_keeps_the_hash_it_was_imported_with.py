"""A bulletin keeps the hash of the text it was imported with (imported_hash): an editor's edit
changes content_hash, and the original file imported again is still found. Bulletins stored
before are given the hash of their first recorded version (their history's oldest), else their
current one; a hash another bulletin holds already is left to it."""

from django.conf import settings
from django.db import migrations, models


def imported_hashes(apps, schema_editor):
    Bulletin = apps.get_model("events", "Bulletin")
    History = apps.get_model("events", "HistoricalBulletin")
    first = {}
    for bulletin_id, digest in History.objects.order_by("id", "history_date", "history_id").values_list(
        "id", "content_hash"
    ):
        first.setdefault(bulletin_id, digest)
    current = dict(Bulletin.objects.values_list("pk", "content_hash"))
    taken = set()
    chosen = {}
    # The unedited first, then the edited, each by its first hash unless another holds it.
    for pk, digest in sorted(current.items(), key=lambda item: first.get(item[0], item[1]) != item[1]):
        wanted = first.get(pk, digest)
        if wanted not in taken:
            chosen[pk] = wanted
            taken.add(wanted)
    rows = [Bulletin(pk=pk, imported_hash=digest) for pk, digest in chosen.items()]
    Bulletin.objects.bulk_update(rows, ["imported_hash"], batch_size=1000)


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0055_evidence_quotes_its_words'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='bulletin',
            name='imported_hash',
            field=models.CharField(blank=True, editable=False, max_length=64, null=True),
        ),
        migrations.AddField(
            model_name='historicalbulletin',
            name='imported_hash',
            field=models.CharField(blank=True, editable=False, max_length=64, null=True),
        ),
        migrations.RunPython(imported_hashes, migrations.RunPython.noop, elidable=True),
        migrations.AddConstraint(
            model_name='bulletin',
            constraint=models.UniqueConstraint(condition=models.Q(('imported_hash__isnull', False)), fields=('imported_hash',), name='bulletin_unique_imported'),
        ),
    ]
