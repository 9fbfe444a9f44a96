"""The documentation site builds with ``mkdocs build --strict`` (no warnings), and the
catalogue page covers every entity and relation type relext knows."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


# Sphinx roles (:func:`x`) are not Google style: mkdocstrings prints them raw.
# In the HTML the role's backticks have become <code>; the search index keeps plain text.
RAW_ROLE = re.compile(r":(?:py:)?(?:func|class|meth|mod|attr|data|exc|obj|const):(?=[`<\s\w~])")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    pytest.importorskip("mkdocs", reason="install the docs extra: pip install -e '.[docs]'")
    pytest.importorskip("mkdocstrings", reason="install the docs extra: pip install -e '.[docs]'")
    site = tmp_path_factory.mktemp("site")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    return site, proc


@pytest.mark.slow
def test_mkdocs_build_strict(site):
    site, proc = site
    warnings = [line for line in proc.stderr.splitlines() if re.match(r"(WARNING|ERROR)\b", line)]
    assert proc.returncode == 0 and not warnings, "mkdocs build --strict failed:\n" + proc.stderr[-4000:]
    assert (site / "index.html").is_file()
    assert (site / "api" / "extract" / "index.html").is_file()


def _raw_roles(site) -> dict:
    """Page location -> raw roles found in its HTML and in its search-index entries."""
    found = {}
    for page in site.rglob("*.html"):
        hits = RAW_ROLE.findall(page.read_text(encoding="utf-8"))
        if hits:
            found.setdefault(page.parent.relative_to(site).as_posix() + "/", []).extend(hits)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        hits = RAW_ROLE.findall(doc.get("text", "") + doc.get("title", ""))
        if hits:
            found.setdefault(doc["location"].split("#")[0], []).extend(hits)
    return found


@pytest.mark.slow
def test_built_site_has_no_raw_sphinx_roles(site):
    site, proc = site
    assert proc.returncode == 0, proc.stderr[-2000:]
    found = {page: hits for page, hits in _raw_roles(site).items()}
    assert not found, f"docstrings with Sphinx roles that render raw (write them Google style): {found}"


@pytest.mark.slow
def test_wide_tables_wrap_instead_of_being_cut_off(site):
    site, _ = site
    page = (site / "catalogue" / "index.html").read_text(encoding="utf-8")
    assert "css/tables.css" in page
    css = (site / "css" / "tables.css").read_text(encoding="utf-8")
    assert "white-space: normal" in css


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
