"""Advocacy frames: backing, wanting or welcoming another's accession to a body.

"France backs Ukraine's EU membership", "Germany supports Moldova joining the EU",
"Lula voiced the hope that Chile would join the OECD", "Modi wants the AU to join",
"called for Georgia to join NATO", "eager to welcome the AU as a permanent member",
"France gives firm support for Japan's membership of the Security Council": the
guidelines (dev2 conventions) read backing, endorsing or welcoming another's bid or
accession as SUPPORTS of the one who would join, and a hoped-for, backed or called-for
membership as no membership. `advocacy` finds the frames; the relations component adds
the SUPPORTS records, drops the MEMBER_OF triggered inside an advocated joining, and drops
the advocate's SUPPORTS of the body joined ("support for Japan's membership of the
Council" supports India, not the Council).
"""
from __future__ import annotations

from typing import Dict, List, Set, Tuple

from spacy.tokens import Doc, Token

from .backing import sought_support_noun
from .records import record
from ..gazetteer import read_data

# word lists: relext/data/words/advocacy.yaml
_WORDS = read_data("words/advocacy.yaml")

# words of advocating: verbs, nouns ("support for", "the hope that", "a push for") and
# adjectives ("eager to welcome")
ADVOCACY_WORDS = frozenset(_WORDS["advocacy_words"])
# "called (pressed, pushed, lobbied) for X to join": only with "for"
NEEDS_FOR = frozenset(_WORDS["needs_for"])
# words of joining a body
JOIN_VERBS = frozenset(_WORDS["join_verbs"])
JOIN_NOUNS = frozenset(_WORDS["join_nouns"])
# advocating something already done keeps it stated ("welcomed Iran's accession")
FACT_WORDS = {"welcome"}
# letting someone join makes the joining happen: the membership stays stated
ENABLING_WORDS = frozenset(_WORDS["enabling_words"])
ACTOR_TYPES = ("COUNTRY", "ORGANISATION", "PERSON")
HOPS = 4  # from the joining word up to the advocating word


def advocacy_words() -> Set[str]:
    """Lemmas that can open a joining (for a hashed lookup)."""
    return JOIN_VERBS | JOIN_NOUNS


def _advocate(j: Token) -> Tuple[Token, bool]:
    """The advocating word above the joining word ``j`` (or None), and whether the path
    passes a clause of its own (a "that" clause or an infinitive)."""
    cur = j
    for _ in range(HOPS):
        if cur.head.i == cur.i or cur.dep_ in ("nsubj", "nsubjpass", "agent", "poss"):
            return None, False  # "NATO members want ...": the joining word must be what is advocated
        cur = cur.head
        lemma = cur.lemma_.lower()
        if lemma in ADVOCACY_WORDS and cur.pos_ in ("VERB", "NOUN", "ADJ"):
            if lemma in NEEDS_FOR and not any(c.dep_ in ("prep", "mark") and c.lower_ == "for"
                                              for c in list(cur.children) + list(j.children)):
                return None, False
            return cur, True
        if cur.pos_ in ("VERB", "AUX") and lemma not in JOIN_VERBS and cur.dep_ not in ("xcomp", "ccomp", "pcomp"):
            return None, False  # another clause's verb
        if cur.pos_ in ("NOUN", "PROPN") and lemma not in JOIN_NOUNS:
            return None, False  # "a dispute with fellow members": about something else
    return None, False


def _looked_forward(v: Token) -> bool:
    """Whether a welcome is still to come: "eager (ready, looking forward) to welcome",
    "will welcome"."""
    if v.dep_ in ("xcomp", "pcomp", "acomp") or v.head.pos_ == "ADJ":
        return True
    return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in v.children)


