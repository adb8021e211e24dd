"""Count every incident afresh for the map, histogram and overview (IncidentSummary,
IncidentFacets and the breakdowns),
index every incident's words for the text search (IncidentSearch) and count them by word
(IncidentWord).

Triggers keep these tables as incidents, reports and bulletins change; this is for after a
load that bypassed them (COPY with session_replication_role = replica, a restore of only some
tables) or to repair. --triggers first reinstalls the triggers themselves, from the same SQL
the migrations installed. PostgreSQL only: on SQLite the views count incidents directly.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from events.counts import (
    breakdowns,
    facet_breakdowns,
    facets,
    map_facets,
    place_breakdowns,
    search,
    sql,
    summary,
    words,
)
from events.counts.tally import available
from events.models import (
    IncidentBreakdown,
    IncidentFacetBreakdown,
    IncidentFacets,
    IncidentMapFacets,
    IncidentPlaceBreakdown,
    IncidentSearch,
    IncidentSummary,
    IncidentWord,
)


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
                for migration in (
                    sql.SUMMARY,
                    sql.FACETS,
                    sql.BREAKDOWN,
                    sql.FACET_BREAKDOWN,
                    sql.PLACE_BREAKDOWN,
                    sql.MAP_FACETS,
                    sql.SEARCH,
                    sql.WORDS,
                ):
                    cursor.execute(migration.TRIGGERS)
            self.stdout.write("Triggers reinstalled.")
        summary.rebuild()
        self.stdout.write(f"IncidentSummary: {IncidentSummary.objects.count():,} rows.")
        facets.rebuild()
        self.stdout.write(f"IncidentFacets: {IncidentFacets.objects.count():,} rows.")
        breakdowns.rebuild()
        self.stdout.write(f"IncidentBreakdown: {IncidentBreakdown.objects.count():,} rows.")
        facet_breakdowns.rebuild()
        rows = IncidentFacetBreakdown.objects.count()
        self.stdout.write(f"IncidentFacetBreakdown: {rows:,} rows.")
        place_breakdowns.rebuild()
        rows = IncidentPlaceBreakdown.objects.count()
        self.stdout.write(f"IncidentPlaceBreakdown: {rows:,} rows.")
        map_facets.rebuild()
        self.stdout.write(f"IncidentMapFacets: {IncidentMapFacets.objects.count():,} rows.")
        search.rebuild()
        self.stdout.write(f"IncidentSearch: {IncidentSearch.objects.count():,} rows.")
        words.rebuild()  # after the search rows it counts
        self.stdout.write(
            f"IncidentWord: {IncidentWord.objects.count():,} rows"
            f" ({time.perf_counter() - started:.1f} s in all)."
        )
