"""The domain: a gazetteer (governorates, districts, places), actors, bulletins, and the
incidents they report.

An Incident is what happened: one point on the map, one row in the list and the export. A Report
is what one source (a bulletin, or one row of an imported dataset) says about an incident.
Figures and claims live on reports; an incident's figures are derived from its reports and stay
editable (an editor's figures are kept once set).

Every change to incidents, reports, claims, places, actors and bulletins is kept by
django-simple-history rather than django-reversion: each model gets its own history table
(`Incident.history`) that queries like any other and diffs field by field (who, when, from what
to what, why), and an editor reverts one object at a time from the admin.
"""

import datetime
import hashlib
import re
import statistics
import unicodedata

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models, transaction
from django.db.models import Case, Count, F, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.signals import m2m_changed, post_delete, pre_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from simple_history.models import HistoricalRecords

from events.extraction import confidence
from events.extraction.dates import is_dateline

# No bulletin or incident this site covers is older than this, or more than a day ahead of the
# moment it is stored (a dateline in a later time zone): a date outside the range is a typo or
# hostile, and year 10000 or 1 BC, which PostgreSQL keeps, breaks every page that reads it.
EARLIEST_DATE = datetime.date(1990, 1, 1)
EARLIEST_MOMENT = datetime.datetime(1990, 1, 1, tzinfo=datetime.UTC)
LEEWAY = datetime.timedelta(days=1)


def date_range_problem(value, now=None):
    """Why a date or datetime is outside the sane range, or None when it is inside."""
    if value is None:
        return None
    now = now or timezone.now()
    if isinstance(value, datetime.datetime):
        earliest, latest = EARLIEST_MOMENT, now + LEEWAY
        if timezone.is_naive(value):
            value = timezone.make_aware(value, datetime.UTC)
    else:
        earliest, latest = EARLIEST_DATE, (now + LEEWAY).date()
    if earliest <= value <= latest:
        return None
    return (
        f"{value.isoformat()[:25]} is outside {EARLIEST_DATE.isoformat()} to "
        f"{latest.isoformat()[:10]} (a day ahead of now)."
    )


def check_date_range(obj, field, stored_at):
    """For a model's clean(): the admin's forms say why, rather than failing at the check
    constraint below. A row stored earlier is held to the day after it was stored."""
    problem = date_range_problem(getattr(obj, field), now=getattr(obj, stored_at))
    if problem:
        raise ValidationError({field: f"The date {problem}"}, code="out_of_range")


def sane_date_constraint(field, stored_at, name):
    """From 1990 to a day after the row was stored: the row's own timestamp stands in for
    "now", which a check constraint may not read (it must hold for the row for ever)."""
    earliest = EARLIEST_MOMENT if field == "published_at" else EARLIEST_DATE
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True})
        | Q(**{f"{field}__gte": earliest, f"{field}__lte": F(stored_at) + LEEWAY}),
        name=name,
    )


CATEGORIES = ("civilians", "combatants", "children", "women", "total")
OUTCOMES = ("killed", "injured")
BOUNDS = ("low", "best", "high")


class EventType(models.TextChoices):
    AIRSTRIKE = "airstrike", "Air strike"
    DRONE_STRIKE = "drone_strike", "Drone strike"
    SHELLING = "shelling", "Shelling"
    MISSILE = "missile", "Missile"
    BARREL_BOMB = "barrel_bomb", "Barrel bomb"
    CHEMICAL = "chemical", "Chemical attack"
    BOMBING = "bombing", "Bombing"
    CLASH = "clash", "Clash"
    SHOOTING = "shooting", "Shooting"
    EXECUTION = "execution", "Execution"
    OTHER = "other", "Other"


STRIKE_TYPES = (
    EventType.AIRSTRIKE,
    EventType.DRONE_STRIKE,
    EventType.SHELLING,
    EventType.MISSILE,
    EventType.BARREL_BOMB,
)


class Precision:
    """Levels of precision, finest first."""

    @classmethod
    def as_fine_as(cls, value):
        """The levels as fine as `value` or finer (what ?date_precision= and
        ?geo_precision= select)."""
        levels = cls.values
        return levels[: levels.index(value) + 1]


class DatePrecision(Precision, models.TextChoices):
    DAY = "day", "Day"
    WEEK = "week", "Week"
    MONTH = "month", "Month"
    YEAR = "year", "Year"
    # No date at all (a bulletin without a dateline, an editor's blank): dated to no
    # precision, so that no ?date_precision= matches it. Incident.save() keeps it in step
    # with the date.
    UNDATED = "undated", "Undated"


class GeoPrecision(Precision, models.TextChoices):
    PLACE = "place", "Place"
    DISTRICT = "district", "District"
    GOVERNORATE = "governorate", "Governorate"
    COUNTRY = "country", "Country"


class ActorGroup(models.TextChoices):
    SYRIAN_GOVERNMENT = "syrian_government", "Syrian government"
    RUSSIA = "russia", "Russia"
    IRAN_ALIGNED = "iran_aligned", "Iran-aligned"
    INTERNATIONAL_COALITION = "international_coalition", "International coalition"
    TURKEY = "turkey", "Turkey"
    ISRAEL = "israel", "Israel"
    IRAQ = "iraq", "Iraq"
    ISLAMIC_STATE = "islamic_state", "Islamic State"
    HTS = "hts", "HTS / al-Nusra"
    OPPOSITION = "opposition", "Opposition"
    SDF = "sdf", "SDF / YPG"
    UNKNOWN = "unknown", "Unknown"


class ClaimKind(models.TextChoices):
    PERPETRATOR = "perpetrator", "Carried out by"
    # A side in the fighting (UCDP's sides of state-based and non-state conflict, ACLED's
    # actors of a battle): who fought, not who attacked whom.
    PARTY = "party", "Party to the fighting"


class Attribution(models.TextChoices):
    CLAIMED = "claimed", "Claimed"
    CONFIRMED = "confirmed", "Confirmed"
    ALLEGED = "alleged", "Alleged"
    UNCLEAR = "unclear", "Unclear"


class ReviewStatus(models.TextChoices):
    EXTRACTED = "extracted", "Extracted"
    VERIFIED = "verified", "Verified"
    REJECTED = "rejected", "Rejected"


class Aggregates(models.TextChoices):
    """?aggregates=: period and cumulative tolls (Incident.aggregate) are left out of every
    list, map and count unless asked for, since they sum up incidents counted already."""

    INCLUDE = "include", "with the incidents"
    ONLY = "only", "only period reports"


class Source(models.TextChoices):
    BULLETIN = "bulletin", "Bulletin"
    UCDP_GED = "ucdp_ged", "UCDP GED"
    ACLED = "acled", "ACLED"
    EDITOR = "editor", "Editor"


def split_names(value):
    """Alternate names are stored one per line (or separated by '|', as GeoNames writes them)."""
    names = []
    for line in (value or "").replace("|", "\n").splitlines():
        if line.strip() and line.strip() not in names:
            names.append(line.strip())
    return names


def join_names(names):
    return "\n".join(dict.fromkeys(n.strip() for n in names if n and n.strip()))


