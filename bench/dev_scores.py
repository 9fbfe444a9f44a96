"""Score relext on both development sets and print them side by side.

Runs the project's scorer (``../shared/eval/score.py --json``) once per gold file and
prints per-type precision, recall and F1 for relations and entities, one column group
per set, as plain text or as the Markdown tables of ``docs/benchmarks.md``::

    python bench/dev_scores.py                    # dev and dev2
    python bench/dev_scores.py --markdown         # the tables for docs/benchmarks.md
    python bench/dev_scores.py --gold A.jsonl --gold B.jsonl

The scorer lives outside the project (``shared/eval``); nothing here reads the gold
texts, it only collects the scorer's figures.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Dict, List

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
DEFAULT_GOLD = [EVAL / "dev.jsonl", EVAL / "dev2.jsonl"]


def run_scorer(gold: Path) -> Dict:
    """The scorer's JSON figures for one gold file.

    Args:
        gold: a gold JSONL file written to the annotation guidelines.

    Returns:
        The scorer's result: ``{"relations": {"all", "core", "by_type"}, "entities": …}``.

    Raises:
        RuntimeError: the scorer failed; its error output is in the message.
    """
    proc = subprocess.run([sys.executable, str(EVAL / "score.py"), "--gold", str(gold), "--json"],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"score.py failed on {gold}: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout)


def table(results: Dict[str, Dict], part: str, *, markdown: bool) -> str:
    """One table of ``part`` ("relations" or "entities"), a P/R/F1 column group per set.

    Args:
        results: scorer results by set name, in column order.
        part: ``"relations"`` or ``"entities"``.
        markdown: Markdown table instead of aligned text.

    Returns:
        The table as text.
    """
    types = sorted({t for r in results.values() for t in r[part]["by_type"]})
    rows: List[List[str]] = []
    for t in types + ["all"] + (["core"] if part == "relations" else []):
        row = [t.upper() if t in ("all", "core") else t]
        for res in results.values():
            m = res[part]["by_type"].get(t) if t not in ("all", "core") else res[part][t]
            row += [f"{m['p']:.3f}", f"{m['r']:.3f}", f"{m['f1']:.3f}"] if m else ["", "", ""]
        rows.append(row)
    head = [part] + [f"{name} {x}" for name in results for x in ("P", "R", "F1")]
    if markdown:
        out = ["| " + " | ".join(head) + " |", "|" + "---|" + "---:|" * (len(head) - 1)]
        out += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(out)
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
    return "\n".join("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
                     for r in [head] + rows)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", action="append", type=Path, help="gold JSONL file (repeatable); default dev and dev2")
    ap.add_argument("--markdown", action="store_true", help="print Markdown tables")
    args = ap.parse_args(argv)
    golds = args.gold or DEFAULT_GOLD
    missing = [g for g in golds if not g.exists()]
    if missing:
        print(f"no gold file at {', '.join(map(str, missing))} (expected ../shared/eval beside the project)",
              file=sys.stderr)
        return 2
    results = {g.stem: run_scorer(g) for g in golds}
    for part in ("relations", "entities"):
        print(table(results, part, markdown=args.markdown))
        print()
    print("  ".join(f"{name}: relations F1 {r['relations']['all']['f1']:.3f}, entities F1 "
                    f"{r['entities']['all']['f1']:.3f}" for name, r in results.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
