from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="events:list"), name="home"),
    path("events/", include("events.urls")),
    path("", include("opendata.urls")),
    path("admin/", admin.site.urls),
]
