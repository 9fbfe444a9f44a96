"""``relext_canonical``: one entity per real-world referent within a document.

Groups the typed mentions of ``relext_entities`` into canonical entities with stable
ids that mean the same thing in every document:

- countries by ISO code (``country:USA`` for "US", "U.S.", "the United States",
  "American"); a capital that acts ("Moscow has sought ...", "Seoul's partner") is a
  mention of its state, a capital used as a place stays a LOCATION;
- people by name: "Putin" and "Vladimir Putin" are ``person:vladimir-putin``; titles
  are not part of the name ("Prince Albert II" -> "Albert II");
- organisations by gazetteer key, by acronym ("North Atlantic Treaty Organization
  (NATO)") or by name;
- events by family: every variant of one Olympic Games in a text ("Beijing Winter
  Olympics", "the Beijing Games", "Winter Olympic Games") is one event whose id comes
  from the edition (``event:2022-winter-olympics``); summits by the body or place that
  names them (``event:g20-summit``);
- descriptions ("the Russian president", "the Kremlin aide") and personal pronouns
  ("he", "his") are resolved to the person they refer to and kept as mentions of kind
  DESCRIPTION / PRONOUN.

The result is ``doc._.relext_entities`` (plain dicts; see ``relext.extensions``).
"""
from __future__ import annotations

import re
from typing import Dict, List, Optional, Tuple

import numpy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401
from ..gazetteer import one_edit_apart, read_data, seats, slug
from ._lookup import WordSet
from .affiliation import title_before_comma
from .coreference import (EXPLETIVE_HEADS, FEMALE, FIRST_PERSON, FIRST_PLURAL, MALE, NEUTER, antecedent,
                          speaker_of_quote)
from .events import EventNamer, nested_games, strip_det

LOCATIVE_PREPS = {"in", "to", "at", "from", "into", "near", "outside", "inside", "around", "across",
                  "toward", "towards", "through", "via", "over", "within", "for"}
ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "dobj", "dative", "appos", "attr"}
HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "dame", "sheikh", "prince", "princess", "king", "queen",
              "president", "pm", "premier", "chancellor", "minister", "general", "gen", "emir", "crown",
              "senator", "sen", "rep", "secretary", "state", "prime", "foreign", "vice", "chief", "justice",
              "lord", "lady", "his", "her", "majesty", "highness", "pope", "ayatollah", "supreme", "leader",
              "speaker", "governor", "mayor"}
TRAVEL_VERBS = {"visit", "tour", "leave", "reach", "enter", "depart", "fly", "travel", "arrive", "return"}
GENERIC_TITLES = {"leader": {"president", "prime", "minister", "premier", "chancellor", "king", "emir", "leader"},
                  "official": {"secretary", "minister", "official", "spokesman", "spokesperson", "envoy", "ambassador",
                               "aide", "adviser", "advisor", "diplomat", "deputy"},
                  "president": {"president", "leader"}}
# head noun of a definite description -> (entity type, substring its id must contain)
DESCRIPTION_HEADS = {"games": ("EVENT", "olympics"), "olympics": ("EVENT", "olympics"), "event": ("EVENT", None),
                     "summit": ("EVENT", "summit"), "ceremony": ("EVENT", "ceremony"), "tournament": ("EVENT", None),
                     "forum": ("EVENT", "forum"), "conference": ("EVENT", "conference"),
                     "organization": ("ORGANISATION", None), "organisation": ("ORGANISATION", None),
                     "bloc": ("ORGANISATION", None), "alliance": ("ORGANISATION", None),
                     "grouping": ("ORGANISATION", None), "city": ("LOCATION", None), "town": ("LOCATION", None),
                     "talks": ("EVENT", None), "meeting": ("EVENT", None), "gathering": ("EVENT", None),
                     "session": ("EVENT", None)}
