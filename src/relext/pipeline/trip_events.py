"""ATTENDS of the event in focus through a trip that names no event.

In a passage about a summit, "X cancelled (called off, scrapped) his trip", "X's visit to
Lima was called off" where the summit is held in Lima → X does not attend the summit (a
negated ATTENDS); "X will make the trip (to Lima)" → X attends it, "will not make the trip"
→ negated. The trip must name no destination, or the place the event is held in (its name
has the place's, or "the summit in (opens in) Lima"); a trip "for" or "to" a named event is
the trigger rules' ("his trip to the G20", "called off his trip for the summit").
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc, Token

from ._lookup import positions_in
from .presence import _held_in
from .records import record
from ..gazetteer import read_data

# word lists: relext/data/words/trip_events.yaml
_WORDS = read_data("words/trip_events.yaml")

TRIP_NOUNS = frozenset(_WORDS["trip_nouns"])
CANCEL_VERBS = frozenset(_WORDS["cancel_verbs"])
MAKE_VERBS = {"make", "undertake"}
ACTORS = ("PERSON", "COUNTRY")


def trip_events(doc: Doc, index, args, modality) -> List[Dict]:
    """ATTENDS records of cancelled or made trips to the event in focus."""
    out: List[Dict] = []
    if not any(t == "EVENT" for t in index.types.values()):
        return out
    for i in positions_in(doc, TRIP_NOUNS, attr="LEMMA"):
        tok = doc[i]
        if tok.pos_ == "NOUN":
            out += _trip(tok, index, args, modality)
    return out


def _trip(trip: Token, index, args, modality) -> List[Dict]:
    verb = trip.head
    passive = trip.dep_ == "nsubjpass"
    if not ((trip.dep_ == "dobj" or passive) and verb.pos_ == "VERB"):
        return []
    lemma = verb.lemma_.lower()
    cancels = lemma in CANCEL_VERBS or modality.calls_off(verb)
    makes = lemma in MAKE_VERBS and not passive
    if not (cancels or makes):
        return []
    preps = [c for c in trip.children if c.dep_ == "prep"] + [c for c in verb.children if c.dep_ == "prep"]
    if any(c.lower_ == "for" for c in preps):
        return []  # "called off his trip for the summit": the trigger rules'
    places = [index.entity(p.i) for c in preps if c.lower_ in ("to", "in") for p in c.children if p.dep_ == "pobj"]
    if any(p is None for p in places):
        return []  # "his trip to the region": somewhere unnamed
    ev = args.salient_event(trip, window=2, ahead=False)
    if not ev or any(index.type_of(p) == "EVENT" for p in places):
        return []
    if places and not all(index.type_of(p) in ("LOCATION", "COUNTRY") and _held_in(trip.doc, index, ev, p)
                          for p in places):
        return []
    if any(c.dep_ == "compound" and index.entity(c.i) for c in trip.children):
        return []  # "his Asia trip", "the Kenya visit": a destination of its own
    if not places and _other_trip_before(trip, index, ev):
        return []  # "... the state visit to Ottawa. He called off the trip": that trip
    travellers = [e for c in trip.children if c.dep_ == "poss" for e in args.entities_of(c)]
    if not travellers and not passive:
        travellers = args.subjects(verb)
    travellers = [t for t in dict.fromkeys(travellers) if index.type_of(t) in ACTORS]
    if not travellers:
        return []
    negated, cue = modality.negation(verb)
    if cancels:
        if negated:
            return []  # "did not cancel his trip": says no more than that he may go
        negated, cue = True, verb.text
    mod, source = modality.modality(verb, args, "ATTENDS")
    return [record(verb, t, "ATTENDS", ev, rule_id="ATTENDS:trip-to-event-in-focus", negated=negated, modality=mod,
                   source=source, cue=cue) for t in travellers]


def _other_trip_before(trip: Token, index, ev: str) -> bool:
    """Whether a trip named earlier goes somewhere the event is not held ("the state visit
    to Washington"): a bare "the trip" after it is that trip."""
    for t in trip.doc[:trip.i]:
        if t.pos_ != "NOUN" or t.lemma_.lower() not in TRIP_NOUNS:
            continue
        dests = [index.entity(p.i) for c in t.children if c.dep_ == "prep" and c.lower_ == "to"
                 for p in c.children if p.dep_ == "pobj"]
        dests += [index.entity(c.i) for c in t.children if c.dep_ == "compound"]
        dests += [index.entity(p.i) for c in t.children if c.dep_ == "acl" for x in c.children
                  if x.dep_ == "prep" and x.lower_ == "to" for p in x.children if p.dep_ == "pobj"]
        if any(d and index.type_of(d) in ("LOCATION", "COUNTRY") and not _held_in(trip.doc, index, ev, d)
               for d in dests):
            return True
    return False
