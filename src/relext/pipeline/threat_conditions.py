"""Who a conditional threat is aimed at: the doer named in its condition (THREATENS).

A warning (vow, statement) that promises an answer on a condition threatens whoever the
condition names as the one acting:

- "X said it would respond (retaliate, take countermeasures) if Y joined NATO";
- "X warned of a military response (of consequences) if Y crossed the line";
- "X threatened (vowed) to retaliate if Y imposed tariffs", "X threatened fierce
  retaliation (sanctions) should Y meet Z" (the answer as the object of the threat);
- "X warned that it would be left no option but to take countermeasures should Y join".

The condition's doer is its active subject ("if Y attacks"); a passive one ("if it is
attacked") suffers the act, and the threatener itself is never its own target. The answer
must be promised (would, will, could, an infinitive of threatening) and hostile: a verb of
answering or striking, or taking measures of retaliation. "X said it would attend if Y
came" promises no blow.
"""
from __future__ import annotations

from typing import List, Optional

from spacy.tokens import Token

from .threat_clauses import PROMISE_AUX, ANSWER_VERBS, REMOVE_VERBS, REDUCE_VERBS
from .threat_wordings import DIRECT_BLOW_VERBS
from ..gazetteer import read_data

# word lists: relext/data/words/threat_conditions.yaml
_WORDS = read_data("words/threat_conditions.yaml")

# verbs whose very meaning is a hostile answer ("would retaliate", "would hit back")
ANSWER_LEMMAS = (ANSWER_VERBS - {"meet", "answer", "defend"}) | DIRECT_BLOW_VERBS | {"reciprocate", "avenge", "punish", "sanction", "impose",
                                                    "slap", "expel", "escalate", "fight"}
# answers that may be plain replies
AMBIGUOUS_ANSWERS = frozenset(_WORDS["ambiguous_answers"])
# answers named by a noun a light verb takes ("take countermeasures", "face consequences")
ANSWER_NOUNS = frozenset(_WORDS["answer_nouns"])
LIGHT_VERBS = frozenset(_WORDS["light_verbs"])
# verbs that give a threat when they announce an answer on a condition
THREAT_SPEECH = frozenset(_WORDS["threat_speech"])
# verbs that threaten by themselves (a wider set of steps counts: "warned it would cut aid if Y ...")
WARNING_VERBS = frozenset(_WORDS["warning_verbs"])
CONDITION_MARKS = frozenset(_WORDS["condition_marks"])


def _hostile(verb: Token, warning: bool) -> bool:
    """Whether ``verb`` names a hostile answer (with a wider set after a verb of warning)."""
    lemma = verb.lemma_.lower()
    if lemma in AMBIGUOUS_ANSWERS and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
        return False  # "would respond to the letter": a reply, not a blow
    if lemma in ANSWER_LEMMAS or (warning and lemma in REMOVE_VERBS | REDUCE_VERBS):
        return True
    if any(c.dep_ == "prt" and c.lower_ == "back" for c in verb.children) and lemma in ("hit", "strike", "fight"):
        return True
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    # "would be left no option but to take countermeasures"
    objs += [x for o in objs for p in o.children if p.dep_ == "prep" for x in p.children if x.dep_ == "pcomp"
             for y in [x] + [d for d in x.children if d.dep_ == "dobj"] if y is not None]
    for o in objs:
        if o.pos_ == "VERB" and _hostile(o, warning):
            return True
        if lemma in LIGHT_VERBS and o.lemma_.lower() in ANSWER_NOUNS:
            return True
        if o.pos_ == "NOUN" and o.lemma_.lower() in ANSWER_NOUNS and o.head.pos_ == "VERB" \
                and o.head.lemma_.lower() in LIGHT_VERBS:
            return True
    return False


def _promised(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in PROMISE_AUX for c in verb.children) \
        and not any(c.dep_ == "neg" for c in verb.children)


def _condition(clause: Token) -> bool:
    """Whether ``clause`` is a condition: "if Y joins", "unless Y stops", "should Y join"."""
    marks = [c for c in clause.children if c.dep_ in ("mark", "aux") and c.i < clause.i]
    if any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in marks):
        return True
    subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    # inverted "should Y join" (the parser may make it a complement)
    return subj is not None and any(m.dep_ == "aux" and m.lower_ == "should" and m.i < subj.i for m in marks)


def _doers(args, clause: Token) -> List[str]:
    """The active subject of a condition and of the clauses coordinated with it."""
    out: List[str] = []
    for v in [clause] + [c for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]:
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children):
            continue
        out += [e for s in v.children if s.dep_ == "nsubj" for e in args.entities_of(s)]
    return out


# conditions that ask for the answer rather than provoke it ("would respond if X asked")
FRIENDLY_CONDITIONS = frozenset(_WORDS["friendly_conditions"])
# how far into the answer a condition may hang ("would be left no option but to take
# countermeasures if X joined": on "take")
_INNER = {"xcomp", "pcomp", "dobj", "prep", "conj"}


def _conditions_on(verb: Token) -> List[Token]:
    out, frontier = [], [verb]
    for _ in range(4):
        nxt = []
        for v in frontier:
            for c in v.children:
                if c.dep_ in ("advcl", "ccomp") and c.pos_ in ("VERB", "AUX") and _condition(c):
                    if c.lemma_.lower() not in FRIENDLY_CONDITIONS:
                        out.append(c)
                elif c.dep_ in _INNER:
                    nxt.append(c)
        frontier = nxt
    return out


