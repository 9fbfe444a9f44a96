"""The batch path used as an adversarial user would (issue 13: nothing lost, nothing let in).

Each test reproduces one way the batch used to lose data, block for good or let
something in: outputs that overwrite inputs, unwritable outputs found too late,
duplicate ids, invalid Unicode, orphaned workers, huge documents, stray bytes,
symbolic links, UTF-16 on stdin and short non-English texts.

Most tests use a fake ``extract_many`` (no model); the worker test uses a blank
spaCy pipeline in real worker processes.
"""
from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from relext import batch
from relext.batch import BatchOptions, read_results
from relext.cli import main
from relext.models import Extraction


def fake_extraction(doc_id: str, text: str) -> Extraction:
    words = list(dict.fromkeys(re.findall(r"\b[A-Z][a-z]+\b", text)))[:4]
    ents = [{"id": f"country:{w.upper()}", "name": w, "type": "COUNTRY"} for w in words]
    return Extraction.model_validate({"doc_id": doc_id, "entities": ents, "relations": []})


class Calls:
    """A fake extract_many that counts the documents it was given."""

    def __init__(self):
        self.texts = []

    def __call__(self, inputs, *, nlp=None, batch_size=64, n_process=1, include_hypothetical=False, on_skip=None):
        for rec in inputs:
            self.texts.append(rec["text"])
            yield fake_extraction(rec["id"], rec["text"])


@pytest.fixture
def fake(monkeypatch):
    import relext.extraction
    import relext.loading

    calls = Calls()
    monkeypatch.setattr(relext.extraction, "extract_many", calls)
    monkeypatch.setattr(relext.loading, "load", lambda model=None, **kw: object())
    return calls


def run(inputs, stdin=None, **fields):
    return batch.run_batch(inputs, BatchOptions(progress=False, **fields), nlp=object(), stdin=stdin)


def corpus(d: Path, n: int = 3) -> Path:
    d.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (d / f"doc{i}.txt").write_text(f"France met Germany in Geneva on day {i}.", encoding="utf-8")
    return d


# --- 1. outputs checked against inputs and each other ----------------------------------------

def test_results_file_that_is_the_input_is_refused_and_the_input_kept(tmp_path, fake, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "France met Germany."}) + "\n", encoding="utf-8")
    before = src.read_bytes()
    assert main(["extract", str(src), "-o", str(tmp_path / "g.graphml"), "--jsonl", str(src), "--no-progress"]) == 2
    assert src.read_bytes() == before
    assert "is also an input" in capsys.readouterr().err
    assert fake.texts == [] and not (tmp_path / "g.graphml").exists()


@pytest.mark.parametrize("flags", [["-o", "{x}", "--jsonl", "{x}"], ["-o", "{g}", "--summary-json", "{g}"],
                                   ["-o", "{g}", "--jsonl", "{x}", "--summary-json", "{x}"]])
def test_two_outputs_naming_one_file_are_refused(tmp_path, fake, capsys, flags):
    d = corpus(tmp_path / "in")
    argv = [a.format(x=tmp_path / "X.json", g=tmp_path / "g.graphml") for a in flags]
    assert main(["extract", str(d), *argv, "--no-progress"]) == 2
    assert "are the same file" in capsys.readouterr().err
    assert fake.texts == [] and not (tmp_path / "X.json").exists()


def test_an_output_read_back_from_an_input_folder_is_refused(tmp_path, fake, capsys):
    d = corpus(tmp_path / "in")
    assert main(["extract", str(d), "-o", str(tmp_path / "g.graphml"), "--jsonl", str(d / "r.jsonl"),
                 "--no-progress"]) == 2
    assert "would be read back as input" in capsys.readouterr().err
    assert not (d / "r.jsonl").exists()
    # a graph file in the input folder is not read as input: allowed
    assert main(["extract", str(d), "-o", str(d / "g.graphml"), "--no-progress"]) == 0


