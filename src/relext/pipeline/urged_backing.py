"""Backing urged on others: the one who urges backing of X backs X.

"Macron called on lawmakers to endorse Finland's bid", "the Estonian prime minister urged
the alliance to back Ukraine", "Germany asked its partners to recognise Kosovo", "the
envoys issued a statement urging that Kavala be freed": asking someone else to back
(endorse, recognise, approve, ratify, welcome) X states the asker's own backing of X, while
the one asked has done nothing yet (the trigger rules read the infinitive's doer as a
hypothetical, and it stays out). The urging verbs (``urging_verbs`` in cues.yaml, "call"
with "on", "appeal" with "to") and the backing asked for (``urged_backing_verbs``; freeing
and releasing only of a person) are data.

Not: an urging that is itself negated or asked about ("did not urge", "should X urge"),
backing asked for in the negative ("urged X not to recognise Y": no stance given here), the
one urged as the backed ("urged Turkey to back it" does not back Turkey).
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc, Token

from ..gazetteer import read_data
from ._lookup import positions_in
from .records import pair_records

_CUES = read_data("cues.yaml")
URGING_VERBS = frozenset(_CUES["urging_verbs"])
URGED_BACKING = frozenset(_CUES["urged_backing_verbs"])
# verbs that urge only with their own preposition ("called on X to", "appealed to X to")
URGING_PREPS = {"call": ("on", "upon"), "appeal": ("to",)}
# asking for a person to be freed backs that person only ("urged Iran to free X")
PERSON_ONLY = {"free", "release"}
BACKER_TYPES = ("COUNTRY", "ORGANISATION", "PERSON")


def _asked_backing(u: Token) -> List[Token]:
    """The verbs of backing that the urging verb ``u`` asks for: an infinitive ("urged X to
    back Y", parsed as ``xcomp`` or ``advcl``) or a "that" clause ("urging that X be freed")."""
    out = []
    for c in u.children:
        if c.pos_ != "VERB" or c.lemma_.lower() not in URGED_BACKING or c.i < u.i:
            continue
        if c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            out.append(c)
        elif c.dep_ == "ccomp" and any(a.dep_ == "auxpass" for a in c.children):
            out.append(c)  # "urging that X be recognised (freed)"
    return out


def urged_backing(doc: Doc, index, args) -> List[Dict]:
    """SUPPORTS records for backing that a subject urges on others (module docstring).

    Args:
        doc: the parsed document.
        index: its `EntityIndex`.
        args: its `Arguments`.

    Returns:
        The records, one per urger and one backed.
    """
    out: List[Dict] = []
    for u in (doc[i] for i in positions_in(doc, URGING_VERBS, attr="LEMMA")):
        lemma = u.lemma_.lower()
        if u.pos_ != "VERB" or lemma not in URGING_VERBS:
            continue
        if lemma in URGING_PREPS and not any(c.dep_ == "prep" and c.lower_ in URGING_PREPS[lemma]
                                             for c in u.children):
            continue  # "called the vote a farce", "appealed the ruling"
        asked = _asked_backing(u)
        if not asked or args.modality.negation(u)[0]:
            continue
        if args.modality.modality(u, args, "SUPPORTS")[0] == "HYPOTHETICAL":
            continue
        urged = {e for c in u.children if c.dep_ in ("dobj", "prep")
                 for x in ([c] if c.dep_ == "dobj" else [p for p in c.children if p.dep_ == "pobj"])
                 for e in args.entities_of(x)}
        urgers = [e for e in args.verb_subjects(u) if e not in urged]
        for v in asked:
            if any(c.dep_ == "neg" for c in v.children):
                continue  # "urged X not to recognise Y"
            slot = "nsubjpass" if v.dep_ == "ccomp" else "dobj"
            backed = [e for o in v.children if o.dep_ == slot for e in args.entities_of(o, positions=True)]
            if v.lemma_.lower() in PERSON_ONLY:
                backed = [e for e in backed if index.type_of(e) == "PERSON"]
            backed = [e for e in dict.fromkeys(backed) if e not in urged]
            out += pair_records(v, ((s, o) for s in dict.fromkeys(urgers) for o in backed), "SUPPORTS",
                                rule_id="SUPPORTS:urged-backing", type_of=index.type_of, types=BACKER_TYPES)
    return out
