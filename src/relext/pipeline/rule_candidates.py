"""Rule-made candidates of :class:`relext.pipeline.entities.EntityRuler`: known people,
governments named after them, organisations the model cut apart, people named with an
honorific or a title, and named events.
"""
from __future__ import annotations

from typing import Dict, Iterable, List, Tuple

from spacy.tokens import Doc

from ._lookup import doc_text, line_breaks, span_text
from .parsed_names import _head_for_named_event, _leader_government, _leader_key, _named_head_span
from .named_heads import MONTHS
from .person_or_place import _named_as_body_joined
from .span_shapes import _edition_spans, _trim
from .event_parts import PART_FAMILY, tied_to_event
from .org_conjuncts import join_inner_and, split_part_of_body


class RuleCandidates:
    """Candidate finders of `EntityRuler` that need its tables and matchers
    (``people``, ``person_matcher``, ``event_matcher``, word sets ...)."""

    def _known_person_candidates(self, doc: Doc) -> List[Dict]:
        """People of the actor table, wherever they stand ("Lavrov met Blinken", "Xi Jinping
        at the start of a sentence"); they carry the table's id and roles with dates."""
        out = []
        for start, end, idx in self.people.find(doc):
            known = self.people.person(idx)
            gov = _leader_government(doc, end)
            if gov:
                out.append({"start": start, "end": gov, "label": "ORGANISATION", "key": _leader_key(doc, end, gov),
                            "name": span_text(doc, start, gov), "kind": "NAME", "attrs": {}, "source": "actors"})
                continue
            out.append({"start": start, "end": end, "label": "PERSON", "key": None, "name": span_text(doc, start, end),
                        "kind": "NAME", "attrs": {"actor": known["id"], "actor_name": known["name"],
                                                  "known_roles": known["roles"]}, "source": "actors"})
        return out

    def _common_word_pair(self, doc: Doc, prev: Dict, c: Dict) -> bool:
        """A name of two or more words ending in an English word, "and", then one capitalised
        English word the model typed a body of its own ("Science" and "Technology", "Trade"
        and "Industry"), with no capitalised word after it: one name. Not "the World Bank and
        Oxfam" (no English word after "and"), "Gazprom and Shell" (one word before "and"),
        nor a name the gazetteer knows after "and"."""
        words = self.common_words
        last, nxt = doc[prev["end"] - 1], doc[c["start"]]
        after = doc[c["end"]] if c["end"] < len(doc) else None
        return doc[prev["end"]].text == "and" and prev["end"] - prev["start"] >= 2 and c["end"] - c["start"] == 1 \
            and last.is_title and last.lower_ in words and nxt.is_title and nxt.is_alpha and nxt.lower_ in words \
            and nxt.text not in self._by_alias and prev["name"] not in self._by_alias \
            and not (after is not None and after.is_title)

    def _joined_organisations(self, doc: Doc, model: List[Dict]) -> List[Dict]:
        """Organisation names the model cut at "of"/"for" ("Directorate General" + "Military
        Counter-Intelligence", "Alliance" + "Sahel States") and a body cut before "of <state>"
        ("Supreme Court" + "Kenya", ``state_of_heads``) joined again; then one-word
        spans of a generic head or an adjective ("Council", "International") dropped. Names cut
        at an inner "and" are joined first, and a named part of a known body is cut from it
        last (:mod:`relext.pipeline.org_conjuncts`)."""
        heads = self.org_heads | self.body_heads | self.agency_heads  # nouns, not "International"
        model = join_inner_and(doc, sorted(model, key=lambda c: c["start"]), heads, lambda t: t in self._by_alias,
                               self._known_body)
        out: List[Dict] = []
        for c in model:
            prev = out[-1] if out else None
            if prev is not None and prev["label"] == c["label"] == "ORGANISATION" and c["start"] == prev["end"] + 1 \
                    and self._common_word_pair(doc, prev, c):
                prev.update(end=c["end"], name=span_text(doc, prev["start"], c["end"]), key=None)
                continue  # "Wuhan Lantern Science" + "Technology": one company cut at its "and"
            if prev is not None and prev["label"] == c["label"] == "ORGANISATION" and c["start"] > prev["end"]:
                between = doc[prev["end"]:c["start"]]
                if 1 <= len(between) <= 2 and between[0].lower_ in ("of", "for", "on") and \
                        all(t.lower_ in ("of", "for", "on", "the", "a", "an") for t in between) and doc[c["start"]].text[:1].isupper():
                    prev.update(end=c["end"], name=span_text(doc, prev["start"], c["end"]), key=None)
                    continue
            if prev is not None and prev["label"] == "ORGANISATION" and c["label"] == "LOCATION" \
                    and c["start"] == prev["end"] + 1 and doc[prev["end"]].lower_ == "of" \
                    and doc[prev["end"] - 1].is_title and doc[prev["end"] - 1].lower_ in self.state_of_heads \
                    and self._is_state(c["name"]) and not (c["end"] < len(doc) and doc[c["end"]].is_title):
                prev.update(end=c["end"], name=span_text(doc, prev["start"], c["end"]), key=None)
                continue  # "the Supreme Court of Kenya", "the Electoral Commission of Zambia": one name
            out.append(dict(c))
        out = split_part_of_body(doc, out, heads, self._known_body)
        common = getattr(self, "common_words", frozenset())
        return [c for c in out if not (c["label"] == "ORGANISATION" and c["end"] - c["start"] == 1 and c["source"] == "model"
                                       and (doc[c["start"]].lower_ in self.generic_org_words or doc[c["start"]].pos_ == "ADJ"))
                and not (c["label"] == "ORGANISATION" and c["source"] == "model" and _in_capitals_line(doc, c["start"])
                         and all(t.lower_ in common or not t.is_alpha for t in doc[c["start"]:c["end"]]))]

    def _known_body(self, text: str) -> bool:
        """Whether ``text`` is a gazetteer organisation's alias."""
        return any(self.entries[i]["type"] == "ORGANISATION" for i in self._by_alias.get(text, ()))

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
            out.append({"start": start, "end": end, "label": "PERSON", "key": None, "name": span_text(doc, start, end),
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
            if j > i + 1 and span_text(doc, i + 1, j) not in self._by_alias \
                    and not any(t.text in self._by_alias and not (j - i > 2 and t.i < j - 1 and self._only_place(t.text))
                                for t in doc[i + 1:j]):
                # a given name that is also a city's stays in the name: "President Santiago Pena"
                out.append({"start": i + 1, "end": j, "label": "PERSON", "key": None, "name": span_text(doc, i + 1, j),
                            "kind": "NAME", "attrs": {}, "source": "title"})
        return out

    def _only_place(self, text: str) -> bool:
        """Whether ``text`` is in the gazetteer only as a place (a city), not as a state or a body."""
        entries = [self.entries[i] for i in self._by_alias.get(text, ())]
        return bool(entries) and all(e["type"] == "LOCATION" for e in entries)

    def _event_candidates(self, doc: Doc, found: Iterable[Dict] = ()) -> List[Dict]:
        """Olympic, summit and ceremony patterns; bodies named by an event; events named
        around a head word (:mod:`relext.pipeline.named_heads`), given the mentions
        ``found`` so far (to tell organisations from people and dates)."""
        out = []
        matches = self.event_matcher(doc) if self.event_keywords.positions(doc) or "COP" in doc_text(doc) else []
        # an exercise named by a state, a place or a person is no named event ("Taiwan drills")
        named_by = {i for c in found if c["source"] != "model" and c["label"] in ("COUNTRY", "LOCATION", "PERSON")
                    for i in range(c["start"], c["end"])}
        for match_id, start, end in matches:
            if self.nlp.vocab.strings[match_id] == "exercise" and named_by & set(range(start, end)):
                continue
            if self.nlp.vocab.strings[match_id] == "exercise":
                start, end = _exercise_name(doc, start, end)
            start, end = _trim(doc, start, end)
            if self.nlp.vocab.strings[match_id] == PART_FAMILY and not tied_to_event(doc, start, end):
                continue
            if start < end:
                out.append({"start": start, "end": end, "label": "EVENT", "key": None, "name": span_text(doc, start, end),
                            "kind": "NAME", "attrs": {"family": self.nlp.vocab.strings[match_id]}, "source": "pattern"})
        for i in self.org_head_words.positions(doc):
            tok = doc[i]
            if tok.pos_ != "NOUN" or not tok.is_lower or any(c.lower_ == "news" for c in tok.lefts):
                continue  # "the Dawn news agency" is an outlet (relext/pipeline/outlets.py)
            span = _named_head_span(tok) or _head_for_named_event(tok, out)
            if span is not None:  # "the Tokyo 2020 organizing committee", "the organizing committee for the 2030 World Cup"
                out.append({"start": span[0], "end": span[1], "label": "ORGANISATION", "key": None,
                            "name": span_text(doc, span[0], span[1]), "kind": "NAME", "attrs": {}, "source": "parse"})
        # a one-word PERSON of the model alone ("the Francophonie summit") is too weak to
        # stop a name: only known people, titled names and the model's longer names do
        ent_at = {i: c["label"] for c in found for i in range(c["start"], c["end"])
                  if not (c["label"] == "PERSON" and c["source"] == "model" and c["end"] - c["start"] == 1)}
        for s, e in _edition_spans(doc, ent_at, MONTHS):
            out.append({"start": s, "end": e, "label": "EVENT", "key": None, "name": span_text(doc, s, e), "kind": "NAME",
                        "attrs": {"family": "summit"}, "source": "parse"})
        gerunds = [i for i in self.gerund_heads.positions(doc) if doc[i].tag_ == "VBG"]
        for i in self.head_words.positions(doc) + gerunds:
            tok = doc[i]
            if not tok.is_lower and not tok.is_title:
                continue
            span = self.event_shapes.span(tok, ent_at) if tok.tag_ != "VBG" else self.event_shapes.gerund_span(tok, ent_at)
            if span is not None and _named_as_body_joined(doc, *span):
                out.append({"start": span[0], "end": span[1], "label": "ORGANISATION", "key": None,
                            "name": span_text(doc, span[0], span[1]), "kind": "NAME", "attrs": {}, "source": "parse"})
            elif span is not None:
                out.append({"start": span[0], "end": span[1], "label": "EVENT", "key": None,
                            "name": span_text(doc, span[0], span[1]), "kind": "NAME",
                            "attrs": {"family": "summit"}, "source": "parse"})
        occasion_heads = self.person_occasion_words.positions(doc)
        if occasion_heads:  # "Pope Benedict's funeral" (relext/pipeline/person_occasions.py)
            people_at = {i: c["label"] for c in found for i in range(c["start"], c["end"])}
            for s, e, name, person in self.person_occasions.spans(doc, occasion_heads, people_at):
                out.append({"start": s, "end": e, "label": "EVENT", "key": None, "name": name, "kind": "NAME",
                            "attrs": {"family": "person_occasion", "named_for": name, "person": person},
                            "source": "parse"})
        return out


QUOTES = {'"', "“", "”", "'", "‘", "’"}


def _exercise_name(doc: Doc, start: int, end: int) -> Tuple[int, int]:
    """The name inside a matched exercise: the quoted words ("\"Joint Sword\" drills" ->
    Joint Sword) or the name up to its edition year ("Vostok 2018 strategic military
    exercise" -> Vostok 2018); else the whole match ("the Foal Eagle drills")."""
    if doc[start].text in QUOTES:
        close = next((i for i in range(start + 1, end) if doc[i].text in QUOTES), None)
        if close is not None and close > start + 1:
            return start + 1, close
    year = next((i for i in range(start + 1, end) if doc[i].shape_ == "dddd"), None)
    if year is not None:
        return start, year + 1
    return start, end


def _in_capitals_line(doc: Doc, i: int) -> bool:
    """Token ``i`` stands in a line written in capitals ("PRESIDENT HAS COVID FOR THE THIRD
    TIME"): there the model's casing cue is lost, and a span of plain English words it
    types as an organisation is a headline's words, not a body's name."""
    in_text, after = line_breaks(doc)
    start = i
    while start > 0 and not in_text[start - 1] and not after[start - 1]:
        start -= 1
    end = i + 1
    while end < len(doc) and not in_text[end] and not after[end - 1]:
        end += 1
    words = 0
    for t in doc[start:end]:
        if t.is_alpha:
            if not t.is_upper:
                return False  # a word in lower or title case: not a line in capitals
            words += 1
    return words >= 3
