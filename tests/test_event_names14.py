"""Event names (events14): historical events the model misses or cuts, one historical
event under several names, a name's edition words written ordinals, and the name without
its edition words as a written form."""
from __future__ import annotations

import pytest

import relext

from entity_lookups import event_entities as _events
from entity_lookups import forms as _forms


@pytest.mark.parametrize("text,form", [
    ("Veterans of the Korean War and World War I laid wreaths on Sunday.", "World War I"),
    ("The museum tells of the Holocaust through letters and photographs.", "Holocaust"),
])
def test_historical_events_the_model_misses(nlp, text, form):
    assert any(form in _forms(e) for e in _events(nlp, text))


def test_a_museum_named_after_an_event_stays_a_body(nlp):
    ex = relext.extract("The senator toured the Holocaust Memorial Museum on Friday.", nlp=nlp)
    assert "Holocaust Memorial Museum" in {e.name for e in ex.entities if e.type.value == "ORGANISATION"}


def test_one_war_under_several_names_is_one_event(nlp):
    ev = _events(nlp, "The town was rebuilt after World War II. Veterans of WWII met there, and a film about "
                      "the Second World War, which Moscow calls the Great Patriotic War, opened.")
    assert len(ev) == 1
    assert {"WWII", "Second World War", "Great Patriotic War"} <= _forms(ev[0])


def test_two_world_wars_stay_apart(nlp):
    ev = _events(nlp, "The city was shelled in World War I and bombed again in World War II.")
    assert len(ev) == 2


def test_a_word_ordinal_edition_is_the_same_summit(nlp):
    ev = _events(nlp, "Ministers prepared the Tenth Summit of the Pacific Rim in Lima. Chile said the "
                      "Summit of the Pacific Rim would discuss fisheries.")
    assert len(ev) == 1


@pytest.mark.parametrize("text,form", [
    ("The bloc's leaders arrived for the 12th Mekong summit on Monday.", "Mekong summit"),
    ("The envoy spoke at the 2022 Halifax Security Forum on Sunday.", "Halifax Security Forum"),
])
def test_a_name_without_its_edition_words_is_a_written_form(nlp, text, form):
    assert any(form in _forms(e) for e in _events(nlp, text))


def test_a_dated_election_keeps_its_year(nlp):
    """Dated elections are no events of their own (the check sets' gold does not hold them),
    and no written form drops a year to leave words that name nothing."""
    for e in _events(nlp, "The party lost the 2019 general election badly."):
        assert "general election" not in _forms(e)


def test_two_year_editions_keep_their_short_name_apart(nlp):
    """With two editions named, the short name is neither's written form."""
    ev = _events(nlp, "Kuwait hosted the 2019 Gulf Cup and will host the 2031 Gulf Cup. Fans expect the Gulf Cup "
                      "to sell out.")
    assert sum("Gulf Cup" in _forms(e) for e in ev) <= 1


def test_the_paralympics_are_not_the_olympics(nlp):
    ev = _events(nlp, "The Lisbon Olympics closed on Sunday, and the Lisbon Paralympics open next week.")
    assert len(ev) == 2
    para = [e for e in ev if any("Paralympics" in f for f in _forms(e))]
    assert len(para) == 1 and not any("Olympics" in f and "Para" not in f for f in _forms(para[0]))


def test_the_song_contest_under_its_short_name_is_one_event(nlp):
    ev = _events(nlp, "Two broadcasters threatened to boycott the Eurovision Song Contest. Norway said it would "
                      "still take part in Eurovision.")
    assert len(ev) == 1
    assert {"Eurovision", "Eurovision Song Contest"} <= _forms(ev[0])


def test_a_city_marathon_is_an_event(nlp):
    assert any("Rotterdam Marathon" in _forms(e) for e in _events(nlp, "Two Ethiopians won the Rotterdam Marathon."))


@pytest.mark.parametrize("text", [
    "She won the Liberal leadership contest in the spring.",  # a party's race, no named event
    "After marathon talks in Lisbon, the ministers agreed a text.",
])
def test_contests_and_marathon_talks_name_no_event(nlp, text):
    assert not _events(nlp, text)


def test_host_and_year_name_the_games_of_the_text(nlp):
    ev = _events(nlp, "Organisers of Valdora Nevis 2034 met on Monday. The Valdora Winter Olympics will use old venues.")
    assert len(ev) == 1
    assert "Valdora Nevis 2034" in _forms(ev[0])


def test_an_expo_of_a_games_year_stays_apart(nlp):
    ev = _events(nlp, "The 2030 Winter Olympics will be held in the Alps. Riyadh will host Expo 2030.")
    assert len(ev) == 2

