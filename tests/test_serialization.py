"""Saving and loading pipelines with relext's components and user patterns."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
import spacy

import relext
from relext.errors import PatternFileError

CUSTOM = textwrap.dedent("""\
    - relation_type: SIGNS_AGREEMENT_WITH
      subject_types: [COUNTRY, ORGANISATION]
      object_types: [COUNTRY, ORGANISATION]
      symmetric: true
      description: the two sign an agreement, treaty or deal
    - {relation: SIGNS_AGREEMENT_WITH, lemma: sign, pos: VERB, object: ["prep:with"]}
    - {relation: SIGNS_AGREEMENT_WITH, lemma: agreement, pos: NOUN, object: ["prep:with", "prep:between", pair]}
    - {name: Mercosur, type: ORGANISATION, aliases: [Mercosur, Southern Common Market]}
    """)
TEXT = "Mercosur signed a free trade accord with Singapore on Friday."


@pytest.fixture(scope="module")
def custom_nlp(tmp_path_factory):
    path = tmp_path_factory.mktemp("patterns") / "custom.yaml"
    path.write_text(CUSTOM, encoding="utf8")
    return relext.load(cache=False, patterns=path)


def _triples(ex):
    return set(ex.iter_triples())


def test_patterns_add_custom_relation_type(custom_nlp):
    got = _triples(relext.extract(TEXT, nlp=custom_nlp))
    assert ("Singapore", "SIGNS_AGREEMENT_WITH", "Mercosur", False) in got or \
        ("Mercosur", "SIGNS_AGREEMENT_WITH", "Singapore", False) in got


def test_serialization_to_disk_and_spacy_load_in_fresh_process(custom_nlp, tmp_path):
    custom_nlp.to_disk(tmp_path / "pipe")
    code = textwrap.dedent(f"""
        import json, spacy, relext
        nlp = spacy.load({str(tmp_path / 'pipe')!r})
        ex = relext.extract({TEXT!r}, nlp=nlp)
        print(json.dumps(sorted(map(list, ex.iter_triples()))))
        """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    import json

    loaded = {tuple(t) for t in json.loads(out.stdout.strip().splitlines()[-1])}
    assert loaded == _triples(relext.extract(TEXT, nlp=custom_nlp))
    assert any(t[1] == "SIGNS_AGREEMENT_WITH" for t in loaded)


def test_serialization_spacy_load_gives_same_extraction(custom_nlp, tmp_path):
    custom_nlp.to_disk(tmp_path / "pipe")
    nlp2 = spacy.load(tmp_path / "pipe")
    assert relext.extract(TEXT, nlp=nlp2) == relext.extract(TEXT, nlp=custom_nlp)


def test_serialization_to_bytes_round_trip(custom_nlp):
    data = custom_nlp.get_pipe("relext_relations").to_bytes()
    fresh = relext.load(cache=False)
    fresh.get_pipe("relext_relations").from_bytes(data)
    fresh.get_pipe("relext_entities").from_bytes(custom_nlp.get_pipe("relext_entities").to_bytes())
    assert relext.extract(TEXT, nlp=fresh) == relext.extract(TEXT, nlp=custom_nlp)


def test_serialization_whole_pipeline_bytes(custom_nlp):
    nlp2 = relext.load(cache=False)
    nlp2.from_bytes(custom_nlp.to_bytes())
    assert relext.extract(TEXT, nlp=nlp2) == relext.extract(TEXT, nlp=custom_nlp)


def test_add_patterns_from_python_dicts():
    nlp = relext.load(cache=False)
    relext.add_patterns(nlp, [{"relation": "ACCUSES", "lemma": "lambast", "pos": "VERB", "object": ["dobj"]}])
    got = _triples(relext.extract("Germany lambasted Russia on Monday.", nlp=nlp))
    assert ("Germany", "ACCUSES", "Russia", False) in got


def test_add_patterns_jsonl_file(tmp_path):
    path = tmp_path / "rules.jsonl"
    path.write_text('{"relation": "SUPPORTS", "lemma": "champion", "pos": "VERB", "object": ["dobj"]}\n', encoding="utf8")
    nlp = relext.load(cache=False, patterns=path)
    assert ("Poland", "SUPPORTS", "Ukraine", False) in _triples(relext.extract("Poland championed Ukraine.", nlp=nlp))


@pytest.mark.parametrize("content,suffix,where", [
    ('{"relation": "ATTENDS", "lemma": "go"}\n{"relation": "ATTENDS", "lemma": "x", "pos": "VERBS"}\n', ".jsonl", ("line 2", "pos")),
    ('{"relation": "ATTENDS", "lemma": "go"}\nnot json\n', ".jsonl", ("line 2", "<json>")),
    ('- {relation: NO_SUCH, lemma: go}\n', ".yaml", ("line 1", "NO_SUCH")),
    ('- {relation: ATTENDS, lemma: go, object: [nowhere]}\n', ".yaml", ("line 1", "object")),
    ('- {name: Quartet, type: GROUP}\n', ".yaml", ("line 1", "type")),
    ('- relation: [unclosed\n', ".yaml", ("line", "<yaml>")),
])
def test_bad_pattern_file_error_names_file_line_and_field(tmp_path, content, suffix, where):
    path = tmp_path / f"bad{suffix}"
    path.write_text(content, encoding="utf8")
    nlp = relext.load(cache=False)
    with pytest.raises(PatternFileError) as info:
        relext.add_patterns(nlp, path)
    msg = str(info.value)
    assert str(path) in msg
    for part in where:
        assert part in msg


def test_component_config_is_serialised(tmp_path):
    nlp = relext.load(cache=False, config={"relext_relations": {"include_hypothetical": False}})
    nlp.to_disk(tmp_path / "p")
    nlp2 = spacy.load(tmp_path / "p")
    assert nlp2.get_pipe("relext_relations").include_hypothetical is False
    assert nlp2.pipe_names == nlp.pipe_names
