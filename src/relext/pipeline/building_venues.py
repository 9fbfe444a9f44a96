"""Buildings the model types as bodies: "the talks took place at Lancaster House", "the
leaders spoke at the Union Buildings", "the summit at Schloss Elmau" (a residence or hall
named by a capitalised common noun, place_names.yaml ``building_heads`` and ``building_leads``).

Such a name is a LOCATION where it is the object of a locative preposition
(``building_preps``) that a verb governs. Near misses: the name acting as the subject of a
verb ("State House said", a presidency speaking), "according to Freedom House" (no locative
preposition), "a report by Chatham House", a noun governing the preposition ("researchers
at Chatham House"), and names a gazetteer knows (the White House, decided by the caller).
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..gazetteer import read_data

_DATA = read_data("place_names.yaml")
BUILDING_HEADS = frozenset(_DATA.get("building_heads", ()))
BUILDING_LEADS = frozenset(_DATA.get("building_leads", ()))
BUILDING_PREPS = frozenset(_DATA.get("building_preps", ()))


def building_venue(doc: Doc, start: int, end: int) -> bool:
    """True if ``doc[start:end]`` is a building's name used as a place (see the module)."""
    if end - start < 2 or not all(t.is_title or not t.is_alpha for t in (doc[start], doc[end - 1])):
        return False
    shaped = doc[end - 1].lower_ in BUILDING_HEADS and doc[end - 1].is_title \
        or doc[start].lower_ in BUILDING_LEADS and doc[start].is_title
    if not shaped:
        return False
    root = doc[start:end].root
    if root.dep_ != "pobj" or root.head.lower_ not in BUILDING_PREPS:
        return False
    return root.head.head.pos_ in ("VERB", "AUX")
