"""MEMBER_OF and AFFILIATED_WITH from an organisation's offices (part of `membership`).

"India holds the G20 presidency", "which chairs the bloc", "X, who leads NATO", "Chile's
presidency of the bloc", "while Chile holds its rotating chairmanship", "took over the
chairmanship from B".
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc, Token

from .membership import ALLIANCE_NOUNS, MEMBER_TYPES, _org_of_np
from .records import record
from ..gazetteer import read_data

# word lists: relext/data/words/offices.yaml
_WORDS = read_data("words/offices.yaml")

# offices of an organisation that only its members hold: "holds the bloc's presidency"
MEMBER_OFFICES = frozenset(_WORDS["member_offices"])
# verbs of heading a body: "which chairs the bloc", "X, who leads NATO"
OFFICE_VERBS = frozenset(_WORDS["office_verbs"])
# verbs of gaining a seat on a body: "Japan won a seat on the Human Rights Council"
SEAT_WINNING_VERBS = frozenset(_WORDS["seat_winning_verbs"])

def offices(doc: Doc, index, args, words) -> List[Dict]:
    """MEMBER_OF (a state) or AFFILIATED_WITH (a person) from holding an organisation's
    presidency, chair or seat: "India holds the G20 presidency", "which chairs the bloc"."""
    out: List[Dict] = []
    for i in words.positions(doc):
        tok = doc[i]
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in OFFICE_VERBS:
            orgs = [e for c in tok.children if c.dep_ == "dobj" for e in _org_of_np(c, index, args)]
            v = tok
        elif tok.pos_ == "NOUN" and lemma in MEMBER_OFFICES and tok.dep_ == "dobj" \
                and (tok.head.lemma_.lower() in ("hold", "have", "take", "assume", "occupy")
                     or lemma == "seat" and tok.head.lemma_.lower() in SEAT_WINNING_VERBS and _plain(tok.head)):
            orgs = _office_orgs(tok, index, args)
            v = tok.head
            # "took over the bloc's chairmanship from X": the one handing over held it too
            holders = [e for p in list(tok.children) + list(v.children) if p.dep_ == "prep" and p.lower_ == "from"
                       for o in p.children if o.dep_ == "pobj" for e in args.entities_of(o)
                       if index.type_of(e) == "COUNTRY"] if v.lemma_.lower() in ("take", "assume") else []
            for h in holders:
                out.extend(record(tok, h, "MEMBER_OF", org, rule_id=f"MEMBER_OF:office:{lemma}") for org in orgs if org != h)
        elif tok.pos_ == "NOUN" and lemma == "seat" and not any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "a", "an") for c in tok.children):
            # "Estonia's seat on the UN Security Council": a state's own seat on a body
            on_orgs = [e for p in tok.children if p.dep_ == "prep" and p.lower_ in ("on", "in", "at")
                       for o in p.children if o.dep_ == "pobj" for e in _org_of_np(o, index, args)]
            holders = [e for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"
                       for e in [index.entity(c.i)] if e and index.type_of(e) == "COUNTRY"]
            for h in holders:
                out.extend(record(tok, h, "MEMBER_OF", org, rule_id="MEMBER_OF:office:own-seat")
                           for org in on_orgs if org != h)
            continue
        elif tok.pos_ == "NOUN" and lemma in MEMBER_OFFICES and lemma != "seat":
            # "Chile's presidency of the bloc", "the Chilean chairmanship of the bloc": the
            # holder named on the office noun itself
            of_objs = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                       if o.dep_ == "pobj"]
            of_orgs = [e for o in of_objs for e in _org_of_np(o, index, args)]
            if not of_orgs:
                # "X's presidency of the group": a description of the body just named
                of_orgs = [e for o in of_objs if o.lemma_.lower() in ALLIANCE_NOUNS
                           and any(d.lower_ == "the" for d in o.children)
                           for e in args.entities_of(o) or [args.salient_of_type(o, "ORGANISATION", sentences=1)]
                           if e and index.type_of(e) == "ORGANISATION"]
            holders = [e for c in tok.children if c.dep_ in ("poss", "amod", "compound")
                       for e in [index.entity(c.i)] if e and index.type_of(e) == "COUNTRY"]
            for h in holders:
                out.extend(record(tok, h, "MEMBER_OF", org, rule_id=f"MEMBER_OF:office:{lemma}")
                           for org in of_orgs if org != h)
            continue
        else:
            continue
        if not orgs:
            continue
        for s in args.verb_subjects(v):
            for org in orgs:
                if s == org:
                    continue
                st = index.type_of(s)
                if st == "PERSON":
                    out.append(record(tok, s, "AFFILIATED_WITH", org, rule_id=f"AFFILIATED_WITH:office:{lemma}"))
                elif st in MEMBER_TYPES:
                    out.append(record(tok, s, "MEMBER_OF", org, rule_id=f"MEMBER_OF:office:{lemma}"))
    return out


def _plain(verb: Token) -> bool:
    """Whether ``verb`` is asserted as it stands: not negated, not under another verb
    ("failed to win", "hopes to win"), without a modal ("could win")."""
    return verb.dep_ not in ("xcomp", "ccomp", "advcl", "pcomp") and not any(
        c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in ("could", "may", "might", "would", "should", "can")
        for c in verb.children)


def _office_orgs(tok: Token, index, args) -> List[str]:
    """The organisation whose office ``tok`` is: "the bloc's (the G20) presidency", "the
    presidency of X", or "its presidency" with one organisation named in the sentence."""
    orgs = [e for c in tok.children if c.dep_ in ("poss", "compound") for e in _org_of_np(c, index, args)]
    if not orgs:
        # "took over the group's chairmanship": a description of the body just named
        orgs = [e for c in tok.children if c.dep_ == "poss" and c.lemma_.lower() in ALLIANCE_NOUNS
                for e in args.entities_of(c) or [args.salient_of_type(c, "ORGANISATION", sentences=1)]
                if e and index.type_of(e) == "ORGANISATION"]
    orgs += [e for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "in", "on", "at")
             for o in p.children if o.dep_ == "pobj" for e in _org_of_np(o, index, args)]
    if not orgs and any(c.dep_ == "poss" and c.lower_ == "its" for c in tok.children):
        named = {index.entity(t.i) for t in tok.doc[tok.sent.start:tok.i]} - {None}
        named = [e for e in named if index.type_of(e) == "ORGANISATION"]
        if len(named) == 1:
            orgs = named
    return orgs
