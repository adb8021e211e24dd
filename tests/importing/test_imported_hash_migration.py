"""Migration 0056 gives the bulletins stored before it the hash of the text they were imported
with: their history's first version's, unless another bulletin holds it."""

import pytest

from events.models import Bulletin

from ..migrating import migrate, migrate_to_latest

BEFORE = [("events", "0055_evidence_quotes_its_words")]
AFTER = [("events", "0056_bulletin_keeps_the_hash_it_was_imported_with")]


@pytest.fixture
def old_apps(transactional_db):
    apps = migrate(BEFORE)
    yield apps
    migrate_to_latest()


def test_bulletins_stored_before_keep_the_hash_of_their_first_text(old_apps):
    stored = old_apps.get_model("events", "Bulletin").objects
    history = old_apps.get_model("events", "HistoricalBulletin").objects
    plain = stored.create(title="A", text="Jets struck Saraqeb.", content_hash="a" * 64)
    edited = stored.create(title="B", text="Updated: jets struck Ariha.", content_hash="b2" * 32)
    # the edited one's first version, and the original imported again before this fix
    for bulletin, digest in ((plain, "a" * 64), (edited, "b1" * 32), (edited, "b2" * 32)):
        history.create(
            id=bulletin.pk, title=bulletin.title, text=bulletin.text, content_hash=digest,
            imported_at=bulletin.imported_at, history_type="~", history_date=bulletin.imported_at,
        )  # fmt: skip
    twin = stored.create(title="B", text="Jets struck Ariha.", content_hash="b1" * 32)

    migrate(AFTER)

    hashes = dict(Bulletin.objects.values_list("pk", "imported_hash"))
    assert hashes[plain.pk] == "a" * 64
    assert hashes[twin.pk] == "b1" * 32  # its own, which the edited one's first text was
    assert hashes[edited.pk] is None
