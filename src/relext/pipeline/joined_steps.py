"""Backing told by standing behind someone or joining someone's step.

"Kenya is firmly behind Ethiopia", "the party remains squarely behind its candidate's bid":
being (remaining) behind X or X's bid is backing X. "Austria joined Spain's call for a
ceasefire", "Chile signed on to Peru's initiative", "Norway added its voice to Iceland's
appeal": taking up a step (a call, an appeal, an initiative, a plan) that someone else made
backs its maker. The words are data (``behind_copulas``, ``joined_step_verbs`` and
``joined_step_nouns`` in cues.yaml).

Not: "X is behind the attack (the killing of Y)" — only a named party or one of the step
nouns names what is backed; "joined the coalition (the talks, the army)" — those nouns are
no steps; one's own step ("Chile joined its own initiative"); a negated or questioned clause
gives the negated relation or nothing, as the modality says.
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc, Token

from ..gazetteer import read_data
from ._lookup import positions_in
from .records import record

_CUES = read_data("cues.yaml")
BEHIND_COPULAS = frozenset(_CUES.get("behind_copulas", ()))
JOINED_VERBS = frozenset(_CUES.get("joined_step_verbs", ()))
STEP_NOUNS = frozenset(_CUES.get("joined_step_nouns", ()))
# the particle or preposition a verb takes up a step with ("signed on to", "added its voice to")
JOIN_PREPS = {"sign": ("to",), "add": ("to",), "lend": ("to",)}
# "added (lent) its voice (weight, name) to X's call"
JOIN_OBJECTS = {"add": ("voice", "weight", "name"), "lend": ("voice", "weight", "name")}
PARTY_TYPES = ("COUNTRY", "ORGANISATION", "PERSON")


def _backed(args, n: Token) -> List[str]:
    """The party a step noun ``n`` belongs to ("Spain's call", "the Dutch initiative")."""
    if n.lemma_.lower() not in STEP_NOUNS and n.lower_ not in STEP_NOUNS:
        return []
    return list(dict.fromkeys(args.entities_of(n, positions=True)))


def _emit(v: Token, args, index, objects: List[str], rule_id: str) -> List[Dict]:
    mod, source = args.modality.modality(v, args, "SUPPORTS")
    if mod == "HYPOTHETICAL" or not objects:
        return []
    negated, cue = args.modality.negation(v)
    subjects = [e for e in dict.fromkeys(args.cached(("subj", v.i), args.subjects, v)) if e not in objects]
    return [record(v, s, "SUPPORTS", o, rule_id=rule_id, negated=negated, cue=cue, modality=mod, source=source)
            for s in subjects for o in objects
            if s != o and index.type_of(s) in PARTY_TYPES and index.type_of(o) in PARTY_TYPES]


def joined_steps(doc: Doc, index, args) -> List[Dict]:
    """SUPPORTS records for "X is behind Y" and "X joined Y's call" (module docstring).

    Args:
        doc: the parsed document.
        index: its `EntityIndex`.
        args: its `Arguments`.

    Returns:
        The records, one per backer and one backed.
    """
    out: List[Dict] = []
    for v in (doc[i] for i in positions_in(doc, BEHIND_COPULAS | JOINED_VERBS, attr="LEMMA")):
        lemma = v.lemma_.lower()
        if v.pos_ not in ("VERB", "AUX"):
            continue
        if lemma in BEHIND_COPULAS:
            objs: List[str] = []
            for p in v.children:
                if p.dep_ != "prep" or p.lower_ != "behind":
                    continue
                for o in p.children:
                    if o.dep_ != "pobj":
                        continue
                    named = index.entity(o.i)
                    if named and index.type_of(named) in PARTY_TYPES:
                        objs += [e for e in args.entities_of(o)]
                    else:
                        objs += _backed(args, o)
            out += _emit(v, args, index, list(dict.fromkeys(objs)), "SUPPORTS:is-behind")
        if lemma in JOINED_VERBS:
            heads = [c for c in v.children if c.dep_ == "dobj"] if lemma not in JOIN_PREPS else []
            if lemma in JOIN_PREPS:
                if lemma in JOIN_OBJECTS and not any(c.dep_ == "dobj" and c.lemma_.lower() in JOIN_OBJECTS[lemma]
                                                     for c in v.children):
                    continue
                if lemma == "sign" and not any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ in ("on", "up")
                                               for c in v.children):
                    continue  # "signed on (up) to X's plan"; not "signed a deal"
                preps = [p for c in v.children for p in ([c] + list(c.children))
                         if p.dep_ == "prep" and p.lower_ in JOIN_PREPS[lemma]]
                heads = [o for p in preps for o in p.children if o.dep_ == "pobj"]
            objs = [e for h in heads for e in _backed(args, h)]
            out += _emit(v, args, index, list(dict.fromkeys(objs)), "SUPPORTS:joined-step")
    return out


# "called Y to express support", "met Y and voiced solidarity", "in a call with Y, X offered
# support": support given without a named recipient goes to the one spoken with
SUPPORT_NOUNS = frozenset(_CUES.get("interlocutor_support_nouns", ()))
EXPRESS_VERBS = frozenset(_CUES.get("interlocutor_express_verbs", ()))
CONTACT_VERBS = frozenset(_CUES.get("interlocutor_contact_verbs", ()))
CONTACT_NOUNS = frozenset(_CUES.get("interlocutor_contact_nouns", ()))


def _interlocutors(args, u: Token) -> List[str]:
    """Those the contact verb ``u`` names as spoken with ("called Y", "spoke with Y")."""
    found = [e for c in u.children if c.dep_ == "dobj" for e in args.entities_of(c)]
    found += [e for c in u.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
              for o in c.children if o.dep_ == "pobj" for e in args.entities_of(o)]
    return found


def supported_interlocutors(doc: Doc, index, args) -> List[Dict]:
    """SUPPORTS records for support expressed, with no recipient named, to the one spoken with.

    Args:
        doc: the parsed document.
        index: its `EntityIndex`.
        args: its `Arguments`.

    Returns:
        The records, one per supporter and one spoken with.
    """
    out: List[Dict] = []
    for n in (doc[i] for i in positions_in(doc, SUPPORT_NOUNS)):
        v = n.head
        if n.dep_ == "pobj" and v.lower_ == "of" and v.head.lemma_.lower() in MESSAGE_NOUNS:
            out += _message_of_support(args, index, n, v.head)
            continue
        if n.dep_ != "dobj" or v.lemma_.lower() not in EXPRESS_VERBS:
            continue
        if any(c.dep_ in ("prep", "dative") and c.lower_ not in ("in", "during", "on", "at") for c in n.children) \
                or any(c.dep_ in ("dative", "prep") and c.lower_ not in ("in", "during", "on", "at", "by")
                       for c in v.children):
            continue  # a recipient or a cause named ("support for Z", "offered Z support", "support to Z")
        # "reaffirmed Turkey's support": the owner named on the noun gives it
        owners = [e for c in n.children if c.dep_ == "poss" and c.pos_ != "PRON" for e in args.entities_of(c)]
        listeners: List[str] = []
        speakers: List[str] = []
        if v.dep_ in ("xcomp", "advcl", "conj") and v.head.lemma_.lower() in CONTACT_VERBS:
            u = v.head
            listeners = _interlocutors(args, u)
            speakers = args.verb_subjects(u)
        else:
            for p in v.children:  # "in a call with Y, X voiced support"
                if p.dep_ == "prep" and p.lower_ in ("in", "during", "at"):
                    for o in p.children:
                        if o.dep_ == "pobj" and (o.lemma_.lower() in CONTACT_NOUNS or o.lower_ in CONTACT_NOUNS):
                            listeners += [e for w in o.children if w.dep_ == "prep" and w.lower_ == "with"
                                          for x in w.children if x.dep_ == "pobj" for e in args.entities_of(x)]
            if listeners:
                speakers = args.verb_subjects(v)
        speakers = owners or speakers
        if not listeners or not speakers:
            continue
        mod, source = args.modality.modality(v, args, "SUPPORTS")
        if mod == "HYPOTHETICAL":
            continue
        negated, cue = args.modality.negation(v)
        out += [record(n, s, "SUPPORTS", o, rule_id="SUPPORTS:support-to-interlocutor", negated=negated, cue=cue,
                       modality=mod, source=source)
                for s in dict.fromkeys(speakers) for o in dict.fromkeys(listeners)
                if s != o and index.type_of(s) in PARTY_TYPES and index.type_of(o) in PARTY_TYPES]
    return out


MESSAGE_NOUNS = frozenset(_CUES.get("support_message_nouns", ()))
MESSAGE_VERBS = frozenset(_CUES.get("support_message_verbs", ()))


def _message_of_support(args, index, n: Token, m: Token) -> List[Dict]:
    """"X sent a message of support (solidarity) to Y": the sender supports the addressee."""
    v = m.head
    if m.dep_ != "dobj" or v.lemma_.lower() not in MESSAGE_VERBS:
        return []
    to = [e for x in (n, m, v) for c in x.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
          for o in c.children if o.dep_ == "pobj" for e in args.entities_of(o)]
    to += [e for c in v.children if c.dep_ == "dative" and c.lower_ != "to" for e in args.entities_of(c)]
    senders = args.verb_subjects(v)
    if not to or not senders:
        return []
    mod, source = args.modality.modality(v, args, "SUPPORTS")
    if mod == "HYPOTHETICAL":
        return []
    negated, cue = args.modality.negation(v)
    return [record(m, s, "SUPPORTS", o, rule_id="SUPPORTS:message-of-support", negated=negated, cue=cue,
                   modality=mod, source=source)
            for s in dict.fromkeys(senders) for o in dict.fromkeys(to)
            if s != o and index.type_of(s) in PARTY_TYPES and index.type_of(o) in PARTY_TYPES]
