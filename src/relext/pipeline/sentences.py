"""``relext_sentences``: sentence starts at line breaks, set before the parser.

News text scraped from the web runs headlines, bylines and captions into the body
with nothing but line breaks between them; the parser would then join a headline to
the first sentence and read "Putin Assures Xi ... Vladimir Putin, the President of
Russia, vowed ..." as one clause. This component marks the first token after a line
break as a sentence start (the parser keeps preset starts), unless the next line
continues in lower case, as hard-wrapped text does. A dateline ("WOODSIDE, Calif. ―",
"MOSCOW (Reuters) -") is cut off from the sentence it opens.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ._lookup import line_breaks

DASHES = {"-", "—", "―", "–", "--", ":"}


def _dateline_end(doc: Doc, start: int) -> int:
    """The index after the dash of a dateline opening a line ("WOODSIDE, Calif. ―",
    "MOSCOW (Reuters) -"), or -1."""
    caps = False
    for i in range(start, min(len(doc), start + 10)):
        tok = doc[i]
        if tok.text in DASHES:
            return i + 1 if caps and i > start else -1
        if tok.is_upper and len(tok.text) > 1 and tok.is_alpha:
            caps = True
        elif not (tok.is_punct or tok.is_title or tok.text.endswith(".") or tok.is_space):
            return -1
    return -1


def _wrapped(doc: Doc, start: int, nxt: int) -> bool:
    """Whether the line from ``start`` runs on into the line at ``nxt`` (hard-wrapped
    prose: "... which is led by Supreme Leader\nAyatollah X, hit back"): one line break,
    a line of running prose (at least eight words, mostly lower case) that opened a sentence
    and ends on a word, not on the punctuation a sentence or a headline ends with."""
    prev = nxt - 1
    while prev > start and doc[prev].is_space:
        prev -= 1
    brk = doc[prev].whitespace_ + "".join(t.text for t in doc[prev + 1:nxt])
    words = [t for t in doc[start:prev + 1] if t.is_alpha]
    if brk.count("\n") != 1 or len(words) < 8 or not doc[prev].is_alpha:
        return False
    return sum(t.is_lower for t in words) >= len(words) / 2


@Language.component("relext_sentences", assigns=["token.is_sent_start"])
def set_line_break_starts(doc: Doc) -> Doc:
    """Mark tokens that begin a new line, and the words after a dateline, as sentence
    starts (see the module docstring)."""
    line_starts = [0]
    after_break = False
    # whether each token's text, or the space after it, holds a line break: read from the
    # text once (no Token is built for the words of a line, only for those after a break)
    in_text, after = line_breaks(doc)
    for i in range(len(doc)):
        if i > 0 and after_break:
            tok = doc[i]
            if not tok.is_space:
                if not tok.is_lower and not _wrapped(doc, line_starts[-2] if len(line_starts) > 1 else 0, i):
                    tok.is_sent_start = True
                after_break = False
        if in_text[i] or after[i]:
            after_break = True
            line_starts.append(i + 1)
    for start in line_starts:
        end = _dateline_end(doc, start) if start < len(doc) else -1
        if 0 < end < len(doc):
            doc[end].is_sent_start = True
    return doc
