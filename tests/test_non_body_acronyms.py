"""Abbreviations of goods, measures, treaties and projects name no body
(``drop`` in relext/data/corrections.yaml)."""
from __future__ import annotations

import pytest

import relext


def _names(nlp, text):
    return {m.text for e in relext.extract(text, nlp=nlp).entities for m in e.mentions}


@pytest.mark.parametrize("text,word", [
    ("Shipments of LNG to Europe doubled last winter.", "LNG"),
    ("Tehran said it would return to the JCPOA once sanctions ended.", "JCPOA"),
    ("Pakistan said work on CPEC projects would speed up.", "CPEC"),
    ("Moscow suspended its part in New START in February.", "New START"),
])
def test_non_body_acronym_is_no_entity(nlp, text, word):
    assert word not in _names(nlp, text)


def test_body_acronyms_stay(nlp):
    # near miss: a body's acronym in the same shape
    assert "NATO" in _names(nlp, "Shipments of arms to NATO members doubled last winter.")


@pytest.mark.parametrize("text,word", [
    ("Sign up for our Newsletter to get the briefing.", "Newsletter"),
    ("Send this story by Email or print it.", "Email"),
    ("Click here to read the Terms of Service first.", "Terms of Service"),
])
def test_page_furniture_is_no_entity(nlp, text, word):
    assert word not in _names(nlp, text)
