"""Penalties told on without their author (`penalties_in_context`, SANCTIONS).

A report names who imposes a penalty once, then goes on without naming them again:

- listed targets: "The EU sanctioned eight Iranians. Those listed include A and B",
  "Among those targeted were A and B", "The sanctioned individuals include A",
  "Among the names on the sanctions list are A and B";
- agentless passives: "ECOWAS slapped sanctions on Niger. Niger's assets in the regional
  bank were frozen", "The finance minister has been banned as well", inverted ones "Also
  sanctioned were A and B";
- penalty nouns the parser read as verbs under a verb of imposing: "imposed asset freezes
  and travel bans on X" ("freezes" parsed as a verb).

The author is the subject of the nearest SANCTIONS relation stated before, in the same
sentence or the two before it. A negated passive ("was not banned") gives a negated
relation; a passive with its own agent or its own "from" body is left to the trigger rules.
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc, Token

from ..gazetteer import read_data
from ._lookup import positions_in
from .records import record

# word lists: relext/data/words/penalty_context.yaml
_WORDS = read_data("words/penalty_context.yaml")

# participles that mark a group as penalised ("those listed", "the sanctioned individuals")
PENALISED = frozenset(_WORDS["penalised"])
PENALISED_FORMS = frozenset(_WORDS["penalised_forms"])
# kinds of list that penalise ("the banned list", "the sanctions list")
LIST_MARKS = frozenset(_WORDS["list_marks"])
# verbs whose agentless passive states a penalty
PASSIVE_PENALTIES = frozenset(_WORDS["passive_penalties"])
# verbs of imposing whose misparsed object is a list of penalty nouns
LAYING = frozenset(_WORDS["laying"])
PENALTY_NOUNS = frozenset(_WORDS["penalty_nouns"])
# verbs whose agentless passive with "with" a penalty noun states a penalty ("X has been
# hit with travel bans", "X was slapped with sanctions")
STRIKING = frozenset(_WORDS["striking"])
WITH_PENALTIES = PENALTY_NOUNS | {"tariff", "penalty", "measure", "duty", "fine"}
# "X was (also) added to the (sanctions) list": a listing told without its author
ADDING = {"add"}
LOOK_BACK = 3
_AGAIN = read_data("penalty_remention.yaml")
# a penalty named again as the subject of a verb naming whom it hits ("the measures target A")
AGAIN_NOUNS = frozenset(_AGAIN["penalty_nouns"])
AGAIN_VERBS = frozenset(_AGAIN["naming_verbs"])
REACHING_VERBS = frozenset(_AGAIN["reaching_verbs"])
AGAIN_DETS = frozenset(_AGAIN["remention_dets"])
# a suspension told without its body ("X was suspended", "X had its membership suspended")
SUSPENDING = frozenset(_AGAIN["suspension_verbs"])
SUSPENSION_NOUNS = frozenset(_AGAIN["suspension_nouns"])
STATE_VERBS = frozenset(_AGAIN["state_verbs"])
ACTOR_TYPES = ("PERSON", "COUNTRY", "ORGANISATION")


def _sent_no(sents, char: int) -> int:
    n = 0
    for k, s in enumerate(sents):
        if s.start_char <= char:
            n = k
    return n


def _author(sents, records: List[Dict], tok: Token, index, victims: List[str]) -> List[str]:
    """Subjects of the nearest SANCTIONS relation stated before ``tok`` (this sentence or
    the ones just before it), preferring one laid on the same kind of entity as
    ``victims``; never a victim's own state or body ("the UK's sanctions on Russia" does not
    make the UK the author of a ban on British ministers)."""
    here = _sent_no(sents, tok.idx)
    own = {r["object"] for r in records if r["predicate"] == "AFFILIATED_WITH" and r["subject"] in victims}
    prior = [r for r in records if r["predicate"] == "SANCTIONS" and not r["negated"] and r["modality"] != "HYPOTHETICAL"
             and r["evidence"]["trigger_start"] < tok.idx and r["subject"] not in own and r["subject"] not in victims
             and here - LOOK_BACK <= _sent_no(sents, r["evidence"]["trigger_start"])]
    kinds = {index.type_of(v) for v in victims}
    alike = [r for r in prior if index.type_of(r["object"]) in kinds]
    prior = alike or prior
    if not prior:
        return []
    last = max(r["evidence"]["trigger_start"] for r in prior)
    last_sent = _sent_no(sents, last)
    return list(dict.fromkeys(r["subject"] for r in prior if _sent_no(sents, r["evidence"]["trigger_start"]) == last_sent))


def _unnamed_penalty_author(args, sents, tok: Token) -> List[str]:
    """The one state or body that penalised an unnamed group in the sentence just before
    ``tok`` ("Britain sanctioned eight officials. Those listed include A and B": no SANCTIONS
    relation was stated there, for want of a named target): the subject of an active,
    asserted verb of penalising (`PASSIVE_PENALTIES`) or of imposing penalty nouns
    (`LAYING` with a `PENALTY_NOUNS` object); none if two authors are named."""
    here = _sent_no(sents, tok.idx)
    if here == 0:
        return []
    authors: List[str] = []
    for v in sents[here - 1]:
        if v.pos_ != "VERB" or any(c.dep_ == "auxpass" for c in v.children) or args.modality.negation(v)[0]:
            continue
        lemma = v.lemma_.lower()
        if lemma not in PASSIVE_PENALTIES | SUSPENDING and not (lemma in LAYING and any(
                c.dep_ == "dobj" and c.lemma_.lower() in PENALTY_NOUNS for c in v.children)):
            continue
        authors += [e for c in v.children if c.dep_ == "nsubj" for e in _named(args, c)
                    if args.index.type_of(e) in ("COUNTRY", "ORGANISATION")]
    authors = list(dict.fromkeys(authors))
    return authors if len(authors) == 1 else []


def _marked(phrase: Token) -> bool:
    """Whether ``phrase`` names a penalised group ("those listed", "the sanctioned
    individuals", "the figures on the banned list")."""
    for t in phrase.subtree:
        if t.dep_ in ("acl", "amod") and t.tag_ in ("VBN", "JJ") \
                and (t.lemma_.lower() in PENALISED or t.lower_ in PENALISED_FORMS):
            return True
        if t.lemma_.lower() == "list" and t.pos_ == "NOUN" and any(
                c.dep_ in ("amod", "compound") and (c.lower_ in LIST_MARKS or c.lemma_.lower() in LIST_MARKS)
                for c in t.children):
            return True
    return False


def _listed(args, root: Token) -> List[Token]:
    """The members a listing clause names, when its other side is a penalised group."""
    lemma = root.lemma_.lower()
    kids = list(root.children)
    if lemma == "include":
        subj = [c for c in kids if c.dep_ == "nsubj"]
        if subj and _marked(subj[0]):
            return [c for c in kids if c.dep_ == "dobj"]
        return _named_again(args, root)
    elif lemma in AGAIN_VERBS | REACHING_VERBS:
        return _named_again(args, root)
    elif lemma == "be":
        among = [c for c in kids if c.dep_ == "prep" and c.lower_ == "among"]
        subj = [c for c in kids if c.dep_ in ("nsubj", "attr")]
        if among and _marked(among[0]):
            return subj
        marked = [c for c in subj if _marked(c)]
        if marked:
            return [c for c in subj if c not in marked]
    return []


def _named_again(args, verb: Token) -> List[Token]:
    """"The measures target A", "The new listings include A", "The asset freeze applies to
    A": a penalty noun named again (definite, no owner named on it) as the active subject of
    a verb naming whom it hits; the phrases naming them."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subj or args.modality.negation(verb)[0]:
        return []
    noun = subj[0]
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in AGAIN_NOUNS and noun.lower_ not in AGAIN_NOUNS:
        return []
    if not any(c.dep_ == "det" and c.lower_ in AGAIN_DETS for c in noun.children):
        return []
    if any(c.dep_ in ("poss", "compound", "amod", "nmod") and args.index.entity(c.i) for c in noun.children) \
            or any(c.dep_ == "prep" and c.lower_ in ("by", "from") for c in noun.children):
        return []  # "Japan's measures", "the EU sanctions", "the measures by X": an author of their own
    if verb.lemma_.lower() in REACHING_VERBS:
        return [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children
                if o.dep_ == "pobj"]
    # "the package freezes the assets of A and bans B": a coordinated verb of the same kind
    # shares the penalty as its subject
    verbs = [verb] + [v for v in verb.children if v.dep_ == "conj" and v.pos_ == "VERB"
                      and v.lemma_.lower() in AGAIN_VERBS and not any(c.dep_ == "nsubj" for c in v.children)]
    return [c for v in verbs for c in v.children if c.dep_ == "dobj"]


def _named(args, tok: Token) -> List[str]:
    index = args.index
    return [e for e in args.entities_of(tok, positions=True) if index.type_of(e) in ACTOR_TYPES]


def penalties_in_context(doc: Doc, index, args, records: List[Dict]) -> List[Dict]:
    """SANCTIONS whose author is named only before (see the module docstring)."""
    out: List[Dict] = []
    cands = positions_in(doc, PENALISED, PASSIVE_PENALTIES, LAYING, {"include"}, {"list"}, AGAIN_VERBS,
                         REACHING_VERBS, SUSPENDING, SUSPENSION_NOUNS, STRIKING, ADDING, attr="LEMMA")
    if not cands:
        return out
    sents = list(doc.sents)
    # penalty nouns misparsed as verbs ("imposed asset freezes and visa bans on X") are read
    # first: the lists and passives that follow take their author from them
    misparsed = {i: _misparsed_penalties(args, doc[i]) for i in cands
                 if doc[i].lemma_.lower() in LAYING and doc[i].pos_ == "VERB"}
    records = records + [r for found in misparsed.values() for r in found]
    roots = {doc[i].sent.root.i for i in cands}
    for r in sorted(roots):
        root = doc[r]
        members = [e for m in _listed(args, root) for e in _named(args, m)]
        if not members:
            continue
        negated, cue = args.modality.negation(root)
        for s in _author(sents, records, root, index, members) or _unnamed_penalty_author(args, sents, root):
            for m in members:
                if m != s:
                    out.append(record(root, s, "SANCTIONS", m, rule_id="SANCTIONS:listed-after", negated=negated, cue=cue))
    records = records + out  # the listed ones are told before the passives that follow them
    for i in cands:
        tok = doc[i]
        lemma = tok.lemma_.lower()
        if lemma in SUSPENDING | SUSPENSION_NOUNS:
            out += _suspended_in_context(args, sents, records, tok)
        elif (lemma in PASSIVE_PENALTIES or _struck_with_penalty(tok) or _added_to_list(tok)) and tok.pos_ == "VERB" \
                and any(c.dep_ == "auxpass" for c in tok.children) \
                and not any(c.dep_ == "agent" for c in tok.children) \
                and not any(c.dep_ == "prep" and c.lower_ == "from" and any(
                    index.entity(o.i) for o in c.children) for c in tok.children):
            victims = [e for c in tok.children if c.dep_ == "nsubjpass" for e in _named(args, c)]
            inverted = not victims
            if inverted:
                victims = _inverted_victims(args, tok)
            if not victims:
                continue
            negated, cue = args.modality.negation(tok)
            authors = _author(sents, records, tok, index, victims)
            if not authors and inverted:
                authors = _unnamed_penalty_author(args, sents, tok)
            for s in authors:
                for v in victims:
                    if v != s:
                        out.append(record(tok, s, "SANCTIONS", v, rule_id="SANCTIONS:agentless-passive",
                                          negated=negated, cue=cue))
        elif lemma in LAYING and tok.pos_ == "VERB":
            out += misparsed[i]
    return out


def _suspended_in_context(args, sents, records: List[Dict], tok: Token) -> List[Dict]:
    """"X was suspended", "X had its membership suspended (by Y)", "X is (remains) under
    suspension": the organisation named as agent, else the organisation that authored the
    nearest SANCTIONS relation before (`_author`); a "from" body of its own is left to the
    trigger rules."""
    index = args.index
    victims: List[str] = []
    agents = [o for a in tok.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    if tok.pos_ == "VERB":
        if any(c.dep_ == "prep" and c.lower_ == "from" and any(index.entity(o.i) for o in c.children)
               for c in tok.children):
            return []
        held = [c for c in tok.children if c.dep_ == "nsubj"] if tok.dep_ in ("ccomp", "xcomp", "oprd") else \
            [tok.head] if tok.dep_ == "acl" else []
        if any(c.dep_ == "auxpass" for c in tok.children) and not held:
            if agents:
                return []  # "X was suspended by Y": the trigger rules
            victims = [e for c in tok.children if c.dep_ == "nsubjpass" for e in _named(args, c)]
        elif held and held[0].lemma_.lower() == "membership" and held[0].head.lemma_.lower() == "have" or \
                held and held[0].lemma_.lower() == "membership" and tok.head.lemma_.lower() == "have":
            # "X had its membership suspended (by Y)"
            have = held[0].head if held[0].head.lemma_.lower() == "have" else tok.head
            if any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in held[0].children):
                victims = [e for c in have.children if c.dep_ == "nsubj" for e in _named(args, c)]
    elif tok.dep_ == "pobj" and tok.head.lower_ == "under" and tok.head.head.lemma_.lower() in STATE_VERBS:
        victims = [e for c in tok.head.head.children if c.dep_ == "nsubj" for e in _named(args, c)]  # "X is under suspension"
    victims = [v for v in victims if index.type_of(v) in ("COUNTRY", "ORGANISATION")]
    if not victims:
        return []
    host = tok.head.head if tok.pos_ != "VERB" else tok
    negated, cue = args.modality.negation(host)
    if agents:
        authors = [e for o in agents for e in _named(args, o) if index.type_of(e) == "ORGANISATION"]
    else:
        authors = [a for a in _author(sents, records, tok, index, victims) if index.type_of(a) == "ORGANISATION"]
        authors = authors or [a for a in _unnamed_penalty_author(args, sents, tok) if index.type_of(a) == "ORGANISATION"]
    return [record(tok, s, "SANCTIONS", v, rule_id="SANCTIONS:suspended-in-context", negated=negated, cue=cue)
            for s in authors for v in victims if v != s]


def _inverted_victims(args, tok: Token) -> List[str]:
    """"Also sanctioned were A and B", "Also targeted was X": a passive participle put before
    its auxiliary, with the penalised ones after them (parsed as its object or the
    auxiliary's attribute)."""
    aux = [c for c in tok.children if c.dep_ == "auxpass" and c.i > tok.i]
    if not aux:
        return []
    after = [c for c in tok.children if c.dep_ in ("dobj", "attr") and c.i > aux[0].i]
    after += [c for c in aux[0].children if c.dep_ in ("attr", "nsubj") and c.i > aux[0].i]
    return [e for c in after for e in _named(args, c)]


def _misparsed_penalties(args, verb: Token) -> List[Dict]:
    """"imposed asset freezes and visa bans on X" with "freezes" read as a verb."""
    inner = [c for c in verb.children if c.dep_ in ("ccomp", "dobj", "xcomp") and c.pos_ == "VERB"
             and c.lemma_.lower() in PENALTY_NOUNS and c.tag_ == "VBZ"]
    out: List[Dict] = []
    for v in inner:
        holders = [v] + [c for c in v.children if c.dep_ == "conj"]
        targets = [e for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in ("on", "against")
                   for o in p.children if o.dep_ == "pobj" for e in _named(args, o)]
        if not targets:
            continue
        negated, cue = args.modality.negation(verb)
        modality, source = args.modality.modality(verb, args)
        for s in args.verb_subjects(verb):
            for t in targets:
                if s != t:
                    out.append(record(verb, s, "SANCTIONS", t, rule_id="SANCTIONS:misparsed-penalty-list",
                                      negated=negated, modality=modality, source=source, cue=cue))
    return out


def _struck_with_penalty(tok: Token) -> bool:
    """"X has been hit (slapped) with travel bans": a verb of striking whose "with" names a
    penalty noun."""
    return tok.lemma_.lower() in STRIKING and any(
        c.dep_ == "prep" and c.lower_ == "with" and any(
            o.dep_ == "pobj" and o.lemma_.lower() in WITH_PENALTIES for o in c.children) for c in tok.children)


def _added_to_list(tok: Token) -> bool:
    """"X was (also) added to the list (the sanctions list, the blacklist)": a penalised
    list, named again (definite) or marked as one of penalties."""
    if tok.lemma_.lower() not in ADDING:
        return False
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ != "to":
            continue
        for o in c.children:
            if o.dep_ != "pobj" or o.lemma_.lower() not in ("list", "blacklist"):
                continue
            kinds = [m for m in o.children if m.dep_ in ("amod", "compound", "nmod", "poss")]
            if any(not (m.lower_ in LIST_MARKS or m.lemma_.lower() in LIST_MARKS) for m in kinds):
                continue  # "the guest list", "its export list": a list of something else
            if o.lemma_.lower() == "blacklist" or kinds or any(m.dep_ == "det" and m.lower_ in AGAIN_DETS
                                                               for m in o.children):
                return True
    return False
