"""Griffe extension for the docs build: read singular "Example" sections as "Examples".

relext docstrings write ``Example:`` (Google style) or ``Example`` + underline
(numpydoc) above doctests. Griffe knows only the plural; a singular heading becomes
an admonition of prose, where ``>>> [x for x in y]`` reads as a Markdown link. With
the plural, the doctest lines render as Python console code.
"""
from __future__ import annotations

import re

import griffe

_GOOGLE = re.compile(r"^(\s*)Example:\s*$", re.M)
_NUMPY = re.compile(r"^(\s*)Example\n(\s*)-------\s*$", re.M)


class ExampleSections(griffe.Extension):
    """Rename ``Example`` section headings to ``Examples`` before docstrings are parsed."""

    def on_instance(self, *, obj: griffe.Object, **kwargs) -> None:  # noqa: D401 - griffe hook
        doc = obj.docstring
        if doc is None or "Example" not in doc.value:
            return
        value = _GOOGLE.sub(r"\1Examples:", doc.value)
        doc.value = _NUMPY.sub(r"\1Examples\n\2--------", value)
