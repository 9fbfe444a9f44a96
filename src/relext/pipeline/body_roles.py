"""Bodies named by the officer that speaks for them: "Gazprom spokesman X", "Rosatom chief X".

A name right before a noun for a body's officer (``body_role_nouns`` in
``organisations_heads.yaml``: spokesman, chief, CEO, chairman …) that is itself followed by a
person's name is the body that officer belongs to. The small English model often types such a
company or agency a place ("Gazprom" as GPE) or misses it ("Rosatom chief Alexei Likhachev").
:func:`bodies_before_roles` relabels the model's span (and every other model span with the same
text: one sense per text) and adds the span the model missed.

Not: a name any place list or the gazetteer knows ("Kremlin spokesman X" keeps the gazetteer's
body, "Moscow mayor X" is no role of this list), a common English word ("Army chief X"), a
word in lower case, or a name with no person after the role noun. Extend by adding nouns to
``body_role_nouns``.
"""
from __future__ import annotations

from typing import Callable, Dict, Iterable, List

from spacy.tokens import Doc

from ..gazetteer import read_data
from ._lookup import span_text

BODY_ROLE_NOUNS = frozenset(read_data("organisations_heads.yaml").get("body_role_nouns", ()))


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
    if not person_starts:
        return []
    bodies = set()
    for c in model:
        if c["label"] in ("LOCATION", "PERSON") and _role_then_person(doc, c["end"], person_starts) \
                and all(t.is_title or t.is_upper for t in doc[c["start"]:c["end"]]) and unknown(c["name"]) \
                and c["name"].lower() not in common_words:
            bodies.add(c["name"])
    for c in model:
        if c["name"] in bodies and c["label"] in ("LOCATION", "PERSON"):
            c["label"] = "ORGANISATION"
    taken = set(taken)
    found = []
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
