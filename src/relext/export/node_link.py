"""node-link JSON (d3 style, ``"links"``), with lists and dicts kept as JSON.

Example:
    >>> import networkx as nx, tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.json"
    >>> write_node_link(nx.MultiDiGraph([("a", "b", "ATTENDS")]), p)
    >>> list(read_node_link(p).edges(keys=True))
    [('a', 'b', 'ATTENDS')]
"""
from __future__ import annotations

import json
import os
from typing import Any, Optional, Union

import networkx as nx

from ..errors import Errors
from ._atomic import atomic_write
from ._chars import UTF8
from ._encode import GraphFileError, check_names, cleaned, plain

__all__ = ["write_node_link", "read_node_link", "NODE_LINK_NAMES"]

PathLike = Union[str, "os.PathLike[str]"]

#: The names relext passes to networkx in both directions (networkx changed its defaults).
NODE_LINK_NAMES = {"source": "source", "target": "target", "name": "id", "key": "key", "edges": "links",
                   "nodes": "nodes"}


def write_node_link(G: nx.Graph, path: PathLike, *, indent: Optional[int] = None) -> None:
    """Write a graph as node-link JSON (``{"nodes": [...], "links": [...]}``), atomically.

    Args:
        G: Usually a relext graph.
        path: The ``.json`` file to write; replaced atomically.
        indent: Indentation for human reading; compact by default.

    Raises:
        GraphFileError: If a node attribute is named ``id`` or an edge attribute ``source``,
            ``target`` or ``key`` (node-link would overwrite them silently), or a value is
            not JSON (NaN, an object).

    Notes:
        Lists and dicts stay JSON arrays and objects. Each node is ``{"id": ..., attrs}``,
        each link ``{"source": ..., "target": ..., "key": ..., attrs}``; the graph's
        attributes are under ``"graph"``. This is the layout d3 and many web viewers expect.

    Examples:
        >>> import tempfile, pathlib
        >>> write_node_link(nx.MultiDiGraph(), pathlib.Path(tempfile.mkdtemp()) / "g.json")
    """
    G = cleaned(G, "node-link JSON", UTF8)
    check_names(G, "node-link JSON")
    data = nx.node_link_data(G, **NODE_LINK_NAMES)
    try:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False, indent=indent, default=_default)
    except (TypeError, ValueError) as err:
        raise GraphFileError(f"Graph cannot be written as node-link JSON to {path}: {err}") from err
    with atomic_write(path, "w") as fh:
        fh.write(text)


def read_node_link(path: PathLike) -> nx.Graph:
    """Read a node-link JSON file written by `write_node_link()`.

    Args:
        path: The ``.json`` file.

    Returns:
        Same class (from the ``directed``/``multigraph`` flags), node ids, keys and
        attributes; tuples come back as lists.

    Raises:
        GraphFileError: If the file is not node-link JSON; the message names the file.

    Examples:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.json"
        >>> write_node_link(nx.DiGraph([("a", "b")]), p)
        >>> type(read_node_link(p)).__name__
        'DiGraph'
    """
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        return nx.node_link_graph(data, directed=data.get("directed", True),
                                  multigraph=data.get("multigraph", True), **NODE_LINK_NAMES)
    except (ValueError, KeyError, TypeError, AttributeError, nx.NetworkXError) as err:
        raise GraphFileError(Errors.E020.format(path=path, msg=f"not node-link JSON ({err!r})")) from err


def _default(value: Any) -> Any:
    value = plain(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    if isinstance(value, (str, int, float, bool, list, dict)) or value is None:
        return value
    raise TypeError(f"{type(value).__name__} value {value!r:.60} is not JSON serialisable")
