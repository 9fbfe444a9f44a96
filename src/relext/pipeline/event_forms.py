"""The written forms of an event's name: the whole noun phrase news uses to name it.

An event's mention is the part of a noun phrase that names it ("G20 summit",
"inauguration", "Bled Strategic Forum"), but news writes the name with what makes it one
occasion: its owner or its date before it ("Mugabe's inauguration", "this year's CELAC
summit", "the fourth Bled Strategic Forum", "last year's Mercosur meeting") and its place or
its subject after it ("the SADC summit in Windhoek", "a conference on ocean plastics", "the
memorial service for Jimmy Carter"). Those longer phrases are the same event written out
in full, so each is recorded as one more surface form (a ``NAME`` mention over the longer
span) of the event it extends; the event and its other mentions do not change.

What extends a mention:

- before it, the modifiers of the phrase's head that run up to it: a possessor with its own
  words ("Hugo Chavez's", "this year's"), a number, an ordinal, an adjective or a compound
  ("2023", "second", "informal", "21-member"); not the article, not a word across a comma;
- after it, one or two prepositional phrases hung on the head (``EXTENDING_PREPOSITIONS``):
  "in" or "at" a place, a year or a named thing ("in Windhoek", "at Apia"),
  and, after a lower-case head, "on", "for", "against" or "of" a short object with no verb,
  comma or quote in it ("on ocean plastics", "against hunger", "for Jimmy Carter").

One shorter form is recorded too: the name without the edition words it opens with (a year,
an ordinal, "annual": "the 15th BRICS summit" is also written "the BRICS summit"), when a
capitalised word is left to name it.

The forms are added after relations are found (`RelationExtractor.set_annotations`), so
they change no relation: they are how the entity is written, for whoever reads the output.

Example
-------
>>> import relext
>>> ex = relext.extract("Lula flew home after the Mercosur summit in Asuncion.")
>>> [m.text for e in ex.entities if e.type.value == "EVENT" for m in e.mentions]
['Mercosur summit', 'Mercosur summit in Asuncion']
"""
from __future__ import annotations

import re
from typing import Dict, Iterable, List, Optional, Tuple

from spacy.tokens import Doc, Token

from ._lookup import span_chars
from .named_heads import WORD_ORDINAL

_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.I)
# words before an event's name that say which edition it is ("the annual G7 summit")
EDITION_WORDS = frozenset({"annual", "yearly"})

# the dependents before a head that belong to the event's written name
LEFT_DEPS = frozenset({"poss", "amod", "nummod", "compound", "npadvmod", "nmod", "quantmod"})
# prepositions whose phrase after the head writes the event out ("the summit in Kazan")
PLACE_PREPOSITIONS = frozenset({"in", "at"})
EXTENDING_PREPOSITIONS = PLACE_PREPOSITIONS | frozenset({"on", "for", "against", "of"})
# the longest object a prepositional phrase may have to stay part of the name
MAX_OBJECT_TOKENS = 7
_PLACE_TYPES = frozenset({"LOCATION", "COUNTRY"})


def _left_start(doc: Doc, root: Token, start: int) -> int:
    """The first token of the modifiers of ``root`` that run up to ``start`` (``start``
    itself when none does)."""
    j = start
    for child in reversed(list(root.lefts)):
        if child.i >= j:
            continue
        if child.dep_ not in LEFT_DEPS or child.right_edge.i != j - 1:
            break
        sub = doc[child.left_edge.i:child.right_edge.i + 1]
        if any(t.is_punct and t.text not in ("-", "'s", "’s") or t.pos_ in ("VERB", "AUX") for t in sub):
            break
        j = child.left_edge.i
    return j


