"""Playwright driving Debian's Chromium against pytest-django's live server.

Run with `make test-browser` (pytest -m browser). The tile server is never reached: tile
requests are answered with a blank tile, so the events and the boundaries must render on
their own, and a failed tile is not mistaken for a page's console error. Every page fixture
records console errors and uncaught exceptions; tests assert there are none.
"""

import base64
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"
AXE_VERSION = "4.14.1"
AXE = ROOT / ".cache" / "axe-core" / AXE_VERSION / "axe.min.js"
# A 1×1 transparent PNG: what every tile request gets.
BLANK_TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


def blank_tile(route):
    route.fulfill(status=200, content_type="image/png", body=BLANK_TILE)


def open_page(browser, width=1400, height=900):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.route("**/*openstreetmap.org/**", blank_tile)
    page.console_errors = []
    page.on(
        "console",
        lambda message: message.type == "error" and page.console_errors.append(message.text),
    )
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    # Kept for the older tests' name: every CSP report is a console error too.
    page.csp_errors = page.console_errors
    return context, page


@pytest.fixture
def page(browser):
    context, page = open_page(browser)
    yield page
    settle(page)
    context.close()


@pytest.fixture
def phone(browser):
    """A page 390 pixels wide, as on a phone."""
    context, page = open_page(browser, width=390, height=844)
    yield page
    settle(page)
    context.close()


def settle(page):
    """Let the requests a test's last click started finish before the live server's database
    is flushed: one still reading it (the map's data after a histogram bar was chosen) made
    the flush fail ("database table is locked") and the next test start on its rows."""
    try:
        page.wait_for_load_state("networkidle", timeout=5_000)
    except Exception:  # a page that never settles is the test's to report, not the teardown's
        pass


@pytest.fixture
def screenshot(page):
    SCREENSHOTS.mkdir(exist_ok=True)

    def take(name, on=None):
        (on or page).screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)

    return take


@pytest.fixture(scope="session")
def axe_source():
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `sh scripts/install-axe.sh` (make test-browser does)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def axe(axe_source):
    """axe(page) -> the serious and critical accessibility violations on the page, as text."""

    def check(page):
        # Evaluated through the DevTools protocol: a <script> tag would be refused by the
        # Content Security Policy, which the test must keep as it is.
        page.evaluate(axe_source + "\n;undefined")
        results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
        return [
            f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(node["target"][0] for node in v["nodes"][:5])
            for v in results["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    return check