class Versioned(models.Model):
    """A row editors change in the admin: every save is a new version, and an editor holding
    an older one is refused (see admin.VersionedForm)."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            self.version += 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)


class Governorate(Versioned):
    code = models.CharField("ISO 3166-2 code", max_length=5, primary_key=True)
    pcode = models.CharField("OCHA P-code", max_length=4, unique=True)
    name = models.CharField(max_length=100)
    name_ar = models.CharField("Arabic name", max_length=100, blank=True)
    alternate_names = models.TextField(blank=True, help_text="One spelling per line.")
    label_latitude = models.FloatField(null=True, blank=True)
    label_longitude = models.FloatField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def names(self):
        return [self.name, self.name_ar, *split_names(self.alternate_names)]


class District(Versioned):
    pcode = models.CharField("OCHA P-code", max_length=8, unique=True)
    name = models.CharField(max_length=100)
    name_ar = models.CharField("Arabic name", max_length=100, blank=True)
    governorate = models.ForeignKey(Governorate, models.PROTECT, related_name="districts")
    alternate_names = models.TextField(blank=True, help_text="One spelling per line.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["governorate__name", "name"]

    def __str__(self):
        return f"{self.name} ({self.governorate.name})"

    @property
    def names(self):
        return [self.name, self.name_ar, *split_names(self.alternate_names)]


# A place chosen with less geocoding confidence than this is checked first in the review queue.
UNCERTAIN_PLACE = 0.5


def review_order():
    """The review queue's order: uncertain places first, then the least certain incidents (no
    confidence at all counts as least), oldest first among equals."""
    uncertain = Case(
        When(place_confidence__lt=UNCERTAIN_PLACE, then=Value(0)),
        default=Value(1),
        output_field=models.IntegerField(),
    )
    return [uncertain, F("confidence").asc(nulls_first=True), "id"]


class PlaceQuerySet(models.QuerySet):
    def by_key(self, key):
        """The place a gazetteer key names: an OCHA P-code, "geonames:<id>" or "place:<pk>"."""
        kind, _, value = str(key or "").partition(":")
        if not value:
            return self.filter(pcode=kind).first() if kind else None
        if not value.isdigit():
            return None
        if kind == "geonames":
            return self.filter(geonames_id=int(value)).first()
        if kind == "place":
            return self.filter(pk=int(value)).first()
        return None

    def named(self, name, limit=2):
        """Up to `limit` places that a name is one of: its name (any case), its Arabic name or
        one of its alternate spellings (any case)."""
        found = list(self.filter(Q(name__iexact=name) | Q(name_ar=name))[:limit])
        if len(found) < limit:
            folded = name.casefold()
            for place in self.filter(alternate_names__icontains=name).exclude(
                pk__in=[p.pk for p in found]
            ):
                if folded in {n.casefold() for n in split_names(place.alternate_names)}:
                    found.append(place)
                    if len(found) == limit:
                        break
        return found

    def spelled_from(self, typed, limit=20):
        """Up to `limit` places one of whose names starts with what was typed (a name, an
        Arabic name, then an alternate spelling), by name."""
        places = list(
            self.filter(Q(name__istartswith=typed) | Q(name_ar__startswith=typed)).order_by("name")[
                :limit
            ]
        )
        if len(places) < limit:
            folded = typed.casefold()
            others = self.filter(alternate_names__icontains=typed).exclude(
                pk__in=[p.pk for p in places]
            )
            for place in others.order_by("name"):
                if any(n.casefold().startswith(folded) for n in split_names(place.alternate_names)):
                    places.append(place)
                    if len(places) == limit:
                        break
        return places


# Syria's bounding box (south, north, west, east): every place lies in it (Place's constraint).
SYRIA_BOX = (32, 37.5, 35.5, 42.5)


def in_syria(latitude, longitude):
    """Is the point within Syria's bounding box, where Place's constraint keeps places?"""
    south, north, west, east = SYRIA_BOX
    return south <= latitude <= north and west <= longitude <= east


def changes_since(row, version):
    """What was saved to a row with history after `version`, as (who, [(field label, then,
    now), ...]).

    Read from the history, so it names each field another editor changed and both values.
    """
    history = row.history.order_by("-history_date", "-history_id")
    then = history.filter(version__lte=version).first()
    now = history.first()
    if then is None or now is None or then.pk == now.pk:
        return [], []
    delta = now.diff_against(
        then, excluded_fields=["version", "updated_at"], foreign_keys_are_objs=True
    )
    editors = {str(r.history_user) for r in history.filter(version__gt=version) if r.history_user}
    changes = []
    for change in delta.changes:
        field = row._meta.get_field(change.field)
        if field.many_to_many:
            # Each side is a list of through rows: {"incident": pk, "actor": pk}.
            names = dict(Actor.objects.values_list("pk", "name"))
            old, new = (
                ", ".join(str(names.get(row["actor"], row["actor"])) for row in rows) or "(empty)"
                for rows in (change.old, change.new)
            )
            changes.append((capfirst(field.verbose_name), old, new))
            continue
        labels = dict(field.flatchoices) if field.choices else {}
        old, new = (
            str(labels.get(v, v)) if v not in (None, "") else "(empty)"
            for v in (change.old, change.new)
        )
        changes.append((capfirst(field.verbose_name), old, new))
    return sorted(editors), changes


class Place(Versioned):
    class Origin(models.TextChoices):
        OCHA = "ocha", "OCHA populated places"
        GEONAMES = "geonames", "GeoNames"
        UCDP = "ucdp", "UCDP GED"
        EDITOR = "editor", "Editor"

    name = models.CharField(max_length=200)
    name_ar = models.CharField("Arabic name", max_length=200, blank=True)
    alternate_names = models.TextField(
        blank=True, help_text="One spelling per line, Latin or Arabic; the next import uses them."
    )
    governorate = models.ForeignKey(Governorate, models.PROTECT, related_name="places")
    district = models.ForeignKey(
        District, models.PROTECT, null=True, blank=True, related_name="places"
    )
    latitude = models.FloatField()
    longitude = models.FloatField()
    pcode = models.CharField("OCHA P-code", max_length=20, null=True, blank=True, unique=True)
    geonames_id = models.PositiveIntegerField(null=True, blank=True, unique=True)
    population = models.PositiveIntegerField(null=True, blank=True)
    origin = models.CharField(max_length=10, choices=Origin, default=Origin.EDITOR)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PlaceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        indexes = [
            # Admin search and the autocomplete of places by name.
            models.Index(fields=["name"], name="place_name_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__gte=SYRIA_BOX[0], latitude__lte=SYRIA_BOX[1])
                & Q(longitude__gte=SYRIA_BOX[2], longitude__lte=SYRIA_BOX[3]),
                name="place_in_syria_bbox",
            ),
        ]

    def __str__(self):
        return f"{self.name}, {self.governorate.name}"

    def clean(self):
        super().clean()
        errors = where_problems(None, self.district_id, self.governorate_id)
        if errors:
            raise ValidationError(errors)

    @property
    def names(self):
        return [self.name, self.name_ar, *split_names(self.alternate_names)]

    def as_alternative(self):
        """The place as an entry of `place_alternatives` (without a confidence)."""
        return {
            "key": self.key, "place": self.name, "province": self.governorate.name,
            "province_code": self.governorate_id,
            "latitude": self.latitude, "longitude": self.longitude,
        }  # fmt: skip

    @property
    def key(self):
        """How the gazetteer names this place (see PlaceQuerySet.by_key)."""
        if self.pcode:
            return self.pcode
        if self.geonames_id:
            return f"geonames:{self.geonames_id}"
        return f"place:{self.pk}"


def where_problems(place, district_id, governorate_id):
    """{field: [why]} where a place, a district and a governorate (each may be None) put one
    location in two: a district is in its governorate, and so is a place. (The incident's
    form fills the district and the governorate from the place chosen, as
    Incident.switch_place does; a place's are the gazetteer's.)"""
    errors = {}
    district = District.objects.select_related("governorate").filter(pk=district_id).first()
    governorate = Governorate.objects.filter(pk=governorate_id).first()
    if district and governorate and district.governorate_id != governorate.pk:
        errors.setdefault("district", []).append(
            f"{district.name} is in {district.governorate.name}, not {governorate.name}: "
            f"choose a district of {governorate.name}, or the governorate of {district.name}."
        )
    if place is None:
        return errors
    if governorate and place.governorate_id != governorate.pk:
        errors.setdefault("governorate", []).append(
            f"{place.name} is in {place.governorate.name}, not {governorate.name}: choose the "
            "place's governorate (choosing the place again fills it), or another place."
        )
    return errors


def place_district_problem(place, district):
    """Why a place and a district put one location in two, or None. (Not part of
    where_problems: UCDP's adm_2 names another district than the gazetteer's for the place
    of 230 of the 13,996 shipped rows with a place, and an incident's form must not refuse
    an unrelated edit of those.)"""
    if place is None or district is None or place.district_id in (None, district.pk):
        return None
    return (
        f"{place.name} is in {place.district.name} district, not {district.name}: choose the "
        "place's district (choosing the place again fills it), or another place."
    )


def actor_key(name):
    """An actor's name as compared with the names datasets give it: "Hayat Tahrir al-Sham",
    "hayat tahrir al sham" and "Hayat Tahrir al‐Sham" are one."""
    letters = unicodedata.normalize("NFKD", name or "").casefold()
    letters = "".join(ch for ch in letters if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[\W_]+", " ", letters).split())


class ActorQuerySet(models.QuerySet):
    def resolve(self, names):
        """{name: Actor} for each of `names` that is an actor's name or one of its aliases,
        compared by actor_key(). An actor's own name comes before another one's alias."""
        by_key = {}
        actors = list(self.only("pk", "name", "group", "aliases"))
        for actor in sorted(actors, key=lambda a: a.pk):
            for alias in split_names(actor.aliases):
                by_key.setdefault(actor_key(alias), actor)
        for actor in actors:
            by_key[actor_key(actor.name)] = actor
        found = {}
        for name in names:
            # ACLED qualifies a name with its country or years: "Islamic State (Syria)",
            # "Military Forces of Syria (2000-)".
            bare = re.sub(r"\s*\([^)]*\)", " ", name or "")
            actor = by_key.get(actor_key(name)) or by_key.get(actor_key(bare))
            if actor is not None:
                found[name] = actor
        return found


class Actor(Versioned):
    name = models.CharField(max_length=200, unique=True)
    group = models.CharField(max_length=30, choices=ActorGroup, default=ActorGroup.UNKNOWN)
    aliases = models.TextField(
        blank=True, help_text="One name per line; the extractor recognises each of them."
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ActorQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        regrouped = (
            self.pk is not None
            and Actor.objects.filter(pk=self.pk).exclude(group=self.group).exists()
        )
        super().save(*args, **kwargs)
        if regrouped:  # Its incidents' perpetrator_groups name the old group.
            refresh_perpetrator_keys(self.incidents.values_list("pk", flat=True))


# A confidence: a share, from 0 to 1.
SHARE = [MinValueValidator(0.0), MaxValueValidator(1.0)]
# Marks that change no word: a byte-order mark, zero-width spaces and joiners, a soft hyphen.
INVISIBLE = str.maketrans("", "", "\ufeff\u200b\u200c\u200d\u2060\u00ad")
# What a title may end on without being another title: a stop, and the spaces before it.
TITLE_STOPS = " .!?…:;,"


def publisher_line(line):
    """A short line without a full stop or a figure naming who published: "World Bulletin /
    News Desk", "By Sarah El Deeb" (not "12 killed / 30 injured in Douma")."""
    lower = line.lower()
    return (
        len(line) < 60
        and not line.endswith((".", '"', "”"))
        and not any(c.isdigit() for c in line)
        and ("/" in line or "desk" in lower or lower.startswith("by "))
    )


