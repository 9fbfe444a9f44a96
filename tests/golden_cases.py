"""Shared checks for the golden YAML cases (relations, constructions, lexicon).

A case is ``{"text", "expect"?: [[subject, PREDICATE, object, negated], …], "absent"?: […]}``;
names are entity names as relext gives them, and MEETS_WITH is compared unordered.
"""
from __future__ import annotations

from pathlib import Path
from typing import Dict, List

import pytest
import yaml

import relext

DATA = Path(__file__).parent / "data"


def load_cases(name: str) -> Dict[str, Dict[str, Dict]]:
    """The groups of cases in ``tests/data/NAME``."""
    return yaml.safe_load((DATA / name).read_text(encoding="utf8"))


def params(cases: Dict[str, Dict[str, Dict]]) -> List:
    """One ``pytest.param(group, name, case)`` per case, with a readable id."""
    return [pytest.param(group, name, case, id=f"{group}-{name}") for group, sub in cases.items()
            for name, case in sub.items()]


def variants(triple) -> set:
    """The triples that match ``triple`` (both directions for the symmetric MEETS_WITH)."""
    s, p, o, n = triple
    t = (s, p, o, bool(n))
    return {t, (o, p, s, bool(n))} if p == "MEETS_WITH" else {t}


def check_case(nlp, case: Dict) -> None:
    """Extract ``case["text"]`` and assert its expected and absent triples."""
    got = set(relext.extract(case["text"], nlp=nlp).iter_triples())
    for triple in case.get("expect", []):
        assert variants(triple) & got, f"missing {triple} in {sorted(got)}"
    for triple in case.get("absent", []):
        assert not (variants(triple) & got), f"unwanted {triple} in {sorted(got)}"


def name_types(nlp, text: str) -> Dict[str, str]:
    """The type relext gives each name (or metonym) mention of ``text``: ``{mention: TYPE}``."""
    ex = relext.extract(text, nlp=nlp)
    return {m.text: e.type.value for e in ex.entities for m in e.mentions if m.kind.value in ("NAME", "METONYM")}
