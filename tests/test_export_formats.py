"""What other tools need from relext's files: GraphML that validates against the
GraphML schema, GEXF 1.3 as Gephi reads it, Neo4j import files, CSV that spreadsheet
programs cannot execute and that carries names, and multi-file exports that are
replaced as a set (issues 13.4, 13.14; 14.6-14.9)."""
from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from graph_samples import corpus
from relext.export import (GraphFileError, check_neo4j_files, read_csv, read_gexf, read_graph, read_graphml,
                           to_frames, write_csv, write_gexf, write_graph, write_graphml, write_neo4j)
from relext.graph import build_graph, validate_graph

SCHEMA = Path(__file__).parent / "data" / "graphml-structure.xsd"
NMTOKEN = re.compile(r"^[\w.:-]+$")


@pytest.fixture()
def G():
    return build_graph(corpus())


def _edges(H):
    return [(u, v, k, dict(d)) for u, v, k, d in H.edges(keys=True, data=True)]


# -- GraphML (14.7) ----------------------------------------------------------

def test_graphml_edge_ids_unique_nmtokens_and_key_kept(G, tmp_path):
    assert any(k.endswith("|negated") for _, _, k in G.edges(keys=True)), "the sample needs a negated edge"
    path = tmp_path / "g.graphml"
    write_graphml(G, path)
    root = ET.parse(path).getroot()
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    ids = [e.get("id") for e in root.iter(f"{ns}edge")]
    assert len(ids) == G.number_of_edges() == len(set(ids))
    assert all(NMTOKEN.match(i) for i in ids), ids
    key_id = {k.get("attr.name"): k.get("id") for k in root.iter(f"{ns}key") if k.get("for") == "edge"}["key"]
    written = [d.text for e in root.iter(f"{ns}edge") for d in e.findall(f"{ns}data") if d.get("key") == key_id]
    assert written == [k for _, _, k in G.edges(keys=True)]
    back = read_graphml(path)
    assert _edges(back) == _edges(G)


def test_graphml_validates_against_the_graphml_schema(G, tmp_path):
    etree = pytest.importorskip("lxml.etree", reason="lxml is in the dev extra")
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    path = tmp_path / "g.graphml"
    write_graphml(G, path)
    doc = etree.parse(str(path))
    assert schema.validate(doc), schema.error_log
    # the schema is strict enough to catch what relext used to write: repeated edge ids
    bad = etree.parse(str(path))
    edges = bad.getroot().findall(".//{http://graphml.graphdrawing.org/xmlns}edge")
    for e in edges:
        e.set("id", "ATTENDS|negated")
    assert not schema.validate(bad)


# -- GEXF 1.3 (14.8) ---------------------------------------------------------

def test_gexf_is_version_1_3_with_viz_kind_weight_and_undirected_symmetric_edges(G, tmp_path):
    path = tmp_path / "g.gexf"
    write_gexf(G, path)
    root = ET.parse(path).getroot()
    ns, viz = "{http://gexf.net/1.3}", "{http://gexf.net/1.3/viz}"
    assert root.tag == f"{ns}gexf" and root.get("version") == "1.3"
    nodes = {n.get("id"): n for n in root.iter(f"{ns}node")}
    colours = {}
    for nid, node in nodes.items():
        c = node.find(f"{viz}color")
        colours.setdefault(G.nodes[nid]["type"], set()).add((c.get("r"), c.get("g"), c.get("b")))
        assert node.get("label") == G.nodes[nid]["name"]
    assert all(len(c) == 1 for c in colours.values()) and len({next(iter(c)) for c in colours.values()}) == len(colours)
    sizes = {nid: float(n.find(f"{viz}size").get("value")) for nid, n in nodes.items()}
    deg = dict(G.degree())
    hub, leaf = max(deg, key=deg.get), min(deg, key=deg.get)
    assert deg[hub] > deg[leaf] and sizes[hub] > sizes[leaf]
    edges = list(root.iter(f"{ns}edge"))
    assert len({e.get("id") for e in edges}) == len(edges) == G.number_of_edges()
    for e, (u, v, k, d) in zip(edges, G.edges(keys=True, data=True)):
        assert e.get("kind") == d["predicate"]
        assert float(e.get("weight")) == d["evidence_count"]
        assert (e.get("type") == "undirected") == d["symmetric"]
    assert any(d["symmetric"] for *_, d in G.edges(keys=True, data=True)), "the sample needs a symmetric edge"
    assert root.find(f"{ns}graph").get("mode") == "static"
    back = read_gexf(path)
    assert _edges(back) == _edges(G) and dict(back.nodes(data=True)) == dict(G.nodes(data=True))


