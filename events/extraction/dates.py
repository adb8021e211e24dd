"""Dates: a bulletin's publication time from its dateline, and event dates relative to it.

News copy rarely gives an event's calendar date; it says "late Thursday" or "yesterday" and
leaves the reader to count back from the dateline. `resolve` does that counting. A weekday
always means the most recent such day on or before publication (wires never use a bare
weekday for the future when reporting casualties).
"""

import datetime
import re

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_FULL_WEEKDAY = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

# Dateline forms, tried in order on the opening of the text. Each has named groups.
_DATELINES = [
    # ISO with optional time: 2018-07-13, 2018-07-13 12:26, 2018-07-13T12:26:00Z
    re.compile(
        r"(?P<year>(?:19|20)\d\d)-(?P<mon>\d\d)-(?P<day>\d\d)"
        r"(?:[T ](?P<hour>\d\d):(?P<minute>\d\d)(?::\d\d(?:\.\d+)?)?)?"
    ),
    # 13 July 2018 / Wed 05 Apr 2017
    re.compile(
        r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I
    ),
    # July 13, 2018 / Published February 18 2015
    re.compile(
        r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I
    ),
    # 13/07/2018 or 13.07.2018 (day first, as in most of the region's press)
    re.compile(r"\b(?P<day>\d{1,2})[/.](?P<mon>\d{1,2})[/.](?P<year>(?:19|20)\d\d)\b"),
]
# The same forms with any four-digit year: a line that is only such a date ("date
# 2999-01-01") is a dateline out of range, not a title (impossible_dateline).
_ANY_YEAR_DATELINES = [
    re.compile(p.pattern.replace("(?:19|20)\\d\\d", "\\d{4}"), p.flags) for p in _DATELINES
]
# "BEIRUT, July 13 (Reuters) -": a wire dateline without a year.
_WIRE = re.compile(
    r"^[\sA-Z'.,-]{2,40}?,?\s*(?:[A-Z][a-z]+,\s*)?" + _MONTH + r"\s+(?P<day>\d{1,2})\s*\(", re.I
)
# The dateline opening a wire story's first sentence, "BEIRUT, July 13 (Reuters) -": its date
# is the story's, not the event's ("... killed five civilians on Wednesday").
_DATELINE_HEAD = re.compile(
    r"^\s*[A-Z][\w'’. -]{1,40},\s*(?:[A-Z][a-z]+,\s*)?"
    r"(?:"
    + _MONTH
    + r"\s+(?P<day>\d{1,2})|(?P<day2>\d{1,2})\s+"
    + _MONTH.replace("month", "month2")
    + r")"
    r"(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\s*(?:\([^()\n]{1,40}\)\s*)?[-–—:]",
    re.I,
)
# A dateline sits in the opening characters; a date deeper in the text is an event date.
_DATELINE_WINDOW = 200


def _build(year, month, day, hour=0, minute=0):
    try:
        return datetime.datetime(int(year), int(month), int(day), int(hour), int(minute))
    except (TypeError, ValueError, OverflowError):
        return None


def _moment(match):
    """The time a match of one of _DATELINES names, or None when it is no real one."""
    groups = match.groupdict()
    month = groups.get("mon") or MONTHS.get((groups.get("month") or "").lower().rstrip("."))
    return _build(
        groups["year"], month, groups["day"], groups.get("hour") or 0, groups.get("minute") or 0
    )


def parse_dateline(text, *, year=None):
    """The publication time named on a bulletin's opening line, or None.

    `year` completes wire datelines that omit it ("BEIRUT, July 13 (Reuters) -"); without it
    such a dateline gives None rather than a guess.
    """
    if not isinstance(text, str):
        return None
    head = text.lstrip()[:_DATELINE_WINDOW]
    for pattern in _DATELINES:
        if (match := pattern.search(head)) and (built := _moment(match)) is not None:
            return built
    match = _WIRE.search(head)
    if match and year:
        return _build(year, MONTHS.get(match["month"].lower().rstrip(".")), match["day"])
    return None


# What may open a bulletin before the date it was published: "Published", "Updated on:", a
# weekday ("Wed 05 Apr 2017").
_OPENING = re.compile(
    r"\s*(?:(?:last\s+)?(?:published|updated|posted|dated?)(?:\s+(?:on|at))?\s*:?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?",
    re.I,
)
OPENING_LINES = 2


