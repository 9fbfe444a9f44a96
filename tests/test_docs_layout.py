"""The README's layout and ``docs/architecture.md`` name only paths that exist, and
the README's layout lists every module and package of ``src/relext``."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "relext"


def readme_layout() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Layout"):]
    return section[section.index("```") + 3:section.index("```", section.index("```") + 3)]


def layout_entries(block: str):
    """``(path relative to src/relext, or to the root for the last line)`` of each entry."""
    lines = block.strip("\n").splitlines()
    assert lines[0].strip() == "src/relext/"
    out = []
    for line in lines[1:]:
        if line.startswith("  ") and not line.startswith("    "):
            out.extend(SRC / name for name in re.findall(r"[\w]+(?:\.py|/)", line.split("  ")[1] + " ")
                       if line.split()[0] == name)
        elif not line.startswith(" "):
            out.extend(ROOT / name for name in line.split())
    return out


def test_every_path_in_the_readme_layout_exists():
    entries = layout_entries(readme_layout())
    assert len(entries) > 10
    missing = [str(p.relative_to(ROOT)) for p in entries if not p.exists()]
    assert not missing, f"README layout names paths that do not exist: {missing}"


def test_the_readme_layout_lists_every_module_and_package():
    named = {p.name for p in layout_entries(readme_layout())}
    public = {p.name for p in SRC.iterdir()
              if (p.suffix == ".py" and not p.name.startswith("_") and p.name != "about.py")
              or (p.is_dir() and (p / "__init__.py").exists()) or p.name == "data"}
    missing = sorted(public - named - {"errors.py", "extensions.py"})
    assert not missing, f"README layout does not list: {missing}"


def test_every_path_in_architecture_md_exists():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    paths = set(re.findall(r"`((?:src|tests|docs|scripts|bench)/[\w/.]*)`", text))
    assert len(paths) > 20
    missing = sorted(p for p in paths if not (ROOT / p).exists() and p != "scripts/")
    assert not missing, f"docs/architecture.md names paths that do not exist: {missing}"
    modules = re.findall(r"`([\w]+\.py)`", text)
    unknown = sorted({m for m in modules if not list(SRC.rglob(m)) and not list((ROOT / "tests").glob(m))})
    assert not unknown, f"docs/architecture.md names modules that do not exist: {unknown}"
