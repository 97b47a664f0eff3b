"""The ``reader`` console script: the command line, ended as the shell expects by a Ctrl-C that comes early.

A Ctrl-C while the command line is still being imported or its options
read, before any command has its own handling of it, ends reader with one
line and the shell's code for an interrupt (130), not a traceback.
"""

from __future__ import annotations

import signal
import sys
from typing import NoReturn

#: The shell's exit code for a process ended by Ctrl-C.
EXIT_INTERRUPTED = 128 + signal.SIGINT


def run() -> NoReturn:
    """Run the command line (:func:`reader.cli.run`), which ends the process."""
    try:
        from reader.cli import run as command_line

        command_line()
    except KeyboardInterrupt:
        print("reader: interrupted", file=sys.stderr)
        raise SystemExit(EXIT_INTERRUPTED) from None
    raise SystemExit(0)  # not reached: the command line ends the process
