"""Incidents as GeoJSON (RFC 7946) features, written straight from the latitude and longitude
columns (no GeoDjango, no GDAL), and streamed a page at a time so that memory stays flat
however many incidents a filter selects.

A property named like a filter holds the values that filter takes (`province` is the ISO
code, `district` the P-code, `event_type` the code), so a GIS client can pass a condition
on it back to the server (see opendata/ogc.py).
"""

import json

from django.db import connection
from django.db.models import F

from events.export import FIGURE_COLUMNS
from events.filters import AnyOf, IdArray, keyset_page
from events.models import Actor, Incident

# Incidents are read CHUNK_ROWS at a time by keyset: the first byte goes out at once, and no
# chunk costs more than the one before. Rows are named tuples, not model instances (which
# cost most of the time).
CHUNK_ROWS = 2_000
CHUNK_BYTES = 64 * 1024

COLUMNS = [
    "pk",
    "title",
    "date",
    "date_precision",
    "date_end",
    "aggregate",
    "event_type",
    "geo_precision",
    "latitude",
    "longitude",
    "perpetrator_group",
    *FIGURE_COLUMNS,
    "status",
    "source",
    "governorate_id",
]
NAMES = {
    "place_name": F("place__name"),
    "district_code": F("district__pcode"),
    "district_name": F("district__name"),
    "governorate_name": F("governorate__name"),
}

# The properties of a feature, in order, with their JSON Schema types (for the OpenAPI
# document and the collection's schema, from which GDAL and QGIS type their fields).
PROPERTIES = {
    "title": "string",
    "date": "date",
    "date_precision": "string",
    "date_end": "date",
    "aggregate": "boolean",
    "event_type": "string",
    "place": "string",
    "district": "string",
    "district_name": "string",
    "province": "string",
    "governorate": "string",
    "geo_precision": "string",
    "perpetrators": "string",
    "perpetrator_group": "string",
    **dict.fromkeys(FIGURE_COLUMNS, "integer"),
    "status": "string",
    "source": "string",
    "url": "string",
}


def rows_for_features(queryset):
    """The columns a feature needs, as named tuples (keyset_page reads them by name)."""
    return queryset.annotate(**NAMES).values_list(*COLUMNS, *NAMES, named=True)


class Perpetrators:
    """Perpetrators' names for chunks of incidents: the actors' names are read once, then
    each chunk's (incident, actor) pairs without a join."""

    def __init__(self):
        self.names = dict(Actor.objects.values_list("pk", "name"))

    def of(self, incident_ids):
        """{incident id: "A; B"}, names in alphabetical order."""
        found = {}
        pairs = Incident.perpetrators.through.objects.all()
        if connection.vendor == "postgresql":  # one bigint[] parameter, not 2,000
            pairs = pairs.filter(AnyOf(F("incident_id"), IdArray(incident_ids)))
        else:
            pairs = pairs.filter(incident_id__in=incident_ids)
        for pk, actor in pairs.values_list("incident_id", "actor_id"):
            found.setdefault(pk, []).append(self.names.get(actor, ""))
        return {pk: "; ".join(sorted(names)) for pk, names in found.items()}


def feature(row, perpetrators, detail_prefix):
    """One incident as a GeoJSON Feature (a dict). Coordinates are [longitude, latitude]
    (RFC 7946 §3.1.1); an incident without a location has a null geometry."""
    geometry = None
    if row.latitude is not None and row.longitude is not None:
        geometry = {
            "type": "Point",
            "coordinates": [round(row.longitude, 6), round(row.latitude, 6)],
        }
    properties = {
        "title": row.title,
        "date": row.date.isoformat() if row.date else None,
        "date_precision": row.date_precision,
        # The last day of a period coarser than a day; an aggregate is a period's or a
        # cumulative toll, not one incident.
        "date_end": row.date_end.isoformat() if row.date_end else None,
        "aggregate": row.aggregate,
        "event_type": row.event_type,
        "place": row.place_name,
        "district": row.district_code,
        "district_name": row.district_name,
        "province": row.governorate_id,
        "governorate": row.governorate_name,
        "geo_precision": row.geo_precision,
        "perpetrators": perpetrators.get(row.pk, ""),
        "perpetrator_group": row.perpetrator_group,
        **{name: getattr(row, name) for name in FIGURE_COLUMNS},
        "status": row.status,
        "source": row.source,
        "url": f"{detail_prefix}{row.pk}/",
    }
    return {"type": "Feature", "id": row.pk, "geometry": geometry, "properties": properties}


def features(rows, detail_prefix, perpetrators=None):
    """Features for rows from rows_for_features()."""
    perpetrators = perpetrators or Perpetrators()
    names = perpetrators.of([row.pk for row in rows])
    return [feature(row, names, detail_prefix) for row in rows]


class Chunks:
    """The rows of an ordered filter queryset after `cursor` (from the start if None), up
    to `limit` (all if None), CHUNK_ROWS at a time. Once iterated, `next_cursor` says where
    the next page starts (None at the end)."""

    def __init__(self, queryset, order, cursor=None, limit=None):
        self.queryset, self.order = rows_for_features(queryset), order
        self.cursor, self.limit = cursor, limit
        self.next_cursor = None

    def __iter__(self):
        cursor, remaining = self.cursor, self.limit
        while remaining is None or remaining > 0:
            size = CHUNK_ROWS if remaining is None else min(CHUNK_ROWS, remaining)
            page = keyset_page(self.queryset, self.order, cursor, size)
            if page.rows:
                yield page.rows
            if remaining is not None:
                remaining -= len(page.rows)
            cursor = self.next_cursor = page.next_cursor
            if cursor is None:
                return


def dumps(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def stream_collection(chunks, detail_prefix, head, tail=dict):
    """A FeatureCollection's bytes, in pieces of about CHUNK_BYTES: the `head` members
    (foreign members such as the citation, RFC 7946 §6.1), the features of each chunk of
    rows, then the members `tail()` returns once they are all written (a page's next link)."""
    perpetrators = Perpetrators()
    opening = dumps({"type": "FeatureCollection", **head})[:-1] + ',"features":['
    pieces, size, first = [opening], 0, True
    for rows in chunks:
        text = dumps(features(rows, detail_prefix, perpetrators))[1:-1]
        if text:
            pieces.append(text if first else "," + text)
            size += len(text)
            first = False
        if size >= CHUNK_BYTES:
            yield "".join(pieces).encode()
            pieces, size = [], 0
    closing = dumps(tail())
    pieces.append("]" + ("," + closing[1:] if closing != "{}" else "}") + "\n")
    yield "".join(pieces).encode()
