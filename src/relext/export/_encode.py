"""Turn graph attributes into what flat file formats can hold, and back (private).

Rules (documented in docs/graph.md):

- a value that is not a str/int/float/bool (a list, dict, tuple or ``None``) is
  written as a JSON string, and so is every value of an attribute whose values do
  not all share one scalar type; each attribute therefore has one type per scope;
- the graph attribute ``relext_json_keys`` (a JSON string
  ``{"graph": [...], "node": [...], "edge": [...]}``) lists the JSON-encoded
  attributes, ``relext_graph_class`` the networkx class, and
  ``relext_edge_key_type`` (multigraphs) whether edge keys are ``str`` or ``int``;
- names a format or a reading tool takes for itself are refused with
  `GraphFileError` instead of being silently lost.
"""
from __future__ import annotations

import json
from typing import Any, Dict, Iterable, List, Mapping

import networkx as nx

from ..errors import RelextError
from ._chars import UTF8, clean_graph
from ..graph.attributes import RESERVED_EDGE_NAMES, RESERVED_GRAPH_NAMES, RESERVED_NODE_NAMES

__all__ = ["GraphFileError", "encode_graph", "decode_graph", "check_names", "cleaned", "plain", "META_KEYS"]

SCALARS = (str, int, float, bool)
META_KEYS = ("relext_json_keys", "relext_graph_class", "relext_edge_key_type")
_CLASSES = {c.__name__: c for c in (nx.Graph, nx.DiGraph, nx.MultiGraph, nx.MultiDiGraph)}


class GraphFileError(RelextError, ValueError):
    """A graph cannot be written to, or read from, a file format as it is."""


def plain(value: Any) -> Any:
    """numpy scalars and arrays to Python values; everything else unchanged."""
    if type(value).__module__ == "numpy" and hasattr(value, "tolist"):
        return value.tolist()
    return value


def check_names(G: nx.Graph, fmt: str) -> None:
    """Refuse node/edge ids and attribute names the format would mangle or lose."""
    if G.__class__.__name__ not in _CLASSES:
        raise GraphFileError(f"Cannot write a {type(G).__name__} as {fmt}; convert it to one of {', '.join(_CLASSES)}.")
    for k in G.graph:
        if not isinstance(k, str):
            raise GraphFileError(f"Graph attribute name {k!r} is not a str; {fmt} attribute names are strings.")
        if k in RESERVED_GRAPH_NAMES or k.startswith("relext_"):
            raise GraphFileError(f"Graph attribute '{k}' is reserved in {fmt} (or by relext's encoding); rename it.")
    for n, d in G.nodes(data=True):
        if not isinstance(n, str):
            raise GraphFileError(f"Node id {n!r} is a {type(n).__name__}; {fmt} stores node ids as text, so relext "
                                 f"writes only str ids (try nx.relabel_nodes(G, str)).")
        _check_attrs(d, RESERVED_NODE_NAMES, f"node {n!r}", fmt)
    multi = G.is_multigraph()
    for e in G.edges(keys=True, data=True) if multi else G.edges(data=True):
        _check_attrs(e[-1], RESERVED_EDGE_NAMES, f"edge {e[:-1]!r}", fmt)
        if multi and (isinstance(e[2], bool) or not isinstance(e[2], (str, int))):
            raise GraphFileError(f"Edge key {e[2]!r} of edge {e[:2]!r} is a {type(e[2]).__name__}; use str or int keys.")


def _check_attrs(data: Mapping, reserved: frozenset, where: str, fmt: str) -> None:
    for k in data:
        if not isinstance(k, str):
            raise GraphFileError(f"Attribute name {k!r} on {where} is not a str; {fmt} attribute names are strings.")
        if k in reserved:
            raise GraphFileError(
                f"Attribute '{k}' on {where} is a reserved name: {fmt} or the tools that read it "
                f"(networkx, igraph, Gephi) give '{k}' their own meaning, so it would be lost or clobbered. "
                f"Rename it (see docs/graph.md, 'Reserved names')."
            )


def _json_keys(dicts: Iterable[Mapping]) -> List[str]:
    """Attributes whose values are not all of one scalar type."""
    kinds: Dict[str, set] = {}
    for d in dicts:
        for k, v in d.items():
            v = plain(v)
            kinds.setdefault(k, set()).add(type(v) if isinstance(v, SCALARS) else object)
    return [k for k, ks in kinds.items() if object in ks or len(ks) > 1]


def _dumps(value: Any, attr: str, where: str) -> str:
    try:
        return json.dumps(plain(value), ensure_ascii=False, default=_default)
    except (TypeError, ValueError) as err:
        raise GraphFileError(f"Attribute '{attr}' of {where} cannot be JSON-encoded: {err}") from err


