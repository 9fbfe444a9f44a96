"""People and places typed by the shape of a name and by how the text uses it (issue 12):
a given name, an age, "said he", a title, a place noun in apposition."""
from __future__ import annotations

import pytest

import relext
from golden_cases import name_types as _typed


@pytest.mark.parametrize("text,name", [
    ("Gustavo Petro accused Washington of hypocrisy.", "Gustavo Petro"),
    ("Emmerson Mnangagwa blamed Western sanctions for the crisis.", "Emmerson Mnangagwa"),
    ("Julius Maada Bio said he would not stand again.", "Julius Maada Bio"),
    ("Kassym-Jomart Tokayev said he would attend the summit.", "Kassym-Jomart Tokayev"),
    ("Tarek Benali said he would resign after the vote.", "Tarek Benali"),
    ("Ouassim Kerrouche, 47, was detained at the border.", "Ouassim Kerrouche"),
])
def test_a_name_typed_a_body_is_a_person_by_its_given_name_age_or_pronoun(nlp, text, name):
    assert _typed(nlp, text).get(name) == "PERSON"


@pytest.mark.parametrize("text,name,type_", [
    ("Morgan Stanley raised its outlook for the year.", "Morgan Stanley", "ORGANISATION"),
    ("Jomo Kenyatta University hosted the conference.", "Jomo Kenyatta University", "ORGANISATION"),
    ("Goldman Sachs cut its forecast.", "Goldman Sachs", "ORGANISATION"),
    ("The Carter Center said the vote was credible.", "Carter Center", "ORGANISATION"),
    ("Philip Morris International said profits rose.", "Philip Morris International", "ORGANISATION"),
    ("Marcus Aurelius Street was closed.", "Marcus Aurelius Street", "ORGANISATION"),
])
def test_companies_and_sites_named_after_people_are_not_people(nlp, text, name, type_):
    assert _typed(nlp, text).get(name) != "PERSON"


@pytest.mark.parametrize("text,name", [
    ("General Abdel Fattah al-Burhan met the delegation.", "Abdel Fattah al-Burhan"),
    ("The talks were chaired by Ursula van der Berg, who flew in from Brussels.", "Ursula van der Berg"),
])
def test_a_persons_name_keeps_its_particles(nlp, text, name):
    assert _typed(nlp, text).get(name) == "PERSON"


@pytest.mark.parametrize("text,name", [
    ("Spokeswoman Maria Zakharova dismissed the claims.", "Maria Zakharova"),
    ("Spokesman Lin Jian said Beijing opposed the sanctions.", "Lin Jian"),
    ("Envoy Tomas Berglund arrived on Monday.", "Tomas Berglund"),
])
def test_a_role_word_opening_a_sentence_is_no_part_of_the_name(nlp, text, name):
    typed = _typed(nlp, text)
    assert typed.get(name) == "PERSON"
    assert not any(k != name and name in k for k in typed)


@pytest.mark.parametrize("text,name", [
    ("The convoy reached Goma, the capital of North Kivu, on Friday.", "Goma"),
    ("Fighting raged in Khan Younis.", "Khan Younis"),
    ("Clashes erupted in Nagorno-Karabakh.", "Nagorno-Karabakh"),
])
def test_a_city_the_model_took_for_a_person_is_a_place(nlp, text, name):
    assert _typed(nlp, text).get(name) == "LOCATION"


@pytest.mark.parametrize("text,name", [
    ("Salva Kiir met Ruto, the country's leader, in Juba.", "Ruto"),
    ("Grace Mugabe left Harare on Monday.", "Grace Mugabe"),
])
def test_people_with_place_words_near_them_stay_people(nlp, text, name):
    assert _typed(nlp, text).get(name) == "PERSON"


@pytest.mark.parametrize("text,name", [
    ("The minister wrote in Farsi that the talks had failed.", "Farsi"),
])
def test_a_name_after_in_that_is_no_place_of_the_verb_stays_no_place(nlp, text, name):
    assert _typed(nlp, text).get(name) != "LOCATION"


