"""Merging a one-word person name into the only multi-word person that shares it.

`_merge_map` gives the person ids of a graph state that become one node, and
``MERGE_SHORT_NAME``/``MERGE_KEPT`` are the reasons written to ``G.graph["merge_reasons"]``.
This module imports no spaCy.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Dict

from ._state import GraphState


#: why two person ids became one node (``G.graph["merge_reasons"]``); spellings of one
#: known person ("Sergei"/"Sergey Lavrov") already share an id at extraction, and their
#: node carries the actor table's ``actor`` and ``actor_name`` attributes
MERGE_SHORT_NAME = "a one-word name; the only person in the graph whose multi-word name has that word"
MERGE_KEPT = "merged in the graph this one updates"


def _merge_map(state: GraphState, merge_persons: bool) -> Dict[str, str]:
    merges = _merges(state) if merge_persons else {}
    merges.update({a: b for a, b in state.fixed_merges.items() if a in state.nodes and b in state.nodes})
    return merges


def _merges(state: GraphState) -> Dict[str, str]:
    """Single-token person id -> the only multi-token person sharing its first/last token."""
    singles, by_token = {}, defaultdict(set)
    for nid, per_doc in state.nodes.items():
        prefix, _, slug = nid.partition(":")
        types = Counter(rec.type for rec in per_doc.values())
        if prefix != "person" or not slug or types.most_common(1)[0][0] != "PERSON":
            continue
        tokens = [t for t in re.split(r"[-_\s]+", slug.lower()) if t]
        if len(tokens) == 1:
            singles[nid] = tokens[0]
        elif len(tokens) > 1:
            by_token[tokens[0]].add(nid)
            by_token[tokens[-1]].add(nid)
    return {nid: next(iter(by_token[tok])) for nid, tok in singles.items() if len(by_token.get(tok, ())) == 1}