def opening_dateline(text, *, year=None):
    """The publication time a bulletin opens on, or None: a dateline line of its own, a date
    one of its first lines opens with ("Wed 05 Apr 2017 Syria attack ...", "Published October
    3 2016"), or a wire story's dateline ("BEIRUT, July 13, 2018 (Reuters) -", its year
    completed by `year` when it has none). Not a date told in its story ("the worst attack
    since 5 March 2018")."""
    if not isinstance(text, str):
        return None
    lines = [line for line in text.split("\n") if line.strip()][:OPENING_LINES]
    for line in lines:
        head = line[:_DATELINE_WINDOW]
        if is_dateline(head):
            return parse_dateline(head)
        opening = _OPENING.match(head).end()
        for pattern in _DATELINES:
            if (match := pattern.match(head, opening)) and (built := _moment(match)) is not None:
                return built
        if wire := _DATELINE_HEAD.match(head):
            month = MONTHS.get((wire["month"] or wire["month2"]).lower().rstrip("."))
            if wire["year"] or year:
                return _build(wire["year"] or year, month, wire["day"] or wire["day2"])
    return None


# What may stand beside the date on a dateline of its own.
_DATELINE_WORDS = {"", "date", "dated", "published", "updated", "posted", "published on"}


def is_dateline(line):
    """Whether a line is a dateline of its own: a real date and at most a word announcing it,
    its weekday, time of day and zone ("date 2018-07-13 12:26, 13 July 2018 Friday"); not a
    sentence or headline that holds a date ("On 3 March 2016, air strikes killed 12")."""
    line = line.strip() if isinstance(line, str) else ""
    if not line or len(line) > _DATELINE_WINDOW or parse_dateline(line) is None:
        return False
    rest = line
    for pattern in _ANY_YEAR_DATELINES:
        rest = pattern.sub(" ", rest)
    rest = " ".join(_BESIDE_A_DATE.sub(" ", rest).split()).strip(" \t:,.-")
    return rest.lower() in _DATELINE_WORDS


def impossible_dateline(text):
    """The dateline on the text's opening line when it names no real day and time of the
    years it reads ("2019-02-29", "2018-07-13 25:99", "2999-01-01"), else None: such a line is
    neither a date nor a title."""
    if not isinstance(text, str):
        return None
    first = text.lstrip().split("\n", 1)[0][:_DATELINE_WINDOW]
    if parse_dateline(first) is not None:
        return None
    if (wire := _DATELINE_HEAD.match(first)) and wire["year"]:
        # "DAMASCUS, Feb 29, 2018 (Reuters) -": a wire story's dateline, whatever follows it
        month = MONTHS.get((wire["month"] or wire["month2"]).lower().rstrip("."))
        if _build(wire["year"], month, wire["day"] or wire["day2"]) is None:
            return first[wire.start("month" if wire["month"] else "day2") : wire.end("year")]
    for pattern in _ANY_YEAR_DATELINES:
        if match := pattern.search(first):
            # A dateline line: the date and at most a word that announces it ("date",
            # "Published:"), its weekday, time of day and zone. A title that holds a
            # date-like string ("Idlib, 12/25/2019", "S/2019-10-45") is a title.
            rest = first[: match.start()] + " " + first[match.end() :]
            rest = " ".join(_BESIDE_A_DATE.sub(" ", rest).split()).strip(" \t:,.-")
            if rest.lower() in _DATELINE_WORDS:
                return match.group(0)
            return None
    return None


# What else a dateline line may hold: "Friday, 30 February 2018", "June 31, 2018 | 10:00",
# "2018-07-13T25:00:00Z".
_BESIDE_A_DATE = re.compile(
    r"\b(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\b\.?|"
    r"\b\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?m\b\.?)?|\b(?:utc|gmt|z)\b|[|•·,]",
    re.I,
)


