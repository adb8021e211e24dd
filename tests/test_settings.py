"""Settings come from the environment: safe defaults, loud errors on bad values."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

PRODUCTION = {
    "SECRET_KEY": "a-long-random-production-secret-" + "k" * 40,
    "ALLOWED_HOSTS": "conflictsite.example",
    "SECURE_SSL_REDIRECT": "1",
}


def manage(*args, **env):
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=clean | env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert result.returncode == 0, result.stdout + result.stderr


def test_the_site_refuses_to_start_without_a_secret_key_unless_debug_is_on():
    without = manage("check")
    with_debug = manage("check", DEBUG="1")

    assert without.returncode != 0
    assert "SECRET_KEY is not set" in without.stderr
    assert with_debug.returncode == 0, with_debug.stderr


def test_a_bad_boolean_stops_the_site_with_a_message():
    result = manage("check", DEBUG="maybe")

    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_debug_is_off_and_a_content_security_policy_is_on_by_default():
    assert settings.DEBUG is False
    assert "django.middleware.csp.ContentSecurityPolicyMiddleware" in settings.MIDDLEWARE
    assert "'unsafe-inline'" not in str(settings.SECURE_CSP)


def image_sources(**env):
    script = "from django.conf import settings; print(' '.join(settings.SECURE_CSP['img-src']))"
    result = manage("shell", "-c", script, DEBUG="1", **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_the_policy_allows_images_from_a_custom_tile_server():
    sources = image_sources(TILES_URL="https://{s}.tile.opentopomap.org/{z}/{x}/{y}.png")

    assert "https://*.tile.opentopomap.org" in sources
    assert not any("openstreetmap" in source for source in sources)


def test_the_policy_allows_a_tile_server_with_a_port_and_no_subdomains():
    sources = image_sources(TILES_URL="http://tiles.example.org:8080/osm/{z}/{x}/{y}.png")

    assert "http://tiles.example.org:8080" in sources


def test_the_default_tiles_are_allowed():
    assert "https://tile.openstreetmap.org" in settings.SECURE_CSP["img-src"]


def test_a_tiles_url_that_is_not_a_web_address_stops_the_site():
    result = manage("check", DEBUG="1", TILES_URL="tile.example.org/{z}/{x}/{y}.png")

    assert result.returncode != 0
    assert "TILES_URL" in result.stderr


def test_a_console_email_backend_sends_the_digests_without_the_smtp_options():
    # README lists EMAIL_BACKEND; with the console backend the SMTP options (host, port, ...)
    # were passed on too, and every digest failed with InvalidMailer.
    script = (
        "from django.core.mail import mailers\n"
        "with mailers.default as mailer: print(type(mailer).__name__)\n"
    )
    result = manage(
        "shell",
        "-c",
        script,
        DEBUG="1",
        EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend",
    )

    assert result.returncode == 0, result.stderr
    assert "EmailBackend" in result.stdout


@pytest.mark.parametrize(
    ("name", "value"),
    [
        # (a hostile tester's: MAX_UPLOAD_BYTES=-1 answered every request 413)
        ("MAX_UPLOAD_BYTES", "-1"),
        ("MAX_UPLOAD_BYTES", "0"),
        ("API_RATE_ANONYMOUS", "-5"),
        ("LOGIN_FAILURE_LIMIT", "0"),
        ("IMPORT_STALLED_AFTER", "-1"),
        ("CONN_MAX_AGE", "-2"),
    ],
)
def test_a_number_out_of_its_range_stops_the_site_with_a_message(name, value):
    result = manage("check", DEBUG="1", **{name: value})

    assert result.returncode != 0
    assert f"{name} must be" in result.stderr


def test_sqlite_writers_that_read_first_wait_their_turn_instead_of_failing(
    tmp_path, monkeypatch, django_db_blocker
):
    # (the hostile tester's: ten editors saving at once on the embedded database, six got a
    # 500 "database is locked": a transaction that read, then wrote after another writer got
    # in, failed at once instead of waiting)
    import threading
    import time

    from django.db import transaction
    from django.db.utils import ConnectionHandler

    from conflictsite.settings import SQLITE_OPTIONS

    config = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(tmp_path / "embedded.sqlite3"),
        "OPTIONS": dict(SQLITE_OPTIONS),
    }
    connections = ConnectionHandler({name: dict(config) for name in ("default", "a", "b")})
    # (two editors' transactions on two connections to a file, not on the tests' database)
    monkeypatch.setattr(transaction, "get_connection", lambda using=None: connections[using])
    failures = []

    def save(using, pk, killed, before_writing=None):
        try:
            with transaction.atomic(using=using), connections[using].cursor() as cursor:
                cursor.execute("SELECT killed FROM figures WHERE id = %s", [pk])
                if before_writing:
                    before_writing()
                cursor.execute("UPDATE figures SET killed = %s WHERE id = %s", [killed, pk])
        except Exception as error:
            failures.append(error)
        finally:
            connections[using].close()

    def the_other_editor_saves_meanwhile():
        other.start()
        time.sleep(0.5)

    other = threading.Thread(target=save, args=("b", 2, 6))
    with django_db_blocker.unblock():
        with connections["default"].cursor() as cursor:
            cursor.execute("CREATE TABLE figures (id INTEGER PRIMARY KEY, killed INTEGER)")
            cursor.execute("INSERT INTO figures VALUES (1, 3), (2, 5)")
        save("a", 1, 4, before_writing=the_other_editor_saves_meanwhile)
        other.join(timeout=30)
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT killed FROM figures ORDER BY id")
            saved = [row[0] for row in cursor.fetchall()]
        connections["default"].close()

    assert failures == []
    assert saved == [4, 6]
