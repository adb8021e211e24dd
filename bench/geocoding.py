"""Geocoding benchmark: names the gazetteer was not built with, in a sentence, located.

    .venv/bin/python bench/geocoding.py [--source ../shared/data] [--folds 5] [--seed 0]

k-fold over three sources of spellings. In each fold a fifth of the places UCDP coded (their
UCDP spelling, events and coordinates), a fifth of the GeoNames towns (every alternate Latin
spelling) and the OCHA English spelling of a fifth of OCHA's communities are left out of the
gazetteer build, so every prior the build learns (UCDP events per place, each governorate's
share of conflict places, the news words) is learnt without them. Each held-out name goes
into "An air strike hit {place} on Monday, killing three civilians, a monitor said." and
through `extract` (the contract's primary event): the share with the right governorate,
within 10 km of the true point, and with no answer, per source; then a calibration table (the
share right among answers of confidence above 0.8, 0.5 to 0.8 and below 0.5). Arabic names
(in sample: OCHA's Arabic names are in every build) check that Arabic script resolves.
With --keep-events a held-out UCDP place keeps its events on the gazetteer place it is (the
prior then knows it, as it would a place another dataset names that UCDP also coded).
With --press, also the places of bench/press_spellings.csv (300 OCHA communities within 3 km
of a UCDP event, spelled from their Arabic names as a wire journalist would, by a reviewer who
never saw the gazetteer's Latin names) against the full gazetteer: the places are in it, the
spellings are not. Needs the shared data directory; `make eval` runs it.
"""

import argparse
import csv
import itertools
import json
import os
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import build_gazetteer  # noqa: E402

from events.extraction import gazetteer as geocoder  # noqa: E402
from events.extraction.gazetteer import (  # noqa: E402
    Gazetteer,
    calibration_cell,
    calibration_rates,
    distance_km,
)

SENTENCE = "An air strike hit {place} on Monday, killing three civilians, a monitor said."
BANDS = (("> 0.8", 0.8, 1.01), ("0.5-0.8", 0.5, 0.8), ("< 0.5", 0.0, 0.5))
LEARNT = ("UCDP", "GeoNames", "OCHA")  # the sources held out of the build, fold by fold


