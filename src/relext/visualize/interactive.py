"""``relext.plot_html``: a relext graph as one self-contained, interactive web page.

The page is drawn by vis-network (shipped with relext as package data, see
``assets/vis-network.LICENSE.txt``), from positions relext computes
(`.layout`), with a small script of relext's own (``assets/view.js``) for the
filters, the hover labels and the evidence panel. Everything is inline: the page
fetches nothing, opens offline, and can be mailed or archived.
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any, Dict, Iterable, List, Optional, Union

from .layout import Layout, graph_layout
from .selection import edge_dates, edge_evidence, node_degrees, select_graph, top_nodes
from .static import EDGE_LABEL_LIMIT, edge_label, graph_edges, node_color, node_label
from .style import (EDGE_COLOR, NEGATED_COLOR, OTHER_COLOR, TYPE_COLORS, escape_html, json_for_script, json_safe,
                    type_name)

__all__ = ["plot_html", "graph_view_data", "page_html", "asset_text"]

#: Evidence items per edge embedded in the page (the count says how many there are).
EVIDENCE_PER_EDGE = 20
_EVIDENCE_FIELDS = ("doc_id", "sentence", "start_char", "trigger", "trigger_start", "trigger_end", "rule",
                    "modality", "cue", "date")


def asset_text(name: str) -> str:
    """Return the text of one of the page's package data files (``view.js``, ``page.html`` …).

    Args:
        name: the file name in ``relext/visualize/assets``.

    Returns:
        The file's text.
    """
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf8")


def _str_list(value: Any) -> List[str]:
    """A list attribute as strings; a file format may have stored it as JSON or comma-separated text."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            value = value.split(",")
        if isinstance(value, str):
            value = [value]
    return [str(v) for v in json_safe(value or []) if str(v)] if isinstance(value, (list, tuple, set)) else []


def _docs_of(data: Dict[str, Any]) -> List[str]:
    """The documents an edge is stated in."""
    return sorted(set(_str_list(data.get("doc_ids"))) | {str(i["doc_id"]) for i in edge_evidence(data)
                                                          if i.get("doc_id")})


def _unclashed(nodes: List[Dict[str, Any]], order: List[int], font: float) -> set:
    """Indices of the nodes in ``order`` whose names, written below them, overlap no name
    written before (the width of a name is estimated from its length)."""
    taken, kept = [], set()
    for i in order:
        n = nodes[i]
        w, h = 0.55 * font * len(n["name"]) + 4, font * 1.2
        box = (n["x"] - w / 2, n["y"] + n["size"], n["x"] + w / 2, n["y"] + n["size"] + h)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken):
            continue
        taken.append(box)
        kept.add(i)
    return kept


def graph_view_data(G, *, layout: Layout = "forceatlas2", seed: int = 0, max_labels: int = 40,
                    edge_labels: Optional[bool] = None, isolates: bool = False) -> Dict[str, Any]:
    """Return the nodes, edges, positions and filter choices `plot_html` embeds, as JSON-ready data.

    Args:
        G: the graph to draw (already filtered).
        layout: see `relext.visualize.layout.graph_layout`.
        seed: seed of the force layout.
        max_labels: how many of the most connected nodes are named from the start
            (the others on hover).
        edge_labels: write predicates on the edges; default: with at most 40 edges.
        isolates: whether the page starts with nodes that have no shown edge.

    Returns:
        A dict with ``nodes`` (id, key, name, type, colour, size, x, y, degree,
        aliases, docs, top), ``edges`` (id, from, to, predicate, label, negated,
        symmetric, rank, evidence_count, evidence, docs, dates, confidence) and the
        page's settings.
    """
    pos = graph_layout(G, layout, seed=seed)
    degrees = node_degrees(G)
    ranked = top_nodes(G, max_labels, degrees)
    n = max(1, G.number_of_nodes())
    xs = [p[0] for p in pos.values()] or [0.0]
    ys = [p[1] for p in pos.values()] or [0.0]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    canvas = 450 + 60 * n ** 0.5  # in vis-network pixels: room for labels as graphs grow
    most = max(list(degrees.values()) + [1])
    index = {node: i for i, node in enumerate(G.nodes)}
    nodes = []
    for node, d in G.nodes(data=True):
        x, y = pos[node]
        nodes.append({"id": index[node], "key": str(node), "name": node_label(node, d), "type": type_name(d.get("type")),
                      "color": node_color(d), "degree": degrees.get(node, 0), "top": False,
                      "size": round(7 + 18 * (degrees.get(node, 0) / most) ** 0.5, 1),
                      "x": round(canvas * (x - min(xs)) / span, 1), "y": round(-canvas * (y - min(ys)) / span, 1),
                      "aliases": _str_list(d.get("aliases")), "docs": _str_list(d.get("doc_ids"))})
    font = 18 if n <= 100 else 16
    for i in _unclashed(nodes, [index[x] for x in ranked], font):
        nodes[i]["top"] = True
    edges, rank = [], {}
    for u, v, _, d in graph_edges(G):
        pair = frozenset((u, v))
        rank[pair] = rank.get(pair, -1) + 1
        evidence = [{k: json_safe(i.get(k)) for k in _EVIDENCE_FIELDS if i.get(k) is not None}
                    for i in edge_evidence(d)[:EVIDENCE_PER_EDGE]]
        confidence = d.get("confidence")
        edges.append({"id": len(edges), "from": index[u], "to": index[v], "predicate": str(d.get("predicate", "")),
                      "label": edge_label(d), "negated": bool(d.get("negated")), "symmetric": bool(d.get("symmetric")),
                      "rank": rank[pair], "evidence_count": int(d.get("evidence_count") or len(edge_evidence(d))),
                      "evidence": evidence, "docs": _docs_of(d), "dates": edge_dates(d),
                      "confidence": None if confidence is None else float(confidence)})
    types = sorted({x["type"] for x in nodes}, key=lambda t: (t not in TYPE_COLORS, list(TYPE_COLORS).index(t)
                                                               if t in TYPE_COLORS else 0, t))
    return {"nodes": nodes, "edges": edges, "directed": G.is_directed(), "isolates": bool(isolates),
            "colors": TYPE_COLORS, "other_color": OTHER_COLOR, "edge_color": EDGE_COLOR,
            "negated_color": NEGATED_COLOR, "types": types,
            "predicates": sorted({e["predicate"] for e in edges}),
            "documents": sorted({doc for e in edges for doc in e["docs"]}),
            "has_dates": any(e["dates"] for e in edges),
            "has_confidence": any(e["confidence"] is not None for e in edges),
            "edge_labels": bool(edge_labels) if edge_labels is not None else len(edges) <= EDGE_LABEL_LIMIT,
            "font": font}


