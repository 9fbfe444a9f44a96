"""Write relext graphs to GraphML, GEXF, node-link JSON, CSV and Neo4j, and read them back.

Every writer is atomic (temp file in the same directory, fsync, ``os.replace``) and
encodes lists and dicts as documented in ``docs/graph.md``; every reader decodes
them, so ``read_graph(write_graph(G, p))`` gives ``G`` back.

Example:
    >>> import networkx as nx, tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("country:FRA", aliases=["France"])
    >>> _ = write_graph(G, p)
    >>> read_graph(p).nodes["country:FRA"]["aliases"]
    ['France']
"""
from __future__ import annotations

from ._encode import GraphFileError
from .annotations import write_annotations
from .dispatch import FORMATS, read_graph, write_graph
from .gexf import read_gexf, write_gexf
from .graphml import read_graphml, write_graphml
from .neo4j import check_neo4j_files, write_neo4j
from .node_link import read_node_link, write_node_link
from .tables import read_csv, to_frames, write_csv

__all__ = [
    "write_graph",
    "read_graph",
    "write_graphml",
    "read_graphml",
    "write_gexf",
    "read_gexf",
    "write_node_link",
    "read_node_link",
    "write_csv",
    "read_csv",
    "to_frames",
    "write_neo4j",
    "check_neo4j_files",
    "write_annotations",
    "GraphFileError",
    "FORMATS",
]
