"""A body whose meetings bear its name, used for the meeting: "heading to the G20 in
India", "skipped this year's G7", "at the G-20 being hosted in Rio".

Some bodies exist mostly as their summits (the G7, the G20, APEC, BRICS: ``meets: true``
in ``relext/data/organisations.yaml``), and news writes the body's name for its meeting.
Where the wording treats the name as an occasion, it is the EVENT (the body's summit),
not the ORGANISATION:

- a time before it ("this year's G20", "last week's G7", "the 2023 G20");
- a place or a date of holding after it ("the G7 in Hiroshima", "the G-7 under way in
  Hiroshima", "the G20 hosted by India", "the G20 next week");
- a verb of attending or missing it ("attend", "skip", "miss", "host", "snub", "boycott");
- travel or presence ("heading to the G20", "at the G7", "during the G20", "ahead of the
  G20", "on the sidelines of the G7");
- a list with a summit ("next year's G7 and COP30 summits").

Near misses stay the body: "the G20 warned", "join the G20", "a member of the G7",
"G7 leaders", "the G20's presidency".
"""
from __future__ import annotations

from typing import Dict, Optional

from spacy.tokens import Doc, Token
from ..gazetteer import read_data

# word lists: relext/data/words/meeting_bodies.yaml
_WORDS = read_data("words/meeting_bodies.yaml")

ATTEND_VERBS = frozenset(_WORDS["attend_verbs"])
TRAVEL_HEADS = frozenset(_WORDS["travel_heads"])
OCCASION_PREPS = frozenset(_WORDS["occasion_preps"])
OCCASION_OF = frozenset(_WORDS["occasion_of"])
TIME_WORDS = frozenset(_WORDS["time_words"])
HOLDING = frozenset(_WORDS["holding"])
EVENT_HEADS = frozenset(_WORDS["event_heads"])


def meets_as_event(doc: Doc, start: int, end: int) -> bool:
    """Whether the body named by ``doc[start:end]`` stands for its meeting there."""
    span = doc[start:end]
    root = span.root
    if end < len(doc) and (doc[end].lower_ in ("'s", "’s") or doc[end].pos_ in ("NOUN", "PROPN") and root.dep_ == "compound"):
        return False  # "the G20's presidency", "G7 leaders", "the G20 summit" (named by its head)
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ == "the" and start > 1:
        before = doc[start - 2]
    if before is not None and (before.shape_ == "dddd" or before.lower_ in ("'s", "’s") and start >= 2
                               and _time_word(doc[before.i - 1])):
        return True  # "the 2023 G20", "this year's G20"
    if _held_after(doc, end):
        return True
    if root.dep_ == "conj":
        first = root
        while first.dep_ == "conj":
            first = first.head
        # "next year's G7 and COP30 summits", "neither the Mercosur summit nor the G7"
        if first.lower_ in EVENT_HEADS or first.head.lower_ in EVENT_HEADS and first.head.i > end:
            return True
        return _occasion_governor(first)
    return _occasion_governor(root)


def _time_word(tok: Token) -> bool:
    return tok.lower_ in TIME_WORDS or tok.lower_ in ("sunday", "monday", "tuesday", "wednesday", "thursday",
                                                       "friday", "saturday") or tok.ent_type_ == "DATE"


def _held_after(doc: Doc, end: int) -> bool:
    """"the G7 in Hiroshima", "the G-7 under way in Apulia", "the G20 hosted by India",
    "the G20 next week"."""
    i = end
    while i < len(doc) and doc[i].lower_ in ("being", "to", "be", "which", "that", "is", "was", ","):
        i += 1
    if i < len(doc) and doc[i].lemma_.lower() in HOLDING and doc[i].tag_ in ("VBN", "VBG", "JJ") \
            and not any(c.dep_ == "prt" for c in doc[i].children):
        return True  # a body founded ("was set up in 1999"), not a meeting held
    if end + 1 < len(doc) and doc[end].lower_ == "in" and doc[end + 1].ent_type_ in ("LOCATION", "COUNTRY", "GPE", "LOC"):
        return True
    if end < len(doc) and doc[end].ent_type_ == "DATE" and doc[end].lower_ in ("next", "last", "this"):
        return True
    return False


def _occasion_governor(root: Token) -> bool:
    """A verb of attending, or a preposition of travel or presence, governing the name."""
    head = root.head
    if root.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in ATTEND_VERBS:
        return True
    if root.dep_ != "pobj":
        return False
    prep = head.lower_
    gov: Optional[Token] = head.head if head.head.i != head.i else None
    if prep in OCCASION_PREPS:
        return not (prep == "at" and gov is not None and gov.lemma_.lower() in ("aim", "direct", "look", "laugh", "point"))
    if prep == "to" and gov is not None:
        return gov.lemma_.lower() in TRAVEL_HEADS
    if prep == "for" and gov is not None:
        return gov.lemma_.lower() in TRAVEL_HEADS or gov.lower_ in ("arrival", "preparations", "preparation")
    if prep == "of" and gov is not None:
        return gov.lower_ in OCCASION_OF
    return False


def retype_meeting(doc: Doc, m: Dict) -> None:
    """Turn an ORGANISATION mention of a ``meets`` body into its meeting where the wording
    makes it an occasion (see the module's documentation)."""
    if m["label"] != "ORGANISATION" or not m["attrs"].get("meets"):
        return
    if meets_as_event(doc, m["start"], m["end"]):
        m.update(label="EVENT", key=None, attrs={"family": "summit", "meeting_of": m["key"]})
