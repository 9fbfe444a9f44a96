"""Blocking frames: verbs and nouns that embed a relation in order to stop it.

"Turkey blocked Sweden's bid to join NATO", "Hungary vetoed the EU sanctions against
Russia", "the application was held up by A and B", "Poland's objection to the plan":
the guidelines (dev2 conventions) read explicit opposition to an entity, its bid or its
action as a negated SUPPORTS of that entity, and the opposed relation itself is not
stated; verbs of opposing with a preposition or particle of their own ("spoke out against
X's plan", "balked at X's proposal", ``opposing_verbs`` in cues.yaml) are frames too.
`blocking` finds the frames; the relations component adds the negated
SUPPORTS records and drops every relation triggered inside a blocked phrase.
"""
from __future__ import annotations

from typing import Dict, List, Set, Tuple

from spacy.tokens import Doc, Token

from ..gazetteer import read_data
from .records import record

# word lists: relext/data/words/counterfactives.yaml
_WORDS = read_data("words/counterfactives.yaml")

# verbs whose object (or passive subject) is what they block, with the particle some need
BLOCK_VERBS = {"block": None, "veto": None, "oppose": None, "reject": None, "thwart": None, "obstruct": None,
               "stall": None, "stymie": None, "torpedo": None, "derail": None, "scupper": None, "resist": None,
               "hold": ("up", "back"), "object": "to", "frustrate": None, "hamper": None, "delay": None}
# verbs of opposing with their own preposition or particle (cues.yaml ``opposing_verbs``):
# "spoke out against X's plan", "balked at X's proposal", "turned down X's request"
for _lemma, _need in read_data("cues.yaml").get("opposing_verbs", {}).items():
    BLOCK_VERBS.setdefault(_lemma, tuple(_need) if isinstance(_need, list) else _need)
# nouns of blocking: "X's objection to Y", "the veto of Y by X", "holdups by X"
BLOCK_NOUNS = {"objection": ("to", "against"), "objections": ("to", "against"), "protest": ("against",), "opposition": ("to", "against"), "veto": ("of", "on", "against"),
               "rejection": ("of",), "holdup": ("of", "on"), "blockade": ("of",)}


# what one refuses rather than blocks
REFUSED_NOUNS = frozenset(_WORDS["refused_nouns"])
# positions someone holds: "a status to which A objected" opposes the one who holds it
HELD_NOUNS = frozenset(_WORDS["held_nouns"])
HOLD_VERBS = frozenset(_WORDS["hold_verbs"])


def _holders(args, b: Token) -> List[str]:
    """Who holds the position ``b`` names when it names nobody itself: the subject of the
    verb it is the object of ("X has held observer status ..., a status to which ...")."""
    if b.lemma_.lower() not in HELD_NOUNS or b.dep_ != "dobj" or b.head.lemma_.lower() not in HOLD_VERBS:
        return []
    return args.verb_subjects(b.head)


def blocking_words() -> Set[str]:
    """Lemmas that can open a blocking frame (for a hashed lookup)."""
    return set(BLOCK_VERBS) | set(BLOCK_NOUNS)


def blocking(doc: Doc, index, args, positions: List[int]) -> Tuple[List[Dict], List[Tuple[int, int]]]:
    """Negated SUPPORTS records and the token ranges whose relations are blocked.

    Args:
        doc: the document.
        index: its `EntityIndex`.
        args: its `Arguments`.
        positions: token indices whose lemma is one of `blocking_words`.

    Returns:
        ``(records, ranges)``: the negated SUPPORTS of each blocker towards the holder of
        what it blocks, and ``(start, end)`` token ranges (the blocked phrases) inside which
        no relation is stated.
    """
    out: List[Dict] = []
    ranges: List[Tuple[int, int]] = []
    for i in positions:
        tok = doc[i]
        lemma = tok.lemma_.lower()
        blocked: List[Token] = []
        blockers: List[str] = []
        if tok.pos_ == "VERB" and lemma in BLOCK_VERBS:
            need = BLOCK_VERBS[lemma]
            # the parser may hang the particle as an adverb ("had been held back by X")
            prts = {c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod")}
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
            if isinstance(need, tuple) and not (prts & set(need)):
                continue
            if isinstance(need, str):  # "objected to X", "spoke out against X", "balked at X"
                blocked = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == need
                           for o in p.children if o.dep_ == "pobj"]
                if any(p.dep_ == "prep" and p.lower_ == "to" and any(o.lower_ == "which" for o in p.children)
                       for p in tok.children) and tok.dep_ == "relcl":
                    blocked.append(tok.head)  # "a status to which A and B objected"
            elif lemma == "oppose" and tok.dep_ == "acomp":  # "X is opposed to Y's bid" (not "is not")
                blocked = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "to"
                           for o in p.children if o.dep_ == "pobj"
                           and not any(c.dep_ == "neg" for c in list(tok.head.children) + list(tok.children))]
            elif passive:
                blocked = [c for c in tok.children if c.dep_ == "nsubjpass"]
            else:
                blocked = [c for c in tok.children if c.dep_ == "dobj"]
            # "rejected an invitation to attend" refuses; it blocks nobody (negation handles it)
            blocked = [b for b in blocked if b.lemma_.lower() not in REFUSED_NOUNS]
            blockers = args.cached(("subj", tok.i), args.subjects, tok)
            if not blockers and tok.dep_ == "acomp":
                blockers = args.verb_subjects(tok.head)  # "X is opposed to": the copula's subject
        elif tok.pos_ == "NOUN" and lemma in BLOCK_NOUNS:
            blocked = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in BLOCK_NOUNS[lemma]
                       for o in p.children if o.dep_ == "pobj"]
            blockers = args.noun_subjects(tok)
            act = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in ("despite", "over", "amid") else None
            if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "face" \
                    and tok.head.head.head.lower_ == "in":
                act = tok.head.head.head.head  # "X entered the WTO in the face of Chinese opposition"
            if not blockers and act is not None:
                # "despite the firm opposition of A and B": the "of" names who opposes the act
                blockers = [e for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                            for o in p.children if o.dep_ == "pobj" for e in args.entities_of(o)]
            if not blocked and act is not None and act.pos_ in ("VERB", "AUX"):
                # "X left the deal despite objections from A and B": they opposed X's act
                for s in blockers:
                    for o in args.verb_subjects(act):
                        if s != o:
                            out.append(record(tok, s, "SUPPORTS", o, rule_id=f"SUPPORTS:blocking:{lemma}",
                                              negated=True, cue=tok.text))
                continue
        if not blocked:
            continue
        # "had never opposed X's membership", "will no longer block X's bid": no opposition
        # stated (and no support either)
        unopposed = tok.pos_ == "VERB" and args.modality.negation(tok)[0]
        for b in blocked:
            ranges.append((b.left_edge.i, b.right_edge.i + 1))
            if unopposed:
                continue
            targets = args.entities_of(b, positions=True) or _holders(args, b)
            if lemma == "blockade":  # "the blockade of Gaza": a place shut off, no stance on it
                targets = [t for t in targets if index.type_of(t) != "LOCATION"]
            for s in blockers:
                for o in targets:
                    if s != o:
                        out.append(record(tok, s, "SUPPORTS", o, rule_id=f"SUPPORTS:blocking:{lemma}", negated=True,
                                          cue=tok.text))
    return out, ranges
