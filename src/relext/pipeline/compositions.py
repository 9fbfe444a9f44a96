"""MEMBER_OF from verbs of composition (part of `membership`).

"the bloc is made up of A, B and C", "X, which consists of A and B", "X comprises A",
"its members include A", "X counts A and B among its members", "The bloc groups A, B and
C" (read as a noun phrase by the tagger), and the other way round "A, B and C make up
(founded, formed, set up) the group".
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc, Token

from .membership import LIST_GLUE, MEMBER_TYPES, _members_of, _org_of_np
from .member_frames import member_polarity
from .records import record
from ..gazetteer import read_data

# word lists: relext/data/words/compositions.yaml
_WORDS = read_data("words/compositions.yaml")

# the parts: "X consists of A and B", "X is made up of A", "X comprises A", "X includes A"
WHOLE_VERBS = {"consist": "of", "compose": "of", "make": "of", "comprise": "dobj", "include": "dobj",
               "group": "dobj", "unite": "dobj", "encompass": "dobj", "gather": "dobj", "count": "dobj"}
# "X counts A and B among its (founding) members": "count" needs "among" a member noun
COUNT_NOUNS = frozenset(_WORDS["count_nouns"])
# present-tense composition verbs the tagger reads as plural nouns ("The bloc groups A, B
# and C", "the forum, founded in 2001, unites A and B")
NOUN_LOOKING_VERBS = frozenset(_WORDS["noun_looking_verbs"])
# verbs whose subject lists the parts and whose object is the whole: "A and B make up X",
# "A, B and C founded X"; founding needs a coalition (two or more founders)
PART_VERBS = {"make": "up", "constitute": None, "form": None, "found": None, "co-found": None, "cofound": None,
              "establish": None, "set": "up", "create": None, "launch": None}
COALITION_VERBS = frozenset(_WORDS["coalition_verbs"])


def compositions(doc: Doc, index, args, words) -> List[Dict]:
    """MEMBER_OF from verbs of composition ("X is made up of A and B", "A and B make up X").

    Args:
        doc: the document.
        index: its `EntityIndex`.
        args: its `Arguments`.
        words: a `WordSet` of the composition verbs.

    Returns:
        MEMBER_OF records, one per member.
    """
    out: List[Dict] = []
    for i in words.positions(doc):
        tok = doc[i]
        if tok.pos_ == "NOUN":
            out.extend(_noun_looking_composition(tok, index, args))
            continue
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        lemma = tok.lemma_.lower()
        if lemma == "count" and not any(p.lower_ == "among" and o.lemma_.lower() in COUNT_NOUNS
                                        for p in tok.children for o in p.children if o.dep_ == "pobj"):
            continue
        prt = {c.lower_ for c in tok.children if c.dep_ == "prt"}
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        if lemma == "make" and "up" not in prt:
            continue
        # ("X, the bloc made up of A and B" is sometimes parsed with an active "made")
        whole_side = lemma in WHOLE_VERBS and (lemma != "make" or passive or tok.dep_ == "acl"
                                               or bool(args._preps(tok, "of")))
        if lemma in ("compose",) and not (passive or tok.dep_ == "acl"):
            whole_side = False
        if whole_side:
            slot = WHOLE_VERBS[lemma]
            wholes = _wholes(tok, index, args, passive)
            if slot == "of":
                parts = [e for p in args._preps(tok, "of") for o in p.children if o.dep_ == "pobj"
                         for e in _members_of(o, args)]
            else:
                parts = [e for c in tok.children if c.dep_ == "dobj" for e in _members_of(c, args)]
            if lemma == "count" and not parts:
                # "The movement counts A, B and C among its members": the parser may make the
                # list a second subject after the verb; the whole may be a description
                parts = [e for c in tok.children if c.dep_ == "nsubj" and c.i > tok.i for e in _members_of(c, args)]
                wholes = wholes or [e for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i
                                    for e in args.entities_of(c) if index.type_of(e) == "ORGANISATION"]
            cue = "include" if lemma == "include" else None
            for org in wholes:
                for m in parts:
                    if m != org and index.type_of(m) in MEMBER_TYPES:
                        out.append(record(tok, m, "MEMBER_OF", org, rule_id=f"MEMBER_OF:composition:{lemma}", cue=cue))
        elif lemma in PART_VERBS and (PART_VERBS[lemma] is None or PART_VERBS[lemma] in prt):
            if passive:
                parts = [e for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                         for e in args.entities_of(p)]
                wholes = [e for c in tok.children if c.dep_ == "nsubjpass" for e in _org_of_np(c, index, args)]
            else:
                parts = args.verb_subjects(tok)
                wholes = [e for c in tok.children if c.dep_ == "dobj" for e in _org_of_np(c, index, args)]
            parts = [m for m in parts if index.type_of(m) == "COUNTRY"]
            if lemma in COALITION_VERBS and len(parts) < 2:
                continue
            for org in wholes:
                for m in parts:
                    out.append(record(tok, m, "MEMBER_OF", org, rule_id=f"MEMBER_OF:composition:{lemma}"))
    return out


def _noun_looking_composition(tok: Token, index, args) -> List[Dict]:
    """"The bloc groups A, B and C" read as a noun phrase: the parse is unusable, so the
    surface decides. The whole is the organisation the sentence opens on (its name or a
    description resolved to it), with no finite verb before "groups"; the parts are the
    run of states right after it (two or more, with commas, "and", "the" between)."""
    doc = tok.doc
    if tok.lower_ not in NOUN_LOOKING_VERBS or tok.i == tok.sent.start:
        return []
    if doc[tok.i - 1].lower_ in ("the", "a", "an", "of", "its", "their") or doc[tok.i - 1].pos_ in ("ADJ", "NUM"):
        return []
    sent = tok.sent
    org = None
    # "The forum, sometimes called a cartel, groups ...": a stretch set off by commas
    # right before the verb is parenthetical
    commas = [t.i for t in doc[sent.start:tok.i] if t.text == ","]
    main_end = commas[0] if commas and doc[tok.i - 1].text == "," else tok.i
    for t in doc[sent.start:tok.i]:
        if t.tag_ in ("VBZ", "VBD", "VBP", "MD") and t.i < main_end:
            return []
        e = index.entity(t.i)
        if org is None and e is not None:
            if index.type_of(e) != "ORGANISATION" or t.i > sent.start + 4:
                return []
            org = e
    if org is None:
        return []
    parts: List[str] = []
    j = tok.i + 1
    while j < sent.end:
        e = index.entity(j)
        if e is not None and index.type_of(e) == "COUNTRY":
            if e not in parts:
                parts.append(e)
        elif doc[j].lower_ not in LIST_GLUE:
            break
        j += 1
    if len(parts) < 2:
        return []
    return [record(tok, m, "MEMBER_OF", org, rule_id="MEMBER_OF:composition:group") for m in parts]


def _wholes(tok: Token, index, args, passive: bool) -> List[str]:
    """The organisations a composition verb describes: its subject, or the noun it modifies."""
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN"):
        return _org_of_np(tok.head, index, args)
    deps = ("nsubjpass",) if passive else ("nsubj",)
    # "the bloc's former (aspiring) members include A": not its present members
    out = [e for c in tok.children if c.dep_ in deps and member_polarity(c) is None for e in _org_of_np(c, index, args)]
    if not out and tok.dep_ == "conj":
        return _wholes(tok.head, index, args, passive)
    return out
