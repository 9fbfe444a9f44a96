"""From text to `Extraction`: the library's main entry points.

- `extract()` takes one text;
- `extract_many()` streams many texts (or ``{"id", "text", ...}`` records, whose
  other fields — ``date``, ``url``, ``source`` … — are kept as ``meta``) through
  ``nlp.pipe`` with ``batch_size`` and ``n_process``;
- `extract_doc()` reads the result off a ``Doc`` that went through a pipeline
  holding relext's components (``doc._.relext_entities`` / ``doc._.relext_relations``).

Texts longer than the model's ``max_length`` (or than
`relext.io.chunking.MAX_CHUNK_CHARS`, which bounds one document's memory) are
split on paragraph and sentence boundaries and the parts merged back, offsets kept.

Every relation's evidence gets a date, a calibrated confidence and W3C selectors
(`relext.provenance`); the document date comes from ``meta["date"]``, a leading
``date YYYY-MM-DD`` line, or ``default_date``.
"""
from __future__ import annotations

import datetime as dt
import itertools
import logging
import multiprocessing
import os
import time
from typing import Any, Callable, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple, Union

from spacy.tokens import Doc

from .errors import Errors, InputError, Warnings, WorkerError
from .io.chunking import chunk_limit, chunk_text
from .io.decoding import valid_unicode
from .pipeline._lookup import doc_text
from .models import Entity, Extraction, Modality, Relation
from .processes import die_with_parent
from .provenance import annotate, document_date
from .records import as_records

log = logging.getLogger(__name__)

Record = Union[str, Mapping[str, Any]]
OnSkip = Callable[[str, str], None]
DateLike = Union[str, dt.date, None]


def _get_nlp(nlp):
    if nlp is not None:
        return nlp
    from .loading import load

    return load()


def _check_text(text: Any) -> str:
    if not isinstance(text, str):
        raise InputError(Errors.E002.format(type=type(text).__name__))
    return valid_unicode(text)  # lone surrogates -> U+FFFD, one for one: offsets are kept


def _meta(meta: Optional[Mapping[str, Any]]) -> Dict[str, Any]:
    """A record's metadata as JSON-ready values (dates as ISO text)."""
    out = {}
    for k, v in (meta or {}).items():
        out[str(k)] = v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v
    return out


def extract_doc(doc, doc_id: Optional[str] = None, *, include_hypothetical: bool = False,
                offset: int = 0, meta: Optional[Mapping[str, Any]] = None,
                doc_date: DateLike = None) -> Extraction:
    """Build an `Extraction` from a processed ``Doc``.

    Args:
        doc: a ``Doc`` processed by a pipeline with relext's components.
        doc_id: the document id to record.
        include_hypothetical: keep relations stated as conditions or questions.
        offset: added to every character offset (used when a long text is chunked).
        meta: the input record's other fields, kept on the result.
        doc_date: the document date; default ``meta["date"]``, else a leading
            ``date YYYY-MM-DD`` line of the Doc's text.

    Returns:
        The document's entities and relations as pydantic models.
    """
    if not Doc.has_extension("relext_entities") or doc._.relext_entities is None or doc._.relext_relations is None:
        raise ValueError(Errors.E003.format(pipes="that made this Doc", name="relext_relations"))
    entities = [{"id": rec["id"], "name": rec["name"], "type": rec["type"],
                 "attributes": dict(rec.get("attributes") or {}),
                 "mentions": [{"text": m["text"], "start_char": m["start_char"] + offset,
                               "end_char": m["end_char"] + offset, "kind": m["kind"], "sentence": m["sentence"]}
                              for m in rec["mentions"]]}
                for rec in doc._.relext_entities]
    meta = _meta(meta)
    text = doc_text(doc)
    base = document_date(text if offset == 0 else "", meta, doc_date)
    records = [rec for rec in doc._.relext_relations
               if rec["modality"] != Modality.HYPOTHETICAL.value or include_hypothetical]
    relations = []
    for rec, extra in zip(records, annotate(doc, records, base_date=base, offset=offset, text=text)):
        ev = dict(rec["evidence"])
        for k in ("start_char", "end_char", "trigger_start", "trigger_end"):
            ev[k] += offset
        ev.update(extra)
        relations.append({"subject": rec["subject"], "predicate": rec["predicate"], "object": rec["object"],
                          "negated": rec["negated"], "modality": rec["modality"],
                          "symmetric": rec.get("symmetric", False), "source": rec.get("source"), "evidence": ev})
    # one validation of the whole record: pydantic's core does it far faster than model by model
    return Extraction.model_validate({"doc_id": doc_id, "entities": entities, "relations": relations,
                                      "meta": meta, "date": base.isoformat() if base else None})


