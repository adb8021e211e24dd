"""PostgreSQL statement triggers with transition tables, as events/summary.py and
events/search.py install them: one trigger per event, since PostgreSQL allows transition
tables only on single-event triggers. In the function, inserted rows are `new_rows`, deleted
ones `old_rows`, and an update has both."""

REFERENCING = {
    "insert": "REFERENCING NEW TABLE AS new_rows",
    "update": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
    "delete": "REFERENCING OLD TABLE AS old_rows",
}


def create(prefix, table, function, events=("insert", "update", "delete")):
    """SQL: (re)create trigger `{prefix}_{event}` on `table` for each event, calling
    `function()` once per statement."""
    return "\n".join(
        f"DROP TRIGGER IF EXISTS {prefix}_{event} ON {table};\n"
        f"CREATE TRIGGER {prefix}_{event} AFTER {event.upper()} ON {table}"
        f" {REFERENCING[event]} FOR EACH STATEMENT EXECUTE FUNCTION {function}();"
        for event in events
    )


def drop(prefix, table, events=("insert", "update", "delete")):
    """SQL: drop what create() made (not the function)."""
    return "\n".join(f"DROP TRIGGER IF EXISTS {prefix}_{event} ON {table};" for event in events)
