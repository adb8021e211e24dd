from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="events:list"), name="home"),
    path("events/", include("events.urls")),
    # The site's own login and logout, for analysts who are not staff (BROWSING_REQUIRES_LOGIN).
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("opendata.urls")),
    path("admin/", admin.site.urls),
    # Browsers ask for /favicon.ico on pages that name none (the admin's, plain error pages).
    path("favicon.ico", RedirectView.as_view(url=static("events/favicon.svg"))),
]

# Django's 400 (too many parameters …) in the JSON APIs' own JSON under /api/ and /ogc/.
handler400 = "opendata.http.bad_request"