def _legend_html(data: Dict[str, Any]) -> str:
    """The legend line of the page: a dot per entity type present, and the edge styles."""
    parts = [f'<span><span class="relext-dot" style="background:{data["colors"].get(t, OTHER_COLOR)}"></span>'
             f'{escape_html(t.lower() or "untyped")}</span>' for t in data["types"]]
    if data["edges"]:
        parts.append('<span><span class="relext-line"></span>relation (arrow: subject → object)</span>')
    if any(e["negated"] for e in data["edges"]):
        parts.append('<span class="relext-negated"><span class="relext-line relext-negated"></span>negated</span>')
    parts.append("<span>node size: number of neighbours</span>")
    return "".join(parts)


def page_html(data: Dict[str, Any], title: str) -> str:
    """Return the complete page for `graph_view_data`'s ``data``.

    Args:
        data: the view data.
        title: the page title and heading (escaped here).

    Returns:
        The HTML page (``<!DOCTYPE html>`` …), with the data, vis-network and the
        view script inline.
    """
    shown = sum(1 for e in data["edges"])
    summary = (f'{len(data["nodes"])} nodes, {shown} edges. '
               "Needs JavaScript to draw the graph.")
    help_text = ("<p>Click an edge to read the sentences that state it, with the trigger word marked; "
                 "click a node for its relations. Hover over a node for its name. "
                 "Drag to pan, scroll to zoom; the filters on the left apply at once.</p>")
    return Template(asset_text("page.html")).substitute(
        title=escape_html(title), style=asset_text("view.css"), legend=_legend_html(data), summary=summary,
        help=help_text, data=json_for_script(data), vis_network=asset_text("vis-network.min.js"),
        view=asset_text("view.js"))


def plot_html(G, path: Union[str, Path], *, layout: Layout = "forceatlas2", seed: int = 0, title: str = "relext graph",
              max_labels: int = 40, edge_labels: Optional[bool] = None, isolates: bool = False,
              types: Optional[Iterable[str]] = None, predicates: Optional[Iterable[str]] = None,
              documents: Optional[Iterable[str]] = None, since: Optional[str] = None, until: Optional[str] = None,
              min_confidence: Optional[float] = None, keep_negated: bool = True) -> Path:
    """Write a relext graph as one self-contained, interactive HTML page.

    Nodes are coloured by entity type (legend on top) and sized by their number of
    neighbours; the ``max_labels`` most connected are named, the others on hover.
    Arrows point from subject to object (both ways for symmetric relations);
    negated edges are dashed and red. Click an edge to read its evidence sentences
    with the trigger marked; click a node for its relations. The page filters by
    entity type, predicate, document, negation and, when the edges carry them, by
    date (``dates``) and ``confidence``. The filters given here are applied before
    the layout, see `relext.visualize.selection.select_graph`.

    Args:
        G: a networkx graph from `relext.build_graph` (node ``type``/``name``,
            edge ``predicate``/``negated``/``evidence``).
        path: the ``.html`` file to write (parent folders are created).
        layout: the layout, see `relext.visualize.layout.graph_layout`.
        seed: seed of the force layout.
        title: the page title and heading.
        max_labels: how many node names are written from the start.
        edge_labels: write predicates on the edges; default: with at most 40 edges.
        isolates: keep nodes without edges (hidden by default).
        types: keep only nodes of these entity types.
        predicates: keep only edges with these predicates.
        documents: keep only edges stated in these documents.
        since: keep only edges dated on or after this ISO date.
        until: keep only edges dated on or before this ISO date.
        min_confidence: keep only edges with at least this ``confidence`` (if they have one).
        keep_negated: keep negated edges.

    Returns:
        The path written.

    Example:
        >>> import networkx as nx
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("country:JPN", type="COUNTRY", name="Japan")
        >>> G.add_node("event:beijing-2022", type="EVENT", name="Beijing 2022 Winter Olympics")
        >>> _ = G.add_edge("country:JPN", "event:beijing-2022", predicate="ATTENDS", negated=True)
        >>> plot_html(G, "graph.html")      # doctest: +SKIP
        PosixPath('graph.html')
    """
    path = Path(path)
    H = select_graph(G, types=types, predicates=predicates, documents=documents, since=since, until=until,
                     min_confidence=min_confidence, keep_negated=keep_negated, isolates=isolates)
    data = graph_view_data(H, layout=layout, seed=seed, max_labels=max_labels, edge_labels=edge_labels,
                           isolates=isolates)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page_html(data, title), encoding="utf8")
    return path
