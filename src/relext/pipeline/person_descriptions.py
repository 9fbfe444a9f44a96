"""Definite descriptions of a person named earlier whose title in the text does not say
who they are: "Putin landed on Thursday. The Russian leader ..."; "Lula flew to China.
The veteran leftist ...".

`Descriptions._descriptions` first looks for the one person the text itself titles with
the description's country and title ("Russian President Vladimir Putin ... the Russian
president"). Where no person is so titled, `described_person` resolves the description
conservatively, in two steps, and only when exactly one person fits:

1. with a demonym or country ("the Cuban leader"): the one person named before it whose
   known offices (the actor table) are in that country; two such people, or none,
   leave it to step 2 (none) or unresolved (two);
2. the nearest sentence (the description's own, before it, else the one before) that
   names people names exactly one, and that person is not known or titled as someone of
   another country, nor titled with the same country under another title.

A person named in the description's own clause is never the one it describes ("Macron
charged the Brazilian leader": not Macron; "Milei mocked the Spanish leader's wife": not
Milei): when the nearest sentence with people names such a clause-mate, step 2 gives
nothing (`clause_mates`) rather than looking past them; and with a personal pronoun in that
clause ("He praised the Peruvian president") step 2 is not taken, the pronoun being most
likely the person it would find. Two people, or none, leave the description unresolved.

Only leader-like heads ("leader", "president", "premier", "king", "the prime minister")
and nouns that describe a person by stance or standing ("the veteran leftist", "the
strongman") take part; office heads that often introduce a new, unnamed person ("the
foreign minister", "the spokesman", "his counterpart") do not, nor plurals ("the Cuban
leaders"), indefinites, a description in apposition to a name, or a possessor without a
demonym ("the president's envoy": who the envoy is matters, not whom the title names). A
country's name as possessor counts as "the" and a demonym: "Mexico's president" is "the
Mexican president". Without any named
person before it, a description stays what it was (its demonym is the country).
"""
from __future__ import annotations

from typing import Dict, List, Optional, Set
from ..gazetteer import read_data

# word lists: relext/data/words/person_descriptions.yaml
_WORDS = read_data("words/person_descriptions.yaml")

LEADER_HEADS = frozenset(_WORDS["leader_heads"])
# nouns that describe a person by stance, career or standing, not by an office
PERSON_NOUNS = frozenset(_WORDS["person_nouns"])


PERSONAL_PRONOUNS = frozenset(_WORDS["personal_pronouns"])
# modifiers that make a leader's title another, lower office ("the vice president")
SECOND_RANK = frozenset(_WORDS["second_rank"])


def known_countries(group: Dict) -> Set[str]:
    """ISO3 codes of the offices the actor table knows for a person ("RUS GOV 1999-..")."""
    roles = group["attributes"].get("known_roles") or ""
    return {part.split()[0] for part in roles.split(";") if part.strip()}


def misparsed_noun(tok) -> bool:
    """"The veteran leftist, who ...": a stance noun the tagger took for an adjective."""
    return tok.lower_ in PERSON_NOUNS and tok.pos_ == "ADJ" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")


def _fits_head(tok) -> bool:
    low = tok.lower_
    if low in LEADER_HEADS or low in PERSON_NOUNS:
        return True
    return low == "minister" and any(c.lower_ == "prime" for c in tok.lefts)  # "the prime minister"


def described_person(doc, tok, anchor: Optional[str], groups: Dict[str, Dict], titled, sent_of: List[int],
                     titles_of) -> Optional[str]:
    """The one person the description headed by ``tok`` refers to, or None (module docstring).

    ``titled`` maps person ids to (anchor ids, title words) as `_titled_people` gives them;
    ``titles_of(tok)`` is the set of title words the description's head accepts.
    """
    if not _fits_head(tok) or tok.tag_ in ("NNS", "NNPS") or tok.dep_ in ("compound", "appos"):
        return None
    if tok.dep_ == "poss" and anchor is None:
        return None  # "the president's envoy": only a demonym possessor ("the French leader's wife")
    if tok.head.i == tok.i + 1 and _fits_head(tok.head):
        return None  # "the veteran" of "the veteran leftist": the description is headed by the next word
    dets = [c for c in tok.children if c.dep_ == "det"] or [
        c for left in tok.lefts if left.i == tok.i - 1 for c in left.children if c.dep_ == "det"]
    # a country's name as possessor stands for "the" + demonym: "Mexico's president" is "the
    # Mexican president" (the possessor is the description's anchor)
    owned = not dets and anchor is not None and any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in tok.lefts)
    if not owned and (not dets or dets[0].lower_ != "the") or any(c.dep_ == "appos" for c in tok.children):
        return None
    if any(c.dep_ == "nummod" or c.lower_ in ("other", "another", "new", "late") for c in tok.lefts):
        return None  # "the two leaders", "the other leader", "the new president": someone else
    iso = None
    if anchor is not None:
        if groups[anchor]["type"] != "COUNTRY":
            return None
        iso = anchor.split(":", 1)[1]
    people = {g["id"]: g for g in groups.values() if g["type"] == "PERSON"}
    mates = clause_mates(doc, tok, people)
    before = {pid: [mm for mm in g["mentions"] if mm["start"] < tok.i] for pid, g in people.items()}
    before = {pid: ms for pid, ms in before.items() if ms}
    accepted = titles_of(tok)

    def other_country(pid: str) -> bool:
        anchors, tts = titled.get(pid, (set(), set()))
        if iso is None:
            return False
        if any(groups.get(a, {}).get("type") == "COUNTRY" and a != anchor for a in anchors):
            return True
        if anchor in anchors and not (accepted & tts):
            return True  # "Cuban Foreign Minister X": "the Cuban leader" is someone else
        known = known_countries(people[pid])
        return bool(known) and iso not in known

    # "the Chinese vice president": the actor table's leaders of the country are not it
    second_rank = any(c.lower_ in SECOND_RANK for c in tok.lefts)
    if iso is not None and not second_rank:
        known = [pid for pid in before if iso in known_countries(people[pid]) and not other_country(pid)]
        if len(known) == 1:
            return known[0]
        if known:
            return None
    if iso is None:
        # "King Felipe arrived ... Starmer met the king": the one person named before with
        # this very title word right before the name
        same = [pid for pid, ms in before.items()
                if any(t.lower_ == tok.lower_ for mm in ms for t in doc[max(0, mm["start"] - 3):mm["end"] - 1])]
        if len(same) == 1:
            return same[0]
        if same:
            return None
    if _pronoun_mate(tok):
        return None  # "He praised the Peruvian president": "he" is the person named last, so not that one
    here = sent_of[tok.i]
    for back in (0, 1, 2):
        found = {pid for pid, ms in before.items() if any(here - mm["sentence"] == back for mm in ms)}
        if found & mates:
            # "Boluarte greeted the Chilean leader": not Boluarte, and not someone further back
            # either (letting the search go on past a clause-mate cost a check set relations)
            return None
        if found:
            if len(found) != 1:
                return None
            pid = found.pop()
            return None if other_country(pid) else pid
    return None


