"""Property: updating a graph document by document equals building it at once."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from relext.graph import build_graph, update_graph

from graph_samples import S2, S4, entity, extraction, relation
from test_graph_build import graph_data

IDS = ["person:okafor", "person:amara-okafor", "person:varga", "person:lena-varga", "person:tomas-varga",
       "country:KEN", "country:NOR"]
PREDICATES = ["MEETS_WITH", "SUPPORTS", "ACCUSES"]

rel_strategy = st.tuples(st.sampled_from(IDS), st.sampled_from(PREDICATES), st.sampled_from(IDS),
                         st.booleans(), st.sampled_from([0, 50]), st.sampled_from(["ASSERTED", "REPORTED"]))
doc_strategy = st.tuples(st.sampled_from(["a", "b", "c", "d", "e"]),
                         st.lists(st.sampled_from(IDS), max_size=4, unique=True),
                         st.lists(rel_strategy, max_size=4))


def make(doc):
    doc_id, ents, rels = doc
    relations = [relation(s, p, o, S2 if start else S4, "held talks" if start else "met", start=start,
                          negated=neg, modality=mod) for s, p, o, neg, start, mod in rels if s != o]
    return extraction(doc_id, [entity(e) for e in ents], relations)


@settings(max_examples=150, deadline=None)
@given(docs=st.lists(doc_strategy, max_size=6), cut=st.integers(0, 6), min_evidence=st.integers(1, 2),
       keep_negated=st.booleans())
def test_update_graph_equals_build_for_any_split(docs, cut, min_evidence, keep_negated):
    exs = [make(d) for d in docs]
    G = build_graph(exs[:cut], min_evidence=min_evidence, keep_negated=keep_negated)
    for ex in exs[cut:]:
        update_graph(G, [ex])
    assert graph_data(G) == graph_data(build_graph(exs, min_evidence=min_evidence, keep_negated=keep_negated))
