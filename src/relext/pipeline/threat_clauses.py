"""Targets of a step promised in a warning's clause ("warned that it would ...").

A warning whose clause promises a step against someone threatens that someone:

- a measure aimed at them: "warned that it would respond with reciprocal measures against
  X";
- removing or punishing them: "warned that Washington would consider expelling X from the
  pact", "... could ban X";
- leaving a body: "warned that Moscow could withdraw from X (quit X)";
- cutting what they get or share: "warned that it would review its aid to X", "... could
  reconsider its membership of X", "... would cut ties with X".

The clause must promise (would, will, could, might, may): "warned that X had cut aid to Y"
reports a past step, and a negated step ("would not cut aid to X") is no threat.
"""
from __future__ import annotations

from typing import List

from spacy.tokens import Token

PROMISE_AUX = {"would", "will", "could", "might", "may", "'ll", "'d", "shall", "wo"}
# steps whose direct object is their target
REMOVE_VERBS = {"remove", "expel", "exclude", "suspend", "ban", "bar", "kick", "oust", "evict", "punish", "target",
                "sanction", "blacklist", "isolate", "penalise", "penalize", "attack", "strike", "hit"}
# leaving a body
LEAVE_VERBS = {"withdraw", "pull", "exit", "leave", "quit"}
# cutting or reconsidering what one gives or shares
REDUCE_VERBS = {"review", "reconsider", "cut", "suspend", "freeze", "end", "halt", "sever", "downgrade", "reduce",
                "scale", "curb", "stop", "withhold", "revoke", "cancel", "reassess", "rethink", "restrict", "limit",
                "terminate"}
TIE_NOUNS = {"aid", "assistance", "support", "funding", "fund", "tie", "ties", "relation", "cooperation", "membership",
             "participation", "supply", "delivery", "loan", "investment", "trade", "import", "export", "engagement",
             "partnership", "contribution", "financing", "presence", "agreement", "deal", "commitment"}
TIE_PREPS = {"to", "with", "in", "of", "for", "from"}
# clauses inside the step that are not the step ("if X stays", "which ...")
_OTHER_CLAUSES = {"advcl", "ccomp", "relcl", "acl", "parataxis"}


def promises(verb: Token) -> bool:
    """Whether ``verb`` (or the auxiliary chain above an infinitive) promises a step."""
    return any(c.dep_ == "aux" and c.lower_ in PROMISE_AUX for c in verb.children) \
        and not any(c.dep_ == "neg" for c in verb.children)


def _steps(clause: Token) -> List[Token]:
    """The clause's verb and the verbs it governs as its own infinitives ("would consider
    expelling X", "could decide to quit X")."""
    out, frontier = [clause], [clause]
    for _ in range(2):
        frontier = [c for v in frontier for c in v.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                    and not any(a.dep_ == "neg" for a in c.children)]
        out += frontier
    return out


def _pobjs(tok: Token, words) -> List[Token]:
    return [o for p in tok.children if p.dep_ in ("prep", "dative") and p.lower_ in words
            for o in p.children if o.dep_ == "pobj"]


def _against(step: Token) -> List[Token]:
    """Objects of "against" in the step's own phrase (not in a condition or relative clause)."""
    out = []
    for t in step.subtree:
        if t.dep_ != "prep" or t.lower_ != "against":
            continue
        cur, ok = t, True
        while cur.i != step.i:
            if cur.dep_ in _OTHER_CLAUSES or cur.head.i == cur.i:
                ok = False
                break
            cur = cur.head
        if ok:
            out += [o for o in t.children if o.dep_ == "pobj"]
    return out


def blow_targets(args, clause: Token) -> List[str]:
    """Entities the step promised in ``clause`` (a warning's complement) is aimed at."""
    if not promises(clause):
        return []
    index = args.index
    heads: List[Token] = []
    for step in _steps(clause):
        lemma = step.lemma_.lower()
        heads += _against(step)
        if lemma in REMOVE_VERBS:
            heads += [d for d in step.children if d.dep_ == "dobj"]
        if lemma in LEAVE_VERBS:
            bodies = [d for d in step.children if d.dep_ == "dobj"] if lemma in ("leave", "quit", "exit") else []
            bodies += _pobjs(step, ("from", "of")) + [o for p in step.children if p.dep_ == "prt"
                                                       for q in step.children if q.dep_ == "prep" and q.lower_ == "of"
                                                       for o in q.children if o.dep_ == "pobj"]
            heads += [b for b in bodies if any(index.type_of(e) == "ORGANISATION" for e in args.entities_of(b))]
        if lemma in REDUCE_VERBS:
            ties = [d for d in step.children if d.dep_ == "dobj" and d.lemma_.lower() in TIE_NOUNS]
            heads += [o for d in ties for o in _pobjs(d, TIE_PREPS)]
            if ties:
                heads += _pobjs(step, ("to", "with"))
    subjects = set(args.verb_subjects(clause))
    out = [e for h in heads for e in args.entities_of(h) if e not in subjects]
    return list(dict.fromkeys(out))


# verbs that answer a wrong with a blow ("respond to any provocation", "be met with force")
ANSWER_VERBS = {"respond", "react", "answer", "retaliate", "meet", "punish", "repel", "crush", "counter", "hit",
                "strike", "defend"}
_PROMISING = PROMISE_AUX | {"must"}


def answered(noun: Token) -> bool:
    """Whether the wrong ``noun`` ("any provocation by X") is what a promised blow answers:
    "we will respond to any provocation", "any aggression will be met with force"."""
    verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or any(c.dep_ == "neg" for c in verb.children):
        return False
    return verb.lemma_.lower() in ANSWER_VERBS and any(c.dep_ in ("aux", "auxpass") and c.lower_ in _PROMISING
                                                        for c in verb.children)
