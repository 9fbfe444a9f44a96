"""Finding a trigger's subject and object in the dependency parse, as canonical entities.

`EntityIndex` maps tokens to the canonical entities of ``doc._.relext_entities``;
`Arguments` walks the parse from a trigger to its arguments:

- subjects: ``nsubj``; the agent of a passive; the controller of an ``xcomp`` ("vowed
  to attend", "urged X to attend"); the head of a relative clause or participle
  ("leaders attending the summit"); the subject of the first verb of a coordination;
  for nouns the possessor, a name modifier, "by X"/"from X", or the subject of the
  light verb that governs the noun ("held talks with", "in a video call with");
- objects: slots named by the rule (``dobj``, ``prep:WORD``, ``pair``, ...);
- expansion: coordination gives one entity per member; staff nouns stand for their
  state ("their officials", "the leaders of A, B and C"); position nouns for their
  holder ("supported the demands of Putin"); relative and plural pronouns are followed.
"""
from __future__ import annotations

import re
from itertools import combinations
from typing import Dict, List, Optional, Sequence, Set, Tuple

from spacy.tokens import Doc, Token

KIND_RANK = {"NAME": 0, "DEMONYM": 0, "METONYM": 0, "DESCRIPTION": 1, "PRONOUN": 2}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
OBJECT_CONTROL = {"urge", "ask", "invite", "persuade", "force", "press", "encourage", "allow", "order", "tell", "call"}
NOUN_PREPS_TO_VERB = {"in", "during", "at", "after", "before", "following", "on", "over", "through", "via", "into", "amid",
                      "among", "as", "to"}
QUANTITY_NOUNS = {"number", "group", "handful", "majority", "some", "most", "many", "several", "all", "both",
                  "each", "coalition", "host", "dozen", "dozens", "list", "pair", "trio"}
PLACE_NOUNS = {"city", "town", "capital", "region", "province", "island", "village", "port", "resort", "state"}
LED = re.compile(r"^(.+)-(?:led|backed|brokered|sponsored)$", re.I)
PAIR_NOUNS = {"leader", "president", "premier", "side", "man", "woman", "minister", "head", "counterpart", "country",
              "nation", "leadership", "government", "state"}
STATE_NOUNS = {"country", "nation", "government", "state", "side", "leadership"}
LIST_PREPS = {"including", "like", "as"}
# positions given to someone: "a permanent seat for Brazil"
SEAT_NOUNS = {"seat", "seats", "membership", "place", "role", "representation", "status"}
# particles the parser may attach as prepositions ("walked out of", "pulled out of")
PARTICLES = {"out", "away", "off", "down", "up", "back"}
# position nouns whose "of X" names the one they are done to ("protest the invasion of Ukraine")
VICTIM_OF = {"invasion", "aggression", "occupation", "annexation", "suppression", "repression", "treatment",
             "crackdown", "interference", "meddling", "violation", "violations"}
# what the threatened one does in a warning's clause ("warned that X would pay")
SUFFER_VERBS = {"pay", "face", "suffer", "regret", "bear", "answer", "rue", "incur", "feel", "get", "receive"}
# generic heads that a name before them identifies ("the BRICS bloc")
KIND_NOUNS = {"bloc", "group", "grouping", "alliance", "organisation", "organization", "club", "forum", "union",
              "body", "community", "summit", "meeting", "conference", "gathering", "talks", "session", "games"}
# nouns that, made definite, refer to the named event of the passage ("the summit")
EVENT_NOUNS = {"summit", "meeting", "gathering", "conference", "event", "talks", "session", "games", "ceremony",
               "forum", "assembly", "congress", "convention", "olympics", "tournament", "championship"}

# modifiers that leave "the summit" the passage's summit ("the annual summit", "this week's")
GENERIC_EVENT_MODIFIERS = {"annual", "upcoming", "recent", "latest", "next", "last", "first", "entire", "whole",
                           "main", "full", "weekend", "two-day", "three-day", "virtual", "same"}


NUMBER_WORDS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _reduced_passive(v: Token) -> bool:
    """Whether ``v`` is a past participle modifying a noun ("the summit, attended by X")."""
    return v.dep_ == "acl" and v.tag_ == "VBN" and v.head.pos_ in ("NOUN", "PROPN")


def _group_size(t: Token) -> int:
    """The number a plural noun phrase gives itself ("the three countries" -> 3), else 0."""
    for c in t.children:
        if c.dep_ == "nummod":
            if c.lower_ in NUMBER_WORDS:
                return NUMBER_WORDS[c.lower_]
            if c.text.isdigit() and int(c.text) <= 10:
                return int(c.text)
    return 0


def _definite(t: Token) -> bool:
    """Whether a noun phrase is definite: "the summit", "this week's summit", "its meeting"."""
    for c in t.children:
        if c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these"):
            return True
        if c.dep_ == "poss":
            return True
    return False


# verbs with a predicate complement about their object: "held X responsible"
SMALL_CLAUSE_VERBS = {"hold", "deem", "find"}
# nouns whose infinitive is done by the subject of the verb that governs them
CONTROL_NOUNS = {"invitation", "offer", "plan", "bid", "promise", "pledge", "intention", "chance", "opportunity",
                 "request", "attempt", "effort", "commitment", "vow", "refusal"}
