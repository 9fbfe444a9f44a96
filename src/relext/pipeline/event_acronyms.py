"""Short names of events for :mod:`relext.pipeline.entities`.

- An acronym in brackets right after a named event is that event ("the African Nations
  Championship (CHAN)", "the UN Climate Change Conference (COP28)": a numbered series name
  only there), and so are words before brackets whose initials spell the acronym
  and that end in an event's head word ("the Pacific Islands leaders meeting
  (PILM)": the words become the event's name too).
- A series name without its number is the numbered edition the text names ("COP" after
  "COP28").
- Such a short name elsewhere in the text is the same event, where no other name covers it
  or only the model's one-word person or organisation does ("Chogm" typed PERSON).

Each short-name mention carries ``attrs["long_start"]``/``attrs["long_end"]``, the token
span of the event's long name, and takes its key (:mod:`relext.pipeline.events`).
Near misses: "(AFP)" after a headline, "(2022)", and brackets after a non-event.
"""
from __future__ import annotations

import re
from typing import Dict, Iterable, List, Optional, Tuple

from spacy.tokens import Doc

from ._lookup import positions_of_words

NUMBERED = re.compile(r"^([A-Z][A-Za-z]{1,9})-?(\d{1,3})$")


def _short_form(text: str) -> bool:
    return text.isalpha() and 3 <= len(text) <= 8 and text[0].isupper() and (text.isupper() or text[1:].islower())


def _spelt_by(doc: Doc, close_start: int, acronym: str, heads: Iterable[str]) -> Optional[int]:
    """Start of the words before ``close_start`` (the "(") whose initials, short words
    included, spell ``acronym`` and whose last word is an event head; else None."""
    end = close_start
    if end == 0 or doc[end - 1].lower_ not in heads:
        return None
    want = acronym.upper()
    start = end - len(want)
    if start < 0:
        return None
    words = doc[start:end]
    if any(not t.is_alpha for t in words) or "".join(t.text[0] for t in words).upper() != want:
        return None
    return start if words[0].is_title else None


def _spells_tail(doc: Doc, span: Tuple[int, int], acronym: str) -> bool:
    """The initials of the last words of ``span`` (after "of"/"the" ...) spell ``acronym``."""
    words = [t for t in doc[span[0]:span[1]] if t.is_alpha]
    want = acronym.upper()
    for k in range(1, len(words)):
        tail = [t for t in words[k:] if t.lower_ not in ("of", "the", "and", "for")]
        if tail and "".join(t.text[0] for t in tail).upper() == want or \
                "".join(t.text[0] for t in words[k:]).upper() == want:
            return True
    return False


def event_acronyms(doc: Doc, mentions: List[Dict], heads: Iterable[str]) -> List[Dict]:
    """``mentions`` with the short names of events added (see the module docstring)."""
    events = {(m["start"], m["end"]): m for m in mentions if m["label"] == "EVENT"}
    at = {}
    for m in mentions:
        for i in range(m["start"], m["end"]):
            at[i] = m
    short: Dict[str, Tuple[int, int]] = {}  # short name -> long name's span
    new: List[Dict] = []
    for i in positions_of_words(doc, ["("]):  # the brackets, not every token
        if not 1 <= i < len(doc) - 2 or doc[i].text != "(" or doc[i + 2].text != ")":
            continue
        acronym = doc[i + 1].text
        if not _short_form(acronym) and not (NUMBERED.match(acronym) and any(e == i for (_, e) in events)):
            continue  # "(COP28)" only right after a named event: "the UN Climate Change Conference (COP28)"
        if i + 1 in at and at[i + 1]["source"] == "gazetteer":
            continue  # "(NAM)", "(AU)": a body's known acronym
        long = next(((s, e) for (s, e) in events if e == i), None)
        if long is not None and _spells_tail(doc, long, acronym):
            continue  # "the 7th summit of the Organisation of Turkic States (OTS)": the body's acronym
        if long is None:
            start = _spelt_by(doc, i, acronym, heads)
            if start is None or any(j in at and (at[j]["label"] in ("PERSON", "EVENT") or at[j]["start"] <= start
                                                 and at[j]["end"] >= i) for j in range(start, i)):
                continue  # "the International Energy Forum (IEF)": a body's whole name
            long = (start, i)
            new.append({"start": start, "end": i, "label": "EVENT", "key": None, "name": doc[start:i].text,
                        "kind": "NAME", "attrs": {"family": "summit"}, "source": "acronym"})
        short.setdefault(acronym, long)
    for (s, e), m in events.items():  # "COP28" names the series "COP"
        hit = NUMBERED.match(doc[s].text) if e - s == 1 else None
        if hit and hit.group(1).isupper():
            short.setdefault(hit.group(1), (s, e))
    if not short:
        return mentions
    for i, t in enumerate(doc):
        long = short.get(t.text)
        if long is None or long[0] <= i < long[1]:
            continue
        m = at.get(i)
        if m is not None and not (m["end"] - m["start"] == 1 and m["label"] in ("PERSON", "ORGANISATION")
                                  and m["source"] in ("model", "acronym", "repeat")) \
                and not (m["end"] - m["start"] == 1 and m["label"] == "EVENT" and m["source"] == "pattern"):
            continue  # a numbered series name ("COP28") matched on its own is the long name's short one
        new.append({"start": i, "end": i + 1, "label": "EVENT", "key": None, "name": t.text, "kind": "NAME",
                    "attrs": {"long_start": long[0], "long_end": long[1]}, "source": "acronym"})
    if not new:
        return mentions
    taken = {i for m in new for i in range(m["start"], m["end"])}
    kept = [m for m in mentions if not taken & set(range(m["start"], m["end"]))]
    return sorted(kept + new, key=lambda m: m["start"])
