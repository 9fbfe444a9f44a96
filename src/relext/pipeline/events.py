"""Naming events: one id per edition of the Games, summits named by their body or place.

Used by ``relext_canonical``: every variant of one Olympic Games in a text ("Beijing
Winter Olympics", "the Beijing Games", "Winter Olympic Games") is one event whose id
comes from the edition (``event:2022-winter-olympics``, from the city, season and year
found in the text and the editions table of ``relext/data/events.yaml``); opening and
closing ceremonies are their own events, parts of the Games; summits are named by the
body or place that names them (``event:g20-summit``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

from spacy.tokens import Doc, Span

from ..gazetteer import one_edit_apart, organisation_entries, slug, read_data
from ._lookup import span_text
from .event_aliases import (merge_host_summits, merge_known_variants, merge_party_names, merge_place_summits,
                            merge_shorter_names)
from .event_parts import is_prize_ceremony, merge_prize_ceremonies, part_words
from .named_heads import WORD_ORDINAL

# word lists: relext/data/words/events.yaml
_WORDS = read_data("words/events.yaml")

PLACE_ENTS = frozenset({"GPE", "LOC", "LOCATION"})  # a host city written after the Games


def _is_part(low: str) -> bool:
    """An opening or closing ceremony or press conference, not a prize ceremony."""
    return not is_prize_ceremony(low) and ("ceremony" in low or bool(re.search(r"\bopening\b|\bclosing\b", low)))


class EventNamer:
    """Stable keys and names for the EVENT mentions of a document.

    Args:
        editions: the Olympic editions table (``[{"year", "season", "city"}, ...]``).
    """

    def __init__(self, editions: List[Dict]) -> None:
        self.editions = editions

    def keys(self, doc: Doc, events: List[Dict]) -> Dict[Tuple[int, int], Tuple[str, str, Dict]]:
        """Map each EVENT mention's ``(start, end)`` to ``(key, name, attributes)``."""
        out = {}
        olympics = []
        for m in events:
            named_for = m["attrs"].get("named_for")
            if named_for:  # "Pope Benedict's funeral" (relext/pipeline/person_occasions.py)
                named_for = _with_full_name(doc, named_for, m["attrs"].get("person", ""))
                out[(m["start"], m["end"])] = (f"event:{slug(named_for)}", named_for, {"named_for": named_for})
                continue
            low = span_text(doc, m["start"], m["end"]).lower()
            if _is_part(low):
                continue
            if "olympic" in low or "paralympic" in low or re.search(r"\bgames\b", low):
                olympics.append(m)
        # one olympics entity per compatible (city, season, year) in the document
        feats = {(m["start"], m["end"]): self._complete_edition(self._olympic_features(doc[m["start"]:m["end"]]))
                 for m in olympics}
        clusters: List[Dict] = []
        for m in sorted(olympics, key=lambda m: -sum(v is not None for v in feats[(m["start"], m["end"])].values())):
            f = feats[(m["start"], m["end"])]
            for c in clusters:
                if all(f[k] is None or c["f"][k] is None or f[k] == c["f"][k] for k in f):
                    for k in f:
                        c["f"][k] = c["f"][k] or f[k]
                    c["members"].append(m)
                    break
            else:
                clusters.append({"f": dict(f), "members": [m]})
        main_olympics = None
        games = []  # (features, key, name) of each Games of the text
        for c in clusters:
            f = self._complete_edition(c["f"])
            key, name = _olympics_id(f)
            if main_olympics is None:
                main_olympics = (key, name)
            longest = max((span_text(doc, m["start"], m["end"]) for m in c["members"]), key=len)
            games.append((f, key, strip_det(longest)))
            for m in c["members"]:
                out[(m["start"], m["end"])] = (key, strip_det(longest), {k: v for k, v in f.items() if v is not None})
        ceremonies = []
        for m in events:
            k = (m["start"], m["end"])
            if k in out:
                continue
            low = span_text(doc, m["start"], m["end"]).lower()
            if _is_part(low):
                ceremonies.append(m)
            else:
                out[k] = self._host_year_games(doc[m["start"]:m["end"]], games) or \
                    _summit_id(doc, doc[m["start"]:m["end"]])
        # "COP28" and "the COP28 climate summit": a bare name is the summit it names
        summit_keys = {v[0] for v in out.values()}
        for k, (key, name, attrs) in list(out.items()):
            if f"{key}-summit" in summit_keys:
                out[k] = (f"{key}-summit", name, attrs)
        _merge_summit_variants(doc, events, out)
        merge_place_summits(doc, events, out)
        merge_shorter_names(doc, events, out)
        merge_host_summits(doc, events, out)
        merge_party_names(doc, events, out)
        merge_known_variants(doc, events, out)
        for m in events:  # "CHAN", "Chogm", "COP": a short name takes its long name's key
            long = (m["attrs"].get("long_start"), m["attrs"].get("long_end"))
            if long in out and (m["start"], m["end"]) in out:
                out[(m["start"], m["end"])] = out[long]
        merge_prize_ceremonies(out)
        merge_owned_editions(doc, out)
        split_editions(doc, events, out)
        # a ceremony belongs to the Games nested in it, else the passage's Games, else its
        # first other named event ("the opening ceremony" of a summit)
        first_other = next((out[(m["start"], m["end"])][:2] for m in sorted(events, key=lambda m: m["start"])
                            if (m["start"], m["end"]) in out), None)
        for m in ceremonies:
            k = (m["start"], m["end"])
            span = doc[m["start"]:m["end"]]
            low = span.text.lower()
            which = "closing" if "closing" in low else "opening"
            nested = [out[(n["start"], n["end"])] for n in olympics
                      if n["start"] >= m["start"] and n["end"] <= m["end"] and (n["start"], n["end"]) in out]
            base_key, base_name = (nested[0][0], nested[0][1]) if nested else (
                main_olympics or first_other or ("event:games", "the Games"))
            part = part_words(low)
            if part and not (nested or main_olympics or first_other):
                out[k] = (f"event:{part}", part.replace("-", " "), {})
                continue
            if part:  # "the forum's closing press conference"
                out[k] = (f"{base_key}-{part}", f"{part.replace('-', ' ')} of the {strip_det(base_name)}", {"part_of": base_key})
                continue
            out[k] = (f"{base_key}-{which}-ceremony", f"{which} ceremony of the {strip_det(base_name)}", {"part_of": base_key})
        return out

    def _olympic_features(self, span: Span) -> Dict[str, Optional[object]]:
        f: Dict[str, Optional[object]] = {"city": None, "season": None, "year": None, "para": None}
        f.update(self._placed_after(span))  # "the Olympics in 1980", "the Summer Olympics in Sydney in 2000"
        for t in span:
            low = t.lower_
            if low in ("olympics", "olympic", "paralympics", "paralympic"):
                # the Paralympics are an event of their own, held after the Olympics in the same
                # city and year ("the Paris Olympics" / "the Paris Paralympics"); "the Games" is either
                f["para"] = low.startswith("para")
            if low in ("winter", "summer"):
                f["season"] = low
            elif t.shape_ == "dddd":
                f["year"] = int(t.text)
            elif t.is_title and low not in ("olympics", "olympic", "games", "paralympics", "paralympic", "the"):
                f["city"] = _fix_city(t.text, self.editions)
        return f

    def _host_year_games(self, span: Span, games: List) -> Optional[Tuple[str, str, Dict]]:
        """"Milano Cortina 2026", "Paris 2024": the host and the year of a Games the text names
        ("the Milan-Cortina Winter Olympics"), when they fit exactly one of its Games: no other
        year, and the same host (the first letters of a host word, which spellings share) or
        the host city of that year's edition; "Expo 2030" names no host of a Games."""
        if len(span) < 2 or span[-1].shape_ != "dddd" or not all(t.is_title or t.text == "-" for t in span[:-1]):
            return None
        year = int(span[-1].text)
        hosts = {t.lower_[:4] for t in span[:-1] if t.is_title}
        edition = any(e["city"].lower()[:4] in hosts for e in self.editions if e["year"] == year)

        def fits_games(f: Dict) -> bool:
            if f.get("year") not in (None, year):
                return False
            city = f.get("city") or ""
            return any(w.lower()[:4] in hosts for w in re.split(r"[-\s]", city) if w) or \
                edition and (f.get("year") == year or not city)

        fits = [g for g in games if fits_games(g[0])]
        if len(fits) != 1:
            return None
        f, key, name = fits[0]
        return key, name, {k: v for k, v in f.items() if v is not None}

    def _placed_after(self, span: Span) -> Dict[str, object]:
        """The host city and the year written after the Games' name, in one or two "in"
        phrases: "the Summer Olympics in Sydney in 2000", "the Games in Sochi", "the Olympics
        in 1980"; a city is a place the model tags or an edition's city (not "in February")."""
        doc, i, out = span.doc, span.end, {}
        cities = {e["city"] for e in self.editions}
        for _ in range(2):
            if i + 1 >= len(doc) or doc[i].lower_ != "in":
                break
            if doc[i + 1].shape_ == "dddd" and "year" not in out:
                out["year"], i = int(doc[i + 1].text), i + 2
                continue
            j = i + 1
            while j < len(doc) and doc[j].is_title and doc[j].ent_type_ in PLACE_ENTS | {""} and doc[j].pos_ == "PROPN" \
                    or j < len(doc) and j > i + 1 and doc[j].lower_ == "de" and j + 1 < len(doc) and doc[j + 1].is_title:
                j += 1
            name = doc[i + 1:j].text
            if j == i + 1 or "city" in out or not (doc[i + 1].ent_type_ in PLACE_ENTS or name in cities):
                break
            out["city"], i = _fix_city(name, self.editions), j
        return out

    def _complete_edition(self, f: Dict) -> Dict:
        matches = [e for e in self.editions
                   if all(f[k] is None or f[k] == (e[k] if k != "city" else e["city"]) for k in ("city", "season", "year"))]
        if len(matches) == 1 and any(f[k] is not None for k in f):
            return {"city": matches[0]["city"], "season": matches[0]["season"], "year": matches[0]["year"],
                    "para": f.get("para")}
        return f


