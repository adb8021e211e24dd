"""Importing coded event datasets (UCDP GED, ACLED): one Incident and one Report per row.

Both importers are idempotent by the row's id in its dataset (Report.external_id): ids
already present are skipped before any work. Every row is imported; a row whose governorate,
district or place cannot be mapped is imported with what could be (its coordinates, its
place name in Report.place_name) and reported, with the reason, in the result's `problems`.
"""

import calendar
import datetime
import functools
import html
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from django.db import connection, transaction

from . import lexicons
from .extraction import extract
from .extraction.gazetteer import distance_km, key, place_key
from .importing import without_controls
from .models import (
    Actor,
    ActorGroup,
    Attribution,
    Claim,
    ClaimKind,
    DatePrecision,
    District,
    EventType,
    GeoPrecision,
    Governorate,
    Incident,
    Place,
    Report,
    ReviewStatus,
    Source,
    actors_key,
    date_range_problem,
    figures_contradictions,
    groups_key,
    in_syria,
    refresh_perpetrator_keys,
    split_names,
)
from .seeds import GAZETTEER_DIR, read_csv, read_rows

BATCH = 2000

# --- mapping the datasets' codes to ours --------------------------------------------------

# UCDP GED codebook, where_prec: 1 the exact location, 2 within about 25 km of it, 3 the
# second-order administrative division (our district), 4 the first-order one (governorate),
# 5 a larger area or linear feature (a river, a front) in it, 6 only the country, 7
# international waters or air space.
UCDP_GEO_PRECISION = {
    "1": GeoPrecision.PLACE,
    "2": GeoPrecision.PLACE,  # kept at the named place's point
    "3": GeoPrecision.DISTRICT,
    "4": GeoPrecision.GOVERNORATE,
    "5": GeoPrecision.GOVERNORATE,
    "6": GeoPrecision.COUNTRY,
    "7": GeoPrecision.COUNTRY,
}
UCDP_UNMAPPABLE = {"6", "7"}  # a point for the whole country is no place on our map
# date_prec: 1 the exact day, 2 a range of 2 to 6 days, 3 the week, 4 a range of 8 to 30
# days or the month, 5 more than a month or the year.
UCDP_DATE_PRECISION = {
    "1": DatePrecision.DAY,
    "2": DatePrecision.WEEK,
    "3": DatePrecision.WEEK,
    "4": DatePrecision.MONTH,
    "5": DatePrecision.YEAR,
}
# type_of_violence: 1 state-based and 2 non-state conflict list the two sides that fought
# (parties); only 3, one-sided violence, says who attacked (side A) and whom (civilians).
UCDP_ONE_SIDED = "3"
# event_clarity 2, "lower clarity": a toll summed over an area or a period, not one event.
UCDP_AGGREGATE_CLARITY = "2"
ACLED_GEO_PRECISION = {
    "1": GeoPrecision.PLACE,
    "2": GeoPrecision.DISTRICT,
    "3": GeoPrecision.GOVERNORATE,
}
ACLED_DATE_PRECISION = {"1": DatePrecision.DAY, "2": DatePrecision.WEEK, "3": DatePrecision.MONTH}
# ACLED's codebook: actor1 and actor2 "do not imply directionality", except where the event
# type is one-sided: violence against civilians and explosions/remote violence are carried
# out by actor1 (actor2 being civilians or the side targeted); in battles and strategic
# developments both actors are parties.
ACLED_ACTOR1_ATTACKS = {"violence against civilians", "explosions/remote violence", "riots"}

# Headline words -> event type, first match wins (barrel before air strike: "barrel bombs
# dropped by helicopters" is a barrel bomb).
EVENT_WORDS = [
    (EventType.CHEMICAL, r"chemical|chlorine|sarin|toxic gas"),
    (EventType.BARREL_BOMB, r"barrels?|barrel bombs?"),
    (EventType.DRONE_STRIKE, r"drone|unmanned"),
    (EventType.AIRSTRIKE, r"air ?strikes?|airstrikes?|air raids?|raids?|warplanes?|jets?|"
     r"aircraft|helicopters?|bombard\w* by (?:the )?(?:regime |russian )?(?:warplanes|aircraft)"),
    (EventType.MISSILE, r"missiles?"),
    (EventType.SHELLING, r"shell\w*|rockets?|mortars?|artillery|bombard\w*|cannon|projectiles?"),
    (EventType.BOMBING, r"car bomb|explo\w*|ied|suicide|bomb\w*|landmine|mine|booby"),
    (EventType.EXECUTION, r"execut\w*|beheaded"),
    (EventType.SHOOTING, r"sniper|shot|gunmen|gunfire|shooting"),
    (EventType.CLASH, r"clash\w*|battles?|fighting|attack\w*|offensive|ambush\w*"),
]  # fmt: skip
EVENT_PATTERNS = [(kind, re.compile(rf"\b(?:{words})\b", re.I)) for kind, words in EVENT_WORDS]