@pytest.mark.parametrize("text,person,surname", [
    ("Ukraine's Zelenskyy heads to Turkey\n\nUkrainian President Volodymyr Zelenskyy arrived in Ankara on Thursday.",
     "Volodymyr Zelenskyy", "Zelenskyy"),
    ("Ukraine's Zelenskyy lands in Turkey for ceasefire talks\n\nUkrainian President Volodymyr Zelenskyy arrived in Ankara.",
     "Volodymyr Zelenskyy", "Zelenskyy"),
    ("Colombia's Petro slams Washington\n\nColombian President Gustavo Petro criticised the United States.",
     "Gustavo Petro", "Petro"),
    ("Ghana's Mahama lands in Abuja\n\nGhanaian President John Mahama arrived in Abuja for talks.",
     "John Mahama", "Mahama"),
])
def test_a_headline_surname_of_a_person_named_later_is_that_person(nlp, text, person, surname):
    ex = relext.extract(text, nlp=nlp)
    people = [e for e in ex.entities if e.type.value == "PERSON" and surname in {m.text for m in e.mentions}]
    assert people and people[0].name == person
    assert not any(e.type.value != "PERSON" and surname in {m.text for m in e.mentions} for e in ex.entities)



@pytest.mark.parametrize("text,surname", [
    ("Peru spurns aid for forest fires amid row with Boric\n\nPeru has turned down the aid, in the middle of a "
     "quarrel between President Boluarte and President Boric. Mr Boric said the offer stood.", "Boric"),
    ("Peru spurns aid for forest fires amid row with Sharif\n\nPeru has turned down the aid, in the middle of a "
     "quarrel between President Boluarte and Prime Minister Sharif. Mr Sharif said the offer stood.", "Sharif"),
])
def test_a_one_word_name_used_for_a_person_elsewhere_is_no_place(nlp, text, surname):
    ex = relext.extract(text, nlp=nlp)
    assert not any(e.type.value == "LOCATION" and surname in {m.text for m in e.mentions} for e in ex.entities)


@pytest.mark.parametrize("text,names", [
    ("The minister arrived with her two sons, Luca, 12, and Teodor, 9, for the ceremony.", ["Luca", "Teodor"]),
    ("Also sanctioned are the deputies Hanna Voss, Peter Lund, Ilhan Kyuchyuk and Mira Holt.", ["Ilhan Kyuchyuk"]),
])
def test_a_name_with_an_age_or_listed_among_people_is_a_person(nlp, text, names):
    types = _typed(nlp, text)
    assert all(types.get(n) == "PERSON" for n in names), types


@pytest.mark.parametrize("text,name", [
    ("Also sanctioned are the deputies Hanna Voss, Peter Lund, Lake Tana and Mira Holt.", "Lake Tana"),
    ("Fighting spread to Geneva, 2009, and then to Bern.", "Geneva"),
    ("Delegates from Port Harcourt, Peter Lund and Mira Holt arrived.", "Port Harcourt"),
])
def test_places_beside_ages_years_or_people_stay_places(nlp, text, name):
    assert _typed(nlp, text).get(name) != "PERSON"


@pytest.mark.parametrize("text,name", [
    # the model ends the name after its second word
    ("Mediators were barred from meeting the detained former leader Aung Thein Suu Myint, the group said.",
     "Aung Thein Suu Myint"),
])
def test_person_name_cut_inside_a_run_of_proper_nouns(nlp, text, name):
    ex = relext.extract(text, nlp=nlp)
    assert any(e.type.value == "PERSON" and e.name == name for e in ex.entities)


def test_person_name_stops_at_titles_and_states(nlp):
    ex = relext.extract("Chinese Foreign Minister Wang Yi met Japanese Prime Minister Fumio Kishida.", nlp=nlp)
    people = {e.name for e in ex.entities if e.type.value == "PERSON"}
    assert people == {"Wang Yi", "Fumio Kishida"}


@pytest.mark.parametrize("text,name", [
    # a title before the name's first word leaves that word free to join
    ("The talks were chaired by Mayor Ana Maria Lu Sen of the coastal city.", "Ana Maria Lu Sen"),
    ("Mayor Ana Maria Lu Sen chaired the talks in the coastal city.", "Ana Maria Lu Sen"),
])
def test_person_name_joined_after_a_title(nlp, text, name):
    ex = relext.extract(text, nlp=nlp)
    assert any(e.type.value == "PERSON" and e.name == name for e in ex.entities)


@pytest.mark.parametrize("text,word", [
    # a menu line: capitalised words from the start of the line up to the name
    ("Home Briefings Erdogan warned Scholz over the Gas Deal\n\nErdogan warned Scholz on Monday.", "Briefings"),
    ("Menu Updates Erdogan warned Scholz over the Gas Deal\n\nErdogan warned Scholz on Monday.", "Updates"),
])
def test_menu_words_stay_out_of_a_name(nlp, text, word):
    ex = relext.extract(text, nlp=nlp)
    assert not any(e.type.value == "PERSON" and word in e.name.split() for e in ex.entities)
