"""Verb lemmas the rule lemmatizer gets wrong, corrected by ``relext_lemmas``."""
import pytest
import spacy
from spacy.tokens import Doc

from relext.pipeline.lemmas import LemmaCorrector, verb_lemma
from relext.pipeline.verb_repair import repair_verbs


def _lemma(nlp, text, word):
    return next(t.lemma_ for t in nlp(text) if t.text == word)


@pytest.mark.parametrize("text, word, lemma", [
    ("The minister hopes to visit the capital next week.", "hopes", "hope"),
    ("The minister hoped to visit the capital.", "hoped", "hope"),
    ("Students staged a sit-in outside the ministry.", "staged", "stage"),
    ("The club readmitted the two players in March.", "readmitted", "readmit"),
    ("The two players were readmitted to the club.", "readmitted", "readmit"),
    ("The talks are slated to resume in June.", "slated", "slate"),
    ("Having signed the deal, the envoys flew home.", "Having", "have"),
])
def test_wrong_verb_lemmas_are_corrected(nlp, text, word, lemma):
    assert _lemma(nlp, text, word) == lemma


@pytest.mark.parametrize("text, word, lemma", [
    ("A stag ran across the road.", "stag", "stag"),            # the noun
    ("The brewers added more hops to the beer.", "hops", "hop"),  # the noun's plural
    ("The rabbit hops across the lawn.", "hops", "hop"),          # the verb "hop"
    ("The envoys met on Tuesday.", "met", "meet"),
    ("The minister could attend the summit.", "could", "could"),  # modals keep spaCy's form
    ("The crowd saw the motorcade.", "saw", "see"),
])
def test_right_lemmas_and_nouns_are_left_alone(nlp, text, word, lemma):
    assert _lemma(nlp, text, word) == lemma


def test_lemma_check_looks_only_at_the_verb_reading():
    assert verb_lemma("staged", "stag") == "stage"
    assert verb_lemma("staged", "stage") is None
    assert verb_lemma("qwertzed", "qwertz") is None  # a word the dictionary lacks keeps spaCy's lemma


def test_component_touches_only_the_configured_parts_of_speech():
    nlp = spacy.blank("en")
    words = ["Protesters", "staged", "a", "protest"]
    doc = Doc(nlp.vocab, words=words, pos=["NOUN", "VERB", "DET", "NOUN"], tags=["NNS", "VBD", "DT", "NN"],
              lemmas=["protester", "stag", "a", "protest"])
    LemmaCorrector(nlp, pos=["AUX"])(doc)
    assert doc[1].lemma_ == "stag"
    LemmaCorrector(nlp, pos=["VERB", "AUX"])(doc)
    assert doc[1].lemma_ == "stage"


def test_component_is_in_the_pipeline_with_its_config(nlp):
    assert "relext_lemmas" in nlp.pipe_names
    assert nlp.get_pipe_config("relext_lemmas")["pos"] == ["VERB", "AUX"]


def test_noun_retagged_as_a_verb_gets_the_verb_lemma():
    vocab = spacy.blank("en").vocab
    # a headline verb read as a plural noun carries the noun's lemma ("leaves" -> "leaf")
    doc = Doc(vocab, words=["Putin", "leaves", "for", "Beijing"], pos=["PROPN", "NOUN", "ADP", "PROPN"],
              deps=["nsubj", "ROOT", "prep", "pobj"], heads=[1, 1, 1, 2], lemmas=["Putin", "leaf", "for", "Beijing"])
    repair_verbs(doc)
    assert (doc[1].pos_, doc[1].lemma_) == ("VERB", "leave")
