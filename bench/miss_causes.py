"""Group relext's misses on a gold set by their cause, as counts (and, if asked, examples).

Per-type F1 says how much is missed; this says *why*, in classes that point at a mechanism
rather than at a sentence. A gold relation that relext does not output falls in the first
class that applies:

``entity-missed``
    one of its ends is not found as an entity of the gold type (fix the entity, not the
    relation rule);
``polarity``
    the same tuple is output with the opposite polarity;
``other-pred/dir:X``
    the pair is linked, but by relation ``X`` or in the other direction;
``subj-not-in-evidence`` / ``obj-not-in-evidence`` / ``both-not-in-evidence``
    the gold evidence span does not name that end: a pronoun, a description, an argument
    carried over from an earlier clause or left implicit (coreference and context);
``both-named:miss``
    both ends are named in the evidence and nothing links them (a construction or a word
    the rules lack).

Relation false positives (what relext outputs and gold does not hold) fall in the first
class that applies: ``end-not-in-gold`` (an end is no gold entity: an entity false
positive under it), ``polarity`` (gold holds the tuple with the other polarity),
``gold-other-pred/dir:X`` (gold links the pair by ``X`` or in the other direction) and
``pair-not-in-gold`` (gold links the two entities by nothing).

Entity misses and false positives are grouped the same way: ``typed-as-X`` (the words are
found under type X), ``span-differs`` (an overlapping span is found), ``not-found`` /
``not-in-gold``, and ``duplicate`` (a second node for one gold entity, which the scorer
counts as a false positive).

Counts only by default, so the script can run on sets whose errors are kept unseen::

    python bench/miss_causes.py --gold tests/data/own_heldout7.jsonl
    python bench/miss_causes.py --gold tests/data/dev6.jsonl --examples 30 --type ATTENDS

The alignment of predicted to gold entities is the project scorer's
(``../shared/eval/score.py``), so the counts add up to its false negatives.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Tuple

HERE = Path(__file__).resolve().parent
# Run as a script, this folder comes first on sys.path and bench/profile.py would shadow the
# standard library's ``profile`` (which spaCy imports): keep this folder off the path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
ROOT = HERE.parent
EVAL = ROOT.parent / "shared" / "eval"


def load_scorer(path: Path = EVAL / "score.py"):
    """The project scorer as a module (its ``predicted``, ``align`` and ``rel_key``).

    Raises:
        FileNotFoundError: the scorer is not beside the project (``../shared/eval``).
    """
    if not path.exists():
        raise FileNotFoundError(f"no scorer at {path}: put the shared evaluation folder beside the project")
    spec = importlib.util.spec_from_file_location("relext_eval_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _named_in(entity: Dict, evidence: str) -> bool:
    forms = [f.lower() for f in entity.get("aliases", [])] + [entity["name"].lower()]
    return any(f and re.search(r"\b" + re.escape(f) + r"\b", evidence) for f in forms)


def relation_misses(gold_doc: Dict, result, scorer) -> List[Tuple[Dict, str]]:
    """The gold relations of one document that ``result`` misses, each with its cause.

    Args:
        gold_doc: one gold document (``entities``, ``relations`` with ``evidence``).
        result: what ``relext.extract`` returned for its text (a model or a dict).
        scorer: the module from :func:`load_scorer`.

    Returns:
        ``(gold relation, cause)`` pairs, in gold order.

    Example:
        >>> scorer = load_scorer()  # doctest: +SKIP
        >>> relation_misses(doc, relext.extract(doc["text"]), scorer)  # doctest: +SKIP
        [({'subject': 'e1', 'relation': 'ATTENDS', ...}, 'obj-not-in-evidence')]
    """
    pred_ents, pred_rels = scorer.predicted(result)
    mapping = scorer.align(gold_doc["entities"], pred_ents)
    found = {g for g in mapping.values() if g}
    predicted = set()
    for s, p, o, neg in pred_rels:
        gs, go = mapping.get(s), mapping.get(o)
        if gs and go:
            predicted.add(scorer.rel_key(gs, p, go, neg))
    by_pair = {frozenset((k[0], k[2])): k for k in predicted}
    entities = {g["id"]: g for g in gold_doc["entities"]}
    misses, seen = [], set()
    for rel in gold_doc["relations"]:
        key = scorer.rel_key(rel["subject"], rel["relation"].upper(), rel["object"], bool(rel.get("negated", False)))
        if key in predicted or key in seen:
            continue  # a tuple listed twice (a symmetric one both ways) is one miss, as the scorer counts
        seen.add(key)
        if rel["subject"] not in found or rel["object"] not in found:
            cause = "entity-missed"
        elif scorer.rel_key(key[0], key[1], key[2], not key[3]) in predicted:
            cause = "polarity"
        elif frozenset((key[0], key[2])) in by_pair:
            cause = "other-pred/dir:" + by_pair[frozenset((key[0], key[2]))][1]
        else:
            evidence = (rel.get("evidence") or "").lower()
            subj = _named_in(entities[rel["subject"]], evidence)
            obj = _named_in(entities[rel["object"]], evidence)
            cause = ("both-not-in-evidence" if not subj and not obj else "subj-not-in-evidence" if not subj
                     else "obj-not-in-evidence" if not obj else "both-named:miss")
        misses.append((rel, cause))
    return misses


def relation_false_positives(gold_doc: Dict, result, scorer) -> List[Tuple[Tuple[str, str, str, bool], str]]:
    """The relations ``result`` outputs that gold does not hold, each with its cause.

    Counted as the scorer counts them: one per output relation whose end is no gold entity,
    one per distinct gold-aligned tuple otherwise.

    Returns:
        ``((subject name, predicate, object name, negated), cause)`` pairs, in output order.

    Example:
        >>> relation_false_positives(doc, relext.extract(doc["text"]), scorer)  # doctest: +SKIP
        [(('Jane Roe', 'MEETS_WITH', 'Paris', False), 'end-not-in-gold')]
    """
    pred_ents, pred_rels = scorer.predicted(result)
    mapping = scorer.align(gold_doc["entities"], pred_ents)
    gold = {scorer.rel_key(r["subject"], r["relation"].upper(), r["object"], bool(r.get("negated", False)))
            for r in gold_doc["relations"]}
    gold_pairs = {frozenset((k[0], k[2])): k for k in gold}
    names = {p["id"]: p["name"] for p in pred_ents}
    gold_names = {g["id"]: g["name"] for g in gold_doc["entities"]}
    out, seen = [], set()
    for s, p, o, neg in pred_rels:
        gs, go = mapping.get(s), mapping.get(o)
        if gs is None or go is None:
            out.append(((names.get(s, s), p, names.get(o, o), neg), "end-not-in-gold"))
            continue
        key = scorer.rel_key(gs, p, go, neg)
        if key in gold or key in seen:
            continue
        seen.add(key)
        if scorer.rel_key(key[0], key[1], key[2], not key[3]) in gold:
            cause = "polarity"
        elif frozenset((key[0], key[2])) in gold_pairs:
            cause = "gold-other-pred/dir:" + gold_pairs[frozenset((key[0], key[2]))][1]
        else:
            cause = "pair-not-in-gold"
        out.append(((gold_names[key[0]], key[1], gold_names[key[2]], key[3]), cause))
    return out


def entity_errors(gold_doc: Dict, result, scorer) -> Tuple[List[Tuple[Dict, str]], List[Tuple[Dict, str]]]:
    """Gold entities missed and predicted entities not in gold, each with its cause.

    Returns:
        ``(misses, false_positives)``: lists of ``(entity, cause)``; gold entities are the
        gold dicts, predicted ones the scorer's (``name``, ``type``, ``forms``).
    """
    pred_ents, _ = scorer.predicted(result)
    mapping = scorer.align(gold_doc["entities"], pred_ents)
    seen = {g for g in mapping.values() if g}
    forms = {g["id"]: {scorer.norm(a) for a in g.get("aliases", [])} | {scorer.norm(g["name"])}
             for g in gold_doc["entities"]}
    all_gold = set().union(*forms.values()) if forms else set()

    def overlaps(a: Iterable[str], b: Iterable[str]) -> bool:
        return any(len(x) > 3 and (x in y or y in x) for x in a for y in b)

    misses = []
    for g in gold_doc["entities"]:
        if g["id"] in seen:
            continue
        same_words = [p for p in pred_ents if p["forms"] & forms[g["id"]]]
        if same_words:
            misses.append((g, "typed-as-" + same_words[0]["type"]))
        elif any(overlaps(p["forms"], forms[g["id"]]) for p in pred_ents):
            misses.append((g, "span-differs"))
        else:
            misses.append((g, "not-found"))
    false_positives, claimed = [], set()
    for p in pred_ents:
        gid = mapping[p["id"]]
        if gid is not None and gid in claimed:
            false_positives.append((p, "duplicate"))  # a second node for one gold entity
            continue
        if gid is not None:
            claimed.add(gid)
            continue
        if p["forms"] & all_gold:
            false_positives.append((p, "gold-has-other-type"))
        elif overlaps(p["forms"], all_gold):
            false_positives.append((p, "span-differs"))
        else:
            false_positives.append((p, "not-in-gold"))
    return misses, false_positives


def causes(gold_docs: Iterable[Dict], extract: Callable, scorer) -> Dict[str, Counter]:
    """Counts of every cause over a set: ``relations`` by (type, cause), ``entity_misses``
    and ``entity_false_positives`` by (type, cause), ``relation_false_positives`` by
    (type, cause), ``examples`` (one line per miss) and ``fp_examples`` (one per false
    positive)."""
    rel, rel_fp, miss, fp = Counter(), Counter(), Counter(), Counter()
    examples: List[str] = []
    fp_examples: List[str] = []
    for doc in gold_docs:
        result = extract(doc["text"])
        names = {g["id"]: g["name"] for g in doc["entities"]}
        for r, cause in relation_misses(doc, result, scorer):
            rel[(r["relation"].upper(), cause)] += 1
            examples.append(f"{doc['id']} {r['relation'].upper()}{' (negated)' if r.get('negated') else ''} "
                            f"[{cause}] {names[r['subject']]} -> {names[r['object']]} :: {r.get('evidence')}")
        for (subj, pred, obj, neg), cause in relation_false_positives(doc, result, scorer):
            rel_fp[(pred, cause)] += 1
            fp_examples.append(f"{doc['id']} FP {pred}{' (negated)' if neg else ''} [{cause}] {subj} -> {obj}")
        ms, fps = entity_errors(doc, result, scorer)
        for g, cause in ms:
            miss[(g["type"].upper(), cause)] += 1
        for p, cause in fps:
            fp[(p["type"], cause)] += 1
    return {"relations": rel, "relation_false_positives": rel_fp, "entity_misses": miss,
            "entity_false_positives": fp, "examples": examples, "fp_examples": fp_examples}


def report(counts: Dict, *, examples: int = 0, only_type: str = "", false_positives: bool = False) -> str:
    """The counts as text: totals by cause, then per type; ``examples`` lines if asked
    (of false positives instead of misses with ``false_positives``)."""
    lines = []
    for part, title in (("relations", "relation misses"), ("relation_false_positives", "relation false positives")):
        rel = counts.get(part, Counter())
        by_cause = Counter()
        for (_, cause), n in rel.items():
            by_cause[cause] += n
        lines.append(f"{title}: {sum(rel.values())}")
        lines += [f"{n:5d}  {cause}" for cause, n in by_cause.most_common()]
        for typ in sorted({t for t, _ in rel}):
            row = sorted(((c, n) for (t, c), n in rel.items() if t == typ), key=lambda x: -x[1])
            lines.append(f"{typ}: " + ", ".join(f"{c} {n}" for c, n in row))
    for part in ("entity_misses", "entity_false_positives"):
        lines.append(f"{part.replace('_', ' ')}: {sum(counts[part].values())}")
        lines += [f"{n:5d}  {t} {c}" for (t, c), n in sorted(counts[part].items())]
    pool = counts.get("fp_examples", []) if false_positives else counts["examples"]
    shown = [e for e in pool if not only_type or f" {only_type.upper()}" in e][:examples]
    return "\n".join(lines + shown)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", action="append", required=True, help="gold JSONL file (repeatable)")
    ap.add_argument("--examples", type=int, default=0, help="print this many misses with their evidence")
    ap.add_argument("--type", default="", help="examples of this relation type only")
    ap.add_argument("--false-positives", action="store_true",
                    help="print examples of relation false positives instead of misses")
    args = ap.parse_args(argv)
    import relext

    scorer = load_scorer()
    docs = [json.loads(line) for g in args.gold for line in Path(g).read_text(encoding="utf-8").splitlines() if line.strip()]
    print(report(causes(docs, relext.extract, scorer), examples=args.examples, only_type=args.type,
                 false_positives=args.false_positives))
    return 0


if __name__ == "__main__":
    sys.exit(main())
