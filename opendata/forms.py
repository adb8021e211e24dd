import unicodedata

from django import forms
from django.http import QueryDict

from events.filters import IncidentFilter
from events.models import Incident

from .models import SavedSearch


class SavedSearchForm(forms.ModelForm):
    class Meta:
        model = SavedSearch
        fields = ["name", "frequency", "query"]
        widgets = {"query": forms.HiddenInput}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.user = user

    def clean_name(self):
        """The name on one line, without control or invisible characters: it is a digest's
        e-mail subject, where a line break is refused."""
        name = one_line(self.cleaned_data["name"])
        if not name:
            raise forms.ValidationError("Give the search a name.")
        return name

    def clean_query(self):
        """The list's filters only (no page cursor), and valid ones; a query of none, unless
        empty, is refused."""
        given = QueryDict(self.cleaned_data["query"] or "")
        query = QueryDict(mutable=True)
        for name in IncidentFilter.base_filters:  # not the page's cursor, nor anything else
            if name in given:
                query.setlist(name, given.getlist(name))
        values = [value for _, values in query.lists() for value in values]
        if self.cleaned_data["query"] and not any(value.strip() for value in values):
            # A query that is no filter ("%ZZ&&&=", a typo, a page cursor alone) was saved as
            # every incident, with a digest of them all: only an empty one means that.
            raise forms.ValidationError(
                "No filter of the list could be read from this query: save it from the list, "
                "or with no query at all to follow every incident."
            )
        incidents = IncidentFilter(query, queryset=Incident.objects.none())
        if not incidents.is_valid():
            raise forms.ValidationError("These filters are not valid; correct them first.")
        # A place or district given by name is kept by its key: a namesake the gazetteer gains
        # later must not change (or void) the search its digests run.
        if place := incidents.form.cleaned_data.get("place"):
            query["place"] = str(place.pk)
        if district := incidents.form.cleaned_data.get("district"):
            query["district"] = district.pcode
        return query.urlencode()

    def validate_unique(self):
        # The user is not a form field, so ModelForm would skip the (user, name) constraint.
        super().validate_unique()
        taken = (
            SavedSearch.objects.filter(user=self.instance.user, name=self.cleaned_data.get("name"))
            .exclude(pk=self.instance.pk)
            .first()
        )
        if taken is None:
            return
        if self.instance.pk is None and taken.filter_errors():
            # Saved again under its name, a search whose filters no longer hold takes the
            # new ones (as its notice invites): the same search, its digests resumed.
            taken.query, taken.frequency = self.instance.query, self.instance.frequency
            taken.invalid_told_at = None
            self.instance = taken
            return
        self.add_error("name", "You already have a saved search with this name.")


def one_line(text):
    """The text without control and format characters (line breaks, escapes, zero-width and
    direction marks), its spaces collapsed."""
    kept = "".join(
        " " if c in "\r\n\t\x0b\x0c\x85\u2028\u2029" else c
        for c in text
        if c in "\r\n\t\x0b\x0c\x85\u2028\u2029" or unicodedata.category(c) not in ("Cc", "Cf")
    )
    return " ".join(kept.split())
