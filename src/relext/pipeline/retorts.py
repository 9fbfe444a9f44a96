"""A retort promised without a target threatens whoever just penalised the speaker
(`retorts`, THREATENS).

News tells a penalty and then the answer vowed to it, naming the target only once:
"China imposed duties on Canadian canola. Canada's prime minister condemned the move and
warned that Canada would retaliate"; "The EU sanctioned Iranian firms ... Tehran warned it
would respond with reciprocal measures"; "Russia expelled Y's diplomats; Y vowed to
respond". The retort (respond, retaliate, reciprocate, hit back; a response, retaliation,
countermeasures or reprisals warned of or vowed) must be promised and name no target of its
own. Its target is, in order:

1. whom the speaker reproaches in the same sentence ("condemned X's move and warned ...");
2. the one who penalised the speaker (or the state the speaker serves) in this sentence or
   the two before it (the nearest such penalty).

A past answer ("Canada retaliated"), a negated one ("would not retaliate") and a retort
whose speaker was not penalised or reproaches no one give nothing.

Two more shapes of a promised blow without "warn" or "threaten":

- a retort backing a demand with "otherwise" ("or else"): "Beijing told the EU to drop the
  tariffs; otherwise, China would respond firmly" -> China THREATENS the EU, the addressee
  of the demand (tell, urge, press, ask, order, demand, call on) in the same sentence or
  the one before;
- a penalty announced as only a beginning: "X said the tariffs on Y were only a first step
  (just the beginning)" -> X THREATENS Y (the penalty's target named on it, else the
  target of the nearest SANCTIONS told by X in this sentence or the two before). Not a
  step of something else ("the talks were a first step").
"""
from __future__ import annotations

from typing import Dict, List, Set

from spacy.tokens import Doc, Token

from ._lookup import positions_in
from .records import record
from .threat_clauses import PROMISE_AUX
from ..gazetteer import read_data

# word lists: relext/data/words/retorts.yaml
_WORDS = read_data("words/retorts.yaml")

RETORT_VERBS = frozenset(_WORDS["retort_verbs"])
RETORT_NOUNS = frozenset(_WORDS["retort_nouns"])
# nouns that are a retort only with a word saying so ("reciprocal measures", "retaliatory steps")
_NEEDS_KIND = frozenset(_WORDS["_needs_kind"])
_KINDS = frozenset(_WORDS["_kinds"])
SPEECH = frozenset(_WORDS["speech"])
# verbs whose object (or "of" phrase) is the retort itself ("vowed retaliation", "warned of a response")
NOUN_GOVERNORS = frozenset(_WORDS["noun_governors"])
LOOK_BACK = 2
# words that make a promised retort back a demand ("otherwise we will respond", "or else")
OTHERWISE = {"otherwise", "else"}
# verbs of demanding whose addressee an "otherwise" retort aims at
DEMAND_VERBS = frozenset(_WORDS["demand_verbs"])
# nouns of a penalty that can be "only a first step"
PENALTY_HEADS = frozenset(_WORDS["penalty_heads"])
# "only a first step", "just the beginning (start)"
BEGINNINGS = frozenset(_WORDS["beginnings"])


def _neg(v: Token) -> bool:
    return any(c.dep_ == "neg" for c in v.children)


def _has_target(tok: Token, index) -> bool:
    """The retort names its own target ("retaliate against X", "a response to X's move" is
    left to the rules for those)."""
    holders = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "prep") and c.lower_ != "to"]
    for h in holders:
        for p in h.children if h.dep_ != "prep" else [h]:
            if p.dep_ == "prep" and p.lower_ in ("against", "on", "at", "to"):
                if any(index.entity(x.i) for o in p.children for x in o.subtree):
                    return True
    return any(c.dep_ == "dobj" and index.entity(c.i) for c in tok.children)


def _speech(tok: Token):
    """The verb of warning or saying that promises the retort ``tok``, else None."""
    if tok.pos_ == "VERB":
        if tok.lemma_.lower() in ("hit", "strike") and not any(c.dep_ == "prt" and c.lower_ == "back" for c in tok.children):
            return None
        if _neg(tok):
            return None
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("threaten", "vow", "pledge", "promise"):
            return tok.head if not _neg(tok.head) else None
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in SPEECH and not _neg(tok.head) \
                and any(c.dep_ == "aux" and c.lower_ in PROMISE_AUX for c in tok.children):
            return tok.head
        return None
    lemma = tok.lemma_.lower()
    if lemma in _NEEDS_KIND and not any(c.lower_ in _KINDS for c in tok.children):
        return None
    if lemma == "consequence" and tok.dep_ != "pobj":
        return None
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    elif tok.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_.lower() in RETORT_VERBS:
        return _speech(head.head)  # "would respond with reciprocal measures"
    elif tok.dep_ != "dobj":
        return None
    if head.pos_ != "VERB" or head.lemma_.lower() not in NOUN_GOVERNORS or _neg(head):
        return None
    if head.lemma_.lower() == "take":
        return _speech(head) if head.dep_ in ("xcomp", "ccomp") else None
    return head


