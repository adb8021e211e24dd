from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("", views.incident_list, name="list"),
    path("<int:pk>/", views.incident_detail, name="detail"),
    path("overview/", views.incident_overview, name="overview"),
    path("places/", views.place_suggestions, name="place_suggestions"),
    path("<int:pk>/place/", views.switch_place, name="switch_place"),
    path("map/", views.incident_map, name="map"),
    path("map/data/", views.map_data, name="map_data"),
    path("map/popup/", views.map_popup, name="map_popup"),
    path("histogram/", views.histogram, name="histogram"),
    path("export.csv", views.export_csv, name="export"),
]