class Bulletin(Versioned):
    title = models.CharField(max_length=500)
    publisher = models.CharField(max_length=200, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    url = models.URLField(
        max_length=1000, blank=True, validators=[URLValidator(schemes=["http", "https"])]
    )
    text = models.TextField()
    content_hash = models.CharField(max_length=64, editable=False)
    # The hash of the text as it was imported: an editor's edit changes content_hash, and the
    # original file imported again is still this bulletin. (NULL, not "", for none: unique but
    # for the bulletins stored before whose first text another bulletin holds, and a column
    # SQLite adds without remaking the table and its triggers.)
    imported_hash = models.CharField(  # noqa: DJ001
        max_length=64, null=True, blank=True, editable=False
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, editable=False
    )
    filename = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_at", "-id"]
        constraints = [
            # Importing the same bulletin twice must change nothing, even from two processes.
            models.UniqueConstraint(fields=["content_hash"], name="bulletin_unique_content"),
            # (conditional: a unique index SQLite adds without remaking the table and its
            # triggers)
            models.UniqueConstraint(
                fields=["imported_hash"],
                condition=Q(imported_hash__isnull=False),
                name="bulletin_unique_imported",
            ),
            # A bulletin's URL is shown as a link: never javascript: or data:.
            models.CheckConstraint(
                condition=Q(url="") | Q(url__startswith="http://") | Q(url__startswith="https://"),
                name="bulletin_url_is_web_address",
            ),
            sane_date_constraint("published_at", "imported_at", "bulletin_published_in_range"),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        check_date_range(self, "published_at", "imported_at")

    @classmethod
    def by_hash(cls, digest, exclude=None):
        """The bulletin whose text, as it reads or as it was imported, has this hash (another
        than the bulletin `exclude`, if given)."""
        found = cls.objects.filter(Q(content_hash=digest) | Q(imported_hash=digest))
        return (found.exclude(pk=exclude) if exclude is not None else found).first()

    @staticmethod
    def hash_text(title, text):
        """The identity of a bulletin: its title and article (`article`), whitespace-normalised,
        in Unicode's composed form (NFC), without the invisible marks a paste carries (a
        byte-order mark, zero-width spaces and joiners, soft hyphens); the title in any
        capitals and without the stop it may end on (a feed's "AIR STRIKE KILLS 28" and a
        site's "Air strike kills 28." head one article)."""
        composed = unicodedata.normalize("NFC", f"{title}\n{text}").translate(INVISIBLE)
        title, _, text = composed.partition("\n")
        heading = " ".join(title.split()).casefold().rstrip(TITLE_STOPS)
        normalised = " ".join(f"{heading}\n{Bulletin.article(title, text)}".split())
        return hashlib.sha256(normalised.encode("utf-8")).hexdigest()

    @staticmethod
    def article(title, text):
        """The text without the lines a plain-text bulletin opens with and a JSONL or HTML one
        gives apart (a dateline of its own, the title, a publisher's line: "World Bulletin /
        News Desk"), in any order, so that one article is one bulletin in whichever format it
        came. Read again, an article is itself; a text that is nothing but such lines is kept."""
        heading = " ".join(title.split()).casefold().rstrip(TITLE_STOPS)
        lines = text.strip().split("\n")
        while lines:
            line = lines[0].strip()
            if line and not (
                is_dateline(line)
                # (the title in any capitals, with or without its stop, as hash_text reads it)
                or (heading and " ".join(line.split()).casefold().rstrip(TITLE_STOPS) == heading)
                or publisher_line(line)
            ):
                break
            lines.pop(0)
        return "\n".join(lines).strip() or text.strip()

    @property
    def document(self):
        """The text that evidence offsets point into, as in the extraction contract."""
        return f"{self.title}\n\n{self.text}"


class Figures(models.Model):
    """Killed and injured as low/best/high for each category: 30 nullable columns.

    Plain columns (rather than JSON) so that lists filter, order and export on them directly.
    """

    class Meta:
        abstract = True

    def figure(self, outcome, category, bound="best"):
        return getattr(self, f"{outcome}_{category}_{bound}")

    def figures_dict(self):
        """The contract's shape: {"killed": {"civilians": {"low", "best", "high"}, ...}, ...}."""
        result = {}
        for outcome in OUTCOMES:
            result[outcome] = {}
            for category in CATEGORIES:
                values = {b: self.figure(outcome, category, b) for b in BOUNDS}
                if any(v is not None for v in values.values()):
                    result[outcome][category] = values
        return result

    def full_clean(self, exclude=None, validate_unique=True, validate_constraints=True):
        """As Django's, but what clean() finds wrong with a field left out of the check (one
        that the form at hand does not edit, such as the read-only reports of an incident's
        form) is no error of this form: it is kept as it was, not a 500."""
        try:
            super().full_clean(exclude, validate_unique, validate_constraints)
        except ValidationError as error:
            if not exclude or not hasattr(error, "error_dict"):
                raise
            kept = {field: e for field, e in error.error_dict.items() if field not in exclude}
            if kept:
                raise ValidationError(kept) from error

    def clean(self):
        """Each figure a 32-bit integer (the columns' range on PostgreSQL), and a best value
        between its low and its high."""
        errors = {}
        for outcome in OUTCOMES:
            for category in CATEGORIES:
                low, best, high = (self.figure(outcome, category, b) for b in BOUNDS)
                too_large = False
                for bound, value in zip(BOUNDS, (low, best, high), strict=True):
                    if value is not None and value > TOLL_MAX:
                        errors[f"{outcome}_{category}_{bound}"] = f"A toll is at most {TOLL_MAX}."
                        too_large = True
                if too_large:
                    continue
                if (low is not None and high is not None and low > high) or (
                    best is not None
                    and ((low is not None and best < low) or (high is not None and best > high))
                ):
                    between = " and ".join(
                        f"the {name} ({value})"
                        for name, value in (("low", low), ("high", high))
                        if value is not None
                    )
                    field = f"{outcome}_{category}_{'best' if best is not None else 'high'}"
                    errors[field] = f"The best estimate must lie between {between}."
        if not errors:  # (a part is compared with its total once each is a figure that can be)
            for field, _, message in figures_contradictions(self.figure_value):
                errors[field] = message
        if errors:
            raise ValidationError(errors)

    def figure_value(self, name):
        return getattr(self, name)

    def set_figures(self, figures):
        for outcome in OUTCOMES:
            for category in CATEGORIES:
                values = ((figures or {}).get(outcome) or {}).get(category) or {}
                for bound in BOUNDS:
                    value = values.get(bound)
                    setattr(self, f"{outcome}_{category}_{bound}", value)


FIGURE_FIELDS = [f"{o}_{c}_{b}" for o in OUTCOMES for c in CATEGORIES for b in BOUNDS]
PARTS = ("civilians", "combatants", "children", "women")


def figures_contradictions(value):
    """Where figures contradict each other, as [(field, parts, why)]: the field a form shows
    the error at, and the parts that outnumber their total (what an importer leaves out).
    `value` gives a figure by its field name ("killed_civilians_best").

    One rule for the forms of incidents and reports, the derivation of an incident's figures
    and the dataset importers: the best estimates of the civilians and the combatants
    together, and of the children or the women alone, are no more than the best estimate of
    the dead (or injured) in all, when it is given. (Children and women are counted among
    the dead, civilians or fighters: the README's "Who the dead were".)"""
    found = []
    for outcome in OUTCOMES:
        total = value(f"{outcome}_total_best")
        if total is None:
            continue
        parts = {category: value(f"{outcome}_{category}_best") for category in PARTS}
        for category, part in parts.items():
            if part is not None and part > total:
                field = f"{outcome}_{category}_best"
                found.append(
                    (
                        field,
                        [field],
                        f"{part} {category} {outcome} (best) are more than the {total} "
                        f"{outcome} in all: lower them or raise the total.",
                    )
                )
        civilians, combatants = parts["civilians"], parts["combatants"]
        # (each alone no more than the total: which of the two is wrong, nothing says)
        if (
            civilians is not None
            and combatants is not None
            and max(civilians, combatants) <= total < civilians + combatants
        ):
            found.append(
                (
                    f"{outcome}_total_best",
                    [f"{outcome}_civilians_best", f"{outcome}_combatants_best"],
                    f"{civilians} civilians and {combatants} combatants {outcome} (best), "
                    f"{civilians + combatants} together, are more than the {total} {outcome} "
                    "in all: lower them or raise the total.",
                )
            )
    return found


def least_total(value, outcome):
    """The fewest dead (or injured) in all that the parts' best estimates allow (None when
    they give none): the civilians and combatants together, the children, the women."""
    parts = {category: value(f"{outcome}_{category}_best") for category in PARTS}
    fighting = [parts[c] for c in ("civilians", "combatants") if parts[c] is not None]
    counted = [sum(fighting)] if fighting else []
    counted += [parts[c] for c in ("children", "women") if parts[c] is not None]
    return max(counted, default=None)


TOLL_MAX = 2**31 - 1  # PostgreSQL's integer; SQLite would take more, and the API's cursors not
for _name in FIGURE_FIELDS:
    Figures.add_to_class(_name, models.PositiveIntegerField(null=True, blank=True))


class MergeRefused(ValueError):
    """A merge that would hide incidents for good: into, or of, an incident merged away."""


class IncidentQuerySet(models.QuerySet):
    def spanning_months(self):
        """Incidents dated by a period longer than a month (a year's toll, a span of weeks):
        a monthly chart cannot put them in one month without a false spike there."""
        return self.filter(
            Q(date_precision=DatePrecision.YEAR)
            | Q(date_end__gt=F("date") + datetime.timedelta(days=31))
        )

    def periods(self):
        """[(date, date_end, date_precision, incidents, killed)] of spanning_months(), one
        row a period. An undated record spans no month: it is counted, with no bar to leave."""
        return list(
            self.spanning_months()
            .filter(date__isnull=False)
            .order_by()
            .values_list("date", "date_end", "date_precision")
            .annotate(incidents=Count("id"), killed=Sum("killed_total_best"))
            .order_by("date", "date_end", "date_precision")
        )

    def published(self):
        """What analysts see: everything but rejected incidents."""
        return self.exclude(status=ReviewStatus.REJECTED)

    def aggregates(self, choice=""):
        """Period and cumulative tolls as `choice` (Aggregates) says: left out by default,
        since they sum up single incidents counted already."""
        if choice == Aggregates.INCLUDE:
            return self
        return self.filter(aggregate=choice == Aggregates.ONLY)

    def review_queue(self):
        """Unreviewed incidents: those whose place is uncertain first, then least certain first
        (no confidence at all counts as least)."""
        return self.filter(status=ReviewStatus.EXTRACTED).order_by(*review_order())

    def duplicate_candidates(self, incident):
        """Incidents that may be the same event as `incident`, each with `.reasons`.

        A candidate is dated within a day of it, at the same place or in the same district,
        of the same type, and its perpetrator group is the same or unknown on either side.
        Rejected incidents (merged ones among them) are not proposed.
        """
        if incident.date is None or not (incident.place_id or incident.district_id):
            return []
        where = Q(pk__in=[])
        if incident.place_id:
            where |= Q(place_id=incident.place_id)
        if incident.district_id:
            where |= Q(district_id=incident.district_id)
        unknown = ["", ActorGroup.UNKNOWN]
        groups = Q()
        if incident.perpetrator_group not in unknown:
            groups = Q(perpetrator_group__in=[*unknown, incident.perpetrator_group])
        day = datetime.timedelta(days=1)
        candidates = list(
            self.exclude(pk=incident.pk)
            .exclude(status=ReviewStatus.REJECTED)
            .filter(where, groups, event_type=incident.event_type)
            .filter(date__range=(incident.date - day, incident.date + day))
            .select_related("place", "district")
            .order_by("date", "id")
        )
        for other in candidates:
            other.reasons = [
                "same date" if other.date == incident.date else "dated a day apart",
                f"same place ({other.place.name})"
                if incident.place_id and other.place_id == incident.place_id
                else f"same district ({other.district.name})",
                f"same type ({other.get_event_type_display()})",
                f"same perpetrator group ({other.get_perpetrator_group_display()})"
                if other.perpetrator_group == incident.perpetrator_group
                and other.perpetrator_group not in unknown
                else "perpetrator unknown on one side",
            ]
        return candidates

    def set_status(self, status, user=None, reason=""):
        """Verify or reject many incidents at once: one UPDATE, one history record each.

        The version is bumped in the database (F + 1) so that an editor who has one of them
        open is told about the change instead of overwriting it.
        """
        with transaction.atomic():
            # Not an incident merged into another: undoing the merge brings it back.
            pks = list(
                Incident.objects.select_for_update()
                .filter(pk__in=self.values("pk"), merged_into__isnull=True)
                .exclude(status=status)
                .values_list("pk", flat=True)
            )
            Incident.objects.filter(pk__in=pks).update(status=status, version=F("version") + 1)
            records = Incident.history.bulk_history_create(
                list(Incident.objects.filter(pk__in=pks)),
                update=True,
                default_user=user,
                default_change_reason=reason or f"Marked {status}",
            )
            # Each entry keeps the perpetrators it had (bulk_history_create writes no
            # many-to-many rows: the entry read as "Perpetrators: [...] -> []").
            through = Incident.perpetrators.through
            rows = {}
            for row in through.objects.filter(incident_id__in=pks):
                rows.setdefault(row.incident_id, []).append(row)
            if records:
                kept = records[0].perpetrators.model  # HistoricalIncident_perpetrators
                kept.objects.bulk_create(
                    kept(id=row.pk, incident_id=row.incident_id, actor_id=row.actor_id,
                         history=record)
                    for record in records
                    for row in rows.get(record.id, [])
                )  # fmt: skip
        return len(pks)


class HistoryOfASaveAndItsPerpetrators(HistoricalRecords):
    """Simple-history's records, where perpetrators set right after a save (the admin form
    saves the incident, then clears and adds its perpetrators; a merge does likewise) are
    that save's version: its record takes them, where each change wrote a record of the same
    version again. A change to them with no save of its own is a record of its own, as before.
    """

    def m2m_changed(self, instance, action, attr, pk_set, reverse, **kwargs):
        saved = getattr(instance, "_recorded_version", None)
        if (
            getattr(settings, "SIMPLE_HISTORY_ENABLED", True)
            and not hasattr(instance, "skip_history_when_saving")
            and not reverse
            and action in ("post_add", "post_remove", "post_clear")
            and saved is not None
            and saved == getattr(instance, "version", None)
        ):
            latest = instance.history.first()
            if latest is not None and latest.version == saved:
                for field in latest._history_m2m_fields:
                    self.m2m_models[field].objects.filter(history=latest).delete()
                self.create_historical_record_m2ms(latest, instance)
                return
        super().m2m_changed(instance, action, attr, pk_set, reverse, **kwargs)


class Incident(Figures):
    title = models.CharField(max_length=300, blank=True)
    event_type = models.CharField(max_length=20, choices=EventType, default=EventType.OTHER)
    date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(
        max_length=10, choices=DatePrecision, default=DatePrecision.DAY
    )
    date_end = models.DateField(
        null=True, blank=True, help_text="The period's last day, when it is longer than a day."
    )
    aggregate = models.BooleanField(
        default=False,
        help_text="A period or cumulative toll, not one incident: left out of incident counts "
        "unless asked for.",
    )
    # (indexed by incident_place_date_idx and incident_district_date_idx, which lead with them)
    place = models.ForeignKey(Place, models.SET_NULL, null=True, blank=True, db_index=False)
    district = models.ForeignKey(District, models.SET_NULL, null=True, blank=True, db_index=False)
    governorate = models.ForeignKey(Governorate, models.SET_NULL, null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    geo_precision = models.CharField(
        max_length=11, choices=GeoPrecision, default=GeoPrecision.PLACE
    )
    # The geocoder's confidence in `place` (0..1) and the other places its name may be, each
    # {"key", "place", "province_code", "latitude", "longitude", "confidence"}: shown as
    # "also possible", and an editor switches to one in a click (Incident.switch_place).
    place_confidence = models.FloatField(null=True, blank=True, validators=SHARE)
    place_alternatives = models.JSONField(default=list, blank=True)
    perpetrators = models.ManyToManyField(Actor, blank=True, related_name="incidents")
    # The most likely perpetrator's group, kept on the row so the list filters without a join.
    perpetrator_group = models.CharField(max_length=30, choices=ActorGroup, blank=True)
    # Every group the incident is put down to (perpetrator_group and each perpetrator's group),
    # as ",russia,syrian_government,": the group filter is then a test on the row, and the
    # map's summary (IncidentSummary) can count by it. Kept by save(), refresh_perpetrator_
    # keys() and the m2m_changed and actor-deletion handlers below; never edited by hand.
    perpetrator_groups = models.CharField(max_length=400, blank=True, default="", editable=False)
    # Its perpetrators' ids, in the same form (",1,8,"): the actor filter is a test on the row
    # too (under a trigram index on PostgreSQL, migration 0062), not a list of the actor's
    # incidents looked up one by one. Kept with perpetrator_groups, never edited by hand.
    perpetrator_actors = models.CharField(max_length=400, blank=True, default="", editable=False)
    # The groups its reports name as parties to the fighting (claims of kind "party"), in the
    # same form: the group filter's "party to". Kept by derive_from_reports() and the importers.
    party_groups = models.CharField(max_length=400, blank=True, default="", editable=False)
    source = models.CharField(max_length=10, choices=Source, default=Source.BULLETIN)
    status = models.CharField(max_length=10, choices=ReviewStatus, default=ReviewStatus.EXTRACTED)
    # Set by merge() (its status is then "rejected", so nothing counts it) and cleared by undo:
    # a merged-away incident says where it went, and is no rejected one.
    merged_into = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="merged_incidents",
    )
    confidence = models.FloatField(null=True, blank=True, validators=SHARE)
    figures_edited = models.BooleanField(
        default=False,
        help_text="An editor set the figures by hand; they are no longer derived from reports.",
    )
    perpetrators_edited = models.BooleanField(
        default=False,
        help_text="An editor chose the perpetrators; they are no longer derived from reports.",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = IncidentQuerySet.as_manager()
    # Perpetrators are kept with each version too: a change to them is a record of its own.
    history = HistoryOfASaveAndItsPerpetrators(
        m2m_fields=[perpetrators], excluded_fields=["perpetrator_groups", "perpetrator_actors"]
    )

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [
            # The list's default order and its keyset pagination: ORDER BY date DESC, id DESC.
            models.Index(fields=["-date", "-id"], name="incident_date_id_idx"),
            # The list filtered by governorate, newest first.
            models.Index(fields=["governorate", "-date", "-id"], name="incident_gov_date_idx"),
            # ... and by place or district: without them PostgreSQL walked every incident
            # newest first to find a place's fifty (163,000 rows, 38 ms at a million).
            models.Index(fields=["place", "-date", "-id"], name="incident_place_date_idx"),
            models.Index(fields=["district", "-date", "-id"], name="incident_district_date_idx"),
            # The admin's incident list filtered by perpetrator group (list_filter), newest
            # first. (The site's group filter reads perpetrator_groups instead.)
            models.Index(
                fields=["perpetrator_group", "-date", "-id"], name="incident_group_date_idx"
            ),
            # Ordering by deaths (?order=-killed).
            models.Index(fields=["-killed_total_best", "-id"], name="incident_killed_idx"),
            # The review queue: unreviewed incidents, least certain first.
            models.Index(fields=["status", "confidence"], name="incident_review_idx"),
            # A rare event type or source among other filters (?event_type=barrel_bomb&…):
            # PostgreSQL combines these with the other filters' indexes (a bitmap) rather
            # than walking every incident newest first. (The group filter's index, trigrams
            # of perpetrator_groups, is made in migration 0026 on PostgreSQL.)
            models.Index(fields=["event_type"], name="incident_event_type_idx"),
            models.Index(fields=["source"], name="incident_source_idx"),
            # The period reports a filter leaves out (the pages' note) and ?aggregates=only,
            # newest first: a few incidents in a hundred.
            models.Index(
                fields=["-date", "-id"], condition=Q(aggregate=True), name="incident_aggregate_idx"
            ),
            # The histogram's records of periods longer than a month (spanning_months()): a
            # few in a hundred incidents, found without reading the others.
            models.Index(
                fields=["date"],
                condition=Q(date_precision="year") | Q(date_end__isnull=False),
                name="incident_period_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="incident_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="incident_longitude_range",
            ),
            sane_date_constraint("date", "created_at", "incident_date_in_range"),
            # Its reports are on the incident it was merged into: published too, its deaths
            # would be counted twice. Undoing the merge brings it back (MergeRecord.undo).
            models.CheckConstraint(
                condition=Q(merged_into__isnull=True) | Q(status="rejected"),
                name="incident_merged_away_is_rejected",
                violation_error_message=(
                    "An incident merged into another stays rejected: undo the merge to bring "
                    "it back."
                ),
            ),
        ]

    def __str__(self):
        return self.title or f"{self.get_event_type_display()} #{self.pk}"

    def save(self, *args, **kwargs):
        # Every save is a new version: an editor holding an older one is refused (see admin).
        groups, actors = [self.perpetrator_group], []
        if not self._state.adding:
            self.version += 1
            for group, pk in self.perpetrators.values_list("group", "pk"):
                groups.append(group)
                actors.append(pk)
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
                if "perpetrator_group" in kwargs["update_fields"]:
                    kwargs["update_fields"].add("perpetrator_groups")
        self.perpetrator_groups = groups_key(groups)
        self.perpetrator_actors = actors_key(actors)
        if self.date is None:
            self.date_precision = DatePrecision.UNDATED
        elif self.date_precision == DatePrecision.UNDATED:
            self.date_precision = DatePrecision.DAY
        if kwargs.get("update_fields") is not None and "date" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "date_precision"}
        super().save(*args, **kwargs)
        self._recorded_version = self.version  # (its perpetrators set next join its record)

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.pk])

    def clean(self):
        super().clean()
        check_date_range(self, "date", "created_at")
        place = Place.objects.select_related("district", "governorate").filter(pk=self.place_id)
        errors = where_problems(place.first(), self.district_id, self.governorate_id)
        if self.date is not None and self.date_precision == DatePrecision.UNDATED:
            # (saved, it would be precise to the day: see save)
            errors["date_precision"] = (
                "An undated incident has no date: clear the date to make it undated, or choose "
                "the precision the date is known to."
            )
        if self.date_end and self.date is None:
            errors["date_end"] = "A period's last day needs its first: give the date."
        elif self.date_end and self.date_end < self.date:
            errors["date_end"] = "The period's last day must come on or after the date."
        elif (
            self.date_end
            and self.date_end > self.date
            and self.date_precision == DatePrecision.DAY
            and not self.aggregate
        ):
            # An incident of one day has no last day: the list, the histogram and the export
            # took a three-year "day" for a period (spanning_months()).
            errors["date_end"] = (
                "An incident dated to the day has no last day: choose the week, month or year "
                "the period is known to, tick Aggregate for a toll summed over the period, or "
                "clear the last day."
            )
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = "Give the latitude and the longitude both or neither."
        elif (
            self.geo_precision == GeoPrecision.PLACE
            and self.place_id is None
            and self.latitude is None
        ):
            # As precise as a place, and nowhere: no point on the map, yet counted among the
            # place-level records (?geo_precision=place, the overview's share).
            errors["geo_precision"] = (
                "A location precise to a place needs the place or its point: choose the place "
                "(which fills the coordinates), give the latitude and longitude, or choose a "
                "coarser precision (district, governorate or country)."
            )
        if errors:
            raise ValidationError(errors)

    def standing_alternatives(self):
        """The runners-up whose place is still in the gazetteer (an editor may have deleted one
        since the incident was placed)."""
        return [
            a
            for a in self.place_alternatives or ()
            if Place.objects.by_key(a.get("key")) is not None
        ]

    def switch_place(self, key):
        """Put the incident at another of the places its name may be (an editor's one click):
        that alternative becomes the place, the current place an alternative. False when `key`
        is not one of the alternatives."""
        if not any(a.get("key") == key for a in self.place_alternatives or ()):
            return False
        place = Place.objects.by_key(key)
        if place is None:
            return False
        rest = [a for a in self.place_alternatives if a.get("key") != key]
        if self.place_id:
            rest.insert(0, {**self.place.as_alternative(), "confidence": self.place_confidence})
        self.place, self.district, self.governorate = place, place.district, place.governorate
        self.latitude, self.longitude = place.latitude, place.longitude
        self.geo_precision = GeoPrecision.PLACE
        self.place_confidence = 1.0  # an editor's choice
        self.place_alternatives = rest
        self._change_reason = f"Place switched to {place.name}"
        self.save()
        return True

    def reattach_reports(self):
        """Give an incident brought back from its history the reports it had when it was
        deleted: they were kept, with their claims, no longer attached to any incident (the
        reports' history says whose they were)."""
        was = (
            Report.history.filter(id=OuterRef("pk"))
            .order_by("-history_date", "-history_id")
            .values("incident_id")[:1]
        )
        detached = Report.objects.filter(
            incident__isnull=True, pk__in=Report.history.filter(incident_id=self.pk).values("id")
        ).annotate(was=Subquery(was))
        back = False
        for report in detached.filter(was=self.pk):
            report.incident = self
            report._change_reason = "Back with its incident"
            report.save()
            back = True
        if back:
            # The version brought back may predate its reports' figures (an editor's stay).
            self._change_reason = "Its reports back: figures derived from them"
            self.derive_from_reports()

    def changes_since(self, version):
        """What was saved after `version` (see changes_since)."""
        return changes_since(self, version)

    def merge(self, others, user=None):
        """Make `others` part of this incident: their reports move here, they are rejected.

        Every report keeps its own figures and claims; this incident's figures are derived
        again from all of them. The MergeRecord returned says where each report came from, so
        that `MergeRecord.undo()` puts everything back.
        """
        with transaction.atomic():
            # Locked and read afresh, so that no one's concurrent edit is saved over.
            locked = Incident.objects.select_for_update().filter(
                pk__in=[self.pk, *(other.pk for other in others)]
            )
            others = [other for other in locked.order_by("pk") if other.pk != self.pk]
            self.refresh_from_db()
            # A merged-away incident is hidden: merging into it (a cycle when it was merged
            # into one of the others) or moving it on would hide every report with it.
            for incident in (self, *others):
                if incident.merged_into_id is not None:
                    raise MergeRefused(
                        f"Incident #{incident.pk} was merged into #{incident.merged_into_id}: "
                        "undo that merge first."
                    )
            # An editor's figures are never replaced by derived ones: when only a merged-away
            # incident has them, the merged incident takes them (and gives them back on undo).
            edited = None
            if not self.figures_edited:
                edited = next((other for other in others if other.figures_edited), None)
            items = []
            for other in others:
                reports = list(other.reports.order_by("pk"))
                items.append(
                    {
                        "incident": other.pk,
                        "status": other.status,
                        "reports": [r.pk for r in reports],
                        "figures": other is edited,
                        # An editor's figures the merge sets aside (this incident's editor's
                        # are kept): said to the editor merging (ModelAdmin.message_merged).
                        "figures_set_aside": {
                            name: getattr(other, name)
                            for name in FIGURE_FIELDS
                            if getattr(other, name) is not None
                        }
                        if other.figures_edited and other is not edited
                        else {},
                    }
                )
                for report in reports:
                    report.incident = self
                    report._change_reason = f"Merged into incident #{self.pk}"
                    report.save()
                other.status = ReviewStatus.REJECTED
                other.merged_into = self
                other._change_reason = f"Merged into incident #{self.pk}"
                other.save()
            if edited is not None:
                for name in FIGURE_FIELDS:
                    setattr(self, name, getattr(edited, name))
                self.figures_edited = True
            before, edited_before = self.perpetrators_now(), self.perpetrators_edited
            # So are an editor's perpetrators: this incident's stand; else a merged-away
            # incident's (the undo gives back the ones before).
            chosen = None
            if not self.perpetrators_edited:
                chosen = next((other for other in others if other.perpetrators_edited), None)
            if chosen is not None:
                self.perpetrator_group = chosen.perpetrator_group
                self.perpetrators_edited = True
            self._change_reason = "Merged " + ", ".join(f"#{o.pk}" for o in others)
            self.derive_from_reports(save=True)
            if chosen is not None:  # (saved with its group by derive_from_reports)
                self.perpetrators.set(chosen.perpetrators.all())
                self.refresh_from_db(fields=["perpetrator_groups", "perpetrator_actors"])
            record = MergeRecord.objects.create(
                target=self,
                items=items,
                merged_by=user,
                perpetrators={
                    "before": before,
                    "after": self.perpetrators_now(),
                    "edited_before": edited_before,
                },
            )
        return record

    def perpetrators_now(self):
        """[perpetrator_group, [perpetrator pks]]: what a merge changes and its undo puts back."""
        pks = sorted(self.perpetrators.values_list("pk", flat=True)) if self.pk else []
        return [self.perpetrator_group, pks]

    def derive_from_reports(self, save=True):
        """Set figures (unless an editor set them) and perpetrators from the reports.

        For each figure: low is the lowest low, high the highest high, best the median of the
        sources' best values, so that one outlying source neither sets nor hides the toll.
        """
        reports = list(self.reports.filter(is_background=False).prefetch_related("claims"))
        if not reports:
            return
        if not self.figures_edited:
            for outcome in OUTCOMES:
                for category in CATEGORIES:
                    self._derive_figure(reports, f"{outcome}_{category}")
                self._total_at_least_its_parts(outcome)
        actors, parties = [], []
        for report in reports:
            for claim in report.claims.all():
                if claim.kind == ClaimKind.PARTY:
                    parties.append(claim.group)
                elif claim.actor_id and claim.actor_id not in actors:
                    actors.append(claim.actor_id)
        if self.perpetrators_edited:
            actors = []  # the editor's choice stands
        if actors:
            # Set before the save, so the group is part of this version and its history (an
            # UPDATE behind save() left the history without it: a revert blanked the group).
            self.perpetrator_group = Actor.objects.get(pk=actors[0]).group
        if save:
            self.save()
        self.derive_parties(parties)
        if actors and self.pk:
            self.perpetrators.set(actors)
            self.refresh_from_db(fields=["perpetrator_groups", "perpetrator_actors"])

    def _derive_figure(self, reports, figure):
        """One figure's low (the lowest low), best (the median of the bests) and high (the
        highest high) from the reports; a range that a report giving only a best (a UCDP row)
        leaves short is widened to it, so low <= best <= high holds."""
        values = {b: [] for b in BOUNDS}
        for report in reports:
            for b in BOUNDS:
                if (value := getattr(report, f"{figure}_{b}")) is not None:
                    values[b].append(value)
        best = int(statistics.median_low(values["best"])) if values["best"] else None
        low = min(values["low"]) if values["low"] else None
        high = max(values["high"]) if values["high"] else None
        if best is not None:
            low = None if low is None else min(low, best)
            high = None if high is None else max(high, best)
        setattr(self, f"{figure}_low", low)
        setattr(self, f"{figure}_best", best)
        setattr(self, f"{figure}_high", high)

    def _total_at_least_its_parts(self, outcome):
        """Each figure is a median of its own, so the reports' totals may fall below the
        civilians and fighters they count (one of 2 dead, one of 10 civilians), or the
        children or the women: the dead in all are never fewer than those counted
        (figures_contradictions). Children or women alone make no total where the reports
        give none."""
        least = least_total(self.figure_value, outcome)
        best = getattr(self, f"{outcome}_total_best")
        fighting = (getattr(self, f"{outcome}_{c}_best") for c in ("civilians", "combatants"))
        if least is None or best is None and all(part is None for part in fighting):
            return
        if best is not None and best >= least:
            return
        best = least
        low, high = getattr(self, f"{outcome}_total_low"), getattr(self, f"{outcome}_total_high")
        setattr(self, f"{outcome}_total_best", best)
        setattr(self, f"{outcome}_total_low", best if low is None else min(low, best))
        setattr(self, f"{outcome}_total_high", best if high is None else max(high, best))

    def reports_changed(self, leaving=()):
        """After a report of this incident was edited, moved to another or deleted: the
        figures and perpetrators derived again from the reports it has now. The perpetrators
        that only the report gone named (`leaving`, actor pks) go with it. An incident left
        with no report keeps no figure of theirs (an editor's stay) and goes back to review."""
        remaining = self.reports.filter(is_background=False)
        named = set(
            Claim.objects.filter(report__in=remaining, actor__isnull=False)
            .exclude(kind=ClaimKind.PARTY)
            .values_list("actor_id", flat=True)
        )
        gone = set(leaving) - named
        if gone and not self.perpetrators_edited and self.perpetrators.filter(pk__in=gone).exists():
            self.perpetrators.remove(*gone)
            kept = list(self.perpetrators.values_list("group", flat=True))
            if self.perpetrator_group not in kept:
                self.perpetrator_group = kept[0] if kept else ""
            self._change_reason = "Perpetrators of a report that left"
            self.save()
        if remaining.exists():
            self.derive_from_reports()
            return
        if not self.figures_edited:
            for name in FIGURE_FIELDS:
                setattr(self, name, None)
        if self.status == ReviewStatus.VERIFIED:
            self.status = ReviewStatus.EXTRACTED
        self._change_reason = "Its last report was removed: back to review"
        self.save()
        self.derive_parties([])

    def derive_parties(self, parties=None):
        """Set party_groups from the party claims of the reports (`parties`, their groups,
        when the caller has them): after any change to the claims."""
        if not self.pk:
            return
        if parties is None:
            parties = Claim.objects.filter(
                report__incident=self, report__is_background=False, kind=ClaimKind.PARTY
            ).values_list("group", flat=True)
        if self.party_groups != groups_key(parties):
            self.party_groups = groups_key(parties)
            Incident.objects.filter(pk=self.pk).update(party_groups=self.party_groups)