# heads that say nothing of the kind of event: they resolve only when the passage has named
# exactly one event (ceremonies aside) before them; with two or more, they stay unresolved
GENERIC_EVENT_HEADS = {"talks", "meeting", "gathering", "session"}
# possessors that date a description rather than name it ("Thursday's meeting", "this year's event")
DATING_WORDS = {"year", "week", "weekend", "day", "month", "today", "yesterday", "monday", "tuesday", "wednesday",
                "thursday", "friday", "saturday", "sunday"}


@Language.factory(
    "relext_canonical",
    default_config={"resolve_pronouns": True, "resolve_descriptions": True},
    assigns=["doc._.relext_entities"],
    requires=["doc._.relext_mentions", "token.dep", "doc.sents"],
)
def make_canonicalizer(nlp: Language, name: str, resolve_pronouns: bool, resolve_descriptions: bool) -> "Canonicalizer":
    """Build the ``relext_canonical`` component (config documented on `Canonicalizer`)."""
    return Canonicalizer(nlp, name, resolve_pronouns=resolve_pronouns, resolve_descriptions=resolve_descriptions)


class Canonicalizer:
    """Group mentions into canonical entities with stable ids.

    Args:
        nlp: the pipeline.
        name: the component name.
        resolve_pronouns: link "he"/"she"/"his"/"her"/"it"/"its" to the entity they
            most likely refer to (the nearest compatible preceding mention, subjects first).
        resolve_descriptions: link definite descriptions with a country and a title
            ("the Russian president", "the Chinese leader") to the person so described.
    """

    def __init__(self, nlp: Language, name: str = "relext_canonical", *, resolve_pronouns: bool = True,
                 resolve_descriptions: bool = True) -> None:
        self.name = name
        self.resolve_pronouns = resolve_pronouns
        self.resolve_descriptions = resolve_descriptions
        roles = read_data("roles.yaml")
        self.titles = {t.lower() for t in roles["titles"]}
        events = read_data("events.yaml")
        self.editions = events["olympic_editions"]
        self.events = EventNamer(self.editions)
        self.description_words = WordSet(nlp.vocab, list(DESCRIPTION_HEADS) + ["talk"])  # "talks" has lemma "talk"
        self.pronoun_words = WordSet(nlp.vocab, MALE | FEMALE | NEUTER | FIRST_PERSON | FIRST_PLURAL, attr="LOWER")

    # ------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        mentions = [dict(m) for m in (doc._.relext_mentions or [])]
        mentions += nested_games(doc, mentions)
        sent_of = _sentence_index(doc)
        for m in mentions:
            self._type_capital(doc, m)
            self._type_building(doc, m)
        groups: Dict[str, Dict] = {}
        order: List[str] = []

        def add(key: str, name: str, type_: str, m: Dict, attrs: Optional[Dict] = None) -> None:
            if key not in groups:
                groups[key] = {"id": key, "name": name, "type": type_, "attributes": {}, "mentions": []}
                order.append(key)
            g = groups[key]
            g["attributes"].update({k: v for k, v in (attrs or {}).items() if isinstance(v, (str, int, float, bool))})
            span = doc[m["start"]:m["end"]]
            g["mentions"].append({"text": span.text, "start_char": span.start_char, "end_char": span.end_char,
                                  "start": m["start"], "end": m["end"], "kind": m["kind"],
                                  "sentence": sent_of[m["start"]]})

        persons = [m for m in mentions if m["label"] == "PERSON"]
        person_key = self._person_keys(doc, persons)
        org_key = self._org_keys(doc, [m for m in mentions if m["label"] == "ORGANISATION"])
        event_key = self.events.keys(doc, [m for m in mentions if m["label"] == "EVENT"])
        for m in mentions:
            label = m["label"]
            if label == "PERSON":
                key, name = person_key[(m["start"], m["end"])]
                known = key == f"person:{m['attrs'].get('actor')}"
                add(key, name, "PERSON", m, m["attrs"] if known else None)
                if known and len(name.split()) == 1 and m["attrs"].get("actor_name"):
                    groups[key]["name"] = m["attrs"]["actor_name"]  # "Scholz" alone: the table's full name
            elif label == "ORGANISATION":
                key, name = org_key[(m["start"], m["end"])]
                add(key, name, label, m, m["attrs"])
            elif label == "EVENT":
                key, name, attrs = event_key[(m["start"], m["end"])]
                add(key, name, label, m, attrs)
            elif label == "COUNTRY":
                add(m["key"] or f"country:{slug(m['name'])}", m["name"], label, m, m["attrs"])
            else:  # LOCATION
                attrs = {k: v for k, v in m["attrs"].items() if k != "capital_of"}
                add(m["key"] or f"location:{slug(m['name'])}", strip_det(m["name"]), label, m, attrs)
        for g in groups.values():
            if g["type"] == "PERSON":
                g["name"] = max((mm["text"] for mm in g["mentions"]), key=len) if not g["name"] else g["name"]
            g["name"] = _usual_spelling(g["name"], g["mentions"])
        self._propagate_surnames(doc, groups, order, sent_of)
        if self.resolve_descriptions:
            self._descriptions(doc, groups, sent_of)
            self._event_descriptions(doc, groups, sent_of)
        if self.resolve_pronouns:
            self._pronouns(doc, groups, sent_of)
        for g in groups.values():
            g["mentions"].sort(key=lambda mm: mm["start"])
        doc._.relext_entities = [groups[k] for k in order]
        return doc

    # -- countries and capitals ---------------------------------------------------------
    def _type_capital(self, doc: Doc, m: Dict) -> None:
        iso3 = m["attrs"].get("capital_of")
        if m["label"] != "LOCATION" or not iso3:
            return
        root = doc[m["start"]:m["end"]].root
        acts = False
        if root.dep_ in ACTOR_DEPS:
            acts = not (root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_ in TRAVEL_VERBS)
        elif root.dep_ == "pobj" and root.head.lower_ == "of":
            acts = root.head.head.lemma_ in ("ally", "partner", "side", "support", "position", "stance")
        elif root.dep_ == "pobj" and root.head.lower_ in ("from", "for"):
            # "a rebuke from Beijing", "support for Minsk"; not "flew from Beijing", "left for Minsk"
            acts = root.head.head.pos_ in ("NOUN", "PROPN")
        elif root.dep_ == "pobj":
            acts = root.head.lower_ not in LOCATIVE_PREPS  # "behind Washington", "pressure on Moscow"
        elif root.dep_ == "conj":
            first = root
            while first.dep_ == "conj":
                first = first.head
            acts = first.dep_ in ACTOR_DEPS or (first.dep_ == "pobj" and first.head.lower_ not in LOCATIVE_PREPS)
        if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS - {"from", "for"}:
            acts = False
        nxt = doc[m["end"]].text if m["end"] < len(doc) else ""
        if (m["start"] == 0 or "\n" in doc[m["start"] - 1].text) and (doc[m["start"]:m["end"]].text.isupper() or nxt in (":", "(", "—", "–", "-")):
            acts = False  # a dateline: "MOSCOW (Reuters) -"
        seat = seats().get(m["name"])
        if acts and seat:  # "warned Brussels": the EU, whose seat it is
            m.update(label="ORGANISATION", key=seat["key"], kind="METONYM", attrs={}, name=seat["name"])
        elif acts:
            m.update(label="COUNTRY", key=f"country:{iso3}", kind="METONYM",
                     attrs={"iso3": iso3}, name=_country_name(doc, iso3, m))

    def _type_building(self, doc: Doc, m: Dict) -> None:
        """"the White House said" is the body; "at the White House" is the place."""
        if m["label"] != "ORGANISATION" or not m["attrs"].get("place"):
            return
        root = doc[m["start"]:m["end"]].root
        prep = root.head
        if root.dep_ == "pobj" and prep.lower_ in LOCATIVE_PREPS - {"from", "for", "to"} and prep.head.lower_ != "according" \
                and (prep.head.pos_ in ("VERB", "AUX") or prep.lower_ in ("in", "at", "inside", "outside")):
            m.update(label="LOCATION", key=f"location:{slug(m['name'])}",
                     attrs={k: v for k, v in m["attrs"].items() if k not in ("place", "country")})

    # -- people ---------------------------------------------------------------------
    def _person_keys(self, doc: Doc, persons: List[Dict]) -> Dict[Tuple[int, int], Tuple[str, str]]:
        names = {}
        for m in persons:
            toks = _name_words(doc[m["start"]:m["end"]])
            while len(toks) > 1 and toks[0].lower().strip(".") in HONORIFICS:
                toks = toks[1:]
            names[(m["start"], m["end"])] = [t for t in toks if t not in ("'s", "’s")]
        first_seen: Dict[Tuple[str, ...], int] = {}
        for (start, _), v in sorted(names.items()):
            first_seen.setdefault(tuple(v), start)
        # longest first, then in text order: deterministic whatever the hash seed
        full = sorted({tuple(v) for v in names.values() if len(v) > 1}, key=lambda f: (-len(f), first_seen[f]))
        # a misspelt variant of a full name ("Vladamir Putin") is the same person
        counts: Dict[Tuple[str, ...], int] = {}
        for v in names.values():
            counts[tuple(v)] = counts.get(tuple(v), 0) + 1
        alias: Dict[Tuple[str, ...], Tuple[str, ...]] = {}
        for a in full:
            for b in full:
                if a != b and len(a) == len(b) and (counts[b], first_seen[b]) > (counts[a], first_seen[a]) \
                        and a not in alias and b not in alias and \
                        sum(x != y for x, y in zip(a, b)) == 1 and all(x == y or (len(x) > 4 and one_edit_apart(x, y)) for x, y in zip(a, b)):
                    alias[a] = b
        names = {k: list(alias.get(tuple(v), tuple(v))) for k, v in names.items()}
        full = [f for f in full if f not in alias]
        # a name of the actor table keys the person by the table's id, so that spellings
        # ("Sergei"/"Sergey Lavrov") and a surname alone are one person in every document
        actor_of: Dict[Tuple[str, ...], str] = {}
        for m in persons:
            if m["attrs"].get("actor"):
                actor_of.setdefault(tuple(names[(m["start"], m["end"])]), m["attrs"]["actor"])
                actor_of.setdefault(tuple(m["attrs"]["actor_name"].split()), m["attrs"]["actor"])
        out = {}
        for span, toks in names.items():
            canon = tuple(toks)
            for f in full:
                if f != canon and _name_part_of(toks, f):
                    canon = f
                    break
            name = " ".join(canon)
            # a surname that belongs to a full name in the text is that person's, whoever
            # else the table knows by it
            actor = actor_of.get(canon)
            if actor is None and len(canon) > 1:
                actor = _misspelt_actor(canon, actor_of)
            out[span] = (f"person:{actor}" if actor else f"person:{slug(name)}", name)
        return out

    def _propagate_surnames(self, doc: Doc, groups: Dict[str, Dict], order: List[str], sent_of: List[int]) -> None:
        """A surname seen in a full name elsewhere in the text is that person, even where
        the model missed it or typed it otherwise ("Scholz left", "Matsuno" as a place)."""
        surnames: Dict[str, str] = {}
        for g in groups.values():
            if g["type"] == "PERSON" and len(g["name"].split()) > 1:
                last = g["name"].split()[-1]
                surnames[last] = g["id"] if last not in surnames else ""  # "" = ambiguous
        surnames = {k: v for k, v in surnames.items() if v and len(k) > 2 and k[:1].isupper()}
        if not surnames:
            return
        owner: Dict[int, Tuple[str, Dict]] = {}
        for g in groups.values():
            for mm in g["mentions"]:
                for i in range(mm["start"], mm["end"]):
                    owner[i] = (g["id"], mm)
        hashes = numpy.asarray([doc.vocab.strings.add(k) for k in surnames], dtype="uint64")
        orth = doc.to_array([ORTH]).astype("uint64").ravel()
        for i in numpy.flatnonzero(numpy.isin(orth, hashes)).tolist():
            tok = doc[i]
            pid = surnames.get(tok.text)
            if pid is None or tok.pos_ != "PROPN":
                continue
            if tok.i in owner:
                gid, mm = owner[tok.i]
                if gid == pid or mm["end"] - mm["start"] != 1 or groups[gid]["type"] not in ("LOCATION", "ORGANISATION"):
                    continue
                groups[gid]["mentions"].remove(mm)
                if not groups[gid]["mentions"]:
                    del groups[gid]
                    order.remove(gid)
            groups[pid]["mentions"].append({"text": tok.text, "start_char": tok.idx, "end_char": tok.idx + len(tok.text),
                                            "start": tok.i, "end": tok.i + 1, "kind": "NAME", "sentence": sent_of[tok.i]})

    # -- organisations ----------------------------------------------------------------
    def _org_keys(self, doc: Doc, orgs: List[Dict]) -> Dict[Tuple[int, int], Tuple[str, str]]:
        out = {}
        acronyms: Dict[str, Tuple[str, str]] = {}
        for m in orgs:
            name = strip_det(m["name"])
            if m["key"]:
                out[(m["start"], m["end"])] = (m["key"], m["name"])
                continue
            key = f"organisation:{slug(name)}"
            # "Full Name (ACR)": the acronym names the same body
            nxt = doc[m["end"]:m["end"] + 3]
            if len(nxt) == 3 and nxt[0].text == "(" and nxt[2].text == ")" and nxt[1].is_upper:
                acronyms[nxt[1].text] = (key, name)
            acronyms.setdefault(_initials(name), (key, name))
            acronyms.setdefault("".join(w[0] for w in re.split(r"[\s\-]+", name) if w[:1].isalpha()).upper(), (key, name))
            out[(m["start"], m["end"])] = (key, name)
        for m in orgs:
            if m["key"]:
                continue
            text = strip_det(m["name"])
            if text.isupper() and text in acronyms and acronyms[text][0] != out[(m["start"], m["end"])][0]:
                out[(m["start"], m["end"])] = acronyms[text]
            elif len(text.split()) == 1 and text[:1].isupper():
                # "the Treasury" after "the Treasury Department": the one longer name with that word
                longer = {v for v in out.values() if len(v[1].split()) > 1 and text in v[1].replace("-", " ").split()}
                if len(longer) == 1:
                    out[(m["start"], m["end"])] = longer.pop()
        return out

    # -- events --------------------------------------------------------------------------
    # -- descriptions and pronouns -----------------------------------------------------
    def _descriptions(self, doc: Doc, groups: Dict[str, Dict], sent_of: List[int]) -> None:
        """"the Russian president", "Russian leader", "the Kremlin aide" -> the person so titled."""
        taken = _taken_tokens(groups)
        titled = self._titled_people(doc, groups)
        for tok in doc:
            if tok.i in taken or tok.lower_ not in self.titles or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children) or tok.tag_ in ("NNS", "NNPS"):
                continue
            if tok.dep_ in ("compound",) and tok.head.i in taken:
                continue  # a title before a name: "President Putin" is part of the name
            anchor = self._description_anchor(doc, tok, groups)
            if anchor is None:
                continue
            accepted = GENERIC_TITLES.get(tok.lower_, {tok.lower_})
            candidates = [pid for pid, (anchors, tts) in titled.items() if anchor in anchors and accepted & tts]
            if len(candidates) != 1:
                continue
            start = tok.i
            while start > 0 and doc[start - 1].head.i in (tok.i, start) and doc[start - 1].dep_ in ("amod", "compound", "nmod", "poss") \
                    and doc[start - 1].pos_ != "PRON":
                start -= 1
            end = tok.i + 1
            for prep in tok.rights:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    end = prep.right_edge.i + 1
            if any(i in taken and i not in _anchor_tokens(groups, anchor) for i in range(start, end)):
                continue
            span = doc[start:end]
            groups[candidates[0]]["mentions"].append({"text": span.text, "start_char": span.start_char,
                                                      "end_char": span.end_char, "start": start, "end": end,
                                                      "kind": "DESCRIPTION", "sentence": sent_of[start]})

    def _description_anchor(self, doc: Doc, tok, groups) -> Optional[str]:
        ent_at = _entity_at(groups)
        for c in tok.lefts:
            if c.i in ent_at and ent_at[c.i][1] in ("COUNTRY", "ORGANISATION"):
                return ent_at[c.i][0]
        for prep in tok.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "at", "for"):
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.i in ent_at and ent_at[obj.i][1] in ("COUNTRY", "ORGANISATION"):
                        return ent_at[obj.i][0]
        return None

    def _titled_people(self, doc: Doc, groups) -> Dict[str, Tuple[set, set]]:
        """Person id -> (country/org ids, title words) from "Russian President Vladimir Putin"-like mentions."""
        ent_at = _entity_at(groups)
        out: Dict[str, Tuple[set, set]] = {}
        for g in groups.values():
            if g["type"] != "PERSON":
                continue
            anchors, tts = set(), set()
            for mm in g["mentions"]:
                i = mm["start"] - 1
                while i >= 0 and (doc[i].lower_ in self.titles or doc[i].lower_ in ("deputy", "foreign", "prime", "vice", "state", "-")):
                    tts.add(doc[i].lower_)
                    i -= 1
                if i >= 0 and doc[i].text in ("'s", "’s"):
                    i -= 1
                if tts and i >= 0 and i in ent_at and ent_at[i][1] in ("COUNTRY", "ORGANISATION"):
                    anchors.add(ent_at[i][0])
                root = doc[mm["start"]:mm["end"]].root
                if tts:
                    for prep in root.children:  # "Prime Minister Jacinda Ardern of New Zealand"
                        if prep.dep_ == "prep" and prep.lower_ == "of":
                            anchors.update(ent_at[o.i][0] for o in prep.children
                                           if o.dep_ == "pobj" and o.i in ent_at and ent_at[o.i][1] in ("COUNTRY", "ORGANISATION"))
                before = title_before_comma(doc, mm["start"], self.titles)
                if before is not None:
                    tts.add(before.lower_)
                    a = self._description_anchor(doc, before, groups)
                    if a:
                        anchors.add(a)
                for ap in list(root.children) + ([root.head] if root.dep_ == "appos" else []):
                    if (ap.dep_ == "appos" or root.dep_ == "appos") and ap.lower_ in self.titles:
                        tts.add(ap.lower_)
                        a = self._description_anchor(doc, ap, groups)
                        if a:
                            anchors.add(a)
            if anchors:
                out[g["id"]] = (anchors, tts)
        return out

    def _event_descriptions(self, doc: Doc, groups: Dict[str, Dict], sent_of: List[int]) -> None:
        """"the Games", "the sporting event", "the summit", "the organization": the named
        event or body of that kind mentioned last before it."""
        taken = _taken_tokens(groups)
        # (start, group) of every non-pronoun mention, by type, in text order
        starts: Dict[str, List[Tuple[int, Dict]]] = {}
        for g in groups.values():
            for mm in g["mentions"]:
                if mm["kind"] != "PRONOUN":
                    starts.setdefault(g["type"], []).append((mm["start"], g))
        for v in starts.values():
            v.sort(key=lambda x: x[0])
        for i in self.description_words.positions(doc):
            tok = doc[i]
            head = tok.lemma_.lower() if tok.lower_ not in ("games", "olympics", "talks") else tok.lower_
            kind = DESCRIPTION_HEADS.get(head)
            if kind is None or tok.i in taken or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
            if not dets or dets[0].lower_ not in ("the", "this", "that", "its", "their", "this year's"):
                if not (dets and dets[0].dep_ == "poss" and (dets[0].pos_ == "PRON" or dets[0].lower_ in DATING_WORDS)):
                    continue
            mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod")]
            if any(m.pos_ == "PROPN" or m.i in taken for m in mods):
                continue  # a name of its own ("the Geneva summit") is not a description
            wanted_type, id_hint = kind
            target = None
            if head in GENERIC_EVENT_HEADS:
                named = {g["id"] for start, g in starts.get("EVENT", []) if start < tok.i and "ceremony" not in g["id"]}
                if len(named) != 1:
                    continue
            fitting = [g for start, g in starts.get(wanted_type, [])
                       if start < tok.i and (id_hint is None or id_hint in g["id"])
                       and (head == "ceremony" or not g["id"].endswith("-ceremony"))
                       and not (wanted_type == "ORGANISATION" and g["attributes"].get("country"))]
            if fitting and wanted_type == "ORGANISATION":
                # "the bloc", "the organization": the body the passage is about (named most
                # often so far), the latest of those on a tie
                seen = [g["id"] for g in fitting]
                target = max(reversed(fitting), key=lambda g: seen.count(g["id"]))
            elif fitting:
                target = fitting[-1]
            if target is None:
                continue
            start = min([m.left_edge.i for m in mods] + [tok.i] + [d.i for d in dets if d.dep_ == "poss" and d.pos_ != "PRON"])
            span = doc[start:tok.i + 1]
            target["mentions"].append({"text": span.text, "start_char": span.start_char, "end_char": span.end_char,
                                       "start": start, "end": tok.i + 1, "kind": "DESCRIPTION",
                                       "sentence": sent_of[start]})
            taken.update(range(start, tok.i + 1))

    def _pronouns(self, doc: Doc, groups: Dict[str, Dict], sent_of: List[int]) -> None:
        ent_at = _entity_at(groups)
        heads = sorted(((mm["start"], g["id"], g["type"], mm) for g in groups.values() for mm in g["mentions"]),
                       key=lambda x: x[0])
        titled = None
        for i in self.pronoun_words.positions(doc):
            tok = doc[i]
            low = tok.lower_
            if tok.pos_ != "PRON" or tok.i in ent_at:
                continue
            if low in FIRST_PERSON or low in FIRST_PLURAL:
                # "I" in a quote is its speaker; "we" in a leader's quote is the leader's state
                speaker = speaker_of_quote(doc, tok, ent_at)
                if speaker is None:
                    continue
                target = speaker
                if low in FIRST_PLURAL:
                    if titled is None:
                        titled = self._titled_people(doc, groups)
                    states = [a for a in titled.get(speaker, (set(), set()))[0] if groups.get(a, {}).get("type") == "COUNTRY"]
                    if len(states) != 1:
                        continue
                    target = states[0]
                groups[target]["mentions"].append({"text": tok.text, "start_char": tok.idx, "end_char": tok.idx + len(tok.text),
                                                   "start": tok.i, "end": tok.i + 1, "kind": "PRONOUN",
                                                   "sentence": sent_of[tok.i]})
                continue
            if low in MALE or low in FEMALE:
                wanted = ("PERSON",)
            elif low == "it" and (tok.head.pos_ != "VERB" or tok.head.lemma_ in EXPLETIVE_HEADS):
                continue
            elif low in NEUTER:
                wanted = ("COUNTRY", "ORGANISATION")
            else:
                continue
            target = _cataphor(tok, ent_at, wanted) or antecedent(doc, tok, heads, wanted, sent_of)
            if target is None:
                continue
            groups[target]["mentions"].append({"text": tok.text, "start_char": tok.idx, "end_char": tok.idx + len(tok.text),
                                               "start": tok.i, "end": tok.i + 1, "kind": "PRONOUN",
                                               "sentence": sent_of[tok.i]})