def as_date(value):
    """A date from a date, datetime or ISO string; None when it is none of those."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip()[:10])
        except ValueError:
            parsed = parse_dateline(value)
            return parsed.date() if parsed else None
    return None


# Relative expressions, most specific first. Each yields (date, precision) from the dateline.
_OVERNIGHT = re.compile(
    r"\bovernight\s+(?:on\s+)?" + _FULL_WEEKDAY + r"(?:\s*(?:-|to|into)\s*" + _FULL_WEEKDAY + r")?",
    re.I,
)
_WEEKDAY_MENTION = re.compile(
    r"\b(?:(?:late|early)\s+|on\s+|last\s+|this\s+)?" + _FULL_WEEKDAY + r"\b", re.I
)
_EXPLICIT_DMY = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTH
    + r"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b",
    re.I,
)
_EXPLICIT_MDY = re.compile(
    r"\b" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d))?", re.I
)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>\d\d)-(?P<day>\d\d)\b")
_MONTH_YEAR = re.compile(
    r"\b(?:in|since|during|of)\s+" + _MONTH + r"(?:\s+(?P<year>(?:19|20)\d\d))?\b(?!\s*\d)",
    re.I,
)
_YEAR = re.compile(r"\b(?:in|since|during)\s+(?P<year>(?:19|20)\d\d)\b", re.I)
_RELATIVE = [
    (re.compile(r"\b(?:the\s+day\s+before\s+yesterday)\b", re.I), -2, "day"),
    (re.compile(r"\byesterday\b", re.I), -1, "day"),
    # "a day earlier", "the day before" (not "the day before the attack")
    (
        re.compile(
            r"\b(?:a\s+day\s+(?:earlier|before)|the\s+(?:previous|preceding)\s+day|"
            r"the\s+day\s+before)\b(?!\s+(?:the|a|an|his|her|its|their|this|that)\b)",
            re.I,
        ),
        -1,
        "day",
    ),
    (
        re.compile(r"\b(?:today|this\s+morning|this\s+evening|tonight|earlier\s+today)\b", re.I),
        0,
        "day",
    ),
    (re.compile(r"\blast\s+night\b", re.I), -1, "day"),
    (re.compile(r"\b(?:last|past)\s+week\b|\ba\s+week\s+ago\b", re.I), -7, "week"),
    # "pounded Hamouriyeh overnight", "at dawn": the night or the dawn before the bulletin (not
    # "at dawn on Thursday", "in the early hours of Saturday": that day)
    (
        re.compile(
            r"\b(?:overnight|(?:at|before|after)\s+(?:dawn|daybreak|first\s+light)|in\s+the\s+"
            r"early\s+hours)\b(?![,\s]+(?:(?:on|of|into|to)\s+)?(?:last\s+|the\s+)?(?:"
            + _FULL_WEEKDAY
            + r"|yesterday|today|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b))",
            re.I,
        ),
        0,
        "day",
    ),
]
# "two days ago", "3 days ago"; "earlier this week": the week of publication, from its Monday.
_DAYS_AGO = re.compile(r"\b(?P<n>\d|two|three|four|five|six)\s+days\s+ago\b", re.I)
_DAYS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_THIS_WEEK = re.compile(r"\bearlier\s+(?:this|in\s+the)\s+week\b", re.I)
_LAST_MONTH = re.compile(r"\b(?:last|past)\s+month\b|\ba\s+month\s+ago\b", re.I)
_LAST_YEAR = re.compile(r"\b(?:last|past)\s+year\b|\ba\s+year\s+ago\b", re.I)


def _last_weekday(published, weekday):
    return published - datetime.timedelta(days=(published.weekday() - weekday) % 7)


def _month_back(published, months):
    month = published.month - months
    year = published.year
    while month < 1:
        month += 12
        year -= 1
    return datetime.date(year, month, 1)


def _explicit(year, month_number, day, published):
    """The date of a day and month, in `year` if given, else the latest such date not after
    publication (None when it names no real day)."""
    if year:
        candidate = _build(year, month_number, day)
        return candidate.date() if candidate else None
    if published is None:
        return None
    for back in (0, 1):
        candidate = _build(published.year - back, month_number, int(day))
        if candidate and candidate.date() <= published:
            return candidate.date()
    return None


_VERB_AFTER_MAY = re.compile(r"\s+(?:have|has|be|been|not|also|well|still|never|rise|die)\b", re.I)


def dateline_end(text):
    """Where the wire dateline opening `text` ends (0 if it has none)."""
    match = _DATELINE_HEAD.match(text)
    return match.end() if match else 0


def wire_date(text, published):
    """The day a wire dateline opening `text` names ("BEIRUT, July 11 (Reuters) -"), its year
    that of publication (the latest such day not after it), or None."""
    match = _DATELINE_HEAD.match(text)
    if match is None:
        return None
    month = MONTHS.get((match["month"] or match["month2"]).lower().rstrip("."))
    return _explicit(match["year"], month, match["day"] or match["day2"], published)


def resolve(text, published):
    """Find the first date expression in `text`: (date, precision, (start, end)) or None.

    `published` anchors relative expressions; without it only absolute dates resolve.
    """
    if not text:
        return None
    if published is not None and published.year < 2:
        published = None  # no day before it to count back to (date.min)
    found = []
    match = _ISO.search(text)
    if match:
        built = _build(match["year"], match["mon"], match["day"])
        if built:
            found.append((match.start(), built.date(), "day", match.span()))
    for pattern in (_EXPLICIT_DMY, _EXPLICIT_MDY):
        for match in pattern.finditer(text):
            month_number = MONTHS.get(match["month"].lower().rstrip("."))
            # "may" is also a verb ("5 may have died"): without a year, only "May" written
            # as the month is, beside its day number.
            if match["month"].lower() == "may" and not match["year"]:
                if match["month"] != "May" or _VERB_AFTER_MAY.match(text, match.end()):
                    continue  # "Up To 30 May Have Died": the verb, in a title's capitals
            date = _explicit(match["year"], month_number, match["day"], published)
            if date:
                found.append((match.start(), date, "day", match.span()))
                break
    if published is not None:
        match = _OVERNIGHT.search(text)
        if match:
            # Overnight Wednesday-Thursday: the night began on the first named day.
            day = _last_weekday(published, WEEKDAYS[match.group(1).lower()])
            found.append((match.start(), day, "day", match.span()))
        for match in _WEEKDAY_MENTION.finditer(text):
            if _OVERNIGHT.search(text, max(0, match.start() - 30), match.end() + 1):
                continue
            day = _last_weekday(published, WEEKDAYS[match.group(1).lower()])
            if match.group(0).lower().startswith("last") and day == published:
                day -= datetime.timedelta(days=7)
            found.append((match.start(), day, "day", match.span()))
            break
        for pattern, offset, precision in _RELATIVE:
            match = pattern.search(text)
            if match:
                day = published + datetime.timedelta(days=offset)
                found.append((match.start(), day, precision, match.span()))
        if match := _DAYS_AGO.search(text):
            n = match["n"].lower()
            back = int(n) if n.isdigit() else _DAYS[n]
            found.append(
                (match.start(), published - datetime.timedelta(days=back), "day", match.span())
            )
        if match := _THIS_WEEK.search(text):
            monday = published - datetime.timedelta(days=published.weekday())
            found.append((match.start(), monday, "week", match.span()))
        match = _LAST_MONTH.search(text)
        if match:
            found.append((match.start(), _month_back(published, 1), "month", match.span()))
        match = _LAST_YEAR.search(text)
        if match:
            found.append(
                (match.start(), datetime.date(published.year - 1, 1, 1), "year", match.span())
            )
    match = _MONTH_YEAR.search(text)
    if match and match["month"].lower() != "may":
        year = int(match["year"]) if match["year"] else (published.year if published else None)
        month_number = MONTHS[match["month"].lower().rstrip(".")]
        if year:
            if not match["year"] and published and month_number > published.month:
                year -= 1
            found.append(
                (match.start(), datetime.date(year, month_number, 1), "month", match.span())
            )
    match = _YEAR.search(text)
    if match:
        found.append((match.start(), datetime.date(int(match["year"]), 1, 1), "year", match.span()))
    if published is not None:
        # A day after publication is no day of what the bulletin reports (a typo, a plan).
        found = [item for item in found if item[1] <= published]
    if not found:
        return None
    if published is not None and (match := _WEEKDAY_ATTACK.search(text)):
        # "the funeral on Friday of those killed in Wednesday's air strike": the attack's day
        day = _last_weekday(published, WEEKDAYS[match.group(1).lower()])
        return day, "day", match.span(1)
    found.sort(key=lambda item: item[0])
    _, date, precision, span = found[0]
    return date, precision, span


_WEEKDAY_ATTACK = re.compile(
    # "children killed in Wednesday's air strike"; not "a repeat of last Wednesday's attack"
    r"\b(?:killed|died|dead|wounded|injured|hurt)\s+(?:in|by|during)\s+(?:the\s+)?"
    + _FULL_WEEKDAY
    + r"['’]s\s+(?:[\w-]+\s+){0,2}(?:air\s*strikes?|strikes?|attacks?|raids?|"
    r"shelling|bombing|blast|explosion|massacre|bombardment|car\s+bomb)\b",
    re.I,
)
