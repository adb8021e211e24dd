"""OGC API – Features (Part 1: Core, GeoJSON, OpenAPI 3.0) at /ogc/, for GIS clients such as
QGIS and GDAL's OAPIF driver. One collection, `incidents`, filtered by the same query string
as the list: every link carries the filters on, so a client given
`/ogc/?province=SY-DY&group=russia` sees that view and nothing else. Items are read a page at
a time by keyset (a `cursor` in each `next` link), as the list reads them.
"""

import datetime
import math
import re

import django_filters
from django.db.models import Max, Min, Q
from django.db.models.functions import Coalesce
from django.http import JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.csrf import csrf_exempt

from events import counts
from events.filters import IncidentFilter
from events.models import Aggregates, Governorate, Incident
from events.pagination import InvalidCursor, decode_cursor
from events.views import browsing

from . import citation, geojson
from .http import ogc_error, read_only

COLLECTION = "incidents"
DEFAULT_LIMIT = 100
MAX_LIMIT = 10_000
GEOJSON = "application/geo+json"
OPENAPI = "application/vnd.oai.openapi+json;version=3.0"
CONFORMANCE = [
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
]
CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
FILTERS = list(IncidentFilter.base_filters)
# Parameters every resource takes besides the filters: `f`, the format (JSON only).
COMMON = {"f"}
ITEMS = {"bbox", "datetime", "limit", "cursor"}


class InvalidParameter(Exception):
    pass


def exception(status, code, description):
    """An OGC API exception (its JSON encoding)."""
    return JsonResponse({"code": code, "description": description}, status=status)


def repeated_parameters(request, names):
    """What is wrong when one of these parameters is given two different values (a second bbox,
    limit or cursor was kept over the first, silently), else ""."""
    twice = [name for name in sorted(names) if len(set(request.GET.getlist(name))) > 1]
    return " ".join(
        f"Give one {name}, not {len(set(request.GET.getlist(name)))}." for name in twice
    )


def parameters(request, accepted):
    """The request's filter and its query string to carry on, or InvalidParameter for a name
    this resource does not take (OGC API: an unknown parameter is answered 400) or an invalid
    value."""
    unknown = sorted(set(request.GET) - set(FILTERS) - COMMON - accepted)
    if unknown:
        raise InvalidParameter(f"Unknown parameter(s): {', '.join(unknown)}.")
    if repeated := repeated_parameters(request, COMMON | set(accepted)):
        raise InvalidParameter(repeated)
    if request.GET.get("f", "json") not in ("json", "geojson"):
        raise InvalidParameter("f must be json: this service answers in JSON only.")
    incidents = IncidentFilter(request.GET, queryset=Incident.objects.all())
    if not incidents.is_valid():
        raise InvalidParameter(
            " ".join(
                f"{field}: {' '.join(errors)}" for field, errors in incidents.form.errors.items()
            )
        )
    # Each filter's value once, whatever blank or repeated copies came with it (as the filter
    # reads them): GET.items() keeps the last copy, a blank one would drop the filter.
    # A place and a district by their keys, as the pages' addresses name them.
    keys = incidents.keys()
    carried = [
        (name, value)
        for name, values in request.GET.lists()
        if name in FILTERS
        for value in dict.fromkeys([keys[name]] if name in keys else values)
        if value
    ]
    return incidents, urlencode(carried)


def ogc_view(accepted=()):
    """GET only (405 otherwise), the login rule of the public pages, and 400 for parameters
    this resource does not take or values it cannot read."""

    def decorate(view):
        @csrf_exempt  # read only: a write is a 405 (read_only), not a 403
        @read_only(ogc_error)
        @browsing
        def wrapper(request, *args, **kwargs):
            try:
                incidents, query = parameters(request, set(accepted))
                return view(request, incidents, query, *args, **kwargs)
            except InvalidParameter as error:
                return exception(400, "InvalidParameterValue", str(error))

        wrapper.__name__ = view.__name__
        wrapper.__doc__ = view.__doc__
        return wrapper

    return decorate


def url(request, name, query="", *args):
    address = request.build_absolute_uri(reverse(f"opendata:{name}", args=args))
    return f"{address}?{query}" if query else address


