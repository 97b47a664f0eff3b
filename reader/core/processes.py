"""Worker processes that Ctrl-C reaches only through the process that started them.

A terminal sends Ctrl-C's ``SIGINT`` to every process of the foreground
group, the workers of a pool among them. A worker that took it would print
a traceback of its own and die under its pool; so workers ignore it, and the
parent alone ends the work, its pool and its processes with one line.

A worker is forked with the parent's signal mask: the parent holds
``SIGINT`` back while it starts processes (:func:`interrupts_held`), so that
a Ctrl-C at that moment waits, in the parent, until the worker has set it
aside (:func:`ignore_interrupts`, a pool's initializer).
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

_BLOCKABLE = hasattr(signal, "pthread_sigmask")


def ignore_interrupts() -> None:
    """Run first in a worker: ``SIGINT`` is ignored, and one held back since the fork is dropped."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if _BLOCKABLE:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold ``SIGINT`` back while worker processes may be started; one that came meanwhile arrives after."""
    if not _BLOCKABLE:
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
