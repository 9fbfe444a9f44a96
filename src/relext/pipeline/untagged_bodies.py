"""Bodies' names the statistical model leaves untagged.

A run of capitalised name words ending in a body's head noun ("the Riverside Policy
Center", "the Coastal Fisheries Federation"), or a capitalised head continued by "of",
"for" or "on" and a capitalised name ("the Subcommittee on Water Rights", "a Center for a
New Maritime Order analyst"), is an ORGANISATION when no other candidate covers any of
its words. The heads are ``untagged_heads`` in ``organisations_heads.yaml``.

Near misses left alone: a head alone ("the Council said"), a head in a lower-case phrase
("a fisheries federation"), words another candidate already holds, and lines written in
title case (headlines), where capitals say nothing about names.

:func:`whole_person_name` mends the like for people: a person's name the model cut inside
one run of compound proper nouns ("Aung Thein" of "Aung Thein Suu Myint").
"""
from __future__ import annotations

from typing import Callable, Iterable, List, Set, Tuple

from spacy.tokens import Doc, Token
from ..gazetteer import read_data
from ._lookup import positions_in

# word lists: relext/data/words/untagged_bodies.yaml
_WORDS = read_data("words/untagged_bodies.yaml")

LINKS = tuple(_WORDS["links"])
ARTICLES = tuple(_WORDS["articles"])


def _name_word(tok: Token) -> bool:
    return tok.is_alpha and tok.pos_ in ("PROPN", "ADJ", "NOUN") and (tok.is_title or tok.is_upper and len(tok) > 1)


def _title_case_sentence(tok: Token, start: int, end: int) -> bool:
    """The sentence has no lower-case word of four letters or more outside the name (a headline)."""
    return not any(t.is_alpha and t.is_lower and len(t) > 3 for t in tok.sent if not start <= t.i < end)


def untagged_bodies(doc: Doc, taken: Set[int], heads: Iterable[str], blocked: Callable[[str], bool],
                    short_forms: Iterable[Tuple[int, int]] = ()) -> List[Tuple[int, int]]:
    """``(start, end)`` token spans of organisations named around a head noun that no
    candidate covers; ``taken`` are the tokens of the candidates so far, ``blocked`` says
    whether a text must not be part of a name (a common word, say), ``short_forms`` are the
    spans of organisations found so far."""
    heads = frozenset(heads)
    short_forms = list(short_forms)
    out: List[Tuple[int, int]] = []
    last_end = 0
    for i in positions_in(doc, heads):  # (only a head noun can start one)
        tok = doc[i]
        if i < last_end or i in taken or not tok.is_title or tok.pos_ not in ("PROPN", "NOUN"):
            continue
        start = i
        while start > last_end and start - 1 not in taken and _name_word(doc[start - 1]) \
                and doc[start - 1].lower_ not in heads and not blocked(doc[start - 1].text):
            start -= 1
        end = i + 1
        if end + 1 < len(doc) and doc[end].lower_ in LINKS:
            j = end + 1
            if doc[j].lower_ in ARTICLES and j + 1 < len(doc):
                j += 1
            k = j
            while k < len(doc) and k not in taken and _name_word(doc[k]) and doc[k].lower_ not in heads:
                k += 1
            if k > j and not (k < len(doc) and (k in taken or doc[k].text[:1].isupper())):
                end = k  # "Subcommittee on Water Rights", "Center for a New Maritime Order"
            elif k == j and k < len(doc) and k in taken:
                continue  # "the Judo Federation of <state>": the model's and the state rules' call
        if end - start < 2 or sum(1 for t in doc[start:end] if t.text[:1].isupper()) < 2:
            continue  # a head alone names nothing
        if _title_case_sentence(tok, start, end):
            continue
        if any(doc[s].text == doc[start].text and doc[e - 1].lower_ == tok.lower_ for s, e in short_forms):
            continue  # "the Nobel committee" found already: the long name would split one body in two
        out.append((start, end))
        last_end = end
    return out


def _opens_line(doc: Doc, i: int) -> bool:
    return i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_


def _menu_run(doc: Doc, i: int, blocked: Callable[[str], bool]) -> bool:
    """Token ``i`` opens its line, or the capitalised words before it run back to the start
    of its line and one of them is no title ("Home Updates" of "Home Updates <name> told
    ..."): a menu or headline line, where capitals say nothing about where a name starts."""
    j, plain = i, False
    while not _opens_line(doc, j):
        prev = doc[j - 1]
        if not prev.text[:1].isupper():
            return False  # "... chaired by Mayor Ana": prose before the run
        plain = plain or not blocked(prev.text)
        j -= 1
    return plain or j == i  # "Mayor Ana ..." opening a line: only a title before the name


def whole_person_name(doc: Doc, start: int, end: int, blocked: Callable[[str], bool],
                      common: Callable[[str], bool] = lambda w: False) -> Tuple[int, int]:
    """A person's name the model cut inside one run of proper nouns joined as compounds
    ("Ana Maria" of "Ana Maria Lu Sen", "Kambu" of "Rodi Kambu"): the capitalised proper
    nouns next to it that the parse ties to the name join it. A word the model tagged as
    another entity, a title and a ``blocked`` word (a known name) stay out, and so does a
    word on the left in a menu line (:func:`_menu_run`) or a ``common`` word before another
    ("First" of "First Lady Rosalynn Carter")."""
    def joinable(tok: Token) -> bool:
        return tok.tag_ == "NNP" and tok.is_title and tok.is_alpha and not tok.ent_type_ and not blocked(tok.text)
    while end < len(doc) and joinable(doc[end]) and (doc[end - 1].dep_ == "compound" and doc[end - 1].head.i >= end):
        end += 1  # "Aung San" + "Suu Kyi"
    while start > 0 and joinable(doc[start - 1]) and doc[start - 1].dep_ == "compound" \
            and start <= doc[start - 1].head.i < end and not doc[start - 1].is_sent_start \
            and not (common(doc[start - 1].text) and common(doc[start].text)) \
            and not _menu_run(doc, start - 1, blocked):
        start -= 1  # "Admore" + "Kambudzi"; "Mayor Ana" + "Maria Lu Sen"
    return start, end