def link(href, rel, type_, title):
    return {"href": href, "rel": rel, "type": type_, "title": title}


@ogc_view()
def landing(request, incidents, query):
    return JsonResponse(
        {
            "title": "conflictsite: incidents of the Syrian conflict",
            "description": "Strikes and other incidents read from news bulletins and "
            "datasets, as OGC API – Features. Query parameters of the incident list "
            "(province, group, event_type, …) filter every resource.",
            "links": [
                link(url(request, "ogc_landing", query), "self", "application/json", "This page"),
                link(url(request, "ogc_api", query), "service-desc", OPENAPI, "The API (OpenAPI)"),
                link(
                    url(request, "ogc_conformance", query),
                    "conformance",
                    "application/json",
                    "Conformance classes",
                ),
                link(url(request, "ogc_collections", query), "data", "application/json", "Data"),
                link(citation.filter_url(request, query), "alternate", "text/html", "The list"),
            ],
        }
    )


@ogc_view()
def conformance(request, incidents, query):
    return JsonResponse({"conformsTo": CONFORMANCE})


def collection(request, incidents, query):
    """The incidents collection: its extent is that of the filtered incidents."""
    extent = incidents.qs.order_by().aggregate(
        west=Min("longitude"),
        east=Max("longitude"),
        south=Min("latitude"),
        north=Max("latitude"),
        first=Min("date"),
        last=Max(Coalesce("date_end", "date")),  # a period record's span ends at date_end
    )
    bbox = [extent["west"], extent["south"], extent["east"], extent["north"]]
    if None in bbox:
        bbox = [-180.0, -90.0, 180.0, 90.0]
    interval = [
        d.isoformat() + "T00:00:00Z" if d else None for d in (extent["first"], extent["last"])
    ]
    return {
        "id": COLLECTION,
        "title": "Incidents",
        "description": "One feature an incident: its date, type, place, perpetrators and "
        "toll (killed and injured, low/best/high). Rejected incidents are left out unless "
        "asked for with status.",
        "itemType": "feature",
        "crs": [CRS84],
        "extent": {
            "spatial": {"bbox": [bbox], "crs": CRS84},
            "temporal": {
                "interval": [interval],
                "trs": "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian",
            },
        },
        "links": [
            link(url(request, "ogc_collection", query), "self", "application/json", "Incidents"),
            link(url(request, "ogc_items", query), "items", GEOJSON, "Incidents as GeoJSON"),
            *[
                link(url(request, "ogc_schema", query), rel, "application/schema+json", "Schema")
                # IANA's spelling, and GDAL's (up to 3.9 it matches "describedBy" exactly).
                for rel in ("describedby", "describedBy")
            ],
            *[
                link(source["license_url"], "license", "text/html", source["license"])
                for source in citation.sources(query)
                if source["license_url"]
            ],
        ],
    }


@ogc_view()
def collections(request, incidents, query):
    return JsonResponse(
        {
            "links": [
                link(
                    url(request, "ogc_collections", query),
                    "self",
                    "application/json",
                    "Collections",
                )
            ],
            "collections": [collection(request, incidents, query)],
        }
    )


@ogc_view()
def collection_detail(request, incidents, query):
    return JsonResponse(collection(request, incidents, query))


def parse_bbox(value):
    """minx,miny,maxx,maxy (or the six numbers of a 3D box) in CRS84 → a Q."""
    try:
        numbers = [float(part) for part in value.split(",")]
    except ValueError:
        raise InvalidParameter("bbox must be four comma-separated numbers.") from None
    if len(numbers) == 6:
        numbers = [numbers[0], numbers[1], numbers[3], numbers[4]]
    if len(numbers) != 4 or not all(math.isfinite(n) for n in numbers):
        raise InvalidParameter("bbox must be four comma-separated numbers.")
    west, south, east, north = numbers
    if not all(-180 <= x <= 180 for x in (west, east)) or not all(
        -90 <= y <= 90 for y in (south, north)
    ):
        raise InvalidParameter(
            "bbox: longitudes are between -180 and 180, latitudes between -90 and 90 (CRS84)."
        )
    if south > north:
        raise InvalidParameter("bbox: the south edge is north of the north edge.")
    latitude = Q(latitude__gte=south, latitude__lte=north)
    if west <= east:
        return latitude & Q(longitude__gte=west, longitude__lte=east)
    # A box across the antimeridian.
    return latitude & (Q(longitude__gte=west) | Q(longitude__lte=east))


