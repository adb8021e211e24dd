"""The open-data pages beside the list: the GeoJSON export, the Atom feed, saved searches."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from events.views import browsing, export_filter, filter_query

from . import citation, geojson
from .feeds import IncidentFeed
from .forms import SavedSearchForm
from .models import SavedSearch


@csrf_exempt  # read only: a write is a 405 (require_safe), not a 403
@require_safe
@browsing
def export_geojson(request):
    """Every incident matching the list's query string, as one RFC 7946 FeatureCollection,
    streamed; the citation travels as foreign members."""
    incidents, refused = export_filter(request)
    if refused:
        return refused
    query = filter_query(request, incidents)
    cited = citation.citation(request, query, citation.total(incidents))
    detail_prefix = request.build_absolute_uri(reverse("events:list"))
    content = geojson.stream_collection(
        geojson.Chunks(incidents.qs, incidents.chosen_order),
        detail_prefix,
        {"numberMatched": cited["rows"], "citation": cited},
    )
    if request.method == "HEAD":  # the headers (and the citation in them), no export run
        content = []
    response = StreamingHttpResponse(content, content_type="application/geo+json")
    filename = f"incidents-{timezone.localdate().isoformat()}.geojson"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    for name, value in citation.headers(cited).items():
        response[name] = value
    return response


@csrf_exempt  # read only: a write is a 405 (require_safe), not a 403
@require_safe
@browsing
def incident_feed(request):
    """The Atom feed of the list's query string; 400 for an invalid filter or a parameter
    that is no filter, as the downloads answer."""
    _, invalid = export_filter(request)
    return invalid or IncidentFeed()(request)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def searches(request):
    """The signed-in analyst's saved searches; POST saves the list's current filters."""
    form = SavedSearchForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            try:
                with transaction.atomic():
                    search = form.save()
            except IntegrityError:  # the same name saved by a second click at the same time
                form.add_error("name", "You already have a saved search with this name.")
            else:
                messages.success(request, f"Saved “{search.name}”.")
                return redirect("opendata:searches")
        status = 400
    else:
        status = 200
    searches = list(SavedSearch.objects.filter(user=request.user))
    for search in searches:
        search.errors = search.filter_errors()
    context = {
        "form": form,
        "searches": searches,
        "has_email": bool(request.user.email),
    }
    return render(request, "opendata/searches.html", context, status=status)


@require_POST
@login_required
def search_delete(request, pk):
    search = get_object_or_404(SavedSearch, pk=pk, user=request.user)
    search.delete()
    messages.success(request, f"Deleted “{search.name}”.")
    return redirect("opendata:searches")