def _with_full_name(doc: Doc, name: str, person: str) -> str:
    """"inauguration of Bolsonaro" -> "inauguration of Jair Bolsonaro" when the passage
    names that person in full elsewhere: the longest PERSON name ending with the same
    words, so both phrasings of one occasion are one event under the person's full name."""
    if not person or not name.endswith(person):
        return name
    fuller = [e.text for e in doc.ents if e.label_ == "PERSON" and len(e.text) > len(person)
              and e.text.endswith(" " + person)]
    return name[:-len(person)] + max(fuller, key=len) if fuller else name


def strip_det(text: str) -> str:
    """Drop a leading "the": "the Geneva summit" -> "Geneva summit"."""
    return re.sub(r"^(the|The|THE)\s+", "", text).strip()


def nested_games(doc: Doc, mentions: List[Dict]) -> List[Dict]:
    """"the opening of the Milan Winter Games" and "the organizing committee for the
    2030 World Cup" also mention the events themselves."""
    out = []
    for m in mentions:
        if m["label"] == "EVENT":
            if not re.search(r"\b(opening|closing)\b", span_text(doc, m["start"], m["end"]).lower()):
                continue
        elif m["label"] != "ORGANISATION":
            continue
        span = doc[m["start"]:m["end"]]
        of = [t for t in span if t.lower_ in ("of", "for")]
        if not of:
            continue
        start = of[0].i + 1
        while start < m["end"] and doc[start].lower_ == "the":
            start += 1
        if start < m["end"] and re.search(r"olympic|games", span_text(doc, start, m["end"]).lower()):
            out.append({"start": start, "end": m["end"], "label": "EVENT", "key": None, "name": span_text(doc, start, m["end"]),
                        "kind": "NAME", "attrs": {"family": "olympics", "nested": True}, "source": "parse"})
    return out


