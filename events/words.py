"""The map of a one-word search at a million incidents: IncidentWord on PostgreSQL.

A word found in one incident in ten ("hospital": 88,000 incidents) cost the map 160-230 ms
counted from IncidentSearch, whose matching rows lie on every page of the table. IncidentWord
holds, for each word (a lexeme of the search documents) and point, how many published
incidents there are and their deaths: about 550,000 rows for a million incidents, so the map
of one word reads at most a few thousand of them.

Statement triggers on events_incidentsearch (TRIGGERS, migration 0014) append the change
each write made to a search row as signed `pending` rows; Tally.compact() folds them in, as
for IncidentSummary. A search of several words, a phrase or an exclusion is counted from
IncidentSearch as before.
"""

import re

from django.db import connection
from django.db.models import Sum

from . import search, triggers
from .models import IncidentWord
from .summary import Tally

TABLE = IncidentWord._meta.db_table
KEY = ["word", "latitude", "longitude"]
LOCK = 0x5EED_5A12
# What one search row contributes: one row per word of its document (`l`).
_words = "unnest(tsvector_to_array(document)) AS l"
_changed = " OR ".join(
    f"o.{column} IS DISTINCT FROM n.{column}"
    for column in ["document", "latitude", "longitude", "killed", "published"]
)

TRIGGERS = f"""
CREATE OR REPLACE FUNCTION events_words_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO {TABLE} (word, latitude, longitude, incidents, killed, pending)
        SELECT l, latitude, longitude, count(*), coalesce(sum(killed), 0), true
        FROM new_rows, {_words} WHERE published GROUP BY 1, 2, 3;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO {TABLE} (word, latitude, longitude, incidents, killed, pending)
        SELECT l, latitude, longitude, -count(*), -coalesce(sum(killed), 0), true
        FROM old_rows, {_words} WHERE published GROUP BY 1, 2, 3;
    ELSE
        INSERT INTO {TABLE} (word, latitude, longitude, incidents, killed, pending)
        SELECT l, latitude, longitude, sum(sign), sum(sign * coalesce(killed, 0)), true
        FROM (
            SELECT o.*, -1 AS sign FROM old_rows o JOIN new_rows n
                ON n.incident_id = o.incident_id WHERE {_changed}
            UNION ALL
            SELECT n.*, 1 AS sign FROM old_rows o JOIN new_rows n
                ON n.incident_id = o.incident_id WHERE {_changed}
        ) AS changed, {_words}
        WHERE published GROUP BY 1, 2, 3
        HAVING sum(sign) <> 0 OR sum(sign * coalesce(killed, 0)) <> 0;
    END IF;
    RETURN NULL;
END
$$;
{triggers.create("events_words", search.TABLE, "events_words_change")}
-- compact()'s ON CONFLICT target: one settled row per word and point.
CREATE UNIQUE INDEX IF NOT EXISTS word_settled_key ON {TABLE} (word, latitude, longitude)
    NULLS NOT DISTINCT WHERE NOT pending;
"""

DROP_TRIGGERS = f"""
{triggers.drop("events_words", search.TABLE)}
DROP FUNCTION IF EXISTS events_words_change();
DROP INDEX IF EXISTS word_settled_key;
"""

FILL = (
    f"INSERT INTO {TABLE} (word, latitude, longitude, incidents, killed, pending)"
    f" SELECT l, latitude, longitude, count(*), coalesce(sum(killed), 0), false"
    f" FROM {search.TABLE}, {_words} WHERE published GROUP BY 1, 2, 3"
)

WORDS = Tally(IncidentWord, KEY, LOCK, FILL, search.TABLE)
rebuild, compact, maybe_compact = WORDS.rebuild, WORDS.compact, WORDS.maybe_compact

_one_lexeme = re.compile(r"'((?:[^']|'')+)'")


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


def points(word, where):
    """[(lat, lon, incidents, killed)] per point of the published incidents with `word`,
    within `where` (a Q on latitude and longitude)."""
    maybe_compact()
    rows = (
        IncidentWord.objects.filter(where, word=word)
        .order_by()
        .values_list("latitude", "longitude")
        .annotate(n=Sum("incidents"), killed_sum=Sum("killed"))
    )
    return [row for row in rows if row[2]]


def count(word):
    """How many published incidents have `word`."""
    total = IncidentWord.objects.filter(word=word).aggregate(n=Sum("incidents"))["n"]
    return total or 0
