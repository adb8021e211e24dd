"""Casualty figures: numbers (digits and words), who they count and whether killed or injured.

`find_tolls(sentence)` returns every figure in one sentence as a `Toll`; `combine` folds the
tolls of one incident into the contract's `{low, best, high}` per category. Reporters qualify
figures ("at least 12", "more than 30", "between 10 and 15", "dozens"); the qualifier sets the
range and the stated number is the best estimate.
"""

import re
from dataclasses import dataclass, replace

from .actors import default_actors
from .dates import MONTHS

_UNITS = {
    "a": 1,
    "an": 1,
    # "a woman and her child": a possessive before one person counts one.
    "her": 1,
    "his": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Vague quantities: (low, best, high). "Dozens" is at least two dozen.
_VAGUE = {
    "dozens": (24, 24, 99),
    "scores": (40, 40, 199),
    "tens": (20, 20, 99),
    "hundreds": (200, 200, 999),
    "thousands": (2000, 2000, 9999),
    # (a war's dead: "hundreds of thousands of people have been killed", not "hundreds")
    "tens of thousands": (20_000, 20_000, 99_999),
    "hundreds of thousands": (200_000, 200_000, 999_999),
    "several": (3, 3, 9),
    "a dozen": (12, 12, 12),
    "half a dozen": (6, 6, 6),
    "two dozen": (24, 24, 24),
    "a few": (3, 3, 5),
}
_SMALL = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|(?:" + "|".join(k for k in _UNITS if k not in ("a", "an", "her", "his")) + r"))"
)
# "five hundred", "one hundred and twenty", "three thousand five hundred", "a hundred thousand"
_HUNDREDS = (
    r"(?:(?:" + _SMALL + r"|an?)\s+hundred(?:\s+(?:and\s+)?" + _SMALL + r")?|" + _SMALL + r")"
)
_WORD_NUMBER = (
    r"(?:(?:" + _HUNDREDS + r"|an?)\s+(?:thousand|million)(?:\s+(?:and\s+)?" + _HUNDREDS + r")?"
    r"|" + _HUNDREDS + r"(?:\s+dozen)?)"  # "three dozen"
)
_NUMBER = (
    r"(?:(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s+(?:thousand|million)"  # "2 thousand", "1.5 million"
    r"|\d{1,3}(?:,\d{3})+|\d+|"
    + _WORD_NUMBER
    + r"|a\s+hundred|"
    + "|".join(sorted((re.escape(k) for k in _VAGUE), key=len, reverse=True))
    + r"|an?|her|his)"
)
_QUALIFIERS = (
    "at least", "not less than", "no fewer than", "more than", "over", "above", "nearly",
    "almost", "up to", "as many as", "about", "around", "some", "approximately", "roughly",
    "an estimated", "at most",
)  # fmt: skip
_QUALIFIER = r"(?:(?P<qual>" + "|".join(q.replace(" ", r"\s+") for q in _QUALIFIERS) + r")\s+)?"
# The words a figure can start with (its qualifier's, a number's, a vague count's): looked for
# first at each word, the figure's whole pattern is tried only there (three times faster).
_FIRST_WORDS = sorted(
    {*_UNITS, *_TENS, *(k.split()[0] for k in _VAGUE), "between", "half"}
    | {q.split()[0] for q in _QUALIFIERS},
    key=len,
    reverse=True,
)
NUMBER_RE = re.compile(
    r"(?<![\w.,])(?=\d|(?:" + "|".join(_FIRST_WORDS) + r")\b)"
    # Not "one" of "no one" or "not one", nor "a" of "not a single": no one was killed.
    r"(?<!\bno\s)(?<!\bno-)(?<!\bnot\s)"
    + _QUALIFIER
    + r"(?:between\s+(?P<lo>"
    + _NUMBER
    + r")\s+and\s+|"
    r"(?P<lo2>\d+)\s*(?:-|–|to)\s*|"
    # "eight to 10", "five to seven" (not "from five to 12", a revision to 12)
    r"(?<!\bfrom\s)(?P<lo3>" + _SMALL + r")\s+to\s+)?(?P<num>" + _NUMBER + r")(?![\w,]*\d)(?!\w)",
    re.I,
)

