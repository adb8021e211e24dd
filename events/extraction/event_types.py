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
        # "chemical weapons program" or "stockpile" names no attack
        r"chemical\s+(?:attacks?|weapons?(?!\s+(?:program|programme|stockpiles?|arsenal|"
        r"facilit\w+|production|capabilit\w+|convention|inspectors?))|arms|agents?|strikes?|"
        r"bombs?|munitions|massacre|rockets?|shells?|projectiles?|missiles?|warheads?|"
        r"substances?|materials?)|"
        r"toxic\s+gas(?:es)?|gas\s+massacre|"
        r"poison(?:ous)?\s+gas|sarin|chlorine|nerve\s+(?:agent|gas)|mustard\s+gas|gas\s+attack|"
        r"suffocation|organophosph\w+|"
        # "shells containing toxic substances"
        r"(?:toxic|poisonous)\s+(?:substances?|chemicals?|materials?|agents?)",
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
        r"missiles?|missile\s+(?:strikes?|attacks?|aggression)|"
        r"missiles?\s+(?:struck|hit|slammed|targeted)|"
        # "fired several missiles at", "fired a number of missiles from Lebanese airspace"
        r"(?<=fired\s)(?:(?:several|two|three|four|five|six|\d+|a\s+number\s+of|a\s+barrage\s+of|"
        r"a\s+salvo\s+of|dozens\s+of)\s+)?missiles?|"
        r"tomahawks?",
        3.5,
    ),
    (
        "bombing",
        r"car[\s-]+bomb\w*|suicide\s+(?:bomb\w*|attack\w*|blasts?|car|truck|vest|belt)|"
        r"truck[\s-]+bomb\w*|motorbike\s+bomb\w*|bomb\s+(?:blast|attack|explo\w+)|"
        r"improvised\s+explosive|IEDs?\b|explosive\s+(?:device|belt|vest)s?|booby[\s-]trapped|"
        r"blew\s+(?:himself|herself|themselves)\s+up|detonat\w+|blasts?|explosions?|"
        r"(?:twin|double|triple)\s+(?:bomb\w*|attacks?|blasts?)|bomber|land[\s-]?mines?|"
        r"mines?\s+(?:blast|explo\w+)|unexploded\s+(?:ordnance|munitions?|bombs?|shells?)|"
        # "a mine left behind by ISIS exploded"
        r"mines?(?=\s+(?:[\w'’-]+\s+){1,5}?explod)",
        3,
    ),
    (
        "airstrike",
        r"air[\s-]*strikes?|air[\s-]*raids?|airstrikes?|aerial\s+(?:bombardment|attacks?|"
        r"strikes?|bombing)|war[\s-]?planes?|warjets?|fighter\s+jets?|jets?|helicopters?|"
        r"aircraft|air\s+force|bombed\s+from\s+the\s+air|air\s+attacks?|sorties|"
        r"air\s+operations?|"
        r"(?<!suicide\s)(?<!car\s)bombing\s+raids?|raids?",
        2.5,
    ),
    (
        "shelling",
        # (not a "rocket-propelled grenade", an infantry weapon)
        r"shell(?:ing|ed|s)|artillery|mortars?|rockets?(?![\s-]+propelled)|rocket\s+fire|"
        r"grad\s+rockets|"
        r"projectiles|shells?\s+(?:fell|landed|hit|fired|launched|struck|exploded)|howitzers?|"
        r"(?:a|one|another)\s+(?:mortar\s+|artillery\s+|tank\s+)?shell|"
        r"tank\s+fire|cannon",
        2,
    ),
    (
        "execution",
        r"execut(?:ed|ion|ions|es|ing|e)|behead\w*|crucif\w*|summary\s+killings?|"
        r"firing\s+squad|slaughter(?:ed|ing)|burn(?:ed|t|ing)\s+(?:(?:him|her|them)\s+)?alive|"
        r"(?:stoned|stoning)\s+(?:[\w-]+\s+){0,3}?to\s+death|thrown\s+(?:off|from)\s+(?:a\s+)?"
        r"(?:roof|rooftop|building)",
        1.8,
    ),
    (
        "shooting",
        r"shot\s+dead|shooting|gunfire|sniper\s+fire|snipers?|open(?:ed|ing)\s+fire|gunned\s+down|"
        r"gunmen\s+(?:\w+\s+)?(?:killed|shot|attacked|assassinated)|"
        # "residents were shot during the assault" (not "was shot down", an aircraft)
        r"(?:were|was|being)\s+shot(?!\s+down)",
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
        # (an ambush too: with a mine as often as with guns, coders leave how they died open)
        r"offensive|incursion|assault|counter[\s-]?attack|ambush\w*|advance[sd]?|seiz(?:ed|ing)|"
        r"captur(?:ed|ing)|stormed|operations?",
        0.8,
    ),
]
_FROM_THE_AIR = re.compile(
    r"\b(?:regime|government|russian|syrian|coalitions?|u\.?s|american|aerial|air|jets?|"
    r"war\s?planes?|planes?|helicopters?|barrel|heavy|relentless|intense|russia|assad)\W+"
    r"(?:\w+\W+)?$",
    re.I,
)
# "the intensive bombing carried out by the Assad regime and the Russian occupation"
_BY_AN_AIR_FORCE = re.compile(
    r"\s+(?:carried\s+out\s+|conducted\s+)?by\s+(?:the\s+)?(?:Assad\s+)?(?:regime|government|"
    r"Russian|Russia|Syrian\s+(?:and\s+Russian\s+)?(?:warplanes|jets|aircraft|air\s+force)|"
    r"coalition|U\.?S\.?-led|warplanes|jets|aircraft|helicopters)\b(?![-‐]backed)",
    re.I,
)
# Bombs that fall are dropped: "as bombs fall on rebel-held Aleppo", "bombs rained down".
_FALLING = re.compile(
    r"\s+(?:(?:were|are|being)\s+)?(?:fell|fall|falls|falling|rained|rain|rains|raining|"
    r"dropped|showered)\b",
    re.I,
)
_DOWNED = re.compile(
    r"(?:\W+\w+){0,4}?\W+(?:crash(?:ed|es)?|shot\s+down|downed|went\s+down)\b", re.I
)
# Troops who raid a village go on foot: "Government troops raid village"; and so do the forces
# that have no aircraft: "an SDF raid", "a raid by the Syrian Democratic Forces".
_GROUND_FORCES = (
    r"(?:troops|soldiers|militiamen|militias?|police(?:men)?|gunmen|commandos|special\s+forces|"
    r"security\s+forces|shabiha|(?-i:SDF|YPG|YPJ|PKK|FSA|ISIS|ISIL|HTS)|Daesh|Nusra|Hezbollah|"
    r"Islamic\s+State(?:\s+(?:militants|fighters|group))?|"
    r"Syrian\s+Democratic\s+Forces|Free\s+Syrian\s+Army|"
    r"(?:Kurdish|Kurdish-led|Arab)\s+(?:forces|fighters|militias?)|"
    r"rebels?|insurgents?|militants?|jihadists?|opposition(?:\s+(?:fighters|factions))?)"
)
_GROUND_RAIDERS = re.compile(r"\b" + _GROUND_FORCES + r"\s+$", re.I)
_BY_GROUND_RAIDERS = re.compile(r"\s+by\s+(?:the\s+)?" + _GROUND_FORCES + r"\b", re.I)
# A raid to arrest or search is a ground operation, not one from the air.
_ARREST = re.compile(
    r"\b(?:arrest\w*|detain\w*|apprehend\w*|round(?:ed)?[\s-]up|search(?:ed|es|ing)?)\b",
    re.I,
)
# Men shot in a raid were shot by men on foot: "shot dead three civilians during a raid".
_SHOT = re.compile(
    r"\b(?:shot\s+dead|gunned\s+down|open(?:ed|ing)\s+fire|shot\s+(?:and\s+killed|them))\b"
    # (in the raid's clause: not "killed in regime raids ..., and regime forces shot dead")
    r"(?![^.;]*?(?:,\s*(?:and|while|as)\b|;))[^.;]*$",
    re.I,
)
# The weight of a word that names violence without its weapon ("strikes", "bombardment").
GENERIC_WEIGHT = 1.2
_EARLIER = re.compile(
    r"\b(?:days?|weeks?|months?|hours?|shortly|soon)\s+after\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:[\w'’-]+\s+){0,4}$",
    re.I,
)
_GROUPS = {f"c{i}": (kind, weight) for i, (kind, _, weight) in enumerate(_CUES)}
# "Strike" or "bombing" on its own: an air strike, unless nothing says it came from the air.
_GROUPS["generic"] = ("generic", GENERIC_WEIGHT)
_GROUPS["campaign"] = ("airstrike", 2.5)
# "Bombardment" alone is shelling as often as bombs from the air: any weapon named beside it
# (a headline's "bombardment", the lead's "aerial bombardment") says which.
_GROUPS["bombardment"] = ("shelling", GENERIC_WEIGHT)
# Tried only where a word starts: a lookbehind the engine checks before the alternation
# (with "\b" in front it was 1.7x slower over the dev sentences).
_ANY_CUE = re.compile(
    r"(?<!\w)(?=\w)(?:"
    + "|".join(f"(?P<c{i}>{body})" for i, (_, body, _) in enumerate(_CUES))
    + r"|(?P<campaign>bombing\s+campaign|bombing\s+raids?)"
    + r"|(?P<bombardment>bombardment|bombarded|bombarding)"
    + r"|(?P<generic>strikes?|bomb(?:ed|ing|s)?|pounded))\b",
    re.I,
)
STRIKE_TYPES = {"airstrike", "drone_strike", "shelling", "missile", "barrel_bomb"}


