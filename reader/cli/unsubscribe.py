"""``reader unsubscribe NAME|URL``: stop following a feed; its articles and their versions stay where they are."""

from __future__ import annotations

import argparse

from reader.cli.exits import EXIT_OK, fail


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("feed", metavar="NAME|URL", help="the subscription's name, or its feed's address")


def run(options: argparse.Namespace) -> int:
    from reader.view.printable import printable
    from reader.web.subscriptions import SubscriptionError, list_file, unsubscribe

    try:
        removed = unsubscribe(options.feed)
    except SubscriptionError as error:
        return fail(options.feed, str(error))
    except OSError as error:
        return fail(str(list_file()), f"cannot be written ({error.strerror or error})")
    print(f"unsubscribed from {printable(removed.name)!r} ({printable(removed.url)})")
    return EXIT_OK
