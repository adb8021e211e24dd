"""An editor corrects an incident's location in a real Chromium (make test-browser)."""

import os

import pytest
from django.contrib.auth.models import User

from events.models import Incident

from .conftest import EDITOR_PERMISSIONS, make_incident, make_place, make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(browser, live_server):
    """A Chromium page (the session's shared browser) logged in as an editor."""
    yield from editor_page(browser, live_server, {"width": 1400, "height": 1000})


@pytest.fixture
def phone(browser, live_server):
    """The same, 390 pixels wide, as on a phone."""
    yield from editor_page(browser, live_server, {"width": 390, "height": 844})


def editor_page(browser, live_server, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.route("**/*openstreetmap.org/**", lambda route: route.abort())
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on(
        "console",
        lambda m: "Content Security Policy" in m.text and page.errors.append(m.text),
    )
    make_staff("mapper", *EDITOR_PERMISSIONS)
    user = User.objects.get(username="mapper")
    user.set_password("correct horse battery")
    user.save()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "mapper")
    page.fill("#id_password", "correct horse battery")
    page.click("input[type=submit]")
    yield page
    context.close()


def expect(locator):
    return pytest.importorskip("playwright.sync_api").expect(locator)


def test_an_editor_moves_the_point_and_picks_a_place_on_the_map(page, live_server):
    place = make_place()
    incident = make_incident(latitude=35.0, longitude=38.0)
    page.goto(f"{live_server.url}/admin/events/incident/{incident.pk}/change/")
    page.wait_for_selector("#incident-map .leaflet-marker-icon")

    page.click("#incident-map", position={"x": 100, "y": 100})
    clicked = (page.input_value("#id_latitude"), page.input_value("#id_longitude"))
    page.click("#id_place + .select2")
    page.fill(".select2-dropdown .select2-search__field", "Saraq")
    page.click(".select2-results__option:has-text('Saraqeb')")
    expect(page.locator("#id_latitude")).to_have_value("35.86")
    expect(page.locator("#id_district")).to_have_value(str(place.district_id))
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist")

    assert clicked != ("35.0", "38.0")
    incident.refresh_from_db()
    assert (incident.place, incident.district, incident.governorate) == (
        place,
        place.district,
        place.governorate,
    )
    assert (incident.latitude, incident.longitude) == (35.86, 36.8)
    assert Incident.history.filter(id=incident.pk).count() == 2
    assert page.errors == []


def test_an_editor_reviews_the_least_certain_incident_and_merges_its_duplicate(page, live_server):
    place = make_place()
    unsure = make_incident(place=place, confidence=0.2, title="Strike on Saraqeb (wire)")
    duplicate = make_incident(place=place, confidence=0.9, title="Saraqeb raid (SOHR)")

    page.goto(f"{live_server.url}/admin/events/reviewqueue/")
    rows = page.locator("#result_list tbody tr").all_inner_texts()
    page.click(f"#result_list a:has-text('{unsure.title}')")
    page.click("a:has-text('Duplicates')")
    reasons = page.locator(".duplicate-candidate").inner_text()
    page.check(f"#merge-{duplicate.pk}")
    page.click("input[type=submit][value^='Merge']")
    merged = page.locator(".messagelist").inner_text()
    page.click("input[name=_verify]")
    page.wait_for_url("**/admin/events/reviewqueue/")

    assert unsure.title in rows[0] and duplicate.title in rows[1]
    assert "same place (Saraqeb)" in reasons
    assert f"Merged #{duplicate.pk} into this incident" in merged
    unsure.refresh_from_db()
    duplicate.refresh_from_db()
    assert (unsure.status, duplicate.status) == ("verified", "rejected")
    assert page.errors == []


def test_an_editor_pastes_a_bulletin_and_verifies_the_incident_it_made(page, live_server):
    bulletin = (
        "date 2019-05-06 10:00, 6 May 2019 Monday\n\n"
        "Air strike kills four civilians in Kafr Nabl\n\n"
        "Warplanes struck the town of Kafr Nabl in Idlib province on Sunday, killing four "
        "civilians, the Syrian Observatory for Human Rights said."
    )

    page.goto(f"{live_server.url}/admin/events/bulletin/import/")
    page.fill("textarea[name=text]", bulletin)
    page.click("input[type=submit][value=Import]")
    results = page.locator("#import-results").inner_text()
    page.click("#import-results a[href*='/events/incident/']")
    page.click("input[name=_verify]")
    page.wait_for_url("**/admin/events/reviewqueue/")

    incident = Incident.objects.get()
    assert "Created" in results
    assert (incident.event_type, incident.date.isoformat()) == ("airstrike", "2019-05-05")
    assert incident.killed_civilians_best == 4
    assert incident.status == "verified"
    assert page.errors == []


