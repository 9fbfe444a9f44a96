"""Bodies named inside the name of their own meeting.

"the NATO summit", "the 15th BRICS summit", "the summit of the Pacific Alliance":
the organisation is named there too (the gold sets list it as an ORGANISATION beside the
EVENT), and a passage that names it nowhere else still describes it later ("the bloc",
"the alliance", "the movement", "a member since 1952"). The summit's key already says
whose summit it is (``event:<body>-summit``, `events._summit_id`); here the body gets an
entity of its own with a mention inside the event's span, kept as a DESCRIPTION: it ranks
below the event's name, so the tokens stay the event's for the relation rules, while the
descriptions that follow can resolve to the body.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, List, Set

from spacy.tokens import Doc

from ..gazetteer import organisation_entries, read_data
from .events import _aliases_by_body

# word lists: relext/data/words/event_bodies.yaml
_WORDS = read_data("words/event_bodies.yaml")


@lru_cache(maxsize=1)
def _meeting_bodies() -> Dict[str, str]:
    """Body key -> name for the forums that exist mostly as their summits (``meets``): the
    G20, BRICS. Their acronym in a summit's name becomes the body only where a body
    description follows ("The BRICS summit opened. Egypt joined the bloc in 2024.")."""
    return {e["key"].split(":", 1)[1]: e["name"] for e in organisation_entries()
            if not e["attrs"].get("country") and e["attrs"].get("meets")}


@lru_cache(maxsize=1)
def _body_names() -> Dict[str, str]:
    """Body key (without its prefix) -> canonical name, for bodies that are not a state's own
    institutions nor forums that exist only as their summits ("the G20 summit" names an
    event; ``meets`` in organisations.yaml)."""
    return {e["key"].split(":", 1)[1]: e["name"] for e in organisation_entries()
            if not e["attrs"].get("country") and not e["attrs"].get("meets")}


# heads of the descriptions that can refer back to a body named only by its acronym inside
# its meeting's name ("The NATO summit opened. Finland joined the alliance in 2023.")
BODY_DESCRIPTION_HEADS = frozenset(_WORDS["body_description_heads"])


def _described_later(doc: Doc, end: int) -> bool:
    """Whether a body description ("the bloc", "the alliance's members") follows token
    ``end``: only then is an acronym inside an event's name taken as the body too."""
    for t in doc[end:]:
        if t.lower_ in BODY_DESCRIPTION_HEADS and t.pos_ in ("NOUN", "PROPN") and t.tag_ in ("NN", "NNP") \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
            return True
    return False


def _other_bodies(groups: Dict[str, Dict], key: str) -> bool:
    """Whether the passage names another body (not a state's own institution) by name: "the
    bloc" may then mean that one, so an acronym inside a summit's name is not taken."""
    return any(g["type"] == "ORGANISATION" and g["id"] != key and not g["attributes"].get("country")
               and any(mm["kind"] == "NAME" for mm in g["mentions"]) for g in groups.values())


def bodies_in_events(doc: Doc, groups: Dict[str, Dict], order: List[str], sent_of: List[int]) -> Set[str]:
    """Add the body of each ``event:<body>-summit`` group, with a mention where the
    event's name spells one of the body's aliases: its full name always, its acronym
    ("the NATO summit") only when a body description follows. Returns the keys of the
    bodies added from an acronym alone (`drop_undescribed` removes those that no
    description took)."""
    names = _body_names()
    lazy: Set[str] = set()
    for g in [g for g in groups.values() if g["type"] == "EVENT" and g["id"].endswith("-summit")]:
        body = g["id"][len("event:"):-len("-summit")]
        meeting_only = body in _meeting_bodies()
        if body not in names and not meeting_only:
            continue
        aliases = sorted(set(_aliases_by_body().get(body, ())), key=len, reverse=True)
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in aliases) + r")(?![\w-])") if aliases else None
        key = f"organisation:{body}"
        for mm in list(g["mentions"]):
            if mm["kind"] != "NAME" or pattern is None:
                continue
            span = doc[mm["start"]:mm["end"]]
            found = pattern.search(span.text)
            if not found:
                continue
            acronym = " " not in found.group(0)
            if (acronym or meeting_only) and (key in groups and key not in lazy or not _described_later(doc, mm["end"])
                                              or _other_bodies(groups, key)):
                continue  # "the ASEAN summit", "the UN climate summit" name the event, unless "the bloc" follows
            inner = doc.char_span(span.start_char + found.start(), span.start_char + found.end())
            if inner is None:
                continue
            if key not in groups:
                groups[key] = {"id": key, "name": names.get(body) or _meeting_bodies()[body], "type": "ORGANISATION", "attributes": {}, "mentions": []}
                order.append(key)
                if acronym or meeting_only:
                    lazy.add(key)
            target = groups[key]
            if any(m["start"] == inner.start and m["end"] == inner.end for m in target["mentions"]):
                continue
            target["mentions"].append({"text": inner.text, "start_char": inner.start_char, "end_char": inner.end_char,
                                       "start": inner.start, "end": inner.end, "kind": "DESCRIPTION",
                                       "sentence": sent_of[inner.start]})
    return lazy


def drop_undescribed(groups: Dict[str, Dict], order: List[str], lazy: Set[str]) -> None:
    """Remove the bodies `bodies_in_events` added from an acronym when no description
    resolved to them: their only mentions are the ones inside the event's name."""
    events = [(mm["start"], mm["end"]) for g in groups.values() if g["type"] == "EVENT" for mm in g["mentions"]]
    for key in lazy:
        g = groups.get(key)
        if g is not None and all(any(s <= mm["start"] and mm["end"] <= e for s, e in events) for mm in g["mentions"]):
            del groups[key]
            order.remove(key)
