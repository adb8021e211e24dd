"""The SQL of the counting tables' triggers, read from the migrations that installed them:
a migration carries its SQL as literals (it must not import live code that later changes),
and rebuild_counts reinstalls the triggers from the same literals, so the two never differ.
When a later migration replaces a table's triggers, point its name here at that migration.
"""

from importlib import import_module

SUMMARY = import_module("events.migrations.0031_summary_overview_figures")
SEARCH = import_module("events.migrations.0063_search_rows_carry_the_precisions")
WORDS = import_module("events.migrations.0014_incident_words")
FACETS = import_module("events.migrations.0032_facets_overview_figures")
BREAKDOWN = import_module("events.migrations.0033_incident_breakdown")
FACET_BREAKDOWN = import_module("events.migrations.0035_incident_facet_breakdown")
PLACE_BREAKDOWN = import_module("events.migrations.0036_incident_place_breakdown")
MAP_FACETS = import_module("events.migrations.0038_incident_map_facets")
TOLL_BREAKDOWN = import_module("events.migrations.0044_toll_breakdown")
FACET_TOLL_BREAKDOWN = import_module("events.migrations.0051_facet_toll_breakdown_precision")
