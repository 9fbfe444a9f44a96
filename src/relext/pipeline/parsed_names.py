"""Names found in the parse for :mod:`relext.pipeline.entities`: governments named after
their leader, head nouns named by proper nouns or by the event they serve, and
ministries named with a state.
"""
from __future__ import annotations

from typing import Dict, List, Optional, Tuple

from spacy.tokens import Doc

from ._lookup import positions_of_words
from .span_shapes import DETERMINERS, PORTFOLIO_WORDS
from ..gazetteer import read_data

# word lists: relext/data/words/parsed_names.yaml
_WORDS = read_data("words/parsed_names.yaml")


LEADER_GOVERNMENTS = frozenset(_WORDS["leader_governments"])
MINISTRY_HEADS = frozenset(_WORDS["ministry_heads"])


def _leader_government(doc: Doc, end: int) -> Optional[int]:
    """A government named after its leader ("the Biden administration", "the Maduro regime",
    "Mugabe's regime"): the end of that name after a person's name ending at ``end``."""
    i = end + 1 if end < len(doc) and doc[end].text in ("'s", "’s") else end
    if i > end:  # "Orban's increasingly illiberal government": qualifiers after a possessive
        j = i
        while j < len(doc) and j - i < 4 and doc[j].is_lower and (doc[j].pos_ in ("ADV", "ADJ") or doc[j].tag_ == "VBN"):
            j += 1
        if j > i and j < len(doc) and doc[j].lower_ in LEADER_GOVERNMENTS and doc[j].tag_ == "NN":
            return j + 1
    if i < len(doc) and doc[i].lower_ in LEADER_GOVERNMENTS and doc[i].tag_ in ("NN", "NNP"):
        return i + 1
    return None


def _leader_key(doc: Doc, end: int, gov: int) -> str:
    """One key for "the Maduro regime" and "Nicolas Maduro's regime": surname + head word."""
    from ..gazetteer import slug

    return f"organisation:{slug(doc[end - 1].text)}-{doc[gov - 1].lower_}"


def _named_head_span(head) -> Optional[Tuple[int, int]]:
    """``the G20 summit`` / ``summit of the SCO``: a head noun named by proper nouns."""
    doc = head.doc
    left = [c for c in head.lefts if c.dep_ in ("compound", "nmod", "amod") and (c.pos_ == "PROPN" or c.text[:1].isupper())
            and not c.is_sent_start]
    if left:
        start = min(t.left_edge.i for t in left)
        while start < head.i and (doc[start].text in DETERMINERS or doc[start].dep_ == "poss"):
            start += 1
        if start >= 2 and doc[start - 1].text == "(" and start < head.i and doc[start].is_upper:
            # "Group of 20 (G20) summit": take in the full name before the acronym
            i = start - 2
            while i >= 0 and (doc[i].is_title or doc[i].like_num or doc[i].lower_ in ("of", "for", "and", "-")):
                i -= 1
            if i + 1 <= start - 2:
                start = i + 1
        if doc[start].text in (")", "("):
            start += 1
        return (start, head.i + 1) if start < head.i else None
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objs = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            if objs:
                return (head.i, objs[0].right_edge.i + 1)
    return None


def _head_for_named_event(head, candidates: List[Dict]) -> Optional[Tuple[int, int]]:
    """"the organizing committee for the 2030 World Cup": a body named by the event it serves."""
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and any(c["label"] == "EVENT" and c["start"] <= obj.i < c["end"] for c in candidates):
                    start = head.i
                    while start > 0 and head.doc[start - 1].head.i == head.i and head.doc[start - 1].dep_ in ("compound", "amod"):
                        start -= 1
                    return (start, obj.right_edge.i + 1)
    return None


