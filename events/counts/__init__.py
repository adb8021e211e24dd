"""How many incidents match a filter, where and when: the one place that decides which table
answers a validated IncidentFilter.

    counts.total(incidents)          Total(count, capped): the same on every page
    counts.map_counts(incidents, bbox)  points in view, those without a location, the total
    counts.histogram(incidents)      [(month, incidents, killed)] (undated last), the total
    counts.overview(incidents)       by governorate, group, event type, month and top places,
                                     each with every figure the overview shows; the total
    counts.page(incidents, matching, cursor, size, read)  one page of the list, found
                                     along the search rows when they answer the filter

At a million incidents, counting the incident rows costs hundreds of milliseconds, so on
PostgreSQL tables kept by triggers count them ahead: IncidentBreakdown (breakdowns.py),
IncidentFacetBreakdown (facet_breakdowns.py), IncidentTollBreakdown (toll_breakdowns.py),
IncidentFacetTollBreakdown (facet_toll_breakdowns.py),
IncidentPlaceBreakdown (place_breakdowns.py),
IncidentMapFacets (map_facets.py), IncidentSummary (summary.py), IncidentFacets (facets.py),
IncidentWord (words.py) and IncidentSearch (search.py). Each
module lists in ANSWERS the filters it *can* answer (and in MEASURES what it can count); the
first in TABLES that can answer every chosen filter answers. A date range that cuts months is
answered by a summary for its whole months and by the incidents for the days at its ends.
Otherwise the incidents themselves answer, so a new filter is counted from the incidents
until a table says it can answer it: it is never silently ignored. On SQLite every count is
made from the incidents.
"""

import calendar
import datetime
import hashlib
from dataclasses import dataclass
from typing import NamedTuple

from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import Case, Count, F, Q, Sum, Value, When
from django.db.models.functions import Coalesce, TruncMonth

from ..models import Aggregates, ClaimKind, DataVersion, DatePrecision, GeoPrecision
from ..pagination import keyset_page
from . import (
    breakdowns,
    facet_breakdowns,
    facet_toll_breakdowns,
    facets,
    map_facets,
    place_breakdowns,
    search,
    sql,
    summary,
    toll_breakdowns,
    words,
)
from .tally import available, capped_sum

# Totals are exact up to this many incidents on PostgreSQL (past it, "100,000+" on every
# page, whichever table counted them); exact always on SQLite.
LIMIT = 100_000
# The most period records read by id before a text search is tested on them (see periods()).
FEW = 5_000
# The tables, smallest first: the first that can answer a filter does.
TABLES = (
    breakdowns, place_breakdowns, facet_breakdowns, toll_breakdowns, map_facets, summary,
    facet_toll_breakdowns, facets, words, search,
)  # fmt: skip
# Those whose rows are counts to add up (a search row is one incident).
TALLIES = (
    breakdowns, facet_breakdowns, toll_breakdowns, facet_toll_breakdowns, place_breakdowns,
    map_facets, summary, facets, words,
)  # fmt: skip
# Those without points or places: the overview's top places come from another.
BREAKDOWNS = (breakdowns, facet_breakdowns, toll_breakdowns, facet_toll_breakdowns)
# The breakdowns of incidents of every status, or by toll: their facets or tolls multiply
# their months' rows (92,000 facet breakdowns at a million incidents, where the place
# breakdowns, without months, hold 27,000). The overview reads only the months from these,
# and the rest of a filter's figures from a table WITHOUT_MONTHS that answers it (see
# overview()). IncidentBreakdown (15,000 rows) answers all of them faster itself.
BY_FACET_OR_TOLL = (facet_breakdowns, toll_breakdowns, facet_toll_breakdowns)
# Tables with the governorate, the groups, the type and the place but no month.
WITHOUT_MONTHS = (place_breakdowns, map_facets)
# Every table the triggers keep, with the migration whose SQL installs them, in the order a
# rebuild counts them afresh (the word counts after the search rows they count).
KEPT = (
    (summary, sql.SUMMARY),
    (facets, sql.FACETS),
    (breakdowns, sql.BREAKDOWN),
    (facet_breakdowns, sql.FACET_BREAKDOWN),
    (toll_breakdowns, sql.TOLL_BREAKDOWN),
    (facet_toll_breakdowns, sql.FACET_TOLL_BREAKDOWN),
    (place_breakdowns, sql.PLACE_BREAKDOWN),
    (map_facets, sql.MAP_FACETS),
    (search, sql.SEARCH),
    (words, sql.WORDS),
)
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
    filters = {
        name: value
        for name, value in incidents.form.cleaned_data.items()
        if name not in NOT_FILTERS and value not in (None, "")
        and not (isinstance(value, str) and not value.strip())
    }  # fmt: skip
    # `role` says what `group` and `actor` ask: its default (who carried it out) is what the
    # tables count, and without a group or an actor it selects nothing.
    if filters.get("role") != ClaimKind.PARTY or not filters.keys() & {"group", "actor"}:
        filters.pop("role", None)
    return filters


