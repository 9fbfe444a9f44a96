"""Keep one failing rule from costing a document its other relations.

A rule that raises on an unusual parse (a dash read as a direct object, a clause with
no tokens left after punctuation) would otherwise take the whole document down with
it, and in a batch, the document's other relations with it. `guarded` wraps a rule
function: an exception becomes a `RuleFailureWarning` that names the rule and the
start of the document, and the rule contributes nothing to that document.

To make such failures errors again (as relext's own test suite does)::

    import warnings
    from relext.errors import RuleFailureWarning
    warnings.simplefilter("error", RuleFailureWarning)
"""
from __future__ import annotations

import functools
import logging
import warnings
from typing import Any, Callable, TypeVar

from spacy.tokens import Doc

from ..errors import RuleFailureWarning, Warnings

log = logging.getLogger("relext")

F = TypeVar("F", bound=Callable[..., Any])


def report_failure(rule: str, doc: Doc, err: Exception) -> None:
    """Warn (and log) that ``rule`` failed on ``doc`` and was skipped."""
    start = " ".join(doc.text[:60].split())
    msg = Warnings.W003.format(rule=rule, start=start, error=f"{type(err).__name__}: {err}")
    log.warning(msg)
    warnings.warn(msg, RuleFailureWarning, stacklevel=3)


def guarded(fn: F, default: Callable[[], Any]) -> F:
    """``fn`` (whose first argument is the Doc), returning ``default()`` instead of raising.

    Example:
        >>> def fragile(doc):
        ...     return [1 / 0]
        >>> safe = guarded(fragile, list)
        >>> import spacy, warnings
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore")
        ...     safe(spacy.blank("en")("text"))
        []
    """
    @functools.wraps(fn)
    def wrapper(doc: Doc, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(doc, *args, **kwargs)
        except Exception as err:  # noqa: BLE001 - reported, then skipped
            report_failure(getattr(fn, "__qualname__", repr(fn)), doc, err)
            return default()

    return wrapper  # type: ignore[return-value]
