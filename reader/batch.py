"""Align every pair of articles in a folder on every core: ``reader align --all DIR --format jsonl``.

Each article is written once, as a line of its own (its sentences and its
facts), before any pair; then each pair is aligned and its facts compared
exactly as ``reader align A B --format json`` does, and written as a line
that names its articles by number and their facts by index. A folder of 500
articles has 124,750 pairs: repeating both articles in each would write
gigabytes. The work runs in a pool of worker processes (one per core by
default): aligning is pure Python and numpy, so threads would share one
core. The workers inherit the loaded library and receive only indices;
each returns its line of JSON ready to print, so the encoding too is spread
over the cores. A worker finds each article's facts once, not once per pair.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reader.core.alignment.aligner import DEFAULT_CUTOFF
from reader.core.models import Article, LoadError
from reader.core.processes import ignore_interrupts, interrupts_held
from reader.export import article_record, pair_record, to_json

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from reader.core.comparer import Comparer

    #: The articles of a folder by number: all of them, or (on a cluster) those a task was sent.
    Articles = Sequence[Article] | Mapping[int, Article]

#: The library and the comparer of this worker process, set once when it starts.
_WORKER: dict[str, object] = {}


def pair_indices(count: int) -> list[tuple[int, int]]:
    """Every unordered pair of ``count`` articles, in library order: (0, 1), (0, 2), ..., (1, 2), ..."""
    return list(combinations(range(count), 2))


def pair_line(a: int, b: int, articles: Articles, comparer: Comparer) -> dict[str, object]:
    """The record of one pair in the JSON lines of a folder: the pair ``reader align A B --format json`` prints, its articles by number.

    Args:
        a: The left article's index in ``articles``.
        b: The right article's index.
        articles: The articles of the folder.
        comparer: Makes the comparison; it finds each article's facts once,
            since they do not depend on the article it is compared with.

    Returns:
        The record, whose facts refer to those of the articles' records.
    """
    from reader.core.facts.extract import ArticleFacts

    left, right = articles[a], articles[b]
    comparison = comparer.compare(left, right)
    if comparison.unchecked:
        return pair_record(a, b, comparison, (ArticleFacts(left, ()), ArticleFacts(right, ())))
    # An undated article's "next month" is placed against the other's date
    # in the pair, and against none in its own record.
    return pair_record(a, b, comparison, (comparer.facts(left), comparer.facts(right)))


def article_line(number: int, articles: Articles, comparer: Comparer) -> dict[str, object]:
    """The record of one article in the JSON lines of a folder: its sentences and its facts, placed against its own date."""
    from reader.core.facts.compare import facts_refused

    article = articles[number]
    reason = facts_refused(article)
    if reason:
        return article_record(number, article, None, reason)
    return article_record(number, article, comparer.facts(article))


def align_all(
    articles: tuple[Article, ...],
    cutoff: float = DEFAULT_CUTOFF,
    workers: int | None = None,
    pairs: list[tuple[int, int]] | None = None,
) -> Iterator[str | PairFailure | ArticleFailure]:
    """The JSON lines of ``articles``: one per article, in order, then one per pair, in :func:`pair_indices` order.

    Args:
        articles: The articles, in the order their pairs are listed.
        cutoff: Score from 0 to 100 below which sentences are not linked.
        workers: Worker processes (default: one per core); 1 aligns in this process.
        pairs: The pairs to align, in the order listed (default: every pair).

    Yields:
        Each record as one compact line of JSON, without the newline; a
        :class:`ArticleFailure` after the line of an article whose facts
        could not be found, a :class:`PairFailure` for a pair that could
        not be aligned.
    """
    pairs = pair_indices(len(articles)) if pairs is None else pairs
    workers = max(1, workers or os.cpu_count() or 1)
    if workers == 1 or len(pairs) < 2:
        _start_worker(articles, cutoff)
        for header in map(_article_lines, range(len(articles))):
            yield from header
        yield from map(_align_pair, pairs)
        return
    # Pairs go out in chunks: a small pair takes milliseconds, less than
    # sending it to a worker and back. Both kinds of task are queued at
    # once, the articles first, so no worker waits for the last article
    # before the first pairs start.
    chunk = max(1, len(pairs) // (workers * 8))
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_pool_worker, initargs=(articles, cutoff))
    try:
        with interrupts_held():  # the processes start here
            headers = pool.map(_article_lines, range(len(articles)), chunksize=max(1, len(articles) // (workers * 4)))
            pair_lines = pool.map(_align_pair, pairs, chunksize=chunk)
        for header in headers:
            yield from header
        yield from pair_lines
    except KeyboardInterrupt:
        # Ctrl-C: the work under way is wanted no more; the workers, which ignore it, are ended.
        _end_workers(pool)
        raise
    finally:
        # If the lines stop being read (| head), the pairs not begun are dropped.
        pool.shutdown(wait=True, cancel_futures=True)


def write_all(
    folder: Path, out: TextIO, cutoff: float = DEFAULT_CUTOFF, workers: int | None = None, within_stories: bool = False
) -> tuple[int, tuple[LoadError, ...], tuple[PairFailure | ArticleFailure, ...]]:
    """Read the articles of ``folder`` and write the JSON line of every article, then of every pair, to ``out``.

    Args:
        folder: A folder of articles (.txt, .md, .html), searched as the app searches it.
        out: Where the lines go.
        cutoff: Score from 0 to 100 below which sentences are not linked.
        workers: Worker processes (default: one per core).
        within_stories: Only the pairs of articles that tell one story
            (:func:`reader.core.stories.pairs.pairs_within`), still in the order of every pair.

    Returns:
        How many pairs were written, the files that could not be read, and
        the articles whose facts could not be found and the pairs that could
        not be aligned (the others are still written).
    """
    from reader.core import load_library

    library = load_library([folder])
    pairs = pair_indices(len(library.articles))
    if within_stories:
        from reader.core.stories import find_stories
        from reader.core.stories.pairs import pairs_within

        pairs = pairs_within(find_stories(library.articles), library.articles)
    failures: list[PairFailure | ArticleFailure] = []
    for line in align_all(library.articles, cutoff, workers, pairs):
        if isinstance(line, PairFailure | ArticleFailure):
            failures.append(line)
            continue
        out.write(line)
        out.write("\n")
    written = len(pairs) - sum(isinstance(f, PairFailure) for f in failures)
    return written, library.errors, tuple(failures)


def _start_pool_worker(articles: tuple[Article, ...], cutoff: float) -> None:
    ignore_interrupts()
    _start_worker(articles, cutoff)


def _end_workers(pool: ProcessPoolExecutor) -> None:
    """End the pool's processes now, rather than wait for the pairs they are aligning."""
    # ProcessPoolExecutor has no public way to end its processes before Python 3.14 (terminate_workers).
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()


