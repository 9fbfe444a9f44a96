"""Node positions for the graph pictures: each connected component laid out on its own, then packed.

One force layout of a whole news graph pulls every hub to the centre and pushes small
components to the corners. Here each component gets a force layout of its own (numpy
only: no scipy needed at any size), sized by its node count, and the components are
packed in rows, largest first, so clusters stay apart and isolated pairs do not eat
the canvas.

Example:
    >>> import networkx as nx
    >>> pos = graph_layout(nx.path_graph(3), "circular")
    >>> sorted(pos)
    [0, 1, 2]
"""
from __future__ import annotations

import warnings
from typing import Any, Callable, Dict, Mapping, Tuple, Union

__all__ = ["graph_layout", "pack_components", "spread", "LAYOUTS"]

#: The names `graph_layout` accepts.
LAYOUTS = ("spring", "forceatlas2", "circular", "shell", "kamada_kawai")

Layout = Union[str, Mapping[Any, Tuple[float, float]], Callable[[Any], Mapping[Any, Tuple[float, float]]]]


def _skeleton(G):
    """Return the simple undirected graph of ``G`` without self-loops (what layouts should see)."""
    import networkx as nx

    skeleton = nx.Graph()
    skeleton.add_nodes_from(sorted(G, key=str))
    skeleton.add_edges_from(sorted(((u, v) for u, v in G.edges() if u != v), key=str))
    return skeleton


#: Above this many nodes in one component the force layouts (dense numpy, memory and
#: time growing with the square of the size) give way to a cheaper one.
DENSE_LIMIT = 2000


def _has_scipy() -> bool:
    try:
        import scipy  # noqa: F401
    except ImportError:
        return False
    return True


def _spring(seed: int) -> Callable[[Any, float], Mapping]:
    import networkx as nx

    def lay_out(H, size: float) -> Mapping:
        n = H.number_of_nodes()
        if n == 1:
            return {next(iter(H)): (0.0, 0.0)}
        if n >= 500 and not _has_scipy():  # networkx's spring layout needs scipy from 500 nodes
            return _forceatlas2(seed)(H, size)
        return nx.spring_layout(H, seed=seed, iterations=300 if n < 300 else 100, weight=None,
                                k=1.6 / n ** 0.5, method="force", scale=size / 2, center=(0, 0))
    return lay_out


def _fa2_iterations(n: int) -> int:
    """ForceAtlas2 rounds for a component of ``n`` nodes: 300 up to ~300 nodes, fewer above
    (each round costs n² work), never under 30."""
    return int(min(300, max(30, 3e7 / n ** 2)))


def _forceatlas2(seed: int) -> Callable[[Any, float], Mapping]:
    import networkx as nx
    import numpy as np

    def lay_out(H, size: float) -> Mapping:
        n = H.number_of_nodes()
        if n < 3:
            return {node: (0.6 * size * (i - (n - 1) / 2), 0.0) for i, node in enumerate(H)}
        if n > DENSE_LIMIT:
            warnings.warn(f"A component of {n} nodes is laid out roughly (above {DENSE_LIMIT} nodes the force "
                          f"layout would take minutes); filter the graph first for a readable picture.",
                          stacklevel=4)
            if _has_scipy():
                return nx.spring_layout(H, seed=seed, iterations=50, weight=None, scale=size / 2, center=(0, 0))
            return {node: tuple((p - 0.5) * size) for node, p in nx.random_layout(H, seed=seed).items()}
        degree = dict(H.degree())
        # distributed_action ("dissuade hubs") pushes hubs out of the centre; node_size
        # (in layout units) keeps large nodes from overlapping
        pos = nx.forceatlas2_layout(H, seed=seed, max_iter=_fa2_iterations(n), distributed_action=True,
                                    scaling_ratio=4.0, gravity=1.0, node_size={x: 1 + degree[x] ** 0.5 for x in H})
        xy = np.array([pos[x] for x in H], dtype=float)
        xy -= xy.mean(axis=0)
        xy *= (size / 2) / (np.abs(xy).max() or 1.0)
        return {x: tuple(p) for x, p in zip(H, xy)}
    return lay_out


def spread(pos: Mapping[Any, Tuple[float, float]], min_dist: float, rounds: int = 60) -> Dict[Any, Tuple[float, float]]:
    """Return ``pos`` with nodes closer than ``min_dist`` pushed apart (a few rounds, numpy only).

    Args:
        pos: ``{node: (x, y)}``.
        min_dist: the smallest distance wanted between two nodes.
        rounds: how many push rounds at most.

    Returns:
        The new positions.

    Example:
        >>> p = spread({"a": (0.0, 0.0), "b": (0.1, 0.0)}, 1.0)
        >>> round(abs(p["a"][0] - p["b"][0]), 2) >= 0.99
        True
    """
    import numpy as np

    nodes = list(pos)
    if len(nodes) < 2 or len(nodes) > 3000:
        return dict(pos)
    xy = np.array([pos[n] for n in nodes], dtype=float)
    jitter = np.random.default_rng(0).normal(scale=min_dist * 1e-3, size=xy.shape)
    if len(nodes) > 500:  # each round costs n² work
        rounds = min(rounds, 15)
    for _ in range(rounds):
        diff = xy[:, None, :] - xy[None, :, :]
        dist = np.sqrt((diff ** 2).sum(-1)) + np.eye(len(nodes))
        overlap = np.clip(min_dist - dist, 0, None)
        np.fill_diagonal(overlap, 0)
        if overlap.max() < min_dist * 0.02:
            break
        push = (diff / np.maximum(dist, 1e-9)[..., None] * overlap[..., None] / 2).sum(axis=1)
        xy += push + jitter * (np.abs(push).sum(1, keepdims=True) > 0)
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, xy)}


