"""Portfolios for :mod:`relext.pipeline.entities`: the capitalised words of an office
that the model takes for an organisation.

In "Energy Minister Sergei Tsivilev", "Philippine Defence Secretary Gilberto Teodoro",
"External Affairs Minister S. Jaishankar" or "Ethiopian National Security Adviser Redwan
Hussien" the words before the title name a portfolio (and, with a demonym, the state,
which the gazetteer finds), not a body; and in "Kazakh President Kassym-Jomart Tokayev"
typed as one organisation the words after the title are a person's name.

Near misses that stay organisations: a body's own name before a title ("NATO Secretary
General", "Wagner Group chief", "National Security Council Spokesman": the last word is
a body's head noun, or the name is no plain English word), and a lower-case title
("the Energy Ministry spokesman").
"""
from __future__ import annotations

from typing import Iterable, Optional, Tuple

from spacy.tokens import Doc
from ..gazetteer import read_data

# word lists: relext/data/words/portfolios.yaml
_WORDS = read_data("words/portfolios.yaml")

# titles of government office that a portfolio's name comes before
OFFICE_TITLES = frozenset(_WORDS["office_titles"])
# adjectives that open bodies' names but are no body's head ("National Security Adviser")
NAME_ADJECTIVES = frozenset(_WORDS["name_adjectives"])
PERSON_TITLES = frozenset(_WORDS["person_titles"])


def portfolio_before_title(doc: Doc, start: int, end: int, common_words: Iterable[str], body_words: Iterable[str]) -> bool:
    """The span ``doc[start:end]`` is a portfolio's words before a capitalised office
    title ("Energy" of "Energy Minister", "Philippine Defence" of "Philippine Defence
    Secretary"): every word a plain English word (demonyms included) and none a body's
    head noun, followed, over at most two more such words, by the title."""
    words = doc[start:end]
    body_words = set(body_words) - NAME_ADJECTIVES
    if any(t.lower_ in body_words or not t.is_title or not _plain(t, common_words) for t in words):
        return False
    if not _before_office(doc, end, body_words, common_words):
        return False
    # one sense per text: words that name a body elsewhere ("Treasury sanctioned ...") are
    # that body before a title too ("Treasury Secretary Steven Mnuchin")
    n = end - start
    first = doc[start].orth
    return not any(doc[i].orth == first and i != start and doc[i:i + n].text == words.text
                   and not _before_office(doc, i + n, body_words, common_words) for i in range(len(doc) - n + 1))


def _plain(tok, common_words) -> bool:
    low = tok.lower_
    return low in common_words or tok.lemma_.lower() in common_words or low.endswith("s") and low[:-1] in common_words


def _before_office(doc: Doc, end: int, body_words: Iterable[str], common_words: Iterable[str]) -> bool:
    """An office title follows ``end``, over at most two capitalised plain words."""
    j = end
    while j < len(doc) and j - end < 2 and doc[j].is_title and _plain(doc[j], common_words) \
            and doc[j].lower_ not in OFFICE_TITLES and doc[j].lower_ not in body_words:
        j += 1
    return j < len(doc) and doc[j].is_title and doc[j].lower_ in OFFICE_TITLES


def person_after_title(doc: Doc, start: int, end: int, common_words: Iterable[str]) -> Optional[Tuple[int, int]]:
    """"Kazakh President Kassym-Jomart Tokayev" typed as one organisation: the words after
    a capitalised personal title inside it, when none of them is a plain English word,
    are a person's name (the demonym before it is the gazetteer's)."""
    for i in range(start, end - 1):
        if doc[i].is_title and doc[i].lower_ in PERSON_TITLES and i + 1 < end:
            j = i + 1
            while j < end and doc[j].lower_ in PERSON_TITLES:
                j += 1
            name = [t for t in doc[j:end] if t.is_alpha]
            if name and all(t.is_title and t.lower_ not in common_words for t in name) \
                    and all(t.is_title or t.text == "-" for t in doc[j:end]):
                return j, end
            return None
    return None


def person_after_state(doc: Doc, start: int, end: int, state_words: int, common_words: Iterable[str]) -> Optional[Tuple[int, int]]:
    """"Ghana's envoy to China Kwabena Osei": a span the model typed a body that opens
    with a state's name (its first ``state_words`` tokens, per the gazetteer) right after
    "to" or "of", then two or three capitalised words none of which is an English word, is
    the state and a person's name. Not "to Pakistan Today" or "of China Southern Airlines"
    (English words after the state)."""
    j = start + state_words
    if state_words < 1 or start == 0 or doc[start - 1].lower_ not in ("to", "of") or not 2 <= end - j <= 3:
        return None
    name = list(doc[j:end])
    if all(t.is_title and t.is_alpha and t.lower_ not in common_words for t in name):
        return j, end
    return None
