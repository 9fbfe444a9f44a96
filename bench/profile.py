"""Where does relext's own time go? Component timings and a cProfile of extract_many.

    python bench/profile.py                 # 300 documents
    python bench/profile.py --docs 1000 --top 30 --save out/extract.prof

Prints:

1. wall time per pipeline component (spaCy's and relext's), measured component by
   component over the same documents without the profiler, plus the conversion of each
   Doc to an ``Extraction`` (``relext.extract_doc``);
2. a cProfile of ``relext.extract_many`` over the same documents: the share of time in
   relext's code vs spaCy/thinc vs pydantic, and the top relext functions by own time
   and by cumulative time.

Open the saved profile with ``python -m pstats out/extract.prof`` or snakeviz.
"""
from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path, and this file would shadow
# the standard library's ``profile`` module that cProfile imports. Move the folder last.
HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE] + [str(HERE)]

import argparse  # noqa: E402
import cProfile  # noqa: E402
import pstats  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402
from typing import Dict, List, Optional, Tuple  # noqa: E402

from corpus import describe_source, generate  # noqa: E402

RELEXT_DIR = str(Path(__file__).resolve().parents[1] / "src" / "relext")


def component_times(nlp, texts: List[str], batch_size: int) -> List[Tuple[str, float]]:
    """Wall time of the tokenizer, each component, and extract_doc, run stage by stage."""
    from relext.extraction import extract_doc

    out = []
    t = time.perf_counter()
    docs = [nlp.make_doc(text) for text in texts]
    out.append(("tokenizer", time.perf_counter() - t))
    for name, proc in nlp.pipeline:
        t = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=batch_size))
        else:
            docs = [proc(doc) for doc in docs]
        out.append((name, time.perf_counter() - t))
    t = time.perf_counter()
    for i, doc in enumerate(docs):
        extract_doc(doc, str(i))
    out.append(("extract_doc (Doc -> pydantic)", time.perf_counter() - t))
    return out


def _area(filename: str) -> str:
    """The top-level package a profiled function belongs to (``relext``, ``spacy``, ``thinc``...)."""
    if filename.startswith(RELEXT_DIR):
        return "relext"
    if filename.startswith("~") or filename.startswith("<"):
        return "builtins"
    parts = Path(filename).parts
    if "site-packages" in parts:  # .../site-packages/<package>/...
        parts = parts[parts.index("site-packages") + 1:]
    elif Path(filename).is_absolute():
        return "stdlib"
    top = parts[0] if parts else "?"  # Cython modules report relative paths: spacy/tokens/doc.pyx
    return top.split(".")[0].split("-")[0] if len(parts) > 1 else "other"


def profile_extract(nlp, records: List[Dict[str, str]], batch_size: int, save: Optional[str]) -> pstats.Stats:
    import relext

    prof = cProfile.Profile()
    prof.enable()
    for _ in relext.extract_many(records, nlp=nlp, batch_size=batch_size):
        pass
    prof.disable()
    if save:
        Path(save).parent.mkdir(parents=True, exist_ok=True)
        prof.dump_stats(save)
    return pstats.Stats(prof)


def short(func: Tuple[str, int, str]) -> str:
    filename, line, name = func
    if filename.startswith(RELEXT_DIR):
        filename = "relext" + filename[len(RELEXT_DIR):]
    return f"{filename}:{line} {name}"


def main(argv: Optional[List[str]] = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--docs", type=int, default=300)
    p.add_argument("--top", type=int, default=20)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--save", help="write the raw cProfile data here")
    args = p.parse_args(argv)

    import relext

    nlp = relext.load()
    records = list(generate(args.docs, seed=5))
    texts = [r["text"] for r in records]
    for _ in relext.extract_many(records[:30], nlp=nlp):  # warm-up: lazy tables, caches
        pass
    print(f"corpus: {describe_source()}; {args.docs} docs, "
          f"{sum(len(t.split()) for t in texts):,} whitespace words\n")

    print("1. wall time per component (no profiler)")
    times = component_times(nlp, texts, args.batch_size)
    total = sum(t for _, t in times)
    relext_total = sum(t for name, t in times if name.startswith("relext") or name.startswith("extract_doc"))
    for name, t in times:
        tag = "relext" if name.startswith("relext") or name.startswith("extract_doc") else "spaCy"
        print(f"   {name:<32} {tag:<7} {t * 1000:9.1f} ms  {100 * t / total:5.1f}%  "
              f"{1000 * t / args.docs:6.3f} ms/doc")
    print(f"   {'total':<32} {'':<7} {total * 1000:9.1f} ms; relext's share {100 * relext_total / total:.1f}% "
          f"(the ratio bound: bare/relext <= {1 - relext_total / total:.3f})\n")

    stats = profile_extract(nlp, records, args.batch_size, args.save)
    raw = stats.stats  # type: ignore[attr-defined]
    by_area: Dict[str, float] = defaultdict(float)
    for func, (_cc, _nc, tt, _ct, _callers) in raw.items():
        by_area[_area(func[0])] += tt
    prof_total = sum(by_area.values())
    print(f"2. cProfile of extract_many ({prof_total:.2f} s of own time under the profiler)")
    print("   own time by package: " + ", ".join(
        f"{k} {100 * v / prof_total:.1f}%" for k, v in sorted(by_area.items(), key=lambda kv: -kv[1])))
    relext_funcs = [(func, v) for func, v in raw.items() if _area(func[0]) == "relext"]
    print(f"\n   top {args.top} relext functions by own time (tottime)")
    print(f"   {'own ms':>9} {'cum ms':>9} {'calls':>9}  function")
    for func, (cc, nc, tt, ct, _callers) in sorted(relext_funcs, key=lambda kv: -kv[1][2])[:args.top]:
        print(f"   {tt * 1000:9.1f} {ct * 1000:9.1f} {nc:9d}  {short(func)}")
    print(f"\n   top {args.top} relext functions by cumulative time")
    print(f"   {'cum ms':>9} {'own ms':>9} {'calls':>9}  function")
    for func, (cc, nc, tt, ct, _callers) in sorted(relext_funcs, key=lambda kv: -kv[1][3])[:args.top]:
        print(f"   {ct * 1000:9.1f} {tt * 1000:9.1f} {nc:9d}  {short(func)}")
    other = [(func, v) for func, v in raw.items() if _area(func[0]) != "relext"]
    print(f"\n   top 10 non-relext functions by own time")
    for func, (cc, nc, tt, ct, _callers) in sorted(other, key=lambda kv: -kv[1][2])[:10]:
        print(f"   {tt * 1000:9.1f} {ct * 1000:9.1f} {nc:9d}  {short(func)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
