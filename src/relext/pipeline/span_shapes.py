"""Span shapes for :mod:`relext.pipeline.entities`: a mention's edges trimmed, datelines,
headlines split at verbs, and demonyms inside compound adjectives.
"""
from __future__ import annotations

from typing import List, Tuple

from spacy.tokens import Doc

from .named_heads import MONTHS


DETERMINERS = {"the", "a", "an", "The", "A", "An", "THE"}
HEADLINE_VERBS = {"says", "said", "tells", "told", "warns", "warned", "meets", "met", "assures",
                  "assured", "vows", "vowed", "slams", "urges", "calls", "visits", "backs", "joins",
                  "accuses", "blames", "threatens", "sanctions", "boycotts", "attends", "rejects",
                  "hails", "defies", "snubs", "confirms", "pledges", "promises", "denies", "arrives",
                  "and", "&", "to", "in", "on", "at", "with", "for", "of", "as", "/"}

# lower-case words inside a formal organisation name ("Bank of England", "Council for ...")
NAME_LINKS = {"of", "for"}


def _trim_leading_words(doc: Doc, start: int, end: int) -> Tuple[int, int]:
    """Words the model swallowed at the front of a name: a sentence-opening adverb or
    preposition ("Later the Foreign Ministry", "Besides Belarus") or a month ("February
    Boluarte")."""
    if end - start > 2 and doc[start + 1].text == "-" and doc[start].lower_ in ("pro", "anti", "ex", "post", "pre", "non"):
        start += 2  # "pro-Hitler"
    while end - start > 1 and (doc[start].lower_ in MONTHS or (
            doc[start].pos_ in ("ADV", "ADP", "SCONJ", "CCONJ", "PRON", "AUX", "VERB") and not doc[start].is_upper)):
        start += 1
    return start, end


def _trim(doc: Doc, start: int, end: int) -> Tuple[int, int]:
    """Drop whitespace, punctuation, determiners and possessive endings at a span's edges.

    A span that runs over a line break keeps only its first line ("Winter Olympics\\nSource").
    """
    while start < end and doc[start].is_space:
        start += 1
    for i in range(start, end):
        if "\n" in doc[i].text or (doc[i].is_space and i > start) or "\n" in doc[i].whitespace_:
            end = i if "\n" in doc[i].text or doc[i].is_space else i + 1
            break
    while start < end and (doc[start].is_space or doc[start].is_punct or doc[start].text in DETERMINERS):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct or doc[end - 1].text in ("'s", "’s", "'", "’")):
        end -= 1
    return start, end


def e_kind_skip(doc: Doc, start: int, idx, entries) -> bool:
    """A demonym in a compound adjective ("ex-Soviet", "pro-Russian") names no state."""
    return bool(idx) and entries[idx[0]]["kind"] == "DEMONYM" and start > 0 and doc[start - 1].text == "-" \
        and start > 1 and doc[start - 2].lower_ in ("ex", "pro", "anti", "post", "pre", "non", "former")


def _is_dateline(doc: Doc, start: int, end: int) -> bool:
    """"NUSA DUA:", "SAN FRANCISCO (AP) —": an all-caps place opening a line."""
    first = start == 0 or "\n" in doc[start - 1].text or "\n" in doc[start - 1].whitespace_
    nxt = doc[end].text if end < len(doc) else ""
    return first and doc[start:end].text.isupper() and nxt in (":", "(", "—", "–", "-", ",")


def _split_headline(doc: Doc, start: int, end: int, label: str = "PERSON") -> List[Tuple[int, int]]:
    """Split a name span at words that cannot be part of a name ("Putin Assures Xi"), and a
    person's name at a slash ("Jane Roe / AGENCY" in a photo credit)."""
    parts, cur = [], start
    formal = label == "ORGANISATION" and any(doc[i].text in NAME_LINKS for i in range(start + 1, end - 1))
    for i in range(start, end):
        if label == "ORGANISATION" and (doc[i].text == "&" or formal and doc[i].text in NAME_LINKS | {"and", "in", "on"}):
            continue  # "Procter & Gamble", "Bank of England", "Organisation for Security and Co-operation in Europe"
        if doc[i].lower_ in HEADLINE_VERBS and i > start and (doc[i].text != "/" or label == "PERSON"):
            if cur < i:
                parts.append((cur, i))
            cur = i + 1
    if cur < end:
        parts.append((cur, end))
    return [p for p in parts if any(doc[t].is_title or doc[t].is_upper for t in range(*p))]
