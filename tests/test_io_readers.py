"""Readers and record preparation, without the model."""
from __future__ import annotations

import io
import json

import pytest

from relext.io.cleaning import prepare_record, read_records
from relext.io.readers import InputPathError, Skip, check_paths, count_documents, iter_inputs

GERMAN = ("Der deutsche Außenminister traf sich am Montag mit seinem französischen Amtskollegen in "
          "Berlin, um über neue Sanktionen gegen Moskau zu sprechen.")


def items(it):
    return [(i["id"], i["text"]) if isinstance(i, dict) else ("SKIP", i.id, i.reason) for i in it]


def test_text_file_and_directory_recursive_sorted(tmp_path):
    (tmp_path / "b.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("Third.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("no", encoding="utf-8")
    (tmp_path / "notes.md").write_text("no", encoding="utf-8")
    assert items(iter_inputs([tmp_path])) == [("a", "First."), ("b", "Second."), ("sub/c", "Third.")]
    assert items(iter_inputs([tmp_path / "b.txt"])) == [("b", "Second.")]
    assert count_documents([tmp_path]) == 3


def test_records_carry_source_and_decoding_warnings(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"NATO met \xff\xfe in Riga.")
    (rec,) = iter_inputs([tmp_path / "bad.txt"], encoding="utf-8")
    assert rec["source"].endswith("bad.txt")
    assert rec["warnings"] and "bad" in rec["warnings"][0]


def test_binary_file_is_a_skip(tmp_path):
    (tmp_path / "junk.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (skip,) = iter_inputs([tmp_path])
    assert isinstance(skip, Skip) and skip.id == "junk" and "not text" in skip.reason


def test_jsonl_broken_lines_are_skips_naming_file_and_line(tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [json.dumps({"id": "a", "text": "Putin met Xi."}), "", "{not json",
             json.dumps({"id": "c", "body": "no text"}), json.dumps([1, 2]),
             json.dumps({"text": "No id here."}), json.dumps({"id": 7, "text": "Numeric id."})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = items(iter_inputs([path]))
    assert got[0] == ("a", "Putin met Xi.")
    assert got[1][:2] == ("SKIP", "news:3") and f"{path}, line 3: not valid JSON" in got[1][2]
    assert got[2][:2] == ("SKIP", "c") and "line 4" in got[2][2] and "'text'" in got[2][2]
    assert got[3][:2] == ("SKIP", "news:5") and "line 5" in got[3][2]
    assert got[4] == ("news:6", "No id here.")
    assert got[5] == ("7", "Numeric id.")
    assert count_documents([path]) == 6


def test_jsonl_with_bom_utf16_and_bad_bytes(tmp_path):
    rec = json.dumps({"id": "x", "text": "Zürich talks."}, ensure_ascii=False)
    (tmp_path / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + rec.encode("utf-8") + b"\n")
    (tmp_path / "u16.jsonl").write_bytes((rec + "\n").encode("utf-16"))
    (tmp_path / "latin.jsonl").write_bytes(rec.encode("latin-1") + b"\n")
    for name in ("bom", "u16", "latin"):
        assert items(iter_inputs([tmp_path / f"{name}.jsonl"])) == [("x", "Zürich talks.")], name


def test_stdin_text_and_jsonl():
    text = io.BufferedReader(io.BytesIO("Putin met Xi in Beijing.".encode("utf-8")))
    assert items(iter_inputs(["-"], stdin=text)) == [("stdin", "Putin met Xi in Beijing.")]
    jsonl = io.BufferedReader(io.BytesIO(b'{"id": "s1", "text": "One."}\n{"id": "s2", "text": "Two."}\n'))
    assert items(iter_inputs(["-"], stdin=jsonl)) == [("s1", "One."), ("s2", "Two.")]
    assert count_documents(["-"]) is None


def test_in_memory_records():
    got = items(iter_inputs([{"id": "m", "text": "Hi."}, {"text": b"Caf\xe9 talk."}, {"id": "z"}]))
    assert got[:2] == [("m", "Hi."), ("record:1", "Café talk.")]
    assert got[2][:2] == ("SKIP", "z")


def test_check_paths_is_a_usage_error(tmp_path):
    check_paths([tmp_path, "-", {"text": "x"}])
    with pytest.raises(InputPathError, match="does not exist"):
        check_paths([tmp_path / "missing.txt"])


# --- prepare_record ------------------------------------------------------------------------

def test_prepare_cleans_text():
    rec = prepare_record({"id": "d", "text": "Putin\u00a0met\u200b Xi.\r\n", "warnings": ["w"]})
    assert rec["text"] == "Putin met Xi.\n" and rec["warnings"] == ["w"]


@pytest.mark.parametrize("text,fragment", [
    ("", "is empty"),
    (" \n\t \u200b ", "is empty"),
    ("a\x00b" * 10, "is not text"),
    (GERMAN, "German"),
])
def test_prepare_refuses_with_reason(text, fragment):
    skip = prepare_record({"id": "doc-1", "text": text})
    assert isinstance(skip, Skip) and skip.id == "doc-1"
    assert fragment in skip.reason and "doc-1" in skip.reason


def test_prepare_options():
    assert prepare_record({"id": "g", "text": GERMAN}, force_language=True)["text"] == GERMAN
    too_long = prepare_record({"id": "big", "text": "word " * 100}, max_chars=50)
    assert isinstance(too_long, Skip) and "--max-chars" in too_long.reason
    html = {"id": "h", "text": "<html><body><p>NATO met.</p><p>EU agreed.</p></body></html>"}
    rec = prepare_record(html)
    assert rec["text"] == "NATO met.\n\nEU agreed." and "HTML" in rec["warnings"][0]
    strict = prepare_record(html, strict_html=True)
    assert isinstance(strict, Skip) and "--strict-html" in strict.reason


def test_read_records_combines_reading_and_preparing(tmp_path):
    (tmp_path / "good.txt").write_text("Putin met Xi.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "page.html").write_text("<p>NATO met.</p>", encoding="utf-8")
    got = items(read_records([tmp_path]))
    assert got[0][:2] == ("SKIP", "empty")
    assert got[1:] == [("good", "Putin met Xi."), ("page", "NATO met.")]


def test_sample_corpus_matches_its_jsonl():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "data"
    from_dir = items(read_records([root / "sample_corpus"]))
    from_jsonl = items(read_records([root / "sample_corpus.jsonl"]))
    assert from_dir == from_jsonl
    assert 8 <= len(from_dir) <= 10
    for doc_id, text in from_dir:
        assert 120 <= len(text.split()) <= 300, doc_id
