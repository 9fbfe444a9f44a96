"""A body's name led by an acronym ("the AU Commission") is the one name led by the words it
abbreviates ("the African Union Commission") in the same text (relext/pipeline/name_keys.py)."""
from __future__ import annotations

import pytest

import relext


def _orgs(nlp, text):
    ex = relext.extract(text, nlp=nlp)
    return [sorted(m.text for m in e.mentions if m.kind.value == "NAME" or m.text[:1].isupper())
            for e in ex.entities if e.type.value == "ORGANISATION"]


@pytest.mark.parametrize("text,short,full", [
    ("The African Union Commission sent observers to the vote. The AU Commission chairman praised them.",
     "AU Commission", "African Union Commission"),
    ("The NATO Parliamentary Assembly met in Oslo. The North Atlantic Treaty Organization Parliamentary Assembly "
     "adopted a text.", "NATO Parliamentary Assembly", "North Atlantic Treaty Organization Parliamentary Assembly"),
])
def test_acronym_led_name_joins_its_long_form(nlp, text, short, full):
    orgs = _orgs(nlp, text)
    assert any(short in o and full in o for o in orgs), orgs


def test_acronym_led_name_needs_the_same_tail(nlp):
    orgs = _orgs(nlp, "The AU Commission met in Accra. The African Union Council voted on Friday.")
    assert not any("AU Commission" in o and "African Union Council" in o for o in orgs), orgs