def _joiners(j: Token, index, args) -> Tuple[List[str], List[str]]:
    """Who would join, and the bodies joined, for the joining word ``j``."""
    if j.pos_ == "VERB":
        joiners = args.verb_subjects(j)
        if not joiners:  # "supports Ukraine joining the EU": the parser may hang it as a subject
            joiners = [e for c in j.children if c.dep_ in ("nsubj", "nsubjpass") for e in args.entities_of(c)]
        bodies = [e for c in j.children if c.dep_ == "dobj" for e in args.entities_of(c)]
        bodies += [e for p in j.children if p.dep_ == "prep" and p.lower_ in ("to", "into")
                   for o in p.children if o.dep_ == "pobj" for e in args.entities_of(o)]
        return joiners, bodies
    joiners, bodies = [], []
    if j.dep_ == "pobj" and j.head.lower_ == "as" and j.head.head.pos_ == "VERB":
        # "welcome the AU as a permanent member": the one welcomed would join
        joiners += [e for c in j.head.head.children if c.dep_ == "dobj" for e in args.entities_of(c)]
    for c in j.children:
        if c.dep_ == "poss":
            joiners += args.entities_of(c)
        elif c.dep_ in ("compound", "nmod", "amod"):
            for e in args.entities_of(c):
                (bodies if index.type_of(e) == "ORGANISATION" else joiners).append(e)
            # "Sweden's NATO bid" parsed with the possessor on the body's name
            joiners += [e for p in c.children if p.dep_ == "poss" for e in args.entities_of(p)]
        elif c.dep_ == "prep" and c.lower_ in ("of", "for", "to", "into", "in", "on"):
            for o in c.children:
                if o.dep_ != "pobj":
                    continue
                for e in args.entities_of(o):
                    if index.type_of(e) == "ORGANISATION" and c.lower_ != "for":
                        bodies.append(e)
                    elif c.lower_ in ("of", "for"):
                        joiners.append(e)
    return joiners, bodies


def advocacy(doc: Doc, index, args, positions: List[int]) -> Tuple[List[Dict], List[Tuple[int, int]], Set[Tuple[str, str]]]:
    """SUPPORTS records of advocated joinings, the token ranges whose MEMBER_OF is not
    stated, and the (advocate, body) pairs whose SUPPORTS is not stated."""
    out: List[Dict] = []
    ranges: List[Tuple[int, int]] = []
    drop: Set[Tuple[str, str]] = set()
    for i in positions:
        j = doc[i]
        as_frame = j.dep_ == "pobj" and j.head.lower_ == "as"
        if j.lemma_.lower() == "member" and not as_frame:
            continue  # members are named as such; only "welcome X as a member" is a joining
        a, _ = _advocate(j)
        if a is None:
            continue
        if a.lemma_.lower() == "welcome" and not as_frame:
            continue  # "welcomed X's accession" is the plain welcome rule's
        if a.lemma_.lower() == "welcome" and not _looked_forward(a):
            # "welcomed Iran as a full member" is a reception of a member; whoever is a
            # member, it is not the one who welcomes, who backs the new member's step
            ranges.append((j.left_edge.i, j.right_edge.i + 1))
            joiners, bodies = _joiners(j, index, args)
            negated, cue = args.modality.negation(a)
            for s in args.cached(("subj", a.i), args.subjects, a):
                out.extend(record(a, s, "SUPPORTS", o, rule_id="SUPPORTS:welcomed-member", negated=negated, cue=cue)
                           for o in joiners if o != s and o not in bodies and index.type_of(s) in ACTOR_TYPES
                           and index.type_of(o) in ("COUNTRY", "ORGANISATION"))
            continue
        if sought_support_noun(a):
            continue  # "X sought (hopes to win) Y's backing for its bid": asked for, not given
        joiners, bodies = _joiners(j, index, args)
        if a.lemma_.lower() in ENABLING_WORDS and any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in a.children):
            continue  # "(promised) it will never let X join": only a named enabler
        if a.pos_ == "VERB":
            advocates = args.cached(("subj", a.i), args.subjects, a)
            if not advocates and a.dep_ == "acl" and a.head.pos_ == "NOUN":
                # "passed a law letting X join": whoever passed it
                advocates = args.noun_subjects(a.head) or (args.verb_subjects(a.head.head)
                                                           if a.head.dep_ == "dobj" else [])
        elif a.pos_ == "ADJ":
            advocates = args.verb_subjects(a.head) if a.head.pos_ in ("VERB", "AUX") else []
        else:
            advocates = args.noun_subjects(a)
        if not (a.lemma_.lower() in FACT_WORDS or a.lemma_.lower() in ENABLING_WORDS) or as_frame:
            # ("welcomed X as a member": whoever is a member, it is not the welcomer)
            ranges.append((j.left_edge.i, j.right_edge.i + 1))
        negated, cue = args.modality.negation(a)
        for s in advocates:
            if index.type_of(s) not in ACTOR_TYPES:
                continue
            for b in bodies:
                drop.add((s, b))
            for o in joiners:
                # "A and B hope to join NATO": the joiners are the advocates themselves
                if o != s and o not in bodies and o not in advocates and index.type_of(o) in ACTOR_TYPES:
                    out.append(record(a, s, "SUPPORTS", o, rule_id="SUPPORTS:advocated-joining", negated=negated,
                                      cue=cue))
    return out, ranges, drop
