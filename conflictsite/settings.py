"""Settings for conflictsite, configured by environment variables.

With no configuration the site runs on SQLite in the checkout (a newcomer needs no server);
production and CI set DATABASE_URL to PostgreSQL. Bad values fail loudly at start-up.
"""

import datetime
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name, default, minimum=0, maximum=None):
    """An integer setting from the environment, within [minimum, maximum]: a value out of its
    range stops the site with a message, as a value that is no integer does (MAX_UPLOAD_BYTES=-1
    answered every request 413)."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from None
    if number < minimum or (maximum is not None and number > maximum):
        bounds = f"from {minimum} to {maximum}" if maximum is not None else f"{minimum} or more"
        raise ImproperlyConfigured(f"{name} must be {bounds}, not {value!r}")
    return number


def env_list(name, default=()):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set SECRET_KEY in production, or DEBUG=1 for development."
        )
    SECRET_KEY = "development-only-insecure-key-" + "x" * 40

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Plain admin without autodiscovery: django-leaflet's admin module imports GeoDjango (and
    # so GDAL). events.apps.EventsConfig.ready() discovers every other app's admin module.
    "django.contrib.admin.apps.SimpleAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # SearchVectorField for the text search table (events.IncidentSearch, PostgreSQL).
    "django.contrib.postgres",
    "django_filters",
    "leaflet",
    # The edit history of incidents, places, actors and bulletins (see events/models.py).
    "simple_history",
    # Django's tasks framework with a database queue: large admin imports run in the worker.
    "django_tasks_db",
    # Failed logins counted by account and by address in the database, with a lockout.
    "axes",
    "events",
    # OGC API – Features, the JSON API, GeoJSON export, feeds, saved searches and digests.
    "opendata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "events.middleware.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "events.middleware.AdminNulMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Records the logged-in user as the author of each historical record.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: answers a locked-out login with 429.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "conflictsite.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "conflictsite.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# The embedded database: a writer waits for another (up to 20 s) instead of failing at once
# with "database is locked", and a transaction takes the write lock when it begins, so that
# one that reads and then writes (an editor's save) waits its turn rather than failing when
# another writer got in between its read and its write.
SQLITE_OPTIONS = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
    DATABASES["default"]["CONN_MAX_AGE"] = 0

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # JIT compilation costs more than it saves on the list's short queries.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
# An admin import of this many bulletins (a JSONL line is one, any other file or a paste one) or
# this many bytes, or more, runs in the background with a progress page: extraction reads about
# 180 KB a second, so what stays in the request ends well inside gunicorn's 30-second timeout.
BACKGROUND_IMPORT_MIN_BULLETINS = env_int("BACKGROUND_IMPORT_MIN_BULLETINS", 20)
BACKGROUND_IMPORT_MIN_BYTES = env_int("BACKGROUND_IMPORT_MIN_BYTES", 256 * 1024)
# A background import whose worker has shown no sign of life for this many seconds is stalled:
# the next worker to run it takes it over (a bulletin of 5 MB takes about 30 s to extract).
IMPORT_STALLED_AFTER = env_int("IMPORT_STALLED_AFTER", 120, minimum=1)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
# WhiteNoise serves static files from the app servers (compressed, no manifest to build first).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# The site's own login (analysts are not staff); the admin keeps its own. A `next` that is not
# on this site is ignored and the login goes home.
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Brute force: django-axes counts failed logins (the site's and the admin's) by account and by
# address in the database that every app server shares, and refuses further attempts (429)
# before a password is hashed, so a flood costs the server almost nothing once locked out.
# An editor can lift a lockout in the admin (Axes → Access attempts) or with
# `manage.py axes_reset`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "events.middleware.client_address"
# One access-log row a login is not needed: failures are counted in AccessAttempt.
AXES_DISABLE_ACCESS_LOG = True

# Uploads. A bulletin, uploaded or pasted, may be up to 5 MB. A request may carry several, up to
# MAX_UPLOAD_BYTES in all: a longer one is refused (413) before its body is read
# (events.middleware). Files over a quarter megabyte are streamed to temporary files rather
# than held in memory; the form's other fields (the paste) may hold one bulletin.
MAX_BULLETIN_BYTES = 5 * 1024 * 1024
MAX_UPLOAD_BYTES = env_int("MAX_UPLOAD_BYTES", 64 * 1024 * 1024, minimum=1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_BULLETIN_BYTES + 256 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 500

# Security. Cookies and HSTS are HTTPS-only unless DEBUG; a TLS-terminating deployment also
# sets SECURE_SSL_REDIRECT (see the README's production section).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"


def tiles_source(url):
    """The Content Security Policy source of a tile URL template: its scheme and host (with its
    port), a placeholder in the host such as {s} becoming a wildcard subdomain."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ImproperlyConfigured(f"TILES_URL must be an http(s) address, not {url!r}")
    host = re.sub(r"\{[^}]*\}", "*", parts.netloc)
    return f"{parts.scheme}://{host}"


# The map tiles come from TILES_URL (OpenStreetMap by default), and the policy lets images come
# from there; everything else is served by the site itself.
TILES_URL = os.environ.get("TILES_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", tiles_source(TILES_URL)],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}

LEAFLET_CONFIG = {
    "DEFAULT_CENTER": (35.0, 38.5),
    "DEFAULT_ZOOM": 7,
    "MIN_ZOOM": 5,
    "MAX_ZOOM": 16,
    "RESET_VIEW": False,
    "TILES": [
        (
            "OpenStreetMap",
            TILES_URL,
            {"attribution": "&copy; OpenStreetMap contributors", "maxZoom": 18},
        )
    ],
    "ATTRIBUTION_PREFIX": "Leaflet",
}

# Where the site is reached, for links in e-mails (which have no request to build them from).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# Django's e-mail (the saved searches' digests): SMTP, on localhost unless configured.
email_backend = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
MAILERS = {
    "default": {
        "BACKEND": email_backend,
        # The SMTP backend's options: another backend (console, file, locmem) refuses them.
        "OPTIONS": {
            "host": os.environ.get("EMAIL_HOST", "localhost"),
            "port": env_int("EMAIL_PORT", 25, minimum=1, maximum=65535),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", False),
        }
        if email_backend.endswith(".smtp.EmailBackend")
        else {},
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "conflictsite <noreply@localhost>")

# The JSON API's rate limits, in requests a minute: anonymous (per address) and with a token.
API_RATE_ANONYMOUS = env_int("API_RATE_ANONYMOUS", 60)
API_RATE_TOKEN = env_int("API_RATE_TOKEN", 1200)

# Whether the public list, map and export need a login.
BROWSING_REQUIRES_LOGIN = env_bool("BROWSING_REQUIRES_LOGIN", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
