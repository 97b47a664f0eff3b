"""``reader [PATHS]``, no command: open the app on files and folders, fetching the web addresses among them first."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader import DISTRIBUTION, __version__
from reader.cli.defaults import settings_of
from reader.cli.exits import EXIT_INPUT, EXIT_OK, fail
from reader.cli.options import add_cutoff
from reader.core.alignment.aligner import DEFAULT_CUTOFF
from reader.core.config import Config

if TYPE_CHECKING:
    from reader.tui.app import ReaderApp


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATHS", help="article files and folders, or web addresses to fetch and open")
    add_cutoff(parser)
    parser.add_argument("--version", action="version", version=f"reader {__version__} (installed as {DISTRIBUTION})")


def run(options: argparse.Namespace) -> int:
    from reader.web.urls import is_web_url

    urls = [arg for arg in options.paths if is_web_url(arg)]
    paths = [Path(arg) for arg in options.paths if not is_web_url(arg)]
    settings = settings_of(options)
    if not options.paths and settings.folder is not None:
        paths = [settings.folder]  # the config's folder stands in for the seeds
    for path in paths:
        if not path.exists():
            return fail(path, "no such file or folder")
    from reader.tui.terminal import terminal_problem

    unusable = terminal_problem(sys.stdin, sys.stdout, sys.stderr)
    if unusable:
        # Before anything is fetched or made: the app could not be used.
        print(f"reader: {unusable}", file=sys.stderr if sys.stderr is not None else sys.stdout)
        return EXIT_INPUT
    folder = None
    if urls:
        from reader.cli.fetch import make_folder
        from reader.web import default_folder

        folder = settings.downloads or default_folder()
        problem = make_folder(folder)
        if problem is not None:
            return problem
        paths.insert(0, folder)
    problems = getattr(options, "config_problems", ())
    app = make_app(paths, options.cutoff, fetch=urls, fetch_into=folder or settings.downloads, config=settings, config_problems=problems)
    app.run()
    # Non-zero when the app ended on an uncaught error (Textual prints it).
    return app.return_code or EXIT_OK


def make_app(
    paths: list[Path] | None = None,
    cutoff: float = DEFAULT_CUTOFF,
    fetch: list[str] | None = None,
    fetch_into: Path | None = None,
    config: Config | None = None,
    config_problems: Sequence[str] = (),
) -> ReaderApp:
    """The Textual app, as ``reader [PATHS]`` runs it: on the paths, fetching the URLs into ``fetch_into``, with the user's config."""
    # Textual costs ~150 ms to import; `reader align` never needs it.
    from reader.tui.app import ReaderApp

    return ReaderApp(paths or None, cutoff=cutoff, fetch=fetch or (), fetch_into=fetch_into, config=config, config_problems=config_problems)