# ---------------------------------------------------------------------------------------
def _cataphor(tok, ent_at, wanted) -> Optional[str]:
    """"After he had met Xi, Biden said ...": the subject of an opening adverbial clause is
    the subject of the main clause that follows it."""
    clause = tok.head
    if tok.dep_ != "nsubj" or clause.dep_ != "advcl" or clause.i > clause.head.i:
        return None
    for c in clause.head.children:
        if c.dep_ == "nsubj" and c.i > clause.i and c.i in ent_at and ent_at[c.i][1] in wanted:
            return ent_at[c.i][0]
    return None


def _usual_spelling(name: str, mentions: List[Dict]) -> str:
    """An all-caps name (a dateline, "HIROSHIMA") gives way to the same name in normal
    case when the text has it ("Hiroshima"): names are node labels in every export."""
    if not name.isupper() or len(name) < 4:
        return name
    for mm in mentions:
        text = strip_det(mm["text"])
        if text.lower() == name.lower() and not text.isupper():
            return text
    return name


def _name_words(span) -> List[str]:
    """The words of a name, hyphenated parts written without spaces kept together
    ("Jean-Yves Le Drian" -> ["Jean-Yves", "Le", "Drian"], not "Jean - Yves")."""
    words: List[str] = []
    glue = False
    for t in span:
        if words and (glue or (t.text == "-" and not span.doc[t.i - 1].whitespace_)):
            words[-1] += t.text
        else:
            words.append(t.text)
        glue = t.text == "-" and not t.whitespace_ and len(words[-1]) > 1
    return words


