"""A state's ministry named by its portfolio alone ("the Foreign Ministry") is read like
"the foreign ministry": the passage's subject state (relext/pipeline/place_descriptions.py)."""
from __future__ import annotations

import pytest

import relext


def _by_type(nlp, text):
    ex = relext.extract(text, nlp=nlp)
    return {(e.type.value, e.name): [m.text for m in e.mentions] for e in ex.entities}


@pytest.mark.parametrize("text,form", [
    ("Portugal recalled its ambassador on Friday. The Foreign Ministry said the move was overdue.", "Foreign Ministry"),
    ("Portugal recalled its ambassador on Friday. The Ministry of Foreign Affairs called it overdue.",
     "Ministry of Foreign Affairs"),
    ("Chile deployed two frigates to the south. The Defence Ministry said they would stay a month.", "Defence Ministry"),
    ("Portugal recalled its ambassador on Friday. The foreign ministry said the move was overdue.", "foreign ministry"),
])
def test_portfolio_ministry_is_the_subject_state(nlp, text, form):
    ents = _by_type(nlp, text)
    state = next(v for (t, _), v in ents.items() if t == "COUNTRY")
    assert any(form in m for m in state)
    assert not any(t == "ORGANISATION" for t, _ in ents)


@pytest.mark.parametrize("text", [
    # no state before it: whose ministry is not said
    "The Foreign Ministry said the move was overdue.",
    # a portfolio the gold sets keep as a body of its own
    "Portugal recalled its ambassador on Friday. The Health Ministry said the move was overdue.",
    # a place, not an actor
    "Portugal recalled its ambassador on Friday. Diplomats gathered at the Foreign Ministry.",
    # named by another state after it
    "Portugal recalled its ambassador on Friday. The Ministry of Foreign Affairs of Peru called it overdue.",
])
def test_portfolio_ministry_near_misses_stay_bodies(nlp, text):
    ents = _by_type(nlp, text)
    assert any(t == "ORGANISATION" and "Ministry" in n for t, n in ents)
