"""Where the command line makes its comparisons: articles loaded, aligned, and their facts compared.

``reader align`` and ``reader facts`` take :func:`load_and_compare`;
``reader align --base`` takes :func:`against_all`. Both hand the work to
the one :class:`~reader.core.comparer.Comparer` every front end uses (the
facts of long articles found in worker processes while the articles are
aligned). Load errors come back from it as values, are reported here on
one line, and become exit 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.exits import EXIT_INPUT, fail

if TYPE_CHECKING:
    from reader.core.facts.compare import FactComparison
    from reader.core.models import Article
    from reader.core.outlets import OneAgainstAll


def load_articles(options: argparse.Namespace) -> tuple[Article, Article] | int:
    """The two articles, or the exit status after reporting the first bad file."""
    from reader.core.comparer import load_articles as load
    from reader.core.reading.articles import STANDARD_INPUT

    if options.a == options.b == STANDARD_INPUT:
        return fail(STANDARD_INPUT, "only one article can come from standard input")
    stdin = sys.stdin.buffer if STANDARD_INPUT in (options.a, options.b) else None
    articles = load((options.a, options.b), stdin)
    if not isinstance(articles, tuple):
        return fail(articles.path, _with_hint(articles.reason))
    return articles[0], articles[1]


def _with_hint(reason: str) -> str:
    """A FIFO is never waited on; the pipe that ``<(…)`` makes can come in as ``-`` instead."""
    if reason == "not a regular file (FIFO)":
        return f"{reason}; a pipe can be read as - (standard input): reader align - B < <(command)"
    return reason


def load_and_compare(options: argparse.Namespace, facts_needed: bool = False) -> FactComparison | int:
    """Load and align the two articles and compare their facts (the :class:`~reader.core.comparer.Comparer`'s work), or report the first bad file.

    When only the facts are wanted (``reader facts``) and they cannot be
    checked, the reason is said before anything is aligned; when they can,
    the links are found without their word diffs, which nothing then reads.
    """
    from reader.core.comparer import Comparer
    from reader.core.facts.compare import facts_refused
    from reader.core.workers import Workers
    from reader.view.printable import printable

    articles = load_articles(options)
    if isinstance(articles, int):
        return articles
    a, b = articles
    with Comparer(options.cutoff, Workers()) as comparer:
        comparer.start(a, b)  # the workers find the facts while they are counted here
        refused = facts_needed and (facts_refused(a) or facts_refused(b))
        if refused:
            print(f"reader: {printable(refused)}", file=sys.stderr)
            return EXIT_INPUT
        # Only the rows' kinds read the word diffs: ``--exit-code`` asks whether any row differs.
        return comparer.compare(a, b, word_diffs=not facts_needed or options.exit_code)


def load_paths(paths: Sequence[Path]) -> list[Article] | int:
    """The articles, in order, or the exit status after reporting the first bad file."""
    from reader.core.comparer import load_articles as load

    articles = load(paths)
    if not isinstance(articles, tuple):
        return fail(articles.path, articles.reason)
    return list(articles)


def against_all(base: Article, others: Sequence[Article], cutoff: float) -> OneAgainstAll:
    """``base`` aligned with each of ``others`` and their facts compared, as ``reader align A B`` does each pair (by the Comparer)."""
    from reader.core.comparer import Comparer
    from reader.core.workers import Workers

    with Comparer(cutoff, Workers()) as comparer:
        return comparer.against_all(base, others)