def _fix_city(text: str, editions) -> str:
    for e in editions:
        c = e["city"]
        if text == c or (len(text) > 4 and one_edit_apart(text.lower(), c.lower())):
            return c
    return text


def _olympics_id(f: Dict) -> Tuple[str, str]:
    games = "Paralympics" if f.get("para") else "Olympics"
    parts = [str(f["year"]) if f.get("year") else None, f.get("season"), games.lower()]
    if not f.get("year") and f.get("city"):
        parts.insert(0, slug(f["city"]))
    key = "event:" + "-".join(p for p in parts if p)
    name = " ".join(p for p in (f.get("city"), str(f["year"]) if f.get("year") else None,
                                (f.get("season") or "").title() or None, games) if p)
    return key, name


_EDITION = re.compile(r"^(?:(?:19|20)\d\d|\d+(?:st|nd|rd|th))$", re.I)


# words that, between "the" and a summit's name, mark another edition than the one in focus
_RELATIVE_EDITIONS = frozenset(_WORDS["_relative_editions"])


def _edition_mark(doc: Doc, start: int, end: int) -> Optional[str]:
    """The edition a summit mention names: a year or an ordinal inside it ("the 2023 BRICS
    summit", "the 16th BRICS summit"), an ordinal word between "the" and the name ("the
    second Belt and Road Forum"; not "his first G20 summit", a person's first attendance)
    or "last/this/next year's" just before it."""
    for t in doc[start:end]:
        if _EDITION.match(t.text):
            return t.text.lower()
    if start >= 2 and doc[start - 2].lower_ == "the" and (WORD_ORDINAL.match(doc[start - 1].text)
                                                           or _EDITION.match(doc[start - 1].text)):
        return doc[start - 1].lower_
    if start >= 3 and doc[start - 1].text in ("'s", "’s") and doc[start - 2].lower_ == "year" \
            and doc[start - 3].lower_ in ("last", "this", "next"):
        return f"{doc[start - 3].lower_}-year"
    if start >= 2 and doc[start - 2].lower_ == "the" and doc[start - 1].lower_ in _RELATIVE_EDITIONS:
        return f"{doc[start - 1].lower_}-edition"  # "the last BRICS summit" beside "this year's BRICS summit"
    return None


