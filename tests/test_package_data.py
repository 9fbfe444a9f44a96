"""Every data file the package reads ships with it: each file under ``src/relext/data``
matches a ``[tool.setuptools.package-data]`` pattern of ``pyproject.toml``, so a wheel or
a non-editable install carries the word lists, lexicons and gazetteers the rules load."""
from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "relext"


def _patterns():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf8"))
    return config["tool"]["setuptools"]["package-data"]["relext"]


def _shipped(relative: str, patterns) -> bool:
    # setuptools' globs do not cross "/": "data/*.yaml" is not "data/words/x.yaml"
    return any(fnmatch.fnmatch(relative, p) and relative.count("/") == p.count("/") for p in patterns)


def test_every_data_file_matches_a_package_data_pattern():
    patterns = _patterns()
    files = [p.relative_to(PACKAGE).as_posix() for p in (PACKAGE / "data").rglob("*") if p.is_file()]
    assert files, "no data files found under src/relext/data"
    missing = [f for f in files if not _shipped(f, patterns) and "__pycache__" not in f]
    assert not missing, f"add a package-data pattern in pyproject.toml for: {missing}"


def test_a_file_in_a_new_subfolder_is_not_covered_by_the_top_level_pattern():
    assert not _shipped("data/words/example.yaml", ["data/*.yaml"])
    assert _shipped("data/words/example.yaml", ["data/*.yaml", "data/words/*.yaml"])


def test_read_data_builds_what_the_pure_python_safe_loader_builds():
    import yaml

    from relext.gazetteer import read_data

    for path in sorted((PACKAGE / "data").rglob("*.yaml")):
        name = path.relative_to(PACKAGE / "data").as_posix()
        assert read_data(name) == yaml.safe_load(path.read_text(encoding="utf8")), name
