"""Acronyms the tagger read as verbs.

The small model tags some capitalised acronyms of bodies as verbs or auxiliaries,
mostly at the start of a sentence ("ECOWAS imposed sanctions on Mali": "ECOWAS" a
gerund heading the sentence, "imposed" a modifier of "sanctions"; "IGAD froze X's
membership": "IGAD" an auxiliary). An all-capital word that is a mention of a state or a
body is a name: it gets a proper noun's tag, and where the parser made it the head of the
clause with the real verb hung as a modifier on its object, the parse is mended so that
the verb heads the clause with the acronym as its subject and the noun as its object.
"""
from __future__ import annotations

from typing import List

import numpy
from spacy.attrs import IS_UPPER, LEMMA, POS
from spacy.symbols import AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Token

from ._lookup import forget_attribute
from .lemmas import correct_lemma

NAME_TYPES = ("ORGANISATION", "COUNTRY")


def _acronym(tok: Token, index) -> bool:
    if tok.pos_ not in ("VERB", "AUX") or not tok.is_upper or not tok.is_alpha or len(tok) < 2:
        return False
    if tok.i > 0 and tok.doc[tok.i - 1].is_upper and tok.doc[tok.i - 1].is_alpha:
        return False  # a headline or a shouted quote in capitals ("WILL SUFFER"): not a name
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].is_upper and tok.doc[tok.i + 1].is_alpha:
        return False
    e = index.entity(tok.i)
    return bool(e) and index.type_of(e) in NAME_TYPES


def _rehead(tok: Token) -> None:
    """"ECOWAS(head) imposed(amod) sanctions(dobj of ECOWAS)": make the participle the
    head of the clause, the acronym its subject and the noun its object."""
    if tok.dep_ not in ("ROOT", "ccomp", "conj", "advcl"):
        return
    obj = [c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i]
    if not obj:
        return
    verb = [c for c in obj[0].children if c.dep_ == "amod" and c.i == tok.i + 1 and c.tag_ in ("VBD", "VBN")]
    if not verb:
        return
    verb, obj = verb[0], obj[0]
    old_head, old_dep = tok.head, tok.dep_
    verb.head = verb if old_dep == "ROOT" else old_head
    verb.dep_ = old_dep
    obj.head = verb
    tok.head = verb
    tok.dep_ = "nsubj"
    for c in list(tok.children):
        c.head = verb


def _named(tok: Token, index) -> bool:
    e = index.entity(tok.i)
    return bool(e) and index.type_of(e) in NAME_TYPES + ("PERSON",)


def _present_verb(tok: Token, index) -> None:
    """A headline's present-tense verb read as the name's object ("ECOWAS sanctions Guinea",
    "ECOWAS expels Niger": the name heads the clause, the verb and the named object hang on
    it): make the verb the head, the name its subject, the next name its object."""
    doc = tok.doc
    if tok.dep_ != "ROOT" or tok.i + 2 >= len(doc):
        return
    verb = doc[tok.i + 1]
    if verb.head.i != tok.i or verb.tag_ not in ("NNS", "VBZ") or not verb.is_lower or list(verb.children):
        return
    objs = [c for c in tok.children if c.i == tok.i + 2 and c.dep_ in ("dobj", "npadvmod", "appos") and _named(c, index)]
    if not objs:
        return
    obj = objs[0]
    verb.head = verb
    verb.dep_ = "ROOT"
    obj.head = verb
    obj.dep_ = "dobj"
    tok.head = verb
    tok.dep_ = "nsubj"
    for c in list(tok.children):
        if c.i > tok.i:
            c.head = verb
    verb.pos_ = "VERB"
    verb.tag_ = "VBZ"
    tok.pos_ = "PROPN"
    tok.tag_ = "NNP"


