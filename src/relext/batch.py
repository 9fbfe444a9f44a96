"""The batch layer: many documents to a results JSONL file and a graph, fault-tolerantly.

:func:`run_batch` is what ``relext extract`` runs. It

1. reads the inputs (files, directories, JSONL, stdin or ready records) with
   :mod:`relext.io.readers`, making every text safe (decoding, HTML, cleaning,
   language) and turning bad input into *skips* with a reason;
2. streams the good records through :func:`relext.extract_many` (or Dask);
3. appends each :class:`~relext.models.Extraction` to the results file as soon as it
   is made, flushed per document, so a crash or Ctrl-C keeps every finished result;
4. updates the graph incrementally and writes it once at the end, atomically (a
   crash leaves the old graph file or a complete new one, never half a file);
5. returns a :class:`BatchSummary`.

With ``resume=True`` documents whose ids are already in the results file are not
processed again; the graph is rebuilt from the results file plus the new documents,
so it equals the graph of an uninterrupted run.

Results file
------------
One JSON object per line: the ``Extraction`` (``model_dump(mode="json")``) plus a
``"text"`` field holding the cleaned text that all character offsets refer to.
:func:`read_results` reads it back.

Example
-------
>>> summary = run_batch(["data/sample_corpus"], output="out/sample.graphml",
...                     jsonl="out/sample.jsonl")                    # doctest: +SKIP
>>> summary.processed, summary.skipped                               # doctest: +SKIP
(9, [])
>>> print(summary.format())                                          # doctest: +SKIP
"""
from __future__ import annotations

import inspect
import json
import logging
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Set, Tuple, Union

from .errors import Warnings
from .io.decoding import check_encoding
from .io.readers import MAX_CHARS, Skip, check_paths, count_documents, iter_inputs, prepare_record
from .models import Extraction

log = logging.getLogger(__name__)

