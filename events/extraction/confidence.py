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


_LABELS = {
    "province": "Place",
    "perpetrator_group": "Perpetrator",
    "cause": "Kind",
    "civilians_killed": "Civilian toll",
}
_WORDS = {
    "none": "not found",
    "place": "a place",
    "district": "a district",
    "province": "a governorate",
    "unique": "one governorate has that name",
    "shared": "the name is shared by places in several governorates",
    "sure": "the gazetteer is sure of the place",
    "likely": "the gazetteer finds the place likely",
    "doubtful": "the gazetteer doubts the place",
    "several": "several places named",
    "few": "few places named",
    "generic": 'only an unnamed group ("terrorists", "gunmen")',
    "weapon": "no one named: the weapon's usual user",
    "claimed": "a group's own claim",
    "strong": "named as the attacker in the headline or lead",
    "weak": "named as the attacker in passing",
    "alone": "no other side named",
    "contested": "another side also named",
    "headline": "from the headline",
    "lead": "from the lead",
    "story": "from the weapon the lead names",
    "theme": "from the weapon the story keeps naming",
    "vague": "no weapon named",
    "own": "from its own sentence",
    "body": "from further down the text",
    "fighters_only": "only fighters counted",
    "civilians": "a count of civilians",
    "total": "a count of people",
    "children": "a count of children",
    "women": "a count of women",
    "agreed": "another figure agrees",
    "single": "no other figure agrees",
    "range": "sources differ",
}


def describe(basis):
    """`(field label, how it was found)` pairs in words, for the incident page."""
    if not isinstance(basis, dict):
        return []
    return [
        (label, ", ".join(_WORDS.get(part, part) for part in str(basis[field]).split("/")))
        for field, label in _LABELS.items()
        if field in basis
    ]


@functools.cache
def default_table():
    try:
        return json.loads(SEED.read_text("utf-8"))["table"]
    except (OSError, ValueError, KeyError):  # a checkout without the fitted file still extracts
        return {}
