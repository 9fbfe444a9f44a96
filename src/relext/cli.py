"""The ``relext`` command line: ``relext extract`` and ``relext info``.

Examples
--------
Build a graph and a results file from a folder of articles::

    relext extract data/sample_corpus -o out/sample.graphml --jsonl out/sample.jsonl

Finish an interrupted run (documents already in the results file are not redone)::

    relext extract data/sample_corpus -o out/sample.graphml --jsonl out/sample.jsonl --resume

Summarise a graph file::

    relext info out/sample.graphml

Exit codes: 0 every document was processed; 1 some were skipped (all other results
are still written); 2 a usage or fatal error (nothing or only part was done);
130 interrupted with Ctrl-C (finished results are kept in the results file).
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import Counter
from typing import Any, List, Optional, Sequence

from .about import __version__

EXIT_OK, EXIT_SKIPPED, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130

_MAIN_EPILOG = """\
examples:
  relext extract data/sample_corpus -o out/sample.graphml --jsonl out/sample.jsonl
  relext extract news.jsonl -o graph.gexf --n-process 2
  cat article.txt | relext extract - -o article.json
  relext info out/sample.graphml

exit codes: 0 all documents processed, 1 some skipped (the rest is written),
2 usage or fatal error, 130 interrupted.
Run 'relext COMMAND --help' for the options of a command.
"""

_EXTRACT_EPILOG = """\
inputs:
  FILE.txt / FILE.html   one document; its id is the file name without suffix
  DIRECTORY              every .txt/.html file under it (recursive, sorted);
                         ids are paths relative to it without suffix
  FILE.jsonl             one {"id": ..., "text": ...} object per line
  -                      standard input (JSONL if it starts with '{', else one text)

examples:
  relext extract data/sample_corpus -o out/sample.graphml --jsonl out/sample.jsonl
  relext extract data/sample_corpus -o out/sample.graphml --jsonl out/sample.jsonl --resume
  relext extract news.jsonl -o graph.gexf --n-process 2 --batch-size 32
  relext extract old_articles/ -o graph.graphml --encoding cp1252 --no-progress
  relext extract big.jsonl -o graph.graphml --jsonl results.jsonl --dask-workers 4
  relext extract news.jsonl -o march.graphml --since 2022-03-01 --until 2022-03-31 --min-confidence 0.8
  relext extract news/ -o graph.gexf --patterns my_patterns.yaml --min-evidence 2 --drop-isolates

Input hygiene: bytes are decoded (UTF-8/16 with BOM, cp1252/Latin-1, or detected;
--encoding to force one), HTML is converted to text (--strict-html refuses it),
control characters and odd whitespace are normalised, binary, empty and clearly
non-English documents are skipped with a reason (--force-language keeps the
latter), and so are symbolic links leading out of an input folder
(--follow-symlinks reads them). Character offsets in the results refer to the
cleaned text, stored in each results line as "text". A JSONL record's fields
other than id and text (date, url, ...) are kept as its metadata.

Output safety: every output (graph, results, summary) is checked against every
input and every other output, and for writability, before the first document.

Fault tolerance: each result is appended to --jsonl as soon as it is made; the
graph is written once at the end, atomically. After a crash or Ctrl-C, rerun the
same command with --resume to finish: the final graph equals an uninterrupted run.

exit codes: 0 all processed, 1 some skipped, 2 usage/fatal error, 130 interrupted.
"""

_INFO_EPILOG = """\
examples:
  relext info out/sample.graphml
  relext info graph.gexf --top 20
  relext info graph.json --json
