"""Node and edge attributes aggregated from a graph state's per-document records.

`_node_attributes` and `_edge_attributes` build the attributes of one node or edge;
`evidence_count` counts an edge's distinct sentences. This module imports no spaCy.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Any, Dict, List

from ._state import GraphState, RawKey, doc_entities, evidence_identity
from .attributes import MODALITY_COUNTS, NODE_ATTRIBUTES, RESERVED_NODE_NAMES


def _node_attributes(state: GraphState, ids: List[str]) -> Dict[str, Any]:
    records = doc_entities(state, ids)
    types = Counter(rec.type for _, rec in records)
    names = Counter(rec.name for _, rec in records)
    # the full name wins over a surname, then the most frequent, then the longest
    name = min(names, key=lambda n: (-(len(n.split()) > 1), -names[n], -len(n), n))
    aliases: Dict[str, None] = {}
    codes: Dict[str, Any] = {}
    doc_ids: Dict[str, None] = {}
    for doc, rec in records:
        aliases.update(dict.fromkeys(rec.aliases))
        doc_ids[doc] = None
        for k, v in rec.codes:
            if k in NODE_ATTRIBUTES or k in RESERVED_NODE_NAMES:
                k = f"attr_{k}"
            codes.setdefault(k, v)
    # most frequent type; ties go to the first seen
    etype = max(types, key=lambda t: (types[t], -list(types).index(t)))
    return {
        "type": etype,
        "name": name,
        "label": name,
        "aliases": list(aliases),
        "mention_count": sum(rec.mention_count for _, rec in records),
        "doc_count": len(doc_ids),
        "doc_ids": list(doc_ids),
        **codes,
    }


def _edge_attributes(state: GraphState, raws: List[RawKey], symmetric: bool,
                     merges: Dict[str, str], collapse_copies: bool = False) -> Dict[str, Any]:
    _, predicate, _, negated = raws[0]
    items = [i for raw in raws for per_doc in (state.edges[raw],) for its in per_doc.values() for i in its]
    items.sort(key=lambda i: (state.docs.get(i["doc_id"], -1), i["start_char"], i["trigger_start"], i["rule"],
                              i["modality"]))
    seen, evidence = set(), []
    for item in items:
        ident = evidence_identity(item)
        if ident in seen:
            continue
        seen.add(ident)
        item = dict(item)
        if item.get("reported_by") is not None:
            item["reported_by"] = merges.get(item["reported_by"], item["reported_by"])
        evidence.append(item)
    return {
        "predicate": predicate,
        "negated": bool(negated),
        "symmetric": bool(symmetric),
        "label": f"not {predicate}" if negated else predicate,
        "evidence": evidence,
        **_evidence_summary(evidence, collapse_copies=collapse_copies),
    }


def _evidence_summary(evidence: List[Dict[str, Any]], *, collapse_copies: bool = False) -> Dict[str, Any]:
    """The edge attributes computed from its evidence: counts, modalities, provenance."""
    modalities = Counter(i["modality"] for i in evidence)
    out: Dict[str, Any] = {
        "evidence_count": evidence_count(evidence, collapse_copies=collapse_copies),
        "doc_count": len({i["doc_id"] for i in evidence}),
        "doc_ids": list(dict.fromkeys(i["doc_id"] for i in evidence)),
        "reported_by": list(dict.fromkeys(i["reported_by"] for i in evidence if i.get("reported_by"))),
        **{attr: modalities.get(mod, 0) for mod, attr in MODALITY_COUNTS.items()},
    }
    # one confidence per statement (sentence): the best of its triggers
    per_sentence: Dict[tuple, float] = {}
    for i in evidence:
        c = i.get("confidence")
        if c is not None:
            k = (i["doc_id"], i["start_char"], i["end_char"])
            per_sentence[k] = max(per_sentence.get(k, 0.0), float(c))
    if per_sentence:
        out["confidence"] = round(1.0 - math.prod(1.0 - c for c in per_sentence.values()), 4)
        out["max_confidence"] = max(per_sentence.values())
    dates = [i["date"] for i in evidence if i.get("date")]
    if dates:
        out["date_start"] = min(d["start"] for d in dates)
        out["date_end"] = max(d["end"] for d in dates)
    out["dates"] = sorted({d["value"] for d in dates})
    for attr, field in (("doc_dates", "doc_date"), ("doc_urls", "url"), ("doc_sources", "doc_source")):
        out[attr] = list(dict.fromkeys(str(i[field]) for i in evidence if i.get(field) is not None))
    return out


def evidence_count(evidence: List[Dict[str, Any]], *, collapse_copies: bool = False) -> int:
    """Count the distinct sentences among an edge's evidence items.

    A sentence repeated in one document (a headline restated in the body) counts
    once. With ``collapse_copies``, a sentence repeated across documents (the same
    wire story in many outlets) counts once too; the documents stay in ``doc_ids``.

    Args:
        evidence: The edge's evidence items (dicts with ``doc_id`` and ``sentence``).
        collapse_copies: Count a sentence once however many documents carry it.

    Returns:
        The number of distinct sentences (per document unless ``collapse_copies``).

    Examples:
        >>> items = [{"doc_id": "a", "sentence": "X met Y."}, {"doc_id": "a", "sentence": "X  met Y"},
        ...          {"doc_id": "b", "sentence": "X met Y."}]
        >>> evidence_count(items), evidence_count(items, collapse_copies=True)
        (2, 1)
    """
    keys = set()
    for item in evidence:
        text = _sentence_identity(item.get("sentence") or "") or (item.get("start_char"), item.get("end_char"))
        keys.add(text if collapse_copies else (item.get("doc_id"), text))
    return len(keys)


def _sentence_identity(sentence: str) -> str:
    # case, spacing and final punctuation differ between a headline and its restatement
    return " ".join(sentence.split()).rstrip(" .!?;:").casefold()
