"""Dump every extracted entity and relation, to prove a speed change left outputs unchanged.

    python bench/dump_outputs.py --out /tmp/before --gold A.jsonl --gold B.jsonl --bench 400
    (change the code)
    python bench/dump_outputs.py --out /tmp/after  --gold A.jsonl --gold B.jsonl --bench 400
    python bench/dump_outputs.py --compare /tmp/before /tmp/after

Each gold file's texts go through ``relext.extract`` (the scorer's path) with
``include_hypothetical=True``; ``--bench N`` documents of ``bench/corpus.generate(N,
seed=5)`` go through ``relext.extract_many`` (the batch path), also with hypothetical
relations. Every result is written as one line of ``Extraction.model_dump_json()``, so
every field (entity mentions, attributes, relation evidence, confidence, modality,
negation, source) takes part in the comparison. One file per input, named after it.

``--compare`` says only which files differ and at which line numbers, never their
content: the files of the check sets must not be read, only compared.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Iterable, List

HERE = Path(__file__).resolve().parent
# bench/profile.py would shadow the standard library's ``profile``: keep this folder last.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE] + [str(HERE)]


def gold_texts(path: Path) -> List[str]:
    """The ``text`` field of each line of a gold JSONL file, in order."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def dump_lines_extract(texts: Iterable[str]) -> List[str]:
    """One JSON line per text, from ``relext.extract`` with hypothetical relations kept."""
    import relext

    return [relext.extract(text, str(i), include_hypothetical=True).model_dump_json()
            for i, text in enumerate(texts)]


def dump_lines_many(texts: List[str]) -> List[str]:
    """One JSON line per text, from ``relext.extract_many`` with hypothetical relations kept."""
    import relext

    records = [{"id": str(i), "text": text} for i, text in enumerate(texts)]
    return [ex.model_dump_json() for ex in relext.extract_many(records, include_hypothetical=True)]


def write(out: Path, name: str, lines: List[str]) -> str:
    """Write ``lines`` to ``out/name.jsonl``; return their SHA-256."""
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    (out / f"{name}.jsonl").write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def compare(a: Path, b: Path) -> List[str]:
    """Differences between two dump folders, as lines naming file and line numbers only.

    Args:
        a: the folder of the first dump.
        b: the folder of the second dump.

    Returns:
        One message per differing or missing file; empty when every file is byte-identical.
    """
    out = []
    names = sorted({p.name for p in a.glob("*.jsonl")} | {p.name for p in b.glob("*.jsonl")})
    for name in names:
        pa, pb = a / name, b / name
        if not pa.exists() or not pb.exists():
            out.append(f"{name}: only in {'second' if not pa.exists() else 'first'} dump")
            continue
        la, lb = pa.read_bytes().split(b"\n"), pb.read_bytes().split(b"\n")
        if la == lb:
            continue
        rows = [i for i in range(max(len(la), len(lb))) if i >= len(la) or i >= len(lb) or la[i] != lb[i]]
        out.append(f"{name}: {len(rows)} differing line(s), line numbers {rows[:20]}")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, help="folder to write the dumps into")
    ap.add_argument("--gold", action="append", type=Path, default=[], help="gold JSONL file (repeatable)")
    ap.add_argument("--bench", type=int, default=0, help="also dump N generated benchmark documents")
    ap.add_argument("--seed", type=int, default=5, help="seed of the generated documents")
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"), help="compare two dump folders")
    args = ap.parse_args(argv)
    if args.compare:
        diffs = compare(*args.compare)
        n = len({p.name for p in args.compare[0].glob("*.jsonl")})
        print("\n".join(diffs) if diffs else f"all {n} files byte-identical")
        return 1 if diffs else 0
    if not args.out:
        ap.error("--out or --compare is required")
    args.out.mkdir(parents=True, exist_ok=True)
    for gold in args.gold:
        print(f"{gold.stem}: {write(args.out, gold.stem, dump_lines_extract(gold_texts(gold)))}")
    if args.bench:
        from corpus import generate

        texts = [doc["text"] if isinstance(doc, dict) else doc for doc in generate(args.bench, seed=args.seed)]
        print(f"bench{args.bench}: {write(args.out, f'bench{args.bench}', dump_lines_many(texts))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
