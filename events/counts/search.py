"""IncidentSearch: each incident's words (its bulletins' title and text and its reports'
headlines) under a GIN index, with its location, month, toll and status beside them, on
PostgreSQL.

Searching bulletins and headlines and then joining to incidents cost seconds for a common
word ("hospital": 88,000 incidents). With these rows the list finds a page by walking
incidents newest first and probing one row each, and the map counts a search of several
words from these rows alone. Statement triggers on incidents, reports and bulletins keep it
(their SQL is in migration 0030); nothing else writes it.
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
    Value,
)

from ..models import IncidentSearch
from .sql import SEARCH

CONFIG = "english"  # the text search configuration of the documents and of the queries

# The filters these rows can answer alone (they hold no governorate, type or status).
ANSWERS = frozenset({"q"})
# One row an incident: counted, not added up; no governorate or type for the overview.
MEASURES = frozenset({"total", "points", "months"})
# What one row adds: incidents and deaths.
ROW = (Value(1), F("killed"))


def can_answer(chosen):
    return bool(chosen) and set(chosen) <= ANSWERS


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
    """The published search rows matching the text."""
    return matching(chosen["q"]).filter(published=True).order_by()


# Up to this many matching incidents, a search goes to the database as a list of ids.
INLINE_LIMIT = 5_000


class AnyOf(Func):
    """column = ANY(array): a list of values sent as one parameter."""

    template = "%(expressions)s)"
    arg_joiner = " = ANY("
    output_field = BooleanField()


class IdArray(Expression):
    """A list of ids as one bigint[] parameter, sent as its text "{1,2,3}": one parameter to
    adapt, however many ids."""

    output_field = ArrayField(BigIntegerField())

    def __init__(self, ids):
        super().__init__()
        self.ids = ids

    def as_sql(self, compiler, connection):
        return "%s::bigint[]", ["{" + ",".join(str(int(pk)) for pk in self.ids) + "}"]


def incidents_matching(queryset, words):
    """The incidents of `queryset` whose search rows match `words` (PostgreSQL).

    A rare word (most searches: a place, a name) matches few incidents: their ids go in as
    a list, and PostgreSQL plans the page, the count and the map knowing how few they are. A
    common word: newest incidents first, each probed by its primary key.
    """
    matches = matching(words)
    ids = list(matches.values_list("incident_id", flat=True)[: INLINE_LIMIT + 1])
    if len(ids) <= INLINE_LIMIT:
        return queryset.filter(AnyOf(F("pk"), IdArray(sorted(ids))))
    return queryset.filter(Exists(matches.filter(incident_id=OuterRef("pk"))))