def merge_owned_editions(doc: Doc, out: Dict) -> None:
    """A numbered edition named by its number alone ("ASEAN ... opened its 47th summit")
    is the summit the passage names with its body ("the ASEAN summit") when that is the
    only such summit there and its sentence names that body before it; else (two or more
    summits, none, or another body's edition) it stays as it is."""
    bare = [k for k in out if k[1] - k[0] == 2 and doc[k[1] - 1].is_lower
            and (_EDITION.match(doc[k[0]].text) and doc[k[0]].shape_ != "dddd" or WORD_ORDINAL.match(doc[k[0]].text))]
    if not bare:
        return
    named = {out[k][0]: out[k][1] for k in out if k not in bare and out[k][0].endswith("-summit")
             and not out[k][2].get("part_of")}
    if len(named) != 1:
        return
    key, name = next(iter(named.items()))
    body = key[len("event:"):-len("-summit")]
    for k in bare:
        before = slug(doc[doc[k[0]].sent.start:k[0]].text)
        if body and f"-{body}-" in f"-{before}-":  # the sentence names the summit's body before it
            out[k] = (key, name, dict(out[k][2]))


def split_editions(doc: Doc, events: List[Dict], out: Dict) -> None:
    """Editions of one recurring summit are different events where the text names two or
    more of them ("the 2023 BRICS summit" and "the 2024 BRICS summit", "last year's G20
    summit" and "this year's"): each edition's mentions get a key of their own, and an
    unmarked mention ("the BRICS summit") goes to the edition named last before it (else
    the first one named). A summit named with one year only stays one event."""
    by_key: Dict[str, List[Tuple[int, int]]] = {}
    for m in sorted(events, key=lambda m: m["start"]):
        k = (m["start"], m["end"])
        if k in out and out[k][0].endswith("-summit") and not out[k][2].get("part_of"):
            by_key.setdefault(out[k][0], []).append(k)
    for key, spans in by_key.items():
        marks = {k: _edition_mark(doc, *k) for k in spans}
        found = [m for m in marks.values() if m]
        if len(set(found)) < 2:
            continue
        names: Dict[str, str] = {}  # each edition's name: its first marked mention
        for k in spans:
            if marks[k]:
                text = strip_det(span_text(doc, *k))
                if k[0] >= 1 and (doc[k[0] - 1].lower_ == marks[k] or marks[k] == f"{doc[k[0] - 1].lower_}-edition"):
                    # "the third Eastern Economic Forum", "the last BRICS summit"
                    text = f"{doc[k[0] - 1].text} {text}"
                names.setdefault(marks[k], text)
        current = next(m for m in marks.values() if m)
        for k in spans:
            current = marks[k] or current
            _, name, attrs = out[k]
            out[k] = (f"{key}-{slug(current)}", names.get(current) or name, dict(attrs, edition=current))


