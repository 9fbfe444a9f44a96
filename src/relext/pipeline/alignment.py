"""SUPPORTS from aligning with another's position.

- "France agreed with Germany that talks were needed", "X said it agreed with Y": agreeing
  with someone is backing their view; "agreed with Y to hold talks", "agreed with Y on a
  deal (ceasefire)" are agreements made together, not support;
- "Poland joined Lithuania in calling for sanctions (in condemning X, in its call)":
  joining someone in a stance is backing it (joining a body or an event is not this);
- "Chile co-sponsored the resolution with Peru": drafting a text together is backing the
  partner's position.
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc

from ._lookup import positions_where
from .records import record
from ..gazetteer import read_data

# word lists: relext/data/words/alignment.yaml
_WORDS = read_data("words/alignment.yaml")

ACTOR_TYPES = ("COUNTRY", "ORGANISATION", "PERSON")
AGREE_WORDS = {"agree", "concur"}
COSPONSOR_WORDS = frozenset(_WORDS["cosponsor_words"])
# "agreed with Y on a deal": the things two sides agree on together
DEAL_PREPS = frozenset(_WORDS["deal_preps"])


def aligned(doc: Doc, index, args) -> List[Dict]:
    """SUPPORTS records for agreeing with, joining in and co-sponsoring with another.

    Args:
        doc: the document.
        index: its `EntityIndex`.
        args: its `Arguments`.

    Returns:
        SUPPORTS records, negated when the verb is.
    """
    out: List[Dict] = []
    for i in positions_where(doc, lambda w: w in {"agreed", "agrees", "agree", "agreeing", "concurred", "concurs",
                                                  "joined", "joins", "join", "joining"} or w.startswith(
                                                      ("co-sponsor", "cosponsor", "co-author", "coauthor", "sponsor", "author"))):
        v = doc[i]
        low = v.lower_
        split = low.startswith(("sponsor", "author")) and i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "co"
        if low.startswith(("sponsor", "author")) and not split:
            continue
        if v.pos_ != "VERB" and not split:
            continue
        lemma = v.lemma_.lower()
        partners = []
        subjects = None
        if split:
            # "Chile co-sponsored the resolution with Peru": the tokenizer splits the verb
            # and the parse is lost; the name right before "co" is its subject
            low = "co-" + low
            before = index.entity(i - 3) if i >= 3 else None
            subjects = [before] if before else []
        if lemma in AGREE_WORDS:
            if any(c.dep_ in ("xcomp", "dobj") or c.dep_ == "prep" and c.lower_ in DEAL_PREPS for c in v.children):
                continue  # "agreed with Y to hold talks", "agreed with Y on a ceasefire"
            partners = [e for p in v.children if p.dep_ == "prep" and p.lower_ == "with"
                        for o in p.children if o.dep_ == "pobj" for e in args.entities_of(o)]
        elif lemma == "join":
            stance = [p for p in v.children if p.dep_ == "prep" and p.lower_ == "in"
                      and any(o.dep_ == "pcomp" and o.tag_ == "VBG" or o.dep_ == "pobj" and o.lemma_.lower() in
                              ("call", "calls", "condemnation", "criticism", "demand", "demands", "appeal", "support",
                               "opposition", "backing", "push", "effort", "efforts") for o in p.children)]
            if not stance:
                continue
            partners = [e for c in v.children if c.dep_ == "dobj" for e in args.entities_of(c)]
        elif low.startswith(("co-sponsor", "cosponsor", "co-author", "coauthor")):
            holders = [v] + [c for c in v.children if c.dep_ == "dobj"]
            partners = [e for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "with"
                        for o in p.children if o.dep_ == "pobj" for e in args.entities_of(o)]
        if not partners:
            continue
        negated, cue = args.modality.negation(v)
        if subjects is None:
            subjects = args.cached(("subj", v.i), args.subjects, v)
        for s in subjects:
            if index.type_of(s) not in ACTOR_TYPES:
                continue
            for o in partners:
                if o != s and index.type_of(o) in ACTOR_TYPES:
                    out.append(record(v, s, "SUPPORTS", o, rule_id=f"SUPPORTS:aligned:{lemma}", negated=negated, cue=cue))
    return out
