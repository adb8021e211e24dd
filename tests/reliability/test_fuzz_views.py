"""Every public view, sent hostile query strings: never a 500, and nothing reflected unescaped.

Wrong types, huge numbers, unknown choices, SQL and HTML injection, invalid dates, empty and
repeated keys, forged cursors and bboxes, in any combination. A view answers 200, 400 or 404.
"""

import base64
import json
import os
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.models import ActorGroup, EventType, ReviewStatus, Source
from events.pagination import encode_cursor

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("RELIABILITY_EXAMPLES", 30))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ALLOWED = {200, 400, 404}

FILTER_KEYS = [
    "province",
    "district",
    "group",
    "actor",
    "event_type",
    "date_from",
    "date_to",
    "min_killed",
    "status",
    "source",
    "q",
    "order",
    "cursor",
]
MAP_KEYS = ["bbox", "zoom"]

HOSTILE = [
    "",
    " ",
    "' OR 1=1 --",
    "'; DROP TABLE events_incident; --",
    '" OR ""="',
    "1) UNION SELECT password FROM auth_user --",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "{{ 7*7 }}{% debug %}",
    "${jndi:ldap://127.0.0.1/x}",
    "%s%s%s%n",
    "\x00",
    "a\x00b",
    "\ud7ff\ue000\ufffd",
    "\u202eevil",
    "🙂" * 50,
    "دير الزور",
    "../../../../etc/passwd",
    "9" * 400,
    "9" * 5000,  # Python's int() refuses more than 4,300 digits.
    "²",  # A digit to str.isdigit(), not to int().
    "٣",
    "-1",
    "-0",
    "0x10",
    "1e309",
    "-1e309",
    "NaN",
    "nan",
    "Infinity",
    "-inf",
    "1.5",
    "9223372036854775808",
    "-9223372036854775809",
    "2018-02-30",
    "2018-13-01",
    "0000-00-00",
    "9999-12-31",
    "10000-01-01",
    "0001-01-01",
    "2018/07/12",
    "12.07.2018",
    "yesterday",
    "!:&|()<>*",
    "a & b | !c",
    '"unterminated',
    "or or or",
]

CHOICES = [
    "SY-DY",
    "SY-HL",
    "SY0903",
    "SY09",
    "-date",
    "date",
    "-killed",
    "killed",
    *EventType.values,
    *ActorGroup.values,
    *ReviewStatus.values,
    *Source.values,
]


def forged_cursors():
    """Cursors a user might paste or craft: base64 of anything, right shape with wrong types."""
    pieces = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.text(max_size=12),
        st.lists(st.integers(), max_size=2),
    )
    shaped = st.tuples(
        st.sampled_from(["-date", "date", "-killed", "killed", "x"]),
        st.sampled_from(["next", "previous", "first", ""]),
        pieces,
        pieces,
    ).map(lambda parts: json.dumps(list(parts)))
    raw = st.one_of(shaped, st.text(max_size=40), st.binary(max_size=40).map(lambda b: b.hex()))
    encoded = raw.map(lambda s: base64.urlsafe_b64encode(s.encode()).decode().rstrip("="))
    valid = st.builds(
        encode_cursor,
        st.sampled_from(["-date", "date", "-killed", "killed"]),
        st.sampled_from(["next", "previous"]),
        st.one_of(st.none(), st.integers(-(2**70), 2**70), st.just("2018-07-12")),
        st.integers(-(2**70), 2**70),
    )
    return st.one_of(encoded, valid, st.text(max_size=40))


def bboxes():
    number = st.one_of(
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
        st.integers(-(10**30), 10**30).map(str),
        st.sampled_from(["", "x", "1e309", "nan", "-inf", " 1", "1,"]),
    )
    return st.lists(number, max_size=6).map(",".join)


def values():
    return st.one_of(
        st.sampled_from(HOSTILE),
        st.sampled_from(CHOICES),
        st.text(max_size=60),
        st.integers(-(10**40), 10**40).map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(str),
        st.dates().map(str),
        st.tuples(st.integers(-99, 99999), st.integers(-5, 99), st.integers(-5, 99)).map(
            lambda ymd: f"{ymd[0]}-{ymd[1]:02d}-{ymd[2]:02d}"
        ),
        forged_cursors(),
        bboxes(),
    )


def query_strings(keys):
    """A list of (key, value) pairs: known keys mostly, unknown ones too, keys repeated."""
    key = st.one_of(st.sampled_from(keys), st.sampled_from(keys), st.text(max_size=10))
    return st.lists(st.tuples(key, values()), max_size=8)


def get(client, url, pairs):
    response = client.get(f"{url}?{urlencode(pairs)}")
    if response.streaming:
        # The CSV is written as it streams: an error would show only while reading it.
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    return response, body


