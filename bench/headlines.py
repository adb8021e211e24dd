"""Extraction on UCDP's real headlines: text nobody tuned on, coded by others.

    .venv/bin/python bench/headlines.py [--source ../shared/data] [--sample 4000] [--seed 1]

UCDP GED codes each event with its source's headline (most from the Syrian Observatory) and
its own figures. A headline of one source coded as one event is extracted as a bulletin with
that headline and no body, dated by the event's first day, and its primary event compared
with UCDP's coding: the total killed (UCDP's `best`), and, where the totals agree, the
civilians killed (`deaths_civilians`), the governorate (`adm_1`, where the event is
located to a place or near one), and for one-sided violence (UCDP's type 3) the group of
the first perpetrator (side A's, as the UCDP importer maps it: UCDP's "Syrian insurgents"
is our opposition, where we tell HTS apart). UCDP splits a headline's toll among the places
it names and counts unknown victims apart from civilians, so agreement is far from 100% even
when the extraction is right: the shares say whether a change of method moves the right way
on text it was not written for, and the misses (--misses, --perpetrators) show where it goes
wrong.
"""

import argparse
import collections
import csv
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--sample", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--misses", type=int, default=0, help="print this many civilian misses")
    parser.add_argument(
        "--perpetrators", type=int, default=0, help="print this many perpetrator misses"
    )
    parser.add_argument("--places", type=int, default=0, help="print this many governorate misses")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conflictsite.settings")
    os.environ.setdefault("SECRET_KEY", "bench")
    import django

    django.setup()
    from events.datasets import actor_group, side_names
    from events.extraction import extract

    source = Path(args.source)
    with open(source / "syria_governorates_name_variants.csv", encoding="utf-8") as handle:
        admin1 = {v["ucdp_ged_adm_1"]: v["iso_3166_2"] for v in csv.DictReader(handle)}
    with open(source / "ucdp_ged_syria_2016_2019.csv", encoding="utf-8", newline="") as handle:
        rows = [
            r
            for r in csv.DictReader(handle)
            if ";" not in r["source_headline"] and r["number_of_sources"] == "1"
        ]
    coded = collections.Counter(r["source_headline"] for r in rows)
    rows = [r for r in rows if coded[r["source_headline"]] == 1]  # one event per headline
    random.Random(args.seed).shuffle(rows)
    tally = collections.Counter()
    misses, perpetrator_misses, place_misses = [], [], []
    for row in rows[: args.sample]:
        events = extract(row["source_headline"], "", row["date_start"])
        primary = next((e for e in events if e.get("primary")), None)
        tally["headlines"] += 1
        if primary is None:
            continue
        tally["events"] += 1
        if primary.get("province_code") and row["where_prec"] in ("1", "2", "3"):
            if code := admin1.get(row["adm_1"]):
                tally["located"] += 1
                tally["governorate"] += primary["province_code"] == code
                if primary["province_code"] != code and len(place_misses) < args.places:
                    place_misses.append((row, code, primary))
        if row["type_of_violence"] == "3" and (sides := side_names(row["side_a"])):
            # one-sided violence: side A did it
            tally["one-sided"] += 1
            found = [p["group"] for p in primary["perpetrators"]]
            coded = actor_group(sides[0])
            # (UCDP's "Syrian insurgents" take in HTS, which we tell apart)
            tally["perpetrator, HTS as insurgents"] += bool(found) and (
                found[0] == coded or (coded, found[0]) == ("opposition", "hts")
            )
            if found and found[0] == coded:
                tally["perpetrator"] += 1
            elif args.perpetrators and len(perpetrator_misses) < args.perpetrators:
                perpetrator_misses.append((row["source_headline"], sides[0], found[:1]))
        total = primary["killed"].get("total", {}).get("best")
        if total != int(row["best"]):
            continue
        tally["total"] += 1
        civilians = primary["killed"].get("civilians", {}).get("best") or 0
        right = civilians == int(row["deaths_civilians"])
        tally["civilians"] += right
        if not right:
            misses.append((row["source_headline"], int(row["deaths_civilians"]), civilians))

    def share(part, whole):
        return f"{100 * tally[part] / max(tally[whole], 1):.1f}% of {tally[whole]:,}"

    print(f"UCDP headlines (one source, one event): {tally['headlines']:,} (seed {args.seed})")
    print(f"  an event extracted                    {share('events', 'headlines')}")
    print(f"  its total killed is UCDP's best       {share('total', 'events')}")
    print(f"  and its civilians UCDP's              {share('civilians', 'total')}")
    print(f"  its governorate is UCDP's (located)   {share('governorate', 'located')}")
    print(f"  its perpetrator's group is side A's   {share('perpetrator', 'one-sided')}"
          " (one-sided violence)")  # fmt: skip
    print(f"    HTS counted as Syrian insurgents    "
          f"{share('perpetrator, HTS as insurgents', 'one-sided')}")  # fmt: skip
    for row, code, primary in place_misses:
        print(
            f"   {row['where_coordinates']} ({code}), found {primary['place']}"
            f" ({primary['province_code']}): {row['source_headline'][:130]}"
        )
    for headline, side, found in perpetrator_misses:
        print(f"   side A {side}, found {found}: {headline[:150]}")
    for headline, coded_civilians, found in misses[: args.misses]:
        print(f"   civilians UCDP {coded_civilians}, found {found}: {headline[:150]}")


if __name__ == "__main__":
    main()
