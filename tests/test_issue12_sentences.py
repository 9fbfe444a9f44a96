"""The sentences quoted in issue 12 give the right types (and, where stated, relations)."""
from __future__ import annotations

import pytest

import relext


def _types(nlp, text):
    ex = relext.extract(text, nlp=nlp)
    return {m.text: e.type.value for e in ex.entities for m in e.mentions}, ex


def _rels(ex):
    names = {e.id: e.name for e in ex.entities}
    return {(names[r.subject], getattr(r.predicate, "value", r.predicate), names[r.object]) for r in ex.relations}


def test_xi_at_sentence_start_meets_kishida(nlp):
    types, ex = _types(nlp, "On Monday, Xi Jinping met Fumio Kishida.")
    assert types["Xi Jinping"] == types["Fumio Kishida"] == "PERSON"
    assert {frozenset((s, o)) for s, p, o in _rels(ex) if p == "MEETS_WITH"} == {frozenset(("Xi Jinping", "Fumio Kishida"))}


def test_lavrov_met_blinken(nlp):
    types, ex = _types(nlp, "Lavrov met Blinken in Geneva.")
    assert types["Lavrov"] == types["Blinken"] == "PERSON" and types["Geneva"] == "LOCATION"
    assert any(p == "MEETS_WITH" for _, p, _ in _rels(ex))


@pytest.mark.parametrize("text,word", [
    ("Scholz told reporters the trip had been useful.", "Scholz"),
    ("Erdogan said Ankara would not back down.", "Erdogan"),
])
def test_people_are_not_places(nlp, text, word):
    types, _ = _types(nlp, text)
    assert types[word] == "PERSON"


@pytest.mark.parametrize("text,name", [
    ("Hossein Amir-Abdollahian arrived in Muscat on Sunday.", "Hossein Amir-Abdollahian"),
    ("Jean-Yves Le Drian arrived in Beirut on Sunday.", "Jean-Yves Le Drian"),
])
def test_hyphenated_names_are_written_without_spaces(nlp, text, name):
    ex = relext.extract(text, nlp=nlp)
    assert name in {e.name for e in ex.entities if e.type.value == "PERSON"}


def test_dateline_gives_way_to_the_usual_spelling(nlp):
    ex = relext.extract("HIROSHIMA (Reuters) - Leaders gathered in Hiroshima on Friday.", nlp=nlp)
    names = {e.name for e in ex.entities}
    assert "Hiroshima" in names and "HIROSHIMA" not in names


@pytest.mark.parametrize("text,mention", [
    ("Ministers flew in for the OPEC meeting in Vienna.", "OPEC meeting"),
    ("The 26th ASEAN-China Summit opened on Tuesday.", "26th ASEAN-China Summit"),
    ("Leaders Gather For Lima Summit\n\nThe talks begin on Friday.", "Lima Summit"),
])
def test_named_events(nlp, text, mention):
    types, _ = _types(nlp, text)
    assert types.get(mention) == "EVENT"


def test_acronym_defined_in_the_text_is_the_same_body(nlp):
    ex = relext.extract("Iran joined the Shanghai Cooperation Organisation (SCO) on Tuesday. "
                        "The SCO welcomed the step.", nlp=nlp)
    orgs = [e for e in ex.entities if e.type.value == "ORGANISATION"]
    assert len(orgs) == 1 and {"Shanghai Cooperation Organisation", "SCO"} <= {m.text for m in orgs[0].mentions}


def test_capital_as_a_place_and_as_the_state(nlp):
    types, ex = _types(nlp, "Modi arrived in New Delhi on Monday. Later New Delhi said the deal was fair.")
    ents = {e.id: e for e in ex.entities}
    assert "New Delhi" in {m.text for m in ents["country:IND"].mentions}
    assert any(e.type.value == "LOCATION" and any(m.text == "New Delhi" for m in e.mentions) for e in ex.entities)


def test_seat_city_acting_is_the_body_seated_there(nlp):
    types, _ = _types(nlp, "Orban warned Brussels that Hungary would veto the plan.")
    assert types["Brussels"] == "ORGANISATION"
    types, _ = _types(nlp, "Orban arrived in Brussels on Monday.")
    assert types["Brussels"] == "LOCATION"


def test_meeting_of_a_bodys_leaders_is_an_event(nlp):
    types, _ = _types(nlp, "Scholz flew in for an EU leaders' meeting on Friday.")
    assert types.get("EU leaders' meeting") == "EVENT"


@pytest.mark.parametrize("text,mention", [
    ("Macron opened the Paris Olympic Games on Friday.", "Paris Olympic Games"),
    ("Morocco will co-host the 2030 World Cup.", "2030 World Cup"),
])
def test_games_and_cups_are_events(nlp, text, mention):
    types, _ = _types(nlp, text)
    assert types.get(mention) == "EVENT"


def test_unknown_name_that_meets_or_speaks_is_a_person_not_a_place(nlp):
    types, _ = _types(nlp, "Blinken said the talks were useful.")
    assert types["Blinken"] == "PERSON"
    types, _ = _types(nlp, "Talks were held in Tashkent.")  # a place that acts as none stays a place
    assert types["Tashkent"] == "LOCATION"
