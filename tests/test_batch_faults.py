"""Fault tolerance of the batch layer.

- fault injection: a batch mixing empty, binary, HTML, Latin-1, non-English,
  oversized and broken-JSONL input with good documents keeps every good result and
  reports every bad one with a reason;
- crashes: an exception after N documents (in-process) and a SIGKILL (subprocess)
  leave the results file with every finished document and the graph file old or
  complete; ``--resume`` then ends with the same graph as an uninterrupted run;
- worker failures under ``n_process > 1`` are reported, not silent.

Tests marked ``slow`` use the real pipeline (session fixture ``nlp``); the others
use the fake pipeline of ``test_cli.py``'s style, defined again here.
"""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pytest

from relext import batch
from relext.batch import BatchAborted, BatchOptions, read_results
from relext.cli import main
from relext.models import Extraction

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample_corpus"

GOOD_1 = "French Foreign Minister Claire Dumont will attend the Vienna Security Summit next month."
GOOD_2 = ("NATO Secretary-General Anders Lund visited Warsaw on Tuesday and met with Polish Prime "
          "Minister Marta Kowalczyk. Poland is a member of NATO. Russia threatened Poland.")
LATIN = "The Swiss President met with Germany's chancellor in Zürich, the Élysée said."
GERMAN = ("Der deutsche Außenminister traf sich am Montag mit seinem französischen Amtskollegen in "
          "Berlin, um über neue Sanktionen gegen Moskau zu sprechen. Die Gespräche dauerten lange.")
HTML = ("<html><head><script>var a = 1;</script></head><body><nav>Menu</nav>"
        "<p>Canada will boycott the Harbin Winter Olympics.</p><p>China accused Canada of lying.</p>"
        "</body></html>")


def run_batch(inputs, *, nlp=None, stdin=None, **fields):
    """The batch with its options given as keywords (one BatchOptions object underneath)."""
    return batch.run_batch(inputs, BatchOptions(**fields), nlp=nlp, stdin=stdin)


# --- a fake pipeline ---------------------------------------------------------------------

def fake_extraction(doc_id: str, text: str) -> Extraction:
    words = list(dict.fromkeys(re.findall(r"\b[A-Z][a-z]+\b", text)))[:6]
    ents = [{"id": f"country:{w.upper()}", "name": w, "type": "COUNTRY"} for w in words]
    rels = [{"subject": f"country:{a.upper()}", "predicate": "MEETS_WITH", "object": f"country:{b.upper()}",
             "symmetric": True, "evidence": {"sentence": text[:80], "start_char": 0, "end_char": min(80, len(text)),
                                             "trigger": "met", "trigger_start": 0, "trigger_end": 1,
                                             "rule": "fake"}}
            for a, b in zip(words, words[1:])]
    return Extraction.model_validate({"doc_id": doc_id, "entities": ents, "relations": rels})


class FakeExtractMany:
    """Stands in for relext.extract_many; can crash after ``crash_after`` documents."""

    def __init__(self, crash_after=None, error=RuntimeError("worker process died")):
        self.crash_after, self.error, self.done = crash_after, error, 0

    def __call__(self, inputs, *, nlp=None, batch_size=64, n_process=1, include_hypothetical=False,
                 on_skip=None):
        for rec in inputs:
            if self.crash_after is not None and self.done >= self.crash_after:
                raise self.error
            self.done += 1
            yield fake_extraction(rec["id"], rec["text"])


@pytest.fixture
def fake(monkeypatch):
    import relext.extraction

    def install(**kwargs):
        f = FakeExtractMany(**kwargs)
        monkeypatch.setattr(relext.extraction, "extract_many", f)
        return f

    install()
    return install


def graph_data(path):
    """A comparable form of a graph file: nodes and edges with their attributes."""
    from relext.export import read_graph

    G = read_graph(path)
    data = nx.node_link_data(G, edges="links")
    return (sorted(json.dumps(n, sort_keys=True) for n in data["nodes"]),
            sorted(json.dumps(e, sort_keys=True) for e in data["links"]))


