"""W3C Web Annotation selectors for evidence, and finding their words again.

Each evidence item carries, for the sentence, the trigger and both arguments, a
TextQuoteSelector (``exact``, ``prefix``, ``suffix``) and a TextPositionSelector
(``start``, ``end``) as defined by the W3C Web Annotation Data Model
(https://www.w3.org/TR/annotation-model/#selectors). `anchor()` finds the words
again in a text: at the position when the words are still there, else by the quote
(the occurrence whose context matches best, nearest the old position).

Example
-------
>>> text = "Putin met Xi in Beijing."
>>> sel = text_selector(text, 10, 12)
>>> (sel["exact"], sel["prefix"], sel["suffix"])
('Xi', 'Putin met ', ' in Beijing.')
>>> anchor("Yesterday " + text, sel)
(20, 22)
"""
from __future__ import annotations

from typing import Dict, List, Mapping, Optional, Sequence, Tuple

__all__ = ["CONTEXT_CHARS", "text_selector", "argument_mention", "anchor"]

#: Characters of prefix and suffix kept around the exact quote.
CONTEXT_CHARS = 32


def text_selector(text: str, start: int, end: int, *, offset: int = 0, context: int = CONTEXT_CHARS) -> Dict:
    """Quote and position selectors for ``text[start:end]``.

    Args:
        text: the text the offsets refer to (a whole document, or one chunk of it).
        start: start of the words in ``text``.
        end: end of the words in ``text``.
        offset: where ``text`` begins in the document (chunked documents).
        context: characters of prefix and suffix.

    Returns:
        ``{"exact", "prefix", "suffix", "start", "end"}`` with document offsets.

    Raises:
        ValueError: if the span is not inside ``text``.
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}:{end} is not inside a text of {len(text)} characters")
    return {"exact": text[start:end], "prefix": text[max(0, start - context):start],
            "suffix": text[end:end + context], "start": start + offset, "end": end + offset}


def argument_mention(mentions: Sequence[Mapping], sent_start: int, sent_end: int,
                     trigger_start: int) -> Tuple[Optional[Mapping], bool]:
    """The mention of an argument entity a relation is read from.

    The mention nearest the trigger inside the sentence; without one there (a
    coreference across sentences, an implied object), the nearest one before the
    sentence, else the nearest after it.

    Args:
        mentions: the entity's mentions, each with ``start_char`` and ``end_char``.
        sent_start: start of the evidence sentence.
        sent_end: end of the evidence sentence.
        trigger_start: start of the trigger.

    Returns:
        ``(mention, in_sentence)``; ``(None, False)`` for an entity with no mention.

    Examples:
        >>> m = [{"start_char": 0, "end_char": 5}, {"start_char": 40, "end_char": 45}]
        >>> argument_mention(m, 30, 60, 50)
        ({'start_char': 40, 'end_char': 45}, True)
    """
    inside = [m for m in mentions if m["start_char"] >= sent_start and m["end_char"] <= sent_end]
    if inside:
        return min(inside, key=lambda m: (abs(m["start_char"] - trigger_start), m["start_char"])), True
    before = [m for m in mentions if m["end_char"] <= sent_start]
    if before:
        return max(before, key=lambda m: m["start_char"]), False
    after = [m for m in mentions if m["start_char"] >= sent_end]
    if after:
        return min(after, key=lambda m: m["start_char"]), False
    return None, False


def _context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """How many characters of prefix (backwards) and suffix (forwards) match around a hit."""
    n = 0
    for a, b in zip(reversed(text[max(0, start - len(prefix)):start]), reversed(prefix)):
        if a != b:
            break
        n += 1
    for a, b in zip(text[end:end + len(suffix)], suffix):
        if a != b:
            break
        n += 1
    return n


def anchor(text: str, selector: Mapping) -> Optional[Tuple[int, int]]:
    """Find a selector's words in a text.

    Args:
        text: the document text, possibly changed since the selector was made.
        selector: a dict (or model dump) with ``exact``, ``prefix``, ``suffix`` and
            optionally ``start`` and ``end``.

    Returns:
        ``(start, end)`` of the words in ``text``, or ``None`` if the quote is not there.
        The position is used when it still holds the exact quote; otherwise the
        occurrence of the quote whose prefix and suffix match most, then nearest the
        old position.
    """
    exact = selector["exact"]
    start, end = selector.get("start"), selector.get("end")
    if start is not None and end is not None and text[start:end] == exact:
        return start, end
    if not exact:
        return None
    hits: List[int] = []
    i = text.find(exact)
    while i != -1:
        hits.append(i)
        i = text.find(exact, i + 1)
    if not hits:
        return None
    prefix, suffix = selector.get("prefix", ""), selector.get("suffix", "")
    hint = start if start is not None else 0
    best = max(hits, key=lambda h: (_context_score(text, h, h + len(exact), prefix, suffix), -abs(h - hint)))
    return best, best + len(exact)
