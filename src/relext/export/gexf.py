"""GEXF 1.2 export for Gephi.

networkx's GEXF writer takes some attribute names for itself (edge ``type`` is the
edge direction, ``start``/``end`` make the graph dynamic) and reads a ``list`` value as
dynamic ``(value, start, end)`` triples. relext refuses the reserved names and writes
lists and dicts as JSON strings, as in GraphML. GEXF has no graph attributes, so
relext keeps them (and the encoding metadata) as JSON in ``<meta><description>``.

Example
-------
>>> import networkx as nx, tempfile, pathlib
>>> G = nx.MultiDiGraph()
>>> _ = G.add_edge("a", "b", key="ATTENDS", label="ATTENDS", doc_ids=["d1", "d2"])
>>> p = pathlib.Path(tempfile.mkdtemp()) / "g.gexf"
>>> write_gexf(G, p)
>>> read_gexf(p).edges["a", "b", "ATTENDS"]["doc_ids"]
['d1', 'd2']
"""
from __future__ import annotations

import json
import os
from typing import Union
from xml.etree.ElementTree import ParseError, SubElement

import networkx as nx
from networkx.readwrite.gexf import GEXFReader, GEXFWriter

from ..errors import Errors
from ._atomic import atomic_write
from ._encode import GraphFileError, decode_graph, encode_graph

__all__ = ["write_gexf", "read_gexf"]

PathLike = Union[str, "os.PathLike[str]"]
_LABELS = "relext_node_labels"


def write_gexf(G: nx.Graph, path: PathLike, *, encoding: str = "utf-8", prettyprint: bool = True) -> None:
    """Write a graph to GEXF 1.2, atomically, for Gephi.

    Parameters
    ----------
    G : networkx graph
        Usually a relext graph; node ids must be ``str``.
    path : str or os.PathLike
        The file to write; replaced atomically.
    encoding : str, default "utf-8"
    prettyprint : bool, default True

    Raises
    ------
    GraphFileError
        If an attribute uses a name GEXF reserves (edge ``type``, ``start``, ``end``,
        ``id``, ``key`` …), a ``label`` is not a ``str`` or a ``weight`` is not a
        number; the message names it.

    Notes
    -----
    Node ``label`` and edge ``label``/``weight`` become the GEXF label and weight
    that Gephi displays and uses (an edge weight reads back as float). Graph
    attributes are kept as JSON in the file's ``<meta><description>``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = nx.MultiDiGraph([("a", "b", {"label": "MEETS_WITH"})])
    >>> write_gexf(G, pathlib.Path(tempfile.mkdtemp()) / "g.gexf")
    """
    _check_gexf_values(G)
    H = encode_graph(G, "GEXF")
    meta = dict(H.graph)
    meta[_LABELS] = any("label" in d for _, d in G.nodes(data=True))
    H.graph.clear()
    writer = GEXFWriter(encoding=encoding, prettyprint=prettyprint, version="1.2draft")
    writer.add_graph(H)
    meta_element = writer.xml.find("meta")
    SubElement(meta_element, "description").text = json.dumps(meta, ensure_ascii=False)
    with atomic_write(path, "wb") as fh:
        writer.write(fh)


def read_gexf(path: PathLike) -> nx.Graph:
    """Read a GEXF file, decoding relext's JSON-encoded attributes.

    Parameters
    ----------
    path : str or os.PathLike

    Returns
    -------
    networkx graph
        For a file written by :func:`write_gexf`, the same class, node ids, edge keys
        and attributes as the graph written (an edge ``weight`` as float). Other
        GEXF files come back as a MultiDiGraph or MultiGraph.

    Raises
    ------
    GraphFileError
        If the file is not valid GEXF; the message names the file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.gexf"
    >>> write_gexf(nx.MultiDiGraph([("a", "b", "ATTENDS")]), p)
    >>> list(read_gexf(p).edges(keys=True))
    [('a', 'b', 'ATTENDS')]
    """
    reader = GEXFReader(node_type=None, version="1.2draft")
    reader.simple_graph = False  # keep edge keys; the class is restored from relext's metadata
    try:
        with open(path, "rb") as fh:
            H = reader(fh)
    except (ParseError, nx.NetworkXError, KeyError, ValueError) as err:
        raise GraphFileError(Errors.E020.format(path=path, msg=f"not valid GEXF ({err})")) from err
    ns = reader.NS_GEXF
    desc = reader.xml.find(f"{{{ns}}}meta/{{{ns}}}description")
    try:
        meta = json.loads(desc.text) if desc is not None and desc.text else None
    except ValueError:
        meta = None
    if not isinstance(meta, dict) or "relext_json_keys" not in meta:
        return H
    for _, _, d in H.edges(data=True):
        d.pop("id", None)  # GEXF's own edge id, not an attribute of ours
    if not meta.pop(_LABELS, True):
        for _, d in H.nodes(data=True):
            d.pop("label", None)
    H.graph.clear()
    H.graph.update(meta)
    return decode_graph(H, str(path))


def _check_gexf_values(G: nx.Graph) -> None:
    for n, d in G.nodes(data=True):
        if "label" in d and not isinstance(d["label"], str):
            raise GraphFileError(f"Node {n!r} has a non-str 'label' ({d['label']!r}); GEXF labels are text.")
    for u, v, d in G.edges(data=True):
        if "label" in d and not isinstance(d["label"], str):
            raise GraphFileError(f"Edge ({u!r}, {v!r}) has a non-str 'label' ({d['label']!r}); GEXF labels are text.")
        w = d.get("weight", 0.0)
        if isinstance(w, bool) or not isinstance(w, (int, float)):
            raise GraphFileError(f"Edge ({u!r}, {v!r}) has a non-numeric 'weight' ({w!r}); GEXF weights are numbers.")
