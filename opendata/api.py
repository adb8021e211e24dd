"""A read-only JSON API of incidents with their reports and claims, at /api/v1/.

Plain Django views and a hand-written OpenAPI document, rather than Django REST Framework or
django-ninja: the API is two read-only resources over the one FilterSet and the list's own
keyset pagination, so a framework would bring serializers, routers and its own filtering to
be bent back to what the site already does. Anonymous use is rate-limited per address; an
API token (issued by editors in the admin) raises the limit.
"""

import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db.models import Prefetch
from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from events.filters import IncidentFilter
from events.middleware import client_address
from events.models import Claim, Incident, Report
from events.pagination import InvalidCursor, keyset_page
from events.views import browsing

from . import citation
from .http import api_error, read_only
from .models import ApiToken
from .ogc import filter_parameters, repeated_parameters

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
WINDOW_SECONDS = 60
FILTERS = list(IncidentFilter.base_filters)
LIST_PARAMETERS = {"cursor", "limit"}


def error(status, message, **extra):
    return JsonResponse({"error": message, **extra}, status=status)


@csrf_exempt
@read_only(api_error)
def not_found(request):
    """No such resource: the API's paths are in its OpenAPI document."""
    openapi = reverse("opendata:api_openapi")
    return error(404, f"No resource {request.path}: the API's paths are listed at {openapi}.")


def bearer_key(request):
    header = request.headers.get("Authorization", "")
    scheme, _, key = header.partition(" ")
    if scheme.lower() in ("bearer", "token") and key.strip():
        return key.strip()
    return None


def request_token(request):
    """The active API token the request's Authorization header names; None without one, False
    when its key is unknown or revoked. Looked up once a request: the login rule
    (events.views.browsing) and the rate limit both ask."""
    if not hasattr(request, "_api_token"):
        key = bearer_key(request)
        request._api_token = None if key is None else ApiToken.objects.for_key(key) or False
    return request._api_token


def token_refused():
    return error(401, "Unknown or revoked API token.")


