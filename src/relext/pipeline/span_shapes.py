"""Span shapes for :mod:`relext.pipeline.entities`: a mention's edges trimmed, datelines,
headlines split at verbs, and demonyms inside compound adjectives.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from spacy.tokens import Doc

from ..gazetteer import read_data
from ._lookup import positions_where
from .named_heads import MONTHS

# word lists: relext/data/words/span_shapes.yaml
_WORDS = read_data("words/span_shapes.yaml")


DETERMINERS = frozenset(_WORDS["determiners"])
HEADLINE_VERBS = frozenset(_WORDS["headline_verbs"])
# region words that make a state's demonym after them a region's ("Latin American")
REGION_PREFIXES = frozenset(_WORDS["region_prefixes"])
REGION_DEMONYMS = frozenset(_WORDS["region_demonyms"])

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
        t = doc[i]
        if "\n" in t.text or (t.is_space and i > start) or "\n" in t.whitespace_:
            end = i if "\n" in t.text or t.is_space else i + 1
            break
    while start < end:
        t = doc[start]
        if not (t.is_space or t.is_punct or t.text in DETERMINERS):
            break
        start += 1
    while end > start:
        t = doc[end - 1]
        if not (t.is_space or t.is_punct or t.text in ("'s", "’s", "'", "’")):
            break
        end -= 1
    return start, end


def e_kind_skip(doc: Doc, start: int, idx, entries) -> bool:
    """A demonym in a compound adjective ("ex-Soviet", "pro-Russian") names no state, nor one
    that a region word before it makes a region's ("Latin American", "South American",
    "Central American" leaders are no Americans)."""
    if not idx or entries[idx[0]]["kind"] != "DEMONYM" or start == 0:
        return False
    if doc[start - 1].text in REGION_PREFIXES or (doc[start - 1].text == "-" and start > 1
                                                  and doc[start - 2].text in REGION_PREFIXES):
        return doc[start].lower_ in REGION_DEMONYMS
    return doc[start - 1].text == "-" \
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
            continue  # "Procter & Gamble", "Bank of England", "Organisation for Economic Co-operation and Development"
        if doc[i].lower_ in HEADLINE_VERBS and i > start and (doc[i].text != "/" or label == "PERSON"):
            if cur < i:
                parts.append((cur, i))
            cur = i + 1
    if cur < end:
        parts.append((cur, end))
    return [p for p in parts if any(doc[t].is_title or doc[t].is_upper for t in range(*p))]


def _is_year(tok) -> bool:
    return tok.shape_ == "dddd" and tok.text[:2] in ("19", "20")


def _name_with_year(doc: Doc, start: int, end: int) -> Optional[int]:
    """End of an event named with its year ("Global Forum 2024", "Chogm 2013", "Paris 2024"),
    or None: a capitalised name the year ends, or one the year follows directly (no comma,
    not the start of a date: "Chogm 2013 in Sri Lanka"). Bodies and places do not carry a
    year in their names; editions of meetings, games and fairs do."""
    if end - start >= 2 and _is_year(doc[end - 1]) and doc[start].text[:1].isupper() and not doc[end - 2].like_num \
            and not _modifies_next(doc, end):
        return end
    if end < len(doc) and _is_year(doc[end]) and doc[end - 1].whitespace_ and not doc[end - 1].like_num \
            and not (end + 1 < len(doc) and (doc[end + 1].like_num or doc[end + 1].text in ("-", "–", "/"))) \
            and not _modifies_next(doc, end + 1):
        return end + 1
    return None


def _modifies_next(doc: Doc, end: int) -> bool:
    """"Apple 2023 revenue": a name and year before a common noun qualify it."""
    return end < len(doc) and doc[end].pos_ == "NOUN" and doc[end].is_lower


EDITION_LEADS = frozenset(_WORDS["edition_leads"])


def _edition_spans(doc: Doc, ent_at, months) -> List[Tuple[int, int]]:
    """"at Chogm 2011 in Perth", "attended Expo 2020": capitalised words and a year after a
    word of attending or a preposition, where the model found no name; months ("March
    2022"), people and known places before a year are no edition."""
    out = []
    for i in positions_where(doc, lambda w: w[:2] in ("19", "20")):  # a year's first digits (`_is_year`)
        tok = doc[i]
        if not _is_year(tok) or tok.i < 2 or not doc[tok.i - 1].whitespace_:
            continue
        start = tok.i
        while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" and tok.i - start < 4 \
                and doc[start - 1].lower_ not in months and ent_at.get(start - 1) is None:
            start -= 1
        if start == tok.i or start == 0 or doc[start - 1].lower_ not in EDITION_LEADS:
            continue
        if tok.i + 1 < len(doc) and (doc[tok.i + 1].like_num or _modifies_next(doc, tok.i + 1)):
            continue
        out.append((start, tok.i + 1))
    return out


PLACE_HEADS = frozenset(_WORDS["place_heads"])


def _paired_names_modifier(doc: Doc, start: int, end: int) -> bool:
    """"U.S.-China relations", "the Asia-Pacific itinerary", "Euro-Atlantic security": two
    names joined by a hyphen before a common noun qualify it and name no place or body;
    before a place noun they do ("the Asia-Pacific region")."""
    if end >= len(doc) or not doc[end].is_lower or doc[end].pos_ != "NOUN" or doc[end].lower_ in PLACE_HEADS:
        return False
    if end - start == 1:  # "U.S.-China" as one token
        return bool(re.fullmatch(r"[A-Z][\w.]*-[A-Z][\w.]*", doc[start].text))
    dashes = [t for t in doc[start + 1:end - 1] if t.text == "-" and not t.whitespace_ and not doc[t.i - 1].whitespace_]
    return len(dashes) == 1 and doc[dashes[0].i + 1].text[:1].isupper() and doc[start].text[:1].isupper() \
        and dashes[0].i + 2 == end and dashes[0].i == start + 1


TREATY_WORDS = frozenset(_WORDS["treaty_words"])


def _names_a_treaty(doc: Doc, start: int, end: int) -> bool:
    """"the Paris agreement", "the Minsk accords", "the Kyoto Protocol", "the Normandy format":
    a place naming a treaty or a negotiating format is part of that name, and treaties are
    no entities, so the place is no mention either."""
    return end < len(doc) and doc[end].lower_ in TREATY_WORDS and doc[end - 1].dep_ in ("compound", "nmod", "amod") \
        and doc[end - 1].head.i == end and not doc[end].is_upper


TREATY_HEADS = frozenset(_WORDS["treaty_heads"])


def _treaty_name(doc: Doc, start: int, end: int) -> bool:
    """A capitalised name ending in a treaty's head ("the Genocide Convention", "the Free Trade
    Agreement", "the Inflation Reduction Act", "the Iran Nuclear Deal"): treaties, conventions, deals
    and laws are no entities.
    A party's convention ("the Democratic National Convention") is a meeting, and a pact that
    is an alliance ("the Warsaw Pact") is not listed here."""
    last = doc[end - 1]
    if end - start < 2 or not last.is_title or last.lower_ not in TREATY_HEADS:
        return False
    return not (last.lower_.startswith("convention") and doc[end - 2].lower_ in ("national", "party", "constitutional"))


REGION_NOUNS = frozenset(_WORDS["region_nouns"])


def _before_place_noun(doc: Doc, end: int) -> bool:
    """"the Karabakh region", "the Tigray province": a name before a lower-case noun of a
    region is that region (not "the Karabakh conflict", not "region's" of a person)."""
    return end < len(doc) and doc[end].is_lower and doc[end].lower_ in REGION_NOUNS and doc[end - 1].dep_ in ("compound", "amod", "nmod")


# capitalised words of a minister's portfolio ("Sports Minister", "External Affairs
# Minister", "National Security Adviser"): inside a title, not the name of a body
PORTFOLIO_WORDS = frozenset(_WORDS["portfolio_words"])


def _portfolio_before_title(doc: Doc, start: int, end: int, titles) -> bool:
    """Whether a span the model took for a body is a portfolio inside a title: "Ukrainian
    Sports Minister X", "External Affairs Minister X", "National Security Adviser X" (the
    span is followed by a title word and, apart from a leading demonym, holds only
    portfolio words)."""
    if end >= len(doc) or doc[end].lower_ not in titles:
        return False
    words = [t.lower_ for t in doc[start:end]]
    rest = words[1:] if words[0] not in PORTFOLIO_WORDS else words
    return bool(rest) and all(w in PORTFOLIO_WORDS for w in rest) and any(w not in ("and", "&") for w in rest)


# capitalised last words of a building's or site's name: "the Melia Habana Hotel", "Jose
# Marti International Airport", "Wembley Stadium"; the model often types these bodies
VENUE_HEADS = frozenset(_WORDS["venue_heads"])
# buildings that speak for their occupant ("Buckingham Palace said"): a body when they act
SPEAKING_VENUES = {"palace"}
# two-word venue endings ("Convention Centre", "Cultural Centre", "City Hall"; place_names.yaml)
VENUE_PAIRS = frozenset(tuple(p.split()) for p in read_data("place_names.yaml").get("venue_pairs", ()))


def _venue_name(doc: Doc, start: int, end: int) -> bool:
    """A name of two or more words ending in a capitalised venue word is a place, unless a
    palace acts as the subject of a verb ("Buckingham Palace said"); so is a name of three or
    more words ending in a venue pair ("the Lagos Convention Centre")."""
    last = doc[end - 1]
    if end - start > 2 and last.is_title and doc[end - 2].is_title and (doc[end - 2].lower_, last.lower_) in VENUE_PAIRS:
        return True  # "the Kuala Lumpur Convention Centre", "the University Cultural Centre"
    if end - start < 2 or not last.is_title or last.lower_ not in VENUE_HEADS:
        return False
    root = doc[start:end].root
    return not (last.lower_ in SPEAKING_VENUES and root.dep_ in ("nsubj", "nsubjpass"))


def body_after_possessor(doc: Doc, start: int, end: int, common_words) -> Optional[int]:
    """Where a body's own name starts inside a span that opens with a one-word possessor the
    model swallowed ("Lula's Workers' Party", "Mwangi's Freedom Alliance"): the token after
    the "'s" of a capitalised possessor that is no common English word, when two or more
    words follow it with a capitalised first. None otherwise: a possessor that is an English
    word ("the People's Liberation Army", "King's College") or a saint ("St. Mary's"), and
    a short tail ("McDonald's Corporation"), keep the whole name."""
    if end - start < 4 or doc[start + 1].text not in ("'s", "’s"):
        return None
    owner = doc[start]
    if not (owner.is_title and owner.is_alpha) or owner.lower_ in common_words \
            or start > 0 and doc[start - 1].lower_ in ("st", "st."):
        return None
    if not doc[start + 2].text[:1].isupper():
        return None
    return start + 2
