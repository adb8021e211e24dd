"""Incidents as GeoJSON (RFC 7946) features, written straight from the latitude and longitude
columns (no GeoDjango, no GDAL), and streamed a page at a time so that memory stays flat
however many incidents a filter selects.

A property named like a filter holds the values that filter takes (`province` is the ISO
code, `district` the P-code, `event_type` the code), so a GIS client can pass a condition
on it back to the server (see opendata/ogc.py).
"""

import json

from django.db.models import F

from events.export import FIGURE_COLUMNS
from events.filters import keyset_page
from events.models import Incident

# Incidents read a page at a time by keyset: the first byte goes out at once, and no page
# costs more than the one before.
CHUNK_ROWS = 2_000
CHUNK_BYTES = 64 * 1024

FIELDS = [
    "id",
    "title",
    "date",
    "date_precision",
    "event_type",
    "geo_precision",
    "latitude",
    "longitude",
    "perpetrator_group",
    *FIGURE_COLUMNS,
    "status",
    "source",
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


def incidents_for_features(queryset):
    """The columns a feature needs (model instances, for keyset_page)."""
    return queryset.only(*FIELDS, "governorate_id").annotate(**NAMES)


def perpetrator_names(incident_ids):
    """{incident id: "A; B"} for these incidents, names in alphabetical order."""
    names = {}
    rows = Incident.perpetrators.through.objects.filter(incident_id__in=incident_ids)
    for pk, name in rows.order_by("actor__name").values_list("incident_id", "actor__name"):
        names.setdefault(pk, []).append(name)
    return {pk: "; ".join(values) for pk, values in names.items()}


def feature(incident, perpetrators, detail_prefix):
    """One incident as a GeoJSON Feature (a dict). Coordinates are [longitude, latitude]
    (RFC 7946 §3.1.1); an incident without a location has a null geometry."""
    geometry = None
    if incident.latitude is not None and incident.longitude is not None:
        geometry = {
            "type": "Point",
            "coordinates": [round(incident.longitude, 6), round(incident.latitude, 6)],
        }
    properties = {
        "title": incident.title,
        "date": incident.date.isoformat() if incident.date else None,
        "date_precision": incident.date_precision,
        "event_type": incident.event_type,
        "place": incident.place_name,
        "district": incident.district_code,
        "district_name": incident.district_name,
        "province": incident.governorate_id,
        "governorate": incident.governorate_name,
        "geo_precision": incident.geo_precision,
        "perpetrators": perpetrators.get(incident.pk, ""),
        "perpetrator_group": incident.perpetrator_group,
        **{name: getattr(incident, name) for name in FIGURE_COLUMNS},
        "status": incident.status,
        "source": incident.source,
        "url": f"{detail_prefix}{incident.pk}/",
    }
    return {"type": "Feature", "id": incident.pk, "geometry": geometry, "properties": properties}


def features(incidents, detail_prefix):
    """Features for a list of incidents from incidents_for_features()."""
    perpetrators = perpetrator_names([incident.pk for incident in incidents])
    return [feature(incident, perpetrators, detail_prefix) for incident in incidents]


def pages(queryset, order):
    """Every incident of an ordered filter queryset, CHUNK_ROWS at a time."""
    cursor = None
    while True:
        page = keyset_page(incidents_for_features(queryset), order, cursor, CHUNK_ROWS)
        if page.rows:
            yield page.rows
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


def dumps(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def stream_collection(queryset, order, detail_prefix, members):
    """A FeatureCollection's bytes, in chunks. `members` are foreign members (RFC 7946 §6.1)
    written before the features, such as the citation."""
    head = {"type": "FeatureCollection", **members}
    chunk = [dumps(head)[:-1], ',"features":[']
    size, first = 0, True
    for rows in pages(queryset, order):
        for item in features(rows, detail_prefix):
            text = dumps(item)
            chunk.append(text if first else "," + text)
            first = False
            size += len(text)
        if size >= CHUNK_BYTES:
            yield "".join(chunk).encode()
            chunk, size = [], 0
    chunk.append("]}\n")
    yield "".join(chunk).encode()
