"""How far to trust an extracted event, from how each of its headline fields was found.

The pipeline records, for each headline field, the kind of evidence that decided it (its
`basis`: "the place was named once and the gazetteer knows one such place", "the toll came from
the headline", "the perpetrator was named after 'by'", ...). How often each kind of evidence
gives the coders' answer is counted on labelled articles (`fit`), and an event's confidence is
the product of its fields' rates (`estimate`): the chance that all four are right, taking the
fields as independent. `manage.py fit_confidence` fits the table shipped in
`seeds/extraction_confidence.json` (counts only, no article text); `scripts/evaluate.py` refits
it on four folds to print a calibration table for the fifth.
"""

import functools
import json
from pathlib import Path

SEED = Path(__file__).resolve().parents[2] / "seeds" / "extraction_confidence.json"
FIELDS = ("province", "perpetrator_group", "cause", "civilians_killed")
# Pseudo-counts pulling a rarely seen kind of evidence towards its field's overall rate.
PRIOR_WEIGHT = 4


def fit(pairs):
    """A table `{field: {basis: [right, seen]}}` from `(event, {field: right?})` pairs."""
    table = {field: {} for field in FIELDS}
    for event, hits in pairs:
        basis = event.get("basis") or {}
        for field in FIELDS:
            counts = table[field].setdefault(str(basis.get(field, "none")), [0, 0])
            counts[0] += int(bool(hits[field]))
            counts[1] += 1
    return table


def estimate(event, table):
    """The chance, by the table, that the event's four headline fields are all right (0..1)."""
    basis = event.get("basis") or {}
    chance = 1.0
    for field in FIELDS:
        counts = table.get(field) or {}
        right = sum(c[0] for c in counts.values())
        seen = sum(c[1] for c in counts.values())
        overall = (right + 1) / (seen + 2)
        hit, total = counts.get(str(basis.get(field, "none")), (0, 0))
        chance *= (hit + PRIOR_WEIGHT * overall) / (total + PRIOR_WEIGHT)
    return round(chance, 3)


@functools.cache
def default_table():
    try:
        return json.loads(SEED.read_text("utf-8"))["table"]
    except (OSError, ValueError, KeyError):  # a checkout without the fitted file still extracts
        return {}
