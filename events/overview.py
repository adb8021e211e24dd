"""The overview's numbers: the filtered incidents counted by governorate, perpetrator group,
event type, month, year and place, each with deaths (low, best, high; civilians apart).

One entry point, tallies(incidents), over a filtered queryset: the same filter state as the
list, so each number can link to the list filtered to it.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce, TruncMonth

from .models import ActorGroup, DatePrecision, EventType, GeoPrecision, Governorate

# Deaths as the overview shows them: every bound, all deaths and civilians apart. A figure
# given without a range (most sources give only a best estimate) is its own low and high, so
# that the low and high sums do not drop those incidents.
DEATHS = {
    f"{name}_{bound}": Sum(
        f"killed_{category}_best"
        if bound == "best"
        else Coalesce(f"killed_{category}_{bound}", f"killed_{category}_best")
    )
    for name, category in (("killed", "total"), ("civilians", "civilians"))
    for bound in ("low", "best", "high")
}
MEASURES = {"incidents": Count("id"), **DEATHS}
TOP_PLACES = 15


@dataclass
class Row:
    """One line of a breakdown: its label, the filter parameter that selects it and the
    counts."""

    label: str
    params: dict
    incidents: int = 0
    killed: list = field(default_factory=lambda: [0, 0, 0])  # low, best, high
    civilians: list = field(default_factory=lambda: [0, 0, 0])
    label_ar: str = ""

    def add(self, counts):
        self.incidents += counts["incidents"]
        for i, bound in enumerate(("low", "best", "high")):
            self.killed[i] += counts[f"killed_{bound}"] or 0
            self.civilians[i] += counts[f"civilians_{bound}"] or 0
        return self


def rows(queryset, *keys):
    return queryset.order_by().values(*keys).annotate(**MEASURES)


def month_range(month):
    last = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return month.isoformat(), (last - datetime.timedelta(days=1)).isoformat()


def tallies(queryset):
    """Everything the overview shows of these incidents (a filtered, unordered queryset).

    Two queries: the incidents counted once by governorate, event type, perpetrator groups and
    month together (a few thousand rows at most), each breakdown then added up from those
    rows; and the top places.
    """
    grouped = (
        queryset.order_by()
        .annotate(month=TruncMonth("date"))
        .values("governorate_id", "event_type", "perpetrator_groups", "month")
        .annotate(
            **MEASURES,
            day=Count("id", filter=Q(date_precision=DatePrecision.DAY, date__isnull=False)),
            place=Count("id", filter=Q(geo_precision=GeoPrecision.PLACE)),
        )
    )
    names = {code: (name, name_ar) for code, name, name_ar in
             Governorate.objects.values_list("code", "name", "name_ar")}  # fmt: skip
    types = dict(EventType.choices)
    totals = Row("All matching incidents", {})
    governorates, event_types, months, years = {}, {}, {}, {}
    # An incident put down to two groups counts under each (as the group filter finds it).
    groups = {value: Row(label, {"group": value}) for value, label in ActorGroup.choices}
    day = place = 0
    for r in grouped:
        totals.add(r)
        day, place = day + r["day"], place + r["place"]
        code = r["governorate_id"]
        if code not in governorates:
            name, name_ar = names.get(code, ("No governorate", ""))
            governorates[code] = Row(name, {"province": code or ""}, label_ar=name_ar)
        governorates[code].add(r)
        kind = r["event_type"]
        event_types.setdefault(kind, Row(types.get(kind, kind), {"event_type": kind})).add(r)
        for value in filter(None, r["perpetrator_groups"].split(",")):
            if value in groups:
                groups[value].add(r)
        month = r["month"]
        if month is None:
            continue
        month = month.date() if isinstance(month, datetime.datetime) else month
        if month not in months:
            start, end = month_range(month)
            months[month] = Row(month.strftime("%Y-%m"), {"date_from": start, "date_to": end})
        months[month].add(r)
        year = month.year
        if year not in years:
            years[year] = Row(str(year), {"date_from": f"{year}-01-01", "date_to": f"{year}-12-31"})
        years[year].add(r)
    places = [
        Row(r["place__name"], {"place": r["place_id"]}, label_ar=r["place__name_ar"] or "").add(r)
        for r in rows(queryset.filter(place__isnull=False), "place_id", "place__name",
                      "place__name_ar").order_by("-incidents", "place__name")[:TOP_PLACES]
    ]  # fmt: skip

    def by_incidents(items):
        return sorted((row for row in items if row.incidents), key=lambda row: -row.incidents)

    return {
        "totals": totals,
        "day_share": share(day, totals.incidents),
        "place_share": share(place, totals.incidents),
        "governorates": by_incidents(governorates.values()),
        "groups": by_incidents(groups.values()),
        "event_types": by_incidents(event_types.values()),
        "months": [months[key] for key in sorted(months)],
        "years": [years[key] for key in sorted(years)],
        "places": places,
    }


def share(part, whole):
    return None if not whole else round(100 * part / whole)


# The month chart, drawn on the server as SVG in these units (the viewBox; it scales).
CHART_WIDTH, CHART_HEIGHT, CHART_LEFT, CHART_BOTTOM = 1000, 220, 48, 24


def month_chart(months):
    """Bars (one a month, gaps kept), year ticks and the y-axis maximum of the month chart.
    Each bar is a link: `months` are Rows with their .url set."""
    if not months:
        return None
    by_label = {row.label: row for row in months}
    first, last = months[0].label, months[-1].label
    year, month = int(first[:4]), int(first[5:])
    slots = []
    while True:
        label = f"{year:04d}-{month:02d}"
        slots.append(by_label.get(label) or Row(label, {}))
        if label >= last or len(slots) > 1200:
            break
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    peak = max(row.incidents for row in slots) or 1
    plot_width, plot_height = CHART_WIDTH - CHART_LEFT, CHART_HEIGHT - CHART_BOTTOM - 8
    step = plot_width / max(len(slots), 12)
    bars, ticks = [], []
    for i, row in enumerate(slots):
        height = plot_height * row.incidents / peak
        x = CHART_LEFT + i * step
        if row.incidents:
            bars.append(
                {
                    "row": row,
                    "x": round(x, 2),
                    "y": round(8 + plot_height - height, 2),
                    "width": round(max(step - 1, 0.6), 2),
                    "height": round(height, 2),
                }
            )
        if row.label.endswith("-01") or i == 0:
            ticks.append({"x": round(x, 2), "label": row.label[:4] if i else row.label})
    # Not more than a dozen labels along the axis.
    every = max(1, -(-len(ticks) // 12))
    return {
        "bars": bars,
        "last": last,
        "ticks": ticks[::every],
        "peak": peak,
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "left": CHART_LEFT,
        "axis_y": CHART_HEIGHT - CHART_BOTTOM,
        "top": 8,
    }
