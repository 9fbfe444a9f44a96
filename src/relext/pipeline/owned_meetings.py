"""A body's meeting named by its owner: "ASEAN's gathering", "the group's gathering in Bali",
"the bloc's summit", "the summit of this organization".

News names a meeting of a body by the body, written as a possessor or an "of" object, and
often by a description of the body ("the group", "the bloc", "this organization") once the
body has been named. Such a phrase names one event as surely as "the BRICS summit" does, so
it is an EVENT named "<body> <meeting noun>" ("BRICS gathering", "G20 summit"); the
description is the body named last before it. The written-out forms ("group's gathering in
Bali") are added by :mod:`relext.pipeline.event_forms` like any event's.

Not such a meeting: a plural or indefinite noun ("the bloc's summits", "a group's
meeting"), a noun already inside an event's or a body's name, a noun some named event of
the text ends in ("the Kuala Lumpur summit ... the bloc's summit" is one event, left to
descriptions), a description with no known
body named before it, a possessor that is a person or a state ("Lula's meeting" is no
body's meeting). The meeting nouns and the description words are data (``owned_meetings``
in ``relext/data/events.yaml``).
"""
from __future__ import annotations

from typing import Dict, Iterable, List, Optional, Tuple

from spacy.tokens import Doc, Token

from ._lookup import positions_in


def owned_meetings(doc: Doc, cands: List[Tuple[int, Dict]], heads: Iterable[str],
                   body_words: Iterable[str]) -> List[Tuple[int, Dict]]:
    """EVENT candidates over a meeting noun whose owner is a body named in ``cands``.

    Args:
        doc: a parsed Doc.
        cands: ``(priority, candidate)`` pairs found so far (bodies and events among them).
        heads: lower-case meeting nouns ("summit", "gathering").
        body_words: lower-case words that describe a body ("group", "bloc").

    Returns:
        ``(priority, candidate)`` pairs for the new events.
    """
    heads, body_words = frozenset(heads), frozenset(body_words)
    taken = {i for _, c in cands for i in range(c["start"], c["end"])}
    bodies = sorted(((c["start"], c["end"], c["name"]) for _, c in cands
                     if c["label"] == "ORGANISATION" and c.get("key")), key=lambda b: b[0])
    body_at = {i: name for s, e, name in bodies for i in range(s, e)}
    # a meeting noun some named event of the text already ends in: "the bloc's summit" is then
    # that event ("the Kuala Lumpur summit"), which descriptions resolve
    named_heads = {doc[c["end"] - 1].lower_ for _, c in cands if c["label"] == "EVENT"}
    out = []
    for i in positions_in(doc, heads):
        tok = doc[i]
        if tok.tag_ != "NN" or tok.i in taken or tok.lower_ in named_heads:
            continue
        owner = _owner(tok, body_at, bodies, body_words)
        if owner is None:
            continue
        out.append((5, {"start": tok.i, "end": tok.i + 1, "label": "EVENT", "key": None,
                        "name": f"{owner} {tok.lower_}", "kind": "NAME",
                        "attrs": {"family": "summit", "named_for": f"{owner} {tok.lower_}"}, "source": "parse"}))
    return out


def _owner(tok: Token, body_at: Dict[int, str], bodies: List[Tuple[int, int, str]],
           body_words: frozenset) -> Optional[str]:
    """The body that holds the meeting ``tok`` names, or None."""
    owners = [c for c in tok.children if c.dep_ == "poss"]
    if not owners and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        owners = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                  for o in p.children if o.dep_ == "pobj"]
    if len(owners) != 1:
        return None
    owner = owners[0]
    if owner.i in body_at:
        return body_at[owner.i]
    if owner.lower_ in body_words and owner.tag_ == "NN" \
            and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in owner.children):
        before = [name for s, e, name in bodies if e <= owner.i]
        return before[-1] if before else None
    return None
