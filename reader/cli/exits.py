"""How a command ends: its exit code, and the one line on stderr that says why it did not succeed."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

    from reader.core.facts.compare import FactComparison

EXIT_OK = 0
EXIT_INPUT = 2
#: Some work failed on an error of reader's own (the rest was still done).
EXIT_FAILURE = 1
#: With ``--exit-code``: the two articles differ (as ``git diff --exit-code``), and a fact conflicts.
EXIT_DIFFERENT = 1
EXIT_CONFLICT = 3
#: Interrupted (Ctrl-C), as shells number it.
EXIT_INTERRUPTED = 130


def fail(path: Path | str, reason: str) -> int:
    """Say on stderr what is wrong with ``path`` (or with a name or an address); the exit code of a bad input."""
    print(f"reader: {shown_path(path)}: {reason}", file=sys.stderr)
    return EXIT_INPUT


def said(message: str) -> int:
    """Say on stderr what is wrong, in a message that names its own file; the exit code of a bad input."""
    from reader.view.printable import printable

    print(f"reader: {printable(message)}", file=sys.stderr)
    return EXIT_INPUT


def say_none_found(paths: list[Path]) -> None:
    """Say on stderr that ``paths`` hold no article, with the kinds of file that are read: the command
    still succeeds, with nothing to print, as an empty folder is no error."""
    from reader.core.reading.articles import ARTICLE_SUFFIXES

    kinds = ", ".join(sorted(ARTICLE_SUFFIXES))
    print(f"reader: no articles in {', '.join(shown_path(p) for p in paths)} (files ending {kinds})", file=sys.stderr)


def shown_path(path: Path | str) -> str:
    """A path as it is shown on one line of stderr: made printable, and a newline in a name shown as ␊, not obeyed."""
    from reader.view.printable import printable

    return printable(str(path)).replace("\n", "\u240a")


def told_apart(options: argparse.Namespace, comparison: FactComparison) -> int:
    """The status ``--exit-code`` asks for: :data:`EXIT_CONFLICT` when a fact conflicts,
    :data:`EXIT_DIFFERENT` when any row differs, else :data:`EXIT_OK`."""
    if not options.exit_code:
        return EXIT_OK
    from reader.core.alignment.rows import build_rows

    if any(pair.verdict == "different" for pair in comparison.pairs):
        return EXIT_CONFLICT
    if any(row.kind.is_difference for row in build_rows(comparison.alignment)):
        return EXIT_DIFFERENT
    return EXIT_OK
