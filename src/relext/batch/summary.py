"""What a batch did: `BatchSummary`, its exit code and the report ``relext extract`` prints.

Example
-------
>>> s = BatchSummary(processed=1, seconds=1.9, extract_seconds=0.5)
>>> print(s.format())
Processed 1 document in 1.9 s (0.5 s extracting, 2.0 docs/s; 1.4 s loading and writing); skipped 0.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

from ..models import Extraction


def plural(n: int, word: str, many: Optional[str] = None) -> str:
    """``"1 edge"``, ``"2 edges"``.

    Args:
        n: the count.
        word: the singular.
        many: the plural, when it is not ``word + "s"``.

    Returns:
        The count and the right form of the word.

    Examples:
        >>> plural(1, "edge"), plural(0, "node"), plural(2, "entity", "entities")
        ('1 edge', '0 nodes', '2 entities')
    """
    return f"{n} {word if n == 1 else (many or word + 's')}"


@dataclass
class BatchSummary:
    """What a batch did.

    Attributes:
        processed: documents extracted in this run.
        resumed: input documents found already done in the results file (not redone).
        skipped: ``(id, reason)`` of every document that was not processed.
        warnings: ``(id, warning)`` of documents processed with a warning (lossy
            decoding, HTML, chunking of long texts).
        entities_by_type / relations_by_predicate / negated: counts over every
            document in the graph (this run and, on resume, the earlier ones).
        documents: documents in the graph.
        seconds: wall time of the run; extract_seconds: the part spent reading and
            extracting documents (after the model was loaded).
        output / jsonl: the graph and results files asked for.
        written: every file really written (a CSV graph is three files).
        error: why the batch stopped early, if it did.
    """

    processed: int = 0
    resumed: int = 0
    skipped: List[Tuple[str, str]] = field(default_factory=list)
    warnings: List[Tuple[str, str]] = field(default_factory=list)
    entities_by_type: Counter = field(default_factory=Counter)
    relations_by_predicate: Counter = field(default_factory=Counter)
    negated: int = 0
    documents: int = 0
    seconds: float = 0.0
    extract_seconds: float = 0.0
    output: Optional[str] = None
    jsonl: Optional[str] = None
    written: List[str] = field(default_factory=list)
    graph_nodes: Optional[int] = None
    graph_edges: Optional[int] = None
    error: Optional[str] = None

    @property
    def docs_per_second(self) -> float:
        """Documents processed per second of extraction time (model loading excluded)."""
        t = self.extract_seconds or self.seconds
        return self.processed / t if t > 0 else 0.0

    @property
    def exit_code(self) -> int:
        """0: all processed; 1: some skipped; 2: the batch stopped early."""
        if self.error:
            return 2
        return 1 if self.skipped else 0

    def add(self, ex: Extraction) -> None:
        """Count one document's entities and relations."""
        self.documents += 1
        self.entities_by_type.update(e.type.value for e in ex.entities)
        self.relations_by_predicate.update(r.predicate for r in ex.relations)
        self.negated += sum(1 for r in ex.relations if r.negated)

    def to_dict(self) -> Dict[str, Any]:
        """A JSON-ready dict of the summary."""
        return {
            "processed": self.processed, "resumed": self.resumed,
            "skipped": [{"id": i, "reason": r} for i, r in self.skipped],
            "warnings": [{"id": i, "warning": w} for i, w in self.warnings],
            "documents": self.documents,
            "entities_by_type": dict(self.entities_by_type.most_common()),
            "relations_by_predicate": dict(self.relations_by_predicate.most_common()),
            "negated": self.negated, "seconds": round(self.seconds, 3),
            "extract_seconds": round(self.extract_seconds, 3),
            "docs_per_second": round(self.docs_per_second, 2),
            "output": self.output, "jsonl": self.jsonl, "written": list(self.written),
            "graph_nodes": self.graph_nodes, "graph_edges": self.graph_edges, "error": self.error,
        }

    def _rate(self) -> str:
        rate = self.docs_per_second
        if 0 < rate < 1:  # a few long documents: seconds per document says more than 0.0 docs/s
            return f"{1 / rate:.1f} s/doc"
        return f"{rate:.1f} docs/s"

    def _timing(self) -> str:
        if not self.extract_seconds or self.extract_seconds >= self.seconds:
            return f"{self.seconds:.1f} s ({self._rate()})"
        other = max(0.0, self.seconds - self.extract_seconds)
        return (f"{self.seconds:.1f} s ({self.extract_seconds:.1f} s extracting, {self._rate()}; "
                f"{other:.1f} s loading and writing)")

    def format(self, max_listed: int = 20) -> str:
        """A human-readable report, as printed at the end of ``relext extract``.

        Args:
            max_listed: skipped documents and warnings listed before "... and N more".

        Returns:
            Lines of text: counts, the graph, the files written, skips and warnings.
        """
        lines = [f"Processed {plural(self.processed, 'document')} in {self._timing()}"
                 + (f"; {self.resumed} already done (resumed)" if self.resumed else "")
                 + f"; skipped {len(self.skipped)}."]
        if self.documents:
            ents = ", ".join(f"{t} {n}" for t, n in self.entities_by_type.most_common()) or "none"
            rels = ", ".join(f"{p} {n}" for p, n in self.relations_by_predicate.most_common()) or "none"
            lines.append(f"Entities by type ({plural(self.documents, 'document')}): {ents}")
            lines.append(f"Relations by predicate: {rels} ({self.negated} negated)")
        if self.graph_nodes is not None:
            lines.append(f"Graph: {plural(self.graph_nodes, 'node')}, {plural(self.graph_edges or 0, 'edge')}.")
        if self.written:
            lines.append("Wrote: " + ", ".join(self.written))
        for title, items in (("Skipped", self.skipped), ("Warnings", self.warnings)):
            if not items:
                continue
            lines.append(f"{title} ({len(items)}):")
            for doc_id, msg in items[:max_listed]:
                named = f"Document {doc_id} " in msg or f"Record {doc_id} " in msg
                lines.append(f"  - {msg}" if named else f"  - {doc_id}: {msg}")
            if len(items) > max_listed:
                lines.append(f"  ... and {len(items) - max_listed} more (see the summary JSON or the log)")
        if self.error:
            lines.append(f"STOPPED EARLY: {self.error}")
        return "\n".join(lines)
