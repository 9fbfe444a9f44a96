"""Social media platforms named as the place of a statement are organisations (companies).

News quotes officials "on Twitter", "in a post on Facebook", "on X": the guidelines make
platforms, like outlets and companies, ORGANISATIONs. Platform names are matched as
written (capitalised); the one-letter "X" only where the wording makes it the platform:
"on X" after a verb of saying or posting ("wrote on X", "said in a post on X"), "X,
formerly Twitter", "(formerly Twitter)", or after the word "platform" ("the platform X").
A platform is never the antecedent of "it" (``canonical.py``): in "said on Telegram that it
had ..." the pronoun is the speaker.
"""
from __future__ import annotations

import re
from typing import Iterator, Tuple

from spacy.tokens import Doc

from ._lookup import doc_text
from ..gazetteer import read_data

# word lists: relext/data/words/platforms.yaml
_WORDS = read_data("words/platforms.yaml")

PLATFORMS = tuple(_WORDS["platforms"])
_NAMES = re.compile(r"(?<![\w@#/.])(?:" + "|".join(re.escape(p) for p in PLATFORMS) + r")(?![\w@/-])(?!\.com)")
_X = re.compile(r"(?<![\w@#/.-])X(?![\w-])")
POSTING_VERBS = frozenset(_WORDS["posting_verbs"])
POST_NOUNS = frozenset(_WORDS["post_nouns"])


def platform_spans(doc: Doc) -> Iterator[Tuple[int, int]]:
    """Token spans ``(start, end)`` of platform names used as platforms."""
    text = doc_text(doc)
    for m in _NAMES.finditer(text):
        span = doc.char_span(m.start(), m.end())
        if span is not None:
            yield span.start, span.end
    if "X" not in text:
        return
    for m in _X.finditer(text):
        span = doc.char_span(m.start(), m.end())
        if span is not None and len(span) == 1 and _x_is_platform(doc, span.start):
            yield span.start, span.end


def _x_is_platform(doc: Doc, i: int) -> bool:
    after = doc[i + 1:i + 5].text.lower()
    if re.match(r"^(?:,|\()\s*formerly(?: known as)? twitter", after):
        return True
    if i > 0 and doc[i - 1].lower_ in ("platform", "app") and doc[i - 1].is_lower:
        return True
    if i == 0 or doc[i - 1].lower_ != "on":
        return False
    head = doc[i - 1].head
    if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in POSTING_VERBS:
        return True
    return head.pos_ == "NOUN" and head.lemma_.lower() in POST_NOUNS
