""""The Government of Sudan": a government named by its state is that COUNTRY.

The guidelines make "a government named by its country" an alias of the COUNTRY; written
with a capital G after the model has typed it a body ("the Government of Canada imposed
sanctions"), the whole name is retyped here, for :mod:`relext.pipeline.canonical`.
A government named otherwise ("the Biden administration", "the Government of National
Unity", "the Government Accountability Office") stays what it was.

Example
-------
>>> state_of_government("Government of the Philippines")
'country:PHL'
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, Optional

from spacy.tokens import Doc
from ..gazetteer import read_data

# word lists: relext/data/words/state_governments.yaml
_WORDS = read_data("words/state_governments.yaml")

GOVERNMENT_WORDS = tuple(_WORDS["government_words"])
_SHAPE = re.compile(r"^(?:the\s+)?(?:%s)\s+of\s+(?:the\s+)?(.+)$" % "|".join(GOVERNMENT_WORDS))


@lru_cache(maxsize=1)
def _states() -> Dict[str, Dict]:
    """Every name of a state (not demonyms) -> its gazetteer entry."""
    from ..gazetteer import country_entries

    out: Dict[str, Dict] = {}
    for e in country_entries():
        if e["type"] == "COUNTRY" and e["kind"] == "NAME":
            out.setdefault(re.sub(r"^the\s+", "", e["alias"]), e)
    return out


def state_of_government(text: str) -> Optional[str]:
    """The key of the state "Government of <state>" names, or None."""
    found = _SHAPE.match(text.strip())
    entry = _states().get(found.group(1)) if found else None
    return entry["key"] if entry else None


def retype_government(doc: Doc, m: Dict) -> None:
    """An ORGANISATION mention "the Government of <state>" becomes that COUNTRY."""
    if m["label"] != "ORGANISATION" or "of" not in m["name"]:
        return
    key = state_of_government(m["name"])
    if key is None:
        return
    entry = next(e for e in _states().values() if e["key"] == key)
    m.update(label="COUNTRY", key=key, name=entry["name"], kind="METONYM", attrs=dict(entry["attrs"]))
