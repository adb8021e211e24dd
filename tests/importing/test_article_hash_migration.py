"""Migration 0053 hashes the bulletins stored before it by their article, as Bulletin.hash_text
now does, so that the same article in another format is found."""

import hashlib
import importlib
import unicodedata

import pytest

from events.models import Bulletin

from ..migrating import migrate, migrate_to_latest

# The hash as the migration computes it (Bulletin.hash_text has moved on since).
new_hash = importlib.import_module(
    "events.migrations.0053_bulletin_hashes_of_the_article"
).hash_text

BEFORE = [("events", "0052_incident_perpetrators_edited")]
AFTER = [("events", "0053_bulletin_hashes_of_the_article")]
INVISIBLE = str.maketrans("", "", "\ufeff\u200b\u200c\u200d\u2060\u00ad")


def old_hash(title, text):
    composed = unicodedata.normalize("NFC", f"{title}\n{text}").translate(INVISIBLE)
    return hashlib.sha256(" ".join(composed.split()).encode("utf-8")).hexdigest()


@pytest.fixture
def old_apps(transactional_db):
    apps = migrate(BEFORE)
    yield apps
    migrate_to_latest()


def test_bulletins_stored_before_are_hashed_by_their_article(old_apps):
    stored = old_apps.get_model("events", "Bulletin").objects
    title = "Air strike kills 28 in Deir Ezzor"
    texts = {
        "txt": "13 July 2018\n\nAir strike kills 28 in Deir Ezzor\n\nWorld Bulletin / News Desk"
        "\n\nAn air strike killed 28 people.",
        "plain": "Jets struck Saraqeb.",
        "dated": "13 July 2018\n\nAir strike kills 28 in Deir Ezzor\n\nJets struck Hama.",
        "jsonl": "An air strike killed 28 people.",  # the same article, stored apart before
        "txt again": "date 13 July 2018\n\nAir strike kills 28 in Deir Ezzor\n\nAn air strike"
        " killed 28 people.",
    }
    ids = {
        name: stored.create(title=title, text=text, content_hash=old_hash(title, text)).pk
        for name, text in texts.items()
    }

    migrate(AFTER)

    hashes = dict(Bulletin.objects.values_list("pk", "content_hash"))
    for name in ("plain", "dated"):
        assert hashes[ids[name]] == new_hash(title, texts[name]), name
    assert hashes[ids["dated"]] != old_hash(title, texts["dated"])
    # The article's hash is the JSONL copy's already: the .txt copies keep their own, and a
    # fourth import of the article finds the JSONL one.
    assert hashes[ids["jsonl"]] == new_hash(title, texts["txt"])
    assert hashes[ids["txt"]] == old_hash(title, texts["txt"])
    assert hashes[ids["txt again"]] == old_hash(title, texts["txt again"])
    assert len(set(hashes.values())) == 5
