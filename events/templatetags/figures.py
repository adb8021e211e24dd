"""{{ n|thousands }}: 12,345. The overview writes about a thousand figures; humanize's
intcomma goes through the localization machinery for each and cost the page about 40 ms.

{% tally_rows rows peak %} and {% chart_bars chart %}: the overview's table rows and month
bars, a few hundred of each for a long period. Written by the template language, each row's
dozen variables and filters cost the page about 40 ms at a million incidents (of 75); written
here with format_html, which escapes every value as the template would, a few.
"""

from django import template
from django.utils.html import format_html, format_html_join

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


@register.simple_tag
def tally_rows(rows, peak):
    """The rows of one overview table (see events/_tally.html): label (with its Arabic name),
    incidents with a bar of their share of `peak`, deaths and civilians best (low–high); each
    number links to the list filtered to the row."""

    def cells(row):
        arabic = (
            format_html(' <span lang="ar" dir="rtl" class="arabic">{}</span>', row.label_ar)
            if row.label_ar
            else ""
        )
        width = round(100 * row.incidents / peak) if peak else 0
        low, best, high = (thousands(n) for n in row.killed)
        civilians_low, civilians, civilians_high = (thousands(n) for n in row.civilians)
        return (
            row.label, arabic, row.url, thousands(row.incidents), width,
            row.url, best, low, high, row.url, civilians, civilians_low, civilians_high,
        )  # fmt: skip

    return format_html_join("", ROW, (cells(row) for row in rows))


BAR = (
    '<a href="{}" aria-label="{}: {} incidents, {} killed"><rect x="{}" y="{}" width="{}"'
    ' height="{}" class="bar"><title>{}: {} incidents, {} killed</title></rect></a>'
)


@register.simple_tag
def chart_bars(chart):
    """The month chart's bars (see overview.month_chart): each a link to its month's list."""
    return format_html_join(
        "",
        BAR,
        (
            (
                bar["row"].url,
                bar["row"].label,
                bar["row"].incidents,
                bar["row"].killed[1],
                bar["x"],
                bar["y"],
                bar["width"],
                bar["height"],
                bar["row"].label,
                bar["row"].incidents,
                bar["row"].killed[1],
            )  # fmt: skip
            for bar in chart["bars"]
        ),
    )
