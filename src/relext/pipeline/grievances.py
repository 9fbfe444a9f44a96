"""ACCUSES and THREATENS stated through what is said of the object, not through a verb of accusing.

- wrongdoing named as the reason for an action: "boycott the Games over China's human
  rights abuses", "signed on to the protest over abuses by China" -> the actor ACCUSES
  the wrongdoer;
- "X will pay a (heavy) price": whoever says so THREATENS X ("China warned that the US
  would pay a price").
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc, Token

REASON_PREPS = {"over", "for", "against", "at"}
PRICE_NOUNS = {"price", "cost", "costs", "consequence", "consequences"}


def grievances(doc: Doc, index, args, words, wrongdoing: set, reporting: set) -> List[Dict]:
    """ACCUSES/THREATENS records for ``doc`` (see the module docstring); ``words`` is a
    :class:`~relext.pipeline._lookup.WordSet` of the wrongdoing nouns and "pay"."""
    from .relations import record

    out: List[Dict] = []
    for i in words.positions(doc):
        tok = doc[i]
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and lemma in wrongdoing and tok.dep_ == "pobj" and tok.head.lower_ in REASON_PREPS:
            wrongdoers = _wrongdoers(tok, index, args)
            holder = tok.head.head
            if holder.pos_ in ("VERB", "AUX"):
                accusers = args.verb_subjects(holder)
            elif holder.pos_ in ("NOUN", "PROPN"):
                accusers = args.noun_subjects(holder)
            else:
                accusers = []
            negated, cue = args.modality.negation(holder)
            modality, source = args.modality.modality(holder, args)
            for a in accusers:
                for w in wrongdoers:
                    if a != w:
                        out.append(record(tok, a, "ACCUSES", w, rule_id="ACCUSES:wrongdoing-reason", negated=negated,
                                          modality=modality, source=source, cue=cue))
        if lemma == "pay" and tok.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in PRICE_NOUNS for c in tok.children):
            payers = args.verb_subjects(tok)
            speaker = _speaker(tok, args, reporting)
            for s in speaker:
                for p in payers:
                    if s != p:
                        out.append(record(tok, s, "THREATENS", p, rule_id="THREATENS:pay-a-price", modality="REPORTED"))
    return out


def _wrongdoers(tok: Token, index, args) -> List[str]:
    out = []
    for c in tok.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod") and index.entity(c.i):
            out.append(index.entity(c.i))
        elif c.dep_ == "prep" and c.lower_ in ("by", "of"):
            out += [e for p in c.children if p.dep_ == "pobj" for e in args.entities_of(p)]
    return list(dict.fromkeys(out))


def _speaker(tok: Token, args, reporting: set) -> List[str]:
    """Who says that someone will pay: the subject of the reporting verb above ``tok``."""
    cur = tok
    for _ in range(6):
        if cur.head is cur:
            return []
        if cur.dep_ in ("ccomp", "parataxis", "xcomp", "conj", "advcl"):
            cur = cur.head
            if cur.lemma_.lower() in reporting or cur.lemma_.lower() in ("warn", "caution", "threaten", "retort", "vow"):
                return args.verb_subjects(cur)
            continue
        return []
    return []
