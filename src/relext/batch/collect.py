"""Stages 4 and 5, **collect** and **write**: results to the results file, the graph, the file.

`Collector` takes each ``(Document, Extraction)`` pair, appends the result to the
results file at once (so a crash keeps it), adds it to the graph in batches and counts
it. `write_graph_file()` writes the graph once at the end, atomically.
`load_done()` feeds the results of an earlier run to a Collector (``--resume``).

Example
-------
>>> from relext.batch.stages import Document, Tally
>>> from relext.models import Extraction
>>> collector = Collector(graph=None, writer=None)
>>> tally = Tally()
>>> collector([(Document("a", "Putin met Xi."), Extraction(doc_id="a"))], tally)
>>> tally.summary.processed
1
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Iterable, List, Optional, Set, Tuple

from ..models import Extraction
from .extract import attach
from .options import BatchOptions
from .results import ResultsWriter, read_results
from .stages import Document, Tally

log = logging.getLogger(__name__)


class GraphSink:
    """A graph updated incrementally, in batches (``update_graph`` re-renders what it touches).

    Args:
        options: ``min_evidence``, ``drop_negated`` and ``graph_batch`` are used.
    """

    def __init__(self, options: BatchOptions):
        from ..graph import build_graph

        self.graph = build_graph([], keep_negated=not options.drop_negated, min_evidence=options.min_evidence)
        self.batch = options.graph_batch
        self._buffer: List[Extraction] = []

    def add(self, ex: Extraction) -> None:
        """Add one document's result (the graph is updated every ``graph_batch`` documents)."""
        self._buffer.append(ex)
        if len(self._buffer) >= self.batch:
            self.flush()

    def flush(self) -> None:
        """Update the graph with every result added so far."""
        if self._buffer:
            from ..graph import update_graph

            update_graph(self.graph, self._buffer)
            self._buffer.clear()


class Collector:
    """Stage 4: keep each result (results file, graph) and count it.

    Args:
        graph: a `GraphSink`, or ``None`` when no graph is written.
        writer: a `ResultsWriter`, or ``None``.
        max_length: the pipeline's ``max_length`` (longer texts were chunked; see
            `relext.batch.extract.attach()`).
    """

    def __init__(self, graph: Optional[GraphSink], writer: Optional[ResultsWriter], max_length: Optional[int] = None):
        self.graph = graph
        self.writer = writer
        self.max_length = max_length

    def __call__(self, pairs: Iterable[Tuple[Document, Extraction]], tally: Tally) -> None:
        """Keep every pair; a result that cannot be stored is a skip of its document, not the end.

        Args:
            pairs: the output of `relext.batch.extract.Extractor`.
            tally: where processed and skipped documents are reported.
        """
        for doc, ex in pairs:
            try:
                attach(doc, ex, self.max_length)
                if self.writer is not None:
                    self.writer.write(ex, doc.text)
            except (ValueError, TypeError) as err:  # UnicodeEncodeError, a value JSON cannot hold …
                tally.skip(doc.id, f"Document {doc.id}: its result could not be stored: {type(err).__name__}: {err}.")
                continue
            if self.graph is not None:
                self.graph.add(ex)
            tally.processed(ex)

    def earlier(self, ex: Extraction) -> None:
        """Count and graph a result of an earlier run (``--resume``) without writing it again."""
        if self.graph is not None:
            self.graph.add(ex)


def load_done(path: Optional[Path], collector: Collector, tally: Tally) -> Set[str]:
    """Read the results file of an earlier run into ``collector``; return the ids done.

    Args:
        path: the results file (missing: nothing done yet).
        collector: receives each earlier result (its graph is rebuilt from them).
        tally: counts the earlier documents in the graph (``summary.documents``).

    Returns:
        The ids of the documents in the file (the first result of an id counts).
    """
    done: Set[str] = set()
    if path is None or not Path(path).exists():
        return done
    for ex, _text in read_results(path):
        if ex.doc_id in done:
            continue
        done.add(str(ex.doc_id))
        tally.summary.add(ex)
        collector.earlier(ex)
    return done


def write_graph_file(sink: GraphSink, options: BatchOptions, tally: Tally) -> List[str]:
    """Stage 5: write the graph once, atomically; record what was written in the summary.

    Args:
        sink: the graph.
        options: ``output``, the format, the period and confidence cut, ``drop_isolates``.
        tally: its summary gets the node and edge counts and the files written.

    Returns:
        The files written (a CSV graph is three files).
    """
    from ..export import write_graph

    sink.flush()
    G: Any = sink.graph
    if options.min_confidence is not None or options.since or options.until:
        from ..graph import filter_graph

        G = filter_graph(G, min_confidence=options.min_confidence, since=options.since, until=options.until)
    if options.drop_isolates:
        import networkx as nx

        G = G.copy()
        G.remove_nodes_from(list(nx.isolates(G)))
    fmt = options.graph_format
    write_graph(G, options.output, format=fmt)
    if fmt == "csv":
        from ..export.tables import csv_paths

        written = [str(p) for p in csv_paths(options.output).values() if p.exists()]
    else:
        written = [str(options.output)]
    summary = tally.summary
    summary.graph_nodes, summary.graph_edges = G.number_of_nodes(), G.number_of_edges()
    summary.written.extend(written)
    return written
