"""``relext_canonical`` (first version: groups mentions by key or name)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..gazetteer import slug


@Language.factory("relext_canonical", default_config={})
def make_canonicalizer(nlp: Language, name: str):
    return Canonicalizer(nlp, name)


class Canonicalizer:
    def __init__(self, nlp: Language, name: str = "relext_canonical") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ents = {}
        for m in doc._.relext_mentions or []:
            key = m["key"] or f"{m['label'].lower()}:{slug(m['name'])}"
            span = doc[m["start"]:m["end"]]
            e = ents.setdefault(key, {"id": key, "name": m["name"], "type": m["label"], "attributes": {}, "mentions": []})
            e["mentions"].append({"text": span.text, "start_char": span.start_char, "end_char": span.end_char,
                                  "kind": m["kind"], "sentence": 0})
        doc._.relext_entities = list(ents.values())
        return doc
