"""Lookups over ``relext.extract`` results shared by the entity tests."""
from __future__ import annotations

from typing import Dict, List, Set

import relext


def entities_of_type(nlp, text: str, type_: str) -> List:
    """The entities of ``type_`` ("EVENT", "ORGANISATION" ...) that relext finds in ``text``."""
    return [e for e in relext.extract(text, nlp=nlp).entities if e.type.value == type_]


def event_entities(nlp, text: str) -> List:
    """The EVENT entities of ``text``."""
    return entities_of_type(nlp, text, "EVENT")


def organisation_entities(nlp, text: str) -> List:
    """The ORGANISATION entities of ``text``."""
    return entities_of_type(nlp, text, "ORGANISATION")


def organisation_names(nlp, text: str) -> Set[str]:
    """The names of the ORGANISATION entities of ``text``."""
    return {e.name for e in organisation_entities(nlp, text)}


def forms(entity) -> Set[str]:
    """Every way ``entity`` is written: its mentions and its name."""
    return {m.text for m in entity.mentions} | {entity.name}


def mention_types(nlp, text: str) -> Dict[str, str]:
    """Each mention's text in ``text`` mapped to its entity's type."""
    return {m.text: e.type.value for e in relext.extract(text, nlp=nlp).entities for m in e.mentions}
