"""GEXF 1.3 export for Gephi, and a reader for it.

What Gephi shows and uses comes from GEXF's own attributes:

- node ``label`` = the entity name, ``viz:color`` by entity type (a colour-blind-safe
  palette, see `TYPE_COLOURS`), ``viz:size`` growing with the node's degree;
- edge ``label`` = ``"ATTENDS"`` / ``"not ATTENDS"``, ``kind`` = the predicate (GEXF
  1.3's way of telling parallel edges apart), ``weight`` = the edge's ``weight``
  attribute if it has one (a collapsed graph) else its ``evidence_count``,
  ``type="undirected"`` for symmetric relations (``MEETS_WITH``) and ``directed``
  otherwise, negated edges drawn red;
- when edges carry dates (an edge attribute ``dates`` with ISO ``YYYY-MM-DD``
  strings, or a ``date`` in their evidence items), the graph is dynamic and each
  edge has one ``<spell>`` per date, so Gephi's timeline can filter by time.

Every attribute is also written as a GEXF attribute column (lists and dicts as JSON
strings, as in GraphML; node ``label`` and edge ``label``/``weight`` only as GEXF's own
attributes), and the graph attributes plus relext's encoding metadata are JSON in
``<meta><description>``, so `read_gexf()` gives the written graph back.

Example:
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
import math
import os
import re
from typing import Any, Dict, List, Optional, Tuple, Union
from xml.etree import ElementTree as ET

import networkx as nx
from networkx.readwrite.gexf import GEXFReader

from ..errors import Errors
from ._atomic import atomic_write
from ._chars import XML
from ._encode import GraphFileError, decode_graph, encode_graph

__all__ = ["write_gexf", "read_gexf", "TYPE_COLOURS", "GEXF_NS", "VIZ_NS"]

PathLike = Union[str, "os.PathLike[str]"]

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"

#: Node colour (r, g, b) per entity type: the Okabe-Ito palette, distinguishable with
#: the common colour-vision deficiencies. Other types are grey.
TYPE_COLOURS: Dict[str, Tuple[int, int, int]] = {
    "PERSON": (0, 114, 178),  # blue
    "COUNTRY": (230, 159, 0),  # orange
    "ORGANISATION": (0, 158, 115),  # bluish green
    "EVENT": (204, 121, 167),  # reddish purple
    "LOCATION": (86, 180, 233),  # sky blue
}
_OTHER_COLOUR = (153, 153, 153)
_NEGATED_COLOUR = (213, 94, 0)  # vermillion
_EDGE_COLOUR = (120, 120, 120)
_TYPES = {str: "string", bool: "boolean", int: "long", float: "double"}
_PARSE = {"string": str, "boolean": lambda v: v.lower() in ("true", "1"), "long": int, "integer": int,
          "float": float, "double": float}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def write_gexf(G: nx.Graph, path: PathLike, *, encoding: str = "utf-8", prettyprint: bool = True) -> None:
    """Write a graph to GEXF 1.3, atomically, as Gephi expects it.

    Args:
        G: Usually a relext graph; node ids must be ``str``.
        path: The file to write; replaced atomically.
        encoding: The file's encoding.
        prettyprint: Indent the XML.

    Raises:
        GraphFileError: If an attribute uses a name GEXF reserves (edge ``type``,
            ``start``, ``end``, ``id``, ``key`` …), a ``label`` is not a ``str`` or a
            ``weight`` is not a number; the message names it.

    Examples:
        >>> import tempfile, pathlib
        >>> G = nx.MultiDiGraph([("a", "b", {"label": "MEETS_WITH", "symmetric": True})])
        >>> write_gexf(G, pathlib.Path(tempfile.mkdtemp()) / "g.gexf")
    """
    _check_gexf_values(G)
    H = encode_graph(G, "GEXF", XML)
    node_labels = any("label" in d for _, d in G.nodes(data=True))
    edge_labels = any("label" in e[-1] for e in G.edges(data=True))
    edge_weights = any("weight" in e[-1] for e in G.edges(data=True))
    meta = dict(H.graph)
    meta["relext_gexf"] = {"node_labels": node_labels, "edge_labels": edge_labels, "edge_weights": edge_weights}
    multi = H.is_multigraph()
    edges = list(H.edges(keys=True, data=True)) if multi else [(u, v, None, d) for u, v, d in H.edges(data=True)]
    # G's edges are in H's order (encoding keeps it); dates are read from G's own values
    dates = [_edge_dates(e[-1]) for e in G.edges(data=True)]

    ET.register_namespace("", GEXF_NS)  # only files in GEXF 1.3's namespace are affected
    ET.register_namespace("viz", VIZ_NS)
    ET.register_namespace("xsi", _XSI)
    root = ET.Element(_q("gexf"), {"version": "1.3",
                                   f"{{{_XSI}}}schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd"})
    meta_el = ET.SubElement(root, _q("meta"))
    ET.SubElement(meta_el, _q("creator")).text = "relext"
    ET.SubElement(meta_el, _q("description")).text = json.dumps(meta, ensure_ascii=False, sort_keys=True)
    graph_attrs = {"defaultedgetype": "directed" if H.is_directed() else "undirected"}
    if any(dates):
        graph_attrs.update(mode="dynamic", timeformat="date", timerepresentation="interval")
    else:
        graph_attrs["mode"] = "static"
    graph = ET.SubElement(root, _q("graph"), graph_attrs)

    node_cols = _attribute_columns((d for _, d in H.nodes(data=True)), skip={"label"})
    edge_cols = _attribute_columns((d for *_, d in edges), skip={"label", "weight"})
    if multi:  # the edge key, typed like the keys
        edge_cols["key"] = "long" if H.graph.get("relext_edge_key_type") == "int" else "string"
    for cls, cols in (("node", node_cols), ("edge", edge_cols)):
        if cols:
            el = ET.SubElement(graph, _q("attributes"), {"class": cls, "mode": "static"})
            for i, (title, kind) in enumerate(cols.items()):
                ET.SubElement(el, _q("attribute"), {"id": f"{cls[0]}{i}", "title": title, "type": kind})

    degree = dict(H.degree())
    nodes_el = ET.SubElement(graph, _q("nodes"))
    for n, d in H.nodes(data=True):
        node = ET.SubElement(nodes_el, _q("node"), {"id": n, "label": str(d.get("label", d.get("name", n)))})
        _attvalues(node, d, node_cols, "n")
        r, g, b = TYPE_COLOURS.get(str(d.get("type", "")), _OTHER_COLOUR)
        ET.SubElement(node, f"{{{VIZ_NS}}}color", {"r": str(r), "g": str(g), "b": str(b), "a": "1.0"})
        ET.SubElement(node, f"{{{VIZ_NS}}}size", {"value": _number(8 + 6 * math.log2(1 + degree.get(n, 0)))})

    edges_el = ET.SubElement(graph, _q("edges"))
    for i, ((u, v, k, d), when) in enumerate(zip(edges, dates)):
        attrs = {"id": str(i), "source": u, "target": v}
        if "label" in d or "predicate" in d:
            attrs["label"] = str(d.get("label", d.get("predicate")))
        kind = d.get("predicate", k)
        if kind is not None:
            attrs["kind"] = str(kind)
        attrs["weight"] = _number(_weight(d))
        if H.is_directed() and d.get("symmetric") is True:
            attrs["type"] = "undirected"  # in a directed graph; the default is directed
        if when:
            attrs.update(start=when[0], end=when[-1])
        edge = ET.SubElement(edges_el, _q("edge"), attrs)
        row = dict(d)
        if multi:
            row["key"] = k
        _attvalues(edge, row, edge_cols, "e")
        if when:
            spells = ET.SubElement(edge, _q("spells"))
            for day in when:
                ET.SubElement(spells, _q("spell"), {"start": day, "end": day})
        r, g, b = _NEGATED_COLOUR if d.get("negated") is True else _EDGE_COLOUR
        ET.SubElement(edge, f"{{{VIZ_NS}}}color", {"r": str(r), "g": str(g), "b": str(b), "a": "1.0"})
    if prettyprint:
        ET.indent(root)
    tree = ET.ElementTree(root)
    with atomic_write(path, "wb") as fh:
        tree.write(fh, encoding=encoding, xml_declaration=True)


def read_gexf(path: PathLike) -> nx.Graph:
    """Read a GEXF file, decoding relext's JSON-encoded attributes.

    Args:
        path: A GEXF 1.3 file, or an older (1.1/1.2) one.

    Returns:
        For a file written by `write_gexf()`, the same class, node ids, edge keys
        and attributes as the graph written (an edge ``weight`` as float). Other
        GEXF files come back as a MultiDiGraph or MultiGraph with ``label``,
        ``weight`` and ``kind`` as attributes.

    Raises:
        GraphFileError: If the file is not valid GEXF; the message names the file.

    Examples:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.gexf"
        >>> write_gexf(nx.MultiDiGraph([("a", "b", "ATTENDS")]), p)
        >>> list(read_gexf(p).edges(keys=True))
        [('a', 'b', 'ATTENDS')]
    """
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError, ValueError) as err:
        raise GraphFileError(Errors.E020.format(path=path, msg=f"not valid GEXF ({err})")) from err
    if root.tag != _q("gexf"):
        return _read_older(path)
    try:
        H, meta = _read_13(root)
    except (KeyError, ValueError, TypeError, AttributeError) as err:
        raise GraphFileError(Errors.E020.format(path=path, msg=f"not valid GEXF 1.3 ({err!r})")) from err
    if meta is None:
        return H
    return decode_graph(H, str(path))


def _read_13(root: ET.Element) -> Tuple[nx.Graph, Optional[Dict[str, Any]]]:
    desc = root.find(f"{_q('meta')}/{_q('description')}")
    try:
        meta = json.loads(desc.text) if desc is not None and desc.text else None
    except ValueError:
        meta = None
    if not isinstance(meta, dict) or "relext_json_keys" not in meta:
        meta = None
    flags = meta.pop("relext_gexf", {}) if meta else {}
    graph = root.find(_q("graph"))
    directed = graph.get("defaultedgetype", "directed") != "undirected"
    H = nx.MultiDiGraph() if directed else nx.MultiGraph()
    cols: Dict[str, Dict[str, Tuple[str, str]]] = {"node": {}, "edge": {}}
    for attrs in graph.findall(_q("attributes")):
        for a in attrs.findall(_q("attribute")):
            cols[attrs.get("class", "node")][a.get("id")] = (a.get("title", a.get("id")), a.get("type", "string"))
    for node in graph.iterfind(f"{_q('nodes')}/{_q('node')}"):
        d = _values(node, cols["node"])
        if meta is None or flags.get("node_labels"):
            d["label"] = node.get("label", node.get("id"))
        H.add_node(node.get("id"), **d)
    for edge in graph.iterfind(f"{_q('edges')}/{_q('edge')}"):
        d = _values(edge, cols["edge"])
        key = d.pop("key", edge.get("id")) if meta is not None else edge.get("id")
        if meta is None:
            d.update({k: edge.get(k) for k in ("label", "kind") if edge.get(k) is not None})
            d["weight"] = float(edge.get("weight", 1.0))
        else:
            if flags.get("edge_labels") and edge.get("label") is not None:
                d["label"] = edge.get("label")
            if flags.get("edge_weights"):
                d["weight"] = float(edge.get("weight", 1.0))
        H.add_edge(edge.get("source"), edge.get("target"), key=key, **d)
    if meta is not None:
        H.graph.update(meta)
    return H, meta


def _read_older(path: PathLike) -> nx.Graph:
    """GEXF 1.1/1.2 files (relext wrote 1.2draft before it wrote 1.3)."""
    for version in ("1.2draft", "1.1draft"):
        reader = GEXFReader(node_type=None, version=version)
        reader.simple_graph = False
        try:
            with open(path, "rb") as fh:
                H = reader(fh)
        except nx.NetworkXError:
            continue
        except (ET.ParseError, KeyError, ValueError) as err:
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
            d.pop("id", None)
        if not meta.pop("relext_node_labels", True):
            for _, d in H.nodes(data=True):
                d.pop("label", None)
        H.graph.clear()
        H.graph.update(meta)
        return decode_graph(H, str(path))
    raise GraphFileError(Errors.E020.format(path=path, msg="not a GEXF file of version 1.1, 1.2 or 1.3"))


def _q(tag: str) -> str:
    return f"{{{GEXF_NS}}}{tag}"


def _number(x: Any) -> str:
    x = float(x)
    return str(int(x)) if x.is_integer() else repr(round(x, 6))


def _weight(d: Dict[str, Any]) -> float:
    """The GEXF weight: the edge's ``weight``, else its ``evidence_count``, else 1."""
    for name in ("weight", "evidence_count"):
        value = d.get(name)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
            return float(value)
    return 1.0


