"""Reading bulletins from bytes: what is accepted, and the reason for what is not."""

import json

import pytest

from events.importing import Rejected, decode, html_to_text, parse_text, read_upload


def test_a_utf8_text_bulletin_is_read_with_its_dateline_title_and_publisher():
    data = (
        b" date 2018-07-13 12:26, 13 July 2018 Friday\n\nShelling hits Douma\n\n"
        b"Example Wire / News Desk\n\nShells fell on Douma on Thursday, a monitor said.\n"
    )

    [item] = read_upload("douma.txt", data)

    assert item.title == "Shelling hits Douma"
    assert item.publisher == "Example Wire"
    assert item.published_at.isoformat().startswith("2018-07-13T12:26")
    assert "Shells fell on Douma" in item.text


def test_empty_input_is_rejected_with_a_reason():
    [result] = read_upload("empty.txt", b"  \n\n ")

    assert isinstance(result, Rejected)
    assert "empty" in str(result)


def test_binary_input_is_rejected():
    [result] = read_upload("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)

    assert isinstance(result, Rejected)
    assert "binary" in str(result)


def test_text_that_is_not_utf8_is_rejected_with_the_offending_byte():
    [result] = read_upload("latin1.txt", "Air strike on Saraqeb caf\xe9".encode("latin-1"))

    assert isinstance(result, Rejected)
    assert "UTF-8" in str(result)


def test_input_over_five_megabytes_is_rejected(settings):
    with pytest.raises(Rejected, match="limit"):
        decode(b"a" * (settings.MAX_BULLETIN_BYTES + 1), "big.txt")


def test_utf16_with_a_byte_order_mark_is_read():
    data = "Air strike on Idlib\n\nWarplanes struck Idlib city.".encode("utf-16")

    [item] = read_upload("idlib.txt", data)

    assert item.title == "Air strike on Idlib"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_named_as_such(encoding):
    data = "Air strike on Idlib\n\nWarplanes struck Idlib city.".encode(encoding)

    [refused] = read_upload("idlib.txt", data)

    assert isinstance(refused, Rejected)
    assert "looks like UTF-16 without a byte-order mark" in str(refused)


def test_html_loses_its_scripts_and_markup_but_keeps_its_paragraphs():
    markup = (
        "<html><head><title>Raid on Saraqeb | Wire</title><script>alert(1)</script></head>"
        "<body><h1>Raid on Saraqeb</h1><p>Warplanes struck <b>Saraqeb</b> on Monday.</p>"
        "<script>steal()</script><p>Four civilians were killed.</p></body></html>"
    )

    title, body = html_to_text(markup)

    assert title == "Raid on Saraqeb"
    assert "alert" not in body and "steal" not in body and "<" not in body
    assert "Warplanes struck Saraqeb on Monday.\n\nFour civilians were killed." in body


def test_the_fallback_text_of_a_frame_or_a_player_is_not_the_bulletins():
    # It became the title, and its "40 killed in Homs" the only incident.
    markup = (
        "<iframe>Your browser does not support iframes. Watch: 40 killed in Homs barrel "
        "bombing</iframe><video>Watch: 12 killed in Hama</video><audio>Listen</audio>"
        "<object>Plugin: 9 killed in Daraa</object>"
        "<p>Jets struck Binnish on Monday, killing three civilians.</p>"
    )

    title, body = html_to_text(markup)

    assert "Homs" not in title + body and "Hama" not in body and "Daraa" not in body
    assert body.strip() == "Jets struck Binnish on Monday, killing three civilians."


def test_a_closed_nav_is_page_furniture_and_an_unclosed_one_hides_nothing():
    closed = "<body><nav><p>Home</p><p>World</p></nav><p>Shelling hit Douma.</p></body>"
    unclosed = (
        "<html><body><h1>Strike in Idlib</h1><nav><p>menu<p>date 2017-04-04 06:00</p>"
        "<p>A chemical attack killed 58 people in Khan Shaykhun on Tuesday.</p></body></html>"
    )

    assert html_to_text(closed)[1] == "Shelling hit Douma."
    title, body = html_to_text(unclosed)
    assert title == "Strike in Idlib"
    assert "date 2017-04-04 06:00\n\nA chemical attack killed 58 people" in body


def test_jsonl_gives_one_bulletin_per_line_and_rejects_broken_lines_by_number():
    lines = [
        json.dumps(
            {
                "id": "a",
                "title": "Strike on Raqqa",
                "text": "Jets hit Raqqa.",
                "published": "2017-06-01",
                "source": "wire",
            }
        ),
        "{not json",
        json.dumps({"id": "c", "title": "No text", "text": ""}),
        json.dumps(
            {
                "id": "d",
                "title": "Bad date",
                "text": "Shells hit Hama.",
                "published": "yesterday-ish",
            }
        ),
    ]

    items = read_upload("batch.jsonl", "\n".join(lines).encode())

    assert items[0].title == "Strike on Raqqa"
    assert items[0].published_at.date().isoformat() == "2017-06-01"
    assert isinstance(items[1], Rejected) and "line 2" in str(items[1])
    assert isinstance(items[2], Rejected) and "line 3" in str(items[2])
    assert isinstance(items[3], Rejected) and "line 4" in str(items[3])


def test_a_title_or_text_that_is_true_or_false_is_rejected_not_read_as_a_word():
    line = json.dumps({"title": True, "text": "Jets struck Saraqeb, killing four."})

    [item] = read_upload("batch.jsonl", line.encode())

    assert isinstance(item, Rejected) and "true or false" in str(item)


def test_a_bulletin_that_is_only_a_dateline_is_rejected():
    with pytest.raises(Rejected):
        parse_text("date 2018-07-13 12:26, 13 July 2018 Friday\n")


def test_an_unclosed_style_or_script_hides_no_article():
    # The parser reads all after an unclosed <style> as its CSS: the article went with it.
    for tag in ("style", "script"):
        markup = (
            f"<html><head><title>Strike in Idlib</title><{tag}>p {{ color: red }}</head>"
            "<body><h1>Strike in Idlib</h1><p>Jets struck Saraqeb on Monday.</p></body></html>"
        )

        title, body = html_to_text(markup)

        assert "Jets struck Saraqeb on Monday." in body, tag
        assert "color" not in body and "<" not in body


def test_markup_written_inside_an_unclosed_script_is_not_the_article():
    # A page cut off inside a script: the <p> in its string is no text a reader sees (it
    # became a 900-dead shelling in Idlib).
    markup = (
        "<h1>Car bomb kills 10 in Azaz</h1><p>A car bomb killed 10 in Azaz on Sunday.</p>"
        '<script>var tpl = "<p>Shelling killed 900 in Idlib.</p>";'
    )

    title, body = html_to_text(markup)

    assert title == "Car bomb kills 10 in Azaz"
    assert "900" not in body and "A car bomb killed 10 in Azaz on Sunday." in body


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("Air strike kills 14 in Saraqib - World Bulletin", "Air strike kills 14 in Saraqib"),
        ("Air strike kills 14 in Saraqib | Enab Baladi", "Air strike kills 14 in Saraqib"),
        ("Syria - 40 killed", "Syria - 40 killed"),  # no headline before the dash
        ("Russian jets pound Aleppo - dozens killed", "Russian jets pound Aleppo - dozens killed"),
        ("UN says 400,000 killed in Syria - report", "UN says 400,000 killed in Syria - report"),
        ("Jets strike Idlib | aljazeera.com", "Jets strike Idlib"),
        ("Shelling of Douma - what we know about the five days of raids so far",
         "Shelling of Douma - what we know about the five days of raids so far"),
    ],
)  # fmt: skip
def test_a_pages_title_without_a_heading_loses_the_sites_name(title, headline):
    markup = f"<html><head><title>{title}</title></head><body><p>Jets struck.</p></body></html>"
    assert html_to_text(markup)[0] == headline