# words before an office title that make it another office or another holder ("the other
# minister", "the new secretary", "the former envoy")
OTHER_HOLDER_WORDS = frozenset(_WORDS["other_holder_words"])
# how many sentences back the holder may have been named last
OFFICE_WINDOW = 3


def office_holder(doc, tok, groups: Dict[str, Dict], sent_of: List[int]) -> Optional[str]:
    """"Foreign Minister Penny Wong flew to Jakarta. The minister met ...": a bare office
    title ("the minister", "the secretary", "the general", "the foreign minister") is the
    one person named before it (within `OFFICE_WINDOW` sentences) whose own title, right
    before the name or in apposition to it, has the head word and every modifier of the
    description. Two such people, none, a person named in the description's own clause, a
    title naming its state or body ("the minister of X": `_description_anchor`), a plural,
    a possessor, or "the other (new, former) minister" leave it unresolved."""
    if _fits_head(tok) or tok.tag_ in ("NNS", "NNPS") or tok.dep_ in ("compound", "appos", "poss"):
        return None
    dets = [c for c in tok.children if c.dep_ == "det"]
    if not dets or dets[0].lower_ != "the" or any(
            c.dep_ in ("appos", "nummod", "poss") or (c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "to"))
            or c.lower_ in OTHER_HOLDER_WORDS for c in tok.children):
        return None
    mods = {c.lower_ for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod")}
    wanted = mods | {tok.lower_}
    here = sent_of[tok.i]
    holders = set()
    for g in groups.values():
        if g["type"] != "PERSON":
            continue
        for mm in g["mentions"]:
            if mm.get("kind") not in (None, "NAME") or mm["start"] >= tok.i or here - mm["sentence"] > OFFICE_WINDOW:
                continue
            words = {t.lower_ for t in doc[max(0, mm["start"] - 3):mm["end"] - 1]}
            root = doc[mm["start"]:mm["end"]].root
            for ap in root.children:
                if ap.dep_ == "appos":
                    words.update(t.lower_ for t in ap.subtree if t.i <= ap.i)
            if wanted <= words:
                holders.add(g["id"])
    if len(holders) != 1:
        return None
    holder = holders.pop()
    people = {g["id"]: g for g in groups.values() if g["type"] == "PERSON"}
    return None if holder in clause_mates(doc, tok, people) else holder


def _clause_verb(tok):
    return next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)


def clause_mates(doc, tok, people: Dict[str, Dict]) -> Set[str]:
    """People named in the description's own clause: never the one it describes ("Macron
    charged the Brazilian leader", "Milei mocked the Spanish leader's wife", "the
    Chilean leader accused Boluarte"). A name in a clause of its own (a relative or
    complement clause, an apposition) is not a clause-mate."""
    verb = _clause_verb(tok)
    if verb is None:
        return set()
    out = set()
    for pid, g in people.items():
        for mm in g["mentions"]:
            if mm.get("kind") == "DESCRIPTION" or not (verb.sent.start <= mm["start"] < verb.sent.end):
                continue
            root = doc[mm["start"]:mm["end"]].root
            if root.dep_ == "appos":
                continue
            if getattr(_clause_verb(root), "i", None) == verb.i:
                out.add(pid)
    return out


def _pronoun_mate(tok) -> bool:
    """A personal pronoun ("he", "she", "him", "her") is an argument of the description's own clause."""
    verb = _clause_verb(tok)
    if verb is None:
        return False
    return any(t.lower_ in PERSONAL_PRONOUNS and t.i != tok.i and getattr(_clause_verb(t), "i", None) == verb.i
               and t.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "pobj") for t in verb.subtree)
