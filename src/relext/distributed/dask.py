"""relext on Dask: a Bag of documents in, a Bag of Extraction dicts out.

Needs the ``dask`` extra: ``pip install 'relext[dask]'``.

Each partition runs `relext.distributed.extract_partition()`: the pipeline is loaded
once per worker process by the cached `relext.distributed.get_nlp()` (``nlp`` is
never sent through the scheduler), and each partition is processed inside
``nlp.memory_zone()`` so long-lived workers do not grow.

Example:
    >>> import dask.bag as db                                              # doctest: +SKIP
    >>> from relext.distributed.dask import extract_bag, extract_on_dask   # doctest: +SKIP
    >>> bag = db.from_sequence([{"id": "a", "text": "Putin met Xi."}], npartitions=1)
    >>> extract_bag(bag).compute()[0]["relations"][0]["predicate"]         # doctest: +SKIP
    'MEETS_WITH'
    >>> g = build_graph_distributed(records, n_workers=2)                   # doctest: +SKIP
"""
from __future__ import annotations

import collections
import itertools
import logging
import os
from pathlib import Path
from typing import Any, Deque, Dict, Iterable, Iterator, List, Mapping, Optional, Union

try:
    import dask
    import dask.bag as db
except ImportError as err:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "relext.distributed.dask needs Dask. Install it with: pip install 'relext[dask]'"
    ) from err

from . import extract_partition, get_nlp, load_count  # noqa: F401  (re-exported)

log = logging.getLogger(__name__)

__all__ = ["extract_bag", "extract_on_dask", "build_graph_distributed", "extract_partition", "get_nlp",
           "load_count", "DEFAULT_PARTITION_SIZE"]

#: Documents per task for `extract_on_dask()`. Big enough that scheduling overhead
#: is noise (a few seconds of work per task), small enough to keep both cores busy.
DEFAULT_PARTITION_SIZE = 250

Model = Union[None, str, Path]


def _model_name(model: Model) -> Optional[str]:
    if model is None or isinstance(model, str):
        return model
    if isinstance(model, Path):
        return str(model)
    raise TypeError("model must be a package name or a path: a loaded pipeline cannot be shipped to workers; "
                    f"got {type(model).__name__}")


def _name_partition(records: Iterable[Any], partition: int, model: Optional[str], batch_size: int,
                    include_hypothetical: bool) -> List[Dict[str, Any]]:
    """Give records without an id a partition-qualified one (``"<partition>-<index>"``), then extract."""
    named = []
    for i, rec in enumerate(records):
        if isinstance(rec, str):
            rec = {"id": f"{partition}-{i}", "text": rec}
        elif isinstance(rec, Mapping) and "id" not in rec:
            rec = {**rec, "id": f"{partition}-{i}"}
        named.append(rec)
    return extract_partition(named, model, batch_size, include_hypothetical)


def extract_bag(bag: "db.Bag", *, model: Model = None, batch_size: int = 64,
                include_hypothetical: bool = False) -> "db.Bag":
    """Map a Bag of documents to a Bag of Extraction dicts, lazily.

    Args:
        bag: a ``dask.bag.Bag`` of texts or ``{"id", "text"}`` mappings (for instance
            ``db.read_text("shards/*.jsonl").map(json.loads)``). Records without an
            ``"id"`` are named ``"<partition>-<index>"``.
        model: model package name or path loaded on each worker (default: relext's default).
        batch_size: documents per ``nlp.pipe`` batch inside a partition.
        include_hypothetical: keep relations stated as conditions or questions.

    Returns:
        A Bag of ``Extraction.model_dump(mode="json")`` dicts, one per document, with the
        bag's partitioning. Read them back with ``Extraction.model_validate``.
    """
    name = _model_name(model)
    parts = bag.to_delayed()
    out = [dask.delayed(_name_partition, pure=True)(part, i, name, batch_size, include_hypothetical)
           for i, part in enumerate(parts)]
    return db.from_delayed(out)


def _records_with_ids(records: Iterable[Any], on_skip) -> Iterator[Dict[str, str]]:
    """Number records globally as `relext.extract_many()` does, so ids match the single-process path."""
    from ..extraction import _log_skip, _normalise_records

    for doc_id, text, meta in _normalise_records(records, on_skip or _log_skip):
        if text is not None:
            yield {"id": doc_id, "text": text, "meta": meta}


