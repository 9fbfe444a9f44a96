"""A body's numbered session is an event: "the 61st General Assembly of the Andean
Parliament", "the 52nd General Assembly", "the Third Plenum".

The model and the gazetteer name the body ("General Assembly of the ...", "General Assembly");
an ordinal before it makes the phrase one sitting of that body, a named EVENT whose name
keeps the ordinal (guidelines: an edition named with its number, like "the 20th Party
Congress"). Only capitalised heads listed as `numbered_body_heads` in `events.yaml`
("assembly", "plenum"); the ordinal must follow "the" or a possessive ("the OAS's 39th
General Assembly"); a year is no ordinal here ("the 2023 General Assembly" stays as found).
"""
from __future__ import annotations

import re
from typing import Dict, Iterable, List, Tuple

from spacy.tokens import Doc

from ._lookup import span_text
from .named_heads import WORD_ORDINAL

_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.I)


def numbered_sessions(doc: Doc, cands: List[Tuple[int, Dict]], heads: Iterable[str]) -> List[Tuple[int, Dict]]:
    """EVENT candidates over "<ordinal> <body>" for the body candidates ``cands`` holds (the
    originals stay; the longer span wins where they overlap)."""
    heads = frozenset(heads)
    out, seen = [], set()
    for _, c in cands:
        s, e = c["start"], c["end"]
        if c["label"] != "ORGANISATION" or s < 2 or (s, e) in seen:
            continue
        root = doc[s:e].root
        prev = doc[s - 1]
        if not (root.is_title and root.lower_ in heads):
            continue
        if not (_ORDINAL.match(prev.text) or WORD_ORDINAL.match(prev.text.lower())):
            continue
        if doc[s - 2].lower_ not in ("the", "'s", "’s"):
            continue
        seen.add((s, e))
        out.append((5, {"start": s - 1, "end": e, "label": "EVENT", "key": None, "name": span_text(doc, s - 1, e),
                        "kind": "NAME", "attrs": {}, "source": "parse"}))
    return out