# Bodies whose members fight no one: "Civil Defence members", "members of the local council".
_UNARMED_BODIES = (
    r"civil\s+defen[cs]e|white\s+helmets?|red\s+crescent|council|committee|media|medical|rescue|"
    r"aid|humanitarian"
)
CATEGORY_NOUNS = [
    (
        "children",
        r"(?:citizen|civilian)\s+(?:children|child)|children|child|kids|boys|girls|infants|babies|minors|schoolchildren|pupils|"
        r"school(?:girl|boy)s?|"
        r"toddlers|teenagers|youngsters|son|daughter|boy|girl|baby|infant|toddler|teenager|"
        r"grandsons?|granddaughters?|grandchildren|grandchild|sons|daughters",
    ),
    (
        "women",
        r"(?:citizen|civilian)\s+(?:women|woman)|women|woman|mothers|mother|wife|wives|sisters?|daughters?-in-law|grandmothers?|aunts?|"
        r"nieces?",
    ),
    (
        "civilians",
        r"civilians|civilian|residents|resident|citizens|citizen|villagers|inhabitants|"
        r"passengers|worshippers|pilgrims|shoppers|students|teachers?|shepherds?|"
        # (not "military medics", "army doctors": servicemen)
        r"(?<!military\s)(?<!army\s)(?:medics?|doctors?|nurses?|paramedics?|surgeons?|"
        r"engineers?)|"
        r"pharmacists?|dentists?|"
        r"midwi(?:fe|ves)|"
        r"farmer|shopkeepers?|vendors?|bakers?|elders?|clerics?|imams?|priests?|mukhtars?|"
        r"activists?|lawyers?|judges?|"
        r"scholars?|academics?|professors?|archaeologists?|poets?|writers?|artists?|singers?|"
        r"athletes?|footballers?|"
        r"rescuers|rescue\s+workers|volunteers|aid\s+workers|journalists|displaced|refugees|"
        r"farmers|workers|worker|employees?|volunteer|journalist|family\s+members|"
        rf"(?:{_UNARMED_BODIES}|staff)\s+members?|"
        r"relatives|evacuees|patients|patient|Syrians",
    ),
    (
        "combatants",
        r"fighters|fighter|soldiers|soldier|troops|trooper|troopers|militants|militant|"
        r"terrorists|terrorist|jihadists|jihadist|jihadis|rebels|rebel|insurgents|insurgent|"
        r"gunmen|gunman|combatants|militiamen|militia\s+members|personnel|attackers|attacker|"
        r"assailants|assailant|bodyguards|bodyguard|"
        r"officers|officer|servicemen|serviceman|service\s*members?|pilots|pilot|mercenaries|"
        r"extremists|"
        r"lieutenants?|colonels?|brigadiers?|sergeants?|generals?|"
        r"commanders|commander|leaders|leader|policemen|policeman|police|guards|recruits|"
        r"operatives|conscripts|bombers|forces|militia|loyalists|emirs|snipers|"
        # the pro-government militias (not the activists' "Local Coordination Committees")
        r"popular\s+(?:defen[cs]e\s+)?committees?|"
        # "kill 4 members", "20 elements": in the reporting of a war, of an armed force (a
        # family's, a rescue body's members are people, above)
        r"members|member|elements",
    ),
    (
        "total",
        r"people|persons|person|victims|others|individuals|men|man|bodies|martyrs|lives|dead|"
        r"husbands?|fathers?|brothers?|grandfathers?|uncles?|nephews?|cousins?|"
        r"detainees|prisoners|hostages|captives|inmates",
    ),
]
_NOUN_RE = [(cat, re.compile(r"(?:" + body + r")\b", re.I)) for cat, body in CATEGORY_NOUNS]
_KILLED_AFTER = re.compile(
    r"^[\s,]*(?:(?!\d)[\w'’-]+[\s,]+){0,5}?(?:were\s+|was\s+|have\s+been\s+|has\s+been\s+|"
    r"had\s+been\s+|are\s+|were\s+reportedly\s+|reportedly\s+)?"
    r"(?P<verb>killed|dead|died|die|martyred|perished|slain|lost\s+their\s+lives|executed|"
    r"beheaded|massacred|deaths|fatalities|shot\s+dead|murdered|wounded|injured|hurt|injuries|"
    r"suffocation|suffocated(?!\s+to\s+death)|eliminated|liquidated|"
    # "were stabbed, shot and burned to death"
    r"(?:burned|burnt|stabbed|beaten|hacked|tortured|starved|stoned|bludgeoned|shot|"
    r"suffocated|choked)\s+to\s+death)\b",
    re.I,
)
# The civilians by the names that say no more than that ("14 of them villagers"), unlike
# "two of them doctors", people of a kind among them.
_ANY_CIVILIANS = re.compile(
    r"\s*(?:civilians?|residents?|villagers?|inhabitants?|citizens?|locals|people|displaced|"
    r"refugees|evacuees)\b",
    re.I,
)
# A figure of a whole a part was told of ("two of the 15 fighters").
_OF_THE_BEFORE = re.compile(r"\bof\s+(?:the|these|those)\s+$", re.I)
# People said to be among the dead after their noun phrase, however long ("six civilians and
# three members of the National Defence Forces guarding the checkpoint were among the
# martyrs"): the words say they died, as a verb would.
# (in one clause, no comma between, of people nothing else is said to have befallen: not
# "pulled 14 people alive ..., and the owner was among the dead", "20 hostages ... freed")
_SAID_AMONG_THE_DEAD = re.compile(
    r"^(?![^.;:!?,]*?\b(?:alive|freed|released|rescued|kidnapped|abducted|captured|arrested|"
    r"detained|gathered|missing)\b)"
    r"[^.;:!?,]{0,120}?\b(?:were|are)\s+(?:also\s+)?among\s+(?:the|those)\s+"
    r"(?P<verb>dead|martyrs|killed|fatalities)\b",
    re.I,
)
# The dead told as a whole whose parts follow: "the dead included", "the victims include",
# "those killed included"; "among the dead were", "among those killed were", "among the
# civilians killed were".
# (and where or of what: "the dead in Tartus included", "the victims of the attack include")
_DEAD_INCLUDED_WORDS = (
    r"\b(?:dead|victims|martyrs|those\s+killed)(?:\s+(?:in|of|from)(?:\s+[\w'’-]+){1,3}?)?"
    r"\s+(?:also\s+)?includ(?:ed|e|es)"
)
_AMONG_THE_DEAD_WORDS = (
    r"\bamong\s+(?:the\s+(?:(?:civilians|people)\s+(?=killed))?|those\s+(?=killed))"
    r"(?P<verb>dead|martyrs|victims|killed|fatalities)\s+(?:are|were)"
)
# What a family is said to be made of: "a family of five", "a family consisting of a man, his
# wife and their three children", "made up of", "comprising".
_FAMILY_MADE_OF = r"\s+(?:of|(?:consisting|made\s+up|composed|comprised)\s+of|comprising)"
_KILLED_BEFORE = re.compile(
    r"(?P<verb>\bkill(?:ed|ing|s)?(?:(?:\s+of)?\s+(?:a|an|one|the|an\s+entire|a\s+whole)\s+family"
    + _FAMILY_MADE_OF
    + r")?|"
    r"\bshot\s+dead|\bgunned\s+down|"
    + _DEAD_INCLUDED_WORDS
    + r"|\bleft|\bleaving|\bclaim(?:ed|ing|s)?(?:\s+the\s+lives\s+of)?|"
    r"\blives\s+of|\bdeaths?\s+of|\bmartyrdom\s+of|\bmassacre\s+of|\bexecut(?:e|ed|ing|es)|\bbehead(?:ed|ing|s)?|"
    r"\btoll\b[^.]{0,40}?(?:\bto|\bat|\bof|\breached|\bhit|\bhits|\bis|\bwas)|\bdeath\s+of|"
    r"\btoll\b[^.]{0,70}?\b(?:rose|risen|rises|rising|climbed|climbs|jumped|increased)\s+to|"
    r"\bnumber\s+of\s+(?:the\s+)?(?:dead|deaths|victims|those\s+killed)\s+at|"
    r"\bbodies\s+of|\bkilling\s+of|\bmurder\s+of|\bexecution\s+of|\bshot|\bwound(?:ed|ing|s)?|\binjur(?:ed|ing|es)|\bhurt(?:ing)?|\beliminat(?:ed|ing|es)|"
    r"\bdestroy(?:ed|ing|s)?|\bneutraliz(?:ed|ing|es)|\btook\s+out|\bmartyr(?:ed|ing)|"
    r"\bcrucifie[sd]|\bmurder(?:ed|ing|s)|"
    r"\b(?:burned|burnt|stabbed|beat|hacked|tortured|starved|stoned|bludgeoned|suffocated|"
    r"choked)\s+to\s+death|"
    r"\b(?:updated|raised|revised|rose|risen|climbed|increased|jumped)(?:\s+up)?\s+to)"
    r"\s+(?:at\s+least\s+|more\s+than\s+|over\s+|some\s+|nearly\s+|about\s+|around\s+|"
    r"up\s+to\s+|another\s+|a\s+further\s+|an\s+additional\s+|the\s+|all\s+)?$",
    re.I,
)
# What "left" and "leaving" say of the people they count, when they count the dead or hurt:
# "left 12 (people) dead", "leaving 30 people, including children, wounded", "left 20
# casualties".
_LEFT_HURT = re.compile(
    r"^[\s,]*(?:[\w'’()-]+[\s,]+){0,8}?(?:dead|killed|wounded|injured|hurt|casualties|"
    r"martyrs|fatalities|victims|lifeless|deaths|bodies)\b",
    re.I,
)
# What a verb of destroying takes besides people: "destroyed 12 Islamic State targets".
_THINGS = re.compile(
    r"\b(?:targets?|positions?|objects?|sites?|facilit(?:y|ies)|"
    r"depots?|vehicles?|tanks?|trucks?|weapons?|launchers?|bases?|hideouts?|headquarters|"
    r"fortifications?|tunnels?|caves?|warehouses?|factor(?:y|ies)|buildings?|bunkers?|"
    r"ammunition|drones?|aircraft|helicopters?|strongholds?|command\s+(?:centres?|centers?|"
    r"posts?)|checkpoints?|installations?|infrastructure|"
    # (weapons: "destroyed over 30 cruise missiles and guided bombs")
    r"missiles?|rockets?|bombs?|shells?|projectiles?|mortars?)\s*$",
    re.I,
)
# The nouns of people in the plural ("soldiers manning checkpoints" are people).
_PLURAL_PEOPLE = re.compile(r"(?:s|people|children|men|women|police|personnel|militia)$", re.I)
# A noun that says its people are dead.
_DEATH_NOUN = re.compile(r"\b(?:martyrs|dead|bodies|corpses)$", re.I)
# People killed in a battle, not by it: "50 killed during clashes between rebels and IS",
# "kills 50 people in 3 days of fierce clashes" are not presumed civilians (their toll is no
# civilians' unless the text says whose it is: "5 civilians killed in clashes", "among them 12
# civilians"). Not a battle with bombs ("in fighting and air strikes"), nor people amid one.
_BATTLE_NOUN = r"(?:clashes|fighting|battles?|confrontations)"
_NOT_WITH_BOMBS = (
    r"(?!\s+(?:and|or|,)\s+(?:\w+\s+)?(?:air\s?strikes|strikes|shelling|bombardment|bombing|"
    r"raids|barrel))"
)
_BATTLE = (
    r"\s+(?:the\s+|a\s+)?(?:(?:\d+|\w+)\s+(?:days?|hours?|weeks?)\s+of\s+)?"
    r"(?:(?:violent|heavy|fierce|intense|ongoing|renewed|continued|continuing|new)\s+)*"
    rf"(?:{_BATTLE_NOUN}|combats?)\b{_NOT_WITH_BOMBS}"
)
_DIED = (
    r"^[\s,]*(?:(?:people|persons|others)\s+)?(?:were\s+|have\s+been\s+|had\s+been\s+)?"
    r"(?:killed|dead|died)"
)
_IN_BATTLE = re.compile(_DIED + r"\s+(?:in|during)" + _BATTLE, re.I)
# ... a few words on ("killed during the 24 hours in al-Mallah clashes", "killed of regime's
# allies and ISIS in a battle"), with no weapon between ("killed in shelling near clashes")
_IN_BATTLE_LATER = re.compile(
    _DIED + r"\b(?:(?!shell|strike|raid|bomb|explos|attack|missile|rocket|mine|barrel|air|"
    rf"sniper|fire|amid)[^,.;:]){{1,60}}?\b{_BATTLE_NOUN}\b{_NOT_WITH_BOMBS}",
    re.I,
)
# ... the battle the subject of the verb ("rebel clashes 'leave 52 dead'", "Clashes kill 12")
_BATTLE_KILLS_BEFORE = re.compile(
    rf"\b{_BATTLE_NOUN}\s+(?:[\w'’-]+\s+){{0,3}}?['‘\"“]?"
    r"(?:leave|left|leaving|kill|kills|killed|killing|claim|claims|claimed)\s+"
    r"(?:the\s+lives\s+of\s+)?(?:at\s+least\s+|more\s+than\s+|over\s+|about\s+)?$",
    re.I,
)
# ... after the verb, in the battle ("kills 50 people in 3 days of fierce clashes")
_PEOPLE_IN_BATTLE = re.compile(r"^[\s,]*(?:people|persons|others)?\s*in" + _BATTLE, re.I)
# People of no armed side the battle is between: its dead are people as ever ("clashes between
# two families", "between residents and security forces", "Clashes between families left 3
# dead"), or mostly people of no side ("killed 7 people, most of them women").
_UNARMED_PEOPLE = (
    r"(?:families|family|clans?|residents|villagers|citizens|locals|protesters|demonstrators|"
    r"worshippers|people)"
)
_UNARMED_SIDES = re.compile(
    rf"^[^.;:]{{0,80}}?\bbetween\b[^.;:,]{{0,60}}?\b{_UNARMED_PEOPLE}\b", re.I
)
_UNARMED_BETWEEN = re.compile(rf"\bbetween\b[^.;:,]{{0,60}}?\b{_UNARMED_PEOPLE}\b[^.;:,]*$", re.I)
_MOSTLY_CIVILIANS = re.compile(
    r"^[^.;]{0,60}?\b(?:most|many|mostly|majority|all)\b[^.;]{0,20}?\b(?:women|children|"
    r"civilians|residents)\b",
    re.I,
)
_COMBINED_BEFORE = re.compile(
    r"\b(?:kill(?:ed|ing|s)?|martyr(?:ed|ing)?)\s+(?:and|or|&|/)\s*(?:wound|injur)\w*\s+"
    r"(?:at\s+least\s+|more\s+than\s+|over\s+|some\s+|nearly\s+|about\s+|around\s+|"
    r"up\s+to\s+|the\s+)?$",
    re.I,
)
_COMBINED_AFTER = re.compile(
    r"\s*(?:and|or|&|/)\s*(?:were\s+|was\s+)?(?:wounded|injured|hurt)\b", re.I
)
# "17 of them militants", "21 of them children and 18 women", "of whom were Syrian soldiers"
_OF_THEM = re.compile(
    r"^\s+of\s+(?P<whom>them|whom|the\s+dead|those\s+killed)\s*,?\s+(?:were\s+|are\s+)?"
    r"(?P<noun>[\w-]+(?:\s+[\w-]+)?)",
    re.I,
)
# "Of these, 31 were soldiers", "Among them, 12 were children": the part before its figure.
_OF_THESE_BEFORE = re.compile(
    r"\b(?:of|among)\s+(?:these|them|those|whom|the\s+dead|the\s+victims)\s*,?\s*$", re.I
)
_WERE_NOUN = re.compile(r"^\s+(?P<whom>)(?:were|are|was)\s+(?P<noun>[\w-]+(?:\s+[\w-]+)?)", re.I)
_SUBSET_BEFORE = re.compile(
    r"(?:\bincluding|\bamong\s+them|\bamong\s+whom|\bof\s+whom|\bof\s+them|"
    + _AMONG_THE_DEAD_WORDS.replace("(?P<verb>", "(?:")
    # "the other 11 were jihadists", "the remaining 27 dead were fighters"
    + r"|\bthe\s+(?:other|remaining)|"
    + _DEAD_INCLUDED_WORDS
    + r"|"
    # "including the bomber and four soldiers": after one person the list singles out
    r"\bincluding\s+(?:the|a|an|its|his|her|their)\s+(?:[a-z'’-]+\s+){0,4}?[a-z'’-]+\s+and)"
    r"\s*:?\s*(?:at\s+least\s+)?$",
    re.I,
)
# A toll revised "up to" a figure (the "up to" read with it), after the toll's name.
_REVISED_UP = re.compile(
    r"\btoll\b[^.]{0,60}?(?P<verb>\b(?:revised|raised|rose|risen|climbed|jumped|increased))\s+$",
    re.I,
)
_WITH_BEFORE = re.compile(r",\s+with\s+(?:at\s+least\s+|more\s+than\s+)?$", re.I)
_HURT_NEXT = re.compile(
    r"\s+(?:others?\s+|more\s+|people\s+)?(?:were\s+)?(?:wounded|injured|hurt)\b", re.I
)
# A toll's parts after a colon: "killed 14 people on Thursday: nine civilians and five fighters".
# (or a dash: "83 people were killed - 62 civilians and 21 pro-government fighters")
_PARTS_AFTER_COLON = re.compile(r"(?::|\s[-–—]|—)\s*(?:at\s+least\s+)?$")
# "six civilians, including a child, were killed": the subset clause hides the verb.
_SUBSET_CLAUSE = re.compile(
    r"^\s*,?\s*(?:including|among\s+them)\s+(?:[\w'’-]+(?:\s*,\s*|\s+)){1,6}?"
    r"(?=(?:were|was|are|have|had|died|killed|suffocated\s+to\s+death)\b)"
    # "Twenty-two civilians, of whom five were children and three were women, were killed"
    r"|^\s*,\s*of\s+(?:whom|them)\s+(?:[\w'’-]+\s+){1,12}?[\w'’-]+\s*,\s*"
    r"(?=(?:were|was|have|had|died|killed)\b)",
    re.I,
)
# A figure's people told between commas after it: "a family of six, a mother and her four
# children along with their father, was killed".
_APPOSITION = re.compile(
    r"^\s*,\s*(?:a|an|his|her|their)\s+(?:[\w'’-]+\s+){0,11}?[\w'’-]+\s*,\s*"
    r"(?=(?:were|was|are|have|had|died|killed)\b)",
    re.I,
)
# What joins the parts of a list: "109 evacuees from the two towns and 17 rebel fighters".
_LIST_JOINER = re.compile(
    r"(?:\s+(?:from|of|in)\s+(?:the\s+)?[\w'’ -]{1,40}?)?\s*(?:,\s*(?:and\s+)?|and\s+)"
)
_WERE = re.compile(
    r"\s+(?:(?:dead|victims|killed|people|others)\s+)?(?:were|are|was)(?:\s+all)?(?=\s)", re.I
)
_AMONG_AFTER = re.compile(
    r"^[\s,]*(?:[\w'’-]+\s+){0,2}?(?:(?:were|are|was)\s+)?among\b(?!\s+(?:them|whom)\b)|"
    r"^[\s,]*(?:and\s*)?$",
    re.I,
)
_UPDATED = re.compile(
    r"\b(?:toll|number\s+of\s+(?:dead|deaths|victims))\b[^.]{0,50}?\b(?:rose|risen|rises|rising|"
    r"climbed|climbs|increased|jumped|went\s+up|mounted|mounts|reached|reaches|hit|hits)\b|"
    r"\bnew\s+toll\b|"
    r"\bupdated\s+toll\b|\b(?:rose|risen|climbed)\s+to\b|"
    r"\b(?:updated|raised|revised|increased)\s+(?:\w+\s+){0,3}?to\b|"
    r"\bbring(?:ing|s)?\s+(?:the\s+(?:death\s+)?toll\s+|the\s+number\s+[^.]{0,40}?)?to\b|"
    # (raising, taking, pushing: only with the toll they raise, not "pushing to retake")
    r"\b(?:rais(?:ing|es)|tak(?:ing|es)|push(?:ing|es))\s+(?:the\s+(?:death\s+)?toll|"
    r"the\s+number\s+[^.]{0,40}?)\s+to\b",
    re.I,
)
# "Among the dead were five children", "Among the dead are three members of the local armed
# group": the dead told as such (its "verb" group is what _kind reads).
_AMONG_THE_DEAD = re.compile(_AMONG_THE_DEAD_WORDS + r"\s*$", re.I)
_DEAD_INCLUDED = re.compile(_DEAD_INCLUDED_WORDS + r"\s+(?:at\s+least\s+|some\s+|about\s+)?$", re.I)
# "four more victims", "two additional bodies": an increment (of the risen toll before it).
_MORE_AFTER = re.compile(r"^\s+(?:more|additional|further)\b", re.I)
# "bringing to 45 the number killed in 24 hours": the running toll, named after its figure.
_BRINGING_TO = re.compile(r"\b(?:bring(?:ing|s)?|rais(?:ing|es))\s+to\s+$", re.I)
_THE_NUMBER_KILLED = re.compile(
    r"^\s+the\s+(?:number\s+(?:of\s+)?(?:people\s+)?(?:killed|dead|deaths)|(?:death\s+)?toll)\b",
    re.I,
)
# "Rose to 31 the number of rebels who were killed", "the number of civilians killed rose to
# 16": the dead's kind is named after "the number of", the figure before it or after.
_NUMBER_OF = re.compile(
    r"\bthe\s+(?:total\s+)?number\s+of\s+(?=\w)|"
    # "the death toll among regime forces rose to 11"
    r"\b(?:death\s+)?toll\s+(?:among|of|for)\s+(?:the\s+)?(?=\w)",
    re.I,
)
# "raise regime forces' death toll to 11": whose toll, up to three words before it
_TOLL_OWNER = re.compile(r"([\w-]+(?:\s+[\w-]+){0,2})(?:['’]s?)?\s+(?:death\s+)?toll\b", re.I)
_NUMBER_OF_AFTER = re.compile(r"^\s+the\s+(?:total\s+)?number\s+of\s+(?=\w)", re.I)
_FIGURE_OF_NUMBER = re.compile(
    r"\b(?:to|at|reached|reaches|hit|hits|is|was|stands|stood)\s+$", re.I
)
NUMBER_OF_CHARS = 150
_BEFELL = re.compile(r"\b(?:killed|dead|died|deaths|lives|wounded|injured|hurt)\b", re.I)
_NOT_PEOPLE = re.compile(
    # (and a part of a count of them: "18 of 31 vehicles", "18 of the 31 trucks")
    r"^\s*(?:-?\s*)?(?:of\s+(?:the\s+|its\s+|their\s+)?[\d,]+\s+(?!famil|households))?"
    r"(?:year|years|yr|km|kilometres|kilometers|miles|metres|meters|percent|%|"
    r"per\s+cent|times|hours|hour|days|day|weeks|months|villages|towns|buildings|homes|"
    r"houses|strikes|raids|air|barrel|rockets|rocket|shells|missiles|mortar|bombs|tons|"
    r"tonnes|vehicles|cars|trucks|lorries|tanks|positions|targets|sorties|hospitals|schools|o['’]clock|"
    r"am|pm|a\.m|p\.m|million|billion|th|st|nd|rd|cases|incidents|attacks|violations|"
    r"famil(?:y|ies)|households|degrees|points)\b",
    re.I,
)


