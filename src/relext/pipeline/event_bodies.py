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
from typing import Dict, List

from spacy.tokens import Doc

from ..gazetteer import organisation_entries
from .events import _aliases_by_body


@lru_cache(maxsize=1)
def _body_names() -> Dict[str, str]:
    """Body key (without its prefix) -> canonical name, for bodies that are not a state's own
    institutions nor forums that exist only as their summits ("the G20 summit" names an
    event; ``meets`` in organisations.yaml)."""
    return {e["key"].split(":", 1)[1]: e["name"] for e in organisation_entries()
            if not e["attrs"].get("country") and not e["attrs"].get("meets")}


def bodies_in_events(doc: Doc, groups: Dict[str, Dict], order: List[str], sent_of: List[int]) -> None:
    """Add the body of each ``event:<body>-summit`` group, with a mention where the
    event's name spells one of the body's aliases."""
    names = _body_names()
    for g in [g for g in groups.values() if g["type"] == "EVENT" and g["id"].endswith("-summit")]:
        body = g["id"][len("event:"):-len("-summit")]
        if body not in names:
            continue
        aliases = sorted(set(_aliases_by_body().get(body, ())), key=len, reverse=True)
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in aliases) + r")(?![\w-])") if aliases else None
        key = f"organisation:{body}"
        for mm in list(g["mentions"]):
            if mm["kind"] != "NAME" or pattern is None:
                continue
            span = doc[mm["start"]:mm["end"]]
            found = pattern.search(span.text)
            if not found or " " not in found.group(0):
                continue  # the body's full name only: "the ASEAN summit", "the UN climate summit" name the event
            inner = doc.char_span(span.start_char + found.start(), span.start_char + found.end())
            if inner is None:
                continue
            if key not in groups:
                groups[key] = {"id": key, "name": names[body], "type": "ORGANISATION", "attributes": {}, "mentions": []}
                order.append(key)
            target = groups[key]
            if any(m["start"] == inner.start and m["end"] == inner.end for m in target["mentions"]):
                continue
            target["mentions"].append({"text": inner.text, "start_char": inner.start_char, "end_char": inner.end_char,
                                       "start": inner.start, "end": inner.end, "kind": "DESCRIPTION",
                                       "sentence": sent_of[inner.start]})
