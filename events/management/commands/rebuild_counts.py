"""Count every incident afresh for the map and histogram (IncidentSummary), index every
incident's words for the text search (IncidentSearch) and count them by word (IncidentWord).

Triggers keep both as incidents, reports and bulletins change; this is for after a load that
bypassed them (COPY with session_replication_role = replica, a restore of only some tables)
or to repair. PostgreSQL only: on SQLite the views count incidents directly.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from events import search, summary, words
from events.models import IncidentSearch, IncidentSummary, IncidentWord


class Command(BaseCommand):
    help = __doc__.split("\n\n")[0]

    def handle(self, *args, **options):
        if not summary.available():
            raise CommandError(
                "Nothing to rebuild: the summary and search tables are kept on PostgreSQL only."
            )
        started = time.perf_counter()
        summary.rebuild()
        self.stdout.write(f"IncidentSummary: {IncidentSummary.objects.count():,} rows.")
        search.rebuild()
        self.stdout.write(f"IncidentSearch: {IncidentSearch.objects.count():,} rows.")
        words.rebuild()  # after the search rows it counts
        self.stdout.write(
            f"IncidentWord: {IncidentWord.objects.count():,} rows"
            f" ({time.perf_counter() - started:.1f} s in all)."
        )
