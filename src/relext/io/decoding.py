"""Bytes to clean text: encoding detection, binary refusal and text normalisation.

Two steps make raw input safe for the pipeline:

1. `decode_bytes()` turns bytes into ``str``. It honours a user-given encoding,
   then byte-order marks (UTF-8, UTF-16, UTF-32), then strict UTF-8, then UTF-8
   with replacement when only a few stray bytes are invalid, then the
   Western single-byte encodings (cp1252, Latin-1) for text that is mostly ASCII, and
   otherwise asks ``charset-normalizer``. Bytes that still cannot be decoded are
   replaced with U+FFFD and a warning naming the document is returned: decoding never
   crashes. Binary data (NUL bytes, mostly control bytes) is refused with
   `RefusedInput`, whose message says why.
2. `normalise_text()` removes control characters and zero-width characters and
   maps unusual whitespace to plain spaces and newlines.

Offsets
-------
Cleaning may change the length of a text (``"\\r\\n"`` becomes ``"\\n"``, a zero-width
space is removed). Every character offset relext reports (mentions, evidence)
refers to the **cleaned** text, which the batch layer stores with each result
(the ``"text"`` field of a results JSONL line), so
``text[m.start_char:m.end_char] == m.text`` holds on the stored text.

Example
-------
>>> decode_bytes("Café".encode("cp1252"), doc_id="a").text
'Café'
>>> decode_bytes(b"\\xef\\xbb\\xbfNATO met.", doc_id="b").encoding
'utf-8-sig'
>>> normalise_text("Putin\\u00a0met\\u200b Xi.\\r\\n")
'Putin met Xi.\\n'
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional, Union

#: Bytes of the start of the data that the binary check looks at.
SNIFF_BYTES = 8192
#: Share of control bytes (other than tab, newline, carriage return, form feed,
#: escape) above which data is taken to be binary.
MAX_CONTROL_SHARE = 0.10
#: Share of non-ASCII letters above which cp1252 is not trusted and
#: charset-normalizer decides (Cyrillic, Greek, CJK … in a legacy encoding).
MAX_WESTERN_NON_ASCII = 0.30

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_CONTROLS = {9, 10, 12, 13, 27}


class RefusedInput(ValueError):
    """The input cannot be processed as text; ``str(err)`` is the reason to report."""


@dataclass
class Decoded:
    """The result of `decode_bytes()`.

    Attributes:
        text: the decoded text (not yet normalised).
        encoding: the codec that was used, e.g. ``"utf-8"``, ``"cp1252"``.
        warnings: messages about lossy decoding, each naming the document.
    """

    text: str
    encoding: str
    warnings: List[str] = field(default_factory=list)


def check_encoding(name: str) -> str:
    """Return the canonical codec name for ``name``, or raise ``ValueError``.

    >>> check_encoding("latin1")
    'iso8859-1'
    """
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise ValueError(f"Unknown encoding '{name}'. Use a Python codec name such as "
                         f"utf-8, utf-16, cp1252 or latin-1.") from None


def binary_reason(data: bytes) -> Optional[str]:
    """Why ``data`` looks binary, or ``None`` if it may be text.

    Data with a UTF-16/32 byte-order mark is text even though it holds NUL bytes.

    >>> binary_reason(b"plain text")
    >>> binary_reason(b"PK\\x03\\x04\\x00\\x00")
    'it contains NUL bytes (a binary file, or UTF-16 text without a byte-order mark: pass --encoding utf-16)'
    """
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    head = data[:SNIFF_BYTES]
    if not head:
        return None
    if b"\x00" in head:
        return ("it contains NUL bytes (a binary file, or UTF-16 text without a byte-order "
                "mark: pass --encoding utf-16)")
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    if controls / len(head) > MAX_CONTROL_SHARE:
        return f"{controls / len(head):.0%} of its first bytes are control characters (a binary file?)"
    return None


def _lossy(data: bytes, encoding: str, doc_id: str, why: str) -> Decoded:
    text = data.decode(encoding, errors="replace")
    n = text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")
    return Decoded(text, encoding, [
        f"Document {doc_id}: {n} undecodable byte sequence(s) replaced with U+FFFD ({why}); "
        f"if the text looks wrong, pass the right --encoding."])


def _western(data: bytes) -> Optional[Decoded]:
    """cp1252 (or Latin-1 for cp1252's five undefined bytes) for mostly-ASCII text."""
    for enc in ("cp1252", "latin-1"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return Decoded(text, enc)
    non_ascii = sum(1 for c in letters if ord(c) > 127)
    if non_ascii / len(letters) <= MAX_WESTERN_NON_ASCII:
        return Decoded(text, enc)
    return None


def _mostly_utf8(data: bytes) -> bool:
    """Whether ``data`` is UTF-8 text with a few stray bad bytes rather than another encoding.

    True when it holds valid multi-byte UTF-8 characters and no more invalid
    sequences than valid non-ASCII characters: text in cp1252 or Latin-1 hardly ever
    forms valid UTF-8 sequences, UTF-8 text damaged by a stray byte does all the time.

    >>> _mostly_utf8("François Hollande".encode() + b"\\x92")
    True
    >>> _mostly_utf8("François Hollande".encode("cp1252"))
    False
    """
    clean = data.decode("utf-8", errors="ignore")
    good = sum(1 for c in clean if ord(c) > 127)
    if not good:
        return False
    bad = data.decode("utf-8", errors="replace").count("\ufffd") - clean.count("\ufffd")
    return bad <= good


def decode_bytes(data: bytes, *, doc_id: str = "<bytes>", encoding: Optional[str] = None) -> Decoded:
    """Decode ``data`` to text, never crashing on bad bytes.

    Args:
        data: the raw bytes of one document (or one JSONL line).
        doc_id: the document's id or file name, used in warnings and refusals.
        encoding: a codec to use instead of detection. Bytes invalid in it are
            replaced, with a warning.

    Returns:
        A `Decoded` with the text, the encoding used and any warnings.

    Raises:
        RefusedInput: if the data looks binary (the message says why).
        ValueError: if ``encoding`` is not a known codec.

    Example:
        >>> decode_bytes("Grüße".encode("utf-16"), doc_id="x").text
        'Grüße'
        >>> d = decode_bytes(b"ok \\xff\\xfe\\xfa", doc_id="x", encoding="utf-8")
        >>> d.text, len(d.warnings)
        ('ok \\ufffd\\ufffd\\ufffd', 1)
    """
    if encoding:
        enc = check_encoding(encoding)
        try:
            return Decoded(data.decode(enc), enc)
        except UnicodeDecodeError:
            return _lossy(data, enc, doc_id, f"invalid in the given encoding {enc}")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(enc), enc)
            except UnicodeDecodeError:
                return _lossy(data, enc, doc_id, f"invalid {enc} after a byte-order mark")
    reason = binary_reason(data)
    if reason:
        raise RefusedInput(f"Document {doc_id} is not text: {reason}.")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as err:
        utf8_error = err
    if _mostly_utf8(data):
        return _lossy(data, "utf-8", doc_id, f"UTF-8 text with invalid bytes, the first at byte {utf8_error.start}")
    western = _western(data)
    if western is not None:
        return western
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # pragma: no cover - detector failure must not end the batch
        best = None
    if best is not None and best.encoding:
        return Decoded(str(best), best.encoding)
    return _lossy(data, "utf-8", doc_id, f"no encoding fits; first bad byte at {utf8_error.start}")


def decode_file(path: Union[str, Path], *, doc_id: Optional[str] = None,
                encoding: Optional[str] = None) -> Decoded:
    """Read and decode a whole file with `decode_bytes()`.

    Raises:
        RefusedInput: binary content.
        OSError: the file cannot be read.
    """
    path = Path(path)
    return decode_bytes(path.read_bytes(), doc_id=doc_id or str(path), encoding=encoding)


# --- valid Unicode -------------------------------------------------------------------

_SURROGATES = re.compile("[\ud800-\udfff]")


def lone_surrogates(text: str) -> int:
    """How many lone surrogates (code points U+D800-U+DFFF) ``text`` holds.

    Python strings can hold them (from ``json.loads('"\\ud800"')`` or from file
    names that are not valid UTF-8), but they cannot be encoded, so any output
    holding one fails.

    >>> lone_surrogates("ok \\ud800 \\udcff")
    2
    """
    return len(_SURROGATES.findall(text))


def valid_unicode(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD, one for one (offsets are kept).

    Args:
        text: any Python string.

    Returns:
        A string that encodes to UTF-8 (the same object when there was nothing to replace).

    Examples:
        >>> valid_unicode("Paris\\ud800 Summit")
        'Paris\\ufffd Summit'
        >>> valid_unicode("caf\\udce9")  # a Latin-1 byte in a file name, as os.listdir gives it
        'caf\\ufffd'
    """
    if not _SURROGATES.search(text):
        return text
    return _SURROGATES.sub("\ufffd", text)


# --- normalisation -------------------------------------------------------------------

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# zero-width and invisible formatting characters, soft hyphen, BOM
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\u2061-\u2064\ufeff\u180e]")
# C0/C1 controls except tab and newline (newline-like ones are handled above)
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# unusual spaces: tab, NBSP, en/em/thin/ideographic spaces … -> one plain space each
_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def normalise_text(text: str) -> str:
    """Clean a decoded text for the pipeline.

    - Unicode NFC composition (``"e\\u0301"`` becomes ``"é"``);
    - ``\\r\\n``, ``\\r``, vertical tab, form feed, NEL and the Unicode line and
      paragraph separators become ``\\n``;
    - tabs and unusual spaces (no-break, thin, em, ideographic …) become ``" "``,
      one for one;
    - zero-width characters, soft hyphens, stray BOMs and other control
      characters are removed.

    Paragraph breaks (blank lines) are kept. Offsets in results refer to the text
    this returns, which the batch layer stores with each result.

    >>> normalise_text("A\\tB\\r\\n\\r\\nC\\x07")
    'A B\\n\\nC'
    """
    text = unicodedata.normalize("NFC", text)
    text = _NEWLINES.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROLS.sub("", text)
    return _SPACES.sub(" ", text)


def text_binary_reason(text: str) -> Optional[str]:
    """Why an already decoded text looks like binary junk, or ``None``.

    Used for texts that did not come from bytes (a JSONL ``"text"`` field).

    >>> text_binary_reason("Putin met Xi.")
    >>> text_binary_reason("\\x00\\x01\\x02abc")
    'it contains NUL characters'
    """
    if "\x00" in text:
        return "it contains NUL characters"
    head = text[:SNIFF_BYTES]
    if not head:
        return None
    bad = sum(1 for c in head if (ord(c) < 32 and ord(c) not in _TEXT_CONTROLS) or c == "\ufffd"
              or unicodedata.category(c) in ("Co", "Cs", "Cn"))
    if bad / len(head) > MAX_CONTROL_SHARE:
        return f"{bad / len(head):.0%} of its characters are control or undecodable characters"
    return None