def test_gexf_writes_time_intervals_for_dated_edges(tmp_path):
    G = nx.MultiDiGraph()
    G.add_edge("a", "b", key="ATTENDS", predicate="ATTENDS", evidence_count=2, dates=["2024-03-02", "2024-01-05"])
    G.add_edge("a", "c", key="MEETS_WITH", predicate="MEETS_WITH", evidence_count=1,
               evidence=[{"doc_id": "d1", "date": "2023-12-31"}])
    G.add_edge("b", "c", key="VISITS", predicate="VISITS", evidence_count=1)
    path = tmp_path / "g.gexf"
    write_gexf(G, path)
    ns = "{http://gexf.net/1.3}"
    graph = ET.parse(path).getroot().find(f"{ns}graph")
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    e1, e2, e3 = graph.iter(f"{ns}edge")
    assert [(s.get("start"), s.get("end")) for s in e1.iter(f"{ns}spell")] == [
        ("2024-01-05", "2024-01-05"), ("2024-03-02", "2024-03-02")]
    assert (e1.get("start"), e1.get("end")) == ("2024-01-05", "2024-03-02")
    assert e2.get("start") == "2023-12-31" and e3.find(f"{ns}spells") is None
    assert _edges(read_gexf(path)) == _edges(G)


def test_gexf_reads_files_relext_wrote_before_1_3(G, tmp_path):
    from networkx.readwrite.gexf import GEXFWriter

    H = nx.MultiDiGraph([("a", "b", "ATTENDS")])
    writer = GEXFWriter(version="1.2draft")
    writer.add_graph(H)
    path = tmp_path / "old.gexf"
    with open(path, "wb") as fh:
        writer.write(fh)
    assert list(read_gexf(path).edges()) == [("a", "b")]


# -- Neo4j (14.6) --------------------------------------------------------------

