"""The map's and the histogram's counts at a million incidents: IncidentSummary on PostgreSQL.

Counting a million incident rows for the whole-country map takes PostgreSQL about 200 ms;
the same counts from IncidentSummary, about a tenth as many rows, take about 25 ms. The
summary holds published incidents (status other than rejected) grouped by KEY; a filter on
those columns (governorate, district, group, event type, whole months) is answered from it,
any other filter (actor, status, source, minimum toll, text, dates inside a month) from the
incidents themselves (IncidentFilter.summary() decides).

How it stays true: statement triggers on events_incident (TRIGGERS, installed by migration
0012) append the change each statement made as signed rows marked `pending`, in the writer's
own transaction, so a write and its count commit or roll back together and writers never
wait on each other's summary rows. compact() folds pending rows into the settled ones (one
per key, under a unique index) when there are more than COMPACT_AFTER of them; readers
always add up settled and pending rows in one statement, which sees one snapshot.
"""

import calendar

from django.db import connection, transaction
from django.db.models import Q, Sum

from . import triggers
from .models import IncidentSummary, ReviewStatus

TABLE = IncidentSummary._meta.db_table
KEY = [
    "latitude",
    "longitude",
    "month",
    "governorate_id",
    "district_id",
    "event_type",
    "perpetrator_groups",
]
# What one incident row contributes to the key (the incident's columns, in KEY's order).
ROW_KEY = [
    "latitude",
    "longitude",
    "date_trunc('month', date::timestamp)::date",
    "governorate_id",
    "district_id",
    "event_type",
    "perpetrator_groups",
]
PUBLISHED = f"status <> '{ReviewStatus.REJECTED.value}'"
# Pending rows beyond which a reader folds them in first (a few milliseconds' work).
COMPACT_AFTER = 5_000
# pg_advisory_xact_lock key: one compact() or rebuild() at a time.
LOCK = 0x5EED_5A11

_key = ", ".join(KEY)
_row_key = ", ".join(ROW_KEY)
_positions = ", ".join(str(n) for n in range(1, len(KEY) + 1))
_changed = " OR ".join(
    f"o.{column} IS DISTINCT FROM n.{column}"
    for column in ["latitude", "longitude", "date", "governorate_id", "district_id",
                   "event_type", "perpetrator_groups", "status", "killed_total_best"]
)  # fmt: skip

TRIGGERS = f"""
CREATE OR REPLACE FUNCTION events_summary_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO {TABLE} ({_key}, incidents, killed, pending)
        SELECT {_row_key}, count(*), coalesce(sum(killed_total_best), 0), true
        FROM new_rows WHERE {PUBLISHED} GROUP BY {_positions};
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO {TABLE} ({_key}, incidents, killed, pending)
        SELECT {_row_key}, -count(*), -coalesce(sum(killed_total_best), 0), true
        FROM old_rows WHERE {PUBLISHED} GROUP BY {_positions};
    ELSE
        -- Only rows whose key, status or toll changed: a title edit changes no count.
        INSERT INTO {TABLE} ({_key}, incidents, killed, pending)
        SELECT {_row_key}, sum(sign), sum(sign * coalesce(killed_total_best, 0)), true
        FROM (
            SELECT o.*, -1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE {_changed}
            UNION ALL
            SELECT n.*, 1 AS sign FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE {_changed}
        ) AS changed
        WHERE {PUBLISHED} GROUP BY {_positions}
        HAVING sum(sign) <> 0 OR sum(sign * coalesce(killed_total_best, 0)) <> 0;
    END IF;
    RETURN NULL;
END
$$;
{triggers.create("events_summary", "events_incident", "events_summary_change")}
-- compact()'s ON CONFLICT target: one settled row per key, NULL being a value like any other.
CREATE UNIQUE INDEX IF NOT EXISTS summary_settled_key ON {TABLE} ({_key})
    NULLS NOT DISTINCT WHERE NOT pending;
"""

# Every published incident counted, as settled rows: what rebuild() and migration 0012 write.
FILL = (
    f"INSERT INTO {TABLE} ({_key}, incidents, killed, pending)"
    f" SELECT {_row_key}, count(*), coalesce(sum(killed_total_best), 0), false"
    f" FROM events_incident WHERE {PUBLISHED} GROUP BY {_positions}"
)

