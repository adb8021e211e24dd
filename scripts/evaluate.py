"""Generalisation report for the extractor: a 5-fold score and a calibration table.

    python scripts/evaluate.py GOLD.jsonl PREDICTIONS.jsonl --scorer ../shared/eval/score.py

`make eval` runs it after the scorer. Articles are split into five folds by a hash of their id
(the same split every run). Anything fitted from labels (the confidence table,
`events/extraction/confidence.py`) is fitted on four folds and applied to the fifth, so each
article's confidence comes from a table that never saw it. The rules themselves are fixed, so
their fold scores are the scores of held-out articles; the spread between folds says how much
a score moves on articles the rules were not looked at with.

The calibration table groups every article's scored event (the scorer's choice: the primary
event, else the first non-background one) by its held-out confidence and prints the share
whose four headline fields are all right, and the mean share of headline fields right.
"""

import argparse
import hashlib
import importlib.util
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from events.extraction import confidence  # noqa: E402  (a pure module: no Django needed)

FOLDS = 5
HEADLINE = ("province", "perpetrator_group", "cause", "civilians_killed")
BANDS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fold_of(article_id):
    return int(hashlib.sha256(str(article_id).encode()).hexdigest(), 16) % FOLDS


def headline_hits(scorer, event, expected):
    got = scorer.observed(event)
    return {
        "province": got["province_code"] in expected["province_codes"],
        "perpetrator_group": got["perpetrator_group"] == expected["perpetrator_group"],
        "cause": got["cause"] == expected["cause"],
        "civilians_killed": got["civilians_killed"] == expected["civilians_killed"],
    }


def rows(scorer, gold_path, predictions_path):
    predicted = {}
    for line in open(predictions_path, encoding="utf-8"):
        if line.strip():
            item = json.loads(line)
            predicted[str(item.get("id"))] = item.get("events")
    for line in open(gold_path, encoding="utf-8"):
        if not line.strip():
            continue
        item = json.loads(line)
        event = scorer.primary(predicted.get(item["id"]))
        yield {
            "id": item["id"],
            "fold": fold_of(item["id"]),
            "event": event,
            "hits": headline_hits(scorer, event, item["expected"]),
        }


def score_of(group):
    if not group:
        return 0.0
    return statistics.mean(statistics.mean(r["hits"][f] for r in group) for f in HEADLINE)


def report(scored):
    print(f"\n{FOLDS}-fold (each fold scored on articles held out of anything fitted):")
    fold_scores = []
    for fold in range(FOLDS):
        held = [r for r in scored if r["fold"] == fold]
        fields = {f: statistics.mean(r["hits"][f] for r in held) for f in HEADLINE}
        fold_scores.append(score_of(held))
        print(
            f"  fold {fold + 1}: {len(held):3d} articles  score {fold_scores[-1]:.3f}  "
            + "  ".join(f"{f} {v:.3f}" for f, v in fields.items())
        )
    fields = {
        f: statistics.mean(
            statistics.mean(r["hits"][f] for r in scored if r["fold"] == k) for k in range(FOLDS)
        )
        for f in HEADLINE
    }
    print(
        "  mean over folds: "
        + "  ".join(f"{f} {v:.3f}" for f, v in fields.items())
        + f"\n5-fold score: {statistics.mean(fold_scores):.3f}"
        f" (min {min(fold_scores):.3f}, max {max(fold_scores):.3f},"
        f" sd {statistics.stdev(fold_scores):.3f})"
    )
    print("\nCalibration (held-out confidence of each article's scored event):")
    print("  confidence   events  all 4 right  fields right  mean confidence")
    for low, high in zip(BANDS, BANDS[1:], strict=False):
        band = [r for r in scored if low <= r["confidence"] < high]
        label = f"{low:.1f}-{min(high, 1.0):.1f}"
        if not band:
            print(f"  {label:10s} {0:8d}")
            continue
        all_right = statistics.mean(all(r["hits"].values()) for r in band)
        fields_right = statistics.mean(statistics.mean(r["hits"].values()) for r in band)
        mean_conf = statistics.mean(r["confidence"] for r in band)
        print(
            f"  {label:10s} {len(band):8d} {all_right:12.3f} {fields_right:13.3f} {mean_conf:16.3f}"
        )
    brier = statistics.mean((r["confidence"] - all(r["hits"].values())) ** 2 for r in scored)
    flat = statistics.mean((r["constant"] - all(r["hits"].values())) ** 2 for r in scored)
    print(
        f"  Brier score against all-4-right: {brier:.3f} (one constant per fold, the training "
        f"folds' rate: {flat:.3f})"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold")
    parser.add_argument("predictions")
    parser.add_argument("--scorer", required=True, help="the evaluation set's score.py")
    args = parser.parse_args(argv)
    scorer = load_scorer(args.scorer)
    scored = list(rows(scorer, args.gold, args.predictions))
    for fold in range(FOLDS):
        training = [r for r in scored if r["fold"] != fold]
        table = confidence.fit([(r["event"], r["hits"]) for r in training if r["event"]])
        # What the table must beat: the same confidence for every event.
        constant = statistics.mean(all(r["hits"].values()) for r in training)
        for r in scored:
            if r["fold"] == fold:
                r["confidence"] = confidence.estimate(r["event"], table) if r["event"] else 0.0
                r["constant"] = constant
    report(scored)


if __name__ == "__main__":
    main()
