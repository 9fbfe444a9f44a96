"""Choosing what a graph picture shows: filters applied before drawing, and the nodes worth a label.

`select_graph` keeps the edges of the chosen entity types, predicates,
documents, dates and confidence, and drops the nodes left without an edge (unless
asked to keep them). `node_degrees` and `top_nodes` decide node sizes
and which names are written on a crowded picture.

Edges may carry ``dates`` (ISO dates, ``"2022-02-04"``, as a list or one string) and
``confidence`` (a number in [0, 1]); the date and confidence filters use them when
present. An edge without dates is dropped by a date filter; one without a
confidence is kept by a confidence filter (relext's rules do not score edges).

Example:
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", type="PERSON"); G.add_node("b", type="EVENT"); G.add_node("c", type="PERSON")
    >>> _ = G.add_edge("a", "b", predicate="ATTENDS", doc_ids=["d1"])
    >>> sorted(select_graph(G))
    ['a', 'b']
    >>> sorted(select_graph(G, isolates=True))
    ['a', 'b', 'c']
"""
from __future__ import annotations

import json
from typing import Any, Dict, Iterable, List, Mapping, Optional

from .style import type_name

__all__ = ["select_graph", "node_degrees", "top_nodes", "edge_dates", "edge_evidence"]


def _as_set(values: Optional[Iterable[Any]]) -> Optional[set]:
    if values is None:
        return None
    if isinstance(values, str):
        values = [values]
    return {str(getattr(v, "value", v)) for v in values}


def edge_evidence(data: Mapping[str, Any]) -> List[Dict[str, Any]]:
    """Return an edge's evidence items as dicts (decoding the JSON text some file formats store).

    Args:
        data: the edge's attributes.

    Returns:
        The list of evidence dicts (empty when the edge has none).

    Example:
        >>> edge_evidence({"evidence": '[{"sentence": "Ada met Bo."}]'})
        [{'sentence': 'Ada met Bo.'}]
    """
    items = data.get("evidence") or []
    if isinstance(items, str):
        try:
            items = json.loads(items)
        except ValueError:
            return []
    return [dict(i) for i in items if isinstance(i, Mapping)]


def edge_dates(data: Mapping[str, Any]) -> List[str]:
    """Return the ISO dates an edge carries: its ``dates`` attribute, else its evidence items' ``date``.

    Args:
        data: the edge's attributes.

    Returns:
        Sorted distinct dates as strings (``[]`` when the edge has none).

    Example:
        >>> edge_dates({"dates": ["2022-02-04", "2022-01-30"]})
        ['2022-01-30', '2022-02-04']
    """
    dates = data.get("dates")
    if isinstance(dates, str):
        dates = [d for d in dates.replace(";", ",").split(",") if d.strip()]
    if not dates:
        dates = [i.get("date") for i in edge_evidence(data)]
    return sorted({str(d).strip() for d in dates if d})


def _edge_docs(data: Mapping[str, Any]) -> set:
    docs = data.get("doc_ids")
    if isinstance(docs, str):
        docs = docs.split(",") if docs else []
    found = {str(d) for d in docs or []}
    return found or {str(i.get("doc_id")) for i in edge_evidence(data) if i.get("doc_id") is not None}


def select_graph(G, *, types: Optional[Iterable[str]] = None, predicates: Optional[Iterable[str]] = None,
                 documents: Optional[Iterable[str]] = None, since: Optional[str] = None,
                 until: Optional[str] = None, min_confidence: Optional[float] = None,
                 keep_negated: bool = True, isolates: bool = False):
    """Return the part of a relext graph to draw.

    Args:
        G: a graph from `relext.build_graph` (or any networkx graph).
        types: keep only nodes of these entity types (``"PERSON"``, …).
        predicates: keep only edges with these predicates (``"ATTENDS"``, …).
        documents: keep only edges stated in at least one of these documents.
        since: keep only edges with a date on or after this ISO date.
        until: keep only edges with a date on or before this ISO date.
        min_confidence: keep only edges whose ``confidence`` is at least this (edges
            without a confidence are kept).
        keep_negated: keep negated edges.
        isolates: keep nodes that have no edge left.

    Returns:
        A new graph of the same class holding the kept nodes and edges (attribute
        values are shared with ``G``, not copied).

    Example:
        >>> import networkx as nx
        >>> G = nx.MultiDiGraph()
        >>> _ = G.add_edge("a", "b", predicate="ATTENDS", negated=True)
        >>> select_graph(G, keep_negated=False).number_of_nodes()
        0
    """
    types, predicates, documents = _as_set(types), _as_set(predicates), _as_set(documents)
    H = G.__class__()
    H.graph.update(G.graph)
    H.add_nodes_from((n, d) for n, d in G.nodes(data=True)
                     if types is None or type_name(d.get("type")) in types)
    edges = G.edges(keys=True, data=True) if G.is_multigraph() else ((u, v, None, d) for u, v, d in G.edges(data=True))
    for u, v, k, d in edges:
        if u not in H or v not in H:
            continue
        if predicates is not None and str(d.get("predicate", "")) not in predicates:
            continue
        if not keep_negated and d.get("negated"):
            continue
        if documents is not None and not (_edge_docs(d) & documents):
            continue
        if since is not None or until is not None:
            dates = edge_dates(d)
            if not any((since is None or x >= since) and (until is None or x <= until) for x in dates):
                continue
        if min_confidence is not None and d.get("confidence") is not None \
                and float(d["confidence"]) < min_confidence:
            continue
        if k is None:
            H.add_edge(u, v, **d)
        else:
            H.add_edge(u, v, key=k, **d)
    if not isolates:
        H.remove_nodes_from([n for n in list(H) if H.degree(n) == 0])
    return H


def node_degrees(G) -> Dict[Any, int]:
    """Return each node's number of distinct neighbours (parallel edges and direction ignored).

    Args:
        G: a networkx graph.

    Returns:
        ``{node: count}``.

    Example:
        >>> import networkx as nx
        >>> node_degrees(nx.MultiDiGraph([("a", "b"), ("a", "b"), ("b", "a")]))
        {'a': 1, 'b': 1}
    """
    neighbours: Dict[Any, set] = {n: set() for n in G}
    for u, v in G.edges():
        if u != v:
            neighbours[u].add(v)
            neighbours[v].add(u)
    return {n: len(s) for n, s in neighbours.items()}


def top_nodes(G, count: int, degrees: Optional[Mapping[Any, int]] = None) -> List[Any]:
    """Return the ``count`` most connected nodes, most connected first (ties by name, for stable pictures).

    Args:
        G: a networkx graph.
        count: how many to return.
        degrees: precomputed `node_degrees`.

    Returns:
        The nodes.

    Example:
        >>> import networkx as nx
        >>> top_nodes(nx.star_graph(3), 1)
        [0]
    """
    degrees = degrees if degrees is not None else node_degrees(G)
    ranked = sorted(G, key=lambda n: (-degrees.get(n, 0), -int(G.nodes[n].get("mention_count") or 0),
                                      str(G.nodes[n].get("name") or n)))
    return ranked[:max(0, int(count))]
