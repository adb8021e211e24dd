from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="events:list"), name="home"),
    path("events/", include("events.urls")),
    path("admin/", admin.site.urls),
    # Browsers ask for /favicon.ico on pages that name none (the admin's, plain error pages).
    path("favicon.ico", RedirectView.as_view(url=static("events/favicon.svg"))),
]
