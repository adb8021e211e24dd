"""Tables of signed counts kept by PostgreSQL statement triggers (their SQL is in the
migrations that install them): IncidentSummary and IncidentWord are two.

Each write to the counted table appends the change it made as signed rows marked `pending`,
in the writer's own transaction, so a write and its count commit or roll back together and
writers never wait on each other. compact() folds pending rows into the settled ones (one
per key, under a unique index on the key WHERE NOT pending) once there are more than
COMPACT_AFTER of them; readers add up settled and pending rows in one statement, which sees
one snapshot.
"""

from contextvars import ContextVar

from django.core.exceptions import EmptyResultSet
from django.core.signals import request_finished, request_started
from django.db import connection, transaction
from django.db.models import Sum
from django.dispatch import receiver

# Pending rows beyond which a reader folds them in first (a few milliseconds' work).
COMPACT_AFTER = 5_000


def available():
    """Whether the counting tables are kept (PostgreSQL) and may be read. On SQLite every
    count is made from the incidents."""
    return connection.vendor == "postgresql"


class Tally:
    def __init__(self, model, key, lock, fill, source_tables, measures=("incidents", "killed")):
        self.table = model._meta.db_table
        self.key = ", ".join(key)
        self.measures = measures  # the columns that rows add up
        self.positions = ", ".join(str(n) for n in range(1, len(key) + 1))
        self.lock = lock  # pg_advisory_xact_lock key: one compact() or rebuild() at a time
        self.fill = fill  # SQL: every settled row, counted afresh
        self.source_tables = source_tables  # what rebuild() keeps writers out of

    def rebuild(self):
        """Count afresh: after a load that bypassed the triggers, or to repair. Writers to
        the source tables wait meanwhile (SHARE lock), so no change is missed."""
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [self.lock])
            cursor.execute(f"LOCK TABLE {self.source_tables} IN SHARE MODE")
            cursor.execute(f"DELETE FROM {self.table}")
            cursor.execute(self.fill)
            cursor.execute(f"ANALYZE {self.table}")

    def pending_rows(self, limit=COMPACT_AFTER + 1):
        """How many pending rows there are, counting no further than `limit`."""
        with connection.cursor() as cursor:
            cursor.execute(
                # ORDER BY id: along the partial index of pending rows, whatever the
                # statistics say.
                f"SELECT count(*) FROM (SELECT 1 FROM {self.table} WHERE pending ORDER BY id"
                " LIMIT %s) AS p",
                [limit],
            )
            return cursor.fetchone()[0]

    def compact(self, force=False):
        """Fold pending rows into the settled ones; returns how many were folded.

        Skipped (returning 0) while another compact() or rebuild() holds the lock, and,
        unless `force`, while there are no more than COMPACT_AFTER pending rows.
        """
        if not available() or (not force and self.pending_rows() <= COMPACT_AFTER):
            return 0
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [self.lock])
            if not cursor.fetchone()[0]:
                return 0
            measures = ", ".join(self.measures)
            sums = ", ".join(f"sum({name})" for name in self.measures)
            added = ", ".join(
                f"{name} = {self.table}.{name} + excluded.{name}" for name in self.measures
            )
            cursor.execute(
                f"WITH moved AS (DELETE FROM {self.table} WHERE pending RETURNING *)"
                f" INSERT INTO {self.table} ({self.key}, {measures}, pending)"
                f" SELECT {self.key}, {sums}, false FROM moved"
                f" GROUP BY {self.positions}"
                f" ON CONFLICT ({self.key}) WHERE NOT pending DO UPDATE SET {added}"
            )
            folded = cursor.rowcount
            cursor.execute(f"DELETE FROM {self.table} WHERE NOT pending AND incidents = 0")
        return folded

    def maybe_compact(self):
        """What a reader calls first: folds pending rows in once there are many of them.
        Looked at once a request: counting up to 5,000 pending rows costs 2 ms a look."""
        if (memo := request_memo()) is not None:
            if ("compacted", self.table) in memo:
                return 0
            memo[("compacted", self.table)] = True
        try:
            return self.compact()
        except Exception:  # A reader must not fail because housekeeping did; counts stay true.
            return 0


# What the counting keeps while one request runs (a dict; None outside a request): what a
# search found (search.few()) and which tables' pending rows were looked at.
_memo = ContextVar("counts_request_memo", default=None)


def request_memo():
    return _memo.get()


@receiver(request_started)
def _request_started(**kwargs):
    _memo.set({})


@receiver(request_finished)
def _request_finished(**kwargs):
    _memo.set(None)


def capped_sum(rows, limit):
    """(how many incidents these tally rows add up to, whether more than `limit`), reading
    no more than `limit` + 1 settled rows.

    A filter that matches most incidents (a common status, source or small toll) matches most
    rows: adding them all up cost the list 60 ms at a million incidents, though the page then
    says only "100,000+". A settled row counts at least one incident, so more than `limit`
    of them are more than `limit` incidents; the few pending rows, signed, are added apart.
    """
    pending = rows.filter(pending=True).aggregate(n=Sum("incidents"))["n"] or 0
    bound = max(limit - pending, 0)
    settled = rows.filter(pending=False).values("incidents")[: bound + 1]
    try:
        inner, params = settled.query.sql_with_params()
    except EmptyResultSet:  # a filter that Django knows matches nothing
        return max(pending, 0), False
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*), sum(incidents) FROM ({inner}) AS r", params)
        n, total = cursor.fetchone()
    if n > bound:
        return limit, True
    total = int(total or 0) + pending
    return (limit, True) if total > limit else (total, False)
