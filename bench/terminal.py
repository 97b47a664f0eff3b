"""A real terminal to time the app in: tmux on a private socket, read through one control-mode client.

Each program runs in a fresh detached tmux session of 120×40, started with
``new-session -d -x 120 -y 40``. The benchmark reads the screen with
``capture-pane -p`` and types with ``send-keys``, both sent over one
``tmux -C`` client that stays attached to an idle session: a command costs
some 0.2 ms there, against 4 ms for a ``tmux`` process per capture, so the
screen can be polled every millisecond without a poller of processes
competing with the app for the two cores.
"""

from __future__ import annotations

import contextlib
import os
import queue
import subprocess
import threading
import time
from collections.abc import Callable

SIZE = (120, 40)
#: Seconds between two captures while waiting for the screen.
POLL = 0.001


class TerminalError(RuntimeError):
    """tmux refused a command, or the screen never showed what was awaited."""


class Terminal:
    """A tmux server of this run's own, and the sessions in it that hold the programs under test (``run`` unless named)."""

    def __init__(self, socket: str | None = None) -> None:
        self.socket = socket or f"bench-users-{os.getpid()}"
        width, height = SIZE
        subprocess.run(
            ["tmux", "-L", self.socket, "new-session", "-d", "-s", "idle", "-x", str(width), "-y", str(height), "sleep 100000"],
            check=True,
        )
        self._client = subprocess.Popen(
            ["tmux", "-L", self.socket, "-C", "attach-session", "-t", "idle"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            bufsize=0,
        )
        self._replies: queue.Queue[tuple[bool, str]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self._replies.get(timeout=10)  # the reply to attaching
        self.command("refresh-client -f no-output")  # no copy of every byte the programs write
        self._socket_path = self.command("display-message -p '#{socket_path}'").strip()
        self.running: set[str] = set()

    def _read(self) -> None:
        assert self._client.stdout is not None
        block: list[bytes] | None = None
        for line in iter(self._client.stdout.readline, b""):
            if line.startswith(b"%begin "):
                block = []
            elif line.startswith((b"%end ", b"%error ")) and block is not None:
                self._replies.put((line.startswith(b"%end "), b"".join(block).decode("utf-8", "replace")))
                block = None
            elif block is not None:
                block.append(line)
        self._replies.put((False, "tmux control client ended"))

    def command(self, line: str) -> str:
        """Run one tmux command; its output."""
        assert self._client.stdin is not None
        self._client.stdin.write(line.encode() + b"\n")
        ok, text = self._replies.get(timeout=30)
        if not ok:
            raise TerminalError(f"tmux {line!r}: {text.strip()}")
        return text

    def start(self, argv: list[str], env: dict[str, str], session: str = "run") -> float:
        """Run ``argv`` in a fresh session; the ``perf_counter`` time just before tmux was asked to."""
        self.stop(session)
        words = ["env", *(f"{k}={v}" for k, v in env.items()), *argv]
        for word in words:
            if not word or any(c in word for c in " \t\n'\"\\;#$~{}"):
                raise ValueError(f"a word tmux would have to quote: {word!r}")
        width, height = SIZE
        line = f"new-session -d -s {session} -x {width} -y {height} " + " ".join(words)
        begin = time.perf_counter()
        self.command(line)
        self.running.add(session)
        return begin

    def stop(self, session: str = "run") -> None:
        """End the program under test (tmux hangs its terminal up) and its session."""
        if session in self.running:
            self.running.discard(session)
            with contextlib.suppress(TerminalError):  # the program had ended, and its session with it
                self.command(f"kill-session -t {session}")

    def screen(self, session: str = "run") -> str:
        return self.command(f"capture-pane -p -t {session}")

    def keys(self, *keys: str, session: str = "run") -> float:
        """Type ``keys`` (tmux key names); the ``perf_counter`` time just before."""
        begin = time.perf_counter()
        self.command(f"send-keys -t {session} " + " ".join(keys))
        return begin

    def wait(self, check: Callable[[str], bool], what: str, timeout: float = 60.0, session: str = "run") -> tuple[float, str]:
        """Poll the screen until ``check`` holds: the ``perf_counter`` time of the first capture that showed it."""
        deadline = time.perf_counter() + timeout
        screen = ""
        while True:
            screen = self.screen(session)
            now = time.perf_counter()
            if check(screen):
                return now, screen
            if now > deadline:
                raise TerminalError(f"timed out waiting for {what}; the screen shows:\n{screen}")
            time.sleep(POLL)

    def changed(self, before: str, what: str, timeout: float = 10.0, session: str = "run") -> tuple[float, str]:
        """Poll until the screen differs from ``before``."""
        return self.wait(lambda screen: screen != before, what, timeout, session)

    def settle(self, quiet: float = 0.05, timeout: float = 5.0, session: str = "run") -> str:
        """Poll until the screen has not changed for ``quiet`` seconds (or ``timeout`` passed); the screen."""
        screen = self.screen(session)
        still = time.perf_counter()
        deadline = still + timeout
        while time.perf_counter() < deadline:
            time.sleep(POLL * 5)
            now_screen = self.screen(session)
            if now_screen != screen:
                screen, still = now_screen, time.perf_counter()
            elif time.perf_counter() - still >= quiet:
                break
        return screen

    def close(self) -> None:
        """Stop the programs under test and this run's tmux server."""
        for session in list(self.running):
            with contextlib.suppress(TerminalError, OSError, queue.Empty):
                self.stop(session)
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
        try:
            self._client.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._client.kill()
        if self._socket_path:  # tmux leaves its socket file behind
            with contextlib.suppress(OSError):
                os.unlink(self._socket_path)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
