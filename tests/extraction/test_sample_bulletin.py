"""The sample bulletin shipped in seeds/ must come out as a careful reader would code it."""

from pathlib import Path

import pytest

from events.extraction import extract
from events.extraction.dates import parse_dateline

SAMPLE = (
    Path(__file__).resolve().parents[2] / "seeds/bulletins/2018-07-13-world-bulletin-deir-ezzor.txt"
)


@pytest.fixture(scope="module")
def events():
    raw = SAMPLE.read_text(encoding="utf-8")
    title = [line.strip() for line in raw.splitlines() if line.strip()][1]
    return extract(title, raw.strip(), parse_dateline(raw).date())


@pytest.fixture(scope="module")
def primary(events):
    [event] = [e for e in events if e["primary"]]
    return event


def test_the_sample_is_dated_by_its_first_line():
    assert parse_dateline(SAMPLE.read_text(encoding="utf-8")).date().isoformat() == "2018-07-13"


def test_the_primary_event_is_an_air_strike_late_on_thursday(primary):
    assert primary["event_type"] == "airstrike"
    assert (primary["date"], primary["date_precision"]) == ("2018-07-12", "day")


def test_the_primary_event_is_in_deir_ez_zor(primary):
    assert primary["province_code"] == "SY-DY"


def test_the_civilian_toll_takes_the_monitor_as_best_and_state_media_as_high(primary):
    civilians = primary["killed"]["civilians"]
    assert civilians["best"] == 28 and civilians["low"] == 28 and civilians["high"] >= 30


def test_the_coalition_is_alleged_by_sana_and_iraq_is_only_a_possibility(primary):
    first, second = primary["perpetrators"][:2]
    assert (first["group"], first["attribution"], first["alleged_by"]) == (
        "international_coalition",
        "alleged",
        "SANA",
    )
    assert (second["group"], second["attribution"]) == ("iraq", "unclear")


def test_no_perpetrator_is_confirmed(events):
    assert all(p["attribution"] != "confirmed" for e in events for p in e["perpetrators"])


def test_the_albu_kamal_incursion_last_month_is_background(events, primary):
    text = SAMPLE.read_text(encoding="utf-8")
    full = "Air strike kills 28 civilians in Deir Ezzor\n\n" + text.strip()
    background = [e for e in events if e["background"]]
    assert background
    spans = [full[s["start"] : s["end"]] for e in background for s in e["evidence"]]
    assert any("Albu Kamal" in span for span in spans) or background[0]["date"] == "2018-06-01"


def test_the_heet_seizure_is_not_a_new_strike(events):
    strike_kinds = {"airstrike", "drone_strike", "shelling", "missile", "barrel_bomb"}
    new_strikes = [e for e in events if not e["background"] and e["event_type"] in strike_kinds]
    assert len(new_strikes) == 1


def test_exactly_one_event_is_primary(events):
    assert sum(1 for e in events if e["primary"]) == 1
