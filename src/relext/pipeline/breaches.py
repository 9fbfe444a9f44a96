"""ACCUSES stated by reporting that someone broke a rule or meddled in others' affairs.

"Ukraine said Russia had violated the ceasefire", "Russia broke the truce, Kyiv said",
"Iran insisted that the US had breached the nuclear deal", "China said Pelosi had meddled
in its internal affairs": the one who reports the breach ACCUSES the one said to have
committed it (CAMEO 112 accuse; GUIDELINES: an accusation in the wording). The breach must
be in the reported clause: the narrator's own "Russia violated the ceasefire" accuses no
one, and a denied breach ("said it had not violated the deal") is no charge.
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc, Token

from ._lookup import positions_in
from .records import record
from ..gazetteer import read_data

# word lists: relext/data/words/breaches.yaml
_WORDS = read_data("words/breaches.yaml")

# verbs of breaking a rule, and the rules they break
BREACH_VERBS = frozenset(_WORDS["breach_verbs"])
RULE_NOUNS = frozenset(_WORDS["rule_nouns"])
# meddling: "meddled (interfered) in X's internal affairs (elections)"
MEDDLE_VERBS = frozenset(_WORDS["meddle_verbs"])
AFFAIR_NOUNS = frozenset(_WORDS["affair_nouns"])
ACTOR_TYPES = ("PERSON", "COUNTRY", "ORGANISATION")
# reporting verbs beyond the shared list: the charge made in the report
CHARGING_VERBS = frozenset(_WORDS["charging_verbs"])


def _breach(v: Token) -> bool:
    low = v.lower_
    if low in MEDDLE_VERBS:
        return any(p.dep_ == "prep" and p.lower_ in ("in", "with") and any(
            o.dep_ == "pobj" and o.lower_ in AFFAIR_NOUNS for o in p.children) for p in v.children)
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in RULE_NOUNS for c in v.children)


def _reporter(v: Token, reporting) -> Token | None:
    """The reporting verb whose clause complement holds ``v`` (through "that" and "had"), or
    a parenthetical one inside it ("X, she said, was breaking the law")."""
    for c in v.children:
        if c.dep_ == "parataxis" and c.pos_ == "VERB" and c.lemma_.lower() in reporting:
            return c
    t = v
    for _ in range(3):
        if t.dep_ not in ("ccomp", "conj") or t.head.i == t.i:
            return None
        h = t.head
        if h.pos_ == "VERB" and h.lemma_.lower() in reporting and t.dep_ == "ccomp":
            return h
        t = h
    return None


def breaches(doc: Doc, index, args, reporting) -> List[Dict]:
    """ACCUSES records for reported breaches and meddling (see the module docstring)."""
    out: List[Dict] = []
    verbs = set(reporting) | CHARGING_VERBS
    for i in positions_in(doc, BREACH_VERBS, MEDDLE_VERBS):
        v = doc[i]
        if v.pos_ not in ("VERB", "AUX") or not _breach(v):
            continue
        rep = _reporter(v, verbs)
        if rep is None or args.modality.negation(v)[0] or args.modality.negation(rep)[0]:
            continue
        doers = [e for e in args.verb_subjects(v) if index.type_of(e) in ACTOR_TYPES]
        speakers = [e for e in args.verb_subjects(rep) if index.type_of(e) in ACTOR_TYPES]
        for s in speakers:
            for o in doers:
                if s != o:
                    out.append(record(v, s, "ACCUSES", o, rule_id="ACCUSES:reported-breach"))
    return out
