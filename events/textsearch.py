"""The text search (`q`) on SQLite, meaning what PostgreSQL's does (events/counts/search.py).

PostgreSQL matches `websearch_to_tsquery('english', q)` against `to_tsvector('english', …)` of
an incident's bulletins and headlines: whole words, stemmed by Snowball's English stemmer
("strikes" finds "striking"), common words ignored, "quoted phrases" as words in a row,
`or` between alternatives, `-word` to exclude; a word in Arabic script is a whole word too
(حلب does not find الحلبي). SQLite has no such search, so this module parses the query the
same way, narrows the incidents in SQL to those whose texts hold each word's stem as a
substring (a stem is a prefix of every word it comes from, but for its last letter: "citi"
of "city"), then reads those texts and keeps the incidents whose words match.

For the few thousand incidents of a development database; PostgreSQL serves the large ones.
"""

import functools
import json
import re
from dataclasses import dataclass, field

import snowballstemmer
from django.db.models import Exists, OuterRef, Q
from django.db.models.expressions import RawSQL

from .models import Report

# PostgreSQL's english.stop (tsearch_data), which is Snowball's English stop word list.
STOP_WORDS = frozenset(
    """i me my myself we our ours ourselves you your yours yourself yourselves he him his
    himself she her hers herself it its itself they them their theirs themselves what which
    who whom this that these those am is are was were be been being have has had having do
    does did doing a an the and but if or because as until while of at by for with about
    against between into through during before after above below to from up down in out on
    off over under again further then once here there when where why how all any both each
    few more most other some such no nor not only own same so than too very s t can will
    just don should now""".split()
)
# Porter2's irregular forms whose stem is not a prefix of the word but for its last letter.
IRREGULAR_PREFIXES = {"die": "d", "lie": "l", "tie": "t", "sky": "sk"}

WORD = re.compile(r"[^\W_]+")
# PostgreSQL's parser reads a web address as one token (its host, its path), not as words:
# "…/regime-forces-shell-…/" does not match "shell"; the address runs to the next space. A
# scheme is short: unbounded, "a-a-a-…" was tried from every hyphen to the end of the text.
URL = re.compile(r"(?:\b[a-z][a-z0-9+.-]{0,31}://|\bwww\.)\S+", re.IGNORECASE)
_stemmer = snowballstemmer.stemmer("english")


@functools.lru_cache(maxsize=100_000)
def lexeme(token):
    """A word as to_tsvector('english') keeps it: lower case, stemmed; None for a stop word."""
    word = token.lower()
    if word in STOP_WORDS:
        return None
    if word.isascii() and word.isalpha():
        return _stemmer.stemWord(word)
    return word  # numbers and other scripts are kept whole


def prefix(stem):
    """What every word with this stem starts with (for the SQL that narrows the incidents)."""
    return IRREGULAR_PREFIXES.get(stem) or (stem[:-1] if len(stem) > 1 else stem)


@dataclass
class Term:
    """A word or a phrase: lexemes at their relative positions (None: a stop word's place)."""

    lexemes: list
    negated: bool = False

    @property
    def words(self):
        return [word for word in self.lexemes if word]


@dataclass
class Query:
    """Alternatives (`or`), each a list of terms that must all hold."""

    branches: list = field(default_factory=list)

    @property
    def empty(self):
        return not any(term.words for branch in self.branches for term in branch)


# The words and phrases a search holds at most: each is a pass over the texts where no index
# serves (SQLite), and ten make the longest search analysts write ("air strike" or shelling
# or mortar or ...); 66 negated letters in 200 characters took every page 3 s.
MAX_TERMS = 10


def terms_in(query):
    """How many words and phrases the parsed query holds."""
    return sum(len(branch) for branch in query.branches)


def parse(text):
    """websearch_to_tsquery's reading of `text`: "phrases", `or`, -exclusions, words."""
    branches, terms = [], []
    pattern = re.compile(r'(-*)"([^"]*)"?|(\S+)')
    # Each minus negates what follows, alone or written on it ("- strike", "-strike": not
    # strike; "--strike": strike), as websearch_to_tsquery reads them.
    minuses = 0
    for match in pattern.finditer(text):
        signs, phrase, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None and bare.lower() == "or" and terms:
            branches.append(terms)
            terms, minuses = [], 0
            continue
        if bare is not None:
            phrase = bare.lstrip("-")
            signs = bare[: len(bare) - len(phrase)]
            if not phrase:
                minuses += len(signs)
                continue
        lexemes = [lexeme(token) for token in WORD.findall(phrase)]
        if any(lexemes):
            terms.append(Term(lexemes, negated=(minuses + len(signs)) % 2 == 1))
        minuses = 0
    if terms:
        branches.append(terms)
    # A branch of stop words only is dropped, as PostgreSQL drops it.
    return Query([branch for branch in branches if any(term.words for term in branch)])


