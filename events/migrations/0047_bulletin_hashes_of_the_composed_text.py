"""A bulletin's identity (content_hash) is now of its text in Unicode's composed form (NFC),
without the invisible marks a paste carries (Bulletin.hash_text): the bulletins stored before
are hashed so again, or the same text pasted again would be taken for a new bulletin. One whose
new hash another bulletin holds already (the same text, stored twice before this change) keeps
its old hash."""

import hashlib
import unicodedata

from django.db import migrations

# As Bulletin.hash_text computes it (a copy: a migration must not import live code).
INVISIBLE = str.maketrans("", "", "\ufeff\u200b\u200c\u200d\u2060\u00ad")


def hash_text(title, text):
    composed = unicodedata.normalize("NFC", f"{title}\n{text}").translate(INVISIBLE)
    return hashlib.sha256(" ".join(composed.split()).encode("utf-8")).hexdigest()


def rehash(apps, schema_editor):
    Bulletin = apps.get_model("events", "Bulletin")
    rows = Bulletin.objects.only("pk", "title", "text", "content_hash").order_by("pk")
    for bulletin in rows.iterator(chunk_size=1000):
        if f"{bulletin.title}{bulletin.text}".isascii():
            continue  # neither the composed form nor the marks change an ASCII text
        new = hash_text(bulletin.title, bulletin.text)
        if new != bulletin.content_hash and not Bulletin.objects.filter(content_hash=new).exists():
            Bulletin.objects.filter(pk=bulletin.pk).update(content_hash=new)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0046_confidences_are_shares"),
    ]

    operations = [
        migrations.RunPython(rehash, migrations.RunPython.noop),
    ]
