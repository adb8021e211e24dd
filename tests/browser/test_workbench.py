"""The analyst's workbench in a real Chromium: the overview, the map's URL state and keyboard
use, the phone width, and axe-core on every kind of page (list, detail, map, overview, admin
import and change), with no browser console error anywhere."""

import datetime
import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from events.models import Bulletin, Claim, Report

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def incidents(make_incident, make_place, make_actor):
    soussa = make_place(name="Al-Soussa", name_ar="السوسة")
    coalition = make_actor("US-led international coalition", "international_coalition")
    strikes = [
        make_incident(
            title="Coalition air strike on Al-Soussa",
            place=soussa,
            date=datetime.date(2018, 7, 12),
            killed_total_best=28,
            killed_civilians_best=28,
            perpetrators=[coalition],
        ),
        make_incident(
            title="Second strike on Al-Soussa",
            place=soussa,
            date=datetime.date(2018, 8, 2),
            killed_total_best=3,
        ),
        make_incident(
            province="SY-HL",
            title="Shelling in Aleppo",
            event_type="shelling",
            date=datetime.date(2019, 3, 1),
            latitude=36.2,
            longitude=37.16,
            killed_total_best=3,
        ),
    ]
    bulletin = Bulletin.objects.create(
        title="Air strikes kill 28", text="Warplanes struck Al-Soussa.", content_hash="a" * 64
    )
    report = Report.objects.create(incident=strikes[0], bulletin=bulletin)
    Claim.objects.create(
        report=report, actor=coalition, name="the coalition", attribution="alleged"
    )
    return strikes


def test_the_overview_counts_and_each_number_opens_the_filtered_list(
    live_server, page, screenshot, incidents
):
    page.goto(live_server.url + reverse("events:overview"))

    totals = page.locator("#totals")
    expect(totals).to_contain_text("3 incidents")
    expect(totals).to_contain_text("34 killed")
    page.locator(".month-svg rect.bar").first.wait_for()
    screenshot("overview")
    page.locator("#by-governorate tr", has_text="Aleppo").locator("td.num a").first.click()

    page.wait_for_url(re.compile(r"/events/\?province=SY-HL$"))
    expect(page.locator("table.incidents tbody tr")).to_have_count(1)
    assert page.console_errors == []


def test_the_map_keeps_its_view_in_the_url_and_opens_on_it(live_server, page, incidents):
    url = live_server.url + reverse("events:map")
    page.goto(url + "#map=9/34.4300/40.9500")
    page.locator(".incident-marker").first.wait_for()

    page.locator(".leaflet-control-zoom-in").click()
    expect(page).to_have_url(re.compile(r"#map=10/34\.4300/40\.9500$"))
    shared = page.url
    page.goto("about:blank")
    page.goto(shared)
    page.locator(".incident-marker").first.wait_for()

    assert page.url == shared
    assert page.console_errors == []


def test_the_map_opens_fitted_to_the_filtered_incidents(live_server, page, incidents):
    page.goto(live_server.url + reverse("events:map") + "?province=SY-HL")
    page.locator(".incident-marker").first.wait_for()

    expect(page).to_have_url(re.compile(r"#map=11/36\.2\d*/37\.16\d*$"))


def test_the_map_can_be_used_by_keyboard_and_its_popup_lists_the_newest_first(
    live_server, page, screenshot, incidents
):
    page.goto(live_server.url + reverse("events:map") + "?province=SY-DY")
    marker = page.locator(".incident-marker").first
    marker.wait_for()

    assert marker.get_attribute("aria-label") == "2 incidents here, 31 killed: show the incidents"
    for _ in range(40):  # Tab from the top of the page to the marker.
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('incident-marker')"):
            break
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content")
    popup.locator(".popup-all").wait_for()
    screenshot("map-popup")

    titles = popup.locator(".popup-event > a").all_inner_texts()
    assert titles == ["Second strike on Al-Soussa", "Coalition air strike on Al-Soussa"]
    assert "السوسة" in popup.inner_text()
    assert "By US-led international coalition" in popup.inner_text()
    popup.locator(".popup-all", has_text="All 2 here in the list").click()
    page.wait_for_url(re.compile(r"/events/\?.*area="))
    expect(page.locator("table.incidents tbody tr")).to_have_count(2)
    assert page.console_errors == []


def test_choosing_a_governorate_fits_the_map_to_it(live_server, page, incidents):
    page.goto(live_server.url + reverse("events:map") + "#map=7/35.0000/38.5000")
    page.locator("path.boundary").first.wait_for()

    page.select_option("#id_province", "SY-HL")

    expect(page).not_to_have_url(re.compile(r"#map=7/35\.0000/38\.5000$"))
    expect(page.locator(".incident-marker")).to_have_count(1)


