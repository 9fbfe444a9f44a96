"""A span the model typed a body that opens with a state right after "to"/"of" and goes on
with a person's name ("envoy to China Kwabena Osei") is the state and the person
(relext/pipeline/portfolios.py `person_after_state`)."""
from __future__ import annotations

from entity_lookups import mention_types as _types


def test_person_after_a_state_after_to(nlp):
    types = _types(nlp, "Asked about the deal, Ghana's envoy to China Kwabena Osei said talks would go on.")
    assert types.get("Kwabena Osei") == "PERSON"
    assert types.get("China") == "COUNTRY"


def test_english_words_after_the_state_stay_a_name(nlp):
    # near miss: a company named after its state
    types = _types(nlp, "He flew with China Southern Airlines to Beijing.")
    assert types.get("China Southern Airlines") == "ORGANISATION"
