"""Golden examples per construction of English (tests/data/golden_constructions.yaml).

Where tests/test_relations_golden.py has one group per relation type, these groups are
the constructions that state a relation whatever its type (composition verbs, lists set
off by dashes or brackets, copulas and relative clauses, lists named after a plural
noun), each with near-misses that must not fire.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import relext

CASES = yaml.safe_load((Path(__file__).parent / "data" / "golden_constructions.yaml").read_text(encoding="utf8"))
PARAMS = [pytest.param(group, name, case, id=f"{group}-{name}") for group, sub in CASES.items()
          for name, case in sub.items()]


def _variants(triple):
    s, p, o, n = triple
    t = (s, p, o, bool(n))
    return {t, (o, p, s, bool(n))} if p == "MEETS_WITH" else {t}


@pytest.mark.parametrize("group,name,case", PARAMS)
def test_construction_golden_example(nlp, group, name, case):
    ex = relext.extract(case["text"], nlp=nlp)
    got = set(ex.iter_triples())
    for triple in case.get("expect", []):
        assert _variants(triple) & got, f"missing {triple} in {sorted(got)}"
    for triple in case.get("absent", []):
        assert not (_variants(triple) & got), f"unwanted {triple} in {sorted(got)}"


def test_construction_groups_have_near_misses_or_negations():
    for group, cases in CASES.items():
        assert any(c.get("absent") or any(t[3] for t in c.get("expect", [])) for c in cases.values()) \
            or group in ("membership_by_copula_and_relative", "lists_of_named_members"), group
