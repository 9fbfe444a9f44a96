"""Collapse a relext multigraph into a weighted simple graph.

Example:
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", key="ATTENDS", evidence_count=2, doc_ids=["d1"], negated=False)
    'ATTENDS'
    >>> collapse_graph(G)["a"]["b"]["weight"]
    2.0
"""
from __future__ import annotations

import copy
from typing import Optional

import networkx as nx

__all__ = ["collapse_graph"]


def collapse_graph(G: nx.MultiDiGraph, *, weight: Optional[str] = "evidence_count",
                   include_negated: bool = False) -> nx.DiGraph:
    """Collapse parallel relations into one weighted edge per ordered node pair.

    Args:
        G: A relext graph (from `relext.build_graph()`).
        weight: Edge attribute summed into the collapsed ``weight``; an edge without it
            counts 1. ``None`` counts every relation as 1.
        include_negated: Whether negated relations ("X did not attend Y") add to the weight. They
            state that there is *no* link, so by default they are left out; a pair
            linked only by negated relations then gets no edge.

    Returns:
        The nodes of ``G`` with (copies of) their attributes, and per ordered pair
        ``(u, v)`` an edge with

        - ``weight`` (float): the sum of ``weight`` over the pair's relations;
        - ``predicates`` (dict): edge key (``"ATTENDS"``, ``"ATTENDS|negated"``) to
          its contribution to ``weight``;
        - ``relation_count`` (int), ``evidence_count`` (int, summed),
          ``doc_count`` (int) and ``doc_ids`` (list of str, distinct).

        Symmetric relations keep the single direction they have in ``G``. The
        result has a float ``weight`` that Gephi and igraph use as edge weight.

    Raises:
        TypeError: If ``G`` is not a multigraph, or a ``weight`` value is not a number.

    Examples:
        >>> G = nx.MultiDiGraph()
        >>> G.add_edge("a", "b", key="MEETS_WITH", evidence_count=1, negated=False)
        'MEETS_WITH'
        >>> G.add_edge("a", "b", key="SUPPORTS", evidence_count=3, negated=False)
        'SUPPORTS'
        >>> H = collapse_graph(G)
        >>> H["a"]["b"]["weight"], H["a"]["b"]["predicates"]
        (4.0, {'MEETS_WITH': 1, 'SUPPORTS': 3})
    """
    if not G.is_multigraph():
        raise TypeError(f"collapse_graph expects a MultiDiGraph from build_graph, got {type(G).__name__}.")
    H = nx.DiGraph()
    H.graph.update(copy.deepcopy(G.graph))
    H.graph["collapsed_weight"] = weight if weight is not None else "relation_count"
    H.add_nodes_from((n, copy.deepcopy(d)) for n, d in G.nodes(data=True))
    for u, v, k, d in G.edges(keys=True, data=True):
        if d.get("negated", False) and not include_negated:
            continue
        w = 1 if weight is None else d.get(weight, 1)
        if isinstance(w, bool) or not isinstance(w, (int, float)):
            raise TypeError(f"Edge ({u!r}, {v!r}, {k!r}) has a non-numeric '{weight}' attribute: {w!r}.")
        if not H.has_edge(u, v):
            H.add_edge(u, v, weight=0.0, predicates={}, relation_count=0, evidence_count=0, doc_count=0, doc_ids=[])
        e = H.edges[u, v]
        e["weight"] = float(e["weight"] + w)
        e["predicates"][str(k)] = e["predicates"].get(str(k), 0) + w
        e["relation_count"] += 1
        e["evidence_count"] += int(d.get("evidence_count", 1))
        e["doc_ids"] = list(dict.fromkeys(e["doc_ids"] + list(d.get("doc_ids") or [])))
        e["doc_count"] = len(e["doc_ids"])
    return H