WRONGDOERS = {"dictator", "criminal", "murderer", "liar", "thug", "aggressor", "terrorist", "killer", "tyrant",
              "butcher", "autocrat", "despot", "warmonger", "bully"}


class EntityIndex:
    """Token -> canonical entity lookups for one document."""

    def __init__(self, doc: Doc, entities: Sequence[Dict]) -> None:
        self.doc = doc
        self.types: Dict[str, str] = {}
        self.names: Dict[str, str] = {}
        self.by_token: Dict[int, str] = {}
        self.name_by_token: Dict[int, str] = {}
        self.kind_by_token: Dict[int, str] = {}
        self.mention_of: Dict[int, Tuple[int, int]] = {}
        self.surface: Dict[str, Set[str]] = {}
        ranks: Dict[int, int] = {}
        for ent in entities:
            self.types[ent["id"]] = ent["type"]
            self.names[ent["id"]] = ent["name"]
            self.surface[ent["id"]] = {m["text"] for m in ent["mentions"]}
            for m in ent["mentions"]:
                rank = KIND_RANK.get(m["kind"], 3)
                for i in range(m["start"], m["end"]):
                    if rank < ranks.get(i, 9):
                        ranks[i] = rank
                        self.by_token[i] = ent["id"]
                        self.kind_by_token[i] = m["kind"]
                        self.mention_of[i] = (m["start"], m["end"])
                    if rank == 0 or (rank == 1 and ent["type"] != "PERSON"):
                        # names, and descriptions of states and bodies ("China's foreign ministry")
                        self.name_by_token.setdefault(i, ent["id"])

    def entity(self, i: int) -> Optional[str]:
        """The entity of token ``i`` (names before descriptions before pronouns)."""
        return self.by_token.get(i)

    def type_of(self, entity_id: str) -> str:
        return self.types.get(entity_id, "")


