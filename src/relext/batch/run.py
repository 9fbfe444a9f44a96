"""``run_batch``: the stages of a batch in order, with resume and progress hung on them.

::

    check options and outputs            (nothing is opened before this passes)
    load_done       --resume: earlier results into the graph
    read            inputs -> Documents                       stages.py
    Resume.select   leave out done and repeated ids           stages.py
    decode          clean text, or skip with a reason         stages.py
    Extractor       engine (local processes or Dask)          extract.py
    Collector       results file, graph, counts               collect.py
    write_graph_file  the graph, atomically                   collect.py

Example
-------
>>> from relext.batch import BatchOptions, run_batch
>>> summary = run_batch(["data/sample_corpus"], BatchOptions(output="out/sample.graphml",
...                     jsonl="out/sample.jsonl"))                   # doctest: +SKIP
>>> summary.processed, summary.skipped                               # doctest: +SKIP
(9, [])
"""
from __future__ import annotations

import json
import logging
import time
from typing import IO, Any, Iterable, Optional

from .collect import Collector, GraphSink, load_done, write_graph_file
from .extract import Extractor, dask_engine, local_engine
from .options import BatchError, BatchOptions
from .outputs import check_outputs
from .results import ResultsWriter
from .stages import Resume, Tally, decode, progress_bar, read
from .summary import BatchSummary
from .watchdog import WorkerWatchdog

log = logging.getLogger(__name__)


class BatchAborted(Exception):
    """The batch stopped part-way (a worker failure, an error, Ctrl-C).

    ``summary`` says what was done; every finished result is in the results file and
    the graph file was left as it was. Rerun with ``--resume`` to finish.
    """

    def __init__(self, message: str, summary: BatchSummary):
        super().__init__(message)
        self.summary = summary


def _check(inputs: list, options: BatchOptions) -> None:
    from ..io.readers import check_paths

    options.check()
    try:
        check_paths(inputs)
    except ValueError as err:
        raise BatchError(str(err)) from None
    check_outputs(inputs, options)


def _pipeline(options: BatchOptions, nlp: Any):
    """The engine for ``options`` and the local pipeline it uses (``None`` on Dask)."""
    if options.uses_dask:
        return dask_engine(options), None
    if nlp is None:  # a pipeline of our own: user patterns must not reach the shared cached one
        from ..loading import load

        nlp = load(options.model, cache=not options.patterns) if options.patterns else load(options.model)
    if options.patterns and hasattr(nlp, "pipe_names"):  # a given pipeline gets them added
        from ..patterns import add_patterns

        for path in options.patterns:
            add_patterns(nlp, path)
    return local_engine(nlp, options), nlp


def write_summary_json(summary: BatchSummary, path) -> None:
    """Write ``summary.to_dict()`` to ``path`` atomically and list it as written.

    Raises:
        OSError: the file cannot be written (checked before the batch started).
    """
    from ..export._atomic import atomic_write

    summary.written.append(str(path))
    with atomic_write(path, "w") as f:
        json.dump(summary.to_dict(), f, indent=2, ensure_ascii=False)


def _aborted(err: BaseException, options: BatchOptions, summary: BatchSummary,
             watchdog: Optional[WorkerWatchdog] = None) -> str:
    if isinstance(err, KeyboardInterrupt):
        why = "interrupted (Ctrl-C)"
    else:
        where = " on Dask" if options.uses_dask else (
            f" with --n-process {options.n_process}" if options.n_process > 1 else "")
        why = f"extraction failed{where}: {type(err).__name__}: {err}"
        dead = watchdog.report() if watchdog is not None else None
        if dead and "exited with code" not in why:  # the pool noticed before the watchdog did
            why += f" ({dead})"
    kept = (f"the {summary.processed} finished result(s) are in {options.jsonl}" if options.jsonl else
            "no results file was given (--jsonl), so finished results were not kept")
    return (f"{why}. The graph file was not written; {kept}. "
            + ("Rerun with --resume to finish." if options.jsonl else "Rerun, ideally with --jsonl FILE."))


def run_batch(inputs: Iterable[Any], options: Optional[BatchOptions] = None, *, nlp: Any = None,
              stdin: Optional[IO[bytes]] = None) -> BatchSummary:
    """Extract every input document into a results file and a graph.

    Args:
        inputs: paths (``.txt``/``.html`` files, directories, ``.jsonl`` files, ``"-"``
            for stdin) or ready records (``{"id", "text", ...}`` mappings); see
            `relext.io.readers`.
        options: what to do (`BatchOptions`; default: its defaults).
        nlp: a loaded pipeline to use instead of loading ``options.model``.
        stdin: a binary stream to read for ``"-"`` (default ``sys.stdin.buffer``).

    Returns:
        A `BatchSummary`; ``summary.exit_code`` is 1 when
        documents were skipped.

    Raises:
        BatchError: a usage error or an output that cannot be written, found before
            any document is processed.
        BatchAborted: the batch stopped part-way; ``err.summary`` says what was done,
            the results file holds every finished document and the graph file was not
            touched. Rerun with ``resume=True``.
    """
    started = time.perf_counter()
    options = options if options is not None else BatchOptions()
    inputs = list(inputs)
    _check(inputs, options)
    engine, nlp = _pipeline(options, nlp)

    summary = BatchSummary(output=str(options.output) if options.output else None,
                           jsonl=str(options.jsonl) if options.jsonl else None)
    tally = Tally(summary)
    sink = GraphSink(options) if options.output else None
    max_length = getattr(nlp, "max_length", None)
    collector = Collector(sink, None, max_length if isinstance(max_length, int) else None)
    done = load_done(options.jsonl, collector, tally) if options.resume else set()
    if options.jsonl:
        collector.writer = ResultsWriter(options.jsonl, append=options.resume, store_text=options.store_text)

    if options.progress:
        from ..io.readers import count_documents

        tally.progress = progress_bar(count_documents(inputs))
    extract_started = time.perf_counter()
    docs = read(inputs, encoding=options.encoding, stdin=stdin, follow_symlinks=options.follow_symlinks)
    docs = Resume(done).select(docs, tally)
    docs = decode(docs, tally, strict_html=options.strict_html, force_language=options.force_language,
                  max_chars=options.max_chars)
    watchdog = WorkerWatchdog() if options.n_process > 1 else None
    try:
        if watchdog is not None:
            watchdog.__enter__()
        collector(Extractor(engine, nlp)(docs, tally), tally)
    except BaseException as err:  # noqa: B902 - Ctrl-C and worker failures alike
        summary.error = _aborted(err, options, summary, watchdog)
        summary.seconds = time.perf_counter() - started
        summary.extract_seconds = time.perf_counter() - extract_started
        log.debug(summary.error)
        if options.summary_json:
            try:
                write_summary_json(summary, options.summary_json)
            except OSError as write_err:  # the batch's own error is the one to report
                log.warning("could not write %s: %s", options.summary_json, write_err)
        raise BatchAborted(summary.error, summary) from err
    finally:
        if watchdog is not None:
            watchdog.__exit__(None, None, None)
        tally.close()
        if collector.writer is not None:
            collector.writer.close()
            summary.written.append(str(options.jsonl))

    summary.extract_seconds = time.perf_counter() - extract_started
    if sink is not None:
        write_graph_file(sink, options, tally)
    summary.seconds = time.perf_counter() - started
    if options.summary_json:
        write_summary_json(summary, options.summary_json)
    return summary
