"""``relext.plot``: a relext graph drawn with matplotlib, readable from 5 to 500 nodes."""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Dict, Iterable, List, Mapping, Optional, Tuple

from .layout import Layout, graph_layout
from .selection import node_degrees, select_graph, top_nodes
from .style import EDGE_COLOR, NEGATED_COLOR, NEGATION_MARK, OTHER_COLOR, TYPE_COLORS, relation_label, type_name

__all__ = ["plot", "node_color", "node_label", "edge_label", "graph_edges", "mathtext_safe"]

#: Above this many edges, edge labels are left out unless asked for.
EDGE_LABEL_LIMIT = 40


def node_color(data: Mapping[str, Any]) -> str:
    """Return the colour of a node from its ``type`` attribute (grey for other types)."""
    return TYPE_COLORS.get(type_name(data.get("type")), OTHER_COLOR)


def node_label(node: Any, data: Mapping[str, Any]) -> str:
    """Return a node's display name: its ``name`` attribute, else its id."""
    return str(data.get("name") or node)


def graph_edges(G) -> List[Tuple[Any, Any, Any, Dict[str, Any]]]:
    """Return ``(u, v, key, data)`` for every edge; ``key`` is None in a simple graph."""
    if G.is_multigraph():
        return [(u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True)]
    return [(u, v, None, d) for u, v, d in G.edges(data=True)]


def edge_label(data: Mapping[str, Any]) -> str:
    """Return ``ATTENDS`` / ``¬ATTENDS``; for a `relext.collapse_graph` edge, its predicates."""
    if "predicate" not in data and isinstance(data.get("predicates"), Mapping):
        keys = [str(k) for k in data["predicates"]]
        return ", ".join(NEGATION_MARK + k.split("|")[0] if k.endswith("|negated") else k for k in keys)
    return relation_label(data.get("predicate", ""), bool(data.get("negated", False)))


def mathtext_safe(text: str) -> str:
    r"""Return ``text`` with ``$`` escaped, so matplotlib draws it as written (no mathtext).

    Example:
        >>> mathtext_safe("$5 and $6")
        '\\$5 and \\$6'
    """
    return str(text).replace("$", r"\$")


def _node_sizes(nodes: List[Any], degrees: Mapping[Any, int], base: Optional[float]) -> List[float]:
    """Marker areas in points²: grow with the square root of the degree."""
    top = max([degrees.get(n, 0) for n in nodes] + [1])
    small, large = (base or 900) * 0.25, (base or 900) * 1.6
    if base is not None and len(nodes) <= 30:
        small = base
    return [small + (large - small) * (degrees.get(n, 0) / top) ** 0.5 for n in nodes]


def _max_parallel(edges) -> int:
    count: Dict[Tuple[Any, Any], int] = defaultdict(int)
    for u, v, *_ in edges:
        count[frozenset((u, v))] += 1
    return max(count.values(), default=1)


