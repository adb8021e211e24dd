"""What the JSON APIs (/api/ and /ogc/) answer besides their resources: a write refused in
their own JSON, OPTIONS, and a request Django refuses before any view, in JSON too."""

from functools import wraps

from django.http import HttpResponse, JsonResponse
from django.urls import Resolver404, resolve
from django.views import defaults

ALLOWED = "GET, HEAD, OPTIONS"


def api_error(message, status):
    return JsonResponse({"error": message}, status=status)


def ogc_error(message, status):
    code = "InvalidParameterValue" if status == 400 else "NotAllowed"
    return JsonResponse({"code": code, "description": message}, status=status)


def read_only(refuse):
    """GET and HEAD reach the view; OPTIONS (a browser's preflight before a cross-origin
    request with a token) is answered with what is allowed; any other method is a 405 in the
    API's own JSON (`refuse(message, status)`). The data are open (read only, CC BY): any
    origin may read them, without the site's cookies."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method in ("GET", "HEAD"):
                response = view(request, *args, **kwargs)
            elif request.method == "OPTIONS":
                response = HttpResponse(status=204)
                response["Access-Control-Allow-Methods"] = ALLOWED
                response["Access-Control-Allow-Headers"] = "Authorization, If-None-Match"
                response["Access-Control-Max-Age"] = "86400"
            else:
                response = refuse(
                    f"{request.method} is not allowed: this API is read only ({ALLOWED}).", 405
                )
            if request.method not in ("GET", "HEAD"):
                response["Allow"] = ALLOWED
            response["Access-Control-Allow-Origin"] = "*"
            return response

        return wrapper

    return decorate


# The pages' data, read by their scripts as JSON: their errors are {"errors": {field: [...]}}
# as a form's (the map shows each message).
PAGE_DATA = frozenset(
    f"events:{name}"
    for name in ("map_data", "map_popup", "histogram", "overview_data", "place_suggestions")
)


def bad_request(request, exception):
    """Django's 400 (too many parameters, a suspicious request), in the API's JSON under
    /api/ and /ogc/ and in the pages' data's JSON; its own page elsewhere."""
    message = "The request is malformed"
    code = "invalid"
    if type(exception).__name__ == "TooManyFieldsSent":
        message, code = "The request has too many parameters", "too_many_fields"
    if request.path.startswith("/api/"):
        return api_error(f"{message}.", 400)
    if request.path == "/ogc" or request.path.startswith("/ogc/"):
        return ogc_error(f"{message}.", 400)
    try:
        view = resolve(request.path_info).view_name
    except Resolver404:
        view = None
    if view in PAGE_DATA:
        return JsonResponse({"errors": {"__all__": [{"message": f"{message}.", "code": code}]}},
                            status=400)  # fmt: skip
    return defaults.bad_request(request, exception)
