"""Importing bulletins: stored once, atomically, with their events."""

import datetime
import json
import os
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from events.importing import BulletinInput, import_bulletin, import_uploads, read_paths
from events.models import Bulletin, Claim, Incident, Report

pytestmark = pytest.mark.django_db


def make_item(**overrides):
    fields = {
        "title": "Air strike hits Saraqeb",
        "text": "Warplanes struck Saraqeb in Idlib province on Monday, killing four civilians.",
    }
    return BulletinInput(**(fields | overrides))


def airstrike(**overrides):
    return {
        "primary": True,
        "event_type": "airstrike",
        "date": "2018-02-05",
        "date_precision": "day",
        "province_code": "SY-ID",
        "killed": {"civilians": {"low": 4, "best": 4, "high": 4}},
        "perpetrators": [
            {
                "name": "Russian forces",
                "group": "russia",
                "attribution": "alleged",
                "alleged_by": "Syrian Observatory for Human Rights",
            }
        ],
        "evidence": [{"field": "killed.civilians", "start": 70, "end": 90}],
        "confidence": 0.8,
    } | overrides


def test_reimporting_a_bulletin_changes_nothing():
    first = import_bulletin(make_item(), extractor=lambda *a, **k: [airstrike()])
    second = import_bulletin(make_item(), extractor=lambda *a, **k: [airstrike()])

    assert first.status == "created"
    assert second.status == "skipped"
    assert second.bulletin == first.bulletin
    assert Bulletin.objects.count() == 1
    assert Incident.objects.count() == 1


@pytest.mark.parametrize(
    "variant",
    [
        {"text": "\ufeffWarplanes struck Saraqeb in Idlib province on Monday."},
        {"text": "Warplanes struck Saraqeb\u200b in Idlib province on Monday."},
        {"title": "Air strike hits Sarāqeb", "text": "Warplanes struck Sarāqeb."},
    ],
)
def test_the_same_bulletin_with_a_bom_a_zero_width_space_or_decomposed_accents_is_skipped(variant):
    # A pasted BOM, a zero-width space or NFD accents made a second bulletin, its deaths counted
    # twice.
    import unicodedata

    plain = {k: unicodedata.normalize("NFC", v).replace("\ufeff", "").replace("\u200b", "")
             for k, v in variant.items()}  # fmt: skip
    decomposed = {k: unicodedata.normalize("NFD", v) for k, v in variant.items()}
    first = import_bulletin(make_item(**plain), extractor=lambda *a, **k: [airstrike()])
    again = import_bulletin(make_item(**decomposed), extractor=lambda *a, **k: [airstrike()])

    assert (first.status, again.status) == ("created", "skipped")
    assert Incident.objects.count() == 1


def test_the_command_fails_on_a_named_file_that_does_not_exist(tmp_path, capsys):
    # It printed "0 created ... 0 rejected." and exited 0.
    with pytest.raises(CommandError, match="1 bulletin"):
        call_command("import_bulletins", str(tmp_path / "no-such.txt"))

    assert "no-such.txt" in capsys.readouterr().err


def test_an_import_that_fails_midway_stores_nothing():
    broken = airstrike(killed={"civilians": {"best": -1}})  # violates a CHECK constraint

    with pytest.raises(Exception):  # noqa: B017 - any database error aborts the import
        import_bulletin(make_item(), extractor=lambda *a, **k: [airstrike(), broken])

    assert Bulletin.objects.count() == 0
    assert Report.objects.count() == 0
    assert Incident.objects.count() == 0


def test_each_new_event_becomes_an_incident_with_its_report_and_claims():
    result = import_bulletin(make_item(), extractor=lambda *a, **k: [airstrike()])

    [incident] = result.incidents
    report = incident.reports.get()
    assert incident.event_type == "airstrike"
    assert incident.date.isoformat() == "2018-02-05"
    assert incident.killed_civilians_best == 4
    assert incident.perpetrator_group == "russia"
    assert list(incident.perpetrators.values_list("name", flat=True)) == ["Russian forces"]
    claim = Claim.objects.get(report=report)
    assert (claim.attribution, claim.alleged_by) == (
        "alleged",
        "Syrian Observatory for Human Rights",
    )
    quote = report.bulletin.document[70:90]
    assert report.evidence == [
        {"field": "killed.civilians", "start": 70, "end": 90, "quote": quote}
    ]


