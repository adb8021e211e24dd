"""IncidentSearch: each incident's words (its bulletins' title and text and its reports'
headlines) under a GIN index, with its location, month, toll and the columns the other
filters test beside them, on PostgreSQL.

Searching bulletins and headlines and then joining to incidents cost seconds for a common
word ("hospital": 88,000 incidents). With these rows the list finds a page by walking them
newest first along their date index (ordered()), and the map counts a search of several
words, or a word with a governorate, a type, a source, a toll or dates, from these rows
alone. Statement triggers on incidents, reports and bulletins keep it (their SQL is in
migration 0037); nothing else writes it.
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchQuery
from django.db import connection, transaction
from django.db.models import (
    BigIntegerField,
    BooleanField,
    Exists,
    Expression,
    F,
    Func,
    OuterRef,
    Q,
    Sum,
    Value,
)
from django.db.models.expressions import RawSQL

from ..models import DatePrecision, GeoPrecision, IncidentSearch
from ..pagination import order_queryset
from .sql import SEARCH
from .tally import request_memo

CONFIG = "english"  # the text search configuration of the documents and of the queries

# The filters these rows can answer: the text and those of the incident's columns they carry
# (migration 0037), tested as the incidents are (see within()); and a status of published
# incidents (STATUSES). Not the aggregates: those are counted from the incidents.
ANSWERS = frozenset(
    {"q", "province", "district", "place", "group", "event_type", "source", "min_killed",
     "date_from", "date_to", "date_precision", "geo_precision"}
)  # fmt: skip
# One row an incident: counted, not added up; with the incident's governorate, groups, type,
# month, place and figures, the overview too.
MEASURES = frozenset({"total", "points", "months", "overview"})
# What one row adds: incidents and deaths.
ROW = (Value(1), F("killed"))
# The list's orders (pagination.ORDERINGS) that these rows' own index serves as the
# incidents' does: their date, newest or oldest first, NULLs as the newest (search_date_idx
# read backwards or forwards). Not the tolls: no index of theirs puts NULLs where the list does.
ORDERS = frozenset({"-date", "date"})


# The statuses these rows answer exactly when the aggregates are left out (the default): a
# published row of that status (published: not rejected, not an aggregate) is an incident of
# that status that is not an aggregate, as the FilterSet tests them. Not "rejected": the
# merged-away incidents are rejected too, and their rows say nothing of it.
STATUSES = frozenset({"extracted", "verified"})


def can_answer(chosen):
    if "q" not in chosen:
        return False
    rest = set(chosen) - ANSWERS
    if rest == {"status"}:
        return chosen["status"] in STATUSES
    return not rest


def within(chosen):
    """The condition on search rows of the filters in `chosen` ({name: cleaned value}) that
    they carry a column for, as the FilterSet tests the incidents: exact for those in
    ANSWERS. A filter they cannot test exactly (a status: a merged-away incident is rejected
    here; the aggregates; a party's group) is tested no further than their columns allow:
    the rows it leaves are more, never fewer."""
    condition = Q()
    if chosen.get("province"):
        condition &= Q(governorate_id=chosen["province"].pk)
    if chosen.get("district"):
        condition &= Q(district_id=chosen["district"].pk)
    if chosen.get("place"):
        condition &= Q(place_id=chosen["place"].pk)
    if chosen.get("group") and chosen.get("role") != "party":
        condition &= Q(perpetrator_groups__contains=f",{chosen['group']},")
    if chosen.get("event_type"):
        condition &= Q(event_type=chosen["event_type"])
    if chosen.get("source"):
        condition &= Q(source=chosen["source"])
    if chosen.get("min_killed") is not None:
        condition &= Q(killed__gte=chosen["min_killed"])
    if chosen.get("date_from"):
        condition &= Q(date__gte=chosen["date_from"])
    if chosen.get("date_to"):
        condition &= Q(date__lte=chosen["date_to"])
    if chosen.get("date_precision"):
        condition &= Q(date_precision__in=DatePrecision.as_fine_as(chosen["date_precision"]))
    if chosen.get("geo_precision"):
        condition &= Q(geo_precision__in=GeoPrecision.as_fine_as(chosen["geo_precision"]))
    if not chosen.get("status") and not chosen.get("aggregates"):
        condition &= Q(published=True)  # what every page counts by default
    elif chosen.get("status") in STATUSES and not chosen.get("aggregates"):
        condition &= Q(published=True, status=chosen["status"])  # exact: see STATUSES
    elif chosen.get("status") in STATUSES:
        condition &= Q(status=chosen["status"])
    elif chosen.get("status") == "rejected":
        # With the merged-away incidents (rejected too): more rows, never fewer, but one
        # incident in fifty, under the status index.
        condition &= Q(status="rejected")
    return condition


def rebuild():
    """Every incident's search row afresh: after a load that bypassed the triggers, or to
    repair. Writers to incidents, reports and bulletins wait meanwhile."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("LOCK TABLE events_incident, events_report, events_bulletin IN SHARE MODE")
        cursor.execute(f"DELETE FROM {SEARCH.TABLE}")
        cursor.execute(SEARCH.FILL)
        cursor.execute(f"ANALYZE {SEARCH.TABLE}")


def matching(words):
    """IncidentSearch rows whose words match `words` (websearch syntax: "quoted phrases",
    or, -excluded), published or not."""
    query = SearchQuery(words, config=CONFIG, search_type="websearch")
    return IncidentSearch.objects.filter(document=query)


def rows(chosen):
    """The published search rows matching the text and the other filters: by key when this
    request's filter found them already (few: see incidents_matching())."""
    condition = within(chosen)
    if (ids := few(chosen["q"], condition)) is not None:
        return IncidentSearch.objects.filter(AnyOf(F("incident_id"), IdArray(ids)))
    return matching(chosen["q"]).filter(condition).order_by()


def ordered(chosen, order):
    """The search rows of these filters (can_answer()) in the list's `order` (one of ORDERS),
    for pagination.keyset_page(): the incident's id under its own name, as a keyset reads it.

    A common word's page is then found by walking these rows along their date index and
    testing each row's words in place (3 ms for "agreement", in one incident in a hundred, at
    a million incidents), where walking the incidents newest first and probing each one's
    search row cost 34 ms.

    When this request's filter found few matches (see few()), their rows are read by key
    and sorted, however old they are: walking the dates for them (PostgreSQL's plan for a
    few ids too) read 82,000 rows to find the 1,500 of "teir", all years old (36 ms; 6 ms by
    key)."""
    condition = within(chosen)
    if (ids := few(chosen["q"], condition)) is not None:
        found = IncidentSearch.objects.filter(incident_id__in=Unnested(ids))
    else:
        found = matching(chosen["q"]).filter(condition)
    return order_queryset(found.annotate(id=F("incident_id")).only("incident_id", "date"), order)


def few(words, condition):
    """The sorted ids of the incidents whose search rows match `words` and `condition`, when
    there are no more than INLINE_LIMIT; else None. Found once a request and kept for the
    rest of it (tally.request_memo()): counting the same search again reads its rows by key,
    where searching the word's and the filters' indexes again cost as much as the first time
    (40 ms for a common word in a governorate at a million incidents)."""
    found = request_memo()
    key = ("found", words, repr(condition))
    if found is not None and key in found:
        return found[key]
    if condition == Q(published=True) and common(words):
        ids = None  # IncidentWord says they are many: not fetched only to be dropped
    else:
        ids = list(matching(words).filter(condition).values_list("incident_id", flat=True)[
            : INLINE_LIMIT + 1
        ])  # fmt: skip
        ids = sorted(ids) if len(ids) <= INLINE_LIMIT else None
    if found is not None:
        found[key] = ids
    return ids


# Up to this many matching incidents, a search goes to the database as a list of ids.
INLINE_LIMIT = 5_000


class AnyOf(Func):
    """column = ANY(array): a list of values sent as one parameter."""

    template = "%(expressions)s)"
    arg_joiner = " = ANY("
    output_field = BooleanField()


class Unnested(RawSQL):
    """A list of ids as a subquery of its own, SELECT unnest(…) OFFSET 0: the OFFSET keeps
    PostgreSQL from folding it into the outer query, so the rows of those ids are fetched by
    key, never by walking an index in the outer query's order in search of them."""

    def __init__(self, ids):
        super().__init__("SELECT unnest(%s::bigint[]) OFFSET 0", [IdArray.text(ids)])


class IdArray(Expression):
    """A list of ids as one bigint[] parameter, sent as its text "{1,2,3}": one parameter to
    adapt, however many ids."""

    output_field = ArrayField(BigIntegerField())

    def __init__(self, ids):
        super().__init__()
        self.ids = ids

    def as_sql(self, compiler, connection):
        return "%s::bigint[]", [self.text(self.ids)]

    @staticmethod
    def text(ids):
        return "{" + ",".join(str(int(pk)) for pk in ids) + "}"


def incidents_matching(queryset, words, chosen=None):
    """The incidents of `queryset` whose search rows match `words` (PostgreSQL), narrowed
    first by the other filters `chosen` that the rows carry (see within()).

    A rare word (most searches: a place, a name), or a common one with a governorate, a type
    or a source, matches few incidents: their ids go in as a list, and PostgreSQL plans the
    page, the count and the map knowing how few they are. Otherwise newest incidents first,
    each probed by its primary key.
    """
    condition = within(chosen or {})
    matches = matching(words).filter(condition)
    if (ids := few(words, condition)) is not None:
        return queryset.filter(AnyOf(F("pk"), IdArray(ids)))
    return queryset.filter(Exists(matches.filter(incident_id=OuterRef("pk"))))


def common(words):
    """Whether more than INLINE_LIMIT published incidents hold the one word that `words`
    comes to, as IncidentWord counts them (a few thousand rows): then the ids of its matches
    are not fetched only to be dropped (18 ms for "hospital" at a million incidents)."""
    from . import words as counted  # IncidentWord is counted from these rows

    if counted.single_word(words) is None:
        return False
    found = counted.rows({"q": words}).aggregate(n=Sum("incidents"))["n"]
    return (found or 0) > INLINE_LIMIT
