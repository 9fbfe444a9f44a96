"""A one-word name the model typed a body that is a surname of the people table
("Guterres urged ...") is a PERSON (relext/pipeline/entities.py, people.py `surnames`)."""
from __future__ import annotations

import pytest

from entity_lookups import mention_types as _types


def test_people_table_surnames_are_known(nlp):
    people = nlp.get_pipe("relext_entities").people
    assert {"guterres", "museveni"} <= people.surnames
    assert "bloomberg" not in people.surnames


@pytest.mark.parametrize("text,name", [
    ("Guterres urged both sides to agree to a ceasefire.", "Guterres"),
    ("In Kampala, Museveni had agreed to the plan, officials said.", "Museveni"),
])
def test_surname_typed_as_body_is_a_person(nlp, text, name):
    types = _types(nlp, text)
    assert types.get(name) != "ORGANISATION", types


def test_surname_before_a_noun_stays_what_it_was(nlp):
    # near miss: a word before a common noun modifies it ("the Museveni government")
    types = _types(nlp, "The Sharif government collapsed in April.")
    assert types.get("Sharif") != "PERSON"
