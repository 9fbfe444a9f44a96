"""The shape shared by relext's rule components, after spaCy's ``SpanRuler``."""
from __future__ import annotations

from spacy.pipeline import Pipe
from spacy.tokens import Doc


class RuleComponent(Pipe):
    """A component whose work is ``match(doc)`` (pure: returns plain data) followed by
    ``set_annotations(doc, result)``; errors go through spaCy's error handler, so a
    pipeline can be set to skip a document its rules fail on."""

    def match(self, doc: Doc):  # pragma: no cover - implemented by subclasses
        raise NotImplementedError

    def set_annotations(self, doc: Doc, result) -> None:  # pragma: no cover
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            self.set_annotations(doc, self.match(doc))
            return doc
        except Exception as e:  # noqa: BLE001 - routed to spaCy's handler
            return error_handler(self.name, self, [doc], e)
