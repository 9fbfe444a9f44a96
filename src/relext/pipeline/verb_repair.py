"""Verbs the tagger read as nouns.

Headlines and captions put verbs in the present tense ("Biden and Modi greet ...",
"Leaders sign ..."), where the small model often tags a plural-looking verb as a noun
while the parser still gives it a subject and an object. A noun never has a subject: a
noun token heading a clause, with a subject before it and no determiner, is a verb,
and gets a verb's lemma (`relext.pipeline.lemmas.verb_lemma`).
"""
from __future__ import annotations

from spacy.attrs import LEMMA
from spacy.tokens import Doc

from ._lookup import forget_attribute
from .lemmas import correct_lemma

CLAUSE_DEPS = ("ROOT", "conj", "ccomp", "advcl", "relcl")


def repair_verbs(doc: Doc) -> None:
    """Set the part of speech of clause-heading nouns with a subject to VERB, and their
    lemma to a verb's, in place."""
    relemmatized = False
    for tok in doc:
        if tok.pos_ != "NOUN" or tok.dep_ not in CLAUSE_DEPS or not tok.is_lower:
            continue
        kids = list(tok.children)
        if any(c.dep_ in ("det", "poss", "amod", "nummod") for c in kids):
            continue
        if any(c.dep_ == "nsubj" and c.i < tok.i for c in kids) \
                and any(c.dep_ in ("dobj", "prep", "prt", "npadvmod") and c.i > tok.i for c in kids):
            tok.pos_ = "VERB"
            tok.tag_ = "VBZ" if tok.lower_.endswith("s") else "VBP"
            relemmatized |= correct_lemma(tok)
    if relemmatized:
        forget_attribute(doc, LEMMA)
