"""Where a comparison of two articles is made: one :class:`Comparer` below the command line and the app.

A comparison is the alignment of two articles at a cutoff and their facts
paired and judged on it. ``align --all`` (a folder's pairs, here or on a
cluster), the app's compare view, its one against all and its story view
get it here, and ``tests/test_one_comparison.py`` holds them and
``reader align A B`` and ``--base`` to the same links and verdicts for the
same pair and cutoff. The comparer knows what each of them would otherwise
repeat:

* the cutoff;
* the worker processes (:class:`~reader.core.workers.Workers`), if any, and
  which work is worth sending to them (:func:`~reader.core.workers.worth_a_process`);
* the limits: an article over :data:`~reader.core.facts.compare.MAX_FACT_SENTENCES`
  sentences, or with too much to read, has its facts left unchecked;
* two versions of one article that are near copies (:mod:`reader.core.alignment.near_copies`):
  only the facts of the sentences that changed are found and judged;
* the facts cache: each article's facts found once, keyed by its id and,
  for an article that gives no date, the date it borrows to place "next
  month"; an article read again (a new object with the same id) has its
  facts found again.

It is safe to share between threads (the app's workers share one).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from threading import Lock
from typing import TYPE_CHECKING, BinaryIO

from reader.core.alignment.aligner import DEFAULT_CUTOFF, align
from reader.core.alignment.near_copies import changed_sentences, identical_pairs
from reader.core.facts.changed import facts_of_sentences
from reader.core.facts.compare import (
    FactComparison,
    compare_facts,
    facts_refused,
    too_long_for_facts,
    too_many_sentences,
    unchecked,
    versions_of_one_report,
)
from reader.core.facts.extract import ArticleFacts, extract_facts
from reader.core.models import Alignment, Article, LoadError
from reader.core.workers import worth_a_process

if TYPE_CHECKING:
    from concurrent.futures import Future
    from types import TracebackType

    from reader.core.facts.coverage import Coverage
    from reader.core.outlets.one_against_all import OneAgainstAll
    from reader.core.workers import Workers

#: An article's facts in the cache: its id, and the date it borrows when it gives none.
FactsKey = tuple[str, str | None]


def facts_key(article: Article, reference: str | None) -> FactsKey:
    """The facts cache's key: the reference date counts only for an article that gives no date of its own."""
    return article.id, None if article.date else reference


def load_articles(paths: Sequence[Path], stdin: BinaryIO | None = None) -> tuple[Article, ...] | LoadError:
    """The articles at ``paths``, in order, or the first file that could not be read, and why.

    Args:
        paths: Files of articles.
        stdin: The stream ``-`` stands for, if it stands for one (then for
            one article only); without it, ``-`` is a file's name.
    """
    from reader.core.reading.articles import STANDARD_INPUT, article_from_stream, load_article

    if stdin is not None and sum(path == STANDARD_INPUT for path in paths) > 1:
        return LoadError(STANDARD_INPUT, "only one article can come from standard input")
    articles = []
    for path in paths:
        result = article_from_stream(stdin) if path == STANDARD_INPUT and stdin is not None else load_article(path)
        if isinstance(result, LoadError):
            return result
        articles.append(result)
    return tuple(articles)


