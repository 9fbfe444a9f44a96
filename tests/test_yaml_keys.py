"""No YAML file of the package's data or of the golden tests repeats a mapping key.

PyYAML keeps the last of two equal keys without a word, so a repeated key silently drops
data: a second ``absent:`` line under one golden case overwrites the first check, and a
rule family listed twice loses its first half. A merge that keeps both sides of a
conflict produces exactly this, so every YAML file is read here with a loader that refuses
repeated keys.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
YAML_FILES = sorted(
    list((ROOT / "src" / "relext" / "data").rglob("*.yaml")) + list((ROOT / "tests" / "data").glob("*.yaml"))
)


class _StrictLoader(yaml.SafeLoader):
    """A SafeLoader that raises on a mapping key seen twice in one mapping."""


def _strict_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False):
    seen = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, (list, dict)):
            continue
        if key in seen:
            raise yaml.constructor.ConstructorError(
                "while reading a mapping", node.start_mark,
                f"key {key!r} repeats the key on line {seen[key] + 1}", key_node.start_mark)
        seen[key] = key_node.start_mark.line
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _strict_mapping)


def test_the_strict_reader_refuses_a_repeated_key():
    text = "case:\n  text: One sentence.\n  absent: [a]\n  absent: [b]\n"
    with pytest.raises(yaml.constructor.ConstructorError, match="'absent' repeats the key on line 3"):
        yaml.load(text, Loader=_StrictLoader)


def test_the_strict_reader_reads_distinct_keys_as_safe_load_does():
    text = "a:\n  b: [1, 2]\n  c: {d: e}\nf: g\n"
    assert yaml.load(text, Loader=_StrictLoader) == yaml.safe_load(text)


def test_the_data_and_golden_files_are_found():
    names = {p.name for p in YAML_FILES}
    assert {"triggers.yaml", "cues.yaml", "golden_constructions.yaml"} <= names


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_yaml_file_repeats_a_mapping_key(path):
    yaml.load(path.read_text(encoding="utf8"), Loader=_StrictLoader)
