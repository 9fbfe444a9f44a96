"""ATTENDS of whoever does something at a named event.

"X called for free trade at the APEC summit", "At the summit, X signed the declaration",
"A and B agreed at an online sitting of the summit", "X chaired the summit" → X attends
(GUIDELINES: the subject attends or takes part in the event). The verb's own "at" (or
"during" for a meeting's programme) carries the event: the named EVENT itself, a part of its
programme tied to it ("at a session of X", "at X's closing dinner"), or a definite
description of the passage's event ("at the summit"). Not for verbs whose "at" is their
argument ("took aim at", "scoffed at", "hinted at"), for topics ("Ukraine dominated the talks
at the summit", "was on the agenda"), for a negated verb ("did not speak at X" says nothing
of being there), nor for organisations (the body that holds the event).
"""
from __future__ import annotations

from typing import Dict, List, Optional

from spacy.tokens import Doc, Token

from ..gazetteer import read_data
from ._lookup import positions_in, positions_of_words
from .records import record

# word lists: relext/data/words/event_actions.yaml
_WORDS = read_data("words/event_actions.yaml")

# verbs whose "at" is an argument or a target, not the place the subject is in
AT_ARGUMENT_VERBS = frozenset(_WORDS["at_argument_verbs"])
# nouns of a verbal blow whose "at" is the target ("took a swipe at the summit")
AT_TARGET_NOUNS = frozenset(_WORDS["at_target_nouns"])
# the light verbs whose object noun may carry the "at" ("signed the declaration at X",
# "held a news conference at X", "gave a speech at X")
LIGHT_VERBS = frozenset(_WORDS["light_verbs"])
# verbs that put the subject in the chair of the event itself ("chaired the summit")
CHAIR_VERBS = frozenset(_WORDS["chair_verbs"])
# nouns of attending that carry the "at" themselves ("cancelled his attendance at X")
ATTENDANCE_NOUNS = frozenset(_WORDS["attendance_nouns"])
# parts of a programme whose event is named after them ("at a session of X")
PROGRAMME_PARTS = frozenset(_WORDS["programme_parts"])
ACTORS = ("PERSON", "COUNTRY")
# description kinds that name the passage's event (not "the meeting": often a bilateral one)
DESCRIBED_KINDS = frozenset(_WORDS["described_kinds"])
# more kinds that name the passage's event when it is chaired ("the meeting is chaired by A and B")
CHAIRED_KINDS = frozenset(_WORDS["chaired_kinds"])


def event_actions(doc: Doc, index, args, modality) -> List[Dict]:
    """ATTENDS records of subjects acting at a named event, and of chairs of one."""
    out: List[Dict] = []
    if not any(t == "EVENT" for t in index.types.values()):
        return out
    for i in positions_of_words(doc, {"at", "over"}):
        if doc[i].dep_ == "prep":
            out += _acted_at(doc[i], index, args, modality)
    for i in positions_of_words(doc, {"during"}):
        if doc[i].dep_ == "prep":
            out += _spoke_during(doc[i], index, args, modality)
    for i in positions_in(doc, CHAIR_VERBS, {"come"}, ADDRESS_VERBS, attr="LEMMA"):
        if doc[i].pos_ != "VERB":
            continue
        lemma = doc[i].lemma_.lower()
        if lemma in ADDRESS_VERBS:
            out += _addressed_gathering(doc[i], index, args, modality)
        else:
            out += (_came if lemma == "come" else _chaired)(doc[i], index, args, modality)
    return out


# verbs of speaking to an audience (the preposition they take, or None for an object)
ADDRESS_VERBS = {"address": None, "brief": None, "lecture": None, "tell": None, "speak": ("to", "before"),
                 "talk": ("to",)}
# an indefinite gathering stands for the event in focus ("addressing a mostly leftist gathering")
GATHERING_NOUNS = frozenset(_WORDS["gathering_nouns"])


