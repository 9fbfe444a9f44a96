"""SUPPORTS stated by a vote or a signature whose object is not named next to the verb.

- votes on a motion ("A and B voted no" after "the body voted to suspend X", "voted in
  favour of the motion to admit X", "Among the states voting in favour were A and B"):
  see `votes.py`.
- the signatories of a statement of support: where the text says that a joint statement
  (communiqué, declaration, final text) or those who made it affirm one state's sovereignty
  or territorial integrity ("restated that Georgia's territorial integrity must be
  respected"), each named signatory SUPPORTS that state: "The signatories included A, B
  and C", "A and B signed the communiqué", "A was among the signatories". Declining to
  sign states nothing.
"""
from __future__ import annotations

from typing import Dict, List, Set

from spacy.tokens import Doc, Token

from ._lookup import doc_text, positions_in
from .records import record
from .votes import body_rejections, votes
from ..gazetteer import read_data

# word lists: relext/data/words/statements.yaml
_WORDS = read_data("words/statements.yaml")

ACTOR_TYPES = ("COUNTRY", "ORGANISATION", "PERSON")
# what a state affirms of another in a statement of support
HELD_NOUNS = frozenset(_WORDS["held_nouns"])
# verbs under which such a noun is affirmed, not attacked ("violated X's sovereignty")
AFFIRMING = frozenset(_WORDS["affirming"])
ATTACKING = frozenset(_WORDS["attacking"])
# texts one signs that can state a position
STATEMENT_NOUNS = frozenset(_WORDS["statement_nouns"])
SIGNER_NOUNS = frozenset(_WORDS["signer_nouns"])
LIST_VERBS = frozenset(_WORDS["list_verbs"])


def statements(doc: Doc, index, args) -> List[Dict]:
    """Negated SUPPORTS of "voted no", SUPPORTS of the signatories of a statement of support
    and of the backers listed after "X's supporters were (included)"."""
    return votes(doc, index, args) + body_rejections(doc, index, args) + _signatories(doc, index, args) \
        + _listed_backers(doc, index, args)


BACKER_NOUNS = frozenset(_WORDS["backer_nouns"])


def _listed_backers(doc: Doc, index, args) -> List[Dict]:
    """"X's (other) supporters were A, B and C", "the backers of X include A and B"."""
    out: List[Dict] = []
    for i in positions_in(doc, BACKER_NOUNS):
        n = doc[i]
        if n.dep_ not in ("nsubj", "nsubjpass") or n.head.lemma_.lower() not in LIST_VERBS \
                or args.modality.negation(n.head)[0]:
            continue
        backed = [e for c in n.children if c.dep_ == "poss" for e in args.entities_of(c)]
        backed += [e for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
                   for o in c.children if o.dep_ == "pobj" for e in args.entities_of(o, positions=True)]
        names = [e for c in n.head.children if c.dep_ in ("dobj", "attr") for e in _listed(args, c)]
        for o in backed:
            for s in names:
                if s != o and index.type_of(s) in ACTOR_TYPES and index.type_of(o) in ACTOR_TYPES:
                    out.append(record(n, s, "SUPPORTS", o, rule_id="SUPPORTS:listed-backers"))
    return out


def _held_by(args, n: Token, _way: str = "") -> List[str]:
    """The state whose sovereignty (integrity) the noun ``n`` names: "X's", "of X"; for a
    list of such nouns, the owner named on another member ("the sovereignty and territorial
    integrity of X"), looked for up the list or down it, never back (``_way``)."""
    index = args.index
    owners = [e for c in n.children if c.dep_ in ("poss", "compound", "nmod") for e in args.entities_of(c)]
    owners += [e for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
               for o in c.children if o.dep_ == "pobj" for e in args.entities_of(o)]
    if not owners and n.dep_ == "conj" and _way != "down":  # "the sovereignty and territorial integrity of X"
        owners = _held_by(args, n.head, "up") if n.head.lower_ in HELD_NOUNS else []
    if not owners and _way != "up":
        for c in n.children:
            if c.dep_ == "conj" and c.lemma_.lower() in HELD_NOUNS:
                owners = _held_by(args, c, "down")
    return [e for e in owners if index.type_of(e) == "COUNTRY"]


