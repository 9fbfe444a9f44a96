"""Family members who share a surname are different people.

"President Carter and First Lady Rosalynn Carter": the bare surname with an office title
is the office holder, not the relative named in full with a family title. Only where both
are in the text — an office-titled bare surname and a full name introduced as a spouse or
child ("First Lady", "Mrs", "his wife", "daughter") — is the surname kept from the full name;
otherwise "Carter" stays the surname of "Rosalynn Carter" as before.
"""
from __future__ import annotations

from typing import Dict, List, Set, Tuple

from spacy.tokens import Doc
from ..gazetteer import read_data

# word lists: relext/data/words/families.yaml
_WORDS = read_data("words/families.yaml")

FAMILY_TITLES = frozenset(_WORDS["family_titles"])
OFFICE_TITLES = frozenset(_WORDS["office_titles"])


def _words_before(doc: Doc, start: int, end: int, name_len: int) -> Set[str]:
    """Lower-case words in the span before the name and up to two tokens before the span."""
    # (tokens by index, without building the two Spans)
    inner = [doc[k].lower_.strip(".") for k in range(max(0, start), min(len(doc), max(start, end - name_len)))]
    outer = [doc[k].lower_.strip(".") for k in range(max(0, start - 2), min(len(doc), start))]
    return set(inner + outer)


def relatives_named_in_full(doc: Doc, names: Dict[Tuple[int, int], List[str]]) -> Set[Tuple[str, ...]]:
    """Full names (as word tuples) that a bare office-titled surname must not be merged into."""
    family: Set[Tuple[str, ...]] = set()
    office: Set[str] = set()
    for (start, end), toks in names.items():
        if not toks:
            continue
        before = _words_before(doc, start, end, len(toks))
        if len(toks) > 1 and before & FAMILY_TITLES:
            family.add(tuple(toks))
        elif len(toks) == 1 and before & OFFICE_TITLES and not before & FAMILY_TITLES:
            office.add(toks[0])
    return {f for f in family if f[-1] in office}
