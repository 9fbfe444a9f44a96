"""ATTENDS and MEETS_WITH from verbless captions and from addresses to gathered leaders.

Two constructions of news pages that carry presence without a presence verb:

- a photo caption or participant line with no finite verb, "A, B and C (left to right)
  at the opening of EVENT on Monday": every named person (and every state named on its
  own) in the list is at the event (ATTENDS). The event is the EVENT named in the
  at-phrase, or, for "at the summit's closing session", the event in focus.
- a speaker before a gathering of leaders, "X spoke before / addressed / briefed the
  leaders of A, B and C, gathered to discuss ...": by the convention "the leaders of A,
  B and C met" (GUIDELINES) the states meet pairwise, and the speaker meets each of
  them; a speaker who is the leader of one named state stands for that state, as the
  other leaders stand for theirs.
"""
from __future__ import annotations

from typing import Dict, List, Optional

from spacy.tokens import Doc, Span

from ._lookup import positions_in, positions_of_words, sentence_bounds
from .records import record
from ..gazetteer import read_data

# word lists: relext/data/words/gatherings.yaml
_WORDS = read_data("words/gatherings.yaml")

#: words of the bracketed position note in a caption: "(left to right)", "(L-R)", "(centre)"
POSITION_WORDS = frozenset(_WORDS["position_words"])
#: small words allowed between the names of a caption's list
LIST_WORDS = frozenset(_WORDS["list_words"])
#: nouns whose "the <noun>'s X" / "the <noun>" in a caption points to the event in focus
EVENT_NOUNS = frozenset(_WORDS["event_nouns"])
#: plural nouns naming the leaders of listed states
LEADER_NOUNS = frozenset(_WORDS["leader_nouns"])
#: verbs of speaking to or before an audience (with the preposition they take, or None for an object)
ADDRESS_VERBS = {"address": None, "brief": None, "tell": None, "lecture": None, "urge": None, "host": None,
                 "receive": None, "welcome": None, "join": None, "speak": ("before", "to", "with"),
                 "talk": ("to", "with"), "appear": ("before",), "plead": ("with", "before"),
                 "appeal": ("to",), "report": ("to",)}
#: participles that make the listed leaders a gathering ("gathered to discuss", "assembled in")
SIDELINES = frozenset(_WORDS["sidelines"])
#: verbs of addressing a person face to face (the preposition they take, or None for an object)
FACE_VERBS = {"press": None, "urge": None, "tell": None, "ask": None, "brief": None, "assure": None,
              "thank": None, "congratulate": None, "greet": None, "embrace": None, "hug": None, "lobby": None,
              "appeal": ("to",), "plead": ("with",), "raise": ("with",), "talk": ("to", "with"),
              "speak": ("to", "with"), "chat": ("with",)}
#: nouns of a request made to a person ("made an appeal to X")
APPEAL_NOUNS = frozenset(_WORDS["appeal_nouns"])
#: a speech given at or to an event
SPEECH_NOUNS = frozenset(_WORDS["speech_nouns"])
#: a speech that names where it was given or how it was carried: not one at the event
PLACED_SPEECH = frozenset(_WORDS["placed_speech"])
#: days and times a speech is given on (no place)
SPEECH_DAYS = frozenset(_WORDS["speech_days"])
#: verbs that give a speech ("delivered the eulogy", "gave the opening address")
GIVING_VERBS = {"give", "deliver"}
TALK_NOUNS = frozenset(_WORDS["talk_nouns"])
LIGHT_VERBS = frozenset(_WORDS["light_verbs"])
GATHER_VERBS = frozenset(_WORDS["gather_verbs"])