def test_a_publication_time_with_an_offset_beyond_a_day_is_rejected():
    # "+25:00" is no time zone: it was read as 10:00 UTC.
    from events.importing import parse_jsonl

    line = '{"title": "Strike", "text": "Jets struck.", "published": "2018-01-01T10:00:00+25:00"}'
    [result] = parse_jsonl(line)
    assert isinstance(result, Rejected) and "not a date" in str(result)


@pytest.mark.parametrize("value", ["2016-03-12 10:00:00 UTC", "2016-03-12 10:00 AM"])
def test_a_publication_time_in_a_common_export_form_is_read(value):
    from events.importing import published

    assert published(value).date().isoformat() == "2016-03-12"


@pytest.mark.parametrize(
    "text",
    [
        # (a hostile tester's: a date in the story is no publication date)
        "Air strike kills 12 in Ariha\n\nAn air strike killed 12 civilians in Ariha, a monitor"
        " said on Wednesday. It was the worst attack since 5 March 2018.",
        "Shelling kills 4 in Hama\n\nShelling killed four people in Hama on Monday, in the city"
        " where the siege began on 2 February 1982.",
    ],
)
def test_a_date_in_the_story_is_not_the_bulletins_publication_date(text):
    assert parse_text(text).published_at is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Wed 05 Apr 2017 Syria attack kills 70\n\nThe toll rose on Wednesday.", "2017-04-05"),
        ("Published October 3 2016\n\nFighters killed in clashes\n\nMore text.", "2016-10-03"),
        (
            "Air strike kills five\n\nBEIRUT, July 13, 2018 (Reuters) - An air strike killed five"
            " civilians in Saraqib on Wednesday.",
            "2018-07-13",
        ),
    ],
)
def test_a_date_the_bulletin_opens_on_or_its_wire_dateline_is_its_publication_date(text, day):
    assert parse_text(text).published_at.date().isoformat() == day


@pytest.mark.parametrize("name", ["published_at", "publication_date", "date"])
def test_a_jsonl_publication_date_under_another_usual_name_is_read(name):
    # (a hostile tester's: "published_at" was ignored without a word, the bulletin undated)
    from events.importing import parse_jsonl

    line = json.dumps({"title": "Strike", "text": "Jets struck.", name: "2018-03-06T10:00:00"})
    [result] = parse_jsonl(line)
    assert result.published_at.date().isoformat() == "2018-03-06"


def test_a_jsonl_line_with_two_different_publication_dates_is_rejected():
    from events.importing import parse_jsonl

    line = json.dumps(
        {"title": "S", "text": "Jets struck.", "published": "2018-03-06", "date": "2018-03-07"}
    )
    [result] = parse_jsonl(line)
    assert isinstance(result, Rejected) and "published" in str(result)
