"""IncidentBreakdown: published incidents counted by month, governorate, event type and
perpetrator groups, with the overview's figures (see counts.Figures), on PostgreSQL.

The overview of the whole country grouped IncidentSummary's 100,000 rows (at a million
incidents) four ways, about 140 ms; this table has no points, districts or places and holds
about 15,000. It answers the overview's breakdowns (the top places come from the summary or
the facets, which have the place). Statement triggers on events_incident keep it (their SQL
is in migration 0029), as a Tally.
"""

from ..models import IncidentBreakdown
from . import summary
from .sql import BREAKDOWN
from .tally import Tally

# The filters this table can answer: each has a column here (the dates when they cut whole
# months, see summary.whole_months()).
ANSWERS = frozenset({"province", "group", "event_type", "date_from", "date_to"})
MEASURES = frozenset({"total", "months", "breakdowns"})  # no points, no places
ROW = summary.ROW

TALLY = Tally(
    IncidentBreakdown,
    BREAKDOWN.KEY,
    0x5EED_5A15,
    BREAKDOWN.FILL,
    "events_incident",
    BREAKDOWN.MEASURES,
)
rebuild, compact, maybe_compact = TALLY.rebuild, TALLY.compact, TALLY.maybe_compact


def can_answer(chosen):
    return set(chosen) <= ANSWERS and summary.whole_months(chosen)


def rows(chosen):
    """The IncidentBreakdown rows (settled and pending) of these filters' incidents."""
    maybe_compact()
    return IncidentBreakdown.objects.filter(summary.condition(chosen)).order_by()
