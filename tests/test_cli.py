"""The relext command line: help, exit codes, extract with a fake pipeline, info.

Most tests replace :func:`relext.extraction.extract_many` with a fake that makes
entities from capitalised words, so they run without the spaCy model; the
``nlp``-fixture test at the end runs the real pipeline on the sample corpus.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from relext import batch as batch_mod
from relext.cli import graph_info, main
from relext.models import Extraction

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample_corpus"


def fake_extraction(doc_id: str, text: str) -> Extraction:
    """Countries from capitalised words; the first one ATTENDS an event, a 'not' negates it."""
    words = list(dict.fromkeys(re.findall(r"\b[A-Z][a-z]+\b", text)))
    ents = [{"id": f"country:{w.upper()}", "name": w, "type": "COUNTRY",
             "mentions": [{"text": w, "start_char": text.index(w), "end_char": text.index(w) + len(w)}]}
            for w in words]
    rels = []
    if words:
        ents.append({"id": "event:summit", "name": "the summit", "type": "EVENT"})
        rels.append({"subject": f"country:{words[0].upper()}", "predicate": "ATTENDS",
                     "object": "event:summit", "negated": " not " in text,
                     "evidence": {"sentence": text, "start_char": 0, "end_char": len(text),
                                  "trigger": "attends", "trigger_start": 0, "trigger_end": 1,
                                  "rule": "fake"}})
    return Extraction.model_validate({"doc_id": doc_id, "entities": ents, "relations": rels})


def fake_extract_many(inputs, *, nlp=None, batch_size=64, n_process=1, include_hypothetical=False,
                      on_skip=None):
    for rec in inputs:
        if "FAIL" in rec["text"]:
            on_skip(rec["id"], "the fake pipeline cannot read FAIL")
            continue
        yield fake_extraction(rec["id"], rec["text"])


@pytest.fixture
def fake_pipeline(monkeypatch):
    """No model: relext.load returns a dummy and extract_many is the fake above."""
    import relext.extraction
    import relext.loading

    monkeypatch.setattr(relext.extraction, "extract_many", fake_extract_many)
    monkeypatch.setattr(relext.loading, "load", lambda model=None, **kw: object())
    return fake_extract_many


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "a.txt").write_text("France attends the summit with Germany.", encoding="utf-8")
    (d / "b.txt").write_text("Japan will not attend the summit, Tokyo said.", encoding="utf-8")
    (d / "c.txt").write_text("Spain attends the summit.", encoding="utf-8")
    return d


# --- help and usage ------------------------------------------------------------------------

@pytest.mark.parametrize("argv", [["--help"], ["extract", "--help"], ["info", "--help"]])
def test_help_explains_with_examples(argv, capsys):
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "examples:" in out and "relext " in out


def test_extract_help_documents_every_option(capsys):
    main(["extract", "--help"])
    out = capsys.readouterr().out
    for flag in ("--format", "--jsonl", "--resume", "--n-process", "--batch-size", "--encoding",
                 "--strict-html", "--force-language", "--no-progress", "--include-hypothetical",
                 "--model", "--scheduler", "--dask-workers", "exit codes"):
        assert flag in out, flag


@pytest.mark.parametrize("argv,message", [
    ([], "usage"),
    (["extract", "x.txt"], "required"),
    (["extract", "{corpus}", "-o", "{tmp}/g.png"], "Cannot tell the graph format"),
    (["extract", "{tmp}/missing.txt", "-o", "{tmp}/g.graphml"], "does not exist"),
    (["extract", "{corpus}", "-o", "{tmp}/g.graphml", "--resume"], "--resume needs --jsonl"),
    (["extract", "{corpus}", "-o", "{tmp}/g.graphml", "--encoding", "klingon"], "Unknown encoding"),
    (["extract", "{corpus}", "-o", "{tmp}/g.graphml", "--n-process", "0"], "at least 1"),
    (["extract", "{corpus}", "-o", "{tmp}/g.graphml", "--scheduler", "tcp://x:1", "--dask-workers", "2"],
     "not allowed with"),
    (["info", "{tmp}/nothing.graphml"], "could not read the graph"),
])
def test_usage_errors_exit_2_with_a_message(argv, message, corpus, tmp_path, capsys, fake_pipeline):
    argv = [a.format(corpus=corpus, tmp=tmp_path) for a in argv]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert message in captured.err + captured.out
    assert not (tmp_path / "g.graphml").exists()


# --- extract ---------------------------------------------------------------------------------

def test_extract_all_processed_exit_0(corpus, tmp_path, capsys, fake_pipeline):
    out, results = tmp_path / "g.graphml", tmp_path / "r.jsonl"
    assert main(["extract", str(corpus), "-o", str(out), "--jsonl", str(results), "--no-progress",
                 "--summary-json", str(tmp_path / "s.json")]) == 0
    err = capsys.readouterr().err
    assert "Processed 3 documents" in err and "docs/s" in err and "ATTENDS 3" in err
    lines = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in lines] == ["a", "b", "c"]
    assert lines[0]["text"] == "France attends the summit with Germany."
    summary = json.loads((tmp_path / "s.json").read_text())
    assert summary["processed"] == 3 and summary["skipped"] == []
    from relext.export import read_graph

    G = read_graph(out)
    assert "country:FRANCE" in G and "event:summit" in G


def test_extract_with_skips_exit_1_and_still_writes(corpus, tmp_path, capsys, fake_pipeline):
    (corpus / "d.txt").write_text("", encoding="utf-8")
    (corpus / "e.txt").write_text("FAIL here", encoding="utf-8")
    out, results = tmp_path / "g.json", tmp_path / "r.jsonl"
    assert main(["extract", str(corpus), "-o", str(out), "--jsonl", str(results), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "skipped 2" in err and "Document d is empty" in err and "e: the fake pipeline cannot read FAIL" in err
    assert out.exists()
    assert len(results.read_text(encoding="utf-8").splitlines()) == 3


def test_extract_from_stdin(tmp_path, monkeypatch, capsys, fake_pipeline):
    import io
    import sys

    fake_stdin = io.TextIOWrapper(io.BytesIO(b'{"id": "s1", "text": "Chile attends."}\n'))
    monkeypatch.setattr(sys, "stdin", fake_stdin)
    assert main(["extract", "-", "-o", str(tmp_path / "g.gexf"), "--no-progress"]) == 0
    assert (tmp_path / "g.gexf").exists()


def test_dask_flags_need_dask(corpus, tmp_path, monkeypatch, capsys, fake_pipeline):
    import builtins

    real_import = builtins.__import__

    def no_dask(name, *args, **kwargs):
        if name.split(".")[0] in ("dask", "distributed"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    assert main(["extract", str(corpus), "-o", str(tmp_path / "g.graphml"), "--dask-workers", "2"]) == 2
    assert "pip install 'relext[dask]'" in capsys.readouterr().err


def test_dask_flags_are_wired(corpus, tmp_path, monkeypatch, fake_pipeline):
    pytest.importorskip("dask")
    import relext.distributed.dask as rdask

    calls = {}

    def fake_on_dask(records, *, options, **kwargs):
        calls.update(scheduler=options.scheduler, n_workers=options.dask_workers, batch_size=options.batch_size)
        for rec in records:
            yield fake_extraction(rec["id"], rec["text"])

    monkeypatch.setattr(rdask, "extract_on_dask", fake_on_dask)
    code = main(["extract", str(corpus), "-o", str(tmp_path / "g.graphml"), "--no-progress",
                 "--scheduler", "tcp://127.0.0.1:8786", "--batch-size", "8"])
    assert code == 0
    assert calls == {"scheduler": "tcp://127.0.0.1:8786", "n_workers": None, "batch_size": 8}


# --- info --------------------------------------------------------------------------------------

def test_info_summarises_a_graph(corpus, tmp_path, capsys, fake_pipeline):
    out = tmp_path / "g.graphml"
    main(["extract", str(corpus), "-o", str(out), "--no-progress"])
    capsys.readouterr()
    assert main(["info", str(out)]) == 0
    text = capsys.readouterr().out
    assert "3 documents" in text
    assert "COUNTRY" in text and "EVENT 1" in text
    assert "ATTENDS 3" in text and "Negated edges:      1" in text
    assert "Top nodes by degree:" in text and "event:summit" in text
    assert main(["info", str(out), "--json", "--top", "2"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["documents"] == 3 and info["negated"] == 1 and len(info["top_nodes"]) == 2
    assert info["top_nodes"][0]["id"] == "event:summit"


def test_graph_info_accepts_encoded_lists():
    import networkx as nx

    G = nx.MultiDiGraph()
    G.add_node("a", type="PERSON", doc_ids='["d1", "d2"]')
    G.add_edge("a", "b", key="MEETS_WITH|negated", negated="true")
    info = graph_info(G)
    assert info["documents"] == 2 and info["negated"] == 1
    assert info["edges_by_predicate"] == {"MEETS_WITH": 1}


# --- the real pipeline ---------------------------------------------------------------------------

@pytest.mark.slow
def test_demo_commands_on_the_sample_corpus(nlp, tmp_path, monkeypatch, capsys):
    import relext.loading

    monkeypatch.setattr(relext.loading, "load", lambda model=None, **kw: nlp)
    out, results = tmp_path / "sample.graphml", tmp_path / "sample.jsonl"
    assert main(["extract", str(SAMPLE), "-o", str(out), "--jsonl", str(results), "--no-progress"]) == 0
    lines = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == len(list(SAMPLE.glob("*.txt")))
    for rec in lines:  # offsets refer to the stored, cleaned text
        for ent in rec["entities"]:
            for m in ent["mentions"]:
                assert rec["text"][m["start_char"]:m["end_char"]] == m["text"]
    capsys.readouterr()
    assert main(["info", str(out)]) == 0
    text = capsys.readouterr().out
    assert "EVENT" in text and "COUNTRY" in text
    info = graph_info(__import__("relext").read_graph(out))
    assert info["documents"] == len(lines)
    # documents share events and actors: some node is mentioned in several documents
    from relext.export import read_graph

    G = read_graph(out)
    assert max(len(d.get("doc_ids", [])) for _, d in G.nodes(data=True)) >= 3