"""


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got '{value}'") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


def _confidence(value: str) -> float:
    try:
        p = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got '{value}'") from None
    if not 0.0 <= p <= 1.0:
        raise argparse.ArgumentTypeError(f"must be from 0 to 1, got {p}")
    return p


def _iso_day(value: str) -> str:
    import datetime

    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a day as YYYY-MM-DD, got '{value}'") from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``relext`` command."""
    parser = argparse.ArgumentParser(
        prog="relext",
        description="Turn news text into a typed graph of who did what to whom "
                    "(entities and relations such as ATTENDS, BOYCOTTS, SANCTIONS).",
        epilog=_MAIN_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"relext {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser(
        "extract", help="extract entities and relations from documents into a graph",
        description="Extract typed entities and relations from many documents, append each "
                    "result to a JSONL file as it is made, and write a graph at the end.",
        epilog=_EXTRACT_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    ex.add_argument("inputs", nargs="+", metavar="INPUT",
                    help=".txt/.html files, directories of them, .jsonl files, or - for stdin")
    ex.add_argument("-o", "--output", required=True, metavar="GRAPH",
                    help="graph file to write: .graphml, .gexf, .json (node-link) or .csv")
    ex.add_argument("--format", dest="fmt", choices=["graphml", "gexf", "json", "csv"],
                    help="graph format (default: from the extension of --output)")
    ex.add_argument("--jsonl", metavar="RESULTS",
                    help="results file: one Extraction per line, written as the batch goes")
    ex.add_argument("--resume", action="store_true",
                    help="skip documents already in --jsonl and rebuild the graph from it")
    ex.add_argument("--n-process", type=_positive, default=1, metavar="N",
                    help="worker processes for the spaCy pipeline (default 1)")
    ex.add_argument("--batch-size", type=_positive, default=64, metavar="N",
                    help="documents per pipeline batch (default 64)")
    ex.add_argument("--encoding", metavar="E",
                    help="encoding of all input files (default: detect per file)")
    ex.add_argument("--strict-html", action="store_true",
                    help="skip HTML documents instead of extracting their text")
    ex.add_argument("--force-language", action="store_true",
                    help="process documents even when they look non-English")
    ex.add_argument("--max-chars", type=_positive, default=None, metavar="N",
                    help="skip documents longer than N characters (default 5,000,000)")
    ex.add_argument("--no-progress", action="store_true", help="do not show the progress bar")
    ex.add_argument("--include-hypothetical", action="store_true",
                    help="keep relations stated as conditions or questions")
    ex.add_argument("--model", metavar="NAME_OR_PATH",
                    help="spaCy model package or path (default: en_core_web_sm or its PyPI re-upload)")
    ex.add_argument("--summary-json", metavar="FILE",
                    help="also write the closing summary as JSON to FILE")
    ex.add_argument("--patterns", action="append", default=[], metavar="FILE",
                    help="add your trigger rules, gazetteer entries and relation types from a YAML/JSONL "
                         "file (see docs/patterns.md); repeat for several files")
    ex.add_argument("--min-evidence", type=_positive, default=1, metavar="N",
                    help="keep only graph edges stated in at least N sentences (default 1)")
    ex.add_argument("--drop-negated", action="store_true",
                    help="leave negated relations ('X did not attend Y') out of the graph")
    ex.add_argument("--drop-isolates", action="store_true",
                    help="leave nodes without any edge out of the graph file")
    ex.add_argument("--follow-symlinks", action="store_true",
                    help="read symbolic links in input folders that lead outside them (off: skipped)")
    dist = ex.add_mutually_exclusive_group()
    dist.add_argument("--scheduler", metavar="ADDRESS",
                      help="run on the Dask cluster at ADDRESS, e.g. tcp://10.0.0.5:8786 (needs relext[dask])")
    dist.add_argument("--dask-workers", type=_positive, metavar="N",
                      help="run on a local Dask cluster of N worker processes (needs relext[dask])")
    cut = ex.add_argument_group("graph filters (the results JSONL keeps every relation)")
    cut.add_argument("--min-confidence", type=_confidence, metavar="P",
                     help="keep only edges whose aggregated confidence is at least P (0 to 1)")
    cut.add_argument("--since", type=_iso_day, metavar="YYYY-MM-DD",
                     help="keep only evidence dated on or after this day (undated evidence is dropped)")
    cut.add_argument("--until", type=_iso_day, metavar="YYYY-MM-DD",
                     help="keep only evidence dated on or before this day (undated evidence is dropped)")
    ex.set_defaults(func=cmd_extract)

    info = sub.add_parser(
        "info", help="summarise a graph file",
        description="Summarise a relext graph file: nodes by type, edges by predicate, negated "
                    "edges, documents, and the most connected nodes.",
        epilog=_INFO_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    info.add_argument("graph", metavar="GRAPH", help="a .graphml, .gexf, .json or .csv graph file")
    info.add_argument("--top", type=_positive, default=10, metavar="N",
                      help="how many nodes to list by degree (default 10)")
    info.add_argument("--json", action="store_true", help="print the summary as JSON")
    info.set_defaults(func=cmd_info)
    return parser


def _err(msg: str) -> None:
    print(f"relext: error: {msg}", file=sys.stderr)


# --- extract -----------------------------------------------------------------------------

def extract_options(args: argparse.Namespace):
    """The `relext.batch.BatchOptions` of parsed ``relext extract`` arguments."""
    from .batch import BatchOptions

    fields: dict = dict(output=args.output, fmt=args.fmt, jsonl=args.jsonl, summary_json=args.summary_json,
                        resume=args.resume, n_process=args.n_process, batch_size=args.batch_size,
                        progress=not args.no_progress, model=args.model, patterns=args.patterns,
                        encoding=args.encoding, strict_html=args.strict_html,
                        force_language=args.force_language, follow_symlinks=args.follow_symlinks,
                        include_hypothetical=args.include_hypothetical, scheduler=args.scheduler,
                        dask_workers=args.dask_workers, min_evidence=args.min_evidence,
                        drop_negated=args.drop_negated, drop_isolates=args.drop_isolates,
                        min_confidence=args.min_confidence, since=args.since, until=args.until)
    if args.max_chars:
        fields["max_chars"] = args.max_chars
    return BatchOptions(**fields)


def cmd_extract(args: argparse.Namespace) -> int:
    """Run ``relext extract``."""
    from . import batch

    try:
        summary = batch.run_batch(args.inputs, extract_options(args))
        code = summary.exit_code
    except batch.BatchError as err:
        _err(str(err))
        return EXIT_ERROR
    except batch.BatchAborted as err:
        summary = err.summary
        code = EXIT_INTERRUPTED if isinstance(err.__cause__, KeyboardInterrupt) else EXIT_ERROR
    except Exception as err:  # model not found, a bad pattern file …: say it, no traceback
        from .errors import RelextError

        if not isinstance(err, (RelextError, OSError, ValueError, ImportError)):
            raise
        _err(str(err))
        return EXIT_ERROR
    print(summary.format(), file=sys.stderr)
    return code


# --- info ---------------------------------------------------------------------------------

def _as_list(value: Any) -> List[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple, set)):
        return [str(v) for v in value]
    if isinstance(value, str):
        s = value.strip()
        if s.startswith("["):
            try:
                return [str(v) for v in json.loads(s)]
            except ValueError:
                pass
        return [p.strip() for p in s.replace("|", ",").replace(";", ",").split(",") if p.strip()]
    return [str(value)]


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def graph_info(G, top: int = 10) -> dict:
    """Summarise a relext graph as a dict (what ``relext info`` prints).

    Example:
        >>> import networkx as nx
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("country:FRA", type="COUNTRY", name="France", doc_ids=["d1"])
        >>> G.add_node("event:summit", type="EVENT", name="the summit", doc_ids=["d1", "d2"])
        >>> _ = G.add_edge("country:FRA", "event:summit", key="ATTENDS", predicate="ATTENDS",
        ...                negated=False, doc_ids=["d1"])
        >>> info = graph_info(G)
        >>> info["nodes_by_type"], info["edges_by_predicate"], info["documents"]
        ({'COUNTRY': 1, 'EVENT': 1}, {'ATTENDS': 1}, 2)
    """
    nodes_by_type: Counter = Counter()
    docs = set()
    for _, d in G.nodes(data=True):
        nodes_by_type[str(d.get("type", "?"))] += 1
        docs.update(_as_list(d.get("doc_ids")))
    edges_by_predicate: Counter = Counter()
    negated = 0
    multi = G.is_multigraph()
    edges = G.edges(keys=True, data=True) if multi else ((u, v, None, d) for u, v, d in G.edges(data=True))
    for _, _, key, d in edges:
        pred = d.get("predicate") or (str(key).split("|")[0] if key is not None else "?")
        edges_by_predicate[str(pred)] += 1
        negated += _truthy(d.get("negated", False))
        docs.update(_as_list(d.get("doc_ids")))
    degree = sorted(G.degree(), key=lambda nd: (-nd[1], str(nd[0])))[:top]
    return {
        "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
        "nodes_by_type": dict(sorted(nodes_by_type.items(), key=lambda kv: (-kv[1], kv[0]))),
        "edges_by_predicate": dict(sorted(edges_by_predicate.items(), key=lambda kv: (-kv[1], kv[0]))),
        "negated": negated, "documents": len(docs),
        "top_nodes": [{"id": str(n), "name": str(G.nodes[n].get("name", n)),
                       "type": str(G.nodes[n].get("type", "?")), "degree": deg} for n, deg in degree],
    }


def format_info(path: str, info: dict) -> str:
    """The text ``relext info`` prints for `graph_info()`'s dict."""
    def counts(d: dict) -> str:
        return ", ".join(f"{k} {v}" for k, v in d.items()) or "none"

    lines = [f"{path}: {info['nodes']} nodes, {info['edges']} edges, {info['documents']} documents",
             f"Nodes by type:      {counts(info['nodes_by_type'])}",
             f"Edges by predicate: {counts(info['edges_by_predicate'])}",
             f"Negated edges:      {info['negated']}"]
    if info["top_nodes"]:
        lines.append("Top nodes by degree:")
        width = max(len(t["name"]) for t in info["top_nodes"])
        for t in info["top_nodes"]:
            lines.append(f"  {t['degree']:>4}  {t['name']:<{width}}  {t['type']:<12} {t['id']}")
    return "\n".join(lines)


def _info_hint(path: str) -> str:
    """What to do when ``relext info PATH`` cannot read a graph (never: overwrite an input)."""
    from pathlib import Path

    from .batch import GRAPH_FORMATS

    p = Path(path)
    if p.suffix.lower() in GRAPH_FORMATS and not p.exists():
        return f"Write one with: relext extract INPUT... -o {path}"
    if p.suffix.lower() not in GRAPH_FORMATS:
        return (f"{path} is not a graph file: relext info reads .graphml, .gexf, .json and .csv graphs. "
                f"To build one from it: relext extract {path} -o graph.graphml")
    return "Is it a graph written by relext extract (or another GraphML/GEXF/node-link file)?"


def cmd_info(args: argparse.Namespace) -> int:
    """Run ``relext info``."""
    try:
        from .export import read_graph

        G = read_graph(args.graph)
    except Exception as err:  # missing, unreadable or unknown format: a message, not a traceback
        _err(f"could not read the graph {args.graph}: {err}\n{_info_hint(args.graph)}")
        return EXIT_ERROR
    info = graph_info(G, top=args.top)
    if args.json:
        print(json.dumps(info, indent=2, ensure_ascii=False))
    else:
        print(format_info(args.graph, info))
    return EXIT_OK


# --- entry point --------------------------------------------------------------------------

def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the ``relext`` command; return its exit code (see the module docstring).

    >>> main(["--version"])  # doctest: +SKIP
    relext 0.1.0
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version and usage errors
        return int(exit_.code or 0) if not isinstance(exit_.code, str) else EXIT_ERROR
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    logging.basicConfig(level=logging.WARNING, format="relext: %(levelname)s: %(message)s")
    try:
        return args.func(args)
    except KeyboardInterrupt:
        _err("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # output piped into `head` and the like
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
