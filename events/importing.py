"""Bulletins in: read files or pasted text, store each bulletin once, with its extracted events.

Each bulletin is imported in one transaction: the bulletin, its reports, incidents and claims are
all stored, or nothing is. Reading never raises for bad input; it returns a rejection with a
reason that an editor can act on.
"""

import datetime
import html.parser
import json
import logging
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone

from .extraction.dates import impossible_dateline, is_dateline, opening_dateline, parse_dateline
from .lexicons import extract
from .models import (
    Actor,
    ActorGroup,
    Bulletin,
    Claim,
    District,
    GeoPrecision,
    Governorate,
    Incident,
    Place,
    Report,
    Source,
    date_range_problem,
    publisher_line,
)

SUPPORTED_SUFFIXES = (".txt", ".text", ".html", ".htm", ".jsonl")
# JSON may spell half a surrogate pair ("\ud800"): valid JSON, but no character UTF-8 (or the
# database) can hold.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")

logger = logging.getLogger(__name__)


class Rejected(ValueError):
    """Input that cannot become a bulletin; the message says why."""


@dataclass
class BulletinInput:
    title: str
    text: str
    published_at: datetime.datetime | None = None
    publisher: str = ""
    url: str = ""
    filename: str = ""
    cut: list = field(default_factory=list)  # what was shortened to fit, said on import

    def __post_init__(self):
        # Control characters are no text: an escape (ESC) in a title came out raw in the
        # pages and the CSV, which a terminal printing it obeys. A vertical tab or a form
        # feed parts words; the others go. So from the address, which the exports and the
        # API give as text: "https://x.example/\u202egpj.exe" read there as ".../exe.jpg".
        self.title, self.text, self.publisher, self.url = (
            without_controls(value) for value in (self.title, self.text, self.publisher, self.url)
        )
        # (what the columns hold, shortened with a word in the import's result, not silently)
        for name, limit in (("title", 500), ("publisher", 200)):
            value = getattr(self, name)
            if len(value) > limit:
                setattr(self, name, value[:limit])
                self.cut.append(f"its {name} was cut to {limit} characters")


