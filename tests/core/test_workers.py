"""Facts found in worker processes are the facts found here, tied to the caller's article."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from reader.core import bundled_seeds, load_article, workers
from reader.core.facts.compare import facts_refused, too_many_sentences
from reader.core.facts.extract import extract_facts
from reader.core.models import Article
from reader.core.workers import Workers, worth_a_process
from tests.paths import DATA


def _seeds() -> list[Article]:
    found = [load_article(p) for p in sorted(bundled_seeds().glob("*.txt"))]
    return [a for a in found if isinstance(a, Article)]


def test_facts_from_a_worker_equal_facts_found_here() -> None:
    a, b = _seeds()[:2]
    with Workers(processes=2) as pool:
        pending = pool.submit(a, reference=b.date), pool.submit(b, reference=a.date)
        found = [p.result(timeout=60) for p in pending]
    assert found[0].article is a and found[1].article is b
    assert found[0].facts == extract_facts(a, reference=b.date).facts
    assert found[1].facts == extract_facts(b, reference=a.date).facts
    assert len(found[0].facts) > 20


def test_a_worker_counts_whether_the_facts_are_refused_and_finds_none_if_they_are(tmp_path: Path) -> None:
    """The cost of a fact check is counted in the worker, not before it starts: an article too full
    of figures to check gives no facts from a worker, as here."""
    table = tmp_path / "table.txt"
    table.write_text("Results\n\n" + "".join(f"Row {k}: {k * 7} votes, {k * 3} seats and {k}% turnout.\n\n" for k in range(1_500)), encoding="utf-8")
    article = load_article(table)
    assert isinstance(article, Article)
    assert facts_refused(article) and not too_many_sentences(article)
    with Workers(processes=1) as pool:
        found = pool.submit(article).result(timeout=60)
    assert found.article is article and found.facts == ()


def test_only_long_articles_are_sent_to_a_process(monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = _seeds()[:2]
    assert not worth_a_process(a, b)
    monkeypatch.setattr(workers, "PROCESS_SENTENCES", len(a.sentences))
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 2)
    assert worth_a_process(a, b)
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 1)
    assert not worth_a_process(a, b)


@pytest.mark.parametrize("command", ["align", "facts"])
def test_a_command_gives_the_same_json_with_facts_found_in_processes(monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    from reader.cli import main

    paths = [str(p) for p in sorted(bundled_seeds().glob("*.txt"))[1:3]]

    def run() -> dict[str, object]:
        out = io.StringIO()
        with redirect_stdout(out):
            assert main([command, *paths, "--format", "json"]) == 0
        data: dict[str, object] = json.loads(out.getvalue())
        return data

    here = run()
    monkeypatch.setattr(workers, "PROCESS_SENTENCES", 1)
    monkeypatch.setattr(workers.os, "cpu_count", lambda: 2)
    sent: list[str] = []
    submit = Workers.submit

    def counted(self: Workers, article: Article, reference: str | None = None):  # type: ignore[no-untyped-def]
        sent.append(article.path.name)
        return submit(self, article, reference)

    monkeypatch.setattr(Workers, "submit", counted)
    elsewhere = run()
    assert sorted(sent) == sorted(Path(p).name for p in paths)
    assert elsewhere == here
    assert here["facts"]


def test_a_failure_in_a_worker_reaches_the_caller(tmp_path: Path) -> None:
    with Workers(processes=1) as pool:
        future = pool.submit("not an article")  # type: ignore[arg-type]
        with pytest.raises(AttributeError):
            future.result(timeout=60)


def _busy(article: object, reference: object) -> tuple[()]:
    import time

    time.sleep(60)  # stands for the facts of a very long article
    return ()


def test_closing_ends_work_under_way_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "_facts_of", _busy)
    a = _seeds()[0]
    pool = Workers(processes=1, start="fork")
    pool.submit(a)
    processes = list(pool._started()._processes.values())  # type: ignore[union-attr]
    assert processes
    pool.close()
    from multiprocessing.connection import wait

    # A minute's work abandoned: each process ends long before the work would. Its
    # sentinel says so even when something other than this process reaped it.
    for process in processes:
        assert wait([process.sentinel], timeout=30), process


def test_stories_found_in_a_worker_are_the_stories_found_here() -> None:
    from reader.core import find_stories
    from reader.core.reading.articles import find_article_files, library_of

    folder = DATA / "stories"
    files, _ = find_article_files([folder, bundled_seeds()])
    articles = library_of([load_article(f) for f in files]).articles
    here = find_stories(articles)
    with Workers(processes=1) as pool:
        there = pool.submit_stories(articles).result(timeout=120)
    assert there == here
    # Tied to the caller's own articles, not copies.
    assert all(a is b for s, t in zip(here.stories, there.stories, strict=True) for a, b in zip(s.articles, t.articles, strict=True))
