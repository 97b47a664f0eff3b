"""``reader align --all DIR``: the articles of a folder, then every pair of them, as JSON lines, here or on a Dask cluster."""

from __future__ import annotations

import argparse
import sys

from reader.cli.exits import EXIT_FAILURE, EXIT_INPUT, EXIT_OK, fail, say_none_found, shown_path
from reader.cli.output import terminal


def run(options: argparse.Namespace) -> int:
    """Print the articles of the folder, then every pair of them, as JSON lines; name the unreadable files on stderr."""
    from reader.batch import ArticleFailure, write_all
    from reader.cli.defaults import scheduler_of
    from reader.cluster.connect import ClusterUnavailable
    from reader.core.reading.articles import find_article_files
    from reader.view.printable import printable

    folder, cutoff, within_stories = options.all, options.cutoff, options.within_stories
    if not folder.is_dir():
        return fail(folder, "not a folder" if folder.exists() else "no such file or folder")
    address = scheduler_of(options)
    if address is None:
        written, errors, failures = write_all(folder, sys.stdout, cutoff=cutoff, within_stories=within_stories)
    else:
        from reader.cluster.run import align_on_cluster

        try:
            written, errors, failures = align_on_cluster(address, folder, sys.stdout, cutoff, within_stories, progress=terminal(sys.stderr))
        except ClusterUnavailable as unavailable:
            print(f"reader: {printable(str(unavailable))}", file=sys.stderr)
            return EXIT_INPUT
    if not errors and not failures and written == 0 and not find_article_files([folder])[0]:
        say_none_found([folder])
    for error in errors:
        print(f"reader: {shown_path(error.path)}: {error.reason}", file=sys.stderr)
    for failure in failures:
        if isinstance(failure, ArticleFailure):
            print(f"reader: {shown_path(failure.path)}: its facts could not be found: {printable(failure.error)}", file=sys.stderr)
            continue
        names = f"{shown_path(failure.a)} and {shown_path(failure.b)}"
        print(f"reader: {names}: could not be aligned: {printable(failure.error)}", file=sys.stderr)
    if failures:
        return EXIT_FAILURE
    return EXIT_INPUT if errors else EXIT_OK
