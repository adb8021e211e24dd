"""Keyset pagination of the incident list: a page is found by the last row seen rather than
an OFFSET, so that a page 10,000 rows deep costs what the first one does.
"""

import base64
import binascii
import datetime
import json
from dataclasses import dataclass

from django.db.models import BooleanField, F, Field, Func, Q, Value

# How each `order` value sorts: (field, descending, where NULLs go). Unknown dates sort as the
# newest (PostgreSQL's own rule for DESC, which the date indexes follow); unknown tolls sort as
# the smallest, so "most killed first" does not open on a page of unknowns (an index on
# killed_total_best DESC NULLS LAST, id DESC serves both directions).
ORDERINGS = {
    "-date": ("date", True, "largest"),
    "date": ("date", False, "largest"),
    "-killed": ("killed_total_best", True, "smallest"),
    "killed": ("killed_total_best", False, "smallest"),
}
DEFAULT_ORDER = "-date"


def order_queryset(queryset, order):
    return sort(queryset, *ORDERINGS[order])


class Gathered(Func):
    """A column sorted by as `column + 0`: the same order, but one no index holds, so that
    PostgreSQL finds every match first and sorts them (see keyset_page's `gather`)."""

    template = "(%(expressions)s + 0)"


def sort(queryset, field, descending, nulls, gather=False):
    # NULLs are "largest" or "smallest"; spelled out so SQLite and PostgreSQL agree.
    nulls_first = (nulls == "largest") == descending
    nulls_position = {"nulls_first": True} if nulls_first else {"nulls_last": True}
    column = F(field)
    if gather:
        column = Gathered(column, output_field=queryset.model._meta.get_field(field))
    key = column.desc(**nulls_position) if descending else column.asc(**nulls_position)
    pk = F("id").desc() if descending else F("id").asc()
    return queryset.order_by(key, pk)


class InvalidCursor(ValueError):
    pass


@dataclass
class Page:
    rows: list
    next_cursor: str | None = None
    previous_cursor: str | None = None


def encode_cursor(order, direction, value, pk):
    if isinstance(value, datetime.date):
        value = value.isoformat()
    raw = json.dumps([order, direction, value, pk], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token, order):
    """(direction, value, pk) from a token made by encode_cursor for the same order."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        cursor_order, direction, value, pk = json.loads(raw)
        field = ORDERINGS[order][0]
        if cursor_order != order or direction not in ("next", "previous"):
            raise InvalidCursor
        # Ids and tolls as the database stores them (a bigint, an integer): a larger number
        # overflowed SQLite's integer (500).
        if type(pk) is not int or not 0 < pk < 2**63:
            raise InvalidCursor
        if value is not None:
            if field == "date":
                value = datetime.date.fromisoformat(value)
            elif type(value) is not int or not -(2**31) <= value < 2**31:
                raise InvalidCursor
    # RecursionError: "[" x 10,000, which json gives up on.
    except (ValueError, TypeError, KeyError, binascii.Error, RecursionError) as error:
        raise InvalidCursor("This page link is not valid; start again from the first page.") from (
            error
        )
    return direction, value, pk


class RowCompare(Func):
    """(a, b) < (c, d): the keyset condition as one range of a two-column index."""

    template = "%(expressions)s"
    output_field = BooleanField()

    def __init__(self, left, operator, right):
        def row(*items):
            return Func(*items, template="(%(expressions)s)", output_field=Field())

        super().__init__(row(*left), row(*right), arg_joiner=f" {operator} ")


def remainder(field, descending, value, pk):
    """The rows after (value, pk) within its segment: the NULLs, or the values."""
    operator = "<" if descending else ">"
    if value is None:
        return Q(**{f"{field}__isnull": True, f"id__{'lt' if descending else 'gt'}": pk})
    return Q(RowCompare([F(field), F("id")], operator, [Value(value), Value(pk)]))


def keyset_page(queryset, order, cursor, size, gather=False):
    """One page of an ordered queryset, found by the last row seen rather than an OFFSET,
    so that a page 10,000 rows deep costs what the first one does.

    An ordering runs through two segments, the NULLs and the values (which first depends on
    the ordering); each is read with a row comparison that an index answers as one range.

    gather: the matches are known to be few (a count said so). Walking the index of the
    order stops after a page of matches, which is quick when they are spread along it, but
    a page of few matches that all lie at one end of it (an actor's incidents in one place,
    all years ago) walks it nearly whole: sorted by an expression instead, they are found
    first (by the filters' own indexes) and then sorted.
    """
    field, descending, nulls = ORDERINGS[order]
    if gather:
        queryset = sort(queryset, field, descending, nulls, gather=True)

    def token(direction, row):
        return encode_cursor(order, direction, getattr(row, field), row.pk)

    def after(ordered, descending, value, pk, limit):
        nulls_first = (nulls == "largest") == descending
        rows = list(ordered.filter(remainder(field, descending, value, pk))[:limit])
        if len(rows) < limit and (value is None) == nulls_first:
            # The first segment is done: continue at the start of the second.
            rest = Q(**{f"{field}__isnull": not nulls_first})
            rows += list(ordered.filter(rest)[: limit - len(rows)])
        return rows

    direction, value, pk = decode_cursor(cursor, order) if cursor else ("first", None, None)
    if direction == "previous":
        backwards = sort(queryset, field, not descending, nulls, gather)
        rows = after(backwards, not descending, value, pk, size + 1)
        if len(rows) > size:
            rows = rows[:size][::-1]
            return Page(rows, token("next", rows[-1]), token("previous", rows[0]))
        direction = "first"  # Back at the start: show a full first page.
    if direction == "first":
        rows = list(queryset[: size + 1])
    else:
        rows = after(queryset, descending, value, pk, size + 1)
    page = Page(rows[:size])
    if len(rows) > size:
        page.next_cursor = token("next", page.rows[-1])
    if direction == "next" and page.rows:
        page.previous_cursor = token("previous", page.rows[0])
    return page