@dataclass(frozen=True)
class Cue:
    kind: str
    start: int
    end: int
    weight: float


# What did not happen: "no shelling or air strikes", "no further air raids"; "warplanes have
# not approached the city" (not "shelling did not stop", which went on).
_NEGATED_BEFORE = re.compile(
    r"\b(?:no|nor|neither)\s+(?:(?:further|more|new|other|fresh|major|heavy|reported)\s+)?"
    r"(?:[\w-]+\s+or\s+)?$",
    re.I,
)
# (what actors.py reads of a side too: "warplanes have not approached" names no attacker)
DID_NOT = (
    r"(?:have|has|had|did|do|does)\s*(?:not|n['’]t|never)\s+"
    r"(?!(?:stop|stopped|cease|ceased|end|ended|abate|abated|let|subside|subsided|halt|halted|"
    r"been|only|just|spare|spared)\b)"
)
_NEGATED_AFTER = re.compile(r"\s+" + DID_NOT, re.I)


# Weapons handled, not used: "the army dismantled a number of explosive devices and car bombs",
# "engineers cleared residential areas of explosive devices", "defused 140 explosive objects".
_HANDLED = re.compile(
    r"\b(?:(?:defus|dismantl|confiscat)\w*\s+(?:[\w-]+\s+){0,6}?|"
    r"(?:\bto\s+clear|clear(?:ed|ing|s))\s+(?:[\w-]+\s+){0,4}?of\s+)$",
    re.I,
)
# The attack a strike answers: "in retaliation for a deadly chemical weapons attack".
_ANSWERED = re.compile(
    r"\b(?:retaliation|response|revenge|reprisal)\s+(?:for|to)\s+(?:an?|the|its|their)?\s*"
    r"(?:[\w'’-]+\s+){0,4}$",
    re.I,
)