def test_a_background_mention_is_kept_as_a_report_but_creates_no_incident():
    events = [airstrike(), airstrike(primary=False, background=True, date="2018-01-01")]

    result = import_bulletin(make_item(), extractor=lambda *a, **k: events)

    assert len(result.incidents) == 1
    assert Report.objects.filter(is_background=True, incident__isnull=True).count() == 1


def test_uploads_report_each_file_as_created_skipped_or_rejected():
    files = [
        ("a.txt", b"Shelling hits Douma\n\nMortars fell on Douma."),
        ("a-again.txt", b"Shelling hits Douma\n\nMortars fell on Douma."),
        ("empty.txt", b""),
    ]

    results = import_uploads(files)

    assert [r.status for r in results] == ["created", "skipped", "rejected"]
    assert "empty" in results[2].reason


def test_the_command_imports_a_folder_and_fails_when_a_file_is_rejected(tmp_path, capsys):
    (tmp_path / "one.txt").write_text("Shelling hits Douma\n\nMortars fell on Douma.")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary\x00" * 10)

    with pytest.raises(CommandError, match="1 bulletin"):
        call_command("import_bulletins", str(tmp_path))

    assert Bulletin.objects.count() == 1
    assert "1 created" in capsys.readouterr().out


def test_the_command_refuses_a_named_file_of_another_kind(tmp_path, capsys):
    (tmp_path / "rows.csv").write_text("title,text\nRaid,Jets struck Saraqeb on Monday.\n")

    with pytest.raises(CommandError, match="1 bulletin"):
        call_command("import_bulletins", str(tmp_path / "rows.csv"))

    assert Bulletin.objects.count() == 0
    assert "rows.csv is not a bulletin file" in capsys.readouterr().err


def test_the_importer_stores_exactly_the_place_the_extractor_chose_by_its_key(make_place):
    # Two villages of one name in one governorate; the larger one is not the one chosen.
    chosen = make_place("Kinda", "SY-ID", 35.95, 36.40, pcode="C4001")
    make_place("Kinda", "SY-ID", 35.70, 36.60, pcode="C4002", population=9000)
    event = airstrike(
        place="Kinda",
        place_key="C4001",
        geo_precision="place",
        place_confidence=0.6,
        place_alternatives=[{"key": "C4002", "place": "Kinda", "confidence": 0.4}],
    )

    result = import_bulletin(make_item(), extractor=lambda *a, **k: [event])

    incident = result.incidents[0]
    report = incident.reports.get()
    assert incident.place == report.place == chosen
    assert incident.place_confidence == report.place_confidence == 0.6
    assert [a["key"] for a in incident.place_alternatives] == ["C4002"]


def test_a_place_key_the_database_does_not_hold_stores_no_place(make_place):
    make_place("Kinda", "SY-ID", 35.95, 36.40, pcode="C4001")
    event = airstrike(place="Kinda", place_key="C9999", geo_precision="place")

    result = import_bulletin(make_item(), extractor=lambda *a, **k: [event])

    assert result.incidents[0].place is None


def test_a_period_toll_is_stored_as_an_aggregate_with_its_last_day():
    week = airstrike(
        aggregate=True, date="2018-02-05", date_precision="week", date_end="2018-02-11"
    )

    [incident] = import_bulletin(make_item(), extractor=lambda *a, **k: [week]).incidents

    incident.refresh_from_db()
    assert incident.aggregate and incident.date_precision == "week"
    assert incident.date_end.isoformat() == "2018-02-11"
    assert incident.reports.get().date_end == incident.date_end


def test_the_contracts_province_precision_is_our_governorate_and_nowhere_is_the_country():
    events = [
        airstrike(geo_precision="province", latitude=35.9, longitude=36.6),
        airstrike(primary=False, province_code=None, geo_precision=None),
    ]

    result = import_bulletin(make_item(), extractor=lambda *a, **k: events)

    assert [i.geo_precision for i in result.incidents] == ["governorate", "country"]


