"""IncidentTollBreakdown: published incidents that are not aggregates counted as
IncidentBreakdown counts them, and by their toll (capped at 100), on PostgreSQL.

A minimum toll was added up from IncidentFacets, whose points and places make 355,000 rows at
a million incidents: "2 or more killed" matched two thirds of them, and the overview took
300 ms. This table holds about 62,000 (of which such a minimum matches 46,000, a tenth as
many). It answers the totals, the histogram and the overview's breakdowns of a minimum toll up
to 100 with a governorate, a group, an event type and whole months; the top places come from
the map's facets, which have the toll too. Statement triggers on events_incident keep it
(their SQL is in migration 0044), as a Tally.
"""

from ..models import IncidentTollBreakdown
from . import breakdowns, facets, summary
from .sql import TOLL_BREAKDOWN
from .tally import Tally

# The filters this table can answer: each has a column here (the dates when they cut whole
# months, see summary.whole_months(); a minimum toll up to facets.TOLL_CAP).
ANSWERS = breakdowns.ANSWERS | {"min_killed"}
MEASURES = frozenset({"total", "months", "breakdowns"})  # no points, no places
ROW = summary.ROW

TALLY = Tally(
    IncidentTollBreakdown,
    TOLL_BREAKDOWN.KEY,
    0x5EED_5A19,
    TOLL_BREAKDOWN.FILL,
    "events_incident",
    TOLL_BREAKDOWN.MEASURES,
)
rebuild, compact, maybe_compact = TALLY.rebuild, TALLY.compact, TALLY.maybe_compact


def can_answer(chosen):
    return facets.can_answer(chosen) and set(chosen) <= ANSWERS


def rows(chosen):
    """The IncidentTollBreakdown rows (settled and pending) of these filters' incidents."""
    maybe_compact()
    condition = summary.condition(chosen) & facets.toll(chosen)
    return IncidentTollBreakdown.objects.filter(condition).order_by()
