"""Sentences with their offsets, and what kind of statement each one is.

A bulletin mixes the news (today's incident), background (earlier incidents, "last month"),
and context (war-long totals, habitual activity: "have been carrying out strikes"). Only the
news feeds the primary event; background sentences become background events; context
sentences feed nothing.
"""

import functools
import re
from dataclasses import dataclass

_BOUNDARY = re.compile(
    r"(?<=[.!?])[\"'”’]?\s+(?=[\"“'‘(]?[A-Z0-9])|\n\s*\n|\n(?=\s*[A-Z])|\t\s*\t|\s(?=Tags\s)"
)
# Scraped pages glue a keyword list ("Tags Syria Aleppo IS") to the next sentence; it ends
# where an article or preposition starts the prose again.
_TAGS_END = re.compile(r"\s(?=(?:The|A|An|At|In|On|Syrian|Government|Regime)\s)")

BACKGROUND = re.compile(
    r"\b(?:last|past)\s+(?:month|year|summer|winter|spring|autumn|fall)\b|"
    r"\b(?:months|years)\s+ago\b|\bin\s+(?:19|20)\d\d\b|\bpreviously\b|\bin\s+the\s+past\b"
    # "in the past 24 hours", "in the past few days": the news's own period, not background
    r"(?!\s+(?:\d+|few|two|three|several)\s+(?:hours?|days?)\b)(?!\s+(?:day|week)\b)|"
    r"\bearlier\s+this\s+(?:year|month)\b|\bin\s+(?:january|february|march|april|june|july|"
    r"august|september|october|november|december)\b(?!\s+\d)|\bthis\s+follows\b|"
    r"\bin\s+(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\s+(?:19|20)\d\d\b|"  # "in September 2017": another month's news
    r"\b(?:a\s+)?similar\s+(?:attack|explosion|blast|strike|raid|bombing|shelling|massacre)s?\b|"
    r"\bthe\s+(?:previous|last)\s+(?:attack|time)\b|"
    r"\b(?:last|the\s+previous)\s+week['’]s\b|"  # "Last week's barrel bomb attack on Nawa"
    # an incident named by its year: "after a 2016 car bomb attack on its troops", "the 2013
    # sarin attack on Ghouta"
    r"\b(?:after|since|before|following|recalling|like)\s+(?:a|an|the)\s+(?:19|20)\d\d\s+"
    r"(?:[\w-]+\s+){0,3}?(?:attacks?|bombings?|strikes?|massacres?|raids?|blasts?|explosions?)\b",
    re.I,
)
# The news done to someone, then a clause of what was done to them before: "ISIL terrorists
# have executed a young man they kidnapped ... last month" (not "have said that ... killed").
_DONE_TO_ONE_TAKEN_BEFORE = re.compile(
    r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:executed|killed|beheaded|shot|shelled|bombed|struck|hit|"
    r"targeted|attacked|stormed|seized|captured|abducted|kidnapped|massacred|assassinated|"
    r"released|freed)\b[^.;]*?\b(?:they|he|she|who|whom|that|it)\s+(?:had\s+)?"
    # (what was done to the victim before: not "civilians who lived in Eastern Ghouta")
    r"(?:kidnapped|abducted|captured|detained|arrested|seized|took|held|imprisoned|taken)\b",
    re.I,
)
# The side blamed for the news, then what it did before: "Kurdish officials blamed the Islamic
# State group, which has carried out similar bombings in Hasakah in recent months": the
# sentence tells who did the news, its clause about the side no earlier incident.
_BLAMED_WHO_BEFORE = re.compile(
    r"\b(?:blam(?:ed|es|ing)|accus(?:ed|es|ing)|held\s+responsible|claimed\s+responsibility|"
    r"point(?:ed|s|ing)\s+(?:the\s+finger\s+)?(?:at|to)|suspected)\b[^.;]*?,\s+(?:which|who)\b"
    r"[^.;]*$",
    re.I,
)
# Each alternative starts a word, so the whole is tried only where a word starts: Python's
# engine tries each "\b" alternative at every position (2.4x slower over the dev sentences).
CONTEXT = re.compile(
    r"(?:(?<!\w)(?=\w)|^)(?:"
    r"\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|conflict|war|uprising|crisis|revolt|"
    r"(?:march\s+)?20\d\d)\b|\bconflict\s+(?:has|which)\b|"
    # "have been killed since 2011", "have been killed in the conflict", "in the past year";
    # not "have been killed in 24 hours of fighting", nor a wire lead's "have been killed in
    # air strikes on Douma": the news
    r"\bhave\s+been\s+killed\s+since\b|\bsince\b[^.;]{0,60}\bhave\s+been\s+killed\b|"
    # "865 people killed ... since strikes began", "since the intervention started"
    r"\bsince\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:began|started|begun)\b|"
    r"\bhave\s+been\s+killed\s+in\b(?!\s+(?:the\s+(?:past|last)\s+)?(?:a\s+)?"
    r"(?:\d+|a|one|two|three|four|five|few|several)[\s-]+(?:hours?|days?)\b)"
    r"(?=[^.;]*?\b(?:since|so\s+far|this\s+(?:year|month)|conflict|war|uprising|crisis|"
    r"revolution|weeks?|months?|years?|offensive|campaign)\b)|"
    r"\b(?:has|have)\s+(?:recently|repeatedly|regularly|frequently|often)\b|\bregularly\b|"
    r"\brepeatedly\b|\bin\s+total\b|\bso\s+far\s+this\s+year\b|\bhave\s+since\b|"
    r"\bhave\s+been\s+(?:supporting|carrying|battling|fighting|backing)\b|"
    r"\bthe\s+war\s+(?:has|which|that)\b|"
    # a country's toll, and a place's since a month: "killed across Syria on Wednesday", "had
    # died of starvation in the town since December"
    # (the dead's: not "jets struck towns across Syria", "the town, besieged since December")
    # (nor "killed two in the city that has been divided since July 2012")
    r"\b(?:killed|died|dead|deaths)\b(?:(?!\b(?:that|which|where|who)\b)[^.;,]){0,60}?"
    r"\b(?:(?:across|throughout|all\s+over)\s+"
    r"(?:syria|the\s+country)\b|nationwide\b|since\s+(?:early\s+|late\s+|mid-?)?"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\b)|"
    # "the toll for Russian soldiers killed in the Syrian conflict": the whole war's dead
    r"\b(?:killed|died)\s+(?:in|during)\s+(?:the\s+|syria['’]s\s+)?(?:[\w-]+\s+)?"
    r"(?:conflict|war|civil\s+war|uprising)(?![\w'’-])|\bmore\s+than\s+[\d,]+\s+people\s+have\b|^Tags\s)",
    re.I,
)


