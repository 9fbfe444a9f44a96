"""``relext.render``: a document, or one statement, drawn in HTML (and shown in Jupyter)."""
from __future__ import annotations

from typing import Any, Mapping, Optional, Tuple, Union

from ..models import Extraction, Relation
from .document import page as _page
from .document import render_evidence, render_extraction

__all__ = ["render", "RenderedHTML"]

Renderable = Union[str, Extraction, Relation, Mapping[str, Any], Any]


class RenderedHTML(str):
    """HTML from `render`: a plain ``str`` that Jupyter shows as HTML.

    When `render` has already displayed it in the current cell, evaluating it as
    the cell's last expression shows nothing more (no second picture, no wall of markup).
    """

    _shown_in: Optional[int] = None

    def _repr_html_(self) -> str:
        return str(self)

    def _ipython_display_(self) -> None:
        count = _execution_count()
        if count is not None and count == self._shown_in:
            return
        from IPython.display import HTML, display

        display(HTML(str(self)))


def _execution_count() -> Optional[int]:
    """Return the current Jupyter cell's number, or None outside IPython."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is there whenever Jupyter is
        return None
    shell = get_ipython()
    return getattr(shell, "execution_count", None) if shell is not None else None


# --------------------------------------------------------------------------- render


def _as_extraction(obj: Renderable, nlp, text: Optional[str]) -> Tuple[Optional[str], Extraction]:
    """Return ``(document text or None, extraction)`` for a text, a ``Doc`` or an extraction."""
    from spacy.tokens import Doc

    if isinstance(obj, str):
        from ..extraction import extract

        return obj, extract(obj, nlp=nlp)
    if isinstance(obj, Doc):
        from ..extraction import extract_doc

        return obj.text, extract_doc(obj)
    if isinstance(obj, Extraction):
        return text, obj
    if isinstance(obj, Mapping):
        return text, Extraction.model_validate(obj)
    raise TypeError(
        f"relext.render expects a text (str), a spaCy Doc made by relext.load() or a "
        f"relext.Extraction, got {type(obj).__name__}. For a graph use relext.plot(G) "
        f"or relext.visualize.plot_html(G, path).")

def render(doc_or_extraction_or_text: Renderable, *, nlp=None, jupyter: Optional[bool] = None,
           page: bool = False, text: Optional[str] = None, relation: Any = None,
           wrap: Optional[int] = 100) -> str:
    """Draw a document: entities highlighted by type, relations as labelled arcs.

    The document is shown with its entity mentions highlighted by type (spaCy's
    displaCy). Below it, every sentence that states a relation is drawn again with
    an arc from the subject mention to the object mention, labelled with the
    predicate; the trigger word is underlined. Negated relations are dashed, red and
    labelled ``¬PREDICATE``; planned, reported or hypothetical ones carry their
    modality, e.g. ``ATTENDS (planned)``. Hover over an arc for its rule and cue. A
    table lists every relation. The HTML is self-contained (inline SVG, no scripts).
    A sentence longer than ``wrap`` characters is drawn in rows; a row that one long
    arc keeps wider than the screen scrolls sideways.

    One statement can be drawn alone: pass ``relation=`` (a position, a
    `Relation` of the extraction or a predicate) to draw only
    that relation over its sentence, or pass a ``Relation`` itself, or one evidence
    item of a graph edge (``G.edges[u, v, key]["evidence"][0]``), to show its
    sentence with the trigger marked.

    Args:
        doc_or_extraction_or_text: a text (extracted with ``nlp``), a ``Doc`` made by
            a relext pipeline, an `Extraction` (also as a dict),
            a `Relation`, or an evidence item of a graph edge.
        nlp: the pipeline used for a text; default `relext.load`.
        jupyter: display the result inline; default: when running in Jupyter.
        page: return a full HTML page (``<!DOCTYPE html>`` …) to write to a file.
        text: for an ``Extraction``, the text it was made from. Without it only the
            sentences holding relations and the mentions are known and shown.
        relation: draw only this relation of the document (see
            `relext.visualize.document.select_relations`).
        wrap: row length of the arc diagrams, in characters; None for one row.

    Returns:
        The HTML, always (a ``str``). In Jupyter it is also displayed, once (a
        ``page=True`` result is only returned).

    Raises:
        TypeError: for any other input (graphs are drawn by `plot`).
        ValueError: if ``text`` does not match the extraction's offsets, a ``Doc``
            did not go through relext's components, or ``relation`` names none.

    Example:
        >>> import relext
        >>> html = relext.render("Putin met Xi in Beijing.", jupyter=False)   # doctest: +SKIP
        >>> "MEETS_WITH" in html                                             # doctest: +SKIP
        True
        >>> from pathlib import Path
        >>> Path("doc.html").write_text(relext.render(ex, page=True))       # doctest: +SKIP
        >>> one = relext.render(ex, relation=0, jupyter=False)              # doctest: +SKIP
    """
    obj = doc_or_extraction_or_text
    if isinstance(obj, Relation) or (isinstance(obj, Mapping) and "sentence" in obj and "entities" not in obj):
        markup, title = render_evidence(obj), "relext: evidence"
    else:
        doc_text, extraction = _as_extraction(obj, nlp, text)
        markup = render_extraction(extraction, doc_text, relation=relation, wrap=wrap)
        title = f"relext: {extraction.doc_id or 'document'}"
    if page:
        markup = _page(markup, title)
    result = RenderedHTML(markup)
    if jupyter is None:
        from spacy.util import is_in_jupyter

        jupyter = is_in_jupyter()
    if jupyter and not page:
        from IPython.display import HTML, display

        display(HTML(markup))
        result._shown_in = _execution_count()
    return result

