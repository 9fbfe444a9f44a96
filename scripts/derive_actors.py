"""Derive relext's table of known political people from PETRARCH-2's actor dictionaries.

Source: the Phoenix actor dictionaries of PETRARCH-2 (Open Event Data Alliance, MIT
licence), ``petrarch2/data/dictionaries/Phoenix.Countries.actors.txt`` and
``Phoenix.International.actors.txt`` in https://github.com/openeventdata/petrarch2.
The raw dictionaries are not kept in the project; this script reads them from a local
copy and writes ``src/relext/data/actors.jsonl`` (one person a line) and the licence
notice ``src/relext/data/actors.LICENSE.txt``.

Usage::

    python scripts/derive_actors.py PATH/TO/petrarch2/data/dictionaries [--out src/relext/data]

The dictionaries are in TABARI format: a primary entry ``FIRST_LAST_`` (words joined by
``_``), then ``+ALIAS`` lines (other spellings), then role codes in brackets, one per
line or on the entry's own line: ``[RUSGOV 20040309-20120507]`` (CAMEO code = country
+ sector, and dates YYMMDD or YYYYMMDD; ``>date`` from, ``<date`` until). An entry whose
only code is a bare three-letter country (``[AFG]``) is the country itself, not a person.

Only entries with at least one dated role count as people: countries, territories,
bodies and companies (CAMEO ``MNC``) carry undated codes.

What is kept, per person:
    ``id``      the slug of the primary entry ("sergey-lavrov"),
    ``name``    the primary entry in title case ("Sergey Lavrov"),
    ``aliases`` the spellings that are a bare name (no title, no country, no office word):
                the primary entry, its ``+`` spellings, and, for names of three words or
                more, the last two words ("Lopez Obrador") — all lower case, ASCII, with
                hyphens as spaces, the form relext's lookup compares,
    ``roles``   ``[code, sector, from, to]``: CAMEO country or body code ("RUS", "IGO"),
                the sector ("GOV", "ELI", "UNO" ...) and ISO dates ("" when open).

Spellings that contain an office or collective word (``PRESIDENT``, ``PARTY``,
``MINISTRY`` ...) are left out ("PRESIDENT_PUTIN"); an entry with no bare spelling of two
words or more is not taken for a person.
"""
from __future__ import annotations

import argparse
import json
import re
import unicodedata
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt")

#: words that make an entry (or an alias) something other than a bare personal name:
#: offices and titles, collective and institutional nouns, demonyms used in titles
NOT_NAME_WORDS = {
    "president", "vice", "prime", "minister", "ministers", "premier", "chancellor", "secretary", "general",
    "ambassador", "envoy", "king", "queen", "prince", "princess", "emir", "sheikh", "sultan", "pope",
    "chairman", "chairwoman", "chief", "leader", "governor", "mayor", "senator", "sen", "rep", "speaker",
    "acting", "former", "deputy", "foreign", "defense", "defence", "interior", "finance", "justice",
    "commander", "colonel", "col", "gen", "lt", "maj", "capt", "admiral", "marshal", "dr", "mr", "mrs", "ms",
    "sir", "lord", "lady", "his", "her", "majesty", "highness", "cardinal", "archbishop", "bishop",
    "ayatollah", "imam", "mullah", "rabbi", "judge", "spokesman", "spokeswoman", "official", "officials",
    "party", "ministry", "government", "council", "committee", "commission", "agency", "authority",
    "organization", "organisation", "union", "league", "front", "movement", "army", "forces", "force",
    "police", "court", "bank", "company", "corporation", "association", "federation", "institute",
    "university", "office", "department", "parliament", "assembly", "congress", "senate", "national",
    "international", "united", "nations", "republic", "state", "states", "kingdom", "people", "peoples",
    "group", "alliance", "coalition", "rebels", "rebel", "militia", "brigade", "brigades", "news",
    "radio", "television", "times", "post", "daily", "club", "fund", "programme", "program", "centre",
    "center", "foundation", "society", "mission", "delegation", "embassy", "cabinet", "regime", "junta",
    "the", "of", "and", "for", "unknown", "un", "u.n.", "eu", "nato", "igo", "ngo",
}
#: CAMEO sector codes of roles people hold (CAMEO manual, "actor codes": government, elite,
#: military, opposition, legislature, judiciary, party, police, media, business ... and the
#: bodies of the UN and other intergovernmental organisations)
ROLE_SECTORS = {"GOV", "ELI", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CVL",
                "LEG", "HLH", "REF", "AGR", "ENV", "LAB", "REL", "UNO", "NGO", "IGO", "HRI", "MOD", "RAD", "CRM",
                "DEV", "EEC", "EUR", "NAT", "AFR", "ASN", "OPC", "WBK", "IMF", "WTO", "ARL", "OAS", "GCC"}
