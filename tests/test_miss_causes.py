"""bench/miss_causes.py: every gold miss falls in the class that points at its mechanism.

The predicted results here are written by hand (no pipeline), so each cause is tested on
its own; the scorer's alignment comes from ../shared/eval/score.py as in CI.
"""
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"

pytestmark = pytest.mark.skipif(not SCORER.exists(), reason="the shared scorer is not beside the project")


@pytest.fixture(scope="module")
def mc():
    spec = importlib.util.spec_from_file_location("miss_causes", ROOT / "bench" / "miss_causes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scorer(mc):
    return mc.load_scorer()


GOLD = {
    "id": "t-1",
    "text": "Ana Lima flew to Lisbon for the Ocean Forum. She also accused Ruritania of spying.",
    "entities": [
        {"id": "p", "name": "Ana Lima", "type": "PERSON", "aliases": ["Ana Lima", "Lima"]},
        {"id": "c", "name": "Lisbon", "type": "LOCATION", "aliases": ["Lisbon"]},
        {"id": "e", "name": "Ocean Forum", "type": "EVENT", "aliases": ["Ocean Forum"]},
        {"id": "r", "name": "Ruritania", "type": "COUNTRY", "aliases": ["Ruritania"]},
    ],
    "relations": [
        {"subject": "p", "relation": "VISITS", "object": "c", "evidence": "Ana Lima flew to Lisbon"},
        {"subject": "p", "relation": "ATTENDS", "object": "e", "evidence": "flew to Lisbon for the Ocean Forum"},
        {"subject": "p", "relation": "ACCUSES", "object": "r", "evidence": "She also accused Ruritania of spying"},
    ],
}


def _result(entities, relations):
    return {"entities": [{"id": i, "name": n, "type": t, "mentions": [n]} for i, n, t in entities],
            "relations": [{"subject": s, "predicate": p, "object": o, "negated": neg} for s, p, o, neg in relations]}


ALL_ENTITIES = [("1", "Ana Lima", "PERSON"), ("2", "Lisbon", "LOCATION"), ("3", "Ocean Forum", "EVENT"),
                ("4", "Ruritania", "COUNTRY")]


def test_found_relations_are_not_misses(mc, scorer):
    result = _result(ALL_ENTITIES, [("1", "VISITS", "2", False), ("1", "ATTENDS", "3", False),
                                    ("1", "ACCUSES", "4", False)])
    assert mc.relation_misses(GOLD, result, scorer) == []


def test_each_miss_gets_the_first_cause_that_applies(mc, scorer):
    entities = [("1", "Ana Lima", "PERSON"), ("2", "Lisbon", "LOCATION"), ("4", "Ruritania", "COUNTRY")]
    result = _result(entities, [("1", "VISITS", "2", True)])
    causes = {r["relation"]: c for r, c in mc.relation_misses(GOLD, result, scorer)}
    assert causes == {"VISITS": "polarity", "ATTENDS": "entity-missed", "ACCUSES": "subj-not-in-evidence"}


def test_a_pair_linked_by_another_relation_names_it(mc, scorer):
    result = _result(ALL_ENTITIES, [("1", "MEETS_WITH", "4", False)])
    causes = {r["relation"]: c for r, c in mc.relation_misses(GOLD, result, scorer)}
    assert causes["ACCUSES"] == "other-pred/dir:MEETS_WITH"
    assert causes["VISITS"] == "both-named:miss"
    assert causes["ATTENDS"] == "subj-not-in-evidence"


def test_entity_errors_tell_typing_from_spans(mc, scorer):
    result = _result([("1", "Ana Lima", "ORGANISATION"), ("2", "Lisbon", "LOCATION"),
                      ("3", "the Ocean Forum talks", "EVENT"), ("5", "Spying Office", "ORGANISATION")], [])
    misses, fps = mc.entity_errors(GOLD, result, scorer)
    assert {g["id"]: c for g, c in misses} == {"p": "typed-as-ORGANISATION", "e": "span-differs", "r": "not-found"}
    assert sorted(c for _, c in fps) == ["gold-has-other-type", "not-in-gold", "span-differs"]


def test_report_gives_counts_and_no_text_unless_asked(mc, scorer):
    counts = mc.causes([GOLD], lambda text: _result(ALL_ENTITIES, []), scorer)
    text = mc.report(counts)
    assert "relation misses: 3" in text
    assert "Ruritania of spying" not in text
    assert "Ruritania of spying" in mc.report(counts, examples=5, only_type="ACCUSES")


def test_a_symmetric_tuple_listed_both_ways_is_one_miss(mc, scorer):
    gold = dict(GOLD, relations=[
        {"subject": "p", "relation": "MEETS_WITH", "object": "r", "evidence": "Ana Lima ... Ruritania"},
        {"subject": "r", "relation": "MEETS_WITH", "object": "p", "evidence": "Ana Lima ... Ruritania"}])
    assert len(mc.relation_misses(gold, _result(ALL_ENTITIES, []), scorer)) == 1


def test_a_second_node_for_one_entity_is_a_duplicate(mc, scorer):
    result = _result(ALL_ENTITIES + [("9", "Lima", "PERSON")], [])
    _, fps = mc.entity_errors(GOLD, result, scorer)
    assert [(p["name"], c) for p, c in fps] == [("Lima", "duplicate")]


def test_found_relations_are_not_false_positives(mc, scorer):
    result = _result(ALL_ENTITIES, [("1", "VISITS", "2", False), ("1", "ACCUSES", "4", False)])
    assert mc.relation_false_positives(GOLD, result, scorer) == []


def test_each_false_positive_gets_the_first_cause_that_applies(mc, scorer):
    entities = ALL_ENTITIES + [("5", "Spying Office", "ORGANISATION")]
    result = _result(entities, [
        ("1", "AFFILIATED_WITH", "5", False),  # the office is no gold entity
        ("1", "VISITS", "2", True),            # gold: a visit that happened
        ("1", "THREATENS", "4", False),        # gold: an accusation of that pair
        ("4", "ACCUSES", "1", False),          # gold: the other direction
        ("2", "MEMBER_OF", "3", False),        # gold: nothing between them
    ])
    causes = [(rel[1], c) for rel, c in mc.relation_false_positives(GOLD, result, scorer)]
    assert causes == [("AFFILIATED_WITH", "end-not-in-gold"), ("VISITS", "polarity"),
                      ("THREATENS", "gold-other-pred/dir:ACCUSES"), ("ACCUSES", "gold-other-pred/dir:ACCUSES"),
                      ("MEMBER_OF", "pair-not-in-gold")]


def test_false_positives_are_counted_and_shown_only_when_asked(mc, scorer):
    counts = mc.causes([GOLD], lambda text: _result(ALL_ENTITIES, [("2", "MEMBER_OF", "3", False)]), scorer)
    text = mc.report(counts, examples=5)
    assert "relation false positives: 1" in text and "pair-not-in-gold" in text
    assert "FP MEMBER_OF" not in text
    assert "FP MEMBER_OF [pair-not-in-gold] Lisbon -> Ocean Forum" in mc.report(counts, examples=5, false_positives=True)
