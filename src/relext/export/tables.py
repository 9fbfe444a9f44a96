"""Flat tables: ``nodes.csv`` + ``edges.csv`` (+ ``graph.json``), and pandas frames.

Example:
    >>> import networkx as nx, tempfile
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("a", "b", key="ATTENDS", doc_ids=["d1"])
    >>> paths = write_csv(G, tempfile.mkdtemp())
    >>> sorted(paths)
    ['edges', 'graph', 'nodes']
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from pathlib import Path
from typing import Any, Dict, Iterable, List, Tuple, Union

import networkx as nx

from ..errors import Errors
from ._atomic import atomic_write_set, file_digest
from ._encode import GraphFileError, decode_graph, encode_graph

__all__ = ["write_csv", "read_csv", "to_frames", "csv_paths", "guard_cell"]

PathLike = Union[str, "os.PathLike[str]"]
_TYPES = {"str": str, "int": int, "float": float, "bool": bool}


def csv_paths(path: PathLike, prefix: str = "") -> Dict[str, Path]:
    """The three files of a CSV export: ``{"nodes": ..., "edges": ..., "graph": ...}``.

    ``path`` is a directory; a path ending in ``.csv`` means its directory with the
    file stem as prefix (``out/run.csv`` -> ``out/run_nodes.csv``, ``out/run_edges.csv``,
    ``out/run_graph.json``).

    Examples:
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


def write_csv(G: nx.Graph, path: PathLike, *, prefix: str = "", safe_cells: bool = True) -> Dict[str, Path]:
    """Write ``nodes.csv``, ``edges.csv`` and ``graph.json``, replaced as a set.

    ``nodes.csv`` has an ``id`` column, ``edges.csv`` ``source``, ``target`` and, for
    multigraphs, ``key`` columns (the names Gephi's spreadsheet import recognises),
    then ``source_name``, ``source_type``, ``target_name`` and ``target_type`` (the
    end nodes' ``name`` and ``type``, for reading the table on its own), then one
    column per attribute. Lists and dicts are JSON strings, an empty cell means "no
    value". ``graph.json`` holds the graph attributes, the column types, which columns
    are JSON and the SHA-256 digests of the two CSV files, so `read_csv()` restores
    the graph exactly (except empty strings, which come back as absent) and refuses
    a ``nodes.csv`` and an ``edges.csv`` from different exports.

    Args:
        G: Usually a relext graph; node ids must be ``str``.
        path: A directory (created if missing), or ``dir/name.csv`` for files
            prefixed ``name_`` in ``dir``.
        prefix: Prefix of the three file names.
        safe_cells: Neutralise spreadsheet formulas (OWASP's rule for CSV
            injection): a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab
            or a carriage return gets a leading ``'``, and so does a text cell that
            already starts with ``'``, so that `read_csv()` can remove exactly
            one. Numbers are left alone. Pass ``False`` for tools that need raw
            values (`relext.export.write_neo4j()` always writes raw values).

    Returns:
        ``{"nodes": Path, "edges": Path, "graph": Path}``.

    Raises:
        GraphFileError: On reserved attribute names (which would clash with the
            ``id``, ``source``, ``target``, ``key`` columns) or non-str node ids.

    Examples:
        >>> import tempfile
        >>> d = tempfile.mkdtemp()
        >>> _ = write_csv(nx.MultiDiGraph([("a", "b", "ATTENDS")]), d)
        >>> open(f"{d}/edges.csv").read().splitlines()[1]
        'a,b,ATTENDS,,,,'
    """
    H = encode_graph(G, "CSV")
    paths = csv_paths(path, prefix)
    paths["nodes"].parent.mkdir(parents=True, exist_ok=True)
    multi = H.is_multigraph()
    ends = ["source_name", "source_type", "target_name", "target_type"]
    edge_attr_cols = _columns(r for *_, r in H.edges(data=True))
    clash = sorted(set(ends) & set(edge_attr_cols))
    if clash:
        raise GraphFileError(f"Edge attribute(s) {clash} clash with the CSV export's own columns; rename them.")
    node_rows = [{"id": n, **d} for n, d in H.nodes(data=True)]

    def end_cells(u: str, v: str) -> Dict[str, Any]:
        du, dv = H.nodes[u], H.nodes[v]
        return {"source_name": du.get("name"), "source_type": du.get("type"),
                "target_name": dv.get("name"), "target_type": dv.get("type")}

    if multi:
        edge_rows = [{"source": u, "target": v, "key": k, **end_cells(u, v), **d}
                     for u, v, k, d in H.edges(keys=True, data=True)]
    else:
        edge_rows = [{"source": u, "target": v, **end_cells(u, v), **d} for u, v, d in H.edges(data=True)]
    node_cols = ["id", *_columns(d for _, d in H.nodes(data=True))]
    edge_cols = ["source", "target", *(["key"] if multi else []), *ends, *edge_attr_cols]
    texts = {
        "nodes": _csv_text(node_rows, node_cols, safe_cells),
        "edges": _csv_text(edge_rows, edge_cols, safe_cells),
    }
    meta = {
        "graph": dict(H.graph),
        "columns": {"node": _types(node_rows, node_cols[1:]), "edge": _types(edge_rows, edge_attr_cols)},
        "derived_columns": {"edge": ends},
        "safe_cells": bool(safe_cells),
        "files": {name: {"name": paths[name].name, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}
                  for name, text in texts.items()},
    }
    texts["graph"] = json.dumps(meta, ensure_ascii=False, indent=1)
    with atomic_write_set(paths) as handles:
        for name, text in texts.items():
            handles[name].write(text)
    return paths


