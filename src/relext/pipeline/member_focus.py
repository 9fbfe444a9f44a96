"""MEMBER_OF where the clause leaves the body out: the one body the passage is about.

A news passage names a body once and then says what happened to its members without
naming it again:

- a suspended or frozen membership (GUIDELINES: still a membership) whose body is not in
  the clause: "Guinea had its membership suspended in 2021", "X has seen its membership
  suspended", "Syria's membership was frozen in 2011", "the suspension of Mali's membership
  takes effect on Monday", and one that lasts: "X remains (is still) suspended", "A and B are
  still under suspension" (not "X was suspended in 2021", a penalty);
- an admission in the passive without "to"/"into" the body: "A and B were admitted as full
  members last year", "X was accepted as the eleventh member", "X was readmitted in May"
  (a readmission needs no "as member"; an observer, associate or
  candidate is none; an invitation is no membership and is not read here);
- "X came on board (in 2004)" after the body is named.

The body is the one joinable organisation (see `member_frames.joinable_body`, or a body of
``organisations.yaml`` that belongs to no state) named in the
sentence or the two before it; a body whose name holds another's ("the African Union Peace
and Security Council" beside "the African Union") counts as that one. With two bodies in
focus nothing is given. A suspension that does not name the membership ("X remains
suspended") is a penalty, not a MEMBER_OF (GUIDELINES, dev2 conventions), and is not read.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, FrozenSet, List, Optional

from spacy.tokens import Doc, Token

from ..gazetteer import organisation_entries, read_data
from ._lookup import positions_in
from .member_frames import NOT_YET, joinable_body
from .named_heads import MONTHS
from .records import record

# word lists: relext/data/words/member_focus.yaml
_WORDS = read_data("words/member_focus.yaml")

MEMBER_TYPES = ("COUNTRY", "ORGANISATION")
# verbs of a body acting on a membership ("had its membership suspended")
ACTING_VERBS = frozenset(_WORDS["acting_verbs"])
# their nouns ("the suspension of X's membership")
ACTING_NOUNS = frozenset(_WORDS["acting_nouns"])
# verbs of a body letting a state in ("were admitted as full members")
ADMITTING_VERBS = frozenset(_WORDS["admitting_verbs"])
# words of a member noun that make it no (full) membership ("an associate member")
NOT_FULL = NOT_YET | {"associate", "non", "honorary"}
WORDS = frozenset(_WORDS["words"])
# verbs that keep a state in a suspension ("X remains suspended", "X is still under suspension")
LASTING_VERBS = frozenset(_WORDS["lasting_verbs"])


@lru_cache(maxsize=1)
def international_bodies() -> FrozenSet[str]:
    """Keys of the catalogued bodies that are no state's institution ("Mercosur", "the
    Quad"; not the Kremlin or the Treasury), from ``organisations.yaml``."""
    return frozenset(e["key"] for e in organisation_entries()
                     if not e["attrs"].get("country") and not e["attrs"].get("place"))


def body_in_focus(tok: Token, index, *, sentences: int = 2) -> Optional[str]:
    """The one joinable body named in ``tok``'s sentence (before it) or the ``sentences``
    before; None if there is none or more than one."""
    doc = tok.doc
    sent = tok.sent
    start = sent.start
    for _ in range(sentences):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    found: List[str] = []
    for i in range(start, tok.i):
        e = index.entity(i)
        if e is not None and e not in found and index.type_of(e) == "ORGANISATION" \
                and (joinable_body(e, index) or e in international_bodies()):
            found.append(e)
    names = {e: (index.names.get(e) or "").lower() for e in found}
    # a sub-body whose name holds another body's name stands for that body
    found = [e for e in found if not any(o != e and names[o] and names[o] in names[e] for o in found)]
    return found[0] if len(found) == 1 else None


def _member_owner(tok: Token, index, args) -> List[str]:
    """The state whose membership the noun ``tok`` is: its possessor ("Syria's", "its"),
    else the subject of the "have"/"see" the suspension hangs on ("X had its membership
    suspended")."""
    owners = [e for c in tok.children if c.dep_ == "poss" for e in [index.entity(c.i)] if e]
    if not owners:
        verb = tok.head.head if tok.head.dep_ in ("ccomp", "xcomp", "oprd") else None
        if verb is not None and verb.lemma_.lower() in ("have", "see", "get"):
            owners = args.verb_subjects(verb)
    return [o for o in owners if index.type_of(o) in MEMBER_TYPES]


def _still_suspended(tok: Token, index, args) -> List[str]:
    """The states a lasting suspension is said of, with no body, agent or "from" in the
    clause: "X remains suspended", "X is still suspended", "A and B are still under
    suspension" (a suspended member stays a member, GUIDELINES); not "X was suspended in
    2021" (a suspension from a body is a penalty, SANCTIONS), "X is no longer suspended",
    "X remains suspended from the AU" (the body named: other rules)."""
    if tok.lower_ == "suspended":
        verb = tok
        if tok.tag_ != "VBN" or any(c.dep_ in ("agent", "neg") or c.dep_ == "prep" and c.lower_ in ("from", "by")
                                    for c in tok.children):
            return []
        lasting = any(c.dep_ in ("aux", "auxpass") and c.lemma_.lower() in ("remain", "stay") for c in tok.children) \
            or any(c.dep_ == "advmod" and c.lower_ == "still" for c in tok.children)
        if tok.dep_ == "acomp" and tok.head.lemma_.lower() in LASTING_VERBS:
            verb = tok.head  # "X remains suspended" read as a predicate adjective
            lasting = lasting or verb.lemma_.lower() in ("remain", "stay") \
                or any(c.dep_ == "advmod" and c.lower_ == "still" for c in verb.children)
    else:
        prep = tok.head
        verb = prep.head
        if tok.dep_ != "pobj" or prep.lower_ != "under" or verb.lemma_.lower() not in LASTING_VERBS \
                or any(c.dep_ in ("det", "poss", "amod", "compound") for c in tok.children) \
                or any(c.dep_ == "prep" and c.lower_ in ("from", "by", "of") for c in tok.children):
            return []
        lasting = True
    if not lasting or any(c.dep_ == "neg" or c.lower_ in ("longer", "never") for c in verb.children):
        return []
    # the held one, not the agent (the parser may hang it on "remains" read as an auxiliary)
    held = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] + [
        x for c in verb.children if c.dep_ in ("aux", "auxpass") for x in c.children if x.dep_ in ("nsubj", "nsubjpass")]
    return [e for c in held for e in args.entities_of(c) if index.type_of(e) == "COUNTRY"]


