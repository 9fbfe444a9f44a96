"""Stage 3, **extract**: Documents in, ``(Document, Extraction)`` pairs out.

An *engine* turns ``{"id", "text"}`` records into Extractions: local processes
(`relext.extract_many()`) or Dask (`relext.distributed.dask.extract_on_dask()`),
both built from the same `BatchOptions`.
`Extractor` pairs each result with its Document again and turns every
document without a result into a skip with its reason, so one failing document never
stops the batch.

Example
-------
>>> from relext.batch.stages import Document, Tally
>>> from relext.models import Extraction
>>> def engine(records, on_skip):
...     for rec in records:
...         yield Extraction(doc_id=rec["id"])
>>> tally = Tally()
>>> [ex.doc_id for doc, ex in Extractor(engine)([Document("a", "Putin met Xi.")], tally)]
['a']
"""
from __future__ import annotations

import logging
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Tuple

from ..models import Extraction
from .options import BatchError, BatchOptions
from .stages import Document, Tally

log = logging.getLogger(__name__)

#: ``engine(records, on_skip) -> Iterator[Extraction]``
Engine = Callable[..., Iterator[Extraction]]


def local_engine(nlp, options: BatchOptions) -> Engine:
    """Extract in this process or in ``options.n_process`` forked worker processes.

    Args:
        nlp: the loaded pipeline.
        options: batch size, processes, hypothetical relations.
    """
    def engine(records: Iterable[Dict[str, str]], on_skip: Callable[[str, str], None]) -> Iterator[Extraction]:
        from ..extraction import extract_many  # looked up at call time (tests replace it)

        return extract_many(records, nlp=nlp, batch_size=options.batch_size, n_process=options.n_process,
                            include_hypothetical=options.include_hypothetical, on_skip=on_skip)

    return engine


def dask_engine(options: BatchOptions) -> Engine:
    """Extract on Dask: a running cluster (``options.scheduler``) or a local one (``options.dask_workers``).

    Raises:
        BatchError: Dask is not installed.
    """
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise BatchError("--scheduler and --dask-workers need Dask: pip install 'relext[dask]' "
                         "(or run without them to use local processes, --n-process N).") from None

    def engine(records: Iterable[Dict[str, str]], on_skip: Callable[[str, str], None]) -> Iterator[Extraction]:
        from ..distributed.dask import extract_on_dask  # looked up at call time (tests replace it)

        return extract_on_dask(records, options=options, on_skip=on_skip)

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

    def reason(self, doc: Document) -> str:
        """Why ``doc`` got no result, as well as can be told."""
        reason = self.reasons.pop(doc.text, None)
        if reason is None and self.worker_errors:
            reason = f"a worker process failed on its batch: {self.worker_errors[-1]}"
        if reason is None:
            reason = ("no result came back from the extraction workers (a pipeline component "
                      "probably failed on it; rerun it with --n-process 1 to see the error)")
        return reason


class Extractor:
    """Stage 3: run an engine over Documents and pair each result with its Document.

    Args:
        engine: see `Engine`.
        nlp: the local pipeline, if any (its components get a `ComponentErrors`
            handler while the stage runs).
    """

    def __init__(self, engine: Engine, nlp: Any = None):
        self.engine = engine
        self.nlp = nlp
        self.errors = ComponentErrors()

    def __call__(self, docs: Iterable[Document], tally: Tally) -> Iterator[Tuple[Document, Extraction]]:
        """Yield ``(Document, Extraction)`` in input order; report documents without a result.

        Args:
            docs: the output of `relext.batch.stages.decode()`.
            tally: where skipped documents are reported.
        """
        pending: Dict[str, Document] = {}

        def on_skip(doc_id: str, reason: str) -> None:
            pending.pop(str(doc_id), None)
            tally.skip(str(doc_id), reason)

        def records() -> Iterator[Dict[str, Any]]:
            for doc in docs:
                pending[doc.id] = doc
                # the record's other fields ride along: extract_many keeps them as the result's meta
                yield {**doc.meta, "id": doc.id, "text": doc.text}

        restore = self.errors.install(self.nlp) if self.nlp is not None else (lambda: None)
        try:
            for ex in self.engine(records(), on_skip):
                doc = pending.pop(str(ex.doc_id), None)
                if doc is None:  # a result for an id the batch did not send: keep it, with no text
                    doc = Document(str(ex.doc_id), text=None)  # type: ignore[arg-type]
                yield doc, ex
            for doc in list(pending.values()):
                pending.pop(doc.id, None)
                tally.skip(doc.id, f"Document {doc.id} was not processed: {self.errors.reason(doc)}.")
        finally:
            restore()


def attach(doc: Document, ex: Extraction, max_length: Optional[int] = None) -> Extraction:
    """Put what reading learnt on the result: its warnings, its metadata, the chunking warning.

    Args:
        doc: the Document the result is for.
        ex: its Extraction (changed in place and returned).
        max_length: the pipeline's ``max_length``; a longer text was processed in chunks.
    """
    if doc.warnings:
        ex.warnings[:0] = doc.warnings
    if doc.meta and "meta" in type(ex).model_fields:  # the provenance fields, where the model has them
        ex.meta = {**doc.meta, **(getattr(ex, "meta", None) or {})}
    if max_length:
        from ..io.chunking import chunk_limit

        max_length = chunk_limit(max_length)
    if doc.text is not None and max_length and len(doc.text) > max_length and \
            not any("[W002]" in w for w in ex.warnings):
        from ..errors import Warnings
        from ..io.chunking import chunk_text

        ex.warnings.append(Warnings.W002.format(doc_id=ex.doc_id, n=len(doc.text), max=max_length,
                                                chunks=len(chunk_text(doc.text, max_length))))
    return ex
