"""How these commands end: the command line's exit codes, and the one line on stderr that says why."""

from __future__ import annotations

import sys

EXIT_OK = 0
#: Some work failed (a feed could not be fetched, yet the rest was).
EXIT_FAILURE = 1
#: The command line or an input was wrong.
EXIT_INPUT = 2
#: Interrupted (Ctrl-C), as shells number it.
EXIT_INTERRUPTED = 130


def fail(what: str, reason: str) -> int:
    """Say on stderr what is wrong with ``what``; the exit code of a bad input."""
    from reader.view.printable import printable

    print(f"reader: {printable(what)}: {printable(reason)}", file=sys.stderr)
    return EXIT_INPUT