def _start_worker(articles: tuple[Article, ...], cutoff: float) -> None:
    from reader.core.comparer import Comparer

    _WORKER["articles"] = articles
    _WORKER["comparer"] = Comparer(cutoff)


@dataclass(frozen=True, slots=True)
class PairFailure:
    """A pair that could not be aligned: its two files and the error, as text."""

    a: Path
    b: Path
    error: str


@dataclass(frozen=True, slots=True)
class ArticleFailure:
    """An article whose facts could not be found: its file and the error, as text (its line is still written)."""

    path: Path
    error: str


def _article_lines(number: int) -> list[str | ArticleFailure]:
    return article_lines(number, _WORKER["articles"], _WORKER["comparer"])  # type: ignore[arg-type]


def _align_pair(pair: tuple[int, int]) -> str | PairFailure:
    return align_pair(pair, _WORKER["articles"], _WORKER["comparer"])  # type: ignore[arg-type]


def article_lines(number: int, articles: Articles, comparer: Comparer) -> list[str | ArticleFailure]:
    """The JSON line of one article, and an :class:`ArticleFailure` after it when its facts could not be found."""
    try:
        return [to_json(article_line(number, articles, comparer))]
    except Exception as error:  # noqa: BLE001 - its pairs say what they can without it
        article = articles[number]
        # The line is still written, so that every pair's numbers lead somewhere.
        reason = f"its facts could not be found: {error!r}"
        return [to_json(article_record(number, article, None, reason)), ArticleFailure(article.path, repr(error))]


def align_pair(pair: tuple[int, int], articles: Articles, comparer: Comparer) -> str | PairFailure:
    """The JSON line of one pair, or a :class:`PairFailure` when it could not be aligned."""
    try:
        data = pair_line(pair[0], pair[1], articles, comparer)
    except Exception as error:  # noqa: BLE001 - one bad pair must not lose the others
        return PairFailure(articles[pair[0]].path, articles[pair[1]].path, repr(error))
    return to_json(data)
