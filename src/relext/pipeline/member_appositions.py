"""MEMBER_OF from a membership noun phrase set off by commas beside the states it describes.

- an apposition after a list of states, set off by commas or dashes: "Qatar and Bahrain,
  both members of the Gulf Cooperation Council, restored ties", "A and B - both EU
  members - objected", "Hungary, an EU and NATO member, ...", "Poland and Romania, NATO's
  eastern flank members, ..."; "Norway, a non-member of the EU" and "X, a
  former EU member" are negated; candidates, applicants and observers are no members;
- the members named after a group noun of a body by "among them", "notably", "in
  particular", "especially": "EU member states, among them Italy and Spain, ...";
- the members a group of a body is said to include after it: "every country in the EU,
  Hungary included, ...", "NATO's members, Norway included", "all EU states, with Ireland
  among them" (`included_after_group`).

The parser often reads such an apposition as the clause's subject or hangs it on a
coordinated name, so both rules read the words around the commas rather than the tree.
"""
from __future__ import annotations

from typing import Dict, List, Optional, Tuple

from spacy.tokens import Doc

from ._lookup import positions_in
from .membership import _organisation_of, negating_non
from .records import record
from ..gazetteer import read_data

# word lists: relext/data/words/member_appositions.yaml
_WORDS = read_data("words/member_appositions.yaml")

MEMBER_TYPES = ("COUNTRY", "ORGANISATION")
# heads of a membership noun phrase; "state"/"country"/"nation"/"ally" only with a body
# named before them ("an EU country", "a NATO ally") or after "member" ("member states")
MEMBER_HEADS = frozenset(_WORDS["member_heads"])
BODY_HEADS = frozenset(_WORDS["body_heads"])
# heads that rank a member within its body, only with a superlative and the body before them
# ("Germany, the bloc's largest economy", "Saudi Arabia, OPEC's biggest producer", "Malta,
# the EU's smallest state"): the ranking presupposes membership
RANKED_HEADS = frozenset(_WORDS["ranked_heads"])
# tags of words that may stand between the comma and the head ("both", "an", "the
# alliance's eastern flank", "27", "founding")
PREFIX_TAGS = {"DT", "PDT", "CD", "JJ", "JJR", "JJS", "RB", "POS", "HYPH", "NN", "NNP", "NNPS", "CC", "VBN"}
# words that make the phrase name no present membership
NOT_MEMBERS = frozenset(_WORDS["not_members"])
ENDED = frozenset(_WORDS["ended"])
ENDERS = {",", ".", ";", ")", "—", "–", "-", ":", "!", "?"}
# what sets the phrase off before it: a comma or a dash ("A and B - both members of X -";
# a hyphen only with spaces around it, never inside a word)
OPENERS = {",", "—", "–", "-"}
LIST_GLUE = frozenset(_WORDS["list_glue"])
# words that introduce the named members after a group noun and a comma
NAMING_CUES = {("among", "them"), ("notably",), ("in", "particular"), ("especially",), ("chiefly",),
               ("principally",), ("mainly",), ("above", "all")}


def _entity(index, i: int) -> Tuple[Optional[str], Optional[str]]:
    e = index.entity(i)
    return (e, index.type_of(e)) if e is not None else (None, None)


def _opens(doc: Doc, j: int) -> bool:
    """Whether token ``j`` sets off an apposition: a comma or a dash (a hyphen with spaces)."""
    t = doc[j]
    if t.text == "-":
        return bool(t.whitespace_) and j > 0 and bool(doc[j - 1].whitespace_)
    return t.text in OPENERS


def _states_before(doc: Doc, index, comma: int, start: int) -> List[str]:
    """The states (bodies) listed right before the comma at ``comma``: "Qatar and Bahrain,"."""
    e, kind = _entity(index, comma - 1)
    if e is None or kind not in MEMBER_TYPES:
        return []
    return _list_run(doc, index, comma - 1, start, -1)


def _list_run(doc: Doc, index, j: int, stop: int, step: int) -> List[str]:
    """The states (bodies) of a list read from token ``j`` towards ``stop`` (``step`` -1:
    leftwards down to ``stop``, +1: rightwards up to before it), over names and the
    words of ``LIST_GLUE``; a name of another type or any other word ends it."""
    members: List[str] = []
    while (j >= stop) if step < 0 else (j < stop):
        e, kind = _entity(index, j)
        if e is not None:
            if kind not in MEMBER_TYPES:
                break
            if e not in members:
                members.append(e)
        elif doc[j].lower_ not in LIST_GLUE:
            break
        j += step
    return members


