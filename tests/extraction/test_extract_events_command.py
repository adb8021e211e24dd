"""The evaluation contract: JSONL in, one line of events per article out, nothing stored."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def run(tmp_path, lines):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("extract_events", jsonl=str(path), stdout=out, stderr=err)
        error = None
    except CommandError as exc:
        error = exc
    return [json.loads(line) for line in out.getvalue().splitlines()], err.getvalue(), error


ARTICLE = {
    "id": "a-1",
    "title": "Shelling kills three in Aleppo",
    "text": "Rebel shelling killed three civilians in Aleppo on Sunday, state media said.",
    "published": "2016-10-03",
    "source": "sana",
}


def test_it_writes_one_line_per_article_in_order(tmp_path):
    quiet = {"id": "a-2", "title": "Talks resume", "text": "Delegates met.", "published": None}
    records, _, error = run(tmp_path, [json.dumps(ARTICLE), json.dumps(quiet)])
    assert error is None
    assert [r["id"] for r in records] == ["a-1", "a-2"]
    assert records[0]["events"][0]["event_type"] == "shelling"
    assert records[1]["events"] == []


def test_a_broken_line_is_reported_and_the_rest_still_extracted(tmp_path):
    records, err, error = run(tmp_path, ["{not json", json.dumps(ARTICLE)])
    assert records[0] == {"id": None, "events": [], "error": records[0]["error"]}
    assert records[1]["id"] == "a-1"
    assert "line 1" in err
    assert error is not None and error.returncode == 1


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        call_command("extract_events", jsonl=str(tmp_path / "absent.jsonl"), stdout=io.StringIO())


def test_a_line_nested_too_deep_fails_alone(tmp_path):
    records, err, error = run(tmp_path, ["[" * 100_000 + "]" * 100_000, json.dumps(ARTICLE)])
    assert records[0]["events"] == [] and "nested too deep" in records[0]["error"]
    assert records[1]["id"] == "a-1" and records[1]["events"]
    assert error is not None and error.returncode == 1


def test_a_byte_order_mark_is_no_part_of_the_first_line(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8-sig")
    out = io.StringIO()
    call_command("extract_events", jsonl=str(path), stdout=out, stderr=io.StringIO())
    assert json.loads(out.getvalue())["id"] == "a-1"


@pytest.mark.parametrize("published", ["1850-01-01", "2016-02-30", "9999-12-31", "soon"])
def test_a_publication_date_an_import_would_refuse_is_an_error_of_its_line(tmp_path, published):
    records, err, error = run(tmp_path, [json.dumps({**ARTICLE, "published": published})])
    assert records[0]["id"] == "a-1" and records[0]["events"] == []
    assert "publication date" in records[0]["error"]
    assert error is not None


def test_an_article_the_extractor_fails_on_fails_alone(tmp_path, monkeypatch):
    # A bug the extractor meets in one article stopped the run there: every article after it
    # went without a line.
    from events.management.commands import extract_events

    real = extract_events.extract

    def failing(title, text, published, **kwargs):
        if title == "boom":
            raise ZeroDivisionError("division by zero")
        return real(title, text, published, **kwargs)

    monkeypatch.setattr(extract_events, "extract", failing)
    bad = {**ARTICLE, "id": "a-0", "title": "boom"}
    records, err, error = run(tmp_path, [json.dumps(bad), json.dumps(ARTICLE)])
    assert records[0] == {"id": "a-0", "events": [], "error": records[0]["error"]}
    assert "ZeroDivisionError" in records[0]["error"]
    assert records[1]["id"] == "a-1" and records[1]["events"]
    assert "a-0" in err and "ZeroDivisionError" in err
    assert error is not None and error.returncode == 1


def test_a_fault_inside_the_pipeline_is_an_error_of_its_line(tmp_path, monkeypatch):
    # (a hostile tester's: extract() caught every fault and returned no events, so the
    # command's error line and exit status 1 were never reached, and an evaluation run could
    # not tell a crash from an article with no event)
    import events.extraction

    real = events.extraction.run

    def failing(title, text, published, **kwargs):
        if title == "boom":
            raise ZeroDivisionError("division by zero")
        return real(title, text, published, **kwargs)

    monkeypatch.setattr(events.extraction, "run", failing)
    bad = {**ARTICLE, "id": "a-0", "title": "boom"}
    records, err, error = run(tmp_path, [json.dumps(bad), json.dumps(ARTICLE)])
    assert "ZeroDivisionError" in records[0].get("error", "")
    assert records[1]["id"] == "a-1" and records[1]["events"]
    assert error is not None and error.returncode == 1