def either(field, bound):
    """A figure's bound, or its best when it has no range."""
    return Coalesce(f"{field}_{bound}", f"{field}_best", Value(0))


def share(condition):
    """1 for an incident that meets the condition, else 0."""
    return Case(When(condition, then=Value(1)), default=Value(0))


class Incidents:
    """The incidents themselves, through the FilterSet: they answer every filter."""

    MEASURES = frozenset({"total", "points", "months", "overview", "places"})
    ROW = (Value(1), F("killed_total_best"))
    # The overview's figures (see Figures) of each incident.
    FIGURES = {
        "incidents": Value(1),
        "killed": Coalesce("killed_total_best", Value(0)),
        "killed_low": either("killed_total", "low"),
        "killed_high": either("killed_total", "high"),
        "civilians": Coalesce("killed_civilians_best", Value(0)),
        "civilians_low": either("killed_civilians", "low"),
        "civilians_high": either("killed_civilians", "high"),
        "dated_to_day": share(Q(date_precision=DatePrecision.DAY, date__isnull=False)),
        "located_at_place": share(Q(geo_precision=GeoPrecision.PLACE)),
    }

    def __init__(self, queryset, edges=False):
        self.queryset = queryset.order_by()
        self.edges = edges  # only the days at the ends of a range: few, counted exactly

    def rows(self, chosen):
        return self.queryset


def able(filters, measure):
    """The first table that can count `measure` for these filters, or None."""
    for table in TABLES:
        if measure in table.MEASURES and table.can_answer(filters):
            return table
    return None


def whole_months(filters):
    """(the filters with their dates narrowed to the whole months within, a Q of the days
    left at the ends) when the dates cut months; None when they don't, or there is no whole
    month between them."""
    date_from, date_to = filters.get("date_from"), filters.get("date_to")
    narrowed, ends = dict(filters), Q()
    try:
        if date_from and date_from.day != 1:
            month_after = date_from.replace(day=28) + datetime.timedelta(days=4)
            narrowed["date_from"] = month_after.replace(day=1)
            ends |= Q(date__lt=narrowed["date_from"])
        if date_to and date_to.day != calendar.monthrange(date_to.year, date_to.month)[1]:
            narrowed["date_to"] = date_to.replace(day=1) - datetime.timedelta(days=1)
            ends |= Q(date__gt=narrowed["date_to"])
    except OverflowError:  # in December 9999 or January of year 1: the incidents answer
        return None
    if narrowed == filters:
        return None
    if date_from and date_to and narrowed["date_from"] > narrowed["date_to"]:
        return None
    return narrowed, ends


def parts(incidents, measure):
    """[(table, filters)]: what answers `measure`, as tables whose counts add up to it."""
    filters = chosen(incidents)
    if available():
        if table := able(filters, measure):
            return [(table, filters)]
        if split := whole_months(filters):
            narrowed, ends = split
            if (table := able(narrowed, measure)) in (*BREAKDOWNS, summary, facets):
                return [(table, narrowed), (Incidents(incidents.qs.filter(ends), True), filters)]
    return [(Incidents(incidents.qs), filters)]


def answering(incidents, measure):
    """The table that answers `measure` alone for these filters (see parts())."""
    found = parts(incidents, measure)
    return found[0][0] if len(found) == 1 else None