def test_a_bulletin_with_a_weeks_toll_becomes_an_aggregate_over_its_governorate(
    make_governorate,
):
    make_governorate("SY-ID")
    item = make_item(
        title="At least 40 civilians killed in a week of air raids on Idlib countryside",
        text="At least 40 civilians, 11 of them children, were killed in a week of aerial "
        "bombardment on the Idlib countryside, the monitor said on Friday.",
        published_at=datetime.datetime(2019, 5, 10, tzinfo=datetime.UTC),
    )

    [incident] = import_bulletin(item).incidents

    incident.refresh_from_db()
    assert incident.aggregate is True
    assert (incident.date.isoformat(), incident.date_precision) == ("2019-05-03", "week")
    assert incident.date_end.isoformat() == "2019-05-10"
    assert incident.governorate_id == "SY-ID" and incident.place is None
    assert incident.geo_precision == "governorate"
    assert incident.killed_civilians_best == 40


def test_an_imported_incident_carries_the_extractors_confidence_not_a_constant():
    clear = import_bulletin(make_item()).incidents[0]
    vague = import_bulletin(
        make_item(
            title="Violence in the north",
            text="Shelling killed several people in the countryside, residents said.",
        )
    ).incidents[0]

    assert 0 < vague.confidence < clear.confidence < 1


SAME_BULLETIN = {
    "as text": (
        "strike.txt",
        "date 2018-07-13 12:26, 13 July 2018 Friday\n\nAir strike kills 28 civilians in Deir"
        " Ezzor\n\nWorld Bulletin / News Desk\n\nAn air strike has killed 28 civilians in"
        " Deir Ezzor, a monitor said on Friday.\n\nIt was not clear who carried it out.\n",
    ),
    "as JSONL": (
        "strike.jsonl",
        '{"title": "Air strike kills 28 civilians in Deir Ezzor", "published": "2018-07-13",'
        ' "source": "World Bulletin", "text": "An air strike has killed 28 civilians in Deir'
        ' Ezzor, a monitor said on Friday.\\n\\nIt was not clear who carried it out."}\n',
    ),
    "as HTML": (
        "strike.html",
        "<html><head><title>Air strike kills 28 civilians in Deir Ezzor</title></head><body>"
        "<h1>Air strike kills 28 civilians in Deir Ezzor</h1><p>An air strike has killed 28"
        " civilians in Deir Ezzor, a monitor said on Friday.</p><p>It was not clear who"
        " carried it out.</p></body></html>",
    ),
    "as JSONL with its title in the text": (
        "strike-titled.jsonl",
        '{"title": "Air strike kills 28 civilians in Deir Ezzor", "text": "Air strike kills 28'
        " civilians in Deir Ezzor\\n\\nAn air strike has killed 28 civilians in Deir Ezzor, a"
        ' monitor said on Friday.\\n\\nIt was not clear who carried it out."}\n',
    ),
}


@pytest.mark.parametrize(("first", "second"), [
    ("as text", "as JSONL"), ("as JSONL", "as text"), ("as text", "as HTML"),
    ("as HTML", "as JSONL with its title in the text"),
])  # fmt: skip
def test_the_same_bulletin_in_another_format_is_stored_once(first, second):
    # The .txt keeps its dateline, title and publisher lines in its text; the .jsonl gives
    # them as fields: the same article, which was stored twice and its dead counted twice.
    uploads = [(name, text.encode()) for name, text in map(SAME_BULLETIN.get, (first, second))]
    results = import_uploads(uploads)

    assert [r.status for r in results] == ["created", "skipped"]
    assert results[1].bulletin == results[0].bulletin
    assert Bulletin.objects.count() == 1
    assert Incident.objects.count() == len(results[0].incidents) == 1


