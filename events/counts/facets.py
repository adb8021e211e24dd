"""IncidentFacets: incidents of every status counted by point, month, governorate, district,
event type, perpetrator groups, place, status (merged-away incidents as 'merged'), source,
toll (capped at 100) and whether they are aggregates, on PostgreSQL, with the overview's
figures as IncidentSummary has them.

IncidentSummary (published incidents that are not aggregates, fewer dimensions: a third as
many rows) answers the filters most views use; this table answers the others that a summary
can: review status, source, a minimum toll up to 100 (a higher one is met by few incidents,
counted from them along the toll index) and the aggregates. Statement triggers on
events_incident keep it (their SQL is in migration 0032), as a Tally.
"""

from django.db.models import F, Q

from ..models import Aggregates, IncidentFacets, ReviewStatus
from . import summary
from .sql import FACETS
from .tally import Tally

# The filters this table can answer: each has a column here (see can_answer() for the dates
# and the toll).
ANSWERS = summary.ANSWERS | {"status", "source", "min_killed", "aggregates"}
MEASURES = frozenset({"total", "points", "months", "overview", "places"})
# What one row adds: incidents and deaths.
ROW = (F("incidents"), F("killed"))
# killed_capped is least(killed_total_best, TOLL_CAP): a minimum up to it is answered here.
TOLL_CAP = 100

MERGED = "merged"  # the status these rows give an incident merged into another

TALLY = Tally(
    IncidentFacets, FACETS.KEY, 0x5EED_5A13, FACETS.FILL, "events_incident", FACETS.MEASURES
)
rebuild, compact, maybe_compact = TALLY.rebuild, TALLY.compact, TALLY.maybe_compact


def can_answer(chosen):
    if not set(chosen) <= ANSWERS:
        return False
    if chosen.get("min_killed") is not None and chosen["min_killed"] > TOLL_CAP:
        return False
    return summary.whole_months(chosen)


def condition(chosen):
    """The condition on rows of every status, source and aggregate (this table's and
    IncidentFacetBreakdown's) for the filters that both answer: all but the toll."""
    condition = summary.condition(chosen)
    if "status" in chosen:
        condition &= Q(status=chosen["status"])  # 'merged' for incidents merged into another
    else:  # as Incident.objects.published()
        condition &= ~Q(status__in=[ReviewStatus.REJECTED, MERGED])
    condition &= aggregates(chosen.get("aggregates"))
    if "source" in chosen:
        condition &= Q(source=chosen["source"])
    return condition


def rows(chosen):
    """The IncidentFacets rows (settled and pending) of these filters' incidents."""
    maybe_compact()
    return IncidentFacets.objects.filter(condition(chosen) & toll(chosen)).order_by()


def toll(chosen):
    """The condition on killed_capped (this table's and IncidentMapFacets') for a minimum
    toll up to TOLL_CAP."""
    if "min_killed" in chosen:
        return Q(killed_capped__gte=chosen["min_killed"])
    return Q()


def aggregates(choice):
    """The condition on rows for ?aggregates= (see IncidentFilter.filter_aggregates)."""
    if choice == Aggregates.INCLUDE:
        return Q()
    return Q(aggregate=choice == Aggregates.ONLY)
