"""Period and cumulative tolls: a toll that adds up many incidents over days, weeks or months.

Monitors publish "at least 81 civilians were killed in a week of air raids on the Idlib
countryside" and "the toll since 20 November rose to 308". Such a figure is not one incident:
`find_period` recognises the period a toll sentence covers and returns it, so the pipeline can
flag the event as an aggregate dated by the period's start with the period's precision.

A period is only read from wording that measures time ("in a week of", "over the past ten
days", "since 20 November", "during August", "so far this year"); a single incident "last
week" or a toll "in the past 24 hours" (the daily report) is not an aggregate.
"""

import calendar
import datetime
import re
from dataclasses import dataclass

from . import dates
from .casualties import number_value


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date
    precision: str  # "day", "week", "month" or "year"
    span: tuple[int, int]  # offsets of the wording in the text searched


_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_COUNT = (
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|several|few|\d{1,3})"
)
_VIOLENCE = (
    r"(?:(?:aerial|air|heavy|intense|intensive|violent|fierce|ground|artillery|rocket|russian|"
    r"regime|government|coalition|continuous|continued|relentless|renewed|daily|ongoing)\s+)*"
    r"(?:bombardment|bombing|raids?|air\s*strikes?|strikes|shelling|attacks|violence|fighting|"
    r"fight|combat|hostilities|clashes|escalation|offensive|assault|siege|battles?|campaign)"
)
# "less than 72 hours of raids": a span said roughly is a span
_ROUGHLY = r"(?:(?:about|around|nearly|almost|some|over|more\s+than|less\s+than)\s+)?"
# "in a week of bombardment", "after ten days of air strikes", "two weeks of fighting",
# "72 hours of intensive raids"
_SPAN_OF = re.compile(
    rf"\b{_ROUGHLY}(?P<n>{_COUNT})\s+(?P<unit>hour|day|week|month|year)s?\s+of\s+{_VIOLENCE}\b",
    re.I,
)
# "over the past ten days", "in the last two weeks", "during the previous month", "in last
# three days"; never a bare "last week", which dates one incident.
_PAST = re.compile(
    rf"\b(?:in|over|during|within|throughout|for)\s+(?:the\s+)?(?:past|last|previous)\s+"
    rf"(?:(?P<n>{_COUNT})\s+)?(?P<unit>day|week|month|year|hour)s?\b",
    re.I,
)
# "killed 45 fighters in 2 days", "500 killed in one week", "the week-long offensive"
_SPAN = re.compile(
    rf"\b(?:in|within|over)\s+(?P<n>{_COUNT})\s+(?P<unit>day|week|month)s?\b"
    r"(?!\s+(?:ago|later|before|after))"
    rf"|\b(?P<unit2>day|week|month)-long\s+{_VIOLENCE}\b",
    re.I,
)
_SINCE = re.compile(
    r"\bsince\s+(?:the\s+(?:start|beginning|outbreak|launch|onset)\s+of\s+(?:the\s+|this\s+|its\s+)?"
    r"(?P<what>[\w-]+(?:\s+[\w-]+)?)|(?P<date>[\w ,]{3,30}))",
    re.I,
)
# "since they launched their offensive on the city on May 13", "since the army stormed the
# town", "in the days after it captured the town on May 21": a toll since a side began
# something adds up what followed; from the date written after it, else (as "since the start
# of the offensive") this month. Not "the deadliest attack since the war began", which ranks
# the attack.
# The war itself ("since the war began"): what a toll since it sums is the war's.
_WAR_WORDS = r"war|conflict|uprising|revolution|crisis"
_NOT_THE_WAR = rf"(?!(?:[\w'’-]+\s+){{0,2}}(?:{_WAR_WORDS})\b)"
_SINCE_DEED = re.compile(
    rf"\bsince\s+{_NOT_THE_WAR}"
    r"(?:[\w'’-]+\s+){1,3}?(?:launched|began|started|seized|captured|overran|"
    r"stormed|entered|took\s+(?:over|control))\b(?P<rest>[^.;]{0,60})"
    # "in the days after it captured the town on May 21" (a side's deed: not "in the days after
    # an air strike on a school", the strike's own toll)
    rf"|\b(?:in|over)\s+the\s+(?:days|weeks|months)\s+(?:after|following|since)\s+{_NOT_THE_WAR}"
    r"(?=(?:[\w'’-]+\s+){1,3}?(?:launched|began|started|seized|captured|overran|stormed|"
    r"entered|took)\b)(?P<rest2>[^.;]{0,70})",
    re.I,
)
# Between a toll and "since": another clause ("killed two children ..., as rebels have fired
# rockets ... since the army launched"), a relative one ("people who had fled since"), or a
# ranking ("the latest of a series of attacks since", "the first attack in the weeks since").
_NOT_THE_TOLLS_SINCE = re.compile(
    r";|,\s*(?:as|while|when|whereas|but|amid)\b|\b(?:who|which|that|latest|series|first|"
    r"second|third|last)\b",
    re.I,
)
_SO_FAR = re.compile(
    r"\b(?:so\s+far\s+)?this\s+(?P<unit>year|month)\b|\bsince\s+(?:the\s+)?(?:start|beginning)\s+of\s+"
    r"(?:the\s+|this\s+)?(?P<unit2>year|month)\b",
    re.I,
)
# "during August", "in the month of March 2016", "in August shelling", "shelling in August":
# not "in March 2".
_MONTH_PERIOD = re.compile(
    r"\b(?:(?:during|throughout|over|in\s+the\s+month\s+of)\s+"
    + dates._MONTH
    + r"(?![a-z])(?!\s*\d{1,2}\b)(?:\s+(?P<year>(?:19|20)\d\d))?"
    + r"|in\s+"
    + dates._MONTH.replace("?P<month>", "?P<month2>")
    + rf"(?![a-z])(?:\s+(?P<year2>(?:19|20)\d\d))?\s+{_VIOLENCE}"
    + rf"|{_VIOLENCE}\s+in\s+"
    + dates._MONTH.replace("?P<month>", "?P<month3>")
    + r"(?![a-z])(?!\s*\d{1,2}\b)(?:\s+(?P<year3>(?:19|20)\d\d))?"
    # "1,200 civilians were killed in April": a month's tally, not "killed in April 2"
    + r"|\b(?:killed|died|dead|deaths|toll)\s+in\s+"
    + dates._MONTH.replace("?P<month>", "?P<month4>")
    + r"(?![a-z])(?!\s*\d{1,2}\b)(?:\s+(?P<year4>(?:19|20)\d\d))?)\b",
    re.I,
)
# "between 1 and 6 December", "from 3 to 20 November": the days of a month a toll adds up.
_DAYS_OF_MONTH = re.compile(
    r"\b(?:between|from)\s+(?:the\s+)?(?P<first>\d{1,2})(?:st|nd|rd|th)?\s+(?:and|to|-|–)\s+"
    r"(?:the\s+)?(?P<last>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + dates._MONTH
    + r"(?![a-z])(?:,?\s+(?P<year>(?:19|20)\d\d))?",
    re.I,
)
_WAR = re.compile(_WAR_WORDS, re.I)