def groups_key(groups):
    """Incident.perpetrator_groups for these groups: ",a,b," (sorted, no blanks) or ""."""
    groups = sorted({group for group in groups if group})
    return f",{','.join(groups)}," if groups else ""


def actors_key(pks):
    """Incident.perpetrator_actors for these actors' ids: ",1,8," (sorted) or ""."""
    pks = sorted({int(pk) for pk in pks if pk is not None})
    return f",{','.join(map(str, pks))}," if pks else ""


def derived_perpetrator_keys(incidents):
    """{pk: (what perpetrator_groups should be, what perpetrator_actors should be)} for an
    Incident queryset, from each incident's perpetrator_group and its perpetrators."""
    through = Incident.perpetrators.through.objects.filter(incident__in=incidents)
    groups, actors = {}, {}
    for pk, group in incidents.values_list("pk", "perpetrator_group").iterator(chunk_size=5000):
        groups[pk], actors[pk] = [group], []
    rows = through.values_list("incident_id", "actor_id", "actor__group")
    for pk, actor, group in rows.iterator(chunk_size=5000):
        groups[pk].append(group)
        actors[pk].append(actor)
    return {pk: (groups_key(groups[pk]), actors_key(actors[pk])) for pk in groups}


def refresh_perpetrator_keys(incident_ids=None):
    """Recompute perpetrator_groups and perpetrator_actors for these incidents (all of them
    when None).

    An UPDATE of those columns: no new version, no history record (they are derived).
    """
    incidents = Incident.objects.all()
    if incident_ids is not None:
        incidents = incidents.filter(pk__in=list(incident_ids))
    keys = {}
    for pk, key in derived_perpetrator_keys(incidents).items():
        keys.setdefault(key, []).append(pk)
    for (groups, actors), pks in keys.items():
        for start in range(0, len(pks), 5000):
            Incident.objects.filter(pk__in=pks[start : start + 5000]).exclude(
                perpetrator_groups=groups, perpetrator_actors=actors
            ).update(perpetrator_groups=groups, perpetrator_actors=actors)


