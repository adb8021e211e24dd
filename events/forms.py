import json
import math

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.forms.fields import InvalidJSONInput

from .importing import SUPPORTED_SUFFIXES, Rejected, check_size
from .models import date_range_problem


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field, as Django's documentation shows."""

    def __init__(self, *args, **kwargs):
        accept = ",".join(SUPPORTED_SUFFIXES)
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": accept}))
        # An empty file is the importer's to reject, alone: the form's refusal lost the
        # other files of the upload.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class NotFinite(ValueError):
    """NaN, Infinity or a number too large for a float, in JSON typed into a form."""


def _not_finite(constant):
    raise NotFinite(constant)


def _finite(number):
    value = float(number)
    if not math.isfinite(value):  # json reads 1e999 as infinity
        raise NotFinite(number)
    return value


class JSONField(forms.JSONField):
    """The admin's JSON field (HistoryAdmin gives it to every JSON column): Django's, less what
    Python's json reads but JSON has not. NaN, Infinity and 1e999 (read as infinity) were
    saved as NaN and Infinity, which the database's JSON refuses (SQLite's JSON_VALID check,
    PostgreSQL's jsonb): a 500. JSON nested past Python's recursion limit is a form error too.
    """

    not_finite = "Not valid JSON: NaN/Infinity are not allowed (nor numbers as large as 1e999)."

    def __init__(self, *, empty=None, **kwargs):
        # For a NOT NULL column (HistoryAdmin), a callable giving what an empty input saves:
        # None, which an empty input or JSON's null made, was an IntegrityError.
        self.empty = empty
        super().__init__(**kwargs)

    def loads(self, value):
        return json.loads(value, cls=self.decoder, parse_constant=_not_finite, parse_float=_finite)

    def to_python(self, value):
        if isinstance(value, str) and value not in self.empty_values and not self.disabled:
            try:
                self.loads(value)
            except NotFinite:
                raise ValidationError(self.not_finite, code="invalid") from None
            except RecursionError:
                raise ValidationError("JSON nested too deep.", code="invalid") from None
            except json.JSONDecodeError:
                pass  # (Django's own message, below)
        if self.empty is not None and value in self.empty_values:
            return self.empty()
        value = super().to_python(value)
        if self.empty is not None and value is None:
            raise ValidationError("This field cannot be null: leave it empty instead.")
        return value

    def bound_data(self, data, initial):
        if isinstance(data, str) and not self.disabled:
            try:
                self.loads(data)
            except (NotFinite, RecursionError):  # shown back as typed, with the error
                return InvalidJSONInput(data)
            except json.JSONDecodeError:
                pass
        return super().bound_data(data, initial)


class PlaceAlternativesField(JSONField):
    """A report's "also possible" places, as the pipeline writes them and the pages read them
    (the admin's "{:.2f}" of each confidence, Incident.switch_place's key): a list of
    {"key", "place", "province", "province_code", "latitude", "longitude", "confidence"},
    the key and the place required. A string, numbers or an object were saved as they came."""

    message = (
        'Also possible places are a list such as [{"key": "C1234", "place": "Saraqeb", '
        '"province": "Idlib", "province_code": "SY07", "latitude": 35.86, "longitude": 36.8, '
        '"confidence": 0.4}] (the key and the place required; a confidence from 0 to 1).'
    )
    KEYS = frozenset(
        {"key", "place", "province", "province_code", "latitude", "longitude", "confidence"}
    )

    def to_python(self, value):
        if value in self.empty_values:
            return []
        value = super().to_python(value)
        if not isinstance(value, list) or not all(map(self.is_alternative, value)):
            raise ValidationError(self.message)
        return value

    @classmethod
    def is_alternative(cls, entry):
        def number(name, low, high):
            value = entry.get(name)
            return value is None or (type(value) in (int, float) and low <= value <= high)

        return (
            isinstance(entry, dict)
            and set(entry) <= cls.KEYS
            and all(
                isinstance(entry.get(name), str) and entry[name].strip()
                for name in ("key", "place")
            )
            and all(
                entry.get(name) is None or isinstance(entry[name], str)
                for name in ("province", "province_code")
            )
            and number("latitude", -90, 90)
            and number("longitude", -180, 180)
            and number("confidence", 0, 1)
        )


class ImportBulletinsForm(forms.Form):
    text = forms.CharField(
        label="Paste a bulletin",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "cols": 90}),
        help_text="First line may be a dateline (e.g. 'date 2018-07-13 12:26'); then the title.",
    )
    title = forms.CharField(
        required=False, max_length=500, help_text="Optional: the first line is used otherwise."
    )
    publisher = forms.CharField(required=False, max_length=200)
    published_at = forms.DateTimeField(
        label="Published", required=False, help_text="Optional: read from the dateline otherwise."
    )
    url = forms.URLField(
        label="URL",
        required=False,
        max_length=1000,
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
    )
    files = MultipleFileField(
        required=False,
        help_text="One or many .txt, .html or .jsonl files (one bulletin per JSONL line), "
        f"each bulletin up to {settings.MAX_BULLETIN_BYTES // (1024 * 1024)} MB (a JSONL file "
        f"up to {settings.MAX_UPLOAD_BYTES // (1024 * 1024)} MB).",
    )

    def clean_text(self):
        # The same limit as a file's: a paste is one more way in.
        try:
            check_size(len(self.cleaned_data["text"].encode()), "The pasted text")
        except Rejected as error:
            raise forms.ValidationError(str(error)) from None
        return self.cleaned_data["text"]

    def clean_published_at(self):
        problem = date_range_problem(self.cleaned_data["published_at"])
        if problem:
            raise forms.ValidationError(f"The date {problem}")
        return self.cleaned_data["published_at"]

    def overrides(self):
        """What the form says of a pasted bulletin over what its text says, as JSON (a
        background import keeps it with the text)."""
        published = self.cleaned_data["published_at"]
        return {key: self.cleaned_data[key] for key in ("title", "publisher", "url")} | {
            "published_at": published.isoformat() if published else None
        }

    def clean(self):
        data = super().clean()
        if not (data.get("text") or "").strip() and not data.get("files"):
            raise forms.ValidationError("Paste a bulletin or choose at least one file.")
        return data


class ViewportForm(forms.Form):
    """The map's view: bbox=west,south,east,north in degrees, and the zoom level."""

    bbox = forms.CharField(required=False)
    zoom = forms.IntegerField(required=False, min_value=0, max_value=22)

    def clean(self):
        cleaned_data = super().clean()
        # Two views at once ("bbox=A&bbox=B") kept the last, silently: one view, or a 400.
        for name in ("bbox", "zoom"):
            if hasattr(self.data, "getlist") and len(set(self.data.getlist(name))) > 1:
                self.add_error(name, f"Give one {name}, not {len(set(self.data.getlist(name)))}.")
        return cleaned_data

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