def _summit_id(doc: Doc, span: Span) -> Tuple[str, str, Dict]:
    """Key of a meeting-like event: ``event:<body>-summit`` for every meeting word
    (summit, meeting, talks, gathering, session ...) of one body or place, so that "the
    G-7 meeting" and "the Group of Seven summit", or "the Commonwealth summit" and "the
    gathering of Commonwealth leaders", are one event. The body is the organisation the
    capitalised part of the name is an alias of ("G-7" -> g7), else that part itself;
    ordinals and years do not change it ("the 26th China-ASEAN Summit")."""
    text = strip_det(span.text)
    if _HEAD.search(text.lower()):
        caps = [t for t in span if t.text[:1].isupper() and t.lower_ not in MEETING_WORDS and not t.is_digit
                and t.lower_ != "the" and not (t.i >= 2 and doc[t.i - 1].text == "-" and doc[t.i - 2].lower_ in PREFIXES)]
        if caps:
            naming = span_text(doc, caps[0].i, caps[-1].i + 1)
            for ent in doc.ents:
                if ent.start == caps[0].i and ent.end == caps[-1].i + 1 and ent.label_ == "ORGANISATION" and ent.kb_id_:
                    return f"event:{ent.kb_id_.split(':', 1)[1]}-summit", text, {}
            body = _body_key(naming)
            return f"event:{body or slug(naming)}-summit", text, {}
    held = _OCCASION_IN_PLACE.match(text)
    if held:  # "May ceremonies in Moscow" is "the Moscow ceremonies"
        return f"event:{slug(held.group(2) + ' ' + held.group(1))}", text, {}
    body = _body_key(text)  # "heading to the G20": the body's name for its summit
    if body:
        return f"event:{body}-summit", text, {}
    return f"event:{slug(text)}", text, {}


