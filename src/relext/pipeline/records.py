"""Relation records: the plain dicts every relation rule emits.

A record has the fields of `relext.models.Relation`; its evidence is the
sentence of the trigger token it is anchored on. This module sits below the rule
modules (`affiliation`, `membership`,
`grievances`) and the component that runs them
(`relations`), so that the imports go one way.
"""
from __future__ import annotations

from typing import Callable, Dict, Iterable, List, Optional, Tuple

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


def pair_records(tok, pairs: Iterable[Tuple[str, str]], predicate: str, *, rule_id: str,
                 type_of: Optional[Callable[[str], Optional[str]]] = None, types: Optional[Tuple[str, ...]] = None,
                 negated: bool = False, cue: Optional[str] = None) -> List[Dict]:
    """Records of ``predicate`` anchored on ``tok``, one per ``(subject, object)`` of ``pairs``
    whose two ends differ and, when ``types`` is given, both have a type in ``types``.

    Args:
        tok: the trigger token; its sentence is the evidence.
        pairs: ``(subject id, object id)`` pairs, in the order the records are wanted.
        predicate: the relation type.
        rule_id: the id of the rule that found them.
        type_of: the entity type of an id (``EntityIndex.type_of``); needed with ``types``.
        types: the entity types both ends must have; None accepts any.
        negated: whether the text states that the relations do not hold.
        cue: the word that negated them.

    Returns:
        The records, as `record` builds them.

    "X and Y backed Z": ``pair_records(tok, [(x, z), (y, z)], "SUPPORTS", rule_id=...)`` gives
    two records; a pair ``(z, z)`` gives none.
    """
    return [record(tok, s, predicate, o, rule_id=rule_id, negated=negated, cue=cue) for s, o in pairs
            if s != o and (types is None or (type_of(s) in types and type_of(o) in types))]


def record_key(rec: Dict) -> Tuple:
    """One relation per fact and sentence: two triggers of one fact ("signed an agreement") count once."""
    return (rec["subject"], rec["predicate"], rec["object"], rec["negated"], rec["evidence"]["start_char"])
