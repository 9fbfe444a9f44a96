"""Known political people (the actor table derived from PETRARCH-2) and name shapes."""
from __future__ import annotations

import pytest

import relext
from relext.pipeline.people import actor_table, normalise, roles_text


def _by_type(nlp, text):
    ex = relext.extract(text, nlp=nlp)
    out = {}
    for e in ex.entities:
        out.setdefault(e.type.value, {})[e.name] = e
    return out, ex


def _type_of(nlp, text, word):
    ex = relext.extract(text, nlp=nlp)
    return {e.type.value for e in ex.entities if any(m.text == word for m in e.mentions)}


def test_actor_table_rows_have_names_aliases_and_dated_roles():
    rows = actor_table()
    assert len(rows) > 10_000
    pid, name, aliases, roles = next(r for r in rows if r[0] == "sergey-lavrov")
    assert name == "Sergey Lavrov" and "sergei lavrov" in aliases and "lavrov" in aliases
    assert any(code == "RUS" and role.startswith("GOV") and start for code, role, start, _ in roles)
    # no office words in the spellings, no countries or companies taken for people
    assert not any(r[0] in ("afghanistan", "american-samoa", "citizens-inc") for r in rows)


def test_roles_text_and_normalise():
    assert roles_text([["RUS", "GOV", "2004-03-09", ""], ["IGO", "UNO", "", ""]]) == "RUS GOV 2004-03-09..; IGO UNO"
    assert normalise("Moon Jae-in") == normalise("MOON JAE IN") == "moon jae in"


@pytest.mark.parametrize("text,word", [
    ("Lavrov met his counterpart in Geneva on Friday.", "Lavrov"),
    ("Erdogan said the talks would continue.", "Erdogan"),
    ("Scholz told reporters the plan was sound.", "Scholz"),
    ("On Monday, Xi Jinping met the visiting delegation.", "Xi Jinping"),
    ("Netanyahu and Rouhani traded barbs at the podium.", "Netanyahu"),
])
def test_known_people_are_people_wherever_they_stand(nlp, text, word):
    assert _type_of(nlp, text, word) == {"PERSON"}


def test_known_person_carries_roles_with_dates_and_table_id(nlp):
    ents, _ = _by_type(nlp, "Sergei Lavrov flew to Ankara, where Lavrov met officials.")
    (lavrov,) = ents["PERSON"].values()
    assert lavrov.id == "person:sergey-lavrov"
    assert {m.text for m in lavrov.mentions} >= {"Sergei Lavrov", "Lavrov"}
    assert "RUS GOV" in lavrov.attributes["known_roles"]
    assert lavrov.attributes["actor_name"] == "Sergey Lavrov"


def test_spellings_of_one_known_person_share_one_id_across_documents(nlp):
    a = relext.extract("Sergei Lavrov arrived in Minsk.", nlp=nlp)
    b = relext.extract("Sergey Lavrov arrived in Baku.", nlp=nlp)
    assert {e.id for e in a.entities if e.type.value == "PERSON"} == \
        {e.id for e in b.entities if e.type.value == "PERSON"} == {"person:sergey-lavrov"}


def test_hyphenated_and_particle_names_are_one_span(nlp):
    ents, _ = _by_type(nlp, "Moon Jae-in welcomed Ursula von der Leyen to the capital.")
    assert {"Moon Jae-in", "Ursula von der Leyen"} <= set(ents["PERSON"])
    assert "LOCATION" not in ents or "Leyen" not in ents["LOCATION"]


# -- near misses ---------------------------------------------------------------------
def test_surname_inside_another_full_name_stays_with_that_person(nlp):
    ents, _ = _by_type(nlp, "Ambassador Barbara Woodward spoke first. Woodward said the vote was clear.")
    people = ents["PERSON"]
    assert list(people) == ["Barbara Woodward"]
    assert "known_roles" not in people["Barbara Woodward"].attributes


def test_another_family_member_is_not_the_known_person(nlp):
    ents, _ = _by_type(nlp, "Jill Biden visited a school in Ohio.")
    assert "Jill Biden" in ents["PERSON"]
    assert ents["PERSON"]["Jill Biden"].id != "person:joe-biden"


@pytest.mark.parametrize("text", [
    "During the night the convoy moved on.",          # an English word at a sentence start
    "Troops massed along the Galwan Valley in June.",  # a place name ending in a surname-like word
])
def test_common_words_and_place_names_are_not_known_people(nlp, text):
    ents, _ = _by_type(nlp, text)
    assert "PERSON" not in ents


def test_government_named_after_its_leader_is_an_organisation(nlp):
    ents, _ = _by_type(nlp, "Washington sanctioned officials of the Maduro regime on Monday.")
    assert "Maduro regime" in ents["ORGANISATION"]
    assert "PERSON" not in ents