ACLED_SUB_EVENTS = {
    "air/drone strike": EventType.AIRSTRIKE,
    "shelling/artillery/missile attack": EventType.SHELLING,
    "remote explosive/landmine/ied": EventType.BOMBING,
    "suicide bomb": EventType.BOMBING,
    "grenade": EventType.BOMBING,
    "chemical weapon": EventType.CHEMICAL,
    "armed clash": EventType.CLASH,
    "government regains territory": EventType.CLASH,
    "non-state actor overtakes territory": EventType.CLASH,
    "attack": EventType.SHOOTING,
}

# Actor names (UCDP sides and ACLED actors) -> groups, first match wins.
ACTOR_GROUPS = [
    (ActorGroup.SYRIAN_GOVERNMENT, r"government of syria|military forces of syria|"
     r"police forces of syria|"
     r"ndf|national defen[cs]e forces|syrian (?:arab )?army|shabiha|regime"),
    (ActorGroup.RUSSIA, r"russia"),
    (ActorGroup.IRAN_ALIGNED, r"iran|hezbollah|hizbollah|fatemiyoun|zainabiyoun|irgc"),
    (ActorGroup.INTERNATIONAL_COALITION, r"united states|coalition|operation inherent resolve|"
     r"military forces of the united kingdom|military forces of france"),
    (ActorGroup.TURKEY, r"turkey|turkish"),
    (ActorGroup.ISRAEL, r"israel"),
    (ActorGroup.IRAQ, r"iraq"),
    (ActorGroup.ISLAMIC_STATE, r"^is$|islamic state|isis|isil|daesh"),
    (ActorGroup.HTS, r"^hts$|hayat tahrir|tahrir al-? ?sham|jabhat fateh al-sham|nusra|"
     r"al-qaida|al qaeda|hurras ad-din|hurras al-din"),
    (ActorGroup.SDF, r"^sdf$|syrian democratic forces|pyd|ypg|ypj|pkk|asayish|kurdish|"
     r"self-administration|qasd"),
    (ActorGroup.OPPOSITION, r"insurgents|opposition|rebels?|^fsa$|free syrian army|^sna$|"
     r"syrian national army|ahrar|jaysh|jaish|army of|front|legion|division|brigades?|"
     r"operations room|liwa|fatah halab|zenki|rahman corps|islamic front|mujahideen|srf|"
     r"levant|sham|faylaq|harakat|movement|corps|hamza|sultan murad"),
]  # fmt: skip
ACTOR_PATTERNS = [(group, re.compile(words, re.I)) for group, words in ACTOR_GROUPS]
NOT_ACTORS = {"civilians", "", "protesters (syria)", "rioters (syria)"}


def actor_group(name):
    for group, pattern in ACTOR_PATTERNS:
        if pattern.search(name.strip()):
            return group
    return ActorGroup.UNKNOWN


def event_type_from_words(text):
    for kind, pattern in EVENT_PATTERNS:
        if pattern.search(text or ""):
            return kind
    return EventType.OTHER


# --- the admin and place crosswalk --------------------------------------------------------


class Crosswalk:
    """Governorates, districts and places of the database, found by a dataset's names.

    Governorates and districts come from their names and alternate names (which hold the
    UCDP and ACLED spellings) and the shipped crosswalk (seeds/gazetteer/crosswalk.csv);
    never from a point-in-polygon test, which the generalised boundaries would get wrong
    near borders.
    """

    def __init__(self, directory=GAZETTEER_DIR):
        self.governorates = {}
        for code, name, names in Governorate.objects.values_list("code", "name", "alternate_names"):
            for n in [code, name, *split_names(names)]:
                self.governorates.setdefault(key(n), code)
        self.districts = {}
        self.district_governorate = {}
        for pk, gov, name, names in District.objects.values_list(
            "pk", "governorate_id", "name", "alternate_names"
        ):
            self.district_governorate[pk] = gov
            for n in [name, *split_names(names)]:
                self.districts.setdefault((gov, key(_strip_admin(n))), pk)
        pcodes = dict(District.objects.values_list("pcode", "pk"))
        for row in read_rows(directory, "crosswalk.csv"):
            if row["district"] and row["district"] in pcodes:
                self.districts[(row["governorate"], key(_strip_admin(row["name"])))] = pcodes[
                    row["district"]
                ]
            elif row["governorate"]:
                self.governorates.setdefault(key(row["name"]), row["governorate"])
        # Places are found by the geocoder's candidates for a name (every spelling it knows),
        # then stored by key, as the bulletin import does.
        self.gazetteer = lexicons.gazetteer()
        self._candidates = {}
        self.places = {}
        for p in Place.objects.values(
            "id", "pcode", "geonames_id", "governorate_id", "district_id", "latitude", "longitude"
        ):
            self.places[place_key(p)] = (
                p["id"], p["governorate_id"], p["district_id"], p["latitude"], p["longitude"]
            )  # fmt: skip

    def governorate(self, name):
        return self.governorates.get(key(name)) if name else None

    def district(self, governorate, name):
        if not name:
            return None
        return self.districts.get((governorate, key(_strip_admin(name))))

    def place(self, name, governorate, latitude, longitude, within_km=10):
        """The place of that name in that governorate nearest to the point (within reach)."""
        best = None
        if name and name not in self._candidates:  # a dataset names its places many times
            self._candidates[name] = self.gazetteer.candidates(name)
        for location in self._candidates.get(name, ()) if name else ():
            candidate = self.places.get(location.key)
            if candidate is None:
                continue
            pk, gov, district, lat, lon = candidate
            if governorate and gov != governorate:
                continue
            if latitude is None:
                return candidate
            d = distance_km(latitude, longitude, lat, lon)
            if d <= within_km and (best is None or d < best[0]):
                best = (d, candidate)
        return best[1] if best else None


