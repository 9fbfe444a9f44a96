"""Turn a dead ``nlp.pipe`` worker into an exception instead of a hang.

Used by `relext.batch.run.run_batch()` around the extract stage when
``n_process > 1``.
"""
from __future__ import annotations

from typing import Any, Dict, Optional


class WorkerDied(RuntimeError):
    """A worker process of ``nlp.pipe(n_process=N)`` exited abnormally (killed, crashed)."""


class WorkerWatchdog:
    """Turn a dead ``nlp.pipe`` worker into an exception instead of a hang.

    When a spaCy worker process dies (killed by the OOM killer, a crash in native
    code), ``nlp.pipe(n_process=N)`` waits for it forever. While active, this
    watchdog polls the child processes; when one has exited with a non-zero code it
    interrupts the main thread with ``SIGUSR1``, whose handler raises
    `WorkerDied`. Only active in the main thread on POSIX systems.
    """

    def __init__(self, interval: float = 0.2):
        self.interval = interval
        self._stop = None
        self._old = None
        self.died: Optional[str] = None
        self._before: set = set()
        self._seen: Dict[int, Any] = {}

    def _children(self):
        import multiprocessing.process as mpp

        return list(getattr(mpp, "_children", ()))  # includes dead, not yet reaped children

    def __enter__(self) -> "WorkerWatchdog":
        import signal
        import threading

        if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_kill"):
            return self
        self._before = before = {id(p) for p in self._children()}
        self._stop = threading.Event()
        main_ident = threading.main_thread().ident

        def on_signal(signum, frame):
            raise WorkerDied(self.died or "a worker process died")

        self._old = signal.signal(signal.SIGUSR1, on_signal)

        def watch() -> None:
            seen = self._seen
            while not self._stop.wait(self.interval):
                for p in self._children():
                    if id(p) not in before:
                        seen[id(p)] = p
                for p in seen.values():
                    code = p.exitcode
                    if code not in (None, 0):
                        self.died = _describe(p)
                        signal.pthread_kill(main_ident, signal.SIGUSR1)
                        return

        threading.Thread(target=watch, name="relext-worker-watchdog", daemon=True).start()
        return self

    def report(self) -> Optional[str]:
        """Which worker processes started while watching have exited abnormally, or ``None``.

        Used when the pool reports a broken worker before the watchdog's next look.
        """
        procs = dict(self._seen)
        procs.update((id(p), p) for p in self._children() if id(p) not in self._before)
        dead = [p for p in procs.values() if p.exitcode not in (None, 0)]
        dead.sort(key=lambda p: p.exitcode < 0)  # a worker's own exit first, then the ones terminated after it
        return "; ".join(_describe(p) for p in dead) or None

    def __exit__(self, *exc) -> None:
        import signal

        if self._stop is not None:
            self._stop.set()
            signal.signal(signal.SIGUSR1, self._old)


def _describe(p: Any) -> str:
    code = p.exitcode
    return f"worker process {p.pid} exited with code {code}" + (
        " (killed by a signal; out of memory?)" if code < 0 else "")
