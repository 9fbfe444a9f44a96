"""Cleaning: a record's decoded text made safe for the pipeline, or a reason to skip it.

`prepare_record()` refuses binary junk, converts HTML to text, replaces invalid
Unicode, normalises whitespace and control characters, and refuses empty, oversized
and clearly non-English texts; `read_records()` reads inputs with
`relext.io.readers.iter_inputs()` and cleans each record.

Example
-------
>>> prepare_record({"id": "x", "text": "Putin\\u00a0met Xi."})["text"]
'Putin met Xi.'
"""
from __future__ import annotations

from typing import IO, Any, Iterable, Iterator, Optional

from .decoding import RefusedInput, lone_surrogates, normalise_text, text_binary_reason, valid_unicode
from .html import html_refusal, html_to_text, looks_like_html
from .language import language_refusal
from .readers import MAX_CHARS, Item, Record, Skip, iter_inputs


def prepare_record(record: Record, *, strict_html: bool = False, force_language: bool = False,
                   max_chars: int = MAX_CHARS) -> Item:
    """Make a record's text safe for the pipeline, or say why it is skipped.

    Steps: refuse binary junk; convert HTML to text (or refuse it when
    ``strict_html``); `normalise_text()`; refuse empty texts
    and texts over ``max_chars``; refuse clearly non-English texts unless
    ``force_language``.

    Returns:
        A new record whose ``"text"`` is the cleaned text (the text that result
        offsets refer to), or a `Skip`.

    Example:
        >>> prepare_record({"id": "x", "text": "<p>Putin\\u00a0met Xi.</p><p>Hi.</p>"})["text"]
        'Putin met Xi.\\n\\nHi.'
        >>> prepare_record({"id": "y", "text": " \\n "}).reason
        'Document y is empty: there is no text to extract from.'
    """
    doc_id = str(record["id"])
    text = record["text"]
    warnings = list(record.get("warnings") or [])
    bad = lone_surrogates(text)
    if bad:  # text reaching spaCy (and every output) is always valid Unicode
        text = valid_unicode(text)
        warnings.append(f"Document {doc_id}: {bad} lone surrogate(s) (invalid Unicode) replaced with U+FFFD.")
    try:
        reason = text_binary_reason(text)
        if reason:
            raise RefusedInput(f"Document {doc_id} is not text: {reason}.")
        if looks_like_html(text, record.get("path")):
            if strict_html:
                raise RefusedInput(html_refusal(doc_id))
            text = html_to_text(text)
            warnings.append(f"Document {doc_id} was HTML; its text was extracted.")
        text = normalise_text(text)
        if not text.strip():
            raise RefusedInput(f"Document {doc_id} is empty: there is no text to extract from.")
        if len(text) > max_chars:
            raise RefusedInput(f"Document {doc_id} has {len(text):,} characters, more than the limit "
                               f"of {max_chars:,}; split it, or raise the limit with --max-chars.")
        if not force_language:
            reason = language_refusal(text, doc_id)
            if reason:
                raise RefusedInput(reason)
    except RefusedInput as err:
        return Skip(doc_id, str(err))
    out = dict(record)
    out.update(id=doc_id, text=text, warnings=warnings)
    return out


def read_records(inputs: Iterable[Any], *, encoding: Optional[str] = None, strict_html: bool = False,
                 force_language: bool = False, max_chars: int = MAX_CHARS,
                 stdin: Optional[IO[bytes]] = None) -> Iterator[Item]:
    """`iter_inputs()` followed by `prepare_record()`: clean records and skips."""
    for item in iter_inputs(inputs, encoding=encoding, stdin=stdin):
        if isinstance(item, Skip):
            yield item
        else:
            yield prepare_record(item, strict_html=strict_html, force_language=force_language,
                                 max_chars=max_chars)