def test_a_graph_csv_file_colliding_with_the_results_is_refused(tmp_path, fake, capsys):
    d = corpus(tmp_path / "in")
    assert main(["extract", str(d), "-o", str(tmp_path / "g.csv"), "--jsonl", str(tmp_path / "g_graph.json"),
                 "--no-progress"]) == 2
    assert "are the same file" in capsys.readouterr().err


# --- 2. fail fast: unwritable outputs found before the first document ----------------------------

@pytest.mark.parametrize("where", ["graph-is-dir", "graph-under-a-file", "summary-is-dir", "jsonl-under-a-file"])
def test_unwritable_outputs_are_found_before_any_document(tmp_path, fake, capsys, where):
    d = corpus(tmp_path / "in")
    (tmp_path / "adir").mkdir()
    (tmp_path / "afile").write_text("x")
    argv = {"graph-is-dir": ["-o", str(tmp_path / "adir")],
            "graph-under-a-file": ["-o", str(tmp_path / "afile" / "g.graphml")],
            "summary-is-dir": ["-o", str(tmp_path / "g.graphml"), "--summary-json", str(tmp_path / "adir")],
            "jsonl-under-a-file": ["-o", str(tmp_path / "g.graphml"), "--jsonl", str(tmp_path / "afile" / "r.jsonl")],
            }[where]
    if where == "graph-is-dir":  # a folder is a CSV target only: ask for GraphML explicitly
        argv += ["--format", "graphml"]
    assert main(["extract", str(d), *argv, "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "Cannot write" in err and "Traceback" not in err
    assert fake.texts == []  # no document was extracted
    assert not (tmp_path / "g.graphml").exists()


def test_summary_json_is_written_atomically_and_listed(tmp_path, fake, capsys):
    d = corpus(tmp_path / "in")
    assert main(["extract", str(d), "-o", str(tmp_path / "g.graphml"), "--summary-json", str(tmp_path / "s.json"),
                 "--no-progress"]) == 0
    summary = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert summary["processed"] == 3 and str(tmp_path / "s.json") in summary["written"]


# --- 3. duplicate ids --------------------------------------------------------------------------

def test_a_duplicate_id_keeps_the_first_result_whole_and_resume_keeps_the_exit_code(tmp_path, fake):
    src = tmp_path / "in.jsonl"
    lines = [{"id": "a", "text": "<p>France met Germany.</p>"}, {"id": "b", "text": "Spain met Italy."},
             {"id": "a", "text": "Peru met Chile."}]
    src.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    results = tmp_path / "r.jsonl"
    first = run([src], jsonl=results, output=tmp_path / "g.graphml")
    assert first.exit_code == 1 and [i for i, _ in first.skipped] == ["a"]
    stored = {ex.doc_id: (ex, text) for ex, text in read_results(results)}
    assert stored["a"][1] == "France met Germany."  # not erased by the duplicate
    assert any("HTML" in w for w in stored["a"][0].warnings)
    again = run([src], jsonl=results, output=tmp_path / "g.graphml", resume=True)
    assert again.resumed == 2 and again.processed == 0
    assert again.exit_code == 1 and [i for i, _ in again.skipped] == ["a"]


# --- 5. invalid Unicode never stops a batch -------------------------------------------------------

def test_a_lone_surrogate_is_replaced_with_a_warning_and_the_batch_finishes(tmp_path, fake):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "bad", "text": "France met \\ud800 Germany."}\n'
                   '{"id": "good", "text": "Spain met Italy."}\n', encoding="utf-8")
    summary = run([src], jsonl=tmp_path / "r.jsonl", output=tmp_path / "g.graphml")
    assert summary.exit_code == 0 and summary.processed == 2
    assert all("\ud800" not in t for t in fake.texts)
    stored = {ex.doc_id: (ex, text) for ex, text in read_results(tmp_path / "r.jsonl")}
    assert stored["bad"][1] == "France met \ufffd Germany."
    assert any("surrogate" in w for w in stored["bad"][0].warnings)
    assert (tmp_path / "g.graphml").exists()


