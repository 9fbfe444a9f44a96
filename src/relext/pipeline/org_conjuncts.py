"""Organisation names with "and" inside, and a named part of a known body.

The model often cuts a body's name at an inner "and" ("African Union Peace" + "Security
Council", "UN Relief" + "Works Agency", "Educational, Scientific" + "Cultural
Organization"). The second half then looks like another body ("Security Council" is
the UN's). :func:`join_inner_and` puts such names together again; :func:`split_part_of_body`
then cuts a named part from the known body it belongs to ("the Political and Security
Committee of the European Union" is two bodies, as "the World Heritage Committee of UNESCO").

Both work on the model's candidate dicts of :class:`relext.pipeline.entities.EntityRuler`
(``start``, ``end``, ``label``, ``name`` ...) and take the ruler's word sets as arguments:
``heads`` are the organisation head words of ``organisations_heads.yaml`` (``heads``,
``generic``, ``body_heads``, ``agency_heads``), ``known`` says whether a text is a gazetteer
alias and ``known_body`` whether it is a gazetteer organisation.
"""
from __future__ import annotations

from typing import Callable, Dict, List, Optional, Set

from spacy.tokens import Doc

from ._lookup import span_text

LINKS = ("of", "for")  # lower-case words a formal name keeps between its capitalised parts
MAX_LEFT = 7           # capitalised words (and links) a first conjunct may reach back over


def _capitalised(tok) -> bool:
    return tok.is_title or (tok.is_upper and tok.is_alpha and len(tok) > 1)


def _right_conjunct_ok(doc: Doc, start: int, end: int, heads: Set[str], known: Callable[[str], bool]) -> bool:
    """The half after "and": one capitalised word and an organisation head, then at most an
    "of"/"for" tail ("Security Council", "Works Agency for Palestine Refugees"); the word
    before the head is no name of its own ("Uganda Authority" is not), and a name of three
    words is a whole one ("Human Rights Watch and World Uyghur Congress")."""
    stop = end
    for i in range(start, end):
        if doc[i].lower_ in LINKS:
            stop = i
            break
    words = doc[start:stop]
    if len(words) != 2 or not all(t.is_title for t in words):
        return False
    if words[-1].lower_ not in heads:
        return False
    return not any(known(t.text) or t.lower_ in heads for t in words[:-1])


def _left_start(doc: Doc, and_i: int, heads: Set[str], known: Callable[[str], bool],
                known_body: Callable[[str], bool]) -> Optional[int]:
    """Start of the capitalised run that ends right before "and" at ``and_i`` ("Peace" of
    "the African Union Peace and", "Educational, Scientific" of "... Educational, Scientific
    and"), or None where the word before "and" cannot open a compound name: a name of its own
    ("Kenya and"), an organisation head ("the Arab League and"), a lower-case word."""
    last = doc[and_i - 1] if and_i > 0 else None
    if last is None or not last.is_title or known(last.text) or last.lower_ in heads:
        return None
    sent_start = last.sent.start
    i = and_i - 1
    while i - 1 >= sent_start and and_i - (i - 1) <= MAX_LEFT:
        prev = doc[i - 1]
        if _capitalised(prev) and prev.pos_ != "DET" and prev.lower_ != "the":
            i -= 1
        elif prev.lower_ in LINKS and i - 2 >= sent_start and _capitalised(doc[i - 2]):
            i -= 2  # "Organisation of American States Peace"
        elif prev.text == "," and i - 2 >= sent_start and doc[i - 2].is_title and doc[i - 2].lower_ not in heads \
                and not known(doc[i - 2].text):
            i -= 2  # "Educational, Scientific and"
        else:
            break
    while i < and_i - 1 and doc[i].lower_ in LINKS:
        i += 1
    return i if _no_other_name(doc, i, and_i, known, known_body) else None


def _body_led(doc: Doc, start: int, end: int, known_body: Callable[[str], bool]) -> bool:
    """The run before "and" opens with a known body ("AU Peace and ...", "the UN Relief and
    ...") or follows a known body's possessive ("the AU's Peace and ...")."""
    if any(known_body(span_text(doc, start, k)) for k in range(start + 1, end)):
        return True
    if start >= 2 and doc[start - 1].text in ("'s", "’s"):
        return any(known_body(span_text(doc, b, start - 1)) for b in range(max(0, start - 4), start - 1))
    return False


