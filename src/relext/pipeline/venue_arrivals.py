"""ATTENDS of the event in focus from flying in without a destination, and from addressing
those gathered at it.

- flying in: "X flew in on Thursday (from Beijing)", "fly" with the adverb "in" and no
  destination, object or purpose → X attends the passage's event in focus
  (`SalienceMixin.focus_event`: named in the last three sentences, not dated elsewhere).
  People only; negated, nothing. Travel to the city the event is held in ("X arrived in
  Algiers on Friday") is not read as attending: the gold sets keep it apart (all three such
  records on a development set were false), and a "for" on the verb is the trigger rules'
  ("flew in for the summit");
- addressing those gathered: "X addressed delegates (the participants, the mourners, the
  plenary)" → X attends the event in focus; not "party delegates", "his guests", "a
  gathering of X", "delegates at the congress" (an audience of its own).

Words are data (`relext/data/implicit_presence.yaml`).

Example:
    >>> import relext
    >>> text = "The APEC summit opened in Lima on Friday. Xi Jinping flew in on Thursday."
    >>> [(r.subject, r.object) for r in relext.extract(text).relations if r.predicate == "ATTENDS"]
    [('person:xi-jinping', 'event:apec-summit')]
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc, Token

from ..gazetteer import read_data
from ._lookup import positions_in
from .presence import _emit

_WORDS = read_data("implicit_presence.yaml")
AUDIENCE_NOUNS = set(_WORDS["audience_nouns"])


def venue_arrivals(doc: Doc, index, args, modality) -> List[Dict]:
    """ATTENDS records of flying in to the event in focus and of addresses to those gathered
    at it."""
    out: List[Dict] = []
    if not any(t == "EVENT" for t in index.types.values()):
        return out
    for i in positions_in(doc, {"fly", "address"}, attr="LEMMA"):
        tok = doc[i]
        if tok.pos_ != "VERB":
            continue
        if tok.lemma_.lower() == "address":
            out += _addressed_audience(tok, index, args, modality)
        else:
            out += _flew_in_to_event(tok, index, args, modality)
    return out


def _flew_in_to_event(tok: Token, index, args, modality) -> List[Dict]:
    kids = list(tok.children)
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in kids):
        return []  # "for the summit" is the trigger rules'; "for talks with X" another purpose
    if any(c.dep_ in ("neg", "xcomp", "advcl") for c in kids) or modality.negation(tok)[0]:
        return []  # "did not fly in"; "flew in to meet Y": another purpose
    if not _flew_in(tok):
        return []  # "X flew to Algiers (the summit's city)": travel, not attending
    ev = args.focus_event(tok)  # "X flew in on Thursday": to the event in focus
    travellers = [s for s in args.subjects(tok) if index.type_of(s) == "PERSON"]
    return _emit(tok, travellers, ev, index, args, modality, "ATTENDS:flew-in")


def _flew_in(tok: Token) -> bool:
    """"X flew in (on Thursday, from Beijing)": "fly" with the adverb "in" and no destination,
    object or clause of its own."""
    kids = list(tok.children)
    return tok.lemma_.lower() == "fly" and any(c.lower_ == "in" and c.dep_ in ("advmod", "prt") for c in kids) \
        and not any(c.dep_ in ("dobj", "ccomp", "acomp", "attr", "oprd", "dative") for c in kids) \
        and not any(c.dep_ == "prep" and c.lower_ not in ("on", "from", "at", "late", "early", "after", "before")
                    for c in kids if c.lower_ != "in")


def _addressed_audience(tok: Token, index, args, modality) -> List[Dict]:
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if len(objs) != 1 or objs[0].lower_ not in AUDIENCE_NOUNS and objs[0].lemma_.lower() not in AUDIENCE_NOUNS:
        return []
    obj = objs[0]
    if index.entity(obj.i) or any(c.dep_ in ("poss", "compound") or c.dep_ == "det" and c.lower_ in ("a", "an")
                                  for c in obj.children):
        return []  # "addressed party delegates", "addressed his guests", "a gathering of X"
    if any(c.dep_ == "prep" and c.lower_ in ("of", "at", "in", "from") for c in obj.children):
        return []  # "delegates of the party congress", "guests at a dinner": told where
    ev = args.focus_event(tok)
    speakers = [s for s in args.subjects(tok) if index.type_of(s) == "PERSON"]
    return _emit(tok, speakers, ev, index, args, modality, "ATTENDS:addressed-those-gathered")
