"""Readers: files, directories, JSONL and stdin to ``{"id", "text"}`` records.

`iter_inputs()` turns what a user names on the command line into a stream of
items, each either a **record** (a dict with ``"id"``, ``"text"``, ``"source"`` and
``"warnings"``) or a `Skip` event ``(id, reason)`` for input that cannot be
read. `relext.io.cleaning.prepare_record()` then makes a record's text safe for the
pipeline (binary check, HTML to text, normalisation, size and language checks);
`relext.io.cleaning.read_records()` does both.

What is read
------------
- ``path/to/article.txt`` (any suffix but ``.jsonl``/``.ndjson``): one document
  whose id is the file name without its suffix (``article``);
- a directory: every ``.txt``, ``.text``, ``.html``, ``.htm`` file under it
  (recursively, sorted, hidden files skipped) as one document each, id = the path
  relative to the directory without suffix (``2024/summit``); ``.jsonl`` files in it
  are read as below;
- ``records.jsonl`` / ``.ndjson``: one JSON object ``{"id": ..., "text": ...}`` per
  line (id defaults to ``<file stem>:<line>``); a broken line is a `Skip`
  naming the file and line, the other lines are still read;
- ``-``: standard input, read as JSONL when it starts with ``{`` (in UTF-8, or in
  UTF-16/32 with a byte-order mark), else as one document with id ``stdin``.

A JSONL record's fields other than ``id`` and ``text`` (``date``, ``url``,
``source`` …) are kept as the record's ``"meta"`` dict. Ids are always valid
Unicode: a file name that is not valid UTF-8 gives an id with U+FFFD in place of
the bad bytes, and a warning. Symbolic links in a directory that lead outside it
are not followed (a `Skip` says so) unless ``follow_symlinks=True``.

Example
-------
>>> import json, tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Putin met Xi in Beijing.", encoding="utf-8")
>>> _ = (d / "b.jsonl").write_text(json.dumps({"id": "b1", "text": "NATO met."}) + "\\n{oops\\n")
>>> [(i["id"], i["text"]) if isinstance(i, dict) else tuple(i) for i in iter_inputs([d])]  # doctest: +ELLIPSIS
[('a', 'Putin met Xi in Beijing.'), ('b1', 'NATO met.'), ('b:2', '...b.jsonl, line 2: not valid JSON (...); fix or remove the line.')]
"""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import IO, Any, Dict, Iterable, Iterator, List, Mapping, NamedTuple, Optional, Tuple, Union

from .decoding import _BOMS, RefusedInput, decode_bytes, lone_surrogates, valid_unicode

#: Suffixes read as documents when a directory is given.
TEXT_SUFFIXES = (".txt", ".text", ".html", ".htm")
#: Suffixes read as JSONL (one record per line).
JSONL_SUFFIXES = (".jsonl", ".ndjson")
#: Longest document accepted, in characters (texts longer than the model's
#: ``max_length`` but below this are processed in chunks).
MAX_CHARS = 5_000_000

PathLike = Union[str, Path]
Record = Dict[str, Any]


class Skip(NamedTuple):
    """An input that was not processed: its id and a reason that says what to do."""

    id: str
    reason: str


Item = Union[Record, Skip]


class InputPathError(ValueError):
    """A named input does not exist or is of an unsupported kind (a usage error)."""


def check_paths(paths: Iterable[Any]) -> None:
    """Raise `InputPathError` for any named path that does not exist.

    Mappings and ``"-"`` (stdin) are accepted as they are.
    """
    for p in paths:
        if isinstance(p, Mapping) or str(p) == "-":
            continue
        path = Path(p)
        if not path.exists():
            raise InputPathError(f"Input {p} does not exist. Name .txt or .jsonl files, directories "
                                 f"of .txt files, or - for standard input.")
        if not (path.is_file() or path.is_dir()):
            raise InputPathError(f"Input {p} is neither a file nor a directory.")


#: Fields of an input record that are not metadata.
RECORD_FIELDS = ("id", "text")


def safe_id(doc_id: Any) -> Tuple[str, Optional[str]]:
    """A document id as valid Unicode, and a warning when it had to be changed.

    >>> safe_id("caf\\udce9")
    ('caf\\ufffd', 'Document caf\\ufffd: its id (a file name?) is not valid Unicode; bad characters were replaced with U+FFFD.')
    """
    doc_id = str(doc_id)
    if not lone_surrogates(doc_id):
        return doc_id, None
    fixed = valid_unicode(doc_id)
    return fixed, (f"Document {fixed}: its id (a file name?) is not valid Unicode; bad characters were "
                   f"replaced with U+FFFD.")


