"""Who did the deed a reproach names by a definite noun: "Poland expelled five diplomats.
... Belarus condemned the expulsions" -> Belarus ACCUSES Poland.

The noun ("the expulsions", "the trip", "the ban") names an act told earlier in the text;
its doer is the subject of the nearest earlier verb of that act ("expelled"), or the
possessor of the same noun ("Orban's trip to Moscow"), looking back a few sentences.
Vague nouns ("the move", "the decision", "the step", "the measures") name a penalty
only: their doer is the subject of the nearest earlier verb laying one ("The EU imposed
sanctions on Venezuela. Caracas denounced the step as unlawful" -> Venezuela ACCUSES the EU), and
only where the penalty was laid on the one who reproaches it (its name, or the state of
its demonym, among the penalty's objects); after any other act they are left alone.
"""
from __future__ import annotations

from typing import Dict, List, Tuple

from spacy.tokens import Token
from ..gazetteer import read_data

# word lists: relext/data/words/deed_antecedents.yaml
_WORDS = read_data("words/deed_antecedents.yaml")

# the noun of an act and the verbs that tell it
DEED_VERBS: Dict[str, Tuple[str, ...]] = {
    "expulsion": ("expel",), "trip": ("travel", "fly", "visit"), "visit": ("visit", "travel", "fly"),
    "ban": ("ban",), "arrest": ("arrest",), "detention": ("detain",), "seizure": ("seize",),
    "annexation": ("annex",), "invasion": ("invade",), "closure": ("close",), "suspension": ("suspend",),
    "deployment": ("deploy",), "withdrawal": ("withdraw",), "execution": ("execute",),
    "sentencing": ("sentence",), "raid": ("raid",), "incursion": ("cross",), "blockade": ("blockade",),
    "tariff": ("impose", "slap", "put"), "duty": ("impose", "slap", "put"),
}
# verbs that lay a penalty, the act a vague noun names again (CAMEO 163/172/174)
PENALTY_VERBS = tuple(_WORDS["penalty_verbs"])
# light verbs that lay a penalty only with a penalty noun as object ("put sanctions on X",
# "approved (ordered, announced) sanctions on X")
LIGHT_PENALTY_VERBS = tuple(_WORDS["light_penalty_verbs"])
PENALTY_OBJECTS = tuple(_WORDS["penalty_objects"])
# ("the measures" is left out: as often security or policy measures as penalties)
VAGUE_NOUNS = tuple(_WORDS["vague_nouns"])
for _noun in VAGUE_NOUNS:
    DEED_VERBS.setdefault(_noun, PENALTY_VERBS)
ACTOR_TYPES = ("PERSON", "COUNTRY", "ORGANISATION")
LOOK_BACK = 2  # sentences: the act was just told


def deed_doers(args, verb: Token) -> List[str]:
    """Doers of the act named by the definite direct object of the reproaching ``verb``."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return []
    index = args.index
    accusers = set(args.verb_subjects(verb))
    # the reproacher's side: its names and those in its noun phrase ("Canadian Prime Minister X")
    side = accusers | {index.entity(w.i) for c in verb.children if c.dep_ == "nsubj" for w in c.subtree
                       if index.entity(w.i)}
    return noun_doers(args, obj, accusers, side)


def reporter_side(args, reporter: Token) -> set:
    """The side of the one speaking through ``reporter`` (a reporting verb): its subjects'
    names and the names inside its subject's noun phrase ("said Israeli Foreign Minister X"
    -> X and Israel), for :func:`noun_doers`."""
    index = args.index
    return set(args.verb_subjects(reporter)) | {index.entity(w.i) for c in reporter.children
                                               if c.dep_ in ("nsubj", "nsubjpass") for w in c.subtree
                                               if index.entity(w.i)}


def noun_doers(args, obj: Token, accusers: set, side: set) -> List[str]:
    """Doers of the act the definite noun ``obj`` names again, reproached by ``accusers``
    (``side``: their names and those of their state; a vague noun names only a penalty
    laid on that side): "The EU banned Iran's flights. The ban was illegal, said Iran's
    foreign minister" -> the EU."""
    index = args.index
    if obj.lemma_.lower() not in DEED_VERBS:
        return []
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that") for c in obj.children) \
            or any(index.entity(c.i) for c in obj.subtree if c.i != obj.i):
        return []  # "condemned an expulsion", "condemned X's expulsion" (its own doer)
    lemma = obj.lemma_.lower()
    verbs = DEED_VERBS[lemma]
    doc = obj.doc
    sents = list(doc.sents)
    here = next(n for n, s in enumerate(sents) if s.start <= obj.i < s.end)
    vague = lemma in VAGUE_NOUNS
    for s in reversed(sents[max(0, here - LOOK_BACK - vague):here + 1]):
        found: List[str] = []
        for t in reversed(list(s)):
            if t.i >= obj.i:
                continue
            if t.pos_ == "VERB" and (t.lemma_.lower() in verbs or vague and _lays_penalty(t)) \
                    and not any(c.dep_ == "neg" for c in t.children):
                found = args.verb_subjects(t)
                if vague and not side & {index.entity(w.i) for c in t.children if c.dep_ not in ("nsubj", "nsubjpass")
                                         for w in c.subtree if index.entity(w.i)}:
                    found = []  # a penalty laid on someone else
            elif t.pos_ == "NOUN" and t.lemma_.lower() == lemma:
                found = [index.entity(c.i) for c in t.children if c.dep_ == "poss" and index.entity(c.i)]
            found = [e for e in found if index.type_of(e) in ACTOR_TYPES and e not in accusers]
            if found:
                return list(dict.fromkeys(found))
    return []


def _lays_penalty(verb: Token) -> bool:
    """Whether ``verb`` is a light verb laying a penalty by its object ("put sanctions on X")."""
    return verb.lemma_.lower() in LIGHT_PENALTY_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in PENALTY_OBJECTS for c in verb.children)
