"""People and outlets named on credit and byline lines of a news page.

Pages credit their stories and photos on lines of their own, split at "/" or ",":

- a byline, "By <name>" or "By <name> and <name>": each name is a PERSON, whatever type the
  model gave it (it often types an unknown reporter's name as an organisation);
- a photo credit, a line made only of names split at "/" ("Jane Roe/Metro Images"), the part
  of a line after "©" ("... in Rome. © JANE ROE / AFP"), or a line opened by a credit word
  ("Courtesy Yonhap/The Daily Post", "Image credit: A, B, via C"): the last part is the outlet
  or agency (an ORGANISATION); an earlier part of two or three capitalised words that ends in
  no outlet or body word and holds no known place, state or body is the photographer (a
  PERSON); other parts are outlets;
- a source line ("Source: A/ The Daily Post"): every part is an outlet.

The model reads such a line as one name across the slash ("Roe/Metro Images"); the spans
returned here replace whatever the model or other rules found overlapping them.

Near misses left alone: a slash inside running text ("Radio Free Europe/Radio Liberty
reported"), a line with lower-case words or digits, and a line whose parts are places
("Moscow/Kyiv").

Word lists are data: ``credit_leads``, ``source_leads``, ``outlet_tails`` and
``credit_skip`` in ``organisations_heads.yaml``.
"""
from __future__ import annotations

import re
from typing import Dict, Iterable, List, Optional, Tuple

from spacy.tokens import Doc

from ..gazetteer import read_data
from ._lookup import doc_text

_HEADS = read_data("organisations_heads.yaml")
CREDIT_LEADS = frozenset(_HEADS.get("credit_leads", ()))
SOURCE_LEADS = frozenset(_HEADS.get("source_leads", ()))
OUTLET_TAILS = frozenset(_HEADS.get("outlet_tails", ())) | frozenset(_HEADS.get("body_heads", ())) \
    | frozenset(_HEADS.get("generic", ()))
CREDIT_SKIP = frozenset(_HEADS.get("credit_skip", ()))

# a name word: capitalised (or all capitals), hyphenated parts and inner dots allowed ("Yoo-chul", "P.J.")
_WORD = r"[A-Z][\w'’.]*(?:-[\w'’.]+)*"
_NAME = re.compile(rf"(?:The\s+)?{_WORD}(?:\s+(?:&\s+|of\s+(?:the\s+)?)?{_WORD}){{0,5}}")
_PERSON = re.compile(rf"{_WORD}(?:\s+{_WORD}){{1,3}}")
_BYLINE = re.compile(r"(?:By|BY)\s+(.+?)\s*$")
_LEAD = re.compile(r"([A-Za-z]+)(?:\s+([A-Za-z]+))?\s*:?\s+")
_PARTS = re.compile(r"\s*(?:/|,|\bvia\b)\s*")
# a credit opened after a caption's sentence: "(left). Photo credit: ...", ". Source: ..."
_INNER_LEAD = re.compile(r"(?<=[.)!?] )(?:(?:Photo|Image|Picture)s?\s+)?(Credits?|Sources?|Courtesy|Photos?)\s*:\s*",
                         re.IGNORECASE)
_SLASH = re.compile(r"\s*(?:/|\bvia\b)\s*")


