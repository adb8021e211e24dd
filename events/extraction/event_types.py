"""The kind of violence a sentence describes, from its weapon and verb vocabulary.

Cues are ordered most specific first: a sentence about "barrel bombs dropped by helicopters"
is a barrel bomb attack, not a generic air strike; a chemical attack delivered from the air is
chemical. `find_cues` returns every cue with its span so the pipeline can pick the one that
sits next to the casualty figure and cite it as evidence.
"""

import re
from dataclasses import dataclass

# (event type, pattern, weight). Weight breaks ties between cues in the same sentence.
_CUES = [
    (
        "chemical",
        r"chemical\s+(?:attack|weapons?|arms|agents?|strike|bombs?|munitions)|toxic\s+gas(?:es)?|"
        r"poison(?:ous)?\s+gas|sarin|chlorine|nerve\s+(?:agent|gas)|mustard\s+gas|gas\s+attack|"
        r"suffocation|organophosph\w+",
        5,
    ),
    ("barrel_bomb", r"barrel[\s-]+bomb\w*|explosive\s+barrels?|vacuum\s+bombs?", 4.5),
    (
        "drone_strike",
        r"drone[\s-]+(?:strikes?|attacks?)|drones?\s+(?:strike|struck|targeted|hit|attack)|"
        r"unmanned\s+aerial|\w+\s+drone\s+(?:fired|targeted|struck)",
        4,
    ),
    (
        "missile",
        r"(?:cruise|ballistic|guided|surface[\s-]to[\s-]surface|tomahawk|scud|anti[\s-]tank)\s+"
        r"missiles?|missile\s+(?:strikes?|attacks?)|missiles?\s+(?:struck|hit|slammed|targeted)|"
        r"tomahawks?",
        3.5,
    ),
    (
        "bombing",
        r"car[\s-]+bomb\w*|suicide\s+(?:bomb\w*|attack\w*|blasts?|car|truck|vest|belt)|"
        r"truck[\s-]+bomb\w*|motorbike\s+bomb\w*|bomb\s+(?:blast|attack|explo\w+)|"
        r"improvised\s+explosive|IEDs?\b|explosive\s+(?:device|belt|vest)s?|booby[\s-]trapped|"
        r"blew\s+(?:himself|herself|themselves)\s+up|detonat\w+|blasts?|explosions?|"
        r"bombings?(?=\s+(?:hit|struck|killed|kills|targeted|at|in|near|outside))|"
        r"(?:twin|double|triple)\s+(?:bomb\w*|attacks?|blasts?)|bomber",
        3,
    ),
    (
        "airstrike",
        r"air[\s-]*strikes?|air[\s-]*raids?|airstrikes?|aerial\s+(?:bombardment|attacks?|"
        r"strikes?|bombing)|war[\s-]?planes?|warjets?|fighter\s+jets?|jets?|helicopters?|"
        r"aircraft|air\s+force|bombed\s+from\s+the\s+air|air\s+attacks?|sorties|"
        r"(?<!suicide\s)(?<!car\s)bombing\s+raids?|raids?",
        2.5,
    ),
    (
        "shelling",
        r"shell(?:ing|ed|s)|artillery|mortars?|rockets?|rocket\s+fire|grad\s+rockets|"
        r"projectiles|bombardment|bombarded|shells?\s+(?:fell|landed|hit)|howitzers?|"
        r"tank\s+fire|cannon",
        2,
    ),
    (
        "execution",
        r"execut(?:ed|ion|ions|es|ing|e)|behead\w*|crucif\w*|summary\s+killings?|"
        r"firing\s+squad|slaughter(?:ed|ing)",
        1.8,
    ),
    (
        "shooting",
        r"shot\s+dead|shooting|gunfire|sniper\s+fire|snipers?|opened\s+fire|gunned\s+down|"
        r"gunmen\s+(?:killed|shot|attacked)",
        1.5,
    ),
    (
        "clash",
        r"clash(?:es|ed)?|fighting|battles?|firefights?|gunbattles?|skirmish\w*|infighting|"
        r"battling|fought",
        1,
    ),
    # Ground operations: reporters rarely say how their dead were killed.
    (
        "other",
        r"offensive|incursion|assault|counter[\s-]?attack|ambush\w*|advance[sd]?|seiz(?:ed|ing)|"
        r"captur(?:ed|ing)|stormed|operations?",
        0.8,
    ),
]
CUES = [(kind, re.compile(r"\b(?:" + body + r")\b", re.I), weight) for kind, body, weight in _CUES]
# "Strike" on its own is an air strike unless a weapon word says otherwise.
_GENERIC_STRIKE = re.compile(r"\bstrikes?\b|\bbomb(?:ed|ing|s)?\b|\bpounded\b", re.I)
_FROM_THE_AIR = re.compile(
    r"\b(?:regime|government|russian|syrian|coalition|u\.?s|american|aerial|air|jets?|"
    r"war\s?planes?|planes?|helicopters?|barrel|heavy|relentless|intense|russia|assad)\W+"
    r"(?:\w+\W+)?$",
    re.I,
)
STRIKE_TYPES = {"airstrike", "drone_strike", "shelling", "missile", "barrel_bomb"}


@dataclass(frozen=True)
class Cue:
    kind: str
    start: int
    end: int
    weight: float


def find_cues(text, offset=0):
    """Every event-type cue in `text`, in text order, spans shifted by `offset`."""
    cues = []
    taken = []
    for kind, regex, weight in CUES:
        for match in regex.finditer(text):
            span = match.span()
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            taken.append(span)
            cues.append(Cue(kind, offset + span[0], offset + span[1], weight))
    for match in _GENERIC_STRIKE.finditer(text):
        span = match.span()
        if not any(s < span[1] and span[0] < e for s, e in taken):
            kind = "airstrike"
            if match.group(0).lower().startswith("bomb") and not _FROM_THE_AIR.search(
                text, max(0, span[0] - 30), span[0]
            ):
                kind = "bombing"  # "a bomb in Idlib" is planted; "regime bombing" is dropped
            cues.append(Cue(kind, offset + span[0], offset + span[1], 1.2))
    cues.sort(key=lambda cue: cue.start)
    return cues


def best_kind(cues):
    """The most specific kind among cues; None for none."""
    if not cues:
        return None
    return max(cues, key=lambda cue: (cue.weight, -cue.start)).kind