@receiver(pre_delete, sender="events.Report")
def note_what_a_report_named(sender, instance, **kwargs):
    """Before a report goes (with its bulletin, or alone), the perpetrators its claims named:
    they go from its incident with it unless another report names them (post_delete)."""
    instance._named = list(
        instance.claims.filter(actor__isnull=False).values_list("actor_id", flat=True)
    )


@receiver(post_delete, sender="events.Report")
def derive_after_a_report_is_deleted(sender, instance, **kwargs):
    incident = Incident.objects.filter(pk=instance.incident_id).first()
    if incident is not None:
        incident.reports_changed(leaving=getattr(instance, "_named", ()))


@receiver(pre_delete, sender=Incident)
def keep_whose_reports(sender, instance, **kwargs):
    """Before a deleted incident's reports are detached (SET_NULL, an UPDATE that writes no
    history), note in their history whose they were, so that reverting the incident gives
    them back (Incident.reattach_reports): reports imported in bulk had no history yet."""
    reports = list(Report.objects.filter(incident=instance))
    if reports:
        Report.history.bulk_history_create(
            reports, update=True, default_change_reason="Its incident deleted"
        )


@receiver(pre_delete, sender=Actor)
def note_an_actors_incidents(sender, instance, **kwargs):
    """Before an actor goes, its incidents: its links go with it (deleted without
    m2m_changed), and their perpetrator_groups and perpetrator_actors are derived again."""
    instance._incidents = list(instance.incidents.values_list("pk", flat=True))


@receiver(post_delete, sender=Actor)
def derive_after_an_actor_is_deleted(sender, instance, **kwargs):
    refresh_perpetrator_keys(getattr(instance, "_incidents", []))


@receiver(m2m_changed, sender=Incident.perpetrators.through)
def perpetrators_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """Keep perpetrator_groups and perpetrator_actors true whichever way perpetrators are set,
    added or cleared."""
    if action == "pre_clear" and reverse:
        instance._cleared_incidents = list(instance.incidents.values_list("pk", flat=True))
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        refresh_perpetrator_keys([instance.pk])
    elif action == "post_clear":
        refresh_perpetrator_keys(getattr(instance, "_cleared_incidents", []))
    else:
        refresh_perpetrator_keys(pk_set or [])


class ReviewQueue(Incident):
    """The admin's review queue: Incident.objects.review_queue() as its own admin page."""

    class Meta:
        proxy = True
        verbose_name = "incident to review"
        verbose_name_plural = "review queue"


