"""Output safety: every file a batch will write is checked before the first document.

`check_outputs()` refuses, with a plain message,

- an output that is one of the inputs (``-o in.jsonl`` would truncate the input),
- an output that the input directories would read back as input (a results file
  inside a folder being read),
- two outputs that are the same file (``-o X.json --jsonl X.json``),
- an output that cannot be written: a directory where a file is needed, a folder
  that cannot be created, a read-only file or file system.

It runs before any output is opened, so a refused batch changes nothing.

Example
-------
>>> import tempfile, pathlib
>>> from relext.batch.options import BatchOptions
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "in.jsonl").write_text("")
>>> check_outputs([d / "in.jsonl"], BatchOptions(output=d / "g.graphml", jsonl=d / "in.jsonl"))  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
relext.batch.options.BatchError: The results file (--jsonl) ... is also an input; it would be overwritten. Write it somewhere else.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Tuple

from ..io.readers import JSONL_SUFFIXES, TEXT_SUFFIXES
from .options import BatchError, BatchOptions


def output_files(options: BatchOptions) -> List[Tuple[str, Path]]:
    """The files a batch will write, each with the option that names it.

    Args:
        options: the batch options.

    Returns:
        ``(label, path)`` pairs; a CSV graph gives its three files.
    """
    out: List[Tuple[str, Path]] = []
    if options.output is not None:
        if options.graph_format == "csv":
            from ..export.tables import csv_paths

            out.extend(("the graph (-o)", p) for p in csv_paths(options.output).values())
        else:
            out.append(("the graph (-o)", Path(options.output)))
    if options.jsonl is not None:
        out.append(("the results file (--jsonl)", Path(options.jsonl)))
    if options.summary_json is not None:
        out.append(("the summary (--summary-json)", Path(options.summary_json)))
    return out


def _key(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def _same(a: Path, b: Path) -> bool:
    if _key(a) == _key(b):
        return True
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _inside(path: Path, root: Path) -> bool:
    try:
        Path(_key(path)).relative_to(_key(root))
    except ValueError:
        return False
    return True


def _read_back(path: Path, root: Path) -> bool:
    """Whether reading the directory ``root`` would read ``path`` as an input."""
    if not _inside(path, root) or path.suffix.lower() not in TEXT_SUFFIXES + JSONL_SUFFIXES:
        return False
    rel = Path(_key(path)).relative_to(_key(root))
    return not any(part.startswith(".") for part in rel.parts)


def _input_paths(inputs: Iterable[Any]) -> List[Path]:
    return [Path(p) for p in inputs if not isinstance(p, Mapping) and str(p) != "-"]


def _writable(label: str, path: Path) -> None:
    if path.is_dir():
        raise BatchError(f"Cannot write {label} to {path}: it is a directory. Name a file.")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise BatchError(f"Cannot write {label} to {path}: its folder {folder} cannot be created "
                         f"({err.strerror or err}).") from None
    if path.exists() and not os.access(path, os.W_OK):
        raise BatchError(f"Cannot write {label} to {path}: the file is read-only.")
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as err:
        raise BatchError(f"Cannot write {label} to {path}: nothing can be written in {folder} "
                         f"({err.strerror or err}).") from None


def check_outputs(inputs: Iterable[Any], options: BatchOptions) -> None:
    """Refuse outputs that would destroy inputs or each other, or cannot be written.

    Args:
        inputs: the batch inputs (paths, ``"-"``, or records).
        options: the batch options naming the outputs.

    Raises:
        BatchError: naming the output, the option and what to do.
    """
    outputs = output_files(options)
    sources = _input_paths(inputs)
    for label, path in outputs:
        for src in sources:
            if src.is_dir():
                if _read_back(path, src):
                    raise BatchError(f"{label[0].upper()}{label[1:]} {path} is inside the input folder {src} "
                                     f"and would be read back as input. Write it outside {src}.")
            elif _same(path, src):
                raise BatchError(f"{label[0].upper()}{label[1:]} {path} is also an input; it would be "
                                 f"overwritten. Write it somewhere else.")
    seen: Dict[str, Tuple[str, Path]] = {}
    for label, path in outputs:
        key = _key(path)
        if key in seen:
            other, other_path = seen[key]
            raise BatchError(f"{label[0].upper()}{label[1:]} and {other} are the same file ({path}); "
                             f"one would overwrite the other. Give them different names.")
        seen[key] = (label, path)
    for label, path in outputs:
        _writable(label, path)
