"""Fetching from the app: the palette's "Fetch URL or feed…", and ``reader URL``, against the made-up news site on 127.0.0.1."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input

from reader.tui.app import ReaderApp
from reader.tui.screens import FetchScreen, LibraryScreen
from tests.news_site import COURIER_TITLE, GAZETTE_TITLE, POST_TITLE, NewsSite
from tests.tui.test_end_to_end import Terminal, reader_command

from .conftest import screen_text

SIZE = (140, 40)
SOURCES = {"Harbour Gazette", "Evening Courier", "Morning Post"}


async def open_fetch_dialog(app: ReaderApp, pilot: Pilot[None]) -> FetchScreen:
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(app.screen, CommandPalette)
    await pilot.press(*"fetch url")
    await pilot.pause(0.3)  # the palette searches on a timer of its own
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert "Fetch URL or feed…" in screen_text(app)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, FetchScreen)
    return app.screen


async def submit(app: ReaderApp, pilot: Pilot[None], text: str) -> None:
    app.screen.query_one("#fetch-url", Input).value = text
    await pilot.press("enter")
    await pilot.pause()


async def until(pilot: Pilot[None], check: Callable[[], bool], what: str) -> None:
    """Let the app run until ``check`` holds; a bounded number of turns of its loop, no sleeping."""
    for _ in range(2000):
        if check():
            return
        await pilot.pause(0.01)
    raise AssertionError(f"never came: {what}")


def notes(app: ReaderApp) -> str:
    """The notifications of the app, one a line."""
    return "\n".join(f"{n.title}: {n.message}" for n in app._notifications)


def fetched_sources(app: ReaderApp) -> list[str]:
    return sorted(a.source for a in app.library.articles if a.source in SOURCES)


async def test_the_palette_fetches_a_feed_into_the_library_and_names_what_failed(news_site: NewsSite, tmp_path: Path) -> None:
    folder = tmp_path / "fetched"
    app = ReaderApp(None, fetch_into=folder)
    async with app.run_test(size=SIZE) as pilot:
        seeds = len(app.library.articles)
        dialog = await open_fetch_dialog(app, pilot)
        assert str(folder) in screen_text(app)  # the dialog says where the articles go
        await submit(app, pilot, news_site.url("/feed.xml"))
        assert app.screen is not dialog
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert fetched_sources(app) == sorted(SOURCES)
        assert len(app.library.articles) == seeds + 3
        assert {a.path.parent for a in app.library.articles if a.source in SOURCES} == {folder}
        text = screen_text(app)
        for shown in ("Evening Courier", COURIER_TITLE, "Morning Post"):
            assert shown in text, shown
        assert f"Fetched: 3 articles saved (3 new, 0 updated), 1 skipped, in {folder}" in notes(app)
        assert f"Not fetched: {news_site.url('/news/gone.html')}: HTTP 404 Not Found" in notes(app)
        assert isinstance(app.screen, LibraryScreen) and app.screen.sub_title == "Library"
        # The same feed again: its files are found unchanged, and the library does not grow.
        await open_fetch_dialog(app, pilot)
        await submit(app, pilot, news_site.url("/feed.xml"))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(app.library.articles) == seeds + 3
        assert "Fetched: 3 articles saved (0 new, 0 updated, 3 unchanged)" in notes(app)
    assert sorted(p.name.split("-")[0] for p in folder.glob("*.md")) == ["evening", "harbour", "morning"]


async def test_the_dialog_refuses_what_is_not_a_web_address_and_escape_fetches_nothing(news_site: NewsSite, tmp_path: Path) -> None:
    app = ReaderApp(None, fetch_into=tmp_path / "fetched")
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_fetch_dialog(app, pilot)
        await submit(app, pilot, "example.org/story.html")
        assert app.screen is dialog
        assert "Not an http:// or https:// address: example.org/story.html" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await app.workers.wait_for_complete()
    assert news_site.requested == []
    assert not (tmp_path / "fetched").exists()


async def test_the_fetch_shows_its_progress_while_it_waits_on_the_network(news_site: NewsSite, tmp_path: Path) -> None:
    app = ReaderApp(None, fetch_into=tmp_path / "fetched")
    async with app.run_test(size=SIZE) as pilot:
        await open_fetch_dialog(app, pilot)
        await submit(app, pilot, news_site.url("/held.html"))
        library = app.screen
        assert isinstance(library, LibraryScreen)
        await until(pilot, lambda: "fetching 1 of 1" in library.sub_title, "the progress in the title")
        assert f"Fetch: Fetching {news_site.url('/held.html')}…" in notes(app)
        news_site.release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert library.sub_title == "Library"
        assert [a.title for a in app.library.articles if a.source == "Harbour Gazette"] == [GAZETTE_TITLE]


async def test_reader_url_opens_the_folder_and_fetches_into_it(news_site: NewsSite, tmp_path: Path) -> None:
    folder = tmp_path / "fetched"
    folder.mkdir()
    app = ReaderApp([folder], fetch=[news_site.url("/feed.xml")], fetch_into=folder)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert fetched_sources(app) == sorted(SOURCES)
        assert len(app.library.articles) == 3 and not app.library.errors
        assert POST_TITLE in screen_text(app)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Callable[..., Terminal]]:
    """The installed reader in tmux, with its own config and data directories."""
    made: list[Terminal] = []

    def start(paths: list[str] | None = None) -> Terminal:
        env = {
            "TERM": "xterm-256color",
            "PATH": os.environ.get("PATH", ""),
            **{name: str(tmp_path / name.lower()) for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")},
        }
        made.append(Terminal(f"reader-fetch-{os.getpid()}-{len(made)}", (120, 40), [*reader_command(), *(paths or [])], env))
        return made[-1]

    yield start
    for term in made:
        term.close()


def test_fetching_from_the_palette_in_a_terminal(terminal: Callable[..., Terminal], news_site: NewsSite, tmp_path: Path) -> None:
    term = terminal()
    term.wait_text("Library", "Inter Bellum")  # the bundled seeds
    term.keys("C-p")
    term.wait_text("Search for commands")
    term.keys("fetch url")
    term.wait_text("Fetch URL or feed…")
    term.keys("Enter")
    term.wait_text("Fetch an article or a feed", "Esc cancels")
    term.keys(news_site.url("/feed.xml"))
    term.wait_text("feed.xml")  # a person sees what they typed before pressing Enter
    term.keys("Enter")
    # The failure's toast wraps its URL and reason where its width falls: look for the status alone.
    screen = term.wait_text("Harbour Gazette", "Evening Courier", "Morning Post", "Not fetched", "404")
    assert "3 articles saved" in screen
    folder = tmp_path / "xdg_data_home" / "reader" / "fetched"
    assert len(list(folder.glob("*.md"))) == 3
    term.keys("q")
    term.wait_for(lambda _: not term.running(), "reader to quit")


def test_reader_url_in_a_terminal(terminal: Callable[..., Terminal], news_site: NewsSite) -> None:
    term = terminal(paths=[news_site.url("/feed.xml")])
    term.wait_text("Library", "Harbour Gazette", "Evening Courier", "Morning Post", COURIER_TITLE)
    term.keys("q")
    term.wait_for(lambda _: not term.running(), "reader to quit")


def test_the_progress_bar_of_reader_fetch_in_a_terminal(news_site: NewsSite, tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [*reader_command(), "fetch", news_site.url("/held.html"), news_site.url("/feed.xml"), "--into", str(out)]
    env = {"TERM": "xterm-256color", "PATH": os.environ.get("PATH", "")}
    term = Terminal(f"reader-fetch-bar-{os.getpid()}", (120, 20), ["sh", "-c", " ".join(command) + "; echo exit=$?; sleep 60"], env)
    try:
        screen = term.wait_text("Fetching", "0/2", "held.html")  # the bar, while the held page waits
        assert "━" in screen
        news_site.release.set()
        screen = term.wait_text("exit=0")
        assert "Fetching" not in screen  # the bar is gone once the work is done
        # The held page is the Gazette's report (its canonical link says so): one file, saved once.
        assert "3 articles saved (3 new, 0 updated), 1 skipped" in screen
        assert "HTTP 404 Not Found" in screen
    finally:
        term.close()


async def test_fetching_again_what_the_library_holds_adds_no_second_row(news_site: NewsSite, tmp_path: Path) -> None:
    """The feed was fetched into the folder the app shows; fetched again from the palette, its articles are
    rewritten where they are, not copied into the downloads folder beside them."""
    from reader.web.fetch import fetch

    shown, downloads = tmp_path / "news", tmp_path / "downloads"
    first = fetch([news_site.url("/feed.xml")], shown)
    assert len(first.saved) == 3
    app = ReaderApp([shown], fetch_into=downloads)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        before = sorted(str(a.path) for a in app.library.articles)
        dialog = await open_fetch_dialog(app, pilot)
        await submit(app, pilot, news_site.url("/feed.xml"))
        assert app.screen is not dialog
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert sorted(str(a.path) for a in app.library.articles) == before
        assert "0 new, 0 updated, 3 unchanged" in notes(app), notes(app)  # found where they are, and left as they were
    assert not downloads.exists() or not any(downloads.glob("*.md"))
