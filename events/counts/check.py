"""Whether the counting tables agree with the incidents they count (bench/load.py asks after
concurrent writes; so can anyone who suspects them). PostgreSQL only."""

from django.db import connection

from .sql import (
    BREAKDOWN,
    FACET_BREAKDOWN,
    FACET_TOLL_BREAKDOWN,
    FACETS,
    MAP_FACETS,
    PLACE_BREAKDOWN,
    SEARCH,
    SUMMARY,
    TOLL_BREAKDOWN,
    WORDS,
)

# What one incident row contributes to the summary's key (in SUMMARY.KEY's order), as the
# triggers of migration 0031 count it.
ROW_KEY = [
    "latitude",
    "longitude",
    "date_trunc('month', date::timestamp)::date",
    "governorate_id",
    "district_id",
    "event_type",
    "perpetrator_groups",
    "place_id",
]
# And to its figures (in SUMMARY.MEASURES's order).
ROW_FIGURES = [
    "count(*)",
    "coalesce(sum(killed_total_best), 0)",
    "coalesce(sum(coalesce(killed_total_low, killed_total_best)), 0)",
    "coalesce(sum(coalesce(killed_total_high, killed_total_best)), 0)",
    "coalesce(sum(killed_civilians_best), 0)",
    "coalesce(sum(coalesce(killed_civilians_low, killed_civilians_best)), 0)",
    "coalesce(sum(coalesce(killed_civilians_high, killed_civilians_best)), 0)",
    "count(*) FILTER (WHERE date_precision = 'day' AND date IS NOT NULL)",
    "count(*) FILTER (WHERE geo_precision = 'place')",
]
# And each incident's own (the search rows' figures, as migration 0037 writes them).
ROW_FIGURE_VALUES = [
    "coalesce(i.killed_total_low, i.killed_total_best, 0)",
    "coalesce(i.killed_total_high, i.killed_total_best, 0)",
    "coalesce(i.killed_civilians_best, 0)",
    "coalesce(i.killed_civilians_low, i.killed_civilians_best, 0)",
    "coalesce(i.killed_civilians_high, i.killed_civilians_best, 0)",
    "CASE WHEN i.date_precision = 'day' AND i.date IS NOT NULL THEN 1 ELSE 0 END",
    "CASE WHEN i.geo_precision = 'place' THEN 1 ELSE 0 END",
]
# What the summary, and the search rows' `published`, count: what every page counts by default.
PUBLISHED = "(status <> 'rejected' AND NOT aggregate)"
# And to the facets' key (FACETS.KEY), as migration 0032 counts it: every status.
FACETS_ROW_KEY = [
    *ROW_KEY,
    "CASE WHEN merged_into_id IS NULL THEN status ELSE 'merged' END",
    "source",
    "CASE WHEN killed_total_best IS NULL THEN NULL ELSE least(killed_total_best, 100) END",
    "aggregate",
]
# And to the breakdowns' key (BREAKDOWN.KEY), as migration 0033 counts it.
BREAKDOWN_ROW_KEY = [ROW_KEY[2], "governorate_id", "event_type", "perpetrator_groups"]
# And to the facets' breakdowns' key (FACET_BREAKDOWN.KEY), as migration 0035 counts it.
PRECISION = ["date_precision", "geo_precision"]
FACET_BREAKDOWN_ROW_KEY = [*BREAKDOWN_ROW_KEY, FACETS_ROW_KEY[8], "source", "aggregate", *PRECISION]
# And to the tolls' breakdowns' key (TOLL_BREAKDOWN.KEY), as migration 0044 counts it.
TOLL_BREAKDOWN_ROW_KEY = [*BREAKDOWN_ROW_KEY, FACETS_ROW_KEY[10]]
# And to the tolls' facet breakdowns' key (FACET_TOLL_BREAKDOWN.KEY), as migration 0051 does.
FACET_TOLL_BREAKDOWN_ROW_KEY = [
    *BREAKDOWN_ROW_KEY, FACETS_ROW_KEY[8], "source", "aggregate", FACETS_ROW_KEY[10], *PRECISION,
]  # fmt: skip
# And to the places' breakdowns' key (PLACE_BREAKDOWN.KEY), as migration 0036 counts it.
PLACE_BREAKDOWN_ROW_KEY = [
    "place_id", "governorate_id", "district_id", "event_type", "perpetrator_groups",
    FACETS_ROW_KEY[8], "source", "aggregate", *PRECISION,
]  # fmt: skip
# And to the map's facets' key (MAP_FACETS.KEY), as migration 0038 counts it: no month.
MAP_FACETS_ROW_KEY = [*(key for key in FACETS_ROW_KEY if key != ROW_KEY[2]), *PRECISION]