def assert_inert(response, body, pairs):
    """A hostile value is never echoed as live markup into an HTML page."""
    if not response["Content-Type"].startswith("text/html"):
        return
    text = body.decode()
    for _, value in pairs:
        if "<script>" in value or "onerror=" in value:
            assert "<script>alert(1)" not in text
            assert "<img src=x onerror" not in text


@pytest.fixture
def incidents(make_incident, make_place, make_actor, make_report, make_district):
    """A few incidents for the filters to work on: placed, dated, undated, with a toll."""
    actor = make_actor()
    place = make_place()
    make_district()
    first = make_incident(place=place, killed_total_best=28, perpetrators=[actor])
    make_report(first)
    make_incident(province="SY-HL", date=None, latitude=36.2, longitude=37.16)
    make_incident(province=None, latitude=None, longitude=None, event_type="shelling")
    return first


@pytest.mark.parametrize(
    "name, keys",
    [
        ("list", FILTER_KEYS),
        ("map", FILTER_KEYS),
        ("map_data", FILTER_KEYS + MAP_KEYS),
        ("histogram", FILTER_KEYS),
        ("export", FILTER_KEYS),
    ],
)
def test_a_hostile_query_string_is_never_a_server_error(client, incidents, tried, name, keys):
    url = reverse(f"events:{name}")

    @FUZZ
    @given(pairs=query_strings(keys))
    def check(pairs):
        tried(f"views: /{name} query strings")
        response, body = get(client, url, pairs)
        assert response.status_code in ALLOWED, (pairs, body[:500])
        assert_inert(response, body, pairs)

    check()


def test_any_incident_id_is_a_page_or_a_404(client, incidents, tried):
    @FUZZ
    @given(
        pk=st.one_of(st.integers(0, 10**40), st.just(incidents.pk)),
        pairs=query_strings(FILTER_KEYS),
    )
    def check(pk, pairs):
        tried("views: /events/<id>/")
        response, body = get(client, f"/events/{pk}/", pairs)
        assert response.status_code in ALLOWED, (pk, body[:500])

    check()


def test_a_path_that_is_not_an_id_is_a_404(client, incidents, tried):
    @FUZZ
    @given(segment=st.one_of(st.sampled_from(HOSTILE), st.text(min_size=1, max_size=30)))
    def check(segment):
        tried("views: /events/<junk>/")
        response = client.get(f"/events/{segment}/".replace("?", "%3F").replace("#", "%23"))
        assert response.status_code in ALLOWED | {301}

    check()


@pytest.mark.parametrize("name", ["list", "map", "map_data", "histogram", "export"])
def test_each_known_hostile_value_in_every_key_at_once_is_answered(client, incidents, tried, name):
    # Every key carries the value, so each field of the page's filter form shows it.
    url = reverse(f"events:{name}")
    for value in HOSTILE:
        tried(f"views: fixed hostile values, all keys ({name})")
        pairs = [(key, value) for key in FILTER_KEYS + MAP_KEYS]
        response, body = get(client, url, pairs)
        assert response.status_code in ALLOWED, (value, body[:500])
        assert_inert(response, body, pairs)


@pytest.mark.parametrize("name, keys", [("histogram", FILTER_KEYS), ("map_data", MAP_KEYS)])
def test_each_known_hostile_value_in_each_key_alone_is_answered(
    client, incidents, tried, name, keys
):
    # One key at a time, so that no earlier invalid key hides a later one behind its 400. The
    # histogram reads the same IncidentFilter as the list, map and export, and answers fastest.
    url = reverse(f"events:{name}")
    for key in keys:
        for value in HOSTILE:
            tried(f"views: fixed hostile values, one key ({name})")
            response, body = get(client, url, [(key, value)])
            assert response.status_code in ALLOWED, (key, value, body[:500])


@pytest.mark.parametrize("district", ["\x00", "SY\x0009", "²", "9" * 5000, "9" * 30])
def test_a_district_that_cannot_be_looked_up_is_a_form_error(client, incidents, district):
    # Found by the fuzzing: a NUL reached PostgreSQL (DataError) and "²" reached int().
    response = client.get(reverse("events:list"), {"district": district})

    assert response.status_code == 400


@pytest.mark.parametrize("query", ["zzzznomatchzzzz", "SY-DY", "the"])
@pytest.mark.parametrize("name", ["list", "map_data", "histogram", "export"])
def test_a_search_that_matches_nothing_is_an_empty_answer(client, incidents, name, query):
    # The fuzzing found ?q=SY-DY raising EmptyResultSet in the export's COPY on PostgreSQL
    # with an uncommitted change to text_search: an empty match is an empty answer.
    response, body = get(client, reverse(f"events:{name}"), [("q", query)])

    assert response.status_code == 200
    if name == "export":
        # The header alone, and the line that ends every export.
        assert body.decode().splitlines()[1:] == ["# end of export: 0 incidents"]
