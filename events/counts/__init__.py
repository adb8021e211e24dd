"""How many incidents match a filter, where and when: the one place that decides which table
answers a validated IncidentFilter.

    counts.total(incidents)          Total(count, capped): the same on every page
    counts.points(incidents, bbox)   [(lat, lon, incidents, killed)] of located incidents
    counts.unlocated(incidents)      (incidents, killed) of those without a location
    counts.months(incidents)         [(month, incidents, killed)], undated (None) last
    counts.overview(incidents)       by governorate, group, event type and month

At a million incidents, counting the incident rows costs hundreds of milliseconds, so on
PostgreSQL tables kept by triggers count them ahead: IncidentSummary (summary.py),
IncidentWord (words.py) and IncidentSearch (search.py). Each module lists in ANSWERS the
filters it *can* answer; the first table that can answer every chosen filter, and holds the
measure asked for, answers; otherwise the incidents themselves do. So a new filter is counted
from the incidents until a table says it can answer it: it is never silently ignored.
On SQLite every count is made from the incidents.
"""

from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth

from . import search, summary, words
from .tally import available

# Totals are exact up to this many incidents on PostgreSQL (past it, "100,000+" on every
# page); exact always on SQLite and wherever a tally answers.
LIMIT = 100_000
# Values that sort the incidents but select none.
NOT_FILTERS = frozenset({"order"})


@dataclass(frozen=True)
class Total:
    count: int
    capped: bool = False  # more than `count` match

    def __str__(self):
        return f"{self.count:,}{'+' if self.capped else ''}"

    def as_json(self):
        return {"count": self.count, "capped": self.capped}


def chosen(incidents):
    """{name: value} of the filters that select something, from a valid IncidentFilter."""
    return {
        name: value
        for name, value in incidents.form.cleaned_data.items()
        if name not in NOT_FILTERS and value not in (None, "")
        and not (isinstance(value, str) and not value.strip())
    }  # fmt: skip


class Incidents:
    """The incidents themselves, through the FilterSet: they answer every filter."""

    MEASURES = frozenset({"total", "points", "unlocated", "months", "overview"})
    COUNT, KILLED = Count("*"), Sum("killed_total_best")

    def __init__(self, incidents):
        self.queryset = incidents.qs.order_by()

    def rows(self, chosen):
        return self.queryset


def answering(incidents, measure):
    """The table that answers `measure` for these filters: a module of this package, or the
    incidents themselves."""
    if available():
        filters = chosen(incidents)
        for table in (summary, words, search):
            if measure in table.MEASURES and table.can_answer(filters):
                return table
    return Incidents(incidents)


def counted(incidents, measure, *by, where=None):
    """[(*by, incidents, killed)] of the matching incidents (within `where`), grouped by the
    columns `by`, from the table that answers `measure`; keys that count none are left out."""
    table = answering(incidents, measure)
    rows = table.rows(chosen(incidents)).filter(where or Q())
    if not by:
        found = rows.aggregate(n=table.COUNT, k=table.KILLED)
        return [(found["n"] or 0, found["k"] or 0)]
    rows = rows.values_list(*by).annotate(n=table.COUNT, k=table.KILLED)
    return [(*row[:-1], row[-1] or 0) for row in rows if row[-2]]


def total(incidents, limit=None):
    """How many incidents match: exact from a tally, else counted up to `limit` (LIMIT by
    default; exact on SQLite, which keeps no tallies)."""
    limit = LIMIT if limit is None else limit
    table = answering(incidents, "total")
    if table in (summary, words):
        return Total(counted(incidents, "total")[0][0])
    matches = table.rows(chosen(incidents))
    if not available():
        return Total(matches.count())
    found = matches.values("pk")[: limit + 1].count()
    return Total(min(found, limit), found > limit)


def points(incidents, bbox):
    """[(lat, lon, incidents, killed)] of the located incidents within bbox (west, south,
    east, north), one per point."""
    west, south, east, north = bbox
    where = Q(latitude__gte=south, latitude__lte=north, longitude__gte=west, longitude__lte=east)
    return counted(incidents, "points", "latitude", "longitude", where=where)


def unlocated(incidents):
    """(incidents, killed) of the matching incidents that have no location."""
    nowhere = Q(latitude__isnull=True) | Q(longitude__isnull=True)
    return counted(incidents, "unlocated", where=nowhere)[0]


def months(incidents):
    """[(month, incidents, killed)] in order; incidents without a date last, as None."""
    table = answering(incidents, "months")
    if isinstance(table, Incidents):
        table.queryset = table.queryset.annotate(month=TruncMonth("date"))
        rows = table.queryset.values_list("month").annotate(n=table.COUNT, k=table.KILLED)
        rows = [(month, n, k or 0) for month, n, k in rows if n]
    else:
        rows = counted(incidents, "months", "month")
    return sorted(rows, key=lambda row: (row[0] is None, row[0]))


# What the overview breaks the matching incidents down by: {name: the column}.
DIMENSIONS = {
    "governorate": "governorate_id",
    "group": "perpetrator_groups",
    "event_type": "event_type",
}


def overview(incidents):
    """{dimension: [(value, incidents, killed)]}: by governorate, group and event type most
    incidents first, by month in order. An incident put down to two groups counts under
    each; incidents with no known value are under None."""
    result = {}
    for name, column in DIMENSIONS.items():
        rows = [(value or None, n, k) for value, n, k in counted(incidents, "overview", column)]
        if name == "group":
            rows = by_group(rows)
        result[name] = sorted(rows, key=lambda row: (-row[1], str(row[0])))
    result["month"] = months(incidents)
    return result


def by_group(rows):
    """Rows by perpetrator_groups (",a,b,") as rows by each group."""
    groups = {}
    for key, n, killed in rows:
        for group in key.strip(",").split(",") if key else [None]:
            counted = groups.setdefault(group, [0, 0])
            counted[0] += n
            counted[1] += killed
    return [(group, n, killed) for group, (n, killed) in groups.items()]