def _addressed_gathering(verb: Token, index, args, modality) -> List[Dict]:
    """"X, addressing a gathering of leftist leaders, ...", "X told a summit of African leaders":
    the indefinite gathering spoken to is the event in focus (named in the last three sentences)."""
    preps = ADDRESS_VERBS[verb.lemma_.lower()]
    if preps is None:
        nouns = [c for c in verb.children if c.dep_ == "dobj"]
    else:
        nouns = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children
                 if p.dep_ == "pobj"]
    nouns = [n for n in nouns if n.lemma_.lower() in GATHERING_NOUNS and index.entity(n.i) is None
             and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in n.children)]
    if not nouns:
        return []
    n = nouns[0]
    if any(c.dep_ == "prep" and c.lower_ in ("in", "on", "at") and any(index.entity(p.i) for p in c.children)
           for c in n.children):
        return []  # "a forum in Berlin", "a conference on Gaza": another gathering
    ev = args.salient_event(verb, window=3, ahead=False)
    return _emit(verb, args.subjects(verb), ev, index, args, modality, "ATTENDS:addressed-gathering")


# words that may stand beside a bare "came" ("came too", "came anyway", "did not come")
CAME_ADVERBS = frozenset(_WORDS["came_adverbs"])
CAME_DEPS = {"nsubj", "aux", "neg", "punct", "cc", "npadvmod", "prep"}


def _came(verb: Token, index, args, modality) -> List[Dict]:
    """"X came too", "China chose not to come": with nothing after the verb, coming is
    coming to the event in focus (named in the last two sentences, or the passage's one
    event however far back: a guest list may run on for paragraphs)."""
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in CAME_ADVERBS:
            continue
        if _among_them_list(c, index):
            continue  # "other leaders came too, X among them": the list of those who came
        if c.dep_ == "prep" and not (c.lower_ in ("on", "in", "at") and any(
                p.ent_type_ in ("DATE", "TIME") for p in c.children)):
            return []  # "came to power", "came under fire", "came from Lima"
        if c.dep_ not in CAME_DEPS:
            return []  # "came back", "came close", "the remarks came as ..."
    ev = args.salient_event(verb, window=2, ahead=False, sole=True)
    subjects = [s for s in args.subjects(verb) if index.type_of(s) in ACTORS]
    if not ev or not subjects:
        return []
    negated, cue = modality.negation(verb)
    mod, source = modality.modality(verb, args, "ATTENDS")
    return [record(verb, s, "ATTENDS", ev, rule_id="ATTENDS:came-to-event-in-focus", negated=negated, modality=mod,
                   source=source, cue=cue) for s in dict.fromkeys(subjects) if s != ev]


def _among_them_list(c: Token, index) -> bool:
    """Whether ``c``, a child of the verb, belongs to a list "..., X among them" that the
    parser hung on the verb: the "among" of "among them", or the name before it."""
    if c.dep_ == "prep" and c.lower_ == "among":
        return any(p.lower_ == "them" for p in c.children)
    return c.dep_ in ("dep", "appos", "npadvmod") and index.entity(c.i) is not None \
        and c.i + 2 < len(c.doc) and c.doc[c.i + 1].lower_ == "among" and c.doc[c.i + 2].lower_ == "them"


DURING_SPEECH_VERBS = frozenset(read_data("cues.yaml").get("during_event_speech_verbs", ()))
# the arguments of a speech verb naming the one spoken to ("told Y", "voiced claims to Y", "raised it with Y")
ADDRESSEE_PREPS = {"to", "with"}


def _spoke_during(prep: Token, index, args, modality) -> List[Dict]:
    """"X had voiced similar concerns to Y during the Lisbon summit", "X told Y during the
    summit": speaking to someone during a named event places both there (GUIDELINES: meeting
    "during" a named summit means both attend it). People only; the event named on "during"
    (not a description), the verb not negated."""
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in DURING_SPEECH_VERBS:
        return []
    ev = next((e for p in prep.children if p.dep_ == "pobj" for e in [index.entity(p.i)]
               if e and index.type_of(e) == "EVENT"), None)
    if ev is None:
        return []
    people = [s for s in args.subjects(verb) if index.type_of(s) == "PERSON"]
    if not people:
        return []
    heard = [c for c in verb.children if c.dep_ in ("dobj", "dative") and verb.lemma_.lower() in ("tell", "warn", "urge",
                                                                                                   "press", "assure", "brief",
                                                                                                   "remind", "ask", "confront",
                                                                                                   "lobby")]
    heard += [p for h in [verb] + [c for c in verb.children if c.dep_ == "dobj"]  # "voiced claims to Y"
              for c in h.children if c.dep_ in ("prep", "dative") and c.lower_ in ADDRESSEE_PREPS
              for p in c.children if p.dep_ == "pobj"]
    people += [e for h in heard for e in args.entities_of(h) if index.type_of(e) == "PERSON"]
    return _emit(verb, people, ev, index, args, modality, "ATTENDS:spoke-during-event")


