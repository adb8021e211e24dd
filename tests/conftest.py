"""Small factories shared by the test packages; each sub-package may add its own."""

import datetime
import itertools
import os

import pytest

from events.models import Actor, Bulletin, District, Governorate, Incident, Place, Report

GOVERNORATES = {
    "SY-DY": ("SY09", "Deir ez-Zor", 35.33, 40.14),
    "SY-HL": ("SY02", "Aleppo", 36.2, 37.16),
    "SY-ID": ("SY07", "Idlib", 35.93, 36.63),
}


def governorate(code="SY-DY"):
    # get_or_create: a session-wide gazetteer (tests/importing) may already hold it.
    pcode, name, lat, lon = GOVERNORATES[code]
    return Governorate.objects.get_or_create(
        code=code,
        defaults={"pcode": pcode, "name": name, "label_latitude": lat, "label_longitude": lon},
    )[0]


@pytest.fixture
def make_governorate(db):
    return governorate


@pytest.fixture
def make_district(db):
    def make(pcode="SY0903", name="Al Mayadin", province="SY-DY"):
        return District.objects.get_or_create(
            pcode=pcode, defaults={"name": name, "governorate": governorate(province)}
        )[0]

    return make


@pytest.fixture
def make_place(db):
    def make(name="Al-Soussa", province="SY-DY", latitude=34.43, longitude=40.95, **kw):
        return Place.objects.create(
            name=name,
            governorate=governorate(province),
            latitude=latitude,
            longitude=longitude,
            **kw,
        )

    return make


@pytest.fixture
def make_actor(db):
    def make(name="Syrian Arab Air Force", group="syrian_government"):
        return Actor.objects.get_or_create(name=name, defaults={"group": group})[0]

    return make


@pytest.fixture
def make_bulletin(db):
    numbers = itertools.count(1)

    def make(title="Air strike kills civilians", text=None, **kw):
        text = text if text is not None else f"Aircraft struck a village ({next(numbers)})."
        return Bulletin.objects.create(
            title=title, text=text, content_hash=Bulletin.hash_text(title, text), **kw
        )

    return make


@pytest.fixture
def make_incident(db):
    """An incident in Deir ez-Zor by default; `province`, `perpetrators` (actors) and any
    Incident field can be given."""

    def make(province="SY-DY", perpetrators=(), **kw):
        kw.setdefault("event_type", "airstrike")
        kw.setdefault("date", datetime.date(2018, 7, 12))
        kw.setdefault("latitude", 34.43)
        kw.setdefault("longitude", 40.95)
        if province:
            kw.setdefault("governorate", governorate(province))
        incident = Incident.objects.create(**kw)
        if perpetrators:
            incident.perpetrators.set(perpetrators)
        return incident

    return make


@pytest.fixture
def make_report(db, make_bulletin):
    def make(incident, bulletin=None, **kw):
        if bulletin is None and not kw.get("external_id"):
            bulletin = make_bulletin()
        return Report.objects.create(incident=incident, bulletin=bulletin, **kw)

    return make


CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    # Playwright's sync API keeps an event loop in this thread, and the tests still use the
    # ORM: Django would refuse ("SynchronousOnlyOperation") without this, for these tests only.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield from _launch(sync_api)
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _launch(sync_api):
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking", "--disable-dev-shm-usage"],
        )
        yield browser
        browser.close()