RFC3339 = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})?)?"
)


def parse_instant(value):
    """A date or a date-time (RFC 3339) → its date; None for an open end ("" or "..")."""
    if value in ("", ".."):
        return None
    text = value.strip()
    # GDAL's OAPIF driver (3.6) sends a bare date with a trailing "T" (2018-07-12T).
    if text.endswith("T"):
        text = text[:-1]
    # RFC 3339's form only: Python's fromisoformat takes more ("20160131", "2016-W05-2").
    if not RFC3339.fullmatch(text):
        raise InvalidParameter(f"datetime: {value!r} is not an RFC 3339 date or date-time.")
    try:
        if len(text) == 10:
            return datetime.date.fromisoformat(text)
        return datetime.datetime.fromisoformat(text.replace("z", "Z")).date()
    except ValueError:
        raise InvalidParameter(
            f"datetime: {value!r} is not an RFC 3339 date or date-time."
        ) from None


def parse_datetime(value):
    """An instant or an interval (start/end, either end open with ".." or nothing) → a Q on
    the incidents whose time span (date to date_end, a period record's; date alone, another's)
    meets it (OGC API - Features Part 1, 7.15.4)."""
    if value.count("/") > 1:
        raise InvalidParameter("datetime: an interval has two ends (start/end).")
    if "/" in value:
        start, _, end = value.partition("/")
        start, end = parse_instant(start), parse_instant(end)
        if start and end and start > end:
            raise InvalidParameter("datetime: the interval ends before it starts.")
    else:
        start = end = parse_instant(value)
        if start is None:
            raise InvalidParameter("datetime: an instant cannot be open.")
    where = Q()
    if start:
        where &= Q(date__gte=start) | Q(date_end__gte=start)
    if end:
        where &= Q(date__lte=end)
    return where


def parse_limit(value):
    if value is None or value == "":
        return DEFAULT_LIMIT
    if not (value.isascii() and value.isdigit() and len(value) <= 9) or not (
        1 <= int(value) <= MAX_LIMIT
    ):  # few digits: int() refuses a string of more than 4,300 (a 500)
        raise InvalidParameter(f"limit must be an integer from 1 to {MAX_LIMIT}.")
    return int(value)


@ogc_view(accepted=ITEMS)
def items(request, incidents, query):
    """A page of features, streamed: the page's own links (its `next`) come after the
    features, once the page has been read (JSON members have no order)."""
    queryset = incidents.qs
    if request.GET.get("bbox"):
        queryset = queryset.filter(parse_bbox(request.GET["bbox"]))
    if request.GET.get("datetime"):
        queryset = queryset.filter(parse_datetime(request.GET["datetime"]))
    limit = parse_limit(request.GET.get("limit"))
    cursor = request.GET.get("cursor") or None
    if cursor is not None:
        try:
            direction, _, _ = decode_cursor(cursor, incidents.chosen_order)
        except InvalidCursor as error:
            raise InvalidParameter(f"cursor: {error}") from None
        if direction != "next":
            raise InvalidParameter("cursor: not a link of this service.")
    chunks = geojson.Chunks(queryset, incidents.chosen_order, cursor, limit)
    matched = None
    if not (request.GET.get("bbox") or request.GET.get("datetime")):
        # the list's filters alone: the total every page states, from the counting tables
        total = counts.total(incidents)
        matched = None if total.capped else total.count
    if matched is None:
        matched = citation.total_of(queryset)
    returned = [0]

    def counted():
        for rows in chunks:
            returned[0] += len(rows)
            yield rows

    # Links keep the request's own parameters, in its order, so that a client which appends
    # its own to every URL (GDAL does) finds them there and does not add them twice.
    here = request.GET.copy()
    here.pop("cursor", None)

    def tail():
        links = [link(page_url(request, here, cursor), "self", GEOJSON, "This page")]
        if chunks.next_cursor and returned[0] == limit:
            links.append(
                link(page_url(request, here, chunks.next_cursor), "next", GEOJSON, "Next page")
            )
        links.append(
            link(
                url(request, "ogc_collection", query), "collection", "application/json", "Incidents"
            )
        )
        return {"numberReturned": returned[0], "links": links}

    cited = citation.citation(request, query, matched)
    if request.GET.get("bbox") or request.GET.get("datetime"):
        # The list has no bbox or datetime of the same reading (a period record meets an
        # interval it overlaps): the link that gives these matches is this query, from its
        # first page, at the default limit.
        whole = here.copy()
        whole.pop("limit", None)
        for name, key in incidents.keys().items():
            whole.setlist(name, [key])
        cited["filter_url"] = page_url(request, whole, None)
    head = {"numberMatched": matched, "timeStamp": cited["retrieved_at"], "citation": cited}
    detail_prefix = request.build_absolute_uri(reverse("events:list"))
    return StreamingHttpResponse(
        geojson.stream_collection(counted(), detail_prefix, head, tail), content_type=GEOJSON
    )


