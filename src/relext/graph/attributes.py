"""The attribute schema of relext graphs: names, Python types and reserved names.

One place that `relext.graph` writes, `relext.validate_graph()` checks,
the exporters encode and ``docs/graph.md`` documents.

Example:
    >>> from relext.graph.attributes import NODE_ATTRIBUTES, EDGE_ATTRIBUTES
    >>> NODE_ATTRIBUTES["mention_count"]
    <class 'int'>
    >>> EDGE_ATTRIBUTES["negated"]
    <class 'bool'>
"""
from __future__ import annotations

from typing import Dict

__all__ = [
    "NODE_ATTRIBUTES",
    "EDGE_ATTRIBUTES",
    "PROVENANCE_EDGE_ATTRIBUTES",
    "COLLAPSED_EDGE_ATTRIBUTES",
    "MODALITY_COUNTS",
    "RESERVED_NODE_NAMES",
    "RESERVED_EDGE_NAMES",
    "RESERVED_GRAPH_NAMES",
    "NEGATED_SUFFIX",
    "edge_key",
]

#: Node attributes every relext node carries (entity codes such as ``iso3`` come on top).
NODE_ATTRIBUTES: Dict[str, type] = {
    "type": str,  # PERSON | COUNTRY | ORGANISATION | EVENT | LOCATION
    "name": str,  # the preferred full name
    "label": str,  # display label (= name); Gephi and GEXF show it
    "aliases": list,  # distinct surface forms, list of str
    "mention_count": int,
    "doc_count": int,
    "doc_ids": list,  # list of str
}

#: Modality -> edge attribute holding how many evidence items have it.
MODALITY_COUNTS: Dict[str, str] = {
    "ASSERTED": "asserted_count",
    "PLANNED": "planned_count",
    "REPORTED": "reported_count",
    "HYPOTHETICAL": "hypothetical_count",
}

#: Edge attributes every edge of a `relext.build_graph()` graph carries.
EDGE_ATTRIBUTES: Dict[str, type] = {
    "predicate": str,
    "negated": bool,
    "symmetric": bool,
    "label": str,  # "ATTENDS" or "not ATTENDS"
    "evidence_count": int,  # distinct sentences stating the relation
    "doc_count": int,
    "doc_ids": list,  # list of str
    "reported_by": list,  # entity ids of reporting sources, list of str
    "evidence": list,  # list of dict, see docs/graph.md
    **{name: int for name in MODALITY_COUNTS.values()},
}

#: Edge attributes aggregated from the evidence's provenance (``docs/graph.md``):
#: lists are always there (possibly empty); ``confidence``/``max_confidence`` only when
#: some evidence has a confidence, ``date_start``/``date_end`` only when some has a date.
PROVENANCE_EDGE_ATTRIBUTES: Dict[str, type] = {
    "confidence": float,  # noisy-or of the evidence confidences: 1 - prod(1 - c)
    "max_confidence": float,
    "date_start": str,  # ISO day: the earliest start of the evidence dates
    "date_end": str,  # ISO day: the latest end
    "dates": list,  # distinct evidence date values (ISO, at their precision), list of str
    "doc_dates": list,  # distinct document dates, list of str
    "doc_urls": list,  # distinct document URLs, list of str
    "doc_sources": list,  # distinct document sources/outlets, list of str
}

#: Edge attributes of a `relext.collapse_graph()` graph.
COLLAPSED_EDGE_ATTRIBUTES: Dict[str, type] = {
    "weight": float,
    "predicates": dict,  # edge key -> weight contributed
    "relation_count": int,
    "evidence_count": int,
    "doc_count": int,
    "doc_ids": list,
}

# Names that a file format or a reading tool takes for its own meaning. relext never
# writes them as data and the exporters refuse them (see docs/graph.md).
RESERVED_NODE_NAMES = frozenset(
    {"id", "pid", "viz", "start", "end", "parents", "spells", "slices"}
)
RESERVED_EDGE_NAMES = frozenset(
    {"id", "key", "source", "target", "type", "start", "end", "networkx_key", "spells", "slices"}
)
RESERVED_GRAPH_NAMES = frozenset({"id", "node_default", "edge_default", "mode"})

NEGATED_SUFFIX = "|negated"


def edge_key(predicate: str, negated: bool) -> str:
    """Return the multigraph edge key of a relation.

    Args:
        predicate: Relation type, e.g. ``"ATTENDS"``.
        negated: Whether the text denies the relation.

    Returns:
        ``"ATTENDS"`` or ``"ATTENDS|negated"``.

    Examples:
        >>> edge_key("ATTENDS", True)
        'ATTENDS|negated'
    """
    return f"{predicate}{NEGATED_SUFFIX}" if negated else predicate