_ONE_MEMBER = re.compile(r"\s+member\s+(?:of|from)\b", re.I)
_SINGULAR = re.compile(
    r"(?:child|woman|civilian|man|boy|girl|baby|infant|resident|citizen|fighter|soldier|"
    r"militant|rebel|member|commander|leader|officer|pilot|journalist|medic|doctor|nurse|"
    r"lieutenant|colonel|brigadier|sergeant|general|"
    r"paramedic|volunteer|worker|employee|policeman|person|teenager|mother|student|teacher|"
    r"shepherd|son|surgeon|patient|pharmacist|dentist|midwife|farmer|shopkeeper|vendor|baker|"
    r"daughter|wife|sister|husband|father|brother|grandson|granddaughter|grandchild|"
    r"grandmother|grandfather|aunt|uncle|niece|nephew|cousin|"
    r"elder|cleric|imam|priest|mukhtar|activist|lawyer|judge|engineer|scholar|academic|"
    r"professor|archaeologist|poet|writer|artist|singer|athlete|footballer)$",
    re.I,
)


@dataclass(frozen=True)
class Toll:
    kind: str  # "killed" or "injured"
    category: str  # civilians, combatants, children, women or total
    low: int
    best: int
    high: int
    start: int
    end: int
    vague: bool = False
    subset: bool = False
    updated: bool = False
    # A count of civilians given beside a larger toll or a count of fighters in its sentence.
    split: bool = False
    # "More than 50": a floor the text may state exactly further on ("at least 51").
    floor: bool = False
    # "50 killed during clashes", "pound Islamic State targets, kill 20": the dead of a battle
    # or of a strike on an armed group, not presumed civilians.
    battle: bool = False
    # "two journalists", "four members of one family": civilians named by the kind of people
    # they are, not as civilians (a part of a toll of people is a part of its civilians).
    of_a_kind: bool = False
    # "Eleven of the attackers were also killed": more dead, added to the figure before them.
    also: bool = False
    # "The rest were fighters" with no toll of its own in the sentence: the fighters are the
    # story's toll less its civilians (see combine), no figure of its own (0).
    rest: bool = False
    # "The dead included civilians and security personnel", no figure: a mix, so the toll's
    # people are not presumed civilians (see combine).
    mixed: bool = False
    # Whose fighters they were ("Fourteen ISIS members", "Five SDF fighters"): an actor's group
    # named in the count, set by the pipeline; the dead of different sides add up (see _fold).
    side: str | None = None


def number_value(text):
    """An integer for a number written in digits or words, or None."""
    text = " ".join(text.lower().replace("-", " ").split())
    if not text:
        return None
    digits = text.replace(",", "")
    if digits.isdigit():
        return int(digits) if len(digits) < 9 else None
    scaled = re.fullmatch(r"([\d,]+(?:\.\d+)?) (thousand|million)", text)
    if scaled:  # "2 thousand", "1.5 million"
        value = float(scaled[1].replace(",", "")) * _SCALES[scaled[2]]
        return int(value) if value < 1e9 else None
    total = 0
    current = 0
    for word in text.split():
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "dozen":
            current = max(current, 1) * 12
        elif word in _SCALES:
            total += max(current, 1) * _SCALES[word]
            current = 0
        elif word == "and":
            continue
        else:
            return None
    total += current
    return total or None


_SCALES = {"thousand": 1000, "million": 1_000_000}


def _range(match):
    qual = (match["qual"] or "").lower()
    raw = match["num"].lower()
    raw = " ".join(raw.split())
    if raw in _VAGUE:
        low, best, high = _VAGUE[raw]
        return low, best, high, low != high  # ("a dozen" is twelve; "dozens" is vague)
    value = number_value(raw)
    if value is None:
        return None
    lower = match["lo"] or match["lo2"] or match["lo3"]
    if lower:
        low = number_value(lower)
        if low is not None and low < value:
            return low, low, value, False
        if low is not None and low > value and match["lo"]:
            # "between 30 and 10": the same range, written high to low (but "from 30 to 12"
            # is a revision: the 12)
            return value, value, low, False
    if qual in ("at least", "not less than", "no fewer than", "more than", "over", "above"):
        return value, value, value, False
    if qual in ("nearly", "almost", "up to", "as many as", "at most"):
        return value, value, value, False
    return value, value, value, False


# "members of a pro-government militia" fought; "members of one family" did not.
_ARMED_MEMBERS = re.compile(
    r"^\s+(?:[\w-]+\s+)?members?\s+of\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:militias?|groups?|forces|army|brigades?|front|factions?|units?|organi[sz]ations?|"
    r"cells?)\b"
    # "kill 4 members of them": members of the force the sentence fought
    r"|^\s+members?\s+of\s+them\b",
    re.I,
)
# What may follow the name of a group whose members are counted (not a noun of its own, as
# in "Red Crescent volunteers" or "Hassan family").
_NAME_ENDS = (
    r"\s*[,.;:)]|\s*$|\s+(?:were|was|have|had|are|killed|dead|died|in|on|at|and|near|"
    r"during|from|by|after|when|as|with)\b"
)
# The word for its fighters that may follow a group's name ("ISIS fighters", "SDF members").
_MEMBERS = r"(?:\s+(?i:members?|fighters|militants|elements|operatives|cells?))?"
# "14 members of Hezbollah", "25 of the regime forces", "8 IS", "7 SDF": the fighters of a
# named group (a name in capitals or quotes, or an acronym) or of a force.
_OF_AN_ARMED = re.compile(
    r"^\s+(?:(?:[\w-]+\s+)?members?\s+of|of)\s+(?:the\s+|an?\s+)?"
    r"(?:(?:[\w'’-]+\s+){0,3}?(?:forces?|army|militias?|troops|fighters|soldiers|brigades?|"
    r"factions?|militants|rebels|gunmen|militiamen|leaders|commanders|escorts|bodyguards|"
    r"attackers|assailants|popular\s+(?:defen[cs]e\s+)?committees?)\b"
    # "3 of their members", "17 of its Iraqi and Syrian members": a group's, not a family's
    r"|(?:its|their)\s+(?:[\w'’-]+\s+){0,3}?(?:members|fighters|elements|escorts)\b"
    r"|(?:[“\"«][^”\"»]{2,40}[”\"»]|(?!(?-i:Red|Civil|White|UN|United)\b)(?-i:[A-Z][\w'’-]+)"
    # (a name's article in lower case: "Hayat Tahrir al-Sham", "Jaish al-Islam")
    r"(?:\s+(?:(?-i:al|el|ad|ar|as|ash|at|az|an)-)?(?-i:[A-Z][\w'’-]+)){0,3})"
    + _MEMBERS
    + r"(?="
    + _NAME_ENDS
    + r"))",
    re.I,
)
# "kill 8 IS in Raqqa", "7 SDF killed": an acronym counted, where a killing is told of.
_ACRONYM = re.compile(r"^\s+(?-i:[A-Z]{2,6})" + _MEMBERS + r"(?=" + _NAME_ENDS + r")")
_ACRONYM_KILLED = re.compile(
    r"^\s+(?-i:[A-Z]{2,6})"
    + _MEMBERS
    + r"(?=\s+(?:were\s+|was\s+|have\s+been\s+)?(?:killed|dead|died)\b)"
)
_PHRASE_END = re.compile(
    # (not the stops of "U.S.", "U.K.")
    r"[,;:()\"]|\.(?![A-Z]\.)(?<![A-Z]\.[A-Z]\.)|"
    r"\b(?:including|among|in|on|at|from|after|when|as|while|during|by|with|"
    r"near|since|who|which|that|the)\b|\d",
    re.I,
)
_VERB_NEXT = re.compile(
    r"^\s*(?:killed|dead|died|wounded|injured|were|have|had|was|are|martyred|perished|"
    r"(?:suffocated|choked)\s+to\s+death)\b",
    re.I,
)


_AGE = re.compile(r"^\s*\d{1,3}[\s-]+(?:year|month)s?[\s-]+old\b", re.I)
# "three children, aged between 4 and 11", "between the ages of 4 and 11": ages, not a toll.
_AGED_BEFORE = re.compile(
    r"\b(?:aged|ages?(?:\s+of)?)\s+(?:between\s+|from\s+)?(?:\d{1,3}\s*(?:and|to|-|–)\s*)?$",
    re.I,
)
# ... and the clause that gives them, between the dead and their verb.
_AGES_CLAUSE = re.compile(
    r"^\s*,?\s*(?:aged|between\s+the\s+ages\s+of)\s+(?:between\s+|from\s+)?\d{1,3}"
    r"(?:\s*(?:and|to|-|–)\s*\d{1,3})?(?:\s+years?(?:\s+old)?)?\s*,?",
    re.I,
)
# "None of the 30 residents were killed", "could have killed 50 people": no one died.
_NONE_OF = re.compile(
    r"\b(?:none|not\s+one|neither|no\s+one|nobody)\s+(?:of|among)\s+(?:the\s+|its\s+|their\s+|"
    r"all\s+|these\s+|those\s+)?$",
    re.I,
)
# "would have killed 50": no one was; "could have killed 50 had the building not been empty"
# too, but "could have killed at least 40" is an estimate (the clause after it decides).
_COUNTERFACTUAL = re.compile(
    r"\b(?P<modal>could|would|might)\s+(?:well\s+)?have\s+(?:killed|wounded|injured|left)\s+$",
    re.I,
)
_UNLESS = re.compile(r"^[^.;]*?\b(?:had\s+(?:it|the|they|there|not)|if|but\s+for)\b", re.I)
# "on June 3 killed civilians": the day of a date ("May" only as the month is written).
_MONTH_BEFORE = re.compile(
    r"\b(?:(?i:"
    + "|".join(sorted((m for m in MONTHS if m != "may"), key=len, reverse=True))
    + r")|May)\.?\s+$"
)
_OF_THEM_ALONE = re.compile(
    # "killing nine of them", "leaving 14 casualties of them"
    r"^\s+(?:(?:casualties|victims|dead|deaths|persons|people)\s+)?of\s+(?:them|those)\b",
    re.I,
)


# The verbs of striking a group: "target", "raid", "pound", "shell", ...
_STRIKES = (
    r"target(?:s|ed|ing)?|attack(?:s|ed|ing)?|raid(?:s|ed|ing)?|pound(?:s|ed|ing)?|struck|"
    r"strik(?:e|es|ing)|bomb(?:s|ed|ing)?|shell(?:s|ed|ing)?"
)
# "Warplanes target Hayaat Tahrir al-Sham ..., and kill 16 of them", "clashes with ISIS,
# killing 20 of them": a group fought, named by its name.
_FOUGHT = re.compile(
    rf"\b(?:{_STRIKES}|ambush(?:es|ed|ing)?|against|"
    r"(?:clash(?:es|ed)?|fight(?:s|ing)?|battles?)\s+with)\s+(?:positions\s+of\s+)?"
    r"(?:the\s+)?[“\"]?(?-i:[A-Z][\w'’-]+)(?:\s+(?:(?-i:al|el)-)?(?-i:[A-Z][\w'’-]+)){0,3}",
    re.I,
)