def merge_extractions(parts: List[Extraction], doc_id: Optional[str] = None) -> Extraction:
    """Merge the extractions of one document's chunks: entities by id, relations concatenated.

    The metadata and document date are the first chunk's.
    """
    by_id: Dict[str, Entity] = {}
    relations: List[Relation] = []
    warnings: List[str] = []
    for part in parts:
        for ent in part.entities:
            if ent.id in by_id:
                merged = by_id[ent.id]
                merged.mentions.extend(ent.mentions)
                for k, v in ent.attributes.items():
                    merged.attributes.setdefault(k, v)
            else:
                by_id[ent.id] = ent.model_copy(deep=True)
        relations.extend(part.relations)
        warnings.extend(part.warnings)
    first = parts[0] if parts else Extraction()
    return Extraction(doc_id=doc_id, entities=list(by_id.values()), relations=relations, warnings=warnings,
                      meta=dict(first.meta), date=first.date)


def extract(text: str, doc_id: Optional[str] = None, *, nlp=None,
            include_hypothetical: bool = False, meta: Optional[Mapping[str, Any]] = None,
            default_date: DateLike = None) -> Extraction:
    """Extract typed entities and relations from one text.

    Args:
        text: the document text. Empty or whitespace-only text gives an empty result.
        doc_id: an id recorded on the result (and on graph evidence later).
        nlp: a pipeline holding relext's components; default `relext.load()`.
        include_hypothetical: also return relations stated as conditions or questions
            (``modality == "HYPOTHETICAL"``).
        meta: the document's metadata (``date``, ``url``, ``source`` or any other
            JSON values), kept on the result and on every graph edge it supports.
        default_date: the document date when neither ``meta["date"]`` nor a leading
            ``date YYYY-MM-DD`` line gives one (ISO text or a ``datetime.date``).

    Returns:
        An `Extraction`.

    Raises:
        relext.errors.InputError: if ``text`` is not a ``str``.

    Example:
        >>> ex = extract("Albanese will not attend the Paris Games.")  # doctest: +SKIP
        >>> [(r.predicate, r.negated) for r in ex.relations]                       # doctest: +SKIP
        [('ATTENDS', True)]
    """
    text = _check_text(text)
    meta = _meta(meta)
    base = document_date(text, meta, default_date)
    if not text.strip():
        return Extraction(doc_id=doc_id, warnings=[Warnings.W001.format(doc_id=doc_id or "<text>")], meta=meta,
                          date=base.isoformat() if base else None)
    nlp = _get_nlp(nlp)
    chunks = chunk_text(text, chunk_limit(nlp.max_length))
    if len(chunks) == 1:
        return extract_doc(nlp(text), doc_id, include_hypothetical=include_hypothetical, meta=meta, doc_date=base)
    warning = Warnings.W002.format(doc_id=doc_id or "<text>", n=len(text), max=chunk_limit(nlp.max_length),
                                   chunks=len(chunks))
    log.warning(warning)
    parts = [extract_doc(doc, doc_id, include_hypothetical=include_hypothetical, offset=off, meta=meta, doc_date=base)
             for doc, off in nlp.pipe(((c, o) for o, c in chunks), as_tuples=True, batch_size=1)]
    merged = merge_extractions(parts, doc_id)
    merged.warnings.append(warning)
    return merged


def record_meta(rec: Mapping[str, Any]) -> Dict[str, Any]:
    """The metadata of an input record: its fields other than ``id`` and ``text``.

    A ``meta`` field holding a dict is merged in (its keys lose to the record's own).

    Examples:
        >>> record_meta({"id": "a", "text": "...", "url": "https://example.org/a", "meta": {"lang": "en"}})
        {'lang': 'en', 'url': 'https://example.org/a'}
    """
    out: Dict[str, Any] = dict(rec["meta"]) if isinstance(rec.get("meta"), Mapping) else {}
    out.update({k: v for k, v in rec.items() if k not in ("id", "text", "meta")})
    return out


def _normalise_records(inputs: Iterable[Record], on_skip: OnSkip) -> Iterator[Tuple[str, Optional[str], Dict]]:
    """Yield ``(doc_id, text, meta)``; ``text`` is None for a record that was skipped."""
    for index, rec in enumerate(inputs):
        if isinstance(rec, str):
            yield str(index), valid_unicode(rec), {}
            continue
        if isinstance(rec, Mapping):
            doc_id = valid_unicode(str(rec.get("id", index)))
            text = rec.get("text")
            if isinstance(text, str):
                yield doc_id, valid_unicode(text), record_meta(rec)
            else:
                on_skip(doc_id, Errors.E005.format(index=index, keys=sorted(map(str, rec))))
                yield doc_id, None, {}
            continue
        on_skip(str(index), Errors.E004.format(type=type(rec).__name__, index=index))
        yield str(index), None, {}


