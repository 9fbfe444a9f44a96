"""SUPPORTS stated by a vote on a motion whose object is not named next to the verb.

A vote is for or against a motion; the motion says what the body decides, and that names
whom the vote backs or opposes (GUIDELINES: voting for another's accession is SUPPORTS,
explicit opposition to an entity or its step a negated SUPPORTS):

- the stance: "voted no (nay)", "voted against it" are against; "voted yes", "voted for
  the motion", "voted in favour (of it)" are for; "backed (supported, endorsed, approved)
  the resolution (motion)" is for, "opposed (rejected) the resolution" against;
- the motion: named on the vote ("voted in favour of the motion to admit X", "voted in
  favour of admitting X", "voted no on X's bid") or told before: the nearest earlier
  "the body voted to <verb> X" or "a resolution to <verb> X" within a few sentences, or,
  further back, the one motion the text tells of (every motion told before names the same
  verb and parties);
- what it backs: a motion to admit (make a member, recognise, ...) X: for is SUPPORTS of X,
  against a negated one; a motion to reject (overturn, annul) X's decision: for is a
  negated SUPPORTS of X (and the body that so voted opposes X too), against states
  nothing; a motion to suspend (expel, condemn) X: against opposes the body's decision (a
  negated SUPPORTS of the body), for states nothing;
- the voters: the subjects of the vote (lists "A and B among them" and "Among them were A
  and B" included), "Among the states voting in favour were A and B", and the ones a
  voter "sided (stood) with" in voting ("A sided with B and C in voting no": all three);
- "voted with X" (on X's side) is SUPPORTS of X.

A negated vote ("did not vote for it") states nothing.
"""
from __future__ import annotations

from typing import Dict, List, Optional, Tuple

from spacy.tokens import Doc, Token

from ._lookup import positions_in
from .records import record
from ..gazetteer import read_data

# word lists: relext/data/words/votes.yaml
_WORDS = read_data("words/votes.yaml")

ACTOR_TYPES = ("COUNTRY", "ORGANISATION", "PERSON")
VOTE_NO = frozenset(_WORDS["vote_no"])
VOTE_YES = frozenset(_WORDS["vote_yes"])
FAVOUR = {"favour", "favor"}
# what a body votes to do: against someone (its decision opposed by a "no") or for someone
PENALTY_MOTIONS = frozenset(_WORDS["penalty_motions"])
BENEFIT_MOTIONS = frozenset(_WORDS["benefit_motions"])
# a motion that undoes someone's step: voting for it opposes the step's owner
REJECT_MOTIONS = frozenset(_WORDS["reject_motions"])
MOTION_NOUNS = frozenset(_WORDS["motion_nouns"])
# what one votes for or against, besides a motion ("voted against the decision to suspend X")
VOTED_NOUNS = MOTION_NOUNS | {"decision", "move", "step", "it", "this", "that"}
# acts on a motion that are votes: "backed the resolution", "opposed the motion"
FOR_VERBS = frozenset(_WORDS["for_verbs"])
AGAINST_VERBS = {"oppose", "reject"}
# "A sided with B in voting no": B voted so too
SIDING_VERBS = frozenset(_WORDS["siding_verbs"])
MOTION_LOOK_BACK = 4  # sentences

Motion = Tuple[str, List[str], List[str], List[str]]  # verb, parties, owners of a rejected step, body


def _verb_motion(index, args, x: Token, body: List[str]) -> Motion:
    """The motion told by the verb ``x`` ("to admit X", "rejecting X's decision")."""
    parties = list(dict.fromkeys(index.entity(t.i) for t in x.subtree if t.i != x.i and index.entity(t.i)
                                 and index.entity(t.i) not in body))
    owners: List[str] = []
    for o in x.children:
        if o.dep_ in ("dobj", "nsubjpass") and not index.entity(o.i):
            owners += [e for c in o.children if c.dep_ == "poss" for e in args.entities_of(c)]
            owners += [e for c in o.children if c.dep_ == "compound" and c.pos_ == "PROPN" for e in args.entities_of(c)]
    return (x.lemma_.lower(), [p for p in parties if index.type_of(p) in ACTOR_TYPES],
            [p for p in dict.fromkeys(owners) if index.type_of(p) in ACTOR_TYPES and p not in body], body)


