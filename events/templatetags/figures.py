"""{{ n|thousands }}: 12,345. The overview writes about a thousand figures; humanize's
intcomma goes through the localization machinery for each and cost the page about 40 ms.

{% tally_rows rows peak %} and {% chart_bars chart %}: the overview's table rows and month
bars, a few hundred of each for a long period. Written by the template language, each row's
dozen variables and filters cost the page about 40 ms at a million incidents (of 75); written
here, each text escaped as the template would (a few ms): format_html escaped every number
too, through Django's lazy-aware escape, 4,700 calls a page (about 25 ms at a million
incidents).
"""

from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def thousands(value):
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return value


ROW = (
    '<tr><th scope="row">{}{}</th>'
    '<td class="num"><a href="{}">{}</a></td>'
    '<td class="bar-cell" aria-hidden="true"><svg class="tally-bar" viewBox="0 0 100 10"'
    ' preserveAspectRatio="none" focusable="false"><rect width="{}" height="10"></rect>'
    "</svg></td>"
    '<td class="num"><a href="{}">{}</a> <small>({}–{})</small></td>'
    '<td class="num"><a href="{}">{}</a> <small>({}–{})</small></td></tr>\n'
)

UNLINKED = ROW.replace('<a href="{}">', "").replace("</a>", "")


@register.simple_tag
def tally_rows(rows, peak):
    """The rows of one overview table (see events/_tally.html): label (with its Arabic name),
    incidents with a bar of their share of `peak`, deaths and civilians best (low–high); each
    number links to the list filtered to the row."""

    def cells(row):
        arabic = (
            f' <span lang="ar" dir="rtl" class="arabic">{escape(str(row.label_ar))}</span>'
            if row.label_ar
            else ""
        )
        width = round(100 * row.incidents / peak) if peak else 0
        low, best, high = (number(n) for n in row.killed)
        civilians_low, civilians, civilians_high = (number(n) for n in row.civilians)
        url = escape(row.url) if row.url else None
        return (
            escape(str(row.label)), arabic, url, number(row.incidents), width,
            url, best, low, high, url, civilians, civilians_low, civilians_high,
        )  # fmt: skip

    return mark_safe(
        "".join(
            # A row no filter of the list selects (row.url None): its numbers link nowhere.
            (ROW if values[2] else UNLINKED).format(*(v for v in values if v is not None))
            for values in map(cells, rows)
        )
    )


def number(value):
    return escape(str(thousands(value)))


def written(template, rows):
    """The template filled with each row's values, escaped already (texts) or numbers."""
    return mark_safe("".join(template.format(*values) for values in rows))


BAR = (
    '<a href="{}" aria-label="{}: {} incidents, {} killed"><rect x="{}" y="{}" width="{}"'
    ' height="{}" class="bar"><title>{}: {} incidents, {} killed</title></rect></a>'
)


@register.simple_tag
def chart_bars(chart):
    """The month chart's bars (see overview.month_chart): each a link to its month's list."""

    def cells(bar):
        row = bar["row"]  # (its own figures: a record of a longer period is in no bar)
        label, incidents, killed = escape(str(row.label)), int(bar["incidents"]), int(bar["killed"])
        return (
            escape(row.url), label, incidents, killed, float(bar["x"]), float(bar["y"]),
            float(bar["width"]), float(bar["height"]), label, incidents, killed,
        )  # fmt: skip

    return written(BAR, (cells(bar) for bar in chart["bars"]))
