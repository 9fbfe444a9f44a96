#!/usr/bin/env python3
"""Write ``data/sample_corpus_dated.jsonl``: the demo articles with a date, a source and a URL.

The articles of ``data/sample_corpus/`` are fictional news written for relext; their
datelines give a month and a day ("VIENNA, March 3 -") and their weekdays ("said on
Monday") fit 2025, so each gets its dateline's day in 2025 as its ``date``. The
``url`` is a placeholder under example.org (reserved for examples) and the ``source``
names the corpus, so that the demo shows metadata travelling to the graph.

Usage (from the project's root)::

    python scripts/make_dated_corpus.py
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "sample_corpus"
OUT = ROOT / "data" / "sample_corpus_dated.jsonl"

#: article id -> its dateline's day, in 2025
DATES = {
    "01-vienna-summit-announced": "2025-03-03",
    "02-olympics-boycott": "2025-03-05",
    "03-eu-sanctions": "2025-03-07",
    "04-dumont-visits-kyiv": "2025-03-09",
    "05-nato-warsaw": "2025-03-11",
    "06-summit-opens": "2025-04-14",
    "07-china-responds": "2025-03-12",
    "08-un-appeal": "2025-04-13",
    "09-us-sanctions": "2025-04-18",
}


def main() -> int:
    files = sorted(CORPUS.glob("*.txt"))
    missing = sorted({f.stem for f in files} ^ set(DATES))
    if missing:
        print(f"articles and dates differ: {missing}", file=sys.stderr)
        return 1
    with OUT.open("w", encoding="utf-8") as fh:
        for f in files:
            rec = {"id": f.stem, "date": DATES[f.stem], "source": "relext sample corpus (fictional)",
                   "url": f"https://example.org/relext-sample/{f.stem}", "text": f.read_text(encoding="utf-8")}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(files)} articles)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