def wait_seconds(key, rate):
    """0 if this request is within `rate` a minute for `key`, else the seconds until the
    next window. A fixed window counted in the cache: with several processes, the cache
    must be shared (see README) or each process counts on its own."""
    now = time.time()
    window = int(now // WINDOW_SECONDS)
    name = f"opendata-rate:{key}:{window}"
    cache.add(name, 0, timeout=WINDOW_SECONDS + 5)
    try:
        used = cache.incr(name)
    except ValueError:  # expired between add() and incr()
        cache.set(name, 1, timeout=WINDOW_SECONDS + 5)
        used = 1
    if used <= rate:
        return 0
    return max(1, int((window + 1) * WINDOW_SECONDS - now) + 1)


def api_view(view):
    """GET only, the public pages' login rule, a token or the anonymous rate limit."""

    @csrf_exempt  # read only: a write is a 405 (read_only), not a 403
    @read_only(api_error)
    @browsing
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        token = request_token(request)
        if token is False:
            return token_refused()
        if token is not None:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
            bucket, rate = f"token:{token.pk}", settings.API_RATE_TOKEN
        else:
            bucket, rate = (
                f"address:{client_address(request) or ''}",  # the client's, behind a proxy
                settings.API_RATE_ANONYMOUS,
            )
        wait = wait_seconds(bucket, rate)
        if wait:
            response = error(
                429,
                f"Too many requests: {rate} a minute. Ask an editor for an API token to raise "
                "the limit.",
            )
            response["Retry-After"] = str(wait)
            return response
        response = view(request, *args, **kwargs)
        response["X-RateLimit-Limit"] = str(rate)
        return response

    return wrapper


def reports_prefetch():
    claims = Claim.objects.select_related("actor").order_by("position", "id")
    reports = Report.objects.select_related("bulletin").prefetch_related(
        Prefetch("claims", queryset=claims)
    )
    return Prefetch("reports", queryset=reports)


def incidents_for_api(queryset):
    return queryset.select_related("place", "district", "governorate").prefetch_related(
        "perpetrators", reports_prefetch()
    )


def named(obj, key="id"):
    if obj is None:
        return None
    return {key: getattr(obj, key), "name": obj.name}


def report_data(report):
    bulletin = report.bulletin
    return {
        "id": report.pk,
        "source": report.source,
        "external_id": report.external_id,
        "bulletin": None
        if bulletin is None
        else {
            "id": bulletin.pk,
            "title": bulletin.title,
            "publisher": bulletin.publisher,
            "published_at": bulletin.published_at.isoformat() if bulletin.published_at else None,
            "url": bulletin.url,
        },
        "headline": report.headline,
        "event_type": report.event_type,
        "date": report.date.isoformat() if report.date else None,
        "place_name": report.place_name,
        "latitude": report.latitude,
        "longitude": report.longitude,
        "is_primary": report.is_primary,
        "is_background": report.is_background,
        "figures": report.figures_dict(),
        "claims": [
            {
                "name": claim.name,
                "actor": None
                if claim.actor is None
                else {"id": claim.actor.pk, "name": claim.actor.name, "group": claim.actor.group},
                "group": claim.group,
                "attribution": claim.attribution,
                "alleged_by": claim.alleged_by,
            }
            for claim in report.claims.all()
        ],
    }


def incident_data(request, incident):
    return {
        "id": incident.pk,
        "url": request.build_absolute_uri(incident.get_absolute_url()),
        "api_url": request.build_absolute_uri(reverse("opendata:api_incident", args=[incident.pk])),
        "title": incident.title,
        "date": incident.date.isoformat() if incident.date else None,
        "date_precision": incident.date_precision,
        "date_end": incident.date_end.isoformat() if incident.date_end else None,
        "aggregate": incident.aggregate,
        "event_type": incident.event_type,
        "latitude": incident.latitude,
        "longitude": incident.longitude,
        "geo_precision": incident.geo_precision,
        "place": named(incident.place),
        "district": named(incident.district, "pcode"),
        "governorate": named(incident.governorate, "code"),
        "perpetrators": [
            {"id": actor.pk, "name": actor.name, "group": actor.group}
            for actor in sorted(incident.perpetrators.all(), key=lambda actor: actor.name)
        ],
        "perpetrator_group": incident.perpetrator_group,
        "figures": incident.figures_dict(),
        "status": incident.status,
        "source": incident.source,
        "updated_at": incident.updated_at.isoformat(),
        "reports": [report_data(report) for report in incident.reports.all()],
    }


def parse_limit(value):
    if value in (None, ""):
        return DEFAULT_LIMIT
    # Digits only, and few: int() refuses a string of more than 4,300 (a 500).
    if value.isascii() and value.isdigit() and len(value) <= 9 and 1 <= int(value) <= MAX_LIMIT:
        return int(value)
    return None


@api_view
def incident_list(request):
    unknown = sorted(set(request.GET) - set(FILTERS) - LIST_PARAMETERS)
    if unknown:
        return error(400, f"Unknown parameter(s): {', '.join(unknown)}.")
    if repeated := repeated_parameters(request, LIST_PARAMETERS):
        return error(400, repeated)
    incidents = IncidentFilter(request.GET, queryset=Incident.objects.all())
    if not incidents.is_valid():
        return error(400, "Invalid filter.", errors=incidents.form.errors.get_json_data())
    limit = parse_limit(request.GET.get("limit"))
    if limit is None:
        return error(400, f"limit must be an integer from 1 to {MAX_LIMIT}.")
    listed = incidents_for_api(incidents.qs)
    try:
        page = keyset_page(listed, incidents.chosen_order, request.GET.get("cursor"), limit)
    except InvalidCursor as invalid:
        return error(400, str(invalid))
    query = request.GET.copy()
    query.pop("cursor", None)
    filters = query.copy()
    filters.pop("limit", None)
    for name, key in incidents.keys().items():  # a place, a district by their keys
        filters.setlist(name, [key])
    rows = [incident_data(request, incident) for incident in page.rows]
    return JsonResponse(
        {
            "incidents": rows,
            "next": page_url(request, query, page.next_cursor),
            "previous": page_url(request, query, page.previous_cursor),
            "citation": citation.citation(request, filters.urlencode(), len(rows)),
        },
        json_dumps_params={"ensure_ascii": False},
    )


def page_url(request, query, cursor):
    if cursor is None:
        return None
    query = query.copy()
    query["cursor"] = cursor
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


@api_view
def incident_detail(request, pk):
    if request.GET:
        return error(400, f"Unknown parameter(s): {', '.join(sorted(request.GET))}.")
    incident = incidents_for_api(Incident.objects.published().filter(pk=pk)).first()
    if incident is None:
        return error(404, f"No incident {pk}.")
    data = incident_data(request, incident)
    data["citation"] = citation.citation(
        request, "", 1, cited=citation.sources(f"source={incident.source}")
    )
    data["citation"]["filter_url"] = data["url"]
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@csrf_exempt  # read only: a write is a 405 (read_only), not a 403
@read_only(api_error)
def openapi(request):
    """The API's OpenAPI 3.0 document (not rate-limited: clients read it first)."""
    server = request.build_absolute_uri(reverse("opendata:api_incidents")).removesuffix(
        "/incidents"
    )
    figures = {"type": "object", "description": "killed/injured → category → low/best/high"}
    claim = {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "actor": {"type": "object", "nullable": True},
            "group": {"type": "string"},
            "attribution": {
                "type": "string",
                "enum": ["claimed", "confirmed", "alleged", "unclear"],
            },
            "alleged_by": {"type": "string"},
        },
    }
    report = {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "source": {"type": "string"},
            "external_id": {"type": "string"},
            "bulletin": {"type": "object", "nullable": True},
            "headline": {"type": "string"},
            "event_type": {"type": "string"},
            "date": {"type": "string", "format": "date", "nullable": True},
            "figures": figures,
            "claims": {"type": "array", "items": claim},
        },
    }
    incident = {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "url": {"type": "string", "format": "uri"},
            "title": {"type": "string"},
            "date": {"type": "string", "format": "date", "nullable": True},
            "event_type": {"type": "string"},
            "latitude": {"type": "number", "nullable": True},
            "longitude": {"type": "number", "nullable": True},
            "place": {"type": "object", "nullable": True},
            "district": {"type": "object", "nullable": True},
            "governorate": {"type": "object", "nullable": True},
            "perpetrators": {"type": "array", "items": {"type": "object"}},
            "figures": figures,
            "status": {"type": "string"},
            "source": {"type": "string"},
            "reports": {"type": "array", "items": {"$ref": "#/components/schemas/Report"}},
        },
    }
    cited = {
        "type": "object",
        "properties": {
            "filter_url": {"type": "string", "format": "uri"},
            "retrieved_at": {"type": "string", "format": "date-time"},
            "rows": {"type": "integer"},
            "sources": {"type": "array", "items": {"type": "object"}},
        },
    }
    problem = {"type": "object", "properties": {"error": {"type": "string"}}}

    def answer(description, schema):
        return {"description": description, "content": {"application/json": {"schema": schema}}}

    limited = answer(
        "Too many requests; see the Retry-After header (seconds).",
        {"$ref": "#/components/schemas/Error"},
    )
    document = {
        "openapi": "3.0.3",
        "info": {
            "title": "conflictsite incidents API",
            "version": "1.0.0",
            "description": f"Read-only. Anonymous clients may make {settings.API_RATE_ANONYMOUS} "
            f"requests a minute, clients with a token {settings.API_RATE_TOKEN}; over the "
            "limit the answer is 429 with Retry-After. Every answer cites its filter URL, "
            "time, row count and sources with their licences.",
        },
        "servers": [{"url": server}],
        "components": {
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Incident": incident,
                "Report": report,
                "Citation": cited,
                "Error": problem,
            },
        },
        "security": [{}, {"token": []}],
        "paths": {
            "/incidents": {
                "get": {
                    "operationId": "listIncidents",
                    "summary": "Incidents matching the list's filters, newest first by default",
                    "parameters": [
                        {
                            "name": "limit",
                            "in": "query",
                            "schema": {
                                "type": "integer",
                                "minimum": 1,
                                "maximum": MAX_LIMIT,
                                "default": DEFAULT_LIMIT,
                            },
                        },
                        {
                            "name": "cursor",
                            "in": "query",
                            "description": "From the `next` or `previous` URL of a page.",
                            "schema": {"type": "string"},
                        },
                        *filter_parameters(),
                    ],
                    "responses": {
                        "200": answer(
                            "A page of incidents",
                            {
                                "type": "object",
                                "properties": {
                                    "incidents": {
                                        "type": "array",
                                        "items": {"$ref": "#/components/schemas/Incident"},
                                    },
                                    "next": {"type": "string", "format": "uri", "nullable": True},
                                    "previous": {
                                        "type": "string",
                                        "format": "uri",
                                        "nullable": True,
                                    },
                                    "citation": {"$ref": "#/components/schemas/Citation"},
                                },
                            },
                        ),
                        "400": answer("Unknown parameter or invalid value", problem),
                        "401": answer("Unknown or revoked token", problem),
                        "429": limited,
                    },
                }
            },
            "/incidents/{id}": {
                "get": {
                    "operationId": "getIncident",
                    "summary": "One incident with its reports and their claims",
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "integer"},
                        }
                    ],
                    "responses": {
                        "200": answer("The incident", {"$ref": "#/components/schemas/Incident"}),
                        "401": answer("Unknown or revoked token", problem),
                        "404": answer("No such incident", problem),
                        "429": limited,
                    },
                }
            },
        },
    }
    return JsonResponse(document, json_dumps_params={"ensure_ascii": False})
