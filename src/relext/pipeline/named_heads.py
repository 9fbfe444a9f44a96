"""Named events from their shape: a head word named by what modifies it.

An event name is a head noun (``summit``, ``meeting``, ``expo``, ``games`` ... listed in
``relext/data/events.yaml``) that a *naming* word modifies: an organisation, a place, a
country or its demonym, an acronym or another capitalised word ("the OPEC meeting", "the
26th ASEAN-China Summit", "an EU leaders' meeting", "the Southeast Asian summit",
"COP28 climate summit"), or that names what it is of ("Summit of the Americas", "the
online meeting of SCO leaders", "the 49th session of the UN Human Rights Council").
Ordinals and years just before the name belong to it ("the 18th East Asia Summit").

What does not name an event: a person ("a summit with Kim", "the Biden-Xi talks" are
meetings, not named events), a date or a weekday ("the February summit", "Thursday's
meeting"), a bare head ("the summit", resolved later as a description of the passage's
named event). The *weak* heads (meeting, talks, gathering, session, debate, dialogue)
need an organisation or an acronym to name them; a capitalised word alone is not enough.

Example
-------
>>> import spacy
>>> from relext.loading import resolve_model
>>> nlp = resolve_model()
>>> doc = nlp("Leaders met at the 18th East Asia Summit in Jakarta.")
>>> EventShapes({"summit"}, set()).span(doc[7], {})
(4, 8)
"""
from __future__ import annotations

import re
from typing import Dict, Iterable, Optional, Tuple

from spacy.tokens import Doc, Token
from ..gazetteer import read_data

# word lists: relext/data/words/named_heads.yaml
_WORDS = read_data("words/named_heads.yaml")

MONTHS = frozenset(_WORDS["months"])
ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$|^\d{4}$", re.I)
# heads that are plural in one event's name ("the peace talks", "the Asian Games")
PLURAL_NAMES = frozenset(_WORDS["plural_names"])
# heads that, capitalised, end the name of a place rather than of an event
PLACE_WHEN_CAPITALISED = {"parade"}
NAMING_DEPS = ("compound", "nmod", "amod", "poss", "npadvmod")
NAMING_TYPES = ("ORGANISATION", "COUNTRY", "LOCATION", "EVENT")


