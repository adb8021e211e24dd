"""The places, actors and bulletins saved before migration 0059 had every record of their
history at version 1, so a refused form's rebase (admin.VersionedForm) compared an editor's
input with the row as first created, and kept a stale value of a field changed since as if the
editor had typed it. Each record is numbered as Versioned.save would have (creation 1, each
save one more), and each row takes its last record's number."""

from django.db import migrations

TABLES = ("place", "actor", "bulletin")


def number_versions(apps, schema_editor):
    for table in TABLES:
        history, live = f"events_historical{table}", f"events_{table}"
        schema_editor.execute(
            f"UPDATE {history} SET version = (SELECT count(*) FROM {history} AS earlier"
            f" WHERE earlier.id = {history}.id AND (earlier.history_date < {history}.history_date"
            f" OR (earlier.history_date = {history}.history_date"
            f" AND earlier.history_id <= {history}.history_id)))"
        )
        schema_editor.execute(
            f"UPDATE {live} SET version = COALESCE((SELECT max(version) FROM {history}"
            f" WHERE {history}.id = {live}.id), 1)"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0059_places_actors_and_bulletins_have_versions"),
    ]

    operations = [migrations.RunPython(number_versions, migrations.RunPython.noop)]
