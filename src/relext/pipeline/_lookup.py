"""Vectorised token lookups shared by the components.

Components need "the tokens whose lemma is one of these words" many times per
document. Walking the ``Doc`` in Python and building ``token.lemma_`` strings for every
token costs more than the rules themselves, so the lookups here read the attribute
arrays once (``Doc.to_array``) and compare hashes with numpy.
"""
from __future__ import annotations

from typing import Iterable, List

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc
from spacy.vocab import Vocab


class WordSet:
    """A set of lower-case words, matched against a token attribute by hash.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> ws = WordSet(nlp.vocab, ["summit", "forum"], attr="LOWER")
    >>> ws.positions(nlp("The Summit and the forum."))
    [1, 4]
    """

    def __init__(self, vocab: Vocab, words: Iterable[str], *, attr: str = "LEMMA") -> None:
        self.attr = {"LEMMA": LEMMA, "LOWER": LOWER}[attr]
        words = sorted({w.lower() for w in words})
        self.words = frozenset(words)
        # lemmas keep the case of proper nouns; store both forms so "Games" and "games" match
        forms = set(words) | {w.title() for w in words} | {w.upper() for w in words}
        self.hashes = numpy.asarray(sorted(vocab.strings.add(w) for w in forms), dtype="uint64")

    def positions(self, doc: Doc) -> List[int]:
        """Token indices of ``doc`` whose attribute is one of the words."""
        if not len(doc) or not len(self.hashes):
            return []
        values = doc.to_array([self.attr]).astype("uint64").ravel()
        return numpy.flatnonzero(numpy.isin(values, self.hashes)).tolist()

    def __contains__(self, word: str) -> bool:
        return word.lower() in self.words
