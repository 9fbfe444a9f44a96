"""A leader's administration where the model found no person: "Trump administration
officials said ..." at the start of a sentence, where the tagger reads the surname as a
common noun. The guidelines make a government named after its leader an ORGANISATION.

A capitalised word right before a lower-case "administration" (or "regime", "junta") is
such a name when the same text names a person ending in that word ("President Donald
Trump"), so "the Kenya administration", "Federal administration" or an unknown capitalised
word are left alone.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator, Tuple

from spacy.tokens import Doc

from ._lookup import doc_text

_SHAPE = re.compile(r"(?<![\w-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:'s|’s)? (administration|regime|junta)\b")


def leader_administrations(doc: Doc, surnames: Iterable[str]) -> Iterator[Tuple[int, int]]:
    """Token spans ``(start, end)`` of "<surname> administration" names."""
    known = set(surnames)
    if not known:
        return
    text = doc_text(doc)
    if not any(w in text for w in ("administration", "regime", "junta")):
        return
    for m in _SHAPE.finditer(text):
        if m.group(1) not in known:
            continue
        span = doc.char_span(m.start(), m.end())
        if span is not None and span[-1].tag_ in ("NN", "NNP"):
            yield span.start, span.end
