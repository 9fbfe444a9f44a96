"""Keep every written string inside what its file format allows (private).

- Every format is UTF-8, which cannot hold a lone surrogate (``"\\ud800"``, which
  Python strings may carry): surrogates become U+FFFD.
- XML 1.0 (GraphML, GEXF) allows only ``#x9 | #xA | #xD | [#x20-#xD7FF] |
  [#xE000-#xFFFD] | [#x10000-#x10FFFF]``: the other C0 controls, U+FFFE and U+FFFF
  become U+FFFD too, and line ends become ``"\\n"`` (an XML parser turns a raw
  ``"\\r"`` into ``"\\n"`` anyway, so writing it would not read back).

Node ids, edge keys, attribute names and values (inside lists and dicts too) are all
cleaned. Two node ids that become equal are refused rather than merged.
"""
from __future__ import annotations

import re
from typing import Any

import networkx as nx

__all__ = ["clean_graph", "clean_value", "XML", "UTF8"]

XML = "xml"
UTF8 = "utf8"

_BAD = {
    UTF8: re.compile("[\ud800-\udfff]"),
    XML: re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"),
}
_LINE_ENDS = re.compile("\r\n?")


def clean_text(text: str, policy: str) -> str:
    """One string as the format allows it (see the module docstring)."""
    if policy == XML and "\r" in text:
        text = _LINE_ENDS.sub("\n", text)
    return _BAD[policy].sub("\ufffd", text)


def clean_value(value: Any, policy: str) -> Any:
    """A value with every string in it (list items, dict keys and values) cleaned."""
    if isinstance(value, str):
        return clean_text(value, policy)
    if isinstance(value, (list, tuple)):
        return type(value)(clean_value(v, policy) for v in value)
    if isinstance(value, dict):
        return {clean_value(k, policy): clean_value(v, policy) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return type(value)(clean_value(v, policy) for v in value)
    return value


def clean_graph(G: nx.Graph, policy: str) -> nx.Graph:
    """``G`` itself if every string in it is allowed, else a cleaned copy.

    Raises:
        ValueError: If two node ids (or two edge keys of one node pair) become equal.
    """
    if _is_clean(G, policy):
        return G
    H = G.__class__()
    H.graph.update(clean_value(dict(G.graph), policy))
    ids = {}
    for n, d in G.nodes(data=True):
        m = clean_value(n, policy)
        if m in ids and ids[m] != n:
            raise ValueError(f"Node ids {ids[m]!r} and {n!r} differ only in characters the file format cannot "
                             f"hold; both would be written as {m!r}.")
        ids[m] = n
        H.add_node(m, **clean_value(dict(d), policy))
    inverse = {n: m for m, n in ids.items()}
    if G.is_multigraph():
        for u, v, k, d in G.edges(keys=True, data=True):
            u2, v2, k2 = inverse[u], inverse[v], clean_value(k, policy)
            if H.has_edge(u2, v2, k2):
                raise ValueError(f"Edge keys of {u!r} -> {v!r} differ only in characters the file format "
                                 f"cannot hold: {k!r}.")
            H.add_edge(u2, v2, key=k2, **clean_value(dict(d), policy))
    else:
        H.add_edges_from((inverse[u], inverse[v], clean_value(dict(d), policy)) for u, v, d in G.edges(data=True))
    return H


def _is_clean(G: nx.Graph, policy: str) -> bool:
    bad = _BAD[policy]

    def ok(value: Any) -> bool:
        if isinstance(value, str):
            return not (bad.search(value) or (policy == XML and "\r" in value))
        if isinstance(value, (list, tuple, set, frozenset)):
            return all(ok(v) for v in value)
        if isinstance(value, dict):
            return all(ok(k) and ok(v) for k, v in value.items())
        return True

    if not ok(dict(G.graph)):
        return False
    if not all(ok(n) and ok(d) for n, d in G.nodes(data=True)):
        return False
    edges = G.edges(keys=True, data=True) if G.is_multigraph() else G.edges(data=True)
    return all(ok(e[2:]) if G.is_multigraph() else ok(e[2]) for e in edges)
