"""ACCUSES through a condemning label given to an act of the object (CAMEO 111).

- in someone's words, with a copula: "Kenya said Uganda's decision was illegal (outrageous,
  unacceptable, a provocation, an assault on its security)" -> the speaker ACCUSES the
  one whose act it is (the act noun's possessor, demonym or name modifier);
- as the second object of a verb of labelling: "Kenya called (branded, described) Uganda's
  move illegal (a violation of the treaty)" -> the same.

- a label given to the actor itself in someone's words: "Kenya said Uganda was a
  troublemaker (an aggressor, a threat to the region)", also after a preposed quotation
  ("Uganda is a menace, Kenya said") -> Kenya ACCUSES Uganda.

Near misses: a label of something that is no act ("the weather in Uganda was shocking"),
praise ("Uganda's growth was impressive"), a label negated ("was not illegal").
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc, Token

from .records import record

ACTOR_TYPES = ("PERSON", "COUNTRY", "ORGANISATION")
# verbs whose object is given a label by a second complement ("called X's move illegal")
LABEL_VERBS = {"call", "brand", "label", "describe", "deem", "term", "declare", "consider", "denounce", "condemn"}


def judged_acts(doc: Doc, index, args, words, labels: set, acts: set, reporting: set) -> List[Dict]:
    """Records for the label words at ``words.positions(doc)`` (``labels``: the condemning
    adjectives and nouns; ``acts``: the nouns that name an act)."""
    out: List[Dict] = []
    for i in words.positions(doc):
        tok = doc[i]
        if tok.lower_ not in labels and tok.lemma_.lower() not in labels:
            continue
        label = tok
        while label.dep_ == "conj" and label.head.dep_ in ("acomp", "attr", "oprd", "ccomp", "xcomp", "conj"):
            label = label.head  # "was outrageous and illegal"
        if label.dep_ == "amod":
            continue  # "its illegal actions": the adjective rule of grievances.py
        head = label.head
        if any(c.dep_ == "neg" for c in head.children) or any(c.dep_ == "neg" for c in label.children):
            continue
        act = None
        speakers: List[str] = []
        if label.dep_ in ("acomp", "attr") and head.lemma_.lower() == "be":
            subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            act = subj[0] if subj else None
            speakers = _reporters(head, args, reporting)
        elif label.dep_ in ("npadvmod", "appos") and head.dep_ in ("dobj", "ccomp") \
                and head.head.lemma_.lower() in LABEL_VERBS:
            act = head  # "called [Russia's move] a provocation", parsed as a modifier of the act
            speakers = args.verb_subjects(head.head)
        elif label.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in LABEL_VERBS:
            objs = [c for c in head.head.children if c.dep_ == "dobj"]  # "described X's move as a provocation"
            act = objs[0] if objs else None
            speakers = args.verb_subjects(head.head)
        elif label.dep_ in ("oprd", "ccomp", "xcomp", "dobj", "advcl") and head.lemma_.lower() in LABEL_VERBS:
            objs = [c for c in head.children if c.dep_ == "dobj" and c is not label]
            if not objs and label.dep_ in ("ccomp", "xcomp"):
                objs = [c for c in label.children if c.dep_ == "nsubj"]  # "called [X's move illegal]"
            act = objs[0] if objs else None
            speakers = args.verb_subjects(head)
        if act is None or not speakers:
            continue
        if act.lemma_.lower() not in acts:
            # "Kenya said Uganda was a troublemaker (an aggressor, a threat to the region)":
            # the label given to the actor itself, with a copula in someone's words
            actor = index.entity(act.i) if label.dep_ == "attr" and label.pos_ == "NOUN" else None
            for s in speakers:
                if actor and s != actor and index.type_of(actor) in ACTOR_TYPES:
                    out.append(record(tok, s, "ACCUSES", actor, rule_id="ACCUSES:actor-labelled", modality="ASSERTED"))
            continue
        doers = [index.entity(c.i) for c in act.children
                 if c.dep_ in ("poss", "compound", "amod", "nmod") and index.entity(c.i)]
        doers += [e for c in act.children if c.dep_ == "prep" and c.lower_ == "by"
                  for p in c.children if p.dep_ == "pobj" for e in args.entities_of(p)]
        for s in speakers:
            for d in dict.fromkeys(doers):
                if s != d and index.type_of(d) in ACTOR_TYPES:
                    out.append(record(tok, s, "ACCUSES", d, rule_id="ACCUSES:act-labelled", modality="ASSERTED"))
    return out


def _reporters(verb: Token, args, reporting: set) -> List[str]:
    """The subjects of the reporting verb whose complement clause ``verb`` heads, also
    after a preposed quotation ("Uganda is a troublemaker, Kenya said")."""
    if verb.dep_ == "ROOT":
        return [e for c in verb.children if c.dep_ in ("parataxis", "ccomp") and c.i > verb.i
                and c.pos_ == "VERB" and c.lemma_.lower() in reporting for e in args.verb_subjects(c)]
    if verb.dep_ not in ("ccomp", "parataxis"):
        return []
    rep = verb.head
    if rep.pos_ == "VERB" and rep.lemma_.lower() in reporting:
        return args.verb_subjects(rep)
    return []
