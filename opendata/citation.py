"""What every export and API answer says of itself: the filter URL it was made from, when,
how many rows, and the data sources with their licences."""

from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from events.models import Incident, Source

# The sources behind the gazetteer every incident is placed by (UCDP's coded places among
# them) and UCDP's own events, with the licences they are published under (the README's
# "Data sources and licences" says the same).
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


# The other sources an answer's rows may come from: the ACLED rows an editor imported, the
# bulletins they pasted (each row's source address names its publisher).
DATASETS = {
    Source.ACLED: {
        "name": "ACLED, the Armed Conflict Location & Event Data Project",
        "url": "https://acleddata.com/",
        "license": "ACLED Terms of Use (attribution required)",
        "license_url": "https://acleddata.com/terms-of-use/",
    },
    Source.BULLETIN: {
        "name": "News bulletins (each row's source address names its publisher)",
        "url": "",
        "license": "their publishers' terms",
        "license_url": "",
    },
}


def sources(query=""):
    """The sources to cite for the rows `query` (a filter's query string) selects: the
    gazetteer's always, and each dataset the rows may come from: the one the filter chose,
    else every one the database holds rows of (never fewer than the rows come from)."""
    chosen = QueryDict(query).get("source")
    if chosen:
        held = {chosen}
    else:
        held = {s for s in DATASETS if Incident.objects.filter(source=s).exists()}
    return SOURCES + [dataset for source, dataset in DATASETS.items() if source in held]


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


def citation(request, query, rows, when=None, cited=None):
    """{"filter_url", "retrieved_at", "rows", "sources"}: `query` is the filter's query
    string, `rows` how many incidents the answer holds (or matches); `cited` the sources
    when the query does not say them (one incident: sources(f"source={its source}"))."""
    when = when or timezone.now()
    return {
        "filter_url": filter_url(request, query),
        "retrieved_at": when.isoformat(timespec="seconds"),
        "rows": rows,
        "sources": cited if cited is not None else sources(query),
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
            f"{s['name']} ({', '.join(filter(None, (s['license'], s['license_url'])))})"
            for s in cited["sources"]
        ),
        "Link": f'<{cited["filter_url"]}>; rel="alternate"; type="text/html"',
    }