@pytest.mark.parametrize(
    "title",
    ["AIR STRIKE KILLS 28 CIVILIANS IN DEIR EZZOR",
     "Air Strike Kills 28 Civilians In Deir Ezzor",
     "Air strike kills 28 civilians in Deir Ezzor.",
     "Air strike kills 28 civilians in Deir Ezzor !"],
)  # fmt: skip
def test_the_same_article_under_its_title_in_other_capitals_or_stops_is_stored_once(title):
    # (a hostile tester's: the seed bulletin's headline in capitals, or with a full stop, was a
    # new bulletin, its dead counted twice until an editor merged them)
    name, text = SAME_BULLETIN["as JSONL"]
    again = text.replace('"Air strike kills 28 civilians in Deir Ezzor"', json.dumps(title))
    results = import_uploads([(name, text.encode()), ("again.jsonl", again.encode())])

    assert [r.status for r in results] == ["created", "skipped"]
    assert Bulletin.objects.count() == 1


@pytest.mark.parametrize(
    "first, second",
    [("Air strike kills 28 in Deir Ezzor", "AIR STRIKE KILLS 28 IN DEIR EZZOR"),
     ("Air strike kills 28 in Deir Ezzor.", "Air strike kills 28 in Deir Ezzor")],
)  # fmt: skip
def test_the_title_repeated_in_the_text_is_dropped_in_other_capitals_too(first, second):
    # (a reviewer of the change: the text's first line, the title, was dropped only when
    # written as the title is, so the same article under another title's capitals was two)
    text = "Air strike kills 28 in Deir Ezzor\n\nAn air strike killed 28 people on Friday."
    assert Bulletin.hash_text(first, text) == Bulletin.hash_text(second, text)


def test_another_article_under_the_same_title_is_another_bulletin():
    stored = [
        import_bulletin(make_item(text=text), extractor=lambda *a, **k: [airstrike()])
        for text in ("Warplanes struck Saraqeb on Monday.", "Warplanes struck Saraqeb again.")
    ]
    assert [r.status for r in stored] == ["created", "created"]


LEAD = (
    "Warplanes struck a market in the town of Saraqib in Idlib province on Tuesday, killing 14"
    " civilians including four children, the Syrian Observatory for Human Rights said.\n\nThe"
    " monitor said Russian jets carried out the raid. Another 30 people were wounded.\n\n"
    "Rescue workers were still searching the rubble on Wednesday."
)
FORMATS = {
    "txt": (
        "date 2018-02-06 10:00, 6 February 2018 Tuesday\n\nAir strike kills 14 civilians in"
        f" Saraqib\n\nWorld Bulletin / News Desk\n\n{LEAD}\n"
    ),
    "jsonl": json.dumps(
        {"title": "Air strike kills 14 civilians in Saraqib", "published": "2018-02-06T10:00",
         "source": "World Bulletin", "text": LEAD}
    ) + "\n",
    "html": (
        "<html><head><title>Air strike kills 14 civilians in Saraqib - World Bulletin</title>"
        "</head><body><p>World Bulletin / News Desk</p>"
        + "".join(f"<p>{p}</p>" for p in LEAD.split("\n\n"))
        + "</body></html>"
    ),
}  # fmt: skip


@pytest.mark.parametrize("kind", FORMATS)
def test_an_article_gives_the_same_incident_and_one_bulletin_in_every_format(kind):
    # The .txt's dateline, title and publisher lines counted as the lead's sentences, and the
    # injured of its third sentence were lost; a web page's <title> "Headline - Publisher"
    # made the same article a second bulletin.
    reference = import_uploads([("a.jsonl", FORMATS["jsonl"].encode())])[0]
    result = import_uploads([(f"a.{kind}", FORMATS[kind].encode())])[0]
    incident = reference.incidents[0]

    assert result.bulletin == reference.bulletin
    assert (incident.killed_civilians_best, incident.injured_total_best) == (14, 30)
    if kind != "jsonl":
        Bulletin.objects.all().delete()
        alone = import_uploads([(f"a.{kind}", FORMATS[kind].encode())])[0]
        assert alone.bulletin.title == "Air strike kills 14 civilians in Saraqib"
        incident = alone.incidents[0]
        assert (incident.killed_civilians_best, incident.injured_total_best) == (14, 30)


