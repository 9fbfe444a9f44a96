"""MEMBER_OF from a membership that a body suspends, freezes or restores.

"The African Union suspended Niger's membership", "Russia's membership was frozen by the
council", "the bloc restored Mali's membership": a suspended or frozen membership is
still a membership (GUIDELINES, dev2 conventions), and the body acting on it is the
organisation. Suspending a state "from" a body without naming the membership is a
penalty only (SANCTIONS, a trigger rule), not a MEMBER_OF.
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc

from ._lookup import positions_of_words
from .records import record

ACTING_VERBS = {"suspend", "freeze", "restore", "reinstate"}
MEMBER_TYPES = ("COUNTRY", "ORGANISATION")


def suspended_memberships(doc: Doc, index) -> List[Dict]:
    """One MEMBER_OF per "<body> suspended <state>'s membership" (active or passive)."""
    out: List[Dict] = []
    for i in positions_of_words(doc, ["membership"]):
        tok = doc[i]
        verb = tok.head
        if tok.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in ACTING_VERBS:
            continue
        members = [index.entity(c.i) for c in tok.children if c.dep_ == "poss"]
        members = [m for m in members if m is not None and index.type_of(m) in MEMBER_TYPES]
        if tok.dep_ == "dobj":
            actors = [c for c in verb.children if c.dep_ == "nsubj"]
        else:
            actors = [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        bodies = [index.entity(a.i) for a in actors]
        bodies = [b for b in bodies if b is not None and index.type_of(b) == "ORGANISATION"]
        for m in members:
            for b in bodies:
                if m != b:
                    out.append(record(tok, m, "MEMBER_OF", b, rule_id="MEMBER_OF:suspended-membership"))
    return out
