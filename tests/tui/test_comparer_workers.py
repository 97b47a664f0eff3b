"""The app's comparer finds long articles' facts in other processes, and they are the facts found here."""

from __future__ import annotations

import io
import sys

import pytest

from reader.core import align, bundled_seeds, load_article, workers
from reader.core.comparer import Comparer
from reader.core.facts.extract import extract_facts
from reader.core.models import Article
from reader.core.reading.articles import library_of
from reader.core.workers import Workers


class _CapturedStderr(io.StringIO):
    """Standard error as Textual captures it: no descriptor."""

    def fileno(self) -> int:
        return -1


def test_long_articles_facts_come_from_another_process(monkeypatch: pytest.MonkeyPatch) -> None:
    articles = [load_article(p) for p in sorted(bundled_seeds().glob("*.txt"))[:2]]
    a, b = [x for x in articles if isinstance(x, Article)]
    monkeypatch.setattr(workers, "PROCESS_SENTENCES", 1)
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(sys, "stderr", _CapturedStderr())
    sent: list[str] = []
    submit = Workers.submit

    def counted(self: Workers, article: Article, reference: str | None = None):  # type: ignore[no-untyped-def]
        sent.append(article.id)
        return submit(self, article, reference)

    monkeypatch.setattr(Workers, "submit", counted)
    pool = Workers(start="forkserver")
    try:
        store = Comparer(workers=pool)
        store.prefetch(a, b.date)
        store.prefetch(a, b.date)  # started once
        found = store.facts(a, b.date)
        assert sent == [a.id]
        assert found.article is a
        assert found.facts == extract_facts(a, reference=b.date).facts
        assert store.facts(a, b.date) is found  # kept
        comparison = store.comparison(align(a, b))
        assert sent == [a.id, b.id]
        assert comparison.pairs
    finally:
        pool.close()


def test_a_long_pair_is_aligned_in_another_process_once_and_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.core.alignment import aligner
    from reader.tui.session import Session

    articles = [load_article(p) for p in sorted(bundled_seeds().glob("*.txt"))[:2]]
    a, b = [x for x in articles if isinstance(x, Article)]
    here = aligner._align(a, b, 18.0, None)
    monkeypatch.setattr(workers, "PROCESS_SENTENCES", 1)
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 2)
    aligner._ALIGNMENTS.clear()
    session = Session(library_of([a, b]))
    try:
        future = session.comparer.align_elsewhere(a, b, 18.0)
        assert future is not None
        assert session.comparer.align_elsewhere(a, b, 18.0) is future  # asked again: the same work
        alignment = future.result(timeout=60)
        assert alignment.a is a and alignment.b is b and alignment.cutoff == 18.0
        assert alignment.links == here.links and alignment.links
        assert align(a, b, 18.0) is alignment  # kept as align keeps its own
    finally:
        session.comparer.close()


def test_more_of_the_folder_read_keeps_the_comparer_and_the_facts_it_found() -> None:
    from reader.tui.session import Session

    articles = [load_article(p) for p in sorted(bundled_seeds().glob("*.txt"))[:2]]
    a, b = [x for x in articles if isinstance(x, Article)]
    session = Session(library_of([a]), reading=True, cutoff=30.0)
    try:
        comparer = session.comparer
        found = comparer.facts(a)
        session.update(library_of([a, b]), [], reading=False)  # the next batch, or a fetch
        assert session.comparer is comparer and comparer.cutoff == 30.0
        assert comparer.facts(a) is found
    finally:
        session.comparer.close()
