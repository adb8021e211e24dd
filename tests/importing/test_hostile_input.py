"""Input that used to break the site for good: dates outside any news bulletin's range, and
JSON nested too deep to read. Each is rejected alone, with its reason."""

import datetime
import json

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from events.importing import Rejected, import_uploads, read_upload
from events.models import Bulletin, Incident, Report

OUT_OF_RANGE = ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00", "1989-12-31"]


def line(number, **fields):
    item = {"title": f"Shelling hits Douma ({number})", "text": f"Mortars fell on Douma, {number}."}
    return json.dumps(item | fields)


@pytest.mark.parametrize("published", OUT_OF_RANGE)
def test_a_jsonl_line_published_outside_the_sane_range_is_rejected_with_the_reason(published):
    [result] = read_upload("day.jsonl", line(1, published=published).encode())

    assert isinstance(result, Rejected)
    assert "day.jsonl line 1" in str(result)
    assert "1990-01-01" in str(result)


def test_a_jsonl_line_published_the_day_after_tomorrow_is_rejected():
    later = timezone.now() + datetime.timedelta(days=2)

    [result] = read_upload("day.jsonl", line(1, published=later.isoformat()).encode())

    assert isinstance(result, Rejected)


def test_a_dateline_before_1990_is_rejected_in_a_text_file():
    [result] = read_upload("old.txt", b"date 1985-01-01 10:00\nShelling hits Douma\n\nText.")

    assert isinstance(result, Rejected)
    assert "1990-01-01" in str(result)


@pytest.mark.parametrize("dateline", ["2999-01-01 10:00", "0001-01-01 10:00", "13 July 2999"])
def test_a_dateline_of_a_year_out_of_range_is_rejected_not_made_the_title(dateline):
    [result] = read_upload("far.txt", f"date {dateline}\nShelling hits Douma\n\nText.".encode())

    assert isinstance(result, Rejected)
    assert dateline in str(result) and "1990-01-01" in str(result)


def test_a_year_of_history_in_the_opening_lines_is_no_dateline():
    text = "Thousands leave Douma\n\nOn July 13, 1500 fighters and their families left Douma."

    [result] = read_upload("douma.txt", text.encode())

    assert not isinstance(result, Rejected)
    assert result.published_at is None


def test_a_jsonl_line_nested_too_deep_is_rejected_alone_with_its_line_number():
    data = "\n".join([line(1), "[" * 100_000, line(3), '{"title": ' + "[" * 5000 + "]" * 5000])

    results = read_upload("deep.jsonl", data.encode())

    assert [type(r).__name__ for r in results] == [
        "BulletinInput",
        "Rejected",
        "BulletinInput",
        "Rejected",
    ]
    assert "deep.jsonl line 2" in str(results[1]) and "nested" in str(results[1])
    assert "deep.jsonl line 4" in str(results[3])


@pytest.mark.django_db
def test_the_valid_lines_around_a_deep_one_are_imported():
    data = "\n".join([line(1), "[" * 100_000, line(3)]).encode()

    results = import_uploads([("deep.jsonl", data)])

    assert [r.status for r in results] == ["created", "rejected", "created"]
    assert Bulletin.objects.count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    "published",
    [
        datetime.datetime(1989, 12, 31, 23, 0, tzinfo=datetime.UTC),
        timezone.now() + datetime.timedelta(days=3),
    ],
)
def test_the_database_refuses_a_bulletin_published_outside_the_range(published):
    with pytest.raises(IntegrityError), transaction.atomic():
        Bulletin.objects.create(title="t", text="x", content_hash="h", published_at=published)


@pytest.mark.django_db
@pytest.mark.parametrize("model", [Incident, Report])
def test_the_database_refuses_an_event_dated_before_1990(model, make_bulletin):
    extra = {"bulletin": make_bulletin()} if model is Report else {}

    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.create(date=datetime.date(1982, 2, 2), **extra)


