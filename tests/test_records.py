"""relext.pipeline.records: the plain relation records every rule emits."""
from __future__ import annotations

from relext.pipeline.records import pair_records, record, record_key

TYPES = {"country:KEN": "COUNTRY", "country:UGA": "COUNTRY", "location:lake": "LOCATION"}


def test_a_record_takes_the_sentence_of_its_trigger_as_evidence(bare_nlp):
    doc = bare_nlp("Kenya met Uganda. Later Kenya backed Uganda.")
    rec = record(doc[6], "country:KEN", "SUPPORTS", "country:UGA", rule_id="SUPPORTS:test")
    assert rec["evidence"]["sentence"] == "Later Kenya backed Uganda."
    assert rec["evidence"]["trigger"] == "backed" and rec["evidence"]["rule"] == "SUPPORTS:test"
    assert record_key(rec) == ("country:KEN", "SUPPORTS", "country:UGA", False, rec["evidence"]["start_char"])


def test_pair_records_keep_the_order_of_the_pairs_and_drop_self_pairs(bare_nlp):
    doc = bare_nlp("Kenya and Uganda backed each other.")
    recs = pair_records(doc[3], [("country:UGA", "country:KEN"), ("country:KEN", "country:KEN"),
                                 ("country:KEN", "country:UGA")], "SUPPORTS", rule_id="SUPPORTS:test")
    assert [(r["subject"], r["object"]) for r in recs] == [("country:UGA", "country:KEN"), ("country:KEN", "country:UGA")]


def test_pair_records_drop_ends_of_other_types_and_carry_the_negation(bare_nlp):
    doc = bare_nlp("Kenya did not back Uganda near the lake.")
    recs = pair_records(doc[3], [("country:KEN", "country:UGA"), ("country:KEN", "location:lake")], "SUPPORTS",
                        rule_id="SUPPORTS:test", type_of=TYPES.get, types=("COUNTRY",), negated=True, cue="not")
    assert [(r["object"], r["negated"], r["evidence"]["cue"]) for r in recs] == [("country:UGA", True, "not")]
