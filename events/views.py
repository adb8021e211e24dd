"""What an analyst sees: the list, one incident, the map and its data, the histogram and
the CSV export. Every view over many incidents reads them through IncidentFilter, so one
query string selects the same incidents on every page, and counts them through
events.counts, so every page states the same total.
"""

import math
import re
import unicodedata
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Q
from django.http import (
    HttpResponse,
    HttpResponseBadRequest,
    JsonResponse,
    QueryDict,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import condition, require_POST, require_safe

from opendata import citation

from . import counts, export, overview
from .filters import IncidentFilter, place_label
from .forms import ViewportForm
from .models import (
    BOUNDS,
    CATEGORIES,
    ActorGroup,
    Aggregates,
    ClaimKind,
    EventType,
    Governorate,
    Incident,
    Place,
)
from .pagination import InvalidCursor

PAGE_SIZE = 50
# What a list row reads of an incident (the view adds its place's and governorate's names): the
# other 50-odd columns (figures, timestamps) stay in the database.
LIST_FIELDS = [
    "date",
    "date_precision",
    "date_end",
    "aggregate",
    "merged_into",
    "event_type",
    "title",
    "place",
    "governorate",
    "perpetrator_group",
    "killed_total_best",
    "status",
    "source",
]
# The map gets single events up to this many in view, grid cells beyond (≤ 150 KB either way).
MAP_EVENT_LIMIT = 1_000
MAP_MAX_CELLS_ACROSS = 100


def browsing(view):
    """Ask for a login first when settings.BROWSING_REQUIRES_LOGIN is on. A script or a GIS
    client shows an API token instead (`Authorization: Bearer <key>`): a valid one stands in
    for the login, a bad one is a JSON 401 (not a login page it cannot fill in)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if settings.BROWSING_REQUIRES_LOGIN and not request.user.is_authenticated:
            from opendata.api import request_token, token_refused  # (opendata imports us)

            token = request_token(request)
            if token is False:
                return token_refused()
            if token is None:
                return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper


@csrf_exempt  # read only: a write is a 405 (require_safe), not a 403
@require_safe
@browsing
def incident_list(request):
    incidents = IncidentFilter(request.GET, queryset=Incident.objects.all())
    if keyed := keyed_url(request, incidents):
        return redirect(keyed)
    context = {"filter": incidents, "query": filter_query(request)}
    if not incidents.is_valid():
        return render(request, "events/incident_list.html", context, status=400)
    total = counts.known_total(incidents)
    counted = total is None and counts.available() and not counts.along_search_rows(incidents)
    if counted:
        # No table answers: counted first, since a page of few matches is found best knowing
        # they are few (see counts.page()).
        total = counts.total(incidents)
    matching = incidents.qs
    if total is not None and total.count == 0:
        matching = matching.none()  # Nothing matches: no need to walk the incidents to see it.
    try:
        page = counts.page(
            incidents, matching, request.GET.get("cursor"), PAGE_SIZE, listed,
            total if counted else None, None if counted else total,
        )  # fmt: skip
    except InvalidCursor as error:
        context["cursor_error"] = str(error)
        return render(request, "events/incident_list.html", context, status=400)
    ready_rows(page.rows, context["query"])
    context["left_out"] = left_out(incidents, context["query"])
    if total is None:
        if not request.GET.get("cursor") and page.next_cursor is None:
            total = counts.Total(len(page.rows))  # The first page holds every match.
        else:
            total = counts.total(incidents)
    context.update(
        page=page,
        total=total,
        next_query=page_query(request, page.next_cursor),
        previous_query=page_query(request, page.previous_cursor),
    )
    return render(request, "events/incident_list.html", context)


def listed(incidents):
    """What a list row reads of these incidents: LIST_FIELDS and the names of its place and
    governorate."""
    return incidents.only(*LIST_FIELDS).annotate(
        place_name=F("place__name"), governorate_name=F("governorate__name")
    )


def left_out(incidents, query):
    """The period reports (aggregates) that a valid filter leaves out of its counts, for the
    pages' note: {"total", "only", "include"} (the queries that show them alone and with the
    incidents), or None when the filter asks for them or there are none. Their total is None
    when only the incidents could count them (see counts.left_out()): the note then gives no
    number."""
    if incidents.form.cleaned_data.get("aggregates"):
        return None
    total = counts.left_out(incidents)
    if total is not None and not total.count:
        return None
    links = {}
    for choice in Aggregates.values:
        params = QueryDict(query, mutable=True)
        params["aggregates"] = choice
        links[choice] = params.urlencode()
    return {"total": total, **links}


def ready_rows(incidents, query=""):
    """Work out what each row shows beyond its columns: its link, labels, shortened title and
    perpetrators' names. In the template, a page's reverse(), get_FOO_display() and
    truncatechars calls took longer than its queries. The link carries the filters (`query`),
    so the detail page's "back to the list" returns to the same list."""
    # One reverse() a page: each incident's id goes in place of the 0 (as map.js does).
    detail_url = reverse("events:detail", args=[0]).removesuffix("0/")
    labels = {
        name: dict(Incident._meta.get_field(name).flatchoices)
        for name in ("event_type", "perpetrator_group", "status", "source")
    }
    names = {}  # Names only: no Actor instances.
    perpetrators = Incident.perpetrators.through.objects.filter(
        incident_id__in=[incident.pk for incident in incidents]
    )
    for pk, name in perpetrators.order_by("actor__name").values_list("incident_id", "actor__name"):
        names.setdefault(pk, []).append(name)
    for incident in incidents:
        incident.url = f"{detail_url}{incident.pk}/" + (f"?{query}" if query else "")
        for name, choices in labels.items():
            value = getattr(incident, name)
            setattr(incident, f"{name}_label", choices.get(value, value))
        if incident.merged_into_id:
            incident.status_label = f"Merged into #{incident.merged_into_id}"
        incident.short_title = shorten(incident.title)
        incident.perpetrator_names = names.get(incident.pk, [])


