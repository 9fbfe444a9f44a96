"""ATTENDS of the guests listed in a sentence of their own, after the gathering is named.

News reports of a funeral, an inauguration or a summit often name the gathering once and
then list its guests in copular sentences that carry no attendance verb:

- fronted presence: "Present as well were A and B", "Also there was X", "In attendance were
  A and B", "Among those present were A and B" ("Absent were A and B" denies presence);
- a subject naming the guests: "Guests included A and B", "The list of dignitaries included
  A and B", "Mourners included A and B", "The foreign guests were A and B";
- a postposed presence word: "A and B were on hand", "A and B were among the guests";
  membership of a state's delegation: "A and B were (also) in the Sudanese delegation" (the
  members and the state attend, and the members are AFFILIATED_WITH the state);
- "They were A, B and C" right after a sentence in which an unnamed plural group gathers
  ("Leaders from abroad assembled at the hall. They were A, B and C.").

The parser hangs such long lists of titled names together in many wrong ways (a name as a
modifier of the next one, the first conjunct left out), so the items are read from the words:
every person named in the list, and every state or body that stands as an item of its own
(between commas, "and" or the list's ends; not "Ghana's President X", "the President of
Chile", nor a demonym). The list stops at a relative pronoun or a subordinator ("X, who had
invited Y": Y is no guest). A guest list that names leaders by demonym and title gives
ATTENDS to the persons only (GUIDELINES, dev6 calls).

The event is one named in the sentence's head ("Guests at the Lima Summit included"), else
the passage's event in focus (`SalienceMixin.salient_event`: named in the last three
sentences, or the passage's one event). Words are data (`relext/data/guest_lists.yaml`).

Example:
    >>> import relext
    >>> text = ("The Lima Summit opened on Monday. Present as well were Kenyan President "
    ...         "William Ruto and Ghana's President John Mahama.")
    >>> sorted(r.subject.name for r in relext.extract(text).relations if r.predicate == "ATTENDS")
    ['John Mahama', 'William Ruto']
"""
from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Tuple

from spacy.tokens import Doc, Span, Token

from ..gazetteer import read_data
from ._lookup import positions_in
from .records import record

# word lists: relext/data/words/guest_lists.yaml
_WORDS = read_data("words/guest_lists.yaml")

_DATA = read_data("guest_lists.yaml")
FRONTED: Dict[str, bool] = dict(_DATA["fronted_presence"])
POSTPOSED: Dict[str, bool] = dict(_DATA["postposed_presence"])
GUEST_NOUNS = frozenset(_DATA["guest_nouns"])
LISTING_VERBS = frozenset(_DATA["listing_verbs"])
LEADING_WORDS = frozenset(_DATA["leading_words"])
GATHERING_VERBS = frozenset(_DATA["gathering_verbs"])
LIST_STOPS = frozenset(_DATA["list_stops"])
DELEGATION_NOUNS = frozenset(_DATA["delegation_nouns"])
MEMBERSHIP_WORDS = [w.split() for w in _DATA["delegation_membership"]]
TRAILING_MARKERS = [tuple(m.split()) for m in _DATA["trailing_markers"]]
# the words a trailing marker ends in: a sentence without one has no trailing list
_MARKER_ENDS = frozenset(m[-1] for m in TRAILING_MARKERS if m)
BARE_ATTENDANCE_VERBS = frozenset(_DATA["bare_attendance_verbs"])
ADDITIVE_WORDS = frozenset(_DATA["additive_words"])
PRESENCE_GROUP_NOUNS = frozenset(_DATA["presence_group_nouns"])
GUEST_LIST_NOUNS = frozenset(_DATA["guest_list_nouns"])
LIST_OPENERS = frozenset(_DATA["list_openers"])
ITEM_EDGES = frozenset(_WORDS["item_edges"])
ACTOR_TYPES = ("PERSON", "COUNTRY", "ORGANISATION")
PRESENCE_ADVERBS = frozenset(_WORDS["presence_adverbs"])


