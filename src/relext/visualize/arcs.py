"""One sentence drawn as SVG: entity mentions coloured, relations as labelled arcs.

Used by `relext.render`. Character positions are exact because every text
segment is stretched to ``len(segment) * CHAR_WIDTH`` pixels with SVG's ``textLength``.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Dict, List, Optional, Sequence, Tuple

from ..models import Entity, Extraction, Relation
from .style import EDGE_COLOR, NEGATED_COLOR, OTHER_COLOR, TYPE_COLORS, relation_label, type_name
from .style import escape_html as _esc

__all__ = ["sentence_svg", "sentence_rows"]

# Geometry of the sentence diagrams, in pixels.
CHAR_WIDTH = 8.4
_CW = CHAR_WIDTH
_FONT = 14
_PAD = 12
_LEVEL_H = 24
_type_name = type_name


def _pick_mention(entity: Optional[Entity], lo: int, hi: int, near: float):
    """Return the mention of ``entity`` inside ``[lo, hi)`` nearest to character ``near``."""
    if entity is None:
        return None
    inside = [m for m in entity.mentions if lo <= m.start_char and m.end_char <= hi]
    return min(inside, key=lambda m: abs((m.start_char + m.end_char) / 2 - near), default=None)




def sentence_svg(sentence: str, start: int, relations: Sequence[Relation], extraction: Extraction) -> str:
    """Return one sentence as SVG: coloured mentions, underlined triggers, arcs for the relations.

    Args:
        sentence: the sentence text.
        start: the sentence's first character in the document.
        relations: the relations stated in it (each gets an arc when both its
            subject and its object have a mention in the sentence).
        extraction: the extraction the relations come from (for mentions and names).

    Returns:
        An ``<svg>`` element, as wide as the sentence needs (wrap it in a scrolling box).
    """
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


def sentence_rows(sentence: str, start: int, relations: Sequence[Relation], extraction: Extraction,
                  wrap: Optional[int] = 100) -> List[str]:
    """Return a sentence as one or more SVG rows, broken at spaces that no arc or mention crosses.

    A long sentence is wrapped into rows of about ``wrap`` characters, so it fits on
    the screen; a row is longer only where one arc spans more than ``wrap`` characters
    (its box then scrolls sideways).

    Args:
        sentence: the sentence text.
        start: the sentence's first character in the document.
        relations: the relations stated in it.
        extraction: the extraction they come from.
        wrap: the row length to aim for, in characters; None draws one row.

    Returns:
        The ``<svg>`` rows, in reading order.

    Example:
        >>> from relext.models import Extraction
        >>> len(sentence_rows("word " * 50, 0, [], Extraction(), wrap=60))
        5
    """
    end = start + len(sentence)
    by_id = {e.id: e for e in extraction.entities}
    blocked: List[Tuple[int, int]] = []  # spans (sentence offsets) a row break must not cut
    for ent in extraction.entities:
        blocked.extend((m.start_char - start, m.end_char - start) for m in ent.mentions
                       if start <= m.start_char and m.end_char <= end)
    anchor = {}
    for i, rel in enumerate(relations):
        near = (rel.evidence.trigger_start + rel.evidence.trigger_end) / 2
        feet = [m for m in (_pick_mention(by_id.get(rel.subject), start, end, near),
                            _pick_mention(by_id.get(rel.object), start, end, near)) if m is not None]
        lo = min([m.start_char for m in feet] + [rel.evidence.trigger_start]) - start
        hi = max([m.end_char for m in feet] + [rel.evidence.trigger_end]) - start
        blocked.append((lo, hi))
        anchor[i] = lo
    if not wrap or len(sentence) <= wrap:
        return [sentence_svg(sentence, start, relations, extraction)]
    breaks = [i + 1 for i, ch in enumerate(sentence) if ch == " "
              and not any(lo < i + 1 < hi for lo, hi in blocked)]
    cuts, last_fit = [0], None  # last_fit: the furthest break that keeps the row within wrap
    for b in breaks:
        if b - cuts[-1] <= wrap:
            last_fit = b
            continue
        cuts.append(last_fit if last_fit is not None else b)  # b itself when nothing fits
        last_fit = b if b - cuts[-1] <= wrap and b > cuts[-1] else None
        if last_fit is None and b > cuts[-1]:
            cuts.append(b)
    if len(sentence) - cuts[-1] > wrap and last_fit is not None:
        cuts.append(last_fit)
    cuts = sorted({c for c in cuts if c < len(sentence)} | {len(sentence)})
    rows = []
    for a, b in zip(cuts, cuts[1:]):
        rels = [rel for i, rel in enumerate(relations) if a <= anchor[i] < b]
        rows.append(sentence_svg(sentence[a:b], start + a, rels, extraction))
    return rows
