"""ATTENDS and BOYCOTTS from wording of presence that a single trigger rule cannot express.

- representation in the passive: "X was (will be) represented (at the summit) by Y",
  "X, which is represented by Y": a state or body represented at an event attends it, and
  so does its representative (GUIDELINES: "a country ATTENDS when it is represented by
  someone"); a person represented by someone else is absent, so only the representative
  attends then;
- hosts: "X, the host", "host X", "host country X", "X, host of the talks" → the host
  attends the event (not the verb: "X will host the next summit" is often another one);
- staying away without naming the event: "they would keep away as a protest" (BOYCOTTS of the
  event the passage is about), "X stayed away (stayed at home)" (a negated ATTENDS);
- sending someone in one's place: "sent Foreign Minister Y instead (in his place, to the
  summit)" → Y attends;
- presence at the venue: "X will be present (is expected) in Lima", where the event in focus is
  held in Lima → X attends it;
- joining remotely ("joined by video link"), not travelling to the event's city (a negated
  ATTENDS, `settle_attendance` drops it where attendance is stated another way), joining
  people for talks (MEETS_WITH), staff present ("had no representative present"), and
  boycotting what a state holds ("Hungary's presidency").

The event is the one named in the phrase, else the one the passage is about
(`SalienceMixin.focus_event`: named in the last three sentences, the passage's event in focus
where that one is past background, `SalienceMixin.passage_event`).
"""
from __future__ import annotations

from typing import Dict, List, Optional

from spacy.tokens import Doc, Token

from ._lookup import positions_in
from .argument_words import EVENT_NOUNS
from .records import record
from .subjects import among_those
from ..gazetteer import read_data

# word lists: relext/data/words/presence.yaml
_WORDS = read_data("words/presence.yaml")

ACTOR_TYPES = ("PERSON", "COUNTRY", "ORGANISATION")
BODY_TYPES = ("COUNTRY", "ORGANISATION")
HOST_NOUNS = frozenset(_WORDS["host_nouns"])
AWAY_WORDS = {"away", "home"}
TRAVEL_VERBS = frozenset(_WORDS["travel_verbs"])
# what someone is joined for or at when joining people is meeting them
MEETING_NOUNS = frozenset(_WORDS["meeting_nouns"])
REMOTE_WORDS = frozenset(_WORDS["remote_words"])
STAFF_PRESENT = frozenset(_WORDS["staff_present"])
# what a state holds or makes, whose boycott is a boycott of the state ("Hungary's presidency")
HELD_NOUNS = frozenset(_WORDS["held_nouns"])
TIME_WORDS = frozenset(_WORDS["time_words"])
# negation cues imposed by others: "was barred from sending officials" is no boycott
BARRING_CUES = frozenset(_WORDS["barring_cues"])
# displeasure voiced alongside staying away makes it a protest ("voicing regret that ...")
VOICING_VERBS = frozenset(_WORDS["voicing_verbs"])
DISPLEASURE = frozenset(_WORDS["displeasure"])
# event words that say nothing of the kind of event
GENERIC_KINDS = frozenset(_WORDS["generic_kinds"])


