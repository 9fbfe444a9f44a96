"""News outlets and agencies from the way news text credits them.

The guidelines count news outlets as ORGANISATIONs. No library lists them, and a hand
list would always lag behind, so outlets are found from the places where news text
names its sources:

- a credit opening a line: "(Agency) -- President ...", "(Outlet) – Nearly ...";
- a photo credit: "(Photo: Jane Roe / AGENCY)", "POOL/AGENCY via Getty Images",
  "(AGENCY File Photo)", and a caption ending in "(AGENCY)";
- a name joined to an outlet noun: "the X news agency", "the X newspaper", "the X news
  site", "state news agency X", "news agency X".

Near misses left alone: an acronym defined in running text ("the African Union (AU)
said"), a country or demonym before an outlet noun ("the Armenian news agency
Armenpress" gives Armenpress, not Armenia), lower-case words.

Example
-------
>>> import spacy
>>> from relext.loading import resolve_model
>>> nlp = resolve_model()
>>> doc = nlp("(Wirecast) -- Ministers met on Monday, the Daily Planet newspaper said.")
>>> [doc[s:e].text for s, e in outlet_spans(doc, set())]
['Wirecast', 'Daily Planet']
"""
from __future__ import annotations

import re

from typing import Iterable, List, Optional, Set, Tuple

from spacy.tokens import Doc

from ._lookup import positions_of_words
from .credits import credit_spans
from ..gazetteer import read_data

# word lists: relext/data/words/outlets.yaml
_WORDS = read_data("words/outlets.yaml")

OUTLET_NOUNS = frozenset(_WORDS["outlet_nouns"])
DASHES = {"-", "--", "—", "–", "—-"}
PHOTO_WORDS = frozenset(_WORDS["photo_words"])


# a name word with digits or an inner dot: "G1", "News.Az", "France24"
_NAME_WORD = re.compile(r"[A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z]+)?[A-Za-z0-9]")
# "..., X reported", "X reported on Monday that ...": the subject of a report verb
REPORT_WORDS = ("reported", "reports")
_DATE_WORDS = frozenset(_WORDS["_date_words"])


def reporter_spans(doc: Doc, skip: Set[int]) -> List[Tuple[int, int]]:
    """"News.Az reported", "..., the Kyiv Independent reported": a capitalised name that is
    the subject of "reported" with a reported clause or at the end of a sentence (not a
    person, state or demonym: ``skip``)."""
    out = []
    for i in positions_of_words(doc, REPORT_WORDS):
        verb = doc[i]
        if verb.pos_ != "VERB" or not (any(c.dep_ == "ccomp" for c in verb.children) or verb.dep_ in ("parataxis", "ccomp")
                                       or i + 1 < len(doc) and doc[i + 1].text in (".", ",")):
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.i != i - 1 or subj.pos_ != "PROPN":
            continue
        first = _name_run(doc, i - 1, -1, 4)
        while first < i - 1 and doc[first].lower_ in _DATE_WORDS:
            first += 1  # "On Friday The New York Times reported"
        if first <= i - 1 and not any(x in skip for x in range(first, i)) and not doc[first].is_sent_start:
            out.append((first, i))
    return out


def _line_start(doc: Doc, i: int) -> bool:
    return i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_


def _line_end(doc: Doc, i: int) -> bool:
    """Token ``i`` is the last one of its line."""
    return i == len(doc) - 1 or "\n" in doc[i].whitespace_ or "\n" in doc[i + 1].text


def _name_run(doc: Doc, start: int, step: int, limit: int) -> int:
    """From ``start`` going by ``step``, the last index of a run of capitalised name words
    (hyphens inside, "Al-Riyadh"); ``start - step`` when there is none."""
    i, last = start, start - step
    while 0 <= i < len(doc) and abs(i - start) < limit:
        t = doc[i]
        if t.text[:1].isupper() and (t.is_alpha or _NAME_WORD.fullmatch(t.text)) \
                or (t.text == "-" and not t.whitespace_ and i != start) \
                or (t.text == "." and not t.whitespace_ and i != start and i > 0 and not doc[i - 1].whitespace_
                    and i + 1 < len(doc) and doc[i + 1].text[:1].isupper()):  # "News.Az"
            last = i
            i += step
            continue
        break
    if 0 <= last < len(doc) and doc[last].text in ("-", "."):
        last -= step
    return last


