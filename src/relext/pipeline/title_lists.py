"""Relations shared by every item of a guest list that names states through office holders.

News lists of guests often name each state through its leader, item by item:
"the presidents of Chile, Gabriel Boric; Peru, Dina Boluarte; and Bolivia, Luis Arce,
will attend", "Also present are the President of Chile, Gabriel Boric; the Prime
Minister of Peru, Ana Ruiz, and the President of Bolivia, Luis Arce". The parser hangs
such a list together in many wrong ways (a state conjoined to the previous item's name,
a name in apposition to the next state), so a relation rule reaching the list through the
parse finds only some of its items. By the guidelines, "the leaders (presidents) of A, B
and C attend" means that the states attend, and the people named attend too.

`listed_items` reads the items from the words (`affiliation.listed_under_title` tells
which "<state>, <Name>" pairs are items of a list under a title); `shared_by_the_list`
gives every state and person of the list the relation that the parse gave one of them,
in the same sentence, with the same other argument, polarity and modality.

Example:
    >>> import relext
    >>> text = ("The presidents of Chile, Gabriel Boric; Peru, Dina Boluarte; and Bolivia, "
    ...         "Luis Arce, will attend the Lima Summit.")
    >>> sorted(r.subject.name for r in relext.extract(text).relations if r.predicate == "ATTENDS")
    ['Bolivia', 'Chile', 'Dina Boluarte', 'Gabriel Boric', 'Luis Arce', 'Peru']
"""
from __future__ import annotations

from typing import Dict, List, Set, Tuple

from spacy.tokens import Doc

from .affiliation import listed_under_title
from .records import record

#: relations that a list item takes part in as the list's subject (or, for MEETS_WITH, as
#: either side); AFFILIATED_WITH is each item's own and is never shared
SHARED = {"ATTENDS", "BOYCOTTS", "MEETS_WITH", "SUPPORTS", "ACCUSES", "THREATENS"}


def listed_items(doc: Doc, index, titles: Set[str]) -> Dict[Tuple[int, int], List[Tuple[str, str]]]:
    """The ``(state, person)`` items of title-headed guest lists, per sentence.

    Args:
        doc: the parsed document.
        index: the document's entity index.
        titles: the title words ("president", "prime minister" ...).

    Returns:
        ``{(sentence start char, sentence end char): [(state id, person id), ...]}`` for
        sentences whose list has at least two items.
    """
    items: Dict[Tuple[int, int], List[Tuple[str, str]]] = {}
    seen = set()
    for i, pid in sorted(index.name_by_token.items()):
        if index.type_of(pid) != "PERSON" or (i > 0 and index.name_by_token.get(i - 1) == pid):
            continue  # only the first token of a person's mention
        state = listed_under_title(doc, i, index, titles)
        if state is None or (state, pid) in seen:
            continue
        seen.add((state, pid))
        sent = doc[i].sent
        items.setdefault((sent.start_char, sent.end_char), []).append((state, pid))
    return {k: v for k, v in items.items() if len(v) >= 2}


def shared_by_the_list(doc: Doc, index, titles: Set[str], records: List[Dict], catalogue) -> List[Dict]:
    """The relations of ``records`` given to every other item of the same sentence's list.

    A record is shared when its subject (or, for MEETS_WITH, either argument) is a state
    or person of the list, and the relation is one a list of guests takes part in as a
    whole (`SHARED`). Each copy keeps the record's trigger, polarity and modality, and
    checks the catalogue's types.
    """
    lists = listed_items(doc, index, titles)
    if not lists:
        return []
    out: List[Dict] = []
    for r in records:
        if r["predicate"] not in SHARED:
            continue
        items = lists.get((r["evidence"]["start_char"], r["evidence"]["end_char"]))
        if not items:
            continue
        members = [m for pair in items for m in pair]
        sides = ("subject", "object") if r["predicate"] == "MEETS_WITH" else ("subject",)
        rel = catalogue.get(r["predicate"])
        for side in sides:
            if r[side] not in members:
                continue
            other = r["object" if side == "subject" else "subject"]
            trigger = next((t for t in doc.char_span(r["evidence"]["start_char"], r["evidence"]["end_char"],
                                                     alignment_mode="expand") or ()
                            if t.idx == r["evidence"]["trigger_start"]), None)
            if trigger is None:
                continue
            for m in members:
                if m == r[side] or m == other:
                    continue
                s, o = (m, other) if side == "subject" else (other, m)
                if rel is not None and not rel.allows(index.type_of(s), index.type_of(o)):
                    continue
                out.append(record(trigger, s, r["predicate"], o, rule_id=f"{r['evidence']['rule']}+title-list",
                                  negated=r["negated"], modality=r["modality"], source=r["source"],
                                  symmetric=r["symmetric"], cue=r["evidence"].get("cue")))
    return out
