"""GraphML export that networkx, python-igraph, Gephi and Cytoscape read back.

Lists and dicts (``aliases``, ``doc_ids``, ``evidence``, ``merges`` …) are written as
JSON strings; the graph attribute ``relext_json_keys`` names them, and
`read_graphml()` decodes them. Key ids are the attribute names
(``named_key_ids``), made unique per file by prefixing the scope when nodes and
edges share a name (``node_doc_count`` / ``edge_doc_count``; ``attr.name`` stays
``doc_count``).

Example:
    >>> import networkx as nx, tempfile, pathlib
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("country:FRA", name="France", aliases=["France", "French"])
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
    >>> write_graphml(G, path)
    >>> read_graphml(path).nodes["country:FRA"]["aliases"]
    ['France', 'French']
"""
from __future__ import annotations

import os
from collections import defaultdict
from typing import Union
from xml.etree.ElementTree import ParseError

import networkx as nx
from networkx.readwrite.graphml import GraphMLWriter

from ..errors import Errors
from ._atomic import atomic_write
from ._chars import XML
from ._collector import collector_paused
from ._encode import GraphFileError, decode_graph, encode_graph

__all__ = ["write_graphml", "read_graphml"]

PathLike = Union[str, "os.PathLike[str]"]


def write_graphml(G: nx.Graph, path: PathLike, *, encoding: str = "utf-8", prettyprint: bool = True) -> None:
    """Write a graph to GraphML, atomically, in a form igraph and Gephi read.

    Args:
        G: Usually a relext graph; node ids must be ``str``.
        path: The file to write. It is replaced atomically: a failed write leaves the old
            file untouched.
        encoding: The file's encoding.
        prettyprint: Indent the XML.

    Raises:
        GraphFileError: If an attribute uses a reserved name (``id``, ``key``, ``source``, ``target``,
            ``type`` on edges …) or a node id is not a ``str``; the message names it.

    Notes:
        Every attribute has one GraphML type: values that are lists, dicts, ``None``
        or of mixed types are JSON strings for the whole attribute. Numbers read by
        igraph come back as floats. Edge keys are the GraphML edge ids; igraph does not
        read edge ids reliably, so use the ``predicate`` and ``negated`` attributes there.

    Examples:
        >>> import tempfile, pathlib
        >>> G = nx.MultiDiGraph()
        >>> _ = G.add_edge("a", "b", key="ATTENDS", predicate="ATTENDS", doc_ids=["d1"])
        >>> write_graphml(G, pathlib.Path(tempfile.mkdtemp()) / "g.graphml")
    """
    with collector_paused():  # the encoded copy and the XML tree live until the file is written
        H = _edge_ids(encode_graph(G, "GraphML", XML))
        writer = GraphMLWriter(encoding=encoding, prettyprint=prettyprint, infer_numeric_types=True,
                               named_key_ids=True)
        writer.add_graph_element(H)
        _unique_key_ids(writer.xml)
        with atomic_write(path, "wb") as fh:
            writer.dump(fh)


def read_graphml(path: PathLike) -> nx.Graph:
    """Read a GraphML file, decoding relext's JSON-encoded attributes.

    Args:
        path: The GraphML file.

    Returns:
        For a file written by `write_graphml()`, the same class, node ids, edge
        keys, attribute values and types as the graph written. Other GraphML files
        come back as networkx reads them with ``force_multigraph=True``.

    Raises:
        GraphFileError: If the file is not valid GraphML; the message names the file.

    Examples:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
        >>> write_graphml(nx.MultiDiGraph([("a", "b")]), p)
        >>> list(read_graphml(p).edges(keys=True))
        [('a', 'b', 0)]
    """
    try:
        H = nx.read_graphml(path, node_type=str, edge_key_type=str, force_multigraph=True)
    except (ParseError, nx.NetworkXError, KeyError, ValueError) as err:
        raise GraphFileError(Errors.E020.format(path=path, msg=f"not valid GraphML ({err})")) from err
    if "relext_json_keys" in H.graph and H.is_multigraph():
        H = _edge_keys(H)
    return decode_graph(H, str(path))


def _edge_ids(H: nx.Graph) -> nx.Graph:
    """A multigraph with edge keys ``e0``, ``e1`` … (unique, valid ``NMTOKEN`` ids), the key as ``key``."""
    if not H.is_multigraph():
        return H
    K = H.__class__()
    K.graph.update(H.graph)
    K.add_nodes_from(H.nodes(data=True))
    K.add_edges_from((u, v, f"e{i}", {**d, "key": k}) for i, (u, v, k, d) in
                     enumerate(H.edges(keys=True, data=True)))
    return K


def _edge_keys(H: nx.MultiGraph) -> nx.MultiGraph:
    """Undo `_edge_ids()` on a graph read back: the ``key`` data becomes the edge key again."""
    K = H.__class__()
    K.graph.update(H.graph)
    K.add_nodes_from(H.nodes(data=True))
    for u, v, k, d in H.edges(keys=True, data=True):
        d = dict(d)
        K.add_edge(u, v, key=d.pop("key", k), **d)
    return K


def _unique_key_ids(root) -> None:
    """Give same-named node/edge/graph keys distinct ids (GraphML requires unique key ids)."""
    keys = [k for k in root.iter("key")]
    by_id = defaultdict(list)
    for k in keys:
        by_id[k.get("id")].append(k)
    taken = set(by_id)
    remap = {}
    for kid, elems in by_id.items():
        if len(elems) < 2:
            continue
        for k in elems:
            new = f"{k.get('for')}_{kid}"
            while new in taken:
                new = f"_{new}"
            taken.add(new)
            remap[(k.get("for"), kid)] = new
            k.set("id", new)
    if not remap:
        return
    for elem in root.iter():
        if elem.tag in ("graph", "node", "edge"):
            for data in elem.findall("data"):
                new = remap.get((elem.tag, data.get("key")))
                if new is not None:
                    data.set("key", new)
