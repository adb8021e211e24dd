import re

import pytest
from django.urls import reverse

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOSTILE = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'


@pytest.fixture
def incidents(make_incident, make_place, make_actor, make_report, make_bulletin):
    soussa = make_incident(
        title="Coalition air strike on Al-Soussa",
        place=make_place(name="Al-Soussa"),
        killed_civilians_best=28,
        killed_total_best=28,
        perpetrators=[make_actor("US-led international coalition", "international_coalition")],
    )
    text = "Warplanes of the US-led coalition struck Al-Soussa late Thursday, killing 28."
    bulletin = make_bulletin(title="Air strikes kill 28 in Deir ez-Zor", text=text)
    start = bulletin.document.index("Al-Soussa")
    make_report(soussa, bulletin, evidence=[{"field": "place", "start": start, "end": start + 9}])
    aleppo = make_incident(
        province="SY-HL",
        title="Shelling in Aleppo",
        event_type="shelling",
        latitude=36.2,
        longitude=37.16,
        killed_total_best=3,
    )
    return {"soussa": soussa, "aleppo": aleppo}


def test_the_list_shows_an_incident(live_server, page, screenshot, incidents):
    page.goto(live_server.url + reverse("events:list"))

    row = page.locator("table.incidents tbody tr", has_text="Coalition air strike on Al-Soussa")
    row.wait_for()
    page.locator("#histogram svg").wait_for()
    screenshot("list")
    assert "US-led international coalition" in row.inner_text()
    assert page.csp_errors == []


def test_the_map_renders_events_and_the_boundary_layer_without_tiles(
    live_server, page, screenshot, incidents
):
    page.goto(live_server.url + reverse("events:map"))

    page.locator(".incident-marker").first.wait_for()
    page.locator("path.boundary").first.wait_for()
    page.locator("#histogram svg").wait_for()
    screenshot("map")
    assert page.locator(".incident-marker").count() == 2
    assert page.locator("path.boundary").count() >= 14
    assert page.csp_errors == []


def test_changing_a_filter_updates_the_map_and_the_list_and_export_links(
    live_server, page, incidents
):
    page.goto(live_server.url + reverse("events:map"))
    page.locator(".incident-marker").nth(1).wait_for()

    page.select_option("#id_province", "SY-HL")

    expect(page.locator(".incident-marker")).to_have_count(1)
    assert "province=SY-HL" in page.get_attribute("#list-link", "href")
    assert "province=SY-HL" in page.get_attribute("#export-link", "href")
    assert "province=SY-HL" in page.get_attribute("#geojson-link", "href")
    assert "province=SY-HL" in page.url
    page.click("#list-link")
    page.locator("table.incidents", has_text="Shelling in Aleppo").wait_for()
    assert "Coalition air strike" not in page.inner_text("table.incidents")


def test_a_popup_opens_the_detail_page(live_server, page, screenshot, incidents):
    page.goto(live_server.url + reverse("events:map") + "?province=SY-DY")
    page.locator(".incident-marker").first.wait_for()

    page.locator(".incident-marker").first.click()
    link = page.locator(".leaflet-popup a", has_text="Coalition air strike on Al-Soussa")
    link.click()

    page.wait_for_url(re.compile(rf"/events/{incidents['soussa'].pk}/(\?.*)?$"))
    page.locator("mark", has_text="Al-Soussa").wait_for()
    screenshot("detail")
    assert page.csp_errors == []


def test_a_script_in_a_title_does_not_run_anywhere(live_server, page, make_incident):
    hostile = make_incident(title=HOSTILE, latitude=35.5, longitude=38.5)
    dialogs = []
    page.on("dialog", lambda dialog: dialogs.append(dialog) or dialog.dismiss())

    page.goto(live_server.url + reverse("events:list"))
    assert HOSTILE in page.inner_text("table.incidents")
    page.goto(live_server.url + reverse("events:detail", args=[hostile.pk]))
    assert HOSTILE in page.inner_text("h1")
    page.goto(live_server.url + reverse("events:map"))
    page.locator(".incident-marker").first.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()

    popup.locator(".popup-all").wait_for()
    assert HOSTILE in popup.inner_text()
    assert page.evaluate("window.pwned") is None
    assert dialogs == []


def test_many_events_show_as_cells_that_open_into_single_events(
    live_server, page, screenshot, make_incident, monkeypatch
):
    monkeypatch.setattr("events.views.MAP_EVENT_LIMIT", 2)
    make_incident(title="First", latitude=35.0, longitude=38.0)
    make_incident(title="Second", latitude=35.01, longitude=38.01)
    make_incident(title="Far away", latitude=33.5, longitude=36.5)

    page.goto(live_server.url + reverse("events:map"))
    cells = page.locator(".cell-icon")
    expect(cells).to_have_count(2)
    assert sorted(cells.all_inner_texts()) == ["1", "2"]
    screenshot("map-cells")
    page.locator(".cell-icon", has_text="2").click()
    page.get_by_role("button", name="Zoom in here").click()

    expect(page.locator(".incident-marker")).to_have_count(2)
    expect(page.locator(".cell-icon")).to_have_count(0)