def test_a_bulletin_in_arabic_is_stored_and_said_to_be_unread_for_events(capsys, tmp_path):
    # "Created, no strike events found" gave no hint that the extraction reads English only.
    text = "قتل 12 مدنيا في غارة جوية على مدينة سراقب في ريف إدلب يوم الاثنين"
    [result] = import_uploads([("ar.jsonl", json.dumps({"title": "غارة", "text": text}).encode())])

    assert result.status == "created" and result.incidents == []
    assert "English" in result.reason and "Arabic" in result.reason
    path = tmp_path / "ar.txt"
    path.write_text("غارة على سراقب\n\n" + text + " مرة أخرى", encoding="utf-8")
    call_command("import_bulletins", str(path))
    assert "Arabic" in capsys.readouterr().out


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2016, air strikes killed 12 civilians in Douma.\n\nThe dead included three"
        " children.",
        "12 killed / 30 injured in Douma air strike\n\nRescuers searched the rubble.",
    ],
)
def test_an_articles_opening_sentence_is_never_taken_for_a_dateline_or_publisher(text):
    # A sentence holding a date, or a line with a slash, is the article's: dropped, the toll
    # went with it.
    assert Bulletin.article("Strike on Douma", text) == text


def test_an_article_read_again_is_itself():
    # A page's heading, then its date, then its byline: read once, all three go, so that
    # stored bulletins and new imports are hashed alike.
    text = "Strike on Douma\n\n22 Sep 2016\n\nBy Sarah El Deeb\n\nJets struck Douma."
    once = Bulletin.article("Strike on Douma", text)
    assert once == "Jets struck Douma." == Bulletin.article("Strike on Douma", once)


def test_two_bulletins_that_are_only_a_dated_headline_each_are_two():
    stored = [
        import_bulletin(make_item(title="Douma", text=text), extractor=lambda *a, **k: [])
        for text in ("3 March 2016", "9 April 2016")
    ]
    assert [r.status for r in stored] == ["created", "created"]


def test_a_folder_is_read_as_its_files_named_one_by_one_would_be(db, tmp_path):
    # (a hostile tester's: a folder walk skipped files without a suffix, which the command
    # reads as text when named, and a .json it rejects when named, saying nothing; and it
    # read hidden files)
    from events.importing import import_uploads, read_paths

    story = (
        "Barrel bombs kill {n} in Daraya\n\nBarrel bombs killed {n} civilians in Daraya on Sunday."
    )
    (tmp_path / "a.txt").write_text(story.format(n=19))
    (tmp_path / "noext").write_text(story.format(n=7))
    (tmp_path / "x.json").write_text('{"title": "not a bulletin"}')
    (tmp_path / ".hidden.txt").write_text(story.format(n=3))
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main")

    results = import_uploads(read_paths([tmp_path]))

    by_name = {Path(r.name).name.split(" line ")[0]: r for r in results}
    assert set(by_name) == {"a.txt", "noext", "x.json"}
    assert by_name["a.txt"].status == by_name["noext"].status == "created"
    assert by_name["x.json"].status == "rejected"
    assert "not a bulletin file" in by_name["x.json"].reason


@pytest.mark.parametrize("named", ["folder", "file"])
def test_a_file_over_the_limit_is_rejected_by_its_size_before_it_is_read(
    db, tmp_path, settings, monkeypatch, named
):
    # (a hostile tester's: the command read a 1.5 GB file whole, 1.6 GB of memory and 20 s,
    # before refusing it as over 5 MB)
    settings.MAX_BULLETIN_BYTES, settings.MAX_UPLOAD_BYTES = 1_000, 5_000
    with open(tmp_path / "huge.txt", "wb") as huge:
        huge.truncate(1_001)  # (sparse: no disk used)
    with open(tmp_path / "many.jsonl", "wb") as many:
        many.truncate(5_001)
    (tmp_path / "small.txt").write_text("Shelling hits Douma\n\nMortars fell on Douma.")
    read = []
    real_read_bytes = Path.read_bytes
    monkeypatch.setattr(
        Path, "read_bytes", lambda path: read.append(path.name) or real_read_bytes(path)
    )
    paths = [tmp_path] if named == "folder" else sorted(tmp_path.iterdir())

    results = import_uploads(read_paths(paths))

    assert read == ["small.txt"]
    reasons = {Path(r.name).name: r.reason for r in results if r.status == "rejected"}
    assert reasons == {
        "huge.txt": f"{tmp_path / 'huge.txt'} is 1,001 bytes; the limit is 1,000 bytes (0 MB).",
        "many.jsonl": f"{tmp_path / 'many.jsonl'} is 5,001 bytes; the limit is 5,000 bytes (0 MB).",
    }
    assert [r.status for r in results if Path(r.name).name == "small.txt"] == ["created"]


