"""Members named for an unnamed plural subject by a list attached to its clause.

News reports name a group by its size or kind first and its members after:

- "Some 30 leaders attended the summit, among them A and B."
- "Twenty of the bloc's members voted for it, A and B among them."
- "Nearly all of the region's leaders will be there, A and B included."
- "Several countries boycotted the summit, including A and B."
- "Forty states backed the motion. Among them were A, B and C." (the next sentence)
- "Dozens of states signed the pact. They included A and B."

The relation of the group clause goes to each member listed. Only for a plural (or
numeral) subject that names no entity itself, and only a list of named entities.
"""
from __future__ import annotations

from typing import Callable, Dict, List, Optional

from spacy.tokens import Doc, Token

from ._lookup import doc_text
from .membership import _organisation_of  # shared with the other membership rules
from .records import record
from ..gazetteer import read_data

# word lists: relext/data/words/group_lists.yaml
_WORDS = read_data("words/group_lists.yaml")

# "Among them were A and B", "They included A and B": verbs of the listing sentence
LISTING_VERBS = {"include", "be"}


def _named(doc, start: int, end: int, entity: Callable[[int], Optional[str]]) -> List[str]:
    """The entities named in tokens ``start`` .. ``end`` (exclusive), in order."""
    return list(dict.fromkeys(e for i in range(start, end) for e in [entity(i)] if e and not _modifier(doc[i], e, entity)))


def _modifier(tok, e: str, entity) -> bool:
    """``tok`` only qualifies another listed name ("Kenya's A", "Kenyan President A": the
    demonym on the title, the title on the name)."""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ("poss", "compound", "amod", "nmod") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if entity(cur.i) not in (None, e):
            return True
    return False


def _only_list(doc, start: int, end: int, entity) -> bool:
    """``start`` .. ``end`` is a bare list of names: proper nouns, commas, "and", titles
    of the names, determiners (no verb, no second clause)."""
    return end > start and all(entity(i) or doc[i].pos_ in ("PROPN", "CCONJ", "DET", "PUNCT", "NOUN", "ADJ", "PART")
                               for i in range(start, end)) and not any(doc[i].text in (";", ":") for i in range(start, end))


def _among_them(t: Token, entity, type_of: Optional[Callable[[str], str]] = None) -> List[str]:
    """The list next to "among them" after the clause of ``t`` (same sentence); with
    ``type_of``, a list before it keeps its comma-set first members (`_first_conjunct`)."""
    doc, sent = t.doc, t.sent
    verb = t.head
    for i in range(verb.i + 1, sent.end - 1):
        if doc[i].lower_ == "included" and doc[i + 1].text in (".", ";", "!") and doc[i - 1].text != ",":
            # "..., A and B included.": the list closing the sentence, read like "A and B among them"
            after = i + 1
        elif doc[i].lower_ != "among" or doc[i + 1].lower_ != "them":
            continue
        else:
            after = i + 2
        stop = after
        while stop < sent.end and doc[stop].text not in (".", ";", ":", "!", "?") \
                and not (doc[stop].text == "," and stop + 1 < sent.end and doc[stop + 1].pos_ in ("VERB", "AUX", "SCONJ")):
            stop += 1
        if after < stop and entity(after) or (after < stop and doc[after].pos_ == "PROPN"):
            if _only_list(doc, after, stop, entity):
                return _named(doc, after, stop, entity)
            return []
        # "..., A and B among them": the names between the last comma and "among"
        start = i
        while start > verb.i + 1 and doc[start - 1].text != ",":
            start -= 1
        if start > verb.i + 1 and _only_list(doc, start, i, entity):
            return _named(doc, start, i, entity) if type_of is None \
                else _named(doc, _first_conjunct(doc, start, verb.i + 1, i, entity, type_of), i, entity)
        return []
    return []


def _first_conjunct(doc, start: int, floor: int, end: int, entity, type_of) -> int:
    """Where a list "A, B and C among them" that ends at ``end`` begins, given its part after
    the last comma at ``start``: earlier comma-set parts that are each one name of the
    kind listed ("Laos, Chad and Peru among them") belong to it; the clause's own words
    ("would come on Friday,") or a name of another kind (the event just attended) end it."""
    kinds = {type_of(e) for e in _named(doc, start, end, entity)}
    while True:
        comma = start - 1
        if comma <= floor or doc[comma].text != ",":
            return start
        a = comma
        while a > floor and doc[a - 1].text != ",":
            a -= 1
        names = _named(doc, a, comma, entity)
        if a == floor or len(names) != 1 or type_of(names[0]) not in kinds or not _only_list(doc, a, comma, entity) \
                or not entity(comma - 1):
            return start
        start = a


