"""The CSV export: every incident a filter selects, streamed with flat memory.

The file ends with one line, `# end of export: N incidents`, written only after the last row: a
file without it was cut short (a worker killed mid-export still sends a 200), and N says how
many rows it holds. CSV readers skip it as a comment (pandas: `comment="#"`).

On PostgreSQL the filtered queryset's SQL runs inside COPY ... TO STDOUT and its bytes go
straight to the client (issue 5: as fast as psql's COPY); SQLite gets a plain Python path.
Both neutralise cells that a spreadsheet would read as a formula.
"""

import csv
import io

from django.db import connection
from django.db.models import Case, CharField, F, OuterRef, Subquery, Value, When
from django.db.models.aggregates import StringAgg
from django.db.models.functions import Cast, Coalesce, Concat, NullIf

from .models import (
    BOUNDS,
    CATEGORIES,
    OUTCOMES,
    Actor,
    ActorGroup,
    DatePrecision,
    EventType,
    GeoPrecision,
    Incident,
    Report,
    ReviewStatus,
    Source,
)

# Every category's low, best and high estimate, killed then injured.
FIGURE_COLUMNS = [
    f"{outcome}_{category}_{bound}"
    for outcome in OUTCOMES
    for category in CATEGORIES
    for bound in BOUNDS
]


def label_of(field, choices):
    """The readable label of a coded column (e.g. "Air strike" beside "airstrike")."""
    return Case(
        *[When(**{field: value}, then=Value(label)) for value, label in choices],
        default=Value(""),
        output_field=CharField(),
    )


# The source's own id for the incident's first report: a dataset's row id (UCDP, ACLED) or,
# for a bulletin, its web address.
first_report = Report.objects.filter(incident=OuterRef("pk")).order_by("-is_primary", "id")
SOURCE_ID = Subquery(
    first_report.annotate(
        own_id=Coalesce(
            NullIf("external_id", Value("")),
            NullIf("bulletin__url", Value("")),
            output_field=CharField(),
        )
    ).values("own_id")[:1]
)

# (header, expression): the order of the file's columns.
COLUMNS = [
    ("id", F("id")),
    ("title", F("title")),
    ("date", F("date")),
    ("date_precision", F("date_precision")),
    ("date_precision_label", label_of("date_precision", DatePrecision.choices)),
    ("date_end", F("date_end")),  # the period's last day, when coarser than a day
    # "yes": a toll summed over a period or an area, not one incident.
    ("aggregate", Case(When(aggregate=True, then=Value("yes")), default=Value(""))),
    ("event_type", F("event_type")),
    ("event_type_label", label_of("event_type", EventType.choices)),
    ("place", F("place__name")),
    ("place_ar", F("place__name_ar")),
    ("district", F("district__name")),
    ("district_ar", F("district__name_ar")),
    ("governorate", F("governorate__name")),
    ("governorate_ar", F("governorate__name_ar")),
    ("province_code", F("governorate_id")),
    ("latitude", F("latitude")),
    ("longitude", F("longitude")),
    ("geo_precision", F("geo_precision")),
    ("geo_precision_label", label_of("geo_precision", GeoPrecision.choices)),
    ("perpetrators", None),  # Built per query: a subquery over the perpetrators.
    ("perpetrator_group", F("perpetrator_group")),
    ("perpetrator_group_label", label_of("perpetrator_group", ActorGroup.choices)),
    *[(name, F(name)) for name in FIGURE_COLUMNS],
    ("status", F("status")),
    ("status_label", label_of("status", ReviewStatus.choices)),
    ("source", F("source")),
    ("source_label", label_of("source", Source.choices)),
    ("source_id", SOURCE_ID),
    ("url", None),  # Built per request: the absolute address of the detail page.
]
HEADER = [name for name, _ in COLUMNS]
TEXT_COLUMNS = {
    "title",
    "date_precision",
    "aggregate",
    "event_type",
    "place",
    "place_ar",
    "district",
    "district_ar",
    "governorate",
    "governorate_ar",
    "province_code",
    "geo_precision",
    "perpetrators",
    "perpetrator_group",
    "status",
    "source",
    "source_id",
    "url",
}
TEXT_COLUMNS |= {name for name, _ in COLUMNS if name.endswith("_label")}
# A spreadsheet reads a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK_BYTES = 64 * 1024
TRAILER_PREFIX = "# end of export: "


