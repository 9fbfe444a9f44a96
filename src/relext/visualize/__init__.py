"""Seeing what relext found: documents with arcs, and graphs as pictures or web pages.

- `render` (`.render`, `.document`, `.arcs`) draws one document:
  its entities highlighted by type (with spaCy's displaCy) and, sentence by sentence,
  its relations as labelled arcs from the subject mention to the object mention.
  Negated relations are dashed, red and labelled ``¬PREDICATE``. It also draws one
  relation's evidence. Returns self-contained HTML (no JavaScript, no web fonts).
- `plot` (`.static`) draws a relext graph with matplotlib.
- `plot_html` (`.interactive`) writes a graph as one self-contained,
  interactive HTML page drawn by vis-network (shipped as package data).
- `.selection` filters a graph before drawing; `.layout` places the
  nodes; `.style` holds the colours shared by all three.

Example:
    >>> import relext
    >>> html = relext.render("Albanese will not attend the Paris Games.")  # doctest: +SKIP
    >>> "¬ATTENDS" in html                                                            # doctest: +SKIP
    True
"""
from __future__ import annotations

from .document import render_evidence, render_extraction
from .interactive import graph_view_data, plot_html
from .layout import graph_layout
from .render import RenderedHTML, render
from .selection import select_graph
from .static import plot
from .style import EDGE_COLOR, NEGATED_COLOR, OTHER_COLOR, TYPE_COLORS, relation_label

__all__ = ["render", "render_extraction", "render_evidence", "plot", "plot_html", "graph_layout",
           "graph_view_data", "select_graph", "relation_label", "RenderedHTML", "TYPE_COLORS", "OTHER_COLOR",
           "EDGE_COLOR", "NEGATED_COLOR"]