class EventShapes:
    """Recognise event names around head words.

    Args:
        heads: head lemmas that make an event with any naming modifier.
        weak_heads: head lemmas that need an organisation or an acronym to name them.
        occasions: the ``occasions`` family of ``events.yaml`` (heads, place_named, naming_words).
        place_heads: plural heads named only by the place they are held in, after "the"
            ("the Geneva talks", "the Bonn climate talks", "the Doha negotiations").
        briefing_words: words that make a head a body's or a person's briefing, no named
            event ("a Kremlin press conference", "the NATO photo session").
        office_occasions: ``heads`` and ``offices`` of occasions named by a state's office
            ("the US presidential inauguration", "Kenya's presidential inauguration").
    """

    def __init__(self, heads: Iterable[str], weak_heads: Iterable[str], occasions: Optional[Dict] = None,
                 place_heads: Iterable[str] = ("talks",), briefing_words: Iterable[str] = (),
                 office_occasions: Optional[Dict] = None) -> None:
        self.heads = {h.lower() for h in heads}
        self.place_heads = {h.lower() for h in place_heads}
        self.briefing = {w.lower() for w in briefing_words}
        office_occasions = office_occasions or {}
        self.office_heads = {h.lower() for h in office_occasions.get("heads", ())}
        self.office_words = {w.lower() for w in office_occasions.get("offices", ())}
        self.weak = {h.lower() for h in weak_heads}
        occasions = occasions or {}
        self.occasion_heads = {h.lower() for h in occasions.get("heads", ())}
        self.place_named = {h.lower() for h in occasions.get("place_named", ())}
        self.occasion_words = {w.lower() for w in occasions.get("naming_words", ())}

    def span(self, head: Token, ent_at: Dict[int, str]) -> Optional[Tuple[int, int]]:
        """Token span ``(start, end)`` of the event named around ``head``, or None.

        Args:
            head: a token whose lemma (or lower form) is a head word.
            ent_at: token index -> entity type of the mentions found so far (gazetteer,
                model, known people), used to tell organisations from people and dates.
        """
        occasion = self._occasion(head, ent_at)
        if occasion is not None:
            return occasion
        if head.lower_ in self.office_heads:
            return _office_occasion(head, ent_at, self.office_words)
        if any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ in self.briefing for c in head.lefts):
            return None  # "told a Kremlin press conference": a briefing; "the closing press
            # conference" of an event is a part of it (events.yaml event_parts)
        if head.lower_ in self.place_heads and head.lemma_.lower() != head.lower_ and head.pos_ in ("NOUN", "PROPN"):
            return _place_named(head, ent_at)
        low = head.lower_ if head.lower_ in self.heads or head.lower_ in self.weak else head.lemma_.lower()
        if low not in self.heads and low not in self.weak:
            return None
        if head.pos_ not in ("NOUN", "PROPN") or head.i in ent_at and ent_at[head.i] == "PERSON":
            return None
        if low in PLACE_WHEN_CAPITALISED and head.is_title:
            return None  # "Horse Guards Parade" is a square; "the Victory Day parade" an event
        if head.tag_ in ("NNS", "NNPS") and (head.is_lower or head.is_sent_start) and head.lower_ not in PLURAL_NAMES:
            return None  # "all sessions of the Nordic Council", "G20 summits": a series, no one event
        # a weak head written as part of a name ("the Shangri-La Dialogue") is named like a strong one
        as_name = head.is_title and not head.is_sent_start and not _title_case_line(head)
        weak = low in self.weak and not (as_name and head.pos_ == "PROPN")
        doc = head.doc
        # "the Summit 2025", "World Peace Forum 2023": an edition year after a capitalised head
        year = 1 if head.is_title and head.i + 1 < len(doc) and ORDINAL.match(doc[head.i + 1].text) \
            and doc[head.i + 1].shape_ == "dddd" else 0
        naming = [c for c in head.lefts if c.dep_ in NAMING_DEPS and self._names(c, ent_at, weak)]
        if not naming:
            # the name may modify a lower-case word between it and the head: a topic or the
            # people who meet ("the ASEAN leaders summit", "an EU finance ministers meeting")
            naming = [g for c in _plain_modifiers(head) for g in c.lefts
                      if g.dep_ in ("compound", "nmod", "poss") and self._names(g, ent_at, weak)]
        if any(c.dep_ == "poss" and c.lemma_.lower() in self.heads | self.weak for c in naming):
            return None  # "the Lima Summit's closing session": a part of the summit, not a name
        if weak and not naming and self._session_of_event(head, ent_at):
            return None  # "a virtual session of the Lima Summit": the summit itself is the event
        if as_name and any(p.dep_ == "prep" and p.lower_ == "of" and any(o.dep_ == "pobj" for o in p.children)
                           for p in head.rights):
            naming = []  # "the 41st Ordinary Session of the Council of ...": the name runs on after "of"
        if not naming and year:
            start = head.i
            while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ in ("PROPN", "ADJ", "NOUN") \
                    and not doc[start - 1].is_sent_start and ent_at.get(start - 1) != "PERSON":
                start -= 1
            return start, head.i + 2
        if naming:
            start = min(c.left_edge.i for c in naming)
            for c in naming:  # "Russia's Eastern Economic Forum": a possessive country stays outside
                if c.dep_ == "poss" and ent_at.get(c.i) == "COUNTRY" and len(naming) > 1:
                    start = max(start, c.right_edge.i + 1)
            start = _skip_det(doc, start, head.i)
            if start >= 2 and doc[start - 1].text == "(" and doc[start].is_upper:
                start = _before_acronym(doc, start)  # "Group of 20 (G20) summit"
            while start < head.i and doc[start].text in (")", "("):
                start += 1
            return _with_ordinal(doc, start), head.i + 1 + year
        owned = _owned_edition(head, ent_at, weak) or _numbered_party_congress(head)
        if owned is not None:
            return owned
        if low == "session" and head.is_lower and not (head.i > 0 and (ORDINAL.match(doc[head.i - 1].text)
                                                                      or WORD_ORDINAL.match(doc[head.i - 1].text))) \
                and not any(c.lower_ == "joint" for c in head.lefts):
            # "a special sitting of the General Assembly": a sitting of the body, no
            # named event; a numbered session and a joint session of two chambers (an
            # occasion such as a foreign leader's address) stay events
            return None
        for prep in head.rights:
            # "Summit of the Americas"; a capitalised head also "Summit for Democracy"
            if prep.dep_ != "prep" or not (prep.lower_ == "of" or prep.lower_ in ("for", "on") and as_name):
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                named = [t for t in obj.subtree if t.i <= obj.i and self._names(t, ent_at, weak)]
                if named and not any(ent_at.get(t.i) == "PERSON" for t in obj.subtree):
                    # "online meeting of ...", "36th Ordinary Session of ...": one-word
                    # modifiers, not participles ("a meticulously staged summit")
                    lefts = [c for c in head.lefts if c.dep_ in ("amod", "compound", "nmod")
                             and c.left_edge.i == c.i and c.tag_ not in ("VBN", "VBG")]
                    start = min([c.i for c in lefts] + [head.i])
                    return _with_ordinal(doc, _skip_det(doc, start, head.i)), _of_chain_end(obj)
        return None

    def gerund_span(self, head: Token, ent_at: Dict[int, str]) -> Optional[Tuple[int, int]]:
        """A weak head the parser read as a verb after the people who meet, in an object:
        "attended the NATO leaders meeting in Vilnius", "will skip the G7 leaders meeting"
        (``meeting`` an ``acl`` of ``leaders``, or a second object of "attended"). The people must be a lower-case plural
        after an article, named by an organisation or an acronym, and the verb take no
        object of its own ("the EU leaders meeting Xi" is a meeting of people, no event).

        Args:
            head: a lower-case ``-ing`` weak head tagged VBG.
            ent_at: token index -> entity type of the mentions found so far.
        """
        if head.i == 0 or head.lower_ not in self.weak:
            return None
        people = head.doc[head.i - 1]
        if people.tag_ != "NNS" or not people.is_lower or people.dep_ not in ("dobj", "pobj"):
            return None
        # "meeting" an acl of the people, or a second object of their verb ("attended the
        # ASEAN leaders meeting" read as two objects)
        if not (head.dep_ == "acl" and head.head.i == people.i or head.dep_ == people.dep_ and head.head.i == people.head.i):
            return None
        if any(c.dep_ in ("dobj", "dative", "attr", "ccomp", "xcomp", "nsubj") for c in head.children):
            return None
        if not any(c.dep_ == "det" and c.lower_ in ("the", "a", "an", "this", "next", "last") for c in people.lefts):
            return None
        naming = [c for c in people.lefts if c.dep_ in ("compound", "nmod") and self._names(c, ent_at, True)]
        if not naming:
            return None
        return _skip_det(head.doc, min(c.left_edge.i for c in naming), head.i), head.i + 1

    def _occasion(self, head: Token, ent_at: Dict[int, str]) -> Optional[Tuple[int, int]]:
        """An occasion named by a holiday or an anniversary ("the Victory Day parade", "the
        70th anniversary ceremonies", "an Independence Day reception"), or a plural occasion
        named by its place ("the Moscow commemorations"). A capitalised head ("Horse Guards
        Parade") or a head named otherwise is left to the summit shapes."""
        if head.lower_ not in self.occasion_heads or not head.is_lower or head.pos_ != "NOUN":
            return None
        doc = head.doc
        start = head.i
        named = False
        while start > 0:
            prev = doc[start - 1]
            low = prev.lower_
            if low in self.occasion_words and (prev.is_title or low == "anniversary" or prev.is_lower
                                               and low != "day"):
                named = True  # "Victory Day", "anniversary", "jubilee"
            elif prev.is_title and prev.pos_ in ("PROPN", "ADJ", "NOUN") and not prev.is_sent_start \
                    and ent_at.get(prev.i) != "PERSON" and low not in MONTHS:
                if head.lower_ in self.place_named and ent_at.get(prev.i) in ("LOCATION", "COUNTRY") \
                        and prev.dep_ in ("compound", "nmod", "amod"):
                    named = True  # "the Moscow ceremonies"
            elif ORDINAL.match(prev.text) or WORD_ORDINAL.match(prev.text) or prev.text == "-":
                pass  # "70th", "D-Day"
            else:
                break
            start -= 1
        if not named:
            return self._occasion_in_place(head, ent_at)
        while start < head.i and (doc[start].text == "-" or doc[start].lower_ in MONTHS):
            start += 1
        if start >= head.i or not (doc[start].is_title or ORDINAL.match(doc[start].text)
                                   or WORD_ORDINAL.match(doc[start].text) or doc[start].lower_ in self.occasion_words):
            return None
        return start, head.i + 1

    def _occasion_in_place(self, head: Token, ent_at: Dict[int, str]) -> Optional[Tuple[int, int]]:
        """"the (June) ceremonies in Caen marking 80 years since ...": definite plural
        occasions held in a named place and marking something are named by that place
        (the same event as "the Moscow ceremonies")."""
        doc = head.doc
        if head.lower_ not in self.place_named or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.lefts):
            return None
        if any(c.dep_ in ("amod", "compound", "nmod") and c.lower_ not in MONTHS for c in head.lefts):
            return None
        if head.i + 2 >= len(doc) or doc[head.i + 1].lower_ != "in":
            return None
        end = head.i + 2
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title \
                and ent_at.get(end) in ("LOCATION", "COUNTRY"):
            end += 1
        if end == head.i + 2 or end + 1 >= len(doc):
            return None
        after = doc[end].lower_
        if not (after in ("marking", "commemorating", "celebrating") or after == "to" and doc[end + 1].lower_ == "mark"):
            return None
        start = head.i
        if doc[start - 1].lower_ in MONTHS:
            start -= 1
        return start, end

    def _session_of_event(self, head: Token, ent_at: Dict[int, str]) -> bool:
        """An unnumbered weak head whose "of" object is itself an event name: "a virtual
        session of the Lima Summit" (the summit is the event); "a session of the UN Security
        Council" stays an event named by the body."""
        if any(c.dep_ in ("amod", "nummod", "compound") and (WORD_ORDINAL.match(c.text) or ORDINAL.match(c.text))
               for c in head.lefts):
            return False
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and (obj.lemma_.lower() in self.heads or obj.lower_ in self.heads) \
                            and ent_at.get(obj.i) != "ORGANISATION":  # "a joint session of Congress" stays
                        return True
        return False

    @staticmethod
    def _names(tok: Token, ent_at: Dict[int, str], weak: bool) -> bool:
        """Whether ``tok`` (a modifier) is a naming word for an event."""
        if tok.lower_ in MONTHS or tok.ent_type_ in ("DATE", "TIME") or ent_at.get(tok.i) == "PERSON":
            return False
        body_inside = any(ent_at.get(t.i) in ("ORGANISATION", "EVENT") for t in tok.subtree if t.i <= tok.i)
        if tok.dep_ == "poss" and tok.tag_ == "NNS" and tok.is_lower and any(
                c.dep_ in ("compound", "nmod") and (ent_at.get(c.i) == "ORGANISATION" or _acronym(c.text))
                for c in tok.lefts):
            return True  # "the G7 leaders' summit": the people who meet, named by their body
        if tok.dep_ == "poss" and not body_inside:
            return False  # "Russia's war", "Thursday's meeting": a possessor is no name ("EU leaders'" is)
        if any(ent_at.get(t.i) == "PERSON" for t in tok.subtree):
            return False
        acronym = tok.text.isupper() and len(tok.text) > 1 or bool(re.fullmatch(r"[A-Z][A-Za-z]*-?\d+", tok.text))
        if weak:
            return acronym or body_inside
        if ent_at.get(tok.i) in NAMING_TYPES or acronym:
            return True
        return tok.text[:1].isupper() and not tok.is_sent_start and tok.pos_ in ("PROPN", "ADJ")