# "Turkish jets pound Islamic State targets, kill at least 20", "target a meeting of ISIS
# commanders ..., kill about 28": a group's fighters, positions or meeting struck, and a toll
# with no noun of its own: the group's dead.
_GROUP_STRUCK = re.compile(
    rf"\b(?:{_STRIKES}|hit(?:s|ting)?)(?:\s+(?:on|against))?\s+"
    r"(?:an?\s+|the\s+)?(?P<of>(?:meeting|gathering|convoy|headquarters|positions?|posts?|bases?|"
    r"hideouts?|camps?)\s+of\s+(?:the\s+)?)?[“\"]?"
    r"(?P<group>(?-i:[A-Z][\w'’-]+)(?:\s+(?:(?-i:al|el)-)?(?-i:[A-Z][\w'’-]+)){0,3})[”\"]?"
    r"(?P<noun>\s+(?:targets?|positions?|members|commanders|fighters|militants|headquarters|"
    r"convoys?|gatherings?|elements|hideouts?|posts?|bases?|camps?))?",
    re.I,
)


def _group_struck(before):
    """Is the last thing struck before a bare toll an armed group's (its fighters, positions,
    meeting), named by the actors' lexicon?"""
    found = next(reversed(list(_GROUP_STRUCK.finditer(before))), None)
    if found is None or not (found["of"] or found["noun"]):
        return False
    return any(m.entry.group != "unknown" for m in default_actors().find(found["group"]))


def _clause_before(sentence, start):
    """The clause before a figure (at `start`) where what was struck is named (back to the
    sentence's last full stop or semicolon)."""
    head = sentence[:start]
    return head[max(head.rfind(";"), head.rfind(". ")) + 1 :]


def _antecedent(before):
    """The category of the last people noun before "of them" ("clashed with the terrorists,
    killing nine of them"), or fighters when none is named but a group fought by its name."""
    found = None
    for word in re.finditer(r"[\w'’-]+", before):
        for cat, regex in _NOUN_RE:
            matched = regex.fullmatch(word.group(0))
            if matched and cat != "total":
                found = cat
                break
    # (the actors' lexicon names the armed groups)
    if found is None and (fought := _FOUGHT.search(before)):
        if default_actors().find(fought.group(0)):
            return "combatants"
    return found


# "45 Isil members", "4 Ahrar al-Sham members": the members of a group named by its name (not
# of an aid body: "Red Crescent members", "Civil Defence members" stay people).
_NAMED_MEMBERS = re.compile(
    r"^\s+(?!(?-i:Red|Civil|White|UN|United|Syrian\s+Civil)\b)(?-i:[A-Z][\w'’-]+)"
    r"(?:\s+(?:(?-i:al|el)-)?(?-i:[A-Z][\w'’-]+)){0,2}\s+(?:members|elements)\b",
    re.I,
)
_NOT_ARMED_NAME = re.compile(
    r"\b(?:Red|Crescent|Council|Committee|Party|Civil|Defen[cs]e|Helmets?|Family|Tribe|Clan|"
    r"Parliament|Club|Team)\b",
    re.I,
)
_OF_WHOM = re.compile(r"\s+(?:of|from)\b", re.I)
# "five members, all of them civilians", "seven members, including three children": whose
# members the words after say.
_MEMBERS_SAID = re.compile(r",?\s+(?:all|most|mostly|many|including|among|of\s+whom)\b", re.I)
# Members of a family ("of one family", "from the same family", "of the Hassan family") or of
# a body that fights no one ("of the Civil Defence", "of the Syrian Arab Red Crescent", "of the
# local council"): people.
_PEOPLES_MEMBERS = re.compile(
    r"^\s+members?\s+(?:from|of)\s+(?:(?:a|an|one|the|his|her|their|its)\s+)?(?:same\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?famil(?:y|ies)\b"
    r"|^\s+members?\s+of\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,2}?"
    rf"(?:{_UNARMED_BODIES}|press|assembly|parliament)\b",
    re.I,
)
# A body of people who fight no one, whatever "group" or "organisation" it is called.
_PEOPLES_BODY = re.compile(
    r"\b(?:aid|humanitarian|medical|rescue|relief|charity|charitable|civil\s+defen[cs]e|"
    r"red\s+crescent|media|press|famil(?:y|ies))\b",
    re.I,
)
# The words of a force: a name with them is an armed group's, whatever else it holds ("the
# National Defence Forces").
_FORCE_WORDS = re.compile(
    r"\b(?:forces|army|militias?|troops|brigades?|factions?|fighters|soldiers|militants|"
    r"popular\s+(?:defen[cs]e\s+)?committees?)\b",  # (pro-government militias)
    re.I,
)
# "a family of 7 members": a family's members.
_FAMILY_OF = re.compile(r"\bfamil(?:y|ies)" + _FAMILY_MADE_OF + r"\s*$", re.I)
_MEMBERS_NEXT = re.compile(r"^\s+members?\b", re.I)
# "13 bodies of ISIS members": the dead of an armed group.
_BODIES_OF = re.compile(r"^\s+(?:bodies|corpses|remains)(?=\s+of\b)", re.I)


# "kills 10, four of them children": the noun after the comma is a part's, not the figure's
# (but "killing 20, all of them fighters", "73, most of them civilians" say who all were).
_PART_AFTER = re.compile(
    r"^\s*,\s*(?!(?:all|most|many|almost|nearly|mostly)\b)[\w-]+(?:\s+[\w-]+)?\s+of\s+"
    r"(?:them|whom|those)\b",
    re.I,
)
# "Eight civilians, half of them children": half of the figure before.
_HALF_OF_THEM = re.compile(r"\s*,\s*half\s+of\s+(?:them|whom)\s*,?\s+(?:were\s+|are\s+)?", re.I)


# One count of both: "45 women and children", "children and women", "women, children and
# elderly people".
_WOMEN_AND_CHILDREN = re.compile(
    r"\s+(?:women|children)(?:\s*,\s*(?:women|children))?\s*,?\s+(?:and|&)\s+"
    r"(?:(?:the\s+)?elderly(?:\s+people)?|old\s+(?:men|people)|women|children)\b",
    re.I,
)


def _category(after, killing=False):
    """The category of the noun after a number ('total' before a verb), and where it ends;
    `killing` when a verb of killing comes just before the number."""
    if age := _AGE.match(after):
        # "a 22-year-old man": the age is no figure; the noun after it is the person.
        category, end = _category(after[age.end() :], killing)
        return (category, end + age.end()) if category else (None, 0)
    if _NOT_PEOPLE.match(after) or _PART_AFTER.match(after):
        return None, 0
    if _VERB_NEXT.match(after):
        return "total", 0
    if people := _PEOPLES_MEMBERS.match(after):
        return "civilians", people.end()
    armed = _ARMED_MEMBERS.match(after)
    if armed and _PEOPLES_BODY.search(armed.group(0)):
        armed = None  # "team members of the aid group"
    head = after.lstrip()[:1]
    if not armed and head in "omOM":  # "of the ...", "members of ..."
        armed = _OF_AN_ARMED.match(after)
        if (
            armed
            and _NOT_ARMED_NAME.search(armed.group(0))
            and not _FORCE_WORDS.search(armed.group(0))
        ):
            armed = None  # "members of the Syrian Arab Red Crescent"
    if not armed and head.isupper():
        armed = (_ACRONYM if killing else _ACRONYM_KILLED).match(after)
        named = _NAMED_MEMBERS.match(after)
        if named and not _NOT_ARMED_NAME.search(named.group(0)):
            armed = armed or named
    if not armed and (bodies := _BODIES_OF.match(after)):
        found = _OF_AN_ARMED.match(after[bodies.end() :])
        if found:
            return "combatants", bodies.end() + found.end()
    if armed:
        return "combatants", armed.end()
    if _APPOSITION.match(after):
        return None, 0  # "a family of six, a mother and her four children, ...": not six mothers
    if together := _WOMEN_AND_CHILDREN.match(after):
        return "civilians", together.end()  # "45 women and children": not 45 women
    stop = _PHRASE_END.search(after, 1)
    phrase = after[: stop.start()] if stop else after[:60]
    for word in list(re.finditer(r"[\w'’-]+", phrase))[:4]:
        for cat, regex in _NOUN_RE:
            matched = regex.match(phrase, word.start())
            # "rebel-held" is an adjective: it names no rebel; "a colonel's wife" no colonel.
            if (
                matched
                and not re.match(r"[\w-]", phrase[matched.end() : matched.end() + 1])
                and not re.match(r"['’]s\b", phrase[matched.end() :])
            ):
                # "IS" counts only as written in capitals.
                if cat == "combatants" and word.group(0) in ("is", "Is"):
                    continue
                if _A_BODY_OF_THEM.match(phrase, matched.end()):
                    continue  # "a rival rebel group ... killed 27 fighters": no rebel killed
                # "members of ...", "members from ...": whose members, the words after say
                # (above, and as people); only members with no more said are fighters.
                if word.group(0).lower() in ("member", "members") and (
                    phrase[: word.start()].strip()  # "crew members", "team members"
                    or _OF_WHOM.match(after, matched.end())
                    or _MEMBERS_SAID.match(after, matched.end())
                ):
                    continue
                return cat, matched.end()
    return None, 0


_NEXT_WORD = re.compile(r"\s+(?=\w)")
# The verbs of a headline in title case ("47 Leaders of Ahrar Al-Sham Killed in Idleb"): no
# word of a name.
_TITLE_CASE_VERBS = (
    r"(?:Killed|Dead|Died|Die|Dies|Wounded|Injured|Martyred|Slain|Executed|Captured|Arrested|"
    r"Kidnapped|Abducted|Hurt|Among|In|On|At|Near)\b"
)
# A fighter's force named after him: "of the National Defence Forces (NDF)", "of Jaish
# al-Islam".
_OF_A_NAMED_FORCE = re.compile(
    r"\s+of\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]+(?:\s+(?:(?!" + _TITLE_CASE_VERBS + r")"
    r"(?-i:[A-Z])[\w'’-]+|al-[\w'’-]+)){0,4}"
    r"(?:\s*\((?-i:[A-Z]{2,6})\))?(?![\w'’-])"
)
# A body of people named by its members' noun: "a rebel group", "two jihadist factions".
_A_BODY_OF_THEM = re.compile(
    r"\s+(?:groups?|factions?|movements?|organi[sz]ations?|alliances?|brigades?|battalions?)\b",
    re.I,
)
# (not "people dead", "people martyrs": the word after is the verb or the toll's own noun)
_NOUN_OF = {cat: regex for cat, regex in _NOUN_RE if cat != "total"}


def _noun_end(after, end, category):
    """Where a figure's noun phrase ends whose first noun ends `after[:end]`: after the nouns
    of its category that follow ("five rebel fighters", "militia fighters", "police
    officers"), so that a figure after it joins by "and" ("... and three civilians")."""
    regex = _NOUN_OF.get(category)
    if category == "combatants" and (force := _OF_A_NAMED_FORCE.match(after, end)):
        end = force.end()  # "a commander of the National Defence Forces (NDF)"
    while (
        regex and (gap := _NEXT_WORD.match(after, end)) and (noun := regex.match(after, gap.end()))
    ):
        if re.match(r"[\w-]", after[noun.end() : noun.end() + 1]):
            break
        end = noun.end()
    return end


# What the counted were doing when they died, before the verb of their death: "who were
# manning the checkpoint were among the dead", "who was driving the car was killed".
_DOING_CLAUSE = re.compile(
    r"^\s*,?\s*(?:who|which)\s+(?:were|was|had\s+been)\s+\w+ing\b[^,.;]{0,50}?,?"
    r"(?=\s+(?:were|was)\s+(?:among|killed|dead|wounded|injured)\b)",
    re.I,
)
# What a body is also called, between commas: "Three volunteers of the Syrian Civil Defence,
# known as the White Helmets, were killed".
_KNOWN_AS = re.compile(r",\s*(?:also\s+)?(?:known\s+as|dubbed|called)\s+[^,.;]{1,50},", re.I)
# Deaths no one inflicted: "died from the cold", "of hunger", "due to a lack of medicine".
_NATURAL_CAUSE = re.compile(
    r"\s+(?:from|of|due\s+to|because\s+of)\s+(?:the\s+)?(?:cold|hunger|starvation|"
    r"malnutrition|disease|illness|freezing|natural\s+causes|(?:a\s+)?lack\s+of)\b",
    re.I,
)
# Words read as a figure of one ("a child", "his son") only before a person's noun.
_ARTICLE_NUMBERS = frozenset(("a", "an", "her", "his"))
_ALSO = re.compile(r"\balso\b", re.I)
_ALSO_RIGHT_BEFORE = re.compile(r"\balso\s+$", re.I)
_ARMED = (
    r"(?:soldiers|fighters|troops|militants|rebels|militiamen|combatants|gunmen|police(?:men)?|"
    r"security\s+(?:personnel|forces|officers|men|members)|(?:army|military)\s+personnel)"
)
_MIXED_DEAD = re.compile(
    r"\b(?:dead|victims|those\s+killed)\s+(?:included|include|were)\s+(?:both\s+)?civilians\s+and\s+"
    + _ARMED
    + r"|\b(?:both\s+)?civilians\s+and\s+"
    + _ARMED
    + r"\s+(?:were|are)\s+(?:among|between)\s+the\s+(?:dead|victims|killed)",
    re.I,
)
_LOST_NOUN_ENDS = re.compile(
    r"\s*(?:$|[,.;:)(]|(?:in|on|at|near|and|during|since|while|when|after|before|as|to|from|"
    r"over|this|that|last|killed|dead|who|were|was)\b)",
    re.I,
)
_LOST_BEFORE = re.compile(
    r"\b(?P<verb>lost|loses|losing)\s+(?:at\s+least\s+|some\s+|more\s+than\s+|about\s+|another\s+)?$",
    re.I,
)
# "A later toll from the Syrian Observatory for Human Rights put the number of dead at 16"
_LATER_TOLL = re.compile(r"\b(?:later|latest|new|updated|revised)\s+(?:death\s+)?toll\b", re.I)
# A sentence that opens on a later time tells the toll as it stood then: "By Friday evening,
# the group said it had documented the names of 47 dead".
_BY_THEN = re.compile(
    r"\W*by\s+(?:late\s+|early\s+|the\s+end\s+of\s+)?(?:the\s+)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|nightfall|evening|night|morning|afternoon|"
    r"noon|midnight|dusk|the\s+day)\b",
    re.I,
)
BY_THEN_CHARS = 160  # (the toll within this many characters of it)
_QUOTES = str.maketrans('"“”', "   ")


