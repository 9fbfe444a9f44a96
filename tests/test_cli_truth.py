"""A CLI that tells the truth (issue 14, items 10 and 11) and pattern files whose errors
name the right place (issue 13, item 13).

- the files really written are printed (a CSV graph is three files);
- the rate agrees with the time printed; counts have the right plural;
- ``--format`` contradicting the extension is refused;
- ``relext info some.txt`` does not suggest overwriting the input;
- ``--patterns``, ``--min-evidence``, ``--drop-negated`` and ``--drop-isolates`` work.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from relext.batch.summary import BatchSummary
from relext.cli import main
from relext.models import Extraction


def fake_extraction(doc_id: str, text: str) -> Extraction:
    """France ATTENDS the summit (negated with 'not'); Chile is mentioned but has no edge."""
    ents = [{"id": "country:FRANCE", "name": "France", "type": "COUNTRY"},
            {"id": "event:summit", "name": "the summit", "type": "EVENT"}]
    if "Chile" in text:
        ents.append({"id": "country:CHILE", "name": "Chile", "type": "COUNTRY"})
    rels = [{"subject": "country:FRANCE", "predicate": "ATTENDS", "object": "event:summit",
             "negated": " not " in text,
             "evidence": {"sentence": text, "start_char": 0, "end_char": len(text), "trigger": "attends",
                          "trigger_start": 0, "trigger_end": 1, "rule": "fake"}}]
    return Extraction.model_validate({"doc_id": doc_id, "entities": ents, "relations": rels})


@pytest.fixture
def fake(monkeypatch):
    import relext.extraction
    import relext.loading

    def extract_many(inputs, **kwargs):
        for rec in inputs:
            yield fake_extraction(rec["id"], rec["text"])

    monkeypatch.setattr(relext.extraction, "extract_many", extract_many)
    monkeypatch.setattr(relext.loading, "load", lambda model=None, **kw: object())


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("France attends the summit.", encoding="utf-8")
    (d / "b.txt").write_text("France will not attend the summit, Chile said.", encoding="utf-8")
    return d


def extract(capsys, *argv) -> tuple:
    code = main(["extract", *map(str, argv), "--no-progress"])
    return code, capsys.readouterr().err


# --- 14.10 ---------------------------------------------------------------------------------------

def test_csv_output_prints_the_three_files_really_written(tmp_path, corpus, fake, capsys):
    code, err = extract(capsys, corpus, "-o", tmp_path / "g.csv", "--jsonl", tmp_path / "r.jsonl")
    assert code == 0
    wrote = re.search(r"^Wrote: (.*)$", err, re.M).group(1).split(", ")
    assert sorted(Path(p).name for p in wrote) == ["g_edges.csv", "g_graph.json", "g_nodes.csv", "r.jsonl"]
    assert all(Path(p).exists() for p in wrote)
    assert not (tmp_path / "g.csv").exists() and str(tmp_path / "g.csv") not in err


def test_the_rate_agrees_with_the_time_printed():
    s = BatchSummary(processed=1, seconds=1.9, extract_seconds=0.0109)
    line = s.format().splitlines()[0]
    numbers = re.search(r"([\d.]+) s extracting, ([\d.]+) docs/s", line)
    extracting, rate = float(numbers.group(1)), float(numbers.group(2))
    assert "1.9 s" in line and extracting * rate == pytest.approx(1, rel=0.6) or extracting == 0.0
    s = BatchSummary(processed=40, seconds=10.0, extract_seconds=8.0)
    first = s.format().splitlines()[0]
    assert "in 10.0 s (8.0 s extracting, 5.0 docs/s; 2.0 s loading and writing)" in first


def test_counts_have_the_right_plural():
    s = BatchSummary(processed=1, documents=1, graph_nodes=1, graph_edges=1, seconds=1)
    text = s.format()
    assert "Processed 1 document in" in text and "(1 document)" in text and "Graph: 1 node, 1 edge." in text
    s = BatchSummary(processed=2, documents=2, graph_nodes=0, graph_edges=2, seconds=1)
    text = s.format()
    assert "Processed 2 documents" in text and "Graph: 0 nodes, 2 edges." in text


def test_format_contradicting_the_extension_is_refused(tmp_path, corpus, fake, capsys):
    code, err = extract(capsys, corpus, "-o", tmp_path / "x.gexf", "--format", "graphml")
    assert code == 2 and "conflicts with the extension" in err
    assert not (tmp_path / "x.gexf").exists()
    code, _ = extract(capsys, corpus, "-o", tmp_path / "x.out", "--format", "graphml")  # no known extension
    assert code == 0 and (tmp_path / "x.out").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_info_on_a_text_file_does_not_suggest_overwriting_it(tmp_path, capsys):
    src = tmp_path / "some.txt"
    src.write_text("France attends the summit.", encoding="utf-8")
    assert main(["info", str(src)]) == 2
    err = capsys.readouterr().err
    assert f"-o {src}" not in err and "not a graph file" in err
    assert main(["info", str(tmp_path / "missing.graphml")]) == 2
    assert f"-o {tmp_path / 'missing.graphml'}" in capsys.readouterr().err


# --- 14.11 ---------------------------------------------------------------------------------------

def _graph(path):
    from relext.export import read_graph

    return read_graph(path)


def test_graph_options_min_evidence_drop_negated_drop_isolates(tmp_path, corpus, fake, capsys):
    assert extract(capsys, corpus, "-o", tmp_path / "all.json")[0] == 0
    G = _graph(tmp_path / "all.json")
    assert G.number_of_edges() == 2 and "country:CHILE" in G
    assert extract(capsys, corpus, "-o", tmp_path / "pos.json", "--drop-negated")[0] == 0
    assert [k for _, _, k in _graph(tmp_path / "pos.json").edges(keys=True)] == ["ATTENDS"]
    assert extract(capsys, corpus, "-o", tmp_path / "iso.json", "--drop-isolates")[0] == 0
    H = _graph(tmp_path / "iso.json")
    assert "country:CHILE" not in H and H.number_of_edges() == 2
    (corpus / "c.txt").write_text("France attends the summit again.", encoding="utf-8")
    assert extract(capsys, corpus, "-o", tmp_path / "ev.json", "--min-evidence", "2")[0] == 0
    assert [k for _, _, k in _graph(tmp_path / "ev.json").edges(keys=True)] == ["ATTENDS"]


def test_missing_pattern_file_is_a_usage_error(tmp_path, corpus, fake, capsys):
    code, err = extract(capsys, corpus, "-o", tmp_path / "g.json", "--patterns", tmp_path / "nope.yaml")
    assert code == 2 and "nope.yaml does not exist" in err


@pytest.mark.slow
def test_patterns_option_adds_gazetteer_entries_and_rules(tmp_path, nlp, capsys):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("Freedonia will attend the Vienna Security Summit next month.", encoding="utf-8")
    patterns = tmp_path / "mine.yaml"
    patterns.write_text("- type: COUNTRY\n  name: Freedonia\n", encoding="utf-8")
    assert extract(capsys, d, "-o", tmp_path / "plain.json")[0] == 0
    plain = _graph(tmp_path / "plain.json")
    assert not [n for n, v in plain.nodes(data=True) if v.get("name") == "Freedonia" and v.get("type") == "COUNTRY"]
    assert extract(capsys, d, "-o", tmp_path / "mine.json", "--patterns", patterns)[0] == 0
    G = _graph(tmp_path / "mine.json")
    (node,) = [n for n, v in G.nodes(data=True) if v.get("name") == "Freedonia" and v.get("type") == "COUNTRY"]
    assert any(k.startswith("ATTENDS") for _, _, k in G.out_edges(node, keys=True))
    # the shared, cached pipeline did not get the user's entries
    import relext

    shared = relext.load()("Freedonia will attend the Vienna Security Summit.")._.relext_entities
    assert not [e for e in shared if e["name"] == "Freedonia" and e["type"] == "COUNTRY"]


# --- 13.13: pattern-file errors name file, line and field -----------------------------------------

@pytest.mark.parametrize("text,line,field,words", [
    ("# rules\n\n- relation: ATTENDS\n  lemma: go\n- relation: ATTENDS\n  lemma: visit\n  object: 5\n",
     7, "object", "list of slot names, got int"),
    ("- relation: ATTENDS\n  lemma: go\n\n\n- relation: ATTENDS\n  lemma: visit\n  pos: WRONG\n", 7, "pos", "pos must be"),
    ("- type: COUNTRY\n  name: Freedonia\n\n- type: COUNTRY\n  name: Sylvania\n  aliases: 3\n", 6, "aliases", "list"),
    ("- type: COUNTRY\n  name: Freedonia\n\n\n- type: NOPE\n  name: Sylvania\n", 5, "type", "Unknown entity type"),
])
def test_pattern_file_errors_name_the_files_line_and_field(tmp_path, nlp, text, line, field, words):
    from relext.errors import PatternFileError
    from relext.patterns import add_patterns

    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    import relext

    fresh = relext.load(cache=False)
    with pytest.raises(PatternFileError) as info:
        add_patterns(fresh, path)
    msg = str(info.value)
    assert str(path) in msg and f"line {line}," in msg and f"field '{field}'" in msg and words in msg


def test_a_pattern_file_that_is_not_utf8_names_file_and_line(tmp_path):
    from relext.errors import PatternFileError
    from relext.patterns import read_pattern_file

    path = tmp_path / "p.yaml"
    path.write_bytes("- relation: ATTENDS\n  lemma: go\n- relation: ATTENDS\n  lemma: caf\xe9\n".encode("latin-1"))
    with pytest.raises(PatternFileError) as info:
        read_pattern_file(path)
    msg = str(info.value)
    assert str(path) in msg and "line 4," in msg and "not UTF-8" in msg and "0xe9" in msg


def test_pattern_file_lines_in_jsonl_are_the_files_lines(tmp_path):
    from relext.patterns import read_pattern_file

    path = tmp_path / "p.jsonl"
    path.write_text("\n" + json.dumps({"type": "COUNTRY", "name": "Freedonia"}) + "\n", encoding="utf-8")
    assert read_pattern_file(path)[0]["__line__"] == 2


def test_extract_help_documents_the_new_options(capsys):
    main(["extract", "--help"])
    out = capsys.readouterr().out
    for flag in ("--patterns", "--min-evidence", "--drop-negated", "--drop-isolates", "--follow-symlinks",
                 "--summary-json", "Output safety"):
        assert flag in out, flag


def test_slow_documents_show_seconds_per_document():
    s = BatchSummary(processed=1, seconds=492.2, extract_seconds=470.3)
    assert "(470.3 s extracting, 470.3 s/doc; 21.9 s loading and writing)" in s.format()