def shorten(title, length=140):
    """What truncatechars makes of the title (at most `length` characters, the last an
    ellipsis), without walking the many shorter ones."""
    title = unicodedata.normalize("NFC", title)  # As Truncator does.
    return title if len(title) <= length else Truncator(title).chars(length)


@csrf_exempt  # read only: a write is a 405 (require_safe), not a 403
@require_safe
@browsing
def incident_detail(request, pk):
    incident = get_object_or_404(
        Incident.objects.select_related("place", "district", "governorate"), pk=pk
    )
    reports = list(
        incident.reports.select_related("bulletin", "place", "governorate").prefetch_related(
            "claims__actor"
        )
    )
    for report in reports:
        report.figure_notes = figure_notes(report)
    # Back to the list with the filters it linked with; not with those it would refuse (a
    # hand-edited address), which would lead to a 400.
    query = filter_query(request, IncidentFilter(request.GET, queryset=Incident.objects.none()))
    list_url = reverse("events:list")
    context = {
        "incident": incident,
        "back_url": f"{list_url}?{query}" if query else list_url,
        "links": detail_links(incident, list_url),
        "location": incident_location(incident),
        "perpetrators": incident.perpetrators.all(),
        "parties": list(
            {
                claim.actor_id: claim.actor
                for report in reports
                if not report.is_background
                for claim in report.claims.all()
                if claim.kind == ClaimKind.PARTY and claim.actor_id
            }.values()
        ),
        "figures": figure_rows(incident),
        "reports": reports,
        "bulletins": highlighted_bulletins(reports),
        "admin_url": admin_change_url(request, incident),
        "can_switch_place": request.user.has_perm("events.change_incident"),
    }
    return render(request, "events/incident_detail.html", context)


def detail_links(incident, list_url):
    """The list filtered to each of the incident's place, district, governorate, type and
    perpetrators."""

    def link(**params):
        return f"{list_url}?{urlencode(params)}"

    return {
        "place": incident.place_id and link(place=incident.place_id),
        "district": incident.district_id and link(district=incident.district.pcode),
        "governorate": incident.governorate_id and link(province=incident.governorate_id),
        "event_type": link(event_type=incident.event_type),
    }


def incident_location(incident):
    """What the detail page's small map shows: the point, or None when it has none."""
    if incident.latitude is None or incident.longitude is None:
        return None
    return {
        "latitude": incident.latitude,
        "longitude": incident.longitude,
        "label": str(incident.place or incident.district or incident.governorate or incident),
        "zoom": {"place": 11, "district": 9}.get(
            incident.geo_precision, 11 if incident.place_id else 8
        ),
    }


