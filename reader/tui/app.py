"""The reader app: global keys, the library, and how screens are opened."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.worker import get_current_worker

from reader.core import DEFAULT_CUTOFF, Article, Library, LoadError
from reader.core.reading.articles import find_article_files, library_of, load_article
from reader.tui.fact_store import FactStore
from reader.tui.messages import CompareWith, OpenArticle, OpenComparison
from reader.tui.screens import CompareScreen, HelpScreen, LibraryScreen, ReaderCommands, ReaderScreen, StoryScreen
from reader.tui.session import Session
from reader.tui.settings import Settings, load_settings, save_settings
from reader.tui.threads import DaemonExecutor


class ReaderApp(App[None]):
    """Browse, read, and compare news articles side by side."""

    CSS_PATH = "app.tcss"
    TITLE = "reader"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (140, "-wide")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit reader"),
        Binding("question_mark,f1", "help", "Help", id="app.help", tooltip="Show the keys of this screen"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | q | Quit. |
    | ?, f1 | Keys of the current screen. |
    | ctrl+p | Command palette. |
    """

    #: Files read in the first batch; a larger folder is read on in growing batches.
    READ_AT_START = 300

    def __init__(self, paths: list[Path] | None = None, cutoff: float = DEFAULT_CUTOFF) -> None:
        super().__init__()
        self.paths = paths
        self.cutoff = cutoff
        self._listing_errors: list[LoadError] = []
        self._results: list[Article | LoadError] = []
        # Nothing is read here: the first frame comes first, and a file that
        # is slow to read can only hold up a worker.
        self.session = Session(library_of([]), reading=True)
        """The library and its facts, handed to every screen."""
        self.first_batch_read = asyncio.Event()
        """Set once the folder is listed and its first batch read and shown."""

    @property
    def library(self) -> Library:
        """The articles read so far."""
        return self.session.library

    @property
    def unread(self) -> list[Path]:
        """Files still to be read in the background."""
        return self.session.unread

    @property
    def fact_store(self) -> FactStore:
        """The facts of the library, shared by the screens."""
        return self.session.fact_store

    def on_mount(self) -> None:
        # Before the first worker starts: quitting never waits for a worker.
        asyncio.get_running_loop().set_default_executor(DaemonExecutor())
        settings, problem = load_settings()
        if problem:
            self.notify(problem, title="Settings", severity="warning", markup=False)
        if settings.theme in self.available_themes:
            self.theme = settings.theme
        self._read_library()

    @work(thread=True, group="warm-up")
    def _warm_up(self) -> None:
        """Do now, while the reader looks at the library, what the first comparison would wait for.

        The aligner's imports (numpy, rapidfuzz: some 100 ms) and the terms
        of the articles on screen, which the aligner caches per article.
        """
        import rapidfuzz.process  # noqa: F401

        import reader.core.alignment.scoring  # noqa: F401
        from reader.core.alignment.aligner import TermStatistics

        TermStatistics.of_articles(self.library.articles[: self.READ_AT_START])

    @work(thread=True, exclusive=True, group="library")
    def _read_library(self) -> None:
        """List the folder, then read its files in growing batches.

        Each batch rebuilds the table, so batches double: few rebuilds.
        """
        worker = get_current_worker()
        files, errors = find_article_files(self.paths)
        self._listing_errors = errors
        read = 0
        while not worker.is_cancelled:
            size = max(self.READ_AT_START, read)
            batch = [load_article(f) for f in files[read : read + size]]
            read += len(batch)
            self.call_from_thread(self._add_results, batch, files[read:])
            if read >= len(files):
                break

    def _add_results(self, results: list[Article | LoadError], unread: list[Path]) -> None:
        self._results.extend(results)
        self.session.update(library_of(self._results, self._listing_errors), unread, reading=bool(unread))
        for screen in self.screen_stack:
            if isinstance(screen, LibraryScreen):
                screen.library_changed()
        if not self.first_batch_read.is_set():
            self.first_batch_read.set()
            self._warm_up()

    def watch_theme(self, theme: str) -> None:
        """Remember the theme for next time (in the user's config directory)."""
        if self.is_running:
            try:
                save_settings(Settings(theme=theme))
            except OSError as error:
                self.notify(f"Could not save the settings: {error}", severity="warning", markup=False)

    def get_default_screen(self) -> LibraryScreen:
        return LibraryScreen(self.session)

    def article_by_id(self, article_id: str) -> Article | None:
        """The article with this id, if the library has it."""
        return self.session.article_by_id(article_id)

    def open_article(self, article: Article, passages: tuple[tuple[int, int], ...] = ()) -> None:
        """Read an article, with some passages (character spans) highlighted and the first in view."""
        self.push_screen(ReaderScreen(article, self.session, passages))

    def compare(self, left: Article, right: Article) -> None:
        """Open the comparison of two articles."""
        self.push_screen(CompareScreen(left, right, self.cutoff, self.session))

    @on(OpenArticle)
    def _open_article(self, message: OpenArticle) -> None:
        self.open_article(message.article, message.passages)

    @on(OpenComparison)
    def _open_comparison(self, message: OpenComparison) -> None:
        self.compare(message.left, message.right)

    @on(CompareWith)
    def _compare_with(self, message: CompareWith) -> None:
        self.compare_with(message.article)

    def compare_with(self, article: Article) -> None:
        """Compare what is on screen (or under the cursor) with ``article``."""
        screen = self.screen
        if isinstance(screen, CompareScreen):
            screen.set_right(article)
            return
        current: Article | None = None
        if isinstance(screen, ReaderScreen):
            current = screen.article
        elif isinstance(screen, LibraryScreen):
            current = screen.current_article()
        if current is None or current.id == article.id:
            others = [a for a in self.library.articles if a.id != article.id]
            current = others[0] if others else None
        if current is None:
            self.notify("There is no other article to compare with.")
            return
        self.compare(current, article)

    def action_swap(self) -> None:
        """Swap the sides of the comparison on screen."""
        if isinstance(self.screen, CompareScreen):
            self.screen.action_swap()
        else:
            self.notify("Swap works on the compare screen.")

    def action_story(self) -> None:
        """Show who reports what: the marked articles' facts (or all) against their sources."""
        screen = self.screen
        if isinstance(screen, LibraryScreen):
            screen.action_story()
            return
        self.push_screen(StoryScreen(self.library.articles, self.session))

    def action_facts(self) -> None:
        """Open the facts table of the comparison on screen."""
        if isinstance(self.screen, CompareScreen):
            self.screen.action_facts()
        else:
            self.notify("The facts table belongs to a comparison: compare two articles first.")

    def action_help(self) -> None:
        """Show the keys of the current screen."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))
