"""Entry refused, blows not ruled out, a price foretold to someone (`hostile_idioms`).

- SANCTIONS, an entry ban (CAMEO 172): "X refused to let Y land (enter)", "X would not allow
  Y's plane to land", "X declined to permit Y to enter": the one kept out is Y (or Y's
  plane's owner);
- THREATENS, a blow not ruled out (CAMEO 138): "X refused to rule out the use of force
  against Y", "X did not rule out military action against Y", "X has not ruled out taking
  Y by force";
- THREATENS, a price foretold to the one told (CAMEO 130): "X told Y it would pay a heavy
  price (face consequences)";
- THREATENS, a formal warning (CAMEO 130): "X put (placed) Y on notice", "Y was put on
  notice by X".

Plain permission ("allowed Y to land"), a blow ruled out ("ruled out military action against
Y"), a telling of something else ("told Y it would attend") and a notice of another kind ("put
Y on the agenda", "did not put Y on notice") give nothing.
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc, Token

from ._lookup import positions_in
from .records import record
from .argument_words import SUFFER_VERBS
from ..gazetteer import read_data

# word lists: relext/data/words/hostile_idioms.yaml
_WORDS = read_data("words/hostile_idioms.yaml")

PERMIT_VERBS = frozenset(_WORDS["permit_verbs"])
REFUSE_VERBS = frozenset(_WORDS["refuse_verbs"])
ENTRY_MOVES = frozenset(_WORDS["entry_moves"])
BLOW_NOUNS = frozenset(_WORDS["blow_nouns"])
BLOW_VERBS = frozenset(_WORDS["blow_verbs"])
PRICE_NOUNS = frozenset(_WORDS["price_nouns"])
# verbs that serve a formal warning as "on notice"
NOTICE_VERBS = {"put", "place"}
ACTOR_TYPES = ("PERSON", "COUNTRY", "ORGANISATION")


def _neg(v: Token) -> bool:
    return any(c.dep_ == "neg" for c in v.children)


def _refused(args, v: Token):
    """The subjects refusing ``v`` ("refused to let", "would not let"), else []."""
    if _neg(v):
        return args.verb_subjects(v)
    if v.dep_ == "xcomp" and v.head.lemma_.lower() in REFUSE_VERBS and not _neg(v.head):
        return args.verb_subjects(v.head)
    return []


def _named(args, tok: Token, places: bool = False) -> List[str]:
    kinds = ACTOR_TYPES + (("LOCATION",) if places else ())
    return [e for e in args.entities_of(tok, positions=True) if args.index.type_of(e) in kinds]


def _kept_out(args, v: Token) -> List[str]:
    """Who ``v`` ("let", "allow") would have let in: "let Y land", "allow Y's plane to land"."""
    out: List[str] = []
    for c in v.children:
        if c.dep_ in ("ccomp", "xcomp") and c.lemma_.lower() in ENTRY_MOVES:
            out += [e for s in c.children if s.dep_ == "nsubj" for e in _named(args, s)]
            out += [e for s in c.children if s.dep_ == "nsubj" for p in s.children if p.dep_ == "poss"
                    for e in _named(args, p)]
            if c.dep_ == "xcomp":
                out += [e for d in v.children if d.dep_ == "dobj" for e in _named(args, d)]
    for d in v.children:
        if d.dep_ == "dobj" and d.lower_ in ENTRY_MOVES:
            # "let Foreign Minister X land" with "land" read as a noun
            out += [e for c in d.children if c.dep_ == "compound" and args.index.entity(c.i) for e in _named(args, c)]
    return list(dict.fromkeys(out))


def _blow_targets(args, v: Token) -> List[str]:
    """Targets of the blow ``v`` ("rule out") does not exclude."""
    out: List[str] = []
    for d in v.children:
        if d.dep_ != "dobj":
            continue
        if d.lemma_.lower() in BLOW_NOUNS or d.lemma_.lower() == "use":
            holders = [d] + [o for p in d.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
            out += [e for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in ("against", "on")
                    for o in p.children if o.dep_ == "pobj" for e in _named(args, o, True)]
            out += [e for p in v.children if p.dep_ == "prep" and p.lower_ == "against"
                    for o in p.children if o.dep_ == "pobj" for e in _named(args, o, True)]
    for d in v.children:
        if d.dep_ in ("dobj", "xcomp") and d.pos_ == "VERB" and d.lemma_.lower() in BLOW_VERBS:
            out += [e for o in d.children if o.dep_ == "dobj" for e in _named(args, o, True)]
    return list(dict.fromkeys(out))


def hostile_idioms(doc: Doc, index, args) -> List[Dict]:
    out: List[Dict] = []
    for i in positions_in(doc, PERMIT_VERBS, NOTICE_VERBS, {"rule"}, {"tell"},
                             attr="LEMMA"):
        v = doc[i]
        if v.pos_ != "VERB":
            continue
        lemma = v.lemma_.lower()
        if lemma in PERMIT_VERBS:
            refusers = _refused(args, v)
            if not refusers:
                continue
            for y in _kept_out(args, v):
                for x in refusers:
                    if x != y:
                        out.append(record(v, x, "SANCTIONS", y, rule_id="SANCTIONS:refused-to-let-land"))
        elif lemma == "rule" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "out" for c in v.children):
            deniers = _refused(args, v)
            if not deniers:
                continue
            for y in _blow_targets(args, v):
                for x in deniers:
                    if x != y:
                        out.append(record(v, x, "THREATENS", y, rule_id="THREATENS:did-not-rule-out"))
        elif lemma in NOTICE_VERBS and not _neg(v) and any(
                p.dep_ == "prep" and p.lower_ == "on" and any(o.dep_ == "pobj" and o.lower_ == "notice" for o in p.children)
                for p in v.children):
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)
            warned = [e for d in v.children if d.dep_ == ("nsubjpass" if passive else "dobj") for e in _named(args, d)]
            for y in warned:
                for x in args.verb_subjects(v):
                    if x != y:
                        out.append(record(v, x, "THREATENS", y, rule_id="THREATENS:put-on-notice"))
        elif lemma == "tell" and not _neg(v):
            told = [e for d in v.children if d.dep_ in ("dobj", "dative") for e in _named(args, d)]
            for c in v.children:
                if c.dep_ != "ccomp" or _neg(c) or not any(a.dep_ == "aux" and a.lower_ in ("will", "would", "'ll", "must")
                                                            for a in c.children):
                    continue
                suffers = c.lemma_.lower() in SUFFER_VERBS and any(
                    d.dep_ == "dobj" and d.lemma_.lower() in PRICE_NOUNS for d in c.children)
                subj = [s for s in c.children if s.dep_ == "nsubj"]
                if suffers and subj and subj[0].pos_ == "PRON":
                    for y in told:
                        for x in args.verb_subjects(v):
                            if x != y:
                                out.append(record(v, x, "THREATENS", y, rule_id="THREATENS:told-it-would-pay"))
    return out