def _acronym(text: str) -> bool:
    return text.isupper() and len(text) > 1 or bool(re.fullmatch(r"[A-Z][A-Za-z]*-?\d+", text))


def _plain_modifiers(head: Token):
    """The head's one-word lower-case noun or adjective modifiers ("climate", "leaders",
    "nuclear"): words a name before them may reach the head through ("the Bonn climate
    talks", "the ASEAN leaders summit"); participles ("staged") are none."""
    return [c for c in head.lefts if c.dep_ in ("compound", "amod", "nmod") and c.is_lower
            and c.pos_ in ("NOUN", "ADJ") and c.tag_ not in ("VBN", "VBG")]


def _office_occasion(head: Token, ent_at: Dict[int, str], offices) -> Optional[Tuple[int, int]]:
    """An inauguration named by a state and its office: "the US presidential inauguration",
    "Kenya's presidential inauguration", "the Brazilian presidential inauguration" (the
    occasion of whoever holds the office then); "the presidential inauguration" (no state)
    and "Kenya's inauguration" (no office) name none. Occasions of a named person are
    :mod:`relext.pipeline.person_occasions`."""
    if not any(c.dep_ == "amod" and c.lower_ in offices for c in head.lefts):
        return None
    state = [c for c in head.lefts if c.dep_ in ("compound", "nmod", "amod", "poss")
             and ent_at.get(c.i) in ("COUNTRY", "LOCATION")]  # "US" may still be a place here
    if not state:
        return None
    return min(c.left_edge.i for c in state), head.i + 1