def _strip_admin(name):
    name = re.sub(r"\s+(governorate|district|province|sub-district)$", "", name.strip(), flags=re.I)
    return re.sub(r"^(mintaqat|markaz|mantiqat)\s+", "", name, flags=re.I)


PLACE_SUFFIXES = re.compile(
    r"\s+(village|town|city|suburb|neighbou?rhood|area|camp|district|governorate)$", re.I
)


def clean_place_name(name):
    """'Teir Maaleh village' -> 'Teir Maaleh'."""
    name = re.sub(r"\s*\([^)]*\)", "", name or "").strip()
    return PLACE_SUFFIXES.sub("", name).strip()


# --- reading ------------------------------------------------------------------------------


# The figure columns are 32-bit integers.
MAX_COUNT = 2**31 - 1


def _int(value):
    """A count of deaths: None when blank, missing ("nan", "NA") or not finite; "1,234" is
    1234 and "4.0" is 4; ValueError (the row is reported, not imported) when it is no whole
    number ("unknown", "2.7"), negative or more than the database holds."""
    text = str(value if value is not None else "").strip()
    if text.lower() in MISSING:
        return None
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text):
        text = text.replace(",", "")  # thousands written with commas
    try:
        number = float(text)
    except ValueError:
        raise ValueError(f"{value!r} is not a count of deaths") from None
    if not math.isfinite(number):
        return None  # "inf": no figure
    if number != int(number) or not 0 <= number <= MAX_COUNT:
        raise ValueError(f"{value!r} is not a count of deaths")
    return int(number)


# How spreadsheets and data frames write a missing figure.
MISSING = frozenset({"", "nan", "na", "n/a", "null", "none"})


def _degrees(value, limit):
    """A latitude (limit 90) or longitude (180), None when blank; ValueError past the limit."""
    number = _float(value)
    if number is not None and abs(number) > limit:
        raise ValueError(f"{value!r} is not a coordinate in degrees")
    return number


def _point(raw):
    """(latitude, longitude) of a row, (None, None) when it gives neither; ValueError when it
    gives one without the other or a number that is no coordinate."""
    lat, lon = _degrees(raw.get("latitude"), 90), _degrees(raw.get("longitude"), 180)
    if (lat is None) != (lon is None):
        raise ValueError("a latitude without a longitude, or a longitude without a latitude")
    return lat, lon


def _float(value):
    """A finite number, or None ("", "abc", "nan" and "inf" alike)."""
    try:
        number = float(value) if value not in (None, "") else None
    except ValueError:
        return None
    return number if number is not None and math.isfinite(number) else None


def _date(value):
    """The row's date, None when it has none; ValueError (the row is reported, not imported)
    when it is outside the range the database accepts."""
    value = (value or "").strip()
    formats = (
        "%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%S.%f",
    )  # fmt: skip
    for fmt in formats:
        try:
            date = datetime.datetime.strptime(value[:30], fmt).date()
        except ValueError:
            continue
        problem = date_range_problem(date)
        if problem:
            raise ValueError(f"the date {problem}")
        return date
    if value:
        raise ValueError(f"{value[:40]!r} is not a date")  # "2019-02-30": not "no date"
    return None


# --- importing ----------------------------------------------------------------------------


