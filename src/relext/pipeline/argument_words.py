"""The word lists and small parse tests the argument finders share.

Word sets name the nouns, verbs and prepositions the `relext.pipeline.arguments` rules
look for; `_reduced_passive`, `_group_size` and `_definite` are pure tests of one token.
"""
from __future__ import annotations

import re

from spacy.tokens import Token
from ..gazetteer import read_data

# word lists: relext/data/words/argument_words.yaml
_WORDS = read_data("words/argument_words.yaml")


KIND_RANK = {"NAME": 0, "DEMONYM": 0, "METONYM": 0, "DESCRIPTION": 1, "PRONOUN": 2}
PLURAL_PRONOUNS = frozenset(_WORDS["plural_pronouns"])
RELATIVE_PRONOUNS = frozenset(_WORDS["relative_pronouns"])
OBJECT_CONTROL = frozenset(_WORDS["object_control"])
# control verbs whose controller is a prepositional object ("called on Y to", "appealed to Y to")
PREP_OBJECT_CONTROL = {"call": ("on", "upon"), "appeal": ("to",), "prevail": ("on", "upon")}
# craft that carries a traveller: "X's plane landed in Y", "the jet carrying X touched down"
VEHICLE_NOUNS = frozenset(_WORDS["vehicle_nouns"])
# the verbs of a craft's arrival and of its carrying its passenger
VEHICLE_ARRIVAL_VERBS = frozenset(_WORDS["vehicle_arrival_verbs"])
CARRY_VERBS = frozenset(_WORDS["carry_verbs"])
# prepositions of time heading a participle ("after arriving in X", "upon landing", "before
# flying on to Y"): the adjunct's understood subject is the governing verb's subject, never its
# object ("After arriving in Tokyo, A met B": A arrived). Not "on", "for", "over" or "by":
# "congratulated Y on hosting", "praised Y for attending" are the object's deeds
ADJUNCT_PARTICIPLE_PREPS = frozenset(_WORDS["adjunct_participle_preps"])
NOUN_PREPS_TO_VERB = frozenset(_WORDS["noun_preps_to_verb"])
# nouns that measure out a trigger noun ("a new package of sanctions", "a wave of threats")
PACKAGE_NOUNS = frozenset(_WORDS["package_nouns"])
# verbs whose "with" phrase is the instrument of the subject's blow ("hit X with sanctions",
# "retaliated with sanctions against X")
BLOW_VERBS = frozenset(_WORDS["blow_verbs"])
QUANTITY_NOUNS = frozenset(_WORDS["quantity_nouns"])
PLACE_NOUNS = frozenset(_WORDS["place_nouns"])
LED = re.compile(r"^(.+)-(?:led|backed|brokered|sponsored)$", re.I)
PAIR_NOUNS = frozenset(_WORDS["pair_nouns"])
# nouns for one side of a pair by how the two stand to each other: "the two allies",
# "the two neighbours", "the two rivals" (states first, else people)
RELATION_NOUNS = frozenset(_WORDS["relation_nouns"])
PAIR_NOUNS |= RELATION_NOUNS
STATE_NOUNS = frozenset(_WORDS["state_nouns"])
LIST_PREPS = frozenset(_WORDS["list_preps"])
# verbs whose subject bears what their object names ("faced sanctions from Y", "drew a
# rebuke from Y"): the "from" phrase, on the verb or on the noun, names the noun's doer
BEARING_VERBS = frozenset(_WORDS["bearing_verbs"])
# positions given to someone: "a permanent seat for Brazil"
# a party's own pursuit, which others back or oppose: "France and Germany opposed their bids"
# is someone else's bid, never the opposers' own
# ("their membership", "their independence" are most often the owners' own: not here)
STAKE_NOUNS = frozenset(_WORDS["stake_nouns"])
SEAT_NOUNS = frozenset(_WORDS["seat_nouns"])
# "The latest (first) to withdraw were A and B": who is meant follows the copula
ORDER_WORDS = frozenset(_WORDS["order_words"])
# qualities of a position whose "of" is itself a position ("withheld recognition of the
# legitimacy of X's new term" -> X): its object is read as a position too
QUALITY_OF = frozenset(_WORDS["quality_of"])
# particles the parser may attach as prepositions ("walked out of", "pulled out of")
PARTICLES = frozenset(_WORDS["particles"])
# position nouns whose "of X" names the one they are done to ("protest the invasion of Ukraine")
VICTIM_OF = frozenset(_WORDS["victim_of"])
# what the threatened one does in a warning's clause ("warned that X would pay")
SUFFER_VERBS = frozenset(_WORDS["suffer_verbs"])
# generic heads that a name before them identifies ("the BRICS bloc")
KIND_NOUNS = frozenset(_WORDS["kind_nouns"])
# nouns that, made definite, refer to the named event of the passage ("the summit")
# nouns of (not) being at an event whose "of" names who is (not) there ("the participation of
# Ghana", "the presence of X at the summit"), not what is attended
PRESENCE_NOUNS = frozenset(_WORDS["presence_nouns"])
EVENT_NOUNS = frozenset(_WORDS["event_nouns"])

