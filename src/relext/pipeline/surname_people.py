"""People the model types as bodies, recognised by their surname used alone elsewhere in
the text: "Maia Sandu accused Moscow ... Sandu told reporters", "Kassym-Jomart Tokayev
hosted the summit ... Tokayev said" (news names a person in full once, then by surname;
a body is not named by the last word of its name alone).

A model ORGANISATION of two to four capitalised words (particles and joining hyphens
allowed) holding no word of a body, site or institution, not after "the", whose last word is
no English word, becomes a PERSON where that last word, on its own, is elsewhere the last
word of a PERSON mention or the subject of a verb of saying or of a person's doing.

Near misses: a name whose clause refers back to it as "its" or "it said" ("Goldman Sachs
raised its forecast ... Sachs said it expected"), "Lockheed Martin" ("Martin" is an English word), "the Carter Center" ("the",
and "Center" is a body's word), "Al Jazeera" (one word besides the particle), an acronym,
and a name whose last word never recurs alone.
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc

from .person_or_place import PERSON_SUBJECT_VERBS, _speaks_as_body, name_words


def _shaped(doc: Doc, m: Dict, common_words, blockers) -> bool:
    names = name_words(doc, m["start"], m["end"], blockers, most=4)
    return names is not None and names[-1].lower_ not in common_words \
        and not _speaks_as_body(doc[m["start"]:m["end"]].root)


def people_by_surname(doc: Doc, mentions: List[Dict], common_words, blockers) -> List[Dict]:
    """Relabel, in place, the model's ORGANISATION mentions that are people named again by
    surname (see the module); returns ``mentions``."""
    cands = [m for m in mentions if m["label"] == "ORGANISATION" and m.get("source") == "model" and not m.get("key")
             and _shaped(doc, m, common_words, blockers)]
    if not cands:
        return mentions
    person_ends = {doc[m["end"] - 1].text: (m["start"], m["end"]) for m in mentions if m["label"] == "PERSON"}
    others = {i for m in mentions if m["label"] != "PERSON" for i in range(m["start"], m["end"])}
    for m in cands:
        surname = doc[m["end"] - 1].text
        inside = range(m["start"], m["end"])
        span = person_ends.get(surname)
        alone = span is not None and not (set(range(*span)) & set(inside))
        if not alone:
            before = doc[m["end"] - 2].text
            for t in doc:
                if t.text == surname and t.i not in inside and t.i not in others \
                        and not (t.i > 0 and doc[t.i - 1].text == before) \
                        and t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_ in PERSON_SUBJECT_VERBS \
                        and not _speaks_as_body(t):
                    alone = True
                    break
        if alone:
            m["label"] = "PERSON"
    return mentions