@dataclass
class ImportResult:
    created: int = 0
    skipped: int = 0  # already imported
    problems: list = field(default_factory=list)  # (external id, reason)

    def report(self, label, write, every_row=False, first=25):
        """Write the unmapped rows (all, or the first few), the count by reason, a summary."""
        shown = self.problems if every_row else self.problems[:first]
        for row, reason in shown:
            write(f"  row {row}: {reason}")
        if len(shown) < len(self.problems):
            write(f"  ... and {len(self.problems) - len(shown)} more (-v 2 lists every row)")
        reasons = Counter(
            " ".join(re.sub(r"'[^']*'|\"[^\"]*\"|\(.*\)|:.*", "", reason).split())
            for _, reason in self.problems
        )
        for reason, count in reasons.most_common():
            write(f"  {count:6d} x {reason}")
        write(self.summary(label))

    def summary(self, label):
        return (
            f"{label}: {self.created} imported, {self.skipped} already present, "
            f"{len({row for row, _ in self.problems})} rows with something unmapped (listed above)."
        )


@dataclass
class Row:
    """One dataset row in our terms, before it becomes an Incident and a Report."""

    external_id: str
    raw: dict
    headline: str
    event_type: str
    date: datetime.date | None
    date_precision: str
    place_name: str
    adm1: str
    adm2: str
    latitude: float | None
    longitude: float | None
    geo_precision: str
    figures: dict
    perpetrators: list  # names, most likely first: who carried it out, as the dataset codes it
    parties: list = field(default_factory=list)  # names of the sides in the fighting
    date_end: datetime.date | None = None
    aggregate: bool = False
    # Perpetrators the source headlines name (the extractor's dicts), as alleged by the outlet.
    alleged: list = field(default_factory=list)
    alleged_by: str = ""


def side_names(*sides):
    """The actors of UCDP sides; a side may join several groups: "Ahrar al-Sham, HTS"."""
    names = []
    for side in sides:
        for name in re.split(r",\s*(?![^()]*\))", side or ""):
            if name.strip().lower() not in NOT_ACTORS and name.strip() not in names:
                names.append(name.strip())
    return names


# Whom a source headline may name as the attacker of a fight UCDP coded between two sides: a
# side, or an ally UCDP codes under it (Russia's and Iran's strikes in the government's war,
# the coalition's beside the SDF, Turkey's beside the rebels it backs). SOHR's daily headlines
# sum up a day of the war ("85 killed yesterday, ... 21 civilians in shelling by the
# coalition"): a name outside the dyad is most often another incident's attacker.
_ALLIES = (
    {ActorGroup.SYRIAN_GOVERNMENT, ActorGroup.RUSSIA, ActorGroup.IRAN_ALIGNED},
    {ActorGroup.OPPOSITION, ActorGroup.HTS},
    {ActorGroup.OPPOSITION, ActorGroup.TURKEY},
    {ActorGroup.SDF, ActorGroup.INTERNATIONAL_COALITION},
)


def within_the_dyad(alleged, side_a, side_b):
    """The headline's perpetrators (the extractor's dicts) of the groups that fought the row's
    fight: its sides' and their allies'. All of them when a side is of no known group."""
    groups = {actor_group(name) for name in side_names(side_a, side_b)}
    if not groups or ActorGroup.UNKNOWN in groups:
        return list(alleged)
    allowed = set(groups)
    for allies in _ALLIES:
        if groups & allies:
            allowed |= allies
    return [p for p in alleged if p.get("group") in allowed]


def ucdp_row(raw, extractor=None):
    """A UCDP GED row in our terms. `extractor` (events.extraction.extract's signature) reads
    who did it from the source headlines where UCDP names only the sides."""
    # ("3.0", as pandas writes the column, is 3)
    one_sided = _float(raw.get("type_of_violence")) == float(UCDP_ONE_SIDED)
    perpetrators = side_names(raw.get("side_a", "")) if one_sided else []
    parties = [] if one_sided else side_names(raw.get("side_a", ""), raw.get("side_b", ""))
    deaths_a, deaths_b = _int(raw.get("deaths_a")), _int(raw.get("deaths_b"))
    combatants = (
        None if deaths_a is None and deaths_b is None else (deaths_a or 0) + (deaths_b or 0)
    )
    if combatants is not None and combatants > MAX_COUNT:
        raise ValueError(f"deaths_a + deaths_b ({combatants}) is not a count of deaths")
    if not str(raw.get("id") or "").strip():
        raise ValueError("the row has no id")
    low, best, high = (_int(raw.get(bound)) for bound in ("low", "best", "high"))
    if low is not None and high is not None and low > high:
        low, high = high, low  # a range written backwards
    if best is not None:
        # UCDP codes a few best estimates outside their own range (row 219459: low 177, best
        # 142, high 177): the best is kept, and the range stretched to hold it.
        low = None if low is None else min(low, best)
        high = None if high is None else max(high, best)
    figures = {
        "killed_total_low": low,
        "killed_total_best": best,
        "killed_total_high": high,
        "killed_civilians_best": _int(raw.get("deaths_civilians")),
        "killed_combatants_best": combatants,
    }
    where = raw.get("where_prec", "")
    lat, lon = _point(raw)
    if where not in UCDP_GEO_PRECISION or where in UCDP_UNMAPPABLE:
        lat = lon = None
    # Decoded before anything splits it: "al-Wa&#8217;er" holds a ";".
    headline = html.unescape(raw.get("source_headline") or "")
    date, end = _date(raw.get("date_start")), _date(raw.get("date_end"))
    precision = UCDP_DATE_PRECISION.get(raw.get("date_prec", ""), DatePrecision.DAY)
    alleged = []
    if not one_sided and extractor is not None:
        alleged = within_the_dyad(
            headline_perpetrators(headline, raw.get("source_office"), extractor),
            raw.get("side_a", ""),
            raw.get("side_b", ""),
        )
    return Row(
        external_id=str(raw["id"]).strip(),
        raw=raw,
        headline=headline,
        event_type=event_type_from_words(headline),
        date=date,
        date_precision=precision,
        date_end=end if precision != DatePrecision.DAY and date and end and end > date else None,
        aggregate=str(raw.get("event_clarity") or "").strip() == UCDP_AGGREGATE_CLARITY,
        place_name=clean_place_name(raw.get("where_coordinates", "")),
        adm1=raw.get("adm_1", ""),
        adm2=raw.get("adm_2", ""),
        latitude=lat,
        longitude=lon,
        geo_precision=UCDP_GEO_PRECISION.get(where, ""),
        figures=figures,
        perpetrators=perpetrators,
        parties=parties,
        alleged=alleged,
        alleged_by=(raw.get("source_office") or "").strip()[:200],
    )


