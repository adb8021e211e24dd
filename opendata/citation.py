"""What every export and API answer says of itself: the filter URL it was made from, when,
how many rows, and the data sources with their licences."""

from django.urls import reverse
from django.utils import timezone

# The sources behind the incidents and the gazetteer, with the licences they are published
# under (the README's "Data sources and licences" says the same).
SOURCES = [
    {
        "name": "UCDP Georeferenced Event Dataset (GED)",
        "url": "https://ucdp.uu.se/downloads/",
        "license": "CC BY 4.0",
        "license_url": "https://creativecommons.org/licenses/by/4.0/",
    },
    {
        "name": "GeoNames",
        "url": "https://www.geonames.org/",
        "license": "CC BY 4.0",
        "license_url": "https://creativecommons.org/licenses/by/4.0/",
    },
    {
        "name": "OCHA Syria administrative boundaries and populated places (COD)",
        "url": "https://data.humdata.org/group/syr",
        "license": "CC BY 3.0 IGO",
        "license_url": "https://creativecommons.org/licenses/by/3.0/igo/",
    },
]


def total(incidents):
    """How many incidents a valid IncidentFilter selects, counted exactly: an export holds
    them all."""
    return total_of(incidents.qs)


def total_of(queryset):
    return queryset.order_by().count()


def filter_url(request, query):
    """The list page showing the same incidents: what a reader opens to check the rows."""
    url = request.build_absolute_uri(reverse("events:list"))
    return f"{url}?{query}" if query else url


def citation(request, query, rows, when=None):
    """{"filter_url", "retrieved_at", "rows", "sources"}: `query` is the filter's query
    string, `rows` how many incidents the answer holds (or matches)."""
    when = when or timezone.now()
    return {
        "filter_url": filter_url(request, query),
        "retrieved_at": when.isoformat(timespec="seconds"),
        "rows": rows,
        "sources": SOURCES,
    }


def text(cited):
    """The citation as one paragraph to paste into a paper or a spreadsheet's notes."""
    sources = "; ".join(f"{s['name']} ({s['license']})" for s in cited["sources"])
    return (
        f"conflictsite incidents, {cited['rows']} rows, {cited['filter_url']} "
        f"(retrieved {cited['retrieved_at']}). Sources: {sources}."
    )


def headers(cited):
    """The citation as HTTP response headers (for the CSV, whose rows leave no room for it)."""
    return {
        "X-Filter-URL": cited["filter_url"],
        "X-Retrieved-At": cited["retrieved_at"],
        "X-Row-Count": str(cited["rows"]),
        "X-Data-Sources": ", ".join(
            f"{s['name']} ({s['license']}, {s['license_url']})" for s in cited["sources"]
        ),
        "Link": f'<{cited["filter_url"]}>; rel="alternate"; type="text/html"',
    }
