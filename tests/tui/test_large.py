"""Two 3,000-sentence articles open and scroll without a widget per sentence."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest

from reader.core import Alignment, Article, Link, Segment, word_diff
from reader.tui.app import ReaderApp
from reader.tui.screens import CompareScreen
from reader.tui.widgets import CompareView

SENTENCES = 3000


def big_article(name: str, variant: int) -> Article:
    sentences = [
        f"Sentence {n} of the {name} report says the harbour bridge will cost {n * variant} million euros "
        f"and that the council will vote on it in week {n % 52} of the year after a long debate."
        for n in range(SENTENCES)
    ]
    segments = []
    position = 0
    for sentence in sentences:
        segments.append(Segment(position, position + len(sentence), sentence))
        position += len(sentence) + 1
    text = " ".join(sentences)
    return Article(name, Path(f"{name}.txt"), f"The {name} report", name.title(), None, text, tuple(segments))


def big_alignment(left: Article, right: Article, cutoff: float) -> Alignment:
    links = []
    for n in range(0, SENTENCES, 3):  # every third sentence stays unmatched on both sides
        m = n if n % 30 else (n + 3) % SENTENCES  # and some links are out of order
        diff = word_diff(left.text, [left.sentences[n]], right.text, [right.sentences[m]])
        links.append(Link((n,), (m,), 80.0, diff))
    used_right = {link.b[0] for link in links}
    links = [link for n, link in enumerate(links) if list(used_right).count(link.b[0]) == 1 or n % 10]
    seen: set[int] = set()
    unique = []
    for link in links:
        if link.b[0] not in seen:
            seen.add(link.b[0])
            unique.append(link)
    return Alignment(left, right, tuple(unique), cutoff)


@pytest.fixture
def big_pair(monkeypatch: pytest.MonkeyPatch) -> tuple[Article, Article]:
    import reader.core.comparer as comparer_module
    import reader.tui.screens.compare as compare_module
    from reader.core.comparer import Comparer

    left, right = big_article("left", 1), big_article("right", 2)
    # The made-up alignment below stands in for the aligner, here and not in another process.
    monkeypatch.setattr(Comparer, "align_elsewhere", lambda self, a, b, cutoff=None: None)
    prepared = big_alignment(left, right, 30.0)
    monkeypatch.setattr(
        comparer_module,
        "align",
        lambda a, b, cutoff, stats=None, word_diffs=True: replace(prepared if a is left else compare_module.swapped(prepared), cutoff=cutoff),
    )
    return left, right


async def test_big_comparison_opens_and_scrolls_lazily(big_pair: tuple[Article, Article], tmp_path: Path) -> None:
    left, right = big_pair
    app = ReaderApp([tmp_path])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        started = time.perf_counter()
        app.compare(left, right)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.ready
        view = screen.query_one(CompareView)
        assert len(view.rows) > SENTENCES
        # One widget for all the rows: nothing is mounted per sentence.
        assert len(list(view.walk_children())) < 5
        assert len(list(screen.walk_children())) < 40
        for keys in (["pagedown"] * 5, ["G"], ["pageup"] * 3, ["n"] * 20, ["g"], ["N"]):
            await pilot.press(*keys)
            await pilot.pause()
        await pilot.press("G")
        await pilot.pause()
        assert view.cursor == len(view.rows) - 1
        assert view.scroll_y == view.max_scroll_y > 1000
        # Only rows that were on screen were wrapped and styled.
        assert len(view._cells) < 200
        elapsed = time.perf_counter() - started
        assert elapsed < 30, f"opening and scrolling took {elapsed:.1f}s"


async def test_big_article_reads_and_searches(big_pair: tuple[Article, Article], tmp_path: Path) -> None:
    left, _ = big_pair
    app = ReaderApp([tmp_path])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.open_article(left)
        await pilot.pause()
        await pilot.press("G")
        await pilot.pause()
        view = app.screen.query_one("ArticleView")
        assert view.scroll_y == view.max_scroll_y > 5000  # type: ignore[attr-defined]
        await pilot.press("slash", *"week 51 ", "enter", "n")
        await pilot.pause()
        assert len(view.matches) > 50  # type: ignore[attr-defined]
        assert view.match_index == 1  # type: ignore[attr-defined]
        assert len(view._strips) < 200  # type: ignore[attr-defined]
