"""Migration 0047 hashes the bulletins stored before it as Bulletin.hash_text now does."""

import hashlib
import importlib
import unicodedata

import pytest

from events.models import Bulletin

from ..migrating import migrate, migrate_to_latest

# The hash as the migration computes it (Bulletin.hash_text has moved on since).
new_hash = importlib.import_module(
    "events.migrations.0047_bulletin_hashes_of_the_composed_text"
).hash_text

BEFORE = [("events", "0046_confidences_are_shares")]
AFTER = [("events", "0047_bulletin_hashes_of_the_composed_text")]


def old_hash(title, text):
    return hashlib.sha256(" ".join(f"{title}\n{text}".split()).encode()).hexdigest()


@pytest.fixture
def old_apps(transactional_db):
    apps = migrate(BEFORE)
    yield apps
    migrate_to_latest()


def test_bulletins_stored_before_are_hashed_as_a_paste_of_them_would_be(old_apps):
    stored = old_apps.get_model("events", "Bulletin").objects
    texts = {
        "bom": ("Strike on Douma", "\ufeffMortars fell on Douma."),
        "ascii": ("Strike on Saraqeb", "Jets struck Saraqeb."),
        "nfd": ("Strike on Sarāqeb", unicodedata.normalize("NFD", "Jets struck Sarāqeb.")),
        "twice": ("Strike on Hama", unicodedata.normalize("NFD", "Jets struck Ḥamā.")),
        # The same text as "twice", stored apart before: it holds the new hash already (its
        # old one is the same), so "twice" keeps its old one.
        "composed": ("Strike on Hama", "Jets struck Ḥamā."),
    }
    ids = {}
    for name, (title, text) in texts.items():
        made = stored.create(title=title, text=text, content_hash=old_hash(title, text))
        ids[name] = made.pk

    migrate(AFTER)

    hashes = dict(Bulletin.objects.values_list("pk", "content_hash"))
    for name in ("bom", "ascii", "nfd", "composed"):
        assert hashes[ids[name]] == new_hash(*texts[name]), name
    assert hashes[ids["twice"]] == old_hash(*texts["twice"])