# A clause that sums up more than the incident: "..., bringing to 150 the number of civilians
# killed in the province since the start of the month". When the context is in it, the
# sentence before it is still the news.
_SUMMING_UP = re.compile(
    r"[,;]\s+(?:bringing|raising|taking|pushing|putting)\b|"
    r"[,;]\s+(?:which|this)\s+(?:brings|raises|takes|pushes|puts)\b|"
    # a headline's "... and raise the death toll to more than 270 since the agreement"
    r"\s(?:and|to)\s+(?:brings?|raises?|push(?:es)?|takes?|puts?)\s+the\s+(?:death\s+)?"
    r"(?:toll|number)\b|"
    # a sentence of its own: "The deaths bring to more than 500 the number of civilians ..."
    r"^\s*(?:[\w'’-]+\s+){0,3}?(?:brings?|brought|raises?|raised|takes?|took|push(?:es|ed)?)"
    r"\s+(?:to\b|the\s+(?:death\s+)?(?:toll|number)\b)",
    re.I,
)
# A clause of the place after the sentence's own telling, running to its end without another
# comma: where the war's context ("where fighters have been battling troops for months") sits
# (not "which it has repeatedly bombed": what a side does there again is the news's context).
_TRAILING_CLAUSE = re.compile(r",\s+where\b(?=[^,;]*$)", re.I)
_PERIOD_WORDS = re.compile(
    r"\bsince\b|\bso\s+far\b|\bthis\s+(?:year|month|week)\b|\bin\s+total\b|"
    # "the week's toll", "the overall toll", "in the past three days", "of the offensive"
    r"\b(?:day|week|weekend|month|year)['’]s\b|\b(?:overall|cumulative)\b|"
    r"\b(?:past|last|previous)\s+(?:[\w-]+\s+)?(?:hours|days|weeks|months)\b|"
    r"\b(?:offensive|campaign|escalation|onslaught)\b",
    re.I,
)
# "...; last week 30 people were killed in similar attacks": after a semicolon, a clause
# of another time tells of other incidents.
_CLAUSE = re.compile(r";\s+")
_EARLIER = re.compile(
    r"\b(?:last|previous)\s+(?:week|weekend|night|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\b|\b(?:days|weeks)\s+(?:ago|earlier)\b|\bsimilar\s+attacks\b|"
    r"\bearlier\s+(?:this|last)\s+week\b",
    re.I,
)
# A sentence that opens on an earlier time ("Last week, 14 people were killed", "Two days ago,
# ...") or tells of earlier strikes' dead ("after earlier strikes killed nine"): after the
# news, another incident (the pipeline decides, knowing the news: the only news is told so
# too, "Two days ago, regime helicopters dropped barrel bombs ...").
_TELLS_EARLIER = re.compile(
    r"^\W*(?:last\s+week|earlier\s+this\s+week|(?:a|one|two|three|four|five|six|several|a\s+few|"
    r"\d{1,2})\s+(?:days?|weeks?)\s+(?:ago|earlier|before))\b|"
    r"\bearlier\s+(?:strikes|attacks|raids|air\s*strikes|airstrikes|shelling|bombings|"
    r"bombardment)\s+(?:that\s+|which\s+)?(?:had\s+)?(?:killed|left)\b",
    re.I,
)
# A sentence that opens on another incident: "Separately, shelling killed five in Douma".
_SUPERLATIVE = re.compile(
    # (within a clause's reach: an unbounded look for "since" is quadratic in a long sentence)
    # (and its abbreviations' dots: "since a U.N.-brokered ceasefire")
    # ("the first major attack in the city since the start of the conflict" ranks it too)
    r"\b(?:deadliest|worst|bloodiest|largest|biggest|heaviest|first|most\s+serious)\b"
    r"(?:[^.;]|(?<=\b[A-Z])\.(?=[A-Z-])){0,200}?\bsince\b"
    # ... to the clause's end, or to the news's own verb ("The worst violence since a truce
    # began killed 30 civilians in Atareb on Monday": the comparison ends before "killed")
    r"(?:(?!\b(?:killed|killing|kills|left|leaving|claimed|hit|struck|wounded)\b)[^.;,]"
    r"|(?<=\b[A-Z])\.(?=[A-Z-]))*",
    re.I,
)
# The words that turn to another incident ("Separately, ...", "In the meantime, ..."): a
# sentence opening on them (SEPARATE, read by the gazetteer too), and the pipeline's look for
# them anywhere.
ANOTHER_STORY_WORDS = (
    r"separately|elsewhere|meanwhile|in\s+the\s+meantime|in\s+other\s+(?:developments?|news)\b"
)
SEPARATE = re.compile(
    rf"^\W*(?:{ANOTHER_STORY_WORDS}|in\s+(?:a|another)\s+separate\b|"
    r"in\s+another\s+(?:attack|incident|strike|raid|bombing|development)\b)",
    re.I,
)