def ambiguous(make_place):
    idlib = make_place("Kinda", "SY-ID", 35.95, 36.40, pcode="C4001")
    aleppo = make_place("Kinda", "SY-HL", 36.30, 37.00, geonames_id=170001)
    incident = make_incident(
        place=idlib,
        governorate=idlib.governorate,
        latitude=idlib.latitude,
        longitude=idlib.longitude,
        geo_precision="place",
        place_confidence=0.55,
        place_alternatives=[{**aleppo.as_alternative(), "confidence": 0.45}],
    )
    return incident, aleppo


def screenshot(page, name):
    # SCREENSHOTS=/some/dir keeps what the editor saw, to look at (the closing note).
    directory = os.environ.get("SCREENSHOTS")
    if directory:
        page.screenshot(path=os.path.join(directory, name), full_page=True)


def test_an_editor_switches_an_ambiguous_place_from_the_detail_page(page, live_server, make_place):
    incident, aleppo = ambiguous(make_place)
    page.goto(f"{live_server.url}{incident.get_absolute_url()}")
    expect(page.locator("#also-possible")).to_contain_text("Aleppo")
    screenshot(page, "detail-also-possible.png")

    # (the switch posts and comes back to the page it left: wait for that navigation, not
    # for the address, which is already the page's, or the test ends mid-request)
    with page.expect_navigation(url=f"**{incident.get_absolute_url()}"):
        page.click("#also-possible button.switch-place")

    incident.refresh_from_db()
    assert incident.place == aleppo
    expect(page.locator("#also-possible")).to_contain_text("Idlib")
    assert page.errors == []


def test_an_editor_switches_an_ambiguous_place_from_the_admin_form(page, live_server, make_place):
    incident, aleppo = ambiguous(make_place)
    page.goto(f"{live_server.url}/admin/events/incident/{incident.pk}/change/")
    expect(page.locator(".fieldBox.field-also_possible")).to_contain_text("Aleppo")
    page.locator(".fieldBox.field-also_possible").scroll_into_view_if_needed()
    screenshot(page, "admin-also-possible.png")

    with page.expect_navigation(url=f"**/admin/events/incident/{incident.pk}/change/"):
        page.click(".fieldBox.field-also_possible button.switch-place")

    incident.refresh_from_db()
    assert (incident.place, incident.governorate_id) == (aleppo, "SY-HL")
    assert page.errors == []


@pytest.mark.parametrize("where", ["detail", "admin"])
def test_at_phone_width_the_alternatives_fit_and_switch_in_one_tap(
    phone, live_server, make_place, where
):
    incident, aleppo = ambiguous(make_place)
    url, box = {
        "detail": (incident.get_absolute_url(), "#also-possible"),
        "admin": (f"/admin/events/incident/{incident.pk}/change/", ".field-also_possible"),
    }[where]
    phone.goto(f"{live_server.url}{url}")
    button = phone.locator(f"{box} button.switch-place")
    button.scroll_into_view_if_needed()
    screenshot(phone, f"phone-{where}-also-possible.png")

    assert button.is_visible()
    if where == "detail":  # (Django's admin forms may scroll sideways on a phone)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    with phone.expect_navigation(url=f"**{url}"):
        button.click()
    incident.refresh_from_db()
    assert incident.place == aleppo
    assert phone.errors == []


def test_switching_the_place_in_the_admin_asks_before_losing_unsaved_edits(
    page, live_server, make_place
):
    incident, aleppo = ambiguous(make_place)
    page.goto(f"{live_server.url}/admin/events/incident/{incident.pk}/change/")
    page.fill("#id_title", "Air strike on Kinda, edited")
    button = page.locator(".field-also_possible button.switch-place")

    page.once("dialog", lambda dialog: dialog.dismiss())
    button.click()
    assert page.input_value("#id_title") == "Air strike on Kinda, edited"
    incident.refresh_from_db()
    assert incident.place != aleppo

    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation(url=f"**/admin/events/incident/{incident.pk}/change/"):
        button.click()
    incident.refresh_from_db()
    assert incident.place == aleppo
    assert page.errors == []
