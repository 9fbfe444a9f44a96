"""The cached offsets of `relext.pipeline._lookup` give what spaCy's Spans give."""
from relext.pipeline._lookup import (positions_in, positions_of_words, positions_where, sentence_bounds, sentence_chars,
                                     span_chars, span_text)

TEXT = ("Home | World\n\nLeaders met in Geneva (Switzerland) on Monday. “We agree,” the envoy said.\n"
        "A short line\nand the talks — which ran late — ended.")


def test_span_texts_and_offsets_match_spacy(nlp):
    doc = nlp(TEXT)
    n = len(doc)
    for start in range(-2, n + 2):
        for end in range(-2, n + 3):
            span = doc[start:end]
            assert span_text(doc, start, end) == span.text
            if span_text(doc, start, end):
                assert span_chars(doc, start, end) == (span.text, span.start_char, span.end_char)


def test_sentence_bounds_match_token_sent(nlp):
    doc = nlp(TEXT)
    for tok in doc:
        sent = tok.sent
        assert sentence_bounds(doc, tok.i) == (sent.start, sent.end)
        assert sentence_chars(doc, tok.i) == (sent.start_char, sent.end_char)


def test_positions_in_finds_what_the_membership_predicate_finds(nlp):
    doc = nlp("Kenya and Peru met; KENYA's envoy Met the Peruvian envoys. They meet again in Lima.")
    word_sets = [{"met", "envoy"}, {"kenya"}, {"meet", "lima", "absent"}, set(), {"Kenya", "KENYA"}]
    for attr in ("LOWER", "LEMMA", "ORTH"):
        for a in word_sets:
            for b in word_sets:
                expected = positions_where(doc, lambda w: w in a or w in b, attr=attr)
                assert positions_in(doc, a, b, attr=attr) == expected
                assert positions_in(doc, a, attr=attr) == positions_where(doc, lambda w: w in a, attr=attr)
    assert positions_in(doc, ["meet"], attr="LEMMA") == [t.i for t in doc if t.lemma_.lower() == "meet"] != []


def test_word_positions_are_every_matching_token_in_order_on_short_and_long_docs(nlp):
    short = nlp("Kenya and Peru met; KENYA's envoy Met the Peruvian envoys. They meet again in Lima.")
    long = nlp(" ".join(["Kenya met Peru in Lima, and the envoys met again."] * 30))  # past SHORT_DOC tokens
    for doc in (short, long):
        for words in ({"met"}, {"kenya", "lima", "the"}, {"envoys", "absent"}, {"absent"}):
            expected = [t.i for t in doc if t.lower_ in words]
            assert positions_in(doc, words) == expected
            assert positions_in(doc, words, words) == expected  # a word in two sets counts once
            assert positions_where(doc, words.__contains__) == expected
            assert positions_of_words(doc, words) == expected
        # a caller may change the list it gets without changing the next answer
        found = positions_in(doc, {"met"})
        found.append(-1)
        assert positions_in(doc, {"met"}) == [t.i for t in doc if t.lower_ == "met"]


def test_a_relation_features_token_is_the_root_of_its_characters(nlp):
    from relext.provenance.features import DocContext

    doc = nlp("The Kenyan foreign minister met Peru's envoy in Lima on Monday.")
    ctx = DocContext(doc, [])
    spans = [(t.idx, t.idx + len(t)) for t in doc] + [(doc[1].idx, doc[3].idx + len(doc[3])), (doc[5].idx + 1, doc[6].idx)]
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        assert ctx.token(start, end) == (span.root if span is not None and len(span) else None)
