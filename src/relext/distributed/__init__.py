"""Running relext on a cluster.

The unit of work every backend shares is one *partition*: a list of texts or
``{"id", "text"}`` records, turned into a list of JSON-ready Extraction dicts by
`extract_partition()`. It loads the pipeline once per process through the cached
loader `get_nlp()` (so ``nlp`` never travels through a scheduler) and bounds memory
with ``nlp.memory_zone()``, converting every Doc to plain data inside the zone.

- `relext.distributed.dask` is the supported adapter (``pip install 'relext[dask]'``):
  ``extract_bag``, ``extract_on_dask`` and ``build_graph_distributed``, importable from here.
- Ray Data and Spark use `extract_partition()` directly; see ``docs/scaling.md``.

This package imports neither spaCy nor Dask until a function is called.
"""
from __future__ import annotations

import functools
import importlib
import os
import threading
from typing import Any, Dict, Iterable, List, Optional, Tuple

__all__ = ["get_nlp", "extract_partition", "load_count",
           "extract_bag", "extract_on_dask", "build_graph_distributed"]

_DASK_API = ("extract_bag", "extract_on_dask", "build_graph_distributed")

# One pipeline per process is shared by every task that process runs; spaCy pipelines
# are not thread-safe (memory_zone especially), so tasks in one process take turns.
_PIPE_LOCK = threading.RLock()
_LOADS: Dict[Optional[str], int] = {}


@functools.lru_cache(maxsize=None)
def get_nlp(model: Optional[str] = None, patterns: Tuple[str, ...] = ()):
    """Return this process's relext pipeline for ``model``, loading it on first call only.

    Args:
        model: a model package name or path (``None``: the default model of `relext.load()`).
        patterns: pattern files (see ``docs/patterns.md``) added to the pipeline once;
            they must be readable on the worker.

    Returns:
        A ``spacy.Language`` with relext's components, cached for the life of the process.
    """
    from ..loading import load

    with _PIPE_LOCK:
        _LOADS[model] = _LOADS.get(model, 0) + 1
        nlp = load(model, cache=False) if patterns else load(model)
        if patterns:
            from ..patterns import add_patterns

            for path in patterns:
                add_patterns(nlp, path)
        return nlp


def load_count() -> Dict[str, Any]:
    """How often this process loaded a pipeline, per model (``{"pid", "loads"}``); for tests and monitoring."""
    return {"pid": os.getpid(), "loads": dict(_LOADS)}


def extract_partition(records: Iterable[Any], model: Optional[str] = None, batch_size: int = 64,
                      include_hypothetical: bool = False, patterns: Tuple[str, ...] = ()) -> List[Dict[str, Any]]:
    """Extract one partition of documents into JSON-ready dicts.

    Args:
        records: texts, or mappings with ``"text"`` and (recommended) ``"id"``, as for
            `relext.extract_many()`. Without an id a record is named by its position
            *in this partition*, so give ids when partitions are merged.
        model: passed to `get_nlp()`.
        batch_size: documents per ``nlp.pipe`` batch.
        include_hypothetical: keep relations stated as conditions or questions.
        patterns: pattern files added to the worker's pipeline (see `get_nlp()`).

    Returns:
        One ``Extraction.model_dump(mode="json")`` dict per document, in input order.
    """
    from ..extraction import extract_many

    nlp = get_nlp(model, tuple(patterns)) if patterns else get_nlp(model)
    out: List[Dict[str, Any]] = []
    with _PIPE_LOCK, nlp.memory_zone():
        # Docs made in the zone must not outlive it: convert to plain dicts inside.
        for ex in extract_many(records, nlp=nlp, batch_size=batch_size, include_hypothetical=include_hypothetical):
            out.append(ex.model_dump(mode="json"))
    return out


def __getattr__(name: str) -> Any:
    if name not in _DASK_API:
        raise AttributeError(f"module 'relext.distributed' has no attribute {name!r}")
    value = getattr(importlib.import_module(".dask", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
