"""Command line: ``reader [PATHS]`` opens the app; ``reader align A B`` and ``reader facts A B`` compare two reports;
``reader align --base A B C...`` reads one report against several; ``reader fetch URL...`` saves articles and
feeds from the web into a folder the app opens; ``reader stories PATHS`` groups a folder's articles by the story
they tell.

Each command is a module of this package with ``add_arguments(parser)`` and
``run(options) -> int`` (and, if it reads its arguments its own way,
``parse_args(parser, argv)``); this module only builds their parsers and
dispatches. Exit codes (``exits``): 0 on success, 2 when the command line or
an input file is wrong (one line on stderr names the file and the reason).
"""

from __future__ import annotations

import argparse
import sys
from typing import Protocol

from reader.cli import align, completion, facts, fetch, open_app, stories, subscribe, subscriptions, unsubscribe, update, versions
from reader.cli.options import new_parser
from reader.cli.output import paged, printing


class Command(Protocol):
    """A command's module."""

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, options: argparse.Namespace) -> int: ...


#: The commands by name, in the order completion offers them; ``reader`` with none of them opens the app.
COMMANDS: dict[str, Command] = {
    "align": align,
    "facts": facts,
    "fetch": fetch,
    "stories": stories,
    "subscribe": subscribe,
    "subscriptions": subscriptions,
    "unsubscribe": unsubscribe,
    "update": update,
    "versions": versions,
    "completion": completion,
}


def parser_of(name: str | None) -> argparse.ArgumentParser:
    """The parser of ``reader NAME``; of ``reader [PATHS]`` for ``None``."""
    parser = new_parser(name)
    (open_app if name is None else COMMANDS[name]).add_arguments(parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: Arguments without the program name (default: ``sys.argv[1:]``).

    Returns:
        The exit code.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] not in COMMANDS:
        return open_app.run(parser_of(None).parse_args(args))
    name, rest = args[0], args[1:]
    command, parser = COMMANDS[name], parser_of(name)
    parse = getattr(command, "parse_args", type(parser).parse_args)
    with paged(parser, rest):
        return printing(lambda: command.run(parse(parser, rest)))
