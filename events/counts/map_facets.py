"""IncidentMapFacets: IncidentFacets without months, on PostgreSQL: incidents of every status
counted by point, governorate, district, type, groups, place, status, source, toll (capped at
100) and aggregate, with the overview's figures.

The map of a review status, a source or a minimum toll added up IncidentFacets' rows of every
month: 250,000 of them for "verified" at a million incidents (108 ms). Without months this
table holds about 49,000 rows in all, fewer than IncidentSummary's 100,000 even for the
whole country, so it answers the map's points, the totals and the top places for every
filter but the dates. Statement triggers on events_incident keep it (their SQL is in
migration 0038), as a Tally.
"""

from ..models import IncidentMapFacets
from . import facet_breakdowns, facets, summary
from .sql import MAP_FACETS
from .tally import Tally

# The filters this table can answer: IncidentFacets' but the dates, and the precisions (see
# can_answer() for the toll).
ANSWERS = facets.ANSWERS - {"date_from", "date_to"} | {"date_precision", "geo_precision"}
MEASURES = frozenset({"total", "points", "places"})  # no months
ROW = summary.ROW

TALLY = Tally(
    IncidentMapFacets,
    MAP_FACETS.KEY,
    0x5EED_5A18,
    MAP_FACETS.FILL,
    "events_incident",
    MAP_FACETS.MEASURES,
)
rebuild, compact, maybe_compact = TALLY.rebuild, TALLY.compact, TALLY.maybe_compact


def can_answer(chosen):
    if not set(chosen) <= ANSWERS:
        return False
    return chosen.get("min_killed") is None or chosen["min_killed"] <= facets.TOLL_CAP


def rows(chosen):
    """The IncidentMapFacets rows (settled and pending) of these filters' incidents."""
    maybe_compact()
    condition = facets.condition(chosen) & facets.toll(chosen)
    condition &= facet_breakdowns.precision(chosen)
    return IncidentMapFacets.objects.filter(condition).order_by()