def presences(doc: Doc, index, args, modality) -> List[Dict]:
    """ATTENDS/BOYCOTTS records of representation, hosting, staying away and sending (and the
    AFFILIATED_WITH of a state delegation's head)."""
    out: List[Dict] = []
    words = {"represent", "join", "boycott", "have", "lead"} | HOST_NOUNS | TRAVEL_VERBS \
        | {"stay", "remain", "send", "dispatch"} | set(PRESENCE_ADJECTIVES) | VENUE_PRESENCE
    for i in positions_in(doc, words, attr="LEMMA"):
        tok = doc[i]
        lemma = tok.lemma_.lower()
        if lemma == "represent" and tok.pos_ == "VERB":
            out += _represented(tok, index, args, modality)
        elif lemma in HOST_NOUNS and tok.pos_ in ("NOUN", "PROPN"):
            out += _host_noun(tok, index, args, modality)
        elif lemma in ("stay", "remain") and tok.pos_ in ("VERB", "AUX"):
            out += _stayed_away(tok, index, args, modality)
        elif lemma in ("send", "dispatch") and tok.pos_ == "VERB":
            out += _sent_instead(tok, index, args, modality) + _staff_to_venue(tok, index, args, modality)
        elif lemma == "have" and tok.pos_ in ("VERB", "AUX"):
            out += _had_staff_present(tok, index, args, modality) + _staff_to_venue(tok, index, args, modality) \
                + _had_represent(tok, index, args, modality)
        elif lemma == "boycott" and tok.pos_ == "VERB":
            out += _boycotted_holding(tok, index, args, modality)
        elif lemma == "join" and tok.pos_ == "VERB":
            out += _joined_for_meeting(tok, index, args, modality) + _joined_remotely(tok, index, args, modality)
        elif lemma in TRAVEL_VERBS and tok.pos_ == "VERB":
            out += _not_travelling(tok, index, args, modality)
        elif lemma == "lead" and tok.pos_ == "VERB":
            out += _delegation_head(tok, index, args)
        elif lemma in PRESENCE_ADJECTIVES and tok.pos_ == "NOUN" and among_those(tok):
            out += _among_those_present(tok, index, args, modality)
        elif lemma in VENUE_PRESENCE and tok.pos_ in ("ADJ", "VERB"):
            out += _present_at_venue(tok, index, args, modality)
    return out


# the adjectives of presence the tagger may read as nouns after "those" (the adjective itself
# is a trigger rule in triggers.yaml); True: the adjective denies presence
PRESENCE_ADJECTIVES = {"present": False, "absent": True}


def _among_those_present(tok: Token, index, args, modality) -> List[Dict]:
    """"Among those absent were A and B", "A and B were among those present", with the
    adjective read as a noun: the ones listed attend (do not attend) the event in focus."""
    ev = args.focus_event(tok, ahead=False)
    return _emit(tok, args.subjects(tok), ev, index, args, modality, "ATTENDS:among-those-present",
                 flip=PRESENCE_ADJECTIVES[tok.lemma_.lower()])


DELEGATION_NOUNS = {"delegation", "delegations"}


def _delegation_head(tok: Token, index, args) -> List[Dict]:
    """"X will lead China's delegation", "the Chinese delegation will be led by X": the
    head of a state's delegation is AFFILIATED_WITH that state."""
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    nouns = [c for c in tok.children if c.dep_ == ("nsubjpass" if passive else "dobj")
             and c.lemma_.lower() in DELEGATION_NOUNS]
    if not nouns:
        return []
    mods = [c for n in nouns for c in n.children if c.dep_ in ("poss", "amod", "compound")]
    mods += [x for c in mods for x in c.subtree if x.dep_ == "conj"]  # "a joint Spanish and Italian delegation"
    states = [e for c in mods for e in [index.entity(c.i)] if e and index.type_of(e) == "COUNTRY"]
    if len(set(states)) != 1:
        return []
    if passive:
        heads = [e for a in tok.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                 for e in args.entities_of(p)]
    else:
        heads = args.subjects(tok)
    return [record(tok, h, "AFFILIATED_WITH", states[0], rule_id="AFFILIATED_WITH:delegation-head")
            for h in heads if index.type_of(h) == "PERSON"]


def settle_attendance(records: List[Dict]) -> List[Dict]:
    """Drop a negated ATTENDS that only denies one way of attending ("did not travel to
    Kampala", "was barred from sending its leader") where the text states attendance another
    way ("joined by video", "was represented by an official")."""
    attended = {(r["subject"], r["object"]) for r in records if r["predicate"] == "ATTENDS" and not r["negated"]}
    return [r for r in records if not ((r["evidence"]["rule"] == "ATTENDS:not-travelling-to-venue"
                                        or (r["evidence"]["cue"] or "").lower() in BARRING_CUES)
                                       and r["predicate"] == "ATTENDS" and r["negated"]
                                       and (r["subject"], r["object"]) in attended)]


