"""Shared fixtures: one relext pipeline per test session."""
from __future__ import annotations

import pytest


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
