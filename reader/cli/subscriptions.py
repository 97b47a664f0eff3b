"""``reader subscriptions [--import FILE.opml | --export]``: the feeds followed, listed, or exchanged as OPML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.exits import EXIT_OK, fail, said

if TYPE_CHECKING:
    from reader.web.subscriptions import Subscriptions


def add_arguments(parser: argparse.ArgumentParser) -> None:
    exchange = parser.add_mutually_exclusive_group()
    exchange.add_argument("--import", dest="import_from", type=Path, metavar="FILE", help="add the feeds of an OPML file another feed reader exported")
    exchange.add_argument("--export", action="store_true", help="print the subscriptions as an OPML 2.0 file other feed readers import")


def run(options: argparse.Namespace) -> int:
    from reader.view.printable import printable
    from reader.web.subscriptions import SubscriptionError, list_file, load, write_opml
    from reader.web.update import folder_of

    try:
        if options.import_from is not None:
            return _import(options.import_from)
        current = load()
    except SubscriptionError as error:
        return said(str(error))
    warn_unread(current, list_file())
    if options.export:
        sys.stdout.write(write_opml(current.items))
        return EXIT_OK
    if not current.items:
        print("no subscriptions yet: reader subscribe URL, or reader subscriptions --import FILE.opml", file=sys.stderr)
        return EXIT_OK
    width = max(len(item.name) for item in current.items)
    for item in current.items:
        print(f"{printable(item.name):<{width}}  {printable(item.url)}  → {printable(str(folder_of(item)))}")
    return EXIT_OK


def _import(path: Path) -> int:
    from reader.core.files import read_regular
    from reader.view.printable import printable
    from reader.web.subscriptions import MOST_BYTES, SubscriptionError, add, read_opml

    try:
        data = read_regular(path, MOST_BYTES)
    except OSError as error:
        return fail(str(path), f"cannot be read ({error.strerror or error})")
    if len(data) > MOST_BYTES:
        return fail(str(path), f"larger than {MOST_BYTES // 2**20} MiB: not a list of feeds")
    try:
        change = add(read_opml(data))
    except SubscriptionError as error:
        return fail(str(path), str(error))
    for item in change.done:
        print(f"subscribed to {printable(item.url)} as {printable(item.name)!r}")
    for url, reason in change.skipped:
        print(f"reader: {printable(url)}: {printable(reason)}", file=sys.stderr)
    print(f"{len(change.done)} added, {len(change.skipped)} skipped", file=sys.stderr)
    return EXIT_OK


def warn_unread(current: Subscriptions, path: Path) -> None:
    """Say on stderr which entries of the list reader cannot follow; they are kept in the file as they are."""
    from reader.cli.exits import shown_path
    from reader.view.printable import printable

    for _entry, why in current.unread:
        print(f"reader: {shown_path(path)}: {printable(why)}; kept as it is, not followed", file=sys.stderr)
