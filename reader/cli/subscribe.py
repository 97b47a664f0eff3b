"""``reader subscribe URL [--name NAME] [--into DIR]``: follow a feed; ``reader update`` fetches it."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli.exits import EXIT_OK, fail


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("url", metavar="URL", help="an RSS or Atom feed, or an article page (http:// or https://)")
    parser.add_argument("--name", default="", metavar="NAME", help="what to call it (default: its host, or its title in an OPML file)")
    parser.add_argument("--into", type=Path, metavar="DIR", help="the folder its articles go to (default: reader's fetched folder, as for reader fetch)")


def run(options: argparse.Namespace) -> int:
    from reader.view.printable import printable
    from reader.web.subscriptions import SubscriptionError, list_file, subscribe

    if options.into is not None and options.into.expanduser().exists() and not options.into.expanduser().is_dir():
        return fail(options.into, "not a folder")  # as reader fetch --into says, now rather than at every update
    into = str(options.into.expanduser().resolve()) if options.into is not None else ""
    try:
        added = subscribe(options.url, name=options.name, into=into)
    except SubscriptionError as error:
        return fail(options.url, str(error))
    except OSError as error:
        return fail(str(list_file()), f"cannot be written ({error.strerror or error})")
    print(f"subscribed to {printable(added.url)} as {printable(added.name)!r}")
    return EXIT_OK
