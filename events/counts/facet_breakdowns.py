"""IncidentFacetBreakdown: incidents of every status counted as IncidentBreakdown counts the
published ones, and by review status, source, whether they are aggregates and their date and
location precisions, on PostgreSQL.

A status or a source was counted from IncidentFacets, whose points, places and tolls make
355,000 rows at a million incidents: a common status ("verified", "extracted") matched most of
them, and the list's total, the histogram and the overview read 90,000 rows or more (list
125 ms, overview 170 ms). This table holds about 92,000, of which one status or source
matches a few tens of thousands at most. Statement triggers on events_incident keep it (their
SQL is in migration 0035), as a Tally.
"""

from django.db.models import Q

from ..models import DatePrecision, GeoPrecision, IncidentFacetBreakdown
from . import facets, summary
from .sql import FACET_BREAKDOWN
from .tally import Tally

# The filters this table can answer: each has a column here (the dates when they cut whole
# months, see summary.whole_months()).
ANSWERS = frozenset(
    {"province", "group", "event_type", "date_from", "date_to", "status", "source", "aggregates",
     "date_precision", "geo_precision"}
)  # fmt: skip
MEASURES = frozenset({"total", "months", "breakdowns"})  # no points, no places
ROW = summary.ROW

TALLY = Tally(
    IncidentFacetBreakdown,
    FACET_BREAKDOWN.KEY,
    0x5EED_5A16,
    FACET_BREAKDOWN.FILL,
    "events_incident",
    FACET_BREAKDOWN.MEASURES,
)
rebuild, compact, maybe_compact = TALLY.rebuild, TALLY.compact, TALLY.maybe_compact


def can_answer(chosen):
    return set(chosen) <= ANSWERS and summary.whole_months(chosen)


def rows(chosen):
    """The IncidentFacetBreakdown rows (settled and pending) of these filters' incidents."""
    maybe_compact()
    condition = facets.condition(chosen) & precision(chosen)
    return IncidentFacetBreakdown.objects.filter(condition).order_by()


def precision(chosen):
    """The condition on the precision columns (this table's, IncidentPlaceBreakdown's and
    IncidentMapFacets') for ?date_precision= and ?geo_precision=, as the FilterSet's."""
    condition = Q()
    if "date_precision" in chosen:
        condition &= Q(date_precision__in=DatePrecision.as_fine_as(chosen["date_precision"]))
    if "geo_precision" in chosen:
        condition &= Q(geo_precision__in=GeoPrecision.as_fine_as(chosen["geo_precision"]))
    return condition
