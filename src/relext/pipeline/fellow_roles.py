"""AFFILIATED_WITH from a person named beside a group of their "fellow" role-holders.

"X and fellow G7 leaders", "X, along with other Kenyan ministers", "X joined fellow EU
leaders": "fellow" (or "other" right after a coordinating "and") before a plural title
that a state or body qualifies says that X holds that role too, so X is AFFILIATED_WITH
the state or body.

Token pattern, not the parse (the parser often takes "fellow" for a noun): the person's
name, then only linking words (``fellow_links`` in ``roles.yaml``: "and", ",", "along with",
"together with", "joined"), then "fellow", or "other" after "and", then modifiers and a
state or body named by its name or demonym, then a plural title ("leaders", "ministers",
"members"). Not "X met other G7 leaders" (a link word is needed, and "other" only after
"and"), not a title without an anchor ("X and fellow ministers"), not a title that is not
plural, and not a group whose anchor is a person ("X and fellow Trump aides").
"""
from __future__ import annotations

from typing import List, Set, Tuple

from spacy.tokens import Doc, Token

from ..gazetteer import read_data
from ._lookup import positions_in

_ROLES = read_data("roles.yaml")
FELLOW_LINKS = frozenset(_ROLES.get("fellow_links", ()))
FELLOW_WORDS = frozenset(_ROLES.get("fellow_words", ()))
ANCHOR_TYPES = ("COUNTRY", "ORGANISATION")
MAX_MODIFIERS = 4


def _plural_title(tok: Token, titles: Set[str]) -> bool:
    low = tok.lower_
    return tok.tag_ in ("NNS", "NNPS") and low.endswith("s") and (low[:-1] in titles or low in titles)


def fellow_roles(doc: Doc, index, titles: Set[str]) -> List[Tuple[Token, str, str]]:
    """(title token, person, anchor) for each "X and fellow <anchor> <titles>" (module docstring)."""
    out = []
    for i in positions_in(doc, FELLOW_WORDS):
        if i == 0:
            continue
        low = doc[i].lower_
        # walk back over linking words to a person's name
        j = i - 1
        links = []
        while j >= 0 and doc[j].lower_ in FELLOW_LINKS:
            links.append(doc[j].lower_)
            j -= 1
        if not links or j < 0:
            continue
        if low == "other" and "and" not in links and "with" not in links:
            continue
        person = index.entity(j)
        if not person or index.type_of(person) != "PERSON" or index.kind_by_token.get(j) != "NAME":
            continue
        # modifiers, the anchor, then the plural title
        anchors, k = [], i + 1
        while k < len(doc) and k <= i + MAX_MODIFIERS + 1:
            a = index.name_by_token.get(k)
            if _plural_title(doc[k], titles) and not a:
                break
            if a:
                if index.type_of(a) not in ANCHOR_TYPES:
                    anchors = []
                    break
                anchors.append(a)
            elif not (doc[k].pos_ in ("ADJ", "NOUN", "PROPN") and doc[k].is_alpha):
                anchors = []
                break
            k += 1
        else:
            continue
        if k >= len(doc) or not anchors or not _plural_title(doc[k], titles):
            continue
        for a in dict.fromkeys(anchors):
            out.append((doc[k], person, a))
    return out
