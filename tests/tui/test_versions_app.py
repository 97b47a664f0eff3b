"""The versions of an article in the app: V lists them, Enter compares one with the next, S shows what the last update changed."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable

from reader.tui.app import ReaderApp
from reader.tui.screens import CompareScreen, LibraryScreen
from reader.tui.screens.versions import VersionsScreen
from reader.web.pages import Page
from reader.web.store import Folder
from tests.changing_site import FERRY_TITLES, MARKET, ferry_paragraphs

from .conftest import screen_text

SIZE = (140, 36)
START = datetime(2026, 12, 7, 6, 0, tzinfo=UTC)


def _page(title: str, paragraphs: list[str] | tuple[str, ...], url: str) -> Page:
    return Page(title=title, source="Harbour Gazette", author=None, date="2026-12-07", url=url, text="\n\n".join(paragraphs))


@pytest.fixture
def followed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder where the ferry report has three versions and the market story one, and the last update's record."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    folder = tmp_path / "news"
    store = Folder(folder)
    ferry_url, market_url = "http://127.0.0.1:1/harbour/ferry.html", "http://127.0.0.1:1/harbour/market.html"
    market = store.save([market_url], _page("Old market hall to reopen after repairs", MARKET, market_url), START).path
    for edition in (1, 2, 3):
        ferry = store.save([ferry_url], _page(FERRY_TITLES[min(edition, 2)], ferry_paragraphs(edition), ferry_url), START + timedelta(hours=edition)).path
    record = tmp_path / "data" / "reader" / "last-update.json"
    record.parent.mkdir(parents=True)
    record.write_text(json.dumps({"format": 1, "started": "2026-12-07T09:00:00Z", "new": [], "changed": [str(ferry)]}), encoding="utf-8")
    assert market.exists()
    return folder


def rows(app: ReaderApp, table_id: str) -> list[list[str]]:
    table = app.screen.query_one(table_id, DataTable)
    return [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]


def cursor_to_article(app: ReaderApp, words: str) -> list[str]:
    """Put the library's cursor on the article whose row holds ``words`` (any case); its row."""
    listed = rows(app, "#articles")
    found = next(n for n, row in enumerate(listed) if words.lower() in " ".join(row).lower())
    app.screen.query_one("#articles", DataTable).move_cursor(row=found)
    return listed[found]


async def test_v_lists_the_versions_and_enter_compares_one_with_the_next(followed: Path) -> None:
    app = ReaderApp([followed])
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        listed = rows(app, "#articles")
        assert len(listed) == 2  # one row per article: the versions are not listed
        assert cursor_to_article(app, "toll rises to 13")[0] == "Δ"  # changed by the last update
        await pilot.press("V")
        await pilot.pause()
        assert isinstance(app.screen, VersionsScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        versions = rows(app, "#versions")
        assert [row[0] for row in versions] == ["1", "2", "3 (now)"]
        assert versions[0][2] == "fetched: Ferry capsizes off the north pier, 11 dead"
        assert versions[1][2].startswith("toll 11 → 13; headline changed; 1 sentence reworded")
        assert versions[2][2] == "1 quote removed; 1 sentence added, 1 removed"
        app.screen.query_one("#versions", DataTable).move_cursor(row=0)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        text = screen_text(app)
        assert "Ferry capsizes off the north pier" in text and "toll rises to 13" in text  # each version's headline
        assert text.count("The ferry was carrying 140 passengers") == 2  # a sentence the same in both
        # Both sides are the Harbour Gazette's: the header says which version each is.
        assert "Harbour Gazette · version 1, 2026-12-07 07:00 UTC" in screen_text(app)
        assert "Harbour Gazette · version 2, 2026-12-07 08:00 UTC" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, VersionsScreen)
        app.screen.query_one("#versions", DataTable).move_cursor(row=2)
        await pilot.press("enter")
        await pilot.pause()
        assert "Harbour Gazette · as it is now" in screen_text(app)


async def test_s_shows_only_what_the_last_update_changed(followed: Path) -> None:
    app = ReaderApp([followed])
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("S")
        await pilot.pause()
        listed = rows(app, "#articles")
        assert len(listed) == 1 and "toll rises to 13" in " ".join(listed[0])
        assert "since the last update" in str(app.screen.sub_title)
        await pilot.press("S")
        await pilot.pause()
        assert len(rows(app, "#articles")) == 2


async def test_v_on_an_article_of_one_version_says_so(followed: Path) -> None:
    app = ReaderApp([followed])
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        cursor_to_article(app, "market")
        await pilot.press("V")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert any("one version: it has not changed since it was fetched" in str(n.message) for n in app._notifications)


async def test_v_on_an_article_reader_did_not_fetch_says_it_keeps_versions_of_fetched_ones(story: list[Path]) -> None:
    app = ReaderApp(story)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("V")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert any("reader keeps versions of the articles it fetches" in str(n.message) for n in app._notifications)


async def test_the_versions_key_bar_and_help_say_what_enter_does(followed: Path) -> None:
    app = ReaderApp([followed])
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        cursor_to_article(app, "toll rises to 13")
        await pilot.press("V")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, VersionsScreen)
        assert "⏎ Compare with the next" in screen_text(app).splitlines()[-1]
        await pilot.press("f1")
        await pilot.pause()
        text = screen_text(app)
        assert "Compare this version with the next one" in text
        assert "Select" not in text