def _precision(days):
    """The coarseness a period of `days` is shown with; `date_end` keeps its exact end."""
    if days <= 1:
        return "day"
    if days <= 7:
        return "week"
    if days <= 92:
        return "month"
    return "year"


def _duration(match, published):
    unit = (match["unit"] or match.groupdict().get("unit2")).lower()
    n = number_value(match["n"]) if match["n"] else None
    if match["n"] and match["n"].lower() in ("several", "few"):
        n = 3
    if match["n"] and match["n"].lower() in ("a", "an"):
        n = 1
    if unit == "hour":
        # "in the past 24 hours": the daily report of the day's incidents; "72 hours of
        # raids", three days of them
        days = (n or 1) // 24
    else:
        days = (n or 1) * _UNIT_DAYS[unit]
    if days < 2:
        return None
    start = published - datetime.timedelta(days=days)
    return Period(start, published, _precision(days), match.span())


def _since(match, published):
    what = match["what"]
    if what:
        if _WAR.search(what):
            return Period(datetime.date(2011, 3, 15), published, "year", match.span())
        # "since the start of the offensive": it began this month, as far as the text says
        return Period(published.replace(day=1), published, "month", match.span())
    found = dates.resolve(match["date"], published)
    if found is None:
        return None
    start = found[0]
    if not start < published:
        return None
    days = (published - start).days
    return Period(start, published, _precision(days), match.span())


def _since_deed(match, published):
    found = dates.resolve(match["rest"] or match["rest2"], published)
    if found is not None and found[0] < published:
        days = (published - found[0]).days
        return Period(found[0], published, _precision(days), match.span())
    return Period(published.replace(day=1), published, "month", match.span())


