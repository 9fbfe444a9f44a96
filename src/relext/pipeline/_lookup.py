"""Vectorised token lookups shared by the components.

Components need "the tokens whose lemma is one of these words" many times per
document. Walking the ``Doc`` in Python and building ``token.lemma_`` strings for every
token costs more than the rules themselves, so the lookups here read the attribute
arrays once per Doc (``Doc.to_array``), find the Doc's distinct values once
(``numpy.unique``), and test those few dozen values against a set of hashes
(`WordSet`, `positions_of`) or a predicate on their strings (`positions_where`); only the
tokens that match are mapped back from the arrays. ``numpy.isin`` and
``numpy.searchsorted`` per token cost more on a short Doc than the set test.
"""
from __future__ import annotations

import weakref
from itertools import accumulate, compress
from typing import Callable, Dict, Iterable, List, Tuple

import numpy
from spacy.attrs import IDX, LEMMA, LENGTH, LOWER, ORTH, SENT_START
from spacy.strings import hash_string
from spacy.tokens import Doc
from spacy.vocab import Vocab


# what has been computed for each Doc, kept as long as the Doc lives: spaCy runs the
# components one after another over a batch of Docs, and each of them asks for the same
# text and arrays. All of them are fixed once the lemmatizer and relext_lemmas have run,
# before relext's first component that reads them; a component that changes an attribute
# later (verb_repair, lemmas) calls `forget_attribute`.
_BY_DOC: "weakref.WeakKeyDictionary[Doc, Dict]" = weakref.WeakKeyDictionary()
# the last Doc asked about (a weak reference) and its cache: most questions in a row are
# about one Doc, and a weak dictionary's lookup builds a new weak reference every time
# (one tuple, replaced whole: safe between threads)
_LAST: Tuple = (lambda: None, None)


# the attributes `positions_where` reads, by name
_ATTRS = {"LEMMA": LEMMA, "LOWER": LOWER, "ORTH": ORTH}

# up to this many tokens, a Doc's distinct values are found in plain Python
SHORT_DOC = 200


def _doc_cache(doc: Doc) -> Dict:
    """What has been computed for ``doc`` so far."""
    global _LAST
    last = _LAST
    if last[0]() is doc:
        return last[1]
    cache = _BY_DOC.get(doc)
    if cache is None:
        cache = _BY_DOC[doc] = {}
    _LAST = (weakref.ref(doc), cache)
    return cache


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
    """Drop what is cached from ``attr`` (its array, its distinct words) after a component
    changed that attribute."""
    cache = _doc_cache(doc)
    cache.pop(attr, None)
    cache.pop(("distinct", attr), None)
    cache.pop(("values", attr), None)
    cache.pop(("words", attr), None)
    cache.pop(("ranks", attr), None)
    cache.pop(("by_rank", attr), None)


