"""Companions share the traveller's presence (`companions`).

"X, accompanied by Y, arrived in Kyiv", "Accompanied by Y, X toured the site", "X will attend
and will be accompanied by Y", "X travelled to Lima with Minister Y": Y goes where X goes
(GUIDELINES: companions attend and visit too).
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc

from ._lookup import positions_in
from .presence import by_agents
from .records import record
from ..gazetteer import read_data

# word lists: relext/data/words/companions.yaml
_WORDS = read_data("words/companions.yaml")

COMPANION_TRAVEL = frozenset(_WORDS["companion_travel"])


def companions(doc: Doc, index, args, records: List[Dict]) -> List[Dict]:
    """Who accompanies someone goes where they go: "X, accompanied by Y, arrived in Kyiv",
    "accompanied by Y, X toured the site", "X will attend and will be accompanied by Y",
    "X travelled to Lima with Minister Y" → Y has X's VISITS and ATTENDS (of that sentence,
    or X's attendance of the passage's event)."""
    out: List[Dict] = []
    positive = [r for r in records if r["predicate"] in ("ATTENDS", "VISITS") and not r["negated"]]
    for i in positions_in(doc, {"accompany"}, COMPANION_TRAVEL, attr="LEMMA"):
        tok = doc[i]
        if tok.pos_ != "VERB":
            continue
        if tok.lemma_.lower() == "accompany":
            if not (any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or tok.tag_ == "VBN"):
                continue
            mates = [e for e in by_agents(tok, args) if index.type_of(e) == "PERSON"]
            if tok.dep_ == "acl":
                led = args.entities_of(tok.head)
            elif tok.dep_ == "advcl":
                led = args.subjects(tok.head)
            else:
                led, _ = args.objects(tok, ["dobj"], [])
                if not led and tok.dep_ == "conj":
                    led = args.subjects(tok.head)
            anchor = None
        else:
            mates = [e for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                     for p in c.children if p.dep_ == "pobj" for e in args.entities_of(p) if index.type_of(e) == "PERSON"]
            led, anchor = args.subjects(tok), tok.idx
        led = [e for e in led if e not in mates]
        if not mates or not led:
            continue
        sent = tok.sent
        if anchor is not None and not any(c.dep_ in ("prep", "dobj") and c.lower_ != "with" for c in tok.children):
            # "His wife and daughters travelled with him": no destination of their own, so
            # they go where the one they travel with went (as last told before)
            earlier = [r for r in positive if r["subject"] in mates and r["evidence"]["trigger_start"] < sent.start_char]
            last = max((r["evidence"]["start_char"] for r in earlier), default=None)
            for r in earlier:
                if r["evidence"]["start_char"] == last:
                    for m in led:
                        if m != r["object"] and index.type_of(m) == "PERSON":
                            out.append(record(tok, m, r["predicate"], r["object"], rule_id="companion:" + r["predicate"],
                                              modality=r["modality"], source=r["source"]))
            continue
        copied = [r for r in positive if r["subject"] in led and sent.start_char <= r["evidence"]["trigger_start"] < sent.end_char
                  and (anchor is None or r["evidence"]["trigger_start"] == anchor)]
        if not copied and anchor is None:
            ev = args.salient_event(tok)
            copied = [r for r in positive if r["subject"] in led and r["predicate"] == "ATTENDS" and r["object"] == ev]
        for r in copied:
            for m in mates:
                if m != r["object"]:
                    out.append(record(tok, m, r["predicate"], r["object"], rule_id="companion:" + r["predicate"],
                                      modality=r["modality"], source=r["source"]))
    return out