def _place_named(head: Token, ent_at: Dict[int, str]) -> Optional[Tuple[int, int]]:
    """Lower-case plural talks named by the place they are held in, after "the": "the
    Pretoria peace talks", "the Geneva talks", "the Bonn climate talks", "the Doha
    negotiations"; not "U.S.-China talks" (states, not a place) nor "peace talks"."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.lefts):
        return None
    near = [c for c in head.lefts if c.dep_ in ("compound", "nmod")]
    near += [g for c in _plain_modifiers(head) for g in c.lefts if g.dep_ in ("compound", "nmod")]
    naming = [c for c in near if ent_at.get(c.i) == "LOCATION" and c.pos_ == "PROPN"]
    if not naming:
        return _placed_after(head, ent_at)
    return _skip_det(head.doc, min(c.left_edge.i for c in naming), head.i), head.i + 1


def _placed_after(head: Token, ent_at: Dict[int, str]) -> Optional[Tuple[int, int]]:
    """The same talks with their place written after them: "the climate talks in Glasgow",
    "the peace talks in Doha" (a topic word before the head, then "in" and a city or
    region); not "the talks in Geneva" (no topic: any meeting held there) nor "the peace
    talks in March"."""
    doc = head.doc
    topics = [c for c in _plain_modifiers(head) if c.pos_ == "NOUN"]
    if not topics or any(c.dep_ in ("compound", "nmod", "amod", "poss") and c not in topics for c in head.lefts):
        return None
    prep = next((c for c in head.rights if c.dep_ == "prep" and c.i == head.i + 1 and c.lower_ == "in"), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is None or ent_at.get(obj.i) != "LOCATION" or obj.pos_ != "PROPN" or obj.right_edge.i != obj.i:
        return None
    if any(t.pos_ != "PROPN" or ent_at.get(t.i) != "LOCATION" for t in doc[prep.i + 1:obj.i + 1]):
        return None
    return min(c.left_edge.i for c in topics), obj.i + 1


WORD_ORDINAL = re.compile(r"^(?:(?:twenty|thirty|forty|fifty)-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
                          r"ninth|tenth|eleventh|twelfth|\w+teenth|twentieth|thirtieth|fortieth|fiftieth)$", re.I)
OWNER_NOUNS = frozenset(_WORDS["owner_nouns"])


def _owned_edition(head: Token, ent_at: Dict[int, str], weak: bool) -> Optional[Tuple[int, int]]:
    """"the forum ... opened their seventh summit", "the bloc's 46th summit": a numbered
    edition of a body's meeting, owned by a pronoun or a noun for the body, is a named event
    when the sentence names an organisation before it ("seventh summit")."""
    if weak:
        return None
    owner = next((c for c in head.lefts if c.dep_ == "poss"), None)
    ordinal = next((c for c in head.lefts if c.dep_ in ("amod", "nummod", "compound")
                    and (WORD_ORDINAL.match(c.text) or ORDINAL.match(c.text)
                         and (c.shape_ != "dddd" or owner is not None and owner.lower_ in ("its", "their")))), None)
    if ordinal is None or owner is None or owner.i > ordinal.i:
        return None  # a year edition only after "its"/"their" ("its 2023 summit"), not "the bloc's 2023 ..." 
    if not (owner.lower_ in ("its", "their") or owner.lemma_.lower() in OWNER_NOUNS):
        return None
    doc = head.doc
    if not any(ent_at.get(i) == "ORGANISATION" for i in range(head.sent.start, owner.i)) and not (
            # "said the group had approved the bid at its 2023 summit": a body described in
            # the sentence, named before it
            owner.lower_ in ("its", "their") and any(ent_at.get(i) == "ORGANISATION" for i in range(0, head.sent.start))
            and any(doc[i].lower_ in OWNER_NOUNS and doc[i].is_lower and doc[i].tag_ in ("NN", "NNP")
                    and any(c.dep_ == "det" and c.lower_ == "the" for c in doc[i].children)
                    for i in range(head.sent.start, owner.i))):
        return None
    return ordinal.i, head.i + 1


def _numbered_party_congress(head: Token) -> Optional[Tuple[int, int]]:
    """"the 20th party congress", "the party's 21st congress": a numbered congress of a
    party is one sitting, an event; "a party congress", "the party congress" (no number)
    name none."""
    if head.lower_ != "congress" or not head.is_lower:
        return None
    party = next((c for c in head.lefts if c.lower_ == "party" and c.dep_ in ("compound", "nmod", "poss")), None)
    if party is None:
        return None
    ordinal = next((c for c in list(head.lefts) + list(party.lefts) if c.dep_ in ("amod", "nummod", "compound")
                    and (WORD_ORDINAL.match(c.text) or ORDINAL.match(c.text) and c.shape_ != "dddd")), None)
    if ordinal is None:
        return None
    if party.dep_ == "poss":  # "the party's 21st congress"
        return party.i, head.i + 1
    return min(ordinal.i, party.i), head.i + 1


def _of_chain_end(obj: Token) -> int:
    """End of "the Summit of the Andean Community": a noun and the "of" phrases it heads, and
    a name joined to it by "and" ("summit of ASEAN and the Gulf states")."""
    end = obj.i + 1
    for c in obj.rights:
        if c.dep_ == "conj" and (c.pos_ == "PROPN" or c.text[:1].isupper()) \
                and any(cc.dep_ == "cc" and cc.lower_ == "and" for cc in obj.rights):
            end = max(end, _of_chain_end(c))
    for prep in obj.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for o in prep.children:
                if o.dep_ == "pobj" and (o.pos_ == "PROPN" or o.text[:1].isupper()):
                    end = max(end, _of_chain_end(o))
    return end


def _before_acronym(doc, start: int) -> int:
    """The full name before "(ACRONYM)": its first word."""
    i = start - 2
    while i >= 0 and (doc[i].is_title or doc[i].like_num or doc[i].lower_ in ("of", "for", "and", "-")):
        i -= 1
    return i + 1 if i + 1 <= start - 2 else start


def _skip_det(doc, start: int, head: int) -> int:
    while start < head and (doc[start].lower_ in ("the", "a", "an", "this", "that") or doc[start].is_punct):
        start += 1
    return start


def _with_ordinal(doc, start: int) -> int:
    """Take in an ordinal or a year just before the name ("the 26th", "the 2023")."""
    if start > 0 and ORDINAL.match(doc[start - 1].text):
        return start - 1
    return start


def _title_case_line(tok: Token) -> bool:
    """The sentence of ``tok`` is a headline in title case ("Trade Talks Stall Again"): there
    a capitalised head word is no sign of a name."""
    words = [t for t in tok.sent if t.is_alpha and len(t) > 3]
    return len(words) >= 2 and all(t.is_title or t.is_upper for t in words)


ROMAN = re.compile(r"^[IVXLC]+$")


def standing_body(doc: Doc, start: int, end: int, words: Iterable[str]) -> bool:
    """Whether the event name ``doc[start:end]`` names a standing body instead.

    A capitalised head among ``words`` (``body_when_named`` in ``events.yaml``: Congress), the
    root of the name, at its end or before its "of" phrase, with no edition in the name (an ordinal, a
    year, a Roman numeral, "Party" before the head), is a body: "the African National
    Congress", "the World Uyghur Congress", "the Congress of South African Trade Unions".
    Not: "the 20th Party Congress", "the 2023 Congress of the ITUC", "the party congress",
    "a joint session of Congress".

    Args:
        doc: the parsed text.
        start: first token of the EVENT span.
        end: one past its last token.
        words: lower-case head words that name bodies when capitalised.

    Returns:
        True where the span is a body's name.
    """
    words = set(words)
    head = doc[start:end].root.i
    if end - start < 2 or not (doc[head].is_title and doc[head].lower_ in words) \
            or not (head == end - 1 or doc[head + 1].lower_ == "of"):
        return False  # "a joint session of Congress": the session is the head
    if head > start and doc[head - 1].lower_ == "party":
        return False
    return not any(ORDINAL.match(t.text) or ROMAN.match(t.text) or t.like_num for t in doc[start:end])
