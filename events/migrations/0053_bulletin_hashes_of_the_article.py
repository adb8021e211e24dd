"""A bulletin's identity (content_hash) is now of its title and article, without the dateline,
title and publisher's lines a plain-text bulletin opens with (Bulletin.article): the same
article imported from .txt and from .jsonl or .html is one bulletin. The bulletins stored
before are hashed so again, or the article arriving in another format would be stored twice.
One whose new hash another bulletin holds already (the same article, stored twice before this
change) keeps its old hash: nothing stored is lost."""

import hashlib
import unicodedata

from django.db import migrations

from events.extraction.dates import is_dateline  # a pure function of the text

# As Bulletin.hash_text and Bulletin.article compute it (a copy: a migration must not change
# when the live code does).
INVISIBLE = str.maketrans("", "", "\ufeff\u200b\u200c\u200d\u2060\u00ad")


def publisher_line(line):
    lower = line.lower()
    return (
        len(line) < 60
        and not line.endswith((".", '"', "”"))
        and not any(c.isdigit() for c in line)
        and ("/" in line or "desk" in lower or lower.startswith("by "))
    )


def article(title, text):
    heading = " ".join(title.split())
    lines = text.strip().split("\n")
    while lines:
        line = lines[0].strip()
        if line and not (
            is_dateline(line) or (heading and " ".join(line.split()) == heading)
            or publisher_line(line)
        ):
            break
        lines.pop(0)
    return "\n".join(lines).strip() or text.strip()


def hash_text(title, text):
    composed = unicodedata.normalize("NFC", f"{title}\n{text}").translate(INVISIBLE)
    title, _, text = composed.partition("\n")
    normalised = " ".join(f"{title}\n{article(title, text)}".split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def rehash(apps, schema_editor):
    Bulletin = apps.get_model("events", "Bulletin")
    rows = Bulletin.objects.only("pk", "title", "text", "content_hash").order_by("pk")
    for bulletin in rows.iterator(chunk_size=1000):
        new = hash_text(bulletin.title, bulletin.text)
        if new != bulletin.content_hash and not Bulletin.objects.filter(content_hash=new).exists():
            Bulletin.objects.filter(pk=bulletin.pk).update(content_hash=new)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0052_incident_perpetrators_edited"),
    ]

    operations = [
        migrations.RunPython(rehash, migrations.RunPython.noop),
    ]
