"""Lookups over the entity groups of :mod:`relext.pipeline.canonical`: sentence of each
token, tokens taken, entity at a token, a country's name.
"""
from __future__ import annotations

from typing import Dict, List, Tuple

from spacy.tokens import Doc


def _sentence_index(doc: Doc) -> List[int]:
    out = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            out[i] = n
    return out


def _country_name(doc: Doc, iso3: str, m: Dict) -> str:
    """The country's canonical name in the gazetteer ("Russia", not "Russian Federation")."""
    from ..gazetteer import country_names

    return country_names().get(iso3, iso3)


def _taken_tokens(groups: Dict[str, Dict]) -> set:
    return {i for g in groups.values() for mm in g["mentions"] for i in range(mm["start"], mm["end"])}


def _entity_at(groups: Dict[str, Dict]) -> Dict[int, Tuple[str, str]]:
    out = {}
    for g in groups.values():
        for mm in g["mentions"]:
            for i in range(mm["start"], mm["end"]):
                out[i] = (g["id"], g["type"])
    return out


def _anchor_tokens(groups, anchor: str) -> set:
    return {i for mm in groups[anchor]["mentions"] for i in range(mm["start"], mm["end"])}
