"""List lines of the project that echo the text of an evaluation set.

The sentences in relext's tests, data, docs and code comments are the project's own: they
must not copy the passages of the evaluation sets (``../shared/eval/dev*.jsonl`` and the
sets in ``tests/data/*.jsonl``). This script finds every line of a tracked file that shares a
run of ``--words`` consecutive words (default 6; case and punctuation ignored) with a
passage of those sets, and prints ``file:line: [set: 'shared words'] line``.

The sets' own description files (``DEV*_SET.md``, ``OWN_HELDOUT*.md``) quote their sets on
purpose and are skipped, as are the sets themselves and binary files.

Examples::

    python scripts/check_echoes.py                  # every echoing line, then a count
    python scripts/check_echoes.py --words 8        # only long shared runs
    python scripts/check_echoes.py --max 100        # exit 1 if more than 100 lines echo
    python scripts/check_echoes.py tests/data/golden_constructions.yaml

Exit status: 0, or 1 when ``--max`` is given and exceeded, or 2 when no evaluation set is
found (``../shared`` missing).
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Tuple

ROOT = Path(__file__).resolve().parents[1]
SKIPPED_SUFFIXES = (".png", ".svg", ".jpg", ".gz", ".bin", ".pkl", ".graphml", ".gexf", ".ipynb")
SET_DESCRIPTION = re.compile(r"(DEV\d*_SET|OWN_HELDOUT\d*)\.md$")
WORD = re.compile(r"\w+")


def evaluation_sets(root: Path = ROOT) -> List[Path]:
    """The JSONL evaluation sets: ``../shared/eval/dev*.jsonl`` and ``tests/data/*.jsonl``
    (golden example files excluded)."""
    shared = sorted((root.parent / "shared" / "eval").glob("dev*.jsonl"))
    own = sorted(p for p in (root / "tests" / "data").glob("*.jsonl") if "golden" not in p.name)
    return shared + own


def words(text: str) -> List[str]:
    """Lower-cased word tokens of ``text`` (punctuation dropped).

    >>> words("Kenya's president, William Ruto, said")
    ['kenya', 's', 'president', 'william', 'ruto', 'said']
    """
    return WORD.findall(text.lower())


def shingles(sets: Iterable[Path], n: int) -> Dict[Tuple[str, ...], str]:
    """Every run of ``n`` words in the passages of ``sets``, mapped to the set's file name."""
    out: Dict[Tuple[str, ...], str] = {}
    for path in sets:
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                text = json.loads(line).get("text", "")
            except (json.JSONDecodeError, AttributeError):
                continue
            w = words(text)
            for i in range(len(w) - n + 1):
                out.setdefault(tuple(w[i:i + n]), path.name)
    return out


def project_files(root: Path = ROOT) -> List[str]:
    """Tracked files under tests/, docs/, src/, data/, bench/, scripts/, notebooks/ and the README."""
    res = subprocess.run(["git", "ls-files", "tests", "docs", "src", "data", "bench", "scripts", "notebooks",
                          "README.md"], cwd=root, capture_output=True, text=True, check=True)
    return [f for f in res.stdout.split()
            if not (f.endswith(".jsonl") and "golden" not in f)
            and not SET_DESCRIPTION.search(f) and not f.endswith(SKIPPED_SUFFIXES)]


def echoes(files: Iterable[str], grams: Dict[Tuple[str, ...], str], n: int,
           root: Path = ROOT) -> Iterator[Tuple[str, int, str, str, str]]:
    """``(file, line number, set, shared words, line)`` for each line sharing ``n`` words."""
    for f in files:
        try:
            lines = (root / f).read_text(encoding="utf-8").splitlines()
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue
        for number, line in enumerate(lines, 1):
            w = words(line)
            for i in range(len(w) - n + 1):
                g = tuple(w[i:i + n])
                if g in grams:
                    yield f, number, grams[g], " ".join(g), line.strip()
                    break


def main(argv: List[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", help="files to check (default: the project's tracked files)")
    parser.add_argument("--words", type=int, default=6, help="length of a shared run of words (default 6)")
    parser.add_argument("--max", type=int, default=None, help="exit 1 if more lines than this echo a set")
    parser.add_argument("--quiet", action="store_true", help="print only the count")
    args = parser.parse_args(argv)
    sets = evaluation_sets()
    if not sets:
        print("no evaluation set found (is ../shared beside the project?)", file=sys.stderr)
        return 2
    grams = shingles(sets, args.words)
    found = 0
    for f, number, name, shared, line in echoes(args.files or project_files(), grams, args.words):
        found += 1
        if not args.quiet:
            print(f"{f}:{number}: [{name}: '{shared}'] {line[:160]}")
    print(f"{found} line(s) share a run of {args.words} words with an evaluation set")
    if args.max is not None and found > args.max:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
