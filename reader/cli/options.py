"""The flags more than one command takes, each written once, and the one type of every bounded number.

A command's module adds its own flags and calls these for the shared ones,
in the order its ``--help`` lists them. :class:`Bounded` reads every number
a flag takes (a score, a width, a count, seconds) and says, on the one line
argparse prints, why a number is refused.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from reader.cli.exits import EXIT_INPUT
from reader.cli.texts import HELP
from reader.core.alignment.aligner import DEFAULT_CUTOFF

#: Narrowest text output: two columns of a few words and the score between them.
MIN_WIDTH = 20
#: Widest text output; wider asks are read as this.
MAX_WIDTH = 1000


class Parser(argparse.ArgumentParser):
    """A parser that reports bad usage on one line, as reader reports a bad file, and exits with 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_INPUT, f"{self.prog}: {message} (see {self.prog} --help)\n")


def new_parser(command: str | None) -> Parser:
    """The parser of ``reader COMMAND`` (``None``: of ``reader [PATHS]``), with its help and no arguments yet."""
    usage, description, epilog = HELP[command]
    prog = "reader" if command is None else f"reader {command}"
    return Parser(prog=prog, usage=usage, description=description, epilog=epilog, formatter_class=argparse.RawDescriptionHelpFormatter)


@dataclass(frozen=True)
class Bounded:
    """An argparse type: a whole number (``int``) or a number (``float``) within bounds.

    A number outside them is refused with the bounds in words ("must be from
    0 to 100, not 101"); with ``clamp``, one above ``most`` is read as
    ``most``; ``below`` says in other words why a number under ``least`` is
    refused (``{number}`` and ``{least}`` are filled in). A whole number is
    shown as read; any other as it was written ("1e3" stays "1e3").
    """

    kind: type[int] | type[float]
    least: float
    most: float | None = None
    least_excluded: bool = False
    clamp: bool = False
    below: str | None = None

    def __call__(self, value: str) -> float:
        try:
            number = self.kind(value)
        except ValueError:
            what = "whole number" if self.kind is int else "number"
            raise argparse.ArgumentTypeError(f"not a {what}: {value!r}") from None
        if self.clamp and self.most is not None and not number <= self.most:
            return self.kind(self.most)
        over = self.most is not None and not number <= self.most
        low = number > self.least if self.least_excluded else number >= self.least
        if low and not over:
            return number
        if not low and self.below is not None:
            raise argparse.ArgumentTypeError(self.below.format(number=number, least=_shown(self.least)))
        shown = number if self.kind is int else value
        raise argparse.ArgumentTypeError(f"must be {self._bounds()}, not {shown}")

    def _bounds(self) -> str:
        least = _shown(self.least)
        if self.most is None:
            return f"more than {least}" if self.least_excluded else f"{least} or more"
        if self.least_excluded:
            return f"more than {least} and at most {_shown(self.most)}"
        return f"from {least} to {_shown(self.most)}"


def _shown(bound: float) -> str:
    return f"{bound:g}"


#: ``--cutoff``: a link's least score.
SCORE = Bounded(float, 0, 100)
#: ``--width``: columns of text output.
WIDTH = Bounded(int, MIN_WIDTH, MAX_WIDTH, clamp=True, below="{number} is too narrow; the least is {least}")
#: ``--context``: rows around a change.
ROWS = Bounded(int, 0)
#: ``--limit``: how many of something, one at least.
COUNT = Bounded(int, 1)
#: ``--timeout``: seconds, up to an hour.
SECONDS = Bounded(float, 0, 3600, least_excluded=True)

_COLOR_HELP = "style text output: auto (on a terminal or with CLICOLOR_FORCE/FORCE_COLOR set, never with NO_COLOR set; the default), always, never"


def add_pair(parser: argparse.ArgumentParser, formats: tuple[str, ...], format_help: str, optional: bool = False) -> None:
    """The arguments of a command on two articles (``align``, ``facts``): A, B and how their comparison is shown.

    ``optional``: A and B may be left out (``reader align --all DIR``).
    """
    pair = "?" if optional else None
    parser.add_argument("a", type=Path, nargs=pair, metavar="A", help="the left article (.txt, .md, .html; - reads standard input)")
    parser.add_argument("b", type=Path, nargs=pair, metavar="B", help="the right article")
    add_format(parser, formats, format_help)
    add_cutoff(parser)
    parser.add_argument(
        "--exit-code",
        action="store_true",
        help="exit 1 when the two articles differ and 3 when a fact conflicts (0 when they tell the same), as git diff --exit-code",
    )
    add_no_pager(parser)
    parser.add_argument(
        "--width",
        type=WIDTH,
        default=None,
        metavar="N",
        help=f"wrap text output to this many columns ({MIN_WIDTH} or more; default: the terminal's width)",
    )
    add_color(parser, ". Without colour, changed words are marked [-removed-] and {+added+}")


def add_output(parser: argparse.ArgumentParser) -> None:
    """``-o FILE``: where the output goes instead of standard output."""
    parser.add_argument(
        "-o",
        "--output",
        type=_output_file,
        metavar="FILE",
        help="write to FILE (whole, by a rename; never A or B; - for standard output) instead; text there has no colour unless --color always",
    )


def _output_file(text: str) -> Path | None:
    """``-o FILE``: ``-`` is standard output, as it is for A and B, never a file called ``-`` (``./-`` names one)."""
    return None if text == "-" else Path(text)


def add_format(parser: argparse.ArgumentParser, formats: tuple[str, ...], format_help: str) -> None:
    parser.add_argument("--format", choices=formats, default=formats[0], help=format_help)


def add_color(parser: argparse.ArgumentParser, more_help: str = "") -> None:
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto", help=_COLOR_HELP + more_help)


def add_cutoff(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--cutoff",
        type=SCORE,
        default=DEFAULT_CUTOFF,
        metavar="SCORE",
        help=f"link sentences scoring at least this, 0-100 (default {DEFAULT_CUTOFF:g})",
    )


def add_no_pager(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-pager",
        action="store_true",
        help="print straight to the terminal; by default output taller than the screen goes through $READER_PAGER, $PAGER or less -RFX (never when piped)",
    )


def add_scheduler(parser: argparse.ArgumentParser, prefix: str = "") -> None:
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help=f"{prefix}run on the Dask cluster at ADDRESS (tcp://HOST:PORT), or 'local' for one started on this machine "
        "(default: $DASK_SCHEDULER_ADDRESS, else no cluster); needs pip install 'outlet-reader[cluster]'",
    )