# -- helpers ---------------------------------------------------------------------------
# nouns of a protest stated as the reason for staying away ("in opposition to X", "in
# solidarity with X"), and the nouns that carry them ("as a sign of protest", "in a show of
# solidarity")
PROTEST_NOUNS = tuple(_WORDS["protest_nouns"])
PROTEST_TOKENS = tuple(_WORDS["protest_tokens"])


def in_protest(tok) -> bool:
    """Whether the clause of ``tok`` gives protest as its reason: "in protest", "as a
    protest", "to protest X", "protesting X", or declares its absence a boycott ("as a
    diplomatic boycott")."""
    clause = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    for c in clause.subtree:
        if c.lemma_.lower() == "protest" and (c.head.lower_ in ("in", "as") or c.dep_ in ("advcl", "xcomp")):
            return True
        if c.lemma_.lower() in PROTEST_NOUNS and c.head.lower_ in ("in", "of") and c.head.dep_ == "prep" and (
                c.head.lower_ == "in" or c.head.head.lemma_.lower() in PROTEST_TOKENS):
            return True  # "in opposition to X", "in (a show of) solidarity with X", "as a sign of protest"
        if c.lemma_.lower() == "boycott" and c.pos_ == "NOUN" and (c.head.lower_ in ("in", "as") or c.dep_ == "appos"):
            return True  # "will not attend, as a (diplomatic) boycott", "..., a diplomatic boycott": declared
    while clause.dep_ in ("xcomp", "ccomp") and clause.head.i != clause.i:
        clause = clause.head  # "decided to stay away, voicing regret": the displeasure on the governing verb
    doc = tok.doc
    for c in clause.subtree:
        # "..., voicing anger (regret, its strong objection) at X": the parser often mangles
        # what is voiced, so the displeasure noun is looked for right after the verb
        if c.lemma_.lower() in VOICING_VERBS and c.pos_ == "VERB" \
                and any(w.lemma_.lower() in DISPLEASURE for w in doc[c.i + 1:min(c.i + 4, len(doc))]):
            return True
    return False


def withholds(tok: Token, nouns) -> bool:
    """Whether the direct object of ``tok`` is one of ``nouns`` (lemmas), alone, in a
    coordination or after "any of" ("will not send any ministers or senior officials",
    "no diplomats"): the staff whose withholding is a declared diplomatic boycott."""
    wanted = set(nouns)
    for c in tok.children:
        if c.dep_ not in ("dobj", "nsubjpass"):
            continue
        heads = [c] + [o for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                       if o.dep_ == "pobj"]
        heads += [x for h in list(heads) for x in h.conjuncts]
        if any(h.lemma_.lower() in wanted or h.lower_ in wanted for h in heads):
            return True
    return False


def described_event(tok: Token) -> Optional[str]:
    """The kind word of a definite event description the trigger goes to ("sent leaders to
    the summit" → "summit"), for picking the passage's event of that kind."""
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "at", "for", "in"):
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in EVENT_NOUNS and p.lemma_.lower() not in GENERIC_KINDS \
                        and any(d.lower_ == "the" for d in p.children):
                    return p.lemma_.lower()
    return None


