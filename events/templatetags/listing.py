"""{% incident_rows page.rows %}: the list's rows, written with format_html (which escapes
every value as the template would). Fifty rows of seven cells, each with its conditions,
cost the template language about 10 ms of the list's 30 at a million incidents; the page's
other parts stay in the template. The values come ready from views.ready_rows()."""

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()

ROW = (
    '<tr class="incident">'
    '<td data-label="Date" class="nowrap"><a href="{}">{}</a>{}</td>'
    '<td data-label="Type"><a href="{}">{}</a>{}</td>'
    '<td data-label="Place">{}{}{}</td>'
    '<td data-label="Perpetrators">{}</td>'
    '<td data-label="Killed" class="num">{}{}</td>'
    '<td data-label="Status"><span class="status status-{}">{}</span></td>'
    '<td data-label="Source" class="nowrap">{}</td>'
    "</tr>\n"
)
AGGREGATE = format_html(
    ' <small class="tag" title="{}">aggregate</small>',
    "A toll summed over a period or an area, not one incident",
)


def day(date):
    return date.isoformat() if date else ""


def cells(incident):
    precision = ""
    if incident.date and incident.date_precision != "day":
        until = f" to {day(incident.date_end)}" if incident.date_end else ""
        precision = format_html(
            " <small>({}{})</small>", incident.get_date_precision_display().lower(), until
        )
    title = format_html('<div class="title">{}</div>', incident.short_title)
    killed = incident.killed_total_best
    return (
        incident.url, day(incident.date) or "undated", precision,
        incident.url, incident.event_type_label, title if incident.title else "",
        incident.place_name or "",
        ", " if incident.place_id and incident.governorate_id else "",
        incident.governorate_name or "",
        "; ".join(incident.perpetrator_names) or incident.perpetrator_group_label,
        "–" if killed is None else killed, AGGREGATE if incident.aggregate else "",
        incident.status, incident.status_label,
        incident.source_label,
    )  # fmt: skip


@register.simple_tag
def incident_rows(rows):
    """The rows of the incident list's table (see events/incident_list.html)."""
    return format_html_join("", ROW, (cells(incident) for incident in rows))