def test_a_surrogate_in_an_id_or_metadata_is_a_skip_or_a_fix_never_a_crash(tmp_path, fake):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "x\\udc80", "text": "France met Germany."}\n'
                   '{"id": "ok", "text": "Spain met Italy."}\n', encoding="utf-8")
    summary = run([src], jsonl=tmp_path / "r.jsonl", output=tmp_path / "g.graphml")
    assert summary.processed == 2
    assert sorted(ex.doc_id for ex, _ in read_results(tmp_path / "r.jsonl")) == ["ok", "x\ufffd"]


def test_a_result_that_cannot_be_stored_is_a_skip_with_its_id(tmp_path, monkeypatch):
    import relext.extraction

    def bad_extract_many(inputs, **kwargs):
        for rec in inputs:
            ex = fake_extraction(rec["id"], rec["text"])
            if rec["id"] == "doc1":
                ex.warnings.append("broken \ud800")  # what a buggy component could produce
            yield ex

    monkeypatch.setattr(relext.extraction, "extract_many", bad_extract_many)
    d = corpus(tmp_path / "in")
    summary = run([d], jsonl=tmp_path / "r.jsonl", output=tmp_path / "g.graphml")
    assert summary.processed == 2 and summary.exit_code == 1
    (doc_id, reason), = summary.skipped
    assert doc_id == "doc1" and "could not be stored" in reason
    assert [ex.doc_id for ex, _ in read_results(tmp_path / "r.jsonl")] == ["doc0", "doc2"]


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_gets_a_valid_id(tmp_path, fake):
    d = corpus(tmp_path / "in", 1)
    name = os.path.join(os.fsencode(d), b"caf\xe9.txt")
    with open(name, "wb") as f:
        f.write(b"Spain met Italy in Madrid.")
    summary = run([d], jsonl=tmp_path / "r.jsonl", output=tmp_path / "g.graphml")
    assert summary.exit_code == 0 and summary.processed == 2
    ids = [ex.doc_id for ex, _ in read_results(tmp_path / "r.jsonl")]
    assert "caf\ufffd" in ids
    assert any("not valid Unicode" in w for _, w in summary.warnings)


def test_text_reaching_spacy_through_the_api_is_valid_unicode(monkeypatch):
    import spacy

    import relext.extraction as extraction

    seen = []
    nlp = spacy.blank("en")

    @spacy.Language.component("relext_test_record_text")
    def record(doc):
        seen.append(doc.text)
        return doc

    nlp.add_pipe("relext_test_record_text")
    monkeypatch.setattr(extraction, "extract_doc", lambda doc, doc_id=None, **kw: fake_extraction(doc_id, doc.text))
    out = list(extraction.extract_many(["France \ud800 met Germany.", {"id": "i\udcff", "text": "Spain \udfff."}],
                                       nlp=nlp))
    assert [ex.doc_id for ex in out] == ["0", "i\ufffd"]
    extraction.extract("Peru \ud800 met Chile.", nlp=nlp)
    assert seen == ["France \ufffd met Germany.", "Spain \ufffd.", "Peru \ufffd met Chile."]
    for text in seen:
        text.encode("utf-8")


# --- 6. workers die with their parent ------------------------------------------------------------

