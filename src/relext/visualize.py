"""Seeing what relext found: documents with arcs, and graphs as pictures or web pages.

- :func:`render` draws one document: its entities highlighted by type (with spaCy's
  displaCy) and, sentence by sentence, its relations as labelled arcs from the subject
  mention to the object mention. Negated relations are dashed, red and labelled
  ``¬PREDICATE``. Returns self-contained HTML (no JavaScript, no web fonts).
- :func:`plot` draws a relext graph with matplotlib: nodes coloured by entity type,
  edges labelled by predicate, negated edges dashed.
- :func:`plot_html` writes a graph as one self-contained, interactive HTML file
  (inline SVG and JavaScript; nothing is fetched from the internet).

Example
-------
>>> import relext
>>> html = relext.render("Kishida will not attend the Beijing Winter Olympics.")  # doctest: +SKIP
>>> "¬ATTENDS" in html                                                            # doctest: +SKIP
True
"""
from __future__ import annotations

import html as _html
import json
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from .models import Entity, Extraction, Modality, Relation

#: Colour of each entity type, shared by :func:`render`, :func:`plot` and :func:`plot_html`
#: (displaCy's colours for the matching spaCy labels).
TYPE_COLORS: Dict[str, str] = {
    "PERSON": "#aa9cfc",
    "COUNTRY": "#feca74",
    "ORGANISATION": "#7aecec",
    "EVENT": "#ffeb80",
    "LOCATION": "#ff9561",
}
#: Colour of a node or mention whose type is not one of relext's five.
OTHER_COLOR = "#dddddd"
#: Colour of asserted and negated relations.
EDGE_COLOR = "#444444"
NEGATED_COLOR = "#c0392b"

NEGATION_MARK = "¬"

Renderable = Union[str, Extraction, Mapping[str, Any], Any]


# --------------------------------------------------------------------------- helpers


def _type_name(value: Any) -> str:
    """``EntityType.PERSON`` or ``"PERSON"`` -> ``"PERSON"``."""
    return str(getattr(value, "value", value) or "")


def _esc(text: Any) -> str:
    return _html.escape(str(text), quote=True)


def relation_label(predicate: str, negated: bool = False, modality: Any = None) -> str:
    """The label relext draws for a relation: ``ATTENDS``, ``¬ATTENDS``, ``ATTENDS (planned)``.

    Example:
        >>> relation_label("ATTENDS", negated=True, modality="PLANNED")
        '¬ATTENDS (planned)'
    """
    label = (NEGATION_MARK if negated else "") + str(predicate)
    modality = _type_name(modality)
    if modality and modality != Modality.ASSERTED.value:
        label += f" ({modality.lower()})"
    return label


