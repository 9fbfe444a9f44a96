"""A company's name the model cut at "and" between two English words ("Science" and
"Technology") is one name (relext/pipeline/rule_candidates.py `_common_word_pair`)."""
from __future__ import annotations

from entity_lookups import organisation_names as _orgs


def test_company_cut_at_and_is_joined(nlp):
    orgs = _orgs(nlp, "The US blacklisted Wuhan Lantern Science and Technology last week.")
    assert "Wuhan Lantern Science and Technology" in orgs
    assert "Technology" not in orgs


def test_two_bodies_joined_by_and_stay_apart(nlp):
    # near miss: no English word after "and"
    assert "World Bank" in _orgs(nlp, "Grants came from the World Bank and Oxfam.")