# An aside about a place or a party, between commas in a sentence that tells its own toll:
# "Air strikes on Douma, besieged by government forces since 2013, killed 4", "Saraqeb, two
# years after a chemical attack there, ...". Its dates, kinds of attack and figures are not the
# news's.
_SINCE_THEN = (
    r"(?:(?:a|an|one|two|three|four|five|six|several|few|\d{1,2})\s+(?:days?|weeks?|months?|"
    r"years?)|(?:hours|days|weeks|months|years))\s+(?:after|since)"
)
# "In a month that has seen more than 500 civilians killed across Syria, an air strike ...":
# a period's dead, opening the sentence that tells the incident.
_PERIOD_THAT = (
    r"(?:in|during)\s+(?:a|the)\s+(?:day|week|fortnight|month|year|period)\s+"
    r"(?:that|which|when|in\s+which)\b"
)
_PERIOD_OPENING = re.compile(r"^\W*" + _PERIOD_THAT, re.I)
_ASIDE = re.compile(
    r"(?:,\s+(?:which|where|who|whose|whom|besieged|held|controlled|encircled|surrounded|"
    r"home\s+to|a\s+(?:town|city|village|district|suburb|neighbou?rhood|area|region)\s+of|"
    + _SINCE_THEN
    # and opening the sentence: "A week after an air strike killed 11 in Ariha, ..." (an
    # aside runs to a comma or closes the sentence: "..., a day after twin blasts killed a
    # cleric.")
    + r")|^\W*(?:"
    + _SINCE_THEN
    + r"|"
    + _PERIOD_THAT
    + r"))\b(?:[^,;.]|(?<=\d)[,.](?=\d)){0,160}?(?=,(?!\d)|[.!?]?[\"'”’)]*\s*$)",
    re.I,
)
# An aside of another time than the news's, and words that make a clause the news's own.
_OTHER_TIME = re.compile(
    r"\bsince\b|\bin\s+(?:19|20)\d\d\b|\b(?:hours?|days?|weeks?|months?|years?)\s+(?:ago|after|earlier|"
    r"before|since)\b|\blast\s+(?:year|month)\b|^\W*" + _PERIOD_THAT,
    re.I,
)
_NEWS_IN_ASIDE = re.compile(
    r"\b(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)\b|"
    r"\b(?:fired|shelled|struck|bombed|hit|launched|targeted|attacked|rockets?|missiles?|shells?|"
    r"bombs?|raids?|air\s*strikes?)\b",
    re.I,
)
_TOLL_VERB = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|dead|died|wound(?:ed|ing|s)?|injur(?:ed|ing|es)|martyred|"
    r"(?:burned|burnt|stabbed|beaten|tortured|starved|suffocated|choked)\s+to\s+death)\b",
    re.I,
)


