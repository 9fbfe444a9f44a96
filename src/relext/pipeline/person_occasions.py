"""Occasions named by the person they are held for: funerals, memorials, inaugurations.

News names a state funeral, a memorial service, an inauguration or a coronation by the
person it is for: "Pope Benedict's funeral", "the funeral of Queen Elizabeth II", "the
memorial service for Desmond Tutu", "President-elect Lee's inauguration"; "the inauguration
of Brazil's new president" is a description (no name, no event). Leaders attend, skip or
boycott these as they do summits, so each is one named EVENT: the occasion words are its
mention ("funeral", "memorial service", "inauguration ceremony"), the person keeps their own
PERSON mention, and the event's name joins the two ("funeral of Queen Elizabeth II",
"memorial service for Desmond Tutu"), whichever way the text phrases it. A bare "the
funeral" later in the passage is a description of that event
(:mod:`relext.pipeline.descriptions`).

What is not such an occasion: a person's death, illness or election, plural or indefinite
occasions ("funerals of the victims", "a memorial for the dead"), occasions of a person who
is not named ("the funeral of a soldier"), and a day named after a person
("Inauguration Day" is a date).

The heads and the words that may follow them ("service", "mass", "ceremony") are data in
``relext/data/events.yaml`` (``person_occasions``).

Example
-------
>>> from relext.loading import resolve_model
>>> nlp = resolve_model()
>>> doc = nlp("Dozens of leaders attended Pope Benedict's funeral in Rome.")
>>> shapes = PersonOccasions(["funeral"], ["service"], {"service": "for"})
>>> [(doc[s:e].text, name) for s, e, name, _ in shapes.spans(doc, [7], {4: "PERSON", 5: "PERSON"})]
[('funeral', 'funeral of Pope Benedict')]
"""
from __future__ import annotations

from typing import Dict, Iterable, List, Mapping, Optional, Set, Tuple

from spacy.tokens import Doc, Token

# words of a possessor or an "of" object that belong to the person's name in the event's
# name ("Pope Benedict", "Queen Elizabeth II", "President Mandela")
_NAME_POS = ("PROPN",)


