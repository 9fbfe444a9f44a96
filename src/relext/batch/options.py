"""The options of a batch: one typed object that the CLI, the Python API and Dask all build.

`BatchOptions` is a pydantic model. Each field is one thing a user can choose
(``relext extract --help`` shows the same list as command-line options);
`BatchOptions.check()` finds the combinations that cannot work before any
document is read, and raises `BatchError` with a message that says what to do.

Example
-------
>>> opts = BatchOptions(output="out/g.graphml", jsonl="out/r.jsonl", n_process=2)
>>> opts.graph_format, opts.uses_dask
('graphml', False)
>>> BatchOptions(output="g.gexf", fmt="graphml").check()
Traceback (most recent call last):
...
relext.batch.options.BatchError: --format graphml conflicts with the extension of g.gexf (gexf). Name the file g.graphml, or drop --format.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import List, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from ..io.decoding import check_encoding
from ..io.readers import MAX_CHARS

#: Graph formats by file extension (see `relext.export.write_graph()`).
GRAPH_FORMATS = {".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".csv": "csv"}

GraphFormat = Literal["graphml", "gexf", "json", "csv"]


class BatchError(Exception):
    """A usage or setup error found before any document is processed (exit code 2)."""


def graph_format(path, fmt: Optional[str] = None) -> str:
    """The graph format for ``path``: from ``fmt`` or from the file's extension.

    Args:
        path: the graph file.
        fmt: a format name that overrides the extension.

    Returns:
        ``"graphml"``, ``"gexf"``, ``"json"`` or ``"csv"``.

    Raises:
        BatchError: an unknown format, an extension that names no format, or a
            format that contradicts the extension (``-o g.gexf --format graphml``).

    Examples:
        >>> graph_format("g.graphml"), graph_format("g.out", "gexf")
        ('graphml', 'gexf')
    """
    suffix = Path(path).suffix.lower()
    if fmt:
        fmt = fmt.lower().lstrip(".")
        if fmt not in GRAPH_FORMATS.values():
            raise BatchError(f"Unknown graph format '{fmt}'. Use one of: {', '.join(GRAPH_FORMATS.values())}.")
        named = GRAPH_FORMATS.get(suffix)
        if named is not None and named != fmt:
            right = Path(path).with_suffix("." + fmt if fmt != "json" else ".json").name
            raise BatchError(f"--format {fmt} conflicts with the extension of {path} ({named}). "
                             f"Name the file {right}, or drop --format.")
        return fmt
    if suffix not in GRAPH_FORMATS:
        raise BatchError(f"Cannot tell the graph format of '{path}' from its extension. Name it "
                         f"*.graphml, *.gexf, *.json or *.csv, or pass --format.")
    return GRAPH_FORMATS[suffix]


class BatchOptions(BaseModel):
    """Everything a batch run can be told, with the defaults of ``relext extract``.

    Attributes:
        output: the graph file written at the end (atomically); ``None``: no graph.
        fmt: the graph format; default: from ``output``'s extension.
        jsonl: the results file, one Extraction per line, appended as the batch goes.
        summary_json: also write the closing summary as JSON here.
        resume: skip documents already in ``jsonl`` and rebuild the graph from it.
        n_process: local worker processes for the pipeline.
        batch_size: documents per pipeline batch.
        progress: show a progress bar on stderr.
        model: the spaCy model name or path (default: `relext.load()`'s).
        patterns: user pattern files (trigger rules, gazetteer entries, relation
            types; see ``docs/patterns.md``) added to the pipeline.
        encoding: the encoding of every input file, instead of detection.
        strict_html: refuse HTML documents instead of extracting their text.
        force_language: process documents that look non-English.
        follow_symlinks: follow symbolic links that lead out of an input directory.
        include_hypothetical: keep relations stated as conditions or questions.
        max_chars: refuse documents longer than this many characters.
        scheduler: run on the Dask cluster at this address.
        dask_workers: run on a local Dask cluster of this many workers.
        store_text: store the cleaned text with each result (offsets refer to it).
        graph_batch: documents collected before each incremental graph update.
        min_evidence: keep only graph edges stated in at least this many sentences.
        drop_negated: leave negated relations out of the graph.
        drop_isolates: leave nodes without edges out of the graph file.
        min_confidence: keep only graph edges whose aggregated confidence is at least this.
        since / until: keep only evidence dated in this period (ISO days; undated
            evidence is dropped). The results file keeps every relation.
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    output: Optional[Path] = None
    fmt: Optional[GraphFormat] = None
    jsonl: Optional[Path] = None
    summary_json: Optional[Path] = None
    resume: bool = False
    n_process: int = Field(1, ge=1)
    batch_size: int = Field(64, ge=1)
    progress: bool = True
    model: Optional[str] = None
    patterns: List[Path] = Field(default_factory=list)
    encoding: Optional[str] = None
    strict_html: bool = False
    force_language: bool = False
    follow_symlinks: bool = False
    include_hypothetical: bool = False
    max_chars: int = Field(MAX_CHARS, ge=1)
    scheduler: Optional[str] = None
    dask_workers: Optional[int] = Field(None, ge=1)
    store_text: bool = True
    graph_batch: int = Field(500, ge=1)
    min_evidence: int = Field(1, ge=1)
    drop_negated: bool = False
    drop_isolates: bool = False
    min_confidence: Optional[float] = Field(None, ge=0.0, le=1.0)
    since: Optional[dt.date] = None
    until: Optional[dt.date] = None

    @property
    def uses_dask(self) -> bool:
        """Whether documents are extracted on Dask rather than in local processes."""
        return bool(self.scheduler or self.dask_workers)

    @property
    def graph_format(self) -> Optional[str]:
        """The graph format (see `graph_format()`), or ``None`` without ``output``."""
        return graph_format(self.output, self.fmt) if self.output else None

    def check(self) -> None:
        """Refuse combinations that cannot work, before any document is read.

        Raises:
            BatchError: the message names the options and how to fix them.
        """
        if self.resume and not self.jsonl:
            raise BatchError("--resume needs --jsonl FILE: the results file tells which documents are done.")
        if self.uses_dask and self.n_process > 1:
            raise BatchError("Use either --n-process (local processes) or --scheduler/--dask-workers (Dask), "
                             "not both.")
        if self.scheduler and self.dask_workers:
            raise BatchError("Use either --scheduler (a running cluster) or --dask-workers (a local one), "
                             "not both.")
        if self.encoding:
            try:
                check_encoding(self.encoding)
            except ValueError as err:
                raise BatchError(str(err)) from None
        for path in self.patterns:
            if not Path(path).is_file():
                raise BatchError(f"Pattern file {path} does not exist (see docs/patterns.md for the format).")
        _ = self.graph_format
