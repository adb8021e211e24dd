"""GIN indexes for the text search (`q`), in the exact form of the expressions
events.filters.text_search queries (BULLETIN_DOCUMENT, HEADLINE_DOCUMENT), so PostgreSQL answers
each half of its union from an index instead of computing to_tsvector over every bulletin and
report. PostgreSQL only: SQLite searches by substring and has nothing to index here.
"""

from django.db import migrations

BULLETIN = (
    "to_tsvector('english'::regconfig, "
    "COALESCE(\"title\", '') || ' ' || COALESCE(\"text\", ''))"
)
HEADLINE = "to_tsvector('english'::regconfig, COALESCE(\"headline\", ''))"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # ?q=: bulletins whose title and text match (text_search's first semi-join).
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS bulletin_document_gin ON events_bulletin USING gin ({BULLETIN})"
    )
    # ?q=: reports whose headline matches (text_search's second semi-join).
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS report_headline_gin ON events_report USING gin ({HEADLINE})"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS bulletin_document_gin")
    schema_editor.execute("DROP INDEX IF EXISTS report_headline_gin")


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0006_incident_perpetrators_history"),
    ]

    operations = [
        migrations.RunPython(create, drop, elidable=False),
    ]
