"""build_graph / update_graph / filter_graph / collapse_graph behaviour."""
from __future__ import annotations

import json

import networkx as nx
import pytest

from relext.errors import InputError
from relext.graph import build_graph, collapse_graph, filter_graph, update_graph

from graph_samples import S1, S2, S6, corpus, entity, extraction, relation


def graph_data(G):
    """Everything observable in a graph, as comparable plain data."""
    return (
        type(G).__name__,
        json.dumps(G.graph, sort_keys=True),
        sorted((n, json.dumps(d, sort_keys=True)) for n, d in G.nodes(data=True)),
        sorted((u, v, k, json.dumps(d, sort_keys=True)) for u, v, k, d in G.edges(keys=True, data=True)),
    )


def test_build_graph_merges_entities_across_documents():
    G = build_graph(corpus())
    forum = G.nodes["event:harbour-forum"]
    assert forum["type"] == "EVENT"
    assert forum["doc_ids"] == ["d1", "d2", "d3"] and forum["doc_count"] == 3
    assert forum["mention_count"] == 4
    assert forum["aliases"] == ["Harbour Forum", "the forum"]
    assert G.nodes["country:NOR"]["iso3"] == "NOR"
    assert G.nodes["country:NOR"]["aliases"] == ["Norway", "Norwegian"]
    assert G.graph["doc_count"] == 3


def test_build_graph_aggregates_evidence_of_one_relation():
    G = build_graph(corpus())
    e = G.edges["person:amara-okafor", "event:harbour-forum", "ATTENDS"]
    assert e["predicate"] == "ATTENDS" and e["negated"] is False and e["symmetric"] is False
    assert e["evidence_count"] == 2 and e["doc_count"] == 2 and e["doc_ids"] == ["d1", "d3"]
    assert [ev["sentence"] for ev in e["evidence"]] == [S1, S6]
    assert set(e["evidence"][0]) >= {"doc_id", "sentence", "start_char", "end_char", "trigger", "rule", "modality", "cue"}
    assert e["asserted_count"] == 2 and e["planned_count"] == 0


def test_build_graph_counts_modalities():
    G = build_graph(corpus())
    e = G.edges["country:CHL", "event:harbour-forum", "ATTENDS"]
    assert e["planned_count"] == 1 and e["asserted_count"] == 0
    assert e["evidence"][0]["modality"] == "PLANNED" and e["evidence"][0]["cue"] == "will"


def test_build_graph_stores_symmetric_edge_once_in_sorted_direction():
    G = build_graph(corpus())
    assert not G.has_edge("country:NOR", "country:KEN")
    e = G.edges["country:KEN", "country:NOR", "MEETS_WITH"]
    assert e["symmetric"] is True
    assert e["evidence_count"] == 2 and e["doc_ids"] == ["d1", "d2"]
    assert all(ev["sentence"] == S2 for ev in e["evidence"])


def test_build_graph_symmetric_from_catalogue_even_if_unflagged():
    ex = extraction("x", [entity("country:NOR"), entity("country:KEN")],
                    [relation("country:NOR", "MEETS_WITH", "country:KEN", S2, "held talks")])
    G = build_graph([ex])
    assert list(G.edges(keys=True)) == [("country:KEN", "country:NOR", "MEETS_WITH")]


def test_build_graph_keeps_negated_edges_under_their_own_key():
    G = build_graph(corpus())
    e = G.edges["country:NOR", "event:harbour-forum", "ATTENDS|negated"]
    assert e["negated"] is True and e["label"] == "not ATTENDS" and e["evidence"][0]["cue"] == "did not"


def test_build_graph_can_drop_negated_edges():
    G = build_graph(corpus(), keep_negated=False)
    assert not any(d["negated"] for _, _, d in G.edges(data=True))
    assert "country:NOR" in G  # the node stays
    assert G.graph["keep_negated"] is False


def test_build_graph_min_evidence_drops_thin_edges():
    G = build_graph(corpus(), min_evidence=2)
    assert sorted(G.edges(keys=True)) == [
        ("country:KEN", "country:NOR", "MEETS_WITH"),
        ("person:amara-okafor", "event:harbour-forum", "ATTENDS"),
    ]


def test_build_graph_rejects_bad_min_evidence():
    with pytest.raises(ValueError, match="min_evidence"):
        build_graph(corpus(), min_evidence=0)


def test_filter_graph_equals_build_time_options():
    full = build_graph(corpus())
    for opts in ({"keep_negated": False}, {"min_evidence": 2}, {"keep_negated": False, "min_evidence": 2}):
        assert graph_data(filter_graph(full, **opts)) == graph_data(build_graph(corpus(), **opts))
    assert full.number_of_edges() == 5  # the input is untouched


def test_build_graph_merges_single_token_person_into_full_name():
    G = build_graph(corpus())
    assert "person:okafor" not in G
    assert G.graph["merges"] == {"person:okafor": "person:amara-okafor"}
    assert "only person" in G.graph["merge_reasons"]["person:okafor"]
    p = G.nodes["person:amara-okafor"]
    assert p["name"] == "Amara Okafor" and p["aliases"] == ["Amara Okafor", "Okafor"]
    assert p["doc_ids"] == ["d1", "d2", "d3"]
    # edges of the short id moved to the full one (and re-sorted if symmetric)
    assert G.has_edge("person:amara-okafor", "person:lena-varga", "MEETS_WITH")


