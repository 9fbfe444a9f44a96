"""Verbs the tagger read as nouns (relext.pipeline.verb_repair), on hand-built parses."""
import spacy
from spacy.tokens import Doc

from relext.pipeline.verb_repair import repair_verbs


def _doc(words, pos, deps, heads):
    return Doc(spacy.blank("en").vocab, words=words, pos=pos, deps=deps, heads=heads)


def test_clause_heading_noun_with_subject_and_object_becomes_a_verb():
    doc = _doc(["Leaders", "greet", "Ruto", "in", "Nairobi"],
               ["NOUN", "NOUN", "PROPN", "ADP", "PROPN"],
               ["nsubj", "ROOT", "dobj", "prep", "pobj"], [1, 1, 1, 1, 3])
    repair_verbs(doc)
    assert doc[1].pos_ == "VERB"


def test_noun_with_determiner_stays_a_noun():
    doc = _doc(["Ruto", "the", "greet", "of", "crowds"],
               ["PROPN", "DET", "NOUN", "ADP", "NOUN"],
               ["nsubj", "det", "ROOT", "prep", "pobj"], [2, 2, 2, 2, 3])
    repair_verbs(doc)
    assert doc[2].pos_ == "NOUN"


def test_noun_without_subject_stays_a_noun():
    doc = _doc(["talks", "in", "Nairobi"], ["NOUN", "ADP", "PROPN"], ["ROOT", "prep", "pobj"], [0, 0, 1])
    repair_verbs(doc)
    assert doc[0].pos_ == "NOUN"
