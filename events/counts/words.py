"""IncidentWord: published incidents counted by word (a lexeme of the search documents) and
point, on PostgreSQL.

A word found in one incident in ten ("hospital": 88,000 incidents) cost the map 160-230 ms
counted from IncidentSearch, whose matching rows lie on every page of the table. This table
holds about 550,000 rows for a million incidents, so one word's map and count read at most a
few thousand. Statement triggers on events_incidentsearch keep it (their SQL is in migration
0014), as a Tally.
"""

import re
from functools import lru_cache

from django.db import connection
from django.db.models import F

from ..models import IncidentWord
from . import search
from .sql import WORDS
from .tally import Tally

# The filters it can answer: a text search alone, when it comes to one word (can_answer()).
ANSWERS = frozenset({"q"})
# It has no month, governorate or type: not the histogram's nor the overview's counts.
MEASURES = frozenset({"total", "points"})
# What one row adds: incidents and deaths.
ROW = (F("incidents"), F("killed"))

TALLY = Tally(IncidentWord, WORDS.KEY, 0x5EED_5A12, WORDS.FILL, search.SEARCH.TABLE)
rebuild, compact, maybe_compact = TALLY.rebuild, TALLY.compact, TALLY.maybe_compact

_one_lexeme = re.compile(r"'((?:[^']|'')+)'")


@lru_cache(maxsize=1024)
def single_word(words):
    """The one lexeme that the search `words` (websearch syntax) comes to, or None: for
    several words, a phrase, an exclusion or only stop words."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT websearch_to_tsquery(%s::regconfig, %s)::text", [search.CONFIG, words]
        )
        query = cursor.fetchone()[0]
    match = _one_lexeme.fullmatch(query)
    return match.group(1).replace("''", "'") if match else None


def can_answer(chosen):
    return bool(chosen) and set(chosen) <= ANSWERS and single_word(chosen["q"]) is not None


def rows(chosen):
    """The IncidentWord rows (settled and pending) of the one word of the text."""
    maybe_compact()
    return IncidentWord.objects.filter(word=single_word(chosen["q"])).order_by()
