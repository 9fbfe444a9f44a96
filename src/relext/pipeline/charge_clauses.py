"""ACCUSES through a charge noun and the clause it reports (CAMEO 112 accuse).

"X's accusation that Y had armed the rebels", "allegations by (from) X that Y shielded
smugglers", "rejected X's charge that it had lied" -> X ACCUSES Y: the author comes from the
noun's possessor or its "by"/"from" phrase (the trigger's ``subject_from``), the one accused
is the active subject of the "that" clause the noun governs (slot ``that_clause:doer``). The
parser hangs that clause on the noun as ``acl`` or, wrongly, ``relcl``; only a clause opened
by the conjunction "that" (dep ``mark``) counts, so a true relative clause ("the charges
that X brought") names no one. A passive clause's subject suffers the act ("that Y had been
attacked"): none. Which nouns count is data (`triggers.yaml`, rules ``ACCUSES:charge-that-*``).
"""
from __future__ import annotations

from typing import List

from spacy.tokens import Token


def reported_doers(args, noun: Token) -> List[str]:
    """Entities that are the active subject of the "that" clause ``noun`` governs."""
    out: List[str] = []
    for c in noun.children:
        if c.dep_ not in ("acl", "relcl") or c.pos_ not in ("VERB", "AUX") or c.i < noun.i:
            continue
        if not any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            continue
        if any(a.dep_ in ("auxpass", "nsubjpass") for a in c.children):
            continue
        out.extend(e for s in c.children if s.dep_ == "nsubj" for e in args.entities_of(s))
    return out