def _affirmed_states(doc: Doc, args) -> Set[str]:
    """States whose sovereignty or integrity the text says is affirmed."""
    found: Set[str] = set()
    for i in positions_in(doc, HELD_NOUNS):
        n = doc[i]
        lemmas = [a.lemma_.lower() for a in n.ancestors if a.pos_ in ("VERB", "AUX", "NOUN")]
        if not any(l in AFFIRMING for l in lemmas) or any(l in ATTACKING for l in lemmas):
            continue
        found.update(_held_by(args, n))
    return found


def _listed(args, t: Token) -> List[str]:
    """The entities of a noun phrase and of every conjunct chained to it (a long list)."""
    out: List[str] = []
    todo = [t]
    while todo:
        x = todo.pop()
        out.extend(args.entities_of(x))
        todo.extend(c for c in x.children if c.dep_ == "conj")
    return list(dict.fromkeys(out))


def _signers(doc: Doc, index, args) -> Dict[str, Token]:
    """Named signatories of a statement, each with the token that says so."""
    out: Dict[str, Token] = {}
    for i in positions_in(doc, SIGNER_NOUNS):
        n = doc[i]
        names: List[str] = []
        if n.dep_ in ("nsubj", "nsubjpass") and n.head.lemma_.lower() in LIST_VERBS:
            names = [e for c in n.head.children if c.dep_ in ("dobj", "attr") for e in _listed(args, c)]
        elif n.dep_ == "attr" and n.head.lemma_.lower() == "be" or (
                n.dep_ == "pobj" and n.head.lower_ == "among" and n.head.head.lemma_.lower() == "be"):
            cop = n.head if n.dep_ == "attr" else n.head.head
            names = [e for c in cop.children if c.dep_ == "nsubj" for e in _listed(args, c)]
        names += [e for c in n.children if c.dep_ == "appos" for e in args.entities_of(c)]
        if args.modality.negation(n.head)[0]:
            continue
        for e in names:
            out.setdefault(e, n)
    sents = list(doc.sents)
    for i in positions_in(doc, {"sign", "signed", "signs", "signing"}):
        v = doc[i]
        if v.pos_ != "VERB" or args.modality.negation(v)[0]:
            continue
        objs = [c for c in v.children if c.dep_ == "dobj"]
        if objs:
            if not any(o.lemma_.lower() in STATEMENT_NOUNS for o in objs):
                continue  # "signed a trade deal": no statement of a position
        else:
            # "A and B also signed": the statement named in this sentence or the one before
            k = next(n for n, s in enumerate(sents) if s.start <= v.i < s.end)
            span = doc[sents[max(0, k - 1)].start:v.i]
            if not any(t.lemma_.lower() in STATEMENT_NOUNS for t in span):
                continue
        signers = [e for c in v.children if c.dep_ == "nsubj" for e in _listed(args, c)] or args.subjects(v)
        if not signers and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
            # "alongside the others, A, B and C also signed" (the names hung on the preposition)
            signers = [e for t in v.subtree if t.i < v.i and t.dep_ in ("pobj", "conj", "appos")
                       for e in ([index.entity(t.i)] if index.entity(t.i) else [])]
        for e in signers:
            out.setdefault(e, v)
    return {e: t for e, t in out.items() if index.type_of(e) in ACTOR_TYPES}


def _signatories(doc: Doc, index, args) -> List[Dict]:
    lower = doc_text(doc).lower()
    if "sign" not in lower or not any(w in lower for w in HELD_NOUNS):
        return []
    if not any(w in lower for w in STATEMENT_NOUNS):
        return []
    states = _affirmed_states(doc, args)
    if len(states) != 1:
        return []  # one state's integrity is the statement's point; with several, which?
    state = next(iter(states))
    return [record(tok, s, "SUPPORTS", state, rule_id="SUPPORTS:signatory-of-statement")
            for s, tok in _signers(doc, index, args).items() if s != state]
