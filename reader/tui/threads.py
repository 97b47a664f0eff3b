"""Worker threads that never hold up quitting.

Textual runs thread workers on the event loop's default executor, and when
the app ends, asyncio waits for that executor's threads: a comparison's
facts still being found kept ``q`` waiting for as long as they took (59 s
was seen), and Ctrl-C could not end the process. The app's work is
analysis whose result nobody wants once the app is gone, so each worker
runs on a daemon thread of its own, which the end of the process does not
wait for.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


class DaemonExecutor(ThreadPoolExecutor):
    """An executor that runs each call on a new daemon thread and never waits at shutdown.

    A ``ThreadPoolExecutor`` by type only, since asyncio accepts no other as
    the default; its own pool of non-daemon threads is never started.
    """

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        future: Future[T] = Future()

        def run() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                future.set_result(fn(*args, **kwargs))
            except BaseException as error:  # noqa: BLE001 - handed to whoever waits on the future
                future.set_exception(error)

        threading.Thread(target=run, name="reader-worker", daemon=True).start()
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Nothing to wait for: the threads end with the process."""
