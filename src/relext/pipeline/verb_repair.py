"""Verbs the tagger read as nouns.

Headlines and captions put verbs in the present tense ("Biden and Modi greet ...",
"Leaders sign ..."), where the small model often tags a plural-looking verb as a noun
while the parser still gives it a subject and an object. A noun never has a subject: a
noun token heading a clause, with a subject before it and no determiner, is a verb,
and gets a verb's lemma (`relext.pipeline.lemmas.verb_lemma`); so is one that opens on
coordinated names the parser hung on it as modifiers ("William and Kate land in Belize").
"""
from __future__ import annotations

import numpy
from spacy.attrs import DEP, IS_LOWER, LEMMA, POS
from spacy.parts_of_speech import NOUN
from spacy.tokens import Doc

from ._lookup import forget_attribute
from .lemmas import correct_lemma

CLAUSE_DEPS = ("ROOT", "conj", "ccomp", "advcl", "relcl")


def repair_verbs(doc: Doc) -> None:
    """Set the part of speech of clause-heading nouns with a subject to VERB, and their
    lemma to a verb's, in place."""
    relemmatized = False
    if not len(doc):
        return
    # the lower-case nouns heading a clause, read from the arrays (no Token for the others);
    # a repair below changes only the repaired noun and a proper noun before it
    pos, dep, lower = doc.to_array([POS, DEP, IS_LOWER]).T
    clause_deps = {doc.vocab.strings.add(d) for d in CLAUSE_DEPS}
    for i in numpy.flatnonzero((pos == NOUN) & (lower == 1)).tolist():
        if int(dep[i]) not in clause_deps:
            continue
        tok = doc[i]
        if tok.pos_ != "NOUN" or tok.dep_ not in CLAUSE_DEPS or not tok.is_lower:
            continue
        kids = list(tok.children)
        if any(c.dep_ in ("det", "poss", "amod", "nummod") for c in kids):
            continue
        if not any(c.dep_ in ("dobj", "prep", "prt", "npadvmod") and c.i > tok.i for c in kids):
            continue
        # "William and Kate land in Belize": the coordinated names were read as the
        # noun's modifier; they are its subject
        names = [c for c in kids if c.dep_ in ("nmod", "compound") and c.i < tok.i and c.pos_ == "PROPN"
                 and any(x.dep_ == "conj" and x.pos_ == "PROPN" for x in c.children)]
        if not any(c.dep_ == "nsubj" and c.i < tok.i for c in kids) and names and tok.sent.start == names[0].left_edge.i:
            names[0].dep_ = "nsubj"
        if any(c.dep_ == "nsubj" and c.i < tok.i for c in kids):
            tok.pos_ = "VERB"
            tok.tag_ = "VBZ" if tok.lower_.endswith("s") else "VBP"
            relemmatized |= correct_lemma(tok)
    if relemmatized:
        forget_attribute(doc, LEMMA)
