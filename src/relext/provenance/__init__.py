"""When, how sure and exactly where: what every relation's evidence carries besides its sentence.

`annotate()` runs in the extraction layer, after the ``relext_relations``
component, and adds to each relation record's evidence:

- ``date``: an ISO date or interval with its precision and origin
  (`relext.provenance.dates`);
- ``confidence``: a calibrated probability in [0, 1]
  (`relext.provenance.features`, `relext.provenance.confidence`);
- ``selectors``: W3C TextQuote/TextPosition selectors of the sentence, the trigger
  and both arguments (`relext.provenance.selectors`).

Example
-------
>>> import relext                                             # doctest: +SKIP
>>> ex = relext.extract("Putin met Xi on Friday.", meta={"date": "2022-02-04"})  # doctest: +SKIP
>>> ex.relations[0].evidence.date.value                       # doctest: +SKIP
'2022-02-04'
"""
from __future__ import annotations

import datetime as dt
from typing import Dict, List, Mapping, Optional, Sequence

from spacy.tokens import Doc

from .confidence import ConfidenceModel, default_model
from .dates import document_date, parse_date, relation_date
from .features import DocContext, relation_features
from .selectors import anchor, text_selector

__all__ = ["annotate", "document_date", "parse_date", "anchor"]


def annotate(doc: Doc, records: Sequence[Mapping], *, base_date: Optional[dt.date] = None, offset: int = 0,
             model: Optional[ConfidenceModel] = None, text: Optional[str] = None) -> List[Dict]:
    """The date, confidence and selectors of each relation record of a Doc.

    Args:
        doc: the processed Doc (a whole document, or one chunk of it).
        records: its relation records (``doc._.relext_relations``), chunk offsets.
        base_date: the document date relative expressions are read against.
        offset: where the Doc's text begins in the document (for the selectors).
        model: the confidence model; default the shipped one.
        text: ``doc.text``, when the caller has it (spaCy rebuilds it on every access).

    Returns:
        One dict per record, in order, with ``date`` (or ``None``), ``confidence`` and
        ``selectors`` (document offsets).
    """
    if not records:
        return []
    model = model or default_model()
    text = doc.text if text is None else text
    ctx = DocContext(doc, records, text)
    dates_cache: Dict = {}
    out = []
    for rec in records:
        ev = rec["evidence"]
        trigger = ctx.token(ev["trigger_start"], ev["trigger_end"])
        date = relation_date(doc, trigger, rec["modality"], base_date, dates_cache,
                             ctx.sentence(ev["start_char"], ev["end_char"]), text) if trigger is not None else None
        selectors = {"sentence": text_selector(text, ev["start_char"], ev["end_char"], offset=offset),
                     "trigger": text_selector(text, ev["trigger_start"], ev["trigger_end"], offset=offset)}
        for arg in ("subject", "object"):
            mention, _ = ctx.argument(rec[arg], rec)
            selectors[arg] = text_selector(text, mention["start_char"], mention["end_char"], offset=offset) \
                if mention is not None else None
        out.append({"date": date, "confidence": round(model.probability(relation_features(ctx, rec)), 4),
                    "selectors": selectors})
    return out
