"""Names of companies right after a lower-case noun for one ("the Russian company Gazprom",
"the mining company Glencore", "the Turkish drone maker Baykar"): the model often leaves
such a name untagged or types it a person (organisations_heads.yaml ``company_nouns``).

A run of one to three capitalised proper nouns directly after such a noun is an
ORGANISATION, unless a word of it is known to the gazetteer or a known person (``taken``),
is an office title ("the company CEO Tim Cook": ``titles``), or, for a one-word name, is an
English word ("the company Tuesday said", "the group Friday"). Near misses: "the company
said", "the group's leader", "the Chinese company" (no name after the noun).
"""
from __future__ import annotations

from typing import Iterable, List, Set, Tuple

from spacy.tokens import Doc

from ..gazetteer import read_data
from ._lookup import positions_in

COMPANY_NOUNS = frozenset(read_data("organisations_heads.yaml").get("company_nouns", ()))


def names_after_company_nouns(doc: Doc, taken: Set[int], titles: Iterable[str], common_words) -> List[Tuple[int, int]]:
    """Token spans of names after company nouns (see the module)."""
    titles = set(titles)
    out = []
    for i in positions_in(doc, COMPANY_NOUNS):
        tok = doc[i]
        if not (tok.is_lower and tok.pos_ == "NOUN") or tok.i + 1 >= len(doc):
            continue
        if tok.i > 0 and doc[tok.i - 1].text in ("'s", "’s"):
            continue  # "Russia's group", a possessive before the noun is fine, but not "the group's X"
        j = tok.i + 1
        while j < len(doc) and j - tok.i <= 4 and doc[j].pos_ == "PROPN" and doc[j].is_alpha \
                and (doc[j].is_title or doc[j].is_upper and len(doc[j]) > 1) and doc[j].lower_ not in titles \
                and j not in taken:
            j += 1
        start, end = tok.i + 1, j
        if not 1 <= end - start <= 3:
            continue
        if end < len(doc) and (doc[end].i in taken or doc[end].is_title and doc[end].pos_ == "PROPN"):
            continue  # the name goes on into something else
        words = doc[start:end]
        if all(t.lower_ in common_words for t in words) or end - start == 1 and words[0].lower_ in common_words:
            continue
        out.append((start, end))
    return out