def _including(t: Token, entity) -> List[str]:
    """"Several countries boycotted X, including A and B": a comma-set-off "including"
    list after the clause's own named object, whose members are not of the object's kind."""
    doc, sent, verb = t.doc, t.sent, t.head
    for i in range(verb.i + 1, sent.end - 1):
        if doc[i].lower_ != "including" or doc[i - 1].text != ",":
            continue
        obj = doc[i - 2] if i >= 2 else None
        if obj is None or not entity(obj.i):
            return []  # "boycotted several summits, including X": the object's members
        stop = i + 1
        while stop < sent.end and doc[stop].text not in (".", ";", ":", "!", "?", ","):
            stop += 1
        # "A, B and C" may use commas: run on while names and list words follow
        while stop < sent.end and doc[stop].text == "," and stop + 1 < sent.end and entity(stop + 1):
            stop += 1
            while stop < sent.end and doc[stop].text not in (".", ";", ":", "!", "?", ","):
                stop += 1
        if _only_list(doc, i + 1, stop, entity):
            return _named(doc, i + 1, stop, entity)
        return []
    return []


def _next_sentence(t: Token, entity) -> List[str]:
    """"Among them were A, B and C." / "They included A and B." opening the next sentence."""
    doc = t.doc
    nxt_start = t.sent.end
    if nxt_start >= len(doc):
        return []
    nxt = doc[nxt_start].sent
    root = nxt.root
    words = [x.lower_ for x in nxt[:3]]
    if words[:2] == ["among", "them"] and root.lemma_.lower() == "be":
        listed = [c for c in root.children if c.dep_ in ("nsubj", "attr") and c.i > nxt.start + 1]
    elif words[:1] == ["they"] and root.lemma_.lower() == "include":
        listed = [c for c in root.children if c.dep_ == "dobj"]
    else:
        return []
    if not listed:
        return []
    # the coordination only: "Among them were A, B and C, all large aid recipients"
    chain = list(listed)
    for x in chain:
        chain.extend(c for c in x.children if c.dep_ == "conj" and c not in chain)
    lo = min(x.left_edge.i for x in listed)
    hi = max(x.i for x in chain) + 1
    if not _only_list(doc, lo, hi, entity):
        return []
    return _named(doc, lo, hi, entity)


def group_members(t: Token, entity: Callable[[int], Optional[str]], type_of: Callable[[str], str]) -> List[str]:
    """The members listed for the unnamed plural subject ``t`` of a clause (see the module
    docstring); [] unless ``t`` is such a subject and one of the list shapes follows."""
    if t.dep_ not in ("nsubj", "nsubjpass") or t.head.pos_ not in ("VERB", "AUX"):
        return []
    noun = t
    if t.pos_ == "NUM" or t.lower_ in QUANTIFIERS:  # "Twenty of the bloc's members", "Dozens of states"
        noun = next((p for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj"), None)
        if noun is None:
            return []
    if noun.tag_ not in ("NNS",) or noun.pos_ != "NOUN":
        return []
    # the subject must be an unnamed group: a number or a quantifier before it
    if not (any(c.dep_ in ("nummod", "amod", "det", "quantmod") and (c.pos_ == "NUM" or c.lower_ in QUANTIFIERS)
                for c in noun.children) or t is not noun):
        return []
    found = _among_them(t, entity, type_of) or _including(t, entity) or _next_sentence(t, entity)
    return [e for e in found if type_of(e) in ("PERSON", "COUNTRY", "ORGANISATION")]


QUANTIFIERS = frozenset(_WORDS["quantifiers"])


GROUP_MEMBER_RULE = "MEMBER_OF:listed-for-group"
# group nouns whose owner is the organisation the listed members belong to
MEMBER_NOUNS = frozenset(_WORDS["member_nouns"])


def listed_group_members(doc: Doc, index, args) -> List[Dict]:
    """MEMBER_OF for the members listed for a partitive group subject tied to an
    organisation: "Twenty of the bloc's members voted for it, A and B among them",
    "Five EU states abstained, among them A and B", "Most NATO members backed X. Among
    them were A and B." (the organisation named by a possessor, a modifier or "of")."""
    low = doc_text(doc).lower()
    if "among them" not in low and "including" not in low and "they include" not in low:
        return []

    out: List[Dict] = []
    for tok in doc:
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.tag_ not in ("NNS", "CD") or index.entity(tok.i):
            continue
        noun = tok
        if tok.pos_ == "NUM" or tok.lower_ in QUANTIFIERS:
            noun = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                         for p in c.children if p.dep_ == "pobj"), tok)
        if noun.lemma_.lower() not in MEMBER_NOUNS:
            continue
        org = _organisation_of(noun, index)
        if org is None:
            continue
        for m in group_members(tok, index.entity, index.type_of):
            if m != org and index.type_of(m) in ("COUNTRY", "ORGANISATION"):
                out.append(record(tok, m, "MEMBER_OF", org, rule_id=GROUP_MEMBER_RULE))
    return out
