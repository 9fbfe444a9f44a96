"""Name keys of :mod:`relext.pipeline.canonical`: one key for every spelling of a person's
or an organisation's name (surnames, initials, misspellings of known actors).
"""
from __future__ import annotations

import re
from typing import Dict, List, Optional, Tuple

from spacy.attrs import ORTH
from spacy.tokens import Doc

from ..gazetteer import one_edit_apart, slug, read_data
from ._lookup import positions_of
from .events import strip_det
from .families import relatives_named_in_full

# word lists: relext/data/words/name_keys.yaml
_WORDS = read_data("words/name_keys.yaml")

HONORIFICS = frozenset(_WORDS["honorifics"])


# titles that go with a first name ("Prince William", "King Abdullah"): such a short form is
# the full name that begins with it only where that person carries the same title
ROYAL_TITLES = frozenset(_WORDS["royal_titles"])


def _titles(doc: Doc, start: int, end: int) -> set:
    """Royal titles inside a person's mention or in the two words before it."""
    return {t.lower_ for t in doc[max(0, start - 2):end] if t.lower_ in ROYAL_TITLES}


class NameKeys:
    """Keys of people and organisations for `Canonicalizer` (uses its ``known`` tables)."""

    # -- people ---------------------------------------------------------------------
    def _person_keys(self, doc: Doc, persons: List[Dict]) -> Dict[Tuple[int, int], Tuple[str, str]]:
        names = {}
        for m in persons:
            toks = _name_words(doc[m["start"]:m["end"]])
            while len(toks) > 1 and toks[0].lower().strip(".") in HONORIFICS:
                toks = toks[1:]
            names[(m["start"], m["end"])] = [t for t in toks if t not in ("'s", "’s")]
        first_seen: Dict[Tuple[str, ...], int] = {}
        for (start, _), v in sorted(names.items()):
            first_seen.setdefault(tuple(v), start)
        # longest first, then in text order: deterministic whatever the hash seed
        full = sorted({tuple(v) for v in names.values() if len(v) > 1}, key=lambda f: (-len(f), first_seen[f]))
        # a misspelt variant of a full name ("Vladamir Putin") is the same person
        counts: Dict[Tuple[str, ...], int] = {}
        for v in names.values():
            counts[tuple(v)] = counts.get(tuple(v), 0) + 1
        alias: Dict[Tuple[str, ...], Tuple[str, ...]] = {}
        for a in full:
            for b in full:
                if a != b and len(a) == len(b) and (counts[b], first_seen[b]) > (counts[a], first_seen[a]) \
                        and a not in alias and b not in alias and \
                        sum(x != y for x, y in zip(a, b)) == 1 and all(x == y or (len(x) > 4 and one_edit_apart(x, y)) for x, y in zip(a, b)):
                    alias[a] = b
        names = {k: list(alias.get(tuple(v), tuple(v))) for k, v in names.items()}
        full = [f for f in full if f not in alias]
        # a name of the actor table keys the person by the table's id, so that spellings
        # ("Sergei"/"Sergey Lavrov") and a surname alone are one person in every document
        actor_of: Dict[Tuple[str, ...], str] = {}
        for m in persons:
            if m["attrs"].get("actor"):
                actor_of.setdefault(tuple(names[(m["start"], m["end"])]), m["attrs"]["actor"])
                actor_of.setdefault(tuple(m["attrs"]["actor_name"].split()), m["attrs"]["actor"])
        out = {}
        kin = relatives_named_in_full(doc, names)  # "President Carter and First Lady Rosalynn Carter"
        titles: Dict[Tuple[str, ...], set] = {}
        for (start, end), v in names.items():
            titles.setdefault(tuple(v), set()).update(_titles(doc, start, end))
        for span, toks in names.items():
            canon = tuple(toks)
            own = _titles(doc, *span) if len(toks) == 1 else set()
            for f in full:
                if own and tuple(toks) == f[:1] and not own & titles.get(f, set()):
                    continue  # "Prince Edward" is not "President Edward Kamau", "King Abdullah" not "Crown Prince Abdullah ..."
                if f != canon and _name_part_of(toks, f) and not (len(toks) == 1 and f in kin):
                    canon = f
                    break
            name = " ".join(canon)
            # a surname that belongs to a full name in the text is that person's, whoever
            # else the table knows by it
            actor = actor_of.get(canon)
            if actor is None and len(canon) > 1:
                actor = _misspelt_actor(canon, actor_of)
            out[span] = (f"person:{actor}" if actor else f"person:{slug(name)}", name)
        return out

    def _propagate_surnames(self, doc: Doc, groups: Dict[str, Dict], order: List[str], sent_of: List[int]) -> None:
        """A surname seen in a full name elsewhere in the text is that person, even where
        the model missed it or typed it otherwise ("Scholz left", "Matsuno" as a place)."""
        surnames: Dict[str, str] = {}
        for g in groups.values():
            if g["type"] == "PERSON" and len(g["name"].split()) > 1:
                last = g["name"].split()[-1]
                surnames[last] = g["id"] if last not in surnames else ""  # "" = ambiguous
        surnames = {k: v for k, v in surnames.items() if v and len(k) > 2 and k[:1].isupper()}
        if not surnames:
            return
        owner: Dict[int, Tuple[str, Dict]] = {}
        for g in groups.values():
            for mm in g["mentions"]:
                for i in range(mm["start"], mm["end"]):
                    owner[i] = (g["id"], mm)
        for i in positions_of(doc, ORTH, {doc.vocab.strings.add(k) for k in surnames}):
            tok = doc[i]
            pid = surnames.get(tok.text)
            if pid is None or tok.pos_ != "PROPN":
                continue
            if tok.i in owner:
                gid, mm = owner[tok.i]
                if gid == pid or mm["end"] - mm["start"] != 1 or groups[gid]["type"] not in ("LOCATION", "ORGANISATION"):
                    continue
                groups[gid]["mentions"].remove(mm)
                if not groups[gid]["mentions"]:
                    del groups[gid]
                    order.remove(gid)
            groups[pid]["mentions"].append({"text": tok.text, "start_char": tok.idx, "end_char": tok.idx + len(tok.text),
                                            "start": tok.i, "end": tok.i + 1, "kind": "NAME", "sentence": sent_of[tok.i]})

    # -- organisations ----------------------------------------------------------------
    def _org_keys(self, doc: Doc, orgs: List[Dict]) -> Dict[Tuple[int, int], Tuple[str, str]]:
        out = {}
        acronyms: Dict[str, Tuple[str, str]] = {}
        for m in orgs:
            name = strip_det(m["name"])
            if m["key"]:
                out[(m["start"], m["end"])] = (m["key"], m["name"])
                continue
            key = f"organisation:{slug(name)}"
            # "Full Name (ACR)": the acronym names the same body
            nxt = doc[m["end"]:m["end"] + 3]
            if len(nxt) == 3 and nxt[0].text == "(" and nxt[2].text == ")" and nxt[1].is_upper:
                acronyms[nxt[1].text] = (key, name)
            acronyms.setdefault(_initials(name), (key, name))
            acronyms.setdefault("".join(w[0] for w in re.split(r"[\s\-]+", name) if w[:1].isalpha()).upper(), (key, name))
            out[(m["start"], m["end"])] = (key, name)
        for m in orgs:
            if m["key"]:
                continue
            text = strip_det(m["name"])
            if text.isupper() and text in acronyms and acronyms[text][0] != out[(m["start"], m["end"])][0]:
                out[(m["start"], m["end"])] = acronyms[text]
            elif len(text.split()) == 1 and text[:1].isupper():
                # "the Treasury" after "the Treasury Department": the one longer name with that word
                longer = {v for v in out.values() if len(v[1].split()) > 1 and text in v[1].replace("-", " ").split()}
                if len(longer) == 1:
                    out[(m["start"], m["end"])] = longer.pop()
            elif len(text.split()) > 1:
                # "Qods Aviation" after "Qods Aviation Industries": a name cut short after its
                # first words is the one longer name it begins
                longer = {v for v in out.values() if v[1].startswith(text + " ")}
                # "the Trade and Development Board" after "the UN Trade and Development
                # Board": a name that ends exactly one longer name is that body named short
                longer = longer or {v for v in out.values() if v[1].endswith(" " + text)}
                if len(longer) == 1:
                    out[(m["start"], m["end"])] = longer.pop()
        _acronym_led(out)
        return out