PARTICLES = {"al", "el", "bin", "ibn", "bint", "da", "de", "del", "der", "van", "von", "le", "la", "du", "dos"}


def normalise(text: str) -> str:
    """The lookup form of a name: ASCII, lower case, hyphens and underscores as spaces.

    >>> normalise("Jean-Yves Le Drian"), normalise("LOPEZ_OBRADOR_"), normalise("Erdoğan")
    ('jean yves le drian', 'lopez obrador', 'erdogan')
    """
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = re.sub(r"[_\-\s]+", " ", t.lower())
    return t.strip(" .")


def title_case(words: List[str]) -> str:
    """``["SERGEY", "LAVROV"]`` -> ``"Sergey Lavrov"``; particles stay lower case ("bin", "von")."""
    out = []
    for i, w in enumerate(words):
        low = w.lower()
        if i and low in PARTICLES:
            out.append(low)
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in low.split("-")))
    return " ".join(out)


def _date(text: str) -> str:
    """``"040309"`` -> ``"2004-03-09"``, ``"19921231"`` -> ``"1992-12-31"``; "" when unreadable."""
    text = text.strip()
    if len(text) == 6 and text.isdigit():
        yy = int(text[:2])
        text = ("20" if yy <= 30 else "19") + text
    if len(text) == 8 and text.isdigit():
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return ""


def parse_code(code: str) -> Optional[Tuple[str, str, str, str]]:
    """``"RUSGOV 20040309-20120507"`` -> ``("RUS", "GOV", "2004-03-09", "2012-05-07")``."""
    parts = code.split()
    if not parts or not re.fullmatch(r"[A-Z]{3,}", parts[0]):
        return None
    actor, sector = parts[0][:3], parts[0][3:]
    start = end = ""
    if len(parts) > 1:
        span = parts[1]
        if span.startswith(">"):
            start = _date(span[1:])
        elif span.startswith("<"):
            end = _date(span[1:])
        elif "-" in span:
            a, _, b = span.partition("-")
            start, end = _date(a), _date(b)
    return actor, sector, start, end


def entries(lines: List[str]) -> Iterator[Dict]:
    """Blocks of the dictionary: ``{"primary", "aliases", "codes"}``."""
    cur: Optional[Dict] = None
    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = re.findall(r"\[([^\]]*)\]", line)
        body = re.sub(r"\[[^\]]*\]", " ", line).strip()
        if line[0] in " \t" or not body:
            if cur is not None:
                cur["codes"].extend(codes)
            continue
        if body.startswith("+"):
            if cur is not None:
                cur["aliases"].append(body[1:].strip())
                cur["codes"].extend(codes)
            continue
        if cur is not None:
            yield cur
        cur = {"primary": body.strip(), "aliases": [], "codes": list(codes)}
    if cur is not None:
        yield cur


def _words(entry: str) -> List[str]:
    return [w for w in re.split(r"[_\s]+", entry.strip().strip("_")) if w]


