"""Whom a trade penalty hits: the origin of the goods it is laid on.

"imposed tariffs (duties) on Chinese-made vehicles", "... on imports of Australian wine",
"... on steel from Canada", "... on Canada": the state the goods come from is the one
penalised (CAMEO 163, embargoes and trade penalties).
"""
from __future__ import annotations

from typing import List

from spacy.tokens import Token
from ..gazetteer import read_data

# word lists: relext/data/words/penalty_targets.yaml
_WORDS = read_data("words/penalty_targets.yaml")

_MODIFIERS = ("amod", "compound", "nmod", "poss", "npadvmod")


def _origins(args, o: Token, depth: int = 0) -> List[str]:
    """Entities that name where the goods ``o`` come from."""
    found = list(args.entities_of(o))
    if found or depth > 2:
        return found
    for c in o.children:
        if c.dep_ in _MODIFIERS and args.index.entity(c.i):
            found.append(args.index.entity(c.i))
        elif c.dep_ == "amod" and c.lower_ in ("made", "produced", "built", "sourced", "origin"):
            # "Chinese-made": the demonym hangs on the participle
            found += [args.index.entity(x.i) for x in c.children if args.index.entity(x.i)]
        elif c.dep_ == "prep" and c.lower_ in ("of", "from"):
            found += [e for p in c.children if p.dep_ == "pobj" for e in _origins(args, p, depth + 1)]
    return found


def goods_origin(args, tok: Token) -> List[str]:
    """The states (or bodies) whose goods the penalty noun ``tok`` is laid on; the "on"
    phrase may hang on the noun or on the verb that governs it ("put tariffs on X")."""
    holders = [tok] + ([tok.head] if tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB" else [])
    out: List[str] = []
    for h in holders:
        ons = [o for p in h.children if p.dep_ == "prep" and p.lower_ in ("on", "against")
               for o in p.children if o.dep_ == "pobj"]
        for o in ons:
            out += _origins(args, o)
        if ons and not out:
            # "tariffs on steel from Canada": the origin hung on the verb beside the goods
            out += [e for p in h.children if p.dep_ == "prep" and p.lower_ == "from"
                    for x in p.children if x.dep_ == "pobj" for e in args.entities_of(x)]
    return list(dict.fromkeys(e for e in out if e))


# verbs that lay a penalty on someone ("sanctions imposed by X on Y")
LAYING_VERBS = frozenset(_WORDS["laying_verbs"])


def _laying(tok: Token):
    """The participle laying the penalty noun ``tok``: "the sanctions imposed by X on Y"."""
    return next((c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"
                 and c.lemma_.lower() in LAYING_VERBS), None)


def laid_by(args, tok: Token) -> List[str]:
    """Who lays the penalty in "the sanctions imposed by X (on Y)"."""
    verb = _laying(tok)
    if verb is None:
        return []
    return [e for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"
            for e in args.entities_of(o)]


def laid_on(args, tok: Token) -> List[str]:
    """Whom the penalty is laid on in "the sanctions imposed (by X) on Y"; the parser may
    hang "on Y" on the agent ("imposed by the Council on Y")."""
    verb = _laying(tok)
    if verb is None:
        return []
    holders = [verb] + [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    return list(dict.fromkeys(e for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in ("on", "against")
                              for o in p.children if o.dep_ == "pobj" for e in _origins(args, o)))


# participles that give a penalty its purpose ("sanctions meant (designed, aimed) to ...")
PURPOSE_PARTICIPLES = frozenset(_WORDS["purpose_participles"])
# purposes that strike someone's assets or reach
ASSET_VERBS = frozenset(_WORDS["asset_verbs"])
CUTTING_VERBS = frozenset(_WORDS["cutting_verbs"])


def purpose_targets(args, tok: Token) -> List[str]:
    """Whom the purpose of the penalty noun ``tok`` names: "sanctions meant to freeze assets
    held by X (the assets of X, X's assets)", "sanctions designed to cut X off from the
    banks", "sanctions aimed at punishing X"."""
    out: List[str] = []
    for acl in (c for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in PURPOSE_PARTICIPLES):
        steps = [c for c in acl.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB"]
        steps += [v for p in acl.children if p.dep_ == "prep" and p.lower_ == "at"
                  for v in p.children if v.dep_ == "pcomp" and v.pos_ == "VERB"]
        for v in steps:
            lemma = v.lemma_.lower()
            if lemma in ASSET_VERBS:
                assets = [d for d in v.children if d.dep_ == "dobj" and d.lemma_.lower() in ("asset", "fund", "property")]
                for a in assets:
                    out += [e for c in a.children if c.dep_ == "poss" for e in args.entities_of(c, positions=True)]
                    out += [e for p in a.children if p.dep_ == "prep" and p.lower_ == "of"
                            for o in p.children if o.dep_ == "pobj" for e in args.entities_of(o, positions=True)]
                # "held by X and by Y": the holders, wherever the parser hung the second "by"
                out += [e for w in acl.subtree if w.lower_ == "by" and w.i > v.i
                        for o in w.children if o.dep_ == "pobj" for e in args.entities_of(o, positions=True)]
            elif lemma in CUTTING_VERBS:
                out += [e for d in v.children if d.dep_ == "dobj" for e in args.entities_of(d, positions=True)]
    return list(dict.fromkeys(e for e in out if e))
