"""Extract events from a JSONL file of articles, without touching the database.

    python manage.py extract_events --jsonl IN.jsonl > OUT.jsonl

One output line per input line, in the same order: `{"id": ..., "events": [...]}`. A line
that cannot be read gives `{"id": null, "events": [], "error": "..."}`, and an article the
extractor fails on `{"id": ..., "events": [], "error": "..."}`: each with a message on stderr
naming the line, and exit status 1 once every other line has been written.
"""

import json
import sys
import traceback

from django.core.management.base import BaseCommand, CommandError

from events import importing
from events.extraction import extract


def read_line(line):
    """The article on one JSONL line, or ValueError saying what is wrong with it (its "id"
    as the error's `id` when the line has one)."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg} at column {error.colno})") from None
    except RecursionError:  # "[" x 100,000: the line alone fails, the others are read
        raise ValueError("JSON nested too deep to read") from None
    if not isinstance(item, dict):
        raise ValueError("not a JSON object")
    for key in ("title", "text"):
        if item.get(key) is not None and not isinstance(item[key], str):
            raise Unreadable(item, f'"{key}" is not a string')
    if item.get("published") is not None:
        # As an import reads it: a date (or a moment) from 1990 to a day ahead of now.
        try:
            importing.published(item["published"])
        except ValueError as error:
            raise Unreadable(item, str(error)) from None
    return item


class Unreadable(ValueError):
    def __init__(self, item, message):
        super().__init__(message)
        self.id = item.get("id")


class Command(BaseCommand):
    help = "Extract events from articles in a JSONL file (one article per line) to stdout."

    def add_arguments(self, parser):
        parser.add_argument(
            "--jsonl",
            required=True,
            help='Input file, one {"id", "title", "text", ...} a line; - for stdin.',
        )

    def handle(self, *args, jsonl, **options):
        try:
            stream = (
                sys.stdin if jsonl == "-" else open(jsonl, encoding="utf-8-sig", errors="replace")  # noqa: SIM115
            )
        except OSError as error:
            raise CommandError(f"cannot read {jsonl}: {error.strerror}") from None
        broken = failed = 0
        with stream:
            for number, line in enumerate(stream, start=1):
                if number == 1:
                    line = line.removeprefix("\ufeff")  # a byte-order mark, on stdin too
                if not line.strip():
                    continue
                try:
                    item = read_line(line)
                except ValueError as error:
                    broken += 1
                    self.stderr.write(f"{jsonl} line {number}: {error}")
                    found = getattr(error, "id", None)
                    self._write({"id": found, "events": [], "error": str(error)})
                    continue
                try:
                    events = extract(
                        item.get("title") or "",
                        item.get("text") or "",
                        item.get("published"),
                        source=item.get("source"),
                        strict=True,
                    )
                except Exception as error:  # noqa: BLE001 - one article's bug fails it alone
                    failed += 1
                    message = f"{type(error).__name__}: {error}"
                    self.stderr.write(
                        f"{jsonl} line {number} (id {item.get('id')!r}): the extractor failed: "
                        f"{message}\n{traceback.format_exc()}"
                    )
                    self._write({"id": item.get("id"), "events": [], "error": message})
                    continue
                self._write({"id": item.get("id"), "events": events})
        if broken or failed:
            self.stdout.flush()
            problems = []
            if broken:
                problems.append(f"{broken} line(s) of {jsonl} could not be read")
            if failed:
                problems.append(f"the extractor failed on {failed} article(s)")
            raise CommandError("; ".join(problems), returncode=1)

    def _write(self, record):
        # Straight to stdout: the command's output is data, not log lines.
        self.stdout.write(json.dumps(record, ensure_ascii=False))
