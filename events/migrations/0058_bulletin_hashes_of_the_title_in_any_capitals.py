"""A bulletin's identity (content_hash) now reads its title in any capitals and without the
stop it may end on (Bulletin.hash_text): the bulletins stored before are hashed so again, or the
same article under "AIR STRIKE KILLS 28" or "Air strike kills 28." would be stored twice. Their
imported_hash too: the hash of the text they were imported with (their history's first version,
else the text they hold). A hash another bulletin holds already (the same article, stored twice
before this change) is left to it: nothing stored is lost."""

import hashlib
import unicodedata

from django.db import migrations

from events.extraction.dates import is_dateline  # a pure function of the text

# As Bulletin.hash_text and Bulletin.article compute it (a copy: a migration must not change
# when the live code does).
INVISIBLE = str.maketrans("", "", "\ufeff\u200b\u200c\u200d\u2060\u00ad")
TITLE_STOPS = " .!?…:;,"


def publisher_line(line):
    lower = line.lower()
    return (
        len(line) < 60
        and not line.endswith((".", '"', "”"))
        and not any(c.isdigit() for c in line)
        and ("/" in line or "desk" in lower or lower.startswith("by "))
    )


def article(title, text):
    heading = " ".join(title.split()).casefold().rstrip(TITLE_STOPS)
    lines = text.strip().split("\n")
    while lines:
        line = lines[0].strip()
        if line and not (
            is_dateline(line)
            or (heading and " ".join(line.split()).casefold().rstrip(TITLE_STOPS) == heading)
            or publisher_line(line)
        ):
            break
        lines.pop(0)
    return "\n".join(lines).strip() or text.strip()


def hash_text(title, text):
    composed = unicodedata.normalize("NFC", f"{title}\n{text}").translate(INVISIBLE)
    title, _, text = composed.partition("\n")
    heading = " ".join(title.split()).casefold().rstrip(TITLE_STOPS)
    normalised = " ".join(f"{heading}\n{article(title, text)}".split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def rehash(apps, schema_editor):
    Bulletin = apps.get_model("events", "Bulletin")
    History = apps.get_model("events", "HistoricalBulletin")
    rows = Bulletin.objects.only("pk", "title", "text", "content_hash", "imported_hash")
    for bulletin in rows.order_by("pk").iterator(chunk_size=1000):
        content = hash_text(bulletin.title, bulletin.text)
        if bulletin.imported_hash is None or bulletin.imported_hash == bulletin.content_hash:
            imported = bulletin.imported_hash and content  # (unedited: the text it holds)
        else:
            first = (
                History.objects.filter(id=bulletin.pk)
                .order_by("history_date", "history_id")
                .values_list("title", "text")
                .first()
            )
            imported = hash_text(*first) if first else content
        changes = {}
        others = Bulletin.objects.exclude(pk=bulletin.pk)
        if content != bulletin.content_hash and not others.filter(content_hash=content).exists():
            changes["content_hash"] = content
        if imported and imported != bulletin.imported_hash:
            if not others.filter(imported_hash=imported).exists():
                changes["imported_hash"] = imported
        if changes:
            Bulletin.objects.filter(pk=bulletin.pk).update(**changes)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0057_period_report_indexes"),
    ]

    operations = [
        migrations.RunPython(rehash, migrations.RunPython.noop),
    ]