def page_url(request, query, cursor):
    query = query.copy()
    if cursor:
        query["cursor"] = cursor
    address = request.build_absolute_uri(request.path)
    encoded = query.urlencode()
    return f"{address}?{encoded}" if encoded else address


@ogc_view()
def item(request, incidents, query, pk):
    # The filters carried into every link are a condition here too (?province= of another
    # governorate: none), as the items they list it among: without any, the published ones,
    # period reports included (a client asks for /items/{id} without the list's query).
    if "aggregates" not in request.GET:
        given = request.GET.copy()
        given["aggregates"] = Aggregates.INCLUDE
        incidents = IncidentFilter(given, queryset=Incident.objects.all())
    rows = list(geojson.rows_for_features(incidents.qs.order_by().filter(pk=pk)))
    if not rows:
        return exception(404, "NotFound", f"No incident {pk}.")
    detail_prefix = request.build_absolute_uri(reverse("events:list"))
    body = geojson.features(rows, detail_prefix)[0]
    body["links"] = [
        link(url(request, "ogc_item", query, pk), "self", GEOJSON, "This incident"),
        link(url(request, "ogc_collection"), "collection", "application/json", "Incidents"),
        link(
            request.build_absolute_uri(reverse("events:detail", args=[pk])),
            "alternate",
            "text/html",
            "Its page",
        ),
    ]
    return JsonResponse(body, content_type=GEOJSON, json_dumps_params={"ensure_ascii": False})


@csrf_exempt
@read_only(ogc_error)
def not_found(request):
    """No such resource: the collection is `incidents` alone."""
    return exception(404, "NotFound", f"No resource {request.path}: the collection is 'incidents'.")


@ogc_view()
def schema(request, incidents, query):
    """A feature's JSON Schema: GDAL and QGIS type the layer's fields from it."""
    properties = {name: json_schema(kind) for name, kind in geojson.PROPERTIES.items()}
    return JsonResponse(
        {
            "$schema": "https://json-schema.org/draft/2019-09/schema",
            "title": "Incident",
            "type": "object",
            "properties": {
                "type": {"type": "string", "enum": ["Feature"]},
                "id": {"type": "integer"},
                "geometry": {"type": "object"},
                "properties": {"type": "object", "properties": properties},
            },
        },
        content_type="application/schema+json",
    )


def json_schema(kind):
    if kind == "date":
        return {"type": "string", "format": "date", "nullable": True}
    return {"type": kind, "nullable": True}


def filter_parameters():
    """The list's filters as OpenAPI query parameters, read from IncidentFilter."""
    declared = []
    for name, field in IncidentFilter.base_filters.items():
        schema = {"type": "string"}
        if isinstance(field, django_filters.ChoiceFilter):
            choices = field.extra.get("choices") or []
            schema["enum"] = [value for value, _ in choices]
        elif isinstance(field, django_filters.DateFilter):
            schema["format"] = "date"
        elif isinstance(field, django_filters.NumberFilter):
            schema = {"type": "integer", "minimum": 0}
        if name == "province":
            schema["enum"] = list(
                Governorate.objects.order_by("code").values_list("code", flat=True)
            )
        if name == "actor":
            schema = {"type": "integer"}
        declared.append(
            {
                "name": name,
                "in": "query",
                "required": False,
                "description": str(field.label or name),
                "schema": schema,
                "style": "form",
                "explode": False,
            }
        )
    return declared