# The pipeline of the process pool's workers: set before the pool forks, so each worker
# inherits the loaded model instead of receiving a pickled copy.
_WORKER: Dict[str, Any] = {}


def _worker_extract(batch: List[Dict[str, Any]], include_hypothetical: bool, default_date: DateLike = None):
    """Run in a worker process: extract one batch, return results and skipped records."""
    skipped: List[Tuple[str, str]] = []
    out = list(extract_many(batch, nlp=_WORKER["nlp"], batch_size=max(1, len(batch)), n_process=1,
                            include_hypothetical=include_hypothetical, default_date=default_date,
                            on_skip=lambda doc_id, why: skipped.append((doc_id, why))))
    return out, skipped


def _extract_in_processes(inputs: Iterable[Record], *, nlp, batch_size: int, n_process: int,
                          include_hypothetical: bool, on_skip: OnSkip,
                          default_date: DateLike = None) -> Iterator[Extraction]:
    """``extract_many`` over a pool of forked processes.

    Workers send back finished `Extraction` records, not Docs, so the parent does
    no spaCy work; batches are submitted as results are consumed (at most two per worker
    in flight), so memory stays flat and results come in input order. A worker that dies
    raises `relext.errors.WorkerError` instead of hanging the batch.
    """
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    def batches() -> Iterator[List[Dict[str, Any]]]:
        batch: List[Dict[str, Any]] = []
        for doc_id, text, meta in _normalise_records(inputs, on_skip):
            if text is None:
                continue
            batch.append({"id": doc_id, "text": text, "meta": meta})
            if len(batch) >= batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    _WORKER["nlp"] = nlp
    inflight: "deque" = deque()

    def drain(pool) -> Iterator[Extraction]:
        try:
            results, skipped = inflight.popleft().result()
        except BrokenProcessPool as err:
            raise WorkerError(Errors.E007.format(n=n_process, msg=_why_workers_died(workers) or str(err))) from err
        for doc_id, why in skipped:
            on_skip(doc_id, why)
        yield from results

    pool = ProcessPoolExecutor(max_workers=n_process, mp_context=multiprocessing.get_context("fork"),
                               initializer=die_with_parent, initargs=(os.getpid(),))
    # the worker processes as they start: a broken pool forgets its processes, and the
    # report of why they died needs their exit codes
    workers: Dict[int, object] = {}
    try:
        for batch in batches():
            inflight.append(pool.submit(_worker_extract, batch, include_hypothetical, default_date))
            workers.update(getattr(pool, "_processes", None) or {})
            if len(inflight) >= 2 * n_process:
                yield from drain(pool)
        while inflight:
            yield from drain(pool)
        pool.shutdown(wait=True)
    finally:
        # an error, Ctrl-C or a consumer that stops early: do not wait for queued batches
        pool.shutdown(wait=False, cancel_futures=True)
        _WORKER.pop("nlp", None)


def _why_workers_died(workers: Dict[int, object]) -> str:
    """"worker process 123 exited with code -9 (killed by a signal; out of memory?)".

    Args:
        workers: the pool's processes by pid, as recorded when they started.
    """
    procs = list(workers.values())
    # a broken pool ends all its workers; wait (briefly) until each is reaped, so the one that
    # died first is reported with its own exit code, not only those terminated after it
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline and any(p.exitcode is None for p in procs):
        for proc in procs:
            proc.join(timeout=0.2)  # the exit code is set once the process is reaped
    reasons = [f"worker process {proc.pid} exited with code {proc.exitcode}"
               + (" (killed by a signal; out of memory?)" if proc.exitcode < 0 else "")
               for proc in procs if proc.exitcode not in (None, 0)]
    reasons.sort(key=lambda r: "killed by a signal" in r)  # a worker's own exit first
    return "; ".join(reasons)


def _pipe_bounded(nlp, units: Iterable[Tuple[str, Tuple]], *, batch_size: int, n_process: int) -> Iterator[Tuple]:
    """``nlp.pipe(units, as_tuples=True)``, but the chunks of a long document one at a time.

    A batch of ``batch_size`` whole documents holds a few articles; a batch of the
    chunks of one long document would hold all of it at once, so its memory would grow
    with its length. Runs of unchunked documents keep ``batch_size``; chunks go
    through alone, so one document never needs more than one chunk's memory. Each
    unit's context starts ``(doc_id, chunk index, number of chunks, ...)``.
    """
    for chunked, group in itertools.groupby(units, key=lambda unit: unit[1][2] > 1):
        if chunked:
            yield from nlp.pipe(group, as_tuples=True, batch_size=1)
        else:
            yield from nlp.pipe(group, as_tuples=True, batch_size=batch_size, n_process=n_process)


