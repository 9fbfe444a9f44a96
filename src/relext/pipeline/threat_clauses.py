"""Targets of a step promised in a warning's clause ("warned that it would ...").

A warning whose clause promises a step against someone threatens that someone:

- a measure aimed at them: "warned it would reply with reciprocal measures against
  X";
- removing or punishing them: "warned that Washington would consider expelling X from the
  pact", "... could ban X";
- leaving a body: "warned that Ankara might withdraw from X (quit X)";
- cutting what they get or share: "warned it might review its aid to X", "... could
  reconsider its membership of X", "... would cut ties with X";
- the same steps as the infinitive of "threaten" ("threatened to withdraw from X");
- an answer promised to someone's act after a plain verb of saying: "said X's move would
  have serious consequences (would trigger a response, would not go unanswered, would be
  met with force)" -> X (`outcome_targets`).

The clause must promise (would, will, could, might, may): "warned that X had cut aid to Y"
reports a past step, and a negated step ("would not cut aid to X") is no threat.
"""
from __future__ import annotations

from typing import List

from spacy.tokens import Token
from ..gazetteer import read_data

# word lists: relext/data/words/threat_clauses.yaml
_WORDS = read_data("words/threat_clauses.yaml")

PROMISE_AUX = frozenset(_WORDS["promise_aux"])
# steps whose direct object is their target
REMOVE_VERBS = frozenset(_WORDS["remove_verbs"])
# leaving a body
LEAVE_VERBS = frozenset(_WORDS["leave_verbs"])
# cutting or reconsidering what one gives or shares
REDUCE_VERBS = frozenset(_WORDS["reduce_verbs"])
TIE_NOUNS = frozenset(_WORDS["tie_nouns"])
TIE_PREPS = frozenset(_WORDS["tie_preps"])
# ties that are a place in a body: "could review its membership" without naming the body
MEMBERSHIP_NOUNS = frozenset(_WORDS["membership_nouns"])
# nouns that name the body a membership is in ("a member of X", "its membership in X")
MEMBER_WORDS = frozenset(_WORDS["member_words"])
# clauses inside the step that are not the step ("if X stays", "which ...")
_OTHER_CLAUSES = {"advcl", "ccomp", "relcl", "acl", "parataxis"}


def undeterred(verb: Token) -> bool:
    """"would not hesitate to (shrink from) strike X": a negated verb of holding back, which
    promises the step it governs."""
    return verb.lemma_.lower() in ("hesitate", "shrink", "flinch") and any(c.dep_ == "neg" for c in verb.children) \
        and any(c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "from" for c in verb.children)


def promises(verb: Token) -> bool:
    """Whether ``verb`` (or the auxiliary chain above an infinitive) promises a step."""
    return any(c.dep_ == "aux" and c.lower_ in PROMISE_AUX for c in verb.children) \
        and (not any(c.dep_ == "neg" for c in verb.children) or undeterred(verb))


