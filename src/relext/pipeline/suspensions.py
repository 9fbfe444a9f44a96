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
from ..gazetteer import read_data

# word lists: relext/data/words/suspensions.yaml
_WORDS = read_data("words/suspensions.yaml")

ACTING_VERBS = frozenset(_WORDS["acting_verbs"])
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


def suspended_from_ranks(doc: Doc, index, args) -> List[Dict]:
    """MEMBER_OF from "X was suspended from the ranks of Y" ("suspended X from the ranks of
    Y"): "the ranks of" names the membership, which a suspension keeps (GUIDELINES)."""
    out: List[Dict] = []
    for i in positions_of_words(doc, ["ranks"]):
        tok = doc[i]
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ != "from" or prep.head.lemma_.lower() not in ACTING_VERBS - {"restore"}:
            continue
        verb = prep.head
        bodies = [e for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                  if o.dep_ == "pobj" for e in args.entities_of(o) if index.type_of(e) == "ORGANISATION"]
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        held = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
        members = [e for c in held for e in args.entities_of(c) if index.type_of(e) in MEMBER_TYPES]
        out.extend(record(tok, m, "MEMBER_OF", b, rule_id="MEMBER_OF:suspended-from-ranks")
                   for m in members for b in bodies if m != b)
    return out
