"""Pausing the garbage collector while a writer builds its file (private).

A writer builds one large tree of objects (XML elements, encoded copies of the graph)
that all stay alive until the file is written. The collections their allocations would
trigger free nothing: they only walk the growing tree, the graph and everything else
alive, and a full one costs as much as extracting tens of documents. Reference counting
still frees whatever is dropped; cycles are collected after the block as usual.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (if it runs) for the block."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