def _usual_spelling(name: str, mentions: List[Dict]) -> str:
    """An all-caps name (a dateline, "HIROSHIMA") gives way to the same name in normal
    case when the text has it ("Hiroshima"): names are node labels in every export."""
    if not name.isupper() or len(name) < 4:
        return name
    for mm in mentions:
        text = strip_det(mm["text"])
        if text.lower() == name.lower() and not text.isupper():
            return text
    return name


def _name_words(span) -> List[str]:
    """The words of a name, hyphenated parts written without spaces kept together
    ("Jean-Yves Le Drian" -> ["Jean-Yves", "Le", "Drian"], not "Jean - Yves")."""
    words: List[str] = []
    glue = False
    for t in span:
        if words and (glue or (t.text == "-" and not span.doc[t.i - 1].whitespace_)):
            words[-1] += t.text
        else:
            words.append(t.text)
        glue = t.text == "-" and not t.whitespace_ and len(words[-1]) > 1
    return words


def _misspelt_actor(name: Tuple[str, ...], actor_of: Dict[Tuple[str, ...], str]) -> Optional[str]:
    """The known person whose full name in the text is one typo from ``name`` in one word
    ("Fumio Kushida" for "Fumio Kishida"), if exactly one."""
    found = {a for known, a in actor_of.items() if len(known) == len(name) and known != name
             and sum(x != y for x, y in zip(known, name)) == 1
             and all(x == y or (len(x) > 4 and one_edit_apart(x, y)) for x, y in zip(known, name))}
    return found.pop() if len(found) == 1 else None