def promised_governor(noun: Token) -> bool:
    """Whether the verb that takes the noun ``noun`` as its object is promised, directly or
    through the infinitives and gerunds above it: "they will keep (turning) up the pressure on
    X", "vowed to step up pressure on X". A noun said of the past ("stepped up pressure")
    is not."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "dobj":
        return False
    cur = noun.head
    for _ in range(3):
        if cur.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in cur.children):
            return False
        if promises(cur):
            return True
        if cur.dep_ != "xcomp":
            return False
        if cur.head.lemma_.lower() in ("vow", "pledge", "promise", "threaten"):
            return True
        cur = cur.head
    return False


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


def _body_of_membership(args, tie: Token) -> List[Token]:
    """The body a membership named without it is in: "A remains a member of X, but its leader
    warned that A could review its membership" -> X. The last body named after a word of
    membership ("a member of X", "its seat in X") in this sentence before the tie, else in
    the one before; none such gives nothing."""
    doc = tie.doc
    sent = tie.sent
    spans = [(sent.start, tie.i)]
    if sent.start > 0:
        prev = doc[sent.start - 1].sent
        spans.append((prev.start, prev.end))
    for lo, hi in spans:
        found = [o for w in doc[lo:hi] if w.lemma_.lower() in MEMBER_WORDS
                 for o in _pobjs(w, ("of", "in"))
                 if any(args.index.type_of(e) == "ORGANISATION" for e in args.entities_of(o))]
        if found:
            return found[-1:]
    return []


def blow_targets(args, clause: Token) -> List[str]:
    """Entities the step promised in ``clause`` (a warning's complement) is aimed at."""
    if not promises(clause):
        return []
    return step_targets(args, clause)


def step_targets(args, clause: Token) -> List[str]:
    """Entities the step ``clause`` names is aimed at, without asking whether it is
    promised: the infinitive of a verb of threatening ("threatened to withdraw from X",
    "to suspend its membership of X") is a threat by itself."""
    if any(c.dep_ == "neg" for c in clause.children) and not undeterred(clause):
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
            # "pull out of X" with "out" parsed as a preposition
            bodies += [o for p in step.children if p.dep_ == "prep" and p.lower_ == "out" for o in _pobjs(p, ("of",))]
            heads += [b for b in bodies if any(index.type_of(e) == "ORGANISATION" for e in args.entities_of(b))]
        if lemma in REDUCE_VERBS:
            ties = [d for d in step.children if d.dep_ == "dobj" and d.lemma_.lower() in TIE_NOUNS]
            heads += [o for d in ties for o in _pobjs(d, TIE_PREPS)]
            if ties:
                heads += _pobjs(step, ("to", "with"))
            heads += [b for d in ties if d.lemma_.lower() in MEMBERSHIP_NOUNS and not _pobjs(d, TIE_PREPS)
                      for b in _body_of_membership(args, d)]
    subjects = set(args.verb_subjects(clause))
    out = [e for h in heads for e in args.entities_of(h) if e not in subjects]
    return list(dict.fromkeys(out))


# verbs that answer a wrong with a blow ("respond to any provocation", "be met with force")
ANSWER_VERBS = frozenset(_WORDS["answer_verbs"])
_PROMISING = PROMISE_AUX | {"must"}


def answered(noun: Token) -> bool:
    """Whether the wrong ``noun`` ("any provocation by X") is what a promised blow answers:
    "we will respond to any provocation", "any aggression will be met with force"."""
    verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or any(c.dep_ == "neg" for c in verb.children):
        return False
    return verb.lemma_.lower() in ANSWER_VERBS and any(c.dep_ in ("aux", "auxpass") and c.lower_ in _PROMISING
                                                        for c in verb.children)


# outcomes a promise gives an act ("would have consequences", "would trigger a response")
OUTCOME_VERBS = frozenset(_WORDS["outcome_verbs"])
OUTCOME_NOUNS = frozenset(_WORDS["outcome_nouns"])
UNANSWERED = {"unanswered", "unpunished"}


def promised_outcome(clause: Token) -> bool:
    """Whether ``clause`` promises its subject's act an answer: "X's move would have serious
    consequences (would trigger a response)", "would not go unanswered (unpunished)", "would
    be met with a firm response". An outlook for a third party ("would have consequences for
    the economy") and a past or negated outcome are no threat."""
    aux = [a for a in clause.children if a.dep_ in ("aux", "auxpass")]
    if not any(a.lower_ in _PROMISING for a in aux):
        return False
    lemma = clause.lemma_.lower()
    negated = any(c.dep_ == "neg" for c in clause.children)
    if lemma == "go" and any(c.dep_ in ("acomp", "oprd", "advmod", "xcomp") and c.lower_ in UNANSWERED
                             for c in clause.children):
        return negated  # "would not go unanswered"
    if negated or any(p.dep_ == "prep" and p.lower_ == "for" for p in clause.children):
        return False
    if lemma == "meet" and any(a.dep_ == "auxpass" for a in aux):
        return any(p.dep_ == "prep" and p.lower_ == "with" and any(
            o.lemma_.lower() in OUTCOME_NOUNS | {"force"} for o in p.children) for p in clause.children)
    return lemma in OUTCOME_VERBS and any(
        d.dep_ == "dobj" and d.lemma_.lower() in OUTCOME_NOUNS
        and not any(p.dep_ == "prep" and p.lower_ == "for" for p in d.children) for d in clause.children)


def outcome_targets(args, tok: Token, position_nouns) -> List[str]:
    """Whose act a clause of ``tok`` (a verb of saying) promises an answer: "said X's move
    would have serious consequences" -> X (the act's owner or its "by" agent; an entity
    subject itself)."""
    out: List[str] = []
    for c in tok.children:
        if c.dep_ != "ccomp" or c.pos_ not in ("VERB", "AUX") or not promised_outcome(c):
            continue
        for s in c.children:
            if s.dep_ not in ("nsubj", "nsubjpass"):
                continue
            own = args.entities_of(s) if args.index.entity(s.i) else []
            if not own and s.lemma_.lower() in position_nouns:
                own = [e for h in s.children if h.dep_ in ("poss", "amod", "compound") for e in args.entities_of(h)]
                own += [e for p in s.children if p.dep_ == "prep" and p.lower_ == "by"
                        for o in p.children if o.dep_ == "pobj" for e in args.entities_of(o)]
            out += own
    return list(dict.fromkeys(out))