def _lines(text: str) -> Iterable[Tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _parts(text: str, offset: int, commas: bool) -> Optional[List[Tuple[int, int, str]]]:
    """The named parts of a credit (char offsets into the Doc and text), or None when a part
    is no name."""
    body = text.rstrip(" .)")
    pos = len(body) - len(body.lstrip(" ("))
    splitter = _PARTS if commas else _SLASH
    out = []
    for m in list(splitter.finditer(body, pos)) + [None]:
        end = m.start() if m is not None else len(body)
        seg = body[pos:end].strip()
        seg_start = body.find(seg, pos) if seg else pos
        pos = m.end() if m is not None else len(body)
        if not seg or seg.lower() in CREDIT_SKIP:
            continue
        if not _NAME.fullmatch(seg):
            return None
        out.append((offset + seg_start, offset + seg_start + len(seg), seg))
    return out


def _credit(line: str) -> Optional[Tuple[int, bool, bool]]:
    """Where the credited names of ``line`` start, whether they are sources only, and whether
    commas split them; None for a line that is no credit."""
    stripped = line.strip()
    if not stripped:
        return None
    if "©" in line:
        return line.index("©") + 1, False, False
    inner = _INNER_LEAD.search(line)
    if inner is not None:  # "... at their meeting. Image credit: A, B, via C."
        return inner.end(), inner.group(1).lower().rstrip("s") == "source", True
    lead = _LEAD.match(stripped)
    if lead and lead.group(1).lower() in CREDIT_LEADS:
        n = lead.end()
        if lead.group(2) and lead.group(2).lower() not in CREDIT_LEADS:
            n = lead.start(2)  # "Courtesy Yonhap/...": the second word is a name
        return line.index(stripped) + n, lead.group(1).lower() in SOURCE_LEADS, True
    if "/" in stripped and len(stripped.split()) <= 8:
        return 0, False, False
    return None


def _person_shaped(seg: str, known: bool) -> bool:
    """Two to four capitalised words (or all capitals) ending in no outlet or body word, none
    of them a known name: a photographer ("Jane Roe", "JANE ROE"); not "The Daily Post",
    "Metro Images", "BBC"."""
    words = seg.split()
    return not known and bool(_PERSON.fullmatch(seg)) and words[0] != "The" \
        and words[-1].lower() not in OUTLET_TAILS \
        and (all(w.isupper() for w in words) or not any(w.isupper() and len(w) > 1 for w in words))


def credit_line_spans(doc: Doc, known: Dict[int, str]) -> List[Tuple[int, int, str, str]]:
    """Token spans ``(start, end, label, name)`` of the people and outlets on ``doc``'s credit lines.

    Args:
        doc: a parsed document.
        known: the type of each token the gazetteer names (a state, place or body is never a
            photographer; a part that is all a state or place means the line is no credit:
            "Moscow/Kyiv").
    """
    text = doc_text(doc)
    if "/" not in text and "©" not in text and "By " not in text and "BY " not in text and ":" not in text:
        return []
    out: List[Tuple[int, int, str, str]] = []
    for offset, line in _lines(text):
        by = _BYLINE.match(line.strip())
        if by and line.strip() == by.group(0):
            names = re.split(r"\s*(?:,|\band\b)\s*", by.group(1))
            if all(_PERSON.fullmatch(n) for n in names if n):
                base = offset + line.index(by.group(1))
                for n in filter(None, names):
                    s = base + by.group(1).index(n)
                    sp = doc.char_span(s, s + len(n), alignment_mode="expand")
                    if sp is not None and not any(t.i in known for t in sp):
                        out.append((sp.start, sp.end, "PERSON", n))
            continue
        credit = _credit(line)
        if credit is None:
            continue
        start, sources, commas = credit
        parts = _parts(line[start:], offset + start, commas)
        if not parts or (not commas and "/" not in line[start:] and len(parts) > 1):
            continue
        spans = []
        for s, e, seg in parts:
            sp = doc.char_span(s, e, alignment_mode="expand")
            if sp is None:
                break
            types = [known.get(t.i) for t in sp]
            if all(t in ("COUNTRY", "LOCATION") for t in types):
                spans = []
                break  # "Moscow/Kyiv": places, no credit
            spans.append((sp, seg, any(types)))
        if not spans or (start == 0 and len(spans) < 2):
            continue
        for k, (sp, seg, named) in enumerate(spans):
            last = k == len(spans) - 1
            label = "ORGANISATION" if sources or (last and len(spans) > 1) or not _person_shaped(seg.strip(), named) \
                else "PERSON"
            out.append((sp.start, sp.end, label, seg.strip()))
    return out
