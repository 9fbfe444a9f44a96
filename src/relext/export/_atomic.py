"""Atomic file writes: a temp file in the same directory, fsync, ``os.replace``.

`atomic_write()` replaces one file; `atomic_write_set()` replaces several
files that belong together (a CSV or Neo4j export) only once all of them are
complete, and returns their SHA-256 digests so that a manifest written last can
stamp the set (readers compare the digests and refuse a mixture of two exports).
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path
from typing import IO, Dict, Iterator, Mapping, Union

PathLike = Union[str, "os.PathLike[str]"]

__all__ = ["atomic_write", "atomic_write_set", "file_digest"]


@contextlib.contextmanager
def atomic_write(path: PathLike, mode: str = "wb", encoding: str = "utf-8") -> Iterator[IO]:
    """Open a temporary file next to ``path``; on success it replaces ``path`` atomically.

    If the body raises, the temporary file is removed and ``path`` is untouched, so
    readers only ever see the old file or the complete new one.

    Args:
        path: The final file.
        mode: Binary or text mode.
        encoding: Text encoding for ``mode="w"``.

    Examples:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
        >>> with atomic_write(p, "w") as fh:
        ...     _ = fh.write("complete")
        >>> p.read_text()
        'complete'
    """
    if mode not in ("wb", "w"):
        raise ValueError(f"atomic_write mode must be 'wb' or 'w', got {mode!r}.")
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise FileNotFoundError(f"Cannot write {path}: the directory {directory} does not exist.")
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        kwargs = {"newline": ""} if mode == "w" else {}
        with os.fdopen(fd, mode, **({"encoding": encoding} if mode == "w" else {}), **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        _copy_permissions(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(directory)


@contextlib.contextmanager
def atomic_write_set(paths: Mapping[str, PathLike], encoding: str = "utf-8") -> Iterator[Dict[str, IO]]:
    """Write several text files that only make sense together, replacing them as a set.

    Every file is first written to a temporary file next to its final path; only when
    all are complete (flushed and fsynced) are they moved into place, one after the
    other. A failure while writing (a full disk, an exception in the body) leaves
    every old file untouched. A crash between two of the final moves can still leave
    a mixture, which is why callers stamp the set with the digests from
    `file_digest()` in a file written last, and readers check them.

    Args:
        paths: A name for each file (``"nodes"``) mapped to its final path.
        encoding: Text encoding of the files.

    Yields:
        The open text handles, by name (newline translation off, as ``csv`` wants).

    Examples:
        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> with atomic_write_set({"a": d / "a.txt", "b": d / "b.txt"}) as fh:
        ...     _ = fh["a"].write("1"), fh["b"].write("2")
        >>> (d / "a.txt").read_text() + (d / "b.txt").read_text()
        '12'
    """
    temps: Dict[str, str] = {}
    handles: Dict[str, IO] = {}
    try:
        for name, path in paths.items():
            path = Path(path)
            directory = path.parent if str(path.parent) else Path(".")
            if not directory.is_dir():
                raise FileNotFoundError(f"Cannot write {path}: the directory {directory} does not exist.")
            fd, temps[name] = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
            handles[name] = os.fdopen(fd, "w", encoding=encoding, newline="")
        yield handles
        for name, fh in handles.items():
            fh.flush()
            os.fsync(fh.fileno())
            fh.close()
        for name, path in paths.items():
            _copy_permissions(Path(path), temps[name])
        for name, path in paths.items():
            os.replace(temps.pop(name), path)
    except BaseException:
        for fh in handles.values():
            with contextlib.suppress(OSError):
                fh.close()
        for tmp in temps.values():
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        raise
    for directory in {Path(p).parent for p in paths.values()}:
        _fsync_dir(directory if str(directory) else Path("."))


def file_digest(path: PathLike) -> str:
    """The SHA-256 hex digest of a file's bytes.

    Args:
        path: The file.

    Returns:
        64 hexadecimal digits.

    Examples:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "x"
        >>> _ = p.write_bytes(b"")
        >>> file_digest(p)[:12]
        'e3b0c44298fc'
    """
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _copy_permissions(path: Path, tmp: str) -> None:
    # mkstemp creates 0600 files; keep an existing file's mode, or use the umask default
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    with contextlib.suppress(OSError):
        os.chmod(tmp, mode)


def _umask() -> int:
    # read it without os.umask(), which would change it for other threads meanwhile
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    return 0o022


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":  # pragma: no cover
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
