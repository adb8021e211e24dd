from django.urls import path, re_path

from . import api, ogc, views

app_name = "opendata"
urlpatterns = [
    path("api/v1/incidents", api.incident_list, name="api_incidents"),
    path("api/v1/incidents/<int:pk>", api.incident_detail, name="api_incident"),
    path("api/v1/openapi.json", api.openapi, name="api_openapi"),
    # Anything else under /api/ ("…/incidents/", a typo): the API's own 404, in JSON.
    re_path(r"^api/.*$", api.not_found),
    path("searches/", views.searches, name="searches"),
    path("searches/<int:pk>/delete", views.search_delete, name="search_delete"),
    path("events/feed.atom", views.incident_feed, name="feed"),
    path("events/export.geojson", views.export_geojson, name="export_geojson"),
    # With or without the slash: clients are given "…/ogc" as often as "…/ogc/".
    re_path(r"^ogc/?$", ogc.landing, name="ogc_landing"),
    path("ogc/api", ogc.api, name="ogc_api"),
    path("ogc/conformance", ogc.conformance, name="ogc_conformance"),
    path("ogc/collections", ogc.collections, name="ogc_collections"),
    path("ogc/collections/incidents", ogc.collection_detail, name="ogc_collection"),
    path("ogc/collections/incidents/schema", ogc.schema, name="ogc_schema"),
    path("ogc/collections/incidents/items", ogc.items, name="ogc_items"),
    path("ogc/collections/incidents/items/<int:pk>", ogc.item, name="ogc_item"),
    # Anything else under /ogc/: the API's own 404 (JSON), which a GIS client reads.
    re_path(r"^ogc/.+$", ogc.not_found),
]