def counted(incidents, measure, *by, where=None):
    """[(*by, incidents, killed)] of the matching incidents (within `where`), grouped by the
    columns `by`, from the tables that answer `measure`; keys that count none are left out."""
    added = {}
    for table, filters in parts(incidents, measure):
        rows = table.rows(filters).filter(where or Q())
        if isinstance(table, Incidents) and "month" in by:
            rows = rows.annotate(month=TruncMonth("date"))
        n, killed = Sum(table.ROW[0]), Sum(table.ROW[1])
        if by:
            rows = rows.values_list(*by).annotate(n=n, k=killed)
        else:
            found = rows.aggregate(n=n, k=killed)
            rows = [(found["n"], found["k"])]
        for *key, n, killed in rows:
            sums = added.setdefault(tuple(key), [0, 0])
            sums[0] += int(n or 0)  # PostgreSQL's sum of a bigint is a numeric (Decimal)
            sums[1] += int(killed or 0)
    return [(*key, n, killed) for key, (n, killed) in added.items() if n or not by]


def capped(count):
    """The Total of `count` matches, as every page states it: past LIMIT, "LIMIT+" on
    PostgreSQL (whichever table counted them); exact on SQLite."""
    if available() and count > LIMIT:
        return Total(LIMIT, True)
    return Total(count)


def known_total(incidents):
    """total() when a tally answers (its rows added up, no incident read), else None."""
    [(table, filters), *ends] = parts(incidents, "total")
    if table not in TALLIES:
        return None
    count, over = capped_sum(table.rows(filters), LIMIT)
    for days, chosen_filters in ends:  # the days at the ends of a range: few, all counted
        if not over:
            count += days.rows(chosen_filters).count()
    return Total(LIMIT, True) if over else capped(count)


def tallied(filters):
    """How many incidents these filters ({name: cleaned value}) match, from the table that
    counts them (capped at LIMIT, their months whole: an estimate of their size, not a
    total to show), or None when no table answers them."""
    if not available():
        return None
    table = able(filters, "total")
    if table not in TALLIES:
        if not (split := whole_months(filters)):
            return None
        filters = split[0]
        table = able(filters, "total")
        if table not in TALLIES:
            return None
    return capped_sum(table.rows(filters), LIMIT)[0]


def total(incidents):
    """How many incidents match (see capped()). The incidents themselves are counted no
    further than LIMIT + 1, and a tally's rows no further than needed to pass LIMIT."""
    if not available():
        return capped(counted(incidents, "total")[0][0])
    if (known := known_total(incidents)) is not None:
        return known
    [(table, filters)] = parts(incidents, "total")
    return capped(table.rows(filters).values("pk")[: LIMIT + 1].count())


def along_search_rows(incidents):
    """Does page() find this filter's pages along the search rows (not the incidents)?"""
    order, filters = incidents.chosen_order, chosen(incidents)
    return available() and order in search.ORDERS and search.can_answer(filters)


# At most this many matches (a count said so) are gathered and sorted rather than found by
# walking the order's index (see pagination.keyset_page).
GATHER = 10_000
# The orders no index of a table's filters serves (only the incidents' own toll index, which
# no filter narrows), and how few matches a table must count to be gathered in them: walking
# the toll index for a page of 1,588 matches in a map area and two years read 62,000 rows
# (87 ms at a million incidents, 40 gathered); a few thousand matches are found sooner by
# walking than by reading what their least selective filter's index holds.
UNSERVED_ORDERS = frozenset({"-killed", "killed"})
GATHER_KNOWN = 2_000
# In the date orders, the filters whose indexes serve the order too (a governorate's, a
# group's and the dates' indexes hold the date): walked. Beside any other, so few matches
# (a map area, a toll and a source: 55 at a million incidents) are gathered, since walking
# the date index for them read 1,000,000 rows (224 ms).
SERVED_BY_DATE = frozenset({"province", "group", "date_from", "date_to"})
GATHER_FEW = 500


