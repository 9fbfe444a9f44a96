"""Shared fixtures: one relext pipeline per test session."""
from __future__ import annotations

import os

import pytest
from hypothesis import settings

# In CI the property tests run a fixed sequence of examples, so a run is reproducible;
# locally they explore new examples every time (and keep failures in .hypothesis/).
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def nlp():
    """The default relext pipeline (model found by relext.load), loaded once."""
    import relext

    return relext.load()


@pytest.fixture(scope="session")
def bare_nlp():
    """The bare spaCy model relext builds on, without relext's components."""
    from relext.loading import resolve_model

    return resolve_model()