def _owner_kind(words):
    """(category, noun) of the people the last of `words` name ("raise regime forces"), or
    None."""
    words = words.split()
    for k in range(len(words)):
        noun = " ".join(words[k:])
        category, end = _category(" " + noun, killing=True)
        if category not in (None, "total") and end >= len(noun):
            return category, noun
    return None


# "the toll of the terrorist attack", "... of the terrorist car bombing": the word of a people
# is the attack's adjective
_ATTACK_AFTER = re.compile(
    r"\s+(?:(?:car|suicide|truck|van|rocket|mortar|missile|twin|double|booby-trapped)\s+)?"
    r"(?:attacks?|bomb\w*|blasts?|explosions?|strikes?|shelling|assaults?|massacres?|"
    r"operations?|raids?|rockets?|shells?|fire|acts?|crimes?)\b",
    re.I,
)


def _number_of(sentence, match):
    """(category, its noun, the words saying what befell them) of the people a figure is "the
    number of", or None."""
    after = sentence[match.end() :]
    if found := _NUMBER_OF_AFTER.match(after):
        # (what befell them may be told past the parts: "the number of civilians, including
        # 121 children, killed since")
        noun = befell = after[found.end() :]
        if figure := NUMBER_RE.search(noun):
            noun = noun[: figure.start()]
    else:
        before = sentence[max(0, match.start() - NUMBER_OF_CHARS) : match.start()]
        found = list(_NUMBER_OF.finditer(before))
        # (tried only where the word is: the pattern opens on any word of the 150 characters)
        owner = list(_TOLL_OWNER.finditer(before)) if "toll" in before.lower() else []
        if owner and (not found or owner[-1].end() > found[-1].end()):
            owned = _owner_kind(owner[-1][1])
            if (
                owned
                and _FIGURE_OF_NUMBER.search(before)
                and not NUMBER_RE.search(before, owner[-1].end())
            ):
                return (*owned, "death" + before[owner[-1].end() :])
            return None
        if (
            not found
            or not _FIGURE_OF_NUMBER.search(before)
            or NUMBER_RE.search(before, found[-1].end())
        ):
            return None
        noun = befell = before[found[-1].end() :]
    category, end = _category(" " + noun, killing=True)
    if category in (None, "total") or _ATTACK_AFTER.match(noun, max(0, end - 1)):
        return None
    return (category, noun[:end], befell)


def find_tolls(sentence, offset=0):
    """Every casualty figure in one sentence, with spans shifted by `offset`."""
    tolls = []
    pending = []
    list_head = None  # where a list of a toll's parts ends its first part (see below)
    previous = None  # (end, kind, subset) of the last figure read, for "X and Y"
    included = None  # where a part the dead included, not read, ends (see below)
    part_skipped = None  # (and where the last such ended)
    apposed = (0, 0)  # the people told between commas after a figure (_APPOSITION): its span
    for match in NUMBER_RE.finditer(sentence):
        values = _range(match)
        if values is None:
            continue
        low, best, high, vague = values
        raw = match["num"].lower()
        if raw.isdigit() and len(raw) == 4 and 1900 <= best <= 2099:
            continue  # a year, not a toll
        # ('11 "terrorists" were killed': the quotes of a disputed word hide no noun)
        after = sentence[match.end() : match.end() + 120].translate(_QUOTES)
        before = sentence[max(0, match.start() - 60) : match.start()]
        if raw.isdigit() and best <= 31 and _MONTH_BEFORE.search(before):
            continue  # a day of the month, not a toll
        if (
            after.lstrip().startswith(")")
            and (opened := before.rfind("(")) >= 0
            and not _KILLED_BEFORE.search(before[opened + 1 :])
        ):
            continue  # "(France 24) -": a figure of a name between brackets
        if _NONE_OF.search(before) or _AGED_BEFORE.search(before):
            continue
        if (unreal := _COUNTERFACTUAL.search(before)) and (
            unreal["modal"].lower() == "would" or _UNLESS.match(after)
        ):
            continue
        # (further back for a toll named far before its figure: "The death toll of the
        # International Coalition massacre in al-Sha'afa rises to 22")
        before_verb = _KILLED_BEFORE.search(sentence, max(0, match.start() - 90), match.start())
        # "the toll was revised up to 17": the "up to" is read with the figure
        revised_up = (
            not before_verb
            and (match["qual"] or "").lower().startswith("up")
            and _REVISED_UP.search(before)
        )
        before_verb = before_verb or revised_up
        if (
            before_verb
            and before_verb["verb"].lower() in ("left", "leaving")
            and not _LEFT_HURT.match(after)
        ):
            # "left about 40,000 people without access to medical care", "homeless": people
            # the attack left in need, not its dead ("left 12 people dead")
            continue
        of_them = _OF_THEM.match(after)
        of_these = not of_them and _OF_THESE_BEFORE.search(before)
        if of_these:
            # "Of these, 31 were soldiers": a part of the toll told before, named after its verb
            of_them = _WERE_NOUN.match(after)
        # "14 of the dead were fighters" names its kind itself; "17 of them" needs the toll
        # just given.
        of_the_dead = of_them and " ".join((of_them["whom"] or "").lower().split()) in (
            "the dead",
            "those killed",
        )
        # ("Seventeen of them were civilians" opening its sentence: of the toll told before)
        opens = not sentence[: match.start()].strip(" \t\"“'‘(")
        if of_them and (tolls or of_the_dead or opens or of_these):
            # "18 killed ... 17 of them militants": a part of the toll just given.
            noun = of_them["noun"]
            category, noun_end = _category(" " + noun)
            if category is None and _MEMBERS_NEXT.match(" " + noun):
                # (the words after say whose: "members of the ... militia"; only fighters: a
                # family's or a rescue body's members are a few of the people, see combine)
                armed, armed_end = _category(" " + after[of_them.start("noun") :])
                if armed == "combatants":
                    noun, category, noun_end = after[of_them.start("noun") :], armed, armed_end
            if (
                category is None
                and re.search(r"\b(?:were|are)\s+$", after[: of_them.start("noun")])
                and not re.match(r"not\b", noun, re.I)  # ("were not Syrian army soldiers")
            ):
                # (a noun of more words after its verb: "two of those killed were Syrian army
                # soldiers"; not "two of them ambulance crew Al-Qaeda loyalists attacked")
                wider, wider_end = _category(" " + after[of_them.start("noun") :])
                if wider in ("civilians", "combatants", "children", "women"):
                    noun, category, noun_end = after[of_them.start("noun") :], wider, wider_end
            if category:
                end = match.end() + of_them.start("noun") + noun_end - 1
                kind = tolls[-1].kind if tolls else "killed"
                previous = (end, kind, True)
                tolls.append(
                    Toll(
                        kind,
                        category,
                        low,
                        best,
                        high,
                        offset + match.start(),
                        offset + end,
                        vague,
                        True,
                        # ("six members of staff, two of them doctors": people of a kind, as
                        # below, not all the civilians)
                        of_a_kind=category == "civilians" and not _ANY_CIVILIANS.match(noun),
                    )
                )
            continue
        category, noun_end = _category(after, killing=bool(before_verb))
        if (
            category == "total"
            and (
                _SUBSET_BEFORE.search(before)
                # (the list goes on: "of whom five were children and three were women")
                or (
                    previous
                    and previous[2]
                    and _AND.fullmatch(sentence, previous[0], match.start())
                )
            )
            and (were := _WERE.match(after))
        ):
            # "killed 215 people, of whom 116 were civilians": the part's kind after its verb
            told, told_end = _category(after[were.end() :])
            if told not in (None, "total"):
                category, noun_end = told, were.end() + told_end
        if (
            not before_verb
            and category == "combatants"
            and _LOST_NOUN_ENDS.match(after, _noun_end(after, noun_end, category))
        ):
            # "Regime forces lost 20 soldiers": a side's dead (not "lost control of three", "two
            # militia strongholds", "12 fighters' homes")
            before_verb = _LOST_BEFORE.search(before)
        if category == "combatants" and _FAMILY_OF.search(before) and _MEMBERS_NEXT.match(after):
            category = "civilians"  # "a family of 7 members"
        # People of a kind among the dead ("three members of the same family", "two
        # journalists"), who would be taken for all the civilians (see combine): not read
        # there; fighters, children, women and civilians are.
        of_a_kind = category == "civilians" and "civilian" not in after[:noun_end]
        if not before_verb and not of_a_kind:
            before_verb = _AMONG_THE_DEAD.search(before)
        if of_a_kind and _DEAD_INCLUDED.search(before):
            # "The dead included three members of the local council" (and the list goes on as
            # parts of the dead: "... and 17 rebel fighters")
            included = match.end() + _noun_end(after, noun_end, category)
            previous = (included, "killed", True)
            part_skipped = included
            continue
        struck = False
        if category in (None, "total") and (alone := _OF_THEM_ALONE.match(after)):
            # "clashed with the terrorists, killing nine of them": the people named before.
            # (the people named in the clauses just before, not a whole long sentence again)
            named = _antecedent(sentence[max(0, match.start() - 300) : match.start()])
            if named:
                category, noun_end = named, alone.end()
        if raw in _ARTICLE_NUMBERS and not (
            _SINGULAR.match(after[:noun_end].split()[-1] if noun_end else "")
            or (noun_end and _ONE_MEMBER.match(after))  # "a member of the local council"
        ):
            continue  # "a number of", "a Daesh car bomb": an article, not a count of one
        running = bool(_BRINGING_TO.search(before) and _THE_NUMBER_KILLED.match(after))
        if running:
            category = "total"
        befell = None
        if category in (None, "total") and (named := _number_of(sentence, match)):
            category, noun, befell = named
            of_a_kind = category == "civilians" and "civilian" not in noun.lower()
        stop = _PHRASE_END.search(after, 1)
        phrase = re.split(r"\s(?:and|or)\s", after[: stop.start()] if stop else after[:60])[0]
        if _THINGS.search(phrase.rstrip()) and not (
            category
            and noun_end
            and _PLURAL_PEOPLE.search(
                after[:noun_end].split()[-1] if after[:noun_end].split() else ""
            )
        ):
            continue  # "destroyed 12 Islamic State targets", "30 terrorist positions"
        if category is None and before_verb and not _NOT_PEOPLE.match(after):
            category = "total"
            # "pound Islamic State targets, kill at least 20": the group's dead, not presumed
            # civilians
            struck = _group_struck(_clause_before(sentence, match.start()))
        if category is None and (apposition := _APPOSITION.match(after)):
            category = "total"  # "a family of six, a mother and her four children, was killed"
            apposed = (match.end(), match.end() + apposition.end())
        if (
            category is None
            and (clause := _SUBSET_CLAUSE.match(after))
            and _VERB_NEXT.match(after[clause.end() :])
        ):
            category = "total"  # "a family of six, including four children, was killed"
        if category is None:
            continue
        # The whole noun phrase: "Eleven police officers and six civilians were killed" (not
        # "police" and then "officers and ...", which left the eleven without a verb).
        noun_end = _noun_end(after, noun_end, category)
        # Cut the look-ahead at the next figure so one verb is not claimed twice.
        rest = _SUBSET_CLAUSE.sub(" ", _AGES_CLAUSE.sub(" ", after[noun_end:], count=1), count=1)
        rest = _KNOWN_AS.sub(" ", rest, count=1)  # ("..., known as the White Helmets, were killed")
        # ("two members of the security forces who were manning the checkpoint were among the
        # dead": what they were doing, not what befell them)
        rest = _DOING_CLAUSE.sub(" ", rest, count=1)
        next_number = NUMBER_RE.search(rest)
        window = rest[: next_number.start()] if next_number else rest
        kind = combined = None
        also = False
        # (and "killed 14 people on Thursday: nine civilians and five fighters")
        subset = bool(
            _SUBSET_BEFORE.search(before)
            # (a part no larger than the toll: not "killed 10 ... — 14 civilians had died there
            # a day earlier")
            or (tolls and _PARTS_AFTER_COLON.search(before) and best <= tolls[-1].best)
            # "risen to 121, with 73 killed in Jableh and 48 in Tartus": a place's part (not
            # "killed 12, with 40 others wounded", the wounded's own count)
            or (tolls and _WITH_BEFORE.search(before) and not _HURT_NEXT.match(after))
        )
        of_the_dead_list = (
            included is not None
            and bool(_LIST_JOINER.fullmatch(sentence, included, match.start()))
            and not _KILLED_AFTER.match(window)  # ("..., and 40 people were wounded": their own)
        )
        if of_the_dead_list:
            subset = True  # "The dead included 109 evacuees ... and 17 rebel fighters"
        included = None
        if apposed[0] <= match.start() < apposed[1]:
            # its people: parts of the figure before, not more of a list with it
            subset = True
            if previous and previous[0] <= apposed[0]:
                previous = None
        after_verb = _KILLED_AFTER.match(window) or (
            # (not the whole a part was told of: "Two of the 15 fighters ...")
            not _OF_THE_BEFORE.search(before) and _SAID_AMONG_THE_DEAD.match(window)
        )
        if after_verb and _NATURAL_CAUSE.match(rest, after_verb.end("verb")):
            continue  # "several children have died from the cold this winter": no attack's dead
        joiner = sentence[previous[0] : match.start()].translate(_QUOTES) if previous else None
        joins = previous and (
            _AND.fullmatch(joiner)
            or _COMMA.fullmatch(joiner)
            and _LIST_GOES_ON.match(sentence, match.end() + noun_end)
        )
        if joins and after_verb and previous[0] == part_skipped:
            joins = False  # ("The dead included three ..., and 40 people were wounded")
        # "killed six people and injured 32": a verb after "and" starts the next clause.
        joined = after_verb and re.search(r"\band\b|,", window[: after_verb.start("verb")])
        # "killed 12 civilians, including three children, and wounded 20": so does one after
        # a part of the toll before it, the sentence's subject's next verb, not the part's.
        # (not "and many others, including 12 children, were wounded": their own verb)
        part_of_toll = (
            subset
            and tolls
            and re.search(
                r"\band\s+(?:(?!(?:were|was|are|is|have|has|had|been)\b)\w+\s+)?$",
                window[: after_verb.start("verb")],
            )
            if after_verb
            else False
        )
        if (
            after_verb
            and not part_of_toll
            and (
                (after_verb.start("verb") <= 14 and not (before_verb and joined)) or not before_verb
            )
        ):
            kind = _kind(after_verb["verb"])
            also = bool(_ALSO.search(window, 0, after_verb.start("verb")))
            # "45 killed and wounded": the dead and the wounded in one count, neither known.
            combined = _COMBINED_AFTER.match(window, after_verb.end("verb"))
        elif before_verb:
            kind = _kind(before_verb["verb"])
            # ("The army also killed eleven"; not "Rescuers also said the strike killed 23",
            # "also put the toll at 17": another account of the same dead)
            also = bool(_ALSO_RIGHT_BEFORE.search(before, 0, before_verb.start("verb")))
            combined = _COMBINED_BEFORE.search(before)
        elif joins and previous[1] and "among" not in window.lower():
            # "killed three men, two women and a child": the list's verb counts them all
            kind = previous[1]
        elif (
            (
                continues := bool(
                    joins
                    and previous[2]
                    and pending
                    and _plain_part(pending[-1][0], sentence[pending[-1][4] : pending[-1][5]])
                    and _plain_part(category, sentence[match.start() : match.end() + noun_end])
                )
            )
            or _AMONG_AFTER.match(window)
            or (joins and previous[1] is None and pending)
        ):
            # ("A man, his wife and their three children were killed": a list's middle waits
            # for its verb as its first does)
            # "11 children among 18 dead", "three medics and six children killed": the verb
            # belongs to the next figure. "killed 14 people, including nine civilians, three
            # women and two children": the list's next parts, as its first, of the toll before
            # them (read from where the list starts: its first part is no figure between).
            # (a part named after "including", "among them": of the toll before it, not of a
            # later one: "killing 3 civilians, among them a woman and a child, and wounding 5")
            of_before = pending[-1][10] if continues else bool(_SUBSET_BEFORE.search(before))
            subset = subset or "among" in window or continues
            head = (list_head if list_head is not None else pending[-1][4]) if continues else None
            pending.append(
                (category, low, best, high, match.start(), match.end() + noun_end, vague, subset,
                 head, of_a_kind and category == "civilians", of_before)
            )  # fmt: skip
            previous = (match.end() + _noun_end(after, noun_end, category), None, subset)
            list_head = head
            continue
        elif subset and tolls:
            kind = tolls[-1].kind
        elif running:
            kind = "killed"
        if combined:
            previous = None
            continue
        if kind is None and _DEATH_NOUN.search(after[:noun_end]):
            kind = "killed"  # "26 martyrs in air strikes", "20 bodies found": no verb needed
        if befell and (told := _BEFELL.search(befell)):
            kind = _kind(told.group())  # "the number of soldiers wounded rose to 12"
        if joins:
            # "killed three men and two women": the verb counts both; "including seven women
            # and a child": both are part of the toll; so are a list's "three men, two women
            # and a child".
            kind = kind or previous[1]
            subset = subset or previous[2]
        if kind is None and of_the_dead_list:
            kind = "killed"  # (the list of the dead goes on, whatever follows it)
        if kind is None:
            continue
        battle = (
            category == "total"
            and kind == "killed"
            and bool(
                struck
                or _IN_BATTLE.match(after)
                or _IN_BATTLE_LATER.match(after)
                or _BATTLE_KILLS_BEFORE.search(before)
                or before_verb
                and _PEOPLE_IN_BATTLE.match(after)
            )
            and not _UNARMED_SIDES.match(after)
            and not _UNARMED_BETWEEN.search(before)
            and not _MOSTLY_CIVILIANS.match(after)
        )
        updated = bool(
            revised_up
            or _UPDATED.search(sentence[max(0, match.start() - 80) : match.start()])
            or _LATER_TOLL.search(sentence, max(0, match.start() - 100), match.start())
            or (match.start() < BY_THEN_CHARS and _BY_THEN.match(sentence))
        )
        if any(t.updated for t in tolls) and _MORE_AFTER.match(after):
            # "risen to 15 after the bodies of four more victims were recovered": the four
            # are a part of the risen toll, not the latest toll themselves.
            subset, updated = True, False
        tolls.append(
            Toll(
                kind,
                category,
                low,
                best,
                high,
                offset + match.start(),
                offset + match.end() + noun_end,
                vague,
                subset,
                updated,
                floor=(match["qual"] or "").lower().startswith(("more", "over", "above")),
                battle=battle,
                of_a_kind=of_a_kind and category == "civilians",
                also=also,
            )
        )
        previous = (match.end() + _noun_end(after, noun_end, category), kind, subset)
    for category, low, best, high, start, end, vague, subset, head, kind_of, of_before in pending:
        later = [t for t in tolls if t.start > offset + start]
        # No figure after it ("a monitoring group said" is no count of one): a part of the
        # toll before it ("14 civilians including three children, a monitor said").
        earlier = [t for t in tolls if t.start < offset + start and not t.subset]
        if earlier and _figure_between(
            sentence, earlier[-1].end - offset, start if head is None else head
        ):
            earlier = []  # "killed 14 ..., after rebels abducted 20 villagers, including three"
        if later or (subset and earlier and not vague):
            whole = earlier[-1] if earlier and (of_before and not vague or not later) else later[0]
            tolls.append(
                Toll(
                    whole.kind,
                    category,
                    low,
                    best,
                    high,
                    offset + start,
                    offset + end,
                    vague,
                    subset,
                    # the parts of a toll raised later are the later parts ("raised the toll to
                    # 72, including 20 children")
                    updated=subset and whole.updated,
                    of_a_kind=kind_of,
                )
            )
    tolls += _the_rest(tolls, sentence, offset)
    tolls += _halves(tolls, sentence, offset)
    if not tolls and (mix := _MIXED_DEAD.search(sentence)):
        start, end = offset + mix.start(), offset + mix.end()
        tolls.append(Toll("killed", "total", 0, 0, 0, start, end, subset=True, mixed=True))
    tolls = _dead_among_casualties(tolls, sentence, offset)
    tolls = _coordinated(sorted(tolls, key=lambda t: t.start), sentence, offset)
    tolls = _fighters_listed(tolls, sentence, offset)
    tolls = _at_fighters(tolls, sentence, offset)
    tolls = _without_superseded_counts(tolls, sentence, offset)
    return [_mark_split(t, tolls, sentence, offset) for t in tolls]


