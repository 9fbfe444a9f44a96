"""The speed round's shortcuts give what the walks they replace gave.

Rules that scanned every token for a few words now start from the tokens
`relext.pipeline._lookup.positions_in` finds; per-Doc results are cached. These tests
compare each shortcut with the plain computation on sentences of our own.
"""
from __future__ import annotations

from relext.pipeline import event_aliases, nicknames


def test_state_aliases_are_the_country_aliases():
    assert event_aliases._state_aliases() == {e["alias"] for e in event_aliases._country_aliases()}
    assert event_aliases._state_aliases() is event_aliases._state_aliases()  # built once


def test_nicknames_start_only_from_quotes(nlp):
    doc = nlp('Officials said Maria "Masha" Ivanova would attend, and Tomas "Tom" Berg agreed.')
    names = [c["name"] for c in nicknames.nickname_names(doc)]
    assert names == ["Maria Ivanova", "Tomas Berg"]
    # a quote at the very start or near the end starts nothing
    assert nicknames.nickname_names(nlp('"Yes," he said.')) == []


def test_acronym_repairs_visit_the_words_they_can_act_on(nlp):
    from relext.pipeline.acronym_verbs import _candidates

    doc = nlp.make_doc("the talks , NATO sanctions Chad")
    for tok, pos in zip(doc, ["DET", "NOUN", "PUNCT", "PROPN", "NOUN", "PROPN"]):
        tok.pos_ = pos
    # nouns and proper nouns, the word in capitals and the word after it; not "the" or ","
    assert _candidates(doc) == [1, 3, 4, 5]
    doc[4].pos_ = "ADJ"  # what a later repair may retag follows a word in capitals: kept
    assert _candidates(doc) == [1, 3, 4, 5]
    assert _candidates(nlp.make_doc("")) == []


def test_acronyms_read_as_verbs_are_still_repaired(nlp):
    # (the tagger reads the acronym as a verb: the relation needs the repair)
    rels = {(r["subject"], r["predicate"], r["object"])
            for r in nlp("ECOWAS imposed sanctions on Mali.")._.relext_relations}
    assert ("organisation:ecowas", "SANCTIONS", "country:MLI") in rels