def differences():
    """[what differs], empty when every counting table agrees with the incidents."""
    problems = []
    with connection.cursor() as cursor:
        for table, key, row_key, where in (
            (SUMMARY, SUMMARY.KEY, ROW_KEY, f"WHERE {PUBLISHED}"),
            (FACETS, FACETS.KEY, FACETS_ROW_KEY, ""),
            (BREAKDOWN, BREAKDOWN.KEY, BREAKDOWN_ROW_KEY, f"WHERE {PUBLISHED}"),
            (FACET_BREAKDOWN, FACET_BREAKDOWN.KEY, FACET_BREAKDOWN_ROW_KEY, ""),
            (TOLL_BREAKDOWN, TOLL_BREAKDOWN.KEY, TOLL_BREAKDOWN_ROW_KEY, f"WHERE {PUBLISHED}"),
            (FACET_TOLL_BREAKDOWN, FACET_TOLL_BREAKDOWN.KEY, FACET_TOLL_BREAKDOWN_ROW_KEY, ""),
            (PLACE_BREAKDOWN, PLACE_BREAKDOWN.KEY, PLACE_BREAKDOWN_ROW_KEY, ""),
            (MAP_FACETS, MAP_FACETS.KEY, MAP_FACETS_ROW_KEY, ""),
        ):
            columns = ", ".join(key)
            positions = ", ".join(str(n + 1) for n in range(len(key)))
            sums = ", ".join(f"sum({name})" for name in table.MEASURES)
            counted = (
                f"SELECT {columns}, {sums} FROM {table.TABLE}"
                f" GROUP BY {columns} HAVING sum(incidents) <> 0"
            )
            direct = (
                f"SELECT {', '.join(row_key)}, {', '.join(ROW_FIGURES)}"
                f" FROM events_incident {where} GROUP BY {positions}"
            )
            cursor.execute(
                f"SELECT count(*) FROM (({counted}) EXCEPT ({direct})"
                f" UNION ALL (({direct}) EXCEPT ({counted}))) AS differing"
            )
            if differing := cursor.fetchone()[0]:
                problems.append(f"{differing} {table.TABLE} keys differ from the incidents")
        cursor.execute(
            f"SELECT count(*) FROM events_incident AS i FULL JOIN {SEARCH.TABLE} AS s"
            " ON s.incident_id = i.id WHERE s.incident_id IS NULL OR i.id IS NULL"
            " OR (s.latitude, s.longitude, s.killed, s.published, s.date, s.governorate_id,"
            " s.district_id, s.place_id, s.event_type, s.perpetrator_groups, s.status, s.source,"
            " s.killed_low, s.killed_high, s.civilians, s.civilians_low, s.civilians_high,"
            " s.dated_to_day, s.located_at_place, s.date_precision, s.geo_precision)"
            " IS DISTINCT FROM (i.latitude, i.longitude, i.killed_total_best,"
            " i.status <> 'rejected' AND NOT i.aggregate, i.date, i.governorate_id,"
            " i.district_id, i.place_id, i.event_type, i.perpetrator_groups, i.status, i.source,"
            f" {', '.join(ROW_FIGURE_VALUES)}, i.date_precision, i.geo_precision)"
        )
        if differing := cursor.fetchone()[0]:
            problems.append(f"{differing} IncidentSearch rows differ from their incidents")
        by_word = (
            f"SELECT word, latitude, longitude, sum(incidents), sum(killed) FROM {WORDS.TABLE}"
            " GROUP BY 1, 2, 3 HAVING sum(incidents) <> 0"
        )
        direct = (
            "SELECT l, latitude, longitude, count(*), coalesce(sum(killed), 0)"
            f" FROM {SEARCH.TABLE}, unnest(tsvector_to_array(document)) AS l"
            " WHERE published GROUP BY 1, 2, 3"
        )
        cursor.execute(
            f"SELECT count(*) FROM (({by_word}) EXCEPT ({direct})"
            f" UNION ALL (({direct}) EXCEPT ({by_word}))) AS differing"
        )
        if differing := cursor.fetchone()[0]:
            problems.append(f"{differing} IncidentWord counts differ from the search rows")
    return problems
