"""Places the model types as bodies or people, told by the common noun beside the name.

A name right before a lower-case landmark noun ("the Yasukuni shrine", "El Mouradia
palace", "the Amazon rainforest") is that landmark, with the noun in its name; a name
before a site noun ("the Nasrec venue") is a place; a name after "the town (port,
village) of" is a place; a name capitalised with a landmark word ("Lenin's Tomb") is a
place. The word lists are data (``relext/data/place_names.yaml``).
"""
from __future__ import annotations

from typing import List, Optional, Tuple

from spacy.tokens import Doc

from ..gazetteer import read_data

_DATA = read_data("place_names.yaml")
LANDMARKS = frozenset(_DATA["landmarks"])
SITES = frozenset(_DATA["sites"])
SETTLEMENTS = frozenset(w.split()[-1] for w in _DATA["settlements"])
POLITY_NOUNS = frozenset(_DATA.get("polity_nouns", ()))


def _common_noun_after(doc: Doc, end: int, words) -> bool:
    """The token after the name is a lower-case noun of ``words`` that the name modifies."""
    if end >= len(doc):
        return False
    tok = doc[end]
    if not tok.is_lower or tok.lower_ not in words or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    return doc[end - 1].lower_ not in ("'s", "’s")  # "the Yasukuni shrine", not "Kenya's shrine"


def qualifies_polities(doc: Doc, start: int, end: int) -> bool:
    """A one-word place name used as the qualifier of a polity noun ("most Gulf rulers", "the
    Baltic state", "the ex-Soviet republic"): the name describes a group of states or of
    their rulers and is no place of its own."""
    return end - start == 1 and _common_noun_after(doc, end, POLITY_NOUNS)


def landmark_end(doc: Doc, start: int, end: int) -> Optional[int]:
    """The end of "<name> <landmark noun>" ("the Yasukuni shrine"), or None."""
    if _common_noun_after(doc, end, LANDMARKS):
        return end + 1
    return None


def before_site_noun(doc: Doc, end: int) -> bool:
    """"the Nasrec venue": the name of a site."""
    return _common_noun_after(doc, end, SITES)


def after_settlement_noun(doc: Doc, start: int) -> bool:
    """"the town of Khasan", "the Russian port of Murmansk": the name of a settlement."""
    if start < 3 or doc[start - 1].lower_ != "of":
        return False
    noun = doc[start - 2]
    if not noun.is_lower or noun.lower_ not in SETTLEMENTS:
        return False
    # "the (border, Arctic, Russian) town of X"
    for tok in reversed(doc[max(0, start - 6):start - 2]):
        if tok.lower_ in ("the", "a"):
            return True
        if tok.pos_ not in ("ADJ", "NOUN", "PROPN") or tok.is_punct:
            return False
    return False


def landmark_name(doc: Doc, start: int, end: int) -> bool:
    """"Lenin's Tomb", "the Kiyomizu Temple": a name ending in a capitalised landmark word
    (not a palace, which speaks for its occupant: "Buckingham Palace said")."""
    last = doc[end - 1]
    return end - start >= 2 and last.is_title and last.lower_ in LANDMARKS and last.lower_ != "palace"


def place_by_noun(doc: Doc, start: int, end: int) -> bool:
    """A site noun after the name, a settlement noun before it, or a landmark word ending it."""
    return before_site_noun(doc, end) or after_settlement_noun(doc, start) or landmark_name(doc, start, end)


def landmark_spans(doc: Doc, positions, taken) -> List[Tuple[int, int]]:
    """"the Meiji shrine", "at Carthage palace": capitalised words right before a lower-case
    landmark noun (``positions``), with the noun, where the model named nothing; words of a
    state, city, person or known body (``taken``) are left to those."""
    out = []
    for p in positions:
        if p == 0 or not doc[p].is_lower or doc[p].pos_ not in ("NOUN", "PROPN"):
            continue
        s = p
        while s > 0 and p - s < 3 and doc[s - 1].is_title and doc[s - 1].pos_ == "PROPN" and not doc[s - 1].is_sent_start:
            s -= 1
        if s == p or any(i in taken for i in range(s, p)):
            continue
        out.append((s, p + 1))
    return out