def headline_perpetrators(headline, outlet, extractor):
    """Who the headlines (one per source article, ";"-separated) say did it, each as the
    extractor reads it: [{"name", "group", ...}], first named first, each name once."""
    found = {}
    for part in headline.split(";"):
        if part.strip():
            for perpetrator in _perpetrators_in(part.strip(), outlet or None, extractor):
                found.setdefault(perpetrator["name"], perpetrator)
    return list(found.values())


@functools.lru_cache(maxsize=50_000)
def _perpetrators_in(headline, outlet, extractor):
    # A third of UCDP's headlines recur (one article coded as several events), and who did
    # it does not depend on the date: each is read once, without one.
    return tuple(
        {**perpetrator, "name": str(perpetrator.get("name") or "").strip()}
        for event in extractor(headline, "", None, source=outlet)
        for perpetrator in event.get("perpetrators") or []
        if str(perpetrator.get("name") or "").strip()
    )


def attribute_from_headlines(extractor=extract, progress=None):
    """For UCDP rows imported before their headlines were read: the perpetrators their source
    headlines name, as alleged by the outlet, for each state-based or non-state event that has
    none yet. Returns how many incidents gained one. Safe to run again."""
    say = progress or (lambda message: None)
    reports = (
        Report.objects.filter(source=Source.UCDP_GED, incident__isnull=False)
        .exclude(claims__kind=ClaimKind.PERPETRATOR)
        .values_list("pk", "incident_id", "raw", "headline")
    )
    pending = [
        (pk, incident, raw, headline)
        for pk, incident, raw, headline in reports.iterator(chunk_size=2000)
        if str((raw or {}).get("type_of_violence") or "").strip() != UCDP_ONE_SIDED
    ]
    gained = 0
    for start in range(0, len(pending), BATCH):
        batch = pending[start : start + BATCH]
        found = {
            pk: (incident, (raw or {}).get("source_office") or "", alleged)
            for pk, incident, raw, headline in batch
            if (
                alleged := within_the_dyad(
                    headline_perpetrators(headline, (raw or {}).get("source_office"), extractor),
                    (raw or {}).get("side_a", ""),
                    (raw or {}).get("side_b", ""),
                )
            )
        }
        actors = _actors(
            {p["name"] for *_, alleged in found.values() for p in alleged},
            {p["name"]: p.get("group") for *_, alleged in found.values() for p in alleged},
        )
        # (an incident whose perpetrators an editor chose keeps them: the claims are kept)
        chosen = set(
            Incident.objects.filter(
                pk__in=[incident for incident, *_ in found.values()], perpetrators_edited=True
            ).values_list("pk", flat=True)
        )
        with transaction.atomic():
            claims, links = [], []
            for pk, (incident, outlet, alleged) in found.items():
                for position, p in enumerate(alleged, start=100):
                    actor = actors[p["name"]]
                    claims.append(
                        Claim(
                            report_id=pk,
                            kind=ClaimKind.PERPETRATOR,
                            actor=actor,
                            name=p["name"][:200],
                            group=actor.group,
                            attribution=Attribution.ALLEGED,
                            alleged_by=outlet.strip()[:200],
                            position=position,
                        )
                    )
                    if incident not in chosen:
                        links.append(
                            Incident.perpetrators.through(incident_id=incident, actor_id=actor.pk)
                        )
            Claim.objects.bulk_create(claims)
            Incident.perpetrators.through.objects.bulk_create(links, ignore_conflicts=True)
            by_group = {}
            for incident, _, alleged in found.values():
                if incident not in chosen:
                    by_group.setdefault(actors[alleged[0]["name"]].group, []).append(incident)
            for group, pks in by_group.items():
                Incident.objects.filter(pk__in=pks, perpetrator_group="").update(
                    perpetrator_group=group
                )
            refresh_perpetrator_keys([incident for incident, *_ in found.values()])
        gained += len(found)
        say(f"  {start + len(batch)}/{len(pending)} rows read, {gained} incidents attributed")
    return gained


