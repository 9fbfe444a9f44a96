"""Untagged names whose first word is both an English word and a common given name."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from relext.gazetteer import read_data
from relext.pipeline.person_or_place import GIVEN_NAMES

ROOT = Path(__file__).resolve().parents[1]


def _people(nlp, text):
    return [e.text for e in nlp(text).ents if e.label_ == "PERSON"]


@pytest.mark.parametrize("text, name", [
    ("Ana Ruiz said the talks would resume in March.", "Ana Ruiz"),
    ("Ana Ruiz and Tomas Berg arrived in Lisbon on Monday.", "Ana Ruiz"),
    ("Asked about the vote, Ana Ruiz said nothing had changed.", "Ana Ruiz"),
    ("Tarik Omeragic and Ana Ruiz arrived in Lima on Monday.", "Ana Ruiz"),  # a later conjunct
    ("Tomas Berg, Ana Ruiz and Jelena Novak said the talks had failed.", "Ana Ruiz"),
])
def test_name_opening_with_a_given_name_that_is_also_a_word_is_a_person(nlp, text, name):
    assert name in _people(nlp, text)


@pytest.mark.parametrize("text, words", [
    ("Hope Street said the shop would close.", "Hope Street"),       # last word an English word
    ("Human Rights Watch said the vote was unfair.", "Human Rights Watch"),  # no given name
    ("Norway and Human Rights Watch said the vote was unfair.", "Human Rights Watch"),  # conjunct
    ("Ana Ruiz and Hope Street said nothing.", "Hope Street"),
])
def test_name_ending_in_an_english_word_stays_no_person(nlp, text, words):
    assert words not in _people(nlp, text)


def test_arrival_of_two_people_gives_both_visits():
    import relext

    ex = relext.extract("Ana Ruiz and Tomas Berg arrived in Lisbon on Monday.")
    visitors = {r.subject for r in ex.relations if r.predicate == "VISITS"}
    assert visitors == {"person:ana-ruiz", "person:tomas-berg"}


def test_given_names_are_lower_case_and_hold_no_country_or_capital():
    assert "ana" in GIVEN_NAMES and "maria" in GIVEN_NAMES
    assert all(n == n.lower() and n.isalpha() for n in GIVEN_NAMES)
    assert not {"china", "paris", "georgia", "jordan"} & GIVEN_NAMES
    assert "US Census" in read_data("given_names.yaml")["source"]


def test_census_lines_are_read_as_names():
    spec = importlib.util.spec_from_file_location("derive_given_names", ROOT / "scripts" / "derive_given_names.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.read_census(["MARY           2.629  2.629      1", "", "JOSE 0.613 30.1 30"]) == ["mary", "jose"]
