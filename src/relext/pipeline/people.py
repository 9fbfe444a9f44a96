"""Known political people: names from the actor table, found wherever they stand.

The table (``relext/data/actors.jsonl``) is derived by ``scripts/derive_actors.py`` from
PETRARCH-2's Phoenix actor dictionaries (MIT licence; notice in
``relext/data/actors.LICENSE.txt``): about 17,000 office holders up to 2017 with their
alias spellings, CAMEO country codes and the dates of each role.

A name is *known* when the text spells one of a person's aliases (case and accents
aside, hyphens as spaces): "Xi Jinping", "Sergei Lavrov", "Moon Jae-in", "Lopez
Obrador". A surname alone is known when the dictionary lists it as an alias ("Lavrov",
"Erdogan") or when it is the last word of exactly one person's name in the table
("Scholz", "Kishida") and no one's given name, and the statistical model tagged that word
alone as a name or, left untagged, the word does what people do ("Modi met Putin", "Modi
flew to Moscow"); a one-word form must be a proper noun, and is never taken where it is also
a country, capital, organisation or city name, nor inside a longer name ("Jill Biden" is
not Joe Biden, "Galwan Valley" is no Mr Valley), nor in lower case.

Given names of the table's people are also kept (:meth:`KnownPeople.is_given_name`):
a capitalised pair that opens with one ("Fumio Kushida") has the shape of a personal
name, so it is not corrected into a place one typo away.

Example
-------
>>> import spacy
>>> nlp = spacy.blank("en")
>>> people = KnownPeople(nlp.vocab, exclude=set())
>>> [(s, e, people.person(i)["name"]) for s, e, i in people.find(nlp("On Monday Sergei Lavrov spoke."))]
[(2, 4, 'Sergey Lavrov')]
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Dict, FrozenSet, Iterable, List, Tuple

from spacy.tokens import Doc
from spacy.vocab import Vocab

from ._lookup import WordSet, doc_text, positions_in, positions_where, span_text
from .person_or_place import _acts_as_person
from ..gazetteer import read_data

# word lists: relext/data/words/people.yaml
_WORDS = read_data("words/people.yaml")

#: lower-case words that may stand inside a name ("Mohammed bin Salman", "Ursula von der Leyen")
PARTICLES = frozenset(_WORDS["particles"])
MAX_TOKENS = 8
#: how many of the table's people must share a given name that is also an English word
OPENER_MIN_PEOPLE = 3


def normalise(text: str) -> str:
    """The lookup form of a name: ASCII, lower case, hyphens as spaces.

    >>> normalise("Jean-Yves Le Drian"), normalise("Erdoğan")
    ('jean yves le drian', 'erdogan')
    """
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = re.sub(r"[_\-\s]+", " ", t.lower())
    return t.strip(" .")


@lru_cache(maxsize=1)
def actor_table() -> List[Tuple[str, str, List[str], List[List[str]]]]:
    """The rows of ``relext/data/actors.jsonl``: ``(id, name, aliases, roles)``."""
    text = resources.files("relext").joinpath("data", "actors.jsonl").read_text(encoding="utf8")
    lines = text.splitlines()
    return [tuple(json.loads(line)) for line in lines[1:] if line.strip()]


def roles_text(roles: Iterable[List[str]]) -> str:
    """``[["RUS", "GOV", "2004-03-09", ""]]`` -> ``"RUS GOV 2004-03-09.."`` (roles joined by "; ")."""
    return "; ".join(f"{c} {s} {f}..{t}".replace(" ..", " ").rstrip() if (f or t) else f"{c} {s}"
                     for c, s, f, t in roles)


class KnownPeople:
    """Find the table's people in a ``Doc``.

    Args:
        vocab: the pipeline's vocabulary (for the hashed first-word lookup).
        exclude: normalised one-word forms that must never be taken for a person
            (country, capital, organisation and city names).
        titles: lower-case title words that may stand before a surname ("president").
        common_words: lower-case English words (the lemmatizer's WordNet index): a surname
            that is also one ("Church", "Stone") is only known where the table lists it alone.
    """

    def __init__(self, vocab: Vocab, exclude: Iterable[str], titles: Iterable[str] = (),
                 common_words: Iterable[str] = ()) -> None:
        table = actor_table()
        common = set(common_words)
        self.titles = frozenset(t.lower() for t in titles)
        exclude = set(exclude)
        self.rows = table
        forms: Dict[str, int] = {}
        ambiguous, implicit = set(), set()
        for idx, (_, _, aliases, _) in enumerate(table):
            for a in aliases:
                if " " not in a and (a in exclude or len(a) < 4):
                    continue
                if a in forms and forms[a] != idx:
                    ambiguous.add(a)
                forms.setdefault(a, idx)
        given = Counter(row[2][0].split()[0] for row in table if len(row[2][0].split()) > 1)
        # a surname alone: the last word of exactly one person's name, and no one's given name
        last = Counter(row[2][0].split()[-1] for row in table)
        for idx, row in enumerate(table):
            surname = row[2][0].split()[-1]
            if last[surname] == 1 and len(surname) >= 4 and surname not in exclude and surname not in forms \
                    and surname not in given and surname not in common:
                forms[surname] = idx
                implicit.add(surname)
        for a in ambiguous:
            del forms[a]
        # the last words of the table's names, shared or not ("Guterres", "Museveni"): enough to
        # type a one-word name the model took for a body, not to say whose it is
        self.surnames: FrozenSet[str] = frozenset(
            w for w in last if len(w) >= 4 and w not in exclude and w not in common and w.isalpha())
        self.forms = forms
        self.implicit = frozenset(implicit)
        self.given_names: FrozenSet[str] = frozenset(g for g, n in given.items() if len(g) > 2 and g not in exclude)
        # given names sure enough to type a name by its first word: not also an English word
        # ("Crown", "Sea", "Staff" open one name each in the table), unless several people have it
        self.name_openers: FrozenSet[str] = frozenset(
            g for g in self.given_names if g not in common or given[g] >= OPENER_MIN_PEOPLE)
        self.first_words = WordSet(vocab, {f.split()[0] for f in forms}, attr="LOWER")
        self._ascii_first = {f.split()[0] for f in forms}

    def person(self, idx: int) -> Dict:
        """The table row ``idx`` as ``{"id", "name", "roles"}`` (roles as text)."""
        pid, name, _, roles = self.rows[idx]
        return {"id": pid, "name": name, "roles": roles_text(roles)}

    def is_given_name(self, word: str) -> bool:
        """Whether ``word`` opens a name in the table ("Fumio", "Sergei")."""
        return normalise(word) in self.given_names

    def opens_name(self, word: str) -> bool:
        """Whether ``word`` is a given name that marks a personal name on its own: a given
        name of the table that is no English word ("Gustavo", "Kaja"), or one that several
        of its people bear ("Grace", "Peter"); "Crown" or "Sea" open only one name each."""
        return normalise(word) in self.name_openers

    def find(self, doc: Doc) -> List[Tuple[int, int, int]]:
        """Known names in ``doc``: ``(start, end, row index)``, longest match at each start."""
        starts = self.first_words.positions(doc)
        if not doc_text(doc).isascii():
            starts = sorted(set(starts) | set(positions_where(
                doc, lambda w: not w.isascii() and normalise(w) in self._ascii_first, attr="ORTH")))
        out = []
        taken = -1
        for i in starts:
            if i < taken:
                continue
            tok = doc[i]
            if not (_capitalised(tok) or (tok.is_upper and len(tok) > 2)):
                continue
            ends = _name_ends(doc, i)
            for j in reversed(ends):
                form = normalise(span_text(doc, i, j))
                idx = self.forms.get(form)
                if idx is None:
                    continue
                if j - i == 1 and not (_alone(doc, i, self.titles) and tok.pos_ == "PROPN"):
                    break
                if form in self.implicit and not (tok.ent_iob_ == "B" and (i + 1 == len(doc) or doc[i + 1].ent_iob_ != "I")) \
                        and not (not tok.ent_type_ and (_acts_as_person(tok) or _clause_subject(tok))):
                    # a surname the table does not list alone: only where the model saw a name,
                    # or where the word, untagged, does what people do ("Modi met Putin")
                    break
                out.append((i, j, idx))
                taken = j
                break
        return out


def _clause_subject(tok) -> bool:
    """``tok`` is the subject of a verb, or listed with one ("Modi turned up at X", "Modi and
    Biden held talks"): an untagged known surname there names the person."""
    while tok.dep_ == "conj":
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ == "VERB"  # not "Modi is a name"


def _name_ends(doc: Doc, i: int) -> List[int]:
    """Possible ends of a name opening at ``i``: over capitalised words, particles,
    initials' full stops and hyphens written without spaces ("Moon Jae-in")."""
    ends = [i + 1]
    j = i + 1
    while j < len(doc) and j - i < MAX_TOKENS:
        t, prev = doc[j], doc[j - 1]
        if t.text == "-" and not prev.whitespace_ and j + 1 < len(doc) and not t.whitespace_:
            j += 2
            ends.append(j)
            continue
        if not prev.whitespace_ and t.text == "." and len(prev) == 1:
            j += 1
            continue
        if t.text == "-" and prev.lower_ in PARTICLES and not prev.whitespace_ and j + 1 < len(doc):
            j += 1  # "al-Sisi": the particle's hyphen
            continue
        if _capitalised(t) or (t.lower_ in PARTICLES and _particles_then_name(doc, j)):
            j += 1
            if t.lower_ not in PARTICLES:
                ends.append(j)
            continue
        break
    return ends


def _particles_then_name(doc: Doc, j: int) -> bool:
    """Particles from ``j`` on ("von der") lead to a capitalised name word ("Leyen")."""
    while j < len(doc) and (doc[j].lower_ in PARTICLES or doc[j].text == "-"):
        j += 1
    return j < len(doc) and _capitalised(doc[j])


def _capitalised(tok) -> bool:
    """A name word: an upper-case first letter and a letter after it ("Jae-in", "McCain", "XI")."""
    text = tok.text
    return len(text) > 1 and text[0].isupper() and text[1:2].isalpha()


def _alone(doc: Doc, i: int, titles: FrozenSet[str]) -> bool:
    """A one-word name stands alone: it does not continue a longer personal name that
    opens before it ("Jill Biden"); a title ("President Putin") or a place before it is fine."""
    if i == 0:
        return True
    p = doc[i - 1]
    if doc[i].ent_iob_ == "I" and p.lower_ not in titles:
        return False
    return not (p.is_title and p.pos_ == "PROPN" and not p.is_sent_start and not p.ent_type_
                and p.lower_ not in titles)


def noble_appositions(doc: Doc, nobles: FrozenSet[str]) -> List[Tuple[int, int]]:
    """"Camilla, Duchess of Cornwall", "Kate, Princess of Wales": a capitalised name before a
    comma and a title of nobility with "of" and a capitalised place is a person (the name's
    span), whatever the model typed it. Near miss: "Cornwall, Duchy of" has no noble title;
    "Britain, Prince of Wales" needs a person's name, not a state (the caller's gazetteer
    spans are kept)."""
    out = []
    for i in positions_in(doc, nobles, attr="ORTH"):
        tok = doc[i]
        if tok.text not in nobles or tok.i < 2 or doc[tok.i - 1].text != ",":
            continue
        j = tok.i + 1
        if j < len(doc) and doc[j].text in nobles:  # "Grand Duke" written as two words
            j += 1
        if j + 1 >= len(doc) or doc[j].lower_ != "of" or not doc[j + 1].is_title:
            continue
        end = tok.i - 1
        start = end
        while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" and end - start < 3:
            start -= 1
        if start < end:
            out.append((start, end))
    return out
