"""Output taller than the terminal goes through a pager, as git and delta send theirs.

:func:`paging` stands in for standard output while a command prints. It
holds what is written until it is taller than the screen; output that fits
is then written as it is, and only taller output starts the pager
(``$READER_PAGER``, then ``$PAGER``, then ``less -RFX``) and is fed to it as
it comes. Nothing changes when standard output is not a terminal, and
``--no-pager`` (or an empty pager, or ``cat``) turns it off.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import TextIO, cast

#: The pager when neither variable names one: colours kept (-R), no pager for
#: one screen (-F), the text left on the screen after quitting (-X).
DEFAULT_PAGER = "less -RFX"


def pager_command(environ: dict[str, str] | os._Environ[str] = os.environ) -> str | None:
    """The pager to run, or ``None`` for none: ``READER_PAGER``, then ``PAGER``, then ``less -RFX`` where less is installed."""
    for name in ("READER_PAGER", "PAGER"):
        if name in environ:
            command = environ[name].strip()
            return None if command in {"", "cat"} else command
    return DEFAULT_PAGER if shutil.which("less") else None


def can_run(command: str) -> bool:
    """Whether the pager's program is there to run; a command the shell must read (a pipe, a variable) is left to the shell."""
    if any(char in command for char in "|&;<>()$`\\"):
        return True
    try:
        words = shlex.split(command)
    except ValueError:
        return True
    while words and words[0].partition("=")[0].isidentifier() and "=" in words[0]:  # LESS=R less: settings before the program
        words.pop(0)
    return not words or shutil.which(words[0]) is not None


class _PagedOutput:
    """Standard output that becomes a pager's input once it outgrows the screen."""

    def __init__(self, terminal: TextIO, command: str, height: int) -> None:
        self.terminal = terminal
        self.command = command
        self.height = height
        self.held: list[str] = []
        self.lines = 0
        self.pager: subprocess.Popen[str] | None = None
        self.closed_early = False  # the pager was quit before the output ended
        self.direct = False  # the pager could not be run: the output goes straight to the terminal

    # What Rich and print() ask of a file.
    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.terminal.fileno()

    @property
    def encoding(self) -> str:
        return str(self.terminal.encoding)

    def flush(self) -> None:
        if self.direct:
            self.terminal.flush()
        if self.pager is not None and self.pager.stdin is not None and not self.closed_early:
            try:
                self.pager.stdin.flush()
            except BrokenPipeError:
                self.closed_early = True

    def write(self, text: str) -> int:
        if self.closed_early:
            return len(text)
        if self.pager is None and not self.direct:
            self.held.append(text)
            self.lines += text.count("\n")
            if self.lines < self.height:
                return len(text)
            self._start()
            text, self.held = "".join(self.held), []
        if self.direct:
            self.terminal.write(text)
            return len(text)
        assert self.pager is not None and self.pager.stdin is not None
        try:
            self.pager.stdin.write(text)
        except BrokenPipeError:
            self.closed_early = True  # the reader quit the pager: the rest is not wanted
        return len(text)

    def _start(self) -> None:
        if not can_run(self.command):
            # The shell would say "not found" and the output would be lost: it is shown here instead.
            from reader.view.printable import printable

            print(f"reader: the pager {printable(self.command)!r} was not found; printing straight to the terminal", file=sys.stderr)
            self.direct = True
            return
        environ = dict(os.environ)
        environ.setdefault("LESS", "FRX")
        environ.setdefault("LV", "-c")
        # While the pager runs, Ctrl+C is the pager's (less stops a search with it).
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        self.pager = subprocess.Popen(
            self.command, shell=True, stdin=subprocess.PIPE, text=True, encoding=self.terminal.encoding, errors="replace", env=environ
        )

    def finish(self) -> None:
        """Write what fitted on the screen, or close the pager's input and wait for the reader to quit it."""
        if self.pager is None:
            self.terminal.write("".join(self.held))
            self.terminal.flush()
            return
        assert self.pager.stdin is not None
        with suppress(BrokenPipeError):
            self.pager.stdin.close()
        self.pager.wait()


@contextmanager
def paging(enabled: bool = True) -> Iterator[None]:
    """Send what is printed to standard output inside the block through the pager when it is taller than the terminal."""
    terminal = sys.stdout
    command = pager_command()
    if not enabled or command is None or not terminal.isatty():
        yield
        return
    height = shutil.get_terminal_size().lines
    output = _PagedOutput(terminal, command, max(height - 1, 1))
    handler = signal.getsignal(signal.SIGINT)
    sys.stdout = cast(TextIO, output)
    try:
        yield
    finally:
        sys.stdout = terminal
        try:
            output.finish()
        finally:
            signal.signal(signal.SIGINT, handler)
