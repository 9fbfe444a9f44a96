"""The documentation site builds with ``mkdocs build --strict`` (no warnings), and the
catalogue page covers every entity and relation type relext knows."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


@pytest.mark.slow
def test_mkdocs_build_strict(tmp_path):
    pytest.importorskip("mkdocs", reason="install the docs extra: pip install -e '.[docs]'")
    pytest.importorskip("mkdocstrings", reason="install the docs extra: pip install -e '.[docs]'")
    site = tmp_path / "site"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    warnings = [line for line in proc.stderr.splitlines() if re.match(r"(WARNING|ERROR)\b", line)]
    assert proc.returncode == 0 and not warnings, "mkdocs build --strict failed:\n" + proc.stderr[-4000:]
    assert (site / "index.html").is_file()
    assert (site / "api" / "extract" / "index.html").is_file()


def test_api_pages_reference_existing_modules():
    import importlib

    for page in sorted((DOCS / "api").glob("*.md")):
        for module in re.findall(r"^::: ([\w.]+)", page.read_text(encoding="utf8"), re.M):
            mod = importlib.import_module(module)
            assert getattr(mod, "__file__", None), f"{page.name}: {module} is an empty folder, not a module"


def test_catalogue_page_lists_every_type():
    from relext.models import EntityType, Modality
    from relext.schema import load_catalogue

    page = (DOCS / "catalogue.md").read_text(encoding="utf8")
    missing = [name for name in [*load_catalogue(), *(t.value for t in EntityType), *(m.value for m in Modality)]
               if f"`{name}`" not in page]
    assert not missing, f"docs/catalogue.md does not describe: {missing}"
