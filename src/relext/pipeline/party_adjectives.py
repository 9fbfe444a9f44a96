"""The US parties named by their adjective: "Republican presidential hopeful X", "Democratic
Reps. X and Y", "the Democratic party veteran". The guidelines make a party an
ORGANISATION, and news names the two US parties mostly through the adjective before a word
for a politician; the adjective there is a mention of the party.

Only "Democratic" and "Republican", capitalised, directly before "party" or a lower-case
word for a politician or an office-seeker (senator, lawmaker, hopeful, nominee, veteran ...)
or the abbreviations "Rep."/"Reps."/"Sen.", or a capitalised office word before a name
("Republican Senator Jane Roe"); "the Democratic Republic of Congo", "Democratic
values" and a party's own longer name ("the Democratic Party of Japan") are not.
"""
from __future__ import annotations

import re
from typing import Dict, Iterator

from spacy.tokens import Doc

from ._lookup import doc_text
from ..gazetteer import read_data

# word lists: relext/data/words/party_adjectives.yaml
_WORDS = read_data("words/party_adjectives.yaml")

PARTIES = {"Democratic": ("organisation:democratic-party", "Democratic Party"),
           "Republican": ("organisation:republican-party", "Republican Party")}
POLITICIAN_WORDS = frozenset(_WORDS["politician_words"])
ABBREVIATIONS = frozenset(_WORDS["abbreviations"])
_ADJ = re.compile(r"(?<![\w-])(Democratic|Republican)(?![\w-])")


_NOUN = re.compile(r"(?<![\w-])(Democrat|Republican)(?![\w-])")
NOUN_PARTIES = {"Democrat": PARTIES["Democratic"], "Republican": PARTIES["Republican"]}


def party_mentions(doc: Doc) -> Iterator[Dict]:
    """Mentions (token offsets) of the US parties named by their adjective, or by the noun
    for a member ("X, a Democrat, said", "X is a Republican", "Democrat Jane Roe"): the
    noun in apposition, as a predicate, or right before a person's name; not "Republican
    Guard" or "the Republican" in other functions."""
    text = doc_text(doc)
    if "(D-" in text or "(R-" in text:
        # "Sen. Jane Roe (D-Ore.)", "Rep. John Doe (R-Texas)": the party letter after a name
        for i, t in enumerate(doc):
            if t.text in ("D", "R") and 0 < i and i + 2 < len(doc) and doc[i - 1].text == "(" \
                    and doc[i + 1].text == "-" and not doc[i + 1].whitespace_ and doc[i + 2].text[:1].isupper() \
                    and i >= 2 and doc[i - 2].ent_type_ == "PERSON":
                key, name = PARTIES["Democratic" if t.text == "D" else "Republican"]
                yield {"start": i, "end": i + 1, "label": "ORGANISATION", "key": key, "name": name, "kind": "NAME",
                       "attrs": {"country": "USA"}, "source": "parse"}
    if "Democrat" not in text and "Republican" not in text:
        return
    for m in _NOUN.finditer(text):
        span = doc.char_span(m.start(), m.end())
        if span is None or len(span) != 1:
            continue
        tok = span[0]
        if tok.tag_ not in ("NN", "NNP") or tok.i + 1 >= len(doc):
            continue
        nxt = doc[tok.i + 1]
        member = tok.dep_ in ("appos", "attr") and tok.i > 0 and doc[tok.i - 1].lower_ in ("a", "an") \
            or nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "B" and nxt.is_title
        if not member:
            continue
        key, name = NOUN_PARTIES[m.group(1)]
        yield {"start": tok.i, "end": tok.i + 1, "label": "ORGANISATION", "key": key, "name": name, "kind": "NAME",
               "attrs": {"country": "USA"}, "source": "parse"}
    if "Democratic" not in text and "Republican" not in text:
        return
    for m in _ADJ.finditer(text):
        span = doc.char_span(m.start(), m.end())
        if span is None or span.end >= len(doc):
            continue
        nxt = doc[span.end]
        end = span.end
        if nxt.lower_ == "party" and (nxt.is_lower or nxt.is_title and not _longer_name(doc, nxt.i)):
            end = nxt.i + 1
        elif not (nxt.lower_ in POLITICIAN_WORDS and (nxt.is_lower or nxt.lower_.rstrip(".") in ABBREVIATIONS)) \
                and not _capitalised_title(doc, nxt.i):
            continue
        key, name = PARTIES[m.group(1)]
        yield {"start": span.start, "end": end, "label": "ORGANISATION", "key": key, "name": name, "kind": "NAME",
               "attrs": {"country": "USA"}, "source": "parse"}


# offices written with a capital as a title before a name ("Republican Senator Jane Roe")
TITLE_WORDS = frozenset(_WORDS["title_words"])


def _capitalised_title(doc: Doc, i: int) -> bool:
    """"Republican Senator Jane Roe": a capitalised office word right before a name."""
    return doc[i].is_title and doc[i].lower_ in TITLE_WORDS and i + 1 < len(doc) \
        and doc[i + 1].is_title and doc[i + 1].pos_ == "PROPN"


def _longer_name(doc: Doc, i: int) -> bool:
    """"the Democratic Party of Japan": the party word starts a longer name."""
    return i + 2 < len(doc) and doc[i + 1].lower_ == "of" and doc[i + 2].text[:1].isupper()
