"""Write and read graphs by file name (``.graphml``, ``.gexf``, ``.json``, ``.csv``) or format name.

Example:
    >>> import networkx as nx, tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.gexf"
    >>> write_graph(nx.MultiDiGraph([("a", "b", "ATTENDS")]), p) == p
    True
    >>> read_graph(p).number_of_edges()
    1
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Dict, Optional, Union

import networkx as nx

from ..errors import Errors
from ._encode import GraphFileError
from .gexf import read_gexf, write_gexf
from .graphml import read_graphml, write_graphml
from .neo4j import write_neo4j
from .node_link import read_node_link, write_node_link
from .tables import csv_paths, read_csv, write_csv

__all__ = ["write_graph", "read_graph", "FORMATS"]

PathLike = Union[str, "os.PathLike[str]"]

#: format name -> (writer, reader, file extensions)
FORMATS: Dict[str, tuple] = {
    "graphml": (write_graphml, read_graphml, (".graphml", ".xml")),
    "gexf": (write_gexf, read_gexf, (".gexf",)),
    "json": (write_node_link, read_node_link, (".json",)),
    "csv": (write_csv, read_csv, (".csv",)),
    "neo4j": (write_neo4j, None, ()),  # a directory; chosen by format="neo4j" only
}
_ALIASES = {"node_link": "json", "node-link": "json", "nodelink": "json"}


def write_graph(G: nx.Graph, path: PathLike, format: Optional[str] = None, **kwargs: Any) -> Path:
    """Write a graph in the format its file name (or ``format``) names, atomically.

    Args:
        G: Usually a relext graph (from `relext.build_graph()` or
            `relext.collapse_graph()`).
        path: ``*.graphml`` (GraphML), ``*.gexf`` (GEXF 1.3), ``*.json`` (node-link
            JSON), ``*.csv`` (``*_nodes.csv`` + ``*_edges.csv`` + ``*_graph.json`` next
            to it), or an existing directory (CSV files inside it; Neo4j import files
            with ``format="neo4j"``).
        format: One of ``"graphml"``, ``"gexf"``, ``"json"``, ``"csv"``, ``"neo4j"``;
            overrides the extension (``"node_link"`` is an alias of ``"json"``).
            ``None`` (the default) picks the format from ``path``.
        **kwargs: Passed to the format's writer (e.g. ``indent=2`` for JSON).

    Returns:
        ``path``.

    Raises:
        GraphFileError: For an unknown format or extension, or a graph the format cannot hold.

    Examples:
        >>> import tempfile, pathlib
        >>> write_graph(nx.MultiDiGraph(), pathlib.Path(tempfile.mkdtemp()) / "g.dot")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        relext.export._encode.GraphFileError: [E021] Unknown output format '.dot'...
    """
    fmt = _format(path, format)
    FORMATS[fmt][0](G, path, **kwargs)
    return Path(path)


def read_graph(path: PathLike, format: Optional[str] = None) -> nx.Graph:
    """Read a graph written by `write_graph()` (or any GraphML/GEXF/node-link file).

    Args:
        path: As given to `write_graph()`.
        format: One of ``"graphml"``, ``"gexf"``, ``"json"``, ``"csv"``; overrides the
            extension. ``None`` (the default) picks the format from ``path``.

    Returns:
        The graph written, with lists and dicts decoded: same class, node ids, edge
        keys, attribute values and types.

    Raises:
        GraphFileError: If the file is missing, unreadable, of an unknown format, or
            (CSV) a mixture of two exports; the message names it. Neo4j import
            files are written only, not read.

    Examples:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.json"
        >>> _ = write_graph(nx.MultiDiGraph([("a", "b", "ATTENDS")]), p)
        >>> list(read_graph(p).edges(keys=True))
        [('a', 'b', 'ATTENDS')]
    """
    fmt = _format(path, format)
    if FORMATS[fmt][1] is None:
        raise GraphFileError(Errors.E020.format(path=path, msg=f"relext writes {fmt} files but does not read them"))
    probe = csv_paths(path)["graph"] if fmt == "csv" else Path(path)
    if not probe.exists():
        raise GraphFileError(Errors.E020.format(path=path, msg=f"{probe} does not exist"))
    return FORMATS[fmt][1](path)


def _format(path: PathLike, format: Optional[str]) -> str:
    if format is not None:
        fmt = _ALIASES.get(format.lower(), format.lower())
        if fmt not in FORMATS:
            raise GraphFileError(Errors.E021.format(fmt=format, known=", ".join(FORMATS)))
        return fmt
    p = Path(path)
    if p.is_dir():
        return "csv"
    for fmt, (_, _, exts) in FORMATS.items():
        if p.suffix.lower() in exts:
            return fmt
    raise GraphFileError(Errors.E021.format(fmt=p.suffix or str(p), known=", ".join(FORMATS)))
