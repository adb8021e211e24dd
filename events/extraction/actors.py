"""Actors (who did it) and sources (who says so), found by their aliases.

Both lexicons are data: `seeds/actors.json` holds `{"name", "group", "aliases"}` records (the
lead loads them into the `Actor` model, where editors extend the aliases), and
`seeds/sources.json` holds `{"name", "aliases"}` records for the agencies, monitors and
witnesses whose word a bulletin reports (SANA, the Syrian Observatory, activists, ...).
No alias lives in this module; only the grammar around a mention does ("by", "accusing",
"warplanes", "-held"), which decides whether an actor is the perpetrator or the target.
"""

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .event_types import DID_NOT

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

GROUPS = {
    "syrian_government",
    "russia",
    "iran_aligned",
    "international_coalition",
    "turkey",
    "israel",
    "iraq",
    "islamic_state",
    "hts",
    "opposition",
    "sdf",
    "unknown",
}


@dataclass(frozen=True)
class Actor:
    name: str
    group: str


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entry: Actor


def _is_case_sensitive(alias):
    # Short all-capital aliases ("IS", "US", "WHO", "UN") are also common English words.
    letters = [c for c in alias if c.isalpha()]
    return len(letters) <= 5 and all(c.isupper() for c in letters)


# Words, with inner apostrophes ("People's"); hyphens and dots separate words, so "US-led"
# and "al-Nusra" are matched token by token, as the aliases are; an acronym written with
# dots ("U.S.", "U.N.") is one word, read without them.
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}(?![^\W_])|[^\W_]+(?:['’][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s$", re.I)


def _tokens(text):
    return [m.group(0).replace(".", "") for m in _TOKEN.finditer(text)]


def tokenize(text):
    """Word spans, words and their folded forms, as `Lexicon.find_tokens` reads them."""
    spans = [m.span() for m in _TOKEN.finditer(text)]
    words = [text[start:end].replace(".", "") for start, end in spans]
    return spans, words, [w.lower().replace("’", "'") for w in words]


class Lexicon:
    """Aliases to entries; `find` returns non-overlapping mentions, longest alias first.

    Matching looks token n-grams up in a dictionary rather than running one large regex, so
    its cost does not grow with the number of aliases editors add.
    """

    # Sources are named by their aliases only: "US-led coalition" as a source is its
    # spokesman's statement, not every mention of the coalition.
    name_is_alias = True

    def __init__(self, entries):
        self._exact = {}
        self._folded = {}
        self._starts = {}  # folded first word -> the word counts of aliases starting with it
        self._bare = {}  # aliases without their inner articles (see below)
        for entry, aliases in entries:
            for alias in [entry.name, *aliases] if self.name_is_alias else aliases:
                words = _tokens(str(alias))
                if not words:
                    continue
                first = _POSSESSIVE.sub("", words[0].lower().replace("’", "'"))
                self._starts.setdefault(first, set()).add(len(words))
                if _is_case_sensitive(alias):
                    self._exact.setdefault(tuple(words), entry)
                    continue
                folded = tuple(w.lower().replace("’", "'") for w in words)
                self._folded.setdefault(folded, entry)
                # The press drops a name's inner article: "Jaish Khalid Bin Walid" for "Jaish
                # Khalid bin al-Walid" (an alias of that spelling, if any, is kept).
                bare = tuple(w for k, w in enumerate(folded) if k == 0 or w not in ("al", "el"))
                if len(bare) > 1 and bare != folded:
                    self._starts[first].add(len(bare))
                    self._bare.setdefault(bare, entry)
        for bare, entry in self._bare.items():
            self._folded.setdefault(bare, entry)
        self.entries = list(dict.fromkeys(entry for entry, _ in entries))
        # How many names each entry goes by: the group's main actor is the one named most
        # ways (the database lists its actors by name: a UCDP unit may come first).
        self._names = {}
        for entry, aliases in entries:
            self._names[entry] = self._names.get(entry, 0) + 1 + len(aliases or ())
        self._starts = {word: sorted(sizes, reverse=True) for word, sizes in self._starts.items()}

    def find(self, text):
        return self.find_tokens(tokenize(text))

    def find_tokens(self, tokens):
        """Mentions in text already split by `tokenize` (one split serves every lexicon)."""
        spans, words, folded = tokens
        found = []
        starts = self._starts
        end = 0  # where the last mention ended: the next may not start before it
        # Only the words that begin an alias are looked at (one pass in C over the rest).
        heads = [
            i
            for i, word in enumerate(folded)
            if word in starts or (word.endswith("'s") and word[:-2] in starts)
        ]
        for i in heads:
            if i < end:
                continue
            hit = None
            word = folded[i]
            sizes = starts.get(word) or starts.get(word[:-2], ())
            for n in sizes:
                if i + n > len(spans):
                    continue
                exact = tuple(words[i : i + n])
                entry = self._exact.get(exact)
                if entry is None:
                    key = tuple(folded[i : i + n])
                    entry = self._folded.get(key)
                    if entry is None and key[-1].endswith("'s"):
                        entry = self._folded.get((*key[:-1], key[-1][:-2]))
                        if entry is None:
                            entry = self._exact.get((*exact[:-1], exact[-1][:-2]))
                if entry is not None:
                    hit = (n, entry)
                    break
            if hit:
                n, entry = hit
                if (
                    n == 1
                    and found
                    and folded[i] in _BARE_FORCES
                    and found[-1].entry != entry
                    and (end == i or end == i - 1 and folded[end] in _FORCE_QUALIFIERS)
                    # (one space between each word: not "Backed by Hezbollah, army troops")
                    and all(spans[j][0] - spans[j - 1][1] == 1 for j in range(end, i + 1))
                ):
                    # "Turkish occupation army": the Turkish army, not the Syrian one
                    found[-1] = Mention(found[-1].start, spans[i][1], found[-1].entry)
                    end = i + 1
                    continue
                found.append(Mention(spans[i][0], spans[i + n - 1][1], entry))
                end = i + n
        return found


# A force named by its noun alone right after another side's name, or after one word that
# qualifies it ("Turkish occupation army", "the Russian armed forces"): that side's.
_BARE_FORCES = frozenset(("army", "forces", "troops", "military", "soldiers"))
_FORCE_QUALIFIERS = frozenset(
    ("occupation", "occupying", "invading", "regular", "national", "armed", "special")
)


class ActorLexicon(Lexicon):
    @classmethod
    def from_records(cls, records):
        """From `(name, group, aliases)` tuples or `{"name", "group", "aliases"}` dicts."""
        entries = []
        for record in records:
            if isinstance(record, dict):
                name, group, aliases = record["name"], record.get("group"), record.get("aliases")
            else:
                name, group, aliases = record
            if isinstance(aliases, str):
                aliases = re.split(r"[,\n]", aliases)
            group = group if group in GROUPS else "unknown"
            entries.append((Actor(str(name), group), [a.strip() for a in aliases or []]))
        return cls(entries)

    def main_of_group(self, group):
        """The group's actor named in the most ways ("Syrian government forces", not a unit
        of it that sorts before it), or None."""
        members = [entry for entry in self.entries if entry.group == group]
        return max(members, key=lambda entry: self._names[entry], default=None)


class SourceLexicon(Lexicon):
    name_is_alias = False

    @classmethod
    def from_records(cls, records):
        entries = []
        for record in records:
            if isinstance(record, dict):
                name, aliases = record["name"], record.get("aliases")
            else:
                name, aliases = record
            entries.append((Actor(str(name), "source"), list(aliases or [])))
        return cls(entries)


@functools.cache
def default_actors():
    return ActorLexicon.from_records(json.loads((SEEDS / "actors.json").read_text("utf-8")))


@functools.cache
def default_sources():
    return SourceLexicon.from_records(json.loads((SEEDS / "sources.json").read_text("utf-8")))


# The grammar of agency. Weights: positive says "did it", negative says "was hit".
_AGENT_AFTER = re.compile(
    r"^(?:['’]s)?[\s-]*(?:and\s+(?:its\s+)?(?:allies|\w+)\s+|-?led\s+|-?backed\s+)?"
    r"(?:\w+\s+)?(?:war\s?planes?|jets?|aircraft|planes?|helicopters?|choppers?|drones?|bombers?|"
    r"air\s?force|air\s?strikes?|strikes?|air\s?raids?|raids?|shelling|shells|bombardment|"
    r"bombings?|bombs?|missiles?|rockets?|artillery|fire|gunfire|offensive|attacks?|"
    r"blasts?|explosions?|car\s+bombs?|suicide\s+(?:attacks?|bombings?|blasts?)|mortars?|"
    r"assaults?|infighting|counter-?attacks?|incursions?|ambush(?:es)?|advances?|"
    r"aggression|"  # (state media's "an Israeli aggression that targeted ...")
    r"forces|troops|army|gunners|snipers|militiamen|suicide\s+bombers?|tanks?|units|gunboats|"
    r"warships|batteries)\b",
    re.I,
)
_AGENT_VERB_AFTER = re.compile(
    r"^(?:['’]s)?[\s,)\]]*"
    # "The Turkish army and its allies shelled", "Turkish troops and allied rebels shelled"
    r"(?:and\s+(?:its\s+|their\s+)?(?:allies|proxies|partners|allied(?:\s+[\w-]+){1,2})\s+)?"
    # "rebels based in Eastern Ghouta fired", "forces stationed in Abu Dhuhur shelled"
    r"(?:(?:based|stationed|positioned|deployed|entrenched|holed\s+up)\s+(?:in|at|near|around)\s+"
    # (and "positioned in the de-escalation zone fired"; not "stationed at the base were
    # targeted")
    r"(?:the\s+)?(?:(?!(?:was|were|been|being|is|are)\b)[\w'’-]+\s+){1,6}?)?"
    r"(?:(?:reportedly|allegedly|also|then|later|again|jets|warplanes|"
    r"(?!(?:family|july|italy)\b)[a-z]+ly|"  # "publicly executed", "repeatedly shelled"
    r"forces|troops|army|fighters|militants|aircraft|planes|helicopters|artillery|had|has|"
    r"tanks|units|gunboats|warships|batteries|"
    r"have|on\s+\w+day|on\s+\w+|late\s+\w+day|overnight)\s+){0,2}"
    # "Government forces backed by Russian air power shelled": the backer is named between
    r"(?:(?:backed|supported|aided|assisted)\s+by\s+(?:[\w'’-]+\s+){1,4}?)?"
    r"(?:launch(?:ed|es)?|carr(?:ied|ies|y)\s+out|conduct(?:ed|s)?|struck|strike|strikes|hit|hits|"
    r"bomb(?:ed|s)?|shell(?:ed|s)?|pound(?:ed|s)?|target(?:ed|s)?|kill(?:ed|s)?|fire[ds]?|"
    r"drop(?:ped|s)?|execut(?:ed|es|e)|behead(?:ed|s)?|crucif(?:ied|ies|y)|claim(?:ed|s)?|"
    r"attack(?:ed|s)?|storm(?:ed|s)?|detonat(?:ed|es)|blew\s+up|massacr(?:ed|es)|"
    # (not "the term the regime uses for rebels": its word, not its weapon)
    r"us(?:ed|es)(?!\s+(?:for|to\s+(?:describe|refer|call|mean))\b)|"
    # "officers of the Turkish Forces cause the killing of a married woman"
    # (not "an attack on the regime forces caused the deaths of 3 soldiers": their dead)
    r"caus(?:e|ed|es)\s+the\s+killing\s+of|"
    # "U.S.-backed fighters pushed into Islamic State's last enclave, killing 38"
    # (only when the clause goes on to its dead: not "advanced on rebel positions while
    # rebels shelled Mhardeh, killing 6", "pushed into Kafr Zita, where a bomber killed 11")
    r"(?:push(?:ed|es)|advanc(?:ed|es)|broke|stormed)\s+(?:into|on)\b"
    r"(?=(?:(?!\b(?:while|as|where|when|after|before)\b)[^.;])*?,\s+killing\b)|"
    r"shot|shoot|opened\s+fire|ambush(?:ed|es)?|destroy(?:ed|s)?|eliminat(?:ed|es)|"
    r"raid(?:ed|s)?|murder(?:ed|s)?|slaughter(?:ed|s)?|massacre|kill|behead|"
    r"crucify|target|attack|seiz(?:ed|es|e)|overr(?:an|un)|captur(?:ed|es|e)|abduct(?:ed|s)?|"
    r"kidnap(?:ped|s)?|assassinat(?:ed|es|e)|set\s+off|planted|lobbed|hurled|launched|"
    r"foil(?:ed|s)?|frustrat(?:ed|es)|thwart(?:ed|s)?|repel(?:led|s)?|repuls(?:ed|es)|"
    r"eliminat(?:ed|es|e)|liberat(?:ed|es|e)|regain(?:ed|s)?|recaptur(?:ed|es|e)|"
    # (the Turkish military's word for killed, captured or surrendered)
    r"neutrali[sz](?:ed|es|e)|"
    r"destroy(?:ed|s)?|pummel(?:led|s)?|hammer(?:ed|s)?|"
    # "performs execution", "committed a massacre"; and the lash before the killing ("ISIS
    # whips a man ... and executes another")
    r"perform(?:ed|s)?|commit(?:ted|s)?(?!\s+(?:to|themselves|itself)\b)|"
    # "Russia bore responsibility for an air attack"
    r"b(?:ore|ears?)\s+(?:the\s+)?responsibility|(?:was|is|were|are)\s+responsible|"
    r"whip(?:ped|s)?|flog(?:ged|s)?|lash(?:ed|es)?|"
    # "IS video shows execution", "has released a video showing the execution of 25 soldiers"
    # (not of its own men, another's deed: "a video showing the execution of three of its
    # fighters by IS")
    r"(?:(?:releas|publish|post|circulat|distribut|air)(?:ed|es|s)?\s+(?:a\s+|an\s+|the\s+)?"
    r"(?:new\s+)?)?(?:video|footage|recording|film)\s+(?:purportedly\s+|apparently\s+)?"
    r"(?:showing|(?:that\s+|which\s+)?show(?:s|ed)|of|(?:(?:that|which)\s+(?:appears?|appeared|"
    r"seems?|seemed|purports?|purported)|appearing|purporting)\s+to\s+show)\s+"
    r"(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:execution|beheading|killing|murder|shooting)s?\b"
    r"(?!\s+of\s+(?:[\w-]+\s+){0,3}?(?:its|their)\b)(?![^.;]*\bby\b)|"
    # "released toxic chlorine gas"
    r"(?:releas|unleash)(?:ed|es)?(?=\s+(?:\w+\s+)?(?:toxic|poison|chlorine|sarin|chemical|"
    r"nerve|mustard|gas)))\b",
    re.I,
)
# "held by", "backed by", "supported by": a by that names no attacker.
_NOT_AGENT_BY = "".join(
    rf"(?<!\b{word}\sby)"
    for word in """held controlled backed supported besieged led run occupied seized surrounded
    encircled armed trained funded sponsored captured recaptured taken retaken liberated
    brokered provided published released posted issued announced quoted reported
    denied repelled repulsed foiled thwarted intercepted downed fabrications fabrication
    claims allegations accusations lies propaganda statements drafted written signed proposed
    submitted tabled vetoed authored covered protected guarded defended escorted secured
    monitored broadcast aired televised circulated trip visit tour speech interview
    """.split()
)
_AGENT_BEFORE = re.compile(
    r"(?:\bby" + _NOT_AGENT_BY + r"|\bblam(?:ed|ing)(?:\s+it)?\s+on|\baccus(?:ed|ing|es|e)|"
    r"\bblam(?:ed|ing|es)|\bresponsibility\s+of|\bbelong(?:ing|ed)?\s+to|\bcarried\s+out\s+by|"
    # "initial findings pointed to the YPG", "pointed the finger at Damascus"
    r"\bpoint(?:ed|s|ing)\s+(?:the\s+finger\s+)?(?:at|to))"
    r"\s+(?:the\s+|an?\s+|one\s+of\s+the\s+|either\s+|suspected\s+|allied\s+)?$",
    re.I,
)
# Who killed by the hand of their men or by their fire: "killed by a sniper of the regime
# forces", "killed by members of a security force of HTS", "killed by gunfire from Turkish
# border guards" (read on a wider stretch before the name: AROUND_BY). Only after a verb of
# harm: "a convoy escorted by soldiers of the Turkish army", "a house used by members of the
# SDF" name the target.
_HARM = (
    r"\b(?:killed|killing|shot|wounded|injured|hit|targeted|struck|executed|murdered|"
    r"assassinated|slain|attacked|shelled|bombed|kidnapped|abducted|tortured|beheaded|died|dead|"
    # (and the deed a bomb or a rocket: "a car bomb was detonated by terrorists of Nusra")
    r"detonated|planted|fired|launched)"
    # (a word between that is no participle: "killed on Monday by", not "struck areas
    # controlled by")
    # (nor a word that turns to whom it was aimed at: "launched by the army against terrorists
    # of Nusra", "fired by rebels at troops of the army")
    r"\s+(?:(?![\w-]*ed\b)[\w-]+\s+){0,2}?by\s+(?:an?\s+|the\s+|\d+\s+)?"
    r"(?:(?!(?:against|at|on|upon|towards?|into|in)\b)[\w-]+\s+){0,2}?"
)
_MEN = (
    r"(?:snipers?|members|elements|fighters|gunmen|militants|militiamen|soldiers|troops|"
    r"terrorists|jihadists|mercenaries|"
    r"patrols?|units?|forces?|guards|cells?|squads?|brigades?|battalions?|detachments?)"
)
_FIRE = (
    r"(?:gunfire|fire|shots?|bullets?|shelling|shells|mortars?|rockets?|missiles?|artillery|"
    r"strikes?|air\s?strikes?|raids?|bombardment|bombs?)"
)
_BY_THEIR_MEN = re.compile(
    _HARM
    + rf"(?:{_MEN}\s+(?:of|from)(?:\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?{_MEN}\s+of)?|"
    + rf"{_FIRE}\s+from)\s+(?:the\s+|an?\s+)?$",
    re.I,
)
AROUND_BY = 80
# SOHR's "the attack of the regime forces": the side that attacked; not an attack fought off
# or one the news came after ("repelled the attack of", "in retaliation for the attack of").
_ATTACK_OF = re.compile(
    r"\b(?:attacks?|assaults?|offensive|(?:military\s+)?operations|advance(?:ment)?)\s+of\s+"
    r"(?:the\s+|an?\s+)?$",
    re.I,
)
_ATTACK_OF_LOST = re.compile(
    r"\b(?:repel\w*|thwart\w*|foil\w*|repuls\w*|fend\w*\s+off|fought\s+off|after|following|"
    r"retaliation\s+(?:for|to)|response\s+to|revenge\s+for)\s+(?:an?\s+|the\s+|their\s+|its\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:attacks?|assaults?|offensive)\s+of\s+(?:the\s+|an?\s+)?$",
    re.I,
)
_TARGET_BEFORE = re.compile(
    r"(?:\bon|\bagainst|\btargeting|\btargeted|\bat|\bhit(?:ting)?|\bstruck|\bstriking|"
    r"\bkill(?:ed|ing|s)?|\bpositions\s+of|\bmembers\s+of|\bheld\s+by|\bcontrolled\s+by|"
    r"\bbastion\s+of|\bstronghold\s+of|\bamong|\bincluding|\bfighting|\bbattling|"
    r"\bwith|\band|\bof|\bbetween|\bversus|\bto)"
    r"\s+(?:the\s+|an?\s+|\d+\s+|[a-z]+\s+)?$",
    re.I,
)
_COUNTED_BEFORE = re.compile(
    r"(?:\b(?!(?:19|20)\d\d\b)\d[\d,]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozens|scores|hundreds)|"
    r"\bdozens\s+of|\bscores\s+of|\bhundreds\s+of)\s+(?:(?!(?:a|an|the)\s)[a-z-]+\s+)?"
    # "including 2 members of the regime forces": the counted dead of a side
    # (and "12 members from the Islamic State killed")
    r"(?:(?<=members\s)(?:of|from)\s+(?:the\s+)?|(?<=member\s)(?:of|from)\s+(?:the\s+)?)?$",
    re.I,
)
_TARGET_AFTER = re.compile(
    # ("an Israeli aggression and shot down two missiles": the defenders shot them down)
    r"^(?:['’]s)?[\s-]*(?:(?:(?!and\b)\w+\s+){0,2}(?:is\s+|was\s+|were\s+|being\s+)?"
    r"(?:shot\s+down|downed|crashed|crash(?:es)?)\b|"
    # (and "a Syrian government army position")
    r"(?:(?:army|military|forces|troops|security|militia)\s+)?(?:"
    r"held|controlled|run|occupied|besieged|positions?|strongholds?|"
    r"bastions?|targets?|hideouts?|headquarters|members?|commanders?|leaders?|militants|"
    r"fighters|jihadists|terrorists|mercenaries|operatives|suspects|emirs?|camps?|"
    r"territory|areas?))\b",
    re.I,
)


# An alias that names the weapon ("US raids", "coalition airstrikes") says who struck.
_WEAPON = re.compile(
    r"(?:war\s?planes?|jets?|aircraft|planes?|helicopters?|drones?|bombers?|air\s?strikes?|"
    r"airstrikes?|strikes?|raids?|shelling|bombardment|artillery|rockets?|missiles?)",
    re.I,
)
_MEMBERS = re.compile(
    r"^(?:['’]s)?\*?\s*(?:terrorists?(?:\s+(?:group|organi[sz]ation|movement))?|fighters|"
    r"militants|jihadists|militiamen|militias?|factions?|gunmen|group|organi[sz]ation|members|"
    r"forces|troops|(?:border\s+)?guards|gendarmerie|intelligence|(?:sleeper\s+)?cells?|snipers?|"
    # "Nusra terrorist group fired", "the Israeli enemy fired", "ISIS mercenaries executed"
    r"insurgents|extremists|enemy|mercenaries|operatives)\b",
    re.I,
)
# The side a group fought is who killed the dead of the other side, as coders read it.
# (An attack by or from a side is its; an attack, assault or offensive against one is on it:
# "Turkey begins an offensive against Kurdish fighters".)
_OPPONENT_BEFORE = re.compile(
    r"(?:\b(?:clash(?:es|ed)?|fighting|battles?|battling|firefights?)\s+(?:with|against|by|from)|"
    r"\b(?:attacks?|assaults?|offensives?)\s+(?:by|from))\s+(?:the\s+)?(?:[A-Z][\w-]+\s+)?$",
    re.I,
)


# A side that clashed with the one named after it: both are parties to the fighting.
_PARTY_CLASHED_BEFORE = re.compile(
    r"\b(?:jihadists|rebels|militants|fighters|troops|forces|army|soldiers|insurgents|gunmen|"
    r"militiamen|militias?|factions?)\s+(?:have\s+|had\s+)?(?:clash(?:ed|es)?|fought|battled)\s+"
    r"(?:with|against)\s+(?:the\s+)?(?:[A-Z][\w-]+\s+)?$",
    re.I,
)
_HYPOTHETICAL_BEFORE = re.compile(
    r"\b(?:possible|potential|future|further|new|threatened|threat\s+of|avert|prevent|approve|"
    r"authori[sz]e|against)\s+(?:(?:the|a|an|any)\s+)?$",
    re.I,
)
_PRIOR = r"\b(?:after|following|response\s+to|retaliation\s+(?:for|to)|revenge\s+for)\s+"
_ATTACKS = (
    r"(?:attacks?|shelling|bombardment|strikes?|airstrikes?|raids?|assault|offensive|bombings?)"
)
_PRIOR_ATTACK_BY = re.compile(
    _PRIOR + r"(?:an?\s+|the\s+|their\s+)?(?:[\w-]+\s+){0,2}" + _ATTACKS + r"\s+by\s+(?:the\s+)?$",
    re.I,
)
_PRIOR_BEFORE = re.compile(_PRIOR + r"(?:an?\s+|the\s+)?$", re.I)
_ATTACK_NOUN_AFTER = re.compile(r"^['’]?s?\s+(?:[\w-]+\s+){0,2}?" + _ATTACKS + r"\b", re.I)
# "target" as the verb, not the noun of "Islamic State targets in Syria": "Regime forces target
# Hayat Tahrir al-Sham positions", "ISIS targets the town".
_TARGET_VERB_AFTER = re.compile(
    r"^\s+targets?\s+(?:the|a|an|its|their|his|her|several|many|dozens|areas?|positions|"
    r"villages?|towns?|neighbou?rhoods?|\d|(?-i:[A-Z]))",
    re.I,
)
# "... after shelling by Jaish al-Islam killed 6 people": the attack after "after" is the news's
# "a raid on ISIS cells killed 5": the group struck, whatever its people's verb
_STRUCK_BEFORE = re.compile(
    r"\b(?:on|against|targeting|targeted|struck|hit|raided|pounded|bombed|shelled|attacked)\s+"
    r"(?:the\s+)?$",
    re.I,
)
# "on charges of belonging to ISIS", "under the pretext of communicating with the SDF": what
# the victim was accused of, not who did it
_CHARGED_WITH_BEFORE = re.compile(
    r"\b(?:charges?|charged|pretext|accusations?|accused)\s+(?:of\s+)?(?:\w+\s+){0,3}?"
    r"(?:belonging|loyalty|links?|ties|affiliation|communicating|dealing|cooperating|"
    r"collaborating|spying|working)\s+(?:to|with|for)\s+(?:the\s+)?$",
    re.I,
)
# "in the jails of", "at the hands of", "in the custody of": who held the dead
_HELD_BY_BEFORE = re.compile(
    r"(?<!\bfrom\s)(?<!\bfrom\sthe\s)\b(?:jails?|prisons?|detention\s+(?:centers?|centres?|facilities)|"
    r"custody|hands|dungeons?)\s+of\s+(?:the\s+)?$",
    re.I,
)
# "targeted by drones of the Turkish army", "shot by members of the group": by its own
_BY_THEIR = re.compile(
    r"(?<!controlled\s)(?<!held\s)(?<!driven\s)(?<!used\s)(?<!manned\s)(?<!run\s)"
    r"(?<!owned\s)(?<!occupied\s)(?<!besieged\s)(?<!guarded\s)(?<!operated\s)(?<!seized\s)"
    r"(?<!captured\s)(?<!surrounded\s)(?<!defended\s)(?<!stationed\s)"
    r"(?<!inhabited\s)(?<!populated\s)(?<!dominated\s)(?<!frequented\s)(?<!visited\s)"
    r"\bby\s+(?:the\s+|an?\s+)?(?:drones?|war\s?planes?|jets?|aircraft|helicopters?|artillery|"
    r"shells?|missiles?|rockets?|fighters|members|gunmen|elements|militants|snipers?|patrols?)\s+"
    # (and "by a sniper from Lebanon's Hezbollah militia")
    r"(?:of|from|belonging\s+to)\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?$",
    re.I,
)
# Whose the jets, the raids or the attacker were: "the jets were Russian", "raids believed to
# be Russian", "warplanes thought to be Syrian", "a suicide bomber from the Islamic State".
_STRIKERS = r"(?:jets|warplanes|planes|aircraft|helicopters|drones|raids|strikes|air\s*strikes)"
# What a counted side's aircraft are: "two Russian jets", "four Israeli warplanes", "two
# Syrian government helicopters".
# (not "bombers": "6 ISIS bombers killed" are suicide bombers, the dead)
_AIRCRAFT = (
    r"(?:war\s?)?(?:jets|warplanes|planes|aircraft|helicopters|drones|gunships|fighter\s+jets)"
)
_COUNTED_STRIKERS_AFTER = re.compile(
    rf"^(?:\s+(?:government|army|regime|military|air\s+force))?\s+{_AIRCRAFT}\b", re.I
)
# Aircraft counted as what was hit: "shot down two Syrian army helicopters", "destroyed four
# Russian helicopters".
_HIT_COUNT_BEFORE = re.compile(
    r"\b(?:down|downed|downing|destroy(?:ed|ing|s)?|hit|targeted|struck|seized|captured|"
    r"intercepted|damaged|grounded)\s+(?:at\s+least\s+)?[\w-]+\s+$",
    re.I,
)
# (the actor's name says it: "Russian jets", "Israeli warplanes")
_STRIKERS_NAMED = re.compile(rf"\b{_AIRCRAFT}$", re.I)
_WHOSE_BEFORE = re.compile(
    # (what attacked: "the jets were Russian", "the raids were Russian"; said of the raids
    # themselves, not "those killed in the strikes were Syrian soldiers", "the targets of the
    # raids were Hezbollah depots")
    r"(?:(?:^|[.,;:]\s*|\b(?:said|says|that|and|but)\s+)(?:the\s+)?(?:bombers|"
    + _STRIKERS
    + r")\s+"
    r"(?:were|was|are|is)\s+(?:(?:probably|likely|apparently)\s+)?|"
    r"\b" + _STRIKERS + r"\s+(?:(?:were|was|are|is)\s+)?"
    r"(?:believed|thought|suspected|said|understood)\s+to\s+(?:be|have\s+been)\s+|"
    # (the attacker's side, not the side of the dead counted before: see _COUNTED_BEFORE)
    r"(?:(?:an?|the)\s+(?:suicide\s+)?(?:bombers?|attackers?|gunm[ae]n|assailants?)|"
    # (counted: only bombers, "two suicide bombers from the Islamic State blew themselves up";
    # "killed two gunmen from the Islamic State" are the dead)
    r"(?:two|three|four|five|\d+)\s+(?:suicide\s+)?bombers|"
    # (and the blamed: "residents blamed snipers from Hezbollah")
    r"\b(?:blam(?:ed|es|ing)|accus(?:ed|es|ing))\s+(?:the\s+)?(?:snipers|gunmen|fighters|"
    r"militants|militiamen|members|elements|troops|forces))\s+"
    r"(?:from|of|belonging\s+to)\s+)(?:the\s+)?$",
    re.I,
)
# A place the name is an adjective of: "the Iraqi city of Mosul", "the Kurdish village".
_A_PLACE_AFTER = re.compile(
    r"^\s+(?:city|town|village|region|desert|neighbou?rhood|area|province|countryside|"
    r"convoy|border|capital)\b",
    re.I,
)
# Someone who served in a force: "a brigadier general in the", "a member of the Fourth
# Division of the".
_SERVED_IN_BEFORE = re.compile(
    r"\b(?:members?|officers?|generals?|brigadiers?|colonels?|majors?|captains?|lieutenants?|"
    r"commanders?|soldiers?|fighters?|leaders?|elements?|recruits?|conscripts?|personnel)\s+"
    # (a unit's name between: "the Fourth Division of the"; not a headline's "Leader in Homs 8
    # More Killed in")
    r"(?:(?:of|in|from|within)\s+(?:the\s+)?"
    r"(?:(?!(?:killed|kills|killing|dead|died)\b)(?-i:[A-Z0-9])[\w'’-]*\s+){0,4}?)?"
    r"(?:of|in|from|within)\s+(?:the\s+)?$",
    re.I,
)
# ... told killed or hit ("a general in the Syrian regime forces and his son were killed"),
# not "Members of the Turkish forces in Ras al-Ain executed".
_HIT_AFTER = re.compile(
    r"^[^.;:]{0,40}?\b(?:(?:was|were|been)\s+(?:\w+\s+)?(?:killed|wounded|injured|shot|"
    r"assassinated|kidnapped|abducted|executed)|died|perished)\b",
    re.I,
)
# Fire from a side's land: "fired from rebel-held Eastern Ghouta".
_HELD_AFTER = re.compile(r"^-?\s*(?:held|controlled|run)\b", re.I)
_FIRED_FROM_BEFORE = re.compile(
    r"\b(?:fired|launched|lobbed|shot)\s+(?:\w+\s+)?from\s+(?:the\s+)?$", re.I
)
_ASIDE = re.compile(
    r"^\s*,\s*(?:(?:which|who)\s+(?:is|are|was|were)\s+)?(?:backed|supported|aided|assisted|"
    r"helped|covered|led)\s+by\s+[^,.;]{1,80},|"
    # what the group is, between commas: "Hayat Tahrir al-Sham, an alliance led by the former
    # Al-Qaeda affiliate in Syria, claimed the twin bombing", "The Nusra Front, al-Qaeda's
    # Syrian affiliate, claimed"
    r"^\s*,\s*(?:an?|the|[\w-]+['’]s)\s+[^,.;()]{1,80},|"
    # where it was: "Jaish al-Izza, positioned in the villages of al-Latamneh and Kafr Zita,
    # fired"
    r"^\s*,\s*(?:based|stationed|positioned|deployed|entrenched|holed\s+up)\s+"
    r"(?:in|at|near|around)\s+[^,.;()]{1,80},",
    re.I,
)
# (unless the news before "after" has its toll: "jets killed 20 in Douma after shelling by
# Jaish al-Islam killed 6")
_OWN_TOLL_AFTER = re.compile(r"^\s+(?:had\s+|has\s+)?(?:killed|kills|killing|left|leaving)\b", re.I)
_KILLING = re.compile(r"\b(?:kill(?:ed|ing|s)?|left|leaving)\b", re.I)
# "a vehicle of the rebel factions", "fighters of a rebel faction", "the ranks of the Islamic
# factions": the group whose people or things were hit
_TARGETED_OF_BEFORE = re.compile(
    r"\b(?:target(?:s|ed|ing)?|hit(?:s|ting)?|struck|attack(?:ed|ing))\s+(?:an?\s+|the\s+)?"
    r"(?:(?!by\b)[\w-]+\s+){0,3}?of\s+(?:the\s+|an?\s+)?$|\branks\s+of\s+(?:the\s+)?$|"
    # "attacks a vehicle of the factions"; not the noun, "the attack of the regime forces"
    r"\battacks?\s+(?:an?\s+|the\s+)?(?:(?!by\b)[\w-]+\s+){1,3}?of\s+(?:the\s+|an?\s+)?$",
    re.I,
)
# (and its men who speak: "the Kurdish Asayish security forces said in a statement")
_ITS_SPEAKERS = (
    r"(?:(?:security\s+forces|forces|police|officials?|spokes(?:man|person)|"
    r"command|authorities|sources?|media|commanders?|leadership)\s+)?"
)
_SPEAKS_AFTER = re.compile(
    r"^(?:['’]s)?[\s,]*" + _ITS_SPEAKERS + r"(?:has\s+|have\s+)?(?:says?|said|reported|"
    r"announced|told|stated|"
    r"warn(?:s|ed)?|denied|denies|condemn(?:s|ed)?|accused|blamed|insisted|claimed\s+that)\b",
    re.I,
)
_SAID_IT_DID = re.compile(
    # ("Turkish security forces said they neutralized 12 terrorists": their own deed)
    r"^[\s,]*" + _ITS_SPEAKERS + r"(?:says?|said|announced|stated)\s+"
    # ("said on Monday its aircraft struck", "said in a statement that it")
    r"(?:(?:on\s+|late\s+|early\s+)?\w+day\s+|in\s+a\s+statement\s+)?"
    r"(?:that\s+)?(?:it|its|they)\b",
    re.I,
)


# How much of its part an actor named for the attack before the news keeps: "air strikes kill
# 70 after rebel rocket attacks" are not the rebels', but "killed after a regime attack" is the
# regime's when no one else is named.
PRIOR_ATTACK_SHARE = 0.3


# "fired by the so-called 'Free Syrian Army'": the name as if written plainly.
_SO_CALLED = re.compile(r"(?:\bso[\s-]called\s+)?['‘“\"«]?$", re.I)
# The group's voice, through which it claims: "ISIL's Amaq propaganda agency claimed the attack".
_MOUTHPIECE = re.compile(
    r"^(?:['’]s)?(?:\s+(?-i:[A-Z])[\w-]*)?(?:\s+(?:news|propaganda|media|official))*\s+"
    r"(?:agency|outlet|arm|wing|channels?|website|account)\b",
    re.I,
)
_CLOSING_QUOTE = re.compile(r"^['’](?=\s)")
# The rest of a group's name after the words the lexicon knows: "the Nour al-Din al-Zenki
# Movement fired".
_NAME_TAIL = re.compile(
    r"^['’”\"»]?\s+(?-i:Movement|Brigades?|Battalions?|Front|Group|Division|Corps|Faction)\b",
    re.I,
)


def role(text, mention):
    """How strongly the sentence makes this mention the one who attacked (+) or was hit (-)."""
    score = _role(text, mention)
    before = text[max(0, mention.start - 40) : mention.start].rstrip('“"«')
    after = text[mention.end : mention.end + 60].lstrip('”"»')
    if (
        score > 0
        and (
            _PRIOR_ATTACK_BY.search(before)
            or (_PRIOR_BEFORE.search(before) and _ATTACK_NOUN_AFTER.match(after))
        )
        and not (_OWN_TOLL_AFTER.match(after) and not _KILLING.search(text, 0, mention.start))
    ):
        # "a response to rocket attacks by Islam Army": the attack that came before
        return score * PRIOR_ATTACK_SHARE
    return score


# "GAZIANTEP, Turkey - A car bomb ...": the country of a dateline is where the story was filed.
_DATELINE_BEFORE = re.compile(r"(?:^|\n)\s*[A-Z][A-Z'’. -]{1,30},\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\([^)]{1,30}\)\s*)?[-–—]")


_DEFENDED_BY = re.compile(
    r"\b(?:repelled|repulsed|foiled|thwarted|intercepted|downed|shot\s+down)\s+by\s+(?:the\s+)?$",
    re.I,
)


# Whose statement: "A statement by the General Command of the Army and Armed Forces said".
_STATEMENT_BY_BEFORE = re.compile(
    r"\bstatements?\s+(?:issued\s+|released\s+)?(?:by|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}$",
    re.I,
)
# The Russian outlets' "(outlawed in Russia)", "banned in Russia": the country of the ban.
_OUTLAWED_IN_BEFORE = re.compile(
    r"\b(?:outlawed|banned|prohibited|proscribed)\s+in\s+(?:[\w-]+\s+){0,3}?"
    r"(?:[\w-]+,?\s+including\s+)?(?:the\s+)?$|"
    r"\bdesignated\s+(?:as\s+)?an?\s+(?:[\w-]+\s+){0,2}(?:organi[sz]ation|group)\s+by\s+(?:the\s+)?$",
    re.I,
)
# Whom a building was used by is its target's tenant, not its attacker: "information that the
# building was being used by ISIS", "a school used as a headquarters by Jaish al-Islam" (not
# "sarin used by the regime").
_PREMISES_USED_BY_BEFORE = re.compile(
    r"\b(?:building|school|house|home|hospital|site|facility|headquarters|base|mosque|depot|"
    r"warehouse|compound|premises|positions?|shelter|camp|boat|ferry|ferries|vehicle|car|truck|"
    r"convoy|tunnel|route|road|bridge|crossing)s?\s+(?:[\w-]+\s+){0,3}?used\s+"
    r"(?:as\s+(?:an?\s+)?[\w-]+(?:\s+[\w-]+)?\s+)?by\s+(?:the\s+)?$"
    # and whose it was: "the gate of a base belonging to a Free Syrian Army faction"
    r"|\b(?:building|school|house|home|hospital|facility|headquarters|base|mosque|depot|"
    r"warehouse|compound|premises|positions?|checkpoints?|posts?|offices?|camp)s?\s+"
    r"(?:[\w-]+\s+){0,2}?(?:belonging|belonged|belongs)\s+to\s+(?:the\s+|an?\s+)?$",
    re.I,
)
_FROM_THERE_BEFORE = re.compile(r"\b(?:fired|launched|shelled|came|shot)\s+from\b", re.I)
# A bracket after a group's name, and the words of what it is before it ("terrorist group").
_BRACKETED = re.compile(r"^((?:\s+[a-z][\w-]*){0,3})\s*\([^()]{1,160}\)")
# The side an attack helped: "paving the way for ISIL's advance"; "allowed IS to advance"
# (not "helped Iraqi jets strike ISIS": who is helped to attack attacks).
_WAY_FOR_BEFORE = re.compile(
    r"\b(?:pav|clear|open)(?:e|es|ed|ing|s)?\s+(?:the\s+)?way\s+for\s+(?:the\s+)?$", re.I
)
_ALLOWED_BEFORE = re.compile(r"\b(?:allow|enabl|help)(?:e|es|ed|ing|s)?\s+(?:the\s+)?$", re.I)
_TO_ADVANCE_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,3}?\s+(?:to\s+)?(?:advance|move|enter|retake|recapture|seize|capture|"
    r"take\s+over|regain|escape|withdraw|flee|expand|gain)\b",
    re.I,
)


# A side said not to have done it: "Russian and Syrian warplanes have not approached the city"
# (not "have not stopped", which did; nor "have not been identified", said of whose they were).
_DID_NOT_AFTER = re.compile(r"^(?:\s+and\s+[\w-]+)?(?:\s+[\w-]+){0,2}?\s+" + DID_NOT, re.I)


# Fire from a group's ground: "fired from positions of the al-Qaeda-affiliated Nusra Front".
# Who were there, at a place of theirs: "servicemen who were at the command post of Syrian army
# units" (not "fired from positions of", above, where the fire came from).
_AT_THEIR_PLACE_BEFORE = re.compile(
    # (who were there: not "gunmen at a checkpoint of the Islamic State shot dead four")
    r"\b(?:were|was|are|is)\s+(?:stationed\s+|present\s+)?"
    r"(?:at|in|inside|near|on)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?(?:command\s+posts?|"
    r"headquarters|bases?|positions?|checkpoints?|posts?|barracks|outposts?|garrisons?)\s+of\s+"
    r"(?:the\s+)?$",
    re.I,
)
_FIRED_FROM_THEIRS_BEFORE = re.compile(
    # (and "fired from the Idlib demilitarized zone from areas controlled by ...")
    r"\b(?:fired|launched)\s+from\s+(?:[^.;,]{1,60}?\s+from\s+)?(?:the\s+)?"
    r"(?:positions?|areas?|posts?|bases?|"
    r"strongholds?|territory|territories)\s+(?:of|held\s+by|controlled\s+by|belonging\s+to)\s+"
    r"(?:the\s+)?(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
# An accusation with its deed after the accused: "Activists accused cells affiliated with
# Hayat Tahrir al-Sham (HTS) of carrying out the killing".
_ACCUSED_BEFORE = re.compile(r"\baccus(?:ed|es|ing|e)\s+(?:[\w'’-]+\s+){0,4}$", re.I)
# (what a side is accused of doing: the pipeline reads a sentence of blame by them too)
ACCUSED_DEEDS = (
    r"carrying\s+out|being\s+behind|perpetrating|committing|launching|staging|firing|shelling|"
    r"bombing|killing|shooting"
)
_OF_ANOTHER_DEED_AFTER = re.compile(
    r"^(?:\s*\([^)]{1,20}\))?(?:\s+[\w-]+){0,2}?\s+of\s+"
    rf"(?!(?:{ACCUSED_DEEDS}|carrying|being|targeting|attacking|striking|executing|murdering|"
    r"using|dropping)\b)\w+ing\b",
    re.I,
)
_OF_DOING_AFTER = re.compile(
    rf"^(?:\s*\([^)]{{1,20}}\))?\s+of\s+(?:{ACCUSED_DEEDS})\b",
    re.I,
)


_VIDEO_WORD = re.compile(r"\b(?:video|footage|recording|film)\b", re.I)


def _agent_verb(after, full):
    """_AGENT_VERB_AFTER on the words after a name; a video of a deed read to the end of its
    sentence (`full`), whose deed may be of the group's own men or by another ("footage
    purporting to show the execution of two of its fighters")."""
    found = _AGENT_VERB_AFTER.match(after)
    if found and _VIDEO_WORD.search(found.group(0)):
        return _AGENT_VERB_AFTER.match(full)
    return found


def _role(text, mention):
    # (a name in quotes is read as written without them: the “Islamic State” executes; and
    # its backers said between commas are passed over: "The army, backed by Russian jets,
    # killed")
    before = _SO_CALLED.sub("", text[max(0, mention.start - 52) : mention.start])[-40:]
    if _OUTLAWED_IN_BEFORE.search(before):
        return 0.0  # "(formerly Jabhat al-Nusra outlawed in Russia)": where it is banned
    if (mention.start == 0 or text[mention.start - 1] == "\n") and _DATELINE_AFTER.match(
        text[mention.end : mention.end + 40]
    ):
        return 0.0  # "MOSCOW (Sputnik) - Russian forces repelled": where the story was filed
    # (what the group is, between brackets, is passed over: "Daesh (banned in Russia) fired",
    # "the Hayat Tahrir al-Sham terrorist group (formerly Jabhat al-Nusra ...) have shelled")
    after = _BRACKETED.sub(r"\1", text[mention.end : mention.end + 260], count=1)[:160]
    after = _NAME_TAIL.sub("", after, count=1)
    after = _MOUTHPIECE.sub("", after, count=1)
    after = _CLOSING_QUOTE.sub("", after.lstrip('”"»'), count=1)
    # (not of a group struck: "strikes on Hayat Tahrir al-Sham, al-Qaeda's former affiliate,
    # killed 12 civilians")
    full = after if _STRUCK_BEFORE.search(before) else _ASIDE.sub("", after[:140], count=1)
    after = full[:60]
    if _DATELINE_BEFORE.search(before) and _DATELINE_AFTER.match(after):
        return 0.0
    if _DEFENDED_BY.search(before):
        return 0.0  # "an assault repelled by army units": the defenders
    if _PREMISES_USED_BY_BEFORE.search(before) and not _FROM_THERE_BEFORE.search(before):
        return 0.0  # (not "rockets fired from a school used as a base by Jaish al-Islam")
    if _STATEMENT_BY_BEFORE.search(before) and not _CLAIM.search(text):
        # "A statement by the General Command of the Army said": who speaks (not "a statement
        # issued by HTS claimed responsibility")
        return 0.0
    if _WAY_FOR_BEFORE.search(before) or (
        _ALLOWED_BEFORE.search(before) and _TO_ADVANCE_AFTER.match(text, mention.end)
    ):
        return 0.0  # "strikes that allowed ISIL terrorists to advance": whom the attack helped
    if _DID_NOT_AFTER.match(after):
        return 0.0  # "Russian and Syrian warplanes have not approached the city"
    if _AT_THEIR_PLACE_BEFORE.search(before):
        return 0.0
    if _FIRED_FROM_THEIRS_BEFORE.search(text, max(0, mention.start - 140), mention.start):
        return 1.5  # "rockets fired from positions of the al-Qaeda-affiliated Nusra Front"
    if _ACCUSED_BEFORE.search(before) and _OF_DOING_AFTER.match(after):
        return 2.0  # "accused cells affiliated with Hayat Tahrir al-Sham of carrying out"
    if _ACCUSED_BEFORE.search(before) and _OF_ANOTHER_DEED_AFTER.match(after):
        return 0.0  # "accuse regime intelligence of torturing detainees": not of this attack
    score = 0.0
    if _COUNTED_BEFORE.search(before) and not (
        (
            _COUNTED_STRIKERS_AFTER.match(after)
            or _STRIKERS_NAMED.search(text, mention.start, mention.end)
        )
        and not _HIT_COUNT_BEFORE.search(before)
    ):
        # "20 IS fighters killed": a counted group is the dead, not the killer (but "two
        # Russian jets", "four Israeli warplanes" are what attacked).
        return -2.0
    if _WHOSE_BEFORE.search(before) and not _A_PLACE_AFTER.match(after):
        # "the jets were Russian", "raids believed to be Russian", "a suicide bomber from the
        # Islamic State": whose they were (not "a bomber from the Iraqi city of Mosul")
        return 1.5
    if _HELD_AFTER.match(after) and _FIRED_FROM_BEFORE.search(before):
        return 1.5  # "a rocket fired from rebel-held Eastern Ghouta": the rebels' fire
    if _TARGETED_OF_BEFORE.search(before):
        return -1.5  # "an explosion targeting a vehicle of the rebel factions kills 4"
    if _CHARGED_WITH_BEFORE.search(before):
        return 0.0  # "executed on charges of belonging to ISIS": the victim's, said of him
    if _HELD_BY_BEFORE.search(before):
        return 2.0  # "killed under torture in the jails of pro-Turkey factions"
    if _OPPONENT_BEFORE.search(before):
        # (not the other party of a side that clashed with it: "Jihadists clash with rebels")
        return 0.0 if _PARTY_CLASHED_BEFORE.search(before) else 1.5
    if mention.start <= 2 and re.match(r"\s*:", after):
        return 1.0  # "Russian Defense Ministry: 100 militants killed" is a claim of the kill
    if _HYPOTHETICAL_BEFORE.search(before):
        return 0.0  # "could avert possible U.S. military strikes" reports no attack
    if _SPEAKS_AFTER.match(after) and not _SAID_IT_DID.match(after):
        return 0.0  # "the United States says ...": a speaker, not an attacker
    members = _MEMBERS.match(after)
    acts = members and _agent_verb(after[members.end() :], full[members.end() :])
    if (
        acts
        and not re.match(r"\s+by\b", after[members.end() + acts.end() :])
        and not _STRUCK_BEFORE.search(before)
    ):
        # "Nusra terrorists executed ...": the group noun does not make them the target.
        return 1.5 + (2.0 if _AGENT_BEFORE.search(before) else 0.0)
    if (
        _SERVED_IN_BEFORE.search(before)
        and _HIT_AFTER.search(after)
        and not acts
        and not _agent_verb(after, full)
        and not _AGENT_BEFORE.search(before)
        and not re.search(r"\bby\b", before)  # "killed by members of a security force of"
    ):
        # "a brigadier general in the Syrian regime forces ... were killed": the force a
        # victim served in, not the attacker
        return -1.5
    wide = text[max(0, mention.start - AROUND_BY) : mention.start].rstrip('“"«')
    by = (
        _AGENT_BEFORE.search(before)
        or _BY_THEIR.search(before)
        or _BY_THEIR_MEN.search(wide)
        or (_ATTACK_OF.search(before) and not _ATTACK_OF_LOST.search(wide))
    )
    if by:
        score += 2.0
    if _WEAPON.fullmatch(text[mention.start : mention.end].split()[-1]):
        score += 1.5  # the alias itself names the weapon: "US raids", "coalition airstrikes"
    if _TARGET_AFTER.match(after) and not _TARGET_VERB_AFTER.match(after):
        # "fired by Nusra Front terrorists": after "by", the group noun is still the attacker.
        score -= 0.0 if by and _MEMBERS.match(after) else 2.0
    elif _AGENT_AFTER.match(after):
        score += 1.5
    if _agent_verb(after, full):
        score += 1.5
    elif (said := _SAID_IT_DID.match(after)) and _agent_verb(
        after[said.end() :], full[said.end() :]
    ):
        score += 1.5  # "The army said it had killed 30 militants": its own claim of the kill
    if score <= 0 and _TARGET_BEFORE.search(before):
        score -= 1.5
    return score


_UNCLEAR = re.compile(
    r"\bnot\s+(?:immediately\s+)?(?:clear|known|confirmed)\b|\bunclear\b|\bunknown\s+whether\b|"
    r"\bwhether\b.{0,80}\bor\b|\beither\b|\bpossibly\b|\bmay\s+have\b|\bmight\s+have\b|"
    r"\bcould\s+have\b|\bbelieved\s+to\s+(?:be|have)\b|\bunidentified\s+(?:war)?planes?\b",
    re.I | re.S,
)
# "No group immediately claimed responsibility, but officials accused ...": no claim.
_NO_ONE_BEFORE = re.compile(
    r"\b(?:no|not|nobody|none|never|yet\s+to|no\s+one)\b(?:\s+[\w'’-]+){0,3}\s*$", re.I
)
_CLAIM = re.compile(
    r"\bclaim(?:ed|s|ing)?\s+(?:the\s+)?(?:responsibility|the\s+attack|the\s+bombing)|"
    # "A suicide bombing claimed by the Islamic State group"
    r"\b(?:attacks?|bombings?|blasts?|explosions?|strikes?|assaults?|operations?|killings?)"
    r"\s+(?:(?:was|were|later|since|since\s+been)\s+)?claimed\s+by\b|"
    r"\b(?:said|says|announced|admitted|acknowledged|confirmed)\s+"
    r"(?:(?:on\s+|late\s+|early\s+)?\w+day\s+)?(?:that\s+)?"
    r"(?:it|they|its\s+\w+)\s+(?:had\s+|have\s+|has\s+)?"
    r"(?:carried|conducted|struck|launched|hit|targeted|killed|destroyed|bombed|executed)",
    re.I,
)


_REPORTING = re.compile(
    r"\b(?:said|says|say|reported|reports|reporting|according\s+to|told|claimed|claims|"
    r"accused|accusing|blamed|quoted|citing|cited|announced|stated|confirmed|documented)\b",
    re.I,
)


def speaker(sentence, found):
    """Of the sources `found` in a sentence, the one nearest a reporting verb, else the first."""
    if not found:
        return None
    verbs = [m.start() for m in _REPORTING.finditer(sentence)]
    if not verbs:
        return found[0].entry.name
    nearest = min(found, key=lambda m: min(abs(v - m.start) for v in verbs))
    return nearest.entry.name


def attribution(sentence, mentions_in_sentence, source):
    """`claimed`, `alleged` or `unclear` for an actor named as perpetrator in this sentence.

    Never `confirmed`: a bulletin repeating one side's word is not confirmation.
    """
    if (
        _UNCLEAR.search(sentence)
        or len({m.entry for m in mentions_in_sentence}) > 1
        and re.search(r"\bor\b", sentence)
    ):
        return "unclear"
    if any(not _NO_ONE_BEFORE.search(sentence, 0, m.start()) for m in _CLAIM.finditer(sentence)):
        return "claimed"
    return "alleged"