def page(incidents, matching, cursor, size, read, total=None, known=None):
    """One keyset page (pagination.Page) of `matching` (the filter's incidents, or none when
    a count says none match), each incident read as read(queryset) reads them.

    On PostgreSQL, when the search rows answer every chosen filter and carry the order's
    column, the page's ids are found along them (search.ordered()) and only those incidents
    are read; otherwise along the incidents themselves, gathered first when `total` (the
    Total of the matches counted from the incidents, when no table answers) says they are
    few. (A table's filters have indexes that serve the date orders too: walked, not
    gathered; in the toll orders, gathered when `known`, the Total the table counted, says
    they are very few: see UNSERVED_ORDERS.)"""
    order, filters = incidents.chosen_order, chosen(incidents)
    if matching.query.is_empty() or not along_search_rows(incidents):
        few = available() and total is not None and not total.capped and total.count <= GATHER
        few = few or (
            available()
            and known is not None
            and not known.capped
            and (
                (order in UNSERVED_ORDERS and known.count <= GATHER_KNOWN)
                or (known.count <= GATHER_FEW and bool(set(filters) - SERVED_BY_DATE))
            )
        )
        return keyset_page(read(matching), order, cursor, size, gather=few)
    found = keyset_page(search.ordered(filters, order), order, cursor, size)
    ids = [row.pk for row in found.rows]
    by_id = {row.pk: row for row in read(matching.model.objects.filter(pk__in=ids).order_by())}
    found.rows = [by_id[pk] for pk in ids if pk in by_id]
    return found


def left_out(incidents):
    """The Total of the period reports (aggregates) that a valid filter leaves out of its
    counts, from the table that counts them (a partial index finds their few rows); None
    when only the incidents themselves could count them, which the pages' note does without
    rather than pay a second count. Exact on SQLite."""
    filters = {**chosen(incidents), "aggregates": Aggregates.ONLY}
    if not available():
        data = incidents.data.copy()
        data["aggregates"] = Aggregates.ONLY
        only = type(incidents)(data, queryset=incidents.queryset)
        return total(only) if only.is_valid() else None
    table = able(filters, "total")
    if table not in TALLIES:
        return None
    return capped(int(table.rows(filters).aggregate(n=Sum(table.ROW[0]))["n"] or 0))


def map_counts(incidents, bbox):
    """([(lat, lon, incidents, killed)] of the located incidents within bbox (west, south,
    east, north), one per point; (incidents, killed) of those without a location; the
    Total), from one count by point of every match."""
    west, south, east, north = bbox
    points, unlocated, everything = [], [0, 0], 0
    for lat, lon, n, killed in counted(incidents, "points", "latitude", "longitude"):
        everything += n
        if lat is None or lon is None:
            unlocated[0] += n
            unlocated[1] += killed
        elif south <= lat < north and west <= lon < east:  # (as filters.AreaFilter)
            points.append((lat, lon, n, killed))
    return points, tuple(unlocated), capped(everything)


def points(incidents, bbox):
    return map_counts(incidents, bbox)[0]


def months(incidents):
    """[(month, incidents, killed)] in order; incidents without a date last, as None."""
    return histogram(incidents)[0]


def histogram(incidents):
    """(months(), total()) from one count."""
    by, total = breakdown(incidents, "months", ["month"])
    return by_month(by["month"]), total


def periods(incidents):
    """[(date, date_end, date_precision, incidents, killed)] of the matching records of
    periods longer than a month (IncidentQuerySet.periods()), which the histogram shows
    apart from its bars.

    Such records are few whatever the filter. With a text search on PostgreSQL, they are
    found first (a partial index holds them) and only they are tested against the words:
    testing the words first hashed every match of a common phrase ("air strike": 68,000
    incidents, 580 ms at a million) to find its 16 period records (33 ms so). Other filters
    are tested along that index already."""
    matching = incidents.qs
    if available() and "q" in chosen(incidents):
        spanning = matching.model.objects.spanning_months().filter(date__isnull=False)
        ids = list(spanning.values_list("pk", flat=True)[: FEW + 1])
        if len(ids) <= FEW:
            matching = matching.filter(pk__in=search.Unnested(ids))
    return matching.periods()


def by_month(rows):
    return sorted(rows, key=lambda row: (row[0] is None, row[0]))


# What the overview breaks the matching incidents down by: {name: the column}.
DIMENSIONS = {
    "governorate": "governorate_id",
    "group": "perpetrator_groups",
    "event_type": "event_type",
    "month": "month",
    "place": "place_id",
}
TOP_PLACES = 15


class Figures(NamedTuple):
    """What the overview shows of some incidents: how many, their deaths (best, low, high; a
    best figure without a range is its own low and high), civilians killed, and how many are
    dated to the day and located at a place. Summary and facets rows hold these columns."""

    incidents: int = 0
    killed: int = 0
    killed_low: int = 0
    killed_high: int = 0
    civilians: int = 0
    civilians_low: int = 0
    civilians_high: int = 0
    dated_to_day: int = 0
    located_at_place: int = 0

    def plus(self, other):
        return Figures(*(a + b for a, b in zip(self, other, strict=True)))


