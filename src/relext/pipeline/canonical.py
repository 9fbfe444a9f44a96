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

from typing import Dict, List, Optional, Tuple

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions  # noqa: F401
from ..gazetteer import read_data, seats, slug
from ._lookup import WordSet, span_chars, span_text
from .coreference import (EXPLETIVE_HEADS, FEMALE, FIRST_PERSON, FIRST_PLURAL, MALE, NEUTER, antecedent,
                          speaker_of_quote)
from .descriptions import DESCRIPTION_HEADS, HYPHENATED_HEADS, PLURAL_LEMMAS, Descriptions
from .event_bodies import bodies_in_events, drop_undescribed
from .place_descriptions import PlaceDescriptions
from .entity_groups import _country_name, _entity_at, _sentence_index
from .events import EventNamer, nested_games, strip_det
from .meeting_bodies import retype_meeting
from .compass_states import compass_states
from .state_governments import retype_government
from .capital_roles import (before_state_participle, for_a_state, for_whom_spoken, from_a_state, in_a_state,
                           of_a_state, possessor_of_state_body, to_a_state)
from .name_keys import NameKeys, _usual_spelling

# word lists: relext/data/words/canonical.yaml
_WORDS = read_data("words/canonical.yaml")

LOCATIVE_PREPS = frozenset(_WORDS["locative_preps"])
ACTOR_DEPS = {"nsubj", "nsubjpass", "poss", "dobj", "dative", "appos", "attr"}
# nouns of a government that a capital names ("the Kyiv regime" is Ukraine, per the guidelines)
GOVERNMENT_NOUNS = frozenset(_WORDS["government_nouns"])
# parts of a city that its possessive names ("Beijing's Great Hall", "Moscow's outskirts")
CITY_PARTS = frozenset(_WORDS["city_parts"])
# what one state gives or sends another ("arms deliveries to Kyiv", "aid to Addis Ababa")
GIVEN_NOUNS = frozenset(_WORDS["given_nouns"])
# adjectives whose subject must be an agent: "it" before them is never expletive
AGENT_ADJECTIVES = frozenset(_WORDS["agent_adjectives"])
# titles of whoever runs a body: "its head, X" is the body's, not the subject state's
BODY_HEAD_TITLES = frozenset(_WORDS["body_head_titles"])
TRAVEL_VERBS = frozenset(_WORDS["travel_verbs"])
_PLACE_WORDS = read_data("place_names.yaml")
# verbs after which "to/from <building>" is a destination or an origin, and verbs whose object
# is a building gone to or left ("brought ... to the White House", "left the White House")
ARRIVAL_VERBS = frozenset(_PLACE_WORDS.get("arrival_verbs", ()))
DEPARTURE_VERBS = frozenset(_PLACE_WORDS.get("departure_verbs", ()))


@Language.factory(
    "relext_canonical",
    default_config={"resolve_pronouns": True, "resolve_descriptions": True},
    assigns=["doc._.relext_entities"],
    requires=["doc._.relext_mentions", "token.dep", "doc.sents"],
)
def make_canonicalizer(nlp: Language, name: str, resolve_pronouns: bool, resolve_descriptions: bool) -> "Canonicalizer":
    """Build the ``relext_canonical`` component (config documented on `Canonicalizer`)."""
    return Canonicalizer(nlp, name, resolve_pronouns=resolve_pronouns, resolve_descriptions=resolve_descriptions)


