"""The first stages of a batch: **read** the inputs, skip what is **done**, **decode** the texts.

A batch is a chain of generators, each a stage a reader can follow in order::

    read(inputs)  ->  Resume.select  ->  decode  ->  Extractor  ->  Collector  ->  write_graph_file
    (io.readers)      (done, dupes)      (clean)      (extract.py)  (collect.py)  (collect.py)

Every stage passes `Document` objects on and reports what it drops through a
`Tally` (the summary and the progress bar hang on it), so no stage knows
about the others.

Example
-------
>>> tally = Tally()
>>> docs = decode(read([{"id": "a", "text": "Putin\\u00a0met Xi.", "date": "2024-05-01"}]), tally)
>>> [(d.id, d.text, d.meta) for d in docs]
[('a', 'Putin met Xi.', {'date': '2024-05-01'})]
"""
from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from typing import IO, Any, Dict, Iterable, Iterator, List, Optional, Set, Union

from ..io.cleaning import prepare_record
from ..io.readers import MAX_CHARS, Skip, iter_inputs
from ..models import Extraction
from .summary import BatchSummary

log = logging.getLogger(__name__)


@dataclass
class Document:
    """One input document as it goes through the batch.

    Attributes:
        id: the document id (unique in a batch).
        text: the text; after `decode()`, the cleaned text that offsets refer to.
        source: where it came from (a file, ``file, line N``, ``<stdin>``).
        warnings: what reading and cleaning changed (lossy decoding, HTML …).
        meta: the input record's fields other than ``id`` and ``text`` (date, url …).
        path: the file it was read from, if any.
    """

    id: str
    text: str
    source: str = "<record>"
    warnings: List[str] = field(default_factory=list)
    meta: Dict[str, Any] = field(default_factory=dict)
    path: Optional[str] = None

    @classmethod
    def from_record(cls, rec: Dict[str, Any]) -> "Document":
        """A Document from a `relext.io.readers` record dict."""
        return cls(id=str(rec["id"]), text=rec["text"], source=str(rec.get("source", "<record>")),
                   warnings=list(rec.get("warnings") or []), meta=dict(rec.get("meta") or {}),
                   path=rec.get("path"))

    def as_record(self) -> Dict[str, Any]:
        """The readers' record dict of this Document."""
        return {"id": self.id, "text": self.text, "source": self.source, "warnings": list(self.warnings),
                "meta": dict(self.meta), **({"path": self.path} if self.path else {})}


class Tally:
    """Where stages report: counts in a `BatchSummary`, ticks on a progress bar.

    Args:
        summary: the summary to fill (a new one by default).
        progress: a tqdm-like bar (``update``/``set_postfix``/``close``), or ``None``.
    """

    def __init__(self, summary: Optional[BatchSummary] = None, progress: Any = None):
        self.summary = summary if summary is not None else BatchSummary()
        self.progress = progress

    def tick(self, n: int = 1) -> None:
        """One more input document dealt with (done, skipped or found done)."""
        if self.progress is not None:
            self.progress.update(n)
            if self.summary.skipped:
                self.progress.set_postfix(skipped=len(self.summary.skipped), refresh=False)

    def skip(self, doc_id: str, reason: str) -> None:
        """A document is not processed; ``reason`` says why and what to do."""
        log.debug("skipped %s: %s", doc_id, reason)
        self.summary.skipped.append((str(doc_id), reason))
        self.tick()

    def resumed(self, doc_id: str) -> None:
        """A document was already done by an earlier run."""
        self.summary.resumed += 1
        self.tick()

    def processed(self, ex: Extraction) -> None:
        """A document was extracted in this run."""
        self.summary.processed += 1
        self.summary.add(ex)
        self.summary.warnings.extend((str(ex.doc_id), w) for w in ex.warnings)
        self.tick()

    def close(self) -> None:
        """Close the progress bar."""
        if self.progress is not None:
            self.progress.close()


def progress_bar(total: Optional[int]):
    """A tqdm progress bar of documents on stderr.

    Args:
        total: the number of input documents, or ``None`` when unknown (stdin).
    """
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc="extracting", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)


# --- read --------------------------------------------------------------------------------

def read(inputs: Iterable[Any], *, encoding: Optional[str] = None, stdin: Optional[IO[bytes]] = None,
         follow_symlinks: bool = False) -> Iterator[Union[Document, Skip]]:
    """Stage 1: files, directories, JSONL, stdin and records to Documents (or Skips).

    Bytes are decoded here (`relext.io.decoding`); the text is not yet cleaned.

    Args:
        inputs: as for `relext.io.readers.iter_inputs()`.
        encoding: the encoding of every input file, instead of detection.
        stdin: a binary stream for ``"-"``.
        follow_symlinks: read links in input folders that lead outside them.

    Yields:
        A `Document` per readable document, a `Skip` per other.
    """
    for item in iter_inputs(inputs, encoding=encoding, stdin=stdin, follow_symlinks=follow_symlinks):
        yield item if isinstance(item, Skip) else Document.from_record(item)


# --- resume and duplicates -----------------------------------------------------------------

class Resume:
    """Which documents to leave out: those done by an earlier run, and repeated ids.

    Args:
        done: ids already in the results file (empty without ``--resume``).

    A repeated id is skipped whether or not the first one was done earlier, so
    ``--resume`` reports it again and keeps the exit code of the first run.
    """

    def __init__(self, done: Optional[Set[str]] = None):
        self.done: Set[str] = set(done or ())
        self.seen: Dict[str, str] = {}

    def select(self, items: Iterable[Union[Document, Skip]], tally: Tally) -> Iterator[Union[Document, Skip]]:
        """Pass on Documents to do and Skips; report resumed and duplicate ones to ``tally``.

        Args:
            items: the output of `read()`.
            tally: where resumed and duplicate documents are reported.
        """
        for item in items:
            if isinstance(item, Skip):
                yield item
                continue
            if item.id in self.seen:
                tally.skip(item.id, f"Document id {item.id} ({item.source}) was already used by "
                                    f"{self.seen[item.id]}; ids must be unique, so this one was not processed.")
                continue
            self.seen[item.id] = item.source
            if item.id in self.done:
                tally.resumed(item.id)
                continue
            yield item


# --- decode --------------------------------------------------------------------------------

def decode(items: Iterable[Union[Document, Skip]], tally: Tally, *, strict_html: bool = False,
           force_language: bool = False, max_chars: int = MAX_CHARS) -> Iterator[Document]:
    """Stage 2: make each text safe for the pipeline, or skip the document with a reason.

    Binary junk, empty texts, texts over ``max_chars`` and non-English texts are
    skipped; HTML is converted to text; the text is normalised to valid Unicode
    (see `relext.io.cleaning.prepare_record()`).

    Args:
        items: the output of `read()` (or of `Resume.select()`).
        tally: where skipped documents are reported.
        strict_html: refuse HTML instead of extracting its text.
        force_language: keep documents that look non-English.
        max_chars: the longest text accepted.

    Yields:
        Documents whose ``text`` is the cleaned text.
    """
    for item in items:
        if isinstance(item, Skip):
            tally.skip(item.id, item.reason)
            continue
        try:
            out = prepare_record(item.as_record(), strict_html=strict_html, force_language=force_language,
                                 max_chars=max_chars)
        except Exception as err:  # one bad document must not stop the batch
            tally.skip(item.id, f"Document {item.id} could not be cleaned: {type(err).__name__}: {err}.")
            continue
        if isinstance(out, Skip):
            tally.skip(out.id, out.reason)
            continue
        yield Document.from_record(out)
