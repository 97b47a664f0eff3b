"""The reader app: global keys, the library, fetching from the web, and how screens are opened."""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.worker import get_current_worker

from reader.core import DEFAULT_CUTOFF, Article, Library, LoadError, align
from reader.core.reading.articles import find_article_files, library_of, load_article
from reader.tui.exports import save_export
from reader.tui.fact_store import FactStore
from reader.tui.messages import CompareWith, ComparisonLikely, OpenArticle, OpenComparison, OpenInContext, OpenOutlets, OpenVersions
from reader.tui.screens import (
    CompareScreen,
    ContextScreen,
    FetchScreen,
    HelpScreen,
    LibraryScreen,
    OutletsScreen,
    ReaderCommands,
    ReaderScreen,
    StoryScreen,
    VersionsScreen,
)
from reader.tui.session import Session
from reader.tui.settings import Settings, load_settings, save_settings
from reader.tui.threads import DaemonExecutor
from reader.view.printable import one_line

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel
    from textual.timer import Timer

    from reader.web import FetchResult

#: Seconds the library's cursor rests on a pair before its comparison is prepared.
PREPARE_AFTER = 0.15


class ReaderApp(App[None]):
    """Browse, read, and compare news articles side by side."""

    CSS_PATH = "app.tcss"
    TITLE = "reader"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (140, "-wide")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit reader"),
        # Ctrl+C quits, as it ends less and every other terminal program; a text field copies with it first.
        Binding("ctrl+c", "quit", "Quit", show=False, id="app.interrupt", tooltip="Quit reader"),
        Binding("question_mark,f1", "help", "Help", id="app.help", tooltip="Show the keys of this screen"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | q, ctrl+c | Quit. |
    | ?, f1 | Keys of the current screen. |
    | ctrl+p | Command palette. |
    """

    #: Files read in the first batch; a larger folder is read on in growing batches.
    READ_AT_START = 300
    #: Failures of one fetch shown one notification each; the rest are counted in one more.
    FAILURES_SHOWN = 5

    def __init__(
        self,
        paths: list[Path] | None = None,
        cutoff: float = DEFAULT_CUTOFF,
        fetch: tuple[str, ...] | list[str] = (),
        fetch_into: Path | None = None,
    ) -> None:
        super().__init__()
        # Textual's first size is its console's, and every later one its driver's. They differ where Rich guesses
        # (80x25 on a dumb terminal, as in an Emacs shell, or on one that says it is 0x0, where the driver takes
        # 80x24), and the screen then lays itself out for each in turn, for ever, deaf to every key. The driver's
        # own measure is given to the console.
        measured = shutil.get_terminal_size()
        if (measured.columns, measured.lines) != tuple(self.console.size):
            self.console.size = (measured.columns, measured.lines)
        self.paths = paths
        self.cutoff = cutoff
        self.fetch_at_start = list(fetch)
        """URLs to fetch as the app starts (``reader URL``)."""
        self.fetch_into = fetch_into
        """Where fetched articles are saved (default: the user's folder of fetched articles)."""
        self._listing_errors: list[LoadError] = []
        self._results: list[Article | LoadError] = []
        # Each file once: a fetch rewrites a file the folder's reading may also read.
        self._result_index: dict[str, int] = {}
        self._fetches = 0
        self._likely_timer: Timer | None = None
        # Nothing is read here: the first frame comes first, and a file that
        # is slow to read can only hold up a worker.
        self.session = Session(library_of([]), reading=True)
        """The library and its facts, handed to every screen."""
        self.first_batch_read = asyncio.Event()
        """Set once the folder is listed and its first batch read and shown."""
        self.stories_found = asyncio.Event()
        """Set once the stories of the whole folder are found (or could not be) and shown."""

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
        if self.fetch_at_start:
            self.fetch_urls(self.fetch_at_start)

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """Save the screen as SVG in the downloads folder (made if missing), else reader's data folder."""
        folders = [Path(path)] if path else None
        saved, problem = save_export(filename or f"{self.title} screen", ".svg", self.export_screenshot(), folders)
        if saved is None:
            self.notify(f"Could not save the screenshot: {problem}", title="Screenshot", severity="error", markup=False)
        else:
            self.notify(f"Screenshot saved to {saved}", title="Screenshot", markup=False)

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None, time_format: str | None = None) -> str | None:
        """The palette's Screenshot, saved as ``action_screenshot`` saves it: the folder made, a failure's reason said.

        Textual's own gives up when the downloads folder is missing and says
        only "Failed to save screenshot".
        """
        self.action_screenshot(filename, path)
        return None

    def on_unmount(self) -> None:
        # Facts still being found in other processes are wanted no more.
        self.session.fact_workers.close()

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
        from reader.core.facts.workers import worth_a_process

        if worth_a_process(*self.library.articles):
            self.session.fact_workers.warm()  # a long article is here: its work will go to the processes

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
        self._merge(results)
        self.session.update(library_of(self._results, self._listing_errors), unread, reading=bool(unread))
        self._library_changed()
        if not self.first_batch_read.is_set():
            self.first_batch_read.set()
            self._warm_up()
        if not unread:
            self._find_stories()

    def _merge(self, results: list[Article | LoadError]) -> None:
        """Add files read to the library; a file read before is replaced where it stands."""
        for result in results:
            key = os.path.abspath(result.path)
            index = self._result_index.get(key)
            if index is None:
                self._result_index[key] = len(self._results)
                self._results.append(result)
            else:
                self._results[index] = result

    @work(thread=True, exclusive=True, group="stories")
    def _find_stories(self) -> None:
        """Find which articles tell the same story, once the whole folder is read."""
        library = self.session.library
        try:
            self.session.find_stories()
        except Exception as error:  # noqa: BLE001 - the library works without its stories
            self.call_from_thread(self.notify, one_line(f"Could not group the articles by story: {error!r}"),
                                  title="Stories", severity="warning", markup=False)
            self.call_from_thread(self.stories_found.set)
            return
        if not get_current_worker().is_cancelled and self.session.library is library:
            self.call_from_thread(self._stories_found)

    def _stories_found(self) -> None:
        self.stories_found.set()
        for screen in self.screen_stack:
            if isinstance(screen, LibraryScreen):
                screen.stories_changed()

    def _library_changed(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, LibraryScreen):
                screen.library_changed()

    def _progress_changed(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, LibraryScreen):
                screen.progress_changed()

    # -- fetching from the web ----------------------------------------------

    def fetch_folder(self) -> Path:
        """Where fetched articles are saved."""
        if self.fetch_into is None:
            from reader.web import default_folder

            self.fetch_into = default_folder()
        return self.fetch_into

    def action_fetch(self) -> None:
        """Ask for the URL of an article or a feed, then fetch it."""
        self.push_screen(FetchScreen(self.fetch_folder()), callback=self._fetch_asked)

    def _fetch_asked(self, urls: list[str] | None) -> None:
        if urls:
            self.fetch_urls(urls)

    def fetch_urls(self, urls: list[str]) -> None:
        """Fetch articles and feeds in the background, then add the articles saved to the library.

        Nothing but these URLs, their feeds' entries and their redirects is fetched.
        """
        more = f" and {len(urls) - 1} more" if len(urls) > 1 else ""
        self.notify(one_line(f"Fetching {urls[0]}{more}…"), title="Fetch", markup=False)
        self._fetches += 1
        self.session.fetching = "fetching…"
        self._progress_changed()
        self._fetch(urls, self.fetch_folder())

    @work(thread=True, group="fetch")
    def _fetch(self, urls: list[str], folder: Path) -> None:
        """Fetch on a thread of its own: the network is slow, and the app goes on."""
        from reader.web import Progress
        from reader.web.fetch import fetch
        from reader.web.urls import is_web_url, normalise

        worker = get_current_worker()

        def progress(step: Progress) -> None:
            if step.done < step.total and not worker.is_cancelled:
                self.call_from_thread(self._fetch_progress, step.done + 1, step.total)

        # An article already in the library is fetched into its own folder: a second row of it would be a copy.
        homes = {normalise(a.url): a.path.parent.absolute() for a in self.library.articles if a.url and is_web_url(a.url)}
        try:
            result = fetch(urls, folder, on_progress=progress, cancelled=lambda: worker.is_cancelled, homes=homes)
            loaded = [load_article(saved.path) for saved in result.saved]
        except Exception as error:  # noqa: BLE001 - a bug of the fetch is said, not a crash of the app
            self.call_from_thread(self._fetch_failed, f"{type(error).__name__}: {error}")
            return
        if not worker.is_cancelled:
            self.call_from_thread(self._fetched, result, loaded)

    def _fetch_progress(self, step: int, total: int) -> None:
        self.session.fetching = f"fetching {step} of {total}…"
        self._progress_changed()

    def _fetch_done(self) -> None:
        self._fetches -= 1
        if not self._fetches:
            self.session.fetching = ""
        self._progress_changed()

    def _fetch_failed(self, reason: str) -> None:
        self._fetch_done()
        self.notify(one_line(f"The fetch stopped: {reason}"), title="Fetch", severity="error", markup=False)

    def _fetched(self, result: FetchResult, loaded: list[Article | LoadError]) -> None:
        """The fetch is done: its articles join the library, and its failures are named."""
        from reader.web.urls import shown

        self._fetch_done()
        self._merge(loaded)
        self.session.update(library_of(self._results, self._listing_errors), self.session.unread, reading=self.session.reading)
        self._library_changed()
        if not self.session.reading:
            self._find_stories()
        severity: SeverityLevel = "information" if result.saved else "warning"
        self.notify(one_line(f"{result.summary}, in {result.folder}"), title="Fetched", severity=severity, markup=False)
        for failure in result.failures[: self.FAILURES_SHOWN]:
            self.notify(
                one_line(f"{shown(failure.url)}: {failure.reason}"), title="Not fetched", severity="warning", timeout=15, markup=False
            )
        hidden = len(result.failures) - self.FAILURES_SHOWN
        if hidden > 0:
            self.notify(f"and {hidden} more URLs gave no article", title="Not fetched", severity="warning", timeout=15, markup=False)

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

    def compare(self, left: Article, right: Article, left_at: int | None = None, right_at: int | None = None) -> None:
        """Open the comparison of two articles, at the row of a left or right sentence when given."""
        self.push_screen(CompareScreen(left, right, self.cutoff, self.session, left_at, right_at))

    @on(OpenArticle)
    def _open_article(self, message: OpenArticle) -> None:
        self.open_article(message.article, message.passages)

    @on(OpenInContext)
    def _open_in_context(self, message: OpenInContext) -> None:
        self.push_screen(
            ContextScreen(message.left, message.right, self.session, message.left_passages, message.right_passages,
                          message.left_at, message.right_at)
        )

    @on(OpenComparison)
    def _open_comparison(self, message: OpenComparison) -> None:
        self.compare(message.left, message.right, message.left_at, message.right_at)

    @on(OpenVersions)
    def _open_versions(self, message: OpenVersions) -> None:
        self.push_screen(VersionsScreen(message.article))

    @on(OpenOutlets)
    def _open_outlets(self, message: OpenOutlets) -> None:
        self.push_screen(OutletsScreen(message.articles, self.cutoff, self.session))

    @on(ComparisonLikely)
    def _comparison_likely(self, message: ComparisonLikely) -> None:
        # A moment's pause first: the cursor passing over rows asks for
        # many pairs, and only the one it rests on is worth preparing.
        if self._likely_timer is not None:
            self._likely_timer.stop()
        pair = message.left, message.right
        self._likely_timer = self.set_timer(PREPARE_AFTER, lambda: self._prepare_comparison(*pair))

    @work(thread=True, exclusive=True, group="prepare", exit_on_error=False)
    def _prepare_comparison(self, left: Article, right: Article) -> None:
        """Align a pair and find its facts before ``c`` asks for them; a long pair in other processes, so that no key waits."""
        if self.session.prepare(left, right, self.cutoff):
            return
        store = self.session.fact_store
        alignment = align(left, right, self.cutoff)
        if not get_current_worker().is_cancelled:
            store.comparison(alignment)

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

    def action_export(self) -> None:
        """Export the comparison on screen as an HTML page."""
        if isinstance(self.screen, CompareScreen):
            self.screen.action_export()
        else:
            self.notify("Export works on the compare screen: compare two articles first.")

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
