"""Members named beside a stated membership.

"X was admitted as the tenth member of the group, joining A, B and C", "X became a member
of Y on Friday, joining A and B": a participle "joining" beside a stated membership names
the members already there, so each of them is a member of the same body. "joining A in
calling for ..." (joining someone in an action) names no member.

"Other" members of a body after a list of states that acted: "France and Germany
recognised X. Other EU states are expected to follow.", "A, B and C recognised X. The US
urged every nation, other NATO members included, to recognise him too." — the others are
set beside the listed states, which are members too. The "other" clause must repeat the
list's act (a shared verb) or say that the others follow, join or do the same; the list
is the nearest one before it, in its own sentence or the two before.

Also: "Four of the panel's members are founders: A, B, C and D" (a list after a
colon that closes a clause about the body's members), and "X is a member of A but not of
B" (the contrasted body is a negated membership).
"""
from __future__ import annotations

from typing import Dict, Iterable, List

from spacy.tokens import Doc

from ._lookup import positions_in, positions_of_words
from .membership import _org_of_np, _organisation_of, _states_members
from .records import record
from ..gazetteer import read_data

# word lists: relext/data/words/member_companions.yaml
_WORDS = read_data("words/member_companions.yaml")

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
    for tok in (doc[i] for i in positions_of_words(doc, ["joining"])):
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


def colon_members(doc: Doc, index, args) -> List[Dict]:
    """MEMBER_OF for the states listed after a colon that ends a clause about a body's
    members ("Four of the panel's members are founders: A, B and C"); the list must
    run to the end of the sentence with only states and glue words."""
    out: List[Dict] = []
    for tok in (doc[i] for i in positions_of_words(doc, [":"])):
        if tok.text != ":" or tok.i + 1 >= tok.sent.end:
            continue
        sent = tok.sent
        orgs: List[str] = []
        for m in doc[sent.start:tok.i]:
            if m.lemma_.lower() == "member" and m.pos_ == "NOUN" and _states_members(m):
                orgs += [e for e in _org_of_np(m, index, args) if index.type_of(e) == "ORGANISATION"]
        orgs = list(dict.fromkeys(orgs))
        if len(orgs) != 1:
            continue
        states: List[str] = []
        ok = True
        for t in doc[tok.i + 1:sent.end]:
            e = index.entity(t.i)
            if e is not None and index.type_of(e) == "COUNTRY":
                if e not in states:
                    states.append(e)
            elif t.lower_ not in (",", "and", "the", ".", ";") and not t.is_space:
                ok = False
                break
        if ok and len(states) >= 2:
            out.extend(record(tok, m, "MEMBER_OF", orgs[0], rule_id="MEMBER_OF:colon-list") for m in states)
    return out


def contrasted_memberships(doc: Doc, index, args) -> List[Dict]:
    """Negated MEMBER_OF from "X is a member of A but not of B" (the parser hangs "not of
    B" on the copula)."""
    out: List[Dict] = []
    for tok in (doc[i] for i in positions_of_words(doc, ["of"])):
        if tok.lower_ != "of" or tok.dep_ != "prep" or not any(c.dep_ == "neg" for c in tok.children):
            continue
        head = tok.head
        if not any(c.dep_ == "attr" and c.lemma_.lower() == "member" for c in head.children):
            continue
        bodies = [e for o in tok.children if o.dep_ == "pobj" for e in args.entities_of(o)
                  if index.type_of(e) == "ORGANISATION"]
        for s in args.verb_subjects(head):
            if index.type_of(s) in MEMBER_TYPES:
                out.extend(record(tok, s, "MEMBER_OF", b, rule_id="MEMBER_OF:but-not-of", negated=True, cue="not")
                           for b in bodies if b != s)
    return out


# group nouns "other" sets beside a list ("other EU states", "other NATO members")
OTHER_GROUPS = frozenset(_WORDS["other_groups"])
# words saying the others repeat an act ("are expected to follow", "to do the same")
SAME_ACT_WORDS = frozenset(_WORDS["same_act_words"])
# verbs too general to show a shared act
GENERAL_VERBS = frozenset(_WORDS["general_verbs"])


def _nearest_list(doc: Doc, index, tok, sentences: int = 2):
    """The nearest coordinated list of two or more states before ``tok`` (in its sentence
    or the ``sentences`` before), as ``(head token, states)``."""
    start = tok.sent.start
    for _ in range(sentences):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    for i in range(tok.i - 1, start - 1, -1):
        t = doc[i]
        e = index.entity(i)
        if e is None or index.type_of(e) != "COUNTRY" or t.dep_ == "conj" or index.entity(t.head.i) == e:
            continue
        states = [e]
        stack = [c for c in t.children if c.dep_ == "conj"]
        while stack:
            c = stack.pop()
            x = index.entity(c.i)
            if x is not None and index.type_of(x) == "COUNTRY" and x not in states:
                states.append(x)
            stack.extend(d for d in c.children if d.dep_ == "conj")
        if len(states) >= 2:
            return t, states
    return None, []


def others_after_list(doc: Doc, index, args) -> List[Dict]:
    """MEMBER_OF records for the listed states that "other <body> members" are set beside
    (module docstring)."""
    out: List[Dict] = []
    for i in positions_in(doc, {"other"}):
        other = doc[i]
        group = other.head
        if other.dep_ != "amod" or group.lower_ not in OTHER_GROUPS or group.dep_ == "conj" \
                or any(c.dep_ == "conj" for c in group.children):
            continue
        org = _organisation_of(group, index)
        if org is None:
            continue
        head, states = _nearest_list(doc, index, group)
        if not states:
            continue
        own = {t.lemma_.lower() for t in group.sent if t.pos_ == "VERB"} - GENERAL_VERBS
        theirs = {t.lemma_.lower() for t in head.sent if t.pos_ == "VERB" and t.i != group.i} - GENERAL_VERBS
        if head.sent == group.sent:
            theirs = {t.lemma_.lower() for t in head.sent[:group.i - head.sent.start] if t.pos_ == "VERB"} - GENERAL_VERBS
        if not (own & theirs or any(t.lemma_.lower() in SAME_ACT_WORDS for t in group.sent if t.i > group.i)):
            continue
        out.extend(record(group, m, "MEMBER_OF", org, rule_id="MEMBER_OF:others-after-list")
                   for m in states if m != org)
    return out