def retorts(doc: Doc, index, args, records: List[Dict]) -> List[Dict]:
    """THREATENS from a speaker's untargeted retort to the one who reproached-by or penalised
    them (see the module docstring)."""
    out: List[Dict] = []
    cands = positions_in(doc, RETORT_VERBS, RETORT_NOUNS, attr="LEMMA")
    if not cands:
        return out
    sents = list(doc.sents)
    starts = [s.start_char for s in sents]

    def sent_no(char: int) -> int:
        n = 0
        for k, s in enumerate(starts):
            if s <= char:
                n = k
        return n

    for i in cands:
        tok = doc[i]
        if tok.pos_ == "VERB" and any(c.dep_ == "advmod" and c.lower_ in OTHERWISE for c in tok.children):
            out += _otherwise(tok, index, args)
            continue
        speech = _speech(tok)
        if speech is None or _has_target(tok, index):
            continue
        speakers = [e for e in args.verb_subjects(speech) if index.type_of(e) in ("PERSON", "COUNTRY", "ORGANISATION")]
        if not speakers:
            continue
        here = sent_no(tok.idx)
        victims: Set[str] = set(speakers) | {r["object"] for r in records if r["predicate"] == "AFFILIATED_WITH"
                                             and r["subject"] in speakers and not r["negated"]}
        targets = [r["object"] for r in records if r["predicate"] == "ACCUSES" and not r["negated"]
                   and r["subject"] in speakers and sent_no(r["evidence"]["trigger_start"]) == here]
        if not targets:
            penalties = [r for r in records if r["predicate"] == "SANCTIONS" and not r["negated"]
                         and r["object"] in victims and r["evidence"]["trigger_start"] < tok.idx
                         and here - LOOK_BACK <= sent_no(r["evidence"]["trigger_start"])]
            if penalties:
                last = max(sent_no(r["evidence"]["trigger_start"]) for r in penalties)
                targets = [r["subject"] for r in penalties if sent_no(r["evidence"]["trigger_start"]) == last]
        for o in dict.fromkeys(targets):
            if o in victims:
                continue
            for s in speakers:
                out.append(record(speech, s, "THREATENS", o, rule_id="THREATENS:retort-to-a-penalty"))
    return out


def _otherwise(tok: Token, index, args) -> List[Dict]:
    """THREATENS from a promised retort backing a demand: "told X to ...; otherwise, we
    would respond" (``tok`` the retort verb, carrying "otherwise" or "or else")."""
    if _neg(tok) or _has_target(tok, index) or not any(c.dep_ == "aux" and c.lower_ in PROMISE_AUX for c in tok.children):
        return []
    if tok.lemma_.lower() in ("hit", "strike") and not any(c.dep_ == "prt" and c.lower_ == "back" for c in tok.children):
        return []
    speakers = [e for e in args.verb_subjects(tok) if index.type_of(e) in ("PERSON", "COUNTRY", "ORGANISATION")]
    sent = tok.sent
    doc = tok.doc
    span = range(doc[sent.start - 1].sent.start if sent.start > 0 else sent.start, tok.i)
    addressees: List[str] = []
    for j in span:
        w = doc[j]
        if w.pos_ != "VERB" or w.lemma_.lower() not in DEMAND_VERBS or _neg(w):
            continue
        if w.lemma_.lower() == "call":  # "called on X to ..."
            addressees += [e for p in w.children if p.dep_ == "prep" and p.lower_ == "on"
                           for o in p.children if o.dep_ == "pobj" for e in args.entities_of(o)]
        elif w.lemma_.lower() == "demand":  # "demanded that X drop ..."
            addressees += [e for c in w.children if c.dep_ == "ccomp"
                           for n in c.children if n.dep_ == "nsubj" for e in args.entities_of(n)]
        else:
            addressees += [e for c in w.children if c.dep_ in ("dobj", "dative") for e in args.entities_of(c)]
    return [record(tok, s, "THREATENS", o, rule_id="THREATENS:otherwise-retort")
            for o in dict.fromkeys(addressees) for s in speakers if s != o]


def first_steps(doc: Doc, index, args, records: List[Dict], reporting: Set[str]) -> List[Dict]:
    """THREATENS from a penalty announced as only a beginning: "X said the tariffs on Y were
    only a first step (just the beginning)" -> X THREATENS Y."""
    from .judged_acts import _reporters  # the speaker of a copular clause (also preposed)
    out: List[Dict] = []
    for i in positions_in(doc, BEGINNINGS, attr="LEMMA"):
        tok = doc[i]
        cop = tok.head
        if tok.dep_ != "attr" or cop.lemma_.lower() != "be" or _neg(cop):
            continue
        if tok.lemma_.lower() == "step" and not any(c.lower_ == "first" for c in tok.children):
            continue
        if tok.lemma_.lower() != "step" and not any(c.lower_ in ("only", "just", "merely") for c in tok.children):
            continue
        subj = [c for c in cop.children if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in PENALTY_HEADS]
        if not subj:
            continue
        speakers = [e for e in _reporters(cop, args, reporting) if index.type_of(e) in ("PERSON", "COUNTRY", "ORGANISATION")]
        if not speakers:
            continue
        targets = [e for p in subj[0].children if p.dep_ == "prep" and p.lower_ in ("on", "against")
                   for o in p.children if o.dep_ == "pobj" for e in args.entities_of(o)]
        if not targets:
            here = tok.sent.start
            sent_starts = [s.start for s in doc.sents]
            k = sent_starts.index(here)
            lo = doc[sent_starts[max(0, k - LOOK_BACK)]].idx
            near = [r for r in records if r["predicate"] == "SANCTIONS" and not r["negated"]
                    and r["subject"] in speakers and lo <= r["evidence"]["trigger_start"] < tok.idx]
            if near:
                last = max(r["evidence"]["trigger_start"] for r in near)
                targets = [r["object"] for r in near if r["evidence"]["trigger_start"] == last]
        out += [record(tok, s, "THREATENS", o, rule_id="THREATENS:only-a-first-step")
                for o in dict.fromkeys(targets) for s in speakers if s != o]
    return out