def acled_row(raw):
    """An ACLED export row in our terms."""
    identifier = str(raw["event_id_cnty"] or "").strip()
    if not identifier:
        raise ValueError("the row has no id")
    sub = (raw.get("sub_event_type") or "").strip().lower()
    notes = raw.get("notes") or ""
    kind = ACLED_SUB_EVENTS.get(sub)
    if kind == EventType.AIRSTRIKE and re.search(r"\bdrones?\b|\bUAVs?\b", notes, re.I):
        kind = EventType.DRONE_STRIKE
    if kind == EventType.SHELLING and re.search(r"\bmissiles?\b", notes, re.I):
        kind = EventType.MISSILE
    if kind is None:
        kind = event_type_from_words(notes) if notes else EventType.OTHER
    actors = []
    for column in ("actor1", "actor2"):
        name = (raw.get(column) or "").strip()
        if name.lower() in NOT_ACTORS or name.lower().startswith(("civilians", "protesters")):
            name = ""
        actors.append(name)
    attacks = (raw.get("event_type") or "").strip().lower() in ACLED_ACTOR1_ATTACKS
    perpetrators = [actors[0]] if attacks and actors[0] else []
    parties = [name for name in (actors[1:] if attacks else actors) if name]
    parties = [name for name in dict.fromkeys(parties) if name not in perpetrators]
    date = _date(raw.get("event_date"))
    when = ACLED_DATE_PRECISION.get(raw.get("time_precision", ""), DatePrecision.DAY)
    end = None
    if when == DatePrecision.MONTH and date:
        end = date.replace(day=calendar.monthrange(date.year, date.month)[1])
    fatalities = _int(raw.get("fatalities"))
    precision = raw.get("geo_precision", "")
    latitude, longitude = _point(raw)
    return Row(
        external_id=identifier,
        raw=raw,
        headline=html.unescape(notes),
        event_type=kind,
        date=date,
        date_precision=when,
        date_end=end if end and end > date else None,
        place_name=(raw.get("location") or "").strip(),
        adm1=raw.get("admin1", ""),
        adm2=raw.get("admin2", ""),
        latitude=latitude,
        longitude=longitude,
        geo_precision=ACLED_GEO_PRECISION.get(precision, ""),
        figures={"killed_total_best": fatalities},
        perpetrators=perpetrators,
        parties=parties,
    )


# The columns without which a file is not the dataset's (its id, date, toll and location).
UCDP_COLUMNS = (
    "id", "type_of_violence", "side_a", "side_b", "where_prec", "adm_1", "latitude",
    "longitude", "date_prec", "date_start", "best",
)  # fmt: skip
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "event_type", "actor1", "admin1", "latitude", "longitude",
    "fatalities",
)  # fmt: skip


class NotTheDataset(ValueError):
    """A file that lacks the dataset's columns: refused whole, naming them."""


def import_ucdp_ged(path, progress=None, extractor=extract):
    """Import a UCDP GED CSV (plain or gzipped). See the module docstring."""
    convert = functools.partial(ucdp_row, extractor=extractor)
    raws = with_columns(read_csv(path), UCDP_COLUMNS, "UCDP GED")
    return import_rows(raws, convert, Source.UCDP_GED, progress)


def import_acled(path, progress=None):
    """Import an ACLED export CSV (plain or gzipped). See the module docstring."""
    raws = with_columns(read_csv(path), ACLED_COLUMNS, "ACLED")
    return import_rows(raws, acled_row, Source.ACLED, progress)


def with_columns(raws, columns, dataset):
    """The rows, or NotTheDataset when their header lacks any of `columns`."""
    if raws:
        missing = [column for column in columns if column not in raws[0]]
        if missing:
            raise NotTheDataset(
                f"the file has no {', '.join(missing)} column{'s' if len(missing) > 1 else ''}:"
                f" is it a {dataset} CSV?"
            )
    return raws


