"""Substitutes (`substitutes`): "Q will go instead of M", "K will attend in place of O",
"L, not X, will lead the delegation".

The one replaced does not go: the presence (ATTENDS, VISITS) the replacing clause gives its
subject is a negated one for the replaced, anchored on the clause's verb; and a replaced
name read as a subject ("L, not X, will attend") loses the clause's positive relations.
The words after "instead of" are no object of the verb (`replaced_one`, used by the trigger
rules' elided objects: "Q will go instead of M" goes to the event in focus).
"""
from __future__ import annotations

from typing import Dict, List, Optional, Tuple

from spacy.tokens import Doc, Token

from ._lookup import positions_in
from .records import record

ACTORS = ("PERSON", "COUNTRY", "ORGANISATION")
PRESENCE = {"ATTENDS", "VISITS"}


def replaced_one(o: Token) -> bool:
    """"instead of [M]", "in [place] of M": the one replaced, no object."""
    if o.head.lower_ == "of" and o.head.i > 0 and o.doc[o.head.i - 1].lower_ == "instead":
        return True
    return o.lower_ == "place" and o.head.lower_ == "in" and any(c.dep_ == "prep" and c.lower_ == "of" for c in o.children)


def substitutes(doc: Doc, index, args, records: List[Dict]) -> Tuple[List[Dict], List[Tuple[str, int, int]]]:
    """"Q will go instead of M", "K will attend in place of O", "L, not X, will lead the
    delegation": the one replaced does not go; Q's presence (ATTENDS, VISITS) in that
    clause is a negated one for M, anchored on Q's verb.

    Returns:
        The new records, and (entity, start, end) of the clauses whose positive relations
        the replaced entity must not have ("L, not X, will attend" read X as a subject).
    """
    out: List[Dict] = []
    drop: List[Tuple[str, int, int]] = []
    for i in positions_in(doc, {"instead", "place", "not"}, attr="LOWER"):
        tok = doc[i]
        replaced, verb = _replacement(tok)
        if verb is None:
            continue
        gone = [e for y in replaced for e in args.entities_of(y) if index.type_of(e) in ACTORS]
        if not gone:
            continue
        lo, hi = min(t.idx for t in verb.subtree), max(t.idx + len(t) for t in verb.subtree)
        # (what is said of the replaced one itself, "X, who met Y", stays)
        own = max(t.idx + len(t) for y in replaced for t in y.subtree)
        drop += [(y, own, hi) for y in gone]
        for r in records:
            ev = r["evidence"]
            if r["predicate"] not in PRESENCE or r["negated"] or not (lo <= ev["trigger_start"] < hi) \
                    or r["subject"] in gone:
                continue
            for y in gone:
                if y != r["object"]:
                    out.append(record(verb, y, r["predicate"], r["object"], rule_id="ellipsis:instead-of",
                                      negated=True, modality=r["modality"], source=r["source"]))
    return out, drop


def _replacement(tok: Token) -> Tuple[List[Token], Optional[Token]]:
    """The names replaced and the verb of the replacing clause, at "instead", "place" or "not"."""
    doc = tok.doc
    ys: List[Token] = []
    anchor = tok
    if tok.lower_ == "instead":
        ofs = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
        if not ofs and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of":
            ofs = [doc[tok.i + 1]]
        ys = [p for o in ofs for p in o.children if p.dep_ == "pobj"]
    elif tok.lower_ == "place" and tok.dep_ == "pobj" and tok.head.lower_ == "in":
        ys = [p for o in tok.children if o.dep_ == "prep" and o.lower_ == "of" for p in o.children if p.dep_ == "pobj"]
    elif tok.lower_ == "not" and tok.dep_ == "neg" and tok.head.pos_ == "PROPN" and tok.head.dep_ in ("nsubj", "nsubjpass"):
        ys = [c for c in tok.head.children if c.dep_ == "appos" and c.i > tok.i]  # "L, not X, will lead"
        anchor = tok.head
    if not ys:
        return [], None
    ys += [c for y in ys for c in y.conjuncts]
    verb = anchor.head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return ys, verb if verb.pos_ in ("VERB", "AUX") else None
