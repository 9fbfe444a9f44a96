"""Blows announced in a reported future or conditional clause (THREATENS).

"X said it would strike Y if provoked", "X said it would use nuclear weapons against Y",
"X vowed to turn Y into a sea of fire", "X would regard any move by Y as an act of war":
the announced blow names its target; so does taking a place by force ("vowed to take Y by
force", `by_force`). A past blow ("said it had struck Y") is a claim, not a
threat, and a vote against Y is no blow.
"""
from typing import Callable, Iterable, List

from spacy.tokens import Token
from ..gazetteer import read_data

# word lists: relext/data/words/threat_wordings.yaml
_WORDS = read_data("words/threat_wordings.yaml")

# auxiliaries of an announced (future or conditional) act
FUTURE_AUX = frozenset(_WORDS["future_aux"])
# verbs whose "against" phrase names the target of a blow ("use force against Y")
AGAINST_BLOW_VERBS = frozenset(_WORDS["against_blow_verbs"])
# verbs whose direct object is the target of a blow ("would strike Y")
DIRECT_BLOW_VERBS = frozenset(_WORDS["direct_blow_verbs"])
# ruin one turns a target into ("turn Y into a sea of fire", "reduce Y to ashes")
RUIN_NOUNS = frozenset(_WORDS["ruin_nouns"])
# "a war would be (spell, mean) the end of Y": a conflict foretold as the target's end
END_VERBS = frozenset(_WORDS["end_verbs"])
CONFLICT_NOUNS = frozenset(_WORDS["conflict_nouns"])
# verbs of regarding something as a casus belli ("would treat Y's move as an act of war")
REGARD_VERBS = frozenset(_WORDS["regard_verbs"])


# what a state has that a blow can ruin ("wreck X's economy" aims at X)
HOLDINGS = frozenset(_WORDS["holdings"])
RUIN_VERBS = frozenset(_WORDS["ruin_verbs"])


def owners_ruined(verb: Token, entities_of: Callable[[Token], List[str]]) -> List[str]:
    """Owners of what a ruin ``verb`` would ruin: "destroy X's economy" -> X."""
    if verb.lemma_.lower() not in RUIN_VERBS:
        return []
    return [e for d in verb.children if d.dep_ == "dobj" and d.lemma_.lower() in HOLDINGS
            for h in d.children if h.dep_ in ("poss", "compound", "amod") for e in entities_of(h)]


def announced(verb: Token) -> bool:
    """A future or conditional, not negated verb."""
    return (any(a.dep_ == "aux" and a.lower_ in FUTURE_AUX for a in verb.children)
            and not any(a.dep_ == "neg" for a in verb.children))


def _pobjs(verb: Token, words: Iterable[str]) -> List[Token]:
    holders = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
    return [o for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in words
            for o in p.children if o.dep_ == "pobj"]


def casus_belli(verb: Token) -> bool:
    """``verb`` regards its object as an act (a declaration) of war."""
    return verb.lemma_.lower() in REGARD_VERBS and any(
        o.lemma_.lower() in ("act", "declaration") and any(
            p.lower_ == "of" and any(w.lemma_.lower() == "war" for w in p.children) for p in o.children)
        for o in _as_objects(verb))


def _as_objects(verb: Token) -> List[Token]:
    """Objects of "as" on ``verb`` or anywhere inside its direct object, where the parser
    may hang it ("treat any step by Y to annul the accord as an act of war")."""
    holders = [verb] + [t for d in verb.children if d.dep_ == "dobj" for t in d.subtree]
    return [o for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "as"
            for o in p.children if o.dep_ == "pobj"]


def blow_targets(verb: Token, entities_of: Callable[[Token], List[str]], is_entity: Callable[[Token], bool]) -> List[str]:
    """Targets named by the blow ``verb`` states (without checking its tense)."""
    lem, out = verb.lemma_.lower(), []
    dobjs = [c for c in verb.children if c.dep_ == "dobj"]
    if lem in DIRECT_BLOW_VERBS:
        out += [e for d in dobjs if is_entity(d) for e in entities_of(d)]
    if lem in AGAINST_BLOW_VERBS:
        out += [e for o in _pobjs(verb, ("against",)) for e in entities_of(o)]
    if lem in ("turn", "reduce") and any(o.lemma_.lower() in RUIN_NOUNS for o in _pobjs(verb, ("into", "to"))):
        out += [e for d in dobjs if is_entity(d) for e in entities_of(d)]
    if lem == "finish" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children):
        offs = [o for p in verb.children if p.lower_ == "off" for o in p.children if o.dep_ == "pobj"]
        out += [e for d in dobjs + offs if is_entity(d) for e in entities_of(d)]  # "would finish off Y"
    if lem in END_VERBS and any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in CONFLICT_NOUNS
                                for c in verb.children):
        # "a war would be (spell) the end of Y"
        out += [e for n in verb.children if n.dep_ in ("attr", "dobj") and n.lemma_.lower() == "end"
                for p in n.children if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children if o.dep_ == "pobj" and is_entity(o) for e in entities_of(o)]
    if casus_belli(verb):
        # "any move by Y", "Y's move", "an attack on us from Y": who would commit the act
        for d in dobjs:
            out += [e for t in d.subtree if t.i != d.i and is_entity(t)
                    and (t.dep_ in ("poss", "compound", "amod") and t.head.i == d.i
                         or t.dep_ == "pobj" and t.head.lower_ in ("by", "from"))
                    for e in entities_of(t)]
    return list(dict.fromkeys(out))


def threat_targets(tok: Token, slot: str, entities_of, is_entity) -> List[str]:
    """Objects of the ``ccomp:threat`` slot (a reported announced blow, or a conflict
    foretold as the target's end: "said a war would be the end of Y"), the ``ruin`` slot
    ("vowed (pledged) to turn Y into ruins": the ruin verb itself, promised or
    announced, not "turned Y into rubble") and the ``casus_belli`` slot."""
    out: List[str] = []
    if slot == "ccomp:threat":
        for c in tok.children:
            if c.dep_ == "ccomp" and (c.pos_ == "VERB" or c.lemma_ == "be") and announced(c):
                out += blow_targets(c, entities_of, is_entity)
    elif slot == "ruin" and (tok.dep_ == "xcomp" or announced(tok)):
        out += blow_targets(tok, entities_of, is_entity)
    elif slot == "casus_belli" and casus_belli(tok):
        out += blow_targets(tok, entities_of, is_entity)
    return list(dict.fromkeys(out))


# verbs of taking a territory or a state, a threat when done by force ("vowed to take Y by force")
SEIZING_VERBS = frozenset(_WORDS["seizing_verbs"])
FORCE_NOUNS = frozenset(_WORDS["force_nouns"])


def by_force(verb: Token) -> bool:
    """``verb`` takes its object by force: "take Y by (with) force", "seize Y militarily",
    "take Y by military means", "take Y, by force if necessary"."""
    if verb.lemma_.lower() not in SEIZING_VERBS:
        return False
    for c in verb.subtree:
        if c.dep_ == "advmod" and c.lower_ == "militarily" and c.head.i == verb.i:
            return True
        if c.dep_ == "pobj" and c.head.lower_ in ("by", "with") and (
                c.lemma_.lower() in FORCE_NOUNS
                or (c.lemma_.lower() == "means" and any(a.lower_ == "military" for a in c.children))):
            # the phrase hangs on the verb itself or on its object, not in a clause of its own
            cur = c.head.head
            while cur.i != verb.i and cur.pos_ not in ("VERB", "AUX"):
                cur = cur.head
            if cur.i == verb.i:
                return True
    return False