@pytest.mark.django_db
def test_an_event_dated_out_of_range_by_the_extractor_is_stored_without_a_date():
    # A bulletin may recall the 1982 Hama massacre: the bulletin is kept, the date is not.
    def extractor(title, text, published, source=""):
        return [{"event_type": "massacre", "date": "1982-02-02", "background": True}]

    from events.importing import BulletinInput, import_bulletin

    result = import_bulletin(BulletinInput(title="Hama", text="In 1982."), extractor=extractor)

    assert result.status == "created"
    assert result.bulletin.reports.get().date is None


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["title", "text", "source", "url"])
def test_a_jsonl_line_with_a_lone_surrogate_escape_is_rejected_alone_and_the_others_imported(
    field,
):
    # "\ud800" is valid JSON but no Unicode character: it cannot be hashed, nor stored.
    value = "http://example.org/\ud800" if field == "url" else "Douma \ud800 shelled"
    data = "\n".join([line(1), line(2, **{field: value}), line(3)]).encode()

    results = import_uploads([("lone.jsonl", data)])

    assert [r.status for r in results] == ["created", "rejected", "created"]
    assert "lone.jsonl line 2" in results[1].reason
    assert "surrogate" in results[1].reason
    assert Bulletin.objects.count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "reason"),
    [("http://example.org/a\u0000b", "NUL"), ("http://example.org/" + "a" * 1200, "1000")],
)
def test_a_jsonl_line_with_a_bad_url_is_rejected_alone_and_the_others_imported(url, reason):
    # PostgreSQL refuses NUL in text (the import failed half-way); a longer address would be
    # cut to the column's 1000 characters and link nowhere.
    data = "\n".join([line(1), line(2, url=url), line(3)]).encode()

    results = import_uploads([("urls.jsonl", data)])

    assert [r.status for r in results] == ["created", "rejected", "created"]
    assert "urls.jsonl line 2" in results[1].reason
    assert reason in results[1].reason
    assert Bulletin.objects.count() == 2


def test_a_jsonl_line_with_a_number_too_long_to_read_is_rejected_alone():
    # Python reads no integer of more than 4,300 digits ("Exceeds the limit"): that ValueError
    # escaped, a 500 in the admin and nothing of the upload kept.
    data = "\n".join([line(1), '{"title": "x", "text": "y", "n": ' + "9" * 5000 + "}", line(3)])

    results = read_upload("long.jsonl", data.encode())

    assert [type(r).__name__ for r in results] == ["BulletinInput", "Rejected", "BulletinInput"]
    assert "long.jsonl line 2" in str(results[1]) and "digits" in str(results[1])


@pytest.mark.parametrize("dateline", ["2019-02-29 12:00", "2018-13-01 10:00", "2018-07-13 25:99"])
def test_a_dateline_with_an_impossible_date_is_rejected_not_made_the_title(dateline):
    [result] = read_upload("day.txt", f"date {dateline}\nShelling hits Douma\n\nText.".encode())

    assert isinstance(result, Rejected)
    assert dateline in str(result)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Friday, 30 February 2018", "30 February 2018"),  # after its weekday
        ("2018-07-13T25:00:00Z", "2018-07-13T25:00"),  # an ISO time that is none
        ("June 31, 2018 | 10:00", "June 31, 2018"),  # with its time of day
        ("DAMASCUS, Feb 29, 2018 (Reuters) - Jets struck Douma.", "Feb 29, 2018"),  # a wire's
    ],
)
def test_an_impossible_date_on_a_dateline_of_another_form_is_rejected(line, date):
    # Each was imported as an undated bulletin, the dateline made its title.
    [result] = read_upload("day.txt", f"{line}\nShelling hits Douma\n\nText.".encode())

    assert isinstance(result, Rejected)
    assert date in str(result)


@pytest.mark.parametrize(
    "line", ["Friday, 13 July 2018", "2018-07-13T12:00:00Z", "July 13, 2018 | 10:00"]
)
def test_a_real_date_on_a_dateline_of_those_forms_dates_the_bulletin(line):
    [result] = read_upload("day.txt", f"{line}\nShelling hits Douma\n\nText.".encode())

    assert not isinstance(result, Rejected), result
    assert result.title == "Shelling hits Douma"


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_a_jsonl_line_with_a_bare_nan_is_rejected_not_imported_as_its_name(constant):
    # Python's json reads NaN (no JSON): "text": NaN became a bulletin whose text was "nan".
    data = f'{{"title": "x", "text": {constant}}}'

    [result] = read_upload("nan.jsonl", data.encode())

    assert isinstance(result, Rejected)
    assert str(result) == f"nan.jsonl line 1: {constant} is no JSON value."


@pytest.mark.parametrize(
    "title", ["Airstrikes on Idlib, 12/25/2019", "UN report S/2019-10-45 on Syria"]
)
def test_a_title_holding_a_date_like_string_is_a_title(title):
    [result] = read_upload("day.txt", f"{title}\n\nJets struck Saraqeb on Monday.".encode())

    assert not isinstance(result, Rejected), result
    assert result.title == title


