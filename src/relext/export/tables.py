"""Flat tables: ``nodes.csv`` + ``edges.csv`` (+ ``graph.json``), and pandas frames.

Example
-------
>>> import networkx as nx, tempfile
>>> G = nx.MultiDiGraph()
>>> _ = G.add_edge("a", "b", key="ATTENDS", doc_ids=["d1"])
>>> paths = write_csv(G, tempfile.mkdtemp())
>>> sorted(paths)
['edges', 'graph', 'nodes']
"""
from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any, Dict, Iterable, List, Tuple, Union

import networkx as nx

from ..errors import Errors
from ._atomic import atomic_write
from ._encode import GraphFileError, decode_graph, encode_graph

__all__ = ["write_csv", "read_csv", "to_frames", "csv_paths"]

PathLike = Union[str, "os.PathLike[str]"]
_TYPES = {"str": str, "int": int, "float": float, "bool": bool}


def csv_paths(path: PathLike, prefix: str = "") -> Dict[str, Path]:
    """The three files of a CSV export: ``{"nodes": ..., "edges": ..., "graph": ...}``.

    ``path`` is a directory; a path ending in ``.csv`` means its directory with the
    file stem as prefix (``out/run.csv`` -> ``out/run_nodes.csv``, ``out/run_edges.csv``,
    ``out/run_graph.json``).

    Examples
    --------
    >>> csv_paths("out", prefix="g_")["nodes"].as_posix()
    'out/g_nodes.csv'
    >>> csv_paths("out/run.csv")["graph"].as_posix()
    'out/run_graph.json'
    """
    path = Path(path)
    if path.suffix.lower() == ".csv":
        path, prefix = path.parent, f"{path.stem}_{prefix}"
    return {"nodes": path / f"{prefix}nodes.csv", "edges": path / f"{prefix}edges.csv",
            "graph": path / f"{prefix}graph.json"}


