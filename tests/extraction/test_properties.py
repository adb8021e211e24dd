"""Whatever text arrives, extraction returns events in the contract's shape and never raises."""

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from events.extraction import extract
from events.extraction.dates import parse_dateline

FIGURE_KEYS = {"civilians", "combatants", "children", "women", "total"}
EVENT_TYPES = {
    "airstrike",
    "drone_strike",
    "shelling",
    "missile",
    "barrel_bomb",
    "chemical",
    "bombing",
    "clash",
    "shooting",
    "execution",
    "other",
}
WORDS = st.sampled_from(
    [
        "air",
        "strike",
        "killed",
        "28",
        "civilians",
        "twenty-eight",
        "SANA",
        "said",
        "IS",
        "coalition",
        "late",
        "Thursday",
        "last",
        "month",
        "in",
        "Aleppo",
        "Deir",
        "Ezzor",
        "<p>",
        "</p>",
        "&amp;",
        "at",
        "least",
        "more",
        "than",
        "dozens",
        "rebels",
        ".",
        ",",
        "\n\n",
        "barrel",
        "bombs",
        "toll",
        "rose",
        "to",
        "between",
        "and",
        "15",
        "women",
    ]
)
TEXTS = st.one_of(st.text(max_size=2000), st.lists(WORDS, max_size=300).map(" ".join))
DATES = st.one_of(st.none(), st.dates(), st.text(max_size=20))


def check_shape(events, title, text):
    assert isinstance(events, list)
    length = len(title) + 2 + len(text)
    assert sum(1 for e in events if e["primary"]) <= 1
    for event in events:
        assert event["event_type"] in EVENT_TYPES
        for kind in ("killed", "injured"):
            assert set(event[kind]) <= FIGURE_KEYS
            for figure in event[kind].values():
                assert figure["low"] <= figure["best"] <= figure["high"]
        for evidence in event["evidence"]:
            assert 0 <= evidence["start"] <= evidence["end"] <= length
        for perpetrator in event["perpetrators"]:
            assert set(perpetrator) == {"name", "group", "attribution", "alleged_by"}
        assert 0 <= event["confidence"] <= 1


@settings(max_examples=150, deadline=None)
@given(title=TEXTS, text=TEXTS, published=DATES)
def test_any_text_gives_events_in_the_contract_shape(title, text, published):
    check_shape(extract(title, text, published), title, text)


@settings(max_examples=100, deadline=None)
@given(text=st.text())
def test_parse_dateline_never_raises(text):
    result = parse_dateline(text)
    assert result is None or isinstance(result, datetime.datetime)


def test_a_megabyte_of_text_is_read_without_error():
    text = ("Air strikes killed 12 civilians in Aleppo on Sunday, the Observatory said. " * 14000)[
        :1_000_000
    ]
    check_shape(extract("Strikes", text, "2019-03-04"), "Strikes", text)


def test_html_is_read_without_error():
    text = "<html><body><p>Shelling <b>killed</b> 4 people</p><script>x=1</script></body></html>"
    check_shape(extract("<h1>Shelling</h1>", text, None), "<h1>Shelling</h1>", text)


def test_values_of_the_wrong_type_give_no_events_rather_than_an_error():
    assert extract(None, None, None) == []
    assert extract(12, ["a"], object()) == []
