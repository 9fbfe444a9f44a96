"""ATTENDS of a state through the mention of its delegation, and of the delegation's head.

In a passage about an event, "the Chinese delegation walked out", "security staff told the
Israeli delegation to leave", "Hu, head of the Chinese delegation, spoke", "the Chinese
delegation's leader, Hu" → China (and Hu) attend the event in focus (GUIDELINES: a country
attends when its delegation takes part). The event is the one named on the delegation ("to
(at) EVENT"), else the one the passage is about (named in the last two sentences: the
passage's event further back was tried and cost precision). Its named members ("the delegation will include A and B") attend
with its heads. Not a
delegation with another destination ("a delegation to Berlin"), a trade or business
delegation, a visiting one ("a Chinese delegation visited Kenya"), "no delegation", nor a
negated or unrealised clause ("did not send a delegation" is the trigger rules').
"""
from __future__ import annotations

from typing import Dict, List, Optional

from spacy.tokens import Doc, Token

from ._lookup import positions_in
from .argument_words import OTHER_PURPOSES
from .records import record
from ..gazetteer import read_data

# word lists: relext/data/words/delegations.yaml
_WORDS = read_data("words/delegations.yaml")

DELEGATION_NOUNS = {"delegation", "delegations"}
HEAD_NOUNS = frozenset(_WORDS["head_nouns"])
HEAD_VERBS = {"head", "lead"}
VISIT_VERBS = frozenset(_WORDS["visit_verbs"])
ABSENCE_VERBS = frozenset(_WORDS["absence_verbs"])
AWAY_VERBS = frozenset(_WORDS["away_verbs"])


def delegations(doc: Doc, index, args, modality) -> List[Dict]:
    """ATTENDS records of states whose delegation is at the event, and of its heads."""
    out: List[Dict] = []
    if not any(t == "EVENT" for t in index.types.values()):
        return out
    for i in positions_in(doc, {"delegation"}, attr="LEMMA"):
        tok = doc[i]
        if tok.pos_ == "NOUN":
            out += _delegation(tok, index, args, modality)
    return out


def _event(tok: Token, index, args) -> Optional[str]:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "at", "for", "in"):
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                e = index.entity(p.i)
                if e is None or index.type_of(e) != "EVENT":
                    return None  # "a delegation to Berlin (to the region)": elsewhere
                return e
    return args.salient_event(tok, window=2, ahead=False)


def _delegation(tok: Token, index, args, modality) -> List[Dict]:
    if any(c.lower_ in OTHER_PURPOSES for c in tok.children if c.dep_ in ("compound", "amod")):
        return []
    if any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in tok.children):
        return []
    mods = [c for c in tok.children if c.dep_ in ("poss", "amod", "compound")]
    states = list(dict.fromkeys(e for c in mods for e in [index.entity(c.i)] if e and index.type_of(e) == "COUNTRY"))
    if len(states) != 1:
        return []
    verb = tok.head
    while verb.dep_ in ("conj", "appos") and verb.head.i != verb.i and verb.pos_ in ("NOUN", "PROPN"):
        verb = verb.head
    if verb.lemma_.lower() in VISIT_VERBS:
        return []  # "a Chinese delegation visited Kenya", "sent a delegation": other rules'
    if verb.pos_ in ("VERB", "AUX") and modality.negation(verb)[0]:
        return []
    absent = _absent(verb)  # "Peru's delegation kept away during the address": a negated ATTENDS
    ev = _event(tok, index, args)
    if not ev or index.type_of(ev) != "EVENT":
        return []
    heads = _heads(tok, index, args)
    mod, source = modality.modality(tok, args, "ATTENDS") if verb.pos_ in ("VERB", "AUX") else ("ASSERTED", None)
    return [record(tok, s, "ATTENDS", ev, rule_id="ATTENDS:delegation-in-focus", modality=mod, source=source,
                   negated=absent)
            for s in states + heads if s != ev]


def _absent(verb: Token) -> bool:
    """Whether the delegation's verb says it was not there ("stayed away", "skipped the
    speech", "boycotted it", "refused to attend"); leaving ("walked out") is being there."""
    for v in [verb] + [c for c in verb.children if c.dep_ == "xcomp"]:
        lemma = v.lemma_.lower()
        if lemma in ABSENCE_VERBS:
            return True
        if lemma in AWAY_VERBS and any(c.lower_ == "away" for c in v.children):
            return True
    return False


def _heads(tok: Token, index, args) -> List[str]:
    """"X, head of the Chinese delegation", "the Chinese delegation's leader, X", "the
    delegation, headed by X": the named people who lead it."""
    out: List[str] = []
    # "the delegation, headed (led) by X"
    for c in tok.children:
        if c.dep_ == "acl" and c.lemma_.lower() in HEAD_VERBS:
            out += [e for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                    for e in args.entities_of(p)]
    # "the Chinese delegation's leader, X"
    if tok.dep_ == "poss" and tok.head.lemma_.lower() in HEAD_NOUNS:
        out += [e for a in tok.head.children if a.dep_ == "appos" for e in args.entities_of(a)]
    # "X, head of the Chinese delegation"
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in HEAD_NOUNS:
        noun = tok.head.head
        if noun.dep_ == "appos":
            out += args.entities_of(noun.head)
        out += [e for a in noun.children if a.dep_ == "appos" for e in args.entities_of(a)]
    # "the Chinese delegation will include (comprises, features) A and B": its named members
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in MEMBER_VERBS:
        out += [e for o in tok.head.children if o.dep_ == "dobj" for e in args.entities_of(o)]
    return [e for e in dict.fromkeys(out) if index.type_of(e) == "PERSON"]


# verbs whose object lists a delegation's members
MEMBER_VERBS = frozenset(_WORDS["member_verbs"])