def import_rows(raws, convert, source, progress=None):
    say = progress or (lambda message: None)
    result = ImportResult()
    present = set(
        Report.objects.filter(source=source)
        .exclude(external_id="")
        .values_list("external_id", flat=True)
    )
    rows, seen, again = [], set(), {}
    width = len([name for name in raws[0] if name is not None]) if raws else 0
    for line, raw in enumerate(raws, start=2):  # the header is line 1
        named = without_controls(str(raw.get("id") or raw.get("event_id_cnty") or "")).strip()
        try:
            # csv's restkey (None: the fields past the header's) and restval (None: the
            # header's fields the row lacks).
            if None in raw or None in raw.values():
                named_fields = sum(v is not None for k, v in raw.items() if k is not None)
                fields = named_fields + len(raw.get(None) or ())
                raise ValueError(f"it has {fields} fields, the header {width}")
            if any("\x00" in str(value) for value in raw.values()):
                raise ValueError("it holds a NUL character, which the database refuses")
            # (control characters are no text, as in a bulletin: an escape or a direction
            # override came out raw in the pages and the CSV)
            raw = {k: without_controls(v) if isinstance(v, str) else v for k, v in raw.items()}
            row = convert(raw)
            too_long(row)
        except (KeyError, ValueError) as error:
            result.problems.append((named or f"on line {line}", f"unreadable row: {error}"))
            continue
        if row.external_id in seen:
            result.problems.append(
                (row.external_id, "a second row with the same id in this file: not imported")
            )
            continue
        if row.external_id in present:
            result.skipped += 1
            again[row.external_id] = row.raw
            continue
        seen.add(row.external_id)
        rows.append(row)
    changed_upstream(again, source, result)
    if not rows:
        return result
    crosswalk = Crosswalk()
    actors = _actors(
        {
            name
            for row in rows
            for name in [*row.perpetrators, *row.parties, *(p["name"] for p in row.alleged)]
        },
        {p["name"]: p.get("group") for row in rows for p in row.alleged},
    )
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        with transaction.atomic():
            _create(batch, source, crosswalk, actors, result, say)
        result.created += len(batch)
        say(f"  {source}: {start + len(batch)}/{len(rows)} rows imported")
    if connection.vendor == "postgresql":
        # The planner's statistics of what was written: with autovacuum off or not yet by, it
        # took the new rows for none and joined an export's perpetrators by nested loop (147 s
        # for 16,000 rows; 0.65 s once analysed).
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {', '.join(WRITTEN)}")
    return result


def changed_upstream(again, source, result):
    """Report the rows already imported whose columns the file gives otherwise now (the
    dataset revised them): they are not updated, and the editor is told which columns."""
    ids = list(again)
    for start in range(0, len(ids), BATCH):
        stored = Report.objects.filter(source=source, external_id__in=ids[start : start + BATCH])
        for external_id, raw in stored.values_list("external_id", "raw"):
            if not isinstance(raw, dict):
                continue
            new = again[external_id]
            columns = [
                name
                for name in new
                if name in raw and str(raw[name] or "").strip() != str(new[name] or "").strip()
            ]
            if columns:
                result.problems.append(
                    (
                        external_id,
                        f"changed upstream since it was imported ({', '.join(columns[:5])}): "
                        "not updated; the incident keeps what was imported first",
                    )
                )


def too_long(row):
    """ValueError when a value of the row is longer than its column holds (PostgreSQL refused
    the whole batch; SQLite kept it whole)."""
    limit = Report._meta.get_field("external_id").max_length
    if len(row.external_id) > limit:
        raise ValueError(f"the id is longer than {limit} characters")
    limit = Actor._meta.get_field("name").max_length
    names = [*row.perpetrators, *row.parties, *(p["name"] for p in row.alleged)]
    if any(len(name) > limit for name in names):
        raise ValueError(f"an actor's name is longer than {limit} characters")
    limit = Report._meta.get_field("place_name").max_length
    if len(row.place_name) > limit:
        raise ValueError(f"the place name is longer than {limit} characters")


# The tables a dataset import writes to.
WRITTEN = (
    "events_incident", "events_report", "events_claim", "events_incident_perpetrators",
    "events_actor", "events_place",
)  # fmt: skip


def _actors(names, groups=None):
    """{name: Actor} for a dataset's names: the actor whose name or alias it is, else a new
    one with its group (the extractor's, or from the name). An editor's group is kept."""
    found = Actor.objects.resolve(names)
    new = {}
    for name in sorted(set(names) - set(found)):
        group = (groups or {}).get(name)
        new[name] = Actor(
            name=name, group=group if group in ActorGroup.values else actor_group(name)
        )
    Actor.objects.bulk_create(new.values(), ignore_conflicts=True)
    return {**found, **Actor.objects.resolve(new)}