@require_POST
def switch_place(request, pk):
    """An editor's one click: the incident moves to another place its name may be."""
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("events:detail", args=[pk]))
    if not request.user.has_perm("events.change_incident"):
        raise PermissionDenied
    with transaction.atomic():
        incident = get_object_or_404(
            Incident.objects.select_for_update(of=("self",)).select_related("place"), pk=pk
        )
        # The version the page showed (the detail page's button, the admin form's field):
        # another editor's save since then is not silently moved away from.
        loaded = request.POST.get("loaded_version", "")
        if loaded and not (loaded.isascii() and loaded.isdigit() and len(loaded) <= 10):
            return HttpResponseBadRequest("loaded_version is not a version number.")
        if loaded and int(loaded) != incident.version:
            return HttpResponse(
                f"This incident was changed since you opened it (version {incident.version}, "
                f"you had version {loaded}). Reload it, check the place, and choose again.",
                status=409,
                content_type="text/plain; charset=utf-8",
            )
        if not incident.switch_place(request.POST.get("key", "")):
            return HttpResponseBadRequest("That is not one of this incident's alternative places.")
    target = request.POST.get("next") or request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = incident.get_absolute_url()
    return redirect(target)


@csrf_exempt  # read only: a write is a 405 (require_safe), not a 403
@require_safe
@browsing
def incident_map(request):
    incidents = IncidentFilter(request.GET, queryset=Incident.objects.all())
    if keyed := keyed_url(request, incidents):
        return redirect(keyed)
    config = {
        "dataUrl": reverse("events:map_data"),
        "popupUrl": reverse("events:map_popup"),
        "histogramUrl": reverse("events:histogram"),
        "listUrl": reverse("events:list"),
        "exportUrl": reverse("events:export"),
        "geojsonUrl": reverse("opendata:export_geojson"),
        "detailUrl": reverse("events:detail", args=[0]),
        "boundariesUrl": static("events/governorates.geojson"),
        "eventTypes": dict(EventType.choices),
        # Choosing a governorate fits the map to its boundary, found by any of its names.
        "governorates": {
            governorate.code: [name for name in governorate.names if name]
            for governorate in Governorate.objects.all()
        },
    }
    context = {"filter": incidents, "query": filter_query(request), "map_config": config}
    status = 200 if incidents.is_valid() else 400
    if status == 200:
        context["left_out"] = left_out(incidents, context["query"])
    return render(request, "events/incident_map.html", context, status=status)


@csrf_exempt  # read only: a write is a 405 (require_safe), not a 403
@require_safe
@browsing
def incident_overview(request):
    """The filtered incidents counted by governorate, group, type, month, year and place; every
    number links to the list filtered to it."""
    incidents = IncidentFilter(request.GET, queryset=Incident.objects.all())
    if keyed := keyed_url(request, incidents):
        return redirect(keyed)
    context = {"filter": incidents, "query": filter_query(request)}
    if not incidents.is_valid():
        return render(request, "events/overview.html", context, status=400)
    tallies = overview.tallies(incidents)
    base = QueryDict(context["query"], mutable=True)
    base.pop("order", None)
    list_url = reverse("events:list")
    # A month's or a year's dates within the filter's own: the link lists what it counts.
    chosen = incidents.form.cleaned_data
    start, end = chosen.get("date_from"), chosen.get("date_to")
    # The filter's pairs without the row's own, then the row's (a QueryDict copied and encoded
    # for each of a few hundred rows cost the page about 8 ms).
    pairs = [(key, value) for key, values in base.lists() for value in values]
    # A group's row counts the matching incidents put down to it: the list filters one group
    # (so another group's row, beside a chosen one, has no list), and finds a group's
    # parties too when asked (so no group row has one then).
    group = chosen.get("group")
    for row in tallies["groups"]:
        if incidents.taking_part() or (group and row.params["group"] != group):
            row.params = None
    for name in ("governorates", "groups", "event_types", "months", "years", "places"):
        for row in tallies[name]:
            if row.params is None:
                row.url = None
                continue
            params = dict(row.params)
            if start and "date_from" in params:
                params["date_from"] = max(params["date_from"], start.isoformat())
            if end and "date_to" in params:
                params["date_to"] = min(params["date_to"], end.isoformat())
            kept = [(key, value) for key, value in pairs if key not in params]
            row.url = f"{list_url}?{urlencode(kept + list(params.items()))}"
    tallies["totals"].url = f"{list_url}?{base.urlencode()}" if base else list_url
    chart = overview.month_chart(tallies["months"], counts.periods(incidents))
    context.update(tallies, month_chart=chart)
    context["left_out"] = left_out(incidents, context["query"])
    return render(request, "events/overview.html", context)


