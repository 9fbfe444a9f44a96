"""Golden relation examples per relation type (tests/data/golden_relations.yaml).

Each relation type has positive, negated, passive, coordinated and nominal cases
written for these tests; a case lists relations that must be found and, for
hypotheticals and bare titles, relations that must not.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import relext
from golden_cases import check_case

CASES = yaml.safe_load((Path(__file__).parent / "data" / "golden_relations.yaml").read_text(encoding="utf8"))
PARAMS = [pytest.param(rel, name, case, id=f"{rel}-{name}") for rel, sub in CASES.items() for name, case in sub.items()]


@pytest.mark.parametrize("relation,name,case", PARAMS)
def test_relations_golden_example(nlp, relation, name, case):
    check_case(nlp, case)


def test_relations_golden_covers_every_catalogue_type():
    assert set(CASES) == set(relext.load_catalogue())


@pytest.mark.parametrize("relation", sorted(CASES))
def test_relations_golden_has_negated_or_contrast_case(relation):
    kinds = CASES[relation]
    assert any(any(t[3] for t in c.get("expect", [])) or c.get("absent") for c in kinds.values()) or relation in (
        "THREATENS", "SANCTIONS", "ACCUSES", "AFFILIATED_WITH")


def test_relations_evidence_points_into_the_text(nlp):
    text = "Ghana boycotted the Beijing Winter Olympics. Antony Blinken met with Wang Yi in Munich."
    ex = relext.extract(text, nlp=nlp)
    assert ex.relations
    for r in ex.relations:
        ev = r.evidence
        assert text[ev.start_char:ev.end_char] == ev.sentence
        assert text[ev.trigger_start:ev.trigger_end] == ev.trigger
        assert ev.rule
        assert {r.subject, r.object} <= {e.id for e in ex.entities}


def test_relations_negation_cue_recorded(nlp):
    ex = relext.extract("Japan will not attend the Paris 2024 Summer Olympics.", nlp=nlp)
    (rel,) = [r for r in ex.relations if r.predicate == "ATTENDS"]
    assert rel.negated and rel.evidence.cue in ("not", "n't")


def test_relations_modality_planned_and_reported(nlp):
    ex = relext.extract("Dmitry Peskov said Vladimir Putin would attend the BRICS summit.", nlp=nlp)
    (rel,) = [r for r in ex.relations if r.predicate == "ATTENDS"]
    assert rel.modality.value == "REPORTED"
    assert rel.source == "person:dmitry-peskov"
    ex = relext.extract("Vladimir Putin vowed to attend the BRICS summit.", nlp=nlp)
    (rel,) = [r for r in ex.relations if r.predicate == "ATTENDS"]
    assert rel.modality.value == "PLANNED"


def test_relations_hypothetical_kept_only_when_asked(nlp):
    text = "If Emmanuel Macron attends the G20 summit, he will meet Xi Jinping."
    assert not [r for r in relext.extract(text, nlp=nlp).relations if r.predicate == "ATTENDS"]
    rels = relext.extract(text, nlp=nlp, include_hypothetical=True).relations
    assert [r.modality.value for r in rels if r.predicate == "ATTENDS"] == ["HYPOTHETICAL"]


def test_relations_question_is_hypothetical(nlp):
    rels = relext.extract("Will Narendra Modi attend the G7 summit?", nlp=nlp, include_hypothetical=True).relations
    assert rels and all(r.modality.value == "HYPOTHETICAL" for r in rels if r.predicate == "ATTENDS")


def test_relations_types_respect_the_catalogue(nlp):
    text = ("Finland joined NATO. Kenya joined the Paris 2024 Summer Olympics. "
            "Olaf Scholz visited Kyiv and met with Volodymyr Zelensky.")
    ex = relext.extract(text, nlp=nlp)
    types = {e.id: e.type.value for e in ex.entities}
    catalogue = relext.load_catalogue()
    for r in ex.relations:
        assert catalogue[r.predicate].allows(types[r.subject], types[r.object]), r


def test_relations_adverbial_clause_is_asserted_not_planned(nlp):
    text = "Japan and South Korea agreed to resume summits after Fumio Kishida hosted President Yoon Suk Yeol in Tokyo."
    (rel,) = [r for r in relext.extract(text, nlp=nlp).relations if r.predicate == "MEETS_WITH"]
    assert rel.modality.value == "ASSERTED"
