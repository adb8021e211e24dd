"""The one filter state: the list, the map data, the histogram and the CSV export all read
their incidents from IncidentFilter, so the same query string selects the same rows everywhere.
"""

import functools
import html
import sys
import unicodedata

import django_filters
from django import forms
from django.db.models import F, Q
from django.urls import reverse_lazy
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from . import textsearch
from .counts import search, tallied
from .counts.tally import available
from .models import (
    Actor,
    ActorGroup,
    Aggregates,
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
from .pagination import DEFAULT_ORDER, order_queryset

PARTY = "party"  # the role filter's "party to"; its default (empty) is "carried out by"
MERGED = "merged"  # the status filter's choice of incidents merged into another


def html_attrs(attrs):
    """The attributes as Django's attrs.html writes them: ` name="value"`, a bare name for
    True, nothing for False."""
    return "".join(
        f" {name}" if value is True else f' {name}="{conditional_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class Select(forms.Select):
    """The form's one widget written in Python, writing the HTML Django's template writes:
    Django renders each <option> through a template, which cost the list about 6 ms of CPU a
    request for the form's selects (measured with the cached template loader; its inputs
    cost no more than hand-written ones would, and are Django's own)."""

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


# No place or district is named in more letters (the longest in the gazetteer has 47 letters);
# a longer value is refused before it reaches the database, where SQLite fails on a LIKE
# pattern of 50,000 bytes.
NAME_LENGTH = 200


def checked_name(field, value):
    """The value, stripped, or a form error when it is too long to be a name."""
    value = str(value).strip()
    if len(value) > NAME_LENGTH:
        raise forms.ValidationError(
            "Give a name of at most %(limit)d characters.",
            code="max_length",
            params={"limit": NAME_LENGTH},
        )
    # Checked before querying: PostgreSQL refuses NUL in a string parameter.
    field.validate_no_null_characters(value)
    return value


class DistrictField(forms.ModelChoiceField):
    """A district by its OCHA P-code (SY0200) or by its id."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = checked_name(self, value)
        # ("²" is a digit to str.isdigit() that int() refuses)
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


class PlaceInput(forms.TextInput):
    """A place typed by name; site.js suggests "Name (Governorate) #id" labels as you type."""

    def format_value(self, value):
        if value in (None, ""):
            return None
        if str(value).isascii() and str(value).isdigit() and len(str(value)) < 19:
            place = Place.objects.select_related("governorate").filter(pk=int(value)).first()
            return place_label(place) if place else str(value)
        return str(value)


class PlaceField(forms.ModelChoiceField):
    """A gazetteer place by id, by its "Name (Governorate) #id" label, or by a name (English,
    Arabic or an alternate spelling) that only one place has."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        value = checked_name(self, value)
        written, _, key = value.rpartition("#") if "#" in value else ("", "", value)
        key = key.strip()
        if key.isascii() and key.isdigit() and len(key) < 19:
            place = Place.objects.select_related("governorate").filter(pk=int(key)).first()
            if place is not None:
                if written.strip() and not _names_place(written.strip(), place):
                    # "Damascus (Damascus) #2500" where #2500 is Aleppo: a stale or edited
                    # label, not a choice to be guessed.
                    raise forms.ValidationError(
                        "#%(key)s is %(label)s, not %(written)s.",
                        code="invalid_choice",
                        params={
                            "key": key,
                            "label": place_label(place).rpartition(" #")[0],
                            "written": written.strip(),
                        },
                    )
                return place
        named = Place.objects.named(value)
        if len(named) == 1:
            return named[0]
        message = (
            "Several places are called %(value)s: choose one from the suggestions."
            if named
            else "Unknown place %(value)s."
        )
        raise forms.ValidationError(message, code="invalid_choice", params={"value": value})


def _names_place(written, place):
    """Whether a label's name ("Al-Soussa (Deir ez-Zor)", "Al-Soussa", in Arabic, by an alias
    of the place or of its governorate, spaces aside) is one of the place's."""

    def folded(name):
        return "".join(name.split()).casefold()

    names = {folded(n) for n in place.names if n}
    governorates = {folded(n) for n in place.governorate.names if n}
    name = folded(written)
    return name in names or any(name == f"{n}({g})" for n in names for g in governorates)


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
    """An area holds its west and south edges, not its east and north ones: areas side by
    side (the map's cells) count an incident on their shared edge once."""

    field_class = AreaField

    def filter(self, queryset, value):
        if not value:
            return queryset
        return queryset.filter(area_condition(value))


def area_condition(area, prefix=""):
    """The Q of an area (west, south, east, north) on latitude and longitude: its west and
    south edges in, its east and north ones out; an area of no width or height, a point or
    a line, holds what lies on it."""
    west, south, east, north = area

    def within(field, low, high):
        if high > low:
            return Q(**{f"{prefix}{field}__gte": low, f"{prefix}{field}__lt": high})
        return Q(**{f"{prefix}{field}": low})

    return within("latitude", south, north) & within("longitude", west, east)


class IncidentOrdering(django_filters.OrderingFilter):
    """?order=: one of the orders the list pages through by keyset (pagination.ORDERINGS),
    each with its NULLs placed and the id to break ties."""

    def filter(self, queryset, value):
        return order_queryset(queryset, value[0]) if value else queryset


class WholeNumberFilter(django_filters.NumberFilter):
    """A number of people: "1.9" is an error, where a decimal field cut it to "at least 1"."""

    field_class = forms.IntegerField


class FilterForm(forms.Form):
    def clean_q(self):
        text = self.cleaned_data.get("q") or ""
        count = textsearch.terms_in(textsearch.parse(text))
        if count > textsearch.MAX_TERMS:
            raise forms.ValidationError(
                f"Search at most {textsearch.MAX_TERMS} words or phrases (this holds {count})."
            )
        return text

    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("date_from"), cleaned_data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The To date is before the From date.")
        if len(cleaned_data.get("order") or []) > 1:  # "-date,killed": pages follow one order
            self.add_error("order", "Choose one order.")
        # ?event_type=bombing&event_type=shelling kept the last only, silently: each filter
        # takes one value, and another is an error rather than a guess (the same one twice
        # is one: see keyed_url()).
        if hasattr(self.data, "getlist"):
            for name in self.fields:
                # ("sy0200" and "SY0200" are one district)
                values = {v.strip().casefold() for v in self.data.getlist(name) if v != ""}
                if len(values) > 1:
                    self.add_error(name, f"Give one {name}, not {len(values)}.")
        return cleaned_data


# Dates as the date input and our links write them, and nothing else: Django's other
# formats read "01/02/2018" as the 2nd of January, the 1st of February to most of our users.
ISO_DATE = {
    "input_formats": ["%Y-%m-%d"],
    "error_messages": {"invalid": "Enter a date as YYYY-MM-DD."},
}


def text_search(queryset, value, chosen=None):
    """Incidents whose bulletins (title, text) or report headlines hold the words.

    On PostgreSQL a full-text search (websearch syntax, so no input is a syntax error) of
    the search rows (events/counts/search.py); on SQLite the same search
    (events/textsearch.py).
    """
    value = value.strip()
    if not value:
        return queryset
    if available():
        return search.incidents_matching(queryset, value, chosen)
    return textsearch.filter_incidents(queryset, value)


@functools.cache
def ascii_digits():
    """A str.translate table from every Unicode decimal digit (Arabic-Indic ٠-٩ among them)
    to its ASCII digit."""
    return {
        code: str(unicodedata.digit(chr(code)))
        for code in range(0x80, sys.maxunicode + 1)
        if unicodedata.category(chr(code)) == "Nd"
    }


# Up to this many incidents of an actor go to the database as a list of ids when no other
# filter has an index to start from (see filter_actor); past it, as a join.
ACTOR_IDS = 50_000
# The filters whose own index narrows the incidents to few, for PostgreSQL to start from
# (a type or a minimum toll keeps too many: their incidents are tested against the ids).
NARROWING = frozenset(
    {"province", "district", "place", "group", "date_from", "date_to", "area", "q"}
)
# An area narrows them only when it is small (a town and around it, a map cell zoomed in):
# the incidents in a wider one are many where the conflict was (at a million incidents,
# beside an actor of 17,600: 1.2 square degrees around Damascus, 377 ms from the area's
# index and 123 ms from the actor's ids; 0.09, 286 against 124; 0.01, 30 against 48).
NARROW_AREA = 0.04  # square degrees


# Parameters of the pages that are no filter: the list's page.
PAGE_PARAMETERS = frozenset({"cursor"})


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
        widget=forms.DateInput(attrs={"type": "date"}),
        **ISO_DATE,
    )
    date_to = django_filters.DateFilter(
        field_name="date",
        lookup_expr="lte",
        label="To",
        widget=forms.DateInput(attrs={"type": "date"}),
        **ISO_DATE,
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
    min_killed = WholeNumberFilter(
        field_name="killed_total_best",
        lookup_expr="gte",
        label="Killed at least",
        min_value=0,
        # The toll columns are 32-bit integers: a larger bound failed in the database (500).
        max_value=2**31 - 1,
        widget=forms.NumberInput(attrs={"min": 0}),
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
    # Period and cumulative tolls ("81 killed in a week") sum up incidents: counted with them
    # only when asked (see filter_queryset).
    aggregates = django_filters.ChoiceFilter(
        widget=Select,
        choices=Aggregates.choices,
        method="filter_aggregates",
        label="Period reports",
        empty_label="left out",
    )
    area = AreaFilter(
        label="Map area (west,south,east,north)",
        max_length=100,
        widget=forms.TextInput(attrs={"placeholder": "set from the map"}),
    )
    q = django_filters.CharFilter(
        method="filter_text",
        label="Text",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "Words in bulletins"}),
    )
    order = IncidentOrdering(
        widget=Select,
        choices=[
            ("-date", "Newest first"),
            ("date", "Oldest first"),
            ("-killed", "Most killed first"),
            ("killed", "Fewest killed first"),
        ],
        label="Order",
        empty_label=None,
    )

    class Meta:
        model = Incident
        fields = []
        form = FilterForm

    def keys(self):
        """The chosen place's id and district's P-code by filter name, however they were given
        (by name, by label): what the addresses and citations name them by, one place whatever
        places are added later. The filter must be valid."""
        keys = {}
        if place := self.form.cleaned_data.get("place"):
            keys["place"] = str(place.pk)
        if district := self.form.cleaned_data.get("district"):
            keys["district"] = district.pcode
        return keys

    def not_filters(self):
        """The parameters given that are no filter ("min_kiled", a tracking tag): left out,
        which the pages say, lest a typo pass for a filtered view (exports refuse them)."""
        return sorted(n for n in self.data if n not in self.filters and n not in PAGE_PARAMETERS)

    def __init__(self, data=None, *args, **kwargs):
        if hasattr(data, "getlist"):
            # "?province=SY-DY&province=" (a link's value beside a form's blank field): the
            # value is the choice; the form reads the last, and the blank counted everything
            # while the page's links still named the governorate.
            data = data.copy()
            for name in list(data):
                # (a box left with a space in it is a box left blank)
                values = [v for v in data.getlist(name) if v.strip() != ""]
                if name != "q":
                    # "min_killed=١٢": read as 12 and shown so (the form showed it blank)
                    values = [v if v.isascii() else v.translate(ascii_digits()) for v in values]
                if name == "province":
                    values = [v.strip().upper() for v in values]  # "sy-dy" is SY-DY
                if values != data.getlist(name):
                    data.setlist(name, values or [""])
        super().__init__(data, *args, **kwargs)

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
        # The incidents it carried out: its id is on their rows (perpetrator_actors, ",1,8,"),
        # as the groups are, so this is no join; on PostgreSQL under a trigram index, which
        # PostgreSQL combines with the other filters' indexes (the busiest actor's 16,800 of a
        # million incidents counted in 6 ms, where their ids looked up one by one took 32).
        condition = Q(perpetrator_actors__contains=f",{value.pk},")
        if self.taking_part():
            # And those it took part in, as its reports' claims say: their ids, as a list
            # when few (see _actor_limit), which PostgreSQL looks up by key.
            parties = Claim.objects.filter(
                report__is_background=False, kind=ClaimKind.PARTY, actor_id=value.pk
            ).values_list("report__incident_id", flat=True)
            found = None
            if available():
                limit = self._actor_limit()
                # The incidents, each once (an incident told by several reports has a claim
                # in each): the list is complete only when fewer than the limit come back.
                # (Not a claim of a report whose incident was deleted.)
                found = list(
                    parties.filter(report__incident__isnull=False)
                    .order_by()
                    .distinct()[: limit + 1]
                )
                found = sorted(found) if len(found) <= limit else None
            if found is not None:
                condition |= search.AnyOf(F("pk"), search.IdArray(found))
            else:
                condition |= Q(pk__in=parties)
        return queryset.filter(condition)

    def _actor_limit(self):
        """How many incidents an actor took part in go in as a list of ids (see filter_actor): up to
        ACTOR_IDS alone; beside filters with an index of their own, no more than those
        filters match (a table's count says how many), so that PostgreSQL starts from the
        fewer: the actor's ids looked up by key, or the other filters' index."""
        indexed = self._indexed_filters()
        if not indexed:
            return ACTOR_IDS
        others = {
            name: value
            for name, value in self.form.cleaned_data.items()
            if name in indexed or name in ("status", "aggregates") and value not in (None, "")
        }
        size = tallied(others)
        if size is None:
            return search.INLINE_LIMIT
        # Half: the ids cost more each (read, sent back, looked up) than the incidents an
        # index finds (at a million incidents, an actor of 17,600 beside Damascus's 29,000
        # incidents: 92 ms a page from the ids, 72 from the governorate; beside Daraa's
        # 67,000, 92 against 217).
        return max(search.INLINE_LIMIT, min(size // 2, ACTOR_IDS))

    def _indexed_filters(self):
        """The chosen filters beside the actor that the incidents' indexes narrow to few."""
        return {
            name
            for name, value in self.form.cleaned_data.items()
            if value not in (None, "", [])
            and name in NARROWING
            and not (name == "area" and (value[2] - value[0]) * (value[3] - value[1]) > NARROW_AREA)
        }

    def filter_status(self, queryset, name, value):
        # A merged-away incident is "rejected" (so nothing counts it) but was not rejected.
        if value == MERGED:
            return queryset.filter(merged_into__isnull=False)
        if value == ReviewStatus.REJECTED:
            return queryset.filter(status=value, merged_into__isnull=True)
        return queryset.filter(status=value)

    def filter_role(self, queryset, name, value):
        return queryset  # Read by filter_group and filter_actor.

    def filter_aggregates(self, queryset, name, value):
        return queryset  # Applied in filter_queryset, with its default.

    def filter_date_precision(self, queryset, name, value):
        return queryset.filter(date_precision__in=DatePrecision.as_fine_as(value))

    def filter_geo_precision(self, queryset, name, value):
        return queryset.filter(geo_precision__in=GeoPrecision.as_fine_as(value))

    def filter_text(self, queryset, name, value):
        # The other filters narrow the search rows first (they carry the columns).
        return text_search(queryset, value, self.form.cleaned_data)

    @property
    def chosen_order(self):
        """The validated `order` value (the default when absent or invalid)."""
        if self.is_bound and self.is_valid():
            return (self.form.cleaned_data.get("order") or [DEFAULT_ORDER])[0]
        return DEFAULT_ORDER

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("status"):
            queryset = queryset.published()
        queryset = queryset.aggregates(self.form.cleaned_data.get("aggregates") or "")
        if not self.form.cleaned_data.get("order"):
            queryset = order_queryset(queryset, DEFAULT_ORDER)
        return queryset