def _calendar(match, published):
    unit = (match["unit"] or match["unit2"]).lower()
    if unit == "year":
        return Period(published.replace(month=1, day=1), published, "year", match.span())
    return Period(published.replace(day=1), published, "month", match.span())


def _month(match, published):
    name = match["month"] or match["month2"] or match["month3"] or match["month4"]
    written_year = match["year"] or match["year2"] or match["year3"] or match["year4"]
    month = dates.MONTHS[name.lower().rstrip(".")[:3]]
    year = int(written_year) if written_year else published.year
    if not written_year and month > published.month:
        year -= 1  # "in November", written in February, is last November
    last = calendar.monthrange(year, month)[1]
    start = datetime.date(year, month, 1)
    end = min(datetime.date(year, month, last), published)
    if start > published:
        return None
    return Period(start, end, "month", match.span())


def _days_of_month(match, published):
    month = dates.MONTHS[match["month"].lower().rstrip(".")[:3]]
    year = int(match["year"]) if match["year"] else published.year
    if not match["year"] and month > published.month:
        year -= 1
    try:
        start = datetime.date(year, month, int(match["first"]))
        end = datetime.date(year, month, int(match["last"]))
    except ValueError:
        return None
    if not start < end or start > published:
        return None
    return Period(start, min(end, published), _precision((end - start).days + 1), match.span())


# "the second bombardment in two weeks", "the deadliest attack in a month": a span right after
# an ordinal or a superlative and the incident's noun ranks it among others, it sums up no
# toll (not "the Fourth Division has lost 30 in the past two weeks", nor "Syria's second city
# Aleppo: 250 killed in a week").
_RANKED = re.compile(
    r"\b(?-i:second|third|fourth|fifth|sixth|deadliest|worst|bloodiest|biggest|largest|heaviest)"
    r"\s+(?:[\w-]+\s+){0,2}?(?:bombardments?|attacks?|(?:air\s*)?strikes?|airstrikes?|raids?|"
    r"shelling|massacres?|explosions?|bombings?|assaults?|blasts?|time|incident|"
    r"assassinations?|killings?|ambush(?:es)?)\s+"
    # ... and where: "the third attack on the village this month", "the fourth such
    # assassination in Daraa this month"
    r"(?:(?:on|in|against|near|of)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}?)?$",
    re.I,
)
# "this month" ranks the incident ("..., the fourth such assassination in Daraa this month",
# "for the third time this month", "in the deadliest attack on the town this year"), but not
# when the ranked attack is the sentence's subject, whose toll it is ("The second assault on
# Eastern Ghouta this year has killed more than 200 civilians": that assault's toll).
_SUBJECT = re.compile(r"^\W*(?:the\s+)?$", re.I)
# "..., bringing the death toll from three days of bombardment to 60": the period of the
# running toll, of which the figure before it is the latest part, not that figure's.
_RUNNING = re.compile(
    r"\b(?:bringing|raising|taking|pushing)\s+(?:the\s+)?(?:overall\s+|total\s+)?"
    r"(?:death\s+toll|toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|victims|people\s+killed))\b",
    re.I,
)


def find_period(text, published, toll_end=None):
    """The period a toll in `text` covers, or None when it reads as a single incident. Given
    where the toll ends in the text (`toll_end`), not a running toll's period after it."""
    if published is None or not text:
        return None
    readers = (
        (_SPAN_OF, _duration),
        (_PAST, _duration),
        (_SPAN, _duration),
        (_DAYS_OF_MONTH, _days_of_month),
        (_SO_FAR, _calendar),
        (_SINCE_DEED, _since_deed),
        (_SINCE, _since),
        (_MONTH_PERIOD, _month),
    )
    for pattern, read in readers:
        for match in pattern.finditer(text):
            ranked = pattern in (_SPAN, _PAST, _SO_FAR) and _RANKED.search(text, 0, match.start())
            if ranked and not (pattern is _SO_FAR and _SUBJECT.search(text, 0, ranked.start())):
                continue
            if toll_end is not None and _RUNNING.search(text, toll_end, match.start()):
                continue
            if (
                pattern is _SINCE_DEED
                and toll_end is not None
                and toll_end <= match.start()
                and _NOT_THE_TOLLS_SINCE.search(text, toll_end, match.start())
            ):
                continue
            period = read(match, published)
            if period is not None:
                return period
    return None