def test_a_jsonl_file_over_the_bulletin_limit_is_read_line_by_line(settings):
    # The 5 MB limit is a bulletin's: a JSONL file of many small bulletins was rejected whole.
    settings.MAX_BULLETIN_BYTES = 1_000
    small = [json.dumps({"title": f"Strike {n}", "text": "Jets struck Douma."}) for n in range(60)]
    huge = json.dumps({"title": "Huge", "text": "Jets struck Douma. " * 100})
    data = "\n".join([*small[:30], huge, *small[30:]]).encode()
    assert len(data) > settings.MAX_BULLETIN_BYTES

    results = read_upload("many.jsonl", data)

    assert len(results) == 61
    assert [n for n, r in enumerate(results, start=1) if isinstance(r, Rejected)] == [31]
    assert "many.jsonl line 31" in str(results[30]) and "limit" in str(results[30])


def test_a_jsonl_file_over_the_upload_limit_is_rejected_whole(settings):
    settings.MAX_BULLETIN_BYTES, settings.MAX_UPLOAD_BYTES = 1_000, 5_000
    data = "\n".join(json.dumps({"title": "x", "text": "y" * 50}) for _ in range(100)).encode()

    [result] = read_upload("many.jsonl", data)

    assert isinstance(result, Rejected) and "limit" in str(result)


@pytest.mark.django_db
def test_control_characters_are_taken_out_of_a_bulletin_not_stored_for_pages_and_exports():
    # An escape (ESC) or vertical tab in a title came out raw in the detail page and the CSV,
    # where a terminal printing the export obeys it.
    text = "Air\x0bstrike\x1b[31m kills 14 in Aleppo\n\nAn air\x07 strike killed 14 people."
    data = "\n".join([line(1, title="Shelling\x1b[2J hits\x0cDouma", source="SOHR\x08")])

    results = import_uploads([("ctrl.txt", text.encode()), ("ctrl.jsonl", data.encode())])

    assert [r.status for r in results] == ["created", "created"]
    for bulletin in Bulletin.objects.all():
        written = bulletin.title + bulletin.text + bulletin.publisher
        assert not any(ord(c) < 32 and c not in "\n\t" for c in written), repr(written)
    titles = set(Bulletin.objects.values_list("title", flat=True))
    assert titles == {"Air strike[31m kills 14 in Aleppo", "Shelling[2J hits Douma"}


@pytest.mark.django_db
@pytest.mark.parametrize("fields", [{"title": 1, "text": 2}, {"title": "", "text": "3 - 4."}])
def test_a_bulletin_without_a_word_is_rejected_alone(fields):
    data = "\n".join([line(1), json.dumps(fields), line(3)]).encode()

    results = import_uploads([("numbers.jsonl", data)])

    assert [r.status for r in results] == ["created", "rejected", "created"]
    assert "no words" in results[1].reason
    assert Bulletin.objects.count() == 2


@pytest.mark.parametrize(
    "data", [b"\x01", b"\x1b\n\x07", b'{"title": "\\u0001", "text": "\\u001b"}']
)
def test_a_file_of_control_characters_alone_is_rejected_as_empty(data):
    # (found by the fuzz test: the controls were taken out after the check for emptiness)
    name = "c.jsonl" if data.startswith(b"{") else "c.txt"
    [item] = read_upload(name, data)
    assert isinstance(item, Rejected)


def test_windows_1252_punctuation_read_as_control_characters_is_restored():
    # Text decoded as Latin-1 that was Windows-1252 holds its dashes and quotes as C1
    # controls (U+0096, U+0092): they are those marks, not nothing ("SaraqebIdlib").
    [item] = read_upload(
        "w.txt",
        (
            "Shelling on Saraqeb\u0096Idlib\n\nAssad\u0092s forces shelled Saraqeb\u0096Idlib."
        ).encode(),
    )
    assert item.title == "Shelling on Saraqeb\u2013Idlib"
    assert "Assad\u2019s forces shelled Saraqeb\u2013Idlib" in item.text


@pytest.mark.parametrize("number", ["1e999", "-1e999"])
def test_a_jsonl_number_too_large_for_a_float_is_rejected_not_imported_as_inf(number):
    # (a hostile tester's: json reads 1e999 as infinity, and the bulletin's text became "inf")
    [result] = read_upload("inf.jsonl", f'{{"title": "x", "text": {number}}}'.encode())

    assert isinstance(result, Rejected)
    assert str(result).startswith("inf.jsonl line 1: ")
    assert "too large" in str(result)


@pytest.mark.parametrize("title", ["\u202e\u200b", "\u2066\u2069", "\ufeff"])
def test_a_jsonl_title_of_invisible_characters_only_is_no_title(title):
    # (a hostile tester's: a right-to-left override and a zero-width space were the title, an
    # empty row in the list that turned the text after it around)
    data = json.dumps({"title": title, "text": "Shelling on Daraa killed 23.\nMore."})

    [result] = read_upload("blank.jsonl", data.encode())

    assert result.title == "Shelling on Daraa killed 23."


