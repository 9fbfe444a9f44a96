"""Descriptions of :mod:`relext.pipeline.canonical`: definite descriptions ("the Russian
president", "the summit") resolved to the entity they describe.
"""
from __future__ import annotations

import re
from typing import Dict, List, Optional, Tuple

from spacy.tokens import Doc

from ..gazetteer import read_data
from ._lookup import positions_in
from .affiliation import title_before_comma
from .entity_groups import _anchor_tokens, _entity_at, _taken_tokens
from .person_descriptions import LEADER_HEADS, PERSON_NOUNS, described_person, misparsed_noun, office_holder

# word lists: relext/data/words/descriptions.yaml
_WORDS = read_data("words/descriptions.yaml")

GENERIC_TITLES = {"leader": {"president", "prime", "minister", "premier", "chancellor", "king", "emir", "leader"},
                  "official": {"secretary", "minister", "official", "spokesman", "spokesperson", "envoy", "ambassador",
                               "aide", "adviser", "advisor", "diplomat", "deputy"},
                  "president": {"president", "leader"},
                  # "his French counterpart": the French one of the same rank, most often the leader
                  "counterpart": {"president", "prime", "minister", "premier", "chancellor", "king", "emir", "leader",
                                  "secretary"},
                  # "the NATO chief", "the Commission head": whoever leads the body named
                  "chief": {"president", "chief", "head", "leader", "secretary-general", "secretary", "chairman", "chair",
                            "director", "director-general", "chancellor", "premier", "prime"},
                  "head": {"president", "chief", "head", "leader", "secretary-general", "secretary", "chairman", "chair",
                           "director", "director-general"}}
# head noun of a definite description -> (entity type, substring its id must contain)
DESCRIPTION_HEADS = {"games": ("EVENT", "olympics"), "olympics": ("EVENT", "olympics"), "event": ("EVENT", None),
                     "summit": ("EVENT", "summit"), "ceremony": ("EVENT", "ceremony"), "tournament": ("EVENT", None),
                     "forum": ("EVENT", "forum"), "conference": ("EVENT", "conference"),
                     "organization": ("ORGANISATION", None), "organisation": ("ORGANISATION", None),
                     "bloc": ("ORGANISATION", None), "alliance": ("ORGANISATION", None),
                     "grouping": ("ORGANISATION", None), "city": ("LOCATION", None), "town": ("LOCATION", None),
                     "talks": ("EVENT", None), "meeting": ("EVENT", None), "gathering": ("EVENT", None),
                     "session": ("EVENT", None),
                     # bodies described by the head word of their own name ("the movement"
                     # after the Non-Aligned Movement, "the community" after the East
                     # African Community, "the league" after the Arab League)
                     "movement": ("ORGANISATION", "movement"), "community": ("ORGANISATION", "community"),
                     "council": ("ORGANISATION", "council"), "federation": ("ORGANISATION", "federation"),
                     "league": ("ORGANISATION", "league"), "assembly": ("ORGANISATION", "assembly"),
                     "commission": ("ORGANISATION", "commission"),
                     # "the group" after the Lima Group ("Peru, the sole member of the group")
                     "group": ("ORGANISATION", "group"),
                     # "the body": the body the passage is about
                     "body": ("ORGANISATION", None)}
DESCRIPTION_HEADS["parade"] = ("EVENT", "parade")  # "the parade" after "the Victory Day parade"
# "the funeral" after "Pope Benedict's funeral" (relext/pipeline/person_occasions.py)
DESCRIPTION_HEADS.update({w: ("EVENT", w) for w in ("funeral", "inauguration", "memorial", "coronation",
                                                     "investiture", "burial", "enthronement")})