class Report(Figures, Versioned):
    incident = models.ForeignKey(
        Incident, models.SET_NULL, null=True, blank=True, related_name="reports"
    )
    bulletin = models.ForeignKey(
        Bulletin, models.CASCADE, null=True, blank=True, related_name="reports"
    )
    source = models.CharField(max_length=10, choices=Source, default=Source.BULLETIN)
    external_id = models.CharField(
        max_length=100, blank=True, help_text="The row's id in its dataset (UCDP id, ACLED id)."
    )
    headline = models.TextField(
        blank=True, help_text="What the source says, e.g. the dataset's source headlines."
    )
    event_type = models.CharField(max_length=20, choices=EventType, default=EventType.OTHER)
    date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=10, choices=DatePrecision, blank=True)
    date_end = models.DateField(null=True, blank=True)
    place = models.ForeignKey(Place, models.SET_NULL, null=True, blank=True)
    place_name = models.CharField(max_length=200, blank=True)
    district = models.ForeignKey(District, models.SET_NULL, null=True, blank=True)
    governorate = models.ForeignKey(Governorate, models.SET_NULL, null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    geo_precision = models.CharField(max_length=11, choices=GeoPrecision, blank=True)
    # The geocoder's confidence in `place` (0..1) and the other places its name may be, each
    # {"key", "place", "province_code", "latitude", "longitude", "confidence"}: shown as
    # "also possible", and an editor switches to one in a click (Incident.switch_place).
    place_confidence = models.FloatField(null=True, blank=True, validators=SHARE)
    place_alternatives = models.JSONField(default=list, blank=True)
    is_primary = models.BooleanField("primary", default=False)
    is_background = models.BooleanField(
        "background", default=False, help_text="A mention of an earlier incident, not a new one."
    )
    confidence = models.FloatField(null=True, blank=True, validators=SHARE)
    evidence = models.JSONField(default=list, blank=True)
    raw = models.JSONField(
        default=dict, blank=True, help_text="What the extractor or the row said."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-is_primary", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"],
                condition=~Q(external_id=""),
                name="report_unique_external_id",
            ),
            models.CheckConstraint(
                condition=Q(bulletin__isnull=False) | ~Q(external_id=""),
                name="report_has_a_source",
            ),
            sane_date_constraint("date", "created_at", "report_date_in_range"),
        ]

    def __str__(self):
        origin = self.bulletin or f"{self.get_source_display()} {self.external_id}"
        return f"{self.get_event_type_display()} ({origin})"

    def clean(self):
        super().clean()
        check_date_range(self, "date", "created_at")

    def how_read(self):
        """How the extractor found each headline field, in words (none for dataset rows)."""
        return confidence.describe((self.raw or {}).get("basis"))


class Claim(models.Model):
    """One actor as one report names it, and who says so: a perpetrator ("carried out by")
    or a party to the fighting (a side, which says nothing of who attacked whom)."""

    report = models.ForeignKey(Report, models.CASCADE, related_name="claims")
    kind = models.CharField(max_length=11, choices=ClaimKind, default=ClaimKind.PERPETRATOR)
    actor = models.ForeignKey(Actor, models.PROTECT, null=True, blank=True)
    name = models.CharField(max_length=200)
    group = models.CharField(max_length=30, choices=ActorGroup, default=ActorGroup.UNKNOWN)
    attribution = models.CharField(max_length=10, choices=Attribution, default=Attribution.UNCLEAR)
    alleged_by = models.CharField(max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "position"]

    def __str__(self):
        by = f" by {self.alleged_by}" if self.alleged_by else ""
        return f"{self.name} ({self.get_attribution_display()}{by})"


class MergeRecord(models.Model):
    """Incidents merged into one, with where each report came from, so the merge can be undone."""

    target = models.ForeignKey(Incident, models.CASCADE, related_name="merges")
    # [{"incident": pk, "status": its status before, "reports": [pk, ...]}, ...]
    items = models.JSONField(default=list)
    # The target's perpetrators before and after the merge ({"before": [group, [actor pks]],
    # "after": ...}): the undo puts back those the merged reports brought, unless an editor
    # has changed them since.
    perpetrators = models.JSONField(default=dict, blank=True)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    merged_at = models.DateTimeField(auto_now_add=True)
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-merged_at", "-id"]

    def __str__(self):
        merged = ", ".join(f"#{item['incident']}" for item in self.items)
        return f"{merged} into #{self.target_id}"

    def undo(self, user=None):
        """Each report back to its incident (unless moved since), each incident's status back.

        True if this call undid the merge, False if it was undone already: the record is
        checked under its row lock, so two clicks at once undo it once. MergeRefused while
        the incident merged into has itself been merged into another since: its reports are
        there now, and the incidents put back would be published with none (and their old
        figures, counted twice); the later merge is undone first.
        """
        with transaction.atomic():
            locked = MergeRecord.objects.select_for_update().filter(pk=self.pk).first()
            if locked is None or locked.undone_at:
                return False
            pks = [self.target_id, *(item["incident"] for item in self.items)]
            list(Incident.objects.select_for_update().filter(pk__in=pks))
            self.target.refresh_from_db()
            if self.target.merged_into_id:
                raise MergeRefused(
                    f"#{self.target_id} has since been merged into #{self.target.merged_into_id}:"
                    f" undo the merge of #{self.target_id} into #{self.target.merged_into_id}"
                    " first."
                )
            for item in self.items:
                incident = Incident.objects.filter(pk=item["incident"]).first()
                if incident is None:
                    continue
                reason = f"Unmerged from incident #{self.target_id}"
                for report in Report.objects.filter(pk__in=item["reports"], incident=self.target):
                    report.incident = incident
                    report._change_reason = reason
                    report.save()
                incident.status = item["status"]
                incident.merged_into = None
                incident._change_reason = reason
                incident.save()
                # (back to review with no figures if its reports were deleted since)
                incident.reports_changed()
            self.target._change_reason = "Merge undone"
            if self._took_figures_unchanged():
                self.target.figures_edited = False  # They were the merged-away incident's.
            if self.perpetrators and self.target.perpetrators_now() == self.perpetrators["after"]:
                group, pks = self.perpetrators["before"]
                self.target.perpetrator_group = group
                self.target.perpetrators_edited = self.perpetrators.get(
                    "edited_before", self.target.perpetrators_edited
                )
                self.target.save()
                self.target.perpetrators.set(Actor.objects.filter(pk__in=pks))
                self.target.refresh_from_db(fields=["perpetrator_groups", "perpetrator_actors"])
            self.target.derive_from_reports()
            self.undone_at = timezone.now()
            self.undone_by = user
            self.save(update_fields=["undone_at", "undone_by"])
        return True

    def _took_figures_unchanged(self):
        """Whether the merged incident holds, untouched since, the editor's figures it took
        from a merged-away incident (which keeps its own, as a rejected incident)."""
        item = next((item for item in self.items if item.get("figures")), None)
        source = Incident.objects.filter(pk=item["incident"]).first() if item else None
        return source is not None and all(
            getattr(self.target, name) == getattr(source, name) for name in FIGURE_FIELDS
        )


class ImportJobQuerySet(models.QuerySet):
    def claim(self, pk, worker):
        """Take the job for `worker` (a random token) unless it is finished or another worker
        has shown signs of life within IMPORT_STALLED_AFTER seconds; True when taken.

        One UPDATE decides, so two workers (a resumed job, a retry from the admin, a worker
        that is only slow) never import the same job at once.
        """
        now = timezone.now()
        stalled = now - datetime.timedelta(seconds=settings.IMPORT_STALLED_AFTER)
        return bool(
            self.filter(pk=pk, finished_at=None)
            .filter(Q(worker="") | Q(heartbeat_at__lt=stalled) | Q(heartbeat_at=None))
            .update(worker=worker, heartbeat_at=now, error="")
        )

    def beat(self, pk, worker):
        """Note progress; False when another worker has taken the job since (stop then)."""
        return bool(self.filter(pk=pk, worker=worker).update(heartbeat_at=timezone.now()))


class ImportJob(models.Model):
    """An upload of many bulletins, imported in the background by the task worker.

    A worker holds the job while it imports (worker, heartbeat_at); a job whose worker died
    (kill -9, a lost machine) is stalled after IMPORT_STALLED_AFTER seconds and taken over by
    the next worker that runs it (`manage.py resume_imports`, or Resume on its progress page).
    Each bulletin's outcome is stored with the bulletin, so nothing is imported or counted twice.
    """

    class State(models.TextChoices):
        WAITING = "waiting", "Waiting for the worker"
        RUNNING = "running", "Importing"
        STALLED = "stalled", "Stalled"
        FAILED = "failed", "Failed"
        FINISHED = "finished", "Finished"

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    worker = models.CharField(max_length=64, blank=True, editable=False)
    heartbeat_at = models.DateTimeField(null=True, blank=True, editable=False)
    error = models.TextField(blank=True, help_text="Why the worker gave up, when it did.")

    objects = ImportJobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Import of {self.created_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self):
        return reverse("admin:events_bulletin_import_job", args=[self.pk])

    @property
    def state(self):
        if self.finished_at:
            return self.State.FINISHED
        if self.error:
            return self.State.FAILED
        quiet_since = self.heartbeat_at or self.created_at
        if timezone.now() - quiet_since > datetime.timedelta(seconds=settings.IMPORT_STALLED_AFTER):
            return self.State.STALLED
        return self.State.RUNNING if self.heartbeat_at else self.State.WAITING

    def progress(self):
        """Files done and total, and bulletins by outcome so far (counted in the database)."""
        files = dict(self.items.order_by().values_list("status").annotate(n=models.Count("*")))
        outcomes = dict(
            ImportOutcome.objects.filter(item__job=self)
            .order_by()
            .values_list("status")
            .annotate(n=models.Count("*"))
        )
        return {
            "files": sum(files.values()),
            "files_done": sum(files.values()) - files.get(ImportItem.Status.PENDING, 0),
            **{status: outcomes.get(status, 0) for status in ImportOutcome.Status.values},
        }


