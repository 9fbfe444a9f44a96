"""ATTENDS of a party that a reduced apposition puts in a place for a named event.

"X, in Hiroshima for the G7 summit, said ...", "Y, in Lima for the inauguration, met Z": the
phrase "in <place> for <event>" hung on the name says the party is there for the event, so it
attends it (as "X is in Lima for the summit" does, `presence._present_at_venue`). The event
must be named (or described, "for the summit", as a mention of one) after "for"; "X, in Lima
for talks" (no event) and "X, in Lima for a week" are none; a place that is no named place
("in office for a decade") neither.

Example:
    >>> import relext
    >>> text = ("The Lusaka Summit opened on Monday. Kenyan President William Ruto, in Lusaka "
    ...         "for the summit, said trade was key.")
    >>> [r.subject for r in relext.extract(text).relations if r.predicate == "ATTENDS"]
    ['person:william-ruto']
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc

from .records import record

PLACE_TYPES = ("LOCATION", "COUNTRY")
PARTY_TYPES = ("PERSON", "COUNTRY", "ORGANISATION")


def placed_for_events(doc: Doc, index, args, modality) -> List[Dict]:
    """ATTENDS records of "X, in <place> for <event>," appositions."""
    if not any(t == "EVENT" for t in index.types.values()):
        return []
    out: List[Dict] = []
    for tok in doc:
        if tok.dep_ != "prep" or tok.lower_ != "in" or tok.head.pos_ != "PROPN":
            continue
        party = index.entity(tok.head.i)
        if not party or index.type_of(party) not in PARTY_TYPES or index.kind_by_token.get(tok.head.i) == "PRONOUN":
            continue
        if not (tok.i > 0 and doc[tok.i - 1].text == ","):
            continue  # set off by a comma: "X, in Lima for ...", not a name's own "of/in" part
        for place in (p for p in tok.children if p.dep_ == "pobj"):
            pe = index.entity(place.i)
            if not pe or index.type_of(pe) not in PLACE_TYPES:
                continue
            events = [e for f in place.children if f.dep_ == "prep" and f.lower_ == "for"
                      for p in f.children if p.dep_ == "pobj" for e in [index.entity(p.i)]
                      if e and index.type_of(e) == "EVENT"]
            for ev in dict.fromkeys(events):
                if ev != party:
                    mod, source = modality.modality(tok.head, args, "ATTENDS")
                    out.append(record(tok, party, "ATTENDS", ev, rule_id="ATTENDS:in-place-for-event",
                                      modality=mod, source=source))
    return out
