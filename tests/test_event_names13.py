"""Event names (events13): a body's leaders' summit, talks placed after their topic, one
summit under its full name, its place name and its host's demonym."""
from __future__ import annotations

import pytest

from entity_lookups import event_entities as _events
from entity_lookups import forms as _forms
from entity_lookups import organisation_entities as _orgs


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


def test_a_body_set_up_in_a_year_is_the_body_not_its_meeting(nlp):
    text = "The G20 was set up in 1999 by nineteen states and the EU."
    assert not _events(nlp, text) and any(e.name == "G20" for e in _orgs(nlp, text))


def test_a_body_set_for_a_date_is_still_its_meeting(nlp):
    assert _events(nlp, "The G20 scheduled for next week in Rio will test the host.")


@pytest.mark.parametrize("text,name", [
    ("Gustavo Petro was sworn in on Sunday. Hundreds of guests attended the inauguration in Bogota.",
     "inauguration of Gustavo Petro"),
    ("Colombia's new president, Gustavo Petro, was sworn in on Sunday. A dozen leaders attended the inauguration.",
     "inauguration of Gustavo Petro"),
    ("Emperor Naruhito was enthroned in 2019. Many dignitaries attended the enthronement.", "enthronement of Naruhito"),
    ("Tina Turner passed away in Zurich. Thousands attended the funeral.", "funeral of Tina Turner"),
])
def test_occasion_of_the_one_person_who_took_office_or_died(nlp, text, name):
    assert any(e.name == name for e in _events(nlp, text))


def test_inauguration_after_two_people_sworn_in_names_nobody(nlp):
    ev = _events(nlp, "Gustavo Petro was sworn in on Sunday. Francia Marquez was sworn in too. "
                      "Guests attended the inauguration.")
    assert not any(e.name.startswith("inauguration of") for e in ev)


@pytest.mark.parametrize("text,form", [
    ("The leader opened the 19th party congress in the capital.", "19th party congress"),
    ("Delegates gathered for the party's 13th congress in the capital.", "party's 13th congress"),
])
def test_numbered_party_congress_is_an_event(nlp, text, form):
    assert any(form in _forms(e) for e in _events(nlp, text))


def test_unnumbered_party_congress_is_no_event(nlp):
    assert not _events(nlp, "A party congress will be held next year.")


def test_a_described_body_s_year_edition_is_an_event(nlp):
    ev = _events(nlp, "Egypt joined the SCO in 2021. Cairo said the bloc had approved the request at its 2019 summit in Bishkek.")
    assert any("2019 summit" in _forms(e) for e in ev)


def test_a_year_edition_owned_by_a_pronoun_needs_a_body(nlp):
    assert not _events(nlp, "The company said its 2019 summit for retailers was cancelled.")


def test_a_summit_named_by_its_host_state_is_the_passage_s_one_summit(nlp):
    ev = _events(nlp, "Gulf rulers shun US summit. Most Gulf leaders will skip the Camp David summit on Thursday.")
    assert len(ev) == 1 and "US summit" in _forms(ev[0])


def test_a_host_named_summit_stays_apart_among_two_others(nlp):
    ev = _events(nlp, "Leaders shun US summit. They went to the Camp David summit and later to the G20 summit in Osaka.")
    assert len(ev) == 3


def test_the_event_is_no_war_named_before_it(nlp):
    ev = _events(nlp, "The Liberation Day parade honoured the veterans of World War II. "
                      "Foreign guests attended the yearly event.")
    war = [e for e in ev if "War" in e.name]
    assert war and not any("yearly event" in _forms(e) for e in war)
