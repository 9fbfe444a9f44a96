"""Split long texts on paragraph and sentence boundaries, so that one document's cost is bounded.

The pipeline never sees more than `chunk_limit()` characters at once: the
model's ``max_length``, but at most `MAX_CHUNK_CHARS`. spaCy's parser and
relext's document-level rules cost more than linear time and memory in the length of
one ``Doc``, so a long document is processed as a series of chunks of bounded size:
memory stays bounded and time grows linearly with the length (see
``docs/guarantees.md`` for the measurements). Relations and coreference do not cross
chunk boundaries.

Offsets are kept: every chunk comes with the character offset at which it starts in the
original text, so ``text[offset:offset + len(chunk)] == chunk``.

Example
-------
>>> chunk_text("One. Two.\\n\\nThree.", max_chars=12)
[(0, 'One. Two.\\n\\n'), (11, 'Three.')]
"""
from __future__ import annotations

import re
from typing import List, Tuple

#: The longest text sent to the pipeline at once, in characters.
MAX_CHUNK_CHARS = 100_000

_PARA = re.compile(r"\n\s*\n")
_SENT = re.compile(r"(?<=[.!?。])[\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


def _pieces(text: str, pattern: "re.Pattern[str]") -> List[str]:
    out, start = [], 0
    for m in pattern.finditer(text):
        out.append(text[start:m.end()])
        start = m.end()
    if start < len(text):
        out.append(text[start:])
    return out


def _split_piece(piece: str, max_chars: int) -> List[str]:
    if len(piece) <= max_chars:
        return [piece]
    out: List[str] = []
    for sent in _pieces(piece, _SENT):
        if len(sent) <= max_chars:
            out.append(sent)
            continue
        # a "sentence" longer than the limit: cut at whitespace, else hard
        for word in _pieces(sent, _SPACE):
            while len(word) > max_chars:
                out.append(word[:max_chars])
                word = word[max_chars:]
            out.append(word)
    return out


def chunk_limit(max_length: int) -> int:
    """The largest chunk for a pipeline of this ``max_length``: ``min(max_length, MAX_CHUNK_CHARS)``.

    >>> chunk_limit(1_000_000), chunk_limit(3000)
    (100000, 3000)
    """
    return min(int(max_length), MAX_CHUNK_CHARS)


def chunk_text(text: str, max_chars: int) -> List[Tuple[int, str]]:
    """Split ``text`` into chunks of at most ``max_chars`` characters.

    Chunks end at paragraph breaks where possible, then at sentence ends, then at
    whitespace; a single unbroken run longer than ``max_chars`` is cut hard.

    Args:
        text: the text to split.
        max_chars: the largest chunk, e.g. ``nlp.max_length``.

    Returns:
        A list of ``(offset, chunk)`` pairs covering the whole text in order.
    """
    if max_chars < 1:
        raise ValueError("max_chars must be at least 1")
    if len(text) <= max_chars:
        return [(0, text)] if text else []
    units: List[str] = []
    for para in _pieces(text, _PARA):
        units.extend(_split_piece(para, max_chars))
    chunks: List[Tuple[int, str]] = []
    buf, buf_start, pos = "", 0, 0
    for unit in units:
        if buf and len(buf) + len(unit) > max_chars:
            chunks.append((buf_start, buf))
            buf, buf_start = "", pos
        buf += unit
        pos += len(unit)
    if buf:
        chunks.append((buf_start, buf))
    return chunks
