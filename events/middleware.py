from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.urls import reverse


class RequestSizeLimitMiddleware:
    """Refuse a request body over MAX_UPLOAD_BYTES (413) before any of it is read.

    Django caps form fields (DATA_UPLOAD_MAX_MEMORY_SIZE) but not files: without this, 60 files
    of 5.5 MB were all received before the first was rejected.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.MAX_UPLOAD_BYTES
        if length > limit:
            return HttpResponse(
                f"The request is {length / 2**20:,.1f} MB; the limit is {limit / 2**20:,.0f} MB "
                f"a request and {settings.MAX_BULLETIN_BYTES / 2**20:,.0f} MB a bulletin. "
                "Upload fewer files at a time.\n",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


class AdminNulMiddleware:
    """Answer 400 to an admin address holding a NUL character (%00), in its path or its
    query string: PostgreSQL refuses NUL in a text parameter, and the admin passes its list
    filters and object ids to the database as given (a 500). The site's own pages validate
    each parameter in their forms."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(reverse("admin:index")) and (
            "\x00" in request.path
            or any("\x00" in key + "".join(values) for key, values in request.GET.lists())
        ):
            return HttpResponseBadRequest(
                "The address holds a NUL character (%00).\n",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


def client_address(request):
    """The client's address for counting failed logins: REMOTE_ADDR, or behind a proxy
    (BEHIND_PROXY) the address the proxy appended last to X-Forwarded-For (what a client
    wrote there itself comes before it, and is not trusted)."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.BEHIND_PROXY and forwarded.strip():
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR")
