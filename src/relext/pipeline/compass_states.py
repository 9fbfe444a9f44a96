""""The North" and "the South" for a divided country's two states.

News about a country split into a northern and a southern state (the Koreas) names each by
its half alone once the passage has named it: "two allies of the North", "the South's
president". For :mod:`relext.pipeline.canonical`, a capitalised "North" or "South" after
"the" (not the first word of a longer name, "the North Atlantic", nor a part of a country,
"the South of England") becomes the state "North <X>" / "South <X>" when both states of
that name exist and the passage names one of them ("North Korea", "South Korean"). "The
American South" (no "the" right before it) stays a place.

Example
-------
>>> compass_of("North")
'north'
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, List, Optional

from spacy.tokens import Doc

from ..gazetteer import country_names
from ._lookup import positions_in

COMPASS = {"North": "north", "South": "south"}


def compass_of(word: str) -> Optional[str]:
    """The half a capitalised compass word names, or None."""
    return COMPASS.get(word)


@lru_cache(maxsize=1)
def _pairs() -> Dict[str, Dict[str, str]]:
    """Country name after the compass word -> {"north": key, "south": key}, for names with
    both a northern and a southern state ("Korea")."""
    from ..gazetteer import country_entries

    halves: Dict[str, Dict[str, str]] = {}
    for e in country_entries():
        if e["type"] != "COUNTRY" or e["kind"] != "NAME" or e["attrs"].get("former"):
            continue
        first, _, rest = e["alias"].partition(" ")
        if first in COMPASS and rest and " " not in rest:
            halves.setdefault(rest, {})[COMPASS[first]] = e["key"]
    return {k: v for k, v in halves.items() if len(v) == 2}


def compass_states(doc: Doc, mentions: List[Dict]) -> List[Dict]:
    """Retype (or add) the mentions of "the North"/"the South" that stand for a state of a
    divided country the passage names; returns the mentions to add."""
    where = positions_in(doc, COMPASS, attr="ORTH")
    if not where:
        return []
    pairs = _pairs()
    named = {m["key"]: m for m in mentions if m["label"] == "COUNTRY" and m.get("key")}
    at = {i: m for m in mentions for i in range(m["start"], m["end"])}
    added: List[Dict] = []
    for i in where:
        tok = doc[i]
        half = compass_of(tok.text)
        if not half or i == 0 or doc[i - 1].lower_ != "the":
            continue
        if i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN" and doc[i + 1].text[:1].isupper():
            continue  # "the North Atlantic", "the South China Sea"
        m = at.get(i)
        if m is not None and (m["label"] != "LOCATION" or (m["start"], m["end"]) != (i, i + 1)):
            continue  # part of a longer name
        if i + 2 < len(doc) and doc[i + 1].lower_ == "of" and doc[i + 2].pos_ == "PROPN":
            continue  # "the South of England": a part of a country ("accused the South of spying" is not)
        for pair in pairs.values():
            if pair["north"] not in named and pair["south"] not in named:
                continue
            key = pair[half]
            iso3 = key.split(":", 1)[1]
            fields = dict(label="COUNTRY", key=key, name=country_names().get(iso3, doc[i].text), kind="METONYM",
                          attrs={"iso3": iso3})
            if m is not None:
                m.update(fields)
            else:
                added.append(dict(fields, start=i, end=i + 1, source="rule"))
            break
    return added
