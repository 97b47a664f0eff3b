"""Whether the app can run where it was started: it reads keys from standard input and draws on standard output and error.

Imports no Textual: the command line asks before it loads the app.
"""

from __future__ import annotations

import contextlib
import os
from typing import TextIO

#: What the user is told to use instead, where no app can run.
INSTEAD = "to compare articles in a script, use reader align A B (see reader --help)"


def terminal_problem(stdin: TextIO | None, stdout: TextIO | None, stderr: TextIO | None) -> str | None:
    """Why the app cannot run with these standard streams, in one line; ``None`` when all three are a terminal.

    The app reads its keys from standard input and draws on the terminal
    (Textual writes to standard error). With any of them a pipe, a file,
    ``/dev/null`` or closed, no key would reach it or nothing it draws would
    be seen: it would wait for ever, or spin.

    Args:
        stdin: Standard input (``None`` when the process was started with it closed).
        stdout: Standard output.
        stderr: Standard error.

    Returns:
        "the app needs a terminal, and standard input is not one; to compare …", or ``None``.
    """
    names = [name for name, stream in (("input", stdin), ("output", stdout), ("error", stderr)) if not _is_terminal(stream)]
    if not names:
        return None
    which = " and ".join(f"standard {name}" for name in names) if len(names) < 3 else "standard input, output and error"
    verb = "is" if len(names) == 1 else "are"
    return f"the app needs a terminal, and {which} {verb} not one; {INSTEAD}"


def _is_terminal(stream: TextIO | None) -> bool:
    if stream is None:
        return False
    with contextlib.suppress(AttributeError, OSError, ValueError):  # closed, or a stream with no descriptor
        return os.isatty(stream.fileno())
    return False