# A map popup lists this many incidents at a point or in a cell, newest first.
POPUP_SIZE = 8


@csrf_exempt  # read only: a write is a 405 (require_safe), not a 403
@require_safe
@browsing
def map_popup(request):
    """The newest incidents in a map area (?area=west,south,east,north, with the filters):
    what a marker's or a cell's popup lists, with how many there are in all."""
    incidents = IncidentFilter(request.GET, queryset=Incident.objects.all())
    if not incidents.is_valid() or not incidents.form.cleaned_data.get("area"):
        errors = incidents.form.errors.get_json_data()
        if not errors:
            errors = {"area": [{"message": "An area is required.", "code": "required"}]}
        return JsonResponse({"errors": errors}, status=400)
    rows = list(
        incidents.qs.only(*LIST_FIELDS).annotate(
            place_name=F("place__name"),
            place_name_ar=F("place__name_ar"),
            governorate_name=F("governorate__name"),
        )[:POPUP_SIZE]
    )
    ready_rows(rows, filter_query(request))
    total = counts.total(incidents)
    return JsonResponse(
        {
            "count": total.count,
            "more": total.capped,
            "listUrl": f"{reverse('events:list')}?{filter_query(request)}",
            "incidents": [
                {
                    "url": row.url,
                    "date": row.date.isoformat() if row.date else None,
                    "type": row.event_type_label,
                    "title": row.short_title,
                    "place": row.place_name or "",
                    "placeAr": row.place_name_ar or "",
                    "governorate": row.governorate_name or "",
                    "perpetrators": row.perpetrator_names
                    or ([row.perpetrator_group_label] if row.perpetrator_group else []),
                    "killed": row.killed_total_best,
                }
                for row in rows
            ],
        }
    )


@csrf_exempt  # read only: a write is a 405 (require_safe), not a 403
@require_safe
@browsing
def place_suggestions(request):
    """Up to 20 places one of whose names (English, Arabic, an alternate spelling) starts with
    ?q=, as the place filter's suggestions."""
    typed = request.GET.get("q", "").strip()[:100].replace("\x00", "")
    if len(typed) < 2:
        return JsonResponse({"places": []})
    places = Place.objects.select_related("governorate").spelled_from(typed)
    return JsonResponse({"places": [place_label(place) for place in places]})


def checked(request):
    """(the request's IncidentFilter, its errors or None), validated once per request: by the
    ETag (an invalid request is answered 400, never a 304) and by the view."""
    if not hasattr(request, "checked_filters"):
        incidents = IncidentFilter(request.GET, queryset=Incident.objects.all())
        errors = None if incidents.is_valid() else incidents.form.errors.get_json_data()
        request.checked_filters = (incidents, errors)
    return request.checked_filters


@require_safe
def counted_etag(request, *args, **kwargs):
    """The ETag of a counted answer; none for a request whose filters are answered 400."""
    return None if checked(request)[1] else counts.etag(request)


def map_etag(request, *args, **kwargs):
    """counted_etag(), and none for a map view (bbox, zoom) that is answered 400."""
    return counted_etag(request) if ViewportForm(request.GET).is_valid() else None


