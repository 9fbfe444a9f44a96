"""Members named as the ones a new member joins.

"X was admitted as the eighth member of the bloc, joining A, B and C", "X became a member
of Y on Friday, joining A and B": a participle "joining" beside a stated membership names
the members already there, so each of them is a member of the same body. "joining A in
calling for ..." (joining someone in an action) names no member.
"""
from __future__ import annotations

from typing import Dict, Iterable, List

from spacy.tokens import Doc

from .records import record

MEMBER_TYPES = ("COUNTRY", "ORGANISATION")


def joined_members(doc: Doc, index, args, found: Iterable[Dict]) -> List[Dict]:
    """MEMBER_OF records for the members a newly stated member joins.

    Args:
        doc: the document.
        index: its `EntityIndex`.
        args: its `Arguments`.
        found: the records found so far.

    Returns:
        One MEMBER_OF record per companion member.
    """
    out: List[Dict] = []
    by_sentence: Dict[int, List[Dict]] = {}
    for rec in found:
        if rec["predicate"] == "MEMBER_OF" and not rec["negated"] and rec["modality"] in ("ASSERTED", "REPORTED"):
            by_sentence.setdefault(rec["evidence"]["start_char"], []).append(rec)
    if not by_sentence:
        return out
    for tok in doc:
        if tok.lower_ != "joining" or tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "conj", "xcomp", "acl"):
            continue
        recs = by_sentence.get(tok.sent.start_char)
        if not recs or any(c.dep_ == "prep" and c.lower_ in ("in", "as") for c in tok.children):
            continue
        companions = [e for c in tok.children if c.dep_ == "dobj" for e in args.entities_of(c)
                      if index.type_of(e) in MEMBER_TYPES]
        for rec in recs:
            for m in companions:
                if m not in (rec["subject"], rec["object"]):
                    out.append(record(tok, m, "MEMBER_OF", rec["object"], rule_id="MEMBER_OF:joining",
                                      modality=rec["modality"], source=rec["source"]))
    return out