def _voted_to(w: Token, verbs=None) -> Optional[Token]:
    """The verb of "voted to <verb>" ("voting by a majority to reject": an advcl with "to")."""
    return next((c for c in w.children if c.pos_ == "VERB" and (verbs is None or c.lemma_.lower() in verbs)
                 and (c.dep_ == "xcomp" or c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to"
                                                                       for a in c.children))), None)


def _motion_at(index, args, w: Token) -> Optional[Motion]:
    """The motion a token tells of: "X voted to <verb> Y", "a resolution to <verb> Y"."""
    lemma = w.lemma_.lower()
    if lemma == "vote" and w.pos_ == "VERB":
        x = _voted_to(w)
        if x is None:
            return None
        body = [e for e in args.verb_subjects(w) if index.type_of(e) == "ORGANISATION"]
        return _verb_motion(index, args, x, body)
    if (lemma in VOTED_NOUNS or lemma == "vote") and w.pos_ == "NOUN":
        x = next((c for c in w.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"
                  and c.lemma_.lower() in PENALTY_MOTIONS | BENEFIT_MOTIONS | REJECT_MOTIONS), None)
        if x is None:
            return None
        return _verb_motion(index, args, x, [])
    return None


def _told_motion(doc: Doc, index, args, v: Token) -> Optional[Motion]:
    """The motion told before ``v``: the nearest within a few sentences, else the one
    motion of the text so far."""
    sents = list(doc.sents)
    k = next(n for n, s in enumerate(sents) if s.start <= v.i < s.end)
    near = sents[max(0, k - MOTION_LOOK_BACK)].start
    found: List[Tuple[int, Motion]] = []
    for i in range(v.i - 1, -1, -1):
        m = _motion_at(index, args, doc[i])
        if m is not None and (m[1] or m[2] or m[3]):
            found.append((i, m))
    if not found:
        return None
    if found[0][0] >= near:
        return found[0][1]
    kinds = {_backed(m) for _, m in found}
    return found[0][1] if len(kinds) == 1 else None


def _backed(m: Motion) -> Tuple:
    """What a motion is about, for telling motions apart: its kind and whom it concerns."""
    verb, parties, owners, body = m
    kind = "benefit" if verb in BENEFIT_MOTIONS else "reject" if verb in REJECT_MOTIONS else "penalty"
    return kind, tuple(sorted(owners if kind == "reject" else parties if kind == "benefit" else body + parties))


def _stance(v: Token) -> Tuple[Optional[bool], Optional[Token]]:
    """(for?, the motion token named on the vote) of a vote verb; (None, None) if neither."""
    lemma = v.lemma_.lower()
    if lemma != "vote":
        objs = [c for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in MOTION_NOUNS]
        if not objs:
            return None, None
        return (True if lemma in FOR_VERBS else False if lemma in AGAINST_VERBS else None), objs[0]
    on = next((p for c in v.children if c.dep_ == "prep" and c.lower_ == "on"
               for p in c.children if p.dep_ == "pobj"), None)  # "voted no on X's bid"
    for c in v.children:
        low = c.lower_
        if low in VOTE_NO and c.i == v.i + 1:
            return False, on
        if low in VOTE_YES and c.i == v.i + 1:
            return True, on
        if c.dep_ == "prep" and low in ("for", "against"):
            pobj = next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
            return low == "for", pobj
        if c.dep_ == "prep" and low == "in":
            fav = next((p for p in c.children if p.dep_ == "pobj" and p.lower_ in FAVOUR), None)
            if fav is not None:
                # "in favour of X" (the "of" hung on the favour or on the vote)
                of = next((p for q in list(fav.children) + [x for x in v.children if x.i == fav.i + 1]
                           if q.dep_ == "prep" and q.lower_ == "of"
                           for p in q.children if p.dep_ in ("pobj", "pcomp")), None)
                return True, of
    return None, None


def _voters(args, index, v: Token) -> List[str]:
    """Who cast the vote ``v`` (see the module docstring)."""
    out = list(args.subjects(v))
    if v.dep_ == "acl" and v.head.dep_ == "pobj" and v.head.head.lower_ == "among" \
            and v.head.head.head.lemma_.lower() == "be":
        # "Among the states voting in favour were A, B and C"
        cop = v.head.head.head
        todo = [c for c in cop.children if c.dep_ in ("nsubj", "attr") and c.i > v.i]
        while todo:
            x = todo.pop()
            out.extend(args.entities_of(x))
            todo.extend(c for c in x.children if c.dep_ == "conj")
    if v.dep_ == "pcomp" and v.head.lower_ == "in" and v.head.head.lemma_.lower() in SIDING_VERBS:
        # "A sided with B and C in voting no": B and C voted so too
        side = v.head.head
        out += args.subjects(side)
        out += [e for p in side.children if p.dep_ == "prep" and p.lower_ == "with"
                for o in p.children if o.dep_ == "pobj" for e in args.entities_of(o)]
    return [e for e in dict.fromkeys(out) if index.type_of(e) in ACTOR_TYPES]


