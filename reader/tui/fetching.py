"""Fetching from the web in the app: ask for a URL, fetch on a thread, and add what was saved to the library.

A mixin of the app, beside :mod:`reader.tui.folder`, whose merging of files
read it shares: a file fetched again replaces itself in the library.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.worker import get_current_worker

from reader.core import Article, LoadError
from reader.core.reading.articles import load_article
from reader.tui.folder import FolderReading
from reader.tui.screens import FetchScreen
from reader.view.printable import one_line

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from reader.web import FetchResult


class Fetching(FolderReading):
    """The app's fetches from the web: the palette's "Fetch URL or feed…" and ``reader URL``."""

    #: Failures of one fetch shown one notification each; the rest are counted in one more.
    FAILURES_SHOWN = 5

    if TYPE_CHECKING:  # set by the app
        fetch_into: Path | None

    _fetches = 0

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
        self.news.progress.publish(None)
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
        homes = {normalise(a.url): a.path.parent.absolute() for a in self.session.library.articles if a.url and is_web_url(a.url)}
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
        self.news.progress.publish(None)

    def _fetch_done(self) -> None:
        self._fetches -= 1
        if not self._fetches:
            self.session.fetching = ""
        self.news.progress.publish(None)

    def _fetch_failed(self, reason: str) -> None:
        self._fetch_done()
        self.notify(one_line(f"The fetch stopped: {reason}"), title="Fetch", severity="error", markup=False)

    def _fetched(self, result: FetchResult, loaded: list[Article | LoadError]) -> None:
        """The fetch is done: its articles join the library, and its failures are named."""
        from reader.web.urls import shown

        self._fetch_done()
        self.merge(loaded, self.session.unread, reading=self.session.reading)
        severity: SeverityLevel = "information" if result.saved else "warning"
        self.notify(one_line(f"{result.summary}, in {result.folder}"), title="Fetched", severity=severity, markup=False)
        for failure in result.failures[: self.FAILURES_SHOWN]:
            self.notify(one_line(f"{shown(failure.url)}: {failure.reason}"), title="Not fetched", severity="warning", timeout=15, markup=False)
        hidden = len(result.failures) - self.FAILURES_SHOWN
        if hidden > 0:
            self.notify(f"and {hidden} more URLs gave no article", title="Not fetched", severity="warning", timeout=15, markup=False)