_SPACING_CONTROLS = re.compile("[\x0b\x0c]")
# (and the bidirectional embeddings, overrides and isolates: invisible, and one left open turns
# the text after it around on the pages and in the exports; the marks LRM and RLM stay)
_CONTROLS = re.compile("[\x01-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _windows_1252(code):
    try:
        return bytes([code]).decode("cp1252")
    except UnicodeDecodeError:
        return None


# Text decoded as Latin-1 that was Windows-1252 holds its marks as C1 controls: U+0096 is the
# en dash, U+0092 the apostrophe.
_MISREAD_1252 = str.maketrans(
    {chr(code): mark for code in range(0x80, 0xA0) if (mark := _windows_1252(code)) is not None}
)


# Letters that show nothing: the Braille blank and the Hangul fillers.
_BLANK_LETTERS = frozenset("\u2800\u3164\u115f\u1160\uffa0")


def visible(text):
    """Does the text hold a character that shows? Not spaces, controls, format marks (zero-
    width, direction marks), combining marks alone (U+034F, variation selectors) or blank
    letters."""
    return any(
        c not in _BLANK_LETTERS
        and unicodedata.category(c) not in ("Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me")
        for c in text
    )


def without_controls(text):
    """The text without C0 and C1 control characters but tabs and line breaks (a vertical tab
    or a form feed becomes a space; a C1 control of Windows-1252 punctuation, that mark)."""
    return _CONTROLS.sub("", _SPACING_CONTROLS.sub(" ", text.translate(_MISREAD_1252)))


@dataclass
class ImportResult:
    name: str
    status: str  # "created", "skipped" or "rejected"
    reason: str = ""
    bulletin: Bulletin | None = None
    incidents: list = field(default_factory=list)

    def as_dict(self):
        return {
            "name": self.name,
            "status": self.status,
            "reason": self.reason,
            "bulletin": self.bulletin.pk if self.bulletin else None,
            "incidents": [incident.pk for incident in self.incidents],
        }


def size_limit(name):
    """The bytes a file may hold: a bulletin's limit, every way in; a JSONL file holds many
    bulletins (each line within that limit), up to a request's."""
    if Path(name).suffix.lower() == ".jsonl":
        return settings.MAX_UPLOAD_BYTES
    return settings.MAX_BULLETIN_BYTES


def check_size(size, name="input", limit=None):
    """Rejected when a file, a paste or a JSONL line is over its limit."""
    limit = limit or settings.MAX_BULLETIN_BYTES
    if size > limit:
        megabytes = limit // (1024 * 1024)
        raise Rejected(f"{name} is {size:,} bytes; the limit is {limit:,} bytes ({megabytes} MB).")


def _utf16_without_bom(data):
    """Do the bytes read as UTF-16 text (a NUL in every other byte of the first ones, as
    Latin letters and digits are written in it)?"""
    head = data[:400]
    for parity in (0, 1):  # big-endian writes the NUL first, little-endian second
        nuls = head[parity::2]
        if (
            len(nuls) >= 4
            and nuls.count(0) >= 0.8 * len(nuls)
            and b"\x00" not in head[1 - parity :: 2]
        ):
            try:
                data.decode("utf-16-be" if parity == 0 else "utf-16-le")
            except UnicodeDecodeError:
                return False
            return True
    return False


def decode(data, name="input", limit=None):
    """Bytes to text, or Rejected: empty, too large, binary or undecodable input."""
    check_size(len(data), name, limit)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
        if b"\x00" in data:
            if _utf16_without_bom(data):
                raise Rejected(
                    f"{name} looks like UTF-16 without a byte-order mark; save it as UTF-8 "
                    "and try again."
                )
            raise Rejected(f"{name} looks binary (it contains NUL bytes), not a text bulletin.")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise Rejected(
            f"{name} is not valid UTF-8 (byte {error.start}); save it as UTF-8 and try again."
        ) from None
    if "\x00" in text:  # UTF-16 spells NUL with other bytes; PostgreSQL refuses it in text.
        raise Rejected(f"{name} looks binary (it contains NUL characters), not a text bulletin.")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(8, len(text) // 100):
        raise Rejected(f"{name} looks binary ({controls} control characters), not text.")
    # (the few control characters text may hold are no text: see BulletinInput)
    text = without_controls(text)
    if not text.strip():
        raise Rejected(f"{name} is empty.")
    return text.replace("\r\n", "\n").replace("\r", "\n")


class _TextFromHTML(html.parser.HTMLParser):
    """Visible text of an HTML page, paragraph by paragraph, and its title."""

    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "article", "section"}
    # (and what a browser shows in place of a frame, a player or a plug-in it cannot show)
    SKIP = {
        "script", "style", "noscript", "template", "head", "nav", "footer", "svg", "iframe",
        "video", "audio", "object", "canvas",
    }  # fmt: skip

    # Skipped as page furniture only when closed: the text after a <nav> or a <footer> left
    # open (the whole article, in a hand-made page) is kept.
    FURNITURE = {"nav", "footer"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.title, self.h1 = [], "", ""
        self._skip, self._in = 0, None
        self._open = []  # [tag, the text held back while it is open]

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP and tag != "head":
            self._skip += 1
            self._open.append([tag, []])
        if tag in ("title", "h1"):
            self._in = tag
        if tag in self.BLOCKS:
            self._emit("\n\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and tag != "head" and self._skip:
            self._skip -= 1
            if self._open:
                self._open.pop()
        if tag == self._in:
            self._in = None
        if tag in self.BLOCKS:
            self._emit("\n\n")

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
            return
        if not self._skip and self._in == "h1":
            self.h1 += data
        self._emit(data)

    def _emit(self, text):
        """Text to the page's parts, or held back inside page furniture (dropped if it closes)."""
        if not self._skip:
            self.parts.append(text)
        elif self._open and all(tag in self.FURNITURE for tag, _ in self._open):
            self._open[-1][1].append(text)

    def close(self):
        # A comment never closed hides the rest of the page, as in a browser (the parser would
        # give it back as text: "<!-- ... <p>...").
        if self.rawdata.startswith("<!--"):
            self.rawdata = ""
        # A <style> or <script> never closed: the parser holds the rest of the page as its
        # raw text, and drops it.
        element = getattr(self, "cdata_elem", None)
        unclosed = self.rawdata if element in ("script", "style") else ""
        super().close()
        for _, held in self._open:  # never closed: not furniture after all
            self.parts += held
        self._open = []
        # After a script, only the page's body (a script's strings may hold markup: "<p>...").
        start = (
            r"</\s*head\s*>|<\s*body\b"
            if element == "script"
            else r"<\s*(?:p|div|h[1-4]|article|section|body|br|li)\b"
        )
        markup = re.search(start, unclosed, re.I)
        if markup:  # "<style>p { color: red }</head><body><p>...": the article is after it
            page = _TextFromHTML()
            page.feed(unclosed[markup.start() :])
            page.close()
            self.parts += page.parts
            self.h1 = self.h1 or page.h1


def html_to_text(markup):
    parser = _TextFromHTML()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    body = "\n\n".join(p for p in paragraphs if p)
    return " ".join(parser.h1.split()) or headline(parser.title), body


_SITE_SUFFIX = re.compile(r"^(?P<head>.+?)\s+[-|–—:]{1,2}\s+(?P<site>[^-|–—:]{1,40})$")


def headline(title):
    """A page's <title> without the site's name after it: "Air strike kills 14 in Saraqib -
    World Bulletin" is the headline "Air strike kills 14 in Saraqib" (when it has three words
    or more and the name five or fewer)."""
    title = " ".join(title.split())
    match = _SITE_SUFFIX.match(title)
    if match and len(match["head"].split()) >= 3 and _site_name(match["site"]):
        return match["head"]
    return title


def _site_name(words):
    """Whether words read as a publication's name: five at most, no figure, each capitalised
    but for small joining words ("World Bulletin", "Enab Baladi", "The Syrian Observer"), or a
    web address ("aljazeera.com"); not a headline's tail ("dozens killed", "report")."""
    words = words.split()
    if len(words) > 5 or any(c.isdigit() for w in words for c in w):
        return False
    if len(words) == 1 and re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", words[0]):
        return True
    return all(w[:1].isupper() or w in ("of", "the", "and", "al", "el", "for") for w in words)


def _paragraphs(text):
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def parse_text(text, filename=""):
    """A plain-text bulletin: an optional dateline, a title line, an optional publisher line."""
    if impossible := impossible_dateline(text):
        raise Rejected(
            f"{filename or 'The bulletin'}: its dateline {impossible!r} names no real day and time "
            "from 1990-01-01 on."
        )
    published_at = _in_range(_aware(opening_dateline(text)), filename)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if published_at and lines and is_dateline(lines[0]):
        lines = lines[1:]
    if not lines:
        raise Rejected(f"{filename or 'The bulletin'} has no text besides its dateline.")
    title = lines[0]
    publisher = ""
    paragraphs = _paragraphs(text)
    # "World Bulletin / News Desk": a short line without a full stop right after the title.
    if len(lines) > 2 and publisher_line(lines[1]):
        publisher = lines[1].split("/")[0].removeprefix("By ").strip()
    if len(paragraphs) < 1:
        raise Rejected(f"{filename or 'The bulletin'} is empty.")
    return BulletinInput(
        title=title,
        text=text.strip(),
        published_at=published_at,
        publisher=publisher,
        filename=filename,
    )


def _aware(moment):
    """Datelines without a zone are read as UTC."""
    if moment is None or timezone.is_aware(moment):
        return moment
    return timezone.make_aware(moment, datetime.UTC)


def _in_range(moment, name=""):
    """The publication moment, or Rejected when it is outside 1990 to a day ahead of now."""
    problem = date_range_problem(moment)
    if problem:
        raise Rejected(f"{name + ': ' if name else ''}the publication date {problem}")
    return moment


def published(value):
    """A publication date or moment as given (ISO or a dateline), aware, or Rejected."""
    if not value or isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, datetime.datetime):
        return _in_range(_aware(value))
    text = str(value).strip()
    try:
        moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        # An offset of a day or more ("+25:00") is no time zone: not a dateline to read
        # without it ("2016-03-12 10:00:00 UTC" and "10:00 AM" are).
        offset = re.search(r"\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?\s*[+-](\d\d):?\d\d$", text)
        moment = None if offset and int(offset[1]) >= 24 else parse_dateline(text)
        if moment is None:
            message = f"the publication date {text[:40]!r} is not a date (YYYY-MM-DD)."
            raise Rejected(message) from None
    moment = _aware(moment)
    try:
        # "9999-12-31T23:59:59-14:00" is year 10000 in UTC: Python cannot even hold it.
        moment.astimezone(datetime.UTC)
    except OverflowError:
        moment = datetime.datetime.max.replace(tzinfo=datetime.UTC)
    # Kept in its own offset: the news's "yesterday" and "on Monday" count back from the day
    # it was published where it was published (01:30 in Damascus on 1 March is 29 February
    # in UTC); the database stores the same moment either way.
    return _in_range(moment)


def parse_jsonl(text, filename=""):
    """One bulletin per line, as in the evaluation files: {id, title, text, published, source}
    (the publication time under any of PUBLISHED_KEYS; url; publisher for source).

    Yields BulletinInput or Rejected (a broken line does not stop the others).
    """
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{filename or 'JSONL'} line {number}"
        try:
            check_size(len(line.encode()), where)
            item = json.loads(line, parse_constant=_not_json, parse_float=_finite)
            if not isinstance(item, dict):
                raise Rejected(f"{where}: expected a JSON object.")
            title, body = _string(item.get("title")), _string(item.get("text"))
            if not body:
                raise Rejected(f"{where}: the bulletin has no text.")
            publisher = _string(item.get("source") or item.get("publisher"))
            if "\x00" in title + body + publisher:
                raise Rejected(f"{where}: the bulletin contains NUL characters (\\u0000).")
            if LONE_SURROGATE.search(title + body + publisher + str(item.get("url") or "")):
                raise Rejected(
                    f"{where}: the bulletin contains a lone surrogate escape (such as \\ud800), "
                    "which is no Unicode character."
                )
            yield BulletinInput(
                title=title or body.split("\n")[0],
                text=body,
                published_at=_published_of(item),
                publisher=publisher,
                url=_web_address(item.get("url")),
                filename=f"{filename} line {number}" if filename else "",
            )
        except json.JSONDecodeError as error:
            yield Rejected(f"{where}: not valid JSON ({error.msg}).")
        except RecursionError:  # "[" x 100,000: json (and str()) give up; the line alone fails.
            yield Rejected(f"{where}: JSON nested too deep to read.")
        except Rejected as error:  # before ValueError, of which it is one
            yield error if str(error).startswith(where) else Rejected(f"{where}: {error}")
        except ValueError as error:  # a number of more than 4,300 digits, which Python refuses
            yield Rejected(f"{where}: not readable ({error}).")


# The names a JSONL line may give its publication date by: the evaluation files' "published"
# and those other exports use.
PUBLISHED_KEYS = ("published", "published_at", "publication_date", "date")


def _published_of(item):
    """The line's publication date, under any of PUBLISHED_KEYS (two that differ: Rejected)."""
    given = {key: item[key] for key in PUBLISHED_KEYS if item.get(key) not in (None, "")}
    moments = {key: published(value) for key, value in given.items()}
    if len(set(moments.values())) > 1:
        raise Rejected(
            "two different publication dates ("
            + ", ".join(f'"{key}": {json.dumps(value)}' for key, value in given.items())
            + '): give one, as "published".'
        )
    return next(iter(moments.values()), None)


def _not_json(constant):
    """NaN, Infinity and -Infinity: Python's json reads them, JSON has no such values."""
    raise Rejected(f"{constant} is no JSON value.")


def _string(value):
    """A JSON field that should hold text: a string or a number, nothing nested."""
    if value is None:
        return ""
    if isinstance(value, dict | list):
        raise Rejected("a title, text or source is a JSON object or list, not text.")
    if isinstance(value, bool):  # true is no title "True"
        raise Rejected("a title, text or source is true or false, not text.")
    text = without_controls(str(value)).strip()
    # A title of invisible characters only (a zero-width space, a byte-order mark) is none.
    return text if any(not unicodedata.category(c).startswith(("C", "Z")) for c in text) else ""


def _finite(number):
    """A JSON number as a float, or Rejected: json reads 1e999 as infinity ("inf")."""
    value = float(number)
    if not math.isfinite(value):
        raise Rejected(f"the number {number[:40]} is too large to read.")
    return value


URL_LENGTH = 1000  # Bulletin.url's max_length


def _web_address(value):
    """An http(s) address, or Rejected: a bulletin's URL becomes a link on its pages."""
    url = str(value or "").strip()
    if not url:
        return ""
    if "\x00" in url:
        raise Rejected("the url contains NUL characters (\\u0000).")
    if len(url) > URL_LENGTH:
        raise Rejected(f"the url is longer than {URL_LENGTH} characters ({len(url)}).")
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise Rejected(f"the url {url[:60]!r} is not an http(s) address.") from None
    return url


def read_upload(name, data):
    """Bytes of a named file to a list of BulletinInput or Rejected, one per bulletin. A file
    named as another kind (.json, .csv, .pdf) is not read as a bulletin's text: its header
    or markup became an incident's title."""
    suffix = Path(name).suffix.lower()
    if suffix and suffix not in SUPPORTED_SUFFIXES:
        kinds = ", ".join(SUPPORTED_SUFFIXES[:-1]) + " or " + SUPPORTED_SUFFIXES[-1]
        return [Rejected(f"{name} is not a bulletin file: we read {kinds} files.")]
    try:
        text = decode(data, name, size_limit(name))
    except Rejected as error:
        return [error]
    if suffix == ".jsonl":
        return list(parse_jsonl(text, name)) or [Rejected(f"{name} holds no bulletin.")]
    try:
        if suffix in (".html", ".htm") or text.lstrip()[:15].lower().startswith(
            ("<!doctype html", "<html")
        ):
            title, body = html_to_text(text)
            if not body:
                raise Rejected(f"{name} has no visible text.")
            parsed = parse_text(body, name)
            if title:
                if len(title) > 500:
                    parsed.cut.append("its title was cut to 500 characters")
                parsed.title = title[:500]
            return [parsed]
        return [parse_text(text, name)]
    except Rejected as error:
        return [error]


def read_uploaded_file(uploaded):
    """An uploaded file as (name, bytes), or (name, Rejected) when it is over the size limit:
    then it is not read at all (it waits in a temporary file until the request ends)."""
    try:
        check_size(uploaded.size, uploaded.name, size_limit(uploaded.name))
    except Rejected as error:
        return uploaded.name, error
    return uploaded.name, uploaded.read()


PASTED = "pasted text"


def read_pasted(text, overrides=None):
    """Pasted text as a BulletinInput, or Rejected; the form's title, publisher, url and
    published_at (a datetime or ISO text) override what is read from the text."""
    overrides = overrides or {}
    try:
        item = parse_text(text.replace("\r\n", "\n"), PASTED)
        for key in ("title", "publisher", "url"):
            if overrides.get(key):
                # (a title or publisher typed in the form, without its controls and bidi
                # overrides, as one read from the text: see BulletinInput)
                setattr(item, key, without_controls(overrides[key]))
        if overrides.get("published_at"):
            item.published_at = published(overrides["published_at"])
    except Rejected as error:
        return error
    item.filename = ""
    return item


def import_pasted(text, overrides=None, user=None):
    """Pasted text to its ImportResult."""
    item = read_pasted(text, overrides)
    if isinstance(item, Rejected):
        return ImportResult(PASTED, "rejected", str(item))
    return import_bulletin(item, user=user)


def read_item(name, data, pasted=None):
    """A stored upload (or paste, with its form's `pasted` overrides) to a list of
    BulletinInput or Rejected, one per bulletin, always in the same order."""
    if pasted is None:
        return read_upload(name, data)
    try:
        return [read_pasted(decode(data, PASTED), pasted)]
    except Rejected as error:
        return [error]


def estimated_bulletins(uploaded):
    """How many bulletins an uploaded file holds, read in chunks from its temporary file: a
    JSONL line is one, any other file one."""
    if Path(uploaded.name).suffix.lower() != ".jsonl":
        return 1
    lines = sum(chunk.count(b"\n") for chunk in uploaded.chunks()) + 1
    uploaded.seek(0)
    return lines


def read_paths(paths):
    """Files and folders (recursively) to (name, bytes) pairs (a Rejected for the bytes of a
    file over its size limit, unread). A folder's files are read as each named alone would be
    (one of another kind rejected with the reason, one without a suffix read as text), but for
    hidden ones (".DS_Store", a ".git" folder). What it holds that is no file to read (a link
    to nothing, a pipe) is rejected as a missing file named alone is, and a link to another
    folder is rejected with the reason (it is not followed: a link may loop)."""
    for path in map(Path, paths):
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                if child.is_file():
                    # (a file of another kind is rejected by its name: a video in the folder
                    # is not read whole first)
                    kind = child.suffix.lower()
                    read = not kind or kind in SUPPORTED_SUFFIXES
                    yield _read_path(child) if read else (path_name(child), b"")
                elif child.is_dir():
                    if child.is_symlink():
                        name = path_name(child)
                        yield name, Rejected(f"{name} is a link to a folder: name that folder.")
                else:
                    yield path_name(child), None
        elif path.is_file():
            yield _read_path(path)
        else:
            yield path_name(path), None


def path_name(path):
    """A path as text a database and a terminal take: a name whose bytes are not UTF-8 (an
    old Windows archive's "caf\xe9.txt") comes from the file system with lone surrogates
    in their place, which neither database can store (the import stopped there); each such
    byte is U+FFFD here."""
    return str(path).encode(errors="surrogateescape").decode(errors="replace")


def _read_path(path):
    """A file as (name, bytes), or (name, Rejected) when it is over its size limit: then it is
    not read at all, as an upload is not (a 1.5 GB file was read whole, 1.6 GB of memory and
    20 s, to be refused)."""
    name = path_name(path)
    try:
        check_size(path.stat().st_size, name, size_limit(name))
    except Rejected as error:
        return name, error
    return name, path.read_bytes()


def import_bulletin(item, user=None, extractor=None):
    """Store one bulletin and its events atomically; re-importing the same text changes nothing."""
    name = item.filename or item.title[:60]
    if not visible(item.text):
        # (zero-width spaces under a title: no article, and the title's story again)
        return ImportResult(name, "rejected", f"{name}: the bulletin has no text, only marks.")
    if not any(c.isalpha() for c in item.title + item.text):
        return ImportResult(name, "rejected", f"{name}: the bulletin has no words, only figures.")
    # The article alone, in whichever format it came: a .txt's dateline, title and publisher's
    # lines are in its fields already, and read as the lead's first sentences they pushed its
    # figures out of the lead.
    item.text = Bulletin.article(item.title, item.text)
    content_hash = Bulletin.hash_text(item.title, item.text)
    existing = Bulletin.by_hash(content_hash)
    if existing:
        return ImportResult(name, "skipped", "already imported", bulletin=existing)
    day = item.published_at.date() if item.published_at else None
    failed = ""
    if extractor is None:
        try:
            events = extract(item.title, item.text, day, source=item.publisher, strict=True)
        except Exception as error:  # noqa: BLE001 - the bulletin is kept, the fault reported
            logger.exception("extraction failed for %r", name)
            events = []
            failed = (
                f"the extraction failed on this bulletin ({type(error).__name__}); stored, for"
                " an editor to read"
            )
    else:
        events = extractor(item.title, item.text, day, source=item.publisher)
    try:
        with transaction.atomic():
            bulletin = Bulletin.objects.create(
                title=item.title,
                publisher=item.publisher,
                published_at=item.published_at,
                url=item.url,
                text=item.text,
                content_hash=content_hash,
                imported_hash=content_hash,
                imported_by=user if user and user.is_authenticated else None,
                filename=item.filename[:300],
            )
            incidents = store_events(bulletin, events)
    except IntegrityError:
        # Another process stored the same bulletin between our check and our insert.
        existing = Bulletin.by_hash(content_hash)
        if existing is None:
            raise
        return ImportResult(name, "skipped", "already imported", bulletin=existing)
    reason = failed or ("" if incidents else unread_language(item.title + " " + item.text))
    reason = "; ".join(filter(None, [*item.cut, reason]))
    return ImportResult(name, "created", reason, bulletin=bulletin, incidents=incidents)


def unread_language(text):
    """Why a bulletin gave no events when its words are not English (the extraction reads
    English only), else ""."""
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isascii() for c in letters) >= len(letters) / 2:
        return ""
    arabic = sum("\u0600" <= c <= "\u06ff" for c in letters) >= len(letters) / 2
    script = "Arabic script" if arabic else "a script other than Latin"
    return (
        f"no strike events found: the extraction reads English, and this bulletin is in "
        f"{script} (stored, for an editor to read)"
    )


def import_uploads(files, user=None, progress=None):
    """(name, bytes) pairs to ImportResults, one per bulletin; one failure never stops the rest.

    The bytes may be None (no such file) or a Rejected (a file over the size limit)."""
    results = []
    for name, data in files:
        if data is None or isinstance(data, Rejected):
            reason = (
                f"{name}: no such file or folder (or not a regular file)."
                if data is None
                else str(data)
            )
            results.append(ImportResult(name, "rejected", reason))
            if progress:  # counted and reported like any other rejection
                progress(results[-1])
            continue
        for item in read_upload(name, data):
            if isinstance(item, Rejected):
                results.append(ImportResult(name, "rejected", str(item)))
            else:
                results.append(import_bulletin(item, user=user))
            if progress:
                progress(results[-1])
    return results


def quoted(spans, document):
    """The evidence spans, each with the words it marks (`quote`): the detail page finds them
    again if an editor's edit of the bulletin moves them."""
    return [
        {**span, "quote": document[span["start"] : span["end"]]}
        if isinstance(span, dict)
        and type(span.get("start")) is int
        and type(span.get("end")) is int
        and 0 <= span["start"] < span["end"] <= len(document)
        else span
        for span in spans
    ]


def store_events(bulletin, events):
    """Reports for every extracted event; an incident for each new (non-background) one."""
    incidents = []
    for event in events:
        report = Report(
            bulletin=bulletin,
            source=Source.BULLETIN,
            is_primary=bool(event.get("primary")),
            is_background=bool(event.get("background")),
            confidence=event.get("confidence"),
            evidence=quoted(event.get("evidence") or [], bulletin.document),
            raw=event,
        )
        _set_what_where_when(report, event)
        report.set_figures({"killed": event.get("killed"), "injured": event.get("injured")})
        if not report.is_background:
            incident = Incident(
                source=Source.BULLETIN,
                confidence=report.confidence,
                title=_incident_title(bulletin, report, event),
            )
            _set_what_where_when(incident, event)
            incident.save()
            report.incident = incident
            incidents.append(incident)
        report.save()
        for position, perpetrator in enumerate(event.get("perpetrators") or []):
            Claim.objects.create(
                report=report,
                actor=_actor(perpetrator),
                name=str(perpetrator.get("name") or "unknown")[:200],
                group=_group(perpetrator.get("group")),
                attribution=perpetrator.get("attribution") or "unclear",
                alleged_by=str(perpetrator.get("alleged_by") or "")[:200],
                position=position,
            )
        if report.incident:
            report.incident.derive_from_reports()
    return incidents


def _group(value):
    return value if value in ActorGroup.values else ActorGroup.UNKNOWN


def _actor(perpetrator):
    name = str(perpetrator.get("name") or "").strip()[:200]
    if not name:
        return None
    found = Actor.objects.resolve([name])  # by its name or one of its aliases
    if name in found:
        return found[name]
    actor, _ = Actor.objects.get_or_create(
        name=name, defaults={"group": _group(perpetrator.get("group"))}
    )
    return actor


def _set_what_where_when(obj, event):
    obj.event_type = event.get("event_type") or "other"
    obj.date = _date(event.get("date"))
    obj.date_precision = (event.get("date_precision") or "day") if obj.date else "undated"
    end = _date(event.get("date_end"))
    obj.date_end = end if end and obj.date and end > obj.date else None
    if isinstance(obj, Incident):
        obj.aggregate = bool(event.get("aggregate"))
    code = event.get("province_code")
    obj.governorate = Governorate.objects.filter(pk=code).first() if code else None
    if obj.governorate and event.get("district"):
        obj.district = District.objects.filter(
            governorate=obj.governorate, name__iexact=event["district"]
        ).first()
    if event.get("place_key") and event.get("geo_precision") == "place":
        # Exactly the place the extractor chose, by its key: never a namesake looked up again.
        obj.place = Place.objects.by_key(event["place_key"])
        if obj.place and obj.district is None:
            obj.district = obj.place.district
    obj.place_confidence = event.get("place_confidence")
    obj.place_alternatives = [
        a for a in event.get("place_alternatives") or () if isinstance(a, dict) and a.get("key")
    ]
    if isinstance(obj, Report):
        obj.place_name = str(event.get("place") or "")[:200]
    obj.latitude = event.get("latitude")
    obj.longitude = event.get("longitude")
    # The extraction contract says "province" where our model says "governorate"; an event
    # placed nowhere is known to the country only.
    precision = event.get("geo_precision") or ""
    precision = "governorate" if precision == "province" else precision
    if precision not in GeoPrecision.values:
        precision = GeoPrecision.COUNTRY if obj.governorate is None else GeoPrecision.GOVERNORATE
    obj.geo_precision = precision


def _date(value):
    """An event's date, or None when unreadable or outside the sane range (a bulletin may
    recall the 1982 Hama massacre: the bulletin is kept, that date is not)."""
    if not value:
        return None
    try:
        date = datetime.date.fromisoformat(str(value))
    except ValueError:
        return None
    return None if date_range_problem(date) else date


def _incident_title(bulletin, report, event):
    if report.is_primary:
        return bulletin.title[:300]
    where = event.get("place") or event.get("province") or "Syria"
    return f"{report.get_event_type_display()} in {where}"[:300]
