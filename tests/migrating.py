"""Running the migrations to a point in a test, and back to the latest after it."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(target):
    """The database migrated to `target` ([(app, migration)]); the apps as they were there."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def migrate_to_latest():
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