def gatherings(doc: Doc, index, args, titles, found: List[Dict]) -> List[Dict]:
    """Relations of captions and of addresses to gathered leaders in ``doc`` (``found``: the
    relations found so far, for the states the speakers lead)."""
    states: Dict[str, set] = {}
    for r in found:
        if r["predicate"] == "AFFILIATED_WITH" and index.type_of(r["object"]) == "COUNTRY":
            states.setdefault(r["subject"], set()).add(r["object"])
    out: List[Dict] = []
    # only sentences with an "at" can be captions, only those with a leader noun addresses
    # (the prefilters read the same words as the rules)
    ats = positions_of_words(doc, ["at"])
    leaders = positions_in(doc, LEADER_NOUNS, attr="LEMMA")
    for start, end in sorted({sentence_bounds(doc, i) for i in ats + leaders}):  # those sentences, in order
        sent = doc[start:end]
        if any(start <= i < end for i in ats):
            out.extend(_caption(sent, index, args, titles))
        if any(start <= i < end for i in leaders):
            out.extend(_addressed_leaders(sent, index, args, states))
    # the tokens that can open one of the rules below: their words and lemmas
    starts = sorted(set(positions_of_words(doc, SIDELINES))
                    | set(positions_in(doc, SPEECH_NOUNS, {"follow"}, TALK_NOUNS,
                                          attr="LEMMA")))
    for tok in (doc[i] for i in starts):
        if tok.lower_ in SIDELINES and tok.head.lower_ in ("on", "at", "along"):
            out.extend(_on_the_sidelines(tok, index, args))
        elif tok.lemma_.lower() in SPEECH_NOUNS and tok.pos_ == "NOUN":
            out.extend(_speech_at_event(tok, index, args))
        elif tok.lemma_.lower() == "follow" and tok.pos_ == "VERB":
            out.extend(_followed_out(tok, index, args))
        elif tok.lemma_.lower() in TALK_NOUNS and tok.dep_ == "dobj" and tok.head.lemma_.lower() in LIGHT_VERBS:
            out.extend(_talks_with_described(tok, index, args))
    return out


def _in_parens(sent: Span) -> List[bool]:
    inside, depth = [], 0
    for t in sent:
        if t.text == "(":
            depth += 1
        inside.append(depth > 0)
        if t.text == ")" and depth:
            depth -= 1
    return inside


def _caption(sent: Span, index, args, titles) -> List[Dict]:
    inside = _in_parens(sent)
    at = next((t for t, p in zip(sent, inside) if t.lower_ == "at" and not p), None)
    if at is None or at.i == sent.start:
        return []
    people: List[str] = []
    for t, p in zip(sent, inside):
        if t.i >= at.i:
            break
        if p:
            if t.lower_ not in POSITION_WORDS and t.text not in "()":
                return []  # a bracket that is not a position note
            continue
        e = index.entity(t.i)
        if e is not None:
            typ = index.type_of(e)
            if typ == "PERSON" and e not in people:
                people.append(e)
            elif typ == "COUNTRY" and t.dep_ not in ("amod", "poss", "compound", "case") \
                    and not (t.i + 1 < at.i and t.nbor(1).lower_ in ("'s", "’s")) and e not in people:
                people.append(e)  # a state named on its own in the list, not as a demonym
            continue
        if t.is_punct and t.text in (",", "-", "–"):
            continue
        if t.lower_ in LIST_WORDS or t.lower_ in titles:
            continue
        if t.is_title and t.pos_ == "PROPN":
            continue  # parts of titles ("Prime Minister", "Federal President")
        return []
    if not people:
        return []
    # no finite verb outside brackets: a caption, not a clause ("A and B arrived at X")
    for t, p in zip(sent, inside):
        if not p and t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm"):
            return []
        if not p and t.pos_ in ("VERB", "AUX") and t.i < at.i:
            return []
    event = _event_of_at(at, index, args)
    if event is None:
        return []
    return [record(at, p, "ATTENDS", event, rule_id="ATTENDS:caption-at-event") for p in people]


