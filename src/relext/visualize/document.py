"""HTML for one document or one piece of evidence: the work behind `relext.render`.

- `render_extraction` shows a document with displaCy's entity view, then every
  sentence that states a relation as an arc diagram (`.arcs`), then a table.
- `render_evidence` shows one statement: its sentence with the trigger marked,
  and who did what to whom.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Tuple

from ..models import Extraction, Relation
from .arcs import sentence_rows
from .style import NEGATED_COLOR, NEGATION_MARK, OTHER_COLOR, TYPE_COLORS, relation_label, type_name
from .style import escape_html as _esc

__all__ = ["render_extraction", "render_evidence", "select_relations", "page"]

_type_name = type_name
#: A box that scrolls sideways when its content is wider than the screen.
SCROLL_BOX = "overflow-x:auto;max-width:100%;margin:0.4em 0;border-left:3px solid #eee;padding-left:4px"


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


def _relation_table(extraction: Extraction) -> str:
    """Return every relation of ``extraction`` as an HTML table."""
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


def select_relations(extraction: Extraction, relation: Any) -> Extraction:
    """Return ``extraction`` with only the relation(s) ``relation`` names.

    Args:
        extraction: an extraction.
        relation: a position in ``extraction.relations``, a
            `Relation` of it, or a predicate such as ``"ATTENDS"``.

    Returns:
        A copy of the extraction with the chosen relations (entities unchanged).

    Raises:
        ValueError: if no relation matches.

    Example:
        >>> ex = Extraction()
        >>> select_relations(ex, "ATTENDS")
        Traceback (most recent call last):
        ...
        ValueError: The extraction has no relation 'ATTENDS' (it has 0 relations: none).
    """
    rels = list(extraction.relations)
    if isinstance(relation, bool):
        chosen = []
    elif isinstance(relation, int):
        chosen = [rels[relation]] if -len(rels) <= relation < len(rels) else []
    elif isinstance(relation, Relation):
        chosen = [r for r in rels if r == relation]
    else:
        chosen = [r for r in rels if r.predicate == str(relation)]
    if not chosen:
        have = ", ".join(sorted({r.predicate for r in rels})) or "none"
        raise ValueError(f"The extraction has no relation {relation!r} (it has {len(rels)} relations: {have}).")
    return extraction.model_copy(update={"relations": chosen})


def render_extraction(extraction: Extraction, text: Optional[str] = None, *, relation: Any = None,
                      wrap: Optional[int] = 100) -> str:
    """Return the HTML for one extraction (the work behind `relext.render`, without display).

    Args:
        extraction: the result of `relext.extract`.
        text: the document text the extraction was made from. Without it, the
            document view shows only the sentences that state relations and the
            mentions elsewhere, joined by ``…``.
        relation: show only this relation and its sentence (see `select_relations`).
        wrap: break the arc diagram of a sentence longer than this many characters
            into rows; None keeps one row per sentence (its box scrolls sideways).

    Returns:
        An HTML fragment (a ``<div>``), self-contained: inline SVG, no scripts.
    """
    from spacy import displacy

    if relation is not None:
        extraction = select_relations(extraction, relation)
    if text is None or relation is not None:
        if text is not None:
            _check_offsets(text, extraction)
        shown_text, move = _reconstruct_text(extraction) if relation is None else (None, None)
    else:
        _check_offsets(text, extraction)
        shown_text, move = text, (lambda o: o)
    types = [t for t in TYPE_COLORS if any(_type_name(e.type) == t for e in extraction.entities)]
    parts = ['<div class="relext-render" style="font-family:Helvetica, Arial, sans-serif;'
             'line-height:1.4;color:#222;max-width:100%;overflow-wrap:anywhere">']
    if extraction.doc_id:
        parts.append(f'<div style="font-weight:bold;font-size:1.1em">{_esc(extraction.doc_id)}</div>')
    parts.append(_legend(types))
    if shown_text is not None:
        parts.append(displacy.render({"text": shown_text, "ents": _entity_spans(extraction, move), "title": None},
                                     style="ent", manual=True, jupyter=False,
                                     options={"colors": TYPE_COLORS, "ents": list(TYPE_COLORS)}))

    by_sentence: Dict[Tuple[int, str], List[Relation]] = defaultdict(list)
    for rel in extraction.relations:
        by_sentence[(rel.evidence.start_char, rel.evidence.sentence)].append(rel)
    if by_sentence:
        parts.append(f'<div style="font-weight:bold;margin-top:1em">Relations ({len(extraction.relations)})</div>')
        for (start, sentence), rels in sorted(by_sentence.items()):
            rows = sentence_rows(sentence, start, rels, extraction, wrap=wrap)
            parts.append(f'<div class="relext-sentence" style="{SCROLL_BOX}">' + "".join(rows) + "</div>")
        parts.append(_relation_table(extraction))
    else:
        parts.append('<div style="margin-top:1em;color:#666">No relations found.</div>')
    parts.append("</div>")
    return "".join(parts)


def render_evidence(item: Any, names: Optional[Mapping[str, str]] = None) -> str:
    """Return the HTML for one statement: its sentence with the trigger marked.

    Args:
        item: a `Relation`, or an evidence item of a graph edge
            (a dict with ``sentence``, ``start_char``, ``trigger_start``, ``trigger_end``,
            and optionally ``doc_id``, ``rule``, ``modality``, ``cue``).
        names: entity id -> name, to name a relation's subject and object.

    Returns:
        An HTML fragment (a ``<div>``): a heading (who did what to whom, when known),
        the sentence with the trigger in bold, and the rule, document and modality.

    Example:
        >>> html = render_evidence({"sentence": "Ada <b> met Bo.", "start_char": 0, "trigger": "met",
        ...                         "trigger_start": 8, "trigger_end": 11})
        >>> "<mark" in html and "&lt;b&gt;" in html
        True
    """
    names = names or {}
    head = ""
    if isinstance(item, Relation):
        rel = item
        head = (f"{names.get(rel.subject, rel.subject)} {relation_label(rel.predicate, rel.negated, rel.modality)} "
                f"{names.get(rel.object, rel.object)}")
        item = {**rel.evidence.model_dump(mode="json"), "negated": rel.negated,
                "modality": _type_name(rel.modality)}
    sentence = str(item.get("sentence", ""))
    offset = int(item.get("start_char") or 0)
    a = int(item.get("trigger_start", offset)) - offset
    b = int(item.get("trigger_end", offset)) - offset
    color = NEGATED_COLOR if item.get("negated") else "#222"
    if 0 <= a < b <= len(sentence):
        body = (_esc(sentence[:a]) + f'<mark style="background:#fde68a;font-weight:bold;color:{color}">'
                + _esc(sentence[a:b]) + "</mark>" + _esc(sentence[b:]))
    else:
        body = _esc(sentence)
    meta = [f"{k}: {item[k]}" for k in ("doc_id", "rule", "modality", "cue", "reported_by") if item.get(k)]
    return ('<div class="relext-evidence" style="font-family:Helvetica, Arial, sans-serif;margin:0.4em 0;'
            'overflow-wrap:anywhere">'
            + (f'<div style="font-weight:bold;color:{color}">{_esc(head)}</div>' if head else "")
            + f'<div style="line-height:1.5">{body}</div>'
            + f'<div style="color:#666;font-size:0.8em">{_esc(" · ".join(meta))}</div></div>')


def page(body: str, title: str) -> str:
    """Return ``body`` as a complete HTML page.

    Args:
        body: an HTML fragment.
        title: the page title (escaped here).

    Returns:
        The page, starting with ``<!DOCTYPE html>``.
    """
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{_esc(title)}</title>\n'
            f'</head>\n<body style="margin:1.5rem">\n{body}\n</body>\n</html>\n')