def read_csv(path: PathLike, *, prefix: str = "") -> nx.Graph:
    """Read a graph written by `write_csv()`.

    Args:
        path: The directory (or ``dir/name.csv``) given to `write_csv()`.
        prefix: As given to `write_csv()`.

    Returns:
        The graph written: same class, node ids, edge keys, attributes and types.

    Raises:
        GraphFileError: If a file is missing, a cell does not match its column
            type, or the files are not of one export (their digests differ from
            those ``graph.json`` records, e.g. after a crash or a full disk during
            a later export); the message names the file.

    Examples:
        >>> import tempfile
        >>> d = tempfile.mkdtemp()
        >>> _ = write_csv(nx.MultiDiGraph([("a", "b", "ATTENDS")]), d)
        >>> list(read_csv(d).edges(keys=True))
        [('a', 'b', 'ATTENDS')]
    """
    paths = csv_paths(path, prefix)
    try:
        meta = json.loads(paths["graph"].read_text(encoding="utf-8"))
        _check_stamp(meta, paths)
        types = meta["columns"]
        unguard = _unguard if meta.get("safe_cells") else (lambda v: v)
        derived = set(meta.get("derived_columns", {}).get("edge", ()))
        H = nx.MultiDiGraph() if "relext_edge_key_type" in meta["graph"] else nx.DiGraph()
        H.graph.update(meta["graph"])
        for row in _rows(paths["nodes"]):
            n = unguard(row.pop("id"))
            H.add_node(n, **_typed(row, types["node"], paths["nodes"], unguard))
        for row in _rows(paths["edges"]):
            u, v = unguard(row.pop("source")), unguard(row.pop("target"))
            for col in derived:
                row.pop(col, None)
            if H.is_multigraph():
                k = unguard(row.pop("key"))
                H.add_edge(u, v, key=k, **_typed(row, types["edge"], paths["edges"], unguard))
            else:
                H.add_edge(u, v, **_typed(row, types["edge"], paths["edges"], unguard))
    except (OSError, ValueError, KeyError) as err:
        if isinstance(err, GraphFileError):
            raise
        raise GraphFileError(Errors.E020.format(path=path, msg=f"not a relext CSV export ({err!r})")) from err
    return decode_graph(H, str(path))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard_cell(value: Any) -> Any:
    """OWASP's CSV-injection guard for one cell: ``'`` before a formula-like text.

    Args:
        value: A cell value; only ``str`` values are changed.

    Returns:
        ``value`` with a leading ``'`` if it starts with ``= + - @``, a tab, a carriage
        return or ``'`` itself (so that exactly one ``'`` can be removed on reading).

    Examples:
        >>> guard_cell("=1+2"), guard_cell("France"), guard_cell(-3)
        ("'=1+2", 'France', -3)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START + ("'",)):
        return "'" + value
    return value


def _unguard(value: str) -> str:
    return value[1:] if value.startswith("'") else value


def _csv_text(rows: List[Dict[str, Any]], cols: List[str], safe_cells: bool) -> str:
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=cols, lineterminator="\r\n")
    writer.writeheader()
    if safe_cells:
        rows = ({k: guard_cell(v) for k, v in r.items()} for r in rows)
    writer.writerows(rows)
    return buf.getvalue()


def _check_stamp(meta: Dict[str, Any], paths: Dict[str, Path]) -> None:
    """Refuse CSV files whose digests differ from those graph.json records."""
    for name, stamp in (meta.get("files") or {}).items():
        if name not in paths:
            continue
        if not paths[name].exists():
            raise GraphFileError(f"{paths[name]} is missing; {paths['graph'].name} lists it as part of the export.")
        if file_digest(paths[name]) != stamp.get("sha256"):
            raise GraphFileError(
                f"{paths[name]} does not belong to the export described by {paths['graph']}: the files come "
                f"from different writes (an interrupted or failed export?). Write the graph again."
            )


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


def _typed(row: Dict[str, str], types: Dict[str, str], path: Path, unguard=lambda v: v) -> Dict[str, Any]:
    out = {}
    for k, v in row.items():
        if v == "" or v is None:
            continue
        t = types.get(k, "str")
        if t == "str":
            out[k] = unguard(v)
            continue
        try:
            out[k] = (v == "True") if t == "bool" else _TYPES.get(t, str)(v)
        except ValueError as err:
            raise GraphFileError(f"{path}: column '{k}' should hold {t} values, found {v!r}.") from err
    return out


def _nullable_dtypes(df: "pandas.DataFrame", rows: List[Dict[str, Any]]) -> "pandas.DataFrame":  # noqa: F821
    """Integer and boolean columns with gaps as pandas' nullable ``Int64``/``boolean``, not float/object.

    A node attribute that only some entities have (an event's ``year``) would
    otherwise come out as ``float64`` (``2024.0``).
    """
    for col in df.columns:
        values = [r[col] for r in rows if r.get(col) is not None]
        if not values or len(values) == len(rows):
            continue
        if all(isinstance(v, bool) for v in values):
            df[col] = df[col].astype("boolean")
        elif all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            df[col] = df[col].astype("Int64")
    return df


def to_frames(data: Any) -> Tuple["pandas.DataFrame", "pandas.DataFrame"]:  # noqa: F821
    """Entities and relations as two pandas DataFrames.

    Args:
        data: A relext graph gives one row per node and one per edge; extractions give
            one row per entity and one per relation of each document.

    Returns:
        From a graph: ``entities`` has ``entity_id`` plus the node attributes;
        ``relations`` has ``subject``, ``object``, ``key`` (multigraphs) plus the edge
        attributes (lists stay Python lists).
        From extractions: ``entities`` has ``doc_id, entity_id, name, type,
        mention_count, aliases, attributes``; ``relations`` has ``doc_id, subject,
        predicate, object, negated, modality, symmetric, reported_by, sentence,
        start_char, end_char, trigger, trigger_start, trigger_end, rule, cue``.

    Examples:
        >>> ents, rels = to_frames(nx.MultiDiGraph([("a", "b", "ATTENDS")]))
        >>> list(rels.columns), len(ents)
        (['subject', 'object', 'key'], 2)
    """
    import pandas as pd

    if isinstance(data, nx.Graph):
        node_rows = [{"entity_id": n, **d} for n, d in data.nodes(data=True)]
        ents = pd.DataFrame(node_rows)
        if data.is_multigraph():
            rows = [{"subject": u, "object": v, "key": k, **d} for u, v, k, d in data.edges(keys=True, data=True)]
            base = ["subject", "object", "key"]
        else:
            rows = [{"subject": u, "object": v, **d} for u, v, d in data.edges(data=True)]
            base = ["subject", "object"]
        if ents.empty:
            ents = pd.DataFrame(columns=["entity_id"])
        rels = pd.DataFrame(rows, columns=base + _columns(r for *_, r in data.edges(data=True)))
        return _nullable_dtypes(ents, node_rows), _nullable_dtypes(rels, rows)
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

