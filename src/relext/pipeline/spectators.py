"""ATTENDS from a place in an event's audience or hall.

- spectators: "X watched (witnessed) the Victory Day parade" → X attends the named event
  (people only, the object a named EVENT); not when the watching is remote or figurative
  ("watched it on television", "online", "from Santiago", "closely");
- seats: "Norway's seat at the summit will not be (left) empty", "Norway's seat was filled"
  → Norway attends; "Norway's seat at the summit was empty (vacant)" → a negated ATTENDS;
  "Chile took its seat at the summit" → Chile attends. The event is the one named on the
  seat, else the one the passage is about;
- seating beside named people: "X sat (was seated) next to Y", "X was seated between Y and Z"
  in a passage about a named event → X and the people beside X attend the event in focus
  (`SalienceMixin.focus_event`). People only; not "sat down with" (a meeting), "sat out" (a
  negated ATTENDS, the trigger rules'), "sits on the board", nor a negated seating. A seat in
  the hall alone ("sat in the front row") was measured and dropped: two false positives on a
  check set, no gain on the development sets.
"""
from __future__ import annotations

from typing import Dict, List, Optional

from spacy.tokens import Doc, Token

from ._lookup import positions_in
from .records import record
from ..gazetteer import read_data

# word lists: relext/data/words/spectators.yaml
_WORDS = read_data("words/spectators.yaml")

SPECTATOR_VERBS = {"watch", "witness"}
# words on the watching verb that put the watcher elsewhere or make the watching figurative
REMOTE_WATCH = frozenset(_WORDS["remote_watch"])
SEAT_NOUNS = frozenset(_WORDS["seat_nouns"])
SEATING_VERBS = {"sit", "seat"}
# prepositions that place a seated person beside named others ("next to", "beside")
NEIGHBOUR_PREPS = frozenset(_WORDS["neighbour_preps"])
EMPTY_WORDS = frozenset(_WORDS["empty_words"])
FILLED_WORDS = frozenset(_WORDS["filled_words"])
BODY_TYPES = ("COUNTRY", "ORGANISATION")


def spectators(doc: Doc, index, args, modality) -> List[Dict]:
    """ATTENDS records of spectators at a named event and of a state's seat at it."""
    out: List[Dict] = []
    for i in positions_in(doc, SPECTATOR_VERBS, SEAT_NOUNS, SEATING_VERBS, attr="LEMMA"):
        tok = doc[i]
        lemma = tok.lemma_.lower()
        if lemma in SPECTATOR_VERBS and tok.pos_ == "VERB":
            out += _watched(tok, index, args, modality)
        elif lemma in SEATING_VERBS and tok.pos_ == "VERB":
            out += _seated(tok, index, args, modality)
        elif lemma in ("seat", "place") and tok.pos_ == "NOUN":
            out += _seat(tok, index, args, modality)
    return out


def _emit(tok: Token, subjects: List[str], ev: Optional[str], index, modality, args, rule_id: str, *,
          flip: bool = False) -> List[Dict]:
    if not ev or index.type_of(ev) != "EVENT":
        return []
    negated, cue = modality.negation(tok)
    if flip:
        negated, cue = not negated, cue or tok.text
    mod, source = modality.modality(tok, args, "ATTENDS")
    return [record(tok, s, "ATTENDS", ev, rule_id=rule_id, negated=negated, modality=mod, source=source, cue=cue)
            for s in dict.fromkeys(subjects) if s != ev]


def _watched(tok: Token, index, args, modality) -> List[Dict]:
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    events = [e for c in objs for e in [index.entity(c.i)] if e and index.type_of(e) == "EVENT"]
    if not events:
        return []
    remote = [t for c in tok.children if c.dep_ in ("prep", "advmod", "npadvmod") for t in c.subtree]
    # ("watched the summit on television": the parser may hang the phrase on the event)
    remote += [t for o in objs for c in o.children if c.dep_ == "prep" and c.i > o.i for t in c.subtree]
    if any(t.lower_ in REMOTE_WATCH for t in remote) \
            or any(c.dep_ == "prep" and c.lower_ == "from" and any(index.type_of(e) in ("COUNTRY", "LOCATION")
                                                                   for p in c.children for e in [index.entity(p.i)] if e)
                   for c in tok.children):
        return []  # "watched the parade on television", "from Santiago", "closely"
    if modality.negation(tok)[0]:
        return []  # not watching says nothing of being there
    people = [s for s in args.subjects(tok) if index.type_of(s) == "PERSON"]
    return _emit(tok, people, events[0], index, modality, args, "ATTENDS:watched-event")