def _headline_noun_verb(tok: Token, index) -> bool:
    """"NATO sanctions Chad", "ASEAN expels X": the headline's verb read as a plural noun
    heading the clause, the name before it its compound and the name after it an apposition:
    make it a verb with the first name its subject and the second its object."""
    if tok.dep_ != "ROOT" or tok.tag_ not in ("NNS", "VBZ") or not tok.is_lower or tok.i < 1:
        return False
    start = tok.sent.start
    # ("The EU sanctions Iran": the article of the name hung on the noun)
    dets = [c for c in tok.children if c.dep_ == "det"]
    if dets and not (len(dets) == 1 and dets[0].i == start and dets[0].lower_ == "the"):
        return False
    subj = [c for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1 and _named(c, index)
            and c.left_edge.i == (start + 1 if dets else start)]
    obj = [c for c in tok.children if c.dep_ == "appos" and c.i == tok.i + 1 and _named(c, index)]
    if not subj or not obj or any(c.dep_ in ("amod", "poss", "nummod") for c in tok.children):
        return False
    for d in dets:
        d.head = subj[0]
    subj[0].dep_ = "nsubj"
    obj[0].dep_ = "dobj"
    tok.pos_ = "VERB"
    tok.tag_ = "VBZ"
    return correct_lemma(tok)


def _candidates(doc: Doc) -> List[int]:
    """The tokens `repair_acronyms` can act on, in order: each of its steps first asks for a
    verb, an auxiliary, a noun or a proper noun, or a word in capitals; and the word after a
    word in capitals, which `_present_verb` retags a verb (no other repair changes the part
    of speech of a word but the current one). Read from the Doc's arrays: no Token is built
    for the others (articles, prepositions, adjectives, punctuation)."""
    if not len(doc):
        return []
    pos, upper = doc.to_array([POS, IS_UPPER]).T
    capitals = upper == 1
    idx = numpy.flatnonzero(capitals | (pos == VERB) | (pos == AUX) | (pos == NOUN) | (pos == PROPN))
    after = numpy.flatnonzero(capitals) + 1
    return numpy.union1d(idx, after[after < len(doc)]).tolist()


def repair_acronyms(doc: Doc, index) -> None:
    """Retag (and, where the parse hangs on them, re-head) acronyms of bodies and states
    that the tagger read as verbs, in place."""
    relemmatized = False
    for i in _candidates(doc):
        tok = doc[i]
        if tok.pos_ == "VERB" and tok.tag_ == "VBZ" and tok.i + 1 < len(doc) \
                and not any(c.dep_ == "dobj" for c in tok.children):
            # "ASEAN expels Myanmar": a headline's named object read as an adverbial noun
            nxt = doc[tok.i + 1]
            if nxt.head.i == tok.i and nxt.dep_ == "npadvmod" and _named(nxt, index) \
                    and any(c.dep_ == "nsubj" and c.i == tok.i - 1 and _named(c, index) for c in tok.children):
                nxt.dep_ = "dobj"
            continue
        if tok.pos_ == "NOUN" and tok.dep_ == "ROOT":
            relemmatized |= _headline_noun_verb(tok, index)
            continue
        if tok.is_upper and tok.is_alpha and len(tok) > 1 and tok.dep_ == "ROOT" and tok.i == tok.sent.start \
                and _named(tok, index) and tok.pos_ in ("PROPN", "VERB", "INTJ", "NOUN"):
            _present_verb(tok, index)
        if tok.pos_ == "PROPN" and any(c.dep_ == "dobj" for c in tok.children):
            # a name never has an object: "On Sunday, ECOWAS imposed sanctions" read the same way
            e = index.entity(tok.i)
            if e and index.type_of(e) in NAME_TYPES:
                _rehead(tok)
            continue
        if not _acronym(tok, index):
            continue
        was_aux = tok.pos_ == "AUX" and tok.dep_ in ("aux", "auxpass")
        if tok.pos_ == "VERB":
            _rehead(tok)
        tok.pos_ = "PROPN"
        tok.tag_ = "NNP"
        if was_aux and tok.head.pos_ == "VERB" and tok.head.i > tok.i \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.head.children):
            tok.dep_ = "nsubj"  # "IGAD froze X's membership"
    if relemmatized:
        forget_attribute(doc, LEMMA)
