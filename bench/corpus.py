"""Synthetic news corpus for the benchmarks: many different documents from a few texts.

Documents are built from seed texts by swapping people, countries, capitals, weekdays,
months and years, and by now and then inventing a new surname, so that no two documents
are the same and the vocabulary keeps growing as it does in a real news stream.

Seed texts, in order of preference:

1. ``data/sample_corpus/*.txt`` in the project (split into sentences);
2. the built-in templates below (our own sentences, written for this benchmark).

Nothing here reads the evaluation data. The generator is deterministic for a given
``seed``, and lazy: :func:`generate` yields records one at a time, so 50,000 documents
never sit in memory at once.

Usage::

    from corpus import generate
    for rec in generate(1000, seed=0):   # {"id": "doc-000000", "text": "..."}
        ...

    python bench/corpus.py 5            # print five documents
"""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Sequence, Tuple

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DIR = ROOT / "data" / "sample_corpus"

# (full name, short name as news uses it, country) -- public figures, used only as fill-ins.
PEOPLE: Sequence[Tuple[str, str, str]] = (
    ("Vladimir Putin", "Putin", "Russia"), ("Xi Jinping", "Xi", "China"),
    ("Joe Biden", "Biden", "the United States"), ("Emmanuel Macron", "Macron", "France"),
    ("Olaf Scholz", "Scholz", "Germany"), ("Fumio Kishida", "Kishida", "Japan"),
    ("Narendra Modi", "Modi", "India"), ("Justin Trudeau", "Trudeau", "Canada"),
    ("Anthony Albanese", "Albanese", "Australia"), ("Boris Johnson", "Johnson", "Britain"),
    ("Mario Draghi", "Draghi", "Italy"), ("Moon Jae-in", "Moon", "South Korea"),
    ("Jacinda Ardern", "Ardern", "New Zealand"), ("Andrzej Duda", "Duda", "Poland"),
    ("Volodymyr Zelensky", "Zelensky", "Ukraine"), ("Pedro Sanchez", "Sanchez", "Spain"),
    ("Mark Rutte", "Rutte", "the Netherlands"), ("Sauli Niinisto", "Niinisto", "Finland"),
    ("Cyril Ramaphosa", "Ramaphosa", "South Africa"), ("Uhuru Kenyatta", "Kenyatta", "Kenya"),
    ("Joko Widodo", "Widodo", "Indonesia"), ("Imran Khan", "Khan", "Pakistan"),
    ("Antony Blinken", "Blinken", "the United States"), ("Sergei Lavrov", "Lavrov", "Russia"),
    ("Wang Yi", "Wang", "China"), ("Annalena Baerbock", "Baerbock", "Germany"),
    ("Liz Truss", "Truss", "Britain"), ("Thomas Bach", "Bach", "Switzerland"),
    ("Jens Stoltenberg", "Stoltenberg", "Norway"), ("Ursula von der Leyen", "von der Leyen", "Belgium"),
)
# (country, demonym, capital)
COUNTRIES: Sequence[Tuple[str, str, str]] = (
    ("Russia", "Russian", "Moscow"), ("China", "Chinese", "Beijing"), ("France", "French", "Paris"),
    ("Germany", "German", "Berlin"), ("Japan", "Japanese", "Tokyo"), ("India", "Indian", "New Delhi"),
    ("Canada", "Canadian", "Ottawa"), ("Australia", "Australian", "Canberra"), ("Britain", "British", "London"),
    ("Italy", "Italian", "Rome"), ("South Korea", "South Korean", "Seoul"), ("Poland", "Polish", "Warsaw"),
    ("Ukraine", "Ukrainian", "Kyiv"), ("Spain", "Spanish", "Madrid"), ("Kenya", "Kenyan", "Nairobi"),
    ("Brazil", "Brazilian", "Brasilia"), ("Turkey", "Turkish", "Ankara"), ("Egypt", "Egyptian", "Cairo"),
    ("Mexico", "Mexican", "Mexico City"), ("Indonesia", "Indonesian", "Jakarta"), ("Norway", "Norwegian", "Oslo"),
    ("Sweden", "Swedish", "Stockholm"), ("Pakistan", "Pakistani", "Islamabad"), ("Argentina", "Argentine", "Buenos Aires"),
)
ORGS: Sequence[str] = (
    "NATO", "the United Nations", "the European Union", "the International Olympic Committee", "the World Health Organization",
    "the African Union", "ASEAN", "the G7", "the World Trade Organization", "the International Monetary Fund",
)
EVENTS: Sequence[str] = (
    "the Winter Olympics", "the Summer Olympics", "the G20 summit", "the climate summit", "the World Cup",
    "the Munich Security Conference", "the World Economic Forum", "the peace conference",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
_SYLLABLES = ("ka", "lo", "mir", "ten", "ova", "ber", "shi", "an", "dro", "vic", "hol", "mu", "rai", "sen", "dak", "ul")

# Our own news-style sentences; {P}/{Q}: a person's full name, {Ps}/{Qs}: the surname,
# {C}/{D}: countries, {Cd}: demonym of {C}, {Cc}/{Dc}: capitals, {O}: organisation,
# {E}: event, {W}: weekday, {M}: month, {Y}: year, {N}: a number.
TEMPLATES: Sequence[str] = (
    "{Cd} President {P} met {Q} in {Dc} on {W}, officials said.",
    "{Ps} and {Qs} held talks on trade and security, the foreign ministry in {Cc} said.",
    "{C} will not send government officials to {E} in {Dc}, {Ps} told reporters on {W}.",
    "{P} said {C} would boycott {E} over human rights concerns.",
    "{Qs} vowed to attend {E} despite the diplomatic boycott announced by {D}.",
    "{C} imposed sanctions on {D} after the talks in {Cc} collapsed in {M} {Y}.",
    "{O} accused {C} of violating the ceasefire, a spokesman said on {W}.",
    "{Ps} visited {Dc} on {W}, his first trip abroad since {M}.",
    "{D} joined {O} in {Y}, becoming its {N}th member.",
    "{P}, the {Cd} foreign minister, warned {D} of serious consequences.",
    "The {Cd} delegation arrived in {Dc} on {W} for {E}.",
    "{Qs} criticised {C} for its decision, calling it a political stunt.",
    "{C} backed the proposal by {O}, according to a statement released on {W}.",
    "If {Ps} attends {E}, {Qs} may hold a separate meeting with him.",
    "About {N},000 people protested in {Cc} on {W} against the government's plans.",
    "Markets in {Cc} fell {N} percent in {M} as investors worried about inflation.",
    "{P} did not meet {Q} during the summit, a spokesperson for {O} confirmed.",
    "Officials in {Dc} said {Ps} had spoken with {Qs} by phone on {W}.",
    "{O} said it supported {C} and urged {D} to return to the negotiating table.",
    "The talks between {C} and {D} are expected to resume in {M}.",
)


def _novel_surname(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def _pick_slots(rng: random.Random) -> Dict[str, str]:
    (p, ps, _), (q, qs, _) = rng.sample(PEOPLE, 2)
    if rng.random() < 0.3:  # a name the model has never seen: keeps the vocabulary growing
        qs = _novel_surname(rng)
        q = rng.choice(("Anna", "Mikhail", "Li", "Carlos", "Amina", "Tomas")) + " " + qs
    (c, cd, cc), (d, _, dc) = rng.sample(COUNTRIES, 2)
    return {
        "P": p, "Ps": ps, "Q": q, "Qs": qs, "C": c, "Cd": cd, "Cc": cc, "D": d, "Dc": dc,
        "O": rng.choice(ORGS), "E": rng.choice(EVENTS), "W": rng.choice(WEEKDAYS), "M": rng.choice(MONTHS),
        "Y": str(rng.randint(1995, 2025)), "N": str(rng.randint(2, 99)),
    }


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _fill(template: str, slots: Dict[str, str]) -> str:
    out = template.format(**slots)
    return _cap(out)


# -- seed texts from data/sample_corpus ------------------------------------------------

_SENT_SPLIT = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[A-Z\"“‘(])")


def load_sample_sentences(directory: Path = SAMPLE_DIR) -> List[List[str]]:
    """Return the sentences of each ``*.txt`` file under ``directory`` (empty if none)."""
    out = []
    for path in sorted(directory.glob("*.txt")) if directory.is_dir() else ():
        text = path.read_text(encoding="utf-8", errors="replace")
        sents = [s.strip() for para in re.split(r"\n\s*\n", text) for s in _SENT_SPLIT.split(para) if s.strip()]
        if sents:
            out.append(sents)
    return out


def _swap_table(rng: random.Random) -> Tuple["re.Pattern[str]", Dict[str, str]]:
    """A per-document substitution: each known name maps to another of its kind."""
    table: Dict[str, str] = {}
    people = list(PEOPLE)
    shuffled = rng.sample(people, len(people))
    for (full, short, _), (full2, short2, _) in zip(people, shuffled):
        table[full] = full2
        table[short] = short2
    countries = list(COUNTRIES)
    shuffled_c = rng.sample(countries, len(countries))
    for (c, cd, cc), (c2, cd2, cc2) in zip(countries, shuffled_c):
        table[c] = c2
        table[cd] = cd2
        table[cc] = cc2
    for pool in (WEEKDAYS, MONTHS):
        for a, b in zip(pool, rng.sample(list(pool), len(pool))):
            table[a] = b
    keys = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"\b(?:%s)\b|\b(?:19|20)\d\d\b" % "|".join(map(re.escape, keys)))
    return pattern, table


def _vary(sentence: str, pattern: "re.Pattern[str]", table: Dict[str, str], rng: random.Random, year_shift: int) -> str:
    def repl(m: "re.Match[str]") -> str:
        word = m.group(0)
        if word.isdigit():
            return str(int(word) + year_shift)
        return table.get(word, word)

    return pattern.sub(repl, sentence)


# -- the generator -------------------------------------------------------------------------

def generate(n: int, *, seed: int = 0, min_sentences: int = 2, max_sentences: int = 5,
             source: Optional[str] = None) -> Iterator[Dict[str, str]]:
    """Yield ``n`` records ``{"id", "text"}``, each a different short news document.

    Args:
        n: number of documents.
        seed: random seed; the same seed gives the same documents.
        min_sentences, max_sentences: sentences per document (uniform).
        source: ``"samples"`` (``data/sample_corpus``), ``"builtin"`` (the templates here)
            or ``None`` for samples when there are any, else the templates.
    """
    rng = random.Random(seed)
    samples = load_sample_sentences() if source in (None, "samples") else []
    if source == "samples" and not samples:
        raise SystemExit(f"no *.txt files in {SAMPLE_DIR}")
    for i in range(n):
        k = rng.randint(min_sentences, max_sentences)
        if samples and (source == "samples" or rng.random() < 0.7):
            sents = rng.choice(samples)
            start = rng.randrange(max(1, len(sents) - k + 1))
            pattern, table = _swap_table(rng)
            shift = rng.randint(-10, 3)
            text = " ".join(_vary(s, pattern, table, rng, shift) for s in sents[start:start + k])
        else:
            slots = _pick_slots(rng)
            text = " ".join(_fill(rng.choice(TEMPLATES), slots) for _ in range(k))
        yield {"id": f"doc-{i:06d}", "text": text}


def describe_source() -> str:
    """One line saying which seed texts :func:`generate` uses by default."""
    samples = load_sample_sentences()
    if samples:
        n = sum(len(s) for s in samples)
        return f"{len(samples)} files / {n} sentences from data/sample_corpus (70%) + built-in templates (30%), varied"
    return f"{len(TEMPLATES)} built-in templates, varied (data/sample_corpus not found)"


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    print("#", describe_source())
    for rec in generate(count):
        print(rec["id"], rec["text"], sep="\t")
