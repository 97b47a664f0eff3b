"""``reader align``: two articles side by side (``align_pair``), one against several (``--base``, ``align_base``),
or every pair of a folder (``--all``, ``align_all``).

The three take different flags: which flag goes with which is the table of
rules in :func:`_usage_errors`, checked in order as the options are read.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from pathlib import Path

from reader.cli.exits import shown_path
from reader.cli.options import ROWS, add_output, add_pair, add_scheduler

#: Unchanged rows shown around each change with --only-changes, unless --context says.
DEFAULT_CONTEXT = 1

#: Whether a flag that belongs to one way of running align was given.
_GIVEN: dict[str, Callable[[argparse.Namespace], bool]] = {
    "--only-changes": lambda options: bool(options.only_changes),
    "--context": lambda options: options.context is not None,
    "--output": lambda options: options.output is not None,
    "--exit-code": lambda options: bool(options.exit_code),
    "--within-stories": lambda options: bool(options.within_stories),
    "--scheduler": lambda options: options.scheduler is not None,
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_pair(
        parser,
        ("text", "json", "html", "markdown", "jsonl"),
        "text: side by side (default); json: for scripts; html: a standalone page; "
        "markdown: a document with a table; jsonl: with --all (its default), a line per article and per pair",
        optional=True,
    )
    parser.set_defaults(format=None)  # text, or jsonl with --all: decided once the options are read
    # With --base, every article named besides A is an other: B, C, and these.
    parser.add_argument("more", type=Path, nargs="*", metavar="C", help=argparse.SUPPRESS)
    parser.add_argument(
        "--base",
        type=Path,
        metavar="A",
        help="read A against each of the other articles given, two or more (B C ...): a column per outlet",
    )
    parser.add_argument(
        "--only-changes",
        action="store_true",
        help="show only the rows that differ and those holding a contradicted fact (text, html, markdown), with a line for each run of rows left out",
    )
    parser.add_argument(
        "--context",
        type=ROWS,
        default=None,
        metavar="N",
        help=f"with --only-changes: unchanged rows shown before and after each change (default {DEFAULT_CONTEXT})",
    )
    add_output(parser)
    parser.add_argument("--all", type=Path, metavar="DIR", help="align every pair of articles in DIR instead of A and B")
    parser.add_argument("--within-stories", action="store_true", help="with --all: only the pairs of articles that tell one story (reader stories)")
    add_scheduler(parser, "with --all: ")
    from reader.cli import align_versions

    align_versions.add_arguments(parser)


def parse_args(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """The options, its articles standing before and after them (``B --base A C``); a flag given where it does not go is bad usage."""
    options = _intermixed(parser, argv)
    if options.format is None:  # not given: side by side, but JSON lines for a folder, the one thing --all prints
        options.format = "jsonl" if options.all is not None else "text"
    for message in _usage_errors(options):
        parser.error(message)
    return options


def run(options: argparse.Namespace) -> int:
    if options.versions is not None:
        from reader.cli import align_versions

        return align_versions.run(options)
    if options.base is not None:
        from reader.cli import align_base

        return align_base.run(options)
    if options.all is not None:
        from reader.cli import align_all

        return align_all.run(options)
    from reader.cli import align_pair

    return align_pair.run(options)


def others(options: argparse.Namespace) -> list[Path]:
    """With ``--base A``: the articles A is read against, in the order given."""
    return [path for path in (options.a, options.b, *options.more) if path is not None]


def _usage_errors(options: argparse.Namespace) -> Iterator[str]:
    """What is wrong with how the flags combine, the first thing first: with ``--base``, with ``--all``, or with A B."""
    if options.versions is not None and (options.a is not None or options.base is not None or options.all is not None):
        yield "--versions FILE compares two versions of FILE: give no A B, --base or --all with it"
    if options.versions is None and (options.from_version is not None or options.to_version is not None):
        yield "--from and --to go with --versions FILE"
    if options.base is not None:
        if options.all is not None:
            yield "--base goes with the articles to read A against, not with --all"
        yield from _not_with("--base", ("--only-changes", "--context", "--exit-code"), options)
        if options.format == "jsonl":
            yield "--format jsonl goes with --all DIR"
        if not others(options):
            yield "--base A needs two or more articles to read A against: reader align --base A B C ..."
        if len(others(options)) == 1:
            yield (f"--base needs two or more other articles; to compare two, use reader align {shown_path(options.base)} {shown_path(others(options)[0])}")
        return
    if options.more:
        yield "give two articles, A B, or read one against several with --base A B C ..."
    if options.all is not None:
        if options.a is not None:
            yield "give either A B or --all DIR, not both"
        if options.format != "jsonl":
            yield "--all prints JSON lines, one per article and per pair: --format jsonl, or no --format"
        yield from _not_with("--all", ("--only-changes", "--context", "--output", "--exit-code"), options)
        return
    yield from (f"{flag} goes with --all DIR" for flag in ("--within-stories", "--scheduler") if _GIVEN[flag](options))
    if options.b is None and options.versions is None:
        yield "the following arguments are required: A, B (or --all DIR)"
    if options.format == "jsonl":
        yield "--format jsonl goes with --all DIR"
    if options.context is not None and not options.only_changes:
        yield "--context goes with --only-changes"
    if options.only_changes and options.format == "json":
        yield "--format json holds every link: --only-changes goes with text, html and markdown"


def _not_with(mode: str, flags: tuple[str, ...], options: argparse.Namespace) -> Iterator[str]:
    """A flag of A B given with ``--base`` or ``--all``."""
    return (f"{flag} goes with A B, not with {mode}" for flag in flags if _GIVEN[flag](options))


def _intermixed(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """The options of ``reader align``, its articles standing before and after the options (``B --base A C``).

    Everything after ``--`` is an article, whatever it looks like (``-- -rf.txt B``):
    argparse's intermixed parsing does not honour ``--`` in every Python
    version, so the articles after it are parsed here.
    """
    if "--" not in argv:
        return parser.parse_intermixed_args(argv)
    end = argv.index("--")
    options = parser.parse_intermixed_args(argv[:end])
    named = [path for path in (options.a, options.b, *options.more) if path is not None]
    named += [Path(arg) for arg in argv[end + 1 :]]
    options.a, options.b, options.more = (named + [None, None])[0], (named + [None, None])[1], named[2:]
    return options