# what a delegation is for when it is no state's presence at a gathering ("a trade delegation")
OTHER_PURPOSES = frozenset(_WORDS["other_purposes"])


# modifiers that leave "the summit" the passage's summit ("the annual summit", "this week's")
GENERIC_EVENT_MODIFIERS = frozenset(_WORDS["generic_event_modifiers"])


NUMBER_WORDS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _reduced_passive(v: Token) -> bool:
    """Whether ``v`` is a past participle modifying a noun ("the summit, attended by X")."""
    return v.dep_ == "acl" and v.tag_ == "VBN" and (v.head.pos_ in ("NOUN", "PROPN") or v.head.lower_ == "those")


def _group_size(t: Token) -> int:
    """The number a plural noun phrase gives itself ("the three countries" -> 3), else 0."""
    for c in t.children:
        if c.dep_ == "nummod":
            if c.lower_ in NUMBER_WORDS:
                return NUMBER_WORDS[c.lower_]
            if c.text.isdigit() and int(c.text) <= 10:
                return int(c.text)
    return 0


def _definite(t: Token) -> bool:
    """Whether a noun phrase is definite: "the summit", "this week's summit", "its meeting"."""
    for c in t.children:
        if c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these"):
            return True
        if c.dep_ == "poss":
            return True
    return False


# verbs with a predicate complement about their object: "held X responsible"
SMALL_CLAUSE_VERBS = frozenset(_WORDS["small_clause_verbs"])
# nouns whose infinitive is done by the subject of the verb that governs them
CONTROL_NOUNS = frozenset(_WORDS["control_nouns"])
# documents that speak for whoever issued them ("the North Korean statement accused X")
MESSAGE_NOUNS = frozenset(_WORDS["message_nouns"])
# verbs of entering a place, whose object is where someone is barred from ("barred from entering X")
ENTRY_VERBS = frozenset(_WORDS["entry_verbs"])
WRONGDOERS = frozenset(_WORDS["wrongdoers"])


def _misparsed_small_clause(tok: Token) -> bool:
    """Whether ``tok`` is an adjective the parser hung after the object of a small-clause
    verb as its modifier ("held the US responsible": "responsible" an amod of "US")."""
    return (tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.i > tok.head.i and tok.head.dep_ == "dobj"
            and tok.head.head.lemma_.lower() in SMALL_CLAUSE_VERBS)


# nouns of the reason in "in protest (at X)", "in solidarity (with X)", "in opposition (to X)"
REASON_NOUNS = tuple(_WORDS["reason_nouns"])


def protest_phrase(prep) -> bool:
    """Whether the preposition ``prep`` (a child of a verb) gives a reason, not a place or
    an object: "in protest", "in solidarity", and the "at X" / "over X" / "with X" the
    parser often hangs on the verb after them ("stayed away in protest at X")."""
    if prep.dep_ != "prep":
        return False
    if prep.lower_ == "in":
        # the idiom is a bare singular: "in protest", not "joined in (the) protests"
        return any(p.dep_ == "pobj" and p.lemma_.lower() in REASON_NOUNS and p.tag_ == "NN"
                   and not any(d.dep_ in ("det", "poss") for d in p.children) for p in prep.children)
    return prep.lower_ in ("at", "over", "against", "with", "to") and prep.i > 0 \
        and prep.doc[prep.i - 1].lemma_.lower() in REASON_NOUNS and prep.doc[prep.i - 1].dep_ == "pobj"
