"""The reader app: global keys, the screens it opens, and what it does for a screen that does not."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.worker import get_current_worker

from reader.core import DEFAULT_CUTOFF, Article, Library
from reader.core.config import Config
from reader.core.reading.articles import library_of
from reader.tui.exports import save_export
from reader.tui.fetching import Fetching
from reader.tui.keymap import checked_keymap
from reader.tui.messages import (
    CompareWith,
    ComparisonLikely,
    Export,
    OpenArticle,
    OpenComparison,
    OpenCoverage,
    OpenInContext,
    OpenOutlets,
    OpenVersions,
    ShowCoverage,
    ShowFacts,
    Swap,
)
from reader.tui.news import SessionNews
from reader.tui.opened import OpenedArticles
from reader.tui.screens import (
    ArticleScreen,
    CompareScreen,
    ContextScreen,
    CoverageScreen,
    HelpScreen,
    LibraryScreen,
    OutletsScreen,
    ReaderCommands,
    VersionsScreen,
)
from reader.tui.session import Session
from reader.tui.settings import Settings, load_settings, save_settings
from reader.tui.threads import DaemonExecutor

if TYPE_CHECKING:
    from textual.timer import Timer

#: Seconds the library's cursor rests on a pair before its comparison is prepared.
PREPARE_AFTER = 0.15


class ReaderApp(OpenedArticles, Fetching):
    """Browse, read, and compare news articles side by side."""

    CSS_PATH = "app.tcss"
    TITLE = "reader"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (140, "-wide")]
    # A short terminal gives the tables its lines: summaries and details are cut to a few.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]

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

    def __init__(
        self,
        paths: list[Path] | None = None,
        cutoff: float = DEFAULT_CUTOFF,
        fetch: tuple[str, ...] | list[str] = (),
        fetch_into: Path | None = None,
        config: Config | None = None,
        config_problems: Sequence[str] = (),
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
        self.config = config or Config()
        """The user's config file: its theme and its keymap."""
        keymap, keymap_problems = checked_keymap(self.config.keymap)
        self._config_problems = [*config_problems, *keymap_problems]
        if keymap:
            self.set_keymap(keymap)
        self._theme_from_config = False
        self._likely_timer: Timer | None = None
        # Nothing is read here: the first frame comes first, and a file that
        # is slow to read can only hold up a worker.
        self.session = Session(library_of([]), reading=True, cutoff=cutoff)
        """The library and its comparer, handed to every screen."""
        self.session.news = SessionNews(self)
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

    def on_mount(self) -> None:
        # Before the first worker starts: quitting never waits for a worker.
        asyncio.get_running_loop().set_default_executor(DaemonExecutor())
        for said in self._config_problems:
            self.notify(said, title="Config", severity="warning", timeout=15, markup=False)
        settings, problem = load_settings()
        if problem:
            self.notify(problem, title="Settings", severity="warning", markup=False)
        # The config's theme is the user's choice; the one chosen last in the app stands in when it sets none.
        wanted = self.config.theme
        if wanted and wanted not in self.available_themes:
            self.notify(f"theme: no theme is called {wanted!r}; the palette's 'Change theme' lists them", title="Config", severity="warning", markup=False)
            wanted = None
        if wanted:
            self._theme_from_config = True
            self.theme = wanted
            self._theme_from_config = False
        elif settings.theme in self.available_themes:
            self.theme = settings.theme
        self._start_reading()
        self.read_opened()
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
        self.session.comparer.close()

    def watch_theme(self, theme: str) -> None:
        """Remember a theme chosen in the app for next time (in reader's state folder); the config's own is not state."""
        if self.is_running and not self._theme_from_config:
            try:
                save_settings(Settings(theme=theme))
            except OSError as error:
                self.notify(f"Could not save the settings: {error}", severity="warning", markup=False)

    def get_default_screen(self) -> LibraryScreen:
        return LibraryScreen(self.session)

    def article_by_id(self, article_id: str) -> Article | None:
        """The article with this id, if the library has it."""
        return self.session.article_by_id(article_id)

    # -- opening screens ----------------------------------------------------

    def open_article(self, article: Article, passages: tuple[tuple[int, int], ...] = (), browse_order: tuple[str, ...] = ()) -> None:
        """Read an article, with some passages (character spans) highlighted and the first in view."""
        self.push_screen(ArticleScreen(article, self.session, passages, browse_order))

    def compare(
        self,
        left: Article,
        right: Article,
        left_at: int | None = None,
        right_at: int | None = None,
        browse_order: tuple[str, ...] = (),
    ) -> None:
        """Open the comparison of two articles, at the row of a left or right sentence when given."""
        self.push_screen(CompareScreen(left, right, self.cutoff, self.session, left_at, right_at, browse_order))

    @on(OpenArticle)
    def _open_article(self, message: OpenArticle) -> None:
        self.open_article(message.article, message.passages, message.order)

    @on(OpenInContext)
    def _open_in_context(self, message: OpenInContext) -> None:
        self.push_screen(
            ContextScreen(message.left, message.right, self.session, message.left_passages, message.right_passages, message.left_offset, message.right_offset)
        )

    @on(OpenComparison)
    def _open_comparison(self, message: OpenComparison) -> None:
        self.compare(message.left, message.right, message.left_at, message.right_at, message.order)

    @on(OpenVersions)
    def _open_versions(self, message: OpenVersions) -> None:
        self.push_screen(VersionsScreen(message.article))

    @on(OpenOutlets)
    def _open_outlets(self, message: OpenOutlets) -> None:
        self.push_screen(OutletsScreen(message.articles, self.cutoff, self.session, message.order))

    @on(OpenCoverage)
    def _open_coverage(self, message: OpenCoverage) -> None:
        self.push_screen(CoverageScreen(message.articles, self.session))

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
        comparer = self.session.comparer
        if comparer.prepare(left, right, self.cutoff):
            return
        alignment = comparer.align(left, right, self.cutoff)
        if not get_current_worker().is_cancelled:
            comparer.comparison(alignment)

    # -- the palette's requests no screen took -------------------------------

    @on(CompareWith)
    def _compare_with(self, message: CompareWith) -> None:
        """Compare ``article`` with the library's first other article: the screen on top has none of its own."""
        pair = self.session.pair_with(None, message.article)
        if pair is None:
            self.notify("There is no other article to compare with.")
            return
        self.compare(*pair)

    @on(Swap)
    def _swap(self) -> None:
        self.notify("Swap works on the compare screen.")

    @on(Export)
    def _export(self) -> None:
        self.notify("Export works on the compare screen: compare two articles first.")

    @on(ShowCoverage)
    def _show_coverage(self) -> None:
        """Who reports what, over the whole library."""
        self.post_message(OpenCoverage(self.library.articles))

    @on(ShowFacts)
    def _show_facts(self) -> None:
        self.notify("The facts table belongs to a comparison: compare two articles first.")

    def action_help(self) -> None:
        """Show the keys of the current screen (help closes itself on the same keys)."""
        self.push_screen(HelpScreen(self.screen))