def _default(value: Any) -> Any:
    value = plain(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    if isinstance(value, SCALARS) or isinstance(value, (list, dict)):
        return value
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _encode(d: Mapping, keys: set, where: str) -> Dict[str, Any]:
    return {k: (_dumps(v, k, where) if k in keys else plain(v)) for k, v in d.items()}


def encode_graph(G: nx.Graph, fmt: str, policy: str = UTF8) -> nx.Graph:
    """A copy of ``G`` with scalar attributes only, plus the ``relext_*`` graph metadata.

    Every string is first cleaned to what the format allows (``policy``: ``"utf8"`` or
    ``"xml"``, see ``_chars``).
    """
    G = cleaned(G, fmt, policy)
    check_names(G, fmt)
    multi = G.is_multigraph()
    edge_dicts = [e[-1] for e in (G.edges(keys=True, data=True) if multi else G.edges(data=True))]
    json_keys = {
        "graph": _json_keys([{k: v} for k, v in G.graph.items()]),
        "node": _json_keys(d for _, d in G.nodes(data=True)),
        "edge": _json_keys(edge_dicts),
    }
    sets = {scope: set(keys) for scope, keys in json_keys.items()}
    H = G.__class__()
    H.graph.update(_encode(G.graph, sets["graph"], "the graph"))
    H.graph["relext_json_keys"] = json.dumps(json_keys)
    H.graph["relext_graph_class"] = type(G).__name__
    if multi:
        key_types = {type(k).__name__ for _, _, k in G.edges(keys=True)}
        H.graph["relext_edge_key_type"] = "int" if key_types == {"int"} else "str"
        if key_types == {"int", "str"}:
            raise GraphFileError("Edge keys mix str and int; a file cannot tell them apart. Use one type of key.")
    H.add_nodes_from((n, _encode(d, sets["node"], f"node {n!r}")) for n, d in G.nodes(data=True))
    if multi:
        H.add_edges_from((u, v, k, _encode(d, sets["edge"], f"edge {(u, v, k)!r}"))
                         for u, v, k, d in G.edges(keys=True, data=True))
    else:
        H.add_edges_from((u, v, _encode(d, sets["edge"], f"edge {(u, v)!r}")) for u, v, d in G.edges(data=True))
    return H


def cleaned(G: nx.Graph, fmt: str, policy: str) -> nx.Graph:
    """`clean_graph()`, raising `GraphFileError` on ids that would collide."""
    try:
        return clean_graph(G, policy)
    except ValueError as err:
        raise GraphFileError(f"Cannot write the graph as {fmt}: {err}") from err


def decode_graph(H: nx.Graph, source: str = "<graph>") -> nx.Graph:
    """Undo `encode_graph()` on a graph read from a file (no-op without relext metadata)."""
    for k in ("node_default", "edge_default"):
        if H.graph.get(k) == {}:
            del H.graph[k]
    if "relext_json_keys" not in H.graph:
        return H
    try:
        json_keys = json.loads(H.graph.pop("relext_json_keys"))
        cls = _CLASSES[H.graph.pop("relext_graph_class", type(H).__name__)]
    except (ValueError, KeyError) as err:
        raise GraphFileError(f"Graph file {source} has unreadable relext metadata: {err}") from err
    key_type = H.graph.pop("relext_edge_key_type", "str")
    G = cls()
    G.graph.update(_decode(H.graph, json_keys.get("graph", ()), "the graph", source))
    G.add_nodes_from((n, _decode(d, json_keys.get("node", ()), f"node {n!r}", source)) for n, d in H.nodes(data=True))
    keys = set(json_keys.get("edge", ()))
    if H.is_multigraph():
        edges = ((u, v, k, d) for u, v, k, d in H.edges(keys=True, data=True))
    else:
        edges = ((u, v, None, d) for u, v, d in H.edges(data=True))
    for u, v, k, d in edges:
        d = _decode(d, keys, f"edge {(u, v, k)!r}", source)
        if G.is_multigraph():
            G.add_edge(u, v, key=_key(k, key_type), **d)
        else:
            G.add_edge(u, v, **d)
    return G


def _key(k: Any, key_type: str) -> Any:
    if key_type == "int":
        try:
            return int(k)
        except (TypeError, ValueError):
            return k
    return k if k is None else str(k)


def _decode(d: Mapping, keys: Iterable[str], where: str, source: str) -> Dict[str, Any]:
    keys = set(keys)
    out = {}
    for k, v in d.items():
        if k in keys and isinstance(v, str):
            try:
                v = json.loads(v)
            except ValueError as err:
                raise GraphFileError(f"Graph file {source}: attribute '{k}' of {where} should hold JSON "
                                     f"(it is listed in relext_json_keys) but holds {v[:60]!r}.") from err
        out[k] = v
    return out

