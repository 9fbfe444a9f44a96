"""Aircraft and ships named like bodies: "Air Force One landed at Lagos".

The model types a craft's name as an organisation, and the relation rules then make it
the traveller. A name that lands, touches (sets) down or takes off, or that someone is
aboard, names a craft: none of its mentions in the text is an organisation (one sense
per text). The verbs and prepositions are data (``craft_verbs``, ``craft_preps`` in
``relext/data/organisations_heads.yaml``).
"""
from __future__ import annotations

from typing import Dict, List, Set

from spacy.tokens import Doc

from ..gazetteer import read_data

_HEADS = read_data("organisations_heads.yaml")
CRAFT_VERBS: Dict[str, str] = dict(_HEADS.get("craft_verbs", {}))
CRAFT_PREPS = frozenset(_HEADS.get("craft_preps", ()))


def _is_craft(doc: Doc, start: int, end: int) -> bool:
    root = doc[start:end].root
    head = root.head
    if root.dep_ == "nsubj" and head.pos_ == "VERB" and head.lemma_.lower() in CRAFT_VERBS:
        particle = CRAFT_VERBS[head.lemma_.lower()]
        if particle:  # "set down", "touched down", "took off"
            return any(c.dep_ == "prt" and c.lower_ == particle for c in head.children)
        # "the Coast Guard landed troops", "X landed a contract": a body acting
        return not any(c.dep_ == "dobj" for c in head.children)
    return root.dep_ == "pobj" and head.lower_ in CRAFT_PREPS


def drop_crafts(doc: Doc, candidates: List[Dict]) -> List[Dict]:
    """``candidates`` without the organisations that name a craft anywhere in ``doc``."""
    crafts: Set[str] = {c["name"] for c in candidates if c["label"] == "ORGANISATION" and c.get("source") == "model"
                        and c["end"] - c["start"] > 1 and _is_craft(doc, c["start"], c["end"])}
    if not crafts:
        return candidates
    return [c for c in candidates if not (c["label"] == "ORGANISATION" and c["name"] in crafts)]