def make_corpus(d: Path, n: int = 12) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    countries = ["France", "Germany", "Poland", "Spain", "Italy", "Japan", "Canada", "Chile"]
    for i in range(n):
        a, b = countries[i % 8], countries[(i * 3 + 1) % 8]
        (d / f"doc{i:02d}.txt").write_text(f"{a} met {b} in Geneva on day {i}.", encoding="utf-8")
    return d


# --- fault injection -------------------------------------------------------------------------

def mixed_corpus(d: Path) -> dict:
    """Write good and bad documents; return {id: True if good}."""
    d.mkdir()
    (d / "good1.txt").write_text(GOOD_1, encoding="utf-8")
    (d / "good2.txt").write_text(GOOD_2, encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    (d / "blank.txt").write_text(" \n\t\u200b\n", encoding="utf-8")
    (d / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4)
    (d / "page.html").write_text(HTML, encoding="utf-8")
    (d / "latin1.txt").write_bytes(LATIN.encode("cp1252"))
    (d / "utf16.txt").write_bytes(GOOD_1.encode("utf-16"))
    (d / "german.txt").write_text(GERMAN, encoding="utf-8")
    (d / "huge.txt").write_text("The summit went on. " * 2000, encoding="utf-8")  # 40,000 chars
    (d / "long.txt").write_text("\n\n".join([GOOD_2] * 40), encoding="utf-8")  # > the lowered max_length
    (d / "records.jsonl").write_text(json.dumps({"id": "rec-ok", "text": GOOD_1}) + "\n{broken\n"
                                     + json.dumps({"id": "rec-notext", "text": 42}) + "\n", encoding="utf-8")
    return {"good1": True, "good2": True, "page": True, "latin1": True, "utf16": True, "long": True,
            "rec-ok": True, "empty": False, "blank": False, "binary": False, "german": False,
            "huge": False, "records:2": False, "rec-notext": False}


def check_mixed(summary, expected, results_path):
    done = {ex.doc_id: (ex, text) for ex, text in read_results(results_path)}
    good = {k for k, v in expected.items() if v}
    bad = {k for k, v in expected.items() if not v}
    assert set(done) == good
    skipped = dict(summary.skipped)
    assert set(skipped) == bad
    for doc_id, reason in skipped.items():
        assert reason.strip(), doc_id
    assert "is empty" in skipped["empty"] and "is empty" in skipped["blank"]
    assert "not text" in skipped["binary"]
    assert "German" in skipped["german"] and "--force-language" in skipped["german"]
    assert "--max-chars" in skipped["huge"]
    assert "records.jsonl, line 2" in skipped["records:2"] and "line 3" in skipped["rec-notext"]
    assert done["latin1"][1] == LATIN
    assert done["utf16"][1] == GOOD_1
    assert done["page"][1] == ("Canada will boycott the Harbin Winter Olympics.\n\n"
                               "China accused Canada of lying.")
    assert any("HTML" in w for w in done["page"][0].warnings)
    assert summary.processed == len(good) and summary.exit_code == 1
    return done


def test_fault_injection_fake_pipeline(tmp_path, fake):
    expected = mixed_corpus(tmp_path / "in")
    summary = run_batch([tmp_path / "in"], output=tmp_path / "g.graphml", jsonl=tmp_path / "r.jsonl",
                        max_chars=20_000, progress=False, nlp=object())
    check_mixed(summary, expected, tmp_path / "r.jsonl")
    assert (tmp_path / "g.graphml").exists()


@pytest.mark.slow
def test_fault_injection_real_pipeline(tmp_path, nlp):
    expected = mixed_corpus(tmp_path / "in")
    old_max = nlp.max_length
    nlp.max_length = 3000  # so long.txt (~6,000 chars) is processed in chunks
    try:
        summary = run_batch([tmp_path / "in"], output=tmp_path / "g.graphml", jsonl=tmp_path / "r.jsonl",
                            max_chars=20_000, progress=False, nlp=nlp)
    finally:
        nlp.max_length = old_max
    done = check_mixed(summary, expected, tmp_path / "r.jsonl")
    long_ex, long_text = done["long"]
    assert any("chunks" in w for w in long_ex.warnings)
    for ex, text in done.values():  # offsets refer to the stored cleaned text
        for ent in ex.entities:
            for m in ent.mentions:
                assert text[m.start_char:m.end_char] == m.text
    strict = run_batch([tmp_path / "in" / "page.html"], output=tmp_path / "s.graphml", strict_html=True,
                       progress=False, nlp=nlp)
    assert strict.processed == 0 and "--strict-html" in strict.skipped[0][1]


def test_duplicate_ids_are_skipped_not_overwritten(tmp_path, fake):
    d = make_corpus(tmp_path / "in", 2)
    (tmp_path / "dup.jsonl").write_text(json.dumps({"id": "doc00", "text": "Peru met Chile."}) + "\n")
    summary = run_batch([d, tmp_path / "dup.jsonl"], jsonl=tmp_path / "r.jsonl", progress=False, nlp=object())
    assert summary.processed == 2
    assert summary.skipped[0][0] == "doc00" and "already used" in summary.skipped[0][1]


# --- crashes and resume --------------------------------------------------------------------------

def test_crash_after_n_documents_then_resume_equals_uninterrupted(tmp_path, fake):
    corpus = make_corpus(tmp_path / "in", 12)
    full = run_batch([corpus], output=tmp_path / "full.graphml", jsonl=tmp_path / "full.jsonl",
                     progress=False, nlp=object())
    assert full.processed == 12

    out, results = tmp_path / "g.graphml", tmp_path / "r.jsonl"
    out.write_text("OLD GRAPH", encoding="utf-8")
    fake(crash_after=5)
    with pytest.raises(BatchAborted) as info:
        run_batch([corpus], output=out, jsonl=results, progress=False, nlp=object(), graph_batch=2)
    assert "worker process died" in str(info.value) and "--resume" in str(info.value)
    assert info.value.summary.processed == 5
    assert out.read_text(encoding="utf-8") == "OLD GRAPH"  # the old graph, untouched
    assert [ex.doc_id for ex, _ in read_results(results)] == [f"doc{i:02d}" for i in range(5)]

    fake()
    resumed = run_batch([corpus], output=out, jsonl=results, resume=True, progress=False, nlp=object())
    assert resumed.processed == 7 and resumed.resumed == 5 and resumed.exit_code == 0
    assert resumed.documents == 12
    assert graph_data(out) == graph_data(tmp_path / "full.graphml")
    assert results.read_text(encoding="utf-8") == (tmp_path / "full.jsonl").read_text(encoding="utf-8")


def test_resume_repairs_a_half_written_last_line(tmp_path, fake):
    corpus = make_corpus(tmp_path / "in", 4)
    run_batch([corpus], output=tmp_path / "full.graphml", jsonl=tmp_path / "full.jsonl", progress=False,
              nlp=object())
    lines = (tmp_path / "full.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    results = tmp_path / "r.jsonl"
    results.write_text(lines[0] + lines[1][:25], encoding="utf-8")  # killed in mid-write
    assert [ex.doc_id for ex, _ in read_results(results)] == ["doc00"]
    summary = run_batch([corpus], output=tmp_path / "g.graphml", jsonl=results, resume=True, progress=False,
                        nlp=object())
    assert summary.resumed == 1 and summary.processed == 3
    assert results.read_text(encoding="utf-8") == "".join(lines)
    assert graph_data(tmp_path / "g.graphml") == graph_data(tmp_path / "full.graphml")


_KILL_SCRIPT = """
import signal, sys, time, relext.extraction, relext.loading
# a test run started in the background of a non-interactive shell inherits SIGINT ignored;
# a user's Ctrl-C is not ignored, so the script restores Python's own handler
signal.signal(signal.SIGINT, signal.default_int_handler)
sys.path.insert(0, {tests!r})
from test_batch_faults import fake_extraction

def slow_extract_many(inputs, **kwargs):
    # quick for the first documents, then slow enough that the signal always comes before
    # the run's end, however loaded the machine
    for n, rec in enumerate(inputs):
        time.sleep(0.15 if n < 6 else 5.0)
        yield fake_extraction(rec["id"], rec["text"])

relext.extraction.extract_many = slow_extract_many
relext.loading.load = lambda model=None, **kw: object()
from relext.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_sigkill_midway_keeps_results_and_old_graph_then_resume(tmp_path):
    corpus = make_corpus(tmp_path / "in", 30)
    out, results = tmp_path / "g.graphml", tmp_path / "r.jsonl"
    out.write_text("OLD GRAPH", encoding="utf-8")
    script = tmp_path / "run.py"
    script.write_text(_KILL_SCRIPT.format(tests=str(Path(__file__).parent)), encoding="utf-8")
    args = [sys.executable, str(script), "extract", str(corpus), "-o", str(out), "--jsonl", str(results),
            "--no-progress"]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.time() + 30
        while time.time() < deadline:
            if results.exists() and len(results.read_bytes().splitlines()) >= 4:
                break
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert out.read_text(encoding="utf-8") == "OLD GRAPH"
    done = [ex.doc_id for ex, _ in read_results(results)]
    assert 4 <= len(done) < 30
    assert done == [f"doc{i:02d}" for i in range(len(done))]

    # resume in-process with the same (fast) fake
    import relext.extraction

    saved = relext.extraction.extract_many
    relext.extraction.extract_many = FakeExtractMany()
    try:
        summary = run_batch([corpus], output=out, jsonl=results, resume=True, progress=False, nlp=object())
        full = run_batch([corpus], output=tmp_path / "full.graphml", progress=False, nlp=object())
    finally:
        relext.extraction.extract_many = saved
    assert summary.resumed == len(done) and summary.processed == 30 - len(done)
    assert graph_data(out) == graph_data(tmp_path / "full.graphml")
    assert full.processed == 30


@pytest.mark.slow
def test_real_pipeline_crash_and_resume_equals_uninterrupted(tmp_path, nlp, monkeypatch):
    import relext.extraction

    full = run_batch([SAMPLE], output=tmp_path / "full.graphml", progress=False, nlp=nlp)
    assert full.processed == len(list(SAMPLE.glob("*.txt")))

    real = relext.extraction.extract_many

    def crashing(inputs, **kwargs):
        for i, ex in enumerate(real(inputs, **kwargs)):
            if i == 4:
                raise RuntimeError("simulated crash")
            yield ex

    monkeypatch.setattr(relext.extraction, "extract_many", crashing)
    out, results = tmp_path / "g.graphml", tmp_path / "r.jsonl"
    with pytest.raises(BatchAborted):
        run_batch([SAMPLE], output=out, jsonl=results, progress=False, nlp=nlp)
    assert not out.exists()
    assert len(list(read_results(results))) == 4
    monkeypatch.setattr(relext.extraction, "extract_many", real)
    summary = run_batch([SAMPLE], output=out, jsonl=results, resume=True, progress=False, nlp=nlp)
    assert summary.resumed == 4 and summary.exit_code == 0
    assert graph_data(out) == graph_data(tmp_path / "full.graphml")


# --- worker failures --------------------------------------------------------------------------

def test_worker_failure_is_reported_by_the_cli(tmp_path, fake, monkeypatch, capsys):
    import relext.loading

    monkeypatch.setattr(relext.loading, "load", lambda model=None, **kw: object())
    corpus = make_corpus(tmp_path / "in", 6)
    fake(crash_after=3, error=RuntimeError("worker 2 exited with code -9"))
    code = main(["extract", str(corpus), "-o", str(tmp_path / "g.graphml"), "--jsonl", str(tmp_path / "r.jsonl"),
                 "--n-process", "2", "--no-progress"])
    assert code == 2
    err = capsys.readouterr().err
    assert "--n-process 2" in err and "worker 2 exited with code -9" in err and "--resume" in err
    assert "Processed 3 documents" in err
    assert not (tmp_path / "g.graphml").exists()


def test_documents_dropped_by_a_failing_component_are_reported(tmp_path, nlp_free_pipeline):
    corpus = make_corpus(tmp_path / "in", 4)
    (corpus / "doc01.txt").write_text("BOOM goes the component.", encoding="utf-8")
    summary = run_batch([corpus], jsonl=tmp_path / "r.jsonl", progress=False, nlp=nlp_free_pipeline)
    assert summary.processed == 3
    (doc_id, reason), = summary.skipped
    assert doc_id == "doc01" and "component 'boom' failed" in reason and "exploded" in reason


@pytest.fixture
def nlp_free_pipeline(monkeypatch):
    """A tiny spaCy pipeline whose component fails on 'BOOM', with a fake extract_doc."""
    import spacy
    from spacy.language import Language

    import relext.extraction

    if not Language.has_factory("relext_test_boom"):
        @Language.component("relext_test_boom")
        def boom(doc):
            if "BOOM" in doc.text:
                raise ValueError("exploded")
            return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("relext_test_boom", name="boom")
    monkeypatch.setattr(relext.extraction, "extract_doc",
                        lambda doc, doc_id=None, **kw: fake_extraction(doc_id, doc.text))
    return nlp


@pytest.mark.slow
def test_real_pipeline_with_two_processes_matches_one(tmp_path, nlp):
    one = run_batch([SAMPLE], output=tmp_path / "one.graphml", progress=False, nlp=nlp)
    two = run_batch([SAMPLE], output=tmp_path / "two.graphml", progress=False, nlp=nlp, n_process=2)
    assert one.processed == two.processed and two.exit_code == 0
    assert graph_data(tmp_path / "one.graphml") == graph_data(tmp_path / "two.graphml")


@pytest.mark.filterwarnings("ignore:.*W127")
def test_killed_worker_is_reported_not_a_hang(tmp_path, monkeypatch):
    """A worker that dies (os._exit, like an OOM kill) must end the batch with a report."""
    import spacy
    from spacy.language import Language

    import relext.extraction

    if not Language.has_factory("relext_test_exit"):
        @Language.component("relext_test_exit")
        def hard_exit(doc):
            if "DIE" in doc.text:
                os._exit(3)
            return doc

    nlp = spacy.blank("en")
    nlp.add_pipe("relext_test_exit")
    monkeypatch.setattr(relext.extraction, "extract_doc",
                        lambda doc, doc_id=None, **kw: fake_extraction(doc_id, doc.text))
    corpus = make_corpus(tmp_path / "in", 8)
    (corpus / "doc05.txt").write_text("DIE now.", encoding="utf-8")
    started = time.time()
    with pytest.raises(BatchAborted) as info:
        run_batch([corpus], jsonl=tmp_path / "r.jsonl", output=tmp_path / "g.graphml", progress=False,
                  nlp=nlp, n_process=2, batch_size=1)
    assert time.time() - started < 120  # a hang guard, not a speed target: CI machines are noisy
    message = str(info.value)
    assert "--n-process 2" in message and "exited with code 3" in message and "--resume" in message
    assert not (tmp_path / "g.graphml").exists()


def test_ctrl_c_exits_130_and_keeps_results(tmp_path):
    corpus = make_corpus(tmp_path / "in", 30)
    out, results = tmp_path / "g.graphml", tmp_path / "r.jsonl"
    script = tmp_path / "run.py"
    script.write_text(_KILL_SCRIPT.format(tests=str(Path(__file__).parent)), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), "extract", str(corpus), "-o", str(out),
                             "--jsonl", str(results), "--no-progress"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 30
    while time.time() < deadline and not (results.exists() and len(results.read_bytes().splitlines()) >= 3):
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert "interrupted" in err and "--resume" in err
    assert not out.exists()
    assert len(list(read_results(results))) >= 3