def _log_skip(doc_id: str, reason: str) -> None:
    log.warning("skipped document %s: %s", doc_id, reason)


def extract_many(inputs: Iterable[Record], *, nlp=None, batch_size: int = 64, n_process: int = 1,
                 include_hypothetical: bool = False, on_skip: Optional[OnSkip] = None,
                 default_date: DateLike = None) -> Iterator[Extraction]:
    """Stream many documents through the pipeline, yielding one Extraction per document.

    Results come in input order and are produced as the pipeline goes, so memory stays
    flat however long the input is.

    Args:
        inputs: texts, or mappings with a ``"text"`` field and optionally an ``"id"``
            (default id: the position in the input, ``"0"``, ``"1"`` …), or a pandas
            ``Series`` of texts (its index gives the ids), or a ``DataFrame`` with a
            ``text`` column (ids from its ``id`` column, else its index). A mapping's
            other fields (``date``, ``url``, ``source`` …, or a ``meta`` dict) become
            the result's ``meta``, and its ``date`` dates the relations.
        nlp: a pipeline holding relext's components; default `relext.load()`.
        batch_size: documents per ``nlp.pipe`` batch (and per task for ``n_process > 1``).
        n_process: worker processes. Where the platform can fork, a pool of forked
            processes that inherit the loaded pipeline and send back finished results;
            elsewhere spaCy's ``nlp.pipe(n_process=...)``.
        include_hypothetical: keep relations stated as conditions or questions.
        on_skip: called as ``on_skip(doc_id, reason)`` for a record that cannot be
            processed (it is then left out); default: log a warning.
        default_date: the document date of records with no ``date`` field and no
            leading ``date YYYY-MM-DD`` line.

    Yields:
        `Extraction`, one per processed document, in input order.

    Example:
        >>> docs = [{"id": "a", "text": "Putin met Xi."}, {"id": "b", "text": ""}]
        >>> [ex.doc_id for ex in extract_many(docs)]     # doctest: +SKIP
        ['a', 'b']
    """
    on_skip = on_skip or _log_skip
    inputs = as_records(inputs)  # a pandas Series or DataFrame: its ids and texts
    nlp = _get_nlp(nlp)
    if n_process > 1 and "fork" in multiprocessing.get_all_start_methods():
        yield from _extract_in_processes(inputs, nlp=nlp, batch_size=batch_size, n_process=n_process,
                                         include_hypothetical=include_hypothetical, on_skip=on_skip,
                                         default_date=default_date)
        return
    max_len = chunk_limit(nlp.max_length)

    def units() -> Iterator[Tuple[str, Tuple[str, int, int, int, Dict, Optional[dt.date]]]]:
        for doc_id, text, meta in _normalise_records(inputs, on_skip):
            if text is None:
                continue
            meta = _meta(meta)
            base = document_date(text, meta, default_date)
            if not text.strip():
                # an empty document: one empty unit so order and ids are kept
                yield "", (doc_id, 0, 1, 0, meta, base)
                continue
            chunks = chunk_text(text, max_len)
            if len(chunks) > 1:
                log.warning(Warnings.W002.format(doc_id=doc_id, n=len(text), max=max_len, chunks=len(chunks)))
            for i, (off, chunk) in enumerate(chunks):
                yield chunk, (doc_id, i, len(chunks), off, meta, base)

    pending: List[Extraction] = []
    failed: Optional[str] = None  # a chunked document one of whose chunks failed
    for doc, (doc_id, i, n, off, meta, base) in _pipe_bounded(nlp, units(), batch_size=batch_size,
                                                              n_process=n_process):
        if n == 1 and not len(doc):
            yield Extraction(doc_id=doc_id, warnings=[Warnings.W001.format(doc_id=doc_id)], meta=meta,
                             date=base.isoformat() if base else None)
            continue
        if i == 0:
            pending, failed = [], None
        if failed == doc_id:
            continue
        try:
            part = extract_doc(doc, doc_id, include_hypothetical=include_hypothetical, offset=off, meta=meta,
                               doc_date=base)
        except Exception as err:  # a record the rules choke on must not end the batch
            on_skip(doc_id, f"{type(err).__name__}: {err}")
            pending, failed = [], doc_id
            continue
        if n == 1:
            yield part
            continue
        pending.append(part)
        if i == n - 1:
            merged = merge_extractions(pending, doc_id)
            merged.warnings.append(Warnings.W002.format(doc_id=doc_id, n=off + len(doc_text(doc)), max=max_len, chunks=n))
            yield merged
            pending = []