def _event_of_at(at, index, args) -> Optional[str]:
    obj = next((c for c in at.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    own = index.entity(obj.i)
    if own is not None and index.type_of(own) == "EVENT":
        return own  # "at the forum's closing press conference": the part (its forum follows)
    for t in obj.subtree:
        if t.lower_ == "in" and t.i > obj.i:
            break  # "at the talks in Geneva": the place is no event
        e = index.entity(t.i)
        if e is not None and index.type_of(e) == "EVENT":
            return e
    nouns = [obj] + [c for c in obj.children if c.dep_ == "poss"]
    if any(n.lemma_.lower() in EVENT_NOUNS for n in nouns):
        ev = args.salient_event(at)
        return ev
    return None


def _countries(head, index) -> List[str]:
    out: List[str] = []
    stack = [c for c in head.children if c.dep_ == "pobj"]
    while stack:
        t = stack.pop(0)
        e = index.entity(t.i)
        if e is not None and index.type_of(e) == "COUNTRY" and e not in out:
            out.append(e)
        stack.extend(c for c in t.children if c.dep_ in ("conj", "appos"))
    return out


def _addressed_leaders(sent: Span, index, args, led: Dict[str, set]) -> List[Dict]:
    out: List[Dict] = []
    for n in sent:
        if n.pos_ != "NOUN" or n.lemma_.lower() not in LEADER_NOUNS or n.tag_ != "NNS":
            continue
        of = next((c for c in n.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if inner is not None and inner.lower_ in ("state", "government", "delegation", "delegations"):
            # "the heads of state of A and B"
            of = next((c for c in inner.children if c.dep_ == "prep" and c.lower_ == "of"), of)
        states = _countries(of, index) if of is not None else []
        if len(states) < 2:
            continue
        last = max(t.i for t in of.subtree)
        verb = _address_verb(n, sent)
        gathered = any(t.pos_ == "VERB" and t.lemma_.lower() in GATHER_VERBS and t.tag_ in ("VBN", "VBD")
                       for t in sent.doc[last + 1:min(last + 4, sent.end)]) \
            or any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in GATHER_VERBS for c in n.children)
        if verb is None or not gathered:
            continue
        for a, s in enumerate(states):
            for o in states[a + 1:]:
                x, y = sorted((s, o))
                out.append(record(n, x, "MEETS_WITH", y, rule_id="MEETS_WITH:gathered-leaders", symmetric=True))
        for sp in _speakers(verb, args, index):
            if len(led.get(sp, ())) == 1:
                sp = next(iter(led[sp]))  # the leader of a state among leaders of states
            if sp in states:
                continue
            for o in states:
                x, y = sorted((sp, o))
                out.append(record(n, x, "MEETS_WITH", y, rule_id="MEETS_WITH:address-to-leaders", symmetric=True))
    return out


def _address_verb(n, sent: Span):
    """The verb of speaking whose audience is ``n``, by the words just before it."""
    det = n.i - 1
    while det >= sent.start and (sent.doc[det].lower_ in ("the", "all", "assembled", "gathered", "visiting", "fellow")
                                 or sent.doc[det].pos_ == "ADJ"):
        det -= 1
    if det < sent.start:
        return None
    t = sent.doc[det]
    if t.pos_ in ("ADP", "SCONJ"):
        prep, v = t.lower_, (sent.doc[det - 1] if det - 1 >= sent.start else None)
        if v is not None and v.lower_ in ("of",) and det - 3 >= sent.start and sent.doc[det - 2].lower_ == "front":
            prep, v = "before", sent.doc[det - 3]  # "in front of"
        if v is not None and v.pos_ == "VERB" and prep in (ADDRESS_VERBS.get(v.lemma_.lower()) or ()):
            return v
        return None
    if t.pos_ == "VERB" and t.lemma_.lower() in ADDRESS_VERBS and ADDRESS_VERBS[t.lemma_.lower()] is None:
        return t
    return None


def _speakers(verb, args, index) -> List[str]:
    ok = ("PERSON", "COUNTRY", "ORGANISATION")
    try:
        subs = args.subjects(verb)
    except Exception:  # pragma: no cover - a parse the finders do not handle
        subs = []
    if not subs:
        subs = [index.entity(c.i) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return [s for s in subs if s and index.type_of(s) in ok]


def _event_in(obj, index) -> Optional[str]:
    for t in obj.subtree:
        if t.lower_ == "in" and t.i > obj.i:
            break
        e = index.entity(t.i)
        if e is not None and index.type_of(e) == "EVENT":
            return e
    return None


def _present(ids, index) -> List[str]:
    return [x for x in dict.fromkeys(ids) if x and index.type_of(x) in ("PERSON", "COUNTRY", "ORGANISATION")]


def _named(t, index) -> Optional[str]:
    """The entity of ``t``, or of the name set after it ("his counterpart William Ruto")."""
    e = index.entity(t.i)
    if e is None and t.pos_ == "NOUN":
        e = next((index.entity(c.i) for c in t.children
                  if c.dep_ in ("appos", "compound", "flat") and c.i > t.i and index.entity(c.i)), None)
    return e


def _negated(verb) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _on_the_sidelines(tok, index, args) -> List[Dict]:
    """"On the sidelines of EVENT, (held in X,) A pressed B": A is at EVENT; a person A
    addressed face to face there is at it too and meets A."""
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    event = _event_in(obj, index) if obj is not None else None
    if event is None and of is None:
        # "spoke on the forum's sidelines": the event the possessor names, or the passage's
        # event of that kind ("the summit's" = the summit the passage is about)
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is not None:
            e = index.entity(poss.i)
            if e is not None and index.type_of(e) == "EVENT":
                event = e
            elif e is None and poss.lemma_.lower() in EVENT_NOUNS and any(d.lower_ in ("the", "this") for d in poss.children):
                event = args.salient_event(tok, head=poss.lemma_.lower())
    verb = tok.head.head
    if event is None or verb.pos_ not in ("VERB", "AUX") or _negated(verb):
        return []
    try:
        subs = _present(args.subjects(verb), index)
    except Exception:  # pragma: no cover - a parse the finders do not handle
        subs = []
    out = [record(verb, s, "ATTENDS", event, rule_id="ATTENDS:on-the-sidelines") for s in subs]
    met: List[str] = []
    lemma = verb.lemma_.lower()
    if lemma in FACE_VERBS:
        preps = FACE_VERBS[lemma]
        if preps is None:
            met += [index.entity(c.i) for c in verb.children if c.dep_ == "dobj"]
        else:
            met += [_named(o, index) for c in verb.children if c.dep_ == "prep" and c.lower_ in preps
                    for o in c.children if o.dep_ == "pobj"]
    for d in verb.children:  # "made an appeal to X"
        if d.dep_ == "dobj" and d.lemma_.lower() in APPEAL_NOUNS:
            # the parser hangs "to X" on the noun or on the light verb
            met += [_named(o, index) for c in list(d.children) + list(verb.children)
                    if c.dep_ == "prep" and c.lower_ == "to" for o in c.children if o.dep_ == "pobj"]
    met = [m for m in _present(met, index) if index.type_of(m) == "PERSON" and m not in subs]
    for m in met:
        out.append(record(verb, m, "ATTENDS", event, rule_id="ATTENDS:on-the-sidelines"))
        for s in subs:
            if index.type_of(s) == "PERSON":
                x, y = sorted((s, m))
                out.append(record(verb, x, "MEETS_WITH", y, rule_id="MEETS_WITH:on-the-sidelines", symmetric=True))
    return out


def _speech_at_event(tok, index, args) -> List[Dict]:
    """"his address to EVENT", "in her speech at EVENT": the speaker is at the event."""
    event = None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "at", "before"):
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            event = _event_in(obj, index) if obj is not None else None
            if event:
                break
    if event is None:
        return _speech_in_focus(tok, index, args)
    speakers = _present([index.entity(c.i) for c in tok.children if c.dep_ == "poss"], index)
    if not speakers and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "during") \
            and tok.head.head.pos_ in ("VERB", "AUX") and not _negated(tok.head.head):
        try:
            speakers = _present(args.subjects(tok.head.head), index)
        except Exception:  # pragma: no cover
            speakers = []
    return [record(tok, s, "ATTENDS", event, rule_id="ATTENDS:speech-at-event") for s in speakers]


def _speech_in_focus(tok, index, args) -> List[Dict]:
    """"X gave the opening address", "Y delivered the eulogy": a definite speech given with
    no place or event named is a speech at the event the passage is about (`focus_event`),
    and its speaker (a person) is there. An indefinite one ("gave a speech") or one placed
    elsewhere ("a speech in Nairobi", "a televised address") is none."""
    verb = tok.head
    if tok.dep_ != "dobj" or verb.lemma_.lower() not in GIVING_VERBS or tok.lemma_.lower() == "remark" \
            or _negated(verb):
        return []
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return []
    if any(c.dep_ in ("prep", "amod", "compound") and c.lower_ in PLACED_SPEECH for c in tok.children) or any(
            c.dep_ == "prep" and c.lower_ in ("in", "at", "to", "on", "before")
            and not any(p.lower_ in SPEECH_DAYS or p.like_num for p in c.children)  # "on Tuesday"
            for c in list(tok.children) + list(verb.children)):
        return []  # "the address to parliament", "the televised address", "the speech in Nairobi"
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children):
        return []  # "the State of the Union address", "the Gettysburg Address": a named speech
    try:
        speakers = [s for s in args.subjects(verb) if index.type_of(s) == "PERSON"]
    except Exception:  # pragma: no cover
        return []
    if not speakers:
        return []
    event = args.focus_event(verb)
    if not event:
        return []
    return [record(tok, s, "ATTENDS", event, rule_id="ATTENDS:speech-in-focus") for s in speakers]


def _talks_with_described(noun, index, args) -> List[Dict]:
    """"held talks, in turn, with A, the ... minister, and B, the ...": every
    person of the with-list, past the appositions and a parenthetical, meets the subject."""
    verb = noun.head
    if _negated(verb):
        return []
    holders = [noun, verb] + [c for c in verb.children if c.dep_ in ("npadvmod", "advmod") and c.i > noun.i]
    doc = noun.doc
    if noun.i + 2 < len(doc) and doc[noun.i + 1].text == "," and doc[noun.i + 2].dep_ in ("npadvmod", "advmod"):
        holders.append(doc[noun.i + 2])  # "talks, in turn, with": the parser may hang it anywhere
    withs = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "with"]
    people: List[str] = []
    for w in withs:
        stack = [o for o in w.children if o.dep_ == "pobj"]
        # a name the parser hangs on the verb after the list ("held talks with A, the ..., and B")
        stack += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > w.i]
        while stack:
            t = stack.pop(0)
            e = index.entity(t.i)
            if e is not None and index.type_of(e) == "PERSON" and e not in people:
                people.append(e)
            # conjuncts may hang on the name or on its apposition ("A, the minister, and B")
            stack.extend(c for c in t.children if c.dep_ in ("conj", "appos") and c.pos_ in ("PROPN", "NOUN"))
    if len(people) < 2:
        return []  # a single partner is the trigger rules' case
    try:
        subs = [x for x in _present(args.subjects(verb), index) if index.type_of(x) == "PERSON"]
    except Exception:  # pragma: no cover
        subs = []
    out: List[Dict] = []
    for s_ in subs:
        for p in people:
            if p != s_:
                x, y = sorted((s_, p))
                out.append(record(noun, x, "MEETS_WITH", y, rule_id="MEETS_WITH:talks-with-described", symmetric=True))
    return out


def _followed_out(verb, index, args) -> List[Dict]:
    """"A and B follow C out of EVENT": A, B and C all pull out of the event (negated
    ATTENDS, as "withdrew from"; a stated protest is the trigger rules' BOYCOTTS)."""
    out_ = next((c for c in verb.children if c.dep_ in ("prep", "prt", "advmod") and c.lower_ == "out"), None)
    if out_ is None:
        return []
    ofs = [c for h in (out_, verb) for c in h.children if c.dep_ == "prep" and c.lower_ == "of"]
    event = next((e for o in ofs for p in o.children if p.dep_ == "pobj" for e in [_event_in(p, index)] if e), None)
    if event is None:
        return []
    try:
        subs = _present(args.subjects(verb), index)
    except Exception:  # pragma: no cover
        subs = []
    led = _present([e for c in verb.children if c.dep_ == "dobj" for e in args.entities_of(c)], index)
    if not led:
        return []  # "followed the debate out of X": no one led the way out
    return [record(verb, x, "ATTENDS", event, negated=True, rule_id="ATTENDS:followed-out-of")
            for x in dict.fromkeys(subs + led)]
