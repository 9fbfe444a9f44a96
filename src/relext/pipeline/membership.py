"""MEMBER_OF from the wording of groups and alliances.

- group nouns tied to an organisation list their members: "the NATO countries,
  including the U.S.", "the organization's members are Russia, China and India",
  "the US as well as other NATO members";
- alliance nouns name theirs: "the AUKUS security pact between Australia, the UK and
  the US".
(Verbs and nouns of joining, "Ukraine will not join NATO", "Iran's admission into the
bloc", are trigger rules in ``triggers.yaml``.)
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc, Token

from .records import record

GROUP_NOUNS = {"member", "country", "state", "nation", "ally", "partner", "signatory", "economy", "government"}
ALLIANCE_NOUNS = {"agreement", "alliance", "pact", "bloc", "partnership", "grouping", "treaty", "union", "group",
                  "organisation", "organization", "deal", "framework", "coalition"}
MEMBER_TYPES = ("COUNTRY", "ORGANISATION")


def memberships(doc: Doc, index, args, words=None) -> List[Dict]:
    """MEMBER_OF records for ``doc`` (see the module docstring); ``words`` optionally a
    :class:`~relext.pipeline._lookup.WordSet` of the group and alliance nouns, to skip other tokens."""
    out: List[Dict] = []

    def emit(tok: Token, members: List[str], org: str, rule: str) -> None:
        for m in members:
            if m != org and index.type_of(m) in MEMBER_TYPES and index.type_of(org) == "ORGANISATION":
                out.append(record(tok, m, "MEMBER_OF", org, rule_id=rule))

    if words is None:
        candidates = range(len(doc))
    else:
        orgs = {i for i, e in index.by_token.items() if index.type_of(e) == "ORGANISATION"}
        candidates = sorted(set(words.positions(doc)) | orgs)
    for i in candidates:
        tok = doc[i]
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if lemma in GROUP_NOUNS:
            org = _organisation_of(tok, index)
            if org is None:
                continue
            members: List[str] = []
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("including", "like", "as"):
                    members += [e for p in c.children if p.dep_ == "pobj" for e in args.entities_of(p)]
                if c.dep_ == "appos":
                    members += args.entities_of(c)
            head = tok.head
            if tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_ == "be":
                members += [e for c in head.children if c.dep_ == "attr" for e in args.entities_of(c)]
            if tok.dep_ == "attr" and head.lemma_ == "be":
                members += [e for c in head.children if c.dep_ == "nsubj" for e in args.entities_of(c)]
            if tok.dep_ == "conj" and any(c.lower_ == "other" for c in tok.children):
                members += [e for e in args.entities_of(head) if e is not None]
            emit(tok, list(dict.fromkeys(members)), org, "MEMBER_OF:group")
        elif lemma in ALLIANCE_NOUNS or index.type_of(index.entity(tok.i) or "") == "ORGANISATION":
            org = index.entity(tok.i) if index.type_of(index.entity(tok.i) or "") == "ORGANISATION" else _organisation_of(tok, index)
            if org is None:
                continue
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("between", "among"):
                    members = [e for p in c.children if p.dep_ == "pobj" for e in args.entities_of(p)]
                    emit(tok, members, org, "MEMBER_OF:alliance")
    return out


def _organisation_of(tok: Token, index):
    """The organisation a group noun belongs to: "NATO countries", "the organization's members", "members of X"."""
    for c in tok.children:
        e = index.entity(c.i)
        if e and index.type_of(e) == "ORGANISATION" and c.dep_ in ("compound", "nmod", "amod", "poss"):
            return e
        if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i:
            # "the three-sided Aukus security agreement": the name modifies a modifier
            for d in c.subtree:
                e = index.entity(d.i)
                if e and index.type_of(e) == "ORGANISATION" and d.dep_ in ("compound", "nmod", "amod"):
                    return e
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                e = index.entity(p.i)
                if p.dep_ == "pobj" and e and index.type_of(e) == "ORGANISATION":
                    return e
    return None