def test_clicking_a_histogram_bar_sets_the_date_range(live_server, page, incidents):
    page.goto(live_server.url + reverse("events:list"))
    page.locator("#histogram rect.bar").first.wait_for()

    page.locator("#histogram rect.bar").first.click()

    page.wait_for_url(re.compile(r"date_from=2018-07-01&date_to=2018-07-31"))
    expect(page.locator("table.incidents tbody tr")).to_have_count(1)


def test_the_histogram_says_how_many_undated_events_its_bars_leave_out(
    live_server, page, incidents, make_incident
):
    make_incident(title="A strike nobody dated", date=None, killed_total_best=5)
    page.goto(live_server.url + reverse("events:list"))
    page.locator("#histogram rect.bar").first.wait_for()

    expect(page.locator("#histogram")).to_contain_text(
        "1 undated event (5 killed) counted in the totals, not in the bars."
    )
    assert page.console_errors == []


def test_a_bar_says_what_else_its_months_list_holds(live_server, page, incidents, make_incident):
    # A record of a longer period starting in July is in the list of July (and the overview's
    # July row), not in its bar: the bar's 1 event opened a list of 2 without a word.
    make_incident(
        title="Toll of the second half of 2018",
        date=datetime.date(2018, 7, 1),
        date_end=datetime.date(2018, 12, 31),
        date_precision="month",
        killed_total_best=40,
    )
    page.goto(live_server.url + reverse("events:list"))
    bar = page.locator("#histogram rect.bar").first
    bar.wait_for()

    assert bar.get_attribute("aria-label") == (
        "2018-07: 1 event, 28 killed; its list also holds 1 record of a longer period "
        "starting this month (40 killed). Show this month"
    )
    bar.click()
    page.wait_for_url(re.compile(r"date_from=2018-07-01&date_to=2018-07-31"))
    expect(page.locator("table.incidents tbody tr")).to_have_count(2)


@pytest.mark.parametrize("name", ["list", "map"])
def test_histogram_bars_are_reached_and_chosen_by_keyboard(live_server, page, incidents, name):
    page.goto(live_server.url + reverse(f"events:{name}"))
    bars = page.locator("#histogram rect.bar")
    bars.first.wait_for()
    assert bars.first.get_attribute("aria-label") == "2018-07: 1 event, 28 killed. Show this month"

    for _ in range(60):  # Tab from the top of the page to the chart: one stop, the newest month.
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('bar')"):
            break
    assert page.evaluate("document.activeElement.getAttribute('aria-label')").startswith("2019-03")
    page.keyboard.press("Home")
    expect(page.locator(".histogram-readout")).to_have_text("2018-07: 1 event, 28 killed")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"date_from=2018-08-01&date_to=2018-08-31"))
    assert page.console_errors == []


def test_a_place_chosen_from_the_suggestions_travels_as_its_id(live_server, page, incidents):
    soussa = incidents[0].place
    page.goto(live_server.url + reverse("events:list"))

    page.fill("#id_place", "Al-S")
    label = f"Al-Soussa (Deir ez-Zor) #{soussa.pk}"
    page.locator(f"#place-suggestions option[value='{label}']").wait_for(state="attached")
    page.fill("#id_place", label)
    page.locator("#filters button[type=submit]").click()

    page.wait_for_url(re.compile(rf"/events/\?place={soussa.pk}$"))
    expect(page.locator("#id_place")).to_have_value(label)
    expect(page.locator("table.incidents tbody tr")).to_have_count(2)
    assert page.console_errors == []


def test_an_editor_changes_who_alleges_a_claim_in_the_incident_form(
    live_server, editor_page, incidents
):
    page = editor_page
    page.goto(live_server.url + reverse("admin:events_incident_change", args=[incidents[0].pk]))

    page.fill("#id_claims-0-alleged_by", "Syrian Observatory for Human Rights")
    page.click("input[name=_continue]")

    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    claim = Claim.objects.get()
    assert claim.alleged_by == "Syrian Observatory for Human Rights"
    assert page.console_errors == []


@pytest.mark.parametrize("name", ["list", "detail", "map", "overview"])
def test_at_phone_width_no_page_scrolls_sideways_and_the_filters_fold_away(
    live_server, phone, screenshot, incidents, name
):
    path = {
        "list": reverse("events:list"),
        "detail": incidents[0].get_absolute_url(),
        "map": reverse("events:map"),
        "overview": reverse("events:overview"),
    }[name]
    phone.goto(live_server.url + path)
    phone.wait_for_load_state("networkidle")
    screenshot(f"phone-{name}", on=phone)

    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    if name != "detail":
        assert phone.locator("#filter-panel").get_attribute("open") is None
        phone.locator("#filter-panel > summary").click()
        expect(phone.locator("#id_province")).to_be_visible()
    assert phone.console_errors == []