def _chunks(items: Iterable[Any], size: int) -> Iterator[List[Any]]:
    it = iter(items)
    while True:
        chunk = list(itertools.islice(it, size))
        if not chunk:
            return
        yield chunk


def _collect(future: Any, model_cls: Any) -> Iterator[Any]:
    records = future.result()
    future.release()
    for rec in records:
        yield model_cls.model_validate(rec)


def _connect(scheduler: Any, n_workers: Optional[int]):
    """Return ``(client, cluster_or_None, owns_client)``."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:  # pragma: no cover
        raise ImportError("relext.distributed.dask needs dask.distributed. "
                          "Install it with: pip install 'relext[dask]'") from err
    if scheduler is not None and not isinstance(scheduler, str):
        return scheduler, None, False  # a Client the caller owns
    if scheduler:
        return Client(scheduler), None, True
    cluster = LocalCluster(n_workers=n_workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                           dashboard_address=None)
    return Client(cluster), cluster, True


def extract_on_dask(records: Iterable[Any], *, options: Optional["BatchOptions"] = None,  # noqa: F821
                    scheduler: Any = None, n_workers: Optional[int] = None,
                    batch_size: int = 64, partition_size: int = DEFAULT_PARTITION_SIZE, model: Model = None,
                    include_hypothetical: bool = False, on_skip=None) -> Iterator["Extraction"]:  # noqa: F821
    """Extract many documents on a Dask cluster, yielding Extractions in input order.

    Records are read lazily and sent in partitions of ``partition_size``; at most two
    partitions per worker are in flight, so neither the client nor the cluster holds the
    whole input.

    Args:
        records: texts or ``{"id", "text"}`` mappings, as for `relext.extract_many()`
            (same default ids: the position in the input).
        options: a `relext.batch.BatchOptions`, as ``relext extract`` builds it;
            when given, its ``scheduler``, ``dask_workers``, ``batch_size``, ``model``,
            ``patterns`` and ``include_hypothetical`` are used instead of the
            arguments below.
        scheduler: a scheduler address (``"tcp://host:8786"``) or a ``distributed.Client``;
            ``None`` starts a ``LocalCluster`` (``n_workers`` processes, one thread each,
            no dashboard) and closes it when the iterator ends.
        n_workers: workers of the local cluster (default: the CPU count).
        batch_size: documents per ``nlp.pipe`` batch on the workers.
        partition_size: documents per task.
        model: model package name or path, loaded once on each worker.
        include_hypothetical: keep relations stated as conditions or questions.
        on_skip: called as ``on_skip(doc_id, reason)`` for records that are not text.

    Yields:
        `relext.models.Extraction`, one per document, in input order.
    """
    patterns: tuple = ()
    if options is not None:
        scheduler, n_workers = options.scheduler or scheduler, options.dask_workers or n_workers
        batch_size, model = options.batch_size, options.model
        include_hypothetical, patterns = options.include_hypothetical, tuple(str(p) for p in options.patterns)
    if partition_size < 1:
        raise ValueError(f"partition_size must be at least 1, got {partition_size}")
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    return _run_on_dask(records, scheduler, n_workers, batch_size, partition_size, _model_name(model),
                        include_hypothetical, on_skip, patterns)


def _run_on_dask(records, scheduler, n_workers, batch_size, partition_size, name, include_hypothetical,
                 on_skip, patterns=()) -> Iterator[Any]:
    from ..models import Extraction

    client, cluster, owns = _connect(scheduler, n_workers)
    try:
        workers = len(client.scheduler_info().get("workers", {})) or n_workers or 1
        window = 2 * workers
        in_flight: Deque[Any] = collections.deque()
        for chunk in _chunks(_records_with_ids(records, on_skip), partition_size):
            in_flight.append(client.submit(extract_partition, chunk, name, batch_size, include_hypothetical,
                                           patterns, pure=False))
            if len(in_flight) >= window:
                yield from _collect(in_flight.popleft(), Extraction)
        while in_flight:
            yield from _collect(in_flight.popleft(), Extraction)
    finally:
        if owns:
            client.close()
        if cluster is not None:
            cluster.close()


def build_graph_distributed(records: Iterable[Any], **kwargs: Any):
    """Extract on Dask (`extract_on_dask()`, same arguments) and merge with `relext.graph.build_graph()`.

    Returns:
        The ``networkx.MultiDiGraph`` the single-process path gives for the same records.
    """
    from ..graph import build_graph

    return build_graph(extract_on_dask(records, **kwargs))
