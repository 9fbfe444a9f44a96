"""Bodies named by the people and the writing that belong to them.

The small English model often types a company, an outlet or an armed group a place ("Gazprom"
as GPE, "the M23 rebels") or a person ("director of Sahel Watch"), or misses it ("Rosatom chief
Alexei Likhachev"). :func:`bodies_before_roles` finds such a name by how the text uses it
(word lists in ``organisations_heads.yaml``):

- a name right before a noun for a body's officer (``body_role_nouns``: spokesman, chief, CEO,
  chairman …) that a person's name follows: "Gazprom spokesman X", "Rosatom chief X";
- a name after "<officer noun> of": "X, director of Sahel Watch";
- a name right before a noun for a group's members (``group_member_nouns``: rebels, fighters,
  commanders …): "the M23 rebels", "two ADF commanders";
- a name after "in" with a verb of writing (``outlet_verbs``): "reports in Harbor Ledger".

The model's span is relabelled ORGANISATION (and every other model place or person with the
same text: one sense per text); a span the model missed is added where a person follows the
officer noun, or where the name before a member noun is an acronym or holds a digit.

Not: a name any place list or the gazetteer knows ("Kremlin spokesman X" keeps the gazetteer's
body, "Moscow mayor X" is no role of this list, "Syrian rebels", "wrote in Geneva"), a common
English word ("Army chief X"), or a word in lower case. Extend by adding words to the lists.
"""
from __future__ import annotations

from typing import Callable, Dict, Iterable, List

from spacy.tokens import Doc

from ..gazetteer import read_data
from ._lookup import positions_in, span_text

_HEADS = read_data("organisations_heads.yaml")
BODY_ROLE_NOUNS = frozenset(_HEADS.get("body_role_nouns", ()))
GROUP_MEMBER_NOUNS = frozenset(_HEADS.get("group_member_nouns", ()))
OUTLET_VERBS = frozenset(_HEADS.get("outlet_verbs", ()))


def _used_as_body(doc: Doc, start: int, end: int) -> bool:
    """The name ``doc[start:end]`` is followed by a member noun ("the M23 rebels"), follows
    "<officer noun> of" ("director of Sahel Watch"), or follows "in" after a verb of writing
    ("reports in Harbor Ledger")."""
    if end < len(doc) and doc[end].lower_ in GROUP_MEMBER_NOUNS:
        return True
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in BODY_ROLE_NOUNS:
        return True
    return start >= 1 and doc[start - 1].lower_ == "in" and doc[start - 1].head.lemma_ in OUTLET_VERBS


def _role_then_person(doc: Doc, end: int, person_starts: set) -> bool:
    """``doc[end]`` is an officer noun and a person's name starts right after it."""
    return end + 1 < len(doc) and doc[end].lower_ in BODY_ROLE_NOUNS and (end + 1) in person_starts


def bodies_before_roles(doc: Doc, model: List[Dict], people: Iterable[Dict], taken: Iterable[int],
                        unknown: Callable[[str], bool], common_words: frozenset) -> List[Dict]:
    """Relabel in place the model spans that name a body by its officer, and return the new
    ORGANISATION candidates for the names the model missed.

    ``model``: the model's candidates (dicts with start, end, label, name); ``people``: the
    known people's candidates, whose names may follow the officer noun too; ``taken``: token
    positions any candidate (gazetteer, known person, model) covers; ``unknown(text)``: the
    text is no place and no gazetteer name; ``common_words``: lower-case English words."""
    person_starts = {c["start"] for c in list(model) + list(people) if c["label"] == "PERSON"}
    bodies = set()
    for c in model:
        if c["label"] in ("LOCATION", "PERSON") and (_role_then_person(doc, c["end"], person_starts)
                                                     or _used_as_body(doc, c["start"], c["end"])) \
                and all(t.is_title or t.is_upper or t.like_num or not t.is_alpha for t in doc[c["start"]:c["end"]]) \
                and unknown(c["name"]) and c["name"].lower() not in common_words:
            bodies.add(c["name"])
    for c in model:
        if c["name"] in bodies and c["label"] in ("LOCATION", "PERSON"):
            c["label"] = "ORGANISATION"
    taken = set(taken)
    found = []
    for i in positions_in(doc, GROUP_MEMBER_NOUNS):
        if i < 1:
            continue
        tok = doc[i - 1]  # "two ADF commanders", "the M23 rebels" where the model found nothing
        if tok.i not in taken and len(tok) > 1 \
                and (tok.is_upper and tok.is_alpha or any(ch.isdigit() for ch in tok.text) and tok.text[:1].isupper()) \
                and unknown(tok.text):
            found.append({"start": i - 1, "end": i, "label": "ORGANISATION", "key": None, "name": tok.text,
                          "kind": "NAME", "attrs": {}, "source": "parse"})
    for start in sorted(person_starts):
        role = start - 1
        end = role
        begin = end
        while begin > 0 and doc[begin - 1].pos_ in ("PROPN", "NOUN") and (doc[begin - 1].is_title or doc[begin - 1].is_upper) \
                and doc[begin - 1].i not in taken and doc[begin - 1].is_alpha:
            begin -= 1
        if begin == end or doc[role].lower_ not in BODY_ROLE_NOUNS:
            continue
        name = span_text(doc, begin, end)
        if not unknown(name) or any(t.lower_ in common_words for t in doc[begin:end]):
            continue
        found.append({"start": begin, "end": end, "label": "ORGANISATION", "key": None, "name": name,
                      "kind": "NAME", "attrs": {}, "source": "parse"})
    return found