@pytest.mark.parametrize("width", [390, 1366])
def test_the_histograms_axis_labels_never_run_into_each_other(
    live_server, browser, screenshot, make_incident, width
):
    # (a hostile tester's: with incidents from 1992 to 2019, the year labels ran into each other
    # and the last one pushed a phone's page 384 pixels wide)
    from .conftest import open_page, settle

    for year in range(1992, 2020):
        make_incident(title=f"Strike of {year}", date=datetime.date(year, 6, 1))
    make_incident(title="Strike of November 2019", date=datetime.date(2019, 11, 3))
    context, page = open_page(browser, width=width, height=844)
    page.goto(live_server.url + reverse("events:list"))
    page.wait_for_load_state("networkidle")
    screenshot(f"histogram-axis-{width}", on=page)
    boxes = page.evaluate(
        """Array.from(document.querySelectorAll('#histogram .histogram-axis span'))
             .filter(s => !s.hidden).map(s => s.getBoundingClientRect())
             .map(b => [b.left, b.right]).sort((a, b) => a[0] - b[0])"""
    )
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    settle(page)
    context.close()

    assert len(boxes) >= 2
    pairs = zip(boxes, boxes[1:], strict=False)
    assert all(right <= next_left for (_, right), (next_left, _) in pairs)
    assert scroll_width <= width


def test_the_skip_link_moves_to_the_results(live_server, page, incidents):
    page.goto(live_server.url + reverse("events:list"))

    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "results"


@pytest.fixture
def editor_page(browser, live_server):
    from .conftest import open_page

    User.objects.create_superuser("editor", password="correct horse battery")
    context, page = open_page(browser, width=1366, height=900)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "correct horse battery")
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    yield page
    context.close()


def page_urls(incidents):
    incident = incidents[0]
    return {
        "list": reverse("events:list"),
        "detail": incident.get_absolute_url(),
        "map": reverse("events:map"),
        "overview": reverse("events:overview"),
        "admin import": reverse("admin:events_bulletin_import"),
        "admin change": reverse("admin:events_incident_change", args=[incident.pk]),
        "admin history": reverse("admin:events_incident_history", args=[incident.pk]),
        "admin review queue": reverse("admin:events_reviewqueue_changelist"),
        "admin incidents": reverse("admin:events_incident_changelist"),
    }


@pytest.mark.parametrize(
    "name",
    [
        "list",
        "detail",
        "map",
        "overview",
        "admin import",
        "admin change",
        "admin history",
        "admin review queue",
        "admin incidents",
    ],
)
def test_axe_finds_no_serious_violation_and_the_console_no_error(
    live_server, editor_page, axe, incidents, name
):
    page = editor_page
    page.goto(live_server.url + page_urls(incidents)[name])
    page.wait_for_load_state("networkidle")
    if name == "map":
        page.locator(".incident-marker").first.wait_for()

    violations = axe(page)

    print(f"axe on {name}: {len(violations)} serious or critical violations")
    assert violations == []
    assert page.console_errors == []


@pytest.mark.parametrize("name", ["admin change", "admin incidents", "admin review queue"])
def test_no_admin_table_is_cut_off_at_1366_pixels(live_server, editor_page, incidents, name):
    page = editor_page
    page.goto(live_server.url + page_urls(incidents)[name])
    page.wait_for_load_state("networkidle")

    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    cut = page.evaluate(
        """() => Array.from(document.querySelectorAll('#content table')).filter(table => {
            const box = table.getBoundingClientRect();
            let parent = table.parentElement;
            while (parent && getComputedStyle(parent).overflowX === 'visible') {
                parent = parent.parentElement;
            }
            return box.right > (parent ? parent.getBoundingClientRect().right + 1 : 1366);
        }).length"""
    )
    assert cut == 0


def test_the_admin_map_shows_the_governorate_boundaries_without_tiles(
    live_server, editor_page, incidents
):
    page = editor_page
    page.goto(live_server.url + reverse("admin:events_incident_change", args=[incidents[0].pk]))

    # Zoomed in on the point: its governorate, filled, is drawn around it.
    page.locator("#incident-map path.boundary:not([d='M0 0'])").first.wait_for()

    assert page.locator("#incident-map path.boundary").count() >= 14
    assert page.console_errors == []


def test_the_maps_period_reports_note_follows_the_filters(
    live_server, page, incidents, make_incident
):
    # The note kept the count and the links of the filters the page opened with.
    make_incident(
        title="Toll of a week in Deir ez-Zor",
        province="SY-DY",
        date=datetime.date(2018, 7, 1),
        aggregate=True,
        killed_total_best=40,
    )
    page.goto(live_server.url + reverse("events:map") + "?province=SY-DY")
    note = page.locator("#aggregates-note")
    expect(note).to_be_visible()

    page.select_option("#id_province", "SY-HL")
    expect(note.locator("a").first).to_have_attribute("href", re.compile(r"province=SY-HL"))
    expect(note).not_to_contain_text("1 period report")
    page.select_option("#id_aggregates", "include")
    expect(note).to_be_hidden()
    assert page.console_errors == []
