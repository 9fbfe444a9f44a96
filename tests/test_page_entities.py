"""Entity classes of news web pages: prize ceremonies and named event parts, capitals for
their state in noun phrases, outlets in bylines and photo credits, nickname-split names."""
from __future__ import annotations

import pytest

import relext
from golden_cases import name_types as _typed


def _events(nlp, text):
    ex = relext.extract(text, nlp=nlp)
    return {m.text: e.id for e in ex.entities if e.type.value == "EVENT" for m in e.mentions}


# -- 1. prize ceremonies and named parts of an event ------------------------------------
@pytest.mark.parametrize("text,name", [
    ("Chile and Ghana will stay away from the Sakharov Prize ceremony in Strasbourg.", "Sakharov Prize ceremony"),
    ("Seven states shunned the Nobel ceremony in Oslo.", "Nobel ceremony"),
    ("Envoys attended the 2019 Right Livelihood Award ceremony in Stockholm.", "2019 Right Livelihood Award ceremony"),
    ("Delegates gathered for the Ukraine Peace Forum. Zelensky took questions at the forum's closing press conference.",
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


# -- 2. a capital standing for its state in a noun phrase --------------------------------
@pytest.mark.parametrize("text,name", [
    ("Ottawa's foreign ministry criticised Caracas.", "Ottawa"),
    ("Canberra's government recalled its envoy.", "Canberra"),
    ("Paris would oppose a membership plan for Kiev and Tbilisi.", "Tbilisi"),
    ("Paris would oppose a membership plan for Kiev and Tbilisi.", "Kiev"),
    ("The bloc promised aid for Kyiv and Chisinau.", "Chisinau"),
    ("Armenia keeps close economic links with Moscow.", "Moscow"),
    ("The decision is a challenge to the tribunal, to Tbilisi and to the West.", "Tbilisi"),
    ("The trip is a direct challenge to Kyiv.", "Kyiv"),
    ("Critics read the ruling as an affront to the panel, to Tbilisi, to Brussels and to campaigners.", "Tbilisi"),
    ("The envoy said the prime minister spoke only for Budapest.", "Budapest"),
])
def test_capitals_owning_a_state_body_or_given_a_policy_are_countries(nlp, text, name):
    assert _typed(nlp, text).get(name) == "COUNTRY"


@pytest.mark.parametrize("text,name", [
    ("Ottawa's mayor opened the new bridge.", "Ottawa"),
    ("She later flew to Kyiv and Tbilisi.", "Tbilisi"),
    ("He left for Kiev and Tbilisi on Monday.", "Tbilisi"),
    ("Tourists crowded Moscow's Red Square.", "Moscow"),
    ("She made a trip to Moscow in May.", "Moscow"),
    ("Many saw the trip as a detour to the coast, to Kyiv and to Lviv.", "Kyiv"),
    ("She flew to Rome, to Kyiv and then to Warsaw.", "Kyiv"),
    ("The minister left for Budapest on Monday.", "Budapest"),
])
def test_capitals_as_places_stay_locations(nlp, text, name):
    assert _typed(nlp, text).get(name) == "LOCATION"


# -- 3. outlets in bylines and photo credits -------------------------------------------
@pytest.mark.parametrize("text,name", [
    ("Rebels seize port city | The Daily Herald\n\nFighting went on.", "Daily Herald"),
    ("Bhutan follows Nepal out of the trade summit | Pakistan Today\n\nThe text.", "Pakistan Today"),
    ("The Courier | 12 March 2019 | AFP | File photo\n\nLeaders met.", "AFP"),
    ("Ministers met in Rome.\nPhoto: Metro Press Images\n\nMore text.", "Metro Press Images"),
    ("Lula arrives in Beijing. (Photo: Jane Roe/Agencia handout)", "Agencia"),
])
def test_outlets_in_bylines_and_photo_credits_are_organisations(nlp, text, name):
    assert _typed(nlp, text).get(name) == "ORGANISATION"


@pytest.mark.parametrize("text,name", [
    ("Home | World | Politics\n\nMinisters met.", "World"),
    ("Kenya votes today | India\n\nThe text.", "India"),
    ("The Courier | 12 March 2019 | AFP | File photo\n\nLeaders met.", "File"),
])
def test_section_words_countries_and_photo_words_are_no_outlets(nlp, text, name):
    assert _typed(nlp, text).get(name) != "ORGANISATION"


# -- 5. a personal name split by a quoted nickname ---------------------------------------
@pytest.mark.parametrize("text,name", [
    ('Lula arrived with his wife Maria "Lulu" da Costa in Beijing.', 'Maria "Lulu" da Costa'),
    ('The court heard Jose "Pepe" Mujica on Monday.', 'Jose "Pepe" Mujica'),
])
def test_a_quoted_nickname_inside_a_name_keeps_one_person(nlp, text, name):
    assert _typed(nlp, text).get(name) == "PERSON"


def test_a_quoted_phrase_after_a_name_is_no_nickname(nlp):
    typed = _typed(nlp, 'Biden called Putin "a killer" on Tuesday.')
    assert not any('"' in k for k in typed)


# -- 5. relatives sharing a surname are different people ----------------------------------
def _people(nlp, text):
    ex = relext.extract(text, nlp=nlp)
    return {e.id: [m.text for m in e.mentions] for e in ex.entities if e.type.value == "PERSON"}


@pytest.mark.parametrize("text", [
    "President Carter and First Lady Rosalynn Carter flew to Hanoi.",
    "Senator Mendes arrived with his wife Julia Mendes in Lisbon.",
    "President Okafor landed in Accra. His daughter Ada Okafor travelled with him.",
])
def test_an_office_holder_and_a_relative_with_one_surname_stay_apart(nlp, text):
    assert len(_people(nlp, text)) == 2


@pytest.mark.parametrize("text", [
    "Rosalynn Carter spoke in Atlanta. Carter praised the volunteers.",
    "Hillary Clinton met Lavrov. Mrs Clinton said the talks went well.",
])
def test_a_surname_alone_is_still_the_full_name_it_belongs_to(nlp, text):
    people = _people(nlp, text)
    assert any(len(ms) >= 2 for ms in people.values())


# -- 3. parties named by a common adjective keep the word "party" -------------------------
@pytest.mark.parametrize("text,name", [
    ("The Democratic party veteran ignored China's concerns.", "Democratic party"),
    ("A Labour party official criticised Israel.", "Labour party"),
    ("The governing Fidesz party won again.", "Fidesz"),
])
def test_party_names(nlp, text, name):
    assert _typed(nlp, text).get(name) == "ORGANISATION"


# -- 6. people and outlets on credit and byline lines (relext/pipeline/credit_lines.py) ---
@pytest.mark.parametrize("text,name,type_", [
    ("Leaders arrive for the summit\n\nAngela Merkel\nMark Hollis/Reuters Pictures\n\nForty leaders came.",
     "Mark Hollis", "PERSON"),
    ("Leaders arrive for the summit\n\nAngela Merkel\nMark Hollis/Reuters Pictures\n\nForty leaders came.",
     "Reuters Pictures", "ORGANISATION"),
    ("Xi and Lula at their meeting. © ANNA KOWALSKI / AFP\n\nThe talks ran for hours.", "ANNA KOWALSKI", "PERSON"),
    ("The minister spoke on Monday.\n\nSource: CNN/ The Guardian", "CNN/", "ORGANISATION"),
    ("Seoul hosts the forum\n\nCourtesy Kyodo/The Japan Times\n\nThe forum opened.", "The Japan Times", "ORGANISATION"),
    ("Ana Lopes with Xi at the talks. Photo credit: Presidential Press Office, Federal Secretariat, via "
     "Wikimedia Commons.\n\nThe talks went on.", "Federal Secretariat", "ORGANISATION"),
    ("Seoul hosts the forum\n\nBy Tomas Quirke\n\nThe forum opened on Monday.", "Tomas Quirke", "PERSON"),
    ("Lima talks stall\n\nBy Rosa Delgado and Piet Janssen\n\nThe talks stalled.", "Piet Janssen", "PERSON"),
])
def test_credit_and_byline_lines_name_people_and_outlets(nlp, text, name, type_):
    assert _typed(nlp, text).get(name) == type_


@pytest.mark.parametrize("text,name", [
    ("Leaders arrive\n\nMark Hollis/Reuters Pictures\n\nForty leaders came.", "Hollis/Reuters Pictures"),
    ("Talks resume\n\nMoscow/Kyiv\n\nThe talks resumed.", "Moscow/Kyiv"),
])
def test_a_credit_is_never_one_name_across_the_slash(nlp, text, name):
    assert name not in _typed(nlp, text)


@pytest.mark.parametrize("text,name,type_", [
    ("Talks resume\n\nMoscow/Kyiv\n\nThe talks resumed.", "Kyiv", "LOCATION"),
    ("Ministers met.\n\nRadio Free Europe/Radio Liberty reported that the talks resumed.",
     "Radio Free Europe/Radio Liberty", "ORGANISATION"),
])
def test_places_and_slashes_in_running_text_are_no_credit(nlp, text, name, type_):
    assert _typed(nlp, text).get(name) == type_


def test_a_source_line_naming_no_outlet_gives_none(nlp):
    assert "Web" not in _typed(nlp, "Ministers met on Monday.\n\nSource: Web")


def test_a_bylined_reporter_is_not_one_of_the_people_a_plural_pronoun_means(nlp):
    ex = relext.extract("Tokyo and Seoul trade barbs\n\nBy Helen Carter\n\nLee Jae-myung, South Korea's president, "
                        "with Shigeru Ishiba at their meeting in Osaka on Friday.", nlp=nlp)
    names = {e.id: e.name for e in ex.entities}
    got = {(names[r.subject], r.predicate.value if hasattr(r.predicate, "value") else r.predicate, names[r.object])
           for r in ex.relations}
    assert any(p == "MEETS_WITH" and {s, o} == {"Lee Jae-myung", "Shigeru Ishiba"} for s, p, o in got)
