"""relext speed and memory benchmark: one command, one table of figures against targets.

    python bench/run.py                       # default run, about 10-15 minutes on 2 cores
    python bench/run.py --quick               # smaller sizes, under 2 minutes
    python bench/run.py --docs 1000,10000 --json out/bench.json

What it measures, on documents from ``bench/corpus.py`` (the same texts for every
compared pair):

1. ``import relext`` in a fresh interpreter (median of several runs);
2. words/s and docs/s of the bare spaCy model (``relext.resolve_model()`` through
   ``nlp.pipe``) against ``relext.extract_many``, and against the whole batch path
   (extract + ``relext.graph.build_graph`` + ``relext.export.write_graphml``), in one
   process, interleaved, best of ``--repeats``;
3. ``extract_many(n_process=2)`` against ``n_process=1``, and (for information) the Dask
   adapter on a 2-worker ``LocalCluster``;
4. streaming ``extract_many`` over 1k/10k/50k documents, each size in a fresh subprocess:
   time per document and peak RSS (``resource.getrusage(...).ru_maxrss``), which should
   both stay flat as the stream grows.

It is not part of the unit tests. Nothing here reads the evaluation data.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List, Optional

HERE = Path(__file__).resolve().parent
# bench/profile.py would shadow the standard library's ``profile`` (which cProfile, and so
# dask.distributed, import) while this folder is first on sys.path: move it last.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE] + [str(HERE)]

from corpus import describe_source, generate  # noqa: E402

TARGETS = {
    "extract_ratio": 0.85,     # relext.extract_many docs/s >= 0.85 x bare model
    "batch_ratio": 0.75,       # extract + graph + GraphML >= 0.75 x bare model
    "mp_speedup": 1.6,         # n_process=2 >= 1.6 x n_process=1
    "import_s": 0.5,           # import relext < 0.5 s
    "flat_time": 1.15,         # time/doc at the largest size <= 1.15 x the smallest
    "flat_rss_mb": 64.0,       # peak RSS at the largest size <= smallest + 64 MB
}


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def maxrss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KiB)."""
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024


