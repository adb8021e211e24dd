"""IncidentFacetTollBreakdown: incidents of every status counted as IncidentTollBreakdown
counts the published ones (month, governorate, event type, groups, toll capped at 100), and by
review status, source, whether they are aggregates and their date and location precisions, on
PostgreSQL.

A minimum toll with a status or a source was added up from IncidentFacets, whose points and
places make 355,000 rows at a million incidents: "verified" with "3 or more killed" matched
110,000 of them, and the overview took 127 ms. This table holds about 196,000, of which that
filter matches 68,000 (the overview's breakdowns 34 ms; the top places come from the map's
facets, which have the toll, the status and the source). Statement triggers on events_incident
keep it (their SQL is in migration 0051), as a Tally.
"""

from ..models import IncidentFacetTollBreakdown
from . import facet_breakdowns, facets, summary
from .sql import FACET_TOLL_BREAKDOWN
from .tally import Tally

# The filters this table can answer: each has a column here (the dates when they cut whole
# months, see summary.whole_months(); a minimum toll up to facets.TOLL_CAP).
ANSWERS = facet_breakdowns.ANSWERS | {"min_killed"}
MEASURES = frozenset({"total", "months", "breakdowns"})  # no points, no places
ROW = summary.ROW

TALLY = Tally(
    IncidentFacetTollBreakdown,
    FACET_TOLL_BREAKDOWN.KEY,
    0x5EED_5A1A,
    FACET_TOLL_BREAKDOWN.FILL,
    "events_incident",
    FACET_TOLL_BREAKDOWN.MEASURES,
)
rebuild, compact, maybe_compact = TALLY.rebuild, TALLY.compact, TALLY.maybe_compact


def can_answer(chosen):
    # (as the facets answer a toll, the precisions aside: a minimum up to their cap, whole
    # months)
    without = {k: v for k, v in chosen.items() if k not in ("date_precision", "geo_precision")}
    return set(chosen) <= ANSWERS and facets.can_answer(without)


def rows(chosen):
    """The IncidentFacetTollBreakdown rows (settled and pending) of these filters' incidents."""
    maybe_compact()
    condition = facets.condition(chosen) & facets.toll(chosen) & facet_breakdowns.precision(chosen)
    return IncidentFacetTollBreakdown.objects.filter(condition).order_by()