def _read(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_neo4j_headers_and_types(G, tmp_path):
    paths = write_graph(G, tmp_path / "neo", format="neo4j")
    assert paths == tmp_path / "neo"
    nodes = _read(tmp_path / "neo" / "nodes.csv")
    rels = _read(tmp_path / "neo" / "relationships.csv")
    assert nodes[0][:2] == ["id:ID", ":LABEL"]
    assert rels[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
    header = dict(h.split(":", 1) for h in nodes[0][2:])
    assert header["name"] == "string" and header["aliases"] == "string[]" and header["mention_count"] == "long"
    rheader = dict(h.split(":", 1) for h in rels[0][3:])
    assert rheader["negated"] == "boolean" and rheader["evidence_count"] == "long"
    assert rheader["doc_ids"] == "string[]" and rheader["evidence"] == "string" and rheader["key"] == "string"
    assert all(re.match(r"^[A-Za-z_][\w]*:(string|long|double|boolean|date)(\[\])?$", h) for h in nodes[0][2:] + rels[0][3:])
    by_id = {row[0]: row for row in nodes[1:]}
    for n, d in G.nodes(data=True):
        assert by_id[n][1] == f"Entity;{d['type']}"
        assert by_id[n][nodes[0].index("aliases:string[]")].split(";") == d["aliases"]
    for row, (u, v, k, d) in zip(rels[1:], G.edges(keys=True, data=True)):
        assert row[:3] == [u, v, d["predicate"]]
        assert row[rels[0].index("negated:boolean")] == ("true" if d["negated"] else "false")
        assert json.loads(row[rels[0].index("evidence:string")]) == d["evidence"]
    manifest = check_neo4j_files(tmp_path / "neo")
    assert manifest["command"].startswith("neo4j-admin database import full --nodes=")
    assert "--array-delimiter" not in manifest["command"]


def test_neo4j_escaping_keeps_raw_values(tmp_path):
    G = nx.MultiDiGraph()
    tricky = 'He said "no", then left;\nnext line'
    G.add_node("person:x", type="PERSON", name="=HYPERLINK(\"http://x\")", aliases=["a;b", "c,d", 'q"q'])
    G.add_node("country:Y", type="COUNTRY", name="-Y")
    G.add_edge("person:x", "country:Y", key="VISITS", predicate="VISITS", sentence=tricky, doc_ids=["d1", "d2"])
    paths = write_neo4j(G, tmp_path)
    manifest = json.loads(paths["manifest"].read_text())
    delim = manifest["array_delimiter"]
    assert delim == "|", "';' occurs in an alias, so the next delimiter is used"
    assert "--array-delimiter=|" in manifest["command"] and "--multiline-fields=true" in manifest["command"]
    nodes = _read(paths["nodes"])
    row = nodes[1]
    assert row[1] == "Entity|PERSON"
    assert row[nodes[0].index("name:string")] == '=HYPERLINK("http://x")', "Neo4j files keep raw values"
    assert row[nodes[0].index("aliases:string[]")].split(delim) == ["a;b", "c,d", 'q"q']
    text = paths["nodes"].read_text()
    assert '"=HYPERLINK(""http://x"")"' in text, "quotes are doubled inside a quoted field (RFC 4180)"
    rels = _read(paths["relationships"])
    assert rels[1][rels[0].index("sentence:string")] == tricky
    assert rels[1][rels[0].index("doc_ids:string[]")] == "d1|d2"


def test_neo4j_files_replaced_as_a_set(tmp_path, monkeypatch):
    G1 = nx.MultiDiGraph([("a", "b", "ATTENDS")])
    G2 = nx.MultiDiGraph([("a", "c", "VISITS"), ("c", "d", "VISITS")])
    paths = write_neo4j(G1, tmp_path)
    before = {k: p.read_bytes() for k, p in paths.items()}
    _fail_on_second_replace(monkeypatch)
    with pytest.raises(OSError):
        write_neo4j(G2, tmp_path)
    with pytest.raises(GraphFileError, match="different writes"):
        check_neo4j_files(tmp_path)
    assert paths["manifest"].read_bytes() == before["manifest"]


# -- CSV (13.4, 13.14, 14.9) ---------------------------------------------------

def _fail_on_second_replace(monkeypatch):
    """A crash after the first file of a set was moved into place."""
    real = os.replace
    calls = []

    def replace(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(errno.EIO, "simulated crash between two renames")
        return real(src, dst)

    monkeypatch.setattr(os, "replace", replace)


def test_csv_full_disk_mid_write_leaves_the_old_set(G, tmp_path, monkeypatch):
    out = tmp_path / "g.csv"
    paths = write_csv(G, out)
    before = {k: p.read_bytes() for k, p in paths.items()}
    H = nx.MultiDiGraph([("x", "y", "ATTENDS")])
    real_fsync, calls = os.fsync, []

    def fsync(fd):  # the second file of the set does not fit on the disk
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(OSError):
        write_csv(H, out)
    monkeypatch.undo()
    assert {k: p.read_bytes() for k, p in paths.items()} == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert _edges(read_graph(out)) == _edges(G)


def test_csv_mixture_of_two_exports_is_refused(G, tmp_path, monkeypatch):
    out = tmp_path / "g.csv"
    write_csv(G, out)
    _fail_on_second_replace(monkeypatch)
    with pytest.raises(OSError):
        write_csv(nx.MultiDiGraph([("x", "y", "ATTENDS")]), out)
    monkeypatch.undo()
    assert (tmp_path / "g_nodes.csv").read_text().count("\n") == 3, "the new nodes.csv is in place"
    with pytest.raises(GraphFileError, match="different writes"):
        read_graph(out)


def test_csv_a_hand_swapped_file_is_refused(G, tmp_path):
    write_csv(G, tmp_path / "a")
    write_csv(build_graph(corpus()[:1]), tmp_path / "b")
    os.replace(tmp_path / "b" / "edges.csv", tmp_path / "a" / "edges.csv")
    with pytest.raises(GraphFileError, match="edges.csv does not belong"):
        read_csv(tmp_path / "a")


@pytest.mark.parametrize("value", ["=1+2", "+33 1 23", "-2+3", "@SUM(A1)", "\tx", "\rx", "'quoted", "=HYPERLINK(\"http://e.x\",\"click\")"])
def test_csv_cells_neutralised_against_formulas(tmp_path, value):
    G = nx.MultiDiGraph()
    G.add_node("n1", name=value, type="PERSON", year=-5)
    G.add_node("n2", name="plain", type="COUNTRY")
    G.add_edge("n1", "n2", key="ATTENDS", trigger=value, evidence_count=1)
    paths = write_csv(G, tmp_path)
    for name in ("nodes", "edges"):
        for row in _read(paths[name])[1:]:
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t", "\r")), (name, row)
                assert not cell.startswith("-") or re.fullmatch(r"-\d+", cell), (name, row)
    assert _read(paths["nodes"])[1][_read(paths["nodes"])[0].index("name")] == "'" + value
    back = read_csv(tmp_path)
    assert back.nodes["n1"]["name"] == value and back.nodes["n1"]["year"] == -5
    assert back.edges["n1", "n2", "ATTENDS"]["trigger"] == value


def test_csv_safe_cells_opt_out_writes_raw_values(tmp_path):
    G = nx.MultiDiGraph()
    G.add_node("n1", name="=1+2")
    write_csv(G, tmp_path, safe_cells=False)
    assert _read(tmp_path / "nodes.csv")[1] == ["n1", "=1+2"]
    assert read_csv(tmp_path).nodes["n1"]["name"] == "=1+2"


def test_csv_edges_carry_end_names_and_types(G, tmp_path):
    paths = write_csv(G, tmp_path)
    rows = list(csv.DictReader(open(paths["edges"], encoding="utf-8", newline="")))
    for row, (u, v, k) in zip(rows, G.edges(keys=True)):
        assert (row["source"], row["target"], row["key"]) == (u, v, k)
        assert row["source_name"] == G.nodes[u]["name"] and row["source_type"] == G.nodes[u]["type"]
        assert row["target_name"] == G.nodes[v]["name"] and row["target_type"] == G.nodes[v]["type"]
    back = read_csv(tmp_path)
    assert _edges(back) == _edges(G) and validate_graph(back) == []


def test_to_frames_keeps_year_like_columns_integer():
    G = nx.MultiDiGraph()
    G.add_node("event:games", type="EVENT", year=2024, official=True)
    G.add_node("country:FRA", type="COUNTRY")
    G.add_edge("country:FRA", "event:games", key="HOSTS", evidence_count=2, since=1998)
    G.add_edge("event:games", "country:FRA", key="X", evidence_count=1)
    ents, rels = to_frames(G)
    assert str(ents["year"].dtype) == "Int64" and ents["year"].tolist()[0] == 2024
    assert str(ents["official"].dtype) == "boolean"
    assert str(rels["since"].dtype) == "Int64" and str(rels["evidence_count"].dtype) == "int64"
