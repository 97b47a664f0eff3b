"""``reader versions FILE``: an article's versions, a line each: its number, when it was fetched and what changed."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli.exits import EXIT_OK, fail


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="a fetched article (its versions are in .versions/ beside it)")


def run(options: argparse.Namespace) -> int:
    from reader.core.models import LoadError
    from reader.core.reading.articles import load_article
    from reader.core.revisions import revision
    from reader.view.printable import printable
    from reader.web.versions import versions

    path: Path = options.file
    if path.is_dir():
        return fail(path, "is a folder, not a file")
    if not path.is_file():
        return fail(path, "no such file")
    current = load_article(path)
    if isinstance(current, LoadError):
        return fail(path, current.reason)  # an old version that cannot be read is listed; the article itself must be
    found = versions(path)
    fetched = bool(current.url) or len(found) > 1
    if not fetched:
        # As the app's V says: a file of one's own has no versions to list but itself.
        print(
            f"reader: {printable(str(path))} has one version: reader keeps versions of the articles it fetches (reader fetch, reader update)", file=sys.stderr
        )
    previous = None
    for version in found:
        article = load_article(version.path)
        if isinstance(article, LoadError):
            what = f"cannot be read ({article.reason})"
            previous = None
        elif previous is None:
            title = " ".join(article.title.split())
            what = f"fetched: {title}" if version is found[0] and fetched else title
            previous = article
        else:
            change = revision(previous, article)
            what = change.line
            if change.headline_changed:
                what += f" — {' '.join(article.title.split())}"
            previous = article
        when = version.fetched.replace("T", " ").replace("Z", " UTC") if version.fetched else "(no date)"
        now = "  (now)" if version.current else ""
        print(f"{version.number:>3}  {printable(when)}  {printable(what)}{now}")
    return EXIT_OK