def _create(batch, source, crosswalk, actors, result, say):
    incidents, reports = [], []
    for row in batch:
        problems = []
        governorate = crosswalk.governorate(row.adm1)
        if row.adm1 and not governorate:
            problems.append(f"unknown governorate {row.adm1!r}")
        latitude, longitude, precision = row.latitude, row.longitude, row.geo_precision
        if latitude is not None and not in_syria(latitude, longitude):
            # (0, 0), or a point abroad: the map would put the strike there
            problems.append(
                f"coordinates ({latitude}, {longitude}) outside Syria: dropped for the place "
                "its name gives"
            )
            latitude = longitude = None
            precision = precision or GeoPrecision.PLACE
        place = crosswalk.place(row.place_name, governorate, latitude, longitude)
        if not governorate and place:
            governorate = place[1]  # no admin1 in the row: the named place's governorate
        if not governorate:
            problems.append("no governorate" + ("" if row.adm1 else " (admin1 empty)"))
        district = crosswalk.district(governorate, row.adm2)
        if district is None and place:
            district = place[2]
        if latitude is None and place and precision == GeoPrecision.PLACE:
            latitude, longitude = place[3], place[4]  # a known place the row gives no point
        if not precision or latitude is None:
            code = row.raw.get("where_prec") or row.raw.get("geo_precision")
            problems.append(f"location not mappable (precision {code!r})")
        elif precision == GeoPrecision.PLACE and not place:
            problems.append(f"place {row.place_name!r} not in the gazetteer: kept its coordinates")
        figures = {name: value for name, value in row.figures.items() if value is not None}
        for _, parts, why in figures_contradictions(figures.get):
            # A row's figures that cannot all be true (500 civilians of 10 dead): which one is
            # wrong the row does not say, so the parts go and its toll of the dead stays.
            problems.append(
                f"figures that contradict each other: {why.split(':')[0]}; left out, the rest "
                "of the row imported"
            )
            for name in parts:
                figures.pop(name, None)
        for problem in problems:
            result.problems.append((row.external_id, problem))
        perpetrators = [actors[n] for n in [*row.perpetrators, *(p["name"] for p in row.alleged)]]
        group = perpetrators[0].group if perpetrators else ""
        common = {
            "event_type": row.event_type,
            "date": row.date,
            # As Incident.save() has it (bulk_create does without): no date, no precision.
            "date_precision": row.date_precision if row.date else DatePrecision.UNDATED,
            "date_end": row.date_end,
            "place_id": place[0] if place and precision == GeoPrecision.PLACE else None,
            "district_id": district,
            "governorate_id": governorate,
            "latitude": latitude,
            "longitude": longitude,
            "geo_precision": precision
            or (GeoPrecision.COUNTRY if latitude is None else GeoPrecision.PLACE),
            **figures,
        }
        incidents.append(
            Incident(
                title=row.headline.split(";")[0].strip()[:300],
                source=source,
                status=ReviewStatus.VERIFIED,
                perpetrator_group=group,
                # bulk_create skips save() and the perpetrators are linked in bulk below.
                perpetrator_groups=groups_key([a.group for a in perpetrators]),
                perpetrator_actors=actors_key([a.pk for a in perpetrators]),
                party_groups=groups_key([actors[n].group for n in row.parties]),
                aggregate=row.aggregate,
                **common,
            )
        )
        reports.append(
            Report(
                source=source,
                external_id=row.external_id,
                headline=row.headline,
                place_name=row.place_name[:200],
                is_primary=True,
                raw=row.raw,
                **common,
            )
        )
    Incident.objects.bulk_create(incidents)
    for incident, report in zip(incidents, reports, strict=True):
        report.incident_id = incident.pk
    Report.objects.bulk_create(reports)
    claims, links = [], []
    dataset = dict(Source.choices)[source]
    for row, incident, report in zip(batch, incidents, reports, strict=True):
        named = [
            # As the dataset coded them: who carried it out, then the sides that fought.
            *((n, ClaimKind.PERPETRATOR, Attribution.CONFIRMED, dataset) for n in row.perpetrators),
            *((n, ClaimKind.PARTY, Attribution.CONFIRMED, dataset) for n in row.parties),
            # What the source headlines say, attributed to the outlet that said it.
            *(
                (p["name"], ClaimKind.PERPETRATOR, Attribution.ALLEGED, row.alleged_by)
                for p in row.alleged
            ),
        ]
        linked = set()
        for position, (name, kind, attribution, alleged_by) in enumerate(named):
            actor = actors[name]
            claims.append(
                Claim(
                    report_id=report.pk,
                    kind=kind,
                    actor=actor,
                    name=name[:200],
                    group=actor.group,
                    attribution=attribution,
                    alleged_by=alleged_by,
                    position=position,
                )
            )
            if kind == ClaimKind.PERPETRATOR and actor.pk not in linked:
                linked.add(actor.pk)
                links.append(
                    Incident.perpetrators.through(incident_id=incident.pk, actor_id=actor.pk)
                )
    Claim.objects.bulk_create(claims)
    Incident.perpetrators.through.objects.bulk_create(links, ignore_conflicts=True)
