"""``reader fetch URL...``: article pages and the entries of feeds saved as Markdown files in a folder the app opens."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli.exits import EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OK, fail
from reader.cli.options import COUNT, SECONDS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from reader.web import DEFAULT_TIMEOUT, default_folder
    from reader.web.fetch import DEFAULT_LIMIT

    parser.add_argument("urls", nargs="+", metavar="URL", help="an article page or an RSS or Atom feed (http:// or https://)")
    parser.add_argument("--into", type=Path, metavar="DIR", help=f"the folder to write to (default: {default_folder()})")
    parser.add_argument(
        "--limit", type=COUNT, default=DEFAULT_LIMIT, metavar="N", help=f"most entries fetched from each feed, newest first (default {DEFAULT_LIMIT})"
    )
    parser.add_argument(
        "--timeout", type=SECONDS, default=DEFAULT_TIMEOUT, metavar="SECONDS", help=f"give up on a URL after this long (default {DEFAULT_TIMEOUT:g})"
    )


def run(options: argparse.Namespace) -> int:
    from reader.view.printable import printable
    from reader.web import Limits, Progress, default_folder
    from reader.web.fetch import fetch
    from reader.web.urls import shown

    folder: Path = options.into or default_folder()
    problem = make_folder(folder)
    if problem is not None:
        return problem
    limits = Limits(timeout=options.timeout)
    try:
        if sys.stderr is not None and sys.stderr.isatty():
            from reader.view.progress import progress_bar

            with progress_bar(sys.stderr, "Fetching") as show:

                def shown_progress(progress: Progress) -> None:
                    show(progress.done, progress.total, progress.url)

                result = fetch(options.urls, folder, limit=options.limit, limits=limits, on_progress=shown_progress)
        else:
            result = fetch(options.urls, folder, limit=options.limit, limits=limits)
    except KeyboardInterrupt:
        print(f"reader: interrupted; the articles saved so far are in {printable(str(folder))}", file=sys.stderr)
        return EXIT_INTERRUPTED
    for saved in result.saved:
        print(printable(str(saved.path)))
    sys.stdout.flush()
    for failure in result.failures:
        # URLs and reasons come from the feeds and the servers: data, made inert.
        print(f"reader: {printable(shown(failure.url))}: {printable(failure.reason)}", file=sys.stderr)
    print(f"{result.summary}, in {printable(str(folder))}", file=sys.stderr)
    return EXIT_OK if result.saved else EXIT_INPUT


def make_folder(folder: Path) -> int | None:
    """Make the folder fetched articles go to; the exit code when it cannot be made."""
    if folder.exists() and not folder.is_dir():
        return fail(folder, "not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return fail(folder, f"cannot be made ({error.strerror or error})")
    return None