@csrf_exempt  # read only: a write is a 405 (require_safe), not a 403
@require_safe
@browsing
@condition(etag_func=map_etag)  # a repeated request is a 304, without counting
def map_data(request):
    """Single events when few are in view, else grid cells with counts and killed sums."""
    incidents, errors = checked(request)
    viewport = ViewportForm(request.GET)
    if errors or not viewport.is_valid():
        errors = {**(errors or {}), **viewport.errors.get_json_data()}
        return JsonResponse({"errors": errors}, status=400)
    bbox = viewport.cleaned_data["bbox"]
    west, south, east, north = bbox
    points, (unlocated, unlocated_killed), total = counts.map_counts(incidents, bbox)
    data = {
        "total": total.as_json(),
        "unlocated": {"count": unlocated, "killed": unlocated_killed},
        "not_filters": unknown_parameters(incidents, ViewportForm.base_fields),
    }
    if sum(n for _, _, n, _ in points) > MAP_EVENT_LIMIT:
        size = cell_size(west, south, east, north, viewport.cleaned_data["zoom"])
        boxes = [bbox] + [area] if (area := incidents.form.cleaned_data.get("area")) else [bbox]
        data.update(mode="cells", size=size, cells=grid_cells(points, size, *boxes))
    else:
        in_view = Q(latitude__gte=south, latitude__lt=north, longitude__gte=west)
        in_view &= Q(longitude__lt=east)
        events = incidents.qs.order_by().filter(in_view)
        events = events.values_list(
            "id", "latitude", "longitude", "killed_total_best", "event_type", "date", "title"
        )
        data.update(
            mode="events",
            events=[
                [pk, round(lat, 5), round(lon, 5), killed, kind, date, shorten(title, 60)]
                for pk, lat, lon, killed, kind, date, title in events[:MAP_EVENT_LIMIT]
            ],
        )
    return JsonResponse(data, json_dumps_params={"separators": (",", ":")})


@csrf_exempt  # read only: a write is a 405 (require_safe), not a 403
@require_safe
@browsing
@condition(etag_func=counted_etag)
def histogram(request):
    """Events and deaths per month, under the filters."""
    incidents, errors = checked(request)
    if errors:
        return JsonResponse({"errors": errors}, status=400)
    months, total = counts.histogram(incidents)
    periods = counts.periods(incidents)
    return JsonResponse(
        {
            # Records of periods longer than a month are in the totals, not in the bars.
            "months": [
                [m.strftime("%Y-%m"), n, killed]
                for m, n, killed in overview.bars(months, periods)
                if m
            ],
            "periods": periods_json(periods),
            # Incidents with no date, in the totals and in no bar: [incidents, killed].
            "undated": next(([n, killed] for m, n, killed in months if m is None), [0, 0]),
            "total": total.as_json(),
            "killed": sum(killed for _, _, killed in months),
            "not_filters": unknown_parameters(incidents),
        }
    )


def unknown_parameters(incidents, own=()):
    """The parameters given that are neither a filter nor this answer's own (`own`): named
    in the JSON, as the pages name them, lest a typo pass for a filtered answer (the first 10,
    each cut to 40 characters, as the pages show them)."""
    return [name[:40] for name in incidents.not_filters() if name not in own][:10]


def periods_json(periods):
    """The records of periods longer than a month, as the charts' JSON gives them apart:
    [start, end, date precision, incidents, killed]."""
    return [
        [start.isoformat(), end and end.isoformat(), precision, n, killed or 0]
        for start, end, precision, n, killed in periods
    ]


# The overview data's label of the incidents with no value ("unknown" is a perpetrator group
# of its own: attackers the sources do not name).
NONE_LABELS = {
    "governorate": "No governorate",
    "group": "No perpetrator named",
    "event_type": "No event type",
    "place": "No place",
}


@csrf_exempt  # read only: a write is a 405 (require_safe), not a 403
@require_safe
@browsing
@condition(etag_func=counted_etag)
def overview_data(request):
    """The matching incidents and their deaths by governorate, perpetrator group, event type,
    month and place (the top places): [value, label, incidents, killed] rows, most incidents
    first (months in order), and the total as every page states it."""
    incidents, errors = checked(request)
    if errors:
        return JsonResponse({"errors": errors}, status=400)
    by, _, total = counts.overview(incidents)
    labels = {
        "governorate": dict(Governorate.objects.values_list("code", "name")),
        "group": dict(ActorGroup.choices),
        "event_type": dict(EventType.choices),
        "place": dict(
            Place.objects.filter(pk__in=[pk for pk, _ in by["place"]]).values_list("pk", "name")
        ),
    }
    data = {"total": total.as_json(), "not_filters": unknown_parameters(incidents)}
    for name, rows in by.items():
        if name == "month":
            # As the histogram gives them: a record of a period longer than a month in
            # "periods", not in its first month (a year's toll on 1 January).
            periods = counts.periods(incidents)
            months = overview.bars([(m, f.incidents, f.killed) for m, f in rows], periods)
            data[name] = [[m and m.strftime("%Y-%m"), n, killed] for m, n, killed in months]
            data["periods"] = periods_json(periods)
        else:
            names = labels[name]
            data[name] = [
                [v, names.get(v, v) if v is not None else NONE_LABELS[name], f.incidents, f.killed]
                for v, f in rows
            ]
    return JsonResponse(data)