def _answer(tok: Token, warning: bool) -> Optional[Token]:
    """The promised hostile answer ``tok`` announces: its complement clause ("said it would
    respond"), its infinitive ("threatened to retaliate") or a blow it warns of ("warned of
    a response")."""
    for c in tok.children:
        if c.dep_ == "ccomp" and c.pos_ == "VERB" and _promised(c) and (_hostile(c, warning) or any(
                v.dep_ == "conj" and v.pos_ == "VERB" and _hostile(v, warning) for v in c.children)):
            return c  # "warned that it would be dropped from X and hit with sanctions if Y ..."
        if c.dep_ == "xcomp" and c.pos_ == "VERB" and tok.lemma_.lower() in ("threaten", "vow", "pledge", "promise") \
                and not any(a.dep_ == "neg" for a in c.children) and _hostile(c, True):
            return c
    if tok.lemma_.lower() in ("threaten", "vow") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ANSWER_NOUNS for c in tok.children):
        return tok  # "threatened (vowed) fierce retaliation (sanctions) if Y ..."
    if warning and any(p.dep_ == "prep" and p.lower_ == "of" and any(
            o.dep_ == "pobj" and o.lemma_.lower() in ANSWER_NOUNS for o in p.children) for p in tok.children):
        return tok
    return None


def provokers(args, tok: Token) -> List[str]:
    """Targets of the conditional threat the speech verb ``tok`` announces."""
    lemma = tok.lemma_.lower()
    if lemma not in THREAT_SPEECH or any(c.dep_ == "neg" for c in tok.children):
        return []
    warning = lemma in WARNING_VERBS
    answer = _answer(tok, warning)
    if answer is None:
        return []
    clauses = _conditions_on(answer) + (_conditions_on(tok) if answer is not tok else [])
    threateners = set(args.verb_subjects(tok)) | set(args.verb_subjects(answer))
    if not clauses:
        anchor = answer if answer is not tok else next(
            (c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in ANSWER_NOUNS), None)
        doers = _inverted_doers(args, anchor) if anchor is not None else []
        return list(dict.fromkeys(e for e in doers if e not in threateners))
    out = [e for c in clauses for e in _doers(args, c) if e not in threateners]
    return list(dict.fromkeys(out))


def _inverted_doers(args, anchor: Token) -> List[str]:
    """The doer of an inverted condition right after the answer, however the parser
    attached it: "vowed fierce retaliation should Y meet Z", "threatened to strike should Y
    join" (the parser often makes the answer noun the clause's subject, or hangs the threat
    under the condition's verb). The condition's verb is the head of its "should"; the doer
    is what stands between the two as the verb's subject (or, misparsed, its modifier)."""
    doc = anchor.doc
    i = anchor.right_edge.i + 1 if anchor.right_edge.i >= anchor.i else anchor.i + 1
    if i < len(doc) and doc[i].is_punct and doc[i].lower_ == ",":
        i += 1
    if i + 1 >= len(doc) or doc[i].lower_ != "should" or doc[i].dep_ != "aux":
        return []
    verb = doc[i].head
    if verb.i <= i + 1 or verb.pos_ != "VERB" or verb.lemma_.lower() in FRIENDLY_CONDITIONS \
            or any(c.dep_ in ("nsubjpass", "auxpass", "neg") for c in verb.children):
        return []
    between = [c for c in verb.children if i < c.i < verb.i and c.dep_ in ("nsubj", "advmod", "npadvmod", "compound")]
    return [e for c in between for e in args.entities_of(c)]


# wrongs a promised answer may be aimed at ("respond to any attack by X")
_ANY_DETS = {"any", "every"}
# verbs that make an infinitive answer a promise ("vowed to respond to any attack by X")
_VOWING = frozenset(_WORDS["_vowing"])


def answered_doers(args, verb: Token) -> List[str]:
    """Who a promised answer to a wrong not yet done is aimed at: "X said it would respond
    (retaliate, react) to any attack (move, aggression) by Y", "X vowed to respond forcefully
    to any incursion from Y" → Y. The answer must be promised (would, will, an infinitive
    of vowing or threatening) and not negated; the wrong is "any" or "every" act, and its
    doer is named by "by" or "from". "would respond to the letter from Y" is a reply."""
    lemma = verb.lemma_.lower()
    if lemma not in ANSWER_LEMMAS | AMBIGUOUS_ANSWERS or any(c.dep_ == "neg" for c in verb.children):
        return []
    vowed = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _VOWING \
        and not any(c.dep_ == "neg" for c in verb.head.children)
    if not (_promised(verb) or vowed):
        return []
    out: List[str] = []
    for p in verb.children:
        if p.dep_ != "prep" or p.lower_ not in ("to", "against"):
            continue
        for wrong in (o for o in p.children if o.dep_ == "pobj"):
            if not any(d.dep_ == "det" and d.lower_ in _ANY_DETS for d in wrong.children):
                continue
            out += [e for q in wrong.children if q.dep_ == "prep" and q.lower_ in ("by", "from")
                    for o in q.children if o.dep_ == "pobj" for e in args.entities_of(o)]
    threateners = set(args.verb_subjects(verb))
    return list(dict.fromkeys(e for e in out if e not in threateners))