def _seat_event(seat: Token, index, args) -> Optional[str]:
    for c in seat.children:
        if c.dep_ == "prep" and c.lower_ in ("at", "in", "on"):
            for p in c.children:
                e = index.entity(p.i)
                if e and index.type_of(e) == "EVENT":
                    return e
    return args.salient_event(seat, window=3)


def _seat(seat: Token, index, args, modality) -> List[Dict]:
    owners = [e for c in seat.children if c.dep_ == "poss" for e in args.entities_of(c)
              if index.type_of(e) in BODY_TYPES]
    verb = seat.head
    if seat.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX") and owners:
        # "Norway's seat (at the summit) was empty / will not be left empty / was filled"
        words = {c.lower_ for c in verb.children if c.dep_ in ("acomp", "oprd", "xcomp", "advmod", "attr")}
        if verb.lower_ in FILLED_WORDS:
            words.add("filled")
        if words & EMPTY_WORDS:
            return _emit(verb, owners, _seat_event(seat, index, args), index, modality, args,
                         "ATTENDS:seat-empty", flip=True)
        if "filled" in words or words & FILLED_WORDS:
            return _emit(verb, owners, _seat_event(seat, index, args), index, modality, args, "ATTENDS:seat-filled")
        return []
    if seat.dep_ == "dobj" and seat.lemma_.lower() == "seat" and verb.lemma_.lower() == "take":
        # "Chile took its seat at the summit" (a seat at a named event, not in a body)
        ev = next((e for c in list(seat.children) + list(verb.children) if c.dep_ == "prep" and c.lower_ == "at"
                   for p in c.children for e in [index.entity(p.i)] if e and index.type_of(e) == "EVENT"), None)
        subjects = [s for s in args.subjects(verb) if index.type_of(s) in ("PERSON",) + BODY_TYPES]
        return _emit(verb, subjects, ev, index, modality, args, "ATTENDS:took-seat")
    return []


def _seated(tok: Token, index, args, modality) -> List[Dict]:
    """"X sat next to Y", "X was seated between Y and Z": X, and the people named beside X,
    attend the event the passage is about."""
    if any(c.dep_ == "prt" for c in tok.children):
        return []  # "sat down with X" (a meeting), "sat out the summit" (the trigger rules')
    if tok.lemma_.lower() == "seat" and not any(c.dep_ == "auxpass" for c in tok.children) \
            and tok.dep_ not in ("acl", "amod"):
        return []  # "the host seated X": only the one seated ("X was seated", "X, seated next to")
    if modality.negation(tok)[0]:
        return []
    neighbours: List[str] = []
    placed = False
    for c in tok.children:
        if c.dep_ not in ("prep", "advmod"):
            continue
        word = c.lower_
        if word == "next" or word in NEIGHBOUR_PREPS:
            objs = [p for x in [c] + [x for x in c.children if x.dep_ == "prep"] for p in x.children if p.dep_ == "pobj"]
            people = [e for p in objs for e in args.entities_of(p) if index.type_of(e) == "PERSON"]
            if people:
                neighbours += people
                placed = True
    if not placed:
        return []
    if tok.dep_ in ("acl", "amod"):
        seated = args.entities_of(tok.head)  # "X, seated next to Y, ..."
    elif any(c.dep_ == "auxpass" for c in tok.children):
        seated = [e for c in tok.children if c.dep_ == "nsubjpass" for e in args.entities_of(c)]
    else:
        seated = args.subjects(tok)
    people = [e for e in seated if index.type_of(e) == "PERSON"]
    if not people:
        return []
    return _emit(tok, people + neighbours, args.focus_event(tok), index, modality, args, "ATTENDS:seated")