def _phrase_end(doc: Doc, prep: Token, types: Dict[int, str]) -> Optional[int]:
    """The end of ``prep``'s phrase when it writes out the event, else None."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if not objs:
        return None
    end = prep.right_edge.i + 1
    words = doc[prep.i + 1:end]
    if len(words) > MAX_OBJECT_TOKENS or any(
            t.pos_ in ("VERB", "AUX", "PRON") or t.is_punct and t.text not in (".", "-") or t.is_quote
            for t in words):
        return None
    obj = objs[0]
    if prep.lower_ not in PLACE_PREPOSITIONS and prep.head.is_title:
        # "the World Conference Against Hunger": a capitalised head's tail is part of the
        # name itself (the name recogniser's, `tailed_heads`), not a written-out form
        return None
    if prep.lower_ in PLACE_PREPOSITIONS:
        # a place, a year or a named thing; not "in the city", "at the weekend"
        if types.get(obj.i) not in _PLACE_TYPES and not (obj.like_num and len(obj.text) == 4) \
                and obj.pos_ != "PROPN":
            return None
    return end


def _tail_anchor(doc: Doc, root: Token, end: int) -> Token:
    """The token a phrase right after the mention hangs on: the root, or the last word of a
    capitalised tail inside the mention ("the Summit on Peace | in Ukraine |")."""
    last = doc[end - 1]
    if last.i != root.i and last.dep_ == "pobj" and last.head.head.i == root.i and root.is_title \
            and any(c.i == end and c.dep_ == "prep" for c in last.rights):
        return last
    return root


def _right_ends(doc: Doc, root: Token, end: int, types: Dict[int, str]) -> List[int]:
    """The ends of one or two prepositional phrases hung on ``root`` right after ``end``
    ("the conference on hunger | in Rome |")."""
    k, ends = end, []
    anchor = _tail_anchor(doc, root, end)
    for child in anchor.rights:
        if child.i < k:
            continue
        if child.i != k or child.dep_ != "prep" or child.lower_ not in EXTENDING_PREPOSITIONS or len(ends) == 2:
            break
        e = _phrase_end(doc, child, types)
        if e is None:
            break
        k = e
        ends.append(k)
    return ends


def written_spans(doc: Doc, start: int, end: int, types: Dict[int, str]) -> List[Tuple[int, int]]:
    """The longer spans that write out the event mentioned at ``doc[start:end]``: with its
    modifiers before, with its phrase after, and with both (each distinct, none equal to
    the mention)."""
    root = doc[start:end].root
    left = _left_start(doc, root, start)
    out = []
    for e in [end] + _right_ends(doc, root, end, types):
        for s in (start, left):
            if (s, e) != (start, end) and (s, e) not in out:
                out.append((s, e))
    return out


def _edition_word(tok: Token) -> bool:
    """An edition word that opens an event's name: a year, an ordinal ("15th", "Ninth") or
    "annual"."""
    text = tok.text
    return (len(text) == 4 and text.isdigit()) or bool(_ORDINAL.match(text)) or bool(WORD_ORDINAL.match(text)) \
        or tok.lower_ in EDITION_WORDS


def shorter_span(doc: Doc, start: int, end: int) -> Optional[Tuple[int, int]]:
    """The event's name without the edition words it opens with ("the 15th BRICS summit" ->
    "BRICS summit", "the Ninth Summit of the Americas" -> "Summit of the Americas", "the
    2022 FIFA World Cup" -> "FIFA World Cup"), when a capitalised word still names it; None
    otherwise ("the 2024 presidential election" keeps its year: nothing else names it)."""
    s = start
    while s < end - 1 and _edition_word(doc[s]):
        s += 1
    if s == start or end - s < 2 or doc[s].is_punct or not any(t.text[:1].isupper() for t in doc[s:end]):
        return None
    return s, end


def add_written_forms(doc: Doc, entities: Iterable[Dict]) -> None:
    """Give each EVENT record of ``entities`` its written-out forms as ``NAME`` mentions."""
    entities = list(entities)
    types: Dict[int, str] = {}
    for ent in entities:
        for m in ent["mentions"]:
            if "start" in m:
                for i in range(m["start"], m["end"]):
                    types.setdefault(i, ent["type"])
    # a shorter form that two events would share, or that another event is written as, names
    # neither ("the 2019 Gulf Cup" and "the 2031 Gulf Cup": "the Gulf Cup" is not both)
    short_of: Dict[str, set] = {}
    for n, ent in enumerate(entities):
        if ent["type"] != "EVENT":
            continue
        for m in ent["mentions"]:
            short_of.setdefault(m["text"].lower(), set()).add(n)
            short = shorter_span(doc, m["start"], m["end"]) if "start" in m and m["kind"] in ("NAME", "DESCRIPTION") else None
            if short:
                short_of.setdefault(span_chars(doc, *short)[0].lower(), set()).add(n)
    for n, ent in enumerate(entities):
        if ent["type"] != "EVENT":
            continue
        have = {(m.get("start"), m.get("end")) for m in ent["mentions"]}
        extra = []
        for m in ent["mentions"]:
            if m["kind"] not in ("NAME", "DESCRIPTION") or "start" not in m:
                continue
            short = shorter_span(doc, m["start"], m["end"])
            if short and short_of.get(span_chars(doc, *short)[0].lower(), set()) - {n}:
                short = None
            for s, e in written_spans(doc, m["start"], m["end"], types) + ([short] if short else []):
                if (s, e) in have:
                    continue
                have.add((s, e))
                text, start_char, end_char = span_chars(doc, s, e)
                extra.append({"text": text, "start_char": start_char, "end_char": end_char,
                              "start": s, "end": e, "kind": "NAME", "sentence": m["sentence"]})
        if extra:
            ent["mentions"] = sorted(ent["mentions"] + extra, key=lambda mm: (mm.get("start", 0), mm.get("end", 0)))
