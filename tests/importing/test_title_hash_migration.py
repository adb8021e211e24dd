"""Migration 0058 hashes the bulletins stored before it with their title in any capitals and
without a final stop, as Bulletin.hash_text now does, so that the same article is found."""

import importlib

import pytest

from events.models import Bulletin

from ..migrating import migrate, migrate_to_latest

BEFORE = [("events", "0057_period_report_indexes")]
AFTER = [("events", "0058_bulletin_hashes_of_the_title_in_any_capitals")]
old_hash = importlib.import_module(
    "events.migrations.0053_bulletin_hashes_of_the_article"
).hash_text


@pytest.fixture
def old_apps(transactional_db):
    apps = migrate(BEFORE)
    yield apps
    migrate_to_latest()


def test_bulletins_stored_before_are_hashed_by_their_title_in_any_capitals(old_apps):
    stored = old_apps.get_model("events", "Bulletin").objects
    article = "An air strike killed 28 people in Deir Ezzor."
    titles = {
        "site": "Air strike kills 28 in Deir Ezzor",
        "feed": "AIR STRIKE KILLS 28 IN DEIR EZZOR.",  # the same article, stored apart before
        "other": "Jets strike Saraqeb",
    }
    ids = {}
    for name, title in titles.items():
        digest = old_hash(title, article if name != "other" else "Jets struck Saraqeb.")
        ids[name] = stored.create(
            title=title,
            text=article if name != "other" else "Jets struck Saraqeb.",
            content_hash=digest,
            imported_hash=digest,
        ).pk

    migrate(AFTER)

    hashes = dict(Bulletin.objects.values_list("pk", "content_hash"))
    imported = dict(Bulletin.objects.values_list("pk", "imported_hash"))
    assert (
        hashes[ids["site"]] == imported[ids["site"]] == Bulletin.hash_text(titles["feed"], article)
    )
    assert hashes[ids["other"]] == Bulletin.hash_text(titles["other"], "Jets struck Saraqeb.")
    # the copy stored before keeps its old hash: nothing stored is lost
    assert hashes[ids["feed"]] == old_hash(titles["feed"], article)
    assert len(set(hashes.values())) == 3