def test_a_bidirectional_override_is_dropped_from_an_imported_title():
    data = json.dumps({"title": "Strike on \u202eIdlib", "text": "Shelling on Idlib."})

    [result] = read_upload("rlo.jsonl", data.encode())

    assert result.title == "Strike on Idlib"


@pytest.mark.django_db
def test_a_bidirectional_override_is_dropped_from_an_imported_address():
    # (a hostile tester's: the url kept it, and the CSV's source_id and the API showed
    # "https://files.example/\u202egpj.exe" as ".../exe.jpg")
    data = json.dumps(
        {
            "title": "Strike",
            "text": "Shelling on Idlib.",
            "url": "https://files.example/\u202egpj.exe",
        }
    )

    [result] = import_uploads([("rlo.jsonl", data.encode())])

    assert result.bulletin.url == "https://files.example/gpj.exe"


def test_an_html_comment_never_closed_hides_the_rest_as_a_browser_would():
    # (a hostile tester's: Python's parser gave the unclosed comment back as text, and the
    # bulletin's title was "<!-- xxx...", its text the raw markup after it)
    page = b"<html><body><p>Jets struck Saraqeb.</p><!-- xxx <p>Air strike on Idlib killed 3.</p>"

    [result] = read_upload("comment.html", page)

    assert "<" not in result.title + result.text
    assert result.text == "Jets struck Saraqeb."


@pytest.mark.parametrize("published", ["", "   "])
def test_a_blank_jsonl_publication_date_is_no_date(published):
    [result] = read_upload("blank.jsonl", line(1, published=published).encode())

    assert not isinstance(result, Rejected), result
    assert result.published_at is None


def test_the_lines_of_a_jsonl_file_are_named_one_way_whether_stored_or_rejected(db):
    # (a hostile tester's: "many.jsonl line 3" for a line refused, "many.jsonl:4" for the next)
    data = "\n".join([line(1), "{not json", line(3)]).encode()

    results = import_uploads([("many.jsonl", data)])

    assert [r.status for r in results] == ["created", "rejected", "created"]
    assert [r.name for r in results] == ["many.jsonl line 1", "many.jsonl", "many.jsonl line 3"]
    assert results[1].reason.startswith("many.jsonl line 2: ")
    assert Bulletin.objects.get(pk=results[2].bulletin.pk).filename == "many.jsonl line 3"


@pytest.mark.parametrize(
    "text",
    [
        "   \u200b\u200b  ",
        "\ufeff\u2060\u00ad",
        # (a reviewer's: direction marks, a Braille blank, a Hangul filler, a grapheme joiner, a
        # variation selector)
        "\u200f\u200f",
        "\u2800\u3164\u034f\ufe0f",
    ],
)
def test_a_bulletin_whose_text_is_only_invisible_marks_is_rejected(db, text):
    # (a hostile tester's: a paste of zero-width spaces under a title already imported was
    # stored, and made a second incident of the same story)
    from events.importing import import_pasted

    result = import_pasted(text, {"title": "Mortar kills 3 in Masyaf"})

    assert result.status == "rejected"
    assert "no text" in result.reason
    assert not Bulletin.objects.exists()


def test_a_title_or_publisher_too_long_is_cut_with_a_word_in_the_result(db):
    # (a hostile tester's: a 100,000-character title was cut to 500 characters silently)
    data = line(1, title="Shelling hits Douma " + "x" * 100_000, source="P" * 5_000).encode()

    [result] = import_uploads([("long.jsonl", data)])

    assert result.status == "created"
    assert "its title was cut to 500 characters" in result.reason
    assert "its publisher was cut to 200 characters" in result.reason
    bulletin = Bulletin.objects.get()
    assert (len(bulletin.title), len(bulletin.publisher)) == (500, 200)


@pytest.mark.django_db
def test_a_title_and_publisher_typed_beside_a_paste_lose_their_controls_as_the_texts_do():
    # (a hostile tester's: the import form's title and publisher, pasted from a page holding
    # an override (U+202E) or an escape, were stored as typed, where the same in the text is
    # taken out)
    from events.importing import import_pasted

    overrides = {"title": "Strike on \u202eIdlib\x1b[2J", "publisher": "SOHR\u2066\x08"}
    result = import_pasted("Shelling hits Idlib\n\nMortars fell on Idlib on Monday.", overrides)

    assert result.status == "created"
    assert (result.bulletin.title, result.bulletin.publisher) == ("Strike on Idlib[2J", "SOHR")