def _blank(text, spans):
    """The text with these spans written as spaces: offsets stay where they were."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    # A clause split off its sentence as another incident ("..., while a car bomb in Azaz
    # killed 10"): the clause before it, (start, text), whose day it shares if it names none.
    told_with: tuple[int, str] | None = None
    # In a paragraph that opened on another incident ("Meanwhile, army units killed ... A
    # military source said army units targeted ..."): that incident's telling goes on.
    in_separate_paragraph: bool = False
    # The date line above it or opening its line, merged into it ("Updated Sep 17, 2018. ..."):
    # its length, the publication's date, no day of the news.
    dateline: int = 0

    @functools.cached_property
    def asides(self):
        """[(start, end)] in the sentence of its asides (see _ASIDE), when the rest of it
        tells a toll itself. An aside that tells of another time ("since 2013", "two years
        after", "in 2016") is one; a clause that tells a toll, an attack or a day of its own
        ("The strike, which killed 12 people, hit ...", "Rebels, who fired rockets into Aleppo
        on Sunday, killed 5") is the news."""
        found = [
            m.span()
            for m in _ASIDE.finditer(self.text)
            # (a period's opening is an aside when it tells the period's dead: "In a month that
            # saw the heaviest bombing of the war, air strikes killed 400" is that month's toll)
            if not (_PERIOD_OPENING.match(m.group()) and not _TOLL_VERB.search(m.group()))
            and (
                _OTHER_TIME.search(m.group())
                or not (_TOLL_VERB.search(m.group()) or _NEWS_IN_ASIDE.search(m.group()))
            )
        ]
        if not found or not _TOLL_VERB.search(_blank(self.text, found)):
            return []
        return found

    @property
    def blanked(self):
        """The text with its asides written as spaces."""
        return _blank(self.text, self.asides) if self.asides else self.text

    @functools.cached_property
    def compared(self):
        """The text without its asides and its superlative comparison ("making this the
        deadliest attack on a school since the war began five years ago"), which date no
        other incident: written as spaces, so that offsets stay the sentence's."""
        compared = _blank(_blank(self.text, self.asides), self.comparisons)
        return " " * self.dateline + compared[self.dateline :] if self.dateline else compared

    @functools.cached_property
    def comparisons(self):
        """[(start, end)] of its superlative comparisons ("the deadliest day for the area
        since a 2013 chemical attack"): the attack compared with is not the news's."""
        return [m.span() for m in _SUPERLATIVE.finditer(self.text)]

    @functools.cached_property
    def is_background(self):
        end = self._earlier_clause
        if self.context_clause:
            # "..., bringing the number killed since the offensive began in April to 950": the
            # clause that sums up more than the incident dates no earlier incident
            end = min(end, self.context_clause) if end is not None else self.context_clause
        text = self.compared
        return any(
            # (not the time of a clause about the victim after the news: "have executed a young
            # man they kidnapped ... last month")
            not _DONE_TO_ONE_TAKEN_BEFORE.search(text, 0, found.start())
            and not _BLAMED_WHO_BEFORE.search(text, 0, found.start())
            for found in BACKGROUND.finditer(text, 0, len(self.text) if end is None else end)
        )

    @functools.cached_property
    def _earlier_clause(self):
        """Where a clause after a semicolon tells of earlier incidents, when the news before
        it does not ("Shelling killed 4 in Jobar; last week 30 were killed"), else None."""
        for found in _CLAUSE.finditer(self.text):
            rest = self.text[found.end() :]
            if BACKGROUND.search(rest) or _EARLIER.search(rest):
                before = self.text[: found.start()]
                return None if BACKGROUND.search(before) else found.start()
        return None

    @property
    def is_context(self):
        return self.context_clause == 0

    @functools.cached_property
    def context_clause(self):
        """Where its context starts in the text: 0 when the sentence is context, the start of
        a clause summing up more than the incident when the context is in it, else None."""
        text = self.compared
        found = CONTEXT.search(text)
        summing_up = _SUMMING_UP.search(text, 0, found.start() if found else len(text))
        earlier = self._earlier_clause
        if summing_up and (found or _PERIOD_WORDS.search(text, summing_up.end())):
            # "..., which brings the toll since February 18 to 400"
            return min(summing_up.start(), earlier) if earlier else summing_up.start()
        if found:
            if earlier and earlier <= found.start():
                return earlier
            # "... fired by rebels from the district of Jobar, where fighters have been battling
            # troops for months.": the clause that ends the sentence is the context, not what
            # it tells before
            trailing = _TRAILING_CLAUSE.search(text)
            if trailing and trailing.start() < found.start():
                return trailing.start()
            return 0
        return earlier

    @functools.cached_property
    def tells_earlier(self):
        """Does it open on an earlier time or tell of earlier strikes' dead (_TELLS_EARLIER)?"""
        return bool(_TELLS_EARLIER.search(self.compared))

    @property
    def is_separate(self):
        """Does it open on another incident ("Separately, ...", "Elsewhere, ..."), or go on
        telling one in the paragraph that opened on it?"""
        return self.in_separate_paragraph or bool(SEPARATE.match(self.text))


def _split_tags(text, start, end):
    if not text.startswith("Tags", start):
        return [(start, end)]
    found = _TAGS_END.search(text, start, end)
    return [(start, found.start()), (found.end(), end)] if found else [(start, end)]


# "Shelling killed seven in Douma, while a car bomb in Azaz killed 10": a clause after
# ", while" or ";" that tells its own attack and toll is another incident, told as a sentence
# of its own (not "; the raids also wounded 20": the same raids).
_INCIDENT_JOINT = re.compile(r",\s+while\s+|;\s+", re.I)
_WEAPON_WORD = re.compile(
    r"\b(?:air\s*strikes?|airstrikes?|raids?|shell(?:ing|s|ed)?|car\s+bombs?|bomb(?:s|ing|ings)?|"
    r"blasts?|explosions?|rockets?|missiles?|mortars?|barrel\s+bombs?|drones?|jets?|"
    r"warplanes?|artillery|suicide\s+\w+|gunmen|snipers?|clashes)\b",
    re.I,
)
_SAME_ONE = re.compile(
    r"\balso\b|\bthe\s+same\b|\b(?:the|these|those)\s+(?:air\s*)?(?:strikes?|raids?|attacks?|"
    r"shelling|bombing|bombs|blasts?|explosions?|missiles|rockets|shells|jets|warplanes|planes)\b",
    re.I,
)


def _split_incidents(text, start, end):
    for joint in _INCIDENT_JOINT.finditer(text, start, end):
        before, after = text[start : joint.start()], text[joint.end() : end]
        if (
            _TOLL_VERB.search(before)
            and _TOLL_VERB.search(after)
            and _WEAPON_WORD.search(after)
            and not _SAME_ONE.search(after)
            and not (BACKGROUND.search(after) or _EARLIER.search(after))  # (_earlier_clause's)
        ):
            first = (start, joint.start())
            rest = _split_incidents(text, joint.end(), end)
            return [(*first, None), *((a, b, told or first) for a, b, told in rest)]
    return [(start, end, None)]


# A line that is only a date ("21 February 2013", "Thu 21 Feb 2013", "February 21, 2013",
# "Published 2016-04-28 10:30"), above a story as scraped copy often has it, or opening the
# line of its first sentence ("Updated Sep 16, 2018. The US-backed ...").
_DATE_LINE = re.compile(
    r"(?:(?:published|updated|posted)(?:\s+on)?:?\s+)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\.?,?\s+\d{4}|[a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{4}-\d\d-\d\d|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})"
    r"(?:,?\s+\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,5})?)?\.?",
    re.I,
)


def _opens_line(text, position):
    before = position
    while before and text[before - 1] in " \t":
        before -= 1
    return before == 0 or text[before - 1] == "\n"


def sentences(text):
    """Non-empty sentences of `text`, each with its character span. A line that is only a date
    opens the sentence after it (it is no sentence of the story's lead)."""
    result = []
    position = 0
    pieces = []
    for match in _BOUNDARY.finditer(text):
        pieces.append((position, match.start()))
        position = match.end()
    pieces.append((position, len(text)))
    pieces = [part for start, end in pieces for part in _split_tags(text, start, end)]
    pieces = [part for start, end in pieces for part in _split_incidents(text, start, end)]
    separate = False  # the paragraph so far opened on another incident
    # (only in a text told in paragraphs, a headline and two or more: a story run on as one
    # block, as scraped copy often is, may come back to its news in the next sentence)
    paragraphed = sum(1 for line in text.splitlines() if line.strip()) >= 3
    dated = None  # where a date line above the next sentence starts
    for start, end, told_with in pieces:
        chunk = text[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        start += lead
        if _DATE_LINE.fullmatch(stripped) and (
            "\n" in text[start + len(stripped) : start + len(stripped) + 3]
            # (or opening the line its story runs on: "Updated Sep 16, 2018. The US-backed")
            or _opens_line(text, start)
        ):
            dated = start if dated is None else dated
            continue
        dateline = 0
        if dated is not None:
            dateline = start - dated
            start, stripped, dated = dated, text[dated : start + len(stripped)], None
        if told_with is not None:
            told_with = (told_with[0], text[told_with[0] : told_with[1]])
        if not result or "\n" in text[result[-1].end : start]:
            separate = False  # a new paragraph
        result.append(
            Sentence(
                len(result), start, start + len(stripped), stripped, told_with, separate, dateline
            )
        )
        # (a paragraph that opens on another incident: told with a weapon or a toll, not
        # "Meanwhile, rescuers were still searching", which goes on with the news)
        separate = paragraphed and (
            separate
            or bool(
                SEPARATE.match(stripped)
                and (_WEAPON_WORD.search(stripped) or _TOLL_VERB.search(stripped))
            )
        )
    return result