# "risen to 48 from an earlier count of 40", "raised to 48, up from a previous figure of 40":
# the count the toll rose from.
_RISEN_FROM = re.compile(
    r"\bfrom\s+(?:(?:an?|the|its|their)\s+)?(?:(?:earlier|previous|initial|prior|first|"
    r"old)\s+)?(?:(?:death\s+)?(?:count|toll|figure|tally|estimate)\s+of\s+)?"
    r"(?:about\s+|around\s+|some\s+)?$",
    re.I,
)


# "The source earlier put the death toll at 5 civilians", "the toll had risen from an earlier
# figure of 22": a count since superseded.
_EARLIER_COUNT = re.compile(
    r"\b(?:earlier|previously|initially|at\s+first)\s+(?:put|gave|said|reported|set|"
    r"estimated)\b[^.]{0,50}$|"
    r"\bfrom\s+(?:an?|the|its|their)\s+(?:earlier|previous|initial|prior|first|old)\s+"
    r"(?:death\s+)?(?:count|toll|figure|tally|estimate)\s+of\s+(?:about\s+|around\s+|some\s+)?$",
    re.I,
)


def _without_superseded_counts(tolls, sentence, offset):
    """The tolls without those superseded: the count a risen toll before them rose from,
    and a count the sentence says was an earlier one."""
    return [
        t
        for t in tolls
        if not (
            any(u.updated and u.end <= t.start for u in tolls)
            and _RISEN_FROM.search(sentence, max(0, t.start - offset - 60), t.start - offset)
        )
        and not _EARLIER_COUNT.search(sentence, max(0, t.start - offset - 80), t.start - offset)
    ]


# "40 casualties, among them 12 dead", "25 casualties, including six dead": casualties are
# the dead and the wounded; the dead counted among them are the toll.
_CASUALTIES_BEFORE = re.compile(
    r"(?P<figure>\S+)\s+casualties\s*,?\s*(?:among\s+them|among\s+whom|including|of\s+whom)\s+"
    r"(?:at\s+least\s+|some\s+|about\s+)?$",
    re.I,
)
_DEAD_AFTER = re.compile(r"\s*(?:people\s+|persons\s+)?(?:dead|deaths|fatalities|killed)\b", re.I)


def _dead_among_casualties(tolls, sentence, offset):
    """The tolls with the dead counted among casualties made the toll, and the casualties
    (the dead and the wounded) left out."""
    out = list(tolls)
    for dead in tolls:
        if dead.kind != "killed" or not dead.subset:
            continue
        start, end = dead.start - offset, dead.end - offset
        found = _CASUALTIES_BEFORE.search(sentence, max(0, start - 80), start)
        if not found or not _DEAD_AFTER.match(sentence, end):
            continue
        out = [t for t in out if not (t.kind == "killed" and t.end - offset == found.end("figure"))]
        out = [replace(t, subset=False) if t is dead else t for t in out]
    return out


# "killed 27 people, 19 of them civilians and the rest fighters", "..., adding that the
# remaining dead were jihadists": the fighters are the toll less its civilians.
_THE_REST = re.compile(
    # "the rest (of them) (were) fighters", "the others were rebels", "the remaining dead
    # were jihadists"; not "the remaining rebels withdrew" (alive)
    r"\bthe\s+(?:(?:rest|remainder)(?:\s+of\s+(?:them|the\s+dead|the\s+victims))?\s*,?\s*"
    r"(?:(?:were|are|being|was)\s+)?|(?:others|(?:remaining|other)\s+(?:dead|victims|bodies))"
    r"\s+(?:were|are|being|was)\s+)(?:all\s+)?",
    re.I,
)


def _rests_of_fighters(sentence, pos=0):
    """Each "the rest (were) ..." from `pos`: (the match, where its noun ends when the rest
    are fighters, else None). (Read from a space: "members of a rebel faction" is read so.)"""
    for found in _THE_REST.finditer(sentence, pos):
        category, noun_end = _category(" " + sentence[found.end() :])
        yield found, found.end() + noun_end - 1 if category == "combatants" else None


def _rest_mark(found, end, offset):
    """The fighters of a toll told before the sentence, no figure of their own (see combine)."""
    return Toll("killed", "combatants", 0, 0, 0, offset + found.start(), offset + end, subset=True,
                rest=True)  # fmt: skip


