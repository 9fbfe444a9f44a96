"""Bodies named by their state alone, which the guidelines do not count as organisations.

The guidelines make a government, junta, regime or parliament named by its state ("Hungary's
parliament", "the Iranian regime", "Myanmar's junta") an alias of the COUNTRY, and count only
*named* organisations. The small English model often types such a phrase as one ORGANISATION
("Philippine Senate", "Chilean navy", "South Korean spy agency"); :func:`state_named_body`
recognises the two shapes so that :mod:`relext.pipeline.entities` drops the body and keeps the
state's own mention:

- a state's name or demonym and lower-case words only ("the Chilean navy", "a Japanese spy
  agency", "Nigerien junta"): a description, no name of its own;
- a state's name or demonym and one capitalised word for a seat of power that every state has
  once (``state_seats`` in ``organisations_heads.yaml``: "the Mexican Senate", "the Indian
  Parliament").

Not: a body with a name of its own after the demonym ("the Russian Orthodox Church", "the
British Council", "the Venezuelan National Intelligence Service"), nor any name the gazetteer
knows. Extend by adding words to ``state_seats``.
"""
from __future__ import annotations

from typing import Callable, Optional

from spacy.tokens import Doc

from ..gazetteer import read_data
from ._lookup import span_text

STATE_SEATS = frozenset(read_data("organisations_heads.yaml").get("state_seats", ()))


def state_named_body(doc: Doc, start: int, end: int, is_state: Callable[[str], bool]) -> Optional[str]:
    """Whether ``doc[start:end]`` is a body named only by its state, and how.

    Args:
        doc: the parsed text.
        start: first token of the ORGANISATION span (determiners already trimmed).
        end: one past its last token.
        is_state: whether a text is a COUNTRY's name or demonym in the gazetteer.

    Returns:
        ``"seat"`` where the last word is a seat of power ("Philippine Senate", "Mali's military
        junta"), ``"description"`` for other lower-case words ("Chilean navy", "South Korean spy
        agency"), None for a body with a name of its own ("Russian Orthodox Church", "British
        Council") and for spans that do not open with a state.
    """
    for k in (1, 2, 3):
        if start + k >= end:
            break
        if not is_state(span_text(doc, start, start + k)):
            continue
        rest = list(doc[start + k:end])
        if rest and rest[0].text in ("'s", "’s"):
            rest = rest[1:]
        if not rest:
            return None
        last = rest[-1]
        if all(t.is_lower and (t.is_alpha or t.text == "-") for t in rest):
            return "seat" if last.lower_ in STATE_SEATS else "description"
        if len(rest) == 1 and last.is_title and last.lower_ in STATE_SEATS:
            return "seat"
        return None
    return None