class RenderedHTML(str):
    """HTML from :func:`render`: a plain ``str`` that Jupyter shows as HTML.

    When :func:`render` has already displayed it in the current cell, evaluating it as
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
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is there whenever Jupyter is
        return None
    shell = get_ipython()
    return getattr(shell, "execution_count", None) if shell is not None else None


# --------------------------------------------------------------------------- render


def _as_extraction(obj: Renderable, nlp, text: Optional[str]) -> Tuple[Optional[str], Extraction]:
    """Return ``(document text or None, extraction)`` for anything :func:`render` accepts."""
    from spacy.tokens import Doc

    if isinstance(obj, str):
        from .extraction import extract

        return obj, extract(obj, nlp=nlp)
    if isinstance(obj, Doc):
        from .extraction import extract_doc

        return obj.text, extract_doc(obj)
    if isinstance(obj, Extraction):
        return text, obj
    if isinstance(obj, Mapping):
        return text, Extraction.model_validate(obj)
    raise TypeError(
        f"relext.render expects a text (str), a spaCy Doc made by relext.load() or a "
        f"relext.Extraction, got {type(obj).__name__}. For a graph use relext.plot(G) "
        f"or relext.visualize.plot_html(G, path).")


def _check_offsets(text: str, extraction: Extraction) -> None:
    for ent in extraction.entities:
        for m in ent.mentions:
            if text[m.start_char:m.end_char] != m.text:
                raise ValueError(
                    f"Mention {m.text!r} of {ent.id} is at characters {m.start_char}-{m.end_char}, "
                    f"but the text given has {text[m.start_char:m.end_char]!r} there. Pass the exact "
                    f"text the extraction was made from (render(extraction, text=...)), or no text.")


def _reconstruct_text(extraction: Extraction) -> Tuple[str, Callable[[int], int]]:
    """Rebuild what can be known of a document from its evidence sentences and mentions.

    Returns the text (known pieces joined by `` … ``) and a function mapping an offset in
    the original document to an offset in that text.
    """
    pieces = []
    for rel in extraction.relations:
        ev = rel.evidence
        pieces.append((ev.start_char, ev.start_char + len(ev.sentence), ev.sentence))
    for ent in extraction.entities:
        pieces.extend((m.start_char, m.end_char, m.text) for m in ent.mentions)
    pieces.sort(key=lambda p: (p[0], -p[1]))
    merged: List[Tuple[int, int, str]] = []
    for start, end, piece in pieces:
        if merged and start <= merged[-1][1]:
            m_start, m_end, m_text = merged[-1]
            if end > m_end:
                m_text = m_text + piece[m_end - start:]
                m_end = end
            merged[-1] = (m_start, m_end, m_text)
        else:
            merged.append((start, end, piece))
    gap = " … "
    out, starts, new_pos = [], [], 0
    for i, (start, end, piece) in enumerate(merged):
        if i:
            out.append(gap)
            new_pos += len(gap)
        starts.append((start, new_pos))
        out.append(piece)
        new_pos += len(piece)

    def move(offset: int) -> int:
        base, new = 0, 0
        for start, pos in starts:
            if start > offset:
                break
            base, new = start, pos
        return new + offset - base

    return "".join(out), move


def _entity_spans(extraction: Extraction, move: Callable[[int], int] = lambda o: o) -> List[Dict[str, Any]]:
    """Non-overlapping ``{"start", "end", "label"}`` spans for displaCy, longest first on ties."""
    spans = sorted(((move(m.start_char), move(m.end_char), _type_name(e.type))
                    for e in extraction.entities for m in e.mentions), key=lambda s: (s[0], -s[1]))
    out, last_end = [], -1
    for start, end, label in spans:
        if start >= last_end and end > start:
            out.append({"start": start, "end": end, "label": label})
            last_end = end
    return out


def _legend(types: Iterable[str]) -> str:
    chips = "".join(
        f'<span style="background:{TYPE_COLORS.get(t, OTHER_COLOR)};padding:0.1em 0.5em;'
        f'border-radius:0.3em;margin-right:0.4em;font-size:0.8em;font-weight:bold">{_esc(t)}</span>'
        for t in types)
    negated = (f'<span style="color:{NEGATED_COLOR};font-size:0.8em;margin-left:0.6em">'
               f'dashed red arc, {NEGATION_MARK}PREDICATE: negated relation</span>')
    return f'<div style="margin:0.3em 0 0.6em 0">{chips}{negated}</div>'


# Geometry of the sentence diagrams, in pixels. Character positions are exact because
# every text segment is stretched to len(segment) * _CW with SVG's textLength.
_CW = 8.4
_FONT = 14
_PAD = 12
_LEVEL_H = 24


def _pick_mention(entity: Optional[Entity], lo: int, hi: int, near: int):
    """The mention of ``entity`` inside ``[lo, hi)`` nearest to character ``near``."""
    if entity is None:
        return None
    inside = [m for m in entity.mentions if lo <= m.start_char and m.end_char <= hi]
    return min(inside, key=lambda m: abs((m.start_char + m.end_char) / 2 - near), default=None)


def _sentence_svg(sentence: str, start: int, relations: Sequence[Relation], extraction: Extraction) -> str:
    """One sentence as SVG: coloured mentions, underlined triggers, arcs for the relations."""
    end = start + len(sentence)
    by_id = {e.id: e for e in extraction.entities}
    mentions = {}  # (start, end) -> type
    for ent in extraction.entities:
        for m in ent.mentions:
            if start <= m.start_char and m.end_char <= end:
                mentions.setdefault((m.start_char, m.end_char), (_type_name(ent.type), ent.name))

    def x_of(offset: int) -> float:
        return _PAD + (offset - start) * _CW

    arcs = []  # dicts: relation, subject span, object span
    for rel in relations:
        near = (rel.evidence.trigger_start + rel.evidence.trigger_end) / 2
        subj = _pick_mention(by_id.get(rel.subject), start, end, near)
        obj = _pick_mention(by_id.get(rel.object), start, end, near)
        if subj is None or obj is None or (subj.start_char, subj.end_char) == (obj.start_char, obj.end_char):
            continue
        arcs.append({"rel": rel, "s": (subj.start_char, subj.end_char), "o": (obj.start_char, obj.end_char)})

    # spread the arc feet that land on one mention across its width
    feet = defaultdict(list)
    for arc in arcs:
        feet[arc["s"]].append((arc, "xs", arc["o"]))
        feet[arc["o"]].append((arc, "xo", arc["s"]))
    for span, items in feet.items():
        x0, x1 = x_of(span[0]), x_of(span[1])
        items.sort(key=lambda it: it[2][0])
        n = len(items)
        for i, (arc, key, _) in enumerate(items):
            arc[key] = (x0 + x1) / 2 if n == 1 else x0 + (x1 - x0) * (0.2 + 0.6 * i / (n - 1))

    # stack arcs: shorter ones low, overlapping ones on separate levels
    placed: List[Dict[str, Any]] = []
    for arc in sorted(arcs, key=lambda a: abs(a["xs"] - a["xo"])):
        lo, hi = sorted((arc["xs"], arc["xo"]))
        arc["level"] = 1 + max((p["level"] for p in placed if p["lo"] < hi and lo < p["hi"]), default=0)
        arc["lo"], arc["hi"] = lo, hi
        placed.append(arc)
    levels = max((a["level"] for a in arcs), default=0)

    foot_y = 8 + levels * _LEVEL_H + 10
    text_y = foot_y + 20
    height = text_y + 16
    width = 2 * _PAD + len(sentence) * _CW
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
             f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" style="display:block">']

    for (m_start, m_end), (etype, name) in sorted(mentions.items()):
        x0, x1 = x_of(m_start), x_of(m_end)
        parts.append(f'<rect x="{x0 - 2:.1f}" y="{foot_y + 3:.1f}" width="{x1 - x0 + 4:.1f}" height="24" rx="4" '
                     f'fill="{TYPE_COLORS.get(etype, OTHER_COLOR)}"><title>{_esc(name)} ({_esc(etype)})</title></rect>')
    # cut the sentence at mention and trigger boundaries; each piece is placed exactly
    cuts = {0, len(sentence)}
    for m_start, m_end in mentions:
        cuts.update((m_start - start, m_end - start))
    for arc in arcs:
        ev = arc["rel"].evidence
        if start <= ev.trigger_start < ev.trigger_end <= end:
            cuts.update((ev.trigger_start - start, ev.trigger_end - start))
    cuts = sorted(c for c in cuts if 0 <= c <= len(sentence))
    parts.append(f'<g font-family="Menlo, Consolas, \'DejaVu Sans Mono\', monospace" font-size="{_FONT}" fill="#222">')
    for a, b in zip(cuts, cuts[1:]):
        piece = sentence[a:b]
        if piece.strip():
            parts.append(f'<text x="{_PAD + a * _CW:.1f}" y="{text_y:.1f}" textLength="{(b - a) * _CW:.1f}" '
                         f'lengthAdjust="spacingAndGlyphs" xml:space="preserve" style="white-space:pre">'
                         f'{_esc(piece)}</text>')
    parts.append("</g>")

    by_name = {e.id: e.name for e in extraction.entities}
    for arc in sorted(arcs, key=lambda a: -a["level"]):
        rel = arc["rel"]
        color = NEGATED_COLOR if rel.negated else EDGE_COLOR
        dash = ' stroke-dasharray="5 4"' if rel.negated else ""
        xs, xo = arc["xs"], arc["xo"]
        top = foot_y - arc["level"] * _LEVEL_H
        r = min(8.0, abs(xo - xs) / 2)
        sign = 1 if xo > xs else -1
        path = (f"M{xs:.1f},{foot_y:.1f} L{xs:.1f},{top + r:.1f} Q{xs:.1f},{top:.1f} {xs + sign * r:.1f},{top:.1f} "
                f"L{xo - sign * r:.1f},{top:.1f} Q{xo:.1f},{top:.1f} {xo:.1f},{top + r:.1f} L{xo:.1f},{foot_y:.1f}")
        ev = rel.evidence
        tip = [f"{by_name.get(rel.subject, rel.subject)} {relation_label(rel.predicate, rel.negated)} "
               f"{by_name.get(rel.object, rel.object)}",
               f"modality: {_type_name(rel.modality)}", f"trigger: {ev.trigger!r} (rule {ev.rule})"]
        if ev.cue:
            tip.append(f"cue: {ev.cue!r}")
        if rel.source:
            tip.append(f"reported by: {by_name.get(rel.source, rel.source)}")
        parts.append(f'<g class="relext-arc" data-predicate="{_esc(rel.predicate)}" '
                     f'data-negated="{str(rel.negated).lower()}"><title>{_esc(chr(10).join(tip))}</title>')
        parts.append(f'<path d="{path}" fill="none" stroke="{color}" stroke-width="1.6"{dash}/>')
        heads = [(xo, foot_y)] + ([(xs, foot_y)] if rel.symmetric else [])
        for hx, hy in heads:
            parts.append(f'<path d="M{hx - 4:.1f},{hy - 7:.1f} L{hx + 4:.1f},{hy - 7:.1f} L{hx:.1f},{hy:.1f} Z" '
                         f'fill="{color}"/>')
        label = relation_label(rel.predicate, rel.negated, rel.modality)
        label_w = 7.0 * len(label) + 6  # a little wider than 11px bold sans-serif needs
        parts.append(f'<rect x="{(xs + xo - label_w) / 2:.1f}" y="{top - 7:.1f}" width="{label_w:.1f}" '
                     f'height="14" rx="3" fill="#fff"/>')
        parts.append(f'<text x="{(xs + xo) / 2:.1f}" y="{top + 4:.1f}" text-anchor="middle" '
                     f'font-family="Helvetica, Arial, sans-serif" font-size="11" font-weight="bold" '
                     f'fill="{color}">{_esc(label)}</text>')
        if start <= ev.trigger_start < ev.trigger_end <= end:
            parts.append(f'<line x1="{x_of(ev.trigger_start):.1f}" y1="{text_y + 4:.1f}" '
                         f'x2="{x_of(ev.trigger_end):.1f}" y2="{text_y + 4:.1f}" stroke="{color}" '
                         f'stroke-width="1.5"{dash}/>')
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def _relation_table(extraction: Extraction) -> str:
    names = {e.id: e.name for e in extraction.entities}
    head = ("subject", "relation", "object", "negated", "modality", "trigger", "rule")
    cell = 'style="padding:0.2em 0.6em;border-bottom:1px solid #ddd;text-align:left"'
    rows = ["<tr>" + "".join(f"<th {cell}>{h}</th>" for h in head) + "</tr>"]
    for rel in extraction.relations:
        values = (names.get(rel.subject, rel.subject), relation_label(rel.predicate, rel.negated),
                  names.get(rel.object, rel.object), "yes" if rel.negated else "no",
                  _type_name(rel.modality), rel.evidence.trigger, rel.evidence.rule)
        color = f";color:{NEGATED_COLOR}" if rel.negated else ""
        rows.append("<tr>" + "".join(f'<td {cell[:-1]}{color}">{_esc(v)}</td>' for v in values) + "</tr>")
    return f'<table style="border-collapse:collapse;font-size:0.85em;margin-top:0.6em">{"".join(rows)}</table>'


def render_extraction(extraction: Extraction, text: Optional[str] = None) -> str:
    """HTML for one extraction (the work behind :func:`render`, without Jupyter display).

    Args:
        extraction: the result of :func:`relext.extract`.
        text: the document text the extraction was made from. Without it, the
            document view shows only the sentences that state relations and the
            mentions elsewhere, joined by ``…``.
    """
    from spacy import displacy

    if text is None:
        shown_text, move = _reconstruct_text(extraction)
    else:
        _check_offsets(text, extraction)
        shown_text, move = text, (lambda o: o)
    types = [t for t in TYPE_COLORS if any(_type_name(e.type) == t for e in extraction.entities)]
    ents_html = displacy.render({"text": shown_text, "ents": _entity_spans(extraction, move), "title": None},
                                style="ent", manual=True, jupyter=False,
                                options={"colors": TYPE_COLORS, "ents": list(TYPE_COLORS)})
    parts = ['<div class="relext-render" style="font-family:Helvetica, Arial, sans-serif;'
             'line-height:1.4;color:#222;max-width:100%">']
    if extraction.doc_id:
        parts.append(f'<div style="font-weight:bold;font-size:1.1em">{_esc(extraction.doc_id)}</div>')
    parts.append(_legend(types))
    parts.append(ents_html)

    by_sentence: Dict[Tuple[int, str], List[Relation]] = defaultdict(list)
    for rel in extraction.relations:
        by_sentence[(rel.evidence.start_char, rel.evidence.sentence)].append(rel)
    if by_sentence:
        parts.append(f'<div style="font-weight:bold;margin-top:1em">Relations ({len(extraction.relations)})</div>')
        for (start, sentence), rels in sorted(by_sentence.items()):
            parts.append('<div style="overflow-x:auto;margin:0.4em 0;border-left:3px solid #eee;padding-left:4px">'
                         + _sentence_svg(sentence, start, rels, extraction) + "</div>")
        parts.append(_relation_table(extraction))
    else:
        parts.append('<div style="margin-top:1em;color:#666">No relations found.</div>')
    parts.append("</div>")
    return "".join(parts)


def _page(body: str, title: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{_esc(title)}</title>\n'
            f'</head>\n<body style="margin:1.5rem">\n{body}\n</body>\n</html>\n')


def render(doc_or_extraction_or_text: Renderable, *, nlp=None, jupyter: Optional[bool] = None,
           page: bool = False, text: Optional[str] = None) -> str:
    """Draw a document: entities highlighted by type, relations as labelled arcs.

    The document is shown with its entity mentions highlighted by type (spaCy's
    displaCy). Below it, every sentence that states a relation is drawn again with
    an arc from the subject mention to the object mention, labelled with the
    predicate; the trigger word is underlined. Negated relations are dashed, red and
    labelled ``¬PREDICATE``; planned, reported or hypothetical ones carry their
    modality, e.g. ``ATTENDS (planned)``. Hover over an arc for its rule and cue. A
    table lists every relation. The HTML is self-contained (inline SVG, no scripts).

    Args:
        doc_or_extraction_or_text: a text (extracted with ``nlp``), a ``Doc`` made by
            a relext pipeline, or an :class:`~relext.models.Extraction` (also as a dict).
        nlp: the pipeline used for a text; default :func:`relext.load`.
        jupyter: display the result inline; default: when running in Jupyter.
        page: return a full HTML page (``<!DOCTYPE html>`` …) to write to a file.
        text: for an ``Extraction``, the text it was made from. Without it only the
            sentences holding relations and the mentions are known and shown.

    Returns:
        The HTML, always (a ``str``). In Jupyter it is also displayed, once (a
        ``page=True`` result is only returned).

    Raises:
        TypeError: for any other input (graphs are drawn by :func:`plot`).
        ValueError: if ``text`` does not match the extraction's offsets, or a ``Doc``
            did not go through relext's components.

    Example:
        >>> import relext
        >>> html = relext.render("Putin met Xi in Beijing.", jupyter=False)   # doctest: +SKIP
        >>> "MEETS_WITH" in html                                             # doctest: +SKIP
        True
        >>> from pathlib import Path
        >>> Path("doc.html").write_text(relext.render(ex, page=True))       # doctest: +SKIP
    """
    doc_text, extraction = _as_extraction(doc_or_extraction_or_text, nlp, text)
    markup = render_extraction(extraction, doc_text)
    if page:
        markup = _page(markup, f"relext: {extraction.doc_id or 'document'}")
    result = RenderedHTML(markup)
    if jupyter is None:
        from spacy.util import is_in_jupyter

        jupyter = is_in_jupyter()
    if jupyter and not page:
        from IPython.display import HTML, display

        display(HTML(markup))
        result._shown_in = _execution_count()
    return result


# --------------------------------------------------------------------------- graphs


def _node_color(data: Mapping[str, Any]) -> str:
    return TYPE_COLORS.get(_type_name(data.get("type")), OTHER_COLOR)


def _node_label(node: Any, data: Mapping[str, Any]) -> str:
    return str(data.get("name") or node)


def _edges(G) -> List[Tuple[Any, Any, Any, Dict[str, Any]]]:
    """``(u, v, key, data)`` for every edge; ``key`` is None in a simple graph."""
    if G.is_multigraph():
        return [(u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True)]
    return [(u, v, None, d) for u, v, d in G.edges(data=True)]


def _edge_label(data: Mapping[str, Any]) -> str:
    """``ATTENDS`` / ``¬ATTENDS``; for a :func:`relext.collapse_graph` edge, its predicates."""
    if "predicate" not in data and isinstance(data.get("predicates"), Mapping):
        keys = [str(k) for k in data["predicates"]]
        return ", ".join(NEGATION_MARK + k.split("|")[0] if k.endswith("|negated") else k for k in keys)
    return relation_label(data.get("predicate", ""), bool(data.get("negated", False)))


def graph_layout(G, layout: Union[str, Mapping, Callable] = "spring", *, seed: int = 0) -> Dict[Any, Tuple[float, float]]:
    """Node positions for :func:`plot` and :func:`plot_html`.

    Args:
        G: a networkx graph.
        layout: ``"spring"``, ``"circular"``, ``"shell"``, ``"kamada_kawai"`` (needs
            scipy), a ready ``{node: (x, y)}`` mapping, or a function ``f(G) -> pos``.
        seed: random seed of the spring layout, so pictures are reproducible.

    Example:
        >>> import networkx as nx
        >>> pos = graph_layout(nx.path_graph(3), "circular")
        >>> sorted(pos)
        [0, 1, 2]
    """
    import networkx as nx

    if isinstance(layout, Mapping):
        missing = [n for n in G if n not in layout]
        if missing:
            raise ValueError(f"The layout has no position for {len(missing)} node(s), e.g. {missing[0]!r}; "
                             f"give a position for every node of the graph.")
        return {n: tuple(layout[n]) for n in G}
    if callable(layout):
        return dict(layout(G))
    if layout == "spring":
        try:
            import scipy  # noqa: F401
            method = "auto"
        except ImportError:  # networkx's large-graph method needs scipy
            method = "force"
        # lay out the simple undirected skeleton: parallel edges and evidence counts
        # ("weight") would pull strongly linked nodes on top of each other
        skeleton = nx.Graph()
        skeleton.add_nodes_from(G)
        skeleton.add_edges_from((u, v) for u, v in G.edges() if u != v)
        return _pack_components(skeleton, lambda H, size: nx.spring_layout(
            H, seed=seed, iterations=200, weight=None, method=method, scale=size / 2, center=(0, 0)))
    if layout == "circular":
        return nx.circular_layout(G)
    if layout == "shell":
        return nx.shell_layout(G)
    if layout == "kamada_kawai":
        return nx.kamada_kawai_layout(G)
    raise ValueError(f"Unknown layout {layout!r}. Use 'spring', 'circular', 'shell', 'kamada_kawai', "
                     f"a {{node: (x, y)}} mapping or a function of the graph.")


def _pack_components(G, lay_out: Callable[[Any, float], Mapping]) -> Dict[Any, Tuple[float, float]]:
    """Lay out each connected component on its own and pack them in rows, largest first.

    One layout of a whole graph with many components pushes them far apart and
    squeezes each into a corner; this keeps every component readable.
    """
    import networkx as nx

    comps = sorted((sorted(c, key=str) for c in nx.connected_components(G)), key=len, reverse=True)
    sizes = [max(0.6, len(c) ** 0.5) for c in comps]
    width = max(sizes + [1.3 * sum(s * s for s in sizes) ** 0.5])
    gap, x, y, row_h, pos = 0.4, 0.0, 0.0, 0.0, {}
    for comp, size in zip(comps, sizes):
        if x > 0 and x + size > width:
            x, y, row_h = 0.0, y - row_h - gap, 0.0
        for node, (px, py) in lay_out(G.subgraph(comp), size).items():
            pos[node] = (x + size / 2 + float(px), y - size / 2 + float(py))
        x += size + gap
        row_h = max(row_h, size)
    return pos


def plot(G, *, ax=None, layout: Union[str, Mapping, Callable] = "spring", with_labels: bool = True,
         edge_labels: bool = True, seed: int = 0, node_size: int = 900, font_size: int = 9, legend: bool = True):
    """Draw a relext graph with matplotlib.

    Nodes are coloured by their ``type`` attribute (legend included) and labelled with
    ``name``; edges are labelled with their ``predicate``. Negated edges are dashed,
    red and labelled ``¬PREDICATE``; parallel edges are curved apart. For hundreds
    of nodes, turn the labels off or draw a subgraph.

    Args:
        G: a networkx graph from :func:`relext.build_graph` (any graph with those
            attributes works; missing ones fall back to the node id and grey).
        ax: the matplotlib Axes to draw on; default a new figure's.
        layout: see :func:`graph_layout`.
        with_labels: write node names.
        edge_labels: write predicates on the edges.
        seed: seed of the spring layout.
        node_size: node size in points².
        font_size: size of the node labels (edge labels are one point smaller).
        legend: add a legend of the entity types present.

    Returns:
        The matplotlib ``Axes``.

    Example:
        >>> import networkx as nx
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("person:putin", type="PERSON", name="Vladimir Putin")
        >>> G.add_node("event:beijing-2022", type="EVENT", name="Beijing 2022 Winter Olympics")
        >>> _ = G.add_edge("person:putin", "event:beijing-2022", predicate="ATTENDS", negated=False)
        >>> ax = plot(G)                    # doctest: +SKIP
        >>> ax.figure.savefig("graph.png")  # doctest: +SKIP
    """
    try:
        import matplotlib.pyplot as plt
        from matplotlib.lines import Line2D
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ImportError("relext.plot needs matplotlib: pip install 'relext[viz]' (or pip install matplotlib).") from err
    import networkx as nx

    if ax is None:
        side = min(14, 5 + 0.25 * len(G))
        _, ax = plt.subplots(figsize=(side * 1.3, side))
    pos = graph_layout(G, layout, seed=seed)
    nodes = list(G.nodes)
    nx.draw_networkx_nodes(G, pos, nodelist=nodes, ax=ax, node_size=node_size, edgecolors="#555", linewidths=0.8,
                           node_color=[_node_color(G.nodes[n]) for n in nodes])
    if with_labels:
        nx.draw_networkx_labels(G, pos, ax=ax, font_size=font_size,
                                labels={n: _node_label(n, G.nodes[n]) for n in nodes})
    edges = _edges(G)
    if edges:
        edgelist = [(u, v, k) if G.is_multigraph() else (u, v) for u, v, k, _ in edges]
        styles = ["--" if d.get("negated") else "-" for *_, d in edges]
        colors = [NEGATED_COLOR if d.get("negated") else EDGE_COLOR for *_, d in edges]
        # the i-th edge between two nodes gets the i-th curvature, so parallel edges part
        curves = [f"arc3,rad={0.1 + 0.3 * i}" for i in range(max(1, _max_parallel(edges)))]
        heads = ["<|-|>" if d.get("symmetric") else "-|>" for *_, d in edges]
        nx.draw_networkx_edges(G, pos, edgelist=edgelist, ax=ax, style=styles, edge_color=colors, width=1.3,
                               arrows=True, arrowstyle=heads, arrowsize=14, node_size=node_size,
                               connectionstyle=curves)
        if edge_labels:
            labels = {e: _edge_label(d) for e, (*_, d) in zip(edgelist, edges)}
            nx.draw_networkx_edge_labels(G, pos, edge_labels=labels, ax=ax, font_size=max(5, font_size - 1),
                                         node_size=node_size, connectionstyle=curves, font_color="#333")
    if legend:
        present = [t for t in TYPE_COLORS if any(_type_name(d.get("type")) == t for _, d in G.nodes(data=True))]
        handles = [Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor=TYPE_COLORS[t],
                          markeredgecolor="#555", label=t.lower()) for t in present]
        if any(d.get("negated") for *_, d in edges):
            handles.append(Line2D([], [], color=NEGATED_COLOR, linestyle="--", label="negated"))
        if handles:
            ax.legend(handles=handles, loc="best", fontsize=max(6, font_size - 1), frameon=False)
    ax.set_axis_off()
    ax.margins(0.08)
    return ax


def _max_parallel(edges) -> int:
    count: Dict[Tuple[Any, Any], int] = defaultdict(int)
    for u, v, *_ in edges:
        count[(u, v)] += 1
    return max(count.values(), default=1)


def _json_safe(value: Any) -> Any:
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, Mapping):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_json_safe(v) for v in value]
    return str(getattr(value, "value", value))


def graph_view_data(G, *, layout: Union[str, Mapping, Callable] = "spring", seed: int = 0) -> Dict[str, Any]:
    """The nodes, edges and positions :func:`plot_html` embeds, as JSON-ready data.

    Positions are scaled to a 1000 × 700 canvas. Every node and edge attribute is kept
    (non-JSON values as text), so the page can show it on click.
    """
    pos = graph_layout(G, layout, seed=seed)
    xs = [p[0] for p in pos.values()] or [0.0]
    ys = [p[1] for p in pos.values()] or [0.0]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    index = {n: i for i, n in enumerate(G.nodes)}
    nodes = []
    for n, d in G.nodes(data=True):
        x, y = pos[n]
        nodes.append({"id": str(n), "label": _node_label(n, d), "type": _type_name(d.get("type")),
                      "color": _node_color(d), "x": 60 + 880 * (x - min(xs)) / span_x,
                      "y": 60 + 580 * (1 - (y - min(ys)) / span_y),
                      "attrs": {k: _json_safe(v) for k, v in d.items()}})
    edges, seen = [], defaultdict(int)
    for u, v, _, d in _edges(G):
        rank = seen[(u, v)]
        seen[(u, v)] += 1
        edges.append({"s": index[u], "t": index[v], "label": _edge_label(d), "negated": bool(d.get("negated")),
                      "rank": rank, "attrs": {k: _json_safe(val) for k, val in d.items()}})
    return {"nodes": nodes, "edges": edges, "colors": TYPE_COLORS, "directed": G.is_directed()}


_VIEW_JS = r"""
(function () {
  var data = JSON.parse(document.getElementById("relext-data").textContent);
  var svg = document.getElementById("relext-svg"), NS = "http://www.w3.org/2000/svg";
  var info = document.getElementById("relext-info");
  var hidden = {}, showNeg = true, selected = null, drag = null;
  var vb = {x: 0, y: 0, w: 1000, h: 700};
  svg.innerHTML = "";
  var defs = document.createElementNS(NS, "defs");
  defs.innerHTML = '<marker id="relext-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#444"/></marker>' +
    '<marker id="relext-arrow-neg" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#c0392b"/></marker>';
  svg.appendChild(defs);
  var gEdges = document.createElementNS(NS, "g"), gNodes = document.createElementNS(NS, "g");
  svg.appendChild(gEdges); svg.appendChild(gNodes);
  function el(tag, attrs, parent) {
    var e = document.createElementNS(NS, tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  data.edges.forEach(function (e) {
    e.g = el("g", {"class": "edge"}, gEdges);
    e.path = el("path", {fill: "none", stroke: e.negated ? "#c0392b" : "#444", "stroke-width": 1.4,
      "stroke-dasharray": e.negated ? "6 4" : "none",
      "marker-end": data.directed ? (e.negated ? "url(#relext-arrow-neg)" : "url(#relext-arrow)") : "none"}, e.g);
    e.text = el("text", {"font-size": 10, "text-anchor": "middle", fill: e.negated ? "#c0392b" : "#333",
      stroke: "#fff", "stroke-width": 3, "paint-order": "stroke"}, e.g);
    e.text.textContent = e.label;
    e.g.addEventListener("click", function (ev) { ev.stopPropagation(); show(e.label, e.attrs); });
  });
  data.nodes.forEach(function (n, i) {
    n.g = el("g", {"class": "node", cursor: "pointer"}, gNodes);
    n.circle = el("circle", {r: 11, fill: n.color, stroke: "#555", "stroke-width": 1}, n.g);
    n.text = el("text", {"font-size": 11, "text-anchor": "middle", dy: 25, stroke: "#fff", "stroke-width": 3,
      "paint-order": "stroke", fill: "#222"}, n.g);
    n.text.textContent = n.label;
    n.g.addEventListener("mousedown", function (ev) { ev.stopPropagation(); drag = {n: n, moved: false}; });
    n.g.addEventListener("click", function (ev) { ev.stopPropagation(); select(i); });
  });
  function place() {
    data.nodes.forEach(function (n) { n.g.setAttribute("transform", "translate(" + n.x + "," + n.y + ")"); });
    data.edges.forEach(function (e) {
      var a = data.nodes[e.s], b = data.nodes[e.t];
      var dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
      var bend = data.directed ? 0.12 + 0.18 * e.rank : 0.18 * e.rank;
      var cx = (a.x + b.x) / 2 + bend * dy, cy = (a.y + b.y) / 2 - bend * dx;
      if (e.s === e.t) { cx = a.x + 30; cy = a.y - 50 - 15 * e.rank; }
      var ex = b.x - 13 * (b.x - cx) / (Math.hypot(b.x - cx, b.y - cy) || 1);
      var ey = b.y - 13 * (b.y - cy) / (Math.hypot(b.x - cx, b.y - cy) || 1);
      e.path.setAttribute("d", "M" + a.x + "," + a.y + " Q" + cx + "," + cy + " " + ex + "," + ey);
      e.text.setAttribute("x", 0.25 * a.x + 0.5 * cx + 0.25 * b.x);
      e.text.setAttribute("y", 0.25 * a.y + 0.5 * cy + 0.25 * b.y);
    });
  }
  function visible(n) { return !hidden[n.type]; }
  function refresh() {
    data.nodes.forEach(function (n, i) {
      var near = selected === null || i === selected || data.edges.some(function (e) {
        return (e.s === selected && e.t === i) || (e.t === selected && e.s === i); });
      n.g.style.display = visible(n) ? "" : "none";
      n.g.style.opacity = near ? 1 : 0.15;
    });
    data.edges.forEach(function (e) {
      var on = visible(data.nodes[e.s]) && visible(data.nodes[e.t]) && (showNeg || !e.negated);
      var near = selected === null || e.s === selected || e.t === selected;
      e.g.style.display = on ? "" : "none";
      e.g.style.opacity = near ? 1 : 0.08;
    });
  }
  function show(title, attrs) {
    var rows = Object.keys(attrs).map(function (k) {
      var v = attrs[k]; v = typeof v === "object" && v !== null ? JSON.stringify(v, null, 1) : String(v);
      if (v.length > 600) v = v.slice(0, 600) + "…";
      return "<tr><th>" + esc(k) + "</th><td style=\"white-space:pre-wrap\">" + esc(v) + "</td></tr>"; }).join("");
    info.innerHTML = "<b>" + esc(title) + "</b><table>" + rows + "</table>";
  }
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) {
    return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]; }); }
  function select(i) {
    if (drag && drag.moved) return;
    selected = selected === i ? null : i;
    if (selected !== null) { var n = data.nodes[i]; show(n.label + " (" + n.type + ")", n.attrs); }
    refresh();
  }
  function toSvg(ev) {
    var r = svg.getBoundingClientRect();
    return {x: vb.x + (ev.clientX - r.left) * vb.w / r.width, y: vb.y + (ev.clientY - r.top) * vb.h / r.height};
  }
  var pan = null;
  svg.addEventListener("mousedown", function (ev) { pan = {x: ev.clientX, y: ev.clientY, vx: vb.x, vy: vb.y}; });
  window.addEventListener("mousemove", function (ev) {
    if (drag) { var p = toSvg(ev); drag.n.x = p.x; drag.n.y = p.y; drag.moved = true; place(); }
    else if (pan) {
      var r = svg.getBoundingClientRect();
      vb.x = pan.vx - (ev.clientX - pan.x) * vb.w / r.width; vb.y = pan.vy - (ev.clientY - pan.y) * vb.h / r.height;
      svg.setAttribute("viewBox", [vb.x, vb.y, vb.w, vb.h].join(" "));
    }
  });
  window.addEventListener("mouseup", function () { setTimeout(function () { drag = null; }, 0); pan = null; });
  svg.addEventListener("click", function () { selected = null; info.innerHTML = info.dataset.help; refresh(); });
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var p = toSvg(ev), f = ev.deltaY > 0 ? 1.15 : 1 / 1.15;
    vb.x = p.x - (p.x - vb.x) * f; vb.y = p.y - (p.y - vb.y) * f; vb.w *= f; vb.h *= f;
    svg.setAttribute("viewBox", [vb.x, vb.y, vb.w, vb.h].join(" "));
  }, {passive: false});
  document.querySelectorAll("#relext-controls input[data-type]").forEach(function (box) {
    box.addEventListener("change", function () { hidden[box.dataset.type] = !box.checked; refresh(); });
  });
  document.getElementById("relext-neg").addEventListener("change", function (ev) { showNeg = ev.target.checked; refresh(); });
  document.getElementById("relext-search").addEventListener("input", function (ev) {
    var q = ev.target.value.toLowerCase(), hit = -1;
    if (q) data.nodes.some(function (n, i) { if (n.label.toLowerCase().indexOf(q) >= 0) { hit = i; return true; } return false; });
    selected = null; if (hit >= 0) select(hit); else refresh();
  });
  info.dataset.help = info.innerHTML;
  place(); refresh();
})();
"""


def _static_svg(data: Mapping[str, Any]) -> str:
    """The picture shown before (or without) JavaScript: straight edges, nodes, labels."""
    nodes = data["nodes"]
    parts = []
    for e in data["edges"]:
        a, b = nodes[e["s"]], nodes[e["t"]]
        color = NEGATED_COLOR if e["negated"] else EDGE_COLOR
        dash = ' stroke-dasharray="6 4"' if e["negated"] else ""
        parts.append(f'<line x1="{a["x"]:.1f}" y1="{a["y"]:.1f}" x2="{b["x"]:.1f}" y2="{b["y"]:.1f}" '
                     f'stroke="{color}" stroke-width="1.4"{dash}/>'
                     f'<text x="{(a["x"] + b["x"]) / 2:.1f}" y="{(a["y"] + b["y"]) / 2:.1f}" font-size="10" '
                     f'text-anchor="middle" fill="{color}">{_esc(e["label"])}</text>')
    for n in nodes:
        parts.append(f'<circle cx="{n["x"]:.1f}" cy="{n["y"]:.1f}" r="11" fill="{n["color"]}" stroke="#555"/>'
                     f'<text x="{n["x"]:.1f}" y="{n["y"] + 25:.1f}" font-size="11" text-anchor="middle">'
                     f'{_esc(n["label"])}</text>')
    return "".join(parts)


def plot_html(G, path: Union[str, Path], *, layout: Union[str, Mapping, Callable] = "spring", seed: int = 0,
              title: str = "relext graph") -> Path:
    """Write a relext graph as one self-contained, interactive HTML page.

    The page holds the graph as inline SVG and a small inline script; it fetches
    nothing from the internet, so it opens offline and can be mailed or archived.
    Without JavaScript it still shows a static picture. With it you can drag nodes,
    pan (drag the background) and zoom (mouse wheel), click a node to highlight its
    neighbours and see its attributes, click an edge to see its attributes (evidence
    included), hide entity types or negated edges, and search a name.

    Args:
        G: a networkx graph from :func:`relext.build_graph` (node ``type``/``name``,
            edge ``predicate``/``negated``).
        path: the ``.html`` file to write (parent folders are created).
        layout: the starting layout, see :func:`graph_layout`.
        seed: seed of the spring layout.
        title: the page title and heading.

    Returns:
        The path written.

    Example:
        >>> import networkx as nx
        >>> G = nx.MultiDiGraph()
        >>> G.add_node("country:JPN", type="COUNTRY", name="Japan")
        >>> G.add_node("event:beijing-2022", type="EVENT", name="Beijing 2022 Winter Olympics")
        >>> _ = G.add_edge("country:JPN", "event:beijing-2022", predicate="ATTENDS", negated=True)
        >>> plot_html(G, "graph.html")      # doctest: +SKIP
        PosixPath('graph.html')
    """
    path = Path(path)
    data = graph_view_data(G, layout=layout, seed=seed)
    types = sorted({n["type"] for n in data["nodes"]}, key=lambda t: (t not in TYPE_COLORS, t))
    boxes = "".join(
        f'<label style="margin-right:0.8em"><input type="checkbox" checked data-type="{_esc(t)}"> '
        f'<span style="background:{TYPE_COLORS.get(t, OTHER_COLOR)};padding:0 0.4em;border-radius:0.3em">'
        f'{_esc(t.lower() or "untyped")}</span></label>' for t in types)
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    body = f"""<h2 style="margin:0 0 0.4em 0">{_esc(title)}</h2>
<div id="relext-controls" style="margin-bottom:0.5em">{boxes}
<label style="margin-right:0.8em"><input type="checkbox" checked id="relext-neg"> negated edges</label>
<input id="relext-search" placeholder="find a name…" style="padding:0.2em 0.4em"></div>
<div style="display:flex;gap:1em;align-items:flex-start">
<svg id="relext-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 700"
 style="flex:1;min-width:0;border:1px solid #ddd;border-radius:4px;background:#fff;height:75vh">{_static_svg(data)}</svg>
<div id="relext-info" style="width:22em;font-size:0.85em;overflow-wrap:anywhere">
{len(data["nodes"])} nodes, {len(data["edges"])} edges. Click a node or an edge for details;
drag nodes, drag the background to pan, scroll to zoom.</div></div>
<script type="application/json" id="relext-data">{payload}</script>
<script>{_VIEW_JS}</script>"""
    page = _page(f'<div style="font-family:Helvetica, Arial, sans-serif">{body}</div>', title)
    page = page.replace("</head>", "<style>#relext-info th{text-align:left;padding-right:0.6em;vertical-align:top}"
                                   "</style>\n</head>", 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf8")
    return path


__all__ = ["render", "render_extraction", "plot", "plot_html", "graph_layout", "graph_view_data",
           "relation_label", "RenderedHTML", "TYPE_COLORS"]
