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
import gc
import os
import sys
from typing import NoReturn, Protocol

from reader.cli import (
    align,
    completion,
    config,
    facts,
    fetch,
    open_app,
    stories,
    subscribe,
    subscriptions,
    unsubscribe,
    update,
    versions,
)
from reader.cli.defaults import add_config_flag, apply_config, read_config, say_problems
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
    "config": config,
    "completion": completion,
}


def parser_of(name: str | None) -> argparse.ArgumentParser:
    """The parser of ``reader NAME``; of ``reader [PATHS]`` for ``None``."""
    parser = new_parser(name)
    (open_app if name is None else COMMANDS[name]).add_arguments(parser)
    add_config_flag(parser)
    return parser


def run() -> NoReturn:
    """``reader`` the program, its console script: :func:`main` in a process of its own, which a command ends at once."""
    raise SystemExit(main(whole_process=True))


def main(argv: list[str] | None = None, whole_process: bool = False) -> int:
    """Run the command line.

    Args:
        argv: Arguments without the program name (default: ``sys.argv[1:]``).
        whole_process: The process is reader's alone, and ends with the
            command (not the app): the objects it makes are collected less
            often (:func:`_collect_less`), and once its output is flushed
            it ends without freeing them one by one (:func:`_end_now`).

    Returns:
        The exit code.
    """
    configured = read_config(list(sys.argv[1:] if argv is None else argv))
    args = configured.args
    name = args[0] if args and args[0] in COMMANDS else None
    parser = parser_of(name)
    apply_config(parser, configured)
    if name is None:
        return open_app.run(parser.parse_args(args))  # the app shows the config's problems itself
    say_problems(configured.problems)
    command, rest = COMMANDS[name], args[1:]
    parse = getattr(command, "parse_args", type(parser).parse_args)
    if whole_process:
        _collect_less()
    with paged(parser, rest, configured.config.pager is not False):
        code = printing(lambda: command.run(parse(parser, rest)))
    if whole_process:
        _end_now(code)
    return code


#: Allocations between two collections of the youngest objects (Python's default is 700).
YOUNG_THRESHOLD = 10_000


def _collect_less() -> None:
    """Look for reference cycles less often in a command: a comparison makes millions of small
    objects (sentences, terms, facts) that live until it ends, and each full collection looked at
    all of them again, a tenth of the CPU of a long pair. What was imported is never looked at again."""
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, *gc.get_threshold()[1:])


def _end_now(code: int) -> None:
    """End the process with ``code`` once its output is flushed, without freeing what it made one
    object at a time (some 0.15 s after a long pair's last line). Its workers have ended and its
    files are closed by then. If the output cannot be flushed, Python's own exit says so, as before."""
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        return
    os._exit(code)