def guest_lists(doc: Doc, index, args, modality) -> List[Dict]:
    """ATTENDS (negated for absence) records of the guests listed in copular guest-list
    sentences, one per person (and per state or body standing as an item of its own)."""
    if not any(t == "EVENT" for t in index.types.values()):
        return []
    out: List[Dict] = []
    sents = list(doc.sents)
    for n, sent in enumerate(sents):
        found = _guest_sentence(sent, sents[n - 1] if n else None, index) or _bare_attendance(sent, index)
        if found is None:
            continue
        verb, (start, end), flip, ev = found[:4]
        state = found[4] if len(found) > 4 else None
        ev = ev or args.salient_event(verb, window=3, ahead=False, sole=True)
        guests = _items(doc, start, end, index)
        if not ev or not guests:
            continue
        negated, cue = modality.negation(verb)
        if flip:
            negated, cue = not negated, cue or verb.text
        mod, source = modality.modality(verb, args, "ATTENDS")
        out += [record(verb, g, "ATTENDS", ev, rule_id="ATTENDS:guest-list", negated=negated, modality=mod,
                       source=source, cue=cue) for g in guests + ([state] if state else []) if g != ev]
        if state and not negated:
            # "A and B were in the Ukrainian delegation": members of a state's delegation have a role in it
            out += [record(verb, g, "AFFILIATED_WITH", state, rule_id="AFFILIATED_WITH:delegation-member")
                    for g in guests if index.type_of(g) == "PERSON"]
    return out


def _bare_attendance(sent: Span, index):
    """"Representatives of 90 countries attended, A and B among them": an unnamed plural group
    attends with no object (the event in focus), and the trailing list names its members."""
    span = _trailing_list(sent)
    if span is None:
        return None
    verb = doc_verb = sent.root
    if doc_verb.lemma_.lower() not in BARE_ATTENDANCE_VERBS or doc_verb.pos_ != "VERB" or any(
            c.dep_ in ("dobj", "prep") and c.lower_ != "among" and c.i < span[0] for c in doc_verb.children):
        return None
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj or subj[0].tag_ not in ("NNS", "NNPS") or index.entity(subj[0].i) is not None:
        return None
    return verb, span, False, None


def _words(tokens: Sequence[Token]) -> List[str]:
    return [t.lower_ for t in tokens if not (t.is_punct or t.is_space)]


def _strip(words: List[str]) -> str:
    """The head phrase without leading "also"/"and" and trailing "as well"/"too"/"also"."""
    while words and words[0] in ("also", "and", "but"):
        words = words[1:]
    while words and words[-1] in ("too", "also", "well", "as"):
        words = words[:-1]
    return " ".join(words)


def _event_in(tokens: Sequence[Token], index) -> Optional[str]:
    for t in tokens:
        e = index.entity(t.i)
        if e and index.type_of(e) == "EVENT":
            return e
    return None


def _cut_at_place(tokens: Sequence[Token]) -> Tuple[List[Token], List[Token]]:
    """The head phrase before an "at"/"for"/"of the" place phrase, and that phrase
    ("Guests at the Lima Summit", "Present at the funeral")."""
    for k, t in enumerate(tokens):
        if t.lower_ in ("at", "for") and k > 0:
            return list(tokens[:k]), list(tokens[k:])
    return list(tokens), []