def overview(incidents):
    """({dimension: [(value, Figures)]}, Figures of them all, total()): the matching incidents
    by governorate, group and event type most incidents first, by month in order, and the
    TOP_PLACES places with most incidents (with any tied with the last of them; the caller
    breaks the tie). An incident put down to two groups counts under each; incidents with no
    known value are under None (except for places: only places are listed)."""
    names, columns = Figures._fields, list(DIMENSIONS.values())
    places = ("place_id", TOP_PLACES)
    if any(table in BREAKDOWNS for table, _ in parts(incidents, "breakdowns")):
        if (
            answering(incidents, "breakdowns") in BY_FACET_OR_TOLL
            and answering(incidents, "places") in WITHOUT_MONTHS
        ):
            # By governorate, group, type and the top places in one pass of the table
            # without months, and the months alone from the breakdowns: grouping the 72,000
            # facet breakdowns of ?date_precision=month four ways took 72 ms of PostgreSQL's
            # CPU and ranking the places 14 more, at a million incidents; the 20,000 place
            # breakdowns four ways (the places ranked) take 24 ms, the facet breakdowns by
            # month 27.
            undated = [column for column in columns if column != "month"]
            by, total = breakdown(incidents, "places", undated, names, top=places)
            by.update(breakdown(incidents, "breakdowns", ["month"], names)[0])
        else:
            # The breakdowns have no place: the top places come from a table that has.
            by, total = breakdown(incidents, "breakdowns", columns[:-1], names)
            by.update(breakdown(incidents, "places", ["place_id"], names, top=places)[0])
    else:
        by, total = breakdown(incidents, "overview", columns, names, top=places)
    result = {}
    for name, column in DIMENSIONS.items():
        rows = [(value or None, Figures(*sums)) for value, *sums in by[column]]
        if name == "group":
            rows = by_group(rows)
        result[name] = sorted(rows, key=lambda row: (-row[1].incidents, str(row[0])))
    result["month"] = by_month(result["month"])
    result["place"] = top([row for row in result["place"] if row[0] is not None], TOP_PLACES)
    everything = Figures()
    for _, figures in result["event_type"]:  # every incident has one
        everything = everything.plus(figures)
    return result, everything, total


def top(rows, size):
    """The first `size` of rows sorted by incidents, most first, and any tied with the last."""
    if len(rows) <= size:
        return rows
    least = rows[size - 1][1].incidents
    return [row for row in rows if row[1].incidents >= least]


def figures(table, names):
    """{name: the expression that adds up figure `name`} for rows of `table`: the incidents'
    own, a table's ROW for incidents and deaths, else its column of that name."""
    if isinstance(table, Incidents):
        return {name: Incidents.FIGURES[name] for name in names}
    row = {"incidents": table.ROW[0], "killed": table.ROW[1]}
    return {name: row.get(name, F(name)) for name in names}


def breakdown(incidents, measure, columns, names=("incidents", "killed"), top=None):
    """({column: [(value, *sums)]}, the Total) for each of `columns`, each row's sums of the
    figures `names`, read in one pass of each table that answers (GROUPING SETS) on
    PostgreSQL. `top` = (column, n): of that column only the rows with the n most incidents
    (and those tied with the n-th) are needed."""
    found = parts(incidents, measure)
    added = {column: {} for column in columns}
    everything = 0
    for table, filters in found:
        rows = table.rows(filters)
        if isinstance(table, Incidents):
            rows = rows.annotate(month=TruncMonth("date"))
        sums = figures(table, names)
        for column, values in grouped(rows, columns, sums, top if len(found) == 1 else None):
            if column is None:
                everything += int(values[0][1] or 0)
                continue
            for value, *counts in values:
                if isinstance(value, datetime.datetime):  # date_trunc() of a date, read raw
                    value = value.date()
                kept = added[column].setdefault(value, [0] * len(names))
                for i, n in enumerate(counts):
                    kept[i] += int(n or 0)  # PostgreSQL's sums are numeric (Decimal)
    by = {
        column: [(value, *counts) for value, counts in values.items() if counts[0]]
        for column, values in added.items()
    }
    return by, capped(everything)


