"""Every ``Doc``/``Span`` extension relext sets, registered once at import.

Stored values are plain msgpack-safe data (lists of dicts of str/int/bool), so Docs
survive ``Doc.to_bytes`` and ``nlp.pipe(n_process=2)``:

- ``doc._.relext_entities``: canonical entities, each
  ``{"id", "name", "type", "attributes", "mentions": [{"text", "start_char", "end_char", "kind", "sentence"}]}``;
- ``doc._.relext_relations``: relations, each with the fields of `relext.models.Relation`
  and an ``"evidence"`` dict;
- ``doc._.relext_mentions``: the typed mentions found by ``relext_entities`` before
  they are grouped, each ``{"start", "end", "label", "key", "kind"}`` (token offsets).
"""
from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS = ("relext_entities", "relext_relations", "relext_mentions")


def set_extensions() -> None:
    """Register relext's extensions; idempotent, never overwrites a user's."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


set_extensions()