class ImportItem(models.Model):
    """One uploaded file (or pasted text) of a background import, kept until it is read."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    job = models.ForeignKey(ImportJob, models.CASCADE, related_name="items")
    name = models.CharField(max_length=300)
    data = models.BinaryField(editable=False)
    # Pasted text: the form's title, publisher, url and published_at (ISO), which override
    # what is read from the text. None for a file.
    pasted = models.JSONField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["job", "id"]

    def __str__(self):
        return self.name


class ImportOutcome(models.Model):
    """What became of one bulletin of a file in a background import (the n-th, `position`)."""

    class Status(models.TextChoices):
        CREATED = "created", "Created"
        SKIPPED = "skipped", "Skipped"
        REJECTED = "rejected", "Rejected"
        FAILED = "failed", "Failed"

    item = models.ForeignKey(ImportItem, models.CASCADE, related_name="outcomes")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=300)
    status = models.CharField(max_length=10, choices=Status)
    reason = models.TextField(blank=True)
    bulletin = models.ForeignKey(Bulletin, models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["item", "position"]
        constraints = [
            # Stored in the bulletin's transaction: a resumed job skips what is stored, and a
            # bulletin is never counted twice (the progress page pages along this index).
            models.UniqueConstraint(fields=["item", "position"], name="import_outcome_once"),
        ]

    def __str__(self):
        return f"{self.name}: {self.status}"


class IncidentSummary(models.Model):
    """Published incidents that are not aggregates (what every page counts by default)
    counted by where, month, governorate, district, type, groups and place: what the map's
    cells, the histogram and the overview add up, so that at a million incidents they read
    about a tenth as many rows (see events/counts/summary.py).

    Kept on PostgreSQL by statement triggers on events_incident (migration 0031): every
    insert, update or delete of incidents appends signed `pending` rows in the same
    transaction, and summary.compact() folds those into the settled rows (one per key)
    from time to time. Readers add up both, in one statement. Not used on SQLite, where
    the views count incidents directly.
    """

    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)
    month = models.DateField(null=True)  # the first of the incident's month
    governorate = models.ForeignKey(
        Governorate,
        models.DO_NOTHING,
        null=True,
        db_constraint=False,
        db_index=False,  # summary_governorate_idx
        related_name="+",
    )
    district = models.ForeignKey(
        District,
        models.DO_NOTHING,
        null=True,
        db_constraint=False,
        db_index=False,  # summary_district_idx
        related_name="+",
    )
    event_type = models.CharField(max_length=20)
    perpetrator_groups = models.CharField(max_length=400, blank=True)
    place = models.ForeignKey(
        Place,
        models.DO_NOTHING,
        null=True,
        db_constraint=False,
        db_index=False,  # summary_place_idx
        related_name="+",
    )
    incidents = models.IntegerField()
    killed = models.BigIntegerField()  # the sum of killed_total_best (unknown counts as 0)
    # The overview's figures (migrations 0031, 0032): deaths' bounds (a best figure without a range
    # is its own low and high), civilians killed, and how many are dated to the day and
    # located at a place.
    killed_low = models.BigIntegerField(default=0)
    killed_high = models.BigIntegerField(default=0)
    civilians = models.BigIntegerField(default=0)
    civilians_low = models.BigIntegerField(default=0)
    civilians_high = models.BigIntegerField(default=0)
    dated_to_day = models.IntegerField(default=0)
    located_at_place = models.IntegerField(default=0)
    pending = models.BooleanField(default=True)

    class Meta:
        indexes = [
            # Map data in a viewport: WHERE latitude BETWEEN … AND longitude BETWEEN ….
            models.Index(fields=["latitude", "longitude"], name="summary_location_idx"),
            # A year or a range of months: WHERE month >= … AND month <= ….
            models.Index(fields=["month"], name="summary_month_idx"),
            # The map and histogram of one governorate: WHERE governorate_id = 'SY-HL'.
            models.Index(fields=["governorate"], name="summary_governorate_idx"),
            # The map and histogram of one district: WHERE district_id = 42.
            models.Index(fields=["district"], name="summary_district_idx"),
            # The counts of one place: WHERE place_id = 42.
            models.Index(fields=["place"], name="summary_place_idx"),
            # One event type: WHERE event_type = 'chemical'. (The group filter's index,
            # trigrams of perpetrator_groups, is made in migration 0027 on PostgreSQL.)
            models.Index(fields=["event_type"], name="summary_event_type_idx"),
            # summary.compact(): are there many pending rows? (WHERE pending LIMIT n)
            models.Index(fields=["id"], condition=Q(pending=True), name="summary_pending_idx"),
        ]
        # The unique key of settled rows (compact()'s ON CONFLICT) is made in migration 0031:
        # it needs NULLS NOT DISTINCT, which only PostgreSQL has.

    def __str__(self):
        return f"{self.incidents} incidents at {self.latitude},{self.longitude} in {self.month}"


class IncidentFacets(models.Model):
    """Incidents of every status counted by where, month, governorate, district, type,
    groups, status, source, toll (capped at 100) and aggregate: what the map, the histogram
    and the overview add up for a review status, a source, a minimum toll or the aggregates,
    which IncidentSummary has no column for (see events/counts/facets.py). About three times
    as many rows as IncidentSummary, which therefore still answers the filters it can.

    Kept on PostgreSQL by statement triggers on events_incident (migration 0032), as
    IncidentSummary is. Not used on SQLite.
    """

    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)
    month = models.DateField(null=True)  # the first of the incident's month
    governorate = models.ForeignKey(
        Governorate,
        models.DO_NOTHING,
        null=True,
        db_constraint=False,
        db_index=False,  # facets_governorate_idx
        related_name="+",
    )
    district = models.ForeignKey(
        District,
        models.DO_NOTHING,
        null=True,
        db_constraint=False,
        db_index=False,  # facets_district_idx
        related_name="+",
    )
    event_type = models.CharField(max_length=20)
    perpetrator_groups = models.CharField(max_length=400, blank=True)
    status = models.CharField(max_length=10)  # 'merged' for one merged into another
    source = models.CharField(max_length=10)
    # least(killed_total_best, 100); NULL when unknown. ?min_killed=N up to 100 reads it.
    killed_capped = models.IntegerField(null=True)
    place = models.ForeignKey(
        Place,
        models.DO_NOTHING,
        null=True,
        db_constraint=False,
        db_index=False,  # facets_place_idx
        related_name="+",
    )
    # Incident.aggregate: a period or cumulative toll, counted only when asked for.
    aggregate = models.BooleanField(db_default=False)
    incidents = models.IntegerField()
    killed = models.BigIntegerField()  # the sum of killed_total_best (unknown counts as 0)
    # The overview's figures (migrations 0031, 0032): deaths' bounds (a best figure without a range
    # is its own low and high), civilians killed, and how many are dated to the day and
    # located at a place.
    killed_low = models.BigIntegerField(default=0)
    killed_high = models.BigIntegerField(default=0)
    civilians = models.BigIntegerField(default=0)
    civilians_low = models.BigIntegerField(default=0)
    civilians_high = models.BigIntegerField(default=0)
    dated_to_day = models.IntegerField(default=0)
    located_at_place = models.IntegerField(default=0)
    pending = models.BooleanField(default=True)

    class Meta:
        indexes = [
            # Map data in a viewport: WHERE latitude BETWEEN … AND longitude BETWEEN ….
            models.Index(fields=["latitude", "longitude"], name="facets_location_idx"),
            # A year or a range of months: WHERE month >= … AND month <= ….
            models.Index(fields=["month"], name="facets_month_idx"),
            # One governorate: WHERE governorate_id = 'SY-HL'.
            models.Index(fields=["governorate"], name="facets_governorate_idx"),
            # One district: WHERE district_id = 42.
            models.Index(fields=["district"], name="facets_district_idx"),
            # The counts of one place: WHERE place_id = 42.
            models.Index(fields=["place"], name="facets_place_idx"),
            # One event type: WHERE event_type = 'chemical'.
            models.Index(fields=["event_type"], name="facets_event_type_idx"),
            # The period reports a filter leaves out (the pages' note), or ?aggregates=only:
            # a few rows in a hundred.
            models.Index(
                fields=["month"], condition=Q(aggregate=True), name="facets_aggregate_idx"
            ),
            # compact(): are there many pending rows? (WHERE pending ORDER BY id LIMIT n)
            models.Index(fields=["id"], condition=Q(pending=True), name="facets_pending_idx"),
        ]
        # The unique key of settled rows is made in migration 0032 (NULLS NOT DISTINCT);
        # the group filter's index (trigrams) and the covering indexes of a status, a source
        # and a minimum toll in migration 0027: PostgreSQL only, as this table is.

    def __str__(self):
        return f"{self.incidents} {self.status} incidents at {self.latitude},{self.longitude}"


class CountedFigures(models.Model):
    """The overview's figures (see counts.Figures) of the incidents a counting row counts,
    added up by readers; `pending` until compact() folds the row into its key's."""

    incidents = models.IntegerField()
    killed = models.BigIntegerField()  # the sum of killed_total_best (unknown counts as 0)
    killed_low = models.BigIntegerField()
    killed_high = models.BigIntegerField()
    civilians = models.BigIntegerField()
    civilians_low = models.BigIntegerField()
    civilians_high = models.BigIntegerField()
    dated_to_day = models.IntegerField()
    located_at_place = models.IntegerField()
    pending = models.BooleanField(default=True)

    class Meta:
        abstract = True


def counted_by(model, **kwargs):
    """A key column of a counting table pointing at `model`: no constraint, no default index
    (each table makes its own), nothing to follow back."""
    return models.ForeignKey(
        model, models.DO_NOTHING, null=True, db_constraint=False, db_index=False,
        related_name="+", **kwargs
    )  # fmt: skip


class Facets(models.Model):
    """What the counting tables of incidents of every status count them by, besides their
    own keys: review status, source, whether they are aggregates, and the date and location
    precisions (IncidentFacetBreakdown, IncidentPlaceBreakdown, IncidentMapFacets)."""

    status = models.CharField(max_length=10)  # 'merged' for one merged into another
    source = models.CharField(max_length=10)
    aggregate = models.BooleanField()
    date_precision = models.CharField(max_length=10)
    geo_precision = models.CharField(max_length=11)

    class Meta:
        abstract = True


class Breakdown(CountedFigures):
    """What IncidentBreakdown and IncidentFacetBreakdown count by: month, governorate, event
    type and perpetrator groups."""

    month = models.DateField(null=True)  # the first of the incident's month
    governorate = counted_by(Governorate)
    event_type = models.CharField(max_length=20)
    perpetrator_groups = models.CharField(max_length=400, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.incidents} incidents in {self.governorate_id} in {self.month}"


class IncidentBreakdown(Breakdown):
    """Published incidents that are not aggregates (as IncidentSummary) counted by month,
    governorate, event type and perpetrator groups, with the overview's figures: what the
    overview, the histogram and the totals add up for no filter or a governorate, a group, a
    type and whole months (see events/counts/breakdowns.py). About a sixth as many rows as
    IncidentSummary, whose points, districts and places it leaves out.

    Kept on PostgreSQL by statement triggers on events_incident (migration 0033), as
    IncidentSummary is. Not used on SQLite.
    """

    class Meta:
        indexes = [
            # A year or a range of months: WHERE month >= … AND month <= ….
            models.Index(fields=["month"], name="breakdown_month_idx"),
            # One governorate: WHERE governorate_id = 'SY-HL'.
            models.Index(fields=["governorate"], name="breakdown_governorate_idx"),
            # compact(): are there many pending rows? (WHERE pending ORDER BY id LIMIT n)
            models.Index(fields=["id"], condition=Q(pending=True), name="breakdown_pending_idx"),
        ]
        # The unique key of settled rows is made in migration 0033 (NULLS NOT DISTINCT).


class IncidentFacetBreakdown(Facets, Breakdown):
    """Incidents of every status counted as IncidentBreakdown counts the published ones, and
    by review status (merged-away incidents as 'merged'), source and whether they are
    aggregates: what the totals, the histogram and the overview's breakdowns add up for a
    status, a source or the aggregates (see events/counts/facet_breakdowns.py). IncidentFacets
    answered these from its points, places and tolls too: five times as many rows.

    Kept on PostgreSQL by statement triggers on events_incident (migration 0035). Not used on
    SQLite.
    """

    class Meta:
        indexes = [
            models.Index(fields=["month"], name="facet_breakdown_month_idx"),
            models.Index(fields=["governorate"], name="facet_breakdown_gov_idx"),
            # A status or a source: WHERE status = 'verified' (with the month, for a range).
            models.Index(fields=["status", "month"], name="facet_breakdown_status_idx"),
            models.Index(fields=["source", "month"], name="facet_breakdown_source_idx"),
            # The period reports a filter leaves out (the pages' note), or ?aggregates=only.
            models.Index(
                fields=["month"], condition=Q(aggregate=True), name="facet_breakdown_agg_idx"
            ),
            models.Index(fields=["id"], condition=Q(pending=True), name="facet_breakdown_pend_idx"),
        ]
        # The unique key of settled rows is made in migration 0035 (NULLS NOT DISTINCT).

    def __str__(self):
        return f"{self.incidents} {self.status} incidents in {self.governorate_id} in {self.month}"


