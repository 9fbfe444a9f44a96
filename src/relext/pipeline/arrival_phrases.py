"""VISITS of the subject of a clause that an arrival phrase sets in a place.

"Talking on arrival at the main airport in Rabat, X said ...", "Upon arrival in Lima, X met Y",
"On her arrival in Accra, X laid a wreath": the arrival has no party of its own (no possessor
that names someone, no "by X"), so the traveller is the subject of the clause the phrase
modifies (GUIDELINES: VISITS needs travel wording; "arrive" is one). The place is the
entity after "in"/"at" on the arrival, or a named place after a venue noun ("at the airport
in Ankara"), or one the parser hung on the participle right after the phrase. Not "before
arrival" (not yet there); a negated clause still arrived ("X did not speak on arrival in Y");
only people and organisations travel.
"""
from __future__ import annotations

from typing import Dict, List, Optional

from spacy.tokens import Doc, Token

from ._lookup import positions_in
from .records import record
from ..gazetteer import read_data

# word lists: relext/data/words/arrival_phrases.yaml
_WORDS = read_data("words/arrival_phrases.yaml")

ARRIVAL_NOUNS = {"arrival"}
# prepositions that put the clause at or after the arrival
ARRIVAL_PREPS = frozenset(_WORDS["arrival_preps"])
PLACE_TYPES = ("LOCATION", "COUNTRY")
TRAVELLER_TYPES = ("PERSON", "ORGANISATION")


def arrival_phrases(doc: Doc, index, args, modality) -> List[Dict]:
    """VISITS records of the clause subjects that an "on (upon) arrival in X" phrase places."""
    out: List[Dict] = []
    for i in positions_in(doc, ARRIVAL_NOUNS, attr="LEMMA"):
        noun = doc[i]
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ not in ARRIVAL_PREPS or prep.head.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.dep_ == "poss" and index.entity(c.i) and index.kind_by_token.get(c.i) != "PRONOUN"
               for c in noun.children):
            continue  # "X's arrival in Y": the trigger rule's
        place = _place(noun, prep, index)
        verb = prep.head
        if place is None:
            continue
        subjects = args.subjects(verb)
        if not subjects and verb.dep_ in ("advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
            subjects = args.subjects(verb.head)  # "Speaking on arrival ..., X said"
        mod, source = modality.modality(verb, args, "VISITS")
        out += [record(noun, s, "VISITS", place, rule_id="VISITS:on-arrival-in", modality=mod, source=source)
                for s in dict.fromkeys(subjects) if index.type_of(s) in TRAVELLER_TYPES and s != place]
    return out


def _place(noun: Token, prep: Token, index) -> Optional[str]:
    """The named place of the arrival: on the noun, on its venue noun, or right after the phrase."""
    heads = [noun]
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "at"):
            for p in c.children:
                if p.dep_ == "pobj":
                    e = index.entity(p.i)
                    if e and index.type_of(e) in PLACE_TYPES:
                        return e
                    heads.append(p)  # "at the airport in Ankara"
    for h in heads[1:]:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "of"):
                for p in c.children:
                    e = index.entity(p.i) if p.dep_ == "pobj" else None
                    if e and index.type_of(e) in PLACE_TYPES:
                        return e
    # "on arrival at the main airport in Rabat" with "in Rabat" hung on the verb, right after the phrase
    end = max(t.i for t in noun.subtree) + 1
    if end < len(noun.doc) and noun.doc[end].lower_ == "in" and noun.doc[end].head == prep.head:
        for p in noun.doc[end].children:
            e = index.entity(p.i) if p.dep_ == "pobj" else None
            if e and index.type_of(e) in PLACE_TYPES:
                return e
    return None