# Chemical arms made or kept, not used: "a facility that produces chemical missiles", "a
# warehouse containing chemical substances" (the target of a strike, not its weapon).
_MADE_OR_KEPT = re.compile(
    r"\b(?:produc\w*|manufactur\w*|making|makes|made|stor(?:e|es|ed|ing|age)|stockpil\w*|"
    r"warehouses?|factor(?:y|ies)|workshops?|depots?|laborator(?:y|ies)|"
    r"labs?|facilit(?:y|ies)|develop\w*)\b(?:\s+[\w'’-]+){0,5}?\s*$",
    re.I,
)
# A chemical attack said to be planned or staged, not one that happened: "Militants preparing
# chemical provocation", "delivered chlorine ... in order to stage a chemical incident", "plan
# to simulate the use of chemical weapons" (not an attack a side calls staged afterwards:
# "the opposition says Assad's forces staged the attack").
_PLANNED = re.compile(
    r"\b(?:(?:plan(?:s|ned|ning)?|prepar(?:e|es|ed|ing)|in\s+order|intend(?:s|ed|ing)?|aim(?:s|ed|ing)?)"
    r"\s+to\s+(?:stage|simulate|fake|fabricate|film)|"
    r"prepar(?:e|es|ed|ing)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?provocations?|"
    r"provocations?\s+(?:is|are|was|were)\s+(?:being\s+)?(?:prepared|planned)|"
    r"(?:planned|upcoming|imminent|possible|future)\s+(?:[\w-]+\s+)?provocations?)\b",
    re.I,
)
# Strikes threatened or used as a pretext, not carried out: "a pretext for new strikes on
# Syrian government facilities", "the threat of possible U.S. military strikes".
_HYPOTHETICAL = re.compile(
    r"\b(?:pretext|excuse|justification)\s+for\s+(?:an?\s+|the\s+)?(?:new\s+|further\s+|more\s+)?"
    r"(?:[\w-]+\s+){0,2}?$",
    re.I,
)
_PLAN_WORDS = re.compile(r"provocation|stage|simulate|fake|fabricate|film", re.I)  # (quick)
# A cue that names the use whatever comes before it: "chemical attack", "sarin", "chlorine".
_USED_CHEMICAL = re.compile(r"attack|massacre|strike|sarin|chlorine|gas|suffocat|nerve", re.I)


