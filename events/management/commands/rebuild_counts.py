"""Count every incident afresh for the map, histogram and overview (the tables of
events.counts.KEPT), index every incident's words for the text search (IncidentSearch) and
count them by word (IncidentWord).

Triggers keep these tables as incidents, reports and bulletins change; this is for after a
load that bypassed them (COPY with session_replication_role = replica, a restore of only some
tables) or to repair. --triggers first reinstalls the triggers themselves, from the same SQL
the migrations installed. PostgreSQL only: on SQLite the views count incidents directly.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from events.counts import KEPT
from events.counts.tally import available


class Command(BaseCommand):
    help = __doc__.split("\n\n")[0]

    def add_arguments(self, parser):
        parser.add_argument(
            "--triggers",
            action="store_true",
            help="reinstall the counting tables' triggers (as the migrations did) first",
        )

    def handle(self, *args, triggers=False, **options):
        if not available():
            raise CommandError(
                "Nothing to rebuild: the summary and search tables are kept on PostgreSQL only."
            )
        started = time.perf_counter()
        if triggers:
            with transaction.atomic(), connection.cursor() as cursor:
                for _, migration in KEPT:
                    cursor.execute(migration.TRIGGERS)
            self.stdout.write("Triggers reinstalled.")
        for table, migration in KEPT:
            table.rebuild()
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT count(*) FROM {migration.TABLE}")
                self.stdout.write(f"{migration.TABLE}: {cursor.fetchone()[0]:,} rows.")
        self.stdout.write(f"{time.perf_counter() - started:.1f} s in all.")