class IncidentTollBreakdown(Breakdown):
    """Published incidents that are not aggregates counted as IncidentBreakdown counts them,
    and by their toll (killed_total_best, capped at 100): what the totals, the histogram and
    the overview's breakdowns add up for a minimum toll (see events/counts/toll_breakdowns.py).
    A low minimum ("2 or more killed") was added up from IncidentFacets' points and places: at
    a million incidents two thirds of its 355,000 rows, 300 ms for the overview.

    Kept on PostgreSQL by statement triggers on events_incident (migration 0044). Not used on
    SQLite.
    """

    killed_capped = models.IntegerField(null=True)  # least(killed_total_best, 100)

    class Meta:
        indexes = [
            models.Index(fields=["month"], name="toll_breakdown_month_idx"),
            # A high minimum toll: WHERE killed_capped >= 50 (a few rows).
            models.Index(fields=["killed_capped"], name="toll_breakdown_toll_idx"),
            models.Index(fields=["id"], condition=Q(pending=True), name="toll_breakdown_pend_idx"),
        ]
        # The unique key of settled rows is made in migration 0044 (NULLS NOT DISTINCT).

    def __str__(self):
        return f"{self.incidents} incidents of {self.killed_capped} killed in {self.month}"


class IncidentFacetTollBreakdown(Facets, Breakdown):
    """Incidents of every status counted as IncidentTollBreakdown counts the published ones,
    and by review status (merged-away incidents as 'merged'), source, whether they are
    aggregates and their date and location precisions: what the totals, the histogram and the
    overview's breakdowns add up for a minimum toll with a status, a source, the aggregates or
    a precision (see events/counts/facet_toll_breakdowns.py). IncidentFacets answered these
    from its points and places too: at a million incidents, "verified" with "3 or more killed"
    grouped 110,000 of its rows (the overview 127 ms); here 68,000 (its breakdowns 34 ms).

    Kept on PostgreSQL by statement triggers on events_incident (migration 0051). Not used on
    SQLite.
    """

    killed_capped = models.IntegerField(null=True)  # least(killed_total_best, 100)

    class Meta:
        indexes = [
            models.Index(fields=["status", "killed_capped"], name="facet_toll_status_idx"),
            models.Index(fields=["source", "killed_capped"], name="facet_toll_source_idx"),
            models.Index(fields=["month"], name="facet_toll_month_idx"),
            # The period reports (?aggregates=only, and the pages' note of those a filter
            # leaves out): a few thousand rows, where the table holds 219,000.
            models.Index(fields=["month"], condition=Q(aggregate=True), name="facet_toll_agg_idx"),
            models.Index(fields=["id"], condition=Q(pending=True), name="facet_toll_pend_idx"),
        ]
        # The unique key of settled rows is made in migration 0051 (NULLS NOT DISTINCT).

    def __str__(self):
        return f"{self.incidents} {self.status} incidents of {self.killed_capped} killed"


class IncidentPlaceBreakdown(Facets, CountedFigures):
    """Incidents of every status counted by place (with its district and governorate), event
    type, perpetrator groups, review status, source and aggregate, with the overview's
    figures: the overview's top places for any filter but the dates (see
    events/counts/place_breakdowns.py). It has no month: about 21,000 rows at a million
    incidents, where the summary has 100,000 and IncidentFacets 355,000.

    Kept on PostgreSQL by statement triggers on events_incident (migration 0036). Not used on
    SQLite.
    """

    place = counted_by("Place")
    governorate = counted_by(Governorate)
    district = counted_by("District")
    event_type = models.CharField(max_length=20)
    perpetrator_groups = models.CharField(max_length=400, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["governorate"], name="place_breakdown_gov_idx"),
            models.Index(fields=["district"], name="place_breakdown_district_idx"),
            models.Index(fields=["place"], name="place_breakdown_place_idx"),
            # A status or a source, for the total too (counts.total()): WHERE status = 'rejected'.
            models.Index(fields=["status"], name="place_breakdown_status_idx"),
            models.Index(fields=["source"], name="place_breakdown_source_idx"),
            # The period reports a filter leaves out (the pages' note), or ?aggregates=only.
            models.Index(
                fields=["id"], condition=Q(aggregate=True), name="place_breakdown_agg_idx"
            ),
            models.Index(fields=["id"], condition=Q(pending=True), name="place_breakdown_pend_idx"),
        ]
        # The unique key of settled rows is made in migration 0036 (NULLS NOT DISTINCT).

    def __str__(self):
        return f"{self.incidents} {self.status} incidents at place {self.place_id}"


class IncidentMapFacets(Facets, CountedFigures):
    """IncidentFacets without months: incidents of every status counted by point, governorate,
    district, type, groups, place, status, source, toll (capped at 100) and aggregate. What
    the map, the totals and the top places add up for any filter but the dates: about 49,000
    rows at a million incidents, where IncidentFacets has 355,000 and IncidentSummary (the
    published incidents by month) 100,000 (see events/counts/map_facets.py).

    Kept on PostgreSQL by statement triggers on events_incident (migration 0038). Not used on
    SQLite.
    """

    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)
    governorate = counted_by(Governorate)
    district = counted_by("District")
    event_type = models.CharField(max_length=20)
    perpetrator_groups = models.CharField(max_length=400, blank=True)
    place = counted_by("Place")
    killed_capped = models.IntegerField(null=True)  # least(killed_total_best, 100)

    class Meta:
        indexes = [
            models.Index(fields=["governorate"], name="map_facets_gov_idx"),
            models.Index(fields=["district"], name="map_facets_district_idx"),
            models.Index(fields=["place"], name="map_facets_place_idx"),
            models.Index(fields=["status"], name="map_facets_status_idx"),
            models.Index(fields=["killed_capped"], name="map_facets_toll_idx"),
            # The period reports (?aggregates=only, and the pages' note of those a filter with
            # a toll leaves out): 2,000 rows of 50,000.
            models.Index(fields=["id"], condition=Q(aggregate=True), name="map_facets_agg_idx"),
            models.Index(fields=["id"], condition=Q(pending=True), name="map_facets_pend_idx"),
        ]
        # The unique key of settled rows is made in migration 0038 (NULLS NOT DISTINCT).

    def __str__(self):
        return f"{self.incidents} {self.status} incidents at {self.latitude},{self.longitude}"


class DataVersion(models.Model):
    """How many writes have changed what the counts read (incidents, their perpetrators,
    reports and bulletins): the map data, histogram and overview answer If-None-Match with
    it, without counting (see events/counts/__init__.py).

    Kept by triggers (migration 0025): on PostgreSQL each writing statement appends a row of
    1, so writers never wait on one another, and a reader adds them up (in its own snapshot:
    a write counts once committed); on SQLite, which has one writer at a time, each row
    written adds 1 to one row.
    """

    writes = models.BigIntegerField(default=0)

    def __str__(self):
        return f"{self.writes} writes"


class IncidentSearch(models.Model):
    """What the text search (`q`) reads on PostgreSQL: one row an incident, holding the words
    of its reports' bulletins (title and text) and headlines as a tsvector under a GIN index,
    and beside them the few columns the map needs, so that a common word's thousands of
    matches are counted on the map without reading the wide incident rows.

    Written only by triggers (see events/counts/search.py, migration 0030), never by Django. The
    month is there for the histogram.
    """

    incident = models.OneToOneField(
        Incident,
        models.DO_NOTHING,
        primary_key=True,
        db_constraint=False,
        related_name="search",
    )
    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)
    month = models.DateField(null=True)  # the first of the incident's month
    killed = models.IntegerField(null=True)  # killed_total_best
    # What every page counts by default: status <> 'rejected' AND NOT aggregate.
    published = models.BooleanField()
    document = SearchVectorField(null=True)
    # Its GIN index (for WHERE document @@ websearch_to_tsquery('english', …)) is made in
    # migration 0013, on PostgreSQL only; so is the trigram index of perpetrator_groups (the
    # group filter's LIKE '%,sdf,%', migration 0040).
    # The incident's own columns that the other filters test (migration 0037): a common word
    # with a governorate, a type or a source is found by PostgreSQL as the rows under both
    # indexes (a BitmapAnd), a few thousand, instead of probing the incidents of the
    # governorate one by one (290 ms at a million incidents). Null only in rows written
    # before migration 0037 filled them (as the incident's own, by its triggers).
    date = models.DateField(null=True)
    governorate_id = models.CharField(max_length=10, null=True)  # noqa: DJ001
    district_id = models.BigIntegerField(null=True)
    place_id = models.BigIntegerField(null=True)
    event_type = models.CharField(max_length=20, null=True)  # noqa: DJ001
    perpetrator_groups = models.CharField(max_length=400, null=True)  # noqa: DJ001
    status = models.CharField(max_length=10, null=True)  # noqa: DJ001
    source = models.CharField(max_length=10, null=True)  # noqa: DJ001
    # And the overview's figures of the incident (see counts.Figures), so that the overview of
    # a search adds up these rows without reading the incidents.
    killed_low = models.IntegerField(null=True)
    killed_high = models.IntegerField(null=True)
    civilians = models.IntegerField(null=True)
    civilians_low = models.IntegerField(null=True)
    civilians_high = models.IntegerField(null=True)
    dated_to_day = models.IntegerField(null=True)
    located_at_place = models.IntegerField(null=True)
    # And the incident's precisions, for ?date_precision= and ?geo_precision= beside a word
    # (migration 0063).
    date_precision = models.CharField(max_length=10, null=True)  # noqa: DJ001
    geo_precision = models.CharField(max_length=11, null=True)  # noqa: DJ001

    class Meta:
        # The words, the type, the governorate, the district, the source and the status are
        # in one GIN index on PostgreSQL (migration 0045, btree_gin): a word with any of them
        # is found in it alone, the rarer skipping through the commoner.
        indexes = [
            models.Index(fields=["date"], name="search_date_idx"),
            models.Index(fields=["place_id"], name="search_place_idx"),
            models.Index(fields=["killed"], name="search_killed_idx"),
        ]

    def __str__(self):
        return f"search row of incident #{self.incident_id}"


class IncidentWord(models.Model):
    """Published incidents counted by each word (lexeme) of their search document and by
    point: the map of a one-word search reads the few thousand rows of that word instead of
    every matching incident (see events/counts/words.py). Kept by triggers on PostgreSQL as pending
    rows folded in by compact(), like IncidentSummary; not used on SQLite."""

    word = models.TextField()
    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)
    incidents = models.IntegerField()
    killed = models.BigIntegerField()  # the sum of killed_total_best (unknown counts as 0)
    pending = models.BooleanField(default=True)

    class Meta:
        indexes = [
            # The map of a one-word search: WHERE word = 'hospit' (settled and pending rows).
            models.Index(fields=["word", "latitude", "longitude"], name="word_lookup_idx"),
            # compact(): are there many pending rows? (WHERE pending ORDER BY id LIMIT n)
            models.Index(fields=["id"], condition=Q(pending=True), name="word_pending_idx"),
        ]
        # The unique key of settled rows is made in migration 0014 (NULLS NOT DISTINCT).

    def __str__(self):
        return f"{self.word!r}: {self.incidents} incidents at {self.latitude},{self.longitude}"