class Canonicalizer(NameKeys, Descriptions, PlaceDescriptions):
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
        self.description_words = WordSet(nlp.vocab, list(DESCRIPTION_HEADS) + ["talk"] + sorted(PLURAL_LEMMAS)  # "talks" has lemma "talk"
                                         + [w for w, _ in HYPHENATED_HEADS] + ["swear"])  # its lemma as a verb
        self.pronoun_words = WordSet(nlp.vocab, MALE | FEMALE | NEUTER | FIRST_PERSON | FIRST_PLURAL, attr="LOWER")
        if resolve_descriptions:
            # the place tables (regions, official names, the cities of every country) are
            # read here, with the pipeline, not by whichever document first needs them
            self._load_place_tables()

    # ------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        mentions = [dict(m) for m in (doc._.relext_mentions or [])]
        mentions += nested_games(doc, mentions)
        mentions += compass_states(doc, mentions)  # "the North" for North Korea
        sent_of = _sentence_index(doc)
        for m in mentions:
            self._type_capital(doc, m)
            self._type_building(doc, m)
            retype_meeting(doc, m)
            retype_government(doc, m)  # "the Government of Sudan"
        groups: Dict[str, Dict] = {}
        order: List[str] = []

        def add(key: str, name: str, type_: str, m: Dict, attrs: Optional[Dict] = None) -> None:
            if key not in groups:
                groups[key] = {"id": key, "name": name, "type": type_, "attributes": {}, "mentions": []}
                order.append(key)
            g = groups[key]
            g["attributes"].update({k: v for k, v in (attrs or {}).items() if isinstance(v, (str, int, float, bool))})
            text, start_char, end_char = span_chars(doc, m["start"], m["end"])
            g["mentions"].append({"text": text, "start_char": start_char, "end_char": end_char,
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
                if m["attrs"].get("meeting_of"):  # a summit named by its body alone ("the G20")
                    attrs = dict(attrs, meeting_of=m["attrs"]["meeting_of"])
                add(key, name, label, m, attrs)
            elif label == "COUNTRY":
                add(m["key"] or f"country:{slug(m['name'])}", m["name"], label, m, m["attrs"])
            else:  # LOCATION
                attrs = {k: v for k, v in m["attrs"].items() if k not in ("capital_of", "capital_of_place")}
                add(m["key"] or f"location:{slug(m['name'])}", strip_det(m["name"]), label, m, attrs)
        for g in groups.values():
            if g["type"] == "PERSON":
                g["name"] = max((mm["text"] for mm in g["mentions"]), key=len) if not g["name"] else g["name"]
            g["name"] = _usual_spelling(g["name"], g["mentions"])
        self._propagate_surnames(doc, groups, order, sent_of)
        lazy = bodies_in_events(doc, groups, order, sent_of)  # "the NATO summit" names NATO too
        if self.resolve_descriptions:
            self._descriptions(doc, groups, sent_of)
            self._event_descriptions(doc, groups, sent_of)
        drop_undescribed(groups, order, lazy)
        if self.resolve_descriptions:
            self._place_descriptions(doc, groups, sent_of)
            self._bare_state_descriptions(doc, groups, sent_of)
            order[:] = [k for k in order if k in groups]  # a ministry read as its state leaves
        if self.resolve_pronouns:
            self._pronouns(doc, groups, sent_of)
        for g in groups.values():
            g["mentions"].sort(key=lambda mm: mm["start"])
        doc._.relext_entities = [groups[k] for k in order]
        return doc

    # -- countries and capitals ---------------------------------------------------------
    def _type_capital(self, doc: Doc, m: Dict) -> None:
        iso3 = m["attrs"].get("capital_of")
        place = m["attrs"].get("capital_of_place")  # "Taipei" for Taiwan, itself a LOCATION
        if m["label"] != "LOCATION" or not (iso3 or place):
            return
        root = doc[m["start"]:m["end"]].root
        acts = False
        if possessor_of_state_body(root):
            acts = True  # "Ottawa's foreign ministry" (relext/pipeline/capital_roles.py)
        elif root.dep_ == "poss" and (root.head.pos_ == "PROPN" or root.head.lemma_.lower() in CITY_PARTS):
            acts = False  # "Madrid's Royal Palace", "Moscow's outskirts": the city
        elif root.dep_ in ("compound", "nmod") and root.head.lemma_.lower() in GOVERNMENT_NOUNS \
                and root.head.i == m["end"]:
            acts = True  # "the Kyiv regime", "the Tehran government": the state
        elif before_state_participle(doc, m["end"]):
            acts = True  # "the Moscow-backed separatists" (relext/pipeline/capital_roles.py)
        elif root.dep_ in ACTOR_DEPS or root.dep_ == "npadvmod" and root.head.pos_ == "VERB" and root.i > root.head.i:
            # "governments that irritate Washington" (parsed as a modifier of the verb)
            acts = not (root.dep_ in ("dobj", "nsubjpass", "npadvmod") and root.head.lemma_ in TRAVEL_VERBS)
        elif in_a_state(root):
            acts = True  # "the leaders in Warsaw"
        elif root.dep_ == "pobj" and root.head.lower_ == "of":
            acts = of_a_state(root)  # "an ally of Moscow", "a foe of Washington"
        elif root.dep_ == "pobj" and root.head.lower_ in ("from", "for"):
            # "a rebuke from Beijing", "support for Minsk"; not "flew from Beijing", "left for Minsk"
            acts = root.head.head.pos_ in ("NOUN", "PROPN") or from_a_state(root) or for_whom_spoken(root)
        elif root.dep_ == "pobj":
            acts = root.head.lower_ not in LOCATIVE_PREPS  # "behind Washington", "pressure on Moscow"
        elif root.dep_ == "conj":
            first = root
            while first.dep_ == "conj":
                first = first.head
            acts = first.dep_ in ACTOR_DEPS or (first.dep_ == "pobj" and first.head.lower_ not in LOCATIVE_PREPS) \
                or for_a_state(first) or in_a_state(first)
        if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS - {"from", "for"}:
            # "arms deliveries to Kyiv", "budget support to Addis Ababa", "sent aid to Kabul": what
            # a state is given; not "a trip to Kyiv", "flights to Minsk"
            to = root.head
            giving = to.lower_ == "to" and (
                any(n.pos_ == "NOUN" and n.lemma_.lower() in GIVEN_NOUNS for n in (to.head, doc[to.i - 1]))
                or to.head.pos_ == "VERB" and any(d.dep_ == "dobj" and d.lemma_.lower() in GIVEN_NOUNS
                                                  for d in to.head.children))
            # "ties to Moscow" (capital_roles.py); "flew to Moscow" stays a place
            acts = giving or to_a_state(root) or in_a_state(root)
        nxt = doc[m["end"]].text if m["end"] < len(doc) else ""
        if (m["start"] == 0 or "\n" in doc[m["start"] - 1].text) and (span_text(doc, m["start"], m["end"]).isupper() or nxt in (":", "(", "—", "–", "-")) \
                and not before_state_participle(doc, m["end"]):
            acts = False  # a dateline: "MOSCOW (Reuters) -"; not "Moscow-backed rebels ..."
        seat = seats().get(m["name"])
        if acts and seat:  # "warned Brussels": the EU, whose seat it is
            m.update(label="ORGANISATION", key=seat["key"], kind="METONYM", attrs={}, name=seat["name"])
        elif acts and place:
            m.update(key=f"location:{slug(place)}", kind="METONYM", attrs={}, name=place)
        elif acts:
            m.update(label="COUNTRY", key=f"country:{iso3}", kind="METONYM",
                     attrs={"iso3": iso3}, name=_country_name(doc, iso3, m))

    def _type_building(self, doc: Doc, m: Dict) -> None:
        """"the White House said" is the body; "at the White House" is the place."""
        if m["label"] != "ORGANISATION" or not m["attrs"].get("place"):
            return
        root = doc[m["start"]:m["end"]].root
        prep = root.head
        while root.dep_ in ("appos", "conj") and root.head.pos_ == "PROPN" and root.head.i < m["start"]:
            root = root.head  # "in the Cabinet Room, White House, Washington": where the first one is
            prep = root.head
        place = root.dep_ == "pobj" and prep.lower_ in LOCATIVE_PREPS - {"from", "for", "to"} \
            and prep.head.lower_ != "according" and (prep.head.pos_ in ("VERB", "AUX") or prep.lower_ in ("in", "at", "inside", "outside"))
        # "had already been to the White House", "brought golfers to the White House", "left the White House"
        place = place or root.dep_ == "pobj" and prep.lower_ in ("to", "from") and prep.head.pos_ in ("VERB", "AUX") \
            and prep.head.lemma_.lower() in ARRIVAL_VERBS | DEPARTURE_VERBS
        place = place or root.dep_ == "dobj" and root.head.lemma_.lower() in DEPARTURE_VERBS
        if place:
            m.update(label="LOCATION", key=f"location:{slug(m['name'])}",
                     attrs={k: v for k, v in m["attrs"].items() if k not in ("place", "country")})


    def _pronouns(self, doc: Doc, groups: Dict[str, Dict], sent_of: List[int]) -> None:
        ent_at = _entity_at(groups)
        heads = sorted(((mm["start"], g["id"], g["type"], mm) for g in groups.values() for mm in g["mentions"]),
                       key=lambda x: x[0])
        titled = None
        resolved: Dict[int, Tuple[str, str]] = {}  # pronouns already resolved, in text order
        # first-person pronouns last: their speaker may be a pronoun ("'We back X,' he said"),
        # resolved in the first pass
        positions = list(self.pronoun_words.positions(doc))
        firsts = [i for i in positions if doc[i].lower_ in FIRST_PERSON or doc[i].lower_ in FIRST_PLURAL]
        for i in [i for i in positions if i not in set(firsts)] + firsts:
            tok = doc[i]
            low = tok.lower_
            if tok.pos_ != "PRON" or tok.i in ent_at:
                continue
            if low in FIRST_PERSON or low in FIRST_PLURAL:
                # "I" in a quote is its speaker; "we" in a leader's quote is the leader's state
                # (a speaker named by a pronoun resolved in the first pass counts too)
                speaker = speaker_of_quote(doc, tok, {**ent_at, **{k: v for k, v in resolved.items() if v[1] == "PERSON"}})
                if speaker is None:
                    continue
                target = speaker
                if low in FIRST_PLURAL:
                    if titled is None:
                        titled = self._titled_people(doc, groups)
                    states = [a for a in titled.get(speaker, (set(), set()))[0] if groups.get(a, {}).get("type") == "COUNTRY"]
                    if len(states) > 1 or (not states and not (low == "we" and tok.dep_ == "nsubj")):
                        continue
                    # a speaker with no state named: "we" as a subject is the speaker's own
                    # statement (GUIDELINES: a spokesperson's statement goes to the spokesperson)
                    target = states[0] if states else speaker
                groups[target]["mentions"].append({"text": tok.text, "start_char": tok.idx, "end_char": tok.idx + len(tok.text),
                                                   "start": tok.i, "end": tok.i + 1, "kind": "PRONOUN",
                                                   "sentence": sent_of[tok.i]})
                continue
            if low in MALE or low in FEMALE:
                wanted = ("PERSON",)
            elif low == "it" and (tok.head.pos_ != "VERB" or tok.head.lemma_ in EXPLETIVE_HEADS) \
                    and not (tok.dep_ == "pobj" and tok.head.pos_ == "ADP") \
                    and not (tok.dep_ == "nsubj" and tok.head.lemma_ == "take"
                             and any(c.dep_ == "dobj" and c.lower_ == "part" for c in tok.head.children)) \
                    and not (tok.dep_ == "nsubj" and any(c.dep_ == "acomp" and c.lower_ in AGENT_ADJECTIVES
                                                         for c in tok.head.children)) \
                    and not (tok.dep_ == "nsubj" and tok.head.lemma_ in ("be", "remain")
                             and any(c.dep_ == "prep" and c.lower_ == "behind" for c in tok.head.children)):
                # ("it is firmly behind X": an agent standing behind someone, `joined_steps`)
                # "sanctions on it" is never expletive, nor "it would be unable (ready) to attend",
                # nor "it will take part" (an agent, unlike "it takes time")
                continue
            elif low == "it" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in EVENT_OBJECT_VERBS:
                continue  # "X will not attend it", "Y will skip it": the event, never a state or body
            elif low in NEUTER:
                wanted = ("COUNTRY", "ORGANISATION")
                if _bound_by_quantifier(tok):
                    continue  # "every country in the boycott will let its athletes compete": no one state
            else:
                continue
            # an object pronoun never stands for the subject of its own clause ("X slapped
            # sanctions on it": not X; that would be "itself")
            # ("warned it would": a subject; "warned (urged, told) it to stop": an object)
            own = _clause_subjects(tok, ent_at, resolved) if tok.dep_ == "pobj" or tok.dep_ == "dobj" and not (
                tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ in ("AUX", "VERB", "PART")
                and doc[tok.i + 1].lower_ != "to") else set()
            pool = [h for h in heads if h[1] not in own and not groups[h[1]]["attributes"].get("platform")]
            if low == "it" and tok.head.pos_ == "ADP" and not _one_candidate(tok, pool, wanted, sent_of):
                continue  # "sanctions on it": only where one state or body can be meant
            target = _cataphor(tok, ent_at, wanted) or _body_of_head(tok, pool, sent_of) \
                or antecedent(doc, tok, pool, wanted, sent_of)
            if target is None:
                continue
            resolved[tok.i] = (target, groups[target]["type"])
            groups[target]["mentions"].append({"text": tok.text, "start_char": tok.idx, "end_char": tok.idx + len(tok.text),
                                               "start": tok.i, "end": tok.i + 1, "kind": "PRONOUN",
                                               "sentence": sent_of[tok.i]})


# ---------------------------------------------------------------------------------------
_QUANTIFIERS = frozenset(_WORDS["_quantifiers"])
# verbs whose object "it" can only be an event (`referred_object` then takes the event in focus)
EVENT_OBJECT_VERBS = {"attend", "skip"}


def _bound_by_quantifier(tok) -> bool:
    """Whether "it"/"its" sits under a clause whose subject is a quantified noun ("every
    country", "each member", "no state"): the pronoun is bound by it and names no one entity."""
    cur = tok
    while cur.head.i != cur.i:
        cur = cur.head
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i and any(d.dep_ == "det" and d.lower_ in _QUANTIFIERS
                                                                      for d in c.children) for c in cur.children):
            return True
    return False


def _body_of_head(tok, pool, sent_of) -> Optional[str]:
    """"X sanctioned the agency and froze the assets of its head, Y": "its" before a title
    that heads a body, with a name in apposition, is the one organisation named before it
    in its sentence (none or several: left to the general rule, which prefers subjects)."""
    head = tok.head
    if tok.lower_ != "its" or tok.dep_ != "poss" or head.lower_ not in BODY_HEAD_TITLES \
            or not any(c.dep_ == "appos" for c in head.children):
        return None
    orgs = {h[1] for h in pool if h[2] == "ORGANISATION" and h[0] < tok.i and sent_of[h[0]] == sent_of[tok.i]
            and h[3]["kind"] != "PRONOUN"}
    return orgs.pop() if len(orgs) == 1 else None


def _one_candidate(tok, pool, wanted, sent_of) -> bool:
    """Whether one entity only of the ``wanted`` types precedes ``tok`` in its sentence (or,
    with none there, in the sentence before)."""
    for back in (0, 1):
        found = {h[1] for h in pool if h[2] in wanted and h[0] < tok.i and sent_of[tok.i] - sent_of[h[0]] == back}
        if found:
            return len(found) == 1
    return False


def _clause_subjects(tok, ent_at, resolved) -> set:
    """The entities that are subjects of ``tok``'s own clause (through coordinated verbs
    and infinitives, not into a reporting clause above)."""
    a = tok.head
    out = set()
    if tok.dep_ == "pobj":  # "on it" on the verb, or on its bare object ("imposed sanctions on it")
        a = a.head
        # nor the possessor of its noun ("Japan's sanctions on it")
        out.update(ent_at[c.i][0] for c in a.children if c.dep_ == "poss" and c.i in ent_at)
        if a.pos_ in ("NOUN", "PROPN") and a.dep_ == "dobj" and not any(c.dep_ == "poss" for c in a.children):
            a = a.head
    # (a headline verb the tagger read as a noun still has its subject: "A break with B, accuse it")
    while a.pos_ in ("VERB", "AUX") or any(c.dep_ == "nsubj" for c in a.children):
        out.update((ent_at.get(c.i) or resolved[c.i])[0] for s in a.children if s.dep_ == "nsubj"
                   for c in (s, *s.conjuncts) if c.i in ent_at or c.i in resolved)
        participle = a.dep_ == "advcl" and a.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in a.children)
        if a.dep_ not in ("conj", "xcomp") and not participle or a.head.i == a.i:
            break  # ("X responded, accusing it of ...": the participle's doer is X)
        a = a.head
    return out


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
