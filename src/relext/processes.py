"""Worker processes that die with their parent.

A worker of ``extract_many(n_process=N)`` (or ``relext extract --n-process N``) must
not outlive the process that started it: when the parent is killed (SIGTERM,
SIGKILL, the OOM killer), orphaned workers would keep their model in memory and
their CPU busy. `die_with_parent()` is the pool's initializer:

- on Linux it asks the kernel to send the worker SIGKILL when its parent dies
  (``prctl(PR_SET_PDEATHSIG)`` through ``ctypes``);
- everywhere (and as a second line on Linux) a daemon thread checks every
  `WATCH_INTERVAL` seconds whether the parent is still the same process, and
  ends the worker with ``os._exit`` when it is not.

This module imports nothing from relext, so any module may use it.

Example
-------
>>> from concurrent.futures import ProcessPoolExecutor
>>> import os
>>> pool = ProcessPoolExecutor(2, initializer=die_with_parent, initargs=(os.getpid(),))  # doctest: +SKIP
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
from typing import Optional

#: ``prctl`` option number of PR_SET_PDEATHSIG (linux/prctl.h).
PR_SET_PDEATHSIG = 1
#: Seconds between two checks of the parent-watch thread.
WATCH_INTERVAL = 0.5


def set_parent_death_signal(sig: int = signal.SIGKILL) -> bool:
    """Ask Linux to send ``sig`` to this process when its parent dies.

    Args:
        sig: the signal to receive.

    Returns:
        Whether the kernel accepted (``False`` off Linux or without libc).
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def watch_parent(parent_pid: int, interval: float = WATCH_INTERVAL) -> threading.Thread:
    """Start a daemon thread that ends this process once ``parent_pid`` is no longer its parent.

    Args:
        parent_pid: the pid of the parent when the worker started.
        interval: seconds between checks.

    Returns:
        The started thread.
    """
    def watch() -> None:
        stop = threading.Event()
        while not stop.wait(interval):
            if os.getppid() != parent_pid:
                os._exit(1)

    thread = threading.Thread(target=watch, name="relext-parent-watch", daemon=True)
    thread.start()
    return thread


def die_with_parent(parent_pid: Optional[int] = None) -> None:
    """Pool initializer: make this worker end when its parent process ends.

    Args:
        parent_pid: the parent's pid, passed by the parent (``os.getpid()`` there);
            default: the current parent.
    """
    parent_pid = parent_pid if parent_pid is not None else os.getppid()
    set_parent_death_signal(signal.SIGKILL)
    if os.getppid() != parent_pid:  # the parent died before the signal was armed
        os._exit(1)
    watch_parent(parent_pid)
