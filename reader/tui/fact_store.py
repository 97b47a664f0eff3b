"""The facts of the library, computed once and shared by the screens.

Screens call these from worker threads. Each article's facts are found
from nothing but the article itself, exactly as ``reader facts`` finds them,
and kept, so that opening a second comparison or the story view does not
extract them again, and every view shows one set of facts per article.
"""

from __future__ import annotations

from threading import Lock

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
from reader.core.facts.compare import MAX_FACT_SENTENCES
from reader.core.facts.coverage import PAIRWISE_SOURCES, coverage_of_comparisons


class FactStore:
    """Facts of a library's articles, extracted on demand and cached.

    Safe to call from several threads: work is done under a lock, so two
    workers never extract the same article twice.
    """

    def __init__(self, library: Library) -> None:
        self.library = library
        self._lock = Lock()
        self._facts: dict[tuple[str, str | None], ArticleFacts] = {}
        self._coverage: dict[tuple[str, ...], Coverage] = {}

    def facts(self, article: Article, reference: str | None = None) -> ArticleFacts:
        """The facts of one article.

        Args:
            article: The article.
            reference: ISO date that places relative dates when the article
                has no date of its own (the other report's, in a comparison).
        """
        key = (article.id, None if article.date else reference)
        with self._lock:
            found = self._facts.get(key)
            if found is None or found.article is not article:
                if len(article.sentences) > MAX_FACT_SENTENCES:
                    found = ArticleFacts(article, ())  # too long to check: see compare_facts
                else:
                    found = extract_facts(article, reference=key[1])
                self._facts[key] = found
            return found

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
