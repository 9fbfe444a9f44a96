"""bench/dump_outputs.py: the byte-for-byte proof that a speed change left outputs alone."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _dump_module():
    spec = importlib.util.spec_from_file_location("dump_outputs", ROOT / "bench" / "dump_outputs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TEXTS = ["Will Japan attend the G20 summit in Rome?",
         "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Nairobi."]


def test_the_dump_keeps_hypothetical_relations_and_every_field(nlp, tmp_path):
    dump = _dump_module()
    lines = dump.dump_lines_extract(TEXTS)
    first = json.loads(lines[0])
    assert [(r["predicate"], r["modality"]) for r in first["relations"]] == [("ATTENDS", "HYPOTHETICAL")]
    assert "evidence" in first["relations"][0] and first["entities"][0]["mentions"]
    # the batch path gives the same records as the one-text path
    assert [json.loads(x)["relations"] for x in dump.dump_lines_many(TEXTS)] == [json.loads(x)["relations"] for x in lines]


def test_two_dumps_of_the_same_texts_are_byte_identical(nlp, tmp_path):
    dump = _dump_module()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    digest_a = dump.write(tmp_path / "a", "set", dump.dump_lines_extract(TEXTS))
    digest_b = dump.write(tmp_path / "b", "set", dump.dump_lines_extract(TEXTS))
    assert digest_a == digest_b
    assert dump.compare(tmp_path / "a", tmp_path / "b") == []


def test_compare_names_the_differing_lines_without_their_content(tmp_path):
    dump = _dump_module()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    dump.write(tmp_path / "a", "set", ['{"x": 1}', '{"x": 2}', '{"x": 3}'])
    dump.write(tmp_path / "b", "set", ['{"x": 1}', '{"x": 9}', '{"x": 3}'])
    dump.write(tmp_path / "a", "other", ['{"y": 1}'])
    diffs = dump.compare(tmp_path / "a", tmp_path / "b")
    assert diffs == ["other.jsonl: only in first dump", "set.jsonl: 1 differing line(s), line numbers [1]"]
    assert not any('"x"' in d for d in diffs)