def plot(G, *, ax=None, layout: Layout = "forceatlas2", with_labels: bool = True, edge_labels: Optional[bool] = None,
         seed: int = 0, node_size: Optional[int] = None, font_size: Optional[int] = None, legend: bool = True,
         max_labels: int = 30, isolates: bool = False, types: Optional[Iterable[str]] = None,
         predicates: Optional[Iterable[str]] = None, documents: Optional[Iterable[str]] = None,
         since: Optional[str] = None, until: Optional[str] = None, min_confidence: Optional[float] = None,
         keep_negated: bool = True, title: Optional[str] = None):
    """Draw a relext graph with matplotlib.

    Nodes are coloured by entity type (a colour-blind-safe palette, with a legend) and
    sized by their number of neighbours; the ``max_labels`` most connected nodes are
    named, with a white halo. Edges end in an arrowhead outside the target node
    (both ends for symmetric relations); negated edges are dashed and red. Edge labels
    (the predicate, ``¬PREDICATE`` when negated) are drawn on graphs of up to 40
    edges. Nodes without edges are left out unless ``isolates=True``. The filters
    (``types``, ``predicates``, ``documents``, ``since``/``until``, ``min_confidence``,
    ``keep_negated``) are applied before the layout, see
    `relext.visualize.selection.select_graph`.

    Args:
        G: a networkx graph from `relext.build_graph` (any graph with those
            attributes works; missing ones fall back to the node id and grey).
        ax: the matplotlib Axes to draw on; default a new figure's.
        layout: see `relext.visualize.layout.graph_layout`.
        with_labels: write node names (of the ``max_labels`` most connected nodes).
        edge_labels: write predicates on the edges; default: when there are at most 40 edges.
        seed: seed of the force layout.
        node_size: marker area in points² of a node of average degree; default 900
            (smaller on big graphs).
        font_size: size of the node labels; default by graph size (edge labels one point smaller).
        legend: add a legend of the entity types and edge styles present.
        max_labels: how many node names to write.
        isolates: keep nodes that have no edge.
        types: draw only nodes of these entity types.
        predicates: draw only edges with these predicates.
        documents: draw only edges stated in these documents.
        since: draw only edges dated on or after this ISO date.
        until: draw only edges dated on or before this ISO date.
        min_confidence: draw only edges with at least this ``confidence`` (if they have one).
        keep_negated: draw negated edges.
        title: a title over the picture.

    Returns:
        The matplotlib ``Axes``.

    Raises:
        ImportError: without matplotlib.

    Example:
        >>> import networkx as nx
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("person:putin", type="PERSON", name="Vladimir Putin")
        >>> G.add_node("event:beijing-2022", type="EVENT", name="Beijing 2022 Winter Olympics")
        >>> _ = G.add_edge("person:putin", "event:beijing-2022", predicate="ATTENDS", negated=False)
        >>> ax = plot(G)                    # doctest: +SKIP
        >>> ax.figure.savefig("graph.png")  # doctest: +SKIP
    """
    try:
        import matplotlib.pyplot as plt
        from matplotlib import patheffects
        from matplotlib.lines import Line2D
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError("relext.plot needs matplotlib: pip install 'relext[viz]' (or pip install matplotlib).") from err
    import networkx as nx

    G = select_graph(G, types=types, predicates=predicates, documents=documents, since=since, until=until,
                     min_confidence=min_confidence, keep_negated=keep_negated, isolates=isolates)
    n = G.number_of_nodes()
    if ax is None:
        side = min(16, 6 + 0.08 * n)
        _, ax = plt.subplots(figsize=(side * 1.25, side))
    font_size = font_size or (10 if n <= 60 else 9)
    pos = graph_layout(G, layout, seed=seed)
    nodes = list(G.nodes)
    degrees = node_degrees(G)
    base = node_size if node_size is not None else (900 if n <= 30 else 500 if n <= 100 else 250)
    sizes = _node_sizes(nodes, degrees, base)
    edges = graph_edges(G)
    if edges:
        edgelist = [(u, v, k) if G.is_multigraph() else (u, v) for u, v, k, _ in edges]
        styles = ["--" if d.get("negated") else "-" for *_, d in edges]
        colors = [NEGATED_COLOR if d.get("negated") else EDGE_COLOR for *_, d in edges]
        # the i-th edge between two nodes gets the i-th curvature, so parallel edges part
        curves = [f"arc3,rad={0.08 + 0.22 * i}" for i in range(max(1, _max_parallel(edges)))]
        heads = ["<|-|>" if d.get("symmetric") else "-|>" for *_, d in edges]
        thin = n > 100
        nx.draw_networkx_edges(G, pos, edgelist=edgelist, nodelist=nodes, ax=ax, style=styles, edge_color=colors,
                               width=0.8 if thin else 1.3, alpha=0.6 if thin else 0.9, arrows=True,
                               arrowstyle=heads, arrowsize=8 if thin else 14, node_size=sizes,
                               connectionstyle=curves, min_target_margin=2, min_source_margin=2)
        if edge_labels or (edge_labels is None and len(edges) <= EDGE_LABEL_LIMIT):
            labels = {e: mathtext_safe(edge_label(d)) for e, (*_, d) in zip(edgelist, edges)}
            nx.draw_networkx_edge_labels(G, pos, edge_labels=labels, ax=ax, font_size=max(6, font_size - 2),
                                         node_size=sizes, nodelist=nodes, connectionstyle=curves,
                                         font_color="#333", bbox={"boxstyle": "round,pad=0.15", "fc": "white",
                                                                  "ec": "none", "alpha": 0.8})
    nx.draw_networkx_nodes(G, pos, nodelist=nodes, ax=ax, node_size=sizes, edgecolors="#333", linewidths=0.7,
                           node_color=[node_color(G.nodes[x]) for x in nodes])
    if with_labels and nodes:
        _node_labels(ax, G, pos, top_nodes(G, max_labels, degrees), dict(zip(nodes, sizes)), font_size, patheffects)
    if legend:
        _legend(ax, G, edges, max(9, font_size), Line2D)
    if not nodes:
        ax.text(0.5, 0.5, "Nothing to draw: no relation passes the filters.",
                ha="center", va="center", transform=ax.transAxes, fontsize=font_size + 2, color="#666")
    if title:
        ax.set_title(mathtext_safe(title), fontsize=font_size + 3)
    ax.set_axis_off()
    ax.margins(0.06)
    return ax


def _node_labels(ax, G, pos, chosen, size_of, font_size, patheffects) -> None:
    """Write the names of ``chosen`` nodes below them, most connected first; a name that
    would overlap one already written is left out (it is still in the interactive view)."""
    halo = [patheffects.withStroke(linewidth=3, foreground="white")]
    try:
        renderer = ax.figure.canvas.get_renderer()
    except AttributeError:  # pragma: no cover - a backend without a renderer: write them all
        renderer = None
    taken = []
    for node in chosen:
        x, y = pos[node]
        # below the node: the offset in points grows with the marker's radius
        text = ax.annotate(mathtext_safe(node_label(node, G.nodes[node])), (x, y),
                           xytext=(0, -(size_of[node] ** 0.5) / 2 - 1), textcoords="offset points", ha="center",
                           va="top", fontsize=font_size, color="#111", path_effects=halo, zorder=5,
                           bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.6})
        if renderer is None:
            continue
        box = text.get_window_extent(renderer).padded(1)
        if any(box.overlaps(other) for other in taken):
            text.remove()
        else:
            taken.append(box)


def _legend(ax, G, edges, font_size: int, Line2D) -> None:
    """Add a legend of the entity types present and of the edge styles used."""
    present = {type_name(d.get("type")) for _, d in G.nodes(data=True)}
    handles = [Line2D([], [], marker="o", linestyle="", markersize=10, markerfacecolor=TYPE_COLORS[t],
                      markeredgecolor="#333", label=t.lower()) for t in TYPE_COLORS if t in present]
    if present - set(TYPE_COLORS):
        handles.append(Line2D([], [], marker="o", linestyle="", markersize=10, markerfacecolor=OTHER_COLOR,
                              markeredgecolor="#333", label="other"))
    if edges:
        handles.append(Line2D([], [], color=EDGE_COLOR, marker=">", markevery=[1], label="relation →"))
    if any(d.get("negated") for *_, d in edges):
        handles.append(Line2D([], [], color=NEGATED_COLOR, linestyle="--", label="negated"))
    if handles:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=font_size,
                  frameon=False, title="entity type", title_fontsize=font_size)
