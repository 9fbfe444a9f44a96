"""Event names (events13): a body's leaders' summit, talks placed after their topic, one
summit under its full name, its place name and its host's demonym."""
from __future__ import annotations

import pytest

import relext


def _events(nlp, text):
    ex = relext.extract(text, nlp=nlp)
    return [e for e in ex.entities if e.type.value == "EVENT"]


def _forms(e):
    return {m.text for m in e.mentions} | {e.name}


@pytest.mark.parametrize("text,form", [
    ("The prime minister flew home after the G7 leaders' summit in Apulia.", "G7 leaders' summit"),
    ("Kenya's president will attend the AU leaders' summit next month.", "AU leaders' summit"),
])
def test_leaders_summit_named_by_its_body(nlp, text, form):
    assert any(form in _forms(e) for e in _events(nlp, text))


def test_leaders_summit_without_a_body_names_nothing(nlp):
    assert not _events(nlp, "The minister said the leaders' summit would be short.")


@pytest.mark.parametrize("text,form", [
    ("The activist joined the climate talks in Bonn on Tuesday.", "climate talks in Bonn"),
    ("The envoy flew to the peace talks in Doha.", "peace talks in Doha"),
])
def test_topic_talks_placed_after_are_an_event(nlp, text, form):
    assert any(form in _forms(e) for e in _events(nlp, text))


@pytest.mark.parametrize("text", [
    "The talks in Vienna ended without a deal.",  # no topic: any meeting held there
    "The two states held nuclear talks in Oman.",  # no article: a meeting, no named event
    "The minister attended the trade talks in March.",  # a month, not a place
])
def test_talks_without_topic_place_or_article_name_no_event(nlp, text):
    assert not _events(nlp, text)


def test_full_name_place_name_and_demonym_name_are_one_summit(nlp):
    ev = _events(nlp, "The Summit on Climate Finance in Kenya drew forty states. Ghana attended the Kenya summit. "
                      "Peru also joined the Kenyan finance summit.")
    assert len(ev) == 1
    assert {"Kenya summit", "Kenyan finance summit"} <= _forms(ev[0])


def test_a_demonym_summit_on_another_topic_stays_apart(nlp):
    ev = _events(nlp, "The Summit on Climate Finance in Kenya drew forty states. Peru joined the Brazilian trade summit.")
    assert len(ev) == 2