def _bodies_after_of(doc: Doc, index, k: int, end: int) -> Tuple[List[str], int]:
    """The organisations of "of (both) the EU and NATO" starting at ``k`` ("of"); returns
    them and the position after the phrase."""
    bodies: List[str] = []
    j = k + 1
    while j < end:
        e, kind = _entity(index, j)
        if e is not None:
            if kind != "ORGANISATION":
                return [], j
            if e not in bodies:
                bodies.append(e)
        elif doc[j].lower_ not in ("the", "both", "and", "&", "its", "-") or _opens(doc, j) and doc[j].text == "-":
            break  # a spaced hyphen closes a dashed apposition ("- all members of the EAC -")
        j += 1
    return bodies, j


def apposed_members(doc: Doc, index, args) -> List[Dict]:
    """MEMBER_OF records for "A and B, both members of X," and "A, an X and Y member,"."""
    out: List[Dict] = []
    for i in positions_in(doc, MEMBER_HEADS, BODY_HEADS, RANKED_HEADS):
        head = doc[i]
        low = head.lower_
        sent = head.sent
        is_member = low in MEMBER_HEADS
        end = i + 1
        if is_member and end < sent.end and doc[end].lower_ in BODY_HEADS:
            end += 1  # "member states", "member countries"
        # the words between the opening comma and the head
        j = i - 1
        prefix = []
        while j > sent.start and not _opens(doc, j):
            t = doc[j]
            if t.tag_ not in PREFIX_TAGS and t.lower_ not in ("non", "non-", "fellow"):
                break
            prefix.append(t)
            j -= 1
        if j <= sent.start or not _opens(doc, j):
            continue
        comma = j
        prefix_orgs, ok = [], True
        for t in prefix:
            e, kind = _entity(index, t.i)
            if e is not None and kind != "ORGANISATION":
                ok = False
                break
            if e is not None and e not in prefix_orgs:
                prefix_orgs.append(e)
        if not ok:
            continue
        words = {t.lower_ for t in prefix} | {low}
        if words & NOT_MEMBERS:
            continue
        ranked = bool(prefix_orgs) and any(t.tag_ == "JJS" or t.lower_ == "most" for t in prefix)
        if low in RANKED_HEADS and not ranked:
            continue  # "Germany, an EU economy": no ranking, no membership read
        if not is_member and low not in RANKED_HEADS and (not prefix_orgs or index.entity(i - 1) is None):
            continue  # "an EU country", "a NATO ally": the body right before the noun
        bodies: List[str] = list(prefix_orgs)
        if end < sent.end and doc[end].lower_ == "of":
            of_bodies, end = _bodies_after_of(doc, index, end, sent.end)
            bodies += [b for b in of_bodies if b not in bodies]
        if not bodies or not (end >= sent.end or doc[end].text in ENDERS):
            continue
        members = _states_before(doc, index, comma, sent.start)
        if head.tag_ in ("NN", "NNP") and low not in ("non-members", "members"):
            members = members[:1]  # singular: the name right before the comma
        negated, cue = False, None
        if low.startswith("non") or negating_non(doc, index, comma + 1, i):
            negated, cue = True, "non"
        elif any(t.lower_ in ENDED and all(index.entity(x.i) is not None or x.text == "-" for x in doc[t.i + 1:i])
                 for t in prefix):
            negated, cue = True, "former"  # "a former EU member", not "former communist members"
        for m in members:
            for b in bodies:
                if m != b:
                    out.append(record(head, m, "MEMBER_OF", b, rule_id="MEMBER_OF:apposed", negated=negated, cue=cue))
    return out


def named_after_group(doc: Doc, index, args) -> List[Dict]:
    """MEMBER_OF records for "EU member states, among them Italy and Spain" (also
    "notably", "in particular", "especially", and "among them those of Italy and Spain"
    after the leaders of the member states)."""
    out: List[Dict] = []
    firsts = {c[0] for c in NAMING_CUES}
    for i in positions_in(doc, firsts):
        if i < 2 or doc[i - 1].text != ",":
            continue
        cue = next((c for c in NAMING_CUES if tuple(t.lower_ for t in doc[i:i + len(c)]) == c), None)
        if cue is None:
            continue
        group = doc[i - 2]
        if group.lemma_.lower() not in ("member", "state", "country", "nation", "ally") and group.lower_ != "states":
            continue
        if any(c.lower_ in NOT_MEMBERS or c.lower_ in ENDED for c in group.children):
            continue
        org = _organisation_of(group, index)
        if org is None:
            continue
        j = i + len(cue)
        if j + 1 < len(doc) and doc[j].lower_ == "those" and doc[j + 1].lower_ in ("of", "from"):
            j += 2  # "delegates of OAS states, among them those from A and B"
        members = _list_run(doc, index, j, group.sent.end, 1)
        out.extend(record(doc[i], m, "MEMBER_OF", org, rule_id="MEMBER_OF:named-after-group")
                   for m in members if m != org)
    return out


GROUP_LEMMAS = frozenset(_WORDS["group_lemmas"])