def _civilians_the_rest(tolls, sentence, offset):
    """The civilians of a toll whose fighters are counted and whose rest the sentence says
    are civilians ("five of the dead were Asayish members and the others were civilians"):
    [Toll] of them (of a toll told before: a mark with no figure, see combine), or []."""
    killed = [t for t in tolls if t.kind == "killed"]
    fighters = next((t for t in killed if t.category == "combatants"), None)
    if fighters is None or any(t.category == "civilians" for t in killed):
        return []
    for found in _THE_REST.finditer(sentence, fighters.end - offset):
        category, noun_end = _category(" " + sentence[found.end() :])
        before = [t for t in tolls if t.end - offset <= found.start()]
        if category != "civilians" or not before or before[-1] is not fighters:
            return []
        end = offset + found.end() + noun_end - 1
        whole = [
            t for t in killed if t.category == "total" and not t.subset and t.start < fighters.start
        ]
        if not whole or whole[-1].vague:
            # (of a toll told before, or of a rough one: combine takes the rest of it)
            if not fighters.subset:
                return []
            return [Toll("killed", "civilians", 0, 0, 0, offset + found.start(), end,
                         subset=True, rest=True)]  # fmt: skip
        rest = whole[-1].best - fighters.best
        if rest <= 0 or fighters.vague:
            return []
        return [Toll("killed", "civilians", rest, rest, rest, offset + found.start(), end,
                     subset=True)]  # fmt: skip
    return []


def _the_rest(tolls, sentence, offset):
    """The fighters of a toll whose civilians are counted and whose rest the sentence says
    are fighters: [Toll] of them, or []; or its civilians, the other way round."""
    if civilians := _civilians_the_rest(tolls, sentence, offset):
        return civilians
    civilians = next((t for t in tolls if t.kind == "killed" and t.category == "civilians"), None)
    if civilians is None:
        if tolls:
            return []
        # "Six of the dead were civilians. The rest were fighters.": the rest of a toll told
        # before this sentence.
        return [_rest_mark(f, end, offset) for f, end in _rests_of_fighters(sentence) if end][:1]
    whole = [
        t
        for t in tolls
        if (t.kind, t.category) == ("killed", "total")
        and not t.subset
        and t.start < civilians.start
    ]
    if any(t.kind == "killed" and t.category == "combatants" for t in tolls):
        return []
    rests = _rests_of_fighters(sentence, civilians.end - offset)
    if not whole:
        # "Six of the dead were civilians; the rest were fighters": of a toll told before
        if not civilians.subset:
            return []
        return [_rest_mark(f, end, offset) for f, end in rests if end][:1]
    for found, end in rests:
        before = [t for t in tolls if t.end - offset <= found.start()]
        if not before or before[-1] is not civilians:
            return []  # the rest of another count ("wounded 30, 20 of them civilians and the rest")
        if end is None:
            continue
        rest = whole[-1].best - civilians.best
        if rest <= 0 or whole[-1].vague or civilians.vague:
            return []
        return [
            Toll("killed", "combatants", rest, rest, rest, offset + found.start(), offset + end,
                 subset=True)
        ]  # fmt: skip
    return []


def _plain_part(category, text):
    """Whether a listed part of a toll is one of its breakdown (fighters, children, women, or
    civilians by that word), not a group of people counted among them ("three paramedics", "a
    journalist"): only those continue a list of parts with no verb of their own."""
    return category in ("combatants", "children", "women") or (
        category == "civilians" and re.search(r"civilian", text, re.I) is not None
    )


def _figure_between(sentence, start, end):
    """Is there a figure (not an article) between these offsets?"""
    return any(
        m["num"].lower() not in ("a", "an", "her", "his")
        for m in NUMBER_RE.finditer(sentence, start, end)
    )


# (and "a mother and her two daughters": the possessive before a count)
_AND = re.compile(r"\s*,?\s*(?:and|as\s+well\s+as|plus)\s+(?:(?:her|his|their)\s+)?", re.I)
# A list's comma ("three men, two women and a child"), and the rest of a list from a figure
# on: more commas, then "and" and another figure.
_COMMA = re.compile(r"\s*,\s*")
_LIST_GOES_ON = re.compile(
    r"(?:\s*,\s*[^,.;:()]{1,40}?)*\s*,?\s*(?:and|plus)\s+"
    r"(?:at\s+least\s+|about\s+|some\s+)?(?:\d|a\b|an\b|his\b|her\b|their\b|one\b|two\b|three\b|"
    r"four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b|eleven\b|twelve\b|[a-z]+teen\b|"
    r"twenty|thirty|forty|fifty)",
    re.I,
)
_PEOPLE = {"civilians", "children", "women", "total"}
# The nouns of a whole that a list after it breaks down ("12 people, nine civilians and ...").
_WHOLE = re.compile(
    r"\b(?:people|persons|victims|individuals|dead|martyrs|bodies|civilians)\b", re.I
)
# A family's members, a whole only of a list that counts as many ("five members of one
# family, a man, his wife and their three children"; not "six members of the same family,
# two rescue workers and a child", nine).
_FAMILY_WHOLE = re.compile(
    r"\bmembers\s+of\s+(?:one|a|the\s+same|(?:his|her|their)\s+own)\s+family\b", re.I
)


def _coordinated(tolls, sentence, offset):
    """ "Three rescue workers and six children were killed": one toll of nine as well.

    Figures joined by "and" count different people, so their sum is the toll; it goes first,
    where the sentence's toll is read, and the parts stay as the children's or women's counts.
    """
    result, group, joiners = [], [], []

    def close():
        if joiners and "and" not in joiners:
            group[1:] = []  # "killed 12 people, nine civilians": no list without its "and"
        parts = sum(t.best for t in group[1:])
        if (
            len(group) > 2
            and joiners[0] == ","
            and (
                group[0].best >= parts
                and _WHOLE.search(sentence, group[0].start - offset, group[0].end - offset)
                or group[0].best == parts
                and _FAMILY_WHOLE.search(sentence, group[0].start - offset, group[0].end - offset)
            )
        ):
            # "killed 12 people, nine civilians and three fighters": the whole, then its parts
            for part in group[1:]:
                result[result.index(part)] = replace(part, subset=True)
            group.clear()
        if len(group) > 1 and (
            {t.category for t in group} <= _PEOPLE or {t.category for t in group} == {"combatants"}
        ):
            categories = {t.category for t in group}
            # Only a part named as civilians makes the sum a count of civilians; "a mother and
            # her son" is a toll of people, read as civilians only when nothing else is.
            category = (
                "combatants"
                if categories == {"combatants"}
                else "civilians"
                if "civilians" in categories
                else "total"
            )
            low, best, high = (sum(getattr(t, k) for t in group) for k in ("low", "best", "high"))
            at = result.index(group[0])
            if all(part.category == category for part in group):
                # "nine rebels and six soldiers": parts of the 15, not other accounts of it
                for part in group:
                    result[result.index(part)] = replace(part, subset=True)
            result.insert(
                at, Toll(group[0].kind, category, low, best, high, group[0].start, group[-1].end)
            )
        group.clear()
        joiners.clear()

    for toll in tolls:
        previous = group[-1] if group else None
        between = (
            sentence[previous.end - offset : toll.start - offset].translate(_QUOTES)
            if previous is not None
            else ""
        )
        joined = (
            previous is not None
            and previous.kind == toll.kind
            and not toll.subset
            and not toll.vague
            and ("and" if _AND.fullmatch(between) else "," if _COMMA.fullmatch(between) else None)
        )
        if joined:
            joiners.append(joined)
        else:
            close()
        if not toll.subset and not toll.vague:
            group.append(toll)
        result.append(toll)
    close()
    return result


def _halves(tolls, sentence, offset):
    """ "Eight civilians, half of them children": [the part of four], or []."""
    parts = []
    for toll in tolls:
        found = _HALF_OF_THEM.match(sentence, toll.end - offset)
        if not found or toll.subset or toll.vague or toll.best % 2:
            continue
        category, noun_end = _category(" " + sentence[found.end() :])
        if category in (None, "total", toll.category):
            continue
        half = toll.best // 2
        end = offset + found.end() + noun_end - 1
        parts.append(
            Toll(toll.kind, category, half, half, half, offset + found.start(), end, subset=True)
        )
    return parts


def _at_fighters(tolls, sentence, offset):
    """People of a kind among the dead of a strike on an armed group ("a strike on a Hayat
    Tahrir al-Sham headquarters killed 15 people, including six residents") say who its
    civilians were: the rest were not (they are the civilians' count, not a part of it)."""
    result = list(tolls)
    for i, toll in enumerate(tolls):
        if not (toll.of_a_kind and toll.subset):
            continue
        whole = [t for t in tolls if t.category == "total" and not t.subset and t.end <= toll.start]
        if whole and _group_struck(_clause_before(sentence, whole[-1].start - offset)):
            result[i] = replace(toll, of_a_kind=False)
    return result


def _fighters_listed(tolls, sentence, offset):
    """ "Including 13 soldiers and nine militiamen": parts of a toll that are both fighters
    count different men, one part of 22, not two accounts of the fighters (13, or 9)."""
    result = []
    for toll in tolls:
        last = result[-1] if result else None
        if (
            last is not None
            and last.subset
            and toll.subset
            and last.category == toll.category == "combatants"
            and last.kind == toll.kind
            and not (last.vague or toll.vague)
            and _AND.fullmatch(sentence[last.end - offset : toll.start - offset].translate(_QUOTES))
        ):
            result[-1] = replace(
                last,
                low=last.low + toll.low,
                best=last.best + toll.best,
                high=last.high + toll.high,
                end=toll.end,
            )
        else:
            result.append(toll)
    return result


# "52 civilians were among the dead": a part of the dead told before.
_AMONG_THE_DEAD_AFTER = re.compile(
    r"\s+(?:were|are)\s+among\s+(?:the\s+|those\s+)?(?:dead|killed|victims|fatalities|martyrs)\b",
    re.I,
)


def _mark_split(toll, tolls, sentence, offset):
    """ "Six civilians among 22 killed", "15 civilians and 27 fighters", "52 civilians were
    among the dead": the civilians' part."""
    if toll.category != "civilians" or toll.vague or (toll.subset and toll.best == 1):
        # "killed three people, including a journalist" singles out a victim; it splits nothing.
        return toll
    if not toll.of_a_kind and _AMONG_THE_DEAD_AFTER.match(sentence, toll.end - offset):
        # (civilians said so: not "two journalists were among the dead", some of them)
        return replace(toll, split=True)
    for other in tolls:
        if (
            other.kind == toll.kind
            and not other.vague
            and (
                other.category == "combatants"
                or (other.category == "total" and other.best > toll.best)
            )
        ):
            return replace(toll, split=True)
    return toll


def _kind(verb):
    verb = verb.lower()
    if re.match(r"wound|injur|hurt", verb):
        return "injured"
    if verb.startswith("suffocat") and not re.search(r"to\s+death$", verb):
        return "injured"  # ("suffered suffocation"; not "suffocated to death")
    return "killed"


# How far past the headline the lead runs: an explicit count of civilians there ("six
# civilians were among the 22 killed") is the figure coders take over the headline's total.
LEAD_CHARS = 400
# How far after a headline's "more than 100" its figure may be stated ("at least 106"): the
# lead, or the news told under a paragraph of diplomacy.
STATED_CHARS = 2 * LEAD_CHARS
# Characters within which a total and its fighters are one account of the dead.
SAME_ACCOUNT = 250
CATEGORIES = ("civilians", "combatants", "children", "women", "total")


def _fold(tolls):
    """low/best/high for one category: the latest update, else the first precise figure, and
    the dead said to be "also" killed after it (of the same category) added."""
    if not tolls:
        return None
    sides = sorted(
        {t.side for t in tolls if t.side and not (t.vague or t.subset or t.updated or t.also)}
    )
    if len(sides) > 1:
        # "Fourteen ISIS members were killed ... Five SDF fighters were martyred": each side's
        # dead, added (a count of no side's fighters is one of theirs, told again); not the
        # same figure named twice ("kills 12 Al-Qaeda-linked fighters", "12 Islamist fighters")
        folds = [_fold([t for t in tolls if t.side == side]) for side in sides]
        figures = [folded["best"] for folded, _ in folds]
        if len(set(figures)) == len(figures):
            added = {k: sum(folded[k] for folded, _ in folds) for k in ("low", "best", "high")}
            return added, max((chosen for _, chosen in folds), key=lambda t: t.best)
    also = [t for t in tolls if t.also and not (t.vague or t.subset)]
    if also and len(also) < len(tolls):
        folded, chosen = _fold([t for t in tolls if t not in also])
        said = {t.best for t in tolls if not t.also}
        # Not before the figure chosen ("The toll rose to 20" after them counts them), nor a
        # figure said already ("six children killed", then "six children were also killed").
        more = [t for t in also if t.start > chosen.start and t.best not in said]
        added = sum(t.best for t in more)
        if any(figure + added in said for figure in said):
            more = []  # a sum the story tells ("Strikes kill 20": 13 killed, "also" seven)
        return {k: folded[k] + sum(getattr(t, k) for t in more) for k in folded}, chosen
    # A part named "including one American" is not the category's count when a whole is given.
    precise = (
        [t for t in tolls if not t.vague and not t.subset]
        or [t for t in tolls if not t.vague]
        or tolls
    )
    updated = [t for t in precise if t.updated]
    chosen = updated[-1] if updated else precise[0]
    low = min(t.low for t in precise)
    high = max(t.high for t in precise)
    if updated:
        low = max(low, chosen.low) if chosen.best >= low else low
    return {
        "low": min(low, chosen.best),
        "best": chosen.best,
        "high": max(high, chosen.best),
    }, chosen


