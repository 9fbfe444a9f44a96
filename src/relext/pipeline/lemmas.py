"""``relext_lemmas``: verb lemmas the rule lemmatizer got wrong, corrected from LemmInflect.

spaCy's rule lemmatizer strips a suffix and keeps the first result its word list knows,
or, for a word the list lacks, the first rule's output: "hopes" -> "hop", "staged" ->
"stag", "readmitted" -> "readmitte". Every rule keyed on a verb's lemma (triggers,
support verbs, governors of modality) then misses. This component checks the lemma of
each verb and auxiliary against the dictionary of LemmInflect (``getAllLemmas`` for the
token's universal part of speech) and, where spaCy's lemma is not one of the word's
lemmas there, replaces it with LemmInflect's first. Words LemmInflect does not know keep
spaCy's lemma, and so do modals ("could" stays "could", spaCy's convention). Nouns and
adjectives are not touched ("hops" the noun stays "hop"); a noun that
`relext.pipeline.verb_repair` retags as a verb gets its verb lemma there, through
`verb_lemma`.

Cheap by design: the verbs are found with one array read, and each (word, lemma,
part of speech) is looked up once per process.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, List, Optional, Tuple

import numpy
from spacy.attrs import LEMMA, LOWER, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc, Token

from ._base import RuleComponent

#: Universal parts of speech whose lemmas are checked by default.
DEFAULT_POS = ("VERB", "AUX")
#: Penn tags left as spaCy lemmatizes them (modals: spaCy keeps "could", "would").
KEEP_TAGS = frozenset({"MD"})


@lru_cache(maxsize=65536)
def verb_lemma(word: str, lemma: str, upos: str = "VERB") -> Optional[str]:
    """The lemma LemmInflect gives the lower-case ``word`` as ``upos`` where ``lemma``
    (spaCy's) is not among its lemmas, else ``None`` (spaCy's lemma stands)."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word, upos).get(upos, ())
    if not lemmas and upos == "AUX":
        lemmas = getAllLemmas(word, "VERB").get("VERB", ())
    if not lemmas or lemma.lower() in lemmas:
        return None
    return lemmas[0]


def correct_lemma(tok: Token) -> bool:
    """Set ``tok``'s lemma to its verb lemma if spaCy's is not one; whether it changed."""
    upos = tok.pos_ if tok.pos_ in DEFAULT_POS else "VERB"
    new = verb_lemma(tok.lower_, tok.lemma_, upos)
    if new is None:
        return False
    tok.lemma_ = new
    return True


@Language.factory(
    "relext_lemmas",
    default_config={"pos": list(DEFAULT_POS)},
    assigns=["token.lemma"],
    requires=["token.pos", "token.tag", "token.lemma"],
)
def make_lemma_corrector(nlp: Language, name: str, pos: List[str]) -> "LemmaCorrector":
    """Build the ``relext_lemmas`` component (config documented on `LemmaCorrector`)."""
    return LemmaCorrector(nlp, name, pos=pos)


class LemmaCorrector(RuleComponent):
    """Replace verb lemmas that are not lemmas of their word (see the module docstring).

    Args:
        nlp: the pipeline.
        name: the component name.
        pos: the universal parts of speech whose lemmas are checked (``VERB``, ``AUX``).
    """

    def __init__(self, nlp: Language, name: str = "relext_lemmas", *, pos: Iterable[str] = DEFAULT_POS) -> None:
        self.name = name
        self.pos = [p for p in pos if p in DEFAULT_POS]
        self._pos_ids = numpy.asarray([IDS[p] for p in self.pos], dtype="uint64")
        self._keep_tags = numpy.asarray([nlp.vocab.strings.add(t) for t in KEEP_TAGS], dtype="uint64")
        self._strings = nlp.vocab.strings
        # (lower, lemma, pos) hashes -> the corrected lemma, or "" where spaCy's stands
        self._seen: dict = {}

    def match(self, doc: Doc) -> List[Tuple[int, str]]:
        """``(token index, corrected lemma)`` for the verbs whose lemma is wrong."""
        if not len(doc) or not len(self._pos_ids):
            return []
        arr = doc.to_array([POS, TAG, LOWER, LEMMA]).astype("uint64")
        # a few ids each: comparisons one by one (numpy.isin sorts, tens of microseconds per call)
        wanted = numpy.zeros(len(arr), dtype=bool)
        for p in self._pos_ids:
            wanted |= arr[:, 0] == p
        for t in self._keep_tags:
            wanted &= arr[:, 1] != t
        rows = numpy.flatnonzero(wanted)
        out = []
        seen = self._seen
        for i in rows.tolist():
            pos, _, lower, lemma = arr[i].tolist()
            key = (lower, lemma, pos)
            new = seen.get(key)
            if new is None:
                tok = doc[i]
                new = seen[key] = verb_lemma(tok.lower_, tok.lemma_, tok.pos_) or ""
                if len(seen) > 100_000:
                    seen.clear()
            if new:
                out.append((i, new))
        return out

    def set_annotations(self, doc: Doc, result: List[Tuple[int, str]]) -> None:
        """Write the corrected lemmas."""
        for i, lemma in result:
            doc[i].lemma_ = lemma