def write_csv(G: nx.Graph, path: PathLike, *, prefix: str = "") -> Dict[str, Path]:
    """Write ``nodes.csv``, ``edges.csv`` and ``graph.json``, each atomically.

    Parameters
    ----------
    G : networkx graph
        Usually a relext graph; node ids must be ``str``.
    path : str or os.PathLike
        A directory (created if missing), or ``dir/name.csv`` for files prefixed
        ``name_`` in ``dir``.
    prefix : str, default ""
        Prefix of the three file names.

    Returns
    -------
    dict
        ``{"nodes": Path, "edges": Path, "graph": Path}``.

    Raises
    ------
    GraphFileError
        On reserved attribute names (which would clash with the ``id``, ``source``,
        ``target``, ``key`` columns) or non-str node ids.

    Notes
    -----
    ``nodes.csv`` has an ``id`` column, ``edges.csv`` ``source``, ``target`` and, for
    multigraphs, ``key`` columns (the names Gephi's spreadsheet import recognises),
    then one column per attribute. Lists and dicts are JSON strings, an empty cell
    means "no value". ``graph.json`` holds the graph attributes, the column types and
    which columns are JSON, so :func:`read_csv` restores the graph exactly (except
    empty strings, which come back as absent). Each file is replaced atomically, one
    after the other.

    Examples
    --------
    >>> import tempfile
    >>> d = tempfile.mkdtemp()
    >>> _ = write_csv(nx.MultiDiGraph([("a", "b", "ATTENDS")]), d)
    >>> open(f"{d}/edges.csv").read().splitlines()[1]
    'a,b,ATTENDS'
    """
    H = encode_graph(G, "CSV")
    paths = csv_paths(path, prefix)
    paths["nodes"].parent.mkdir(parents=True, exist_ok=True)
    multi = H.is_multigraph()
    node_rows = [{"id": n, **d} for n, d in H.nodes(data=True)]
    if multi:
        edge_rows = [{"source": u, "target": v, "key": k, **d} for u, v, k, d in H.edges(keys=True, data=True)]
    else:
        edge_rows = [{"source": u, "target": v, **d} for u, v, d in H.edges(data=True)]
    node_cols = ["id", *_columns(d for _, d in H.nodes(data=True))]
    edge_cols = ["source", "target", *(["key"] if multi else []), *_columns(r for *_, r in H.edges(data=True))]
    meta = {
        "graph": dict(H.graph),
        "columns": {"node": _types(node_rows, node_cols[1:]), "edge": _types(edge_rows, edge_cols[2:])},
    }
    for name, rows, cols in (("nodes", node_rows, node_cols), ("edges", edge_rows, edge_cols)):
        with atomic_write(paths[name], "w") as fh:
            writer = csv.DictWriter(fh, fieldnames=cols, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    with atomic_write(paths["graph"], "w") as fh:
        json.dump(meta, fh, ensure_ascii=False, indent=1)
    return paths


def read_csv(path: PathLike, *, prefix: str = "") -> nx.Graph:
    """Read a graph written by :func:`write_csv`.

    Parameters
    ----------
    path : str or os.PathLike
        The directory (or ``dir/name.csv``) given to :func:`write_csv`.
    prefix : str, default ""

    Returns
    -------
    networkx graph

    Raises
    ------
    GraphFileError
        If a file is missing or a cell does not match its column type; the message
        names the file.

    Examples
    --------
    >>> import tempfile
    >>> d = tempfile.mkdtemp()
    >>> _ = write_csv(nx.MultiDiGraph([("a", "b", "ATTENDS")]), d)
    >>> list(read_csv(d).edges(keys=True))
    [('a', 'b', 'ATTENDS')]
    """
    paths = csv_paths(path, prefix)
    try:
        meta = json.loads(paths["graph"].read_text(encoding="utf-8"))
        types = meta["columns"]
        H = nx.MultiDiGraph() if "relext_edge_key_type" in meta["graph"] else nx.DiGraph()
        H.graph.update(meta["graph"])
        for row in _rows(paths["nodes"]):
            n = row.pop("id")
            H.add_node(n, **_typed(row, types["node"], paths["nodes"]))
        for row in _rows(paths["edges"]):
            u, v = row.pop("source"), row.pop("target")
            if H.is_multigraph():
                H.add_edge(u, v, key=row.pop("key"), **_typed(row, types["edge"], paths["edges"]))
            else:
                H.add_edge(u, v, **_typed(row, types["edge"], paths["edges"]))
    except (OSError, ValueError, KeyError) as err:
        if isinstance(err, GraphFileError):
            raise
        raise GraphFileError(Errors.E020.format(path=path, msg=f"not a relext CSV export ({err!r})")) from err
    return decode_graph(H, str(path))


def _columns(dicts: Iterable[Dict[str, Any]]) -> List[str]:
    cols: Dict[str, None] = {}
    for d in dicts:
        cols.update(dict.fromkeys(d))
    return list(cols)


def _types(rows: List[Dict[str, Any]], cols: List[str]) -> Dict[str, str]:
    out = {}
    for c in cols:
        kinds = {type(r[c]).__name__ for r in rows if c in r}
        out[c] = kinds.pop() if len(kinds) == 1 else "str"
    return out


def _rows(path: Path) -> Iterable[Dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


def _typed(row: Dict[str, str], types: Dict[str, str], path: Path) -> Dict[str, Any]:
    out = {}
    for k, v in row.items():
        if v == "" or v is None:
            continue
        t = types.get(k, "str")
        try:
            out[k] = (v == "True") if t == "bool" else _TYPES.get(t, str)(v)
        except ValueError as err:
            raise GraphFileError(f"{path}: column '{k}' should hold {t} values, found {v!r}.") from err
    return out


def to_frames(data: Any) -> Tuple["pandas.DataFrame", "pandas.DataFrame"]:  # noqa: F821
    """Entities and relations as two pandas DataFrames.

    Parameters
    ----------
    data : networkx graph, or iterable of Extraction or dict
        A relext graph gives one row per node and one per edge; extractions give
        one row per entity and one per relation of each document.

    Returns
    -------
    (entities, relations) : tuple of pandas.DataFrame
        From a graph: ``entities`` has ``entity_id`` plus the node attributes;
        ``relations`` has ``subject``, ``object``, ``key`` (multigraphs) plus the edge
        attributes (lists stay Python lists).
        From extractions: ``entities`` has ``doc_id, entity_id, name, type,
        mention_count, aliases, attributes``; ``relations`` has ``doc_id, subject,
        predicate, object, negated, modality, symmetric, reported_by, sentence,
        start_char, end_char, trigger, trigger_start, trigger_end, rule, cue``.

    Examples
    --------
    >>> ents, rels = to_frames(nx.MultiDiGraph([("a", "b", "ATTENDS")]))
    >>> list(rels.columns), len(ents)
    (['subject', 'object', 'key'], 2)
    """
    import pandas as pd

    if isinstance(data, nx.Graph):
        ents = pd.DataFrame([{"entity_id": n, **d} for n, d in data.nodes(data=True)])
        if data.is_multigraph():
            rows = [{"subject": u, "object": v, "key": k, **d} for u, v, k, d in data.edges(keys=True, data=True)]
            base = ["subject", "object", "key"]
        else:
            rows = [{"subject": u, "object": v, **d} for u, v, d in data.edges(data=True)]
            base = ["subject", "object"]
        if ents.empty:
            ents = pd.DataFrame(columns=["entity_id"])
        rels = pd.DataFrame(rows, columns=base + _columns(r for *_, r in data.edges(data=True)))
        return ents, rels
    from ..graph._state import as_extractions

    ent_cols = ["doc_id", "entity_id", "name", "type", "mention_count", "aliases", "attributes"]
    rel_cols = ["doc_id", "subject", "predicate", "object", "negated", "modality", "symmetric", "reported_by",
                "sentence", "start_char", "end_char", "trigger", "trigger_start", "trigger_end", "rule", "cue"]
    ents, rels = [], []
    for ex in as_extractions(data):
        for e in ex.entities:
            ents.append([ex.doc_id, e.id, e.name, e.type.value, len(e.mentions), e.aliases, dict(e.attributes)])
        for r in ex.relations:
            ev = r.evidence
            rels.append([ex.doc_id, r.subject, r.predicate, r.object, r.negated, r.modality.value, r.symmetric,
                         r.source, ev.sentence, ev.start_char, ev.end_char, ev.trigger, ev.trigger_start,
                         ev.trigger_end, ev.rule, ev.cue])
    return pd.DataFrame(ents, columns=ent_cols), pd.DataFrame(rels, columns=rel_cols)