def _first_incident(tolls, headline_end):
    """The lead's first civilian toll after a roundup headline (not its repetition), or None."""
    headline = {t.best for t in tolls if t.start < headline_end}
    return next(
        (
            t
            for t in tolls
            if headline_end <= t.start < headline_end + LEAD_CHARS
            and t.category in ("civilians", "total")
            and not (t.vague or t.subset or t.best in headline)
        ),
        None,
    )


def _counted_with_others(part, tolls):
    """The toll that counts `part` ("22 children") with other civilians ("Twenty-two children
    and six teachers were killed"), or None."""
    return next(
        (
            whole
            for whole in tolls
            if whole.category == "civilians"
            and not (whole.vague or whole.subset)
            and whole.best > part.best
            and any(
                t.category == part.category
                and t.best == part.best
                and whole.start <= t.start < whole.end
                for t in tolls
            )
        ),
        None,
    )


def _civilians_among(tolls, headline):
    """The exact civilian part ("42 of them were civilians") of a total in the text that is the
    headline's figure, told just after it; None if the text gives none."""
    if headline.category != "total":
        return None
    wholes = [
        t for t in tolls if t.category == "total" and t.best == headline.best and t is not headline
    ]
    return next(
        (
            t
            for t in tolls
            if t.category == "civilians"
            and t.split
            and not t.vague
            and t.best < headline.best
            and any(0 <= t.start - w.end <= 40 for w in wholes)
        ),
        None,
    )


def _stated(tolls, floor):
    if not floor.floor:
        return None
    return next(
        (
            t
            for t in tolls
            if floor.start < t.start < floor.end + STATED_CHARS
            and (
                t.category == floor.category
                or {t.category, floor.category} == {"civilians", "total"}
            )
            # (or a closer floor: "Over 300 bodies", then "more than 320 bodies")
            and not (t.vague or t.subset)
            and floor.best < t.best <= floor.best * 1.5
        ),
        None,
    )


# Parts counted exactly that add up to at least this share of a rough toll's least ("dozens":
# 24) are its dead counted (23 fighters under "dozens killed"); fewer are some of them.
ROUGH_SHARE = 0.8


def combine(tolls, kind, headline_end=0, roundup=False):
    """The contract's `{category: {low, best, high}}` for one kind, and the evidence tolls.

    A figure before `headline_end` is the headline's: the number the bulletin leads with,
    unless the headline is a `roundup` of several places ("10 civilians killed in Aleppo and
    Deir Ezzor"): then it adds up incidents, and the lead's first toll is the first incident's.
    """
    own = [t for t in tolls if t.kind == kind]
    rest = next((t for t in own if t.rest), None)
    mixed = any(t.mixed for t in own)
    own = [t for t in own if not (t.rest or t.mixed)]
    result, evidence = {}, {}
    # "killed 12 people, including two patients": the patients are a part of the civilians,
    # not their count, when the toll they are a part of is given (and is no battle's: "a strike
    # on a headquarters killed 15, including six residents" tells who its civilians were).
    whole = any(t.category == "total" and not (t.subset or t.vague or t.battle) for t in own)
    for category in CATEGORIES:
        # ("killed five children, four of them brothers": a part of them, not the whole toll)
        folded = _fold(
            [
                t
                for t in own
                if t.category == category
                and not (category == "total" and t.subset)
                and not (t.of_a_kind and t.subset and whole)
            ]
        )
        if folded:
            result[category], evidence[category] = folded
    if (
        rest is not None
        and rest.category == "combatants"
        and "combatants" not in result
        and "civilians" in result
        and "total" in result
        and evidence["civilians"].start < rest.start
        and (evidence["civilians"].subset or evidence["civilians"].split)
        and result["total"]["best"] > result["civilians"]["best"]
    ):
        # "killing 19 people ... Six of the dead were civilians; the rest were fighters"
        fighters = result["total"]["best"] - result["civilians"]["best"]
        result["combatants"] = {"low": fighters, "best": fighters, "high": fighters}
        evidence["combatants"] = rest
    elif (
        rest is not None
        and rest.category == "civilians"
        and "civilians" not in result
        and "combatants" in result
        and "total" in result
        and evidence["combatants"].start < rest.start
        and evidence["combatants"].subset
        and result["total"]["best"] > result["combatants"]["best"]
    ):
        # "killing 48 ... five of the dead were Asayish members and the others civilians" (of
        # "dozens", the rest of the dozens)
        fighters = result["combatants"]["best"]
        result["civilians"] = {
            k: max(0, result["total"][k] - fighters) for k in ("low", "best", "high")
        }
        evidence["civilians"] = rest
    first = next((t for t in own if not t.vague and not t.subset), None)
    if (
        first is not None
        and first.category in ("children", "women")
        and "civilians" in result
        and first.start < evidence["civilians"].start
        and "combatants" not in result
    ):
        # The headline's "kills 11 children" is the figure the bulletin leads with; unless
        # the text counts them with other civilians ("Twenty-two children and six teachers
        # were killed"): then that count.
        first = _counted_with_others(first, own) or first
        result["civilians"] = {"low": first.low, "best": first.best, "high": first.high}
        evidence["civilians"] = first
    headline = next(
        (
            t
            for t in own
            if t.start < headline_end and not t.vague and t.category in ("civilians", "total")
        ),
        None,
    )
    if headline is not None and "combatants" not in result and "civilians" in result:
        lead = evidence["civilians"]
        if lead.start >= headline_end and not (
            lead.category == "civilians"
            and lead.start < headline_end + LEAD_CHARS
            # (or a part said in a sentence of its own: "42 of the dead were civilians")
            and (lead.split or lead.subset or headline.category == "civilians")
        ):
            # The headline's "54 killed" is the coded figure, not a partial count in the text;
            # but the civilians the text counts among those same dead are the civilians ("Twin
            # car bombs kill 46", then "raised the toll to 46 dead, saying 42 of them were
            # civilians").
            among = _civilians_among(own, headline)
            chosen = among or headline
            low = min(result["civilians"]["low"], chosen.low)
            high = max(result["civilians"]["high"], chosen.high)
            result["civilians"] = {"low": low, "best": chosen.best, "high": high}
            evidence["civilians"] = chosen
    stated = "civilians" in result and _stated(own, evidence["civilians"])
    if stated:
        # "More than 50 civilians killed", then "at least 51 civilians were killed": the lead
        # states the figure the headline rounded down.
        low = min(result["civilians"]["low"], stated.low)
        high = max(result["civilians"]["high"], stated.high)
        result["civilians"] = {"low": low, "best": stated.best, "high": high}
        evidence["civilians"] = stated
    stated = "civilians" not in result and "total" in result and _stated(own, evidence["total"])
    if stated:
        # (and of the dead said without their side: "Over 300 bodies", "more than 320 bodies")
        low = min(result["total"]["low"], stated.low)
        high = max(result["total"]["high"], stated.high)
        result["total"] = {"low": low, "best": stated.best, "high": high}
        evidence["total"] = stated
    latest = max(
        (t for t in own if t.updated and t.category in ("total", "civilians")),
        default=None,
        key=lambda t: t.start,
    )
    if "civilians" in result and "combatants" not in result and latest is not None:
        # "The death toll rose to 23" updates the civilian count it follows, and so does "the
        # toll had risen to 30 civilians" the headline's "kill 27".
        breakdown = next(
            (t for t in own if t.category == "civilians" and t.start > latest.start), None
        )
        newer = breakdown or latest  # "updated to 82, including 58 civilians": the 58
        if newer.best > result["civilians"]["best"] and newer.start > evidence["civilians"].start:
            low = min(result["civilians"]["low"], newer.low)
            result["civilians"] = {
                "low": low,
                "best": newer.best,
                "high": max(result["civilians"]["high"], newer.high),
            }
            evidence["civilians"] = newer
    if "civilians" not in result:
        # Reporters say "people" for civilians (not for the dead of a battle); a count of
        # children or women is a floor.
        if (
            "total" in result
            and "combatants" not in result
            and not evidence["total"].battle
            and not mixed
        ):
            result["civilians"], evidence["civilians"] = result["total"], evidence["total"]
        elif (
            "total" in result
            and "combatants" in result
            and result["combatants"]["best"] < result["total"]["best"]
            and any(
                # (the headline's "kills nine" far above, the lead's "nine people" beside
                # them)
                t.category == "total"
                and t.best == result["total"]["best"]
                and not t.vague  # ("dozens killed", then "23 fighters": no one else)
                and abs(t.start - evidence["combatants"].start) < SAME_ACCOUNT
                for t in own
            )
        ):
            # "18 killed ... 17 of them militants": the rest were civilians. Figures far
            # apart come from different accounts and do not subtract.
            rest = result["total"]["best"] - result["combatants"]["best"]
            result["civilians"] = {"low": rest, "best": rest, "high": rest}
            evidence["civilians"] = evidence["total"]
        elif "children" in result or "women" in result:
            parts = [result[c] for c in ("children", "women") if c in result]
            whole = [t for t in own if t.category in ("children", "women") and not t.subset]
            if "total" in result and evidence["total"].battle:
                # "20 killed in clashes, among them 4 children": the children are civilians
                whole = [t for t in own if t.category in ("children", "women")]
            elif not any(not t.subset for t in own):
                # "The dead included 6 children and 4 women": a breakdown of no toll given
                whole = [t for t in own if t.category in ("children", "women")]
            if whole:
                result["civilians"] = {k: sum(p[k] for p in parts) for k in ("low", "best", "high")}
                evidence["civilians"] = whole[0]
    elif "total" in result and "combatants" not in result:
        pass
    first = _first_incident(own, headline_end) if roundup else None
    if first is not None and "civilians" in result and first.best < result["civilians"]["best"]:
        low = min(result["civilians"]["low"], first.low)
        result["civilians"] = {"low": low, "best": first.best, "high": result["civilians"]["high"]}
        evidence["civilians"] = first
    parts = [result[c] for c in ("civilians", "combatants") if c in result]
    if "total" not in result:
        if parts:
            result["total"] = {k: sum(p[k] for p in parts) for k in ("low", "best", "high")}
    elif (
        "combatants" in result
        and evidence["total"].vague
        and not any(
            evidence[c].vague or evidence[c].subset
            for c in ("civilians", "combatants")
            if c in result
        )
        # (not far below it: "Hundreds killed" over "killing 17 Kurdish fighters" tells of
        # more dead than these)
        and sum(p["best"] for p in parts) >= ROUGH_SHARE * result["total"]["low"]
    ):
        # "Dozens killed" over "clashes killing 17 militants and six fighters": the dead
        # counted are the dead, the rough figure their range (not over civilians alone: the
        # fighters among the dozens may go uncounted).
        best = sum(p["best"] for p in parts)
        result["total"] = {
            "low": min(result["total"]["low"], best),
            "best": best,
            "high": max(result["total"]["high"], best),
        }
        evidence["total"] = min(
            (evidence[c] for c in ("civilians", "combatants") if c in result),
            key=lambda t: t.start,
        )
    elif parts and sum(p["best"] for p in parts) > result["total"]["best"]:
        # "killed five students, while activists said two people had died": two accounts; the
        # dead in all are never fewer than the parts counted (the other stays the low).
        best = sum(p["best"] for p in parts)
        result["total"] = {
            "low": min(result["total"]["low"], best),
            "best": best,
            "high": max(result["total"]["high"], best),
        }
    # Children or women cannot outnumber the dead they are counted among ("five people,
    # including 12 children"). Which figure is wrong the text cannot say, but the whole is the
    # figure the report leads with (a part is often another account's, or a war's "thousands
    # of children"): the part's best is at most the whole's, its range up to what it said.
    whole = result.get("civilians") or result.get("total")
    for part in ("children", "women"):
        if whole and part in result and result[part]["best"] > whole["best"]:
            best = whole["best"]
            result[part] = {
                "low": min(result[part]["low"], best),
                "best": best,
                "high": result[part]["high"],
            }
    return result, evidence


# The deadliest single attacks of the war killed hundreds (the Ghouta sarin attack of 2013 over
# a thousand): a larger figure not of a period (a year's toll) is a misprint or a hostile paste,
# never one incident's count of killed or injured.
MOST_IN_ONE_INCIDENT = 10_000
