"""The state a visited place lies in, when the text names it with the place.

"Xi reached the Peruvian Pacific port of Chancay", "Lula landed in the Chinese city of
Shanghai": a visit of the place described as "the <demonym> <place noun> of X" is also a
visit of the demonym's state (the text says where the place is). Only positive visits, and
only a demonym or state name modifying the place noun itself ("the port of Vladivostok"
alone names no state).
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc

from .records import record
from ..gazetteer import read_data

# word lists: relext/data/words/visit_places.yaml
_WORDS = read_data("words/visit_places.yaml")

PLACE_NOUNS = frozenset(_WORDS["place_nouns"])


def visited_states(doc: Doc, index, records: List[Dict]) -> List[Dict]:
    """VISITS of the state named with a visited place ("the Russian port of X")."""
    out: List[Dict] = []
    for r in records:
        if r["predicate"] != "VISITS" or r["negated"] or index.type_of(r["object"]) != "LOCATION":
            continue
        start, end = r["evidence"]["start_char"], r["evidence"]["end_char"]
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            if index.entity(tok.i) != r["object"] or tok.dep_ != "pobj" or tok.head.lower_ != "of":
                continue
            noun = tok.head.head
            if noun.lemma_.lower() not in PLACE_NOUNS:
                continue
            mods = [c for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod")]
            # "the Russian Pacific port of X": the demonym may hang on a modifier of the noun
            mods += [g for c in mods for g in c.lefts if g.dep_ in ("amod", "compound", "nmod")]
            states = {index.entity(c.i) for c in mods} - {None}
            states = [s for s in states if index.type_of(s) == "COUNTRY" and s != r["subject"]]
            trigger = next((t for t in span if t.idx == r["evidence"]["trigger_start"]), noun)
            for s in states:
                out.append(record(trigger, r["subject"], "VISITS", s, rule_id="VISITS:state-of-the-place",
                                  modality=r["modality"], source=r["source"]))
            break
    return out