def is_bare_name(words: List[str]) -> bool:
    """A personal name with no office, title or collective word, and letters only."""
    if not words or len(words) > 6:
        return False
    for w in words:
        if not re.fullmatch(r"[A-Za-z][A-Za-z.'\-]*", w):
            return False
        if any(part.strip(".") in NOT_NAME_WORDS for part in w.lower().split("-")):
            return False
    return True


def people(blocks: Iterator[Dict]) -> Iterator[Dict]:
    """The person entries among the dictionary blocks, in the compact form written out."""
    for b in blocks:
        parsed = [parse_code(c) for c in b["codes"]]
        parsed = [p for p in parsed if p is not None]
        if not any(p[1][:3] in ROLE_SECTORS and (p[2] or p[3]) and p[0] != "MNC" for p in parsed):
            continue  # no dated role: a country, territory, body or company, not an office holder
        spellings = [_words(b["primary"])] + [_words(a) for a in b["aliases"]]
        bare = [w for w in spellings if is_bare_name(w)]
        full = [w for w in bare if len(w) >= 2]
        if not full:
            continue
        # the primary entry names the person unless it carries a title
        # ("SECRETARY-GENERAL_BAN_KI-MOON"): then the first bare spelling does
        words = full[0]
        forms: Dict[str, None] = {normalise(" ".join(words)): None}
        for aw in bare:
            forms.setdefault(normalise(" ".join(aw)), None)
        if len(words) >= 3 and words[-2].lower() not in PARTICLES:
            forms.setdefault(normalise(" ".join(words[-2:])), None)
        roles = sorted({(a, s, f, t) for a, s, f, t in parsed if s})
        name = title_case(words)
        yield {"id": normalise(name).replace(" ", "-"), "name": name, "aliases": [f for f in forms if f],
               "roles": [list(r) for r in roles]}


def main(argv: Optional[List[str]] = None) -> int:
    """Read the dictionaries under the given folder and write the package data."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dictionaries", type=Path, help="folder holding the Phoenix.*.actors.txt files")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "src" / "relext" / "data")
    args = ap.parse_args(argv)
    merged: Dict[str, Dict] = {}
    for fname in FILES:
        text = (args.dictionaries / fname).read_text(encoding="utf8", errors="replace")
        for p in people(entries(text.splitlines())):
            if p["id"] in merged:  # the same person listed twice: union of spellings and roles
                old = merged[p["id"]]
                old["aliases"] = list(dict.fromkeys(old["aliases"] + p["aliases"]))
                old["roles"] = sorted({tuple(r) for r in old["roles"] + p["roles"]})
                old["roles"] = [list(r) for r in old["roles"]]
            else:
                merged[p["id"]] = p
    out = args.out / "actors.jsonl"
    with out.open("w", encoding="utf8") as fh:
        fh.write(json.dumps({"source": "PETRARCH-2 Phoenix actor dictionaries (openeventdata/petrarch2), MIT licence; "
                                       "derived by scripts/derive_actors.py", "fields": ["id", "name", "aliases", "roles"]})
                 + "\n")
        for p in sorted(merged.values(), key=lambda p: p["id"]):
            fh.write(json.dumps([p["id"], p["name"], p["aliases"], p["roles"]], separators=(",", ":")) + "\n")
    (args.out / "actors.LICENSE.txt").write_text(LICENCE, encoding="utf8")
    print(f"{len(merged)} people written to {out}")
    return 0


LICENCE = """\
relext/data/actors.jsonl is derived (by scripts/derive_actors.py) from the Phoenix actor
dictionaries of PETRARCH-2, https://github.com/openeventdata/petrarch2
(petrarch2/data/dictionaries/Phoenix.Countries.actors.txt and
Phoenix.International.actors.txt), which carry this licence:

The MIT License (MIT)

Copyright (c) 2014 Open Event Data Alliance

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
THE SOFTWARE.

The dictionaries were compiled by the Computational Event Data System Project
(http://eventdata.parusanalytics.com), with funding from the National Science
Foundation (SES-1004414, SES-1259190).
"""

if __name__ == "__main__":
    raise SystemExit(main())
