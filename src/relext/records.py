"""Turn the inputs `relext.extract_many()` accepts into ``{"id", "text"}`` records.

Besides texts and ``{"id": ..., "text": ...}`` mappings, ``extract_many`` takes

- a pandas ``Series`` of texts: its index becomes the document ids;
- a pandas ``DataFrame`` with a ``text`` column: the ``id`` column (or, without
  one, the index) becomes the document ids; the other columns (``date``, ``url``,
  ``source`` …) become the records' other fields, which `relext.extract_many()`
  keeps as each document's metadata (missing values left out).

pandas is not imported here: objects are recognised by their type's module and name.

Example:
    >>> import pandas as pd
    >>> list(as_records(pd.Series(["Putin met Xi."], index=["kremlin-12"])))
    [{'id': 'kremlin-12', 'text': 'Putin met Xi.'}]
"""
from __future__ import annotations

from typing import Any, Dict, Iterable, Iterator

from .errors import InputError

__all__ = ["as_records"]


def as_records(inputs: Any) -> Iterable[Any]:
    """Records for a pandas Series or DataFrame; any other input unchanged.

    Args:
        inputs: What was given to `relext.extract_many()`.

    Returns:
        For a ``Series``, ``{"id": str(index), "text": value}`` per row; for a
        ``DataFrame``, ``{"id": str(row id), "text": row text, **other columns}`` per
        row, the id from its ``id`` column or else its index (dates and timestamps
        as ISO text, numpy numbers as Python numbers, missing values left out). Anything else is returned as it is
        (texts and mappings are read by ``extract_many`` itself; a mapping
        without ``"id"`` gets its position in the input as id).

    Raises:
        InputError: If a DataFrame has no ``text`` column.

    Examples:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"id": ["a", "b"], "text": ["One.", "Two."], "source": ["x", "y"]})
        >>> [r["id"] for r in as_records(df)]
        ['a', 'b']
        >>> next(iter(as_records(df)))["source"]
        'x'
        >>> as_records(["One."])
        ['One.']
    """
    cls = type(inputs)
    if not cls.__module__.startswith("pandas"):
        return inputs
    if cls.__name__ == "Series":
        return _series(inputs)
    if cls.__name__ == "DataFrame":
        if "text" not in inputs.columns:
            raise InputError(f"A DataFrame given to extract_many needs a 'text' column; it has "
                             f"{[str(c) for c in inputs.columns]}.")
        return _frame(inputs)
    return inputs


def _frame(frame: Any) -> Iterator[Dict[str, Any]]:
    ids = frame["id"] if "id" in frame.columns else frame.index
    others = [c for c in frame.columns if c not in ("id", "text")]
    for doc_id, text, *values in zip(ids, frame["text"], *(frame[c] for c in others)):
        rec: Dict[str, Any] = {"id": str(doc_id), "text": text}
        for column, value in zip(others, values):
            value = _plain(value)
            if value is not None:
                rec[str(column)] = value
        yield rec


def _plain(value: Any) -> Any:
    """A cell as a JSON-ready value: ISO text for dates, Python numbers, ``None`` if missing."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if type(value).__name__ in ("NaTType", "NAType"):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        value = value.item()
        return None if isinstance(value, float) and value != value else value
    return value


def _series(series: Any) -> Iterator[Dict[str, Any]]:
    return _pairs(series.items())


def _pairs(pairs: Iterable) -> Iterator[Dict[str, Any]]:
    for doc_id, text in pairs:
        yield {"id": str(doc_id), "text": text}
