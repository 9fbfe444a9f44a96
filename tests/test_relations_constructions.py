"""Golden examples per construction of English (tests/data/golden_constructions.yaml).

Where tests/test_relations_golden.py has one group per relation type, these groups are
the constructions that state a relation whatever its type (composition verbs, lists set
off by dashes or brackets, copulas and relative clauses, lists named after a plural
noun), each with near-misses that must not fire.
"""
from __future__ import annotations

import pytest

from golden_cases import check_case, load_cases, params

CASES = load_cases("golden_constructions.yaml")


@pytest.mark.parametrize("group,name,case", params(CASES))
def test_construction_golden_example(nlp, group, name, case):
    check_case(nlp, case)


def test_construction_groups_have_near_misses_or_negations():
    for group, cases in CASES.items():
        assert any(c.get("absent") or any(t[3] for t in c.get("expect", [])) for c in cases.values()) \
            or group in ("membership_by_copula_and_relative", "lists_of_named_members"), group
