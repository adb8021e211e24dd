"""The one filter state: the list, the map data, the histogram and the CSV export all read
their incidents from IncidentFilter, so the same query string selects the same rows everywhere.
"""

import base64
import binascii
import datetime
import html
import json
from dataclasses import dataclass

import django_filters
from django import forms
from django.contrib.postgres.fields import ArrayField
from django.db.models import (
    BigIntegerField,
    BooleanField,
    Exists,
    Expression,
    F,
    Field,
    Func,
    OuterRef,
    Q,
    Value,
)
from django.urls import reverse_lazy
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from . import search, summary, textsearch, words
from .models import (
    Actor,
    ActorGroup,
    Claim,
    ClaimKind,
    DatePrecision,
    District,
    EventType,
    GeoPrecision,
    Governorate,
    Incident,
    Place,
    ReviewStatus,
    Source,
)

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

PARTY = "party"  # the role filter's "party to"; its default (empty) is "carried out by"
MERGED = "merged"  # the status filter's choice of incidents merged into another

# Up to this many matching incidents, a search goes to the database as a list of ids.
SEARCH_INLINE_LIMIT = 5_000


def html_attrs(attrs):
    """The attributes as Django's attrs.html writes them: ` name="value"`, a bare name for
    True, nothing for False."""
    return "".join(
        f" {name}" if value is True else f' {name}="{conditional_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


# The filter form's widgets, built in Python: Django renders each widget (and each <option>)
# through a template, which cost the list about 10 ms a request for the form alone. The HTML is
# what Django's templates write.


class Input(forms.widgets.Input):
    def render(self, name, value, attrs=None, renderer=None):
        value = self.format_value(value)
        value = "" if value is None else f' value="{conditional_escape(value)}"'
        attrs = html_attrs(self.build_attrs(self.attrs, attrs))
        name = conditional_escape(name)
        return mark_safe(f'<input type="{self.input_type}" name="{name}"{value}{attrs}>')


class TextInput(Input, forms.TextInput):
    pass


class DateInput(Input, forms.DateInput):
    pass


class NumberInput(Input, forms.NumberInput):
    pass


class Select(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        options = []
        # Values and labels are plain text (never HTML): html.escape is Django's escape()
        # without its lazy-string wrapper, which is half the cost of 120 options.
        for v, label in self.choices:
            v = str(v)
            selected = " selected" if v in chosen else ""
            options.append(
                f'<option value="{html.escape(v)}"{selected}>{html.escape(str(label))}</option>'
            )
        name, attrs = conditional_escape(name), html_attrs(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<select name="{name}"{attrs}>{"".join(options)}</select>')


class NameChoiceIterator(django_filters.fields.ModelChoiceIterator):
    """The options of a model choice as (pk, name) rows: Django's iterator makes a model
    instance an option, read through a server-side cursor (more round trips on PostgreSQL)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.queryset.values_list("pk", "name")


class NameChoiceField(django_filters.fields.ModelChoiceField):
    iterator = NameChoiceIterator


class NameChoiceFilter(django_filters.ModelChoiceFilter):
    """A choice of Governorate or Actor, each option labelled with its name."""

    field_class = NameChoiceField


class DistrictField(forms.ModelChoiceField):
    """A district by its OCHA P-code (SY0200) or by its id."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = str(value).strip()
        # Checked before querying: PostgreSQL refuses NUL in a string parameter, and "²" is
        # a digit to str.isdigit() that int() refuses.
        self.validate_no_null_characters(value)
        district = District.objects.filter(pcode__iexact=value).first()
        if district is None and value.isascii() and value.isdigit() and len(value) < 19:
            district = District.objects.filter(pk=int(value)).first()
        if district is None:
            raise forms.ValidationError(
                "Unknown district %(value)s.", code="invalid_choice", params={"value": value}
            )
        return district


class DistrictFilter(django_filters.ModelChoiceFilter):
    field_class = DistrictField


class DistrictSelect(Select):
    """Districts by name, each with its governorate, valued by P-code (what links carry)."""

    def render(self, name, value, attrs=None, renderer=None):
        rows = District.objects.order_by("name").values_list("pcode", "name", "governorate__name")
        self.choices = [("", "Any district")] + [
            (pcode, f"{district} ({governorate})") for pcode, district, governorate in rows
        ]
        if isinstance(value, District):
            value = value.pcode
        return super().render(name, value, attrs, renderer)


def place_label(place):
    """What the place box shows and accepts back: "Name (Governorate) #id"."""
    return f"{place.name} ({place.governorate.name}) #{place.pk}"


class PlaceInput(TextInput):
    """A place typed by name; site.js suggests "Name (Governorate) #id" labels as you type."""

    def format_value(self, value):
        if value in (None, ""):
            return None
        if str(value).isascii() and str(value).isdigit() and len(str(value)) < 19:
            place = Place.objects.select_related("governorate").filter(pk=int(value)).first()
            return place_label(place) if place else str(value)
        return str(value)


class PlaceField(forms.ModelChoiceField):
    """A gazetteer place by id, by its "Name (Governorate) #id" label, or by a name that only
    one place has."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = str(value).strip()
        self.validate_no_null_characters(value)
        key = value.rpartition("#")[2].strip() if "#" in value else value
        if key.isascii() and key.isdigit() and len(key) < 19:
            place = Place.objects.filter(pk=int(key)).first()
            if place is not None:
                return place
        named = list(Place.objects.filter(name__iexact=value)[:2])
        if len(named) == 1:
            return named[0]
        message = (
            "Several places are called %(value)s: choose one from the suggestions."
            if named
            else "Unknown place %(value)s."
        )
        raise forms.ValidationError(message, code="invalid_choice", params={"value": value})


class PlaceFilter(django_filters.ModelChoiceFilter):
    field_class = PlaceField


class AreaField(forms.CharField):
    """An area of the map as west,south,east,north in degrees (a map cell's "all here")."""

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            west, south, east, north = (float(part) for part in value.split(","))
        except ValueError:
            raise forms.ValidationError(
                "The area must be four numbers: west,south,east,north.", code="invalid"
            ) from None
        if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
            raise forms.ValidationError(
                "The area must have west ≤ east and south ≤ north, in degrees.", code="invalid"
            )
        return (west, south, east, north)


class AreaFilter(django_filters.Filter):
    field_class = AreaField

    def filter(self, queryset, value):
        if not value:
            return queryset
        west, south, east, north = value
        return queryset.filter(
            latitude__gte=south, latitude__lte=north, longitude__gte=west, longitude__lte=east
        )


class FilterForm(forms.Form):
    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("date_from"), cleaned_data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The To date is before the From date.")
        return cleaned_data


class AnyOf(Func):
    """column = ANY(array): a list of values sent as one parameter."""

    template = "%(expressions)s)"
    arg_joiner = " = ANY("
    output_field = BooleanField()


class IdArray(Expression):
    """A list of ids as one bigint[] parameter, sent as its text "{1,2,3}": one parameter to
    adapt, however many ids."""

    output_field = ArrayField(BigIntegerField())

    def __init__(self, ids):
        super().__init__()
        self.ids = ids

    def as_sql(self, compiler, connection):
        return "%s::bigint[]", ["{" + ",".join(str(int(pk)) for pk in self.ids) + "}"]


def probe(matches):
    """The ids of up to SEARCH_INLINE_LIMIT + 1 IncidentSearch rows."""
    return list(matches.values_list("incident_id", flat=True)[: SEARCH_INLINE_LIMIT + 1])


def restrict_to(queryset, matches, ids):
    """The incidents of `matches` (IncidentSearch rows), `ids` being probe(matches).

    A rare word (most searches: a place, a name) matches few incidents: their ids go in as
    a list, and PostgreSQL plans the page, the count and the map knowing how few they are. A
    common word: newest incidents first, each probed by its primary key.
    """
    if len(ids) <= SEARCH_INLINE_LIMIT:
        return queryset.filter(AnyOf(F("pk"), IdArray(sorted(ids))))
    return queryset.filter(Exists(matches.filter(incident_id=OuterRef("pk"))))


def text_search(queryset, value):
    """Incidents whose bulletins (title, text) or report headlines hold the words.

    On PostgreSQL a full-text search (websearch syntax, so no input is a syntax error) of
    IncidentSearch, which holds those words per incident; on SQLite the same search
    (events/textsearch.py).
    """
    value = value.strip()
    if not value:
        return queryset
    if search.available():
        matches = search.matching(value)
        return restrict_to(queryset, matches, probe(matches))
    return textsearch.filter_incidents(queryset, value)


class IncidentFilter(django_filters.FilterSet):
    province = NameChoiceFilter(
        widget=Select,
        field_name="governorate",
        queryset=Governorate.objects.all(),
        label="Governorate",
        empty_label="Any governorate",
    )
    district = DistrictFilter(
        field_name="district",
        queryset=District.objects.all(),
        label="District",
        widget=DistrictSelect,
    )
    place = PlaceFilter(
        field_name="place",
        queryset=Place.objects.all(),
        label="Place",
        widget=PlaceInput(
            attrs={
                "type": "search",
                "placeholder": "Type a name",
                "autocomplete": "off",
                "list": "place-suggestions",
                "data-suggest": reverse_lazy("events:place_suggestions"),
            }
        ),
    )
    group = django_filters.ChoiceFilter(
        widget=Select,
        choices=ActorGroup.choices,
        method="filter_group",
        label="Group",
        empty_label="Any group",
    )
    actor = NameChoiceFilter(
        widget=Select,
        queryset=Actor.objects.all(),
        method="filter_actor",
        label="Actor",
        empty_label="Any actor",
    )
    # What `group` and `actor` ask: who carried it out (the default), or who took part: a
    # party to the fighting or its perpetrator.
    role = django_filters.ChoiceFilter(
        widget=Select,
        choices=[(PARTY, "party to (or carried out by)")],
        method="filter_role",
        label="Group or actor",
        empty_label="carried out by",
    )
    event_type = django_filters.ChoiceFilter(
        widget=Select, choices=EventType.choices, label="Event type", empty_label="Any type"
    )
    date_from = django_filters.DateFilter(
        field_name="date",
        lookup_expr="gte",
        label="From",
        widget=DateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        field_name="date",
        lookup_expr="lte",
        label="To",
        widget=DateInput(attrs={"type": "date"}),
    )
    date_precision = django_filters.ChoiceFilter(
        widget=Select,
        choices=[
            ("day", "to the day"),
            ("week", "to the week or day"),
            ("month", "to the month or finer"),
        ],
        method="filter_date_precision",
        label="Dated",
        empty_label="Any date precision",
    )
    geo_precision = django_filters.ChoiceFilter(
        widget=Select,
        choices=[
            ("place", "at a place"),
            ("district", "to the district or finer"),
            ("governorate", "to the governorate or finer"),
        ],
        method="filter_geo_precision",
        label="Located",
        empty_label="Any location precision",
    )
    min_killed = django_filters.NumberFilter(
        field_name="killed_total_best",
        lookup_expr="gte",
        label="Killed at least",
        min_value=0,
        # The toll columns are 32-bit integers: a larger bound failed in the database (500).
        max_value=2**31 - 1,
        widget=NumberInput(attrs={"min": 0}),
    )
    status = django_filters.ChoiceFilter(
        widget=Select,
        choices=[*ReviewStatus.choices, (MERGED, "Merged into another")],
        method="filter_status",
        label="Review status",
        empty_label="Not rejected",
    )
    source = django_filters.ChoiceFilter(
        widget=Select, choices=Source.choices, label="Source", empty_label="Any source"
    )
    area = AreaFilter(
        label="Map area (west,south,east,north)",
        max_length=100,
        widget=TextInput(attrs={"placeholder": "set from the map"}),
    )
    q = django_filters.CharFilter(
        method="filter_text",
        label="Text",
        max_length=200,
        widget=TextInput(attrs={"type": "search", "placeholder": "Words in bulletins"}),
    )
    order = django_filters.ChoiceFilter(
        widget=Select,
        choices=[
            ("-date", "Newest first"),
            ("date", "Oldest first"),
            ("-killed", "Most killed first"),
            ("killed", "Fewest killed first"),
        ],
        method="filter_order",
        label="Order",
        empty_label=None,
    )

    class Meta:
        model = Incident
        fields = []
        form = FilterForm

    def taking_part(self):
        return self.form.cleaned_data.get("role") == PARTY

    def filter_group(self, queryset, name, value):
        # Any of the incident's perpetrators, or the group an imported row was coded with:
        # both are in perpetrator_groups, on the row, so this is no join. So are the groups
        # of the parties to the fighting.
        condition = Q(perpetrator_groups__contains=f",{value},")
        if self.taking_part():
            condition |= Q(party_groups__contains=f",{value},")
        return queryset.filter(condition)

    def filter_actor(self, queryset, name, value):
        through = Incident.perpetrators.through.objects.filter(
            incident_id=OuterRef("pk"), actor_id=value.pk
        )
        condition = Exists(through)
        if self.taking_part():
            parties = Claim.objects.filter(
                report__incident=OuterRef("pk"),
                report__is_background=False,
                kind=ClaimKind.PARTY,
                actor_id=value.pk,
            )
            condition |= Exists(parties)
        return queryset.filter(condition)

    def filter_status(self, queryset, name, value):
        # A merged-away incident is "rejected" (so nothing counts it) but was not rejected.
        if value == MERGED:
            return queryset.filter(merged_into__isnull=False)
        if value == ReviewStatus.REJECTED:
            return queryset.filter(status=value, merged_into__isnull=True)
        return queryset.filter(status=value)

    def filter_role(self, queryset, name, value):
        return queryset  # Read by filter_group and filter_actor.

    def filter_date_precision(self, queryset, name, value):
        levels = DatePrecision.values
        return queryset.filter(date_precision__in=levels[: levels.index(value) + 1])

    def filter_geo_precision(self, queryset, name, value):
        levels = GeoPrecision.values
        return queryset.filter(geo_precision__in=levels[: levels.index(value) + 1])

    def filter_text(self, queryset, name, value):
        searched = self.searched()
        if searched is None:
            return text_search(queryset, value)
        # The text alone: only published incidents are listed. One word is counted exactly
        # from IncidentWord; a common one needs no probe.
        if (word := self.word()) is not None:
            self.matched = words.count(word)
            if self.matched > SEARCH_INLINE_LIMIT:
                return queryset.filter(Exists(searched.filter(incident_id=OuterRef("pk"))))
        # Else the probe decides, and counts them too (see count()).
        self.probed = probe(searched)
        return restrict_to(queryset, searched, self.probed)

    def word(self):
        """The one word (lexeme) a search by text alone comes to, or None (PostgreSQL)."""
        if not hasattr(self, "_word"):
            searched = self.searched()
            self._word = (
                None if searched is None else words.single_word(self.form.cleaned_data["q"])
            )
        return self._word

    def filter_order(self, queryset, name, value):
        return queryset  # Ordering is applied in filter_queryset, after every filter.

    @property
    def chosen_order(self):
        """The validated `order` value (the default when absent or invalid)."""
        if self.is_bound and self.is_valid():
            return self.form.cleaned_data.get("order") or DEFAULT_ORDER
        return DEFAULT_ORDER

    def summary(self):
        """The IncidentSummary rows counting these incidents, or None where the summary
        cannot answer this filter (or is not kept: SQLite). For a valid filter only."""
        if not summary.available():
            return None
        return summary.summary_filter(self.form.cleaned_data)

    def searched(self):
        """The IncidentSearch rows of these incidents when the text is the only filter (on
        PostgreSQL), else None. For a valid filter only."""
        if not search.available():
            return None
        return search.search_filter(self.form.cleaned_data)

    def count(self, limit):
        """(how many incidents match, whether there are more): counted no further than
        `limit`, since a full count costs a scan at a million rows. A text search alone is
        counted by its probe, so no further than SEARCH_INLINE_LIMIT, or exactly when it is
        one word."""
        queryset = self.qs  # Filters first: filter_text() counts or probes.
        matched = getattr(self, "matched", None)
        if matched is not None:
            return matched, False
        probed = getattr(self, "probed", None)
        if probed is not None:
            found = len(probed)
            return min(found, SEARCH_INLINE_LIMIT), found > SEARCH_INLINE_LIMIT
        found = queryset.order_by()[: limit + 1].count()
        return min(found, limit), found > limit

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("status"):
            queryset = queryset.published()
        return order_queryset(queryset, self.chosen_order)


def order_queryset(queryset, order):
    return sort(queryset, *ORDERINGS[order])


def sort(queryset, field, descending, nulls):
    # NULLs are "largest" or "smallest"; spelled out so SQLite and PostgreSQL agree.
    nulls_first = (nulls == "largest") == descending
    nulls_position = {"nulls_first": True} if nulls_first else {"nulls_last": True}
    key = F(field).desc(**nulls_position) if descending else F(field).asc(**nulls_position)
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
        if type(pk) is not int:
            raise InvalidCursor
        if value is not None:
            if field == "date":
                value = datetime.date.fromisoformat(value)
            elif type(value) is not int:
                raise InvalidCursor
    except (ValueError, TypeError, KeyError, binascii.Error) as error:
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


def keyset_page(queryset, order, cursor, size):
    """One page of an ordered queryset, found by the last row seen rather than an OFFSET,
    so that a page 10,000 rows deep costs what the first one does.

    An ordering runs through two segments, the NULLs and the values (which first depends on
    the ordering); each is read with a row comparison that an index answers as one range.
    """
    field, descending, nulls = ORDERINGS[order]

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
        backwards = sort(queryset, field, not descending, nulls)
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


class ViewportForm(forms.Form):
    """The map's view: bbox=west,south,east,north in degrees, and the zoom level."""

    bbox = forms.CharField(required=False)
    zoom = forms.IntegerField(required=False, min_value=0, max_value=22)

    def clean_bbox(self):
        value = self.cleaned_data["bbox"]
        if not value:
            return (-180.0, -90.0, 180.0, 90.0)
        try:
            west, south, east, north = (float(part) for part in value.split(","))
        except ValueError:
            raise forms.ValidationError(
                "bbox must be four numbers: west,south,east,north."
            ) from None
        # Leaflet's bounds run past ±180 when the world is panned sideways: clamp them.
        west, east = max(west, -180.0), min(east, 180.0)
        south, north = max(south, -90.0), min(north, 90.0)
        if not (west < east and south < north):
            raise forms.ValidationError("bbox must have west < east and south < north, in degrees.")
        return (west, south, east, north)

    def clean_zoom(self):
        zoom = self.cleaned_data["zoom"]
        return 7 if zoom is None else zoom