def outlet_spans(doc: Doc, not_outlets: Iterable[int], marks: Optional[Iterable[int]] = None,
                 nouns: Optional[Iterable[int]] = None) -> List[Tuple[int, int]]:
    """Token spans ``(start, end)`` of news outlets named in ``doc``.

    Args:
        doc: a parsed document.
        not_outlets: token indices of countries, demonyms and people, which never
            name an outlet.
        marks: indices of the "(" and "/" tokens, if the caller has them (else found here).
        nouns: indices of the outlet nouns (``OUTLET_NOUNS``), likewise.
    """
    skip: Set[int] = set(not_outlets)
    out = []
    if marks is None:
        marks = [t.i for t in doc if t.text in ("(", "/")]
    if nouns is None:
        nouns = [t.i for t in doc if t.lower_ in OUTLET_NOUNS]
    if marks:
        for i in marks:
            t = doc[i]
            if t.text == "(" and i + 2 < len(doc):
                close = next((j for j in range(i + 1, min(len(doc), i + 6)) if doc[j].text == ")"), None)
                if close is None or close == i + 1:
                    continue
                inner = doc[i + 1:close]
                words = [w for w in inner if w.lower_ not in PHOTO_WORDS]
                if not words or not all(w.text[:1].isupper() and w.is_alpha for w in words):
                    continue
                after = doc[close + 1].text if close + 1 < len(doc) else ""
                if _line_start(doc, i) and after in DASHES:  # "(Agency) -- ..."
                    out.append((i + 1, close))
                elif _line_end(doc, close) and len(words) == 1 and words[0].is_upper:  # caption "(AGENCY)"
                    out.append((words[0].i, words[0].i + 1))
                elif any(w.lower_ == "photo" for w in inner) and words[0].is_upper and len(words) == 1:
                    out.append((words[0].i, words[0].i + 1))  # "(AGENCY File Photo)"
            elif t.text == "/" and i + 1 < len(doc):
                nxt = doc[i + 1]
                after = doc[i + 2] if i + 2 < len(doc) else None
                if nxt.is_upper and nxt.is_alpha and len(nxt) > 1 and \
                        (after is None or after.text == ")" or after.lower_ == "via" or _line_end(doc, i + 1)):
                    out.append((i + 1, i + 2))  # "Jane Roe / AGENCY)", "POOL/AGENCY via ..."
    for n in nouns:
        t = doc[n]
        if t.lower_ not in OUTLET_NOUNS or t.pos_ != "NOUN":
            continue
        if t.lower_ == "agency" and not any(c.lower_ == "news" for c in t.lefts):
            continue
        # "news agency X", "the Ruritanian news agency X": a name in apposition after the noun
        k = t.i + 1
        last = _name_run(doc, k, 1, 6)
        if last >= k and not any(x in skip for x in range(k, last + 1)):
            out.append((k, last + 1))
            continue
        # "the X news agency", "the X newspaper": capitalised words right before the noun
        j = t.i - 1
        while j >= 0 and doc[j].lower_ in ("news", "state", "official", "online", "daily"):
            j -= 1
        first = _name_run(doc, j, -1, 6)
        if first <= j and not any(x in skip for x in range(first, j + 1)) and not doc[first].is_sent_start:
            out.append((first, j + 1))
    out.extend(reporter_spans(doc, skip))  # "..., News.Az reported"
    out.extend(credit_spans(doc, skip))  # "... | Outlet", "Photo: Outlet" (relext/pipeline/credits.py)
    return out