# "the ceremonies" after "the Moscow ceremonies", "the celebrations" after "the Jamhuri Day
# celebrations": an occasion (relext/data/events.yaml) by its own head, singular or plural
DESCRIPTION_HEADS["ceremony"] = ("EVENT", "ceremon")
# "the swearing-in" (three tokens) after "Maduro's inauguration": that inauguration
HYPHENATED_HEADS = {("swearing", "in"): ("EVENT", "inauguration")}
DESCRIPTION_HEADS["celebration"] = ("EVENT", "celebration")
DESCRIPTION_HEADS["commemoration"] = ("EVENT", "commemoration")
DESCRIPTION_HEADS["festivity"] = ("EVENT", "festivit")
# "the union" after the European Union, "the court" after the International Criminal
# Court: bare (no modifier: "the Kenyan court" is another one), and one such body only
BARE_HEADS = frozenset(_WORDS["bare_heads"])
for _head in BARE_HEADS:
    DESCRIPTION_HEADS[_head] = ("ORGANISATION", _head)
# heads that name a body by the head word of its own name: only one such body may fit
NAMED_BY_HEAD = {"movement", "community", "council", "federation", "forum", "league", "assembly", "commission",
                 "group"} | BARE_HEADS
# heads whose kind is tried second when nothing of the first kind fits ("the forum" after a
# body named "... Forum" and no forum event)
SECOND_KIND = {"forum": ("ORGANISATION", "forum")}
# heads that say nothing of the kind of event: they resolve only when the passage has named
# exactly one event (ceremonies aside) before them; with two or more, they stay unresolved
GENERIC_EVENT_HEADS = frozenset(_WORDS["generic_event_heads"])
# possessors that date a description rather than name it ("Thursday's meeting", "this year's event")
DATING_WORDS = frozenset(_WORDS["dating_words"])

# families of event descriptions (relext/data/event_descriptions.yaml): "the service" after
# "the funeral of X", "the negotiations" after "the Istanbul talks", "the ceremony" after an
# inauguration; the hint is then a tuple of words, any of which the event must have
_FAMILIES = read_data("event_descriptions.yaml")
for _head, _words in _FAMILIES["families"].items():
    DESCRIPTION_HEADS[_head] = ("EVENT", tuple(_words))
# lemmas of plural heads ("games" tagged as the noun "game")
PLURAL_LEMMAS = set(_FAMILIES["plural_lemmas"])
# heads that need exactly one fitting event named before them
ONE_ONLY_HEADS = set(_FAMILIES["one_only"])
# modifiers a family description may carry; with another, the head's own hint (or nothing)
FAMILY_MODIFIERS = set(_FAMILIES["family_modifiers"])
MODIFIED_HINT = dict(_FAMILIES["modified_hint"])


def _hinted(hint, text: str) -> bool:
    """Whether ``text`` (an id or a name) has the hint word, or one of a family's words."""
    if isinstance(hint, tuple):
        return any(h in text for h in hint)
    return hint in text