def votes(doc: Doc, index, args) -> List[Dict]:
    """(Negated) SUPPORTS of the party a vote on a motion backs or opposes."""
    out: List[Dict] = []
    words = {"vote", "voted", "votes", "voting"}
    for i in positions_in(doc, words, MOTION_NOUNS):
        t = doc[i]
        v = t if t.lemma_.lower() == "vote" and t.pos_ == "VERB" else \
            t.head if t.dep_ == "dobj" and t.head.pos_ == "VERB" and t.lower_ in MOTION_NOUNS else None
        if v is None or (v is not t and v.lemma_.lower() == "vote"):
            continue
        if args.modality.negation(v)[0]:
            continue  # "did not vote for it" states nothing
        voters = _voters(args, index, v)
        if not voters:
            continue
        if v.lemma_.lower() == "vote":
            # a pronoun ("voted with us" in a quote) is left alone
            sided = [e for p in v.children if p.dep_ == "prep" and p.lower_ == "with"
                     for o in p.children if o.dep_ == "pobj" and o.pos_ != "PRON" for e in args.entities_of(o)]
            out += [record(v, s, "SUPPORTS", o, rule_id="SUPPORTS:voted-with")
                    for s in voters for o in sided if o != s and index.type_of(o) in ACTOR_TYPES]
        favour, named = _stance(v)
        if favour is None:
            continue
        motion: Optional[Motion] = None
        direct: List[str] = []
        if named is not None:
            if named.pos_ == "VERB":  # "in favour of admitting X"
                motion = _verb_motion(index, args, named, [])
            elif named.lemma_.lower() in VOTED_NOUNS:
                motion = _motion_at(index, args, named)
            elif favour is False or v.lemma_.lower() == "vote":
                # "voted no on X's bid", "voted against X's admission": the bid's owner
                direct = [e for c in named.children if c.dep_ == "poss" for e in args.entities_of(c)]
            if motion is None and not direct and named.lower_ in VOTED_NOUNS:
                motion = _told_motion(doc, index, args, v)
        else:
            motion = _told_motion(doc, index, args, v)
        if direct:
            for s in voters:
                for o in direct:
                    if o != s and index.type_of(o) in ACTOR_TYPES:
                        out.append(record(v, s, "SUPPORTS", o, rule_id="SUPPORTS:vote", negated=not favour,
                                          cue=None if favour else "against"))
            continue
        if motion is None:
            continue
        verb, parties, owners, body = motion
        if verb in BENEFIT_MOTIONS:
            objects, negated = parties, not favour
        elif verb in REJECT_MOTIONS and favour:
            objects, negated = owners, True
        elif verb in PENALTY_MOTIONS and not favour:
            objects, negated = body, True
        else:
            continue
        for s in voters:
            for o in objects:
                if o != s and index.type_of(o) in ACTOR_TYPES:
                    out.append(record(v, s, "SUPPORTS", o, rule_id="SUPPORTS:vote", negated=negated,
                                      cue="against" if negated else None))
    return out


def body_rejections(doc: Doc, index, args) -> List[Dict]:
    """"The assembly voted to reject (overturn) X's decision": the body opposes X."""
    out: List[Dict] = []
    for i in positions_in(doc, {"vote", "voted", "votes", "voting"}):
        v = doc[i]
        if v.pos_ != "VERB" or args.modality.negation(v)[0]:
            continue
        x = _voted_to(v, REJECT_MOTIONS)
        if x is None:
            continue
        _, _, owners, _ = _verb_motion(index, args, x, [])
        for s in args.subjects(v):
            for o in owners:
                if o != s and index.type_of(s) in ACTOR_TYPES:
                    out.append(record(v, s, "SUPPORTS", o, rule_id="SUPPORTS:vote", negated=True, cue=x.text))
    return out
