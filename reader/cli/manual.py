"""reader's manual page (``man reader``), written from the command line's own parsers.

``python -m reader.cli.manual > man/reader.1`` writes it with argparse-manpage
(a build-time tool, not needed to run reader); the wheel installs it as
``share/man/man1/reader.1``, where ``man`` finds it beside the ``reader``
command. A test holds the file to the parsers, so a new flag is in the
manual as soon as it is in ``--help``.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from reader import __version__

#: What the manual says reader is, on its NAME line.
SUMMARY = "compare how news outlets report the same story, sentence against sentence"


def manual_page() -> str:
    """The manual page, as roff."""
    from argparse_manpage.manpage import Manpage

    from reader.cli import COMMANDS, parser_of

    # The page is the same for everyone: default folders as the XDG defaults, not the writer's own.
    with _generic_folders():
        whole = _whole_parser(COMMANDS, parser_of)
    data = {"project_name": "reader", "version": __version__, "description": SUMMARY, "manual_title": "reader manual", "manual_section": 1}
    page = "".join(_as_text(line) for line in str(Manpage(whole, _data=data)).splitlines(keepends=True))
    return page.replace(str(Path.home()), "~")


@contextmanager
def _generic_folders() -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in _XDG}
    os.environ.update(_XDG)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


#: The folders of the XDG base directory specification, as it writes them.
_XDG = {"XDG_CONFIG_HOME": "~/.config", "XDG_DATA_HOME": "~/.local/share", "XDG_STATE_HOME": "~/.local/state"}


def _whole_parser(names: Iterable[str], parser_of: Callable[[str | None], argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """``reader [PATHS]``'s parser with each command's as a subcommand, for the page's sections."""
    whole = parser_of(None)
    commands = whole.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for name in names:
        parser = parser_of(name)
        commands.add_parser(
            name,
            parents=[parser],
            add_help=False,
            prog=f"reader {name}",
            usage=parser.usage,
            help=(parser.description or "").split(".")[0],
            description=parser.description,
            epilog=parser.epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
    return whole


#: The roff requests the page is written with; any other line opening with "." or "'" is text.
_REQUESTS = frozenset({".TH", ".SH", ".SS", ".TP", ".B", ".BR", ".I", ".IR", ".IP", ".PP", ".RS", ".RE", ".br", ".nf", ".fi"})


def _as_text(line: str) -> str:
    """A line of help text that opens with "." or "'" (".html articles; …") kept as text, not read as a request."""
    if line.startswith((".", "'")) and line.split(maxsplit=1)[0] not in _REQUESTS:
        return "\\&" + line
    return line


if __name__ == "__main__":
    print(manual_page(), end="")
