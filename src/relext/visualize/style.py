"""Colours, labels and escaping shared by every relext picture.

The entity colours are from Okabe and Ito's colour-blind-safe palette ("Color
Universal Design", 2008): the five types stay apart for readers with any common form
of colour blindness, and black text stays readable on each of them.

Example:
    >>> from relext.visualize.style import TYPE_COLORS, relation_label
    >>> TYPE_COLORS["COUNTRY"] != TYPE_COLORS["LOCATION"]
    True
    >>> relation_label("ATTENDS", negated=True)
    '¬ATTENDS'
"""
from __future__ import annotations

import html
import json
from typing import Any, Dict

from ..models import Modality

#: Colour of each entity type, shared by `relext.render`, `relext.plot` and
#: `relext.plot_html` (Okabe-Ito palette: sky blue, orange, bluish green,
#: reddish purple, yellow).
TYPE_COLORS: Dict[str, str] = {
    "PERSON": "#56B4E9",
    "COUNTRY": "#E69F00",
    "ORGANISATION": "#009E73",
    "EVENT": "#CC79A7",
    "LOCATION": "#F0E442",
}
#: Colour of a node or mention whose type is not one of relext's five.
OTHER_COLOR = "#BBBBBB"
#: Colour of asserted relations.
EDGE_COLOR = "#555555"
#: Colour of negated relations (also drawn dashed).
NEGATED_COLOR = "#C0392B"
#: Prefix of a negated relation's label.
NEGATION_MARK = "¬"

__all__ = ["TYPE_COLORS", "OTHER_COLOR", "EDGE_COLOR", "NEGATED_COLOR", "NEGATION_MARK",
           "relation_label", "type_name", "escape_html", "json_for_script", "json_safe"]


def type_name(value: Any) -> str:
    """Return the plain name of a type: ``EntityType.PERSON`` or ``"PERSON"`` -> ``"PERSON"``.

    Args:
        value: an enum member, a string or None.

    Returns:
        The name as ``str`` (``""`` for None).

    Example:
        >>> type_name(None)
        ''
    """
    return str(getattr(value, "value", value) or "")


def escape_html(text: Any) -> str:
    """Return ``text`` as HTML text or attribute value (``&``, ``<``, ``>``, quotes escaped).

    Args:
        text: any value; it is converted with ``str``.

    Returns:
        The escaped text.

    Example:
        >>> escape_html('<b>"x"</b>')
        '&lt;b&gt;&quot;x&quot;&lt;/b&gt;'
    """
    return html.escape(str(text), quote=True)


def json_for_script(data: Any) -> str:
    """Return ``data`` as JSON that is safe inside an HTML ``<script>`` element.

    Every ``<``, ``>`` and ``&`` is written as a ``\\u`` escape, so no text in the data
    (``</script>``, ``<!--<script>``) can end the element or switch the HTML parser into
    a script-data state; U+2028 and U+2029 are escaped for old JavaScript parsers.
    ``JSON.parse`` gives back the original strings.

    Args:
        data: JSON-ready data.

    Returns:
        The JSON text.

    Example:
        >>> json_for_script({"s": "<!--<script>"})
        '{"s": "\\\\u003c!--\\\\u003cscript\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False)
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


def json_safe(value: Any) -> Any:
    """Return ``value`` with every non-JSON part (enums, sets, objects) turned into text.

    Args:
        value: an attribute value from a graph.

    Returns:
        Data made of dicts, lists, strings, numbers, booleans and None.

    Example:
        >>> json_safe({"docs": ("a", "b"), "n": 1})
        {'docs': ['a', 'b'], 'n': 1}
    """
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [json_safe(v) for v in value]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    return str(getattr(value, "value", value))


def relation_label(predicate: str, negated: bool = False, modality: Any = None) -> str:
    """Return the label relext draws for a relation: ``ATTENDS``, ``¬ATTENDS``, ``ATTENDS (planned)``.

    Args:
        predicate: the relation type.
        negated: whether the text denies it.
        modality: the relation's modality; ``ASSERTED`` (or None) adds nothing.

    Returns:
        The label.

    Example:
        >>> relation_label("ATTENDS", negated=True, modality="PLANNED")
        '¬ATTENDS (planned)'
    """
    label = (NEGATION_MARK if negated else "") + str(predicate)
    modality = type_name(modality)
    if modality and modality != Modality.ASSERTED.value:
        label += f" ({modality.lower()})"
    return label