_WORKER_SCRIPT = """
import sys, time, spacy, relext.extraction, relext.loading
from relext.models import Extraction

@spacy.Language.component("relext_test_slow")
def slow(doc):
    time.sleep(0.3)
    return doc

def make():
    nlp = spacy.blank("en")
    nlp.add_pipe("relext_test_slow")
    return nlp

relext.loading.load = lambda model=None, **kw: make()
relext.extraction.extract_doc = lambda doc, doc_id=None, **kw: Extraction(doc_id=doc_id)
from relext.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _children(pid: int) -> list:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                out.append(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find the workers")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_with_their_parent(tmp_path, sig):
    d = corpus(tmp_path / "in", 60)
    script = tmp_path / "run.py"
    script.write_text(_WORKER_SCRIPT, encoding="utf-8")
    results = tmp_path / "r.jsonl"
    proc = subprocess.Popen([sys.executable, str(script), "extract", str(d), "-o", str(tmp_path / "g.graphml"),
                             "--jsonl", str(results), "--n-process", "2", "--batch-size", "2", "--no-progress"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        workers = []
        while time.time() < deadline:
            workers = _children(proc.pid)
            if len(workers) >= 2 and results.exists() and results.stat().st_size > 0:
                break
            time.sleep(0.1)
        assert len(workers) >= 2, "the workers did not start"
        os.kill(proc.pid, sig)
        proc.wait(timeout=30)
        deadline = time.time() + 15
        while time.time() < deadline and any(_alive(w) for w in workers):
            time.sleep(0.1)
        survivors = [w for w in workers if _alive(w)]
    finally:
        for w in _children(proc.pid) + (workers if proc.poll() is not None else []):
            try:
                if _alive(w):
                    os.kill(w, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if proc.poll() is None:
            proc.kill()
    assert survivors == []


def test_die_with_parent_arms_the_death_signal_on_linux():
    from relext.processes import set_parent_death_signal

    if not sys.platform.startswith("linux"):
        pytest.skip("PR_SET_PDEATHSIG is Linux only")
    code = ("import sys; from relext.processes import set_parent_death_signal as s; "
            "sys.exit(0 if s() else 1)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
    assert callable(set_parent_death_signal)


# --- 7. one huge document: bounded chunks -------------------------------------------------------

class _BatchRecorder:
    """A pipeline component that records the lengths of the texts of every batch it gets."""

    batches: list = []

    def __call__(self, doc):
        self.batches.append([len(doc.text)])
        return doc

    def pipe(self, stream, batch_size=128):
        import spacy

        for batch in spacy.util.minibatch(stream, size=batch_size):
            self.batches.append([len(d.text) for d in batch])
            yield from batch


def test_a_long_document_reaches_the_pipeline_in_bounded_chunks_one_at_a_time(monkeypatch):
    import spacy

    import relext.extraction as extraction
    from relext.io.chunking import MAX_CHUNK_CHARS

    if not spacy.Language.has_factory("relext_test_batches"):
        spacy.Language.factory("relext_test_batches", func=lambda nlp, name: _BatchRecorder())
    nlp = spacy.blank("en")  # max_length 1,000,000
    recorder = nlp.add_pipe("relext_test_batches")
    recorder.batches = []
    monkeypatch.setattr(extraction, "extract_doc", lambda doc, doc_id=None, **kw: Extraction(doc_id=doc_id))
    text = "\n\n".join(["France met Germany in Geneva. Spain met Italy."] * 8000)  # ~376,000 chars
    short = [{"id": f"s{i}", "text": "Peru met Chile."} for i in range(5)]
    out = list(extraction.extract_many(short[:3] + [{"id": "long", "text": text}] + short[3:], nlp=nlp,
                                       batch_size=64))
    assert [ex.doc_id for ex in out] == ["s0", "s1", "s2", "long", "s3", "s4"]
    assert any("[W002]" in w for w in out[3].warnings)
    chunks = [b for b in recorder.batches if max(b) > 100]
    assert len(chunks) > 1 and all(len(b) == 1 and b[0] <= MAX_CHUNK_CHARS for b in chunks)  # one chunk a batch
    assert sum(b[0] for b in chunks) == len(text)
    assert [3, 2] == [len(b) for b in recorder.batches if max(b) <= 100]  # short documents still batched
    recorder.batches = []
    extraction.extract(text, nlp=nlp)
    assert recorder.batches and all(len(b) == 1 and b[0] <= MAX_CHUNK_CHARS for b in recorder.batches)


# --- 11. a stray byte in UTF-8 ---------------------------------------------------------------------

def test_utf8_with_one_stray_byte_stays_utf8_with_a_warning(tmp_path, fake):
    d = tmp_path / "in"
    d.mkdir()
    (d / "hollande.txt").write_bytes("François Hollande met Angela Merkel in Paris.".encode() + b" \x92")
    (d / "latin.txt").write_bytes("François Hollande met the Swiss president.".encode("cp1252"))
    summary = run([d], jsonl=tmp_path / "r.jsonl")
    texts = {ex.doc_id: text for ex, text in read_results(tmp_path / "r.jsonl")}
    assert texts["hollande"].startswith("François Hollande") and "\ufffd" in texts["hollande"]
    assert texts["latin"].startswith("François Hollande")  # really cp1252: still read as such
    (doc_id, warning), = [(i, w) for i, w in summary.warnings if "U+FFFD" in w]
    assert doc_id == "hollande" and "hollande" in warning


# --- 15. symbolic links ------------------------------------------------------------------------------

def test_symlinks_leaving_the_input_tree_are_not_followed(tmp_path, fake):
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret: Chile met Peru.", encoding="utf-8")
    d = corpus(tmp_path / "in", 1)
    os.symlink(secret, d / "passwd.txt")
    os.symlink(d / "doc0.txt", d / "inside.txt")  # a link inside the tree is fine
    summary = run([d], jsonl=tmp_path / "r.jsonl")
    assert not any("Secret" in t for t in fake.texts)
    (doc_id, reason), = summary.skipped
    assert doc_id == "passwd" and "--follow-symlinks" in reason
    assert sorted(ex.doc_id for ex, _ in read_results(tmp_path / "r.jsonl")) == ["doc0", "inside"]
    followed = run([d], jsonl=tmp_path / "r2.jsonl", follow_symlinks=True)
    assert followed.skipped == [] and any("Secret" in t for t in fake.texts)


# --- 16. UTF-16 JSONL on stdin; short non-English texts ---------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_jsonl_on_stdin_is_read_as_records(tmp_path, fake, encoding):
    lines = "".join(json.dumps(r) + "\n" for r in [{"id": "s1", "text": "Chile met Peru."},
                                                   {"id": "s2", "text": "Spain met Italy.", "date": "2024-05-01"}])
    data = lines.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    summary = run(["-"], stdin=io.BytesIO(data), jsonl=tmp_path / "r.jsonl")
    assert summary.processed == 2 and summary.skipped == []
    assert [ex.doc_id for ex, _ in read_results(tmp_path / "r.jsonl")] == ["s1", "s2"]


@pytest.mark.parametrize("text,lang", [("Путин встретился с Си Цзиньпином в Пекине.", "Russian"),
                                       ("普京在北京会见了习近平。", "Chinese")])
def test_short_chinese_and_russian_texts_are_skipped(tmp_path, fake, text, lang):
    summary = run([{"id": "x", "text": text}, {"id": "en", "text": "Macron visits Berlin."}])
    assert summary.processed == 1
    (doc_id, reason), = summary.skipped
    assert doc_id == "x" and lang in reason and "--force-language" in reason
    assert run([{"id": "x", "text": text}], force_language=True).processed == 1


def test_english_with_a_few_foreign_names_is_kept(fake):
    summary = run([{"id": "a", "text": "Xi Jinping (习近平) met Vladimir Putin (Путин) in Beijing."}])
    assert summary.processed == 1 and summary.skipped == []


# --- metadata of the input records ---------------------------------------------------------------

def test_record_fields_other_than_id_and_text_travel_as_meta(tmp_path, monkeypatch):
    import relext.extraction
    from relext.batch.stages import Tally, read

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "France met Germany.", "date": "2024-05-01",
                               "url": "https://example.org/a"}) + "\n", encoding="utf-8")
    (doc,) = read([src])
    assert doc.meta == {"date": "2024-05-01", "url": "https://example.org/a"}
    seen = []

    def extract_many(inputs, **kwargs):
        for rec in inputs:
            seen.append(dict(rec))
            yield fake_extraction(rec["id"], rec["text"])

    monkeypatch.setattr(relext.extraction, "extract_many", extract_many)
    run([src], jsonl=tmp_path / "r.jsonl")
    assert seen == [{"id": "a", "text": "France met Germany.", "date": "2024-05-01", "url": "https://example.org/a"}]
    (ex, _), = read_results(tmp_path / "r.jsonl")
    if "meta" in type(ex).model_fields:  # the provenance fields of the Extraction model
        assert ex.meta["url"] == "https://example.org/a"