def test_build_graph_does_not_merge_ambiguous_single_token_person():
    ex = extraction("v", [entity("person:varga", "Varga"), entity("person:lena-varga"), entity("person:tomas-varga")])
    G = build_graph([ex])
    assert "person:varga" in G and G.graph["merges"] == {}
    assert "person:okafor" in build_graph(corpus(), merge_persons=False)


def test_build_graph_accepts_model_dump_dicts_and_json_lines(tmp_path):
    path = tmp_path / "ex.jsonl"
    path.write_text("\n".join(json.dumps(ex.model_dump(mode="json")) for ex in corpus()), encoding="utf8")
    dicts = [json.loads(line) for line in path.read_text(encoding="utf8").splitlines()]
    assert graph_data(build_graph(dicts)) == graph_data(build_graph(corpus()))


def test_build_graph_names_the_malformed_extraction():
    bad = corpus()[0].model_dump(mode="json")
    bad["relations"][0]["predicate"] = 5
    with pytest.raises(InputError, match=r"Extraction 1 \(doc_id='d1'\).*relations\.0\.predicate"):
        build_graph([corpus()[1], bad])
    with pytest.raises(InputError, match="Extraction 0 is a str"):
        build_graph(["not an extraction"])


def test_build_graph_repeated_document_replaces_earlier_version():
    d1 = corpus()[0]
    d1_again = extraction("d1", [entity("country:KEN")])
    G = build_graph([d1, d1_again])
    assert G.number_of_edges() == 0 and set(G) == {"country:KEN"}
    assert graph_data(build_graph([d1, d1])) == graph_data(build_graph([d1]))


def test_build_graph_adds_typed_node_for_relation_endpoint_without_entity():
    ex = extraction("e", [entity("person:amara-okafor")],
                    [relation("person:amara-okafor", "ATTENDS", "event:harbour-forum", S1, "attended")])
    G = build_graph([ex])
    assert G.nodes["event:harbour-forum"]["type"] == "EVENT"
    assert G.nodes["event:harbour-forum"]["mention_count"] == 0


@pytest.mark.parametrize("split", [0, 1, 2, 3])
def test_update_graph_equals_build_from_all(split):
    docs = corpus()
    G = build_graph(docs[:split])
    assert update_graph(G, docs[split:]) is G
    assert graph_data(G) == graph_data(build_graph(docs))


def test_update_graph_one_document_at_a_time_with_options():
    docs = corpus()
    G = build_graph([], min_evidence=2, keep_negated=False)
    for d in docs:
        update_graph(G, [d])
    # the ATTENDS edge reached min_evidence only with d3
    assert graph_data(G) == graph_data(build_graph(docs, min_evidence=2, keep_negated=False))


def test_update_graph_undoes_a_merge_that_becomes_ambiguous():
    first = extraction("a", [entity("person:varga", "Varga"), entity("person:lena-varga")])
    later = extraction("b", [entity("person:tomas-varga")])
    G = build_graph([first])
    assert G.graph["merges"] == {"person:varga": "person:lena-varga"}
    update_graph(G, [later])
    assert graph_data(G) == graph_data(build_graph([first, later]))
    assert "person:varga" in G


def test_update_graph_on_a_copied_graph_rebuilds_state_from_attributes():
    docs = corpus()
    G = build_graph(docs[:2]).copy()  # a copy carries no private state
    update_graph(G, docs[2:])
    H = build_graph(docs)
    assert sorted(G.edges(keys=True)) == sorted(H.edges(keys=True))
    for u, v, k, d in H.edges(keys=True, data=True):
        assert G.edges[u, v, k]["evidence_count"] == d["evidence_count"]
    assert G.nodes["event:harbour-forum"]["doc_ids"] == ["d1", "d2", "d3"]


def test_update_graph_keeps_untouched_user_attributes():
    docs = corpus()
    G = build_graph(docs[:1])
    G.nodes["location:valparaiso"]["community"] = 3  # no later document mentions Valparaiso
    update_graph(G, docs[1:])
    assert G.nodes["location:valparaiso"]["community"] == 3


def test_collapse_graph_sums_weight_per_ordered_pair():
    G = build_graph(corpus())
    G.add_edge("person:amara-okafor", "event:harbour-forum", key="SUPPORTS", predicate="SUPPORTS",
               negated=False, evidence_count=3, doc_ids=["d9"])
    H = collapse_graph(G)
    assert isinstance(H, nx.DiGraph) and not H.is_multigraph()
    e = H.edges["person:amara-okafor", "event:harbour-forum"]
    assert e["weight"] == 5.0 and isinstance(e["weight"], float)
    assert e["predicates"] == {"ATTENDS": 2, "SUPPORTS": 3}
    assert e["relation_count"] == 2 and e["doc_ids"] == ["d1", "d3", "d9"] and e["doc_count"] == 3
    assert H.nodes["country:NOR"] == G.nodes["country:NOR"]


def test_collapse_graph_leaves_out_negated_unless_asked():
    G = build_graph(corpus())
    assert not collapse_graph(G).has_edge("country:NOR", "event:harbour-forum")
    H = collapse_graph(G, include_negated=True, weight=None)
    assert H.edges["country:NOR", "event:harbour-forum"]["predicates"] == {"ATTENDS|negated": 1}


def test_collapse_graph_rejects_non_multigraph():
    with pytest.raises(TypeError, match="MultiDiGraph"):
        collapse_graph(nx.DiGraph())
