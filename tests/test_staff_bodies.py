"""A research body's name the model typed a building is the body where a staff noun governs
its preposition ("a fellow at the Stimson Center"; relext/pipeline/entities.py `_staff_body`)."""
from __future__ import annotations

import pytest

import relext


def _types(nlp, text):
    return {e.name: e.type.value for e in relext.extract(text, nlp=nlp).entities}


@pytest.mark.parametrize("text,name", [
    ("A senior fellow at the Stimson Center said the plan would not work.", "Stimson Center"),
    ("A researcher at the Carter Center said the count had been fair.", "Carter Center"),
])
def test_staff_noun_makes_the_center_a_body(nlp, text, name):
    assert _types(nlp, text).get(name) == "ORGANISATION"


def test_center_as_a_venue_stays_a_place(nlp):
    # near miss: no staff noun governs the preposition
    assert _types(nlp, "The minister spoke at the Wilson Center on Monday.").get("Wilson Center") == "LOCATION"
