"""Parties named by a common adjective keep the word "party": "the Democratic party
veteran", "a Labour party official" name the Democratic Party and the Labour Party; the
adjective alone ("Democratic") is no name. A party with a name of its own keeps the name
without the common noun ("the governing Fidesz party" is Fidesz).
"""
from __future__ import annotations

from typing import List, Tuple

from spacy.tokens import Doc
from ..gazetteer import read_data

# word lists: relext/data/words/generic_parties.yaml
_WORDS = read_data("words/generic_parties.yaml")

PARTY_ADJECTIVES = frozenset(_WORDS["party_adjectives"])


def with_party_word(doc: Doc, spans: List[Tuple[int, int]]) -> List[Tuple[int, int]]:
    """Each party span; one made only of common adjectives takes the following "party"."""
    out = []
    for s, e in spans:
        if e < len(doc) and doc[e].lower_ == "party" and all(t.lower_ in PARTY_ADJECTIVES for t in doc[s:e]):
            e += 1
        out.append((s, e))
    return out
