"""The extraction API: inputs, outputs, offsets and edge cases."""
from __future__ import annotations

import pytest

import relext
from relext.errors import InputError
from relext.models import Extraction

TEXT = ("Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing. "
        "Putin said he planned to go to the Winter Olympics.\n\nThe United States and the U.S. Congress "
        "criticised Moscow.")


def test_extract_returns_typed_pydantic_models(nlp):
    ex = relext.extract(TEXT, doc_id="a1", nlp=nlp)
    assert isinstance(ex, Extraction)
    assert ex.doc_id == "a1"
    data = ex.model_dump(mode="json")
    assert Extraction.model_validate(data) == ex


def test_extract_offsets_match_text(nlp):
    ex = relext.extract(TEXT, nlp=nlp)
    for e in ex.entities:
        for m in e.mentions:
            assert TEXT[m.start_char:m.end_char] == m.text


def test_extract_short_and_long_names_are_one_person(nlp):
    ex = relext.extract(TEXT, nlp=nlp)
    putin = ex.entity("person:vladimir-putin")
    assert {"Vladimir Putin", "Putin"} <= {m.text for m in putin.mentions}
    assert len([e for e in ex.entities if e.type.value == "PERSON" and "putin" in e.id]) == 1


def test_extract_empty_and_whitespace_give_empty_result(nlp):
    for text in ("", "   \n\t  "):
        ex = relext.extract(text, nlp=nlp)
        assert ex.entities == [] and ex.relations == []
        assert ex.warnings


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["a list"]])
def test_extract_non_string_raises_clear_error(nlp, bad):
    with pytest.raises(InputError, match="expects text as str"):
        relext.extract(bad, nlp=nlp)


def test_extract_text_longer_than_max_length_is_chunked(nlp):
    para = "Antony Blinken visited Kyiv on Thursday. Finland joined NATO in April.\n\n"
    text = para * 40
    old = nlp.max_length
    nlp.max_length = 500
    try:
        ex = relext.extract(text, nlp=nlp)
    finally:
        nlp.max_length = old
    assert any("chunks" in w for w in ex.warnings)
    blinken = ex.entity("person:antony-blinken")
    assert len(blinken.mentions) == 40
    for e in ex.entities:
        for m in e.mentions:
            assert text[m.start_char:m.end_char] == m.text
    assert {(r.predicate, r.object) for r in ex.relations} >= {("VISITS", "location:kyiv"), ("MEMBER_OF", "organisation:nato")}
    assert all(text[r.evidence.start_char:r.evidence.end_char] == r.evidence.sentence for r in ex.relations)


def test_extract_many_keeps_order_ids_and_reports_bad_records(nlp):
    skipped = []
    records = [{"id": "x", "text": "Finland joined NATO."}, "Kenya boycotted the Paris 2024 Summer Olympics.",
               {"id": "bad", "body": "no text"}, 17, {"id": "empty", "text": ""}]
    out = list(relext.extract_many(records, nlp=nlp, on_skip=lambda i, why: skipped.append((i, why))))
    assert [e.doc_id for e in out] == ["x", "1", "empty"]
    assert [i for i, _ in skipped] == ["bad", "3"]
    assert all(why for _, why in skipped)
    assert out[0].relations[0].predicate == "MEMBER_OF"


def test_extract_many_equals_extract(nlp):
    texts = [TEXT, "Antony Blinken met with Wang Yi in Munich."]
    many = list(relext.extract_many(texts, nlp=nlp, batch_size=1))
    single = [relext.extract(t, doc_id=str(i), nlp=nlp) for i, t in enumerate(texts)]
    assert many == single


def test_extract_many_chunks_long_records(nlp):
    text = "Antony Blinken visited Kyiv on Thursday.\n\n" * 30
    old = nlp.max_length
    nlp.max_length = 300
    try:
        (ex,) = list(relext.extract_many([{"id": "long", "text": text}], nlp=nlp))
    finally:
        nlp.max_length = old
    assert ex.doc_id == "long"
    assert len(ex.entity("person:antony-blinken").mentions) == 30
    assert any("chunks" in w for w in ex.warnings)


def test_doc_extensions_are_plain_data(nlp):
    import srsly

    doc = nlp(TEXT)
    assert isinstance(doc._.relext_entities, list) and isinstance(doc._.relext_relations, list)
    srsly.msgpack_dumps(doc.user_data)  # must not raise: safe for n_process > 1
    assert relext.extract_doc(doc) == relext.extract(TEXT, nlp=nlp)


def test_extract_doc_without_relext_components_raises(bare_nlp):
    with pytest.raises(ValueError, match="relext_relations"):
        relext.extract_doc(bare_nlp("Putin met Xi."))


@pytest.mark.slow
def test_extract_many_two_processes_equals_one(nlp):
    texts = [TEXT, "Finland joined NATO in April.", "Antony Blinken met with Wang Yi in Munich."] * 4
    one = list(relext.extract_many(texts, nlp=nlp, n_process=1, batch_size=2))
    two = list(relext.extract_many(texts, nlp=nlp, n_process=2, batch_size=2))
    assert one == two