DROP_TRIGGERS = f"""
{triggers.drop("events_summary", "events_incident")}
DROP FUNCTION IF EXISTS events_summary_change();
DROP INDEX IF EXISTS summary_settled_key;
"""


def available():
    """Whether the summary is kept (PostgreSQL) and the views may read it."""
    return connection.vendor == "postgresql"


class Tally:
    """A table of signed counts by key that triggers append to as `pending` rows, folded
    into one settled row per key (under a unique index on the key WHERE NOT pending) by
    compact(). IncidentSummary is one; events/words.py keeps another."""

    def __init__(self, model, key, lock, fill, source_tables):
        self.table = model._meta.db_table
        self.key = ", ".join(key)
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
            cursor.execute(
                f"WITH moved AS (DELETE FROM {self.table} WHERE pending RETURNING *)"
                f" INSERT INTO {self.table} ({self.key}, incidents, killed, pending)"
                f" SELECT {self.key}, sum(incidents), sum(killed), false FROM moved"
                f" GROUP BY {self.positions}"
                f" ON CONFLICT ({self.key}) WHERE NOT pending DO UPDATE"
                f" SET incidents = {self.table}.incidents + excluded.incidents,"
                f" killed = {self.table}.killed + excluded.killed"
            )
            folded = cursor.rowcount
            cursor.execute(f"DELETE FROM {self.table} WHERE NOT pending AND incidents = 0")
        return folded

    def maybe_compact(self):
        """What a reader calls first: folds pending rows in once there are many of them."""
        try:
            return self.compact()
        except Exception:  # A reader must not fail because housekeeping did; counts stay true.
            return 0


SUMMARY = Tally(IncidentSummary, KEY, LOCK, FILL, "events_incident")
rebuild, pending_rows = SUMMARY.rebuild, SUMMARY.pending_rows
compact, maybe_compact = SUMMARY.compact, SUMMARY.maybe_compact


def summary_filter(cleaned_data):
    """The summary rows for IncidentFilter's cleaned data, or None if it cannot answer.

    It answers the filters it has columns for; the others need the incident rows.
    """
    data = cleaned_data
    if any(
        data.get(name) not in (None, "")
        for name in (
            "actor",
            "place",
            "area",
            "min_killed",
            "status",
            "source",
            "date_precision",
            "geo_precision",
        )
    ):
        return None
    if data.get("group") and data.get("role") == "party":
        return None  # It counts by perpetrator groups only.
    if (data.get("q") or "").strip():
        return None
    date_from, date_to = data.get("date_from"), data.get("date_to")
    if date_from and date_from.day != 1:
        return None  # The summary counts whole months.
    if date_to and date_to.day != calendar.monthrange(date_to.year, date_to.month)[1]:
        return None  # date_to is not the last day of its month.
    condition = Q()
    if data.get("province"):
        condition &= Q(governorate_id=data["province"].pk)
    if data.get("district"):
        condition &= Q(district_id=data["district"].pk)
    if data.get("group"):
        condition &= Q(perpetrator_groups__contains=f",{data['group']},")
    if data.get("event_type"):
        condition &= Q(event_type=data["event_type"])
    if date_from:
        condition &= Q(month__gte=date_from)
    if date_to:
        condition &= Q(month__lte=date_to)
    return IncidentSummary.objects.filter(condition)


def points(summary):
    """[(latitude, longitude, incidents, killed)] of located incidents, one per point."""
    maybe_compact()
    return [
        row
        for row in summary.filter(latitude__isnull=False, longitude__isnull=False)
        .order_by()
        .values_list("latitude", "longitude")
        .annotate(n=Sum("incidents"), killed=Sum("killed"))
        if row[2]
    ]


def months(summary):
    """[(month, incidents, killed)], months in order (None, for undated incidents, last)."""
    maybe_compact()
    rows = (
        summary.order_by()
        .values_list("month")
        .annotate(n=Sum("incidents"), killed=Sum("killed"))
        .order_by("month")
    )
    return [row for row in rows if row[1]]