def grouped(rows, columns, sums, top):
    """[(column, [(value, *sums)])] of `rows` (a queryset) grouped by each column, and
    (None, [(None, incidents)]) for them all."""
    if not available():
        result = [
            (column, list(rows.values_list(column).annotate(**aggregates(sums)).order_by()))
            for column in columns
        ]
        return [*result, (None, [(None, sum(row[1] for row in result[0][1]))])]
    try:
        inner, params = (
            rows.annotate(**{f"each_{name}": expression for name, expression in sums.items()})
            .values_list(*columns, *(f"each_{name}" for name in sums))
            .query.sql_with_params()
        )
    except EmptyResultSet:  # a filter that Django knows matches nothing
        return [(None, [(None, 0)])]
    names = ", ".join(columns)
    added = ", ".join(f"sum(each_{name}) AS {name}" for name in sums)
    # Every row is in one group of each column: the total is what the groups of a column add
    # up to (one that `top` does not cut short), not a grouping set () of its own, which
    # added every figure of every row once more.
    whole = next((column for column in columns if not top or column != top[0]), None)
    sets = ", ".join([*(f"({column})" for column in columns), *([] if whole else ["()"])])
    everything = 2 ** len(columns) - 1  # GROUPING() of (): every bit set
    sql = (
        f"SELECT {names}, GROUPING({names}) AS grouped_by, {added} FROM ({inner}) AS s"
        f" GROUP BY GROUPING SETS ({sets})"
    )
    if top:  # Only the first rows of the `top` column (NULL last), ranked in the database.
        column, size = top
        place = everything - 2 ** (len(columns) - 1 - columns.index(column))
        sql = (
            f"SELECT {names}, grouped_by, {', '.join(sums)} FROM (SELECT *, rank() OVER"
            f" (PARTITION BY grouped_by ORDER BY {column} IS NULL, incidents DESC) AS ranked"
            f" FROM ({sql}) AS g) AS r WHERE grouped_by <> {place} OR ranked <= {int(size)}"
        )
    result, width = {}, len(columns)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for row in cursor.fetchall():
            values, grouping, counts = row[:width], row[width], row[width + 1 :]
            if grouping == everything:
                result[None] = [(None, counts[0])]
                continue
            # The column grouped by is the one whose bit is 0 (leftmost: highest bit).
            position = next(i for i in range(width) if not grouping >> (width - 1 - i) & 1)
            result.setdefault(columns[position], []).append((values[position], *counts))
    if whole:
        result[None] = [(None, sum(row[1] for row in result.get(whole, [])))]
    return list(result.items())


def aggregates(sums):
    return {f"sum_{name}": Sum(expression) for name, expression in sums.items()}


def by_group(rows):
    """Rows by perpetrator_groups (",a,b,") as rows by each group: [(group, Figures)]."""
    groups = {}
    for key, counted in rows:
        for group in key.strip(",").split(",") if key else [None]:
            groups[group] = groups.get(group, Figures()).plus(counted)
    return list(groups.items())


# DataVersion rows (PostgreSQL: one per writing statement) beyond which a reader folds them.
VERSION_ROWS = 1_000
VERSION_LOCK = 0x5EED_5A14


def version():
    """How many writes have changed what the counts read: a new number whenever any
    incident, perpetrator, report or bulletin has changed (see DataVersion)."""
    rows = DataVersion.objects.aggregate(writes=Sum("writes"), rows=Count("*"))
    if rows["rows"] > VERSION_ROWS and available():
        fold_versions()
    return rows["writes"] or 0


def fold_versions():
    """Fold DataVersion's rows into one of the same sum: skipped while another does it."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [VERSION_LOCK])
        if cursor.fetchone()[0]:
            table = DataVersion._meta.db_table
            cursor.execute(
                f"WITH moved AS (DELETE FROM {table} RETURNING writes)"
                f" INSERT INTO {table} (writes) SELECT sum(writes) FROM moved"
                " HAVING count(*) > 0"
            )


def etag(request):
    """The ETag of a counted response to `request`: its path and query, and the version of
    the data. Computed without counting, so an unchanged answer costs one small query."""
    key = f"{version()}:{request.get_full_path()}".encode()
    return f'"{hashlib.sha256(key).hexdigest()[:32]}"'
