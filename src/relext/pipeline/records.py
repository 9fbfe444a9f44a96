"""Relation records: the plain dicts every relation rule emits.

A record has the fields of `relext.models.Relation`; its evidence is the
sentence of the trigger token it is anchored on. This module sits below the rule
modules (`affiliation`, `membership`,
`grievances`) and the component that runs them
(`relations`), so that the imports go one way.
"""
from __future__ import annotations

from typing import Dict, Optional, Tuple

from ._lookup import doc_text, sentence_chars


def record(tok, s: str, predicate: str, o: str, *, rule_id: str, negated: bool = False, modality: str = "ASSERTED",
           source: Optional[str] = None, symmetric: bool = False, cue: Optional[str] = None) -> Dict:
    """Build a relation record anchored on ``tok``.

    Args:
        tok: the trigger token; its sentence is the evidence.
        s: the subject's canonical id.
        predicate: the relation type.
        o: the object's canonical id.
        rule_id: the id of the rule that found it.
        negated: whether the text states that the relation does not hold.
        modality: ``ASSERTED``, ``PLANNED``, ``REPORTED`` or ``HYPOTHETICAL``.
        source: who reports it, for ``REPORTED``.
        symmetric: whether the relation type is symmetric.
        cue: the word that negated it or set its modality.

    Returns:
        A dict with the fields of `relext.models.Relation`.
    """
    start, end = sentence_chars(tok.doc, tok.i)  # tok.sent's, without building it
    return {"subject": s, "predicate": predicate, "object": o, "negated": bool(negated), "modality": modality,
            "symmetric": bool(symmetric), "source": source,
            "evidence": {"sentence": doc_text(tok.doc)[start:end], "start_char": start, "end_char": end,
                         "trigger": tok.text, "trigger_start": tok.idx, "trigger_end": tok.idx + len(tok.text),
                         "rule": rule_id, "cue": cue}}


def record_key(rec: Dict) -> Tuple:
    """One relation per fact and sentence: two triggers of one fact ("signed an agreement") count once."""
    return (rec["subject"], rec["predicate"], rec["object"], rec["negated"], rec["evidence"]["start_char"])