def _guest_sentence(sent: Span, prev: Optional[Span], index):
    """``(verb, (list start, list end), denies presence, event named in the head)`` of a
    guest-list sentence, or ``None``."""
    toks = [t for t in sent if not t.is_space]
    verb_k = next((k for k, t in enumerate(toks) if t.lemma_.lower() in LISTING_VERBS
                   and t.pos_ in ("AUX", "VERB")), None)
    if verb_k is None or verb_k == 0:
        return None
    verb = toks[verb_k]
    end = _list_end(toks, verb_k + 1)
    head, place = _cut_at_place(toks[:verb_k])
    head_words = _words(head)
    phrase = _strip(head_words)
    ev = _event_in(place, index)
    if verb.lemma_.lower() == "be" and phrase in FRONTED:
        if phrase in ("there",) and not (set(head_words) & ADDITIVE_WORDS or _additive_after(toks, verb_k)):
            return None  # "There were A and B" is existential
        if _starts_with_name(toks, verb_k + 1, index):
            return verb, (toks[verb_k + 1].i, end), FRONTED[phrase], ev
        return None
    if head_words and head_words[-1] in GUEST_NOUNS and all(w in LEADING_WORDS for w in head_words[:-1]) \
            and not any(index.entity(t.i) for t in head):
        if _starts_with_name(toks, verb_k + 1, index):
            return verb, (toks[verb_k + 1].i, end), False, ev
        return None
    # capitalised adjectives before the people word change nothing ("The Latin American leaders
    # who confirmed include ..."); a named state or body there still stops the rule
    denies = _presence_subject(_words([t for t in head if not (t.is_title and t.pos_ in ("ADJ", "PROPN"))]))
    if denies is not None and not any(index.entity(t.i) for t in head):
        if place and ev is None:
            return None  # "Those present at the dinner in Porto": somewhere else
        if _starts_with_name(toks, verb_k + 1, index):
            return verb, (toks[verb_k + 1].i, end), denies, ev
        return None
    if head_words == ["they"] and verb.lower_ in ("were", "are") and prev is not None and _gathered(prev, index):
        if _starts_with_name(toks, verb_k + 1, index) and _count_people(toks[verb_k + 1].i, end, index) >= 2:
            return verb, (toks[verb_k + 1].i, end), False, None
        return None
    if verb.lemma_.lower() == "be":
        return _postposed(toks, verb_k, index)
    return None


def _presence_subject(words: List[str]) -> Optional[bool]:
    """Whether a subject that names the guests by their presence denies it: "those
    attending", "leaders in attendance", "the heads of state present" (False), "those absent"
    (True); "the guest list" (False); ``None`` for any other subject."""
    words = [w for w in words if w not in ("also", "and", "but", "the", "too")]
    if len(words) >= 2 and words[-1] in GUEST_LIST_NOUNS and words[-2] in GUEST_NOUNS \
            and all(w in LEADING_WORDS for w in words[:-2]):
        return False  # "the guest list"
    for key in sorted(FRONTED, key=len, reverse=True):
        kw = key.split()
        if kw[0] == "among" or len(words) <= len(kw) or words[-len(kw):] != kw:
            continue
        before = words[:-len(kw)]
        if any(w in PRESENCE_GROUP_NOUNS - {"of", "state", "government"} for w in before) \
                and all(w in PRESENCE_GROUP_NOUNS or w in LEADING_WORDS for w in before):
            return FRONTED[key]
    return None


def _additive_after(toks: List[Token], k: int) -> bool:
    return k + 1 < len(toks) and toks[k + 1].lower_ in ADDITIVE_WORDS


def _postposed(toks: List[Token], verb_k: int, index):
    """"A and B were on hand (at EVENT)", "A and B were among the guests": the list before
    the copula; nothing but adverbs and an event after the presence words."""
    rest = [t for t in toks[verb_k + 1:] if not (t.is_punct or t.is_space)]
    while rest and rest[0].lower_ in PRESENCE_ADVERBS - {"there"}:
        rest = rest[1:]
    words = [t.lower_ for t in rest]
    start = _list_start(toks, verb_k)
    state = _delegation_state(rest, words, index)
    if state:
        return toks[verb_k], (start, toks[verb_k].i), False, None, state
    for key in sorted(POSTPOSED, key=len, reverse=True):
        kw = key.split()
        if words[:len(kw)] == kw:
            tail = rest[len(kw):]
            ev = None
            if tail and tail[0].lower_ in ("at", "for"):
                ev = _event_in(tail, index)
                if ev is None:
                    return None
                tail = [t for t in tail[1:] if index.entity(t.i) != ev and t.lower_ not in ("the",)]
            if any(t.lower_ not in PRESENCE_ADVERBS and t.ent_type_ not in ("DATE", "TIME") for t in tail):
                return None
            return toks[verb_k], (start, toks[verb_k].i), POSTPOSED[key], ev
    return None