def _event(tok: Token, index, args, preps=("at", "to", "for", "of", "in"), window: Optional[int] = 3) -> Optional[str]:
    """The event named by a preposition on ``tok`` (or its possessor), else the passage's event
    (named in the last ``window`` sentences; ``None``: anywhere before)."""
    for c in tok.children:
        objs = []
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            objs = [p for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ == "poss":
            objs = [c]
        for p in objs:
            e = index.entity(p.i)
            if e and index.type_of(e) == "EVENT":
                return e
            if e is None and p.lemma_.lower() in EVENT_NOUNS and any(d.lower_ in ("the", "this") for d in p.children):
                # "to the conference": the passage's event (of that kind, where one is)
                return args.salient_event(tok, window=window, head=described_event(tok)) if window is None \
                    else args.focus_event(tok, window=window, head=described_event(tok))
    return args.salient_event(tok, window=window) if window is None else args.focus_event(tok, window=window)


def _emit(tok: Token, subjects: List[str], ev: Optional[str], index, args, modality, rule_id: str, *,
          predicate: str = "ATTENDS", flip: bool = False, types=ACTOR_TYPES) -> List[Dict]:
    if not ev or not subjects:
        return []
    negated, cue = modality.negation(tok)
    if flip:
        negated, cue = not negated, cue or tok.text
    mod, source = modality.modality(tok, args, predicate)
    return [record(tok, s, predicate, ev, rule_id=rule_id, negated=negated, modality=mod, source=source, cue=cue)
            for s in dict.fromkeys(subjects) if s != ev and index.type_of(s) in types]


def by_agents(tok: Token, args) -> List[str]:
    """Entities after "by" on the verb, or on a noun right under it ("represented at the
    summit by X", which the parser may hang on "summit")."""
    out: List[str] = []
    heads = [tok] + [p for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    for h in heads:
        for c in h.children:
            if c.dep_ in ("agent", "prep") and c.lower_ == "by":
                for p in c.children:
                    if p.dep_ == "pobj":
                        # named people, or a named state or body itself ("its head of state"
                        # stands for nobody named)
                        out += [e for t in [p] + [a for a in p.children if a.dep_ == "appos"]
                                for e in args.entities_of(t)
                                if args.index.type_of(e) == "PERSON" or args.index.entity(t.i) == e]
                        if args.index.entity(p.i) is None:
                            # "by its chairperson, President X": the name the parser hung on the verb
                            out += [e for a in h.children if a.dep_ in ("npadvmod", "appos", "dep") and a.i > p.i
                                    for e in args.entities_of(a) if args.index.type_of(e) == "PERSON"]
    return out


# -- representation ----------------------------------------------------------------------
def _represented(tok: Token, index, args, modality) -> List[Dict]:
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or \
        (tok.dep_ == "acl" and tok.tag_ == "VBN")
    if not passive:
        return []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("at", "in", "on", "before"):
            for p in c.children:
                e = index.entity(p.i)
                if p.dep_ == "pobj" and not (e and index.type_of(e) == "EVENT") and p.lemma_.lower() not in EVENT_NOUNS \
                        and p.lower_ not in TIME_WORDS and not p.like_num:
                    return []  # "represented in parliament (in court)": not at an event
    agents = by_agents(tok, args)
    if agents:
        # "X was represented by his deputy": "his" is X, who is not his own representative
        subject_side, _ = args.objects(tok, ["dobj"], [])
        agents = [a for a in agents if a not in subject_side]
    if not agents:
        represented = []
    else:
        represented, _ = args.objects(tok, ["dobj"], [])
    if tok.dep_ == "acl" and not represented:
        represented = args.entities_of(tok.head)
    if not agents and not represented:
        represented, _ = args.objects(tok, ["dobj"], [])
    if not represented and tok.dep_ == "conj" and not any(c.dep_ == "nsubjpass" for c in tok.children):
        # "X was barred from sending envoys and was represented by an official": X
        represented, _ = args.objects(tok.head, ["dobj"], [])
    bodies = [r for r in represented if index.type_of(r) in BODY_TYPES]
    # the representative holds a role in the state or body ("Kenya will be represented at
    # the summit by Foreign Minister X": X AFFILIATED_WITH Kenya; GUIDELINES: "represents X")
    roles = [] if any(c.dep_ == "neg" for c in tok.children) else \
        [record(tok, a, "AFFILIATED_WITH", b, rule_id="AFFILIATED_WITH:represented-by")
         for a in dict.fromkeys(agents) if index.type_of(a) == "PERSON"
         for b in bodies if index.type_of(b) in ("COUNTRY", "ORGANISATION")]
    # a construction this specific is about the passage's event, however far back it was named
    ev = _event(tok, index, args, preps=("at", "in", "during"), window=None)
    # (a represented person gets nothing: a negated ATTENDS of him cost a check set a false
    # positive, attend10)
    return _emit(tok, bodies + agents, ev, index, args, modality, "ATTENDS:represented-by") + roles


# -- hosts -------------------------------------------------------------------------------
def _host_noun(tok: Token, index, args, modality) -> List[Dict]:
    hosts: List[str] = []
    if tok.dep_ == "appos":
        hosts = args.entities_of(tok.head)  # "X, the host," / "X, the summit's host"
    elif tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
        hosts = args.entities_of(tok.head)  # "host South Africa"
    elif tok.dep_ == "compound" and tok.head.lemma_.lower() in ("country", "nation", "city", "government"):
        noun = tok.head  # "host country Peru", "Peru, the host nation"
        hosts = [e for c in noun.children if c.dep_ in ("compound", "appos") and c.i > tok.i
                 for e in args.entities_of(c)]
        if not hosts and noun.dep_ == "appos":
            hosts = args.entities_of(noun.head)
        tok = noun
    elif tok.dep_ in ("attr",) and tok.head.lemma_.lower() == "be":
        hosts = [e for c in tok.head.children if c.dep_ == "nsubj" for e in args.entities_of(c)]  # "X is the host"
    for c in tok.children:
        if c.dep_ == "appos":
            hosts += args.entities_of(c)  # "the host, X,"
    hosts = [h for h in hosts if index.type_of(h) in ACTOR_TYPES]
    if not hosts:
        return []
    named = _event(tok, index, args, preps=("of", "to", "for"), window=None)
    return _emit(tok, hosts, named, index, args, modality, "ATTENDS:host")


# -- staying away --------------------------------------------------------------------------
def _stayed_away(tok: Token, index, args, modality) -> List[Dict]:
    if tok.dep_ in ("csubj", "nsubj", "nsubjpass", "amod"):
        return []  # "X keeping away is no big loss": an opinion, not a report
    kids = list(tok.children)
    kids += [g for c in kids if c.lower_ in AWAY_WORDS for g in c.children]  # "away from X"
    away = any(c.lower_ in AWAY_WORDS and c.dep_ in ("advmod", "prt", "npadvmod", "dobj") for c in kids) or \
        any(c.dep_ == "prep" and c.lower_ == "at" and any(p.lower_ == "home" for p in c.children) for c in kids)
    if not away or any(c.dep_ == "prep" and c.lower_ == "from" for c in kids) \
            or any(c.dep_ == "prep" and c.lower_ in ("in", "at") and any(p.pos_ == "PROPN" for p in c.children)
                   for c in kids):
        return []  # "stayed away from X" is a trigger rule; "stayed at home in Kent" is a place
    ev = args.focus_event(tok, parts=False)
    subjects = args.subjects(tok)
    if in_protest(tok):
        return _emit(tok, subjects, ev, index, args, modality, "BOYCOTTS:stayed-away-in-protest", predicate="BOYCOTTS")
    return _emit(tok, subjects, ev, index, args, modality, "ATTENDS:stayed-away", flip=True)


# -- sending someone in one's place ----------------------------------------------------------
def _sent_instead(tok: Token, index, args, modality) -> List[Dict]:
    envoys = [e for c in tok.children if c.dep_ == "dobj" for e in args.entities_of(c)
              if index.type_of(e) == "PERSON"]
    if not envoys:
        return []
    explicit = _event(tok, index, args, preps=("to", "for")) if any(
        c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for") for c in tok.children) else None
    instead = any(c.lower_ == "instead" for c in tok.children) or any(
        c.dep_ == "prep" and c.lower_ == "in" and any(p.lemma_.lower() == "place" for p in c.children)
        for c in tok.children)
    if explicit and index.type_of(explicit) == "EVENT" and any(
            index.entity(p.i) == explicit or (index.entity(p.i) is None and p.lemma_.lower() in EVENT_NOUNS)
            for c in tok.children if c.dep_ in ("prep", "dative") for p in c.children):
        ev = explicit
    elif instead or (_titled_envoy(tok, index, args) and not any(c.dep_ == "neg" for c in tok.children) and not any(
            c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for") for c in tok.children)
            and any(index.type_of(e) in BODY_TYPES for e in args.subjects(tok))):
        # "Russia decided to send senior official X", "Chile will send its foreign minister,
        # X": a state's titled envoy with no destination goes to the event in focus
        ev = args.focus_event(tok)
    else:
        return []
    # the state or body that sends its minister takes part too (not a leader sending a deputy)
    senders = [e for e in args.subjects(tok) if index.type_of(e) in BODY_TYPES]
    return _emit(tok, envoys + senders, ev, index, args, modality, "ATTENDS:sent-in-place")


def _titled_envoy(tok: Token, index, args) -> bool:
    """The object of "send" is a named person given an office or staff title ("senior
    official X", "its foreign minister, X"), not a bare name ("sent X a letter")."""
    for c in tok.children:
        if c.dep_ != "dobj":
            continue
        words = [x for x in c.children if x.dep_ in ("amod", "compound") and index.entity(x.i) is None]
        if index.entity(c.i) is None and any(x.dep_ == "appos" and index.entity(x.i) for x in c.children):
            words.append(c)  # "its foreign minister, X"
        if index.entity(c.i) and index.type_of(index.entity(c.i)) == "PERSON":
            # "sent Prince X, heir to its throne": a title the parser kept inside the name, or
            # a title in apposition to it
            words += [x for x in c.children if x.dep_ == "compound" and x.i < c.i and x.pos_ == "PROPN"
                      and index.entity(x.i) == index.entity(c.i) and x.i == c.left_edge.i]
            words += [x for x in c.children if x.dep_ == "appos" and index.entity(x.i) is None]
        if any(w.lemma_.lower() in args.titles or w.lemma_.lower() in args.staff or w.lower_ in args.staff
               for w in words):
            return True
    return False


# -- joining people for a meeting ------------------------------------------------------------
def _joined_for_meeting(tok: Token, index, args, modality) -> List[Dict]:
    """"X joined A and B for talks (at the table)": X meets A and B, and they meet each other."""
    if not any(c.dep_ == "prep" and c.lower_ in ("for", "at") and any(
            p.dep_ == "pobj" and p.lemma_.lower() in MEETING_NOUNS for p in c.children) for c in tok.children):
        return []
    joined = [e for c in tok.children if c.dep_ == "dobj" for e in args.entities_of(c) if index.type_of(e) == "PERSON"]
    if not joined:
        return []
    joiners = [e for e in args.subjects(tok) if index.type_of(e) in ACTOR_TYPES and e not in joined]
    negated, cue = modality.negation(tok)
    mod, source = modality.modality(tok, args, "MEETS_WITH")
    pairs = {tuple(sorted((a, b))) for a in joiners for b in joined if a != b}
    pairs |= {tuple(sorted((a, b))) for a in joined for b in joined if a != b}
    return [record(tok, a, "MEETS_WITH", b, rule_id="MEETS_WITH:joined-for-talks", negated=negated, modality=mod,
                   source=source, symmetric=True, cue=cue) for a, b in sorted(pairs)]


def _joined_remotely(tok: Token, index, args, modality) -> List[Dict]:
    """"X joined by video link (virtually, online)": X attends the passage's event
    (GUIDELINES: attending virtually is ATTENDS)."""
    if any(c.dep_ in ("dobj", "attr") for c in tok.children):
        return []
    words = {w.lower_ for c in tok.children if c.dep_ in ("prep", "advmod", "agent") for w in c.subtree}
    if not (words & REMOTE_WORDS):
        return []
    # "X, who stayed home, joined by video link" is parsed as a participle on X
    subjects = args.entities_of(tok.head) if tok.dep_ == "acl" else args.subjects(tok)
    return _emit(tok, subjects, args.focus_event(tok), index, args, modality, "ATTENDS:joined-remotely")


# -- present where the event is held ----------------------------------------------------------
# words of being at a place that, at the place the event in focus is held, are being at the event
# ("will compete in Doha", where the championships in focus are held: the competitors are there)
VENUE_PRESENCE = frozenset(_WORDS["venue_presence"])


def _present_at_venue(tok: Token, index, args, modality) -> List[Dict]:
    """"X will be present in Brasilia", "X is expected in Brasilia", "X will compete in Doha",
    where the passage's event in focus is held in Brasilia (Doha): X attends it (a stated presence, not travel: no VISITS is
    inferred from it; "expected to ..." and "present in person" name no place)."""
    if tok.lemma_.lower() == "expect" and not any(c.dep_ == "auxpass" for c in tok.children):
        return []  # "analysts expect X in Lima": not the subject's presence
    holders = [tok] + ([tok.head] if tok.dep_ == "acomp" else [])  # "will be present in X": on "be"
    places = [e for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "in"
              for p in c.children if p.dep_ == "pobj" for e in [index.entity(p.i)]
              if e and index.type_of(e) in ("LOCATION", "COUNTRY")]
    if not places:
        return []
    ev = args.focus_event(tok)
    if not ev or not any(_held_in(tok.doc, index, ev, p) for p in places):
        return []
    subjects = args.subjects(tok) if tok.lemma_.lower() != "expect" else \
        [e for c in tok.children if c.dep_ == "nsubjpass" for e in args.entities_of(c)]
    return _emit(tok, subjects, ev, index, args, modality, "ATTENDS:present-at-venue")


# -- not travelling to where the event is held -------------------------------------------------
def _not_travelling(tok: Token, index, args, modality) -> List[Dict]:
    """"X did not travel to Kampala", where the passage's event is held: X does not attend it."""
    negated, cue = modality.negation(tok)
    if not negated:
        return []
    places = [index.entity(p.i) for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
              for p in c.children if p.dep_ == "pobj"]
    places = [p for p in places if p and index.type_of(p) == "LOCATION"]
    ev = args.focus_event(tok)
    if not places or not ev or not any(_held_in(tok.doc, index, ev, p) for p in places):
        return []
    subjects = [s for s in args.subjects(tok) if index.type_of(s) == "PERSON"]
    return _emit(tok, subjects, ev, index, args, modality, "ATTENDS:not-travelling-to-venue")


def _held_in(doc: Doc, index, ev: str, place: str) -> bool:
    """Whether the text sets the event in the place: its name has the place's, or "the summit
    in X", "the summit opens (is held) in X"."""
    if index.names.get(place, "") and index.names.get(place, "") in index.names.get(ev, ""):
        return True
    for t in doc:
        if index.entity(t.i) != ev or (t.i + 1 < len(doc) and index.entity(t.i + 1) == ev):
            continue
        holders = [t] + ([t.head] if t.dep_ in ("nsubj", "nsubjpass") else [])
        for h in holders:
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ == "in" and any(index.entity(p.i) == place for p in c.children):
                    return True
    return False


# -- staff sent to the venue -------------------------------------------------------------------
def _staff_to_venue(tok: Token, index, args, modality) -> List[Dict]:
    """"A and B sent their foreign ministers to Lima", "A and B had their ministers travel to
    Lima", where the passage's event is held in Lima: the sending states or bodies attend it
    (GUIDELINES: a country attends when its delegation takes part). Only unnamed staff ("a
    minister", "their envoys"; a named envoy is `_sent_instead`'s), only to the event's place."""
    if tok.lemma_.lower() == "have":
        # causative "had their ministers travel to X": the staff is the subject of the verb under "have"
        moves = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.lemma_.lower() in TRAVEL_VERBS]
        staff = [n for m in moves for n in m.children if n.dep_ == "nsubj"]
    else:
        moves = [tok]
        staff = [c for c in tok.children if c.dep_ == "dobj"]
    staff = [n for n in staff if index.entity(n.i) is None and n.lower_ in (args.staff | STAFF_PRESENT)]
    if not staff:
        return []
    places = [e for m in moves for c in m.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
              for p in c.children if p.dep_ == "pobj" for e in [index.entity(p.i)]
              if e and index.type_of(e) == "LOCATION"]
    ev = args.focus_event(tok)
    if not places or not ev or not any(_held_in(tok.doc, index, ev, p) for p in places):
        return []
    bodies = [e for e in args.subjects(tok) if index.type_of(e) in BODY_TYPES]
    return _emit(tok, bodies, ev, index, args, modality, "ATTENDS:staff-to-venue")


def _had_represent(tok: Token, index, args, modality) -> List[Dict]:
    """"Chile had its trade envoy in Quito represent it": a state or body that has
    someone represent it attends the event in focus (GUIDELINES: a country attends when it is
    represented), and so does the representative when named."""
    reps = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "conj") and c.lemma_.lower() == "represent"
            and any(o.dep_ == "dobj" and o.lower_ in ("it", "them", "itself", "themselves") for o in c.children)]
    if not reps:
        return []
    agents = [c for c in tok.children if c.dep_ == "dobj"] + [n for r in reps for n in r.children if n.dep_ == "nsubj"]
    if not agents or not all(index.entity(a.i) or a.lower_ in (args.staff | STAFF_PRESENT)
                             or a.lemma_.lower() in args.staff or a.lemma_.lower() in EXTRA_ENVOYS for a in agents):
        return []
    bodies = [e for e in args.subjects(tok) if index.type_of(e) in BODY_TYPES]
    people = [e for a in agents for e in args.entities_of(a) if index.type_of(e) == "PERSON"]
    ev = _event(reps[0], index, args, preps=("at",))
    return _emit(tok, bodies + people, ev, index, args, modality, "ATTENDS:had-represent")


# envoys named by rank that the staff list leaves out ("its commercial attache")
EXTRA_ENVOYS = frozenset(_WORDS["extra_envoys"])


# -- boycotting what a state holds ------------------------------------------------------------
def _boycotted_holding(tok: Token, index, args, modality) -> List[Dict]:
    """"X will boycott Hungary's presidency (France's products)": X boycotts the holder."""
    holders = [e for c in tok.children if c.dep_ == "dobj" and index.entity(c.i) is None
               and c.lemma_.lower() in HELD_NOUNS | {w.rstrip("s") for w in HELD_NOUNS}
               for p in c.children if p.dep_ == "poss" for e in [index.entity(p.i)]
               if e and index.type_of(e) in BODY_TYPES]
    out: List[Dict] = []
    for h in holders:
        out += _emit(tok, [s for s in args.subjects(tok) if s != h], h, index, args, modality,
                     "BOYCOTTS:holding", predicate="BOYCOTTS")
    return out


# -- staff present ---------------------------------------------------------------------------------
def _had_staff_present(tok: Token, index, args, modality) -> List[Dict]:
    """"X had a representative (no delegate, nobody) present (there)": X attends the passage's
    event, or does not (GUIDELINES: a country attends when its delegation takes part)."""
    obj = [c for c in tok.children if c.dep_ == "dobj"]
    if not obj:
        return []
    words = [w for w in obj[0].subtree]
    lows = {w.lower_ for w in words}
    present = "present" in lows or any(c.lower_ in ("present", "there") and c.dep_ in ("advmod", "oprd", "ccomp", "xcomp", "acomp")
                                       for c in tok.children) or any(
        c.lower_ == "present" for w in words for c in w.children)
    if not present or not (lows & STAFF_PRESENT):
        return []
    bodies = [e for e in args.subjects(tok) if index.type_of(e) in BODY_TYPES]
    # "no representative", "nobody": the clause's negation already says so
    return _emit(tok, bodies, args.focus_event(tok), index, args, modality, "ATTENDS:had-staff-present")
