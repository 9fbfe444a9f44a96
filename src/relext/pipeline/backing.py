"""SUPPORTS from a backer named before a participle: "the Iran-backed Houthi rebels",
"Kremlin-funded outlets such as RT", "a U.S.-supported government".

The compound adjective states that the first name backs the one it describes, whatever
the clause around it says (like "X-led" for membership in `membership.led_members`).
The described name is the first entity within a few words after the participle.
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc

from ._lookup import positions_where
from .records import record

BACKING_PARTICIPLES = ("backed", "supported", "sponsored", "funded", "financed", "armed")
BACKER_TYPES = ("COUNTRY", "ORGANISATION", "PERSON")
WINDOW = 3  # words between the participle and the name ("the Iran-backed Houthi rebels")


def prefixed_backing(doc: Doc, index) -> List[Dict]:
    """SUPPORTS records for "X-backed Y" (one token or split at the hyphen)."""
    out: List[Dict] = []
    for i in positions_where(doc, lambda w: w in BACKING_PARTICIPLES or w.rsplit("-", 1)[-1] in BACKING_PARTICIPLES):
        tok = doc[i]
        low = tok.lower_
        if "-" in low and low.rsplit("-", 1)[1] in BACKING_PARTICIPLES and len(low) > 8:
            prefix = tok.text.rsplit("-", 1)[0]
            backer = next((e for e, forms in index.surface.items() if prefix in forms), None)
        elif low in BACKING_PARTICIPLES and tok.i >= 2 and doc[tok.i - 1].text in ("-", "–") \
                and not doc[tok.i - 1].whitespace_:
            backer = index.entity(tok.i - 2)
        else:
            continue
        if backer is None or index.type_of(backer) not in BACKER_TYPES:
            continue
        backed = None
        for j in range(tok.i + 1, min(tok.i + 1 + WINDOW, len(doc))):
            t = doc[j]
            if t.is_punct or t.pos_ in ("VERB", "AUX", "ADP", "CCONJ"):
                break
            e = index.entity(j)
            if e is not None:
                backed = e
                break
        if backed is not None and backed != backer and index.type_of(backed) in BACKER_TYPES:
            out.append(record(tok, backer, "SUPPORTS", backed, rule_id="SUPPORTS:prefixed-backer"))
    return out
