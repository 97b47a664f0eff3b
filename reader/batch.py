"""Align every pair of articles in a folder on every core: ``reader align --all DIR --format jsonl``.

Each pair is aligned and its facts compared exactly as ``reader align A B
--format json`` does, in a pool of worker processes (one per core by
default): aligning is pure Python and numpy, so threads would share one
core. The workers inherit the loaded library and receive only pairs of
indices; each returns its line of JSON ready to print, so the encoding too
is spread over the cores. A worker finds each article's facts once, not
once per pair.
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
from reader.export import to_json

if TYPE_CHECKING:
    from collections.abc import Callable

    from reader.core.facts.extract import ArticleFacts

    #: Gives an article's facts, relative dates placed against the reference date.
    FactsOf = Callable[[Article, str | None], ArticleFacts]

#: The library and cutoff of this worker process, set once when it starts.
_WORKER: dict[str, object] = {}


def pair_indices(count: int) -> list[tuple[int, int]]:
    """Every unordered pair of ``count`` articles, in library order: (0, 1), (0, 2), ..., (1, 2), ..."""
    return list(combinations(range(count), 2))


def pair_json(
    a: Article, b: Article, cutoff: float = DEFAULT_CUTOFF, facts_of: FactsOf | None = None
) -> dict[str, object]:
    """The object ``reader align A B --format json`` prints for one pair.

    Args:
        a: The left article.
        b: The right article.
        cutoff: Score from 0 to 100 below which sentences are not linked.
        facts_of: Gives an article's facts, with relative dates placed against
            a reference date; a batch passes one that remembers them, since an
            article's facts do not depend on the article it is compared with.

    Returns:
        The alignment with its ``"facts"`` and ``"quotes"``.
    """
    from reader.core import align
    from reader.core.facts.compare import compare_facts, too_long_for_facts
    from reader.core.facts.extract import extract_facts
    from reader.export import alignment_json, facts_json

    alignment = align(a, b, cutoff=cutoff)
    data = alignment_json(alignment)
    facts = None
    if not too_long_for_facts(alignment):
        find = facts_of or (lambda article, reference: extract_facts(article, reference=reference))
        facts = (find(a, b.date), find(b, a.date))
    data.update(facts_json(compare_facts(alignment, facts=facts)))
    return data



def align_all(
    articles: tuple[Article, ...], cutoff: float = DEFAULT_CUTOFF, workers: int | None = None
) -> Iterator[str | PairFailure]:
    """Align every pair of ``articles``; one compact JSON line per pair, in :func:`pair_indices` order.

    Args:
        articles: The articles, in the order their pairs are listed.
        cutoff: Score from 0 to 100 below which sentences are not linked.
        workers: Worker processes (default: one per core); 1 aligns in this process.

    Yields:
        Each pair's JSON object as one line, without the newline, or a
        :class:`PairFailure` for a pair that could not be aligned.
    """
    pairs = pair_indices(len(articles))
    workers = max(1, workers or os.cpu_count() or 1)
    if workers == 1 or len(pairs) < 2:
        _start_worker(articles, cutoff)
        yield from map(_align_pair, pairs)
        return
    # Pairs go out in chunks: a small pair takes milliseconds, less than
    # sending it to a worker and back.
    chunk = max(1, len(pairs) // (workers * 8))
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(articles, cutoff))
    try:
        yield from pool.map(_align_pair, pairs, chunksize=chunk)
    finally:
        # If the lines stop being read (| head), the pairs not begun are dropped.
        pool.shutdown(wait=True, cancel_futures=True)


def write_all(
    folder: Path, out: TextIO, cutoff: float = DEFAULT_CUTOFF, workers: int | None = None
) -> tuple[int, tuple[LoadError, ...], tuple[PairFailure, ...]]:
    """Read the articles of ``folder`` and write the JSON line of every pair to ``out``.

    Args:
        folder: A folder of articles (.txt, .md, .html), searched as the app searches it.
        out: Where the lines go.
        cutoff: Score from 0 to 100 below which sentences are not linked.
        workers: Worker processes (default: one per core).

    Returns:
        How many pairs were written, the files that could not be read, and
        the pairs that could not be aligned (the others are still written).
    """
    from reader.core import load_library

    library = load_library([folder])
    count = 0
    failures: list[PairFailure] = []
    for line in align_all(library.articles, cutoff, workers):
        if isinstance(line, PairFailure):
            failures.append(line)
            continue
        out.write(line)
        out.write("\n")
        count += 1
    return count, library.errors, tuple(failures)


def _start_worker(articles: tuple[Article, ...], cutoff: float) -> None:
    _WORKER["articles"] = articles
    _WORKER["cutoff"] = cutoff
    _WORKER["facts"] = {}


def _remembered_facts(article: Article, reference: str | None) -> ArticleFacts:
    """An article's facts, found once per worker (and once per reference date when it has none)."""
    from reader.core.facts.extract import extract_facts

    memory: dict[tuple[str, str | None], ArticleFacts] = _WORKER["facts"]  # type: ignore[assignment]
    key = (article.id, None if article.date else reference)
    if key not in memory:
        memory[key] = extract_facts(article, reference=key[1])
    return memory[key]


@dataclass(frozen=True, slots=True)
class PairFailure:
    """A pair that could not be aligned: its two files and the error, as text."""

    a: Path
    b: Path
    error: str


def _align_pair(pair: tuple[int, int]) -> str | PairFailure:
    articles: tuple[Article, ...] = _WORKER["articles"]  # type: ignore[assignment]
    cutoff: float = _WORKER["cutoff"]  # type: ignore[assignment]
    a, b = articles[pair[0]], articles[pair[1]]
    try:
        data = pair_json(a, b, cutoff, _remembered_facts)
    except Exception as error:  # noqa: BLE001 - one bad pair must not lose the others
        return PairFailure(a.path, b.path, repr(error))
    return to_json(data)
