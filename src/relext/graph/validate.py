"""Check a graph against relext's attribute schema and relation catalogue.

Example:
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("x", type="PLANET", name="X")
    >>> [v.code for v in validate_graph(G)]
    ['unknown-node-type', 'missing-attribute']
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional

import networkx as nx

from ..models import EntityType
from ..schema import RelationType, load_catalogue
from .attributes import EDGE_ATTRIBUTES, NODE_ATTRIBUTES, PROVENANCE_EDGE_ATTRIBUTES, edge_key

__all__ = ["Violation", "validate_graph"]

_ENTITY_TYPES = tuple(t.value for t in EntityType)


@dataclass(frozen=True)
class Violation:
    """One problem `validate_graph()` found.

    Attributes:
        code: Stable kind of problem, e.g. ``"type-not-allowed"``.
        message: What is wrong and where, naming the node, edge and attribute.
        node: The offending node id, for node problems.
        edge: ``(u, v, key)`` of the offending edge, for edge problems.
        attribute: The offending attribute, if one is at fault.
    """

    code: str
    message: str
    node: Optional[str] = None
    edge: Optional[tuple] = None
    attribute: Optional[str] = None

    def __str__(self) -> str:
        return self.message


def validate_graph(G: nx.MultiDiGraph, *, catalogue: Optional[Mapping[str, RelationType]] = None) -> List[Violation]:
    """List the ways a graph breaks relext's schema and relation catalogue.

    Checks, per node: a known entity ``type`` (PERSON, COUNTRY, ORGANISATION, EVENT,
    LOCATION) and the attributes of ``docs/graph.md`` with their types; per edge: a
    ``predicate`` the catalogue knows, subject and object types the catalogue
    allows for it, the schema's attributes and types, an edge key matching
    ``predicate``/``negated``, and symmetric relations stored in canonical
    (sorted) direction.

    Args:
        G: A relext graph, e.g. from `relext.build_graph()` or `relext.read_graph()`.
        catalogue: The relation catalogue; by default `relext.load_catalogue()`.

    Returns:
        Empty when the graph is valid. ``str(v)`` is a readable message.

    Examples:
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("country:FRA", type="COUNTRY", name="France", label="France", aliases=[],
        ...            mention_count=1, doc_count=1, doc_ids=["d1"])
        >>> G.add_node("event:games", type="EVENT", name="the Games", label="the Games", aliases=[],
        ...            mention_count=1, doc_count=1, doc_ids=["d1"])
        >>> _ = G.add_edge("event:games", "country:FRA", key="ATTENDS", predicate="ATTENDS")
        >>> [v.code for v in validate_graph(G)][0]
        'type-not-allowed'
    """
    cat = load_catalogue() if catalogue is None else dict(catalogue)
    out: List[Violation] = []
    if not G.is_multigraph() or not G.is_directed():
        out.append(Violation("graph-class", f"A relext graph is a MultiDiGraph; this is a {type(G).__name__}."))
    for n, d in G.nodes(data=True):
        t = d.get("type")
        if t is not None and t not in _ENTITY_TYPES:
            out.append(Violation("unknown-node-type", f"Node {n!r} has unknown type {t!r}; "
                                 f"use one of {', '.join(_ENTITY_TYPES)}.", node=n, attribute="type"))
        out.extend(_attribute_problems(d, NODE_ATTRIBUTES, f"Node {n!r}", node=n))
    multi = G.is_multigraph()
    edges = G.edges(keys=True, data=True) if multi else ((u, v, None, d) for u, v, d in G.edges(data=True))
    for u, v, k, d in edges:
        where = f"Edge ({u!r}, {v!r}, {k!r})"
        pred = d.get("predicate")
        rt = cat.get(pred) if isinstance(pred, str) else None
        if pred is not None and rt is None:
            out.append(Violation("unknown-predicate", f"{where} has predicate {pred!r}, unknown to the relation "
                                 f"catalogue (known: {', '.join(sorted(cat))}).", edge=(u, v, k), attribute="predicate"))
        if rt is not None:
            st, ot = G.nodes[u].get("type"), G.nodes[v].get("type")
            if st in _ENTITY_TYPES and ot in _ENTITY_TYPES and not rt.allows(st, ot):
                out.append(Violation("type-not-allowed", f"{where}: {pred} does not allow {st} -> {ot} "
                                     f"(subjects: {', '.join(t.value for t in rt.subject_types)}; objects: "
                                     f"{', '.join(t.value for t in rt.object_types)}).", edge=(u, v, k),
                                     attribute="predicate"))
            if rt.symmetric and v < u:
                out.append(Violation("symmetric-direction", f"{where}: {pred} is symmetric and must be stored "
                                     f"from the smaller id to the larger ({v!r} -> {u!r}).", edge=(u, v, k)))
        out.extend(_attribute_problems(d, EDGE_ATTRIBUTES, where, edge=(u, v, k)))
        out.extend(_attribute_problems({a: x for a, x in d.items() if a in PROVENANCE_EDGE_ATTRIBUTES},
                                       {a: t for a, t in PROVENANCE_EDGE_ATTRIBUTES.items() if a in d}, where,
                                       edge=(u, v, k)))
        if multi and isinstance(pred, str) and isinstance(d.get("negated"), bool) and k != edge_key(pred, d["negated"]):
            out.append(Violation("edge-key", f"{where}: the key should be {edge_key(pred, d['negated'])!r} for "
                                 f"predicate={pred!r}, negated={d['negated']!r}.", edge=(u, v, k)))
    return out


def _attribute_problems(data: Dict[str, Any], schema: Dict[str, type], where: str, **loc) -> List[Violation]:
    missing = [a for a in schema if a not in data]
    out = []
    if missing:
        out.append(Violation("missing-attribute", f"{where} lacks attribute(s) {', '.join(missing)}.",
                             attribute=missing[0], **loc))
    for a, typ in schema.items():
        if a in data and not _is_type(data[a], typ):
            out.append(Violation("attribute-type", f"{where} attribute '{a}' should be {typ.__name__}, "
                                 f"got {type(data[a]).__name__} ({data[a]!r:.60}).", attribute=a, **loc))
    return out


def _is_type(value: Any, typ: type) -> bool:
    if typ is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if typ is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, typ)
