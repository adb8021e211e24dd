"""IncidentSummary: published incidents (not aggregates: what every page counts by default)
counted by point, month, governorate, district, event type, perpetrator groups and place, on
PostgreSQL, with the overview's figures beside the incidents and deaths (deaths low and high,
civilians killed, how many are dated to the day and located at a place).

Counting a million incident rows for the whole-country map takes PostgreSQL about 200 ms; the
same counts from IncidentSummary, about a tenth as many rows, take about 25 ms. Statement
triggers on events_incident keep it (their SQL is in migration 0031), as a Tally.
"""

import calendar

from django.db.models import F, Q

from ..models import IncidentSummary
from .sql import SUMMARY
from .tally import Tally

# The filters this table can answer: each has a column here (the dates when they cut whole
# months, see can_answer()). Any other filter is answered elsewhere.
ANSWERS = frozenset(
    {"province", "district", "place", "group", "event_type", "date_from", "date_to", "area"}
)
# What it can count, and how: rows are counts, added up.
MEASURES = frozenset({"total", "points", "months", "overview", "places"})
# What one row adds: incidents and deaths.
ROW = (F("incidents"), F("killed"))

TALLY = Tally(
    IncidentSummary, SUMMARY.KEY, 0x5EED_5A11, SUMMARY.FILL, "events_incident", SUMMARY.MEASURES
)
rebuild, compact, maybe_compact = TALLY.rebuild, TALLY.compact, TALLY.maybe_compact


def whole_months(chosen):
    """Whether the dates chosen, if any, cut whole months (as the summaries count)."""
    date_from, date_to = chosen.get("date_from"), chosen.get("date_to")
    if date_from and date_from.day != 1:
        return False
    if date_to and date_to.day != calendar.monthrange(date_to.year, date_to.month)[1]:
        return False
    return True


def can_answer(chosen):
    """Whether the summary counts exactly the incidents of these filters ({name: value})."""
    return set(chosen) <= ANSWERS and whole_months(chosen)


def condition(chosen):
    """The summaries' condition for the filters that IncidentSummary answers."""
    condition = Q()
    if "province" in chosen:
        condition &= Q(governorate_id=chosen["province"].pk)
    if "district" in chosen:
        condition &= Q(district_id=chosen["district"].pk)
    if "place" in chosen:
        condition &= Q(place_id=chosen["place"].pk)
    if "group" in chosen:
        condition &= Q(perpetrator_groups__contains=f",{chosen['group']},")
    if "event_type" in chosen:
        condition &= Q(event_type=chosen["event_type"])
    if "date_from" in chosen:
        condition &= Q(month__gte=chosen["date_from"])
    if "date_to" in chosen:
        condition &= Q(month__lte=chosen["date_to"])
    if "area" in chosen:
        # the rows are counted by point: the area's as filters.AreaFilter draws it
        from ..filters import area_condition

        condition &= area_condition(chosen["area"])
    return condition


def rows(chosen):
    """The IncidentSummary rows (settled and pending) of these filters' incidents."""
    maybe_compact()
    return IncidentSummary.objects.filter(condition(chosen)).order_by()
