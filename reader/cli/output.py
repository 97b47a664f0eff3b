"""Where a command's output goes and how it looks: colour, width, pager, JSON indent and ``-o FILE``, each decided here once.

:func:`printing` runs a command that prints as a pipe tool should end;
:func:`paged` sends it through the pager when it has ``--no-pager`` to turn
that off; :func:`text_console` is the console text is printed on;
:func:`output_problem` refuses an ``-o FILE`` before any work is done and
:func:`deliver` writes the output there or to standard output.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import stat
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reader.cli.exits import EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OK, fail, shown_path
from reader.cli.options import MAX_WIDTH, MIN_WIDTH

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from rich.console import Console


def printing(command: Callable[[], int]) -> int:
    """Run a command that prints, ending as a pipe tool should when its output cannot be written.

    A reader that stops early (``| head``) is a normal end, as for ``cat``:
    exit 0, and nothing printed about it. A full disk or a closed output is
    an error, said on one line.
    """
    if sys.stdout is None:  # started with stdout closed (>&-)
        print("reader: cannot write the output: standard output is closed", file=sys.stderr)
        return EXIT_INPUT
    try:
        code = command()
        sys.stdout.flush()
        return code
    except KeyboardInterrupt:
        # Ctrl-C: one line and the shell's code, as fetch ends; an output file is written whole or not at all.
        print("reader: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # Python would report the pipe again when it flushes at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:
        if error.errno in {errno.EBADF, errno.ENOSPC, errno.EIO, errno.EDQUOT}:
            print(f"reader: cannot write the output: {error.strerror}", file=sys.stderr)
            with contextlib.suppress(OSError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return EXIT_INPUT
        raise


def paged(parser: argparse.ArgumentParser, argv: list[str], pager: bool = True) -> AbstractContextManager[None]:
    """The pager for a command's output, its ``--help`` too: only a command that takes ``--no-pager`` pages, unless it is given (before ``--``).

    ``pager``: ``False`` (``pager = false`` in the config file) turns it off as ``--no-pager`` does.
    """
    from reader.cli.pager import paging

    flags = argv[: argv.index("--")] if "--" in argv else argv
    takes_it = parser.get_default("no_pager") is not None
    return paging(pager and takes_it and "--no-pager" not in flags)


def text_console(options: argparse.Namespace) -> Console:
    """The console text output is printed on.

    Colour as ``--color`` asks (auto: a terminal's, or as NO_COLOR,
    CLICOLOR_FORCE and FORCE_COLOR say), but none in an ``-o FILE`` unless
    always; the width ``--width`` asks for, for a command that has it, and
    80 columns where ``COLUMNS`` is set to no usable width.
    """
    from reader.view.render import output_console

    color = {"always": True, "never": False}.get(options.color)
    if color is None and getattr(options, "output", None) is not None:
        color = False  # a file is not a terminal, whatever standard output is
    width = output_width(getattr(options, "width", None))
    return output_console(width, color)


def output_width(asked: int | None) -> int | None:
    """The width to print at: the one asked for, else the terminal's when it is usable (``COLUMNS=0`` is not),
    and never wider than ``--width`` may ask for (``COLUMNS=100000`` would pad every line to megabytes)."""
    if asked is not None:
        return asked
    columns = os.environ.get("COLUMNS", "")
    if columns and (not columns.isdigit() or int(columns) < MIN_WIDTH):
        return 80
    if columns and int(columns) > MAX_WIDTH:
        return MAX_WIDTH
    return None


def json_indent(output: Path | None = None) -> int | None:
    """Indented JSON for a person at a terminal; one line for a pipe or a file, which the
    C encoder writes several times faster (``jq .`` indents it again)."""
    return 1 if output is None and sys.stdout.isatty() else None


def terminal(stream: TextIO | None) -> TextIO | None:
    """The stream when a person watches it (a terminal), for a progress bar; else ``None``."""
    return stream if stream is not None and stream.isatty() else None


def output_problem(output: Path, inputs: Sequence[Path]) -> int | None:
    """Why ``-o FILE`` cannot be written to, reported, before any work is done; ``None`` when it can be tried.

    The inputs are named A, B, C, ... in their order.
    """
    target = output.resolve()
    for number, path in enumerate(inputs):
        name = chr(ord("A") + number) if number < 26 else f"article {number + 1}"
        same = target == path.resolve()
        with contextlib.suppress(OSError):
            same = same or os.path.samefile(output, path)  # a hard link, or a case-insensitive file system
        if same:
            return fail(output, f"is {name}, one of the articles compared; write the output to another file")
    if output.is_dir():
        return fail(output, "is a folder")
    with contextlib.suppress(OSError):
        mode = os.stat(output).st_mode
        if stat.S_ISSOCK(mode) or stat.S_ISBLK(mode):
            kind = "a socket" if stat.S_ISSOCK(mode) else "a block device"
            return fail(output, f"is {kind}; reader writes to files, terminals, character devices and FIFOs")
    parent = Path(os.path.realpath(output)).parent
    folder = parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        return fail(output, f"cannot be written: {shown_path(folder)} is not a folder")
    if folder != parent:
        # A missing folder is a mistyped path far more often than a wish: it is not made.
        return fail(output, f"cannot be written: there is no folder {shown_path(parent)}")
    return None


def deliver(chunks: Iterable[str], output: Path | None) -> int:
    """Write the output: to standard output as each chunk is ready, or whole to ``output`` (a temporary file, then a rename)."""
    if output is None:
        write = sys.stdout.write
        for chunk in chunks:
            write(chunk)
        return EXIT_OK
    from reader.core.files import write_output

    text = "".join(chunks)
    try:
        write_output(output, text)
    except OSError as error:
        return fail(output, f"cannot be written: {error.strerror or error}")
    return EXIT_OK
