"""HTML input: recognise it and turn it into plain text with paragraph breaks.

Articles saved from the web often arrive as HTML. `html_to_text()` keeps the
readable text, drops ``script``, ``style``, ``nav`` and other page furniture, and
puts a blank line between block elements (paragraphs, headings, list items), so
sentence and paragraph boundaries survive. In strict mode the batch layer refuses
HTML instead (``relext extract --strict-html``).

Example
-------
>>> html_to_text("<html><body><nav>Home</nav><p>Putin met Xi.</p><p>NATO said no.</p>"
...              "<script>var x;</script></body></html>")
'Putin met Xi.\\n\\nNATO said no.'
>>> looks_like_html("<p>Hello</p>"), looks_like_html("a < b and c > d")
(True, False)
"""
from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Optional, Union

#: Elements whose content is never article text.
DROP_TAGS = ("script", "style", "nav", "noscript", "template", "iframe", "svg", "canvas",
             "header", "footer", "aside", "form", "button", "select", "head", "object")
#: Elements that end a paragraph (a blank line is put after them).
BLOCK_TAGS = ("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
              "li", "ul", "ol", "blockquote", "pre", "table", "tr", "dl", "dt", "dd",
              "figure", "figcaption", "address", "hr")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")

_SNIFF = re.compile(
    r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]|<(p|div|span|br|a|article|h[1-6]|li|script|"
    r"style|meta|title|table)(\s[^<>]*)?/?>|</(p|div|span|a|article|h[1-6]|li|body|html)>",
    re.IGNORECASE)
_BLANKS = re.compile(r"[ \t\u00a0]*\n[ \t\u00a0\n]*\n[ \t\u00a0]*")
_INLINE_SPACE = re.compile(r"[ \t\u00a0]+")


def looks_like_html(text: str, path: Union[None, str, Path] = None) -> bool:
    """Whether ``text`` is HTML: an HTML file name, or at least two HTML tags early on.

    A lone ``<`` in prose ("a < b") is not taken for HTML.
    """
    if path is not None and str(path).lower().endswith(HTML_SUFFIXES):
        return True
    head = text[:20000]
    if "<" not in head:
        return False
    return len(_SNIFF.findall(head, 0)) >= 2 or bool(re.match(r"\s*<!doctype\s+html", head, re.I))


def html_to_text(html: str) -> str:
    """Extract the readable text of an HTML document.

    Args:
        html: the HTML source.

    Returns:
        The text, one paragraph per block element, paragraphs separated by a blank
        line, runs of spaces collapsed, leading and trailing whitespace removed.
    """
    from bs4 import BeautifulSoup, Comment

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # MarkupResemblesLocatorWarning and the like
        soup = BeautifulSoup(html, "html.parser")
    for tag in soup(list(DROP_TAGS)):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(list(BLOCK_TAGS)):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    text = soup.get_text()
    lines = [_INLINE_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    text = _BLANKS.sub("\n\n", "\n".join(lines)).strip()
    if not text and title:
        return title
    return text


def html_refusal(doc_id: str) -> str:
    """The reason given for an HTML document in strict mode."""
    return (f"Document {doc_id} is HTML and --strict-html is on; convert it to text first, "
            f"or run without --strict-html to extract its text automatically.")


def maybe_html_to_text(text: str, doc_id: str, *, path: Union[None, str, Path] = None,
                       strict: bool = False) -> Optional[str]:
    """Return plain text for ``text``: itself, or its HTML converted.

    Raises:
        relext.io.decoding.RefusedInput: in strict mode when the text is HTML.
    """
    if not looks_like_html(text, path):
        return text
    if strict:
        from .decoding import RefusedInput

        raise RefusedInput(html_refusal(doc_id))
    return html_to_text(text)
