"""AFFILIATED_WITH of the people a state or body sends, and of those who lead or make up
its delegation (part of `affiliation`).

The guidelines tie a person to a state or body where the text gives them a role in it;
leading, heading or being part of its delegation, and being sent by it with an office's
title, are such roles:

- a delegation (team, mission, contingent) led or headed by someone, in the passive: "the
  Chilean delegation, led by X", "Peru's team will be headed by X", "Chile sent a
  delegation headed by X" (the owner is the noun's demonym, possessor or "of" object, else
  the subject of the verb of sending it);
- a delegation that includes (comprises, consists of) people: "the Kenyan delegation
  included X and Y";
- a titled person sent or dispatched by a state or body: "Kenya sent Foreign Minister X to
  the summit", "Spain dispatched Prince Y" (a title before the name is needed: "sent X"
  alone says nothing of a role; nor "sent X to prison", ``SENT_AWAY``).

Negated clauses give nothing. The words are data in ``roles.yaml`` (``led_teams``,
``leading_verbs``, ``sending_verbs``, ``including_verbs``).
"""
from __future__ import annotations

from typing import Dict, List, Set

from spacy.tokens import Doc, Token

from ..gazetteer import read_data
from ._lookup import positions_where
from .records import record

# word lists: relext/data/words/delegation_members.yaml
_WORDS = read_data("words/delegation_members.yaml")

_ROLES = read_data("roles.yaml")
TEAM_NOUNS = frozenset(_ROLES.get("led_teams", ())) & {"delegation", "team", "mission", "contingent", "side",
                                                       "negotiators"}
LEADING_VERBS = frozenset(_ROLES.get("leading_verbs", ()))
SENDING_VERBS = frozenset(_ROLES.get("sending_verbs", ()))
INCLUDING_VERBS = frozenset(_ROLES.get("including_verbs", ()))
OWNER_TYPES = ("COUNTRY", "ORGANISATION")
# destinations that make a sending no mission ("sent X to prison")
SENT_AWAY = frozenset(_WORDS["sent_away"])


def delegation_members(doc: Doc, index, args, titles: Set[str]) -> List[Dict]:
    """AFFILIATED_WITH records of the module docstring."""
    out: List[Dict] = []
    seen = set()

    def emit(tok: Token, person: str, owner: str, rule: str) -> None:
        if index.type_of(person) != "PERSON" or index.type_of(owner) not in OWNER_TYPES or (person, owner) in seen:
            return
        seen.add((person, owner))
        out.append(record(tok, person, "AFFILIATED_WITH", owner, rule_id=rule))

    for i in positions_where(doc, lambda w: w in TEAM_NOUNS or w in SENDING_VERBS, attr="LEMMA"):
        tok = doc[i]
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and lemma in TEAM_NOUNS and tok.tag_ in ("NN", "NNP"):
            owners = _owners(tok, index, args)
            if not owners:
                continue
            for person, at in _leaders(tok, index, args) + _included(tok, index, args):
                for o in owners:
                    emit(at, person, o, "AFFILIATED_WITH:delegation")
        elif tok.pos_ == "VERB" and lemma in SENDING_VERBS and not _negated(tok):
            senders = [e for e in args.verb_subjects(tok) if index.type_of(e) in OWNER_TYPES]
            if not senders or _sent_away(tok):
                continue
            for obj in _objects(tok):
                person = index.entity(obj.i)
                if person is None or index.type_of(person) != "PERSON" or not _titled(doc, obj, index, person, titles):
                    continue
                for s in senders:
                    emit(tok, person, s, "AFFILIATED_WITH:sent")
    return out


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _objects(verb: Token) -> List[Token]:
    """The direct object of ``verb`` and its conjuncts."""
    out = []
    for c in verb.children:
        if c.dep_ == "dobj":
            out.append(c)
            out.extend(x for x in c.conjuncts)
    return out


def _sent_away(verb: Token) -> bool:
    """"sent X to prison", "sent into exile": no mission."""
    return any(p.dep_ == "prep" and p.lower_ in ("to", "into") and any(o.lemma_.lower() in SENT_AWAY for o in p.children)
               for p in verb.children)


def _titled(doc: Doc, obj: Token, index, person: str, titles: Set[str]) -> bool:
    """Whether the object's name carries an office's title before it ("Foreign Minister X",
    "Prince Y")."""
    start, _end = index.mention_of.get(obj.i, (obj.i, obj.i + 1))
    words = [t.lower_ for t in doc[obj.left_edge.i:start + 1]]
    return any(w in titles for w in words)


def _owners(team: Token, index, args) -> List[str]:
    """The state or body whose delegation ``team`` is: a demonym, possessor, compound or
    "of"/"from" object on the noun, else the subject of the verb that sends it ("Chile sent
    a delegation ...")."""
    owners = []
    for c in team.children:
        if c.dep_ in ("amod", "compound", "poss", "nmod"):
            e = index.entity(c.i)
            if e and index.type_of(e) in OWNER_TYPES:
                owners.append(e)
        elif c.dep_ == "prep" and c.lower_ in ("of", "from"):
            owners += [e for o in c.children if o.dep_ == "pobj" for e in [index.entity(o.i)]
                       if e and index.type_of(e) in OWNER_TYPES]
    if not owners and team.dep_ == "dobj" and team.head.lemma_.lower() in SENDING_VERBS and not _negated(team.head):
        owners = [e for e in args.verb_subjects(team.head) if index.type_of(e) in OWNER_TYPES]
    if sum(index.type_of(o) == "COUNTRY" for o in owners) > 1 \
            or any(m.lower_ in ("joint", "combined") for m in team.children) \
            or any(c.dep_ == "conj" for m in team.children if m.dep_ in ("amod", "compound") for c in m.children):
        return []  # "a joint Spanish and Italian delegation" is no one state's
    return list(dict.fromkeys(owners))


def _people_of(tok: Token, index) -> List[str]:
    people = []
    for t in [tok] + list(tok.conjuncts):
        e = index.entity(t.i)
        if e and index.type_of(e) == "PERSON":
            people.append(e)
    return people


def _leaders(team: Token, index, args) -> List:
    """People leading the team in the passive: "a delegation led by X", "the team will be
    headed by X" (the team the passive's subject)."""
    verbs = [c for c in team.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if team.dep_ == "nsubjpass":
        verbs.append(team.head)
    out = []
    for v in verbs:
        if v.lemma_.lower() not in LEADING_VERBS or _negated(v):
            continue
        for a in v.children:
            if a.dep_ == "agent":
                out += [(p, v) for o in a.children if o.dep_ == "pobj" for p in _people_of(o, index)]
    return out


def _included(team: Token, index, args) -> List:
    """People a team is said to include: "the Kenyan delegation included X and Y",
    "comprised X", "consisted of X"."""
    if team.dep_ != "nsubj":
        return []
    v = team.head
    if v.lemma_.lower() not in INCLUDING_VERBS or _negated(v):
        return []
    objs = [c for c in v.children if c.dep_ == "dobj"]
    objs += [o for p in v.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return [(p, v) for o in objs for p in _people_of(o, index)]
