"""The app on the terminals people start it from, run in a pseudo-terminal: where it cannot run it says so on one line
and exits 2 (suggesting reader align), and where it can (TERM=dumb, as in an Emacs shell) it draws and quits on q."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

import pytest

EXPECTED = "reader align A B"


def _sized(descriptor: int, columns: int = 100, lines: int = 30) -> None:
    fcntl.ioctl(descriptor, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))


def _read_until(leader: int, done: Callable[[bytes], bool], seconds: float) -> bytes:
    """What the terminal shows until ``done`` says so, or the time is up, or the other end closes."""
    seen = b""
    deadline = time.monotonic() + seconds
    while not done(seen) and (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([leader], [], [], left)
        if not ready:
            break
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the program ended
            break
        if not chunk:
            break
        seen += chunk
    return seen


def _start(
    stdin: object, stdout: object, env: dict[str, str] | None = None, close_stdin: bool = False, args: tuple[str, ...] = (), sized: bool = True
) -> tuple[subprocess.Popen[bytes], int]:
    """``reader`` with standard error (and whichever of the other two are given ``"pty"``) on a pseudo-terminal.

    The terminal is 100x30, or says it is 0x0 when not ``sized`` (as a serial line or some multiplexers do).
    """
    leader, follower = pty.openpty()
    if sized:
        _sized(follower)
    chosen = {"pty": follower, "devnull": subprocess.DEVNULL, "pipe": subprocess.PIPE}
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", *args],
        stdin=chosen.get(stdin, stdin),  # type: ignore[call-overload]
        stdout=chosen.get(stdout, stdout),  # type: ignore[call-overload]
        stderr=follower,
        env={**os.environ, "TERM": "xterm-256color", **(env or {})},
        preexec_fn=(lambda: os.close(0)) if close_stdin else None,
        start_new_session=True,
    )
    os.close(follower)
    return process, leader


def _shown_until_it_ends(process: subprocess.Popen[bytes], leader: int) -> tuple[bytes, int]:
    """What the terminal showed until the program ended, and its exit code; a program that does not end is killed."""
    try:
        shown = _read_until(leader, lambda _: False, 30)
        return shown, process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(leader)


@pytest.mark.parametrize(
    ("stdin", "stdout", "close_stdin", "which"),
    [
        ("pty", "pipe", False, "standard output is"),  # reader seeds | cat
        ("pipe", "pty", False, "standard input is"),  # echo | reader
        ("devnull", "pty", False, "standard input is"),  # under xargs
        ("pty", "pty", True, "standard input is"),  # reader <&-
        ("devnull", "pipe", False, "standard input and standard output are"),
    ],
    ids=["stdout a pipe", "stdin a pipe", "stdin /dev/null", "stdin closed", "neither"],
)
def test_where_the_app_cannot_run_it_says_so_on_one_line_and_exits_2(stdin: str, stdout: str, close_stdin: bool, which: str) -> None:
    process, leader = _start(stdin, stdout, close_stdin=close_stdin)
    if process.stdin is not None:
        process.stdin.write(b"q\n")  # what `echo q | reader` would give it
        process.stdin.close()
    shown, code = _shown_until_it_ends(process, leader)
    lines = shown.decode("utf-8", "replace").replace("\r\n", "\n").strip().splitlines()
    assert code == 2
    assert lines == [f"reader: the app needs a terminal, and {which} not one; to compare articles in a script, use {EXPECTED} (see reader --help)"]
    if process.stdout is not None:
        assert process.stdout.read() == b""


def test_standard_output_to_a_file_is_refused_before_anything_is_drawn(tmp_path: Path) -> None:
    out = tmp_path / "screen.txt"
    with out.open("wb") as file:
        process, leader = _start("pty", file)
        shown, code = _shown_until_it_ends(process, leader)
    assert code == 2 and b"standard output is not one" in shown
    assert out.read_bytes() == b""


@pytest.mark.parametrize(("term", "sized"), [("dumb", True), ("dumb", False), ("xterm-256color", False)], ids=["TERM=dumb", "TERM=dumb, 0x0", "0x0"])
def test_where_rich_guesses_the_size_the_app_runs_and_q_quits_it(term: str, sized: bool) -> None:
    """TERM=dumb, as an Emacs shell sets it, or a terminal that says it is 0x0: Rich guesses a size of its own, and
    the app still draws at the size its driver reads, sits idle and quits on q."""
    process, leader = _start("pty", "pty", env={"TERM": term}, sized=sized)
    try:
        # The library has been read once a seed's outlet is on screen.
        shown = _read_until(leader, lambda seen: b"Bellum" in seen, 60)
        assert b"Bellum" in shown, shown[-500:]
        os.write(leader, b"q")
        _read_until(leader, lambda _: process.poll() is not None, 20)
        code = process.wait(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
        os.close(leader)
    assert code == 0