def _attribute_columns(dicts, skip: set) -> Dict[str, str]:
    cols: Dict[str, str] = {}
    for d in dicts:
        for k, v in d.items():
            if k in skip:
                continue
            kind = _TYPES[type(v)] if type(v) in _TYPES else "string"
            if cols.setdefault(k, kind) != kind:
                cols[k] = "string"
    return cols


def _attvalues(el: ET.Element, d: Dict[str, Any], cols: Dict[str, str], prefix: str) -> None:
    values = [(f"{prefix}{i}", d[title]) for i, title in enumerate(cols) if title in d and d[title] is not None]
    if not values:
        return
    parent = ET.SubElement(el, _q("attvalues"))
    for col, value in values:
        text = ("true" if value else "false") if isinstance(value, bool) else (
            repr(value) if isinstance(value, float) else str(value))
        ET.SubElement(parent, _q("attvalue"), {"for": col, "value": text})


def _values(el: ET.Element, cols: Dict[str, Tuple[str, str]]) -> Dict[str, Any]:
    out = {}
    for av in el.iterfind(f"{_q('attvalues')}/{_q('attvalue')}"):
        title, kind = cols[av.get("for")]
        out[title] = _PARSE.get(kind, str)(av.get("value"))
    return out


def _edge_dates(d: Dict[str, Any]) -> List[str]:
    """The ISO dates an edge carries: its ``dates`` attribute, or its evidence items' ``date``."""
    found = set()
    dates = d.get("dates")
    if isinstance(dates, (list, tuple, set)):
        found.update(x for x in dates if isinstance(x, str))
    elif isinstance(dates, str):
        found.add(dates)
    for item in d.get("evidence") or ():
        if isinstance(item, dict) and isinstance(item.get("date"), str):
            found.add(item["date"])
    return sorted(x[:10] for x in found if _DATE.match(x[:10]))


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