def test_a_file_whose_name_is_not_utf8_is_imported_under_a_readable_name(tmp_path, capsys):
    # (a hostile tester's: a folder holding "caf\xe9.txt", named in Latin-1 by an old archive,
    # stopped the command with a UnicodeEncodeError: the name's lone surrogate, which the file
    # system gives back for the byte, cannot be stored; the files after it were not imported)
    story = "Shelling hits {place}\n\nMortars fell on {place} on Monday, killing two."
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text(story.format(place="Douma"))
    (tmp_path / "later.txt").write_text(story.format(place="Harasta"))

    call_command("import_bulletins", str(tmp_path))

    assert sorted(Path(b.filename).name for b in Bulletin.objects.all()) == [
        "caf\ufffd.txt",
        "later.txt",
    ]
    assert "2 created" in capsys.readouterr().out


def test_a_publication_time_with_its_offset_dates_the_news_by_the_day_where_it_was_published():
    # (a hostile tester's: a JSONL bulletin published at 01:30 in Damascus on 1 March, whose
    # strike was "yesterday", was dated 28 February: the moment was turned into UTC, 29
    # February, before the extraction counted back from its day)
    line = {
        "title": "Air strike kills five civilians in Douma",
        "text": "An air strike killed five civilians in Douma yesterday, activists said.",
        "published": "2016-03-01T01:30:00+03:00",
    }

    [result] = import_uploads([("feed.jsonl", json.dumps(line).encode())])

    assert result.bulletin.published_at == datetime.datetime(
        2016, 2, 29, 22, 30, tzinfo=datetime.UTC
    )
    assert [incident.date for incident in result.incidents] == [datetime.date(2016, 2, 29)]


def test_what_a_folder_holds_that_is_no_file_to_read_is_rejected_not_passed_over(tmp_path):
    # (a hostile tester's: a link to a folder, a link to nothing and a pipe were passed over
    # without a word: a folder of linked folders was "0 created, 0 rejected", exit status 0)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "a.txt").write_text("Shelling hits Douma\n\nMortars fell on Douma on Monday.")
    folder = tmp_path / "bulletins"
    folder.mkdir()
    (folder / "linked").symlink_to(elsewhere, target_is_directory=True)
    (folder / "gone.txt").symlink_to(tmp_path / "nothing.txt")
    os.mkfifo(folder / "pipe.txt")

    results = import_uploads(read_paths([folder]))

    reasons = {Path(r.name).name: r.reason for r in results if r.status == "rejected"}
    assert set(reasons) == {"gone.txt", "linked", "pipe.txt"}
    assert "link to a folder" in reasons["linked"]
    assert "not a regular file" in reasons["pipe.txt"]
    with pytest.raises(CommandError, match="3 bulletin"):
        call_command("import_bulletins", str(folder))


def test_a_bulletin_the_extraction_fails_on_is_stored_and_says_so(monkeypatch):
    # (a hostile tester's: a fault inside the pipeline was caught by extract(), and the import
    # reported "created (0 events)" as though the bulletin told no strike)
    import events.extraction

    def failing(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(events.extraction, "run", failing)
    result = import_bulletin(make_item())

    assert result.status == "created"
    assert Bulletin.objects.filter(pk=result.bulletin.pk).exists()
    assert "extraction failed" in result.reason