def test_misspelt_full_name_of_known_person_is_that_person(nlp):
    ents, _ = _by_type(nlp, "Fumio Kushida hosted the talks. Later Kishida thanked the guests.")
    assert len(ents["PERSON"]) == 1
    assert next(iter(ents["PERSON"].values())).id == "person:fumio-kishida"


def test_dateline_in_capitals_gives_way_to_the_usual_spelling(nlp):
    ex = relext.extract("NAIROBI (AP) — Officials gathered in Nairobi on Tuesday for the talks.", nlp=nlp)
    names = {e.name for e in ex.entities if e.type.value == "LOCATION"}
    assert "Nairobi" in names and "NAIROBI" not in names


def test_place_opening_a_headline_name_is_split_off(nlp):
    ex = relext.extract("Biden in Warsaw\n\nWarsaw Biden speech draws crowds.", nlp=nlp)
    types = {m.text: e.type.value for e in ex.entities for m in e.mentions}
    assert types.get("Warsaw") in ("LOCATION", "COUNTRY")
    assert "Warsaw Biden" not in types


def test_surname_of_hyphenated_particle_name_is_the_same_person(nlp):
    ents, _ = _by_type(nlp, "Bashar al-Assad arrived on Friday. Assad was greeted warmly.")
    assert len(ents["PERSON"]) == 1


def test_prefix_of_a_compound_adjective_is_not_a_name(nlp):
    ex = relext.extract("Critics denounced the pro-Napoleon banners at the rally.", nlp=nlp)
    assert not any(m.text.lower().startswith("pro") for e in ex.entities for m in e.mentions)


def test_person_named_like_a_city_stays_a_person_unless_used_as_a_place(nlp):
    ex = relext.extract("Historians still debate why Oswald shot Kennedy .", nlp=nlp)
    assert {e.type.value for e in ex.entities if e.name == "Kennedy"} == {"PERSON"}


def test_graph_has_one_node_for_spellings_of_a_known_person(nlp):
    from relext import build_graph

    exs = [relext.extract("Sergei Lavrov arrived in Minsk.", nlp=nlp, doc_id="a"),
           relext.extract("Sergey Lavrov arrived in Baku.", nlp=nlp, doc_id="b")]
    G = build_graph(exs)
    people = [n for n, d in G.nodes(data=True) if d["type"] == "PERSON"]
    assert people == ["person:sergey-lavrov"]
    data = G.nodes["person:sergey-lavrov"]
    assert data["actor_name"] == "Sergey Lavrov" and {"Sergei Lavrov", "Sergey Lavrov"} <= set(data["aliases"])


def _people_mentions(nlp, text):
    ex = relext.extract(text, nlp=nlp)
    return [{m.text for m in e.mentions} for e in ex.entities if e.type.value == "PERSON"]


@pytest.mark.parametrize("text,short,full", [
    ("Prince Edward attended the Lima Summit. President Edward Kamau flew into Lima.", "Prince Edward", "Edward Kamau"),
    ("Prince William attended the funeral in Rome. Kenyan President William Ruto flew into Rome.",
     "Prince William", "William Ruto"),
    ("King Abdullah met Crown Prince Abdullah bin Zayed in Amman.", "King Abdullah", "Crown Prince Abdullah bin Zayed"),
])
def test_a_royal_first_name_is_not_another_title_holders_full_name(nlp, text, short, full):
    people = _people_mentions(nlp, text)
    assert not any(short in ms and full in ms for ms in people)
    assert any(short in ms for ms in people)


@pytest.mark.parametrize("text,short,full", [
    ("King Charles III arrived in Nairobi. King Charles then met William Ruto.", "King Charles", "King Charles III"),
    ("Crown Prince Mohammed bin Salman met Joe Biden. Prince Mohammed later flew to Paris.",
     "Prince Mohammed", "Crown Prince Mohammed bin Salman"),
    ("Emmanuel Macron met Olaf Scholz. Macron then flew to Rome.", "Macron", "Emmanuel Macron"),
])
def test_a_short_form_with_the_same_title_is_the_full_name(nlp, text, short, full):
    people = _people_mentions(nlp, text)
    assert any(short in ms and full in ms for ms in people)


def _person_mentions(nlp, text):
    return {e.name: {m.text for m in e.mentions} for e in relext.extract(text, nlp=nlp).entities
            if e.type.value == "PERSON"}


def test_the_leader_is_the_prime_minister_titled_with_that_country(nlp):
    people = _person_mentions(nlp, "British Prime Minister Keir Starmer flew to Kyiv. The British leader met Zelensky.")
    assert "British leader" in people["Keir Starmer"]


def test_the_leader_is_not_a_deputy_or_foreign_minister_of_that_country(nlp):
    people = _person_mentions(nlp, "The Russian leader spoke on Monday. Later, Russian Deputy Foreign Minister "
                                   "Sergei Ryabkov said the talks had failed.")
    assert "Russian leader" not in people.get("Sergei Ryabkov", set())