def _misspelt_actor(name: Tuple[str, ...], actor_of: Dict[Tuple[str, ...], str]) -> Optional[str]:
    """The known person whose full name in the text is one typo from ``name`` in one word
    ("Fumio Kushida" for "Fumio Kishida"), if exactly one."""
    found = {a for known, a in actor_of.items() if len(known) == len(name) and known != name
             and sum(x != y for x, y in zip(known, name)) == 1
             and all(x == y or (len(x) > 4 and one_edit_apart(x, y)) for x, y in zip(known, name))}
    return found.pop() if len(found) == 1 else None


def _sentence_index(doc: Doc) -> List[int]:
    out = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            out[i] = n
    return out


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in ("of", "the", "and", "for", "on", "in")]
    return "".join(w[0] for w in words).upper()


def _name_part_of(toks: List[str], full: Tuple[str, ...]) -> bool:
    """"Putin" in "Vladimir Putin", "Xi" in "Xi Jinping", "bin Salman" in "Mohammed bin Salman"."""
    n = len(toks)
    if n >= len(full):
        return False
    if tuple(toks) == full[-n:] or tuple(toks) == full[:n]:
        return True
    if n == 1 and toks[0][:1].isupper() and len(toks[0]) > 2:
        # "Assad" in "Bashar al-Assad": the last part of a hyphenated word counts
        return toks[0] in full or any(w.split("-")[-1] == toks[0] for w in full)
    return False


def _country_name(doc: Doc, iso3: str, m: Dict) -> str:
    """The country's canonical name in the gazetteer ("Russia", not "Russian Federation")."""
    from ..gazetteer import country_names

    return country_names().get(iso3, iso3)


def _taken_tokens(groups: Dict[str, Dict]) -> set:
    return {i for g in groups.values() for mm in g["mentions"] for i in range(mm["start"], mm["end"])}


def _entity_at(groups: Dict[str, Dict]) -> Dict[int, Tuple[str, str]]:
    out = {}
    for g in groups.values():
        for mm in g["mentions"]:
            for i in range(mm["start"], mm["end"]):
                out[i] = (g["id"], g["type"])
    return out


def _anchor_tokens(groups, anchor: str) -> set:
    return {i for mm in groups[anchor]["mentions"] for i in range(mm["start"], mm["end"])}


