#!/usr/bin/env python3
"""Refit relext's confidence model on the development sets and report its calibration.

Usage (from the project's root, in its environment)::

    python scripts/fit_confidence.py                 # fit, write the package data and the docs tables
    python scripts/fit_confidence.py --dry-run       # only print the tables
    python scripts/fit_confidence.py --eval-dir DIR  # where dev.jsonl, dev2.jsonl and score.py live

Each relation relext finds in a gold document is labelled right or wrong with the
matching of the gold scorer (``score.py`` beside the gold files: entity alignment by
type and shared surface form, then relation keys). The script fits a logistic model
on dev and evaluates it on dev2, and the reverse (the cross-set figures of
``docs/benchmarks.md``), then fits on both sets and writes the weights to
``src/relext/data/confidence.json``. It prints Markdown tables: the expected
calibration error (ECE, 10 equal-width bins), precision and coverage at confidence
>= 0.8, the area under the ROC curve, and the reliability table of each
evaluation; the same tables replace the part of ``docs/benchmarks.md`` between the
``confidence-tables`` markers.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path
from typing import Dict, List, Tuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from relext.extraction import extract_doc  # noqa: E402
from relext.loading import load  # noqa: E402
from relext.provenance.confidence import (ConfidenceModel, calibration_table,  # noqa: E402
                                          expected_calibration_error, fit_logistic)
from relext.provenance.features import FEATURES, DocContext, relation_features  # noqa: E402

L2 = 2.0
THRESHOLD = 0.8
FOLDS = 5
BEGIN, END = "<!-- confidence-tables:begin -->", "<!-- confidence-tables:end -->"


def _scorer(eval_dir: Path):
    spec = importlib.util.spec_from_file_location("relext_gold_score", eval_dir / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def labelled(path: Path, scorer, nlp) -> Tuple[List[Dict[str, float]], List[int], List[str]]:
    """Features, right/wrong labels and document ids of every relation relext finds in a gold file."""
    rows, labels, docs = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        gold_doc = json.loads(line)
        doc = nlp(gold_doc["text"])
        records = [r for r in doc._.relext_relations if r["modality"] != "HYPOTHETICAL"]
        ex = extract_doc(doc, gold_doc["id"])
        pred_ents, _ = scorer.predicted(ex)
        mapping = scorer.align(gold_doc["entities"], pred_ents)
        gold = {scorer.rel_key(r["subject"], r["relation"].upper(), r["object"], bool(r.get("negated", False)))
                for r in gold_doc["relations"]}
        ctx = DocContext(doc, records)
        for rec, rel in zip(records, ex.relations):
            gs, go = mapping.get(rel.subject), mapping.get(rel.object)
            right = gs is not None and go is not None and scorer.rel_key(gs, rel.predicate, go, rel.negated) in gold
            rows.append(relation_features(ctx, rec))
            labels.append(int(right))
            docs.append(gold_doc["id"])
    return rows, labels, docs


def evaluate(model: ConfidenceModel, rows, labels) -> Dict:
    """ECE, precision and coverage at the threshold, and the reliability table."""
    probs = [model.probability(r) for r in rows]
    return summary(probs, labels)


def summary(probs, labels) -> Dict:
    """The figures of one evaluation."""
    sure = [y for p, y in zip(probs, labels) if p >= THRESHOLD]
    return {"n": len(labels), "accuracy": sum(labels) / len(labels), "ece": expected_calibration_error(probs, labels),
            "precision_at": sum(sure) / len(sure) if sure else float("nan"), "coverage_at": len(sure) / len(labels),
            "auc": auc(probs, labels), "table": calibration_table(probs, labels)}


def auc(probs, labels) -> float:
    """Area under the ROC curve: how often a right relation outranks a wrong one (ties count half)."""
    pos = [p for p, y in zip(probs, labels) if y]
    neg = [p for p, y in zip(probs, labels) if not y]
    if not pos or not neg:
        return float("nan")
    wins = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg)
    return wins / (len(pos) * len(neg))


def cross_validated(rows, labels, docs) -> Dict:
    """Every relation scored by a model fitted on the documents of the other folds."""
    order = sorted(set(docs))
    fold_of = {d: i % FOLDS for i, d in enumerate(order)}
    probs = [0.0] * len(rows)
    for k in range(FOLDS):
        train = [i for i, d in enumerate(docs) if fold_of[d] != k]
        model = fit_logistic([rows[i] for i in train], [labels[i] for i in train], FEATURES, l2=L2)
        for i, d in enumerate(docs):
            if fold_of[d] == k:
                probs[i] = model.probability(rows[i])
    return summary(probs, labels)


def markdown(results: Dict) -> str:
    """The summary table and one reliability table per evaluation."""
    lines = [f"| fitted on | evaluated on | relations | right | ECE | precision at conf >= {THRESHOLD} | coverage | AUC |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for (train, test), r in results.items():
        lines.append(f"| {train} | {test} | {r['n']} | {r['accuracy']:.3f} | {r['ece']:.3f} | {r['precision_at']:.3f} "
                     f"| {r['coverage_at']:.3f} | {r['auc']:.3f} |")
    for (train, test), r in results.items():
        lines += ["", f"Reliability, fitted on {train}, evaluated on {test}:", "",
                  "| confidence | relations | mean confidence | right |", "| --- | ---: | ---: | ---: |"]
        lines += [f"| {lo:.1f}–{hi:.1f} | {n} | {conf:.3f} | {acc:.3f} |" for lo, hi, n, conf, acc in r["table"]]
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "relext" / "data" / "confidence.json")
    ap.add_argument("--docs", type=Path, default=ROOT / "docs" / "benchmarks.md",
                    help="the page whose confidence-tables section is rewritten")
    ap.add_argument("--dry-run", action="store_true", help="print the tables, write neither model nor docs")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    scorer = _scorer(args.eval_dir)
    nlp = load()
    sets = {name: labelled(args.eval_dir / f"{name}.jsonl", scorer, nlp) for name in ("dev", "dev2")}
    results = {}
    for train, test in (("dev", "dev2"), ("dev2", "dev")):
        model = fit_logistic(*sets[train][:2], FEATURES, l2=L2)
        results[(train, test)] = evaluate(model, *sets[test][:2])
    rows = sets["dev"][0] + sets["dev2"][0]
    labels = sets["dev"][1] + sets["dev2"][1]
    docs = sets["dev"][2] + sets["dev2"][2]
    results[(f"dev+dev2, {FOLDS} folds by document", "the held-out fold")] = cross_validated(rows, labels, docs)
    final = fit_logistic(rows, labels, FEATURES, l2=L2)
    final.info = {"fitted_on": ["dev", "dev2"], "relations": len(labels), "right": int(sum(labels)), "l2": L2,
                  "script": "scripts/fit_confidence.py"}
    results[("dev+dev2", "dev+dev2")] = evaluate(final, rows, labels)
    tables = markdown(results)
    print(tables)
    if not args.dry_run:
        args.out.write_text(json.dumps(final.to_dict(), indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {args.out}")
        page = args.docs.read_text(encoding="utf-8")
        if BEGIN in page and END in page:
            head, rest = page.split(BEGIN, 1)
            args.docs.write_text(head + BEGIN + "\n" + tables + "\n" + END + rest.split(END, 1)[1], encoding="utf-8")
            print(f"rewrote the confidence tables of {args.docs}")
    print(f"({time.perf_counter() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