def find_cues(text, offset=0):
    """Every event-type cue in `text`, in text order, spans shifted by `offset`.

    One pass of one alternation, most specific kind first, so that "barrel bombs" is read
    as a barrel bomb and not also as a bombing.
    """
    cues = []
    planned = _PLAN_WORDS.search(text) and _PLANNED.search(text)
    for match in _ANY_CUE.finditer(text):
        start, end = match.span()
        kind, weight = _GROUPS[match.lastgroup]
        if kind == "generic":
            kind, weight = "airstrike", GENERIC_WEIGHT
            if (
                match.group(0).lower().startswith("bomb")
                and not _FROM_THE_AIR.search(text, max(0, start - 30), start)
                and not _BY_AN_AIR_FORCE.match(text, end)
                and not _FALLING.match(text, end)
            ):
                kind = "bombing"  # "a bomb in Idlib" is planted; "regime bombing" is dropped
        if (
            kind == "chemical"
            and _MADE_OR_KEPT.search(text, max(0, start - 60), start)
            and not _USED_CHEMICAL.search(match.group(0))
        ):
            continue  # "a factory storing chemical materials", "produces chemical missiles"
        if _HYPOTHETICAL.search(text, max(0, start - 60), start):
            continue  # "a pretext for new strikes": none carried out
        if kind == "chemical" and planned:
            continue  # "in order to stage a chemical incident": planned, not done
        if kind == "airstrike" and _DOWNED.match(text, end):
            continue  # "a helicopter was shot down", "a military aircraft crashed"
        if (
            kind == "airstrike"
            and match.group(0).lower().startswith("raid")
            and (
                _ARREST.search(text, max(0, start - 80), end + 80)
                or _GROUND_RAIDERS.search(text, max(0, start - 40), start)
                or _BY_GROUND_RAIDERS.match(text, end)
                or _SHOT.search(text, max(0, start - 80), start)
            )
        ):
            kind, weight = "other", 0.8  # "arrested three ISIS members in a raid": on foot
        if _HANDLED.search(text, max(0, start - 80), start):
            continue  # "dismantled a number of explosive devices and car bombs": none went off
        if _ANSWERED.search(text, max(0, start - 60), start):
            continue  # "in retaliation for a deadly chemical weapons attack": an earlier one
        if _NEGATED_BEFORE.search(text, max(0, start - 40), start) or _NEGATED_AFTER.match(
            text, end
        ):
            continue  # "no shelling or air strikes since noon", "warplanes have not approached"
        window = max(0, start - 60)
        if "after" in text[window:start].lower() and _EARLIER.search(text, window, start):
            continue  # "days after a chemical attack": an earlier incident, not this one
        cues.append(Cue(kind, offset + start, offset + end, weight))
    return cues


def best_kind(cues):
    """The most specific kind among cues; None for none."""
    if not cues:
        return None
    return max(cues, key=lambda cue: (cue.weight, -cue.start)).kind
