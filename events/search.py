"""The text search (`q`) at a million incidents: IncidentSearch on PostgreSQL.

An incident matches when the title or text of one of its reports' bulletins, or one of its
reports' headlines, holds the words. Searching bulletins and headlines and then joining to
incidents cost seconds for a common word ("hospital": 88,000 incidents); IncidentSearch holds
those words per incident (a tsvector under a GIN index) with the incident's location, toll
and status beside them, so the list finds a page by walking incidents newest first and
probing one row each, and the map counts every match from these rows alone, without the
incidents' wide rows. (Many matches still cost the map 150-230 ms at a million incidents:
they are spread over the whole table, which holds the words inline, about 400 bytes a row;
so one word alone is counted from IncidentWord, see events/words.py.)

Triggers (TRIGGERS, installed by migration 0013) keep it: statement triggers on
events_incident insert, update and delete its rows; those on events_report and
events_bulletin recompute the words of the incidents whose reports or bulletins changed, in
the same transaction. Nothing else writes it.
"""

from django.contrib.postgres.search import SearchQuery
from django.db import connection, transaction

from . import triggers
from .models import IncidentSearch, ReviewStatus
from .summary import available  # noqa: F401 (search.available(): PostgreSQL, as the summary)

TABLE = IncidentSearch._meta.db_table
CONFIG = "english"  # the text search configuration of the documents and of the queries


def document(incident_id):
    """SQL: the words of the incident whose id is the SQL expression `incident_id`: its
    bulletins (each once, title and text) and its reports' headlines."""
    return f"""to_tsvector('{CONFIG}', concat_ws(' ',
    (SELECT string_agg(concat_ws(' ', b.title, b.text), ' ') FROM events_bulletin AS b
     WHERE b.id IN (SELECT r.bulletin_id FROM events_report AS r
                    WHERE r.incident_id = {incident_id})),
    (SELECT string_agg(r.headline, ' ') FROM events_report AS r
     WHERE r.incident_id = {incident_id})))"""


PUBLISHED = f"status <> '{ReviewStatus.REJECTED.value}'"
MONTH = "date_trunc('month', date::timestamp)::date"
N_PUBLISHED = f"n.status <> '{ReviewStatus.REJECTED.value}'"
N_MONTH = "date_trunc('month', n.date::timestamp)::date"

TRIGGERS = f"""
CREATE OR REPLACE FUNCTION events_search_refresh(ids bigint[]) RETURNS void
LANGUAGE sql AS $$
    UPDATE {TABLE} AS s SET document = {document("s.incident_id")}
    WHERE s.incident_id = ANY(ids)
$$;

CREATE OR REPLACE FUNCTION events_search_incident() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO {TABLE} (incident_id, latitude, longitude, month, killed, published)
        SELECT id, latitude, longitude, {MONTH}, killed_total_best, {PUBLISHED} FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM {TABLE} AS s USING old_rows AS o WHERE s.incident_id = o.id;
    ELSE
        UPDATE {TABLE} AS s
        SET latitude = n.latitude, longitude = n.longitude, month = {N_MONTH},
            killed = n.killed_total_best, published = {N_PUBLISHED}
        FROM new_rows AS n
        WHERE s.incident_id = n.id
          AND (s.latitude, s.longitude, s.month, s.killed, s.published) IS DISTINCT FROM
              (n.latitude, n.longitude, {N_MONTH}, n.killed_total_best, {N_PUBLISHED});
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION events_search_report() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT incident_id) INTO ids FROM new_rows
        WHERE incident_id IS NOT NULL;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT incident_id) INTO ids FROM old_rows
        WHERE incident_id IS NOT NULL;
    ELSE
        -- Both incidents of a report that moved (a merge), the one of a report that changed.
        SELECT array_agg(DISTINCT affected.incident) INTO ids
        FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id,
             unnest(ARRAY[o.incident_id, n.incident_id]) AS affected(incident)
        WHERE (o.incident_id, o.bulletin_id, o.headline)
              IS DISTINCT FROM (n.incident_id, n.bulletin_id, n.headline)
          AND affected.incident IS NOT NULL;
    END IF;
    IF ids IS NOT NULL THEN
        PERFORM events_search_refresh(ids);
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION events_search_bulletin() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    SELECT array_agg(DISTINCT r.incident_id) INTO ids
    FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id
    JOIN events_report AS r ON r.bulletin_id = n.id
    WHERE (o.title, o.text) IS DISTINCT FROM (n.title, n.text) AND r.incident_id IS NOT NULL;
    IF ids IS NOT NULL THEN
        PERFORM events_search_refresh(ids);
    END IF;
    RETURN NULL;
END
$$;

{triggers.create("events_search", "events_incident", "events_search_incident")}
{triggers.create("events_search_report", "events_report", "events_search_report")}
{triggers.create("events_search_bulletin", "events_bulletin", "events_search_bulletin", ["update"])}

-- ?q=: WHERE document @@ websearch_to_tsquery('english', …).
CREATE INDEX IF NOT EXISTS incident_search_document_gin ON {TABLE} USING gin (document);
"""

DROP_TRIGGERS = f"""
{triggers.drop("events_search", "events_incident")}
{triggers.drop("events_search_report", "events_report")}
{triggers.drop("events_search_bulletin", "events_bulletin", ["update"])}
DROP FUNCTION IF EXISTS events_search_incident();
DROP FUNCTION IF EXISTS events_search_report();
DROP FUNCTION IF EXISTS events_search_bulletin();
DROP FUNCTION IF EXISTS events_search_refresh(bigint[]);
DROP INDEX IF EXISTS incident_search_document_gin;
"""

FILL = f"""
INSERT INTO {TABLE} (incident_id, latitude, longitude, month, killed, published, document)
SELECT id, latitude, longitude, {MONTH}, killed_total_best, {PUBLISHED}, {document("i.id")}
FROM events_incident AS i
"""


def rebuild():
    """Every incident's search row afresh: after a load that bypassed the triggers, or to
    repair. Writers to incidents, reports and bulletins wait meanwhile."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("LOCK TABLE events_incident, events_report, events_bulletin IN SHARE MODE")
        cursor.execute(f"DELETE FROM {TABLE}")
        cursor.execute(FILL)
        cursor.execute(f"ANALYZE {TABLE}")


def matching(words):
    """IncidentSearch rows whose words match `words` (websearch syntax: "quoted phrases",
    or, -excluded), published or not."""
    query = SearchQuery(words, config=CONFIG, search_type="websearch")
    return IncidentSearch.objects.filter(document=query)


def search_filter(cleaned_data):
    """The published IncidentSearch rows matching the text when it is the only filter (the
    map and the count then read nothing else), or None."""
    words = (cleaned_data.get("q") or "").strip()
    others = [
        value
        for name, value in cleaned_data.items()
        if name not in ("q", "order") and value not in (None, "")
    ]
    if not words or others:
        return None
    return matching(words).filter(published=True)
