"""No import circle in ``src/relext``: the arrows go one way, as the data flows.

The test reads every module with :mod:`ast` (nothing is imported), resolves relative
imports, counts imports at the top of a module *and* inside functions (a lazy import
is still an arrow a reader has to follow), and fails on any cycle, naming it.

``from . import x`` inside a package counts as an import of the submodule ``x`` when
there is one, else of the package. Importing ``relext.io.chunking`` also counts as
importing ``relext.io`` (Python runs the package's ``__init__`` first), except from
inside that package (re-exports from submodules would otherwise make every package
a circle).
"""
from __future__ import annotations

import ast
from pathlib import Path
from typing import Dict, List, Set

import networkx as nx

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "relext"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def all_modules() -> Dict[str, Path]:
    return {module_name(p): p for p in sorted((SRC / PACKAGE).rglob("*.py"))}


def _resolve(module: str, is_package: bool, level: int, target: str) -> str:
    base = module.split(".") if is_package else module.split(".")[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join(base + ([target] if target else []))


def imports_of(name: str, path: Path, modules: Dict[str, Path]) -> Set[str]:
    """Every relext module ``name`` imports (top level and in functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    found: Set[str] = set()

    def add(target: str) -> None:
        while target and target not in modules:  # an attribute import: relext.x.y where y is a name
            target = target.rpartition(".")[0]
        if target and target != name:
            found.add(target)

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == PACKAGE:
                    add(alias.name)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(name, is_package, node.level, node.module or "") if node.level else (node.module or "")
            if base.split(".")[0] != PACKAGE:
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                add(sub if sub in modules else base)
    # importing relext.io.chunking runs relext.io's __init__ first: an arrow to it too
    for target in list(found):
        parts = target.split(".")
        found.update(".".join(parts[:i]) for i in range(2, len(parts)) if ".".join(parts[:i]) in modules)
    # ... but a submodule does not "import" the package it lives in
    return {t for t in found if not name.startswith(t + ".") and t != name}


def import_graph() -> nx.DiGraph:
    modules = all_modules()
    G = nx.DiGraph()
    G.add_nodes_from(modules)
    for name, path in modules.items():
        for target in imports_of(name, path, modules):
            G.add_edge(name, target)
    return G


def test_the_walker_sees_relative_and_function_level_imports():
    G = import_graph()
    assert G.has_edge("relext.batch.run", "relext.batch.stages")  # top-level, relative
    assert G.has_edge("relext.batch.run", "relext.loading")  # inside a function, two dots
    assert G.has_edge("relext.extraction", "relext.loading")  # inside a function
    assert G.has_edge("relext.batch.collect", "relext.graph")  # `from ..graph import build_graph`
    assert G.has_edge("relext.extraction", "relext.io")  # the package of relext.io.chunking


def test_the_walker_finds_a_cycle(tmp_path, monkeypatch):
    pkg = tmp_path / PACKAGE
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from .b import x\n")
    (pkg / "b.py").write_text("def f():\n    from . import a\n")
    monkeypatch.setattr(__import__(__name__), "SRC", tmp_path)
    cycles = list(nx.simple_cycles(import_graph()))
    assert sorted(map(sorted, cycles)) == [["relext.a", "relext.b"]]


def test_no_import_cycle_in_relext():
    cycles: List[List[str]] = sorted(nx.simple_cycles(import_graph()), key=lambda c: (len(c), c))
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c + c[:1]) for c in cycles[:10])