@csrf_exempt  # read only: a write is a 405 (require_safe), not a 403
@require_safe
@browsing
def export_csv(request):
    incidents, refused = export_filter(request)
    if refused:
        return refused
    detail_prefix = request.build_absolute_uri(reverse("events:list"))
    # HEAD (a monitor, a link checker) gets the headers without the query being run.
    rows = [] if request.method == "HEAD" else export.stream_csv(incidents.qs, detail_prefix)
    response = StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
    filename = f"incidents-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # The file cites itself in its headers: what it was made from, when, how many rows.
    cited = citation.citation(request, filter_query(request, incidents), citation.total(incidents))
    for name, value in citation.headers(cited).items():
        response[name] = value
    return response


def cell_size(west, south, east, north, zoom):
    """Degrees a grid cell: three a 256-pixel tile (about 85 pixels), never 100 across."""
    across = max(east - west, north - south) / MAP_MAX_CELLS_ACROSS
    return max(360 / 2**zoom / 3, across)


def grid_cells(points, size, *boxes):
    """[lat, lon, count, killed, west, south, east, north] per grid cell of `size` degrees:
    lat/lon are the centroid, west..north the area the cell counts (its grid square within
    each of `boxes`, the view and the analyst's area), which its popup asks for.

    A cell holds its west and south edges, not its east and north ones, as an area filter
    does (filters.AreaFilter): edges are rounded to 5 decimals, as the popup sends them, so
    that an incident on an edge is in one cell and in that cell's popup."""

    def edge(k):
        return round(k * size, 5)

    def index(value):
        k = math.floor(value / size)
        while value < edge(k):
            k -= 1
        while value >= edge(k + 1):
            k += 1
        return k

    cells = {}
    for lat, lon, n, killed in points:
        cell = cells.setdefault((index(lon), index(lat)), [0, 0, 0, 0])
        cell[0] += lat * n
        cell[1] += lon * n
        cell[2] += n
        cell[3] += killed or 0
    out = []
    for (x, y), (lat_sum, lon_sum, n, killed) in cells.items():
        box = [edge(x), edge(y), edge(x + 1), edge(y + 1)]
        for west, south, east, north in boxes:
            box = [max(box[0], west), max(box[1], south), min(box[2], east), min(box[3], north)]
        out.append([round(lat_sum / n, 4), round(lon_sum / n, 4), n, killed, *box])
    return out


def export_filter(request):
    """(the request's IncidentFilter, None), or (it, a 400 in plain text saying what is wrong)
    for an export: an invalid filter, or a parameter that is no filter ("evnt_type", "limit"),
    which would export every incident as though it were a filtered set."""
    incidents = IncidentFilter(request.GET, queryset=Incident.objects.all())
    problems = [
        f"{name}: not a filter (the filters: {', '.join(sorted(incidents.filters))})."
        for name in request.GET
        if name not in incidents.filters
    ]
    if problems or not incidents.is_valid():
        return incidents, invalid_filter(incidents, problems)
    return incidents, None


def invalid_filter(incidents, problems=()):
    """The 400 (plain text) of a download's filters: each problem, then each filter's errors,
    on its line."""
    errors = [f"{field}: {' '.join(e)}" for field, e in incidents.form.errors.items()]
    message = "\n".join([*problems, *errors])
    return HttpResponseBadRequest(
        f"Invalid filter.\n{message}\n", content_type="text/plain; charset=utf-8"
    )


