"""scripts/check_echoes.py: project lines that share a run of words with an evaluation set."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("check_echoes", ROOT / "scripts" / "check_echoes.py")
check_echoes = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_echoes)

# Lines of the project that share six words with a set: only official names of bodies (in
# organisations.yaml, places_wordnet.yaml and the organisation-shape tests, e.g. "African
# Union Peace and Security Council"), which are names, not copied sentences. Never raise it.
ECHO_CEILING = 16


def _set(tmp_path: Path, *texts: str) -> Path:
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps({"id": str(i), "text": t}) for i, t in enumerate(texts)), encoding="utf-8")
    return path


def test_words_ignore_case_and_punctuation():
    assert check_echoes.words("Kenya's President, William RUTO!") == ["kenya", "s", "president", "william", "ruto"]


def test_a_line_sharing_a_run_of_words_with_a_passage_is_an_echo(tmp_path):
    grams = check_echoes.shingles([_set(tmp_path, "The prime minister flew to Nairobi for the trade talks on Monday.")], 6)
    (tmp_path / "a.yaml").write_text('text: "Officials said the prime minister flew to Nairobi for the talks."\n'
                                     'text: "The president flew to Accra for talks."\n', encoding="utf-8")
    found = list(check_echoes.echoes(["a.yaml"], grams, 6, root=tmp_path))
    assert [(f, n, s) for f, n, s, _, _ in found] == [("a.yaml", 1, "set.jsonl")]
    assert found[0][3] == "the prime minister flew to nairobi"


def test_a_shorter_shared_run_than_asked_is_no_echo(tmp_path):
    grams = check_echoes.shingles([_set(tmp_path, "The prime minister flew to Nairobi on Monday.")], 6)
    (tmp_path / "b.md").write_text("Then the prime minister flew home.\n", encoding="utf-8")
    assert list(check_echoes.echoes(["b.md"], grams, 6, root=tmp_path)) == []


def test_broken_lines_of_a_set_are_skipped(tmp_path):
    path = tmp_path / "set.jsonl"
    path.write_text('{"text": "one two three four five six"}\nnot json\n', encoding="utf-8")
    assert list(check_echoes.shingles([path], 6)) == [("one", "two", "three", "four", "five", "six")]


@pytest.mark.skipif(not (ROOT.parent / "shared" / "eval" / "dev.jsonl").exists(),
                    reason="needs ../shared/eval beside the project")
def test_the_project_echoes_the_evaluation_sets_no_more_than_its_ceiling():
    files = check_echoes.project_files()
    grams = check_echoes.shingles(check_echoes.evaluation_sets(), 6)
    found = list(check_echoes.echoes(files, grams, 6))
    assert len(found) <= ECHO_CEILING, "\n".join(f"{f}:{n}: {line[:120]}" for f, n, _, _, line in found[:40])
