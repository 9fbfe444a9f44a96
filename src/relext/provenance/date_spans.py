"""``relext_dates``: keep the NER's DATE entities before ``relext_entities`` replaces ``doc.ents``.

``relext_entities`` writes its own typed spans to ``doc.ents``, which drops the
statistical NER's ``DATE`` entities. This component runs between the two and copies
them to ``doc.spans["relext_dates"]``, where `relext.provenance.dates` finds the
time expressions that date each relation.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .dates import DATE_SPANS


@Language.component("relext_dates", assigns=[f"doc.spans"], requires=["doc.ents"])
def keep_date_entities(doc: Doc) -> Doc:
    """Copy the ``DATE`` entities of ``doc.ents`` to ``doc.spans["relext_dates"]``.

    Args:
        doc: a Doc after the ``ner`` component.

    Returns:
        The same Doc.
    """
    doc.spans[DATE_SPANS] = [ent for ent in doc.ents if ent.label_ == "DATE"]
    return doc