class Descriptions:
    """Definite descriptions of people and events for `Canonicalizer`."""

    # -- events --------------------------------------------------------------------------
    # -- descriptions and pronouns -----------------------------------------------------
    def _descriptions(self, doc: Doc, groups: Dict[str, Dict], sent_of: List[int]) -> None:
        """"the Russian president", "Russian leader", "the Kremlin aide" -> the person so titled."""
        taken = _taken_tokens(groups)
        titled = self._titled_people(doc, groups)
        person_heads = self.titles | LEADER_HEADS | PERSON_NOUNS
        for i in positions_in(doc, person_heads):
            tok = doc[i]
            if tok.i in taken or tok.pos_ not in ("NOUN", "PROPN") and not misparsed_noun(tok):
                continue
            if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children) or tok.tag_ in ("NNS", "NNPS"):
                continue
            if tok.dep_ in ("compound",) and tok.head.i in taken:
                continue  # a title before a name: "President Putin" is part of the name
            if tok.lower_ == "counterpart" and (tok.i + 1 in taken or any(c.dep_ == "appos" for c in tok.children)):
                continue  # "his Indian counterpart S. Jaishankar": the name says who
            anchor = self._description_anchor(doc, tok, groups)
            candidates = []
            if anchor is not None:
                accepted = GENERIC_TITLES.get(tok.lower_, {tok.lower_})
                candidates = [pid for pid, (anchors, tts) in titled.items()
                              if anchor in anchors and accepted & _leading_titles(tok, tts)]
                if not candidates and any(anchor in anchors and accepted & tts for anchors, tts in titled.values()):
                    continue  # only a minister of that country is titled: the leader is someone unnamed
            start = tok.i
            if not candidates:  # nobody so titled: the one named person the description fits
                found = described_person(doc, tok, anchor, groups, titled, sent_of,
                                         lambda t: GENERIC_TITLES.get(t.lower_, {t.lower_}))
                if found is None and anchor is None:  # "the minister": the one so titled before
                    found = office_holder(doc, tok, groups, sent_of)
                candidates = [found] if found else []
                # the span takes a country possessor with it ("Mexico's president"), so the
                # description carries its anchor for affiliation.py
                start = min([start] + [c.left_edge.i for c in tok.lefts if c.pos_ in ("DET", "ADJ", "NOUN")
                                       or c.dep_ == "poss" and c.pos_ == "PROPN" and anchor is not None])
            if len(candidates) != 1:
                continue
            while start > 0 and doc[start - 1].head.i in (tok.i, start) and doc[start - 1].dep_ in ("amod", "compound", "nmod", "poss") \
                    and doc[start - 1].pos_ != "PRON":
                start -= 1
            end = tok.i + 1
            for prep in tok.rights:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    end = prep.right_edge.i + 1
            if any(i in taken and (anchor is None or i not in _anchor_tokens(groups, anchor)) for i in range(start, end)):
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
            if tok.lower_ in {w for w, _ in HYPHENATED_HEADS}:
                self._hyphenated_description(doc, tok, taken, starts, sent_of)
                continue
            head = tok.lemma_.lower() if tok.lower_ not in ("games", "olympics", "talks", "negotiations") else tok.lower_
            kind = DESCRIPTION_HEADS.get(head)
            if kind is None or tok.i in taken or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
            if not dets or dets[0].lower_ not in ("the", "this", "that", "its", "their", "this year's"):
                if not (dets and dets[0].dep_ == "poss" and (dets[0].pos_ == "PRON" or dets[0].lower_ in DATING_WORDS)):
                    continue
            mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod")]
            if any(m.pos_ == "PROPN" and m.lower_ not in DATING_WORDS or m.i in taken for m in mods):
                continue  # a name of its own ("the Geneva summit") is not a description ("the Friday ceremony" is)
            if head in BARE_HEADS and (mods or dets[0].lower_ != "the" or tok.tag_ != "NN"):
                continue  # "the Kenyan court", "the unions": another one
            if head == "group" and (mods or tok.text != "group" or dets[0].lower_ != "the"
                                    or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)):
                continue  # "the Group of Seven", "the rebel group", "the group of states": no description
            wanted_type, id_hint = kind
            if isinstance(id_hint, tuple) and any(m.lower_ not in FAMILY_MODIFIERS for m in mods):
                # "the signing ceremony", "the civil service": not the funeral of the passage
                id_hint = MODIFIED_HINT.get(head)
                if id_hint is None:
                    continue
            target = None
            if head in GENERIC_EVENT_HEADS:
                named = {g["id"] for start, g in starts.get("EVENT", []) if start < tok.i and "ceremony" not in g["id"]}
                if len(named) != 1:
                    continue
            fitting = _fitting(starts, tok.i, head, wanted_type, id_hint)
            if not fitting and head in SECOND_KIND:
                wanted_type, id_hint = SECOND_KIND[head]
                fitting = _fitting(starts, tok.i, head, wanted_type, id_hint)
            if head == "group":  # a body whose name ends in "Group" (the Lima Group, not the Group of 77)
                fitting = [g for g in fitting if str(g.get("name", "")).lower().endswith(" group")]
            if head in ONE_ONLY_HEADS and len({g["id"] for g in fitting}) != 1:
                continue  # "the negotiations" after two talks: which one is not said
            if head in NAMED_BY_HEAD and len({g["id"] for g in fitting}) != 1:
                continue  # "the council" after two councils: which one is not said
            if head in BARE_HEADS and any(
                    doc[j].lemma_.lower() == head and j not in taken
                    for j in range(max(st for st, g in starts["ORGANISATION"] if g in fitting and st < tok.i), tok.i)):
                continue  # "the ICC ... a Kenyan court fined X, and the court ...": the other one
            if wanted_type == "EVENT" and id_hint == "summit":
                # "the summit" is an event the text calls a summit, before one keyed alike
                # but called a meeting ("the ASEAN-China meeting" after "the ASEAN summit")
                literal = [g for g in fitting if any(head in mm["text"].lower() for mm in g["mentions"]
                                                     if mm["kind"] == "NAME")]
                fitting = literal or fitting
            so_named = [g for g in fitting if id_hint and _hinted(id_hint, str(g.get("name", "")).lower())]
            if so_named and len(so_named) < len(fitting):
                # "the summit" is a summit so named, not a forum whose id was normalised to one:
                # of those, the one the passage is about (named most often so far)
                seen = [g["id"] for g in so_named]
                target = max(reversed(so_named), key=lambda g: seen.count(g["id"]))
            elif fitting and wanted_type == "ORGANISATION":
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


    @staticmethod
    def _hyphenated_description(doc: Doc, tok, taken, starts, sent_of: List[int]) -> None:
        """"the swearing-in" (written "swearing", "-", "in"): a description of the last
        named event of its kind before it (the inauguration named by a person); with no such
        event, after a possessive or an article other than "the", or before an "of" naming
        whose it is ("the swearing-in of the new cabinet"), nothing."""
        i = tok.i
        if i < 1 or i + 2 >= len(doc) or doc[i + 1].text != "-" or tok.whitespace_ or doc[i + 1].whitespace_:
            return
        kind = HYPHENATED_HEADS.get((tok.lower_, doc[i + 2].lower_))
        if kind is None or doc[i - 1].lower_ != "the" or taken & set(range(i, i + 3)):
            return
        if i + 3 < len(doc) and doc[i + 3].lower_ in ("of", "for"):
            return  # "the swearing-in of the cabinet": another one, named by its "of"
        wanted_type, id_hint = kind
        fitting = _fitting(starts, i, id_hint, wanted_type, id_hint)
        if not fitting:
            return
        span = doc[i:i + 3]
        fitting[-1]["mentions"].append({"text": span.text, "start_char": span.start_char, "end_char": span.end_char,
                                        "start": i, "end": i + 3, "kind": "DESCRIPTION", "sentence": sent_of[i]})
        taken.update(range(i, i + 3))