def _group_body(doc: Doc, index, t) -> Optional[str]:
    """The body whose members the group phrase ending at token ``t`` names: a group noun
    tied to a body ("NATO's members", "all EU states", "members of the AU") or a body after
    "in"/"of" a group noun ("every country in the EU"); None for candidates, observers or
    former members, and for a group of no body ("several nations")."""
    e, kind = _entity(index, t.i)
    group = t
    if kind == "ORGANISATION":
        if t.dep_ != "pobj" or t.head.lower_ not in ("in", "of"):
            return None
        group = t.head.head
    if group.lemma_.lower() not in GROUP_LEMMAS and group.lower_ != "states":
        return None
    if any(c.lower_.strip("-") in NOT_MEMBERS or c.lower_ in ENDED for c in group.children) \
            or any(x.lower_.strip("-") in NOT_MEMBERS or x.lower_ in ENDED for x in doc[group.left_edge.i:group.i]):
        return None
    if kind == "ORGANISATION":
        return e
    return _organisation_of(group, index)


def _states_leftwards(doc: Doc, index, j: int, stop: int) -> Tuple[List[str], int]:
    """The states listed leftwards from token ``j`` ("Kenya and Ghana", "A, B and C") and the
    index of the list's first token; a comma belongs to the list only between two states."""
    members: List[str] = []
    first = j + 1
    while j >= stop:
        e, kind = _entity(index, j)
        if e is not None and kind == "COUNTRY":
            if e not in members:
                members.append(e)
        elif doc[j].lower_ in ("and", "the") and members \
                or doc[j].text == "," and members and _entity(index, j - 1)[1] == "COUNTRY":
            pass
        else:
            break
        first = j
        j -= 1
    return members, first


def included_after_group(doc: Doc, index, args) -> List[Dict]:
    """MEMBER_OF records for "<group of a body>, X (and Y) included," and "<group of a
    body>, (with) X (and Y) among them" ("X's among them"): the states named are members
    of the body."""
    out: List[Dict] = []
    for i in positions_in(doc, {"included", "among"}):
        tok = doc[i]
        if tok.lower_ == "among":
            if i + 1 >= len(doc) or doc[i + 1].lower_ != "them":
                continue
        elif i + 1 < len(doc) and doc[i + 1].text not in ENDERS:
            continue  # "X included the plan": a verb with an object
        last = i - 1
        if tok.lower_ == "among" and doc[last].text in ("'s", "’s"):
            last -= 1  # "the union's members, Malta's among them": that state's flag or envoy
        members, first = _states_leftwards(doc, index, last, tok.sent.start)
        if not members:
            continue
        if tok.lower_ == "among" and doc[first - 1].lower_ == "with":
            first -= 1  # "with X among them"; also plain "X among them"
        comma = first - 1
        if comma < tok.sent.start + 1 or doc[comma].text != ",":
            continue
        org = _group_body(doc, index, doc[comma - 1])
        if org is None:
            continue
        out.extend(record(tok, m, "MEMBER_OF", org, rule_id="MEMBER_OF:included-after-group")
                   for m in members if m != org)
    return out


# heads of a fronted "As a <body> member, X ..." that make X a member
AS_MEMBER_HEADS = frozenset(_WORDS["as_member_heads"])


def fronted_as_members(doc: Doc, index, args) -> List[Dict]:
    """MEMBER_OF from a fronted predicative "as" phrase: "As a NATO member, Poland is
    bound by ...", "As EU members, Austria and Ireland must ...", "As one of the bloc's
    founding states, X ...": the names right after the comma are what the phrase says.
    Not a clause ("As NATO members met, Russia ..."), nor candidates, observers, partners
    or former members (`NOT_MEMBERS`, `ENDED`)."""
    out: List[Dict] = []
    for sent in doc.sents:
        s = sent.start
        if doc[s].lower_ != "as" or s + 3 >= sent.end:
            continue
        comma = next((j for j in range(s + 2, min(s + 12, sent.end - 1)) if doc[j].text == ","), None)
        if comma is None or doc[comma - 1].lower_ not in AS_MEMBER_HEADS:
            continue
        phrase = doc[s + 1:comma]
        if any(t.pos_ in ("VERB", "AUX") for t in phrase) or any(t.lower_ in NOT_MEMBERS or t.lower_ in ENDED
                                                                    for t in phrase):
            continue
        bodies = list(dict.fromkeys(e for t in phrase for e in [index.entity(t.i)]
                                    if e and index.type_of(e) == "ORGANISATION"))
        if len(bodies) != 1:
            continue
        members = _list_run(doc, index, comma + 1, sent.end, 1)
        if doc[comma - 1].tag_ in ("NN", "NNP"):
            members = members[:1]
        out.extend(record(doc[comma - 1], m, "MEMBER_OF", bodies[0], rule_id="MEMBER_OF:fronted-as")
                   for m in members if m != bodies[0])
    return out
