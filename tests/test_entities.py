"""Entity typing and canonical ids (relext_entities + relext_canonical)."""
from __future__ import annotations

import pytest

import relext


def _ents(nlp, text):
    ex = relext.extract(text, nlp=nlp)
    return {e.id: e for e in ex.entities}, ex


def test_entities_country_variants_are_one_country(nlp):
    ents, _ = _ents(nlp, "The United States and the U.S. Treasury acted. US officials and American diplomats agreed.")
    usa = ents["country:USA"]
    assert usa.type.value == "COUNTRY"
    assert {"United States", "US", "American"} <= {m.text for m in usa.mentions}
    assert usa.attributes["iso3"] == "USA" and usa.attributes["iso2"] == "US"


@pytest.mark.parametrize("text,iso3", [
    ("Britain imposed new rules.", "GBR"), ("The UK imposed new rules.", "GBR"),
    ("South Korea imposed new rules.", "KOR"), ("Türkiye imposed new rules.", "TUR"),
    ("Russia imposed new rules.", "RUS"), ("Viet Nam imposed new rules.", "VNM"),
])
def test_entities_country_names_resolve_to_iso(nlp, text, iso3):
    ents, _ = _ents(nlp, text)
    assert f"country:{iso3}" in ents


def test_entities_demonym_before_title_is_the_state(nlp):
    ents, ex = _ents(nlp, "Russian President Vladimir Putin spoke.")
    assert "country:RUS" in ents
    assert [m.kind.value for m in ents["country:RUS"].mentions] == ["DEMONYM"]


def test_entities_capital_acting_is_the_state_capital_as_place_is_a_location(nlp):
    ents, _ = _ents(nlp, "Moscow has sought assurances. Later the envoy arrived in Moscow.")
    assert "Moscow" in {m.text for m in ents["country:RUS"].mentions}
    assert ents["location:moscow"].type.value == "LOCATION"


def test_entities_territories_are_locations(nlp):
    ents, _ = _ents(nlp, "Protests continued in Hong Kong and Taiwan.")
    assert ents["location:hong-kong"].type.value == "LOCATION"
    assert ents["location:taiwan"].type.value == "LOCATION"


def test_entities_international_bodies_with_acronyms(nlp):
    ents, _ = _ents(nlp, "The North Atlantic Treaty Organization met. NATO said the IOC and the EU agreed.")
    nato = ents["organisation:nato"]
    assert {"North Atlantic Treaty Organization", "NATO"} <= {m.text for m in nato.mentions}
    assert {"organisation:ioc", "organisation:european-union"} <= set(ents)


def test_entities_olympics_variants_are_one_event_with_edition_id(nlp):
    text = ("The Beijing Winter Olympics open in February. Critics of the Beijing Games said "
            "the Winter Olympic Games were political.")
    ents, _ = _ents(nlp, text)
    events = [e for e in ents.values() if e.type.value == "EVENT"]
    assert len(events) == 1
    assert events[0].id == "event:2022-winter-olympics"


def test_entities_summit_named_by_body(nlp):
    ents, _ = _ents(nlp, "Leaders met at the G20 summit. The Group of 20 (G20) summit ended on Tuesday.")
    assert "event:g20-summit" in ents
    assert len([e for e in ents.values() if e.type.value == "EVENT"]) == 1


def test_entities_person_short_form_and_title_stripped(nlp):
    ents, _ = _ents(nlp, "Prince Albert II of Monaco arrived. Chancellor Olaf Scholz met Albert II. Scholz left.")
    assert "person:albert-ii" in ents
    scholz = ents["person:olaf-scholz"]
    assert {"Olaf Scholz", "Scholz"} <= {m.text for m in scholz.mentions}


def test_entities_disease_is_not_an_organisation(nlp):
    ents, _ = _ents(nlp, "COVID-19 delayed the summit in Geneva.")
    assert not any("covid" in k for k in ents)


def test_entities_headline_verb_split_from_names(nlp):
    ents, _ = _ents(nlp, "Vladimir Putin Assures Xi Jinping\n\nVladimir Putin greeted Xi Jinping at the Kremlin.")
    assert {"person:vladimir-putin", "person:xi-jinping"} <= set(ents)
    assert not any("assures" in k for k in ents)


def test_entities_description_and_pronoun_resolve_to_person(nlp):
    text = "Russian President Vladimir Putin arrived. The Russian president said he was tired."
    ents, _ = _ents(nlp, text)
    kinds = {m.kind.value: m.text for m in ents["person:vladimir-putin"].mentions}
    assert kinds.get("DESCRIPTION", "").lower().endswith("russian president")
    assert kinds.get("PRONOUN") == "he"


def test_entities_ministry_named_with_demonym_is_the_state(nlp):
    ents, _ = _ents(nlp, "The Chinese foreign ministry rejected the claims.")
    assert "Chinese foreign ministry" in {m.text for m in ents["country:CHN"].mentions}


def test_entities_ids_are_stable_across_documents(nlp):
    a, _ = _ents(nlp, "Russian President Vladimir Putin met Xi Jinping.")
    b, _ = _ents(nlp, "Vladimir Putin and Chinese President Xi Jinping spoke by phone.")
    assert {"person:vladimir-putin", "person:xi-jinping"} <= set(a) & set(b)


def test_entities_user_gazetteer_entry(tmp_path):
    nlp = relext.load(cache=False, patterns=[{"name": "Quartet", "type": "ORGANISATION",
                                               "aliases": ["Quartet", "Middle East Quartet"]}])
    ex = relext.extract("The Middle East Quartet met in Cairo.", nlp=nlp)
    assert "organisation:quartet" in {e.id for e in ex.entities}


def test_entities_committees_named_by_place_or_event(nlp):
    ents, ex = _ents(nlp, "Ines Moreau, president of the Brisbane 2032 organizing committee, met the organizing "
                          "committee for the Paris 2024 Summer Olympics.")
    orgs = {e.name for e in ents.values() if e.type.value == "ORGANISATION"}
    assert {"Brisbane 2032 organizing committee", "organizing committee for the Paris 2024 Summer Olympics"} <= orgs
    assert "event:2024-summer-olympics" in ents
    assert ("Ines Moreau", "AFFILIATED_WITH", "Brisbane 2032 organizing committee", False) in set(ex.iter_triples())


def test_entities_building_is_a_place_only_where_used_as_one(nlp):
    ents, _ = _ents(nlp, "According to the White House, Harris met Xi. Biden told reporters at the White House "
                         "that he was pleased.")
    assert ents["organisation:white-house"].type.value == "ORGANISATION"
    assert ents["location:white-house"].type.value == "LOCATION"