def _event_of_pobj(p: Token, index, args, kinds=DESCRIBED_KINDS) -> Optional[str]:
    e = index.entity(p.i)
    if e is not None:
        return e if index.type_of(e) == "EVENT" else None
    lemma = p.lemma_.lower()
    if lemma in PROGRAMME_PARTS:
        owners = [c for c in p.children if c.dep_ == "poss"]
        owners += [o for c in p.children if c.dep_ == "prep" and c.lower_ in ("of", "at")
                   for o in c.children if o.dep_ == "pobj"]
        for o in owners:
            e = index.entity(o.i)
            if e is not None and index.type_of(e) == "EVENT":
                return e
        return None
    if lemma in kinds and any(d.lower_ in ("the", "this") for d in p.children) \
            and not any(c.dep_ in ("poss", "compound", "amod") and index.entity(c.i) for c in p.children):
        return args.salient_event(p, window=3, ahead=False, head=lemma)
    return None


def _emit(verb: Token, subjects: List[str], ev: Optional[str], index, args, modality, rule_id: str) -> List[Dict]:
    if not ev or index.type_of(ev) != "EVENT" or not subjects:
        return []
    negated, cue = modality.negation(verb)
    if negated:
        return []  # "did not speak at the summit" says nothing of being there
    mod, source = modality.modality(verb, args, "ATTENDS")
    return [record(verb, s, "ATTENDS", ev, rule_id=rule_id, modality=mod, source=source)
            for s in dict.fromkeys(subjects) if s != ev and index.type_of(s) in ACTORS]


def _acted_at(prep: Token, index, args, modality) -> List[Dict]:
    head = prep.head
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "dobj" and head.head.pos_ == "VERB" \
            and head.head.lemma_.lower() in LIGHT_VERBS and prep.lower_ == "at":
        verb = head.head  # "signed the declaration at the summit"
    elif head.pos_ == "VERB":
        verb = head
    else:
        return []
    lemma = verb.lemma_.lower()
    if prep.lower_ == "over" and lemma not in CHAIR_VERBS:
        return []
    if lemma in AT_ARGUMENT_VERBS and not (verb is not head and lemma in LIGHT_VERBS):
        return []
    if any(c.dep_ == "dobj" and c.lemma_.lower() in AT_TARGET_NOUNS for c in verb.children):
        return []  # "took aim (a swipe) at the summit"
    if any(c.dep_ == "dobj" and c.lemma_.lower() in ATTENDANCE_NOUNS for c in verb.children):
        return []  # "called off his attendance at the summit": the noun's trigger rule decides
    if verb.dep_ in ("amod", "acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN") and verb.dep_ != "relcl":
        return []  # "the pledges made at the summit": no subject of its own
    if any(c.dep_ == "auxpass" for c in verb.children):
        return []  # "sanctions were agreed at the summit"
    ev = next((e for p in prep.children if p.dep_ == "pobj" for e in [_event_of_pobj(p, index, args)] if e), None)
    if ev is None:
        return []
    subjects = args.subjects(verb)
    return _emit(verb, subjects, ev, index, args, modality, "ATTENDS:acted-at-event")


def _chaired(verb: Token, index, args, modality) -> List[Dict]:
    """"X chaired (presided over) the summit", and in the passive "the summit is co-chaired by
    A and B", "the conference, chaired jointly by A and B": the chairs attend. A meeting that
    is chaired is a gathering of many, so "the meeting" is the passage's event here too."""
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    objs += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "over" for p in c.children if p.dep_ == "pobj"]
    if any(c.dep_ == "auxpass" for c in verb.children):
        objs += [c for c in verb.children if c.dep_ == "nsubjpass"]
        # "is co-chaired by": the split prefix leaves the subject on the auxiliary
        auxes = [a for a in verb.children if a.dep_ == "auxpass"]
        auxes += [b for a in auxes for b in a.children if b.dep_ == "auxpass"]
        objs += [c for a in auxes for c in a.children if c.dep_ in ("nsubj", "nsubjpass")]
    elif verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children):
        objs.append(verb.head)  # "the conference, chaired by A and B"
    ev = next((e for o in objs for e in [_event_of_pobj(o, index, args, kinds=DESCRIBED_KINDS | CHAIRED_KINDS)]
               if e), None)
    if ev is None:
        return []
    return _emit(verb, args.subjects(verb), ev, index, args, modality, "ATTENDS:chaired-event")
