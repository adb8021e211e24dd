"""Geocoding benchmark: names the gazetteer was not built with, in a sentence, located.

    .venv/bin/python bench/geocoding.py [--source ../shared/data] [--holdout 0.3] [--seed 0]

Holds out a random share of the places UCDP coded (their UCDP spellings, admin1 and
coordinates) and of the GeoNames towns (their alternate Latin spellings), builds the
gazetteer without them, puts each name in "An air strike hit {place} on Monday, killing three
civilians" and runs `Gazetteer.locate` (and, when the extraction package provides `extract`,
the whole pipeline's primary event). Prints the share with the right governorate, within
10 km of the true point, and with no answer. Needs the shared data directory.
"""

import argparse
import csv
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import build_gazetteer  # noqa: E402

from events.extraction.gazetteer import Gazetteer, distance_km  # noqa: E402

SENTENCE = "An air strike hit {place} on Monday, killing three civilians"


def held_out_cases(source, share, seed):
    rng = random.Random(seed)
    rows = list(csv.DictReader(open(Path(source) / "syria_places_observed_in_ucdp_ged.csv")))
    variants = list(csv.DictReader(open(Path(source) / "syria_governorates_name_variants.csv")))
    admin1 = {v["ucdp_ged_adm_1"]: v["iso_3166_2"] for v in variants}
    usable = [
        r
        for r in rows
        if admin1.get(r["admin1"])
        and build_gazetteer.parse_ucdp_place(r["place_name"])
        and int(r["best_precision"]) <= 2
    ]
    held = rng.sample(usable, round(len(usable) * share))
    ucdp = [
        (build_gazetteer.parse_ucdp_place(r["place_name"])[0], admin1[r["admin1"]],
         float(r["latitude"]), float(r["longitude"]))
        for r in held
    ]  # fmt: skip
    towns = list(csv.DictReader(open(Path(source) / "syria_places_geonames_cities500.csv")))
    geo_admin1 = {v["geonames_admin1_code"].split(".")[-1]: v["iso_3166_2"] for v in variants}
    held_towns = rng.sample(towns, round(len(towns) * share))
    geonames = []
    for t in held_towns:
        spellings = {
            n for n in [t["name"], *t["alternatenames"].split("|")]
            if re.fullmatch(r"[A-Za-z][A-Za-z '`\-]+", n) and n[0].isupper()
        }  # fmt: skip
        for n in sorted(spellings):
            geonames.append(
                (
                    n,
                    geo_admin1[t["admin1code"].zfill(2)],
                    float(t["latitude"]),
                    float(t["longitude"]),
                )
            )
    return held, ucdp, held_towns, geonames


def score(cases, locate):
    right = near = none = 0
    misses = []
    for name, code, lat, lon in cases:
        found = locate(SENTENCE.format(place=name))
        if found is None or found[0] is None:
            none += 1
            misses.append((name, code, None))
            continue
        got_code, got_lat, got_lon = found
        right += got_code == code
        if got_lat is not None and distance_km(lat, lon, got_lat, got_lon) <= 10:
            near += 1
        elif got_code != code:
            misses.append((name, code, got_code))
    n = len(cases) or 1
    return {
        "cases": len(cases),
        "governorate": 100 * right / n,
        "within_10km": 100 * near / n,
        "no_answer": 100 * none / n,
        "misses": misses,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--holdout", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--misses", type=int, default=0, help="print this many failures")
    parser.add_argument(
        "--in-sample",
        action="store_true",
        help="keep every place in the gazetteer (an upper bound: names it was built with)",
    )
    args = parser.parse_args(argv)

    share = 1.0 if args.in_sample else args.holdout
    held, ucdp, held_towns, geonames = held_out_cases(args.source, share, args.seed)
    governorates, districts, places, areas, _, _ = build_gazetteer.build(
        args.source,
        exclude_ucdp=set() if args.in_sample else {r["place_name"] for r in held},
        exclude_geonames=set() if args.in_sample else {t["geonameid"] for t in held_towns},
    )
    stopwords = build_gazetteer.english_and_actor_words(
        args.source, governorates, districts, places, areas
    )
    gazetteer = Gazetteer.from_records(governorates, districts, places, areas, stopwords)

    def by_gazetteer(text):
        found = gazetteer.locate(text)
        if not found:
            return None
        loc = found[0]
        return loc.province_code, loc.latitude, loc.longitude

    runs = [("gazetteer.locate", by_gazetteer)]
    try:
        import os

        import django

        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conflictsite.settings")
        os.environ.setdefault("SECRET_KEY", "bench")
        django.setup()
        from events import extraction

        extract = extraction.extract
    except (ImportError, AttributeError):
        extract = None
    if extract is not None:

        def by_pipeline(text):
            events = extract("", text, "2018-07-13", gazetteer=gazetteer)
            primary = next((e for e in events if e.get("primary")), None)
            primary = primary or next((e for e in events if not e.get("background")), None)
            if not primary:
                return None
            return primary.get("province_code"), primary.get("latitude"), primary.get("longitude")

        runs.append(("extraction.extract primary event", by_pipeline))

    for label, locate in runs:
        kind = "in sample" if args.in_sample else "held out"
        for cases_label, cases in (
            (f"UCDP places {kind}", ucdp),
            (f"GeoNames spellings {kind}", geonames),
        ):
            started = time.perf_counter()
            try:
                result = score(cases, locate)
            except Exception as error:  # the pipeline's signature may differ: say so, go on
                print(f"{label} on {cases_label}: failed ({error!r})")
                continue
            elapsed = time.perf_counter() - started
            per_name = 1000 * elapsed / max(1, result["cases"])
            print(
                f"{label} on {cases_label} ({result['cases']} names): "
                f"governorate {result['governorate']:.1f}%, "
                f"within 10 km {result['within_10km']:.1f}%, "
                f"no answer {result['no_answer']:.1f}%  [{per_name:.2f} ms/name]"
            )
            for miss in result["misses"][: args.misses]:
                print("   miss:", miss)


if __name__ == "__main__":
    main()