def _record(doc_id: str, text: str, source: str, warnings: Optional[List[str]] = None,
            path: Optional[Path] = None, meta: Optional[Mapping[str, Any]] = None) -> Record:
    doc_id, warning = safe_id(doc_id)
    source = valid_unicode(str(source))
    rec: Record = {"id": doc_id, "text": text, "source": source,
                   "warnings": list(warnings or []) + ([warning] if warning else []), "meta": dict(meta or {})}
    if path is not None:
        rec["path"] = str(path)
    return rec


def record_meta(obj: Mapping[str, Any]) -> Dict[str, Any]:
    """A record's fields other than ``id`` and ``text`` (its metadata: date, url, source …).

    >>> record_meta({"id": "a", "text": "…", "date": "2024-05-01", "url": "https://example.org/a"})
    {'date': '2024-05-01', 'url': 'https://example.org/a'}
    """
    return {str(k): v for k, v in obj.items() if k not in RECORD_FIELDS}


def _is_jsonl(path: Path) -> bool:
    return path.suffix.lower() in JSONL_SUFFIXES


def iter_directory(root: Path) -> Iterator[Path]:
    """Files under ``root`` that are read as input, recursively, in sorted order.

    Symbolic links are listed too; `leaves_tree()` tells which lead outside ``root``.
    """
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES + JSONL_SUFFIXES:
            yield path


def leaves_tree(path: Path, root: Path) -> bool:
    """Whether ``path`` (under ``root``) resolves, through symbolic links, to a file outside ``root``.

    >>> import tempfile, pathlib, os
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> os.symlink("/etc/hostname", d / "host.txt")
    >>> leaves_tree(d / "host.txt", d)
    True
    """
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return True
    return False


def read_text_file(path: Path, doc_id: str, *, encoding: Optional[str] = None) -> Item:
    """Read one document file: a record, or a `Skip` if it is unreadable or binary."""
    try:
        data = path.read_bytes()
    except OSError as err:
        return Skip(doc_id, f"File {path} could not be read: {err.strerror or err}.")
    try:
        decoded = decode_bytes(data, doc_id=f"{doc_id} ({path})", encoding=encoding)
    except RefusedInput as err:
        return Skip(doc_id, str(err))
    return _record(doc_id, decoded.text, str(path), decoded.warnings, path)


def _jsonl_lines(stream: IO[bytes], encoding: Optional[str]) -> Iterator[tuple]:
    """Yield ``(line number, text or None, warnings)``; handles BOMs and UTF-16 files."""
    head = stream.peek(4)[:4] if hasattr(stream, "peek") else b""
    if encoding is None and (head.startswith(b"\xff\xfe") or head.startswith(b"\xfe\xff")):
        wrapper = io.TextIOWrapper(stream, encoding="utf-16", errors="replace", newline=None)
        for lineno, line in enumerate(wrapper, 1):
            yield lineno, line, []
        return
    for lineno, raw in enumerate(stream, 1):
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if encoding is None:
            try:
                yield lineno, raw.decode("utf-8"), []
                continue
            except UnicodeDecodeError:
                pass
        try:
            decoded = decode_bytes(raw, doc_id=f"line {lineno}", encoding=encoding)
        except RefusedInput as err:
            yield lineno, None, [str(err)]
            continue
        yield lineno, decoded.text, decoded.warnings


def iter_jsonl(stream: IO[bytes], name: str, stem: str, *, encoding: Optional[str] = None) -> Iterator[Item]:
    """Read JSONL records from a binary stream; ``name`` is used in messages.

    Each line must be a JSON object with a string ``"text"`` and optionally an
    ``"id"``; blank lines are ignored. A bad line becomes a `Skip` whose id is
    the record's id if it could be read, else ``<stem>:<line>``.
    """
    for lineno, line, warnings in _jsonl_lines(stream, encoding):
        fallback_id = f"{stem}:{lineno}"
        where = f"{name}, line {lineno}"
        if line is None:
            yield Skip(fallback_id, f"{where}: {warnings[0]}")
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            yield Skip(fallback_id, f"{where}: not valid JSON ({err.msg} at column {err.colno}); "
                                    f"fix or remove the line.")
            continue
        if not isinstance(obj, dict):
            yield Skip(fallback_id, f"{where}: expected a JSON object with 'id' and 'text', "
                                    f"got {type(obj).__name__}.")
            continue
        doc_id = obj.get("id")
        doc_id = fallback_id if doc_id is None or doc_id == "" else str(doc_id)
        text = obj.get("text")
        if not isinstance(text, str):
            found = "no 'text' field" if text is None else f"a 'text' of type {type(text).__name__}"
            yield Skip(doc_id, f"{where}: record has {found}; each line needs a string 'text'.")
            continue
        warnings = [w.replace(f"line {lineno}", f"{doc_id} ({where})") for w in warnings]
        yield _record(doc_id, text, where, warnings, meta=record_meta(obj))


