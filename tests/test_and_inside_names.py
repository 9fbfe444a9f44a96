"""A body's name with a lower-case "and" inside ("the Justice and Development Party") is one
name, not a headline list split at "and" (relext/pipeline/entities.py `_and_inside_name_shape`)."""
from __future__ import annotations

from entity_lookups import organisation_names as _orgs


def test_and_inside_a_party_name_keeps_it_whole(nlp):
    orgs = _orgs(nlp, "The ruling Justice and Development Party (AKP) lost the vote in Ankara.")
    assert "Justice and Development Party" in orgs
    assert "Justice" not in orgs


def test_known_names_either_side_of_and_stay_apart(nlp):
    # near miss: a gazetteer name before "and" lists two bodies
    orgs = _orgs(nlp, "Members of the Hamas and Fatah Movement met in Cairo.")
    assert "Hamas" in orgs