def _ministry_mentions(doc: Doc, gaz: List[Dict], positions: List[int]) -> List[Dict]:
    """"the Chinese foreign ministry", "China's government", "the Indian Ministry of Foreign
    Affairs", "the U.S. Embassy": mentions of the state (the guidelines: a ministry or government named with a
    demonym or possessive is an alias of the COUNTRY).

    A capitalised "the Foreign Ministry" with no country of its own is the country of the
    ministry named last before it ("Israel's Foreign Ministry ... the Foreign Ministry");
    with none before it, it is left to the other rules.
    """
    out = []
    by_start = {j: c for c in gaz if c["label"] == "COUNTRY" for j in range(c["start"], c["end"])}
    last = None
    for i in positions:
        tok = doc[i]
        office = tok.lower_ == "office" and tok.is_title and i > 0 and doc[i - 1].lower_ in ("foreign", "home")
        if (tok.lemma_.lower() not in ("ministry", "government", "cabinet", "embassy") and tok.text != "authorities"
                and not office) or tok.pos_ not in ("NOUN", "PROPN"):
            continue  # "the Ghanaian authorities" (plural, lower case: not "the Palestinian Authority")
        end = i + 1
        if tok.lower_ == "ministry":
            for prep in tok.rights:  # "Ministry of Foreign Affairs"
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    objs = [o for o in prep.children if o.dep_ == "pobj" and o.text[:1].isupper()]
                    if objs:
                        end = objs[0].right_edge.i + 1
        found = None
        for child in tok.lefts:
            c = by_start.get(child.i)
            if c is None or child.dep_ not in ("amod", "compound", "poss", "nmod"):
                continue
            if any(j in by_start for j in range(c["end"], i)):
                continue  # another state between them
            found = (c["start"], c)
            break
        if found is None and (tok.lower_ == "ministry" or office):
            found = _state_before_portfolio(doc, i, by_start)  # "the Ukrainian Defence Ministry", "a British Foreign Office"
        if found is not None:
            c = found[1]
            last = c
            out.append({"start": found[0], "end": end, "label": "COUNTRY", "key": c["key"], "name": c["name"],
                        "kind": "DESCRIPTION", "attrs": dict(c["attrs"]), "source": "parse"})
        elif last is not None and tok.lower_ == "ministry" and tok.is_title:
            start = min([c.left_edge.i for c in tok.lefts if c.dep_ in ("compound", "amod") and c.text[:1].isupper()] + [i])
            if start > 0 and doc[start - 1].lower_ == "the" and not any(j in by_start for j in range(start, end)):
                out.append({"start": start, "end": end, "label": "COUNTRY", "key": last["key"], "name": last["name"],
                            "kind": "DESCRIPTION", "attrs": dict(last["attrs"]), "source": "parse"})
    return out


def _state_before_portfolio(doc: Doc, i: int, by_start: Dict[int, Dict]) -> Optional[Tuple[int, Dict]]:
    """The state named right before the capitalised portfolio words of a ministry at ``i``
    ("the Ukrainian Defence Ministry", "Russia's Defence Ministry", "a British Foreign
    Office spokesman"), whatever the parse made of the words."""
    j = i - 1
    while j >= 0 and doc[j].is_title and doc[j].lower_ in PORTFOLIO_WORDS:
        j -= 1
    if j == i - 1 or j < 0:
        return None
    if doc[j].lower_ in ("'s", "’s") and j > 0:
        j -= 1
    c = by_start.get(j)
    return (c["start"], c) if c is not None and c["end"] == j + 1 else None


def _party_names(doc: Doc, taken) -> List[Tuple[int, int]]:
    """"the governing Fidesz party", "the opposition Civic Platform party": capitalised names
    before a lower-case "party" name a party (the name without the common noun, as "the Dawn
    news agency" is Dawn). Near misses: "a dinner party", "the Russian party" (a demonym:
    ``taken`` holds the tokens of states, places and people)."""
    out = []
    for tok in (doc[i] for i in positions_of_words(doc, ["party"])):
        if tok.lower_ != "party" or not tok.is_lower or tok.pos_ != "NOUN":
            continue
        start = tok.i
        while start > 0 and doc[start - 1].pos_ in ("PROPN", "ADJ") and doc[start - 1].is_title \
                and doc[start - 1].dep_ in ("compound", "amod") and start - 1 < doc[start - 1].head.i <= tok.i \
                and (start - 1) not in taken and not doc[start - 1].is_sent_start:
            start -= 1
        if start < tok.i:
            out.append((start, tok.i))
    return out
