"""Where the command line makes its comparisons: articles loaded, aligned, and their facts compared.

``reader align`` and ``reader facts`` take :func:`load_and_compare`;
``reader align --base`` takes :func:`against_all`. The facts of long
articles are found in worker processes while the articles are aligned.
Load errors are reported here, on one line, and become exit 2.
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
    from reader.core import load_article
    from reader.core.models import LoadError
    from reader.core.reading.articles import STANDARD_INPUT, article_from_stream

    if options.a == options.b == STANDARD_INPUT:
        return fail(STANDARD_INPUT, "only one article can come from standard input")
    articles = []
    for path in (options.a, options.b):
        result = article_from_stream(sys.stdin.buffer) if path == STANDARD_INPUT else load_article(path)
        if isinstance(result, LoadError):
            return fail(result.path, result.reason)
        articles.append(result)
    return articles[0], articles[1]


def load_and_compare(options: argparse.Namespace, facts_needed: bool = False) -> FactComparison | int:
    """Load and align the two articles and compare their facts, or report the first bad file.

    The facts of long articles are found in other processes while the
    articles are aligned: the facts do not depend on the alignment. When
    only the facts are wanted (``reader facts``) and they cannot be checked,
    the reason is said before anything is aligned.
    """
    from reader.core import align
    from reader.core.facts.compare import compare_facts, facts_refused
    from reader.core.facts.workers import FactWorkers, worth_a_process
    from reader.view.printable import printable

    articles = load_articles(options)
    if isinstance(articles, int):
        return articles
    a, b = articles
    refused = facts_refused(a) or facts_refused(b)
    if refused and facts_needed:
        print(f"reader: {printable(refused)}", file=sys.stderr)
        return EXIT_INPUT
    if worth_a_process(a, b) and not refused:
        with FactWorkers() as workers:
            pending = workers.submit(a, reference=b.date), workers.submit(b, reference=a.date)
            alignment = align(a, b, cutoff=options.cutoff)
            return compare_facts(alignment, facts=(pending[0].result(), pending[1].result()))
    return compare_facts(align(a, b, cutoff=options.cutoff))


def load_paths(paths: Sequence[Path]) -> list[Article] | int:
    """The articles, in order, or the exit status after reporting the first bad file."""
    from reader.core import load_article
    from reader.core.models import LoadError

    articles = []
    for path in paths:
        result = load_article(path)
        if isinstance(result, LoadError):
            return fail(result.path, result.reason)
        articles.append(result)
    return articles


def against_all(base: Article, others: Sequence[Article], cutoff: float) -> OneAgainstAll:
    """``base`` aligned with each of ``others`` and their facts compared, as ``reader align A B`` does each pair.

    The facts of long articles are found in other processes while the pairs
    are aligned, as in :func:`load_and_compare`. The base's facts are found
    once for each date it may borrow (an undated article places "next
    month" by the other's date).
    """
    from reader.core import align
    from reader.core.facts.compare import compare_facts, facts_refused
    from reader.core.facts.workers import FactWorkers, worth_a_process
    from reader.core.outlets import one_against_all

    everyone = (base, *others)
    if any(facts_refused(article) for article in everyone):
        alignments = [align(base, other, cutoff=cutoff) for other in others]
        return one_against_all(alignments, [compare_facts(alignment) for alignment in alignments])
    if not worth_a_process(*everyone):
        from reader.core.facts.extract import extract_facts

        # The base's facts once for each date, not once for each other outlet.
        mine = {date: extract_facts(base, reference=date) for date in dict.fromkeys(other.date for other in others)}
        alignments = [align(base, other, cutoff=cutoff) for other in others]
        comparisons = [compare_facts(alignment, facts=(mine[other.date], extract_facts(other, reference=base.date)))
                       for alignment, other in zip(alignments, others, strict=True)]
        return one_against_all(alignments, comparisons)
    with FactWorkers() as workers:
        own = {date: workers.submit(base, reference=date) for date in dict.fromkeys(other.date for other in others)}
        theirs = [workers.submit(other, reference=base.date) for other in others]
        alignments = [align(base, other, cutoff=cutoff) for other in others]
        comparisons = [
            compare_facts(alignment, facts=(own[other.date].result(), pending.result()))
            for alignment, other, pending in zip(alignments, others, theirs, strict=True)
        ]
    return one_against_all(alignments, comparisons)
