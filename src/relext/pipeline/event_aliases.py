"""Second names of one event in a text: a shorter name and the body's summit held at a place.

A news passage often names its event twice: in full and in short ("the African Nations
Championship" / "the African championship"), or once by the body that holds it and once
by the place ("the G8 summit ... scheduled for Sochi" / "the Sochi summit"). Both are one
EVENT (guidelines: variants of one entity are one entity). Two rules, applied after the
edition and body keys of ``events.py``:

- *shorter name*: an event whose naming words are all in exactly one longer event name
  with the same head ("championship", "summit" ...) takes that event's key, when the
  longer name adds only capitalised words that name nothing else, places (cities,
  regions) or its edition number (an ordinal, a Roman numeral or an ordinal word: "the XVII
  Ibero-American Summit" / "the Ibero-American summit", "the Ninth Summit of the Americas";
  a year may name another edition). A longer name that adds a country, an
  organisation, an acronym, another number or a lower-case word is another event: "the
  EU-China summit" is not "the EU summit", "the BRICS sherpa meeting" not "the BRICS
  summit".
- *place of the body's summit*: a summit named by a place ("the Sochi summit") is the
  summit of the one body whose summit the same sentence places there
  ("the G8 summit that was planned for Genoa", "the G20 summit, held in Bali").
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, List, Optional, Set, Tuple

from spacy.tokens import Doc, Span
from ..gazetteer import read_data
from .named_heads import WORD_ORDINAL

# word lists: relext/data/words/event_aliases.yaml
_WORDS = read_data("words/event_aliases.yaml")

PLACE_PREPS = frozenset(_WORDS["place_preps"])
HEAD_FAMILIES = {"summit": "meeting", "meeting": "meeting", "conference": "meeting", "forum": "meeting",
                 "gathering": "meeting", "session": "meeting", "talks": "meeting",
                 "assembly": "meeting", "plenum": "meeting",
                 "championship": "championship", "championships": "championship", "tournament": "championship",
                 "cup": "cup", "expo": "expo", "exposition": "expo", "contest": "contest"}
EDITION = re.compile(r"^(?:\d+(?:st|nd|rd|th)|[IVXL]{2,6})$")  # a year may be another edition
_SKIP = frozenset(_WORDS["_skip"])


def _head(span: Span) -> Optional[str]:
    for t in reversed(span):
        fam = HEAD_FAMILIES.get(t.lower_)
        if fam:
            return fam
    return None


def _words(span: Span) -> Dict[str, object]:
    """Lower-case naming words of an event span, each with the token it comes from."""
    out = {}
    for t in span:
        if t.lower_ in _SKIP or t.is_punct or t.lower_ in HEAD_FAMILIES:
            continue
        if t.is_lower and t.pos_ in ("ADP", "CCONJ", "DET") and t.i > span.start:
            continue  # "the Summit on Peace in Ukraine": the joints of a capitalised name
        out[t.lower_] = t
    return out


def _demonyms(words: Dict[str, object]) -> Set[str]:
    """Words of a short name that say only whose country hosts it ("the Swiss peace
    summit"): a country's demonym."""
    return {w for w, t in words.items() if t.is_title and t.text in _demonym_words()}


@lru_cache(maxsize=1)
def _demonym_words() -> frozenset:
    from ..gazetteer import country_entries

    return frozenset(e["alias"] for e in country_entries() if e["kind"] == "DEMONYM")


def _adds_only_name_words(extra: List) -> bool:
    """Extra words of the longer name are capitalised words that name no state, body or
    person (cities and regions may be among them)."""
    states, bodies = _states_and_bodies()
    for t in extra:
        if EDITION.match(t.text) or t.is_title and WORD_ORDINAL.match(t.lower_):
            # "the XVII Ibero-American Summit", "the 14th ...", "the Ninth Summit of the
            # Americas": the edition the short name means
            continue
        if t.like_num or not t.is_title or t.is_upper and len(t) > 1 or any(c.isdigit() for c in t.text):
            return False
        if t.text in states or t.text in bodies or t.ent_type_ == "PERSON":
            return False
    return True


@lru_cache(maxsize=1)
def _states_and_bodies() -> Tuple[frozenset, frozenset]:
    from ..gazetteer import country_entries, organisation_entries

    return (frozenset(e["alias"] for e in country_entries()),
            frozenset(e["alias"] for e in organisation_entries()))


def _adds_only_owner(doc: Doc, k2: Tuple[int, int], extra: List) -> bool:
    """The longer name adds only its owner, a body named after "of" at its end: "the 61st
    General Assembly | of the Andean Parliament |" / "the 61st General Assembly"."""
    ofs = [t.i for t in doc[k2[0]:k2[1]] if t.lower_ == "of"]
    if not ofs or not extra:
        return False
    start = ofs[0] + 1 + (doc[ofs[0] + 1].lower_ == "the")
    if any(t.i < start for t in extra):
        return False
    return doc[start:k2[1]].text in _party_aliases() and \
        _party_aliases()[doc[start:k2[1]].text].startswith("organisation:")


def _with_place_tail(doc: Doc, span: Span) -> Span:
    """A capitalised name with the place written after it: "the Summit on Peace | in
    Ukraine |" (the place is one of its naming words, "the Ukraine summit")."""
    end = span.end
    if not span[-1].is_title or span[-1].lower_ not in HEAD_FAMILIES and span[0].is_lower \
            or end + 1 >= len(doc) or doc[end].lower_ != "in":
        return span
    j = end + 1
    while j < len(doc) and doc[j].is_title and doc[j].pos_ == "PROPN":
        j += 1
    return doc[span.start:j] if j > end + 1 else span


def merge_shorter_names(doc: Doc, events: List[Dict], out: Dict) -> None:
    """A short event name takes the key of the one longer name of the same event."""
    spans = {}
    for m in events:
        k = (m["start"], m["end"])
        if k not in out or out[k][2].get("part_of"):
            continue
        span = doc[m["start"]:m["end"]]
        head = _head(span)
        if head:
            spans[k] = (head, _words(_with_place_tail(doc, span)))
    for k, (head, words) in spans.items():
        if not words:
            continue
        targets = set()
        own = set(words)
        if len(own - _demonyms(words)) >= 1:
            own -= {w for w in _demonyms(words) if not any(w in spans[k2][1] for k2 in spans if k2 != k)}
        for k2, (head2, words2) in spans.items():
            if out[k2][0] == out[k][0] or head2 != head or not (
                    own < set(words2) or own == set(words2) and own != set(words)):
                continue
            extra = [words2[w] for w in set(words2) - own]
            hosted = own != set(words) and all(t.is_title and not t.like_num for t in extra)
            if _adds_only_name_words(extra) or _adds_only_owner(doc, k2, extra) or hosted:
                targets.add(out[k2][0])
        if len(targets) == 1:
            key = next(iter(targets))
            name = next(v[1] for v in out.values() if v[0] == key)
            for k3, v in list(out.items()):
                if v[0] == out[k][0] and k3 != k:
                    out[k3] = (key, name, v[2])
            out[k] = (key, name, out[k][2])


_KNOWN = {name: key for key, names in _WORDS["known_variants"].items() for name in names}


def merge_known_variants(doc: Doc, events: List[Dict], out: Dict) -> None:
    """Names of one historical event written several ways ("World War II", "WWII", "the
    Second World War", "the Great Patriotic War") take one key, named by the first."""
    first: Dict[str, Tuple[str, str]] = {}
    for m in sorted(events, key=lambda m: m["start"]):
        k = (m["start"], m["end"])
        if k not in out:
            continue
        text = " ".join(t.lower_ for t in doc[m["start"]:m["end"]] if t.lower_ != "the")
        key = _KNOWN.get(text)
        if key is None:
            continue
        target = first.setdefault(key, out[k][:2])
        old = out[k][0]
        for k3, v in list(out.items()):
            if v[0] == old:
                out[k3] = (target[0], target[1], v[2])


def merge_place_summits(doc: Doc, events: List[Dict], out: Dict) -> None:
    """"the Sochi summit" is the one body summit that a nearby sentence places in Sochi."""
    body_at: Dict[str, Set[str]] = {}  # place text -> body summit keys placed there
    body_keys = set()
    for m in events:
        k = (m["start"], m["end"])
        if k not in out or not out[k][0].endswith("-summit") or out[k][2].get("part_of"):
            continue
        span = doc[m["start"]:m["end"]]
        if not any(t.ent_type_ == "ORGANISATION" or t.is_upper and len(t) > 1 for t in span):
            continue
        body_keys.add(out[k][0])
        sent = doc[m["start"]].sent
        for ent in doc.ents:
            if ent.label_ == "LOCATION" and sent.start <= ent.start < sent.end and ent.start >= m["end"] \
                    and doc[ent.start - 1].lower_ in PLACE_PREPS:
                body_at.setdefault(ent.text, set()).add(out[k][0])
    if not body_at:
        return
    for m in events:
        k = (m["start"], m["end"])
        if k not in out or out[k][0] in body_keys or out[k][2].get("part_of"):
            continue
        span = doc[m["start"]:m["end"]]
        if _head(span) != "meeting":
            continue
        naming = [t for t in span if t.text[:1].isupper() and t.lower_ not in HEAD_FAMILIES and t.lower_ != "the"]
        if not naming:
            continue
        place = doc[naming[0].i:naming[-1].i + 1].text
        bodies = body_at.get(place, set())
        if len(bodies) == 1:
            key = next(iter(bodies))
            name = next(v[1] for v in out.values() if v[0] == key)
            old = out[k][0]
            for k3, v in list(out.items()):
                if v[0] == old:
                    out[k3] = (key, name, v[2])


# words between the named parties of a meeting's name ("the AU-EU summit", "the summit
# of the African Union and the EU", "talks between China and Japan")
_PARTY_SEPARATORS = frozenset(_WORDS["_party_separators"])
_PLACE_OR_TIME = frozenset(_WORDS["_place_or_time"])


def _parties(span: Span) -> Optional[frozenset]:
    """The parties a meeting's name is made of, as state and body keys (a name no gazetteer
    knows stands for itself): {AU, EU} for both "the AU-EU summit" and "the summit
    of the African Union and the EU"; None when the name has any other word (a topic, an
    edition, a place after "in") or fewer than two parties."""
    aliases = _party_aliases()
    chunks: List[List[str]] = [[]]
    for t in span:
        low = t.lower_
        if low in HEAD_FAMILIES:
            chunks.append([])
            continue
        if low in _PLACE_OR_TIME:
            break
        for piece in re.split(r"([-–])", t.text):
            if not piece:
                continue
            if piece.lower() in _PARTY_SEPARATORS:
                chunks.append([])
            elif piece[:1].isupper() and not any(c.isdigit() for c in piece):
                chunks[-1].append(piece)
            else:
                return None  # "the EU-Africa trade summit", "the 2007 summit"
    names = [" ".join(c) for c in chunks if c]
    if len(names) < 2 or len(set(names)) != len(names):
        return None
    keys = [aliases.get(n, "name:" + n.lower()) for n in names]
    if not any(k.startswith(("country:", "organisation:")) for k in keys):
        return None
    return frozenset(keys)


@lru_cache(maxsize=1)
def _party_aliases() -> Dict[str, str]:
    from ..gazetteer import country_entries, organisation_entries

    out = {}
    for e in list(country_entries()) + list(organisation_entries()):
        if e["type"] in ("COUNTRY", "ORGANISATION"):
            out.setdefault(e["alias"], e["key"])
    return out


def merge_party_names(doc: Doc, events: List[Dict], out: Dict) -> None:
    """"the AU-EU summit" and "the summit of the African Union and the EU" are one event:
    two meeting names of the same head family whose parties are the same states and bodies,
    however written (a hyphenated pair, "of A and B", "between A and B")."""
    first: Dict[Tuple[str, frozenset], str] = {}
    for m in sorted(events, key=lambda m: m["start"]):
        k = (m["start"], m["end"])
        if k not in out or out[k][2].get("part_of"):
            continue
        span = doc[m["start"]:m["end"]]
        head = _head(span)
        parties = _parties(span) if head == "meeting" else None
        if not parties:
            continue
        key = first.setdefault((head, parties), out[k][0])
        if key == out[k][0]:
            continue
        name = next(v[1] for v in out.values() if v[0] == key)
        old = out[k][0]
        for k3, v in list(out.items()):
            if v[0] == old:
                out[k3] = (key, name, v[2])


def merge_host_summits(doc: Doc, events: List[Dict], out: Dict) -> None:
    """"the US summit" (a meeting named by one state alone, its host) is the one other
    meeting the passage names ("the Camp David summit"); with two or more others it stays
    apart, and "the US-Russia summit" (two parties) is no host's name."""
    states = _state_aliases()
    meetings = {}
    for m in events:
        k = (m["start"], m["end"])
        if k in out and not out[k][2].get("part_of") and _head(doc[m["start"]:m["end"]]) == "meeting":
            meetings.setdefault(out[k][0], []).append(k)
    for key, ks in list(meetings.items()):
        hosted = all(_host_only(doc[s:e], states) for s, e in ks)
        others = [k2 for k2 in meetings if k2 != key]
        if not hosted or len(others) != 1:
            continue
        target = others[0]
        if all(_host_only(doc[s:e], states) for s, e in meetings[target]):
            continue
        name = next(v[1] for v in out.values() if v[0] == target)
        for k3, v in list(out.items()):
            if v[0] == key:
                out[k3] = (target, name, v[2])
        break


def _host_only(span: Span, states) -> bool:
    words = [t for t in span if t.lower_ not in _SKIP and not t.is_punct and t.lower_ not in HEAD_FAMILIES]
    return len(words) == 1 and words[0].text in states


@lru_cache(maxsize=1)
def _state_aliases() -> frozenset:
    """The aliases of the sovereign states as one set, built once (not for every Doc)."""
    return frozenset(e["alias"] for e in _country_aliases())


@lru_cache(maxsize=1)
def _country_aliases():
    from ..gazetteer import country_entries

    return tuple(e for e in country_entries() if e["type"] == "COUNTRY")