def _list_start(toks: List[Token], verb_k: int) -> int:
    """Where the list before the copula starts: its subject's left edge ("An official said
    A and B were in the delegation"), else the sentence's start; leading "also"/"and" skipped."""
    verb = toks[verb_k]
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    start = subj[0].left_edge.i if subj else toks[0].i
    while start < verb.i and verb.doc[start].lower_ in ("also", "and", "but"):
        start += 1
    return start


def _delegation_state(rest: List[Token], words: List[str], index) -> Optional[str]:
    """The state of "(were) in (part of, members of) the Ukrainian delegation", with nothing
    after the delegation noun; ``None`` otherwise."""
    for kw in MEMBERSHIP_WORDS:
        if words[:len(kw)] != kw:
            continue
        tail = rest[len(kw):]
        if tail and tail[0].lower_ == "the":
            tail = tail[1:]
        nouns = [k for k, t in enumerate(tail) if t.lower_ in DELEGATION_NOUNS]
        if not nouns or any(t.lower_ not in PRESENCE_ADVERBS for t in tail[nouns[0] + 1:]):
            return None
        states = {index.entity(t.i) for t in tail[:nouns[0]]} - {None}
        states = [e for e in states if index.type_of(e) == "COUNTRY"]
        return states[0] if len(states) == 1 else None
    return None


def _starts_with_name(toks: List[Token], k: int, index) -> bool:
    """Whether the list after the copula opens with a name or a title (not "calls from X")."""
    while k < len(toks) and toks[k].lower_ in ("also", "the", "too", ":", "-", "—"):
        k += 1
    if k >= len(toks):
        return False
    t = toks[k]
    if t.lower_ in LIST_OPENERS and k + 1 < len(toks) and toks[k + 1].lower_ == "of":
        return True  # "are the presidents of Chile, A; Peru, B": titled per state
    return index.entity(t.i) is not None or (t.is_title and t.pos_ in ("PROPN", "NOUN", "ADJ"))


def _list_end(toks: List[Token], k: int) -> int:
    """The token index where the list starting at ``toks[k]`` stops."""
    for j in range(k, len(toks)):
        w = toks[j].lower_
        if w == "as" and j + 2 < len(toks) and toks[j + 1].lower_ == "well" and toks[j + 2].lower_ == "as":
            continue
        if (w == "well" and j > k and toks[j - 1].lower_ == "as") or \
                (w == "as" and j - 1 > k and toks[j - 1].lower_ == "well"):
            continue  # "A, as well as B"
        if w in LIST_STOPS or (toks[j].pos_ == "VERB" and toks[j].tag_ not in ("VBN", "VBG")):
            return toks[j].i
    return toks[-1].i + 1


def _gathered(prev: Span, index) -> bool:
    """Whether ``prev`` has an unnamed plural group gather: a gathering verb, not negated,
    whose subject is a plural common noun with no entity ("Presidents and monarchs
    assembled at ...")."""
    for t in prev:
        if t.lemma_.lower() in GATHERING_VERBS and t.pos_ == "VERB" and not any(c.dep_ == "neg" for c in t.children):
            subj = [c for c in t.children if c.dep_ == "nsubj"]
            if not subj and t.dep_ == "acl" and prev.root.pos_ in ("NOUN", "PROPN"):
                subj = [prev.root]  # a verbless parse: "Presidents and monarchs ... assembled at" as one noun phrase
            if subj and subj[0].tag_ in ("NNS", "NNPS") and index.entity(subj[0].i) is None:
                return True
    return False


def _count_people(start: int, end: int, index) -> int:
    return len({index.name_by_token[i] for i in range(start, end)
                if i in index.name_by_token and index.type_of(index.name_by_token[i]) == "PERSON"})


