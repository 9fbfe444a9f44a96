"""Every writer emits only characters its format allows, whatever the strings in the
graph: lone surrogates, U+FFFE/U+FFFF, C0 controls, bidi marks, emoji, long tokens
(issue 13.9). Each file is read back by relext, by an independent parser (lxml,
networkx, the csv module) and, where installed, by igraph."""
from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relext.export import GraphFileError, check_neo4j_files, read_graph, write_graph
from relext.export.neo4j import ARRAY_DELIMITERS

from relext.export._chars import UTF8, XML, clean_value

SPECIAL = ["\ud800", "\udfff", "\ufffe", "\uffff", "\x00", "\x01", "\x0b", "\x1f", "\x7f", "\r", "\r\n", "\t",
           "\n", "\u202e", "\u200f", "\U0001F600", "\u0301", "<", "&", '"', "'", "]]>", "=", ";", ",", "|"]
TEXT = st.lists(st.one_of(st.characters(), st.sampled_from(SPECIAL), st.just("x" * 300)),
                min_size=1, max_size=12).map("".join)
FORMATS = {"graphml": "g.graphml", "gexf": "g.gexf", "json": "g.json", "csv": "g.csv"}


def _graph(names, sentences):
    G = nx.MultiDiGraph()
    ids = [f"person:p{i}" for i in range(len(names))]
    for nid, name in zip(ids, names):
        G.add_node(nid, type="PERSON", name=name, label=name, aliases=[name, name[:3] or "x"])
    for i, sentence in enumerate(sentences):
        u, v = ids[i % len(ids)], ids[(i + 1) % len(ids)]
        G.add_edge(u, v, key=f"MEETS_WITH{i}", predicate="MEETS_WITH", label="MEETS_WITH", evidence_count=1,
                   evidence=[{"doc_id": sentence[:20], "sentence": sentence, "start_char": 0}], trigger=sentence)
    return G


def _expected(G, policy):
    return {"nodes": {n: clean_value(d, policy) for n, d in G.nodes(data=True)},
            "edges": [clean_value(d, policy) for *_, d in G.edges(keys=True, data=True)]}


def _got(H):
    return {"nodes": {n: dict(d) for n, d in H.nodes(data=True)},
            "edges": [dict(d) for *_, d in H.edges(keys=True, data=True)]}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names=st.lists(TEXT, min_size=1, max_size=4), sentences=st.lists(TEXT, min_size=1, max_size=4))
def test_every_format_parses_back_whatever_the_strings(names, sentences):
    G = _graph(names, sentences)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for fmt, name in FORMATS.items():
            path = tmp / name
            write_graph(G, path)
            policy = XML if fmt in ("graphml", "gexf") else UTF8
            assert _got(read_graph(path)) == _expected(G, policy), fmt
        _independent_parsers(G, tmp)
        if all(any(c in alias for alias in aliases) for c in ARRAY_DELIMITERS
               for aliases in [[a for _, d in G.nodes(data=True) for a in d["aliases"]]]):
            # no character is left to separate array items: the writer says so instead of
            # writing a file neo4j-admin would split wrongly
            with pytest.raises(GraphFileError, match="array delimiter"):
                write_graph(G, tmp / "neo4j", format="neo4j")
            return
        write_graph(G, tmp / "neo4j", format="neo4j")
        _check_neo4j(G, tmp / "neo4j")


def _independent_parsers(G, tmp):
    etree = pytest.importorskip("lxml.etree", reason="lxml is in the dev extra")
    for name in ("g.graphml", "g.gexf"):
        etree.parse(str(tmp / name), etree.XMLParser(resolve_entities=False))  # strict XML 1.0
    H = nx.read_graphml(tmp / "g.graphml")
    assert H.number_of_nodes() == G.number_of_nodes() and H.number_of_edges() == G.number_of_edges()
    data = json.loads((tmp / "g.json").read_text(encoding="utf-8"))
    assert len(data["links"]) == G.number_of_edges()
    for part in ("nodes", "edges"):
        with open(tmp / f"g_{part}.csv", encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        assert len(rows) == 1 + (G.number_of_nodes() if part == "nodes" else G.number_of_edges())
    try:
        import igraph
    except ImportError:
        return
    g = igraph.Graph.Read_GraphML(str(tmp / "g.graphml"))
    assert g.vcount() == G.number_of_nodes() and g.ecount() == G.number_of_edges()
    names = [clean_value(d["name"], XML) for _, d in G.nodes(data=True)]
    assert g.vs["name"] == names


def _check_neo4j(G, directory):
    manifest = check_neo4j_files(directory)
    delim = manifest["array_delimiter"]
    with open(directory / "nodes.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    col = rows[0].index("name:string")
    assert [r[col] for r in rows[1:]] == [clean_value(d["name"], UTF8) for _, d in G.nodes(data=True)]
    col = rows[0].index("aliases:string[]")
    assert [r[col].split(delim) for r in rows[1:]] == [clean_value(d["aliases"], UTF8)
                                                       for _, d in G.nodes(data=True)]


def test_neo4j_refuses_aliases_that_hold_every_array_delimiter(tmp_path):
    G = _graph(["a;b|c\u00a6d\x1fe"], ["Two people met."])
    with pytest.raises(GraphFileError, match="array delimiter"):
        write_graph(G, tmp_path / "neo4j", format="neo4j")
    G = _graph(["a;b|c\u00a6d"], ["Two people met."])  # one delimiter left: written and read back
    write_graph(G, tmp_path / "neo4j2", format="neo4j")
    _check_neo4j(G, tmp_path / "neo4j2")