@ogc_view()
def api(request, incidents, query):
    """The OpenAPI 3.0 document of this service."""
    server = request.build_absolute_uri(reverse("opendata:ogc_landing")).rstrip("/")
    json_content = {"application/json": {"schema": {"type": "object"}}}
    error = {
        "description": "A parameter is unknown or its value is invalid.",
        "content": json_content,
    }
    f = {
        "name": "f",
        "in": "query",
        "required": False,
        "description": "The format: JSON (GeoJSON for features).",
        "schema": {"type": "string", "enum": ["json"], "default": "json"},
    }
    filters = filter_parameters()
    item_parameters = [
        {
            "name": "limit",
            "in": "query",
            "required": False,
            "description": f"How many features a page holds (at most {MAX_LIMIT}).",
            "schema": {
                "type": "integer",
                "minimum": 1,
                "maximum": MAX_LIMIT,
                "default": DEFAULT_LIMIT,
            },
            "style": "form",
            "explode": False,
        },
        {
            "name": "bbox",
            "in": "query",
            "required": False,
            "description": "Only features inside west,south,east,north (CRS84 degrees).",
            "schema": {
                "type": "array",
                "minItems": 4,
                "maxItems": 6,
                "items": {"type": "number"},
            },
            "style": "form",
            "explode": False,
        },
        {
            "name": "datetime",
            "in": "query",
            "required": False,
            "description": "A date, or an interval start/end (either end '..' for open), "
            "on the incident's date.",
            "schema": {"type": "string"},
            "style": "form",
            "explode": False,
        },
        {
            "name": "cursor",
            "in": "query",
            "required": False,
            "description": "Where a page starts: taken from a next or prev link.",
            "schema": {"type": "string"},
        },
        f,
        *filters,
    ]
    geojson_content = {GEOJSON: {"schema": {"type": "object"}}}

    def operation(operation_id, summary, parameters, content, extra=None):
        responses = {"200": {"description": summary, "content": content}, "400": error}
        responses.update(extra or {})
        return {
            "get": {
                "operationId": operation_id,
                "summary": summary,
                "parameters": parameters,
                "responses": responses,
            }
        }

    document = {
        "openapi": "3.0.3",
        "info": {
            "title": "conflictsite OGC API – Features",
            "version": "1.0.0",
            "description": "Incidents of the Syrian conflict as OGC API – Features. Any of "
            "the list's filters may be given to any resource; unknown parameters are "
            "answered 400.",
            "license": {"name": "Sources' licences: see the citation of each answer"},
        },
        "servers": [{"url": server}],
        "paths": {
            "/": operation("getLandingPage", "The landing page", [f, *filters], json_content),
            "/conformance": operation(
                "getConformanceDeclaration", "Conformance classes", [f, *filters], json_content
            ),
            "/api": operation(
                "getAPIDefinition",
                "This document",
                [f, *filters],
                {OPENAPI: {"schema": {"type": "object"}}},
            ),
            "/collections": operation(
                "getCollections", "The collections", [f, *filters], json_content
            ),
            f"/collections/{COLLECTION}": operation(
                "describeIncidents", "The incidents collection", [f, *filters], json_content
            ),
            f"/collections/{COLLECTION}/schema": operation(
                "getIncidentSchema",
                "The JSON Schema of an incident feature",
                [f, *filters],
                {"application/schema+json": {"schema": {"type": "object"}}},
            ),
            f"/collections/{COLLECTION}/items": operation(
                "getIncidents",
                "Incidents as a GeoJSON FeatureCollection",
                item_parameters,
                geojson_content,
            ),
            f"/collections/{COLLECTION}/items/{{featureId}}": operation(
                "getIncident",
                "One incident as a GeoJSON Feature",
                [
                    {
                        "name": "featureId",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer"},
                    },
                    f,
                    *filters,
                ],
                geojson_content,
                {"404": {"description": "No such incident.", "content": json_content}},
            ),
        },
    }
    return JsonResponse(document, content_type=OPENAPI, json_dumps_params={"ensure_ascii": False})