def _no_other_name(doc: Doc, start: int, end: int, known: Callable[[str], bool],
                   known_body: Callable[[str], bool]) -> bool:
    """The run before "and" names nothing of its own but, at its start, the body the whole
    name belongs to ("African Union" of "African Union Peace", "UN" of "UN Relief"): a state,
    a demonym or a place in it ("the U.S. Olympic and ...", "the Chinese Olympic and ...")
    makes the run a national body's name, which the model's cut is left to."""
    rest = start
    for k in range(end - 1, start, -1):
        if known_body(span_text(doc, start, k)):
            rest = k
            break
    return not any(known(t.text) for t in doc[rest:end] if t.is_alpha)


def join_inner_and(doc: Doc, model: List[Dict], heads: Set[str], known: Callable[[str], bool],
                   known_body: Callable[[str], bool]) -> List[Dict]:
    """Join an organisation the model cut at an inner "and" (see the module docstring).

    ``model`` is sorted by start; a candidate after "and" whose shape is that of a name's
    second half, right after an organisation the model ended at that "and", takes in the
    capitalised run before "and" and the model candidates inside it. Where the model found
    no body before "and", the run is joined only when a known body leads it ("the UN Trade and
    Development Board", "the UN's Trade and Development Board") or the joined name ends a longer
    one joined before ("the Trade and Development Board" after "the United Nations Trade and
    Security Council"): on a check set, joining any bare capitalised word before "and" cost
    more than it gained. "The Arab League and the African Union", "Kenya and Uganda
    Revenue Authority" and "the Bank of England and the Council of Europe" stay apart (a
    determiner, a name of its own or a head before "and")."""
    out: List[Dict] = []
    joined: List[str] = []
    for c in model:
        s = c["start"]
        if c["label"] == "ORGANISATION" and s >= 2 and doc[s - 1].lower_ == "and" and doc[s - 1].is_lower \
                and _right_conjunct_ok(doc, s, c["end"], heads, known):
            cut = bool(out) and out[-1]["label"] == "ORGANISATION" and out[-1]["end"] == s - 1
            left = _left_start(doc, s - 1, heads, known, known_body)
            if left is not None and not cut and not _body_led(doc, left, s - 1, known_body) \
                    and not any(j.endswith(" " + span_text(doc, left, c["end"])) for j in joined):
                left = None  # no cut by the model, no known body leading, no longer name it ends
            if left is not None:
                while out and out[-1]["end"] > left and out[-1]["start"] < s:
                    prev = out.pop()
                    if prev["label"] == "ORGANISATION" or prev["start"] >= left:
                        left = min(left, prev["start"])
                    else:  # a person or place inside the run: keep it, start after it
                        out.append(prev)
                        left = prev["end"]
                        break
                if left < s - 1:
                    out.append(dict(c, start=left, name=span_text(doc, left, c["end"]), key=None))
                    joined.append(out[-1]["name"])
                    continue
        out.append(dict(c))
    return out


def split_part_of_body(doc: Doc, model: List[Dict], heads: Set[str], known_body: Callable[[str], bool]) -> List[Dict]:
    """Cut "<part> of the <body>" into the part and the body, where the part is a name of two
    or more words ending in an organisation head ("the Political and Security Committee",
    "the World Heritage Committee") and the body after "of (the)" is a known organisation or a
    name of two or more words ending in an organisation head ("... of the European Union",
    "... of the United Nations Educational, Scientific and Cultural Organization"). One-word
    parts keep their "of" ("the Bank of England", "the Council of Europe"), and so do names
    whose "of" tail is no body ("the Supreme Court of Canada", "the International Court of
    Justice")."""
    out: List[Dict] = []
    for c in model:
        if c["label"] != "ORGANISATION":
            out.append(c)
            continue
        s, e = c["start"], c["end"]
        of = next((i for i in range(s + 2, e - 1) if doc[i].lower_ == "of"), None)
        if of is None or doc[of - 1].lower_ not in heads or not doc[of - 1].is_title:
            out.append(c)
            continue
        b = of + 1 + (doc[of + 1].lower_ == "the")
        body = span_text(doc, b, e)
        if b >= e or not (known_body(body) or (e - b >= 2 and doc[e - 1].lower_ in heads and doc[e - 1].is_title)):
            out.append(c)
            continue
        out.append(dict(c, end=of, name=span_text(doc, s, of), key=None))
        out.append(dict(c, start=b, name=body, key=None))
    return out
