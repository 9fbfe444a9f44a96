"""Every code block of the README and of docs/*.md runs as written (issue 14.1).

Each page's blocks run in order, in one namespace per page, in a fresh directory
that holds a copy of the repository's ``data/`` folder (the pages are written for a
reader at the repository root, as after ``git clone``):

- ``python`` blocks are executed; a block written as a ``>>>`` session is run as a
  doctest, so its printed output must match;
- ``bash``/``console``/``sh`` blocks: each ``relext …`` command is run with the
  installed command-line tool and must exit 0;
- a block preceded by ``<!-- docs-test: file NAME -->`` is written to ``NAME`` (the
  page tells the reader to save it so), for the blocks after it;
- a block preceded by ``<!-- docs-test: skip: REASON -->`` is not run. For Python
  blocks the reason must be that the block needs a cluster or a browser; shell blocks
  that install software or run the benchmarks say so.

Blocks in other languages (``text`` output, ``yaml`` fragments) are not code to run.
"""
from __future__ import annotations

import doctest
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import List, NamedTuple, Optional

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted(p for p in (ROOT / "docs").rglob("*.md") if "_ext" not in p.parts)]
FENCE = re.compile(r"^```(\w*)\s*$")
MARKER = re.compile(r"^<!--\s*docs-test:\s*(skip|file)[:\s]\s*(.+?)\s*-->\s*$")
SHELL = {"bash", "console", "sh", "shell"}
PYTHON_SKIP_REASONS = ("cluster", "browser")


class Block(NamedTuple):
    lang: str
    code: str
    line: int
    marker: Optional[tuple]


def blocks(page: Path) -> List[Block]:
    """The fenced code blocks of a page, with the docs-test marker just above each."""
    out, lines = [], page.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        prev = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()), "")
        mk = MARKER.match(prev.strip())
        j = i + 1
        while j < len(lines) and not lines[j].startswith("```"):
            j += 1
        out.append(Block(m.group(1).lower(), "\n".join(lines[i + 1:j]) + "\n", i + 2,
                         (mk.group(1), mk.group(2)) if mk else None))
        i = j + 1
    return out


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES, ids=[p.relative_to(ROOT).as_posix() for p in PAGES])
def test_page_code_blocks_run_as_written(page, tmp_path, monkeypatch):
    page_blocks = blocks(page)
    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MPLBACKEND", "Agg")
    namespace = {"__name__": f"docs_{page.stem}"}
    ran = 0
    for block in page_blocks:
        where = f"{page.relative_to(ROOT)}:{block.line}"
        if block.marker and block.marker[0] == "file":
            Path(block.marker[1]).write_text(block.code, encoding="utf-8")
            continue
        if block.marker and block.marker[0] == "skip":
            if block.lang == "python":
                assert any(w in block.marker[1] for w in PYTHON_SKIP_REASONS), (
                    f"{where}: a Python block may be skipped only when it needs a cluster or a browser "
                    f"(reason given: {block.marker[1]!r})")
            continue
        if block.lang == "python":
            _run_python(block, namespace, where)
            ran += 1
        elif block.lang in SHELL:
            ran += _run_shell(block, where)
    name = page.relative_to(ROOT).as_posix()
    if name in ("README.md", "docs/quickstart.md", "docs/graph.md", "docs/neo4j.md"):
        assert ran, f"{name}: no block ran"


def _run_python(block: Block, namespace: dict, where: str) -> None:
    if block.code.lstrip().startswith(">>>"):
        test = doctest.DocTestParser().get_doctest(block.code, namespace, where, where, block.line)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        runner.run(test, clear_globs=False)
        assert runner.failures == 0, f"{where}: the >>> session's output differs (see the report above)"
        return
    try:
        exec(compile(block.code, where, "exec"), namespace)
    except Exception as err:  # name the block
        raise AssertionError(f"{where}: the block raised {type(err).__name__}: {err}") from err


def _run_shell(block: Block, where: str) -> int:
    ran = 0
    tool = Path(sys.executable).with_name("relext")
    for line in block.code.splitlines():
        line = line.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        words = shlex.split(line)
        assert words[0] == "relext", (
            f"{where}: '{words[0]}' is not the relext command; mark the block "
            f"<!-- docs-test: skip: REASON --> if it installs software or runs benchmarks")
        proc = subprocess.run([str(tool), *words[1:]], capture_output=True, text=True, timeout=600,
                              env={**os.environ, "PYTHONHASHSEED": "0"})
        assert proc.returncode == 0, f"{where}: `{line}` exited {proc.returncode}:\n{proc.stderr[-2000:]}"
        ran += 1
    return ran


def test_markers_are_well_formed():
    for page in PAGES:
        for block in blocks(page):
            if block.marker and block.marker[0] == "skip":
                assert len(block.marker[1]) > 10, f"{page.name}:{block.line}: say why the block is skipped"