def read_jsonl_file(path: Path, *, encoding: Optional[str] = None) -> Iterator[Item]:
    """Read a JSONL file (see `iter_jsonl()`); an unreadable file is one `Skip`."""
    try:
        stream = path.open("rb")
    except OSError as err:
        yield Skip(path.stem, f"File {path} could not be read: {err.strerror or err}.")
        return
    with stream:
        yield from iter_jsonl(stream, str(path), path.stem, encoding=encoding)


def read_stdin(stream: Optional[IO[bytes]] = None, *, encoding: Optional[str] = None) -> Iterator[Item]:
    """Read standard input: JSONL when it starts with ``{``, else one document ``stdin``."""
    stream = stream if stream is not None else sys.stdin.buffer
    data = stream.read()
    for bom, enc in _BOMS:
        if enc != "utf-8-sig" and data.startswith(bom) and \
                data[:400].decode(enc, errors="ignore").lstrip("\ufeff \t\r\n").startswith("{"):
            data = data.decode(enc, errors="replace").lstrip("\ufeff").encode("utf-8", errors="replace")
            break
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        yield from iter_jsonl(io.BufferedReader(io.BytesIO(data)), "<stdin>", "stdin", encoding=encoding)
        return
    try:
        decoded = decode_bytes(data, doc_id="stdin", encoding=encoding)
    except RefusedInput as err:
        yield Skip("stdin", str(err))
        return
    yield _record("stdin", decoded.text, "<stdin>", decoded.warnings)


def iter_inputs(inputs: Iterable[Any], *, encoding: Optional[str] = None,
                stdin: Optional[IO[bytes]] = None, follow_symlinks: bool = False) -> Iterator[Item]:
    """Yield raw records and `Skip` events for the named inputs, in order.

    Args:
        inputs: paths (files, directories, ``"-"``) or ready records (mappings with
            ``"text"`` and optionally ``"id"``; default id: ``record:<position>``).
        encoding: the encoding of every file, instead of detection.
        stdin: a binary stream to read for ``"-"`` (default ``sys.stdin.buffer``).
        follow_symlinks: read files in a directory whose symbolic links lead outside
            it (by default they are skipped, so a link to ``/etc/passwd`` is not read).

    Record texts are decoded but not yet cleaned; see `relext.io.cleaning.prepare_record()`.
    """
    for position, item in enumerate(inputs):
        if isinstance(item, Mapping):
            doc_id = item.get("id")
            doc_id = f"record:{position}" if doc_id is None else str(doc_id)
            text = item.get("text")
            if isinstance(text, bytes):
                try:
                    decoded = decode_bytes(text, doc_id=doc_id, encoding=encoding)
                except RefusedInput as err:
                    yield Skip(doc_id, str(err))
                    continue
                yield _record(doc_id, decoded.text, "<record>", decoded.warnings, meta=record_meta(item))
            elif isinstance(text, str):
                yield _record(doc_id, text, "<record>", meta=record_meta(item))
            else:
                yield Skip(doc_id, f"Record {doc_id} has no string 'text' field.")
            continue
        if str(item) == "-":
            yield from read_stdin(stdin, encoding=encoding)
            continue
        path = Path(item)
        if path.is_dir():
            for file in iter_directory(path):
                if not follow_symlinks and leaves_tree(file, path):
                    doc_id, _ = safe_id(file.relative_to(path).with_suffix("").as_posix())
                    yield Skip(doc_id, f"Document {doc_id}: {valid_unicode(str(file))} is a symbolic link to "
                                       f"a file outside {valid_unicode(str(path))}; it was not read (pass "
                                       f"--follow-symlinks to read such links).")
                    continue
                if _is_jsonl(file):
                    yield from read_jsonl_file(file, encoding=encoding)
                else:
                    doc_id = file.relative_to(path).with_suffix("").as_posix()
                    yield read_text_file(file, doc_id, encoding=encoding)
        elif _is_jsonl(path):
            yield from read_jsonl_file(path, encoding=encoding)
        elif path.exists():
            yield read_text_file(path, path.stem, encoding=encoding)
        else:
            yield Skip(str(item), f"Input {item} does not exist.")


def count_documents(inputs: Iterable[Any]) -> Optional[int]:
    """How many items `iter_inputs()` will yield (for a progress bar), or ``None``
    when it cannot be known without reading (standard input)."""
    total = 0
    for item in inputs:
        if isinstance(item, Mapping):
            total += 1
            continue
        if str(item) == "-":
            return None
        path = Path(item)
        files = list(iter_directory(path)) if path.is_dir() else [path]
        for file in files:
            if not _is_jsonl(file):
                total += 1
                continue
            try:
                with file.open("rb") as f:
                    total += sum(1 for line in f if line.strip())
            except OSError:
                total += 1
    return total
