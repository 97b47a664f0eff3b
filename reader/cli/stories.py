"""``reader stories PATHS``: the articles of some files and folders grouped by the story they tell, here or on a Dask cluster."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.exits import EXIT_INPUT, EXIT_OK, fail, say_none_found, shown_path
from reader.cli.options import add_color, add_format, add_no_pager, add_scheduler
from reader.cli.output import json_indent, terminal, text_console
from reader.export import to_json

if TYPE_CHECKING:
    from reader.core.reading.articles import Library
    from reader.core.stories import Stories


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATHS", help="article files and folders (default: the bundled seed articles)")
    add_format(parser, ("text", "json"), "text: a block per story (default); json: for scripts (one line when piped, indented on a terminal)")
    add_color(parser)
    add_no_pager(parser)
    add_scheduler(parser)


def run(options: argparse.Namespace) -> int:
    from reader.cli.defaults import scheduler_of
    from reader.core.models import LoadError
    from reader.core.reading.articles import article_from_text, find_article_files, library_of, load_article
    from reader.core.stories import find_stories
    from reader.view.printable import printable

    for path in options.paths:
        if not path.exists() and not path.is_symlink():
            return fail(path, "no such file or folder")
    on_cluster = _stories_on_cluster(options.paths, scheduler_of(options))
    if isinstance(on_cluster, int):
        return on_cluster
    files, errors = find_article_files(options.paths) if on_cluster is None else ([], [])
    results = []
    for file in files:
        result = load_article(file)
        if isinstance(result, LoadError) and _is_empty(file):
            result = article_from_text(file, "")  # an empty file tells no story: it is unassigned, not an error
        results.append(result)
    library = library_of(results, errors) if on_cluster is None else on_cluster[1]
    for error in library.errors:
        print(f"reader: {shown_path(error.path)}: {printable(error.reason)}", file=sys.stderr)
    if not library.articles and not library.errors:
        say_none_found(options.paths)
    stories = find_stories(library.articles) if on_cluster is None else on_cluster[0]
    if options.format == "json":
        from reader.export import stories_json

        sys.stdout.write(to_json(stories_json(stories), indent=json_indent()))
        sys.stdout.write("\n")
    else:
        from reader.view.stories import print_stories

        print_stories(stories, text_console(options))
    return EXIT_INPUT if library.errors else EXIT_OK


def _stories_on_cluster(paths: list[Path], address: str | None) -> tuple[Stories, Library] | int | None:
    """The stories found on a Dask cluster (and its articles, without their text) when one is asked for; the exit code when there is none to run on."""
    from reader.cluster.connect import ClusterUnavailable

    if address is None:
        return None
    from reader.cluster.run import stories_on_cluster
    from reader.view.printable import printable

    try:
        return stories_on_cluster(address, paths, progress=terminal(sys.stderr))
    except ClusterUnavailable as error:
        print(f"reader: {printable(str(error))}", file=sys.stderr)
        return EXIT_INPUT


def _is_empty(path: Path) -> bool:
    with contextlib.suppress(OSError):
        return path.is_file() and path.stat().st_size == 0
    return False