def _fitting(starts, i: int, head: str, wanted_type: str, id_hint) -> List[Dict]:
    """The entities named before token ``i`` that a description with this head can mean."""
    return [g for start, g in starts.get(wanted_type, [])
            if start < i and (id_hint is None or _hinted(id_hint, g["id"]) or _hinted(id_hint, str(g.get("name", "")).lower()))
            and (head == "ceremony" or not g["id"].endswith("-ceremony"))
            and (not g["attributes"].get("part_of") or g["id"].endswith("-" + head))  # "the tournament" is no opening match
            and not (wanted_type == "ORGANISATION" and g["attributes"].get("country"))
            and not (wanted_type == "EVENT" and id_hint is None and _NOT_HELD.search(str(g.get("name", "")).lower()))
            and not _only_body_named(g)]


# events that are no gathering: "the event", "the meeting", "the session" never mean a war,
# an attack or an election named before them ("the yearly event" after "World War II")
_NOT_HELD = re.compile(r"\b(?:wars?|clash(?:es)?|attacks?|invasion|holocaust|genocide|massacres?|revolution|"
                       r"uprising|crisis|elections?|famine|pandemic)\b")


def _only_body_named(g: Dict) -> bool:
    """A summit the text names only by its body ("skipped this year's G20"): "the summit"
    later is a meeting the text introduces as one, not this one."""
    return bool(g["attributes"].get("meeting_of")) and not any(
        len(mm["text"].split()) > 1 for mm in g["mentions"] if mm["kind"] == "NAME")


def _leading_titles(head, tts: set) -> set:
    """The title words ``tts`` of a person as a leader-like ``head`` reads them: "the Russian
    leader" is a prime minister, not a (foreign) minister nor a deputy or vice president
    ("Russian Deputy Foreign Minister X ... the Russian leader" is someone else)."""
    if head.lower_ != "leader":
        return tts
    if tts & {"deputy", "vice"}:
        return set()
    return tts if "prime" in tts else tts - {"minister"}