def _items(doc: Doc, start: int, end: int, index) -> List[str]:
    """The guests of the list ``doc[start:end]``: people named, and states or bodies that stand
    as items of their own (not a possessor, modifier or "of" object of a title)."""
    out: List[str] = []
    i = start
    while i < end:
        e = index.name_by_token.get(i)
        if e is None or index.type_of(e) not in ACTOR_TYPES:
            i += 1
            continue
        a, b = index.mention_of.get(i, (i, i + 1))
        a, b = max(a, start), min(b, end)
        if index.type_of(e) == "PERSON":
            out.append(e)
        elif index.kind_by_token.get(i) != "DEMONYM" and _edge(doc, a - 1, start, before=True) \
                and _edge(doc, b, end, before=False):
            out.append(e)
        i = max(b, i + 1)
    return list(dict.fromkeys(out))


def _edge(doc: Doc, j: int, limit: int, *, before: bool) -> bool:
    """Whether token ``j`` closes an item: the list's end, a comma, "and" or a semicolon."""
    if (before and j < limit) or (not before and j >= limit):
        return True
    w = doc[j].lower_
    if before and w in ("the",):
        return _edge(doc, j - 1, limit, before=True)
    return w in (",", "and", ";", "plus", ".", ")", "(")


# relations a trailing list of guests shares as a whole
TRAILING_SHARED = ("ATTENDS", "BOYCOTTS")


def completed_lists(doc: Doc, index, records: List[Dict]) -> List[Dict]:
    """The ATTENDS/BOYCOTTS of one item of a trailing "..., A and B, C and D included" list
    given to every item of that list.

    "Nearly all the region's leaders will be there, Kenya's President A and his predecessor B,
    Ghanaian President C and D included": the parser reaches only some items of such a list
    (those hung on the clause), so the items are read from the words, between the last comma
    that no verb follows and the closing "included" (`TRAILING_MARKERS` in the YAML). A copy
    keeps the record's trigger, polarity and modality; only people and states standing as items
    of their own (`_items`) take it.
    """
    out: List[Dict] = []
    recs_all = [r for r in records if r["predicate"] in TRAILING_SHARED]
    if not recs_all:
        return out
    for sent in doc.sents:
        recs = [r for r in recs_all if sent.start_char <= r["evidence"]["trigger_start"] < sent.end_char]
        if not recs:
            continue
        span = _trailing_list(sent)
        if span is None:
            continue
        items = _items(doc, span[0], span[1], index)
        if len(items) < 2:
            continue
        seen = set()
        for r in recs:
            if r["subject"] not in items:
                continue
            key = (r["object"], r["predicate"], r["negated"])
            if key in seen:
                continue
            seen.add(key)
            trigger = next((t for t in sent if t.idx == r["evidence"]["trigger_start"]), None)
            if trigger is None:
                continue
            out += [record(trigger, m, r["predicate"], r["object"], rule_id=f"{r['evidence']['rule']}+trailing-list",
                           negated=r["negated"], modality=r["modality"], source=r["source"],
                           cue=r["evidence"].get("cue"))
                    for m in items if m != r["subject"] and m != r["object"]]
    return out


def _trailing_list(sent: Span) -> Optional[Tuple[int, int]]:
    """``(start, end)`` of a list closed by "included" ("among them") at the sentence's end,
    starting after the earliest comma with no verb between it and the marker; ``None`` if
    there is none."""
    if not any(sent.start <= i < sent.end for i in positions_in(sent.doc, _MARKER_ENDS)):
        return None  # (found without walking the sentence)
    toks = [t for t in sent if not (t.is_space or t.is_punct and t.text not in (",", ";"))]
    mark = next((m for m in TRAILING_MARKERS if len(toks) > len(m)
                 and tuple(t.lower_ for t in toks[-len(m):]) == m), None)
    if mark is None:
        return None
    toks = toks[:len(toks) - len(mark) + 1]
    marker = toks[-1]
    start = None
    for t in reversed(toks[:-1]):
        if t.pos_ in ("VERB", "AUX"):
            break
        if t.text == ",":
            start = t.i + 1
    if start is None or start >= marker.i:
        return None
    return start, marker.i
