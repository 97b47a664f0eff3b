"""The library marks (↻) an article that has changed since it was last opened, and opening it clears the mark."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable

from reader.tui.app import ReaderApp
from reader.tui.screens import ArticleScreen, CompareScreen, LibraryScreen
from reader.tui.screens.versions import VersionsScreen
from reader.web.opened import opened_versions
from reader.web.pages import Page
from reader.web.store import Folder
from tests.changing_site import FERRY_TITLES, MARKET, ferry_paragraphs

SIZE = (140, 36)
START = datetime(2026, 12, 7, 6, 0, tzinfo=UTC)
FERRY_URL, MARKET_URL = "http://127.0.0.1:1/harbour/ferry.html", "http://127.0.0.1:1/harbour/market.html"


def _page(title: str, paragraphs: list[str] | tuple[str, ...], url: str) -> Page:
    return Page(title=title, source="Harbour Gazette", author=None, date="2026-12-07", url=url, text="\n\n".join(paragraphs))


def save_ferry(folder: Path, edition: int) -> Path:
    """The ferry report as the edition-th fetch saved it: each edition a new version."""
    page = _page(FERRY_TITLES[min(edition, 2)], ferry_paragraphs(edition), FERRY_URL)
    return Folder(folder).save([FERRY_URL], page, START + timedelta(hours=edition)).path


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The ferry report at two versions, and the market story at one."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    folder = tmp_path / "news"
    Folder(folder).save([MARKET_URL], _page("Old market hall to reopen after repairs", MARKET, MARKET_URL), START)
    for edition in (1, 2):
        save_ferry(folder, edition)
    return folder


def marks(app: ReaderApp) -> dict[str, str]:
    """Each row's mark, by the first word of what the row says of the article ("ferry" or "market")."""
    table = app.screen.query_one("#articles", DataTable)
    found = {}
    for n in range(table.row_count):
        cells = [str(cell) for cell in table.get_row_at(n)]
        found["market" if "market" in " ".join(cells).lower() else "ferry"] = cells[0]
    return found


def to_ferry(app: ReaderApp) -> None:
    """The library's cursor on the ferry report."""
    table = app.screen.query_one("#articles", DataTable)
    table.move_cursor(row=next(n for n in range(table.row_count) if "toll rises" in " ".join(map(str, table.get_row_at(n)))))


async def test_an_article_changed_since_it_was_opened_is_marked_until_it_is_opened_again(folder: Path) -> None:
    ferry = save_ferry(folder, 2)  # the same text again: its file, unchanged
    app = ReaderApp([folder])
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert marks(app) == {"ferry": " ", "market": " "}  # two versions, but never opened: no mark
        to_ferry(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        await app.workers.wait_for_complete()
        await pilot.press("escape")
        await pilot.pause()
    assert opened_versions() == {ferry.resolve(): 2}

    save_ferry(folder, 3)  # a later fetch keeps what was read as version 2
    # The last update's record says it changed too: ↻, the reader's own news, is shown in place of its Δ.
    record = folder.parent / "data" / "reader" / "last-update.json"
    record.write_text(json.dumps({"format": 1, "started": "2026-12-07T09:00:00Z", "new": [], "changed": [str(ferry)]}), encoding="utf-8")
    app = ReaderApp([folder])
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert marks(app) == {"ferry": "↻", "market": " "}
        to_ferry(app)
        await pilot.press("V")  # its versions: what changed since
        await pilot.pause()
        assert isinstance(app.screen, VersionsScreen)
        assert [v.number for v in app.screen.found] == [1, 2, 3]
        await app.workers.wait_for_complete()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert marks(app) == {"ferry": "Δ", "market": " "}  # seen now; the last update's mark stays
    assert opened_versions() == {ferry.resolve(): 3}


@pytest.mark.parametrize("side", ["left", "right"])
async def test_comparing_an_article_on_either_side_opens_it(folder: Path, side: str) -> None:
    ferry = save_ferry(folder, 2)  # the same text again: its file, unchanged
    market = next(folder.glob("*market*.md"))
    app = ReaderApp([folder])
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        by_name = {a.path.name: a for a in app.library.articles}
        left, right = (by_name[ferry.name], by_name[market.name]) if side == "left" else (by_name[market.name], by_name[ferry.name])
        app.compare(left, right)
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert opened_versions() == {ferry.resolve(): 2, market.resolve(): 1}
    save_ferry(folder, 3)
    app = ReaderApp([folder])
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert marks(app) == {"ferry": "↻", "market": " "}
