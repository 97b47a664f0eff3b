"""``reader update [NAME...]``: fetch every subscription (or those named) into its folder, then say what changed, story by story.

For cron or a systemd timer: nothing runs in the background. The progress
bar is drawn only on a terminal; what changed goes to standard output, a
line per failure and the summary to standard error.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from reader.cli.exits import EXIT_FAILURE, EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OK, fail, said
from reader.cli.options import COUNT, SECONDS

if TYPE_CHECKING:
    from reader.web.since import StoryChanges
    from reader.web.subscriptions import Subscription
    from reader.web.update import UpdateResult


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from reader.web import DEFAULT_TIMEOUT
    from reader.web.fetch import DEFAULT_LIMIT

    parser.add_argument("names", nargs="*", metavar="NAME", help="the subscriptions to fetch, by name or feed address (default: all)")
    limit_help = f"most entries fetched from each feed, newest first (default: [fetch] limit in the config file, else {DEFAULT_LIMIT})"
    parser.add_argument("--limit", type=COUNT, default=None, metavar="N", help=limit_help)
    timeout_help = f"give up on a URL after this long (default: [fetch] timeout in the config file, else {DEFAULT_TIMEOUT:g})"
    parser.add_argument("--timeout", type=SECONDS, default=None, metavar="SECONDS", help=timeout_help)
    parser.add_argument(
        "--max-versions",
        type=COUNT,
        default=None,
        metavar="N",
        help="versions kept of each article, itself counted; the oldest go first (default: max_versions in the config file, else 20)",
    )
    parser.add_argument("--quiet", action="store_true", help="print nothing but failures (for cron, which mails what a job prints)")


def run(options: argparse.Namespace) -> int:
    from reader.view.printable import printable
    from reader.web.update import record
    from reader.web.urls import shown

    chosen = _chosen(options.names)
    if isinstance(chosen, int):
        return chosen
    try:
        result = _update(options, chosen)
    except KeyboardInterrupt:
        print("reader: interrupted; every file is whole, and the articles fetched so far are saved", file=sys.stderr)
        return EXIT_INTERRUPTED
    try:
        record(result)
    except OSError as error:
        print(f"reader: the record of this update could not be written ({printable(error.strerror or str(error))})", file=sys.stderr)
    for failure in result.failures:
        print(f"reader: {printable(shown(failure.url))}: {printable(failure.reason)}", file=sys.stderr)
    if not options.quiet:
        from reader.web.since import changes_since

        stories = changes_since([s.path for s in result.new], [s.path for s in result.changed])
        for line in story_lines(stories):
            print(line)
        sys.stdout.flush()
        print(result.summary, file=sys.stderr)
    if result.failures and not result.saved:
        return EXIT_FAILURE
    return EXIT_OK


def _chosen(names: list[str]) -> list[Subscription] | int:
    """The subscriptions named (all of them when none is), or the exit status after saying why there are none."""
    from reader.cli.subscriptions import warn_unread
    from reader.web.subscriptions import SubscriptionError, list_file, load

    try:
        current = load()
    except SubscriptionError as error:
        return said(str(error))
    warn_unread(current, list_file())
    chosen = list(current.items)
    if names:
        missing = [name for name in names if current.find(name) is None]
        if missing:
            return fail(missing[0], "no subscription of that name (reader subscriptions lists them)")
        chosen = list(dict.fromkeys(found for name in names if (found := current.find(name)) is not None))
    if not chosen:
        print("reader: no subscriptions: follow a feed with reader subscribe URL", file=sys.stderr)
        return EXIT_INPUT
    return chosen


def _update(options: argparse.Namespace, chosen: list[Subscription]) -> UpdateResult:
    """Fetch the subscriptions, with the flags' limits, else the config file's, else fetch's own; a bar on a terminal."""
    from reader.cli.defaults import settings_of
    from reader.web import DEFAULT_TIMEOUT, Limits, Progress
    from reader.web.fetch import DEFAULT_LIMIT
    from reader.web.update import update
    from reader.web.versions import DEFAULT_MAX_VERSIONS

    config = settings_of(options)
    max_versions = options.max_versions or config.max_versions or DEFAULT_MAX_VERSIONS
    limit = options.limit or config.fetch_limit or DEFAULT_LIMIT
    limits = Limits(timeout=options.timeout or config.fetch_timeout or DEFAULT_TIMEOUT)
    if sys.stderr is None or not sys.stderr.isatty() or options.quiet:
        return update(chosen, limit=limit, limits=limits, max_versions=max_versions)
    from reader.view.progress import progress_bar

    with progress_bar(sys.stderr, "Updating") as show:

        def shown_progress(progress: Progress) -> None:
            show(progress.done, progress.total, progress.url)

        return update(chosen, limit=limit, limits=limits, max_versions=max_versions, on_progress=shown_progress)


def story_lines(stories: list[StoryChanges]) -> list[str]:
    """What changed, a block per story: its label, then a line per new or changed article and a line per correction."""
    from reader.view.printable import printable

    lines: list[str] = []
    for story in stories:
        if lines:
            lines.append("")
        lines.append(printable(" ".join(story.label.split())))
        for change in story.articles:
            name = printable(f"{change.article.label}: {' '.join(change.article.title.split())}")
            if change.new:
                lines.append(f"  new      {name}")
                continue
            what = change.revision.line if change.revision else "changed"
            lines.append(f"  changed  {name} (version {change.version}): {printable(what)}")
            lines.extend(f"           {printable(correction.phrase)}" for correction in change.corrections)
            lines.append(f"           {printable(str(change.article.path))}")
    return lines
