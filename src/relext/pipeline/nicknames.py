"""Personal names split by a quoted nickname: 'Rosangela "Janja" da Silva', 'Ali "Chemical
Ali" Hassan', "Mary 'Molly' Smith". The model cuts such a name at the quote; the whole
span is one PERSON, named without the nickname ("Rosangela da Silva").

Near misses: a quoted word between two names that is no nickname of one person ('Biden
called Putin "a killer" Tuesday' — the quote is lower case), a title before a quote.
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc

from ._lookup import positions_of_words
from ..gazetteer import read_data

# word lists: relext/data/words/nicknames.yaml
_WORDS = read_data("words/nicknames.yaml")

QUOTES = {'"', "“", "”", "'", "‘", "’", "``", "''"}
PARTICLES = frozenset(_WORDS["particles"])


def _name_word(t) -> bool:
    return t.is_alpha and t.text[:1].isupper() and not t.is_upper and t.pos_ in ("PROPN", "NOUN", "ADJ")


def nickname_names(doc: Doc) -> List[Dict]:
    """PERSON candidates for first name(s), a quoted capitalised nickname, surname(s)."""
    quotes = positions_of_words(doc, QUOTES, attr="ORTH")  # the tokens that are quotes, in order
    if not quotes:
        return []
    out = []
    n = len(doc)
    for q in quotes:
        if not 1 <= q < n - 3 or not _name_word(doc[q - 1]):
            continue
        close = next((j for j in range(q + 2, min(n, q + 5)) if doc[j].text in QUOTES), None)
        if close is None or not all(_name_word(t) for t in doc[q + 1:close]):
            continue
        k = close + 1
        while k < n and doc[k].lower_ in PARTICLES and doc[k].is_lower:
            k += 1
        end = k
        while end < n and end - k < 2 and _name_word(doc[end]):
            end += 1
        if end == k:
            continue
        start = q - 1
        while start > 0 and q - start < 2 and _name_word(doc[start - 1]) and not doc[start - 1].is_sent_start:
            start -= 1
        name = " ".join([doc[start:q].text, doc[close + 1:end].text])
        out.append({"start": start, "end": end, "label": "PERSON", "key": None, "name": name, "kind": "NAME",
                    "attrs": {"nickname": doc[q + 1:close].text}, "source": "title"})
    return out
