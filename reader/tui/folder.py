"""Reading the folder into the session: in growing batches after the first frame, then its stories.

A mixin of the app: its workers run on the app, and what they find joins the
session and is told to the screens through the session's signals.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.worker import get_current_worker

from reader.core import Article, LoadError
from reader.core.reading.articles import find_article_files, library_of, load_article
from reader.view.printable import one_line

if TYPE_CHECKING:
    import asyncio

    from reader.tui.news import SessionNews
    from reader.tui.session import Session


class FolderReading(App[None]):
    """The app's reading of its folder, and the merging of what a fetch saved into the same library."""

    #: Files read in the first batch; a larger folder is read on in growing batches.
    READ_AT_START = 300

    if TYPE_CHECKING:  # set by the app
        paths: list[Path] | None
        session: Session
        first_batch_read: asyncio.Event
        stories_found: asyncio.Event

    def _start_reading(self) -> None:
        self._listing_errors: list[LoadError] = []
        self._results: list[Article | LoadError] = []
        # Each file once: a fetch rewrites a file the folder's reading may also read.
        self._result_index: dict[str, int] = {}
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

        TermStatistics.of_articles(self.session.library.articles[: self.READ_AT_START])
        from reader.core.workers import worth_a_process

        if worth_a_process(*self.session.library.articles):
            self.session.workers.warm()  # a long article is here: its work will go to the processes

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
        self.merge(results, unread, reading=bool(unread))
        if not self.first_batch_read.is_set():
            self.first_batch_read.set()
            self._warm_up()

    def merge(self, results: list[Article | LoadError], unread: list[Path], reading: bool) -> None:
        """Add files read to the library, a file read before replaced where it stands; once all is read, find the stories."""
        for result in results:
            key = os.path.abspath(result.path)
            index = self._result_index.get(key)
            if index is None:
                self._result_index[key] = len(self._results)
                self._results.append(result)
            else:
                self._results[index] = result
        self.session.update(library_of(self._results, self._listing_errors), unread, reading=reading)
        self.news.library_changed.publish(None)
        if not reading:
            self._find_stories()

    @property
    def news(self) -> SessionNews:
        """The session's signals, which this app publishes."""
        assert self.session.news is not None, "the app gives its session its signals as it starts"
        return self.session.news

    @work(thread=True, exclusive=True, group="stories")
    def _find_stories(self) -> None:
        """Find which articles tell the same story, once the whole folder is read."""
        library = self.session.library
        try:
            self.session.find_stories()
        except Exception as error:  # noqa: BLE001 - the library works without its stories
            self.call_from_thread(self.notify, one_line(f"Could not group the articles by story: {error!r}"), title="Stories", severity="warning", markup=False)
            self.call_from_thread(self.stories_found.set)
            return
        if not get_current_worker().is_cancelled and self.session.library is library:
            self.call_from_thread(self._stories_found)

    def _stories_found(self) -> None:
        self.stories_found.set()
        self.news.stories_found.publish(None)
