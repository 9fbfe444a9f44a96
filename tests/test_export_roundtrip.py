"""Every export format reads back to the same graph; igraph reads the GraphML."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

import relext
from relext.export import (GraphFileError, read_csv, read_gexf, read_graph, read_graphml, read_node_link,
                           to_frames, write_csv, write_gexf, write_graph, write_graphml, write_node_link)
from relext.graph import build_graph, collapse_graph

from graph_samples import S1, corpus

FORMATS = {
    "graphml": (write_graphml, read_graphml, "g.graphml"),
    "gexf": (write_gexf, read_gexf, "g.gexf"),
    "json": (write_node_link, read_node_link, "g.json"),
    "csv": (write_csv, read_csv, "csv_out"),
}


def assert_same_graph(A, B):
    """Same class, graph attributes, nodes, edge keys, and attribute values *and* types."""
    assert type(A) is type(B)
    assert _typed(A.graph) == _typed(B.graph)
    assert {n: _typed(d) for n, d in A.nodes(data=True)} == {n: _typed(d) for n, d in B.nodes(data=True)}
    if A.is_multigraph():
        ea = {(u, v, k): _typed(d) for u, v, k, d in A.edges(keys=True, data=True)}
        eb = {(u, v, k): _typed(d) for u, v, k, d in B.edges(keys=True, data=True)}
        assert {type(k) for _, _, k in B.edges(keys=True)} <= {type(k) for _, _, k in A.edges(keys=True)}
    else:
        ea = {(u, v): _typed(d) for u, v, d in A.edges(data=True)}
        eb = {(u, v): _typed(d) for u, v, d in B.edges(data=True)}
    assert ea == eb


def _typed(value):
    """A value with the type of every scalar inside it, so 1 != 1.0 != True."""
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_typed(v) for v in value]
    return (type(value).__name__, value)


@pytest.fixture
def graph():
    G = build_graph(corpus())
    G.nodes["country:KEN"]["population_m"] = 55.1  # a float code
    G.nodes["country:NOR"]["population_m"] = 5.5
    return G


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_roundtrip_keeps_nodes_edges_and_attribute_types(graph, tmp_path, fmt):
    write, read, name = FORMATS[fmt]
    write(graph, tmp_path / name)
    back = read(tmp_path / name)
    assert_same_graph(graph, back)
    e = back.edges["person:amara-okafor", "event:harbour-forum", "ATTENDS"]
    assert e["evidence"][0]["sentence"] == S1 and e["evidence"][0]["cue"] is None
    assert back.graph["merges"] == {"person:okafor": "person:amara-okafor"}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_roundtrip_of_collapsed_graph(graph, tmp_path, fmt):
    H = collapse_graph(graph)
    write, read, name = FORMATS[fmt]
    write(H, tmp_path / name)
    back = read(tmp_path / name)
    assert_same_graph(H, back)
    assert isinstance(back["person:amara-okafor"]["event:harbour-forum"]["weight"], float)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_roundtrip_of_mixed_types_none_and_int_keys(tmp_path, fmt):
    G = nx.MultiDiGraph()
    G.add_node("a", score=1, note=None, tags=("x", "y"))
    G.add_node("b", score=2.5, note="kept", tags=[])
    G.add_edge("a", "b", rank=1, flag=True)
    G.add_edge("a", "b", rank=2, flag=False)
    G.graph["title"] = "mixed"
    write, read, name = FORMATS[fmt]
    write(G, tmp_path / name)
    back = read(tmp_path / name)
    assert sorted(back.edges(keys=True)) == [("a", "b", 0), ("a", "b", 1)]
    assert back.nodes["a"]["score"] == 1 and type(back.nodes["a"]["score"]) is int
    assert type(back.nodes["b"]["score"]) is float
    assert back.nodes["a"]["note"] is None and back.nodes["a"]["tags"] == ["x", "y"]
    assert back.edges["a", "b", 1] == {"rank": 2, "flag": False}
    assert back.graph["title"] == "mixed"


def test_export_roundtrip_of_empty_graph(tmp_path):
    G = build_graph([])
    for fmt, (write, read, name) in FORMATS.items():
        write(G, tmp_path / name)
        assert_same_graph(G, read(tmp_path / name))


def test_graphml_writes_one_typed_key_per_attribute_with_unique_ids(graph, tmp_path):
    path = tmp_path / "g.graphml"
    write_graphml(graph, path)
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    keys = ET.parse(path).getroot().findall(f"{ns}key")
    ids = [k.get("id") for k in keys]
    assert len(ids) == len(set(ids))
    names = [(k.get("for"), k.get("attr.name")) for k in keys]
    assert len(names) == len(set(names))
    by_name = {(k.get("for"), k.get("attr.name")): k for k in keys}
    assert by_name[("node", "name")].get("id") == "name"  # named key ids
    assert by_name[("node", "doc_count")].get("id") == "node_doc_count"  # shared name, made unique
    assert by_name[("edge", "negated")].get("attr.type") == "boolean"
    assert by_name[("node", "mention_count")].get("attr.type") == "long"
    assert "relext_json_keys" not in read_graphml(path).graph  # decoded and removed on read
    raw = nx.read_graphml(path, force_multigraph=True)
    assert set(json.loads(raw.graph["relext_json_keys"])["node"]) >= {"aliases", "doc_ids"}
    assert json.loads(raw.nodes["country:NOR"]["aliases"]) == ["Norway", "Norwegian"]


def test_igraph_reads_the_graphml_with_same_counts_and_attributes(graph, tmp_path):
    igraph = pytest.importorskip("igraph")
    path = tmp_path / "g.graphml"
    write_graphml(graph, path)
    g = igraph.Graph.Read_GraphML(str(path))
    assert g.vcount() == graph.number_of_nodes() and g.ecount() == graph.number_of_edges()
    assert g.is_directed()
    v = g.vs.find(id="country:NOR")
    assert v["name"] == "Norway" and v["type"] == "COUNTRY" and v["iso3"] == "NOR"
    assert json.loads(v["aliases"]) == ["Norway", "Norwegian"]  # a list attribute decodes
    assert v["mention_count"] == 3  # igraph reads numbers as float
    e = g.es[g.get_eid(g.vs.find(id="country:KEN").index, v.index)]
    assert e["predicate"] == "MEETS_WITH" and e["symmetric"] is True and e["negated"] is False
    assert [ev["doc_id"] for ev in json.loads(e["evidence"])] == ["d1", "d2"]
    assert "aliases" in json.loads(g["relext_json_keys"])["node"]
    edges = {(g.vs[e.source]["id"], g.vs[e.target]["id"], e["predicate"], e["negated"]) for e in g.es}
    assert edges == {(u, v, d["predicate"], d["negated"]) for u, v, d in graph.edges(data=True)}


def test_igraph_reads_the_collapsed_graphml_weights(graph, tmp_path):
    igraph = pytest.importorskip("igraph")
    H = collapse_graph(graph)
    write_graphml(H, tmp_path / "c.graphml")
    g = igraph.Graph.Read_GraphML(str(tmp_path / "c.graphml"))
    assert g.ecount() == H.number_of_edges()
    assert sorted(g.es["weight"]) == sorted(d["weight"] for _, _, d in H.edges(data=True))


def test_gexf_has_no_dynamic_mode_and_keeps_graph_attributes_in_meta(graph, tmp_path):
    path = tmp_path / "g.gexf"
    write_gexf(graph, path)
    root = ET.parse(path).getroot()
    ns = root.tag.split("}")[0] + "}"
    g = root.find(f"{ns}graph")
    assert g.get("mode") == "static" and g.get("defaultedgetype") == "directed"
    edge = g.find(f"{ns}edges/{ns}edge")
    assert edge.get("type") is None and edge.get("start") is None
    assert json.loads(root.find(f"{ns}meta/{ns}description").text)["doc_count"] == 3


def test_node_link_uses_links_and_does_not_clobber(graph, tmp_path):
    path = tmp_path / "g.json"
    write_node_link(graph, path)
    data = json.loads(path.read_text(encoding="utf8"))
    assert "links" in data and "edges" not in data
    link = next(l for l in data["links"] if l["key"] == "ATTENDS|negated")
    assert (link["source"], link["target"]) == ("country:NOR", "event:harbour-forum")
    assert isinstance(link["doc_ids"], list)


def test_csv_writes_gephi_style_columns_with_json_lists(graph, tmp_path):
    paths = write_csv(graph, tmp_path / "run.csv")
    assert paths["nodes"].name == "run_nodes.csv" and paths["edges"].name == "run_edges.csv"
    import pandas as pd

    nodes = pd.read_csv(paths["nodes"])
    edges = pd.read_csv(paths["edges"])
    assert list(nodes.columns[:1]) == ["id"] and list(edges.columns[:3]) == ["source", "target", "key"]
    assert json.loads(nodes.set_index("id").loc["country:NOR", "aliases"]) == ["Norway", "Norwegian"]
    assert len(edges) == graph.number_of_edges()


@pytest.mark.parametrize("name,reserved", [("node", "id"), ("edge", "source"), ("edge", "type"), ("edge", "key")])
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_refuses_reserved_attribute_names(graph, tmp_path, fmt, name, reserved):
    if name == "node":
        graph.nodes["country:KEN"][reserved] = "x"
    else:
        graph.edges["country:CHL", "event:harbour-forum", "ATTENDS"][reserved] = "reuters.com"
    write, _, fname = FORMATS[fmt]
    with pytest.raises(GraphFileError, match=f"Attribute '{reserved}' on {name}"):
        write(graph, tmp_path / fname)
    assert not (tmp_path / fname).exists()


def test_export_refuses_non_str_node_ids(tmp_path):
    with pytest.raises(GraphFileError, match="Node id 1 is a int"):
        write_graphml(nx.MultiDiGraph([(1, 2)]), tmp_path / "g.graphml")


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_write_graph_dispatches_by_extension_and_read_graph_reads_back(graph, tmp_path, fmt):
    name = FORMATS[fmt][2] if fmt != "csv" else "g.csv"
    assert write_graph(graph, tmp_path / name) == tmp_path / name
    assert_same_graph(graph, read_graph(tmp_path / name))


def test_write_graph_format_overrides_extension(graph, tmp_path):
    write_graph(graph, tmp_path / "g.xml", format="gexf")
    assert_same_graph(graph, read_graph(tmp_path / "g.xml", format="gexf"))
    write_graph(graph, tmp_path / "dir", format="csv")
    assert_same_graph(graph, read_graph(tmp_path / "dir"))
    write_graph(graph, tmp_path / "d3.txt", format="node_link")
    assert_same_graph(graph, read_graph(tmp_path / "d3.txt", format="json"))


def test_write_graph_names_unknown_format(graph, tmp_path):
    with pytest.raises(GraphFileError, match=r"E021.*'\.dot'"):
        write_graph(graph, tmp_path / "g.dot")
    with pytest.raises(GraphFileError, match="E021.*'pajek'"):
        write_graph(graph, tmp_path / "g.net", format="pajek")


@pytest.mark.parametrize("name,content", [("g.graphml", "<graphml"), ("g.gexf", "not xml"), ("g.json", "{"),
                                          ("missing.json", None)])
def test_read_graph_names_the_bad_file(tmp_path, name, content):
    if content is not None:
        (tmp_path / name).write_text(content)
    with pytest.raises(GraphFileError, match=f"E020.*{name}"):
        read_graph(tmp_path / name)


def test_reads_foreign_graphml_without_relext_metadata(tmp_path):
    path = tmp_path / "plain.graphml"
    nx.write_graphml(nx.DiGraph([("a", "b", {"w": 1.5})]), path)
    back = read_graphml(path)
    assert back.edges["a", "b", 0]["w"] == 1.5


def test_to_frames_from_extractions():
    ents, rels = to_frames(corpus())
    assert len(ents) == sum(len(ex.entities) for ex in corpus())
    assert len(rels) == sum(len(ex.relations) for ex in corpus())
    row = rels[(rels.doc_id == "d2") & (rels.negated)].iloc[0]
    assert (row.subject, row.predicate, row.object, row.cue) == ("country:NOR", "ATTENDS", "event:harbour-forum",
                                                                  "did not")
    nor = ents[(ents.doc_id == "d2") & (ents.entity_id == "country:NOR")].iloc[0]
    assert nor.aliases == ["Norway", "Norwegian"] and nor.attributes == {"iso3": "NOR"}


def test_to_frames_from_graph(graph):
    ents, rels = to_frames(graph)
    assert len(ents) == graph.number_of_nodes() and len(rels) == graph.number_of_edges()
    assert list(rels.columns[:4]) == ["subject", "object", "key", "predicate"]
    row = ents.set_index("entity_id").loc["event:harbour-forum"]
    assert row["doc_ids"] == ["d1", "d2", "d3"]


def test_to_frames_of_empty_inputs():
    ents, rels = to_frames([])
    assert ents.empty and "entity_id" in ents.columns and "predicate" in rels.columns
    ents, rels = to_frames(build_graph([]))
    assert ents.empty and rels.empty


def test_public_names_are_exported_lazily_from_relext():
    for name in ("build_graph", "update_graph", "validate_graph", "collapse_graph", "write_graphml",
                 "read_graphml", "write_gexf", "write_node_link", "write_csv", "write_graph", "read_graph",
                 "to_frames"):
        assert callable(getattr(relext, name))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_leaves_the_graph_unchanged_and_valid_after_reading(graph, tmp_path, fmt):
    import copy

    before = copy.deepcopy(graph)
    write, read, name = FORMATS[fmt]
    write(graph, tmp_path / name)
    assert_same_graph(before, graph)
    assert relext.validate_graph(read(tmp_path / name)) == []
