"""Named parts of an event and prize ceremonies (data: ``relext/data/events.yaml``).

A part of an event with a name of its own is an EVENT of its own (guidelines): "the
summit's closing press conference", "the closing press conference of the summit". It is
one only when the wording ties it to an event — a possessive event noun before it or an
"of" after it; "Biden's closing press conference" is no event. A prize or award ceremony
("the Nobel Peace Prize ceremony") is an event in itself, not a part of another event.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from .argument_words import EVENT_NOUNS

_PRIZE = re.compile(r"\b(?:prizes?|awards?|nobel)\b")
PART_FAMILY = "event_part"


def is_prize_ceremony(low: str) -> bool:
    """A prize or award ceremony names an event of its own."""
    return "ceremony" in low and bool(_PRIZE.search(low))


def tied_to_event(doc: Doc, start: int, end: int) -> bool:
    """The part is an event's: "the forum's closing press conference" or "... of the summit"."""
    if start >= 2 and doc[start - 1].text in ("'s", "’s", "'") and doc[start - 2].lower_ in EVENT_NOUNS:
        return True
    return end < len(doc) and doc[end].lower_ == "of"


def part_words(low: str) -> str:
    """The part's own words: "closing press conference" -> "closing-press-conference",
    "the opening match" -> "opening-match"."""
    m = re.search(r"\b(opening|closing)\s+(?:(press|news)\s+conference|match|game|fixture|bout)\b", low)
    return "-".join(m.group(0).split()) if m else ""


def merge_prize_ceremonies(out: dict) -> None:
    """One prize's ceremony under a short and a long name in one text ("the Nobel
    ceremony", "the 2010 Nobel Peace Prize ceremony") is one event: a ceremony whose
    naming words are all in a longer one's takes the longer one's key and name."""
    def words(name: str) -> set:
        return {w for w in re.findall(r"[a-z]+", name.lower())
                if w not in ("the", "ceremony", "prize", "prizes", "award", "awards", "giving", "awarding")}
    prize = {k: v for k, v in out.items() if is_prize_ceremony(v[1].lower())}
    for k, (key, name, attrs) in prize.items():
        mine = words(name)
        longer = [v for v in prize.values() if v[0] != key and mine and mine < words(v[1])]
        if longer:
            best = max(longer, key=lambda v: len(words(v[1])))
            out[k] = (best[0], best[1], attrs)


# a sporting event lasts for weeks: a guest at its opening ceremony is no guest of the Games
_SPORTS = re.compile(r"\b(?:olympics?|paralympics?|games|cup|championships?|tournament|league|grand prix|"
                     r"marathon|open|world series|super bowl)\b")


def whole_of_part(index, part_id: str):
    """The gathering a named part belongs to ("closing press conference of the Lima
    Summit" → the summit), else ``None``: being at a summit's press conference is being at
    the summit; a part of a sporting event (the Games' opening ceremony) stands alone."""
    wholes = [e for e, t in index.types.items()
              if t == "EVENT" and e != part_id and part_id.startswith(e + "-")]
    if not wholes:
        return None
    whole = max(wholes, key=len)
    if _SPORTS.search(index.names.get(whole, "").lower()):
        return None
    return whole


def attend_wholes(records, index):
    """A positive ATTENDS of a gathering's named part gives an ATTENDS of the gathering."""
    out = []
    for r in records:
        if r["predicate"] != "ATTENDS" or r["negated"]:
            continue
        whole = whole_of_part(index, r["object"])
        if whole and whole != r["subject"]:
            out.append({**r, "object": whole, "evidence": {**r["evidence"], "rule": "ATTENDS:part-of-gathering"}})
    return out