def rows_queryset(queryset, detail_prefix, with_perpetrators=True):
    """The export's columns over a filtered queryset, each aliased `c_<header>`.

    Without `with_perpetrators` that column is left out (copy_sql joins it in).
    """
    # Older SQLite builds cannot order inside an aggregate; they list in insertion order.
    ordered = (
        {"order_by": "actor__name"}
        if connection.features.supports_aggregate_order_by_clause
        else {}
    )
    perpetrators = (
        Incident.perpetrators.through.objects.filter(incident_id=OuterRef("pk"))
        .order_by()
        .values("incident_id")
        .annotate(names=StringAgg("actor__name", Value("; "), **ordered))
        .values("names")
    )
    expressions = dict(COLUMNS)
    expressions["perpetrators"] = Subquery(perpetrators)
    if not with_perpetrators:
        del expressions["perpetrators"]
    expressions["url"] = Concat(Value(detail_prefix), Cast("id", CharField()), Value("/"))
    aliases = {f"c_{name}": expression for name, expression in expressions.items()}
    return queryset.annotate(**aliases).values_list(*aliases)


def stream_csv(queryset, detail_prefix):
    """The CSV file's bytes, in chunks: a header row, then one row per incident."""
    if connection.vendor == "postgresql":
        return _stream_copy(copy_sql(queryset, detail_prefix))
    return _stream_python(rows_queryset(queryset, detail_prefix))


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _header():
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(HEADER)
    return buffer.getvalue().encode()


def trailer(count):
    """The export's last line: proof that the file is whole, and how many rows it holds."""
    return f"{TRAILER_PREFIX}{count} incidents\n".encode()


def _stream_python(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    yield _header()
    count = 0
    # An SQLite that cannot order inside an aggregate: the names sorted here, as PostgreSQL
    # sorts them, so a file does not depend on the database it came from.
    names = HEADER.index("perpetrators")
    ordered = connection.features.supports_aggregate_order_by_clause
    for row in rows.iterator(chunk_size=2000):
        if not ordered and row[names]:
            row = (*row[:names], "; ".join(sorted(row[names].split("; "))), *row[names + 1 :])
        writer.writerow(
            value.isoformat() if hasattr(value, "isoformat") else neutralise(value) for value in row
        )
        count += 1
        if buffer.tell() >= CHUNK_BYTES:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode() + trailer(count)


def copy_sql(queryset, detail_prefix):
    """COPY (SELECT ... FROM (the queryset's SQL)) TO STDOUT, with parameters bound.

    The perpetrators are aggregated once for all the selected incidents and joined in, rather
    than by a subquery a row (which took most of a minute at a million rows). A hash join does
    not keep the queryset's order, so the outer query sorts by the same keys again.
    """
    import psycopg

    rows = rows_queryset(queryset, detail_prefix, with_perpetrators=False)
    sql, params = rows.query.sql_with_params()
    ids_sql, ids_params = queryset.order_by().values("pk").query.sql_with_params()
    through = Incident.perpetrators.through._meta.db_table
    actors = Actor._meta.db_table
    perpetrators = (
        f"SELECT p.incident_id, string_agg(a.name, '; ' ORDER BY a.name) AS names"
        f" FROM {through} p JOIN {actors} a ON a.id = p.actor_id"
        f" WHERE p.incident_id IN ({ids_sql}) GROUP BY p.incident_id"
    )
    starts = ", ".join(f"chr({ord(c)})" for c in FORMULA_STARTS)
    outer = []
    for name in HEADER:
        column = "perpetrators.names" if name == "perpetrators" else f'rows."c_{name}"'
        if name in ("date", "date_end"):
            outer.append(f"to_char({column}, 'YYYY-MM-DD')")
        elif name in TEXT_COLUMNS:
            outer.append(
                f"CASE WHEN left({column}, 1) IN ({starts}) THEN '''' || {column} ELSE {column} END"
            )
        else:
            outer.append(column)
    order = []
    for key in queryset.query.order_by:  # OrderBy(F(...)) from filters.sort
        name = "id" if key.expression.name == "pk" else key.expression.name
        nulls = " NULLS FIRST" if key.nulls_first else " NULLS LAST" if key.nulls_last else ""
        order.append(f'rows."c_{name}" {"DESC" if key.descending else "ASC"}{nulls}')
    statement = (
        f"COPY (SELECT {', '.join(outer)} FROM ({sql}) AS rows"
        f" LEFT JOIN ({perpetrators}) AS perpetrators ON perpetrators.incident_id = rows.c_id"
        f"{' ORDER BY ' + ', '.join(order) if order else ''}) TO STDOUT WITH (FORMAT csv)"
    )
    # COPY takes no server-side parameters: bind them on the client, as psql would see them.
    connection.ensure_connection()
    return psycopg.ClientCursor(connection.connection).mogrify(statement, (*params, *ids_params))


def _stream_copy(statement):
    yield _header()
    chunk = bytearray()
    with connection.connection.cursor() as cursor:
        with cursor.copy(statement) as copy:
            for data in copy:
                chunk += data
                if len(chunk) >= CHUNK_BYTES:
                    yield bytes(chunk)
                    chunk.clear()
        yield bytes(chunk) + trailer(cursor.rowcount)  # COPY's own count of the rows sent
