"""The results file: one JSON line per document, appended and flushed as the batch goes.

Each line is an `Extraction` (``model_dump(mode="json")``) plus a
``"text"`` field holding the cleaned text that all character offsets refer to.
`read_results()` reads it back; `ResultsWriter` appends to it.

Example
-------
>>> import tempfile, pathlib
>>> from relext.models import Extraction
>>> path = pathlib.Path(tempfile.mkdtemp()) / "r.jsonl"
>>> writer = ResultsWriter(path, append=False)
>>> writer.write(Extraction(doc_id="a"), "Putin met Xi.")
>>> writer.close()
>>> [(ex.doc_id, text) for ex, text in read_results(path)]
[('a', 'Putin met Xi.')]
"""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any, Dict, Iterator, Optional, Tuple, Union

from ..models import Extraction

log = logging.getLogger(__name__)


def read_results(path: Union[str, Path]) -> Iterator[Tuple[Extraction, Optional[str]]]:
    """Read a results JSONL file: ``(Extraction, cleaned text)`` per line.

    A truncated last line (a crash in mid-write) is ignored with a warning.

    Args:
        path: the results file.

    Yields:
        ``(Extraction, text)`` per line, in file order.

    Raises:
        ValueError: a bad line other than a truncated last one, naming the file and line.

    Examples:
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
            obj: Dict[str, Any] = json.loads(raw)
            ex = Extraction.model_validate(obj)
        except Exception as err:
            if lineno == len(lines) and not raw.endswith(b"\n"):
                log.warning("%s, line %d: incomplete last line ignored (an interrupted write)", path, lineno)
                return
            raise ValueError(f"{path}, line {lineno}: not a relext result ({err}). Remove the line, "
                             f"or start again without --resume.") from err
        yield ex, obj.get("text")


def repair_tail(path: Path) -> None:
    """Cut an incomplete last line (no newline) so appending starts on a fresh line.

    Args:
        path: an existing results file.
    """
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
        f.truncate(data.rfind(b"\n") + 1)
        log.warning("%s: removed an incomplete last line left by an interrupted run", path)


def result_line(ex: Extraction, text: Optional[str], *, store_text: bool = True) -> bytes:
    """One results line, UTF-8 encoded, ending in a newline.

    Args:
        ex: the document's extraction.
        text: its cleaned text.
        store_text: add ``text`` as the line's ``"text"`` field.

    Returns:
        The bytes to append.

    Raises:
        UnicodeEncodeError: the extraction holds a string that is not valid Unicode
            (the batch turns this into a skip of that document).
    """
    obj = ex.model_dump(mode="json")
    if store_text and obj.get("text") is None:
        obj["text"] = text
    return (json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8")


class ResultsWriter:
    """Appends one JSON line per Extraction and flushes it at once.

    Args:
        path: the results file; its folder is created if needed.
        append: keep the lines already there (resume); else start a new file.
        store_text: store each document's cleaned text in its line.
    """

    def __init__(self, path: Union[str, Path], *, append: bool, store_text: bool = True):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if append and self.path.exists():
            repair_tail(self.path)
        self._f = self.path.open("ab" if append else "wb")
        self.store_text = store_text

    def write(self, ex: Extraction, text: Optional[str]) -> None:
        """Append one document's line and flush it.

        Raises:
            UnicodeEncodeError: see `result_line()`; nothing is written then.
        """
        self._f.write(result_line(ex, text, store_text=self.store_text))
        self._f.flush()

    def close(self) -> None:
        """Close the file."""
        self._f.close()
