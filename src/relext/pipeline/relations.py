"""``relext_relations`` (first version: no relations yet)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("relext_relations", default_config={})
def make_relation_extractor(nlp: Language, name: str):
    return RelationExtractor(nlp, name)


class RelationExtractor:
    def __init__(self, nlp: Language, name: str = "relext_relations") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.relext_relations = []
        return doc