def positions(text, wanted):
    """{lexeme: [positions]} of the words of `text` whose lexeme is wanted."""
    found = {}
    text = URL.sub(" ", text)
    starts = tuple(prefix(word) for word in wanted)
    if not (text.isascii() and all(start.isascii() for start in starts)):
        return _positions_word_by_word(text, wanted, starts)
    # An ASCII text (most are) is searched for the words' starts in one pass of the regex
    # engine, and the words between are only counted: reading every word in Python took 4 s
    # over the 16,000 incidents `make run` loads (a search for "strike" on SQLite).
    # (a start that is no word's, "a_", starts no word: WORD splits it)
    heads = sorted({start for start in starts if WORD.fullmatch(start)})
    if not heads:
        return found
    found_at = re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, heads)) + r")[^\W_]*", re.I)
    position, end = 0, 0
    for match in found_at.finditer(text):
        position += len(WORD.findall(text, end, match.start()))
        word = lexeme(match.group().lower())
        if word in wanted:
            found.setdefault(word, []).append(position)
        position, end = position + 1, match.end()
    return found


def _positions_word_by_word(text, wanted, starts):
    found = {}
    for position, match in enumerate(WORD.finditer(text)):
        token = match.group().lower()
        if not token.startswith(starts):
            continue
        word = lexeme(token)
        if word in wanted:
            found.setdefault(word, []).append(position)
    return found


def holds(term, found):
    """Whether the term's words are in the text, a phrase's in a row (stop words keeping
    their places, as in PostgreSQL's phrase search)."""
    offsets = [(offset, word) for offset, word in enumerate(term.lexemes) if word]
    first_offset, first = offsets[0]
    # (each later word's positions as a set: a phrase of common words in a long text)
    later = [(offset, set(found.get(word, ()))) for offset, word in offsets[1:]]
    for start in found.get(first, ()):
        base = start - first_offset
        if all(base + offset in at for offset, at in later):
            return True
    return False


def matches(query, text):
    wanted = {word for branch in query.branches for term in branch for word in term.words}
    found = positions(text, wanted)
    return any(
        all(holds(term, found) != term.negated for term in branch) for branch in query.branches
    )


def _narrowing(query):
    """Q on incidents: for one of the branches, a report text holds each of its words'
    prefixes. Narrows; matches() decides."""
    texts = ("headline", "bulletin__title", "bulletin__text")
    either = Q(pk__in=[])
    for branch in query.branches:
        words = {word for term in branch if not term.negated for word in term.words}
        if not words:
            return Q()  # exclusions only: every incident is a candidate
        condition = Q()
        for word in sorted(words):
            holding = Q()
            for name in texts:
                holding |= Q(**{f"{name}__icontains": prefix(word)})
            condition &= Exists(Report.objects.filter(holding, incident=OuterRef("pk")))
        either |= condition
    return either


def filter_incidents(queryset, text):
    """The incidents of `queryset` whose bulletins (title, text) or report headlines match
    `text` as PostgreSQL's websearch would."""
    query = parse(text)
    if query.empty:
        return queryset.none()  # PostgreSQL: "contains only stop words", nothing found
    candidates = queryset.filter(_narrowing(query)).order_by().values_list("pk", flat=True)
    documents = {}
    seen = set()
    reports = Report.objects.filter(incident__in=candidates).values_list(
        "incident_id", "bulletin_id", "bulletin__title", "bulletin__text", "headline"
    )
    for incident, bulletin, title, body, headline in reports.iterator(chunk_size=2000):
        parts = documents.setdefault(incident, [])
        if bulletin is not None and (incident, bulletin) not in seen:
            seen.add((incident, bulletin))
            parts.append(f"{title} {body}")
        if headline:
            parts.append(headline)
    ids = [pk for pk, parts in documents.items() if matches(query, " ".join(parts))]
    if matches(query, ""):  # exclusions alone: an incident without any text matches too
        ids += [pk for pk in candidates if pk not in documents]
    # One parameter however many ids (SQLite limits the number of parameters).
    return queryset.filter(pk__in=RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)]))
