"""The batch layer: many documents to a results JSONL file and a graph, fault-tolerantly.

`run_batch()` is what ``relext extract`` runs. It takes the inputs and one
`BatchOptions` object (the CLI, the Python API and the Dask adapter all build
one) and runs five stages in order, each in its own module:

1. **read** (`stages`): files, directories, JSONL, stdin or ready
   records to `Document` objects, bytes decoded;
2. **decode** (`stages`): each text made safe for the pipeline
   (HTML, normalisation, valid Unicode, size and language checks), bad input turned
   into *skips* with a reason;
3. **extract** (`extract`): the pipeline, locally
   (`relext.extract_many()`, ``n_process`` workers) or on Dask;
4. **collect** (`collect`): each result appended to the results
   file as soon as it is made, flushed per document, and added to the graph;
5. **write** (`collect`): the graph written once at the end,
   atomically (a crash leaves the old graph file or a complete new one).

Resume (``options.resume``) and progress hang on the stages: earlier results are read
into the graph before the stages start, and done documents are left out between read
and decode; every stage reports to one `Tally`, which fills
the `BatchSummary` and moves the progress bar. Every output is checked against
every input and every other output, and for writability, before the first document
(`outputs`).

Results file
------------
One JSON object per line: the ``Extraction`` (``model_dump(mode="json")``) plus a
``"text"`` field holding the cleaned text that all character offsets refer to.
`read_results()` reads it back.

Example
-------
>>> summary = run_batch(["data/sample_corpus"], BatchOptions(output="out/sample.graphml",
...                     jsonl="out/sample.jsonl", progress=False))   # doctest: +SKIP
>>> summary.processed, summary.skipped                               # doctest: +SKIP
(9, [])
>>> print(summary.format())                                          # doctest: +SKIP
"""
from __future__ import annotations

from .extract import ComponentErrors
from .options import GRAPH_FORMATS, BatchError, BatchOptions, graph_format
from .results import ResultsWriter, read_results
from .run import BatchAborted, run_batch, write_summary_json
from .stages import Document
from .summary import BatchSummary
from .watchdog import WorkerDied, WorkerWatchdog

__all__ = ["run_batch", "BatchOptions", "BatchSummary", "BatchError", "BatchAborted", "Document",
           "read_results", "ResultsWriter", "graph_format", "GRAPH_FORMATS", "ComponentErrors",
           "WorkerDied", "WorkerWatchdog", "write_summary_json"]