def _char_bounds(doc: Doc) -> Tuple[List[int], List[int]]:
    """For each token, its first character offset and the offset just after its text;
    computed once per Doc (tokens never change after the tokenizer)."""
    cache = _doc_cache(doc)
    if "chars" not in cache:
        starts = attribute_array(doc, IDX).tolist()
        cache["chars"] = (starts, [s + n for s, n in zip(starts, attribute_array(doc, LENGTH).tolist())])
    return cache["chars"]


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` without building the Span (spaCy's slicing costs a few
    microseconds each time)."""
    if not 0 <= start < end <= len(doc):
        return doc[start:end].text  # empty, clipped or counted from the end: spaCy's own rules
    starts, ends = _char_bounds(doc)
    return doc_text(doc)[starts[start]:ends[end - 1]]


def span_chars(doc: Doc, start: int, end: int) -> Tuple[str, int, int]:
    """``(span.text, span.start_char, span.end_char)`` of ``doc[start:end]``, without
    building the Span."""
    if not 0 <= start < end <= len(doc):
        span = doc[start:end]
        return span.text, span.start_char, span.end_char
    starts, ends = _char_bounds(doc)
    return doc_text(doc)[starts[start]:ends[end - 1]], starts[start], ends[end - 1]


def sentence_bounds(doc: Doc, i: int) -> Tuple[int, int]:
    """``(tok.sent.start, tok.sent.end)`` for the token at ``i``, from the Doc's sentence
    starts read once per Doc (``Token.sent`` builds two Spans and walks the tokens)."""
    cache = _doc_cache(doc)
    bounds = cache.get("sents")
    if bounds is None:
        if doc.user_hooks or doc.user_token_hooks or doc.user_span_hooks or not doc.has_annotation("SENT_START"):
            sent = doc[i].sent  # custom sentence hooks (or none set): spaCy decides, and raises
            return sent.start, sent.end
        flags = attribute_array(doc, SENT_START).tolist()
        first, last = [0] * len(flags), [len(flags)] * len(flags)
        start = 0
        for k in range(1, len(flags) + 1):
            if k == len(flags) or flags[k] == 1:
                for j in range(start, k):
                    first[j], last[j] = start, k
                start = k
        bounds = cache["sents"] = (first, last)
    return bounds[0][i], bounds[1][i]


def sentence_chars(doc: Doc, i: int) -> Tuple[int, int]:
    """``(tok.sent.start_char, tok.sent.end_char)`` for the token at ``i``."""
    start, end = sentence_bounds(doc, i)
    starts, ends = _char_bounds(doc)
    return starts[start], ends[end - 1]


def line_breaks(doc: Doc) -> Tuple[List[bool], List[bool]]:
    """For each token, whether its text holds a line break, and whether the space after it
    does; computed once per Doc."""
    cache = _doc_cache(doc)
    if "line_breaks" not in cache:
        in_text, after = [False] * len(doc), [False] * len(doc)
        text = doc_text(doc)
        if "\n" in text:  # found from the breaks of the text, without building every Token
            starts = attribute_array(doc, IDX).tolist()
            i = 0
            at = text.find("\n")
            while at != -1:
                while i + 1 < len(starts) and starts[i + 1] <= at:
                    i += 1
                if at < starts[i] + len(doc[i].text):
                    in_text[i] = True
                else:
                    after[i] = True
                at = text.find("\n", at + 1)
        cache["line_breaks"] = (in_text, after)
    return cache["line_breaks"]


def _distinct_values(doc: Doc, attr: int) -> Tuple[Dict[int, int], numpy.ndarray]:
    """The distinct hashes of ``attr`` in ``doc`` (each mapped to its rank), and for each
    token the rank of its own; computed once per Doc."""
    cache = _doc_cache(doc)
    key = ("distinct", attr)
    if key not in cache:
        array = attribute_array(doc, attr)
        if len(array) <= SHORT_DOC:
            # on a short Doc plain Python is faster than numpy's sort (ranks in order of
            # first occurrence; no caller depends on the order of the ranks)
            rank: Dict[int, int] = {}
            cache[key] = (rank, [rank.setdefault(v, len(rank)) for v in array.tolist()])
        else:
            values, word_of = numpy.unique(array, return_inverse=True)
            cache[key] = ({v: k for k, v in enumerate(values.tolist())}, word_of)
    return cache[key]


def _value_set(doc: Doc, attr: int) -> frozenset:
    """The distinct hashes of ``attr`` in ``doc`` as a set: intersecting two sets reuses
    their stored hashes, where testing a dict's keys hashes each 64-bit value again."""
    cache = _doc_cache(doc)
    key = ("values", attr)
    if key not in cache:
        cache[key] = frozenset(_distinct_values(doc, attr)[0])
    return cache[key]


def _distinct_words(doc: Doc, attr: int) -> Tuple[List[str], numpy.ndarray]:
    """The distinct lower-case forms (``LOWER``), lower-cased lemmas (``LEMMA``) or texts
    (``ORTH``, as written) of ``doc``, and for each token the index of its own in that
    list; computed once per Doc."""
    cache = _doc_cache(doc)
    key = ("words", attr)
    if key not in cache:
        values, word_of = _distinct_values(doc, attr)
        strings = doc.vocab.strings
        if attr == ORTH:
            cache[key] = ([strings[v] for v in values], word_of)
        else:
            cache[key] = ([strings[v].lower() for v in values], word_of)
    return cache[key]


def _by_rank(doc: Doc, attr: int) -> Tuple[List[int], List[int]]:
    """For a short Doc (`_distinct_values` gives a list), its token indices grouped by the
    rank of their value, in order within each group, and where each rank's group starts
    (one more entry at the end): the tokens of rank ``k`` are
    ``order[starts[k]:starts[k + 1]]``. Two lists per Doc and attribute, computed once, so
    that `_tokens_of` slices instead of walking every token on each lookup."""
    cache = _doc_cache(doc)
    key = ("by_rank", attr)
    if key not in cache:
        rank, word_of = _distinct_values(doc, attr)
        counts = [0] * (len(rank) + 1)
        for w in word_of:
            counts[w + 1] += 1
        cache[key] = (sorted(range(len(word_of)), key=word_of.__getitem__), list(accumulate(counts)))
    return cache[key]


def _tokens_of(word_of: numpy.ndarray, n_words: int, kept: List[int], doc: Doc, attr: int) -> List[int]:
    """Token indices, in order, whose distinct word (index into the Doc's distinct words,
    ``word_of``, of ``attr``) is one of ``kept``."""
    if type(word_of) is list:  # a short Doc (`_distinct_values`)
        order, starts = _by_rank(doc, attr)
        if len(kept) == 1:
            k = kept[0]
            return order[starts[k]:starts[k + 1]]
        found: List[int] = []
        for k in set(kept):  # (two word sets of `positions_in` may share a word)
            found += order[starts[k]:starts[k + 1]]
        found.sort()
        return found
    if len(kept) == 1:
        return numpy.flatnonzero(word_of == kept[0]).tolist()
    mask = numpy.zeros(n_words, dtype=bool)
    mask[kept] = True
    return numpy.flatnonzero(mask[word_of]).tolist()


def positions_of(doc: Doc, attr: int, hashes: Iterable[int]) -> List[int]:
    """Token indices of ``doc``, in order, whose value of ``attr`` (``ORTH``, ``LOWER``,
    ``LEMMA``) is one of ``hashes``; the Doc's distinct values are tested, not every token
    (``numpy.isin`` costs tens of microseconds even on short Docs)."""
    if not len(doc):
        return []
    hashes = hashes if isinstance(hashes, (set, frozenset)) else set(hashes)
    rank, word_of = _distinct_values(doc, attr)
    common = hashes.intersection(_value_set(doc, attr))
    if not common:
        return []
    return _tokens_of(word_of, len(rank), [rank[v] for v in common], doc, attr)


def positions_where(doc: Doc, keep: Callable[[str], bool], *, attr: str = "LOWER") -> List[int]:
    """Token indices of ``doc``, in order, whose lower-case form (or lower-cased lemma, with
    ``attr="LEMMA"``, or text as written, with ``attr="ORTH"``) passes ``keep``. Each
    distinct word of the Doc is tested once, and no Token is built: a cheap way to find the
    few tokens a rule that scans the whole document can start from.

    >>> import spacy
    >>> positions_where(spacy.blank("en")("The US led, then Saudi Arabia led."), lambda w: w == "led")
    [2, 7]
    """
    words, word_of = _distinct_words(doc, _ATTRS[attr])
    kept = list(compress(range(len(words)), map(keep, words)))  # (no Python loop of its own)
    if not kept:
        return []
    return _tokens_of(word_of, len(words), kept, doc, _ATTRS[attr])


def _word_ranks(doc: Doc, attr: int) -> Tuple[Dict[str, int], Dict[str, List[int]], frozenset]:
    """Each distinct word of `_distinct_words` (lower-cased unless ``ORTH``) mapped to the
    index of the distinct value that gives it; the words that more than one value gives
    (two lemmas "Attend" and "attend") mapped to all of theirs; and the words as a set.
    Computed once per Doc and attribute, as three containers (a list per word would leave
    hundreds of objects per Doc for the garbage collector to walk)."""
    cache = _doc_cache(doc)
    key = ("ranks", attr)
    if key not in cache:
        ranks: Dict[str, int] = {}
        shared: Dict[str, List[int]] = {}
        for k, w in enumerate(_distinct_words(doc, attr)[0]):
            if w in ranks:
                shared.setdefault(w, [ranks[w]]).append(k)
            else:
                ranks[w] = k
        cache[key] = (ranks, shared, frozenset(ranks))
    return cache[key]


def positions_in(doc: Doc, *word_sets: Iterable[str], attr: str = "LOWER") -> List[int]:
    """``positions_where(doc, lambda w: w in A or w in B ..., attr=attr)`` for the sets of
    words ``A``, ``B`` ... (lower-case, or as written with ``attr="ORTH"``), without calling
    a predicate on each distinct word of the Doc: each set is intersected with the Doc's
    distinct words (a C-level set operation).

    >>> import spacy
    >>> positions_in(spacy.blank("en")("The US led, then Saudi Arabia led."), {"led"}, {"then"})
    [2, 4, 7]
    """
    words, word_of = _distinct_words(doc, _ATTRS[attr])
    if not words:
        return []
    ranks, shared, present = _word_ranks(doc, _ATTRS[attr])
    kept: List[int] = []
    for ws in word_sets:
        # (the set operation walks the smaller of the two sets)
        for w in present.intersection(ws) if isinstance(ws, (set, frozenset)) else present.intersection(set(ws)):
            if w in shared:
                kept += shared[w]
            else:
                kept.append(ranks[w])
    if not kept:
        return []
    return _tokens_of(word_of, len(words), kept, doc, _ATTRS[attr])


def positions_of_words(doc: Doc, words: Iterable[str], *, attr: str = "LOWER") -> List[int]:
    """``positions_where(doc, lambda w: w in words, attr=attr)`` for ``attr="LOWER"``
    (lower-case ``words``) or ``attr="ORTH"``, by hash: no predicate is called for each
    distinct word of the Doc.

    >>> import spacy
    >>> positions_of_words(spacy.blank("en")("The US led, then Saudi Arabia led."), ["led"])
    [2, 7]
    """
    return positions_of(doc, {"LOWER": LOWER, "ORTH": ORTH}[attr], {hash_string(w) for w in words})


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
        self.hashes = frozenset(vocab.strings.add(w) for w in forms)

    def positions(self, doc: Doc) -> List[int]:
        """Token indices of ``doc`` whose attribute is one of the words."""
        if not len(doc) or not self.hashes:
            return []
        # the Doc's distinct values (a few dozen) are tested, not every token
        return positions_of(doc, self.attr, self.hashes)

    def __contains__(self, word: str) -> bool:
        return word.lower() in self.words


def hyphenated(doc: Doc) -> List[tuple]:
    """(index of the last part, lower-case lemma) of the hyphenated compounds the tokenizer
    split ("sit-down" -> sit, -, down) and parsed as a noun: the last part heads the compound."""
    out = []
    for i in positions_of_words(doc, ["-"]):
        if not 0 < i < len(doc) - 1:
            continue
        hy = doc[i]
        if hy.text == "-" and not hy.whitespace_ and not doc[i - 1].whitespace_ \
                and doc[i - 1].is_alpha and doc[i + 1].is_alpha and doc[i + 1].pos_ in ("NOUN", "PROPN"):
            out.append((i + 1, f"{doc[i - 1].lower_}-{doc[i + 1].lemma_.lower()}"))
    return out
