"""Property-based tests: invariants of extraction and export on random and adversarial text."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import relext

NEWS_WORDS = ["Putin", "Xi", "Jinping", "Vladimir", "met", "with", "the", "United", "States", "boycotted",
              "Beijing", "Winter", "Olympics", "NATO", "joined", "Finland", "not", "will", "attend", "said",
              "he", "they", "and", ",", ".", "in", "Kyiv", "visited", "French", "President", "Macron",
              "accused", "China", "of", "sanctions", "on", "Iran", "if", "?", "\n", "\n\n", "“", "”",
              "U.S.", "UK", "Russia's", "summit", "G20", "Moscow", "has", "sought", "talks", "between"]
ADVERSARIAL = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
NEWSY = st.lists(st.sampled_from(NEWS_WORDS), max_size=60).map(" ".join)
WEIRD = st.lists(st.sampled_from(NEWS_WORDS + ["\u200b", "\x00", "\x1f", "\u202e", "\t\t", "<p>", "</b>", "🙂",
                                               "\r\n", "\u00a0", "  ", "'s", "—", "(", ")"]), max_size=80).map("".join)
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _check_invariants(text, ex):
    ids = {e.id: e.type.value for e in ex.entities}
    assert len(ids) == len(ex.entities), "entity ids are unique"
    for e in ex.entities:
        assert e.mentions
        for m in e.mentions:
            assert text[m.start_char:m.end_char] == m.text
    catalogue = relext.load_catalogue()
    for r in ex.relations:
        assert r.subject in ids and r.object in ids and r.subject != r.object
        assert catalogue[r.predicate].allows(ids[r.subject], ids[r.object])
        ev = r.evidence
        assert text[ev.start_char:ev.end_char] == ev.sentence
        assert text[ev.trigger_start:ev.trigger_end] == ev.trigger


@SETTINGS
@given(text=st.one_of(ADVERSARIAL, NEWSY, WEIRD))
def test_fuzz_extraction_never_raises_and_keeps_invariants(nlp, text):
    ex = relext.extract(text, nlp=nlp)
    _check_invariants(text, ex)


@SETTINGS
@given(text=st.one_of(NEWSY, WEIRD))
def test_fuzz_extraction_is_deterministic(nlp, text):
    assert relext.extract(text, nlp=nlp) == relext.extract(text, nlp=nlp)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(NEWSY, min_size=1, max_size=4))
def test_fuzz_graphml_round_trip_keeps_every_attribute(nlp, tmp_path_factory, texts):
    extractions = list(relext.extract_many(texts, nlp=nlp))
    G = relext.build_graph(extractions)
    path = tmp_path_factory.mktemp("fuzz") / "g.graphml"
    relext.write_graphml(G, path)
    H = relext.read_graphml(path)
    assert dict(G.nodes(data=True)) == dict(H.nodes(data=True))
    assert sorted((u, v, k, tuple(sorted(d.items(), key=str))) for u, v, k, d in G.edges(keys=True, data=True)) == \
        sorted((u, v, k, tuple(sorted(d.items(), key=str))) for u, v, k, d in H.edges(keys=True, data=True))
    assert relext.validate_graph(H) == []


def test_fuzz_known_adversarial_inputs(nlp):
    for text in ["\x00\x00", "\u202eRussia\u202c met Xi", "<script>alert(1)</script> Putin met Xi.",
                 "Putin" * 500, ".\n" * 300, "“" * 50 + "Xi", "U.S.-China-Russia-UK talks.", "\ufeffPutin met Xi."]:
        _check_invariants(text, relext.extract(text, nlp=nlp))


def test_model_span_trimmed_to_nothing_is_dropped_without_a_rule_failure(nlp):
    # the model tags the whole of this as a person; trimming its words leaves no token
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for text in ["thewith\r\n", "thewith\r\nthewith\r\n"]:
            ex = relext.extract(text, nlp=nlp)
            _check_invariants(text, ex)
            assert ex.warnings == []