def _merge_summit_variants(doc: Doc, events: List[Dict], out: Dict) -> None:
    """One summit under two namings: "the Sydney summit" is "the Quad summit planned for
    Sydney" (a place-named summit is the body's summit held there), and "the Southeast Asian
    summit" is "the ASEAN summit" (an adjective taken from the body's long name). Only
    bodies whose summit the document names elsewhere are used."""
    long_names = _aliases_by_body()
    body_summits = {}  # body -> summit key
    held_at: Dict[str, set] = {}  # place text -> bodies whose summit is held there
    for m in events:
        k = (m["start"], m["end"])
        if k not in out or not out[k][0].endswith("-summit"):
            continue
        body = out[k][0][len("event:"):-len("-summit")]
        if body not in long_names:
            continue
        body_summits[body] = out[k]
        for ent in doc.ents:  # "the Quad summit due in Tokyo", "the G20 summit in India"
            if ent.label_ in ("LOCATION", "COUNTRY") and m["end"] <= ent.start <= m["end"] + 3 \
                    and doc[ent.start - 1].lower_ in ("in", "for", "at"):
                held_at.setdefault(ent.text, set()).add(body)
    if not body_summits:
        return
    for m in events:
        k = (m["start"], m["end"])
        if k not in out or not out[k][0].endswith("-summit"):
            continue
        body = out[k][0][len("event:"):-len("-summit")]
        if body in long_names:
            continue
        naming = [t for t in doc[m["start"]:m["end"]] if t.text[:1].isupper() and t.lower_ not in MEETING_WORDS
                  and t.lower_ != "the" and not t.is_digit]
        if not naming:
            continue
        text = span_text(doc, naming[0].i, naming[-1].i + 1)
        hosts = held_at.get(text, set())
        if not hosts and not any(t.pos_ == "PROPN" and t.ent_type_ in ("LOCATION", "COUNTRY") for t in naming):
            pattern = re.compile(r"(?<!\w)" + re.escape(text) + r"(?!\w)")
            hosts = {b for b in body_summits if any(a != text and pattern.search(a) for a in long_names[b])}
        if len(hosts) == 1:
            key, name, attrs = body_summits[next(iter(hosts))]
            out[k] = (key, out[k][1], out[k][2])


def _body_key(naming: str) -> Optional[str]:
    """The organisation key a summit's naming words stand for: the whole of them ("G-7"),
    them without places and a bracketed acronym ("Samarkand SCO", "Shanghai Cooperation
    Organisation (SCO)"), or what comes after their last "of" ("Assembly of the African
    Union"); None when no organisation alias fits."""
    _, keys = _org_alias_pattern()
    places = _place_names()
    trimmed = re.sub(r"\s*\([^)]*\)?\s*", " ", naming).split()
    unbracketed = " ".join(trimmed)
    while trimmed and trimmed[0] in places:
        trimmed = trimmed[1:]
    while trimmed and trimmed[-1] in places:
        trimmed = trimmed[:-1]
    tail = re.split(r"\bof\s+(?:the\s+)?", naming)[-1]
    for cand in (naming, unbracketed, " ".join(trimmed), tail):
        if cand in keys:
            return keys[cand].split(":", 1)[1]
    return None


@lru_cache(maxsize=1)
def _place_names() -> frozenset:
    from ..gazetteer import capital_entries, city_names, country_entries

    return frozenset(e["alias"] for e in country_entries() + capital_entries()) | city_names()


_OCCASION_IN_PLACE = re.compile(r"^(?:[A-Z][a-z]+ )?(ceremonies|celebrations|commemorations|festivities) in (.+)$")
PREFIXES = frozenset(_WORDS["prefixes"])
MEETING_WORDS = frozenset(_WORDS["meeting_words"])
_HEAD = re.compile(r"\b(summit|forum|conference|meetings?|talks|gathering|session|debate|dialogue)\b")


@lru_cache(maxsize=1)
def _aliases_by_body() -> Dict[str, List[str]]:
    """Every alias of each organisation, by the organisation's key without its prefix."""
    _, org_keys = _org_alias_pattern()
    long_names: Dict[str, List[str]] = {}
    for alias, key in org_keys.items():
        long_names.setdefault(key.split(":", 1)[1], []).append(alias)
    return long_names


@lru_cache(maxsize=1)
def _org_alias_pattern() -> Tuple["re.Pattern[str]", Dict[str, str]]:
    """One regular expression for every organisation alias, longest first."""
    keys = {e["alias"]: e["key"] for e in organisation_entries()}
    alternation = "|".join(re.escape(a) for a in sorted(keys, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + alternation + r")(?![\w-])"), keys
