"""Typed relation graphs: build, update, filter, collapse and validate.

Everything here works on plain networkx graphs and imports no spaCy.

Example:
    >>> from relext.graph import build_graph, validate_graph
    >>> G = build_graph([])
    >>> validate_graph(G)
    []
"""
from __future__ import annotations

from .attributes import EDGE_ATTRIBUTES, NODE_ATTRIBUTES, edge_key
from .build import build_graph, filter_graph, update_graph
from .collapse import collapse_graph
from .validate import Violation, validate_graph

__all__ = [
    "build_graph",
    "update_graph",
    "filter_graph",
    "collapse_graph",
    "validate_graph",
    "Violation",
    "edge_key",
    "NODE_ATTRIBUTES",
    "EDGE_ATTRIBUTES",
]
