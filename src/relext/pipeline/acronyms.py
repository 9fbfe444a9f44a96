"""Acronyms for :mod:`relext.pipeline.entities`: an all-caps organisation name repeated
through a text, and long forms in brackets whose initials spell it.
"""
from __future__ import annotations

from typing import Dict, Iterable, List, Tuple

from spacy.attrs import ORTH
from spacy.tokens import Doc

from ._lookup import positions_of


def _repeat_acronyms(doc: Doc, mentions: List[Dict]) -> List[Dict]:
    """One sense per text: an all-caps organisation name found once ("ECCAS") is that
    organisation wherever else the text writes it and no other mention covers it."""
    acronyms = {doc[m["start"]].text: m for m in mentions if m["label"] == "ORGANISATION" and m["end"] - m["start"] == 1
                and doc[m["start"]].is_upper and doc[m["start"]].is_alpha and len(doc[m["start"]]) >= 3}
    if not acronyms:
        return mentions
    covered = {i for m in mentions for i in range(m["start"], m["end"])}
    where = positions_of(doc, ORTH, {doc.vocab.strings[a] for a in acronyms})
    extra = [dict(acronyms[doc[i].text], start=i, end=i + 1, source="repeat") for i in where if i not in covered]
    return sorted(mentions + extra, key=lambda m: m["start"]) if extra else mentions


def _initials_of(words: List[str]) -> Tuple[str, str]:
    """Initials of a name with and without its short words ("of", "the" ...)."""
    allw = "".join(w[0] for w in words if w[:1].isalpha()).upper()
    content = "".join(w[0] for w in words if w[:1].isalpha() and w.lower() not in ("of", "the", "and", "for", "on", "in")).upper()
    return allw, content


def _bracketed_long_forms(doc: Doc, cands: List[Dict], marks: Iterable[int]) -> List[Dict]:
    """"SADC (Southern African Development Community)": the words in brackets after an
    all-caps word, when their initials spell it, are an organisation's full name, and the
    acronym is that organisation (with the key of ``cands``' match for it, if any).
    Near miss: "NATO (the alliance)" or "UN (in New York)" spell nothing."""
    out = []
    known = {c["start"]: c for c in cands if c["label"] == "ORGANISATION" and c["end"] - c["start"] == 1}
    for m in marks:
        t = doc[m]
        if t.text != "(" or t.i == 0 or not doc[t.i - 1].is_upper or not doc[t.i - 1].is_alpha or len(doc[t.i - 1]) < 3:
            continue
        c = known.get(t.i - 1) or {"start": t.i - 1, "end": t.i, "key": None, "attrs": {}}
        i = c["end"]
        if i >= len(doc) or doc[i].text != "(":
            continue
        close = next((j for j in range(i + 1, min(len(doc), i + 12)) if doc[j].text == ")"), None)
        if close is None or close - i < 3:
            continue
        words = [t.text for t in doc[i + 1:close] if not t.is_punct]
        if doc[c["start"]].text in _initials_of(words) and doc[i + 1].text[:1].isupper():
            if c["start"] not in known:  # the acronym itself, where the model missed it
                out.append({"start": c["start"], "end": c["end"], "label": "ORGANISATION", "key": None,
                            "name": doc[c["start"]].text, "kind": "NAME", "attrs": {}, "source": "acronym"})
            out.append({"start": i + 1, "end": close, "label": "ORGANISATION", "key": c["key"],
                        "name": doc[i + 1:close].text, "kind": "NAME", "attrs": dict(c["attrs"]), "source": "acronym"})
    return out



def _acronym_named_bodies(doc: Doc, cands: List[Dict]) -> List[Dict]:
    """"the Ogaden National Liberation Front (ONLF)": a name of three or more words followed
    by an all-caps acronym in brackets that its initials spell is a body, even where the
    model typed it PERSON or LOCATION (people and places have no acronyms; the label is
    changed in place); returns the acronyms themselves as organisation mentions."""
    out = []
    for c in cands:
        s, e = c["start"], c["end"]
        if c["label"] not in ("PERSON", "LOCATION", "ORGANISATION") or e - s < 3 or e + 2 >= len(doc):
            continue
        if doc[e].text != "(" or doc[e + 2].text != ")" or not doc[e + 1].is_upper or not doc[e + 1].is_alpha \
                or len(doc[e + 1]) < 3:
            continue
        if doc[e + 1].text in _initials_of([t.text for t in doc[s:e] if not t.is_punct]):
            c["label"] = "ORGANISATION"
            out.append({"start": e + 1, "end": e + 2, "label": "ORGANISATION", "key": c.get("key"),
                        "name": doc[e + 1].text, "kind": "NAME", "attrs": {}, "source": "acronym"})
    return out
