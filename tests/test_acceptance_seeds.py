"""End to end on the two seed articles of the development set (read from ../shared, not copied).

The batch command turns them into a GraphML file that networkx and python-igraph read
alike, with one node per person across both articles and evidence from both on the
shared ATTENDS edge. Skipped where ../shared/eval/dev.jsonl is not beside the project.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import relext
from relext.cli import main

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev.jsonl"
pytestmark = pytest.mark.skipif(not DEV.is_file(), reason="../shared/eval/dev.jsonl is not beside the project")


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory, nlp):
    tmp = tmp_path_factory.mktemp("seeds")
    records = [json.loads(line) for line in DEV.read_text(encoding="utf8").splitlines() if line.strip()]
    seeds = tmp / "seeds.jsonl"
    seeds.write_text("".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n"
                             for r in records if r["id"] in ("seed-000", "seed-001")), encoding="utf8")
    out = tmp / "seeds.graphml"
    assert main(["extract", str(seeds), "-o", str(out), "--no-progress"]) == 0
    return out


def test_seeds_graphml_same_in_networkx_and_igraph(seed_graph):
    igraph = pytest.importorskip("igraph")
    G = relext.read_graphml(seed_graph)
    g = igraph.Graph.Read_GraphML(str(seed_graph))
    assert (G.number_of_nodes(), G.number_of_edges()) == (g.vcount(), g.ecount())
    assert sorted(G.nodes) == sorted(g.vs["id"])


def test_seeds_one_node_per_leader(seed_graph):
    G = relext.read_graphml(seed_graph)
    people = [n for n, d in G.nodes(data=True) if d["type"] == "PERSON"]
    assert len([n for n in people if "putin" in n]) == 1
    assert len([n for n in people if "xi-jinping" in n or n == "person:xi"]) == 1


def test_seeds_attends_edge_cites_both_documents(seed_graph):
    G = relext.read_graphml(seed_graph)
    edges = [d for u, v, d in G.edges(data=True)
             if u == "person:vladimir-putin" and d["predicate"] == "ATTENDS" and "winter-olympics" in v and not d["negated"]]
    assert len(edges) == 1
    assert sorted(edges[0]["doc_ids"]) == ["seed-000", "seed-001"]


def test_seeds_every_node_has_a_catalogue_type(seed_graph):
    G = relext.read_graphml(seed_graph)
    assert {d["type"] for _, d in G.nodes(data=True)} <= {"PERSON", "COUNTRY", "ORGANISATION", "EVENT", "LOCATION"}
    assert relext.validate_graph(G) == []