def current_rss_mb() -> float:
    """Resident set size right now, in MB (Linux /proc; falls back to psutil, else 0)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        try:
            import psutil

            return psutil.Process().memory_info().rss / 2**20
        except ImportError:
            return 0.0


# -- 1. import time ------------------------------------------------------------------------

def measure_import(runs: int) -> Dict[str, Any]:
    code = ("import time; t = time.perf_counter(); import {mod}; "
            "print(time.perf_counter() - t)")
    out: Dict[str, Any] = {}
    for label, mod in (("import_s", "relext"), ("import_extract_s", "relext.extraction")):
        times = []
        for _ in range(runs):
            res = subprocess.run([sys.executable, "-c", code.format(mod=mod)], capture_output=True, text=True,
                                 check=True)
            times.append(float(res.stdout.strip().splitlines()[-1]))
        out[label] = statistics.median(times)
    return out


# -- 2. throughput: bare model vs relext vs batch path -------------------------------------

def run_bare(nlp, texts: List[str], batch_size: int) -> int:
    words = 0
    for doc in nlp.pipe(texts, batch_size=batch_size):
        words += len(doc)
    return words


def run_extract(nlp, records: List[Dict[str, str]], batch_size: int, n_process: int = 1) -> int:
    import relext

    n = 0
    for _ in relext.extract_many(records, nlp=nlp, batch_size=batch_size, n_process=n_process):
        n += 1
    return n


def run_batch(nlp, records: List[Dict[str, str]], batch_size: int, out_path: str) -> int:
    import relext
    from relext.export import write_graphml
    from relext.graph import build_graph

    graph = build_graph(relext.extract_many(records, nlp=nlp, batch_size=batch_size))
    write_graphml(graph, out_path)
    return graph.number_of_edges()


def timed(fn, *args) -> tuple:
    gc.collect()
    t = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - t, result


def _batch_available() -> Optional[str]:
    try:
        from relext.export import write_graphml  # noqa: F401
        from relext.graph import build_graph  # noqa: F401
    except ImportError as err:
        return f"{type(err).__name__}: {err}"
    return None


def measure_throughput(n_docs: int, repeats: int, batch_size: int) -> Dict[str, Any]:
    import relext
    from relext.loading import resolve_model

    batch_error = _batch_available()
    if batch_error:
        log(f"throughput: batch path skipped ({batch_error})")

    records = list(generate(n_docs, seed=1))
    texts = [r["text"] for r in records]
    bare = resolve_model()
    nlp = relext.load()
    log(f"throughput: {n_docs} docs, pipelines {bare.pipe_names} / {nlp.pipe_names}")
    run_bare(bare, texts[:50], batch_size)  # warm-up
    run_extract(nlp, records[:50], batch_size)
    best = {"bare": float("inf"), "extract": float("inf"), "batch": float("inf")}
    words = 0
    edges = 0
    with tempfile.TemporaryDirectory() as tmp:
        out_path = os.path.join(tmp, "bench.graphml")
        for r in range(repeats):
            t, words = timed(run_bare, bare, texts, batch_size)
            best["bare"] = min(best["bare"], t)
            t, _ = timed(run_extract, nlp, records, batch_size)
            best["extract"] = min(best["extract"], t)
            if not batch_error:
                t, edges = timed(run_batch, nlp, records, batch_size, out_path)
                best["batch"] = min(best["batch"], t)
            log(f"  repeat {r + 1}/{repeats}: best so far " + ", ".join(f"{k} {v:.1f}s" for k, v in best.items()))
        graphml_mb = os.path.getsize(out_path) / 1e6 if not batch_error else 0.0
    out = {"docs": n_docs, "words": words, "edges": edges, "graphml_mb": graphml_mb, "batch_error": batch_error}
    if batch_error:
        del best["batch"]
    for k, t in best.items():
        out[f"{k}_s"] = t
        out[f"{k}_docs_s"] = n_docs / t
        out[f"{k}_words_s"] = words / t
    out["extract_ratio"] = best["bare"] / best["extract"]
    if not batch_error:
        out["batch_ratio"] = best["bare"] / best["batch"]
    return out


# -- 3. parallelism ----------------------------------------------------------------------------

def measure_parallel(n_docs: int, batch_size: int, dask: bool) -> Dict[str, Any]:
    import relext

    records = list(generate(n_docs, seed=2))
    nlp = relext.load()
    run_extract(nlp, records[:50], batch_size)
    t1, _ = timed(run_extract, nlp, records, batch_size, 1)
    log(f"parallel: n_process=1 {t1:.1f}s")
    c0, k0 = cpu_s(resource.RUSAGE_SELF), cpu_s(resource.RUSAGE_CHILDREN)
    t2, _ = timed(run_extract, nlp, records, batch_size, 2)
    parent_cpu, children_cpu = cpu_s(resource.RUSAGE_SELF) - c0, cpu_s(resource.RUSAGE_CHILDREN) - k0
    log(f"parallel: n_process=2 {t2:.1f}s (CPU: parent {parent_cpu:.1f}s, workers {children_cpu:.1f}s)")
    out: Dict[str, Any] = {"docs": n_docs, "np1_s": t1, "np2_s": t2, "mp_speedup": t1 / t2,
                           "np2_parent_cpu_s": parent_cpu, "np2_children_cpu_s": children_cpu}
    if dask:
        try:
            out.update(measure_dask(records, batch_size, t1))
        except Exception as err:  # report, do not abort the whole benchmark
            log(f"dask: failed: {type(err).__name__}: {err}")
            out["dask_error"] = f"{type(err).__name__}: {err}"
    return out


def cpu_s(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def measure_dask(records: List[Dict[str, str]], batch_size: int, t_single: float) -> Dict[str, Any]:
    from distributed import Client, LocalCluster

    from relext.distributed.dask import extract_on_dask

    t = time.perf_counter()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        t_start = time.perf_counter() - t
        t = time.perf_counter()
        for _ in extract_on_dask(records[:100], scheduler=client, partition_size=50, batch_size=batch_size):
            pass  # loads the model on both workers
        t_warm = time.perf_counter() - t
        partition = max(50, len(records) // 16)
        t = time.perf_counter()
        n = sum(1 for _ in extract_on_dask(records, scheduler=client, partition_size=partition,
                                           batch_size=batch_size))
        t_run = time.perf_counter() - t
    assert n == len(records)
    log(f"dask: cluster start {t_start:.1f}s, model load/warm-up {t_warm:.1f}s, run {t_run:.1f}s")
    return {"dask_start_s": t_start, "dask_warm_s": t_warm, "dask_s": t_run, "dask_speedup": t_single / t_run,
            "dask_partition": partition}


# -- 4. streaming: time per doc and peak RSS per size, each in a fresh process --------------

def stream_child(n_docs: int, batch_size: int) -> Dict[str, Any]:
    """Run in a fresh interpreter: stream n_docs through extract_many into a JSONL sink."""
    import relext

    nlp = relext.load()
    for _ in relext.extract_many(generate(20, seed=99), nlp=nlp):
        pass
    rss_loaded = maxrss_mb()
    rss_start = current_rss_mb()
    strings_before = len(nlp.vocab.strings)
    tenth = max(1, n_docs // 10)
    marks = []
    rss_samples = []
    t0 = time.perf_counter()
    with open(os.devnull, "w") as sink:
        for i, ex in enumerate(relext.extract_many(generate(n_docs, seed=3), nlp=nlp, batch_size=batch_size)):
            sink.write(ex.model_dump_json())
            sink.write("\n")
            if (i + 1) % tenth == 0:
                marks.append(time.perf_counter())
                rss_samples.append(current_rss_mb())
    total = time.perf_counter() - t0
    first = marks[0] - t0 if marks else total
    last = (marks[-1] - marks[-2]) if len(marks) >= 2 else total
    return {"docs": n_docs, "s": total, "ms_per_doc": 1000 * total / n_docs,
            "first_tenth_ms": 1000 * first / tenth, "last_tenth_ms": 1000 * last / tenth,
            "rss_loaded_mb": rss_loaded, "rss_peak_mb": maxrss_mb(),
            "rss_start_mb": rss_start, "rss_end_mb": current_rss_mb(), "rss_samples_mb": rss_samples,
            "strings_growth": len(nlp.vocab.strings) - strings_before}


def measure_streaming(sizes: List[int], batch_size: int) -> List[Dict[str, Any]]:
    rows = []
    for n in sizes:
        t = time.perf_counter()
        res = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--_stream-child", str(n),
                              "--batch-size", str(batch_size)], capture_output=True, text=True)
        if res.returncode != 0:
            raise RuntimeError(f"streaming child for {n} docs failed:\n{res.stderr[-3000:]}")
        row = json.loads(res.stdout.strip().splitlines()[-1])
        rows.append(row)
        log(f"streaming {n} docs: {row['ms_per_doc']:.2f} ms/doc, peak RSS {row['rss_peak_mb']:.0f} MB "
            f"({time.perf_counter() - t:.0f}s wall)")
    return rows


# -- report ----------------------------------------------------------------------------------

def verdict(ok: Optional[bool]) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "MISS")


def report(results: Dict[str, Any]) -> str:
    lines: List[str] = []
    env = results["env"]
    lines.append(f"relext benchmark - {env['when']}")
    lines.append(f"machine: {env['cpus']} CPUs, {env['platform']}; Python {env['python']}; spaCy {env['spacy']}; "
                 f"model {env['model']}")
    lines.append(f"corpus: {env['corpus']}")
    lines.append(f"load average (1 min) at start {env['load_start']:.2f}, at end {results.get('load_end', 0):.2f} "
                 f"(other processes on the machine skew timings; n_process needs idle cores)")
    lines.append("")
    rows = []  # (measure, value, target, verdict)
    imp = results.get("import")
    if imp:
        rows.append(("import relext (fresh interpreter, median)", f"{imp['import_s']:.3f} s",
                     f"< {TARGETS['import_s']} s", verdict(imp["import_s"] < TARGETS["import_s"])))
        rows.append(("  import relext.extraction (pulls in spaCy), info", f"{imp['import_extract_s']:.3f} s", "", ""))
    tp = results.get("throughput")
    if tp:
        for key, label in (("bare", "bare model (nlp.pipe)"), ("extract", "relext.extract_many"),
                           ("batch", "extract + build_graph + write_graphml")):
            if key + "_s" not in tp:
                continue
            rows.append((f"{label}, {tp['docs']} docs", f"{tp[key + '_words_s']:,.0f} words/s  "
                         f"{tp[key + '_docs_s']:,.1f} docs/s", "", ""))
        rows.append(("extract_many / bare (docs/s)", f"{tp['extract_ratio']:.3f}", f">= {TARGETS['extract_ratio']}",
                     verdict(tp["extract_ratio"] >= TARGETS["extract_ratio"])))
        if "batch_ratio" in tp:
            rows.append(("batch path / bare (docs/s)", f"{tp['batch_ratio']:.3f}", f">= {TARGETS['batch_ratio']}",
                         verdict(tp["batch_ratio"] >= TARGETS["batch_ratio"])))
        else:
            rows.append(("batch path / bare (docs/s)", "not measured: " + (tp["batch_error"] or "")[:50],
                         f">= {TARGETS['batch_ratio']}", verdict(None)))
    par = results.get("parallel")
    if par:
        rows.append((f"n_process=2 vs 1, {par['docs']} docs", f"{par['mp_speedup']:.2f}x  "
                     f"({par['np1_s']:.1f}s -> {par['np2_s']:.1f}s)", f">= {TARGETS['mp_speedup']}x",
                     verdict(par["mp_speedup"] >= TARGETS["mp_speedup"])))
        rows.append(("  CPU during n_process=2: parent / workers / n_process=1 wall, info",
                     f"{par['np2_parent_cpu_s']:.1f}s / {par['np2_children_cpu_s']:.1f}s / {par['np1_s']:.1f}s",
                     "", ""))
        if "dask_speedup" in par:
            rows.append(("  Dask LocalCluster 2 workers vs n_process=1, info",
                         f"{par['dask_speedup']:.2f}x  ({par['dask_s']:.1f}s; +{par['dask_start_s']:.1f}s start, "
                         f"+{par['dask_warm_s']:.1f}s model load)", "", ""))
        elif "dask_error" in par:
            rows.append(("  Dask LocalCluster, info", par["dask_error"][:60], "", ""))
    st = results.get("streaming")
    if st:
        for row in st:
            rows.append((f"streaming {row['docs']:>6} docs", f"{row['ms_per_doc']:.2f} ms/doc  peak RSS "
                         f"{row['rss_peak_mb']:.0f} MB; RSS {row['rss_start_mb']:.0f} -> {row['rss_end_mb']:.0f} MB",
                         "", ""))
        if len(st) >= 2:
            small, big = st[0], st[-1]
            t_ratio = big["ms_per_doc"] / small["ms_per_doc"]
            rss_delta = big["rss_peak_mb"] - small["rss_peak_mb"]
            rows.append((f"time/doc {big['docs']} vs {small['docs']} docs", f"{t_ratio:.3f}x",
                         f"<= {TARGETS['flat_time']}x", verdict(t_ratio <= TARGETS["flat_time"])))
            rows.append((f"peak RSS {big['docs']} vs {small['docs']} docs", f"{rss_delta:+.0f} MB",
                         f"<= +{TARGETS['flat_rss_mb']:.0f} MB", verdict(rss_delta <= TARGETS["flat_rss_mb"])))
            samples = big["rss_samples_mb"] or [big["rss_start_mb"], big["rss_end_mb"]]
            k = max(1, len(samples) * 3 // 10)
            growth = statistics.mean(samples[-k:]) - statistics.mean(samples[:k])
            rows.append((f"RSS drift in the {big['docs']}-doc run (last vs first 30%)", f"{growth:+.1f} MB",
                         f"<= +{TARGETS['flat_rss_mb']:.0f} MB", verdict(growth <= TARGETS["flat_rss_mb"])))
            rows.append((f"  within the {big['docs']}-doc run: last vs first tenth, info",
                         f"{big['last_tenth_ms'] / big['first_tenth_ms']:.3f}x; "
                         f"+{big['strings_growth']:,} strings in the vocab", "", ""))
    w = [max(len(r[i]) for r in rows + [("measure", "value", "target", "result")]) for i in range(4)]
    fmt = f"{{:<{w[0]}}} | {{:<{w[1]}}} | {{:<{w[2]}}} | {{}}"
    lines.append(fmt.format("measure", "value", "target", "result"))
    lines.append("-" * (sum(w) + 9))
    lines.extend(fmt.format(*r) for r in rows)
    lines.append("")
    lines.append(f"total wall time: {results['wall_s']:.0f} s")
    return "\n".join(lines)


def environment() -> Dict[str, Any]:
    import spacy

    from relext.loading import resolve_model

    nlp = resolve_model()
    return {"when": time.strftime("%Y-%m-%d %H:%M"), "cpus": os.cpu_count(), "platform": platform.platform(),
            "python": platform.python_version(), "spacy": spacy.__version__,
            "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}",
            "corpus": describe_source(), "load_start": os.getloadavg()[0]}


def main(argv: Optional[List[str]] = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--docs", help="streaming sizes, comma-separated (default 1000,10000,50000; quick 500,2000)")
    p.add_argument("--quick", action="store_true", help="small sizes: under 2 minutes")
    p.add_argument("--compare-docs", type=int, help="documents for bare vs relext (default 1500; quick 300)")
    p.add_argument("--parallel-docs", type=int, help="documents for n_process 1 vs 2 (default 2500; quick 600)")
    p.add_argument("--repeats", type=int, help="best-of repeats for bare vs relext (default 2; quick 1)")
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--no-dask", action="store_true", help="skip the Dask LocalCluster row")
    p.add_argument("--only", help="comma-separated sections: import,throughput,parallel,streaming")
    p.add_argument("--json", help="also write the raw figures to this file")
    p.add_argument("--_stream-child", type=int, help=argparse.SUPPRESS)
    args = p.parse_args(argv)

    if args._stream_child:
        print(json.dumps(stream_child(args._stream_child, args.batch_size)))
        return 0

    quick = args.quick
    sizes = [int(s) for s in args.docs.split(",")] if args.docs else ([500, 2000] if quick else [1000, 10000, 50000])
    sections = set(args.only.split(",")) if args.only else {"import", "throughput", "parallel", "streaming"}
    t0 = time.perf_counter()
    results: Dict[str, Any] = {"env": environment(), "targets": TARGETS}
    if "import" in sections:
        results["import"] = measure_import(3 if quick else 7)
        log(f"import relext: {results['import']['import_s']:.3f}s")
    if "throughput" in sections:
        results["throughput"] = measure_throughput(args.compare_docs or (300 if quick else 1500),
                                                   args.repeats or (1 if quick else 2), args.batch_size)
    if "parallel" in sections:
        results["parallel"] = measure_parallel(args.parallel_docs or (600 if quick else 2500), args.batch_size,
                                               dask=not args.no_dask)
    if "streaming" in sections:
        results["streaming"] = measure_streaming(sizes, args.batch_size)
    results["wall_s"] = time.perf_counter() - t0
    results["load_end"] = os.getloadavg()[0]
    table = report(results)
    print(table)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps({**results, "table": table}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
