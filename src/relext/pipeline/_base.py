"""The shape shared by relext's rule components, after spaCy's ``SpanRuler``."""
from __future__ import annotations

from spacy.pipeline import Pipe
from spacy.tokens import Doc


class RuleComponent(Pipe):
    """A component whose work is ``match(doc)`` (pure: returns plain data) followed by
    ``set_annotations(doc, result)``.

    Errors go through spaCy's error handler when one is set (``nlp.set_error_handler``,
    as the batch runner does to skip and name a failing document). Without one, a
    failure is a `relext.errors.RuleFailureWarning` naming the component and the
    document, and the document goes on without this component's annotations, so
    one odd parse never costs a run its other documents (make the warning an error
    with ``warnings.simplefilter("error", RuleFailureWarning)``)."""

    def match(self, doc: Doc):  # pragma: no cover - implemented by subclasses
        raise NotImplementedError

    def set_annotations(self, doc: Doc, result) -> None:  # pragma: no cover
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()  # spaCy's raise_error unless one was set
        try:
            self.set_annotations(doc, self.match(doc))
            return doc
        except Exception as e:  # noqa: BLE001 - routed to spaCy's handler
            if not hasattr(self, "error_handler"):
                from .rule_guard import report_failure

                report_failure(f"component '{self.name}'", doc, e)
                try:  # the component's "nothing found", so later components and records still work
                    self.set_annotations(doc, [])
                except Exception:  # noqa: BLE001 - the document keeps what it had
                    pass
                return doc
            return error_handler(self.name, self, [doc], e)