def filter_query(request, incidents=None):
    """The filters of this request as a query string, without the page cursor, parameters
    that are no filter (a map's position, a campaign tag) or empty ones (so links built from it
    stay short and shareable, and an export made from it is of these filters). Given the
    request's valid filter `incidents`, the place is its id and the district its P-code, as
    the pages' own addresses name them (an export cites one place, whatever is added later);
    given an invalid one, the filters it refuses are left out."""
    keys = incidents.keys() if incidents is not None and incidents.is_valid() else {}
    refused = incidents.errors if incidents is not None else {}
    query = QueryDict(mutable=True)
    for key, values in request.GET.lists():
        values = [value for value in values if value.strip()]
        if key in IncidentFilter.base_filters and values and key not in refused:
            query.setlist(key, [keys[key]] if key in keys else values)
    return query.urlencode()


def keyed_url(request, incidents):
    """This page's address with the place as its id and the district as its P-code, when
    they were given by name or label ("Al-Soussa (Deir ez-Zor) #42", as the place box
    suggests): a shared link then names one place, whatever places are added later (empty
    parameters go too). None when they were given by key, or the filters are not valid."""
    if not incidents.is_valid():
        return None
    keys = incidents.keys()
    if all(request.GET.getlist(name) == [key] for name, key in keys.items()):
        return None
    query = QueryDict(mutable=True)
    for name, values in request.GET.lists():
        values = [value for value in values if value.strip()]
        if values:
            # One key, not one a value: place=42&place=42 redirected to itself for ever.
            query.setlist(name, [keys[name]] if name in keys else values)
    return f"{request.path}?{query.urlencode()}"


def page_query(request, cursor):
    if cursor is None:
        return None
    query = request.GET.copy()
    query["cursor"] = cursor
    return query.urlencode()


def figure_rows(incident):
    """One row a category: killed and injured, low/best/high."""
    return [
        {
            "category": category,
            "killed": [incident.figure("killed", category, b) for b in BOUNDS],
            "injured": [incident.figure("injured", category, b) for b in BOUNDS],
        }
        for category in CATEGORIES
    ]


def figure_notes(report):
    """What a report says of the toll, e.g. "killed civilians 28 (28–30)"."""
    notes = []
    for outcome, categories in report.figures_dict().items():
        for category, values in categories.items():
            note = f"{outcome} {category} {fmt(values['best'])}"
            if values["low"] is not None or values["high"] is not None:
                note += f" ({fmt(values['low'])}–{fmt(values['high'])})"
            notes.append(note)
    return notes


def fmt(value):
    return "?" if value is None else str(value)


def admin_change_url(request, incident):
    if not request.user.is_staff:
        return None
    try:
        return reverse("admin:events_incident_change", args=[incident.pk])
    except NoReverseMatch:  # The admin does not register incidents (yet).
        return None


def highlighted_bulletins(reports):
    """Each bulletin behind the reports once, its text escaped and the evidence in <mark>."""
    bulletins = {}
    for report in reports:
        if report.bulletin is None:
            continue
        entry = bulletins.setdefault(report.bulletin_id, {"bulletin": report.bulletin, "spans": []})
        entry["spans"].extend(report.evidence if isinstance(report.evidence, list) else [])
    for entry in bulletins.values():
        entry["html"] = highlight(entry["bulletin"].document, entry["spans"])
    return list(bulletins.values())


def highlight(text, spans):
    """The text, escaped, with each valid {field, start, end} span wrapped in <mark>.

    Overlapping spans are clipped to where the previous one ended; spans out of range or
    malformed are skipped rather than trusted. A span that quotes the words it marks (`quote`)
    and no longer points at them (the bulletin was edited) marks them where they are now, the
    nearest to where they were, or nothing when they are gone.
    """
    valid = []
    for span in spans:
        if not isinstance(span, dict):
            continue
        start, end = span.get("start"), span.get("end")
        if not (type(start) is int and type(end) is int and 0 <= start < end):
            continue
        quote = span.get("quote")
        if isinstance(quote, str) and quote and text[start:end] != quote:
            found = [m.start() for m in re.finditer(re.escape(quote), text)]
            if not found:
                continue
            start = min(found, key=lambda at: abs(at - start))
            end = start + len(quote)
        if end <= len(text):
            valid.append((start, end, str(span.get("field", ""))))
    parts, position = [], 0
    for start, end, field in sorted(valid):
        start = max(start, position)
        if start >= end:
            continue
        parts.append(escape(text[position:start]))
        parts.append(f'<mark title="{escape(field)}">{escape(text[start:end])}</mark>')
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))
