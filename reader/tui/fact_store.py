"""The facts of the library, computed once and shared by the screens.

Screens call these from worker threads. Each article's facts are found
from nothing but the article itself, exactly as ``reader facts`` finds them,
and kept, so that opening a second comparison or the story view does not
extract them again, and every view shows one set of facts per article.
"""

from __future__ import annotations

from threading import Lock
from typing import TYPE_CHECKING

from reader.core import (
    Alignment,
    Article,
    ArticleFacts,
    Coverage,
    FactComparison,
    Library,
    align,
    compare_facts,
    coverage,
    extract_facts,
)
from reader.core.facts.compare import facts_refused
from reader.core.facts.coverage import PAIRWISE_SOURCES, coverage_of_comparisons
from reader.core.facts.workers import FactWorkers, worth_a_process

if TYPE_CHECKING:
    from concurrent.futures import Future


class FactStore:
    """Facts of a library's articles, extracted on demand and cached.

    Safe to call from several threads: work is done under a lock, so two
    workers never extract the same article twice. A long article's facts
    are found by ``workers``, in another process, so that they hold up
    neither the keys nor the aligner; :meth:`prefetch` starts on them
    before they are asked for.
    """

    def __init__(self, library: Library, workers: FactWorkers | None = None) -> None:
        self.library = library
        self.workers = workers
        self._lock = Lock()
        self._facts: dict[tuple[str, str | None], ArticleFacts] = {}
        self._pending: dict[tuple[str, str | None], Future[ArticleFacts]] = {}
        self._coverage: dict[tuple[str, ...], Coverage] = {}

    @staticmethod
    def _key(article: Article, reference: str | None) -> tuple[str, str | None]:
        return article.id, None if article.date else reference

    def prefetch(self, article: Article, reference: str | None = None) -> None:
        """Start finding a long article's facts in another process, if not found or started yet."""
        if self.workers is None or not worth_a_process(article) or facts_refused(article):
            return
        key = self._key(article, reference)
        with self._lock:
            found, pending = self._facts.get(key), self._pending.get(key)
            if found is not None and found.article is article:
                return
            if pending is None or pending.done() and pending.exception() is not None:
                self._pending[key] = self.workers.submit(article, key[1])

    def facts(self, article: Article, reference: str | None = None) -> ArticleFacts:
        """The facts of one article.

        Args:
            article: The article.
            reference: ISO date that places relative dates when the article
                has no date of its own (the other report's, in a comparison).
        """
        key = self._key(article, reference)
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
        with self._lock:
            cached = self._facts.get(key)
            if cached is not None and cached.article is article:
                return cached
            if facts_refused(article):
                made = ArticleFacts(article, ())  # too much to check: see compare_facts
            else:
                made = extract_facts(article, reference=key[1])
            self._facts[key] = made
            return made

    def comparison(self, alignment: Alignment) -> FactComparison:
        """The facts of an alignment's two articles, paired and judged."""
        a, b = alignment.a, alignment.b
        facts = (self.facts(a, b.date), self.facts(b, a.date))
        return compare_facts(alignment, facts=facts)

    def coverage(self, articles: tuple[Article, ...]) -> Coverage:
        """Who reports what among ``articles``: the facts × sources matrix."""
        key = tuple(a.id for a in articles)
        with self._lock:
            cached = self._coverage.get(key)
        if cached is not None and cached.articles == articles:
            return cached
        facts = [self.facts(a) for a in articles]
        if len(articles) <= PAIRWISE_SOURCES:
            # Every pair compared, as the facts table compares it: the story
            # view then says what the table says of any two sources.
            comparisons = {
                (i, j): self.comparison(align(articles[i], articles[j]))
                for i in range(len(articles))
                for j in range(i + 1, len(articles))
            }
            built = coverage_of_comparisons(articles, facts, comparisons)
        else:
            built = coverage(articles, facts=facts)
        with self._lock:
            self._coverage[key] = built
        return built
