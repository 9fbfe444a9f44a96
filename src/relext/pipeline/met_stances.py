"""SUPPORTS from a stance that a party or its step meets, and from welcoming someone in.

- "Ukraine's bid faced (met with, ran into, encountered) firm opposition from Hungary",
  "Zelensky faces resistance from Orban", "the plan drew objections from Poland": the
  guidelines read explicit opposition to an entity or its step as a negated SUPPORTS of
  that entity, so the giver of the stance (named after "from" or "of", as the possessor,
  or by a demonym before the noun: "faced Russian opposition") negated-SUPPORTS the one
  who meets it: the verb's subject, or the owner of the step that is its subject
  ("Ukraine's bid"). A support noun in the same frame ("the proposal drew (attracted)
  support from India") gives the positive SUPPORTS; verbs of having support ("won the
  backing of Y") are `backing.had_support`'s.
- "Brazil welcomed Indonesia as a member (into the group, to the bloc)": welcoming a state
  or body in as a member, partner or ally backs it (CAMEO 051): SUPPORTS of the one
  welcomed (a person welcomed is a reception, MEETS_WITH, and stays out).

Not: a stance met from someone unnamed ("faced opposition from voters"), a negated frame
("did not face opposition from X": no stance stated), a welcome to an event or a place
("welcomed India to the summit"), a stance with a target of its own ("opposition to Y" is
`counterfactives.blocking`'s).

Word lists: ``met_stance_verbs``, ``met_opposition_nouns``, ``met_support_nouns``,
``welcomed_as_nouns``, ``welcomed_into_preps``, ``welcomed_into_nouns`` in
``relext/data/cues.yaml``.
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc, Token

from ..gazetteer import read_data
from ._lookup import positions_in
from .records import pair_records

_CUES = read_data("cues.yaml")
MET_VERBS: Dict[str, tuple] = {k: tuple(v or ("dobj",)) for k, v in (_CUES.get("met_stance_verbs") or {}).items()}
OPPOSITION_NOUNS = frozenset(_CUES.get("met_opposition_nouns", ()))
SUPPORT_NOUNS = frozenset(_CUES.get("met_support_nouns", ()))
WELCOMED_AS = frozenset(_CUES.get("welcomed_as_nouns", ()))
WELCOMED_INTO_PREPS = frozenset(_CUES.get("welcomed_into_preps", ()))
WELCOMED_INTO = frozenset(_CUES.get("welcomed_into_nouns", ()))
BACKER_TYPES = ("COUNTRY", "ORGANISATION", "PERSON")
WELCOMED_TYPES = ("COUNTRY", "ORGANISATION")
# verbs of being in a stance ("is (remains) opposed to X", "is against X's bid")
STANCE_COPULAS = frozenset(_CUES.get("stance_copulas", ()))


def _stance_verb(n: Token):
    """The verb of meeting whose slot the stance noun ``n`` fills, or None."""
    if n.dep_ == "dobj":
        v = n.head
        return v if v.pos_ == "VERB" and "dobj" in MET_VERBS.get(v.lemma_.lower(), ()) else None
    if n.dep_ == "pobj" and n.head.dep_ == "prep":
        v = n.head.head
        if v.pos_ == "VERB" and n.head.lower_ in MET_VERBS.get(v.lemma_.lower(), ()):
            return v
    return None


def _givers(args, index, n: Token, v: Token) -> List[str]:
    """Who holds the stance: "from X" / "of X" on the noun (or "from X" hung on the verb),
    the possessor, or a name or demonym before the noun."""
    out = [e for c in n.children if c.dep_ == "poss" for e in args.entities_of(c)]
    out += [e for c in n.children if c.dep_ in ("amod", "compound", "nmod") and c.i < n.i
            for e in ([index.entity(c.i)] if index.entity(c.i) else [])]
    out += [e for p in n.children if p.dep_ == "prep" and p.lower_ in ("from", "of")
            for o in p.children if o.dep_ == "pobj" for e in args.entities_of(o)]
    out += [e for p in v.children if p.dep_ == "prep" and p.lower_ == "from"
            for o in p.children if o.dep_ == "pobj" for e in args.entities_of(o)]
    return list(dict.fromkeys(out))


def _met(args, v: Token) -> List[str]:
    """Who meets the stance: the subject of ``v``, or the owner named on the step that is
    its subject ("Ukraine's bid", "the Greek proposal"); a step named again without its
    owner ("the step met resistance from X") is left alone: an act's opponents there are
    its critics more than its non-supporters."""
    found: List[str] = []
    for c in (c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")):
        if args.index.entity(c.i) or c.pos_ in ("PRON", "PROPN"):
            found += args.entities_of(c)
        elif any(d.dep_ in ("poss", "compound", "amod", "nmod") and (args.index.entity(d.i) or d.dep_ == "poss")
                 or d.dep_ == "prep" and d.lower_ == "by" for d in c.children):
            found += args.entities_of(c, positions=True)
    return list(dict.fromkeys(found or args.verb_subjects(v)))


def met_stances(doc: Doc, index, args) -> List[Dict]:
    """SUPPORTS records for stances met and for welcoming someone in (module docstring).

    Args:
        doc: the parsed document.
        index: its `EntityIndex`.
        args: its `Arguments`.

    Returns:
        The records.
    """
    out: List[Dict] = []
    for n in (doc[i] for i in positions_in(doc, OPPOSITION_NOUNS | SUPPORT_NOUNS, attr="LOWER")):
        if n.pos_ not in ("NOUN", "PROPN"):
            continue
        if any(p.dep_ == "prep" and p.lower_ in ("to", "against", "for") for p in n.children):
            continue  # "opposition to Y", "support for Y": the stance names its own target
        v = _stance_verb(n)
        if v is None or args.modality.negation(v)[0]:
            continue
        givers = _givers(args, index, n, v)
        met = _met(args, v)
        if not givers or not met:
            continue
        negated = n.lower_ in OPPOSITION_NOUNS
        out += pair_records(n, ((s, o) for s in givers for o in met if s not in met), "SUPPORTS",
                            rule_id="SUPPORTS:met-opposition" if negated else "SUPPORTS:drew-support",
                            type_of=index.type_of, types=BACKER_TYPES, negated=negated, cue=n.text)
    out += _stated_opposition(doc, index, args)
    for v in (doc[i] for i in positions_in(doc, ("welcome",), attr="LEMMA")):
        if v.pos_ != "VERB" or args.modality.negation(v)[0]:
            continue
        welcomed = [e for c in v.children if c.dep_ == "dobj" for e in args.entities_of(c)
                    if index.type_of(e) in WELCOMED_TYPES]
        if not welcomed or not _welcomed_in(v, index):
            continue
        out += pair_records(v, ((s, o) for s in args.verb_subjects(v) for o in welcomed), "SUPPORTS",
                            rule_id="SUPPORTS:welcomed-in", type_of=index.type_of, types=BACKER_TYPES)
    return out


def _welcomed_in(v: Token, index) -> bool:
    """``v`` welcomes its object in: "as a member (partner)", "into the group", "to NATO"."""
    for p in v.children:
        if p.dep_ != "prep":
            continue
        for o in p.children:
            if o.dep_ != "pobj":
                continue
            if p.lower_ == "as" and o.lemma_.lower() in WELCOMED_AS:
                return True
            if p.lower_ in WELCOMED_INTO_PREPS and (o.lemma_.lower() in WELCOMED_INTO
                                                     or index.type_of(index.entity(o.i) or "") == "ORGANISATION"):
                return True
    return False


def _owned_targets(args, o: Token) -> List[str]:
    """What a stance is against: a name, or the owner named on a step ("Russia's return",
    "the Turkish bid"); a step named again without its owner is left alone."""
    if args.index.entity(o.i):
        return args.entities_of(o)
    named = [e for d in o.children if d.dep_ in ("poss", "compound", "amod", "nmod") and args.index.entity(d.i)
             for e in args.entities_of(d)]
    return (args.entities_of(o, positions=True) or named) if named else []


def _stated_opposition(doc: Doc, index, args) -> List[Dict]:
    """"Poland is (remains, stays firmly) opposed to Russia's return", "Canada is against
    Turkey's accession": a stance of opposition stated with a verb of being gives the
    negated SUPPORTS of the one opposed (or the owner named on the step opposed); "is not
    opposed to" states no stance and gives nothing (``stance_copulas`` in cues.yaml)."""
    out: List[Dict] = []
    for v in (doc[i] for i in positions_in(doc, STANCE_COPULAS, attr="LEMMA")):
        if v.pos_ not in ("VERB", "AUX") or v.lemma_.lower() not in STANCE_COPULAS:
            continue
        preps = [p for p in v.children if p.dep_ == "prep" and p.lower_ == "against"]
        preps += [p for a in v.children if a.dep_ == "acomp" and a.lower_ == "opposed"
                  for p in a.children if p.dep_ == "prep" and p.lower_ == "to"]
        if not preps or args.modality.negation(v)[0] or any(
                c.dep_ == "neg" for a in v.children if a.dep_ == "acomp" for c in a.children):
            continue
        holders = args.verb_subjects(v)
        out += _opposed_records(args, index, v, preps, holders)
    # "Poland is opposed to X", parsed as a passive: the one "opposed" is the holder
    for v in (doc[i] for i in positions_in(doc, ("opposed",))):
        if v.pos_ != "VERB" or not any(c.dep_ == "auxpass" and c.lemma_.lower() in STANCE_COPULAS for c in v.children) \
                or any(c.dep_ in ("agent", "neg") for c in v.children) or args.modality.negation(v)[0]:
            continue
        preps = [p for p in v.children if p.dep_ == "prep" and p.lower_ == "to"]
        holders = [e for c in v.children if c.dep_ == "nsubjpass" for e in args.entities_of(c)]
        if preps and holders:
            out += _opposed_records(args, index, v, preps, holders)
    return out


def _opposed_records(args, index, v: Token, preps: List[Token], holders: List[str]) -> List[Dict]:
    """The negated SUPPORTS of each holder of the stance towards what ``preps`` name."""
    targets = [e for p in preps for o in p.children if o.dep_ == "pobj" for e in _owned_targets(args, o)]
    return pair_records(v, ((s, o) for s in dict.fromkeys(holders) for o in dict.fromkeys(targets)), "SUPPORTS",
                        rule_id="SUPPORTS:stated-opposition", type_of=index.type_of, types=BACKER_TYPES,
                        negated=True, cue="against" if preps[0].lower_ == "against" else "opposed")