#: Graph formats by file extension (see :func:`relext.export.write_graph`).
GRAPH_FORMATS = {".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".csv": "csv"}


class BatchError(Exception):
    """A usage or setup error found before any document is processed (exit code 2)."""


class BatchAborted(Exception):
    """The batch stopped part-way (a worker failure, an error, Ctrl-C).

    ``summary`` says what was done; every finished result is in the results file and
    the graph file was left as it was. Rerun with ``--resume`` to finish.
    """

    def __init__(self, message: str, summary: "BatchSummary"):
        super().__init__(message)
        self.summary = summary


@dataclass
class BatchSummary:
    """What a batch did.

    Attributes:
        processed: documents extracted in this run.
        resumed: input documents found already done in the results file (not redone).
        skipped: ``(id, reason)`` of every document that was not processed.
        warnings: ``(id, warning)`` of documents processed with a warning (lossy
            decoding, HTML, chunking of long texts).
        entities_by_type / relations_by_predicate / negated: counts over every
            document in the graph (this run and, on resume, the earlier ones).
        documents: documents in the graph.
        seconds: wall time of the run; extract_seconds: the part spent reading and
            extracting documents (after the model was loaded).
        output / jsonl: the files written.
        error: why the batch stopped early, if it did.
    """

    processed: int = 0
    resumed: int = 0
    skipped: List[Tuple[str, str]] = field(default_factory=list)
    warnings: List[Tuple[str, str]] = field(default_factory=list)
    entities_by_type: Counter = field(default_factory=Counter)
    relations_by_predicate: Counter = field(default_factory=Counter)
    negated: int = 0
    documents: int = 0
    seconds: float = 0.0
    extract_seconds: float = 0.0
    output: Optional[str] = None
    jsonl: Optional[str] = None
    graph_nodes: Optional[int] = None
    graph_edges: Optional[int] = None
    error: Optional[str] = None

    @property
    def docs_per_second(self) -> float:
        """Documents processed per second of extraction time (model loading excluded)."""
        t = self.extract_seconds or self.seconds
        return self.processed / t if t > 0 else 0.0

    @property
    def exit_code(self) -> int:
        """0: all processed; 1: some skipped; 2: the batch stopped early."""
        if self.error:
            return 2
        return 1 if self.skipped else 0

    def add(self, ex: Extraction) -> None:
        """Count one document's entities and relations."""
        self.documents += 1
        self.entities_by_type.update(e.type.value for e in ex.entities)
        self.relations_by_predicate.update(r.predicate for r in ex.relations)
        self.negated += sum(1 for r in ex.relations if r.negated)

    def to_dict(self) -> Dict[str, Any]:
        """A JSON-ready dict of the summary."""
        return {
            "processed": self.processed, "resumed": self.resumed,
            "skipped": [{"id": i, "reason": r} for i, r in self.skipped],
            "warnings": [{"id": i, "warning": w} for i, w in self.warnings],
            "documents": self.documents,
            "entities_by_type": dict(self.entities_by_type.most_common()),
            "relations_by_predicate": dict(self.relations_by_predicate.most_common()),
            "negated": self.negated, "seconds": round(self.seconds, 3),
            "extract_seconds": round(self.extract_seconds, 3),
            "docs_per_second": round(self.docs_per_second, 2),
            "output": self.output, "jsonl": self.jsonl,
            "graph_nodes": self.graph_nodes, "graph_edges": self.graph_edges, "error": self.error,
        }

    def format(self, max_listed: int = 20) -> str:
        """A human-readable report, as printed at the end of ``relext extract``."""
        lines = [f"Processed {self.processed} document(s) in {self.seconds:.1f} s "
                 f"({self.docs_per_second:.1f} docs/s)"
                 + (f"; {self.resumed} already done (resumed)" if self.resumed else "")
                 + f"; skipped {len(self.skipped)}."]
        if self.documents:
            ents = ", ".join(f"{t} {n}" for t, n in self.entities_by_type.most_common()) or "none"
            rels = ", ".join(f"{p} {n}" for p, n in self.relations_by_predicate.most_common()) or "none"
            lines.append(f"Entities by type ({self.documents} documents): {ents}")
            lines.append(f"Relations by predicate: {rels} ({self.negated} negated)")
        if self.graph_nodes is not None and self.output:
            lines.append(f"Graph: {self.graph_nodes} nodes, {self.graph_edges} edges -> {self.output}")
        if self.jsonl:
            lines.append(f"Results: {self.jsonl}")
        for title, items in (("Skipped", self.skipped), ("Warnings", self.warnings)):
            if not items:
                continue
            lines.append(f"{title} ({len(items)}):")
            for doc_id, msg in items[:max_listed]:
                named = f"Document {doc_id} " in msg or f"Record {doc_id} " in msg
                lines.append(f"  - {msg}" if named else f"  - {doc_id}: {msg}")
            if len(items) > max_listed:
                lines.append(f"  ... and {len(items) - max_listed} more (see the summary JSON or the log)")
        if self.error:
            lines.append(f"STOPPED EARLY: {self.error}")
        return "\n".join(lines)


# --- the results file ------------------------------------------------------------------

def _to_extraction(obj: Dict[str, Any]) -> Tuple[Extraction, Optional[str]]:
    return Extraction.model_validate(obj), obj.get("text")


def read_results(path: Union[str, Path]) -> Iterator[Tuple[Extraction, Optional[str]]]:
    """Read a results JSONL file: ``(Extraction, cleaned text)`` per line.

    A truncated last line (a crash in mid-write) is ignored; any other bad line
    raises ``ValueError`` naming the file and line.

    Example:
        >>> [ex.doc_id for ex, text in read_results("out/sample.jsonl")]   # doctest: +SKIP
        ['brussels-sanctions', ...]
    """
    path = Path(path)
    with path.open("rb") as f:
        lines = f.readlines()
    for lineno, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
            yield _to_extraction(obj)
        except Exception as err:
            if lineno == len(lines) and not raw.endswith(b"\n"):
                log.warning("%s, line %d: incomplete last line ignored (an interrupted write)", path, lineno)
                return
            raise ValueError(f"{path}, line {lineno}: not a relext result ({err}). Remove the line, "
                             f"or start again without --resume.") from err


def _repair_tail(path: Path) -> None:
    """Cut an incomplete last line (no newline) so appending starts on a fresh line."""
    with path.open("rb+") as f:
        f.seek(0, os.SEEK_END)
        size = f.tell()
        if size == 0:
            return
        f.seek(size - 1)
        if f.read(1) == b"\n":
            return
        f.seek(0)
        data = f.read()
        cut = data.rfind(b"\n") + 1
        f.truncate(cut)
        log.warning("%s: removed an incomplete last line left by an interrupted run", path)


class ResultsWriter:
    """Appends one JSON line per Extraction and flushes it at once."""

    def __init__(self, path: Union[str, Path], *, append: bool, store_text: bool = True):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if append and self.path.exists():
            _repair_tail(self.path)
        self._f = self.path.open("a" if append else "w", encoding="utf-8")
        self.store_text = store_text

    def write(self, ex: Extraction, text: Optional[str]) -> None:
        obj = ex.model_dump(mode="json")
        if self.store_text and obj.get("text") is None:
            obj["text"] = text
        self._f.write(json.dumps(obj, ensure_ascii=False) + "\n")
        self._f.flush()

    def close(self) -> None:
        self._f.close()


# --- the graph -------------------------------------------------------------------------

def _graph_api() -> Tuple[Callable, Callable, Callable]:
    from .export import write_graph
    from .graph import build_graph, update_graph

    return build_graph, update_graph, write_graph


def graph_format(path: Union[str, Path], fmt: Optional[str] = None) -> str:
    """The graph format for ``path`` (``fmt`` wins), or :class:`BatchError`.

    >>> graph_format("g.graphml"), graph_format("g.out", "gexf")
    ('graphml', 'gexf')
    """
    if fmt:
        fmt = fmt.lower().lstrip(".")
        if fmt not in GRAPH_FORMATS.values():
            raise BatchError(f"Unknown graph format '{fmt}'. Use one of: {', '.join(GRAPH_FORMATS.values())}.")
        return fmt
    suffix = Path(path).suffix.lower()
    if suffix not in GRAPH_FORMATS:
        raise BatchError(f"Cannot tell the graph format of '{path}' from its extension. Name it "
                         f"*.graphml, *.gexf, *.json or *.csv, or pass --format.")
    return GRAPH_FORMATS[suffix]


# --- the extraction engines ------------------------------------------------------------

def _dask_engine(scheduler: Optional[str], n_workers: Optional[int]):
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise BatchError("--scheduler and --dask-workers need Dask: pip install 'relext[dask]' "
                         "(or run without them to use local processes, --n-process N).") from None
    from .distributed.dask import extract_on_dask

    params = inspect.signature(extract_on_dask).parameters

    def engine(records, *, batch_size, include_hypothetical, on_skip, model=None, **_):
        kwargs: Dict[str, Any] = {"scheduler": scheduler, "n_workers": n_workers, "batch_size": batch_size}
        optional = {"include_hypothetical": include_hypothetical, "on_skip": on_skip, "model": model}
        kwargs.update({k: v for k, v in optional.items() if k in params})
        return extract_on_dask(records, **kwargs)

    return engine


class ComponentErrors:
    """A spaCy error handler: a component failing on a document drops that document
    (spaCy then leaves it out of ``nlp.pipe``) instead of ending the batch, and the
    error is kept as the reason it is reported as skipped.

    Under ``n_process > 1`` the handler runs in the workers, so the batch only sees
    that no result came back; rerun those documents with ``--n-process 1`` to read
    the error.
    """

    def __init__(self) -> None:
        self.reasons: Dict[str, str] = {}
        self.worker_errors: List[str] = []

    def __call__(self, name, proc, docs, err) -> None:
        if docs is None:  # spaCy's E871: a worker failed outside the components
            self.worker_errors.append(f"{type(err).__name__}: {err}")
            return
        for doc in docs:
            self.reasons[doc.text] = f"the pipeline component '{name}' failed on it: {type(err).__name__}: {err}"

    def install(self, nlp) -> Callable[[], None]:
        """Set this handler on ``nlp``; return a function that restores the old ones."""
        if not hasattr(nlp, "pipeline"):
            return lambda: None
        default = getattr(nlp, "default_error_handler", None)
        saved = []
        for _, pipe in nlp.pipeline:
            if hasattr(pipe, "get_error_handler") and hasattr(pipe, "set_error_handler"):
                try:  # some compiled components (the parser) cannot take one
                    old = pipe.get_error_handler()
                    pipe.set_error_handler(self)
                except AttributeError:
                    continue
                saved.append((pipe, old))
        nlp.default_error_handler = self

        def restore() -> None:
            nlp.default_error_handler = default
            for pipe, handler in saved:
                pipe.set_error_handler(handler)

        return restore


class WorkerDied(RuntimeError):
    """A worker process of ``nlp.pipe(n_process=N)`` exited abnormally (killed, crashed)."""


class WorkerWatchdog:
    """Turn a dead ``nlp.pipe`` worker into an exception instead of a hang.

    When a spaCy worker process dies (killed by the OOM killer, a crash in native
    code), ``nlp.pipe(n_process=N)`` waits for it forever. While active, this
    watchdog polls the child processes; when one has exited with a non-zero code it
    interrupts the main thread with ``SIGUSR1``, whose handler raises
    :class:`WorkerDied`. Only active in the main thread on POSIX systems.
    """

    def __init__(self, interval: float = 0.2):
        self.interval = interval
        self._stop = None
        self._old = None
        self.died: Optional[str] = None

    def _children(self):
        import multiprocessing.process as mpp

        return list(getattr(mpp, "_children", ()))  # includes dead, not yet reaped children

    def __enter__(self) -> "WorkerWatchdog":
        import signal
        import threading

        if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_kill"):
            return self
        before = {id(p) for p in self._children()}
        self._stop = threading.Event()
        main_ident = threading.main_thread().ident

        def on_signal(signum, frame):
            raise WorkerDied(self.died or "a worker process died")

        self._old = signal.signal(signal.SIGUSR1, on_signal)

        def watch() -> None:
            seen: Dict[int, Any] = {}
            while not self._stop.wait(self.interval):
                for p in self._children():
                    if id(p) not in before:
                        seen[id(p)] = p
                for p in seen.values():
                    code = p.exitcode
                    if code not in (None, 0):
                        self.died = (f"worker process {p.pid} exited with code {code}"
                                     + (" (killed by a signal; out of memory?)" if code < 0 else ""))
                        signal.pthread_kill(main_ident, signal.SIGUSR1)
                        return

        threading.Thread(target=watch, name="relext-worker-watchdog", daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        import signal

        if self._stop is not None:
            self._stop.set()
            signal.signal(signal.SIGUSR1, self._old)


def _local_engine(nlp, n_process: int):
    from .extraction import extract_many

    def engine(records, *, batch_size, include_hypothetical, on_skip, **_):
        return extract_many(records, nlp=nlp, batch_size=batch_size, n_process=n_process,
                            include_hypothetical=include_hypothetical, on_skip=on_skip)

    return engine


def _progress(progress: bool, total: Optional[int]):
    if not progress:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc="extracting", file=sys.stderr, dynamic_ncols=True,
                smoothing=0.1)


# --- run_batch --------------------------------------------------------------------------

def run_batch(inputs: Iterable[Any], *, output: Union[None, str, Path] = None, fmt: Optional[str] = None,
              jsonl: Union[None, str, Path] = None, resume: bool = False, n_process: int = 1,
              batch_size: int = 64, progress: bool = True, nlp=None, model: Optional[str] = None,
              encoding: Optional[str] = None, strict_html: bool = False, force_language: bool = False,
              include_hypothetical: bool = False, max_chars: int = MAX_CHARS,
              scheduler: Optional[str] = None, dask_workers: Optional[int] = None,
              store_text: bool = True, stdin=None, graph_batch: int = 500) -> BatchSummary:
    """Extract every input document into a results file and a graph.

    Args:
        inputs: paths (``.txt``/``.html`` files, directories, ``.jsonl`` files, ``"-"``
            for stdin) or ready records (``{"id", "text"}`` mappings); see
            :mod:`relext.io.readers`.
        output: the graph file to write at the end (atomically); ``None``: no graph.
        fmt: the graph format (``graphml``, ``gexf``, ``json``, ``csv``); default:
            from ``output``'s extension.
        jsonl: the results file, one Extraction per line, written as the batch goes.
        resume: skip documents already in ``jsonl`` and rebuild the graph from it.
        n_process / batch_size: passed to :func:`relext.extract_many`.
        progress: show a tqdm progress bar (documents/s) on stderr.
        nlp / model: the pipeline, or the model name or path to :func:`relext.load`.
        encoding: the encoding of every input file, instead of detection.
        strict_html: refuse HTML documents instead of extracting their text.
        force_language: process documents that look non-English.
        include_hypothetical: keep relations stated as conditions or questions.
        max_chars: refuse documents longer than this.
        scheduler / dask_workers: run on Dask (a scheduler address, or a local
            cluster of that many workers) instead of local processes.
        store_text: store the cleaned text with each result (offsets refer to it).
        stdin: a binary stream to read for ``"-"`` (default ``sys.stdin.buffer``).
        graph_batch: documents collected before each incremental graph update.

    Returns:
        A :class:`BatchSummary`; ``summary.exit_code`` is 1 when documents were skipped.

    Raises:
        BatchError: a usage error, found before any document is processed.
        BatchAborted: the batch stopped part-way; ``err.summary`` says what was done,
            the results file holds every finished document and the graph file was not
            touched. Rerun with ``resume=True``.
    """
    started = time.perf_counter()
    inputs = list(inputs)
    summary = BatchSummary(output=str(output) if output else None, jsonl=str(jsonl) if jsonl else None)
    # -- check everything that can be checked before work starts
    if resume and not jsonl:
        raise BatchError("--resume needs --jsonl FILE: the results file tells which documents are done.")
    if n_process < 1 or batch_size < 1:
        raise BatchError("--n-process and --batch-size must be at least 1.")
    if (scheduler or dask_workers) and n_process > 1:
        raise BatchError("Use either --n-process (local processes) or --scheduler/--dask-workers (Dask), not both.")
    if encoding:
        try:
            check_encoding(encoding)
        except ValueError as err:
            raise BatchError(str(err)) from None
    graph_fmt = graph_format(output, fmt) if output else None
    try:
        check_paths(inputs)
    except ValueError as err:
        raise BatchError(str(err)) from None
    if output:
        build_graph, update_graph, write_graph = _graph_api()
    if scheduler or dask_workers:
        engine = _dask_engine(scheduler, dask_workers)
    else:
        if nlp is None:
            from .loading import load

            nlp = load(model)
        engine = _local_engine(nlp, n_process)

    # -- earlier results (resume)
    graph = build_graph([]) if output else None
    done: Set[str] = set()
    buffer: List[Extraction] = []  # update_graph re-renders: feed it in batches

    def add_to_graph(ex: Optional[Extraction]) -> None:
        if graph is None:
            return
        if ex is not None:
            buffer.append(ex)
        if buffer and (ex is None or len(buffer) >= graph_batch):
            update_graph(graph, buffer)
            buffer.clear()

    if resume and jsonl and Path(jsonl).exists():
        for ex, _text in read_results(jsonl):
            if ex.doc_id in done:
                continue
            done.add(ex.doc_id)
            summary.add(ex)
            add_to_graph(ex)
    writer = ResultsWriter(jsonl, append=resume, store_text=store_text) if jsonl else None

    total = count_documents(inputs)
    bar = _progress(progress, total)
    pending: Dict[str, Dict[str, Any]] = {}
    seen: Dict[str, str] = {}

    def tick(n: int = 1) -> None:
        if bar is not None:
            bar.update(n)
            if summary.skipped:
                bar.set_postfix(skipped=len(summary.skipped), refresh=False)

    def on_skip(doc_id: str, reason: str) -> None:
        pending.pop(str(doc_id), None)
        summary.skipped.append((str(doc_id), reason))
        tick()

    def records() -> Iterator[Dict[str, str]]:
        for item in iter_inputs(inputs, encoding=encoding, stdin=stdin):
            if isinstance(item, Skip):
                on_skip(item.id, item.reason)
                continue
            doc_id = item["id"]
            if doc_id in done:
                summary.resumed += 1
                tick()
                continue
            if doc_id in seen:
                on_skip(doc_id, f"Document id {doc_id} ({item.get('source')}) was already used by "
                                f"{seen[doc_id]}; ids must be unique, so this one was not processed.")
                continue
            seen[doc_id] = str(item.get("source"))
            item = prepare_record(item, strict_html=strict_html, force_language=force_language,
                                  max_chars=max_chars)
            if isinstance(item, Skip):
                on_skip(item.id, item.reason)
                continue
            pending[doc_id] = item
            yield {"id": doc_id, "text": item["text"]}

    max_length = getattr(nlp, "max_length", None) if isinstance(getattr(nlp, "max_length", None), int) else None
    extract_started = time.perf_counter()
    component_errors = ComponentErrors()
    restore_handlers = component_errors.install(nlp) if nlp is not None else (lambda: None)
    watchdog = WorkerWatchdog() if n_process > 1 else None
    if watchdog is not None:
        watchdog.__enter__()
    try:
        results = engine(records(), batch_size=batch_size, include_hypothetical=include_hypothetical,
                         on_skip=on_skip, model=model)
        for ex in results:
            item = pending.pop(str(ex.doc_id), None)
            text = item["text"] if item else None
            if item and item.get("warnings"):
                ex.warnings[:0] = item["warnings"]
            if text is not None and max_length and len(text) > max_length and \
                    not any("[W002]" in w for w in ex.warnings):
                from .io.chunking import chunk_text

                ex.warnings.append(Warnings.W002.format(doc_id=ex.doc_id, n=len(text), max=max_length,
                                                        chunks=len(chunk_text(text, max_length))))
            if writer is not None:
                writer.write(ex, text)
            add_to_graph(ex)
            summary.processed += 1
            summary.add(ex)
            summary.warnings.extend((str(ex.doc_id), w) for w in ex.warnings)
            tick()
        for doc_id, item in list(pending.items()):
            reason = component_errors.reasons.pop(item["text"], None)
            if reason is None and component_errors.worker_errors:
                reason = f"a worker process failed on its batch: {component_errors.worker_errors[-1]}"
            if reason is None:
                reason = ("no result came back from the extraction workers (a pipeline component "
                          "probably failed on it; rerun it with --n-process 1 to see the error)")
            on_skip(doc_id, f"Document {doc_id} was not processed: {reason}.")
    except BaseException as err:  # noqa: B902 - Ctrl-C and worker failures alike
        if isinstance(err, KeyboardInterrupt):
            why = "interrupted (Ctrl-C)"
        else:
            where = f" with --n-process {n_process}" if n_process > 1 else ""
            where = " on Dask" if (scheduler or dask_workers) else where
            why = f"extraction failed{where}: {type(err).__name__}: {err}"
        kept = f"the {summary.processed} finished result(s) are in {jsonl}" if jsonl else \
            "no results file was given (--jsonl), so finished results were not kept"
        summary.error = (f"{why}. The graph file was not written; {kept}. "
                         + (f"Rerun with --resume to finish." if jsonl else "Rerun, ideally with --jsonl FILE."))
        summary.seconds = time.perf_counter() - started
        summary.extract_seconds = time.perf_counter() - extract_started
        log.debug(summary.error)
        raise BatchAborted(summary.error, summary) from err
    finally:
        if watchdog is not None:
            watchdog.__exit__(None, None, None)
        restore_handlers()
        if bar is not None:
            bar.close()
        if writer is not None:
            writer.close()

    summary.extract_seconds = time.perf_counter() - extract_started
    if graph is not None:
        add_to_graph(None)
        write_graph(graph, output, format=graph_fmt)
        summary.graph_nodes = graph.number_of_nodes()
        summary.graph_edges = graph.number_of_edges()
    summary.seconds = time.perf_counter() - started
    return summary