def read(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def split(items, folds, seed):
    items = list(items)
    random.Random(seed).shuffle(items)
    return [items[i::folds] for i in range(folds)]


def sources(source):
    """Every case by source: (fold unit, name, governorate, latitude, longitude)."""
    source = Path(source)
    variants = read(source / "syria_governorates_name_variants.csv")
    admin1 = {v["ucdp_ged_adm_1"]: v["iso_3166_2"] for v in variants}
    geo_admin1 = {v["geonames_admin1_code"].split(".")[-1]: v["iso_3166_2"] for v in variants}
    pcode_iso = {pcode: iso for iso, pcode, _, _ in build_gazetteer.GOVERNORATES}
    ucdp, sites = [], []
    for r in read(source / "syria_places_observed_in_ucdp_ged.csv"):
        if not admin1.get(r["admin1"]) or int(r["best_precision"]) > 2:
            continue
        case = (admin1[r["admin1"]], float(r["latitude"]), float(r["longitude"]))
        if parsed := build_gazetteer.parse_ucdp_place(r["place_name"]):
            ucdp.append((r["place_name"], parsed[0], *case))
        elif parsed := build_gazetteer.parse_ucdp_site(r["place_name"]):
            sites.append((r["place_name"], parsed[0], *case))
    geonames = []
    for t in read(source / "syria_places_geonames_cities500.csv"):
        spellings = {
            n for n in [t["name"], *t["alternatenames"].split("|")]
            if re.fullmatch(r"[A-Za-z][A-Za-z '`\-]+", n) and n[0].isupper()
        }  # fmt: skip
        for n in sorted(spellings):
            geonames.append(
                (t["geonameid"], n, geo_admin1[t["admin1code"].zfill(2)], float(t["latitude"]),
                 float(t["longitude"]))
            )  # fmt: skip
    ocha, arabic = [], []
    for r in read(source / "syria_populated_places_ocha.csv"):
        point = (pcode_iso[r["admin1_pcode"]], float(r["latitude"]), float(r["longitude"]))
        if " - " not in r["name_en"]:
            ocha.append((r["pcode"], r["name_en"], *point))
        if r["name_ar"] and "_" not in r["name_ar"] and r["name_ar_truncated"] != "1":
            arabic.append((r["pcode"], r["name_ar"], *point))
    return {
        "UCDP": ucdp, "UCDP sites": sites, "GeoNames": geonames, "OCHA": ocha,
        "Arabic (OCHA)": arabic,
    }  # fmt: skip


def without_ocha_spellings(places, pcodes, ocha_names):
    """The OCHA English spelling (and the forms derived from it) of these places left out:
    the place keeps its coordinates and its other sources' and Arabic names."""
    for place in places:
        if place["pcode"] not in pcodes:
            continue
        own = ocha_names[place["pcode"]]
        derived = {n for n in place["alternate_names"] if any(o in n or n in o for o in own)}
        others = [n for n in place["alternate_names"] if n not in own and n not in derived]
        latin = [n for n in others if re.search("[A-Za-z]", n)]
        place["name"] = latin[0] if latin else place["name_ar"] or "?"
        place["alternate_names"] = [n for n in others if n != place["name"]]


def events_by_year(source, before=None, since=None):
    """UCDP's events per place name (its `where_coordinates`) of the years in [since, before)."""
    counts = {}
    for row in read(Path(source) / "ucdp_ged_syria_2016_2019.csv"):
        year = int(row["year"])
        if (before is None or year < before) and (since is None or year >= since):
            name = row["where_coordinates"]
            counts[name] = counts.get(name, 0) + 1
    return counts


def gazetteer_without(source, held, events=None):
    governorates, districts, places, areas, _, _ = build_gazetteer.build(
        source, exclude_ucdp=held["UCDP"], exclude_geonames=held["GeoNames"], events=events
    )
    rows = read(Path(source) / "syria_populated_places_ocha.csv")
    heads = build_gazetteer.name_heads(rows)
    ocha_names = {
        # its English names, and the press forms the build derives from them ("Samuqa")
        r["pcode"]: {r["name_en"], r["name_en_ref"]}
        | {n for n in build_gazetteer.without_admin_name(r, heads) if re.search("[A-Za-z]", n)}
        for r in rows
        if r["pcode"] in held["OCHA"]
    }
    without_ocha_spellings(places, held["OCHA"], ocha_names)
    stopwords = build_gazetteer.english_and_actor_words(
        source, governorates, districts, places, areas, exclude_ucdp=held["UCDP"]
    )
    # The foreign cities this build would write (a held-out name spelled like one is not kept
    # out of them by the names of the full build).
    nonplaces = [pair for pair in geocoder.seed_nonplaces() if pair[0] != "city"]
    nonplaces += build_gazetteer.foreign_cities(governorates, districts, places, areas)
    return Gazetteer.from_records(governorates, districts, places, areas, stopwords, nonplaces)


def extractor(gazetteer):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conflictsite.settings")
    os.environ.setdefault("SECRET_KEY", "bench")
    import django

    django.setup()
    from events.extraction import extract

    def locate(text):
        events = extract("", text, "2018-07-13", gazetteer=gazetteer)
        primary = next((e for e in events if e.get("primary")), None)
        primary = primary or next((e for e in events if not e.get("background")), None)
        if not primary or not primary.get("province_code"):
            return None
        # What the confidence is calibrated from: the same sentence's choice, uncalibrated.
        chosen = gazetteer.choose(text)
        return (
            primary["province_code"],
            primary.get("latitude"),
            primary.get("longitude"),
            chosen.raw if chosen else 1.0,
            chosen.rivals if chosen else 0,
        )

    return locate


def recording(gazetteer):
    """The gazetteer with its candidates' evidence recorded (`gazetteer.recorded`: the first
    list of each sentence, cleared by the caller), for --fit-prior."""
    gazetteer.recorded = []
    evidence = gazetteer._evidence

    def record(*args, **kwargs):
        rows = evidence(*args, **kwargs)
        if not gazetteer.recorded:
            gazetteer.recorded.append(rows)
        return rows

    gazetteer._evidence = record
    return gazetteer


def score(cases, locate, tally, answers, recorded=None, fold=None):
    for name, code, lat, lon in cases:
        if recorded is not None:
            recorded.clear()
        found = locate(SENTENCE.format(place=name))
        if recorded is not None:
            # (the answer, and what ranked it, to choose again under other weights)
            tally["choices"].append((fold, code, found and found[0], list(recorded[:1])))
        tally["cases"] += 1
        if found is None:
            tally["none"] += 1
            continue
        got_code, got_lat, got_lon, raw, rivals = found
        right = got_code == code
        tally["right"] += right
        if got_lat is not None and distance_km(lat, lon, got_lat, got_lon) <= 10:
            tally["near"] += 1
        elif not right:
            tally["misses"].append((name, code, got_code))
        answers.append((raw, rivals, right))


# The weights --fit-prior tries: SPELLING, PRIOR and PRIOR_WEIGHTS (see the gazetteer).
PRIOR_GRID = {
    "spelling": (20.0,),
    "prior": (0.04, 0.06, 0.1, 0.15, 0.3, 0.6),
    "events": (0.3, 0.6, 1.0, 2.0),
    "population": (0.0, 0.25),
    "governorate": (0.5, 1.0, 2.0),
    "nearby": (0.15, 0.3, 0.6),
}


def fit_prior(tallies, folds, labels=LEARNT):
    """Each fold's share right under the weights that did best on the other folds, and the
    weights that do best on all: the candidates each name was ranked among, chosen again."""
    grid = list(itertools.product(*PRIOR_GRID.values()))
    right = {}  # (weights, fold, source) -> right
    totals = {}  # (fold, source) -> names
    for label in LEARNT:
        for fold, code, got, recorded in tallies[label]["choices"]:
            totals[fold, label] = totals.get((fold, label), 0) + 1
            for weights in grid:
                if recorded and got is not None:
                    spelling, prior, *prior_weights = weights
                    ranked = geocoder.ranked_by(recorded[0], spelling, prior, prior_weights)
                    got_code = ranked[0][0].province_code
                else:
                    # no candidates to weigh, or no answer (the text's weak fuzzy names dropped
                    # after the ranking): as the bench found it
                    got_code = got
                k = (weights, fold, label)
                right[k] = right.get(k, 0) + (got_code == code)

    def share(weights, chosen_folds):
        return sum(
            sum(right[weights, f, label] for f in chosen_folds)
            / sum(totals[f, label] for f in chosen_folds)
            for label in labels
        ) / len(labels)

    current = (geocoder.SPELLING, geocoder.PRIOR, *geocoder.PRIOR_WEIGHTS)
    print(f"\nThe prior fitted fold by fold (weights: {', '.join(PRIOR_GRID)})")
    print(f"{'fold':<6}{'fitted on the other folds':<42}{'held-out share':>16}{'current':>10}")
    for fold in folds:
        others = [f for f in folds if f != fold]
        best = max(grid, key=lambda w: share(w, others)) if others else current
        print(
            f"{fold:<6}{str(best):<42}{100 * share(best, [fold]):>15.1f}%"
            f"{100 * share(current, [fold]) if current in grid else float('nan'):>9.1f}%"
        )
    best = max(grid, key=lambda w: share(w, folds))
    print(f"best on every fold: {best} {100 * share(best, folds):.1f}% (current {current})")


def cells_of(answers_by_source):
    """{cell: {source: [right, total]}} from (raw, rivals, right) answers."""
    cells = {}
    for label, answers in answers_by_source.items():
        for raw, rivals, right in answers:
            count = cells.setdefault(calibration_cell(raw, rivals), {}).setdefault(label, [0, 0])
            count[0] += right
            count[1] += 1
    return dict(sorted(cells.items()))


def calibration_table(title, answers, confidence):
    print(f"\n{title}")
    print(f"{'confidence':<12}" + "".join(f"{label:>18}" for label in LEARNT))
    for band, lo, hi in BANDS:
        cells = []
        for label in LEARNT:
            inside = [a[-1] for a in answers[label] if lo <= confidence(label, a) < hi]
            share = f"{100 * sum(inside) / len(inside):.1f}%" if inside else "-"
            cells.append(f"{share} of {len(inside)}")
        print(f"{band:<12}" + "".join(f"{cell:>18}" for cell in cells))


# Spelling families (the list): each rewrites one feature of an OCHA English name as
# another transliteration writes it. The place is in the build; the spelling is not.
FAMILIES = (
    ("e as i", r"e(?=[^aeiou])", "i"),
    ("i as e", r"(?<=[^aeiou])i(?=[^aeiou])", "e"),
    ("-eh as -a", r"eh\b", "a"),
    ("-eh as -ah", r"eh\b", "ah"),
    ("-iyeh as -iyah", r"iyeh\b", "iyah"),
    ("-ah as -a", r"ah\b", "a"),
    ("u as ou", r"(?<=[^aeiou])u", "ou"),
    ("u as oo", r"(?<=[^aeiou])u(?=[^aeiou])", "oo"),
    ("ei as ay", r"ei", "ay"),
    ("i as ee", r"(?<=[^aeiou])i(?=[^aeiou])", "ee"),
    ("doubled", r"([bdfklmnrst])(?=[aeiou])", r"\1\1"),
    ("undoubled", r"([a-z])\1", r"\1"),
    ("kh as ch", r"kh", "ch"),
    ("q as k", r"q", "k"),
    ("q as g", r"q", "g"),
    ("El as Al", r"\bEl", "Al"),
    ("Al as El", r"\bAl", "El"),
    ("Tal as Tell", r"\bTal\b", "Tell"),
    ("Tal as Tall", r"\bTal\b", "Tall"),
    ("Kherbet as Khirbat", r"\bKherbet\b", "Khirbat"),
    ("spaces as hyphens", r" ", "-"),
    ("an apostrophe", r"(?<=[a-z])a(?=[a-z])", "'a"),
    ("Um as Umm", r"\bUm\b", "Umm"),
    ("Ein as Ayn", r"\bEin\b", "Ayn"),
    ("Deir as Dayr", r"\bDeir\b", "Dayr"),
)
PER_FAMILY = 150


def families(source, seed):
    """{family: ([cases as OCHA writes them], [the same rewritten])}, a case being (name,
    governorate, latitude, longitude): up to PER_FAMILY OCHA names that each family changes,
    drawn with `seed`."""
    ocha = [case[1:] for case in sources(source)["OCHA"]]
    rng = random.Random(seed)
    out = {}
    for label, pattern, written in FAMILIES:
        changed = [
            (c, (re.sub(pattern, written, c[0], count=1), *c[1:]))
            for c in ocha
            if re.search(pattern, c[0])
        ]
        changed = [pair for pair in changed if pair[0][0] != pair[1][0]]
        rng.shuffle(changed)
        changed = changed[:PER_FAMILY]
        out[label] = ([a for a, _ in changed], [b for _, b in changed])
    return out


# Sites (UCDP's airbases, dams, fields, camps) named with another word for their kind, as
# the press writes them: "Tiyas Military Airbase" as "Tiyas airbase", "Tiyas military
# airport", "Tiyas air base".
SITE_KIND = re.compile(
    r"\s*\b(?:(?:military|army|air|oil|gas|refugee|idp)\s+){0,2}("
    + "|".join(geocoder.SITE_KINDS)
    + r")\b.*$",
    re.IGNORECASE,
)
REWORDED = {
    "air": ("airbase", "military airport", "air base"),
    "dam": ("dam", "Dam"),
    "field": ("oil field", "oilfield", "gas field"),
    "camp": ("camp", "refugee camp"),
}


def reworded_sites(source):
    """UCDP's sites, each named as its place plus every other word for its kind."""
    cases = []
    for name, code, lat, lon in (case[1:] for case in sources(source)["UCDP sites"]):
        if found := SITE_KIND.search(name):
            base = name[: found.start()].strip()
            for word in REWORDED.get(geocoder.SITE_KINDS[found.group(1).lower()], ()):
                cases.append((f"{base} {word}", code, lat, lon))
    return cases


def families_table(source, seed):
    """The share of each family's names located as OCHA writes them and as rewritten."""
    locate = extractor(gazetteer_without(source, {label: set() for label in LEARNT}))
    print(
        "\nSpelling families: OCHA names rewritten as other transliterations write them (the"
        " place is in the build, the spelling is not): right governorate, and within 10 km"
    )
    print(f"{'family':<20}{'names':>7}{'as OCHA writes it':>22}{'rewritten':>18}{'no answer':>11}")
    for label, (written, rewritten) in families(source, seed).items():
        shares = []
        for cases in (written, rewritten):
            t = {"cases": 0, "right": 0, "near": 0, "none": 0, "misses": []}
            score(cases, locate, t, [])
            n = t["cases"] or 1
            shares.append((100 * t["right"] / n, 100 * t["near"] / n, 100 * t["none"] / n))
        (w_right, w_near, _), (r_right, r_near, r_none) = shares
        print(
            f"{label:<20}{len(written):>7}{w_right:>12.1f}% {w_near:>6.1f}%"
            f"{r_right:>10.1f}% {r_near:>5.1f}%{r_none:>10.1f}%"
        )
    t = {"cases": 0, "right": 0, "near": 0, "none": 0, "misses": []}
    score(reworded_sites(source), locate, t, [])
    n = t["cases"] or 1
    print(
        f"\nUCDP's sites named with another word for their kind ('Tiyas airbase', 'Tiyas "
        f"military airport'): {t['cases']} names, right governorate {100 * t['right'] / n:.1f}%,"
        f" within 10 km {100 * t['near'] / n:.1f}%, no answer {100 * t['none'] / n:.1f}%"
    )


PRESS = Path(__file__).resolve().parent / "press_spellings.csv"


def press_table(path=PRESS, misses=0):
    """The press spellings, each in SENTENCE, against the seeds' gazetteer: the share with the
    right governorate, within 10 km and with no answer."""
    locate = extractor(Gazetteer.from_seeds())
    rows = read(path)
    right = near = none = 0
    missed = []
    for row in rows:
        found = locate(SENTENCE.format(place=row["press_spelling"]))
        if found is None:
            none += 1
            missed.append((row["press_spelling"], row["name_ar"], row["governorate"], None))
            continue
        code, lat, lon, _, _ = found
        right += code == row["governorate"]
        close = (
            lat is not None
            and distance_km(float(row["latitude"]), float(row["longitude"]), lat, lon) <= 10
        )
        near += close
        if code != row["governorate"] and not close:
            missed.append((row["press_spelling"], row["name_ar"], row["governorate"], code))
    n = len(rows) or 1
    print(
        f"\nPress spellings of {len(rows)} places conflict reporting names (bench/press_spellings"
        f".csv), full gazetteer: right governorate {100 * right / n:.1f}%, within 10 km "
        f"{100 * near / n:.1f}%, no answer {100 * none / n:.1f}%"
    )
    for miss in missed[:misses]:
        print("   press miss:", miss)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--misses", type=int, default=0, help="print this many failures")
    parser.add_argument("--only", type=int, help="run this fold only (quicker)")
    parser.add_argument("--families", action="store_true", help="and the spelling families' table")
    parser.add_argument(
        "--press", action="store_true", help="and the press spellings (bench/press_spellings.csv)"
    )
    parser.add_argument(
        "--fit-prior",
        action="store_true",
        help="and fit the prior's weights fold by fold (the mean share of the three sources)",
    )
    parser.add_argument(
        "--write-calibration",
        metavar="PATH",
        help="write the calibration counts of every fold here (seeds/gazetteer/calibration.json)",
    )
    parser.add_argument(
        "--fit-on",
        nargs="+",
        choices=LEARNT,
        help="fit the prior on these sources' names only (default: all three)",
    )
    parser.add_argument(
        "--time-split",
        type=int,
        metavar="YEAR",
        help="UCDP's places named in YEAR or later, the prior learnt from the events before"
        " YEAR (a held-out place keeps its earlier events: an independent dataset's later"
        " names of places the prior may know)",
    )
    parser.add_argument(
        "--keep-events",
        action="store_true",
        help="a held-out UCDP place keeps its events (on the gazetteer place it is), as a place"
        " another dataset names that UCDP also coded would",
    )
    args = parser.parse_args(argv)
    if args.keep_events and args.time_split:
        parser.error(
            "--keep-events and --time-split: a held-out place keeps its earlier events"
            " with --time-split already"
        )

    cases = sources(args.source)
    events = None
    if args.keep_events:
        events = events_by_year(args.source)
    if args.time_split:
        events = events_by_year(args.source, before=args.time_split)
        later = events_by_year(args.source, since=args.time_split)
        cases["UCDP"] = [c for c in cases["UCDP"] if later.get(c[0])]
        cases["UCDP sites"] = [c for c in cases["UCDP sites"] if later.get(c[0])]
    units = {
        label: split(sorted({c[0] for c in items}), args.folds, args.seed)
        for label, items in cases.items()
    }
    tallies = {
        label: {"cases": 0, "right": 0, "near": 0, "none": 0, "misses": [], "choices": []}
        for label in cases
    }
    answers = {label: [] for label in cases}  # (raw, rivals, right)
    folds_of = {label: [] for label in cases}  # the fold of each answer
    started = time.perf_counter()
    folds = [args.only] if args.only is not None else range(args.folds)
    for fold in folds:
        held = {label: set(units[label][fold]) for label in LEARNT}
        held["UCDP"] |= set(units["UCDP sites"][fold])  # UCDP's sites: its places too
        gazetteer = gazetteer_without(args.source, held, events)
        recorded = recording(gazetteer).recorded if args.fit_prior else None
        locate = extractor(gazetteer)
        for label, items in cases.items():
            fold_units = set(units[label][fold])
            chosen = [c[1:] for c in items if c[0] in fold_units]
            before = len(answers[label])
            kept = recorded if label in LEARNT else None
            score(chosen, locate, tallies[label], answers[label], kept, fold)
            folds_of[label] += [fold] * (len(answers[label]) - before)
    elapsed = time.perf_counter() - started

    print(
        f"Geocoding, {args.folds}-fold (seed {args.seed}): each name held out of the build "
        f"of its fold, in {SENTENCE!r}"
    )
    print(f"{'source':<16}{'names':>7}{'governorate':>13}{'within 10 km':>14}{'no answer':>11}")
    for label, t in tallies.items():
        n = t["cases"] or 1
        note = "  (in sample)" if label.startswith("Arabic") else ""
        print(
            f"{label:<16}{t['cases']:>7}{100 * t['right'] / n:>12.1f}%{100 * t['near'] / n:>13.1f}%"
            f"{100 * t['none'] / n:>10.1f}%{note}"
        )
    # Each fold's confidences calibrated on the other folds' answers only.
    rates = {
        fold: calibration_rates(
            cells_of(
                {
                    label: [
                        a for a, f in zip(answers[label], folds_of[label], strict=True) if f != fold
                    ]
                    for label in LEARNT
                }
            )
        )
        for fold in folds
    }
    calibrated = {
        label: [
            (rates[f].get(calibration_cell(raw, rivals), raw), rivals, right)
            for (raw, rivals, right), f in zip(answers[label], folds_of[label], strict=True)
        ]
        for label in LEARNT
    }
    calibration_table(
        "Calibration (held-out answers): share with the right governorate by confidence, "
        "calibrated on the other folds",
        calibrated,
        lambda label, a: a[0],
    )
    calibration_table("Before calibration (the raw confidence)", answers, lambda label, a: a[0])
    if args.write_calibration:
        payload = {
            "about": (
                "Geocoding confidence calibration, written by bench/geocoding.py "
                "--write-calibration: for each cell (raw confidence in fifths : governorates "
                "holding places of the mention's consonants, 0/1/2-3/4+), how many held-out "
                "names of each source got the right governorate, [right, total]."
            ),
            "cells": cells_of({label: answers[label] for label in LEARNT}),
        }
        lines = [f"  {json.dumps(c)}: {json.dumps(v)}" for c, v in payload["cells"].items()]
        text = f'{{"about": {json.dumps(payload["about"])},\n "cells": {{\n'
        Path(args.write_calibration).write_text(
            text + ",\n".join(lines) + "\n }\n}\n", encoding="utf-8"
        )
        print(f"\nwrote {args.write_calibration}")
    print(f"\n({elapsed:.0f} s)")
    if args.fit_prior:
        fit_prior(tallies, list(folds), args.fit_on or LEARNT)
    if args.families:
        started = time.perf_counter()
        families_table(args.source, args.seed)
        print(f"\n({time.perf_counter() - started:.0f} s)")
    if args.press:
        press_table(misses=args.misses)
    for label, t in tallies.items():
        for miss in t["misses"][: args.misses]:
            print(f"   {label} miss:", miss)


if __name__ == "__main__":
    main()