def _acronym_led(out: Dict[Tuple[int, int], Tuple[str, str]]) -> None:
    """"the AU Commission" after "the African Union Commission": a name led by an acronym is
    the one name led by the words it abbreviates, with the same words after them. Not
    "the AU Commission" beside "the African Union Council", nor "the EU Council" when the
    passage also has "the Economic Union Council" (two names fit: no telling which)."""
    long_forms: Dict[Tuple[str, str], set] = {}
    for key, name in set(out.values()):
        words = name.split()
        for k in range(2, len(words)):
            lead, tail = " ".join(words[:k]), " ".join(words[k:])
            if lead.isupper() or not all(w[:1].isupper() or w.lower() in ("of", "the", "and", "for") for w in words[:k]):
                continue
            long_forms.setdefault((_initials(lead), tail.lower()), set()).add((key, name))
    for span, (key, name) in list(out.items()):
        words = name.split()
        if len(words) < 2 or not (words[0].isupper() and words[0].isalpha() and len(words[0]) >= 2):
            continue
        fits = long_forms.get((words[0], " ".join(words[1:]).lower()), set()) - {(key, name)}
        if len(fits) == 1:
            out[span] = next(iter(fits))


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in ("of", "the", "and", "for", "on", "in")]
    return "".join(w[0] for w in words).upper()


def _name_part_of(toks: List[str], full: Tuple[str, ...]) -> bool:
    """"Putin" in "Vladimir Putin", "Xi" in "Xi Jinping", "bin Salman" in "Mohammed bin Salman"."""
    n = len(toks)
    if n >= len(full):
        return False
    if tuple(toks) == full[-n:] or tuple(toks) == full[:n]:
        return True
    if n == 1 and toks[0][:1].isupper() and len(toks[0]) > 2:
        # "Assad" in "Bashar al-Assad": the last part of a hyphenated word counts
        return toks[0] in full or any(w.split("-")[-1] == toks[0] for w in full)
    return False