class Comparer:
    """Makes every comparison of two articles: their alignment, their facts, and the two together.

    Args:
        cutoff: Score from 0 to 100 below which sentences are not linked,
            unless a call names another.
        workers: Worker processes for a long article's facts (and, with
            ``align_in_workers``, a long pair's alignment); ``None`` finds
            everything in this process.
        align_in_workers: Align a long pair in the workers too, so that a
            process that must answer keys meanwhile (an app) does not hold
            its interpreter for it. A command aligns here, while the workers
            find the facts.
    """

    def __init__(self, cutoff: float = DEFAULT_CUTOFF, workers: Workers | None = None, align_in_workers: bool = False) -> None:
        self.cutoff = cutoff
        self.workers = workers
        self.align_in_workers = align_in_workers and workers is not None
        self._lock = Lock()  # the facts
        self._aligning_lock = Lock()
        self._coverage_lock = Lock()
        self._facts: dict[FactsKey, ArticleFacts] = {}
        self._pending: dict[FactsKey, Future[ArticleFacts]] = {}
        self._aligning: dict[tuple[str, str, float], tuple[Article, Article, Future[Alignment]]] = {}
        self._coverage: dict[tuple[tuple[str, ...], float], Coverage] = {}

    # -- facts ----------------------------------------------------------------

    def prefetch(self, article: Article, reference: str | None = None) -> None:
        """Start finding a long article's facts in the workers, if not found or started yet."""
        if self.workers is not None and worth_a_process(article):
            self._submit(article, reference)

    def _submit(self, article: Article, reference: str | None) -> None:
        """Start finding an article's facts in the workers, unless found or under way, or too many sentences to check.

        Whether what the sentences hold is too much to check is counted in
        the worker (:func:`~reader.core.workers.Workers.submit`): counting it
        reads every word, and it would hold the workers' start back.
        """
        if self.workers is None or too_many_sentences(article):
            return
        key = facts_key(article, reference)
        with self._lock:
            found, pending = self._facts.get(key), self._pending.get(key)
            if found is not None and found.article is article:
                return
            if pending is None or pending.done() and pending.exception() is not None:
                self._pending[key] = self.workers.submit(article, key[1])

    def facts(self, article: Article, reference: str | None = None) -> ArticleFacts:
        """The facts of one article, found once; none for an article too long to check.

        Args:
            article: The article.
            reference: ISO date that places relative dates when the article
                has no date of its own (the other report's, in a comparison).
        """
        key = facts_key(article, reference)
        self.prefetch(article, reference)
        with self._lock:
            pending = self._pending.get(key)
        if pending is not None:
            found = pending.result()
            if found.article is article:
                with self._lock:
                    self._facts[key] = found
                    self._pending.pop(key, None)
                return found
        with self._lock:  # held while finding them: two threads never find one article's facts twice
            cached = self._facts.get(key)
            if cached is not None and cached.article is article:
                return cached
            made = ArticleFacts(article, ()) if facts_refused(article) else extract_facts(article, reference=key[1])
            self._facts[key] = made
            return made

    # -- alignment ------------------------------------------------------------

    def align(self, a: Article, b: Article, cutoff: float | None = None, word_diffs: bool = True) -> Alignment:
        """The alignment of ``a`` and ``b`` at ``cutoff`` (default: the comparer's), with or without its word diffs."""
        cutoff = self.cutoff if cutoff is None else cutoff
        elsewhere = self.align_elsewhere(a, b, cutoff)
        return elsewhere.result() if elsewhere is not None else align(a, b, cutoff, word_diffs=word_diffs)

    def align_elsewhere(self, a: Article, b: Article, cutoff: float | None = None) -> Future[Alignment] | None:
        """A long pair's alignment, made or being made in the workers; ``None`` for a pair aligned here.

        Asked again for the same pair and cutoff, it gives the same future, so
        a comparison opened after it was guessed waits for that one.
        """
        cutoff = self.cutoff if cutoff is None else cutoff
        if self.workers is None or not self.align_in_workers or not worth_a_process(a, b):
            return None
        key = (a.id, b.id, cutoff)
        with self._aligning_lock:
            found = self._aligning.get(key)
            if found is not None and found[0] is a and found[1] is b:
                future = found[2]
                if not future.done() or future.exception() is None:
                    return future
            future = self.workers.submit_alignment(a, b, cutoff)
            self._aligning[key] = (a, b, future)
            return future

    def prepare(self, a: Article, b: Article, cutoff: float | None = None) -> bool:
        """Start aligning a long pair in the workers; whether it is long (a short one is aligned faster where asked)."""
        return self.align_elsewhere(a, b, cutoff) is not None

    # -- comparisons ----------------------------------------------------------

    def comparison(self, alignment: Alignment) -> FactComparison:
        """The facts of an alignment's two articles, paired and judged on it."""
        a, b = alignment.a, alignment.b
        if _near_versions(a, b):
            return _changes_compared(alignment)
        if too_long_for_facts(alignment):
            return compare_facts(alignment)  # empty, with the reason
        return compare_facts(alignment, facts=(self.facts(a, b.date), self.facts(b, a.date)))

    def compare(self, a: Article, b: Article, cutoff: float | None = None, word_diffs: bool = True) -> FactComparison:
        """Align two articles and compare their facts; a long article's facts are found in the workers meanwhile.

        Without ``word_diffs`` the alignment's links carry no word diff: for
        a caller that shows the facts only.
        """
        self.start(a, b)
        return self.comparison(self.align(a, b, cutoff, word_diffs))

    def start(self, a: Article, b: Article) -> None:
        """Start finding the facts of a long pair in the workers, as :meth:`compare` does, before it is asked for."""
        if not _near_versions(a, b):
            self._prefetch_pairs(a, (b,))

    def against_all(self, base: Article, others: Sequence[Article], cutoff: float | None = None, facts: bool = True) -> OneAgainstAll:
        """``base`` against each of ``others``: their pairwise comparisons laid out as one table.

        Args:
            base: The report read.
            others: The reports it is read against, in column order.
            cutoff: The aligner's cutoff (default: the comparer's).
            facts: Whether to compare facts too (contradictions, altered quotes).
        """
        from reader.core.outlets.one_against_all import one_against_all

        if facts:
            self._prefetch_pairs(base, others)
        for other in others:  # a long pair's alignment started in the workers before any is waited for
            self.align_elsewhere(base, other, cutoff)
        alignments = [self.align(base, other, cutoff) for other in others]
        comparisons = [self.comparison(alignment) for alignment in alignments] if facts else None
        return one_against_all(alignments, comparisons)

    def coverage(self, articles: Sequence[Article]) -> Coverage:
        """Who reports what among ``articles``: the facts × sources matrix, from every pair's comparison at the cutoff."""
        from reader.core.facts.coverage import PAIRWISE_SOURCES, coverage, coverage_of_comparisons

        articles = tuple(articles)
        key = (tuple(a.id for a in articles), self.cutoff)
        with self._coverage_lock:
            cached = self._coverage.get(key)
        if cached is not None and cached.articles == articles:
            return cached
        facts = [self.facts(a) for a in articles]
        if len(articles) <= PAIRWISE_SOURCES:
            # Every pair compared, as the facts table compares it: the story
            # view then says what the table says of any two sources.
            pairs = [(i, j) for i in range(len(articles)) for j in range(i + 1, len(articles))]
            comparisons = {(i, j): self.compare(articles[i], articles[j]) for i, j in pairs}
            built = coverage_of_comparisons(articles, facts, comparisons)
        else:
            built = coverage(articles, facts=facts)
        with self._coverage_lock:
            self._coverage[key] = built
        return built

    def _prefetch_pairs(self, base: Article, others: Sequence[Article]) -> None:
        """Start finding the facts of ``base`` against each of ``others`` in the workers, when one of them is long."""
        everyone = (base, *others)
        if self.workers is None or any(too_many_sentences(article) for article in everyone):
            return
        if not worth_a_process(*everyone):
            return
        for other in others:
            self._submit(base, other.date)
        for other in others:
            self._submit(other, base.date)

    # -- the workers ----------------------------------------------------------

    def close(self) -> None:
        """End the workers, abandoning their work."""
        if self.workers is not None:
            self.workers.close()

    def __enter__(self) -> Comparer:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()


def _near_versions(a: Article, b: Article) -> bool:
    """Whether ``a`` and ``b`` are two versions of one report, most of their sentences written alike."""
    return versions_of_one_report(a, b) and identical_pairs(a, b) is not None


def _changes_compared(alignment: Alignment) -> FactComparison:
    """Two versions' facts compared where the text changed: a sentence written alike says the same facts in both."""
    a, b = alignment.a, alignment.b
    changed_a, changed_b = changed_sentences(alignment)
    found_a, found_b = facts_of_sentences(a, changed_a, b.date), facts_of_sentences(b, changed_b, a.date)
    if isinstance(found_a, str):
        return unchecked(alignment, found_a)
    if isinstance(found_b, str):
        return unchecked(alignment, found_b)
    return compare_facts(alignment, facts=(found_a, found_b), sentences=(changed_a, changed_b))
