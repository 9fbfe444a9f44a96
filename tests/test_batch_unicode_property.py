"""Random Unicode through the batch and the extraction API: nothing crashes, every output parses.

Texts mix an English sentence with random characters, surrogates included
(``blacklist_categories=()``), noncharacters, controls, bidi marks, emoji and long
unbroken tokens. Through ``extract``, ``extract_many`` and the batch command (JSONL
input and ready records), every document gives a result or a skip with a reason, the
results file reads back, and the node-link graph reads back. (The other graph formats
are the export layer's property test.)
"""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relext.batch import BatchOptions, read_results, run_batch

SPECIALS = ["\ud800", "\udfff", "\ufffe", "\uffff", "\x00", "\x07", "\x1b", "\u202e", "\u2066", "\u200f",
            "\U0001F600", "\U0001F3F3\uFE0F\u200D\U0001F308", "e\u0301", "\u00a0", "\r\n", "\u2028"]

pieces = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=()), max_size=20),
    st.sampled_from(SPECIALS),
    st.integers(1, 3000).map(lambda n: "x" * n),  # a huge token
    st.just(" France will attend the Vienna Security Summit. "),
)
texts = st.lists(pieces, min_size=1, max_size=8).map("".join)


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(docs=st.lists(texts, min_size=1, max_size=4))
def test_random_unicode_through_the_api_and_the_batch(tmp_path_factory, nlp, docs):
    import relext
    from relext.export import read_graph

    for text in docs:
        relext.extract(text, nlp=nlp).model_dump_json()
    out = list(relext.extract_many(docs, nlp=nlp))
    assert len(out) == len(docs)
    for ex in out:
        json.loads(ex.model_dump_json())

    tmp = tmp_path_factory.mktemp("u")
    src = tmp / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(docs)), encoding="utf-8")
    for inputs, name in (([src], "file"), ([{"id": f"r{i}", "text": t} for i, t in enumerate(docs)], "records")):
        options = BatchOptions(jsonl=tmp / f"{name}.jsonl", output=tmp / f"{name}.json", progress=False,
                               force_language=True)
        summary = run_batch(inputs, options, nlp=nlp)
        assert summary.processed + len(summary.skipped) == len(docs)
        assert all(reason for _, reason in summary.skipped)
        results = list(read_results(tmp / f"{name}.jsonl"))
        assert len(results) == summary.processed
        for ex, text in results:
            text.encode("utf-8")
            for ent in ex.entities:
                for m in ent.mentions:
                    assert text[m.start_char:m.end_char] == m.text
        read_graph(tmp / f"{name}.json")
