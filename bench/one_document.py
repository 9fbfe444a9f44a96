"""Memory and time for ONE long document through ``relext extract`` (issue: bounded memory).

Builds a single document of the requested size from the synthetic corpus of
``bench/corpus.py`` (articles joined by blank lines, as a long report or a book
would be), writes it as a ``.txt`` file and runs ``relext extract`` on it under
``/usr/bin/time -v``, printing the wall time, the CPU time (user + system: the
figure to compare on a busy machine) and the peak resident memory.

Usage::

    python bench/one_document.py 2          # a 2 MB document
    python bench/one_document.py 0.5 1 2    # several sizes: time should grow linearly

Needs GNU time (``/usr/bin/time``; Debian package ``time``).
"""
from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate  # noqa: E402


def make_document(megabytes: float) -> str:
    """One text of about ``megabytes`` MB (UTF-8), articles separated by blank lines."""
    target = int(megabytes * 1_000_000)
    parts, size = [], 0
    for rec in generate(10 ** 7, seed=1):
        parts.append(rec["text"])
        size += len(rec["text"].encode("utf-8")) + 2
        if size >= target:
            break
    return "\n\n".join(parts)


def measure(megabytes: float, extra_args=()) -> dict:
    """Run ``relext extract`` on one document of that size; return seconds and peak RSS (MB)."""
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp) / "long.txt"
        doc.write_text(make_document(megabytes), encoding="utf-8")
        cmd = ["/usr/bin/time", "-v", sys.executable, "-m", "relext.cli", "extract", str(doc),
               "-o", str(Path(tmp) / "g.graphml"), "--no-progress", *extra_args]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        err = proc.stderr
        rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1)) / 1024
        wall = re.search(r"Elapsed \(wall clock\) time.*: ([\d:.]+)", err).group(1)
        secs = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall.split(":"))))
        cpu = sum(float(re.search(rf"{kind} time \(seconds\): ([\d.]+)", err).group(1)) for kind in ("User", "System"))
        return {"megabytes": megabytes, "chars": len(doc.read_text(encoding="utf-8")), "seconds": round(secs, 1),
                "cpu_seconds": round(cpu, 1), "peak_rss_mb": round(rss), "exit": proc.returncode,
                "summary": [line for line in err.splitlines() if line.startswith(("Processed", "Graph"))]}


if __name__ == "__main__":
    for size in [float(a) for a in sys.argv[1:]] or [2.0]:
        print(measure(size), flush=True)
