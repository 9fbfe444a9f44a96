"""Outlets named in bylines, source lines and photo credits set off by "|" or "Photo:".

Web pages print a headline or a dateline with the outlet after a bar ("Rebels seize port
| The Daily Herald"; "The Herald | 12 March 2019 | Reuters | File photo") and credit a photo on
a line of its own ("Photo: Metro Press Images") or after a slash ("(Photo: Jane Roe/Agency
handout)"). The guidelines count news outlets as ORGANISATIONs.

Near misses left alone: a segment with lower-case words ("File photo"), a date, a
section word of a site ("World", "Politics"), a country or person, and a bar inside
running text that has no name next to it.
"""
from __future__ import annotations

from typing import Iterable, List, Tuple

from spacy.tokens import Doc

from ._lookup import doc_text
from ..gazetteer import read_data

# word lists: relext/data/words/credits.yaml
_WORDS = read_data("words/credits.yaml")

SECTION_WORDS = frozenset(_WORDS["section_words"])
CREDIT_TAILS = frozenset(_WORDS["credit_tails"])


def _segment_name(doc: Doc, start: int, end: int, skip: set) -> Tuple[int, int]:
    """The span of a segment that is only a name (1-4 capitalised words, "The" dropped)."""
    while start < end and (doc[start].is_space or doc[start].lower_ == "the"):
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    words = doc[start:end]
    if not 1 <= len(words) <= 4 or words[-1].i in skip:  # "| Pakistan Today" is an outlet, "| India" not
        return (0, 0)
    if not all(t.is_alpha and t.text[:1].isupper() for t in words):
        return (0, 0)
    if len(words) == 1 and not words[0].is_upper and words[0].lower_ in SECTION_WORDS:
        return (0, 0)
    if all(t.lower_ in SECTION_WORDS for t in words):
        return (0, 0)
    return (start, end)


def _lines(doc: Doc) -> List[Tuple[int, int]]:
    out, start = [], 0
    for t in doc:
        if "\n" in t.text:
            if start < t.i:
                out.append((start, t.i))
            start = t.i + 1
        elif "\n" in t.whitespace_:
            out.append((start, t.i + 1))
            start = t.i + 1
    if start < len(doc):
        out.append((start, len(doc)))
    return out


def credit_spans(doc: Doc, not_outlets: Iterable[int]) -> List[Tuple[int, int]]:
    """Token spans of outlets in bar-separated source lines and "Photo:" credits."""
    text = doc_text(doc)  # computed once per Doc
    if "|" not in text and "Photo" not in text and "photo" not in text:
        return []
    skip = set(not_outlets)
    out = []
    for ls, le in _lines(doc):
        bars = [i for i in range(ls, le) if doc[i].text == "|"]
        if bars:
            cuts = [ls - 1] + bars + [le]
            for a, b in zip(cuts, cuts[1:]):
                s, e = _segment_name(doc, a + 1, b, skip)
                if e > s:
                    out.append((s, e))
        first = doc[ls] if ls < le else None
        if first is not None and first.lower_ in ("photo", "photos") and ls + 1 < le and doc[ls + 1].text == ":":
            s, e = _segment_name(doc, ls + 2, le, skip)  # "Photo: Metro Press Images"
            if e > s:
                out.append((s, e))
        for i in range(ls, le - 1):  # "(Photo: Jane Roe/Agency handout)"
            if doc[i].text == "/" and doc[i + 1].text[:1].isupper() and doc[i + 1].is_alpha:
                j = i + 2
                while j < le and doc[j].lower_ in CREDIT_TAILS:
                    j += 1
                if j < le and doc[j].text == ")" and j > i + 2 and (i + 1) not in skip:
                    out.append((i + 1, i + 2))
    return out
