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


def misattached_author(noun: Token):
    """"rejected the allegation by X that Y armed the rebels": the parser hangs "by X" and the
    "that" clause on the verb whose object the noun is. Returns ``(prep, clause)`` when the
    active verb's "by"/"from" phrase follows the noun at once and its "that" clause follows
    that phrase at once; else None."""
    verb = noun.head
    if noun.dep_ != "dobj" or noun.pos_ != "NOUN" or verb.pos_ != "VERB" \
            or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                 and c.i == noun.right_edge.i + 1), None)
    if prep is None:
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.left_edge.i == prep.right_edge.i + 1
                   and c.left_edge.dep_ == "mark" and c.left_edge.lower_ == "that"), None)
    return (prep, clause) if clause is not None else None


def reported_doers(args, noun: Token) -> List[str]:
    """Entities that are the active subject of the "that" clause ``noun`` governs."""
    out: List[str] = []
    misplaced = misattached_author(noun)
    for c in list(noun.children) + ([misplaced[1]] if misplaced else []):
        if c.dep_ not in ("acl", "relcl", "ccomp") or c.pos_ not in ("VERB", "AUX") or c.i < noun.i:
            continue
        if c.dep_ == "ccomp" and (not misplaced or c.i != misplaced[1].i):
            continue
        if not any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            continue
        if any(a.dep_ in ("auxpass", "nsubjpass") for a in c.children):
            continue
        out.extend(e for s in c.children if s.dep_ == "nsubj" for e in args.entities_of(s))
    return out
