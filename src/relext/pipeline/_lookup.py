"""Vectorised token lookups shared by the components.

Components need "the tokens whose lemma is one of these words" many times per
document. Walking the ``Doc`` in Python and building ``token.lemma_`` strings for every
token costs more than the rules themselves, so the lookups here read the attribute
arrays once (``Doc.to_array``) and compare hashes with numpy.
"""
from __future__ import annotations

import weakref
from typing import Dict, Iterable, List

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc
from spacy.vocab import Vocab


# the attribute arrays of the document being processed: every component asks for the same
# arrays of the same Doc, so the last Doc's arrays are kept (through a weak reference)
_LAST: Dict[str, object] = {"doc": None, "arrays": {}}


def _doc_cache(doc: Doc) -> Dict:
    """What has been computed for the Doc being processed (reset when another Doc comes)."""
    ref = _LAST["doc"]
    if ref is None or ref() is not doc:
        _LAST["doc"] = weakref.ref(doc)
        _LAST["arrays"] = {}
    return _LAST["arrays"]  # type: ignore[return-value]


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy joins every token's text on each access)."""
    cache = _doc_cache(doc)
    if "text" not in cache:
        cache["text"] = doc.text
    return cache["text"]


def attribute_array(doc: Doc, attr: int) -> numpy.ndarray:
    """``doc.to_array([attr])`` as uint64, computed once per Doc and attribute."""
    arrays = _doc_cache(doc)
    if attr not in arrays:
        arrays[attr] = doc.to_array([attr]).astype("uint64").ravel()
    return arrays[attr]


def forget_attribute(doc: Doc, attr: int) -> None:
    """Drop the cached array of ``attr`` after a component changed that attribute."""
    _doc_cache(doc).pop(attr, None)


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
        values = attribute_array(doc, self.attr)
        idx = numpy.searchsorted(self.hashes, values)
        idx[idx == len(self.hashes)] = 0
        return numpy.flatnonzero(self.hashes[idx] == values).tolist()

    def __contains__(self, word: str) -> bool:
        return word.lower() in self.words


def hyphenated(doc: Doc) -> List[tuple]:
    """(index of the last part, lower-case lemma) of the hyphenated compounds the tokenizer
    split ("sit-down" -> sit, -, down) and parsed as a noun: the last part heads the compound."""
    out = []
    for i in range(1, len(doc) - 1):
        hy = doc[i]
        if hy.text == "-" and not hy.whitespace_ and not doc[i - 1].whitespace_ \
                and doc[i - 1].is_alpha and doc[i + 1].is_alpha and doc[i + 1].pos_ in ("NOUN", "PROPN"):
            out.append((i + 1, f"{doc[i - 1].lower_}-{doc[i + 1].lemma_.lower()}"))
    return out