class Arguments:
    """Argument finders over one document (see the module docstring)."""

    def __init__(self, index: EntityIndex, *, staff: Set[str], titles: Set[str], position_nouns: Set[str],
                 support_verbs: Set[str], modality) -> None:
        self.index = index
        self.staff = staff
        self.titles = titles
        self.position_nouns = position_nouns
        self.support_verbs = support_verbs
        self.modality = modality
        self._cache: Dict[tuple, object] = {}

    def cached(self, key: tuple, fn, *args):
        """``fn(*args)``, computed once per key for this document (several rules share a trigger)."""
        if key not in self._cache:
            self._cache[key] = fn(*args)
        return self._cache[key]

    # -- expansion ---------------------------------------------------------------------
    def entities_of(self, t: Token, *, positions: bool = False, _depth: int = 0) -> List[str]:
        """The entities a noun phrase headed by ``t`` denotes (coordination expanded)."""
        if _depth > 6:
            return []
        out: List[str] = []
        e = self.index.entity(t.i)
        low, lemma = t.lower_, t.lemma_.lower()
        if e is not None:
            out.append(e)
        elif t.pos_ == "PRON" or (low == "whose" and t.dep_ == "poss"):
            if low in PLURAL_PRONOUNS:
                out.extend(self._plural(t, _depth) or self._previous_group(t) or self._recent_pair(t))
            elif low in RELATIVE_PRONOUNS and t.head.dep_ in ("relcl", "acl"):
                out.extend(self.entities_of(t.head.head, positions=positions, _depth=_depth + 1))
            elif low in ("those", "some", "many", "most", "all"):
                # "among them those from the US and Britain"
                out.extend(e for c in t.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
                           for p in c.children if p.dep_ == "pobj" for e in self.entities_of(p, _depth=_depth + 1))
            elif low in RELATIVE_PRONOUNS and t.dep_ in ("pobj", "poss"):
                # "the summit, in which A and B take part": the noun the clause modifies
                rel = next((a for a in t.ancestors if a.dep_ in ("relcl", "acl")), None)
                if rel is not None and rel.head.pos_ in ("NOUN", "PROPN"):
                    out.extend(self.entities_of(rel.head, positions=positions, _depth=_depth + 1))
        elif t.tag_ == "NNS" and lemma in PAIR_NOUNS and _group_size(t) > 2 \
                and any(c.lower_ in ("the", "these", "those") for c in t.children) \
                and not any(c.dep_ in ("amod", "compound", "relcl", "acl") for c in t.children):
            # "the three countries": the last three named
            kind = "COUNTRY" if lemma in STATE_NOUNS else "PERSON"
            out.extend(self._recent_group(t, kind, _group_size(t)))
        elif (t.tag_ == "NNS" and lemma in PAIR_NOUNS and any(c.lower_ in ("two", "both") for c in t.children)) \
                or (lemma in ("couple", "pair", "duo") and any(c.lower_ == "the" for c in t.children)):
            # "the two leaders", "both leaders"; "both governments" are states
            kinds = ("COUNTRY", "PERSON") if lemma in STATE_NOUNS else ("PERSON",)  # leaders are people
            out.extend(self._recent_pair(t, kinds))
        elif lemma in KIND_NOUNS and any(self.index.entity(c.i) for c in t.children if c.dep_ in ("compound", "nmod")):
            # "the BRICS bloc", "the G20 summit" parsed around a generic head: the named one
            out.extend(self.index.entity(c.i) for c in t.children
                       if c.dep_ in ("compound", "nmod") and self.index.entity(c.i)
                       and self.index.type_of(self.index.entity(c.i)) in ("ORGANISATION", "EVENT"))
        elif lemma in EVENT_NOUNS and t.dep_ in ("pobj", "dobj", "nsubjpass") and _definite(t) \
                and not any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ not in GENERIC_EVENT_MODIFIERS
                            for c in t.children):
            # "the summit", "this week's conference": the named event the passage is about
            ev = self.salient_event(t, window=3, ahead=False)
            if ev:
                out.append(ev)
        elif lemma in QUANTITY_NOUNS or lemma in PLACE_NOUNS:
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    out.extend(e for p in c.children if p.dep_ == "pobj" for e in self.entities_of(p, _depth=_depth + 1))
        elif lemma in self.titles and any(c.dep_ == "appos" and self.index.entity(c.i) for c in t.children):
            # "A spokesman at the ministry, Wang Wenbin, said": the person named
            out.extend(e for c in t.children if c.dep_ == "appos" for e in self.entities_of(c, _depth=_depth + 1))
        elif t.tag_ == "NN" and lemma in self.titles and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children):
            pass  # "a top Chinese official" is some official, not the state
        elif positions and lemma in self.position_nouns and lemma not in self.staff:
            holders = [c for c in t.children if c.dep_ in ("poss", "compound", "amod", "nmod")
                       and (self.index.entity(c.i) or (c.pos_ == "PRON" and c.dep_ == "poss"))]
            for c in t.children:  # "backed the Kenyan-led mission"
                m = LED.match(c.text) if c.dep_ in ("amod", "compound") else None
                if m:
                    out.extend(e for e, forms in self.index.surface.items() if m.group(1) in forms)
                elif c.dep_ == "amod" and c.lower_ in ("led", "backed", "sponsored"):
                    out.extend(self.index.entity(x.i) for x in c.children if self.index.entity(x.i))
            for c in holders:
                out.extend(self.entities_of(c, _depth=_depth + 1))
            if not holders and lemma not in VICTIM_OF:  # "the demands of Putin"; with a possessor, "of X" is what it is about
                preps = ("of", "by", "for") if lemma in SEAT_NOUNS else ("of", "by")  # "a seat for Brazil"
                for c in t.children:
                    if c.dep_ == "prep" and c.lower_ in preps:
                        out.extend(e for p in c.children if p.dep_ == "pobj" for e in self.entities_of(p, _depth=_depth + 1))
        elif lemma in self.staff or low in self.staff or lemma in self.titles or (positions and lemma in self.position_nouns):
            for c in t.children:
                if c.dep_ in ("poss", "compound", "amod", "nmod") and (self.index.entity(c.i) or c.pos_ == "PRON"):
                    out.extend(self.entities_of(c, _depth=_depth + 1))
                elif c.dep_ == "prep" and c.lower_ in ("of", "from", "at", "for"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            out.extend(self.entities_of(p, _depth=_depth + 1))
                elif c.dep_ == "appos":
                    out.extend(self.entities_of(c, _depth=_depth + 1))
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in LIST_PREPS and (c.lower_ != "as" or any(x.lower_ == "such" for x in c.children)):
                # "Western nations, including the US, Canada and the UK"; "guests such as X"
                out.extend(e for p in c.children if p.dep_ == "pobj" for e in self.entities_of(p, _depth=_depth + 1))
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM"):
                out.extend(self.entities_of(c, positions=positions, _depth=_depth + 1))
            elif c.dep_ in ("nmod", "compound") and e is not None and c.i + 1 < t.i and t.doc[c.i + 1].text == "," \
                    and self.index.entity(c.i) is not None and self.index.type_of(self.index.entity(c.i)) == self.index.type_of(e):
                out.extend(self.entities_of(c, positions=positions, _depth=_depth + 1))  # "The U.S., U.K., Canada ..."
            elif c.dep_ == "appos" and e is None and t.pos_ == "NOUN" and (t.tag_ in ("NNS", "NNPS")
                                                                             or lemma in STATE_NOUNS | {"nation"}):
                # a plural noun and the list that names its members: "three nations, A, B and C",
                # "55 states, among them A and B"
                out.extend(self.entities_of(c, positions=positions, _depth=_depth + 1))
            elif c.dep_ == "appos" and e is not None and self.index.entity(c.i) is not None \
                    and (self.index.type_of(self.index.entity(c.i)) == self.index.type_of(e)
                         or self.index.type_of(e) == "LOCATION" and self.index.type_of(self.index.entity(c.i)) == "COUNTRY"):
                # also "Sharm El Sheikh, Egypt": a place and the country it is in
                # a list parsed as apposition: "the United States, Australia, Canada and ..."
                out.extend(self.entities_of(c, positions=positions, _depth=_depth + 1))
        return list(dict.fromkeys(out))

    def _plural(self, t: Token, _depth: int = 0) -> List[str]:
        """"their officials" -> the coordinated subject of the clause that contains them."""
        cur = t.head
        for _ in range(8):
            if cur.pos_ in ("VERB", "AUX"):
                subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass") and t not in list(c.subtree)
                        and c.lower_ not in PLURAL_PRONOUNS]
                if subj:
                    ids = self.entities_of(subj[0], _depth=_depth + 1)
                    if len(ids) >= 1 and not (len(ids) == 1 and self.index.type_of(ids[0]) == "PERSON"):
                        return ids
            if cur.head is cur:
                break
            cur = cur.head
        return []

    def _previous_group(self, t: Token) -> List[str]:
        """"They" opening a sentence: the coordinated subject (two or more entities) of the
        sentence before ("Mali, Niger and Burkina Faso left. They accused the bloc ...")."""
        if t.dep_ not in ("nsubj", "nsubjpass"):
            return []
        sents = list(t.doc.sents)
        idx = next((n for n, s in enumerate(sents) if s.start <= t.i < s.end), 0)
        if idx == 0 or any(self.index.entity(i) for i in range(t.sent.start, t.i)):
            return []
        root = sents[idx - 1].root
        subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        found = self.entities_of(subj[0]) if subj else []
        return found if len(found) >= 2 else []

    def _recent_group(self, t: Token, kind: str, size: int) -> List[str]:
        """"the three countries": the nearest list of exactly ``size`` entities of ``kind``
        named together (one coordination) in the three sentences before."""
        sents = list(t.doc.sents)
        idx = next((n for n, s in enumerate(sents) if s.start <= t.i < s.end), 0)
        limit = sents[max(0, idx - 3)].start
        for i in range(t.i - 1, limit - 1, -1):
            tok = t.doc[i]
            if not any(c.dep_ in ("conj", "appos") for c in tok.children) or tok.dep_ in ("conj", "appos"):
                continue
            found = [e for e in self.entities_of(tok) if self.index.type_of(e) == kind]
            if len(found) == size:
                return found
        return []

    def _recent_pair(self, t: Token, kinds: Sequence[str] = ("PERSON", "COUNTRY")) -> List[str]:
        """"they", "the two leaders": the two people (or states) named last, if named within
        the three sentences before and no third one of the kind comes between."""
        doc = t.doc
        sents = list(doc.sents)
        idx = next((n for n, s in enumerate(sents) if s.start <= t.i < s.end), 0)
        limit = sents[max(0, idx - 3)].start
        for kind in kinds:
            seen: List[str] = []
            # a pair noun refers back past its own sentence ("North Korea was condemned by both
            # governments"); a pronoun may point into it ("Biden met Xi as they ...")
            first = t.sent.start - 1 if t.pos_ != "PRON" else t.i - 1
            for i in range(first, limit - 1, -1):
                e = self.index.entity(i)
                if e and self.index.type_of(e) == kind and self.index.kind_by_token.get(i) != "PRONOUN" and e not in seen:
                    seen.append(e)
                    if len(seen) == 3:
                        break
            if len(seen) == 2:
                return seen
        return []

    # -- subjects --------------------------------------------------------------------
    def subjects(self, tok: Token) -> List[str]:
        if tok.pos_ in ("NOUN", "PROPN"):
            return self.noun_subjects(tok)
        if tok.pos_ == "ADJ" and tok.dep_ in ("amod", "acl") and tok.head.pos_ in ("NOUN", "PROPN") and tok.i > tok.head.i:
            # "A and B are among the leaders due in Dubai": the noun the adjective follows
            return self._postmodified(tok.head)
        if tok.pos_ in ("ADJ", "ADV") and (tok.dep_ in ("acomp", "advmod", "attr", "oprd")
                                           or tok.dep_ == "ccomp" and tok.head.lemma_.lower() in SMALL_CLAUSE_VERBS):
            return self.verb_subjects(tok.head)
        return self.verb_subjects(tok)

    def verb_subjects(self, v: Token, _depth: int = 0) -> List[str]:
        if _depth > 5:
            return []
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children) or _reduced_passive(v)
        if passive:
            for c in v.children:
                if c.dep_ == "agent":
                    return [e for p in c.children if p.dep_ == "pobj" for e in self.entities_of(p)]
            return []
        subs = [c for c in v.children if c.dep_ in ("nsubj", "csubj", "expl")]
        subs = [c for c in subs if c.dep_ != "expl"]
        if subs:
            out = [e for s in subs for e in self.entities_of(s)]
            for c in v.children:  # "X will be there, together with Y and Z"
                if c.dep_ == "advmod" and c.lower_ in ("together", "along"):
                    for p in c.children:
                        if p.dep_ == "prep" and p.lower_ == "with":
                            out.extend(e for o in p.children if o.dep_ == "pobj" for e in self.entities_of(o))
                if c.dep_ == "prep" and c.lower_ == "with" and any(x.lower_ in ("together", "along") for x in c.children):
                    out.extend(e for o in c.children if o.dep_ == "pobj" for e in self.entities_of(o))
            return list(dict.fromkeys(out))
        head = v.head
        if v.dep_ in ("xcomp", "acl", "advcl", "ccomp", "pcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children) or v.dep_ == "xcomp":
            if head.pos_ in ("VERB", "AUX", "ADJ"):
                raised = [c for c in head.children if c.dep_ == "nsubjpass"]
                if raised:  # "X is expected / set / due to attend"
                    return self.entities_of(raised[0])
                if head.lemma_.lower() in OBJECT_CONTROL:
                    objs = [c for c in head.children if c.dep_ == "dobj"]
                    if objs:
                        return self.entities_of(objs[0])
                return self.verb_subjects(head, _depth + 1)
            if head.pos_ in ("NOUN", "PROPN"):
                found = self.noun_subjects(head, _depth + 1)
                if not found and head.lemma_.lower() in CONTROL_NOUNS and head.dep_ == "dobj" \
                        and head.head.pos_ in ("VERB", "AUX"):
                    # "X accepted (rejected) an invitation to attend", "X made a bid to join"
                    found = self.verb_subjects(head.head, _depth + 1)
                return found
        if v.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
            if not any(c.dep_ == "agent" for c in head.children):
                done = [c for c in head.children if c.dep_ == "nsubjpass"]
                if done:  # "X was not invited and did not take part": X is the active conjunct's subject
                    return self.entities_of(done[0])
            return self.verb_subjects(head, _depth + 1)
        if v.pos_ == "ADJ" and v.dep_ in ("acomp", "attr") and head.pos_ in ("VERB", "AUX"):
            return self.verb_subjects(head, _depth + 1)  # "X was due (set, likely) to meet Y"
        if v.dep_ == "pcomp" and head.dep_ in ("prep", "mark") and head.head.pos_ in ("VERB", "AUX", "ADJ"):
            objs = [c for c in head.head.children if c.dep_ == "dobj"]
            if objs:  # "barring athletes from attending": the object does it
                return self.entities_of(objs[0])
            gov = head.head
            if gov.pos_ in ("VERB", "AUX") and not any(c.dep_ == "agent" for c in gov.children):
                done = [c for c in gov.children if c.dep_ == "nsubjpass"]
                if done:  # "X is united (committed) in condemning Y": X does it
                    return self.entities_of(done[0])
            return self.verb_subjects(head.head, _depth + 1)
        if v.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("NOUN", "PROPN"):
            return self.noun_subjects(head.head, _depth + 1)
        if v.dep_ == "advcl" and v.tag_ == "VBG":
            return self.verb_subjects(head, _depth + 1)
        if v.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
            found = self.entities_of(head)
            if not found and head.dep_ == "pobj" and head.head.lower_ == "among" \
                    and head.head.head.pos_ in ("NOUN", "PROPN"):
                # "A and B among 30 nations boycotting X": the named ones do it
                found = self.entities_of(head.head.head)
            return found
        return []

    def _postmodified(self, head: Token) -> List[str]:
        """The entities a noun followed by a modifier stands for ("the leaders due in X")."""
        found = self.entities_of(head)
        if not found and head.dep_ == "pobj" and head.head.lower_ == "among" and head.head.head.pos_ in ("VERB", "AUX"):
            found = self.verb_subjects(head.head.head)
        return found

    def noun_internal_subjects(self, n: Token) -> List[str]:
        """Subjects named inside the noun phrase: "Japan's boycott", "the US boycott",
        "a boycott by X", "the U.S.-led boycott"."""
        out: List[str] = []
        for c in n.children:
            if c.dep_ == "poss":
                out.extend(self.entities_of(c))
            elif c.dep_ in ("compound", "amod", "nmod") and self.index.entity(c.i):
                out.append(self.index.entity(c.i))
            elif c.dep_ == "prep" and c.lower_ in ("by", "from"):
                out.extend(e for p in c.children if p.dep_ == "pobj" for e in self.entities_of(p))
            elif c.dep_ == "acl" and c.tag_ == "VBN":
                # "sanctions imposed on Iran by the EU"
                out.extend(e for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                           for e in self.entities_of(p))
            elif c.dep_ == "amod" and c.lower_.endswith("led"):
                found = [self.index.entity(x.i) for x in c.subtree if self.index.entity(x.i)]
                m = LED.match(c.text)
                if not found and m:  # "U.S.-led" is one token: find the entity named by its prefix
                    found = [e for e, forms in self.index.surface.items() if m.group(1) in forms]
                out.extend(found)
        return list(dict.fromkeys(out))

    def noun_subjects(self, n: Token, _depth: int = 0) -> List[str]:
        out = self.noun_internal_subjects(n)
        if out:
            return out
        if n.dep_ == "appos" and n.head.pos_ in ("PROPN", "NOUN") and self.index.entity(n.head.i):
            return self.entities_of(n.head)  # "X, a fierce critic of Y"
        cur = n
        if n.dep_ == "xcomp" and n.head.pos_ in ("VERB", "AUX"):
            return self.verb_subjects(n.head, _depth + 1)  # "spent two hours meeting with X" (tagged a noun)
        for _ in range(4):
            if cur.dep_ in ("dobj", "attr", "oprd"):
                v = cur.head
                if v.lemma_.lower() in self.support_verbs:
                    return self.verb_subjects(v, _depth + 1)
                return []
            if cur.dep_ == "pobj":
                prep = cur.head
                if prep.lower_ in NOUN_PREPS_TO_VERB and prep.head.pos_ in ("VERB", "AUX"):
                    return self.verb_subjects(prep.head, _depth + 1)
                if prep.lower_ == "with" and any(c.dep_ == "agent" for c in prep.head.children):
                    return self.verb_subjects(prep.head, _depth + 1)  # "was hit with a boycott by X"
                if prep.head.pos_ in ("NOUN", "PROPN") and prep.lower_ in NOUN_PREPS_TO_VERB:
                    cur = prep.head
                    continue
                return []
            if cur.dep_ in ("conj", "appos"):
                cur = cur.head
                continue
            if cur.dep_ in ("nsubj", "nsubjpass"):
                return []
            break
        return []

    # -- objects ---------------------------------------------------------------------
    def objects(self, tok: Token, slots: Sequence[str], subjects: List[str]) -> Tuple[List[str], List[Tuple[str, str]]]:
        objs: List[str] = []
        pairs: List[Tuple[str, str]] = []
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        for slot in slots:
            if slot == "dobj" and _reduced_passive(tok):
                # "the summit, attended by A and B": the noun the participle modifies
                if self.index.entity(tok.head.i):
                    objs.extend(self.entities_of(tok.head))
            elif slot == "dobj":
                deps = ("nsubjpass",) if passive else ("dobj",)
                for c in tok.children:
                    if c.dep_ in deps:
                        found = self.entities_of(c, positions=True)
                        if c.pos_ == "PRON" and not c.lower_.endswith(("self", "selves")):
                            # "A, B and C cut ties with X and accused it": a plain pronoun
                            # object is never its own clause's subject
                            found = [e for e in found if e not in subjects]
                        objs.extend(found)
            elif slot.startswith("prep:"):
                word = slot.split(">")[0][5:]
                for p in self._preps(tok, word):
                    found = [e for o in p.children if o.dep_ == "pobj" for e in self.entities_of(o, positions=True)]
                    if word in ("to", "for"):
                        # "heading to the G20 in India": the place the destination is in
                        found += [e for o in p.children if o.dep_ == "pobj" for q in o.children
                                  if q.dep_ == "prep" and q.lower_ == "in" for x in q.children if x.dep_ == "pobj"
                                  for e in self.entities_of(x)
                                  if self.index.type_of(e) in ("LOCATION", "COUNTRY")]
                    if word == "between" and len(found) >= 2:
                        pairs.extend(combinations(found, 2))
                    else:
                        objs.extend(found)
            elif slot == "pair":
                if not objs and not pairs and len(subjects) >= 2:
                    pairs.extend(combinations(subjects, 2))
            elif slot == "ccomp:nsubj":
                # "warned that X would pay a price / face consequences / be punished": X is
                # threatened; in "warned that Russia would retaliate" Russia is the threat
                for c in tok.children:
                    if c.dep_ == "ccomp" and (c.lemma_.lower() in SUFFER_VERBS
                                              or any(a.dep_ == "auxpass" for a in c.children)):
                        for s in c.children:
                            if s.dep_ in ("nsubj", "nsubjpass"):
                                objs.extend(self.entities_of(s))
            elif slot == "acl:dobj":
                for c in tok.children:
                    if c.dep_ == "acl":
                        objs.extend(e for d in c.children if d.dep_ == "dobj" for e in self.entities_of(d))
            elif slot == "compound":
                for c in tok.children:
                    if c.dep_ in ("compound", "nmod", "amod") and self.index.entity(c.i):
                        objs.append(self.index.entity(c.i))
            elif slot == "xcomp":
                # "threatened to retaliate against X", "threatened to impose sanctions on X"
                for c in tok.children:
                    if c.dep_ == "xcomp":
                        objs.extend(e for d in c.children if d.dep_ == "dobj" for e in self.entities_of(d))
                        for word in ("against", "on", "upon"):
                            objs.extend(e for p in self._preps(c, word) for o in p.children if o.dep_ == "pobj"
                                        for e in self.entities_of(o))
            elif slot == "subject":
                objs.extend(self.subjects(tok))
            elif slot == "poss":
                for c in tok.children:
                    if c.dep_ == "poss":
                        objs.extend(self.entities_of(c))
            elif slot == "governor":
                if tok.dep_ in ("dobj",) and tok.head.pos_ in ("VERB", "AUX"):
                    objs.extend(self.verb_subjects(tok.head))
            elif slot == "patient":
                # "X was hit with sanctions by Y", "X is under US sanctions": who suffers the noun
                if tok.dep_ == "pobj" and tok.head.lower_ == "with":
                    objs.extend(e for c in tok.head.head.children if c.dep_ == "nsubjpass" for e in self.entities_of(c))
                elif tok.dep_ == "pobj" and tok.head.lower_ == "under" and tok.head.head.pos_ in ("VERB", "AUX"):
                    objs.extend(self.verb_subjects(tok.head.head))
            elif slot == "governor_object":
                # "held X responsible", "deemed X accountable": the object of the verb whose
                # predicate complement the trigger is
                if tok.dep_ in ("oprd", "ccomp", "acomp", "xcomp") and tok.head.lemma_.lower() in SMALL_CLAUSE_VERBS:
                    objs.extend(e for c in tok.head.children if c.dep_ == "dobj" for e in self.entities_of(c))
                    # parsed as a small clause: "held [X responsible]"
                    objs.extend(e for c in tok.children if c.dep_ == "nsubj" for e in self.entities_of(c))
            elif slot == "position":
                # the object is someone's bid, step or accession, never the person itself
                # ("welcomed Iran's accession" supports Iran; "welcomed Modi" is a reception)
                for c in tok.children:
                    if c.dep_ in ("dobj", "nsubjpass") and c.dep_ == ("nsubjpass" if passive else "dobj") \
                            and self.index.entity(c.i) is None and c.lemma_.lower() in self.position_nouns:
                        objs.extend(self.entities_of(c, positions=True))
            elif slot == "dative":
                for c in tok.children:
                    if c.dep_ == "dative":
                        objs.extend(self.entities_of(c))
        if tok.dep_ in ("relcl",) and not objs:
            # "the Games, which Putin will attend"
            rel = [c for c in tok.children if c.dep_ == "dobj" and c.lower_ in RELATIVE_PRONOUNS]
            if rel:
                objs.extend(self.entities_of(tok.head))
        return list(dict.fromkeys(objs)), pairs

    def _preps(self, tok: Token, word: str) -> List[Token]:
        """Prepositions ``word`` on the trigger, its particle, or its direct object."""
        holders = [tok] + [c for c in tok.children if c.dep_ in ("prt", "advmod", "dobj", "acomp")
                           or c.dep_ == "prep" and c.lower_ in PARTICLES]  # "walked out [of X]"
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj" and tok.head.lemma_.lower() in self.support_verbs:
            holders.append(tok.head)  # "gave his backing to X", "imposed sanctions on X"
        elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and word == "with" and tok.head.head.pos_ == "VERB":
            holders.append(tok.head.head)  # "acted in solidarity [with X]", "is in talks [with X]"
        elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj" and word in ("in", "at", "to") \
                and tok.head.pos_ == "VERB":
            holders.append(tok.head)  # "cancelled his stop [in X]": the place hangs on the verb
        if tok.pos_ in ("ADJ", "ADV") and tok.dep_ in ("acomp", "advmod"):
            holders.append(tok.head)  # "will be present on Friday at the ceremony"
        if tok.pos_ in ("NOUN", "PROPN"):
            # a participle after the noun carries its object: "sanctions imposed on X",
            # "threats aimed at X", "a boycott directed against X"
            holders.extend(c for c in tok.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG"))
        if tok.pos_ in ("NOUN", "PROPN"):
            # "the blame for the conflict on X": the parser hangs "on X" on the inner noun
            holders.extend(o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("for", "over", "about", "on")
                           and p.lower_ != word
                           for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN" and not self.index.entity(o.i))
        if word in ("for", "at"):
            # "travelled to X for the summit", "stood in for the Queen at the summit": the
            # parser hangs the phrase on the object of the trigger's other preposition
            holders.extend(o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("to", "for") and p.lower_ != word
                           for o in p.children if o.dep_ == "pobj")
        for c in list(holders[1:]):
            if c.dep_ == "dobj":
                holders.extend(p for p in c.children if p.dep_ == "prep" and p.lower_ == "of")
                holders.extend(o for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                               for o in p.children if o.dep_ == "pobj")
        out = []
        for h in holders:
            for c in h.children:
                if c.dep_ in ("prep", "agent") and c.lower_ == word:
                    out.append(c)
                    # "with A and with B": the repeated preposition is a conjunct of the first
                    out.extend(x for x in c.children if x.dep_ == "conj" and x.lower_ == word)
        return out

    def reciprocal(self, tok: Token, slots: Sequence[str]) -> bool:
        """Whether the object is "each other" / "one another" (or their possessive):
        the subjects then relate to one another, in both directions."""
        nouns = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        for slot in slots:
            if slot.startswith("prep:"):
                nouns += [o for p in self._preps(tok, slot.split(">")[0][5:]) for o in p.children if o.dep_ == "pobj"]
        for n in nouns:
            for t in [n] + list(n.children):
                if t.lower_ in ("other", "another") and t.i > 0 and t.doc[t.i - 1].lower_ in ("each", "one"):
                    return True
        # "A and B traded (exchanged) threats": a plural noun trigger of an exchange verb
        return tok.pos_ == "NOUN" and tok.tag_ == "NNS" and tok.dep_ == "dobj" \
            and tok.head.lemma_.lower() in ("trade", "exchange", "swap")

    def has_explicit_object(self, tok: Token, particle: Optional[str] = None) -> bool:
        """Whether the trigger has a direct object or a prepositional object of its own.

        A phrasal verb ("went on", "go ahead") counts as having one: it means something else.
        """
        kids = list(tok.children)
        if tok.pos_ in ("ADJ", "ADV") and tok.dep_ in ("acomp", "advmod"):
            kids += [c for c in tok.head.children if c.dep_ == "prep"]
        for c in kids:
            if c.dep_ == "prt":
                return True
            if c.dep_ in ("dobj", "nsubjpass") and not self._is_staff(c) and c.lower_ != particle:
                return True  # ("take part": the particle is no object)
            if c.dep_ in ("prep",) and c.lower_ in ("to", "at", "in", "for", "of") and \
                    any(p.dep_ == "pobj" and not p.lemma_.lower() in ("point", "time", "moment", "place", "stead")
                        and p.ent_type_ not in ("DATE", "TIME") and not p.like_num for p in c.children):
                return True
        return False

    def _is_staff(self, t: Token) -> bool:
        nouns = [t] + [o for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
        return any(n.lemma_.lower() in self.staff or n.lower_ in self.staff for n in nouns)

    def salient_of_type(self, tok: Token, kind: str, *, sentences: int = 2) -> Optional[str]:
        """The nearest entity of type ``kind`` named before ``tok`` within ``sentences``
        sentences before its own ("Uzbekistan joined": the organisation just named)."""
        sents = list(tok.doc.sents)
        idx = next((n for n, s in enumerate(sents) if s.start <= tok.i < s.end), 0)
        limit = sents[max(0, idx - sentences)].start
        for i in range(tok.i - 1, limit - 1, -1):
            e = self.index.entity(i)
            if e and self.index.type_of(e) == kind and self.index.kind_by_token.get(i) != "PRONOUN":
                return e
        return None

    def salient_event(self, tok: Token, *, parts: bool = True, window: Optional[int] = None,
                      ahead: bool = True) -> Optional[str]:
        """The named event the text is about at ``tok``: the nearest EVENT mentioned before it,
        else the first one after it in the same sentence. With ``parts=False`` a part of an
        event (an opening ceremony) gives way to the whole event (a boycott is of the Games)."""
        def ok(e: Optional[str]) -> bool:
            return bool(e) and self.index.type_of(e) == "EVENT" and (parts or "-ceremony" not in e)

        limit = 0
        if window is not None:  # only events named in the last ``window`` sentences
            sents = list(tok.doc.sents)
            idx = next((n for n, s in enumerate(sents) if s.start <= tok.i < s.end), 0)
            limit = sents[max(0, idx - window)].start
        for i in range(tok.i - 1, limit - 1, -1):
            e = self.index.entity(i)
            if ok(e):
                return e
            if not parts and e and self.index.type_of(e) == "EVENT" and "-ceremony" in e:
                whole = e.rsplit("-", 2)[0]  # "event:2022-winter-olympics-opening-ceremony" -> the Games
                if whole in self.index.types:
                    return whole
        for i in range(tok.i + 1, tok.sent.end if ahead else tok.i + 1):
            e = self.index.entity(i)
            if ok(e):
                return e
        return None

    def event_context(self, tok: Token) -> List[str]:
        """Named events a meeting is set in: "on the sidelines of X", "during X", "at X"."""
        holders = [tok]
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "pobj", "nsubj") and tok.head.pos_ in ("VERB", "AUX", "ADP"):
            holders.append(tok.head if tok.head.pos_ != "ADP" else tok.head.head)
        cur = holders[-1]
        for _ in range(2):  # "spent four hours meeting X during the summit"
            if cur.dep_ in ("xcomp", "advcl", "pcomp") and cur.head is not cur:
                cur = cur.head if cur.dep_ != "pcomp" else cur.head.head
                holders.append(cur)
        out: List[str] = []
        for h in holders:
            for c in h.children:
                if c.dep_ != "prep" or c.lower_ not in ("on", "at", "during", "in", "of"):
                    continue
                for p in c.children:
                    if p.dep_ != "pobj":
                        continue
                    e = self.index.entity(p.i)
                    if e and self.index.type_of(e) == "EVENT":
                        out.append(e)
                    elif p.lemma_.lower() in ("sideline", "sidelines", "margin", "margins", "occasion"):
                        named = [self.index.entity(o.i) for q in p.children if q.dep_ == "prep" and q.lower_ == "of"
                                 for o in q.children if self.index.entity(o.i)
                                 and self.index.type_of(self.index.entity(o.i)) == "EVENT"]
                        if not named and not any(q.dep_ == "prep" for q in p.children):
                            # "on the sidelines" alone: of the event the passage is about
                            ev = self.salient_event(p, window=3, ahead=False)
                            named = [ev] if ev else []
                        out += named
        return list(dict.fromkeys(out))

    # -- rule conditions -------------------------------------------------------------
    def has_staff_object(self, tok: Token) -> bool:
        for c in tok.children:
            if c.dep_ in ("dobj", "nsubjpass"):
                nouns = [c] + [o for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                               for o in p.children if o.dep_ == "pobj"]
                nouns += [x for n in list(nouns) for x in n.children if x.dep_ == "conj"]
                if any(n.lemma_.lower() in self.staff or n.lower_ in self.staff for n in nouns):
                    return True
        return False

    def has_wrongdoer_complement(self, tok: Token) -> bool:
        return any(t.lemma_.lower() in WRONGDOERS for c in tok.children for t in c.subtree if t.i > tok.i)
