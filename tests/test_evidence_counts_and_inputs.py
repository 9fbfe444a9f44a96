"""Evidence counts count distinct sentences, duplicate copy across documents can be
collapsed (issue 14.14); filter_graph is importable from relext, and extract_many
takes a pandas Series or DataFrame with its ids (issue 14.12)."""
from __future__ import annotations

import pandas as pd
import pytest

import relext
from graph_samples import S2, corpus, entity, extraction, relation
from relext.graph import build_graph, update_graph
from relext.records import as_records

KEN_NOR = ("country:KEN", "country:NOR", "MEETS_WITH")


def _headline_and_body(doc_id: str):
    """A headline restated in the body: two offsets, one sentence."""
    headline = "Kenya and Norway held talks on fisheries"
    return extraction(doc_id, [entity("country:KEN"), entity("country:NOR")], [
        relation("country:KEN", "MEETS_WITH", "country:NOR", headline, "held talks", symmetric=True),
        relation("country:KEN", "MEETS_WITH", "country:NOR", S2, "held talks", start=200, symmetric=True),
    ])


def test_a_sentence_repeated_in_one_document_counts_once():
    G = build_graph([_headline_and_body("wire-1")])
    d = G.edges[KEN_NOR]
    assert len(d["evidence"]) == 2, "both statements stay as evidence"
    assert d["evidence_count"] == 1


def test_wire_copy_counts_per_document_unless_collapsed():
    copies = [_headline_and_body(f"outlet-{i}") for i in range(40)]
    G = build_graph(copies)
    assert G.edges[KEN_NOR]["evidence_count"] == 40
    H = build_graph(copies, collapse_copies=True)
    d = H.edges[KEN_NOR]
    assert d["evidence_count"] == 1 and d["doc_count"] == 40
    assert d["doc_ids"] == [f"outlet-{i}" for i in range(40)], "every document id is kept"
    assert H.graph["collapse_copies"] is True
    assert build_graph(copies, collapse_copies=True, min_evidence=2).number_of_edges() == 0


def test_collapse_copies_is_kept_by_update_graph():
    docs = corpus()
    G = build_graph(docs[:1], collapse_copies=True)
    update_graph(G, docs[1:])
    assert G.edges[KEN_NOR]["evidence_count"] == 1  # S2 appears in d1 and d2
    full = build_graph(docs, collapse_copies=True)
    assert list(G.edges(keys=True, data=True)) == list(full.edges(keys=True, data=True))
    assert build_graph(docs).edges[KEN_NOR]["evidence_count"] == 2


def test_filter_graph_is_public():
    assert "filter_graph" in relext.__all__
    G = relext.build_graph(corpus())
    assert relext.filter_graph(G, keep_negated=False).number_of_edges() < G.number_of_edges()


def test_records_from_pandas():
    s = pd.Series(["One.", "Two."], index=[101, 205])
    assert list(as_records(s)) == [{"id": "101", "text": "One."}, {"id": "205", "text": "Two."}]
    df = pd.DataFrame({"text": ["One.", "Two."]}, index=["x", "y"])
    assert [r["id"] for r in as_records(df)] == ["x", "y"]
    with pytest.raises(relext.errors.InputError, match="'text' column"):
        as_records(pd.DataFrame({"body": ["One."]}))


@pytest.mark.slow
def test_extract_many_takes_a_series_and_a_dataframe(nlp):
    texts = ["Putin met Xi in Beijing.", "Chile will attend the summit."]
    by_series = list(relext.extract_many(pd.Series(texts, index=["kremlin-1", "santiago-2"]), nlp=nlp))
    assert [ex.doc_id for ex in by_series] == ["kremlin-1", "santiago-2"]
    df = pd.DataFrame({"id": ["a", "b"], "text": texts, "outlet": ["x", "y"]})
    by_frame = list(relext.extract_many(df, nlp=nlp))
    assert [ex.doc_id for ex in by_frame] == ["a", "b"]
    assert [len(ex.relations) for ex in by_frame] == [len(ex.relations) for ex in by_series]
    assert by_series[0].relations, "the texts state relations"
