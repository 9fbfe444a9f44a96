"""Event names (events12): host city and year after the Games, capitalised tails of a name,
one meeting under two namings of its parties, a body's numbered session."""
from __future__ import annotations

import pytest

import relext

from entity_lookups import event_entities as _events
from entity_lookups import forms as _forms


def test_games_placed_by_city_and_year_after_the_name_are_their_own_edition(nlp):
    ev = _events(nlp, "Spain will host the Summer Olympics in Madrid in 2036, while the Tokyo Olympics were held in 2021.")
    assert len(ev) == 2


def test_games_in_a_host_city_are_the_edition_held_there(nlp):
    ev = _events(nlp, "Putin attended the Winter Olympics in Sochi. Obama stayed away from the Sochi Games.")
    assert len(ev) == 1 and ev[0].id == "event:2014-winter-olympics"


def test_a_month_after_the_games_names_no_host(nlp):
    ev = _events(nlp, "He attended the Winter Olympics in February, before the Beijing Winter Olympics closed.")
    assert len(ev) == 1


@pytest.mark.parametrize("text,form", [
    ("Ninety states attended the Summit on Food Security in Africa last week.", "Summit on Food Security in Africa"),
])
def test_capitalised_tail_is_a_form_of_the_name(nlp, text, form):
    assert any(form in _forms(e) for e in _events(nlp, text))


def test_lower_case_tail_of_a_capitalised_head_is_no_form(nlp):
    ev = _events(nlp, "Delegates attended the World Conference against hunger in Rome.")
    assert not any("World Conference against hunger" in _forms(e) for e in ev)


def test_two_namings_of_a_meetings_parties_are_one_event(nlp):
    text = ("Macron said he would attend the EU-Africa summit. Rutte will also go to the summit of the "
            "European Union and Africa in Abidjan.")
    ex = relext.extract(text, nlp=nlp)
    ev = [e for e in ex.entities if e.type.value == "EVENT"]
    assert len(ev) == 1
    attends = {str(r.subject) for r in ex.relations if str(getattr(r.predicate, "value", r.predicate)) == "ATTENDS"}
    assert len(attends) == 2  # both relations follow the merged node


def test_other_parties_or_one_party_stay_apart(nlp):
    ev = _events(nlp, "Xi will skip the EU-China summit. Sanchez will go to the EU summit. Lula went to the China-Arab summit.")
    assert len({e.id for e in ev}) == 3


def test_a_numbered_session_of_a_body_is_an_event(nlp):
    text = ("The foreign ministers met at the 52nd General Assembly of the Andean Parliament in Lima. "
            "Peru attended the 52nd General Assembly.")
    ev = _events(nlp, text)
    assert len(ev) == 1
    assert "52nd General Assembly" in _forms(ev[0])


def test_an_unnumbered_assembly_stays_a_body(nlp):
    ex = relext.extract("Biden addressed the General Assembly of the Andean Parliament.", nlp=nlp)
    assert not [e for e in ex.entities if e.type.value == "EVENT"]


def test_the_last_summit_beside_this_years_summit_are_two_editions(nlp):
    text = ("At the last BRICS summit, in Kazan, members discussed payments. This year's BRICS summit "
            "will take place in Rio.")
    ev = _events(nlp, text)
    assert len({e.id for e in ev}) == 2
    assert any("last BRICS summit" in _forms(e) for e in ev)


def test_the_last_summit_alone_stays_with_the_summit(nlp):
    ev = _events(nlp, "Lula flew to the G20 summit in Rio. Unlike at the last G20 summit, Putin stayed away.")
    assert len({e.id for e in ev}) == 1
