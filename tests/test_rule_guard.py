"""A rule that fails on an odd parse is skipped with a warning; the document keeps the rest."""
import warnings

import pytest
from spacy.tokens import Doc

from relext.errors import RuleFailureWarning
from relext.pipeline import relations
from relext.pipeline.objects import ObjectsMixin
from relext.pipeline.rule_guard import guarded


def test_guarded_rule_returns_its_default_and_names_itself(nlp):
    def fragile(doc):
        raise IndexError("no such token")

    doc = nlp.make_doc("Lavrov met Blinken in Geneva.")
    with pytest.warns(RuleFailureWarning, match=r"fragile.*'Lavrov met Blinken in Geneva\.'.*IndexError"):
        assert guarded(fragile, list)(doc) == []


def test_guarded_rule_passes_results_through(nlp):
    doc = nlp.make_doc("Lavrov met Blinken.")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert guarded(lambda d, k: [len(d), k], list)(doc, 7) == [4, 7]


def test_failing_structural_rule_keeps_the_trigger_relations(nlp, monkeypatch):
    def broken(doc, *args, **kwargs):
        raise ValueError("max() arg is an empty sequence")

    monkeypatch.setattr(relations, "grievances", guarded(broken, list))
    with pytest.warns(RuleFailureWarning, match="broken"):
        doc = nlp("Ruto met Xi Jinping in Nairobi on Tuesday.")
    assert any(r["predicate"] == "MEETS_WITH" for r in doc._.relext_relations)


def test_failing_trigger_rule_is_skipped_not_fatal(nlp, monkeypatch):
    component = nlp.get_pipe("relext_relations")

    def broken(rule, tok, args, index):
        if rule.relation == "VISITS":
            raise KeyError(tok.i)
        return original(rule, tok, args, index)

    original = component._apply_rule
    monkeypatch.setattr(component, "_apply_rule", broken)
    with pytest.warns(RuleFailureWarning, match="VISITS"):
        doc = nlp("Xi Jinping visited France and met Emmanuel Macron in Paris.")
    predicates = {r["predicate"] for r in doc._.relext_relations}
    assert "MEETS_WITH" in predicates and "VISITS" not in predicates


def test_dash_parsed_as_direct_object_gives_no_listed_members(nlp):
    # the tagger can read a lone dash as a noun and the parser hang it as the object
    words = ["The", "bloc", "froze", "-", "."]
    doc = Doc(nlp.vocab, words=words, heads=[1, 2, 2, 2, 2], deps=["det", "nsubj", "ROOT", "dobj", "punct"],
              pos=["DET", "NOUN", "VERB", "NOUN", "PUNCT"])
    assert ObjectsMixin._verb_listed(None, doc[2], doc[3]) == []


def test_failing_component_leaves_the_document_without_its_annotations(monkeypatch):
    import relext

    nlp = relext.load(cache=False)
    component = nlp.get_pipe("relext_relations")

    def broken(doc):
        raise RuntimeError("odd parse")

    monkeypatch.setattr(component, "match", broken)
    with pytest.warns(RuleFailureWarning, match="component 'relext_relations'.*RuntimeError: odd parse"):
        doc = nlp("Ruto met Xi Jinping in Nairobi.")
        result = relext.extract("Ruto met Xi Jinping in Nairobi.", nlp=nlp)
    assert doc._.relext_relations == [] and doc._.relext_entities
    assert result.relations == [] and "Xi Jinping" in {e.name for e in result.entities}


def test_error_handler_set_on_the_pipeline_still_decides(monkeypatch):
    import relext

    nlp = relext.load(cache=False)
    component = nlp.get_pipe("relext_relations")
    monkeypatch.setattr(component, "match", lambda doc: 1 / 0)
    seen = []
    component.set_error_handler(lambda name, proc, docs, e: seen.append((name, type(e).__name__)) or docs[0])
    nlp("Ruto met Xi Jinping in Nairobi.")
    assert seen == [("relext_relations", "ZeroDivisionError")]
