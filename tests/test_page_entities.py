"""Entity classes of news web pages: prize ceremonies and named event parts, capitals for
their state in noun phrases, outlets in bylines and photo credits, nickname-split names."""
from __future__ import annotations

import pytest

import relext


def _typed(nlp, text):
    ex = relext.extract(text, nlp=nlp)
    return {m.text: e.type.value for e in ex.entities for m in e.mentions if m.kind.value in ("NAME", "METONYM")}


def _events(nlp, text):
    ex = relext.extract(text, nlp=nlp)
    return {m.text: e.id for e in ex.entities if e.type.value == "EVENT" for m in e.mentions}


# -- 1. prize ceremonies and named parts of an event ------------------------------------
@pytest.mark.parametrize("text,name", [
    ("Kenya and Peru will not be present at the Sakharov Prize ceremony in Strasbourg.", "Sakharov Prize ceremony"),
    ("Seven states shunned the Nobel ceremony in Oslo.", "Nobel ceremony"),
    ("Envoys attended the 2019 Right Livelihood Award ceremony in Stockholm.", "2019 Right Livelihood Award ceremony"),
    ("Delegates gathered for the Ukraine Peace Summit. Zelensky spoke at the summit's closing press conference.",
     "closing press conference"),
    ("The ministers met at the opening press conference of the Andes Trade Forum.",
     "opening press conference of the Andes Trade Forum"),
])
def test_prize_ceremonies_and_event_parts_are_events(nlp, text, name):
    assert name in _events(nlp, text)


@pytest.mark.parametrize("text", [
    "Biden's closing press conference ran long.",            # a person's press conference is no event part
    "The prize was handed over at a quiet ceremony.",         # an unnamed ceremony
    "She held a press conference in Lima on Monday.",
])
def test_unnamed_ceremonies_and_press_conferences_are_not_events(nlp, text):
    assert not _events(nlp, text)


def test_short_and_long_name_of_one_prize_ceremony_are_one_event(nlp):
    ev = _events(nlp, "Six states shunned the Nobel ceremony. Russia will skip the 2010 Nobel Peace Prize ceremony.")
    assert ev["Nobel ceremony"] == ev["2010 Nobel Peace Prize ceremony"]


def test_a_prize_ceremony_is_not_an_opening_ceremony_of_another_event(nlp):
    ev = _events(nlp, "Athletes came to the Tokyo Olympics. Later the Laureus Awards ceremony was held in Madrid.")
    assert "olympics" not in ev["Laureus Awards ceremony"]
