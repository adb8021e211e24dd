"""The overview's rows: the filtered incidents as counted by events.counts (counts.overview)
by governorate, perpetrator group, event type, month, year and place, each with its label,
the filter that selects it and its figures (deaths low, best, high; civilians apart).

One entry point, tallies(incidents), over a validated IncidentFilter: the same filter state
as the list, so each number can link to the list filtered to it.
"""

import datetime
from dataclasses import dataclass, field

from . import counts
from .models import ActorGroup, EventType, Governorate, Place


@dataclass
class Row:
    """One line of a breakdown: its label, the filter parameter that selects it and the
    counts."""

    label: str
    params: dict | None  # None: no filter of the list selects just these incidents
    incidents: int = 0
    killed: list = field(default_factory=lambda: [0, 0, 0])  # low, best, high
    civilians: list = field(default_factory=lambda: [0, 0, 0])
    label_ar: str = ""

    def add(self, figures):
        """Add counts.Figures."""
        self.incidents += figures.incidents
        for i, n in enumerate((figures.killed_low, figures.killed, figures.killed_high)):
            self.killed[i] += n
        for i, n in enumerate((figures.civilians_low, figures.civilians, figures.civilians_high)):
            self.civilians[i] += n
        return self


def month_range(month):
    last = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return month.isoformat(), (last - datetime.timedelta(days=1)).isoformat()


def tallies(incidents):
    """Everything the overview shows of the incidents of a valid IncidentFilter, from one
    counts.overview() (the count tables on PostgreSQL) and the names of what it counted."""
    by, everything, _ = counts.overview(incidents)
    names = {code: (name, name_ar) for code, name, name_ar in
             Governorate.objects.values_list("code", "name", "name_ar")}  # fmt: skip
    governorates = []
    for code, figures in by["governorate"]:
        name, name_ar = names.get(code, ("No governorate", ""))
        # The list has no filter for "no governorate": that row links nowhere.
        params = {"province": code} if code else None
        governorates.append(Row(name, params, label_ar=name_ar).add(figures))
    groups = dict(ActorGroup.choices)
    types = dict(EventType.choices)
    months, years = [], {}
    for month, figures in by["month"]:
        if month is None:
            continue
        start, end = month_range(month)
        months.append(
            Row(month.strftime("%Y-%m"), {"date_from": start, "date_to": end}).add(figures)
        )
        if month.year not in years:
            year = month.year
            dates = {"date_from": f"{year}-01-01", "date_to": f"{year}-12-31"}
            years[year] = Row(str(year), dates)
        years[month.year].add(figures)
    return {
        "totals": Row("All matching incidents", {}).add(everything),
        "day_share": share(everything.dated_to_day, everything.incidents),
        "place_share": share(everything.located_at_place, everything.incidents),
        "governorates": governorates,
        # An incident put down to two groups counts under each (as the group filter finds it).
        "groups": [
            Row(groups[value], {"group": value}).add(figures)
            for value, figures in by["group"]
            if value in groups
        ],
        "event_types": [
            Row(types.get(kind, kind), {"event_type": kind}).add(figures)
            for kind, figures in by["event_type"]
        ],
        "months": months,
        "years": [years[year] for year in sorted(years)],
        "places": top_places(by["place"]),
    }


def top_places(counted):
    """The counted places as rows, most incidents first and then by name."""
    places = Place.objects.in_bulk([pk for pk, _ in counted])
    rows = [
        Row(place.name, {"place": pk}, label_ar=place.name_ar or "").add(figures)
        for pk, figures in counted
        if (place := places.get(pk))
    ]
    rows.sort(key=lambda row: (-row.incidents, row.label))
    return rows[: counts.TOP_PLACES]


def share(part, whole):
    return None if not whole else round(100 * part / whole)


# The month chart, drawn on the server as SVG in these units (the viewBox; it scales).
CHART_WIDTH, CHART_HEIGHT, CHART_LEFT, CHART_BOTTOM = 1000, 220, 48, 24


def bars(months, periods):
    """[(month, incidents, killed)] of the months less the records of periods longer than a
    month (counts.periods), which a bar would show as a spike in their first month (a year's
    toll on 1 January): what the histogram and the overview's month chart draw."""
    spanning = {}
    for start, _, _, n, killed in periods:
        month = start.replace(day=1)
        events, deaths = spanning.get(month, (0, 0))
        spanning[month] = (events + n, deaths + (killed or 0))
    result = []
    for month, n, killed in months:
        events, deaths = spanning.get(month, (0, 0))
        result.append((month, n - events, killed - deaths))
    return result


def periods_note(periods):
    """(records, killed) of the periods longer than a month, which no bar draws."""
    return sum(n for *_, n, _ in periods), sum(killed or 0 for *_, killed in periods)


def month_chart(months, periods=()):
    """Bars (one a month, gaps kept), year ticks and the y-axis maximum of the month chart.
    Each bar is a link: `months` are Rows with their .url set; a bar leaves out the records
    of `periods` longer than a month (see bars), which the table's months count."""
    if not months:
        return None
    drawn = {
        month.strftime("%Y-%m"): (n, killed)
        for month, n, killed in bars(
            [(datetime.date.fromisoformat(row.label + "-01"), row.incidents, row.killed[1])
             for row in months],
            periods,
        )
    }  # fmt: skip
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
    counted = [drawn.get(row.label, (0, 0)) for row in slots]
    peak = max(n for n, _ in counted) or 1
    plot_width, plot_height = CHART_WIDTH - CHART_LEFT, CHART_HEIGHT - CHART_BOTTOM - 8
    step = plot_width / max(len(slots), 12)
    shown, ticks = [], []
    for i, (row, (incidents, killed)) in enumerate(zip(slots, counted, strict=True)):
        height = plot_height * incidents / peak
        x = CHART_LEFT + i * step
        if incidents:
            shown.append(
                {
                    "row": row,
                    "incidents": incidents,
                    "killed": killed,
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
    records, killed = periods_note(periods)
    return {
        "bars": shown,
        "periods": records,
        "periods_killed": killed,
        "last": last,
        "ticks": ticks[::every],
        "peak": peak,
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "left": CHART_LEFT,
        "axis_y": CHART_HEIGHT - CHART_BOTTOM,
        "top": 8,
    }
