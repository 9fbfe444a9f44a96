"""CSV files that ``neo4j-admin database import`` loads as they are.

Two files and a manifest, in one directory:

- ``nodes.csv``: ``id:ID``, ``:LABEL`` (``Entity`` plus the entity type, e.g.
  ``Entity;PERSON``), then one typed column per node attribute (``name:string``,
  ``mention_count:long``, ``aliases:string[]`` …);
- ``relationships.csv``: ``:START_ID``, ``:END_ID``, ``:TYPE`` (the predicate), then
  ``key:string`` and one typed column per edge attribute (``negated:boolean``,
  ``evidence_count:long``, ``doc_ids:string[]``, ``evidence:string`` …);
- ``neo4j-import.json``: the SHA-256 digests of both files (they are replaced as a
  set; `check_neo4j_files()` refuses a mixture of two exports), the array
  delimiter used and the ``neo4j-admin`` command that loads them.

Values are written raw (no spreadsheet-formula guard, unlike `relext.write_csv()`).
Lists of scalars are Neo4j arrays, joined by the array delimiter (``;`` unless an
item contains one; then the first of ``|``, ``¦``, U+001F that no item contains, and
the command says ``--array-delimiter``); lists of ISO dates (``YYYY-MM-DD``) are
``date[]``. Dicts, lists of dicts and mixed lists are JSON strings. Fields are quoted
as RFC 4180 says (a ``"`` inside doubled), which is what ``neo4j-admin`` reads by
default.

Example:
    >>> import networkx as nx, tempfile
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("person:ada-obi", type="PERSON", name="Ada Obi", aliases=["Ada Obi", "Obi"])
    >>> G.add_node("event:summit", type="EVENT", name="the summit")
    >>> _ = G.add_edge("person:ada-obi", "event:summit", key="ATTENDS", predicate="ATTENDS", evidence_count=2)
    >>> paths = write_neo4j(G, tempfile.mkdtemp())
    >>> paths["nodes"].read_text().splitlines()[:2]
    ['id:ID,:LABEL,type:string,name:string,aliases:string[]', 'person:ada-obi,Entity;PERSON,PERSON,Ada Obi,Ada Obi;Obi']
    >>> paths["relationships"].read_text().splitlines()[1]
    'person:ada-obi,event:summit,ATTENDS,ATTENDS,ATTENDS,2'
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shlex
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Tuple, Union

import networkx as nx

from ._atomic import atomic_write_set, file_digest
from ._chars import UTF8
from ._encode import GraphFileError, cleaned, plain

__all__ = ["write_neo4j", "neo4j_paths", "check_neo4j_files", "import_command", "ARRAY_DELIMITERS"]

PathLike = Union[str, "os.PathLike[str]"]

#: Array delimiters tried in order; the first that no array item contains is used.
ARRAY_DELIMITERS = (";", "|", "\u00a6", "\x1f")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SCALAR_TYPES = ((bool, "boolean"), (int, "long"), (float, "double"), (str, "string"))


def neo4j_paths(directory: PathLike, prefix: str = "") -> Dict[str, Path]:
    """The files of a Neo4j export: ``{"nodes": ..., "relationships": ..., "manifest": ...}``.

    Args:
        directory: The export's directory.
        prefix: Prefix of the file names.

    Returns:
        The three paths.

    Examples:
        >>> neo4j_paths("out", "news_")["relationships"].as_posix()
        'out/news_relationships.csv'
    """
    directory = Path(directory)
    return {"nodes": directory / f"{prefix}nodes.csv", "relationships": directory / f"{prefix}relationships.csv",
            "manifest": directory / f"{prefix}neo4j-import.json"}


def write_neo4j(G: nx.Graph, path: PathLike, *, prefix: str = "", database: str = "neo4j") -> Dict[str, Path]:
    """Write a graph as ``neo4j-admin database import`` input, replacing the files as a set.

    Args:
        G: Usually a relext graph; node ids must be ``str``.
        path: The directory to write into (created if missing).
        prefix: Prefix of the file names (``news_`` gives ``news_nodes.csv`` …).
        database: The database name in the import command written to the manifest.

    Returns:
        ``{"nodes": Path, "relationships": Path, "manifest": Path}``.

    Raises:
        GraphFileError: If an attribute name contains ``:`` (the header's type
            separator), no array delimiter is free, or a node id is not a ``str``.

    Examples:
        >>> import tempfile
        >>> paths = write_neo4j(nx.MultiDiGraph([("a", "b", "MEETS_WITH")]), tempfile.mkdtemp())
        >>> paths["relationships"].read_text().splitlines()
        [':START_ID,:END_ID,:TYPE,key:string', 'a,b,MEETS_WITH,MEETS_WITH']
    """
    G = cleaned(G, "Neo4j CSV", UTF8)
    for n in G:
        if not isinstance(n, str):
            raise GraphFileError(f"Node id {n!r} is a {type(n).__name__}; the Neo4j export writes str ids only.")
    multi = G.is_multigraph()
    node_dicts = [d for _, d in G.nodes(data=True)]
    edges = [(u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True)] if multi else \
        [(u, v, None, d) for u, v, d in G.edges(data=True)]
    delimiter = _array_delimiter([*node_dicts, *(d for *_, d in edges)])
    node_cols = _columns(node_dicts)
    edge_cols = _columns([d for *_, d in edges])
    if multi:
        edge_cols = [("key", "long" if all(isinstance(k, int) for *_, k, _ in edges) and edges else "string"),
                     *[c for c in edge_cols if c[0] != "key"]]

    node_rows = []
    for n, d in G.nodes(data=True):
        etype = d.get("type")
        labels = ["Entity", *([str(etype)] if isinstance(etype, str) and etype else [])]
        node_rows.append([n, delimiter.join(labels), *(_cell(d.get(c), t, delimiter) for c, t in node_cols)])
    edge_rows = []
    for u, v, k, d in edges:
        rel_type = d.get("predicate") or (str(k).split("|")[0] if k is not None else "RELATED_TO")
        row = {**d, "key": k} if multi else d
        edge_rows.append([u, v, str(rel_type), *(_cell(row.get(c), t, delimiter) for c, t in edge_cols)])

    texts = {
        "nodes": _csv(["id:ID", ":LABEL", *(_header(c, t) for c, t in node_cols)], node_rows),
        "relationships": _csv([":START_ID", ":END_ID", ":TYPE", *(_header(c, t) for c, t in edge_cols)], edge_rows),
    }
    paths = neo4j_paths(path, prefix)
    paths["nodes"].parent.mkdir(parents=True, exist_ok=True)
    multiline = any(_quoted_breaks(text) for text in texts.values())
    manifest = {
        "format": "neo4j-admin database import",
        "files": {name: {"name": paths[name].name, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}
                  for name, text in texts.items()},
        "array_delimiter": delimiter,
        "multiline_fields": multiline,
        # file names only: the command is run in the export's directory, and the bytes do not depend on it
        "command": import_command({k: Path(p.name) for k, p in paths.items()}, delimiter=delimiter,
                                  multiline=multiline, database=database),
    }
    texts["manifest"] = json.dumps(manifest, ensure_ascii=False, indent=1) + "\n"
    with atomic_write_set(paths) as handles:
        for name, text in texts.items():
            handles[name].write(text)
    return paths


def import_command(paths: Dict[str, Path], *, delimiter: str = ";", multiline: bool = False,
                   database: str = "neo4j") -> str:
    """The ``neo4j-admin`` (Neo4j 5) command that imports an export's files.

    Args:
        paths: As returned by `write_neo4j()` (or `neo4j_paths()`).
        delimiter: The array delimiter the files use.
        multiline: Whether a field holds a line break (``--multiline-fields=true``).
        database: The database to create.

    Returns:
        One shell command line.

    Examples:
        >>> import_command(neo4j_paths("out"))
        'neo4j-admin database import full --nodes=out/nodes.csv --relationships=out/relationships.csv neo4j'
    """
    parts = ["neo4j-admin", "database", "import", "full",
             f"--nodes={paths['nodes'].as_posix()}", f"--relationships={paths['relationships'].as_posix()}"]
    if delimiter != ";":
        parts.append(f"--array-delimiter={'U+001F' if delimiter == chr(0x1F) else delimiter}")
    if multiline:
        parts.append("--multiline-fields=true")
    parts.append(database)
    return " ".join(shlex.quote(p) for p in parts)


def check_neo4j_files(path: PathLike, *, prefix: str = "") -> Dict[str, Any]:
    """Check that a Neo4j export's files are complete and of one write.

    Args:
        path: The directory given to `write_neo4j()`.
        prefix: As given to `write_neo4j()`.

    Returns:
        The manifest (with ``command``, ``array_delimiter`` …).

    Raises:
        GraphFileError: If a file is missing or its digest differs from the
            manifest's (files from two different exports).

    Examples:
        >>> import tempfile
        >>> d = tempfile.mkdtemp()
        >>> _ = write_neo4j(nx.MultiDiGraph([("a", "b", "ATTENDS")]), d)
        >>> check_neo4j_files(d)["array_delimiter"]
        ';'
    """
    paths = neo4j_paths(path, prefix)
    try:
        manifest = json.loads(paths["manifest"].read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise GraphFileError(f"{paths['manifest']} is missing or unreadable ({err}); not a Neo4j export.") from err
    for name, stamp in manifest.get("files", {}).items():
        p = paths.get(name)
        if p is None or not p.exists():
            raise GraphFileError(f"{p} is missing; {paths['manifest'].name} lists it as part of the export.")
        if file_digest(p) != stamp.get("sha256"):
            raise GraphFileError(f"{p} does not belong to the export described by {paths['manifest']}: the files "
                                 f"come from different writes. Write the graph again.")
    return manifest


def _array_delimiter(dicts: Iterable[Dict[str, Any]]) -> str:
    used = set()
    for d in dicts:
        for v in d.values():
            if isinstance(v, (list, tuple)):
                for item in v:
                    if isinstance(item, str):
                        used.update(c for c in ARRAY_DELIMITERS if c in item)
            etype = d.get("type")
            if isinstance(etype, str):
                used.update(c for c in ARRAY_DELIMITERS if c in etype)
    for c in ARRAY_DELIMITERS:
        if c not in used:
            return c
    raise GraphFileError("Every array delimiter neo4j-admin could use (; | ¦ U+001F) occurs in an array item.")


def _columns(dicts: List[Dict[str, Any]]) -> List[Tuple[str, str]]:
    """(name, neo4j type) per attribute, in first-seen order."""
    kinds: Dict[str, set] = {}
    for d in dicts:
        for k, v in d.items():
            if not isinstance(k, str) or ":" in k:
                raise GraphFileError(f"Attribute name {k!r} cannot be a Neo4j CSV column (names are str without ':').")
            kinds.setdefault(k, set())
            if v is not None:
                kinds[k].add(_kind(plain(v)))
    out = []
    for k, ks in kinds.items():
        if len(ks) == 1:
            out.append((k, ks.pop()))
        elif ks and all(t.endswith("[]") for t in ks) and len({t for t in ks if t != "empty[]"}) <= 1:
            out.append((k, next((t for t in ks if t != "empty[]"), "string[]")))
        else:
            out.append((k, "string" if ks != {"long", "double"} else "double"))
    return [(k, "string[]" if t == "empty[]" else t) for k, t in out]


def _kind(v: Any) -> str:
    if isinstance(v, (list, tuple)):
        if not v:
            return "empty[]"
        kinds = {_scalar(x) for x in v}
        if len(kinds) == 1 and None not in kinds:
            kind = kinds.pop()
            if kind == "string" and all(_DATE.match(x) for x in v):
                return "date[]"
            return f"{kind}[]"
        return "string"
    return _scalar(v) or "string"


def _scalar(v: Any) -> Optional[str]:
    for t, name in _SCALAR_TYPES:
        if isinstance(v, t):
            return name
    return None


def _cell(v: Any, kind: str, delimiter: str) -> str:
    v = plain(v)
    if v is None:
        return ""
    if kind.endswith("[]") and isinstance(v, (list, tuple)):
        return delimiter.join(_scalar_text(x) for x in v)
    if kind == "string":
        return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str)
    return _scalar_text(v)


def _scalar_text(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return repr(v)
    return str(v)


def _header(name: str, kind: str) -> str:
    return f"{name}:{kind}"


def _csv(header: List[str], rows: List[List[str]]) -> str:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def _quoted_breaks(text: str) -> List[str]:
    """Fields that hold a line break (only a quoted field can)."""
    return [f for row in csv.reader(io.StringIO(text, newline="")) for f in row if "\n" in f or "\r" in f]
