"""validate_graph catches schema and catalogue violations."""
from __future__ import annotations

import networkx as nx

from relext.graph import Violation, build_graph, validate_graph

from graph_samples import corpus


def codes(G):
    return [v.code for v in validate_graph(G)]


def test_validate_graph_accepts_a_built_graph():
    assert validate_graph(build_graph(corpus())) == []


def test_validate_graph_catches_types_the_catalogue_does_not_allow():
    G = build_graph(corpus())
    d = dict(G.edges["person:amara-okafor", "event:harbour-forum", "ATTENDS"])
    d["predicate"] = "VISITS"
    G.add_edge("person:amara-okafor", "event:harbour-forum", key="VISITS", **d)
    problems = validate_graph(G)
    assert [p.code for p in problems] == ["type-not-allowed"]
    p = problems[0]
    assert isinstance(p, Violation) and p.edge == ("person:amara-okafor", "event:harbour-forum", "VISITS")
    assert "VISITS does not allow PERSON -> EVENT" in str(p)


def test_validate_graph_catches_unknown_predicate_and_node_type():
    G = build_graph(corpus())
    G.nodes["location:valparaiso"]["type"] = "CITY"
    d = dict(G.edges["country:CHL", "event:harbour-forum", "ATTENDS"], predicate="HOSTS")
    G.add_edge("country:CHL", "event:harbour-forum", key="HOSTS", **d)
    assert sorted(codes(G)) == ["unknown-node-type", "unknown-predicate"]
    assert any("'location:valparaiso' has unknown type 'CITY'" in str(v) for v in validate_graph(G))


def test_validate_graph_catches_missing_and_mistyped_attributes():
    G = build_graph(corpus())
    del G.nodes["country:KEN"]["aliases"]
    G.nodes["country:NOR"]["mention_count"] = "3"
    G.edges["country:CHL", "event:harbour-forum", "ATTENDS"]["negated"] = "no"
    problems = validate_graph(G)
    assert {(p.code, p.attribute) for p in problems} == {
        ("missing-attribute", "aliases"), ("attribute-type", "mention_count"), ("attribute-type", "negated"),
    }


def test_validate_graph_catches_wrong_symmetric_direction_and_edge_key():
    G = build_graph(corpus())
    d = G.edges["country:KEN", "country:NOR", "MEETS_WITH"]
    G.add_edge("country:NOR", "country:KEN", key="MEETS_WITH", **d)
    G.add_edge("country:CHL", "event:harbour-forum", key="GOES_TO",
               **G.edges["country:CHL", "event:harbour-forum", "ATTENDS"])
    assert sorted(codes(G)) == ["edge-key", "symmetric-direction"]


def test_validate_graph_flags_a_simple_graph():
    assert codes(nx.DiGraph()) == ["graph-class"]
