"""IncidentPlaceBreakdown: incidents of every status counted by place (with its district and
governorate), event type, perpetrator groups, status, source, aggregate and date and location
precisions, on PostgreSQL.

The overview's top places were ranked from IncidentSummary (100,000 rows at a million
incidents: 45 ms for the whole country) or, for a status or a source, IncidentFacets (80 ms).
This table has no months, points or tolls: about 26,000 rows. It answers the top places for
every filter the breakdowns answer but the dates (a range of months is ranked from the
summary or the facets), and the total of those filters. Statement triggers on
events_incident keep it (their SQL is in migration 0036), as a Tally.
"""

from ..models import IncidentPlaceBreakdown
from . import facet_breakdowns, facets, summary
from .sql import PLACE_BREAKDOWN
from .tally import Tally

# The filters this table can answer: each has a column here.
ANSWERS = frozenset(
    {"province", "district", "place", "group", "event_type", "status", "source", "aggregates",
     "date_precision", "geo_precision"}
)  # fmt: skip
# The overview's top places, and a total without dates: a third as many rows as the facet
# breakdowns have for a status or a source (4 ms for ?status=extracted at a million
# incidents, where they took 12).
MEASURES = frozenset({"places", "total"})
ROW = summary.ROW

TALLY = Tally(
    IncidentPlaceBreakdown,
    PLACE_BREAKDOWN.KEY,
    0x5EED_5A17,
    PLACE_BREAKDOWN.FILL,
    "events_incident",
    PLACE_BREAKDOWN.MEASURES,
)
rebuild, compact, maybe_compact = TALLY.rebuild, TALLY.compact, TALLY.maybe_compact


def can_answer(chosen):
    return set(chosen) <= ANSWERS


def rows(chosen):
    """The IncidentPlaceBreakdown rows (settled and pending) of these filters' incidents."""
    maybe_compact()
    condition = facets.condition(chosen) & facet_breakdowns.precision(chosen)
    return IncidentPlaceBreakdown.objects.filter(condition).order_by()