class PersonOccasions:
    """Find occasions named by a person.

    Args:
        heads: lower-case head words of such occasions ("funeral", "inauguration").
        tails: words that may follow a head inside the occasion's mention ("service",
            "mass", "ceremony": "the funeral service of ...").
        prepositions: head or tail word -> preposition used in the event's name when the
            text names the person by a possessive ("memorial service" -> "for"); "of" for
            the others.
        titles: titles one person holds at a time, which name the holder after "the"
            ("the Pope's funeral" -> "funeral of the Pope").
        title_synonyms: title -> the title words written before a holder's name for it
            ("pontiff" -> ["pope"]: "the funeral of the pontiff" after "Pope Benedict").
        death_heads: occasions held for the dead ("funeral", "burial"): a definite one with no
            person of its own is the occasion of the only person the text says died.
        death_verbs: lemmas whose subject died ("die", "assassinate").
        accession_verbs: occasion head -> lemmas of the passive verbs whose subject takes the
            office the occasion is held for ("inauguration": "swear" (in), "inaugurate";
            "coronation": "crown"): a definite one with no person of its own is the occasion
            of the only person the text says was sworn in, crowned.
    """

    def __init__(self, heads: Iterable[str], tails: Iterable[str], prepositions: Mapping[str, str],
                 titles: Iterable[str] = (), title_synonyms: Optional[Mapping[str, Iterable[str]]] = None,
                 death_heads: Iterable[str] = (), death_verbs: Iterable[str] = (),
                 accession_verbs: Optional[Mapping[str, Iterable[str]]] = None) -> None:
        self.heads = {h.lower() for h in heads}
        self.tails = {t.lower() for t in tails}
        self.prepositions = {k.lower(): v for k, v in prepositions.items()}
        self.titles = {t.lower() for t in titles}
        # a title and the words written before a holder's name for it ("the pontiff" is "Pope X")
        self.title_synonyms = {k.lower(): {w.lower() for w in v} for k, v in (title_synonyms or {}).items()}
        self.death_heads = {h.lower() for h in death_heads}
        self.death_verbs = {v.lower() for v in death_verbs}
        self.accession_verbs = {k.lower(): {v.lower() for v in vs} for k, vs in (accession_verbs or {}).items()}

    def spans(self, doc: Doc, positions: Iterable[int], ent_at: Dict[int, str]) -> List[Tuple[int, int, str, str]]:
        """``(start, end, name, person)`` of each occasion named by a person.

        Args:
            doc: a parsed Doc.
            positions: indices of tokens whose lower form is a head word.
            ent_at: token index -> entity type of the mentions found so far.
        """
        out = []
        for i in positions:
            head = doc[i]
            if head.lower_ not in self.heads or head.tag_ in ("NNS", "NNPS"):
                continue
            tailed = head.i + 1 < len(doc) and doc[head.i + 1].lower_ in self.tails
            if head.pos_ not in ("NOUN", "PROPN") and not (head.pos_ == "ADJ" and tailed):
                continue  # "memorial" is an adjective of "memorial service"
            if ent_at.get(i) or head.i + 1 < len(doc) and doc[head.i + 1].lower_ == "day":
                continue  # "Inauguration Day" is a date
            start, end, last = self._extent(head)
            person = self._titled(last, start) or self._possessor(last, start, ent_at)
            if person is None:
                person, prep = self._of_object(last, ent_at)
            if person is None:
                person, prep = self._of_title(last, ent_at)
            if person is None and head.lower_ in self.death_heads:
                person, prep = self._of_the_dead(last, ent_at)
            elif person is None and head.lower_ in self.accession_verbs:
                person, prep = self._of_the_dead(last, ent_at, self.accession_verbs[head.lower_])
            else:
                prep = self.prepositions.get(doc[end - 1].lower_) or self.prepositions.get(head.lower_, "of")
            if person is None:
                continue
            words = " ".join(t.lower_ for t in doc[start:end])
            out.append((start, end, f"{words} {prep} {person}", person))
        return out

    def _extent(self, head: Token) -> Tuple[int, int, Token]:
        """The occasion's words: adjectives before the head ("state funeral"), and a tail
        word after it ("memorial service", "funeral Mass"); the token that governs the
        possessor and the "of" phrase is the last of them."""
        doc = head.doc
        start, end, last = head.i, head.i + 1, head
        if end < len(doc) and doc[end].lower_ in self.tails and (doc[end].head.i == head.i or head.head.i == end):
            last = doc[end]
            end += 1
        while start > 0 and doc[start - 1].lower_ in ("state", "official", "public", "national", "royal") \
                and doc[start - 1].head.i in (head.i, last.i):
            start -= 1
        return start, end, last

    @staticmethod
    def _possessor(last: Token, start: int, ent_at: Dict[int, str]) -> Optional[str]:
        """"Pope Benedict's funeral": the possessor is a named person."""
        doc = last.doc
        poss = [c for c in list(last.lefts) + list(doc[start].lefts) if c.dep_ == "poss"]
        if not poss:
            return None
        p = poss[0]
        return _person_name(doc, p, ent_at)

    def _titled(self, last: Token, start: int) -> Optional[str]:
        """"the Pope's funeral", "the King's coronation": a capitalised title that one person
        holds at a time, after "the", as the possessor (the office holder is named by it)."""
        doc = last.doc
        for p in list(last.lefts) + list(doc[start].lefts):
            if p.dep_ == "poss" and p.lower_ in self.titles and p.text[:1].isupper() \
                    and any(c.dep_ == "det" and c.lower_ == "the" for c in p.lefts):
                return f"the {p.text}"
        return None

    @staticmethod
    def _of_object(last: Token, ent_at: Dict[int, str]) -> Tuple[Optional[str], Optional[str]]:
        """"the funeral of Queen Elizabeth II", "the memorial service for Desmond Tutu": the
        definite occasion's "of" or "for" object is a named person."""
        doc = last.doc
        if not _definite(last):
            return None, None  # "a funeral for X" is no one named occasion
        for prep in last.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for"):
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        name = _person_name(doc, obj, ent_at)
                        if name is not None:
                            return name, prep.lower_
        return None, None


    def _of_title(self, last: Token, ent_at: Dict[int, str]) -> Tuple[Optional[str], Optional[str]]:
        """"the funeral of the pontiff", "the coronation of the king": the "of" object is a
        title one person holds at a time, after "the". The occasion is named by the holder
        where the text names exactly one person with that title before the name ("Pope
        Benedict died ... the funeral of the pontiff" is the funeral of Pope Benedict), else
        by the title ("funeral of the pontiff")."""
        doc = last.doc
        if not _definite(last):
            return None, None
        for prep in last.rights:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "for"):
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.lower_ in self.titles and obj.tag_ == "NN" \
                        and any(c.dep_ == "det" and c.lower_ == "the" for c in obj.lefts) \
                        and not any(c.dep_ in ("amod", "compound", "poss") for c in obj.lefts):
                    words = {obj.lower_} | self.title_synonyms.get(obj.lower_, set())
                    holders = {_person_name(doc, doc[t.i + 1], ent_at) for t in doc
                               if t.lower_ in words and t.is_title and t.i + 1 < len(doc) and ent_at.get(t.i + 1) == "PERSON"}
                    holders.discard(None)
                    return (holders.pop() if len(holders) == 1 else f"the {obj.lower_}"), prep.lower_
        return None, None


    def _of_the_dead(self, last: Token, ent_at: Dict[int, str],
                     taking: Optional[Set[str]] = None) -> Tuple[Optional[str], Optional[str]]:
        """"Pope Benedict died on Saturday ... the funeral on Thursday": a definite funeral,
        burial or memorial with no person of its own is the one of the only person the text
        says died (the subject of ``death_verbs``, of "passed away", or named after "the
        late"). Not where two people died, nor an occasion with its own "of"/"for" object or
        possessor. With ``taking`` (lemmas of taking an office), the same for the only person
        the text says took it: "Lula was sworn in ... the inauguration", "Charles was
        crowned ... the coronation"."""
        doc = last.doc
        if not _definite(last):
            return None, None
        if any(c.dep_ in ("poss",) or c.dep_ == "prep" and c.lower_ in ("of", "for") for c in last.children):
            return None, None
        dead = set()
        for t in doc:
            if ent_at.get(t.i) != "PERSON" or ent_at.get(t.i + 1) == "PERSON":
                continue  # the last word of a name heads it
            subj = t.head if t.dep_ == "appos" and t.head.dep_ in ("nsubj", "nsubjpass") else t
            verb = subj.head  # "Brazil's new president, Lula, was sworn in"
            if taking is not None:
                died = subj.dep_ == "nsubjpass" and verb.lemma_.lower() in taking \
                    and not any(c.dep_ == "neg" for c in verb.children)
                late = False
            else:
                died = subj.dep_ in ("nsubj", "nsubjpass") and (verb.lemma_.lower() in self.death_verbs or verb.lemma_.lower() == "pass"
                                                             and any(c.dep_ in ("prt", "advmod") and c.lower_ == "away" for c in verb.children)) \
                    and not any(c.dep_ == "neg" for c in verb.children)
                late = t.i > 1 and any(doc[k].lower_ == "late" and doc[k - 1].lower_ == "the"
                                       for k in range(max(1, t.i - 3), t.i) if ent_at.get(k) != "PERSON")
            if died or late:
                start = t.i
                while start > 0 and ent_at.get(start - 1) == "PERSON":
                    start -= 1  # the person's own words, without the titles before them
                dead.add(doc[start:t.i + 1].text)
        dead.discard(None)
        return (dead.pop(), "of") if len(dead) == 1 else (None, None)


def _definite(last: Token) -> bool:
    """The occasion ending in ``last`` has "the" before it ("the funeral", "the funeral
    Mass"): "a funeral for X" is no one named occasion."""
    doc = last.doc
    return any(c.dep_ == "det" and c.lower_ == "the" for t in {last, doc[max(0, last.i - 1)]} for c in t.lefts)


def _person_name(doc: Doc, tok: Token, ent_at: Dict[int, str]) -> Optional[str]:
    """The name of the person ``tok`` heads, with the titles written before it ("Pope
    Benedict", "Queen Elizabeth II"), or None when ``tok`` is no named person."""
    if ent_at.get(tok.i) != "PERSON":
        return None
    start = tok.i
    while start > 0 and (ent_at.get(start - 1) == "PERSON" or doc[start - 1].pos_ in _NAME_POS
                         and doc[start - 1].is_title and doc[start - 1].head.i == tok.i
                         and ent_at.get(start - 1) is None):
        start -= 1
    end = tok.i + 1
    while end < len(doc) and ent_at.get(end) == "PERSON":
        end += 1
    words = [t for t in doc[start:end] if t.tag_ != "POS" and t.text not in ("'s", "’s", "'")]
    return "".join(t.text_with_ws for t in words).strip() or None