def _named_body(tok: Token, index, args) -> List[str]:
    """A body the membership noun names itself ("its AU membership", "membership of X")."""
    out = [e for c in tok.children if c.dep_ in ("compound", "nmod") for e in [index.entity(c.i)] if e]
    out += [e for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "in")
            for o in p.children if o.dep_ == "pobj" for e in args.entities_of(o)]
    return [e for e in out if index.type_of(e) == "ORGANISATION"]


def _dated(prep: Token) -> bool:
    """Whether the preposition only dates the act: "in May", "in 2023" (its object a date)."""
    return prep.lower_ == "in" and any(o.dep_ == "pobj" and (o.lower_ in MONTHS or o.like_num and len(o) == 4)
                                       for o in prep.children)


def _focus_records(tok: Token, members: List[str], index, rule_id: str, args=None,
                   told_by: Optional[Token] = None) -> List[Dict]:
    """MEMBER_OF records of ``members`` in the one joinable body in focus at ``tok`` (none
    where no body or two are); with ``args``, under the negation and modality of the word
    ``told_by`` (``tok`` by default) that states the membership."""
    body = body_in_focus(tok, index) if members else None
    if body is None:
        return []
    told = dict()
    if args is not None:
        cue_tok = told_by if told_by is not None else tok
        negated, cue = args.cached(("neg", cue_tok.i), args.modality.negation, cue_tok)
        modality, source = args.cached(("mod", cue_tok.i, True), args.modality.modality, cue_tok, args, "MEMBER_OF")
        told = dict(negated=negated, cue=cue, modality=modality, source=source)
    return [record(tok, m, "MEMBER_OF", body, rule_id=rule_id, **told) for m in members if m != body]


def focused_memberships(doc: Doc, index, args) -> List[Dict]:
    """MEMBER_OF records for the constructions of the module docstring."""
    out: List[Dict] = []
    for i in positions_in(doc, WORDS):
        tok = doc[i]
        low = tok.lower_
        if low == "membership" and tok.dep_ == "pobj" and tok.head.lower_ == "of" \
                and tok.head.head.lemma_.lower() in ACTING_NOUNS:
            # "the suspension of Mali's membership would take effect": the body in focus
            members = _member_owner(tok, index, args)
            if members and not _named_body(tok, index, args):
                out.extend(_focus_records(tok, members, index, "MEMBER_OF:focus-suspension-noun"))
        elif low == "membership":
            verb = tok.head
            if verb.lemma_.lower() not in ACTING_VERBS or tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
                continue
            if tok.dep_ == "dobj" and any(c.dep_ == "nsubj" for c in verb.children):
                continue  # "the bloc suspended X's membership": the body is the subject (`suspensions`)
            if any(c.dep_ == "agent" for c in verb.children) or _named_body(tok, index, args):
                continue
            out.extend(_focus_records(tok, _member_owner(tok, index, args), index, "MEMBER_OF:focus-suspended"))
        elif low in ("admitted", "accepted", "readmitted"):
            if tok.lemma_.lower() not in ADMITTING_VERBS or tok.pos_ != "VERB":
                continue
            held = [c for c in tok.children if c.dep_ == "nsubjpass"]
            if not held or any(c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ in ("to", "into", "in")
                               and not _dated(c) for c in tok.children):
                continue
            nouns = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "as"
                     for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() == "member"]
            readmitted = low == "readmitted" and not any(p.dep_ == "prep" and p.lower_ == "as" for p in tok.children)
            if not (nouns or readmitted) or any(c.lower_.strip("-") in NOT_FULL for n in nouns for c in n.children) \
                    or any(p.dep_ == "prep" and p.lower_ == "of" for n in nouns for p in n.children):
                continue  # "as a member of X" names its body (trigger rules, `member_companions`)
            members = [e for c in held for e in args.entities_of(c) if index.type_of(e) in MEMBER_TYPES]
            out.extend(_focus_records(tok, members, index, "MEMBER_OF:focus-admitted", args=args))
        elif low in ("suspended", "suspension"):
            out.extend(_focus_records(tok, _still_suspended(tok, index, args), index, "MEMBER_OF:focus-still-suspended"))
        elif low == "board":
            prep = tok.head
            verb = prep.head
            if tok.dep_ != "pobj" or prep.lower_ != "on" or verb.lemma_.lower() != "come" \
                    or any(c.dep_ == "det" for c in tok.children):
                continue
            members = [e for e in args.verb_subjects(verb) if index.type_of(e) == "COUNTRY"]
            out.extend(_focus_records(tok, members, index, "MEMBER_OF:focus-came-on-board", args=args, told_by=verb))
    return out