def pack_components(G, lay_out: Callable[[Any, float], Mapping]) -> Dict[Any, Tuple[float, float]]:
    """Lay out each connected component of ``G`` with ``lay_out`` and pack them, largest first.

    Components are laid out at a size that grows with the square root of their node
    count (about one unit per node), spread so no two nodes are closer than half a
    unit, and packed in rows. When one component holds most of the graph, the
    others are packed in a column beside it rather than in a row across the top.

    Args:
        G: an undirected networkx graph.
        lay_out: ``f(component_subgraph, size) -> {node: (x, y)}`` with positions
            within ``size / 2`` of the origin.

    Returns:
        ``{node: (x, y)}`` for every node of ``G``.

    Example:
        >>> import networkx as nx
        >>> pos = pack_components(nx.Graph([(1, 2), (3, 4)]), lambda H, s: {n: (0.0, 0.0) for n in H})
        >>> pos[1] != pos[3]
        True
    """
    import networkx as nx

    comps = sorted((sorted(c, key=str) for c in nx.connected_components(G)), key=lambda c: (-len(c), str(c[0])))
    if not comps:
        return {}
    sizes = [max(0.8, len(c) ** 0.5) for c in comps]
    gap, pos = 0.5, {}

    def place(items, left: float, top: float, width: float) -> None:
        x, y, row_h = left, top, 0.0
        for comp, size in items:
            if x > left and x + size > left + width:
                x, y, row_h = left, y - row_h - gap, 0.0
            laid = spread(lay_out(G.subgraph(comp), size), 0.5) if len(comp) > 1 else {comp[0]: (0.0, 0.0)}
            xs = [p[0] for p in laid.values()]
            ys = [p[1] for p in laid.values()]
            cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
            for node, (px, py) in laid.items():
                pos[node] = (x + size / 2 + px - cx, y - size / 2 + py - cy)
            x += size + gap
            row_h = max(row_h, size)

    rest = list(zip(comps, sizes))
    if len(comps) > 1 and sizes[0] ** 2 > 0.5 * sum(s * s for s in sizes):
        place(rest[:1], 0.0, 0.0, sizes[0])
        place(rest[1:], sizes[0] + gap, 0.0, max(sizes[1], 0.35 * sizes[0]))
    else:
        place(rest, 0.0, 0.0, max(sizes + [1.6 * sum(s * s for s in sizes) ** 0.5]))  # wider than tall
    return pos


def graph_layout(G, layout: Layout = "forceatlas2", *, seed: int = 0) -> Dict[Any, Tuple[float, float]]:
    """Return node positions for `relext.plot` and `relext.plot_html`.

    Args:
        G: a networkx graph.
        layout: ``"forceatlas2"`` (networkx's ForceAtlas2 per connected component,
            with hubs pushed apart, components packed), ``"spring"`` (the same with
            Fruchterman-Reingold),
            ``"circular"``, ``"shell"``, ``"kamada_kawai"`` (needs scipy), a ready
            ``{node: (x, y)}`` mapping, or a function ``f(G) -> pos``.
        seed: random seed of the force layouts, so pictures are reproducible.

    Returns:
        ``{node: (x, y)}`` for every node.

    Raises:
        ValueError: for an unknown layout name or a mapping that misses nodes.
        ImportError: for ``"kamada_kawai"`` without scipy.

    Example:
        >>> import networkx as nx
        >>> pos = graph_layout(nx.path_graph(3), "circular")
        >>> sorted(pos)
        [0, 1, 2]
    """
    import networkx as nx

    if isinstance(layout, Mapping):
        missing = [n for n in G if n not in layout]
        if missing:
            raise ValueError(f"The layout has no position for {len(missing)} node(s), e.g. {missing[0]!r}; "
                             f"give a position for every node of the graph.")
        return {n: tuple(layout[n]) for n in G}
    if callable(layout):
        return dict(layout(G))
    if len(G) == 0:
        return {}
    if layout == "spring":
        return pack_components(_skeleton(G), _spring(seed))
    if layout == "forceatlas2":
        return pack_components(_skeleton(G), _forceatlas2(seed))
    if layout == "circular":
        return nx.circular_layout(G)
    if layout == "shell":
        return nx.shell_layout(G)
    if layout == "kamada_kawai":
        if not _has_scipy():
            raise ImportError("The kamada_kawai layout needs scipy (pip install scipy); "
                              "the default 'forceatlas2' layout does not.")
        return nx.kamada_kawai_layout(G)
    raise ValueError(f"Unknown layout {layout!r}. Use one of {', '.join(map(repr, LAYOUTS))}, "
                     f"a {{node: (x, y)}} mapping or a function of the graph.")
