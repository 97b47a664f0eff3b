"""Remembering which articles were opened, and telling the library which of them have changed since.

A mixin of the app. A screen that shows an article (read, compared, its
versions listed) posts :class:`~reader.tui.messages.ArticlesOpened`; the
record of :mod:`reader.web.opened` is written on a thread, so that no key
waits on it, and what has changed since each article was last opened joins
the session and is told to the screens through its ``opened`` signal.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App

from reader.tui.messages import ArticlesOpened
from reader.view.printable import one_line

if TYPE_CHECKING:
    from reader.tui.session import Session


class OpenedArticles(App[None]):
    """The app's record of the articles opened, read as it starts and written as each is opened."""

    if TYPE_CHECKING:  # set by the app
        session: Session

    #: One record written at a time, and each result told in the order it was found.
    _opened_lock = threading.Lock()
    _opened_problem_told = False

    def read_opened(self) -> None:
        """Find, on a thread, which of the articles opened before have changed since."""
        self._record_opened(())

    @on(ArticlesOpened)
    def _articles_opened(self, message: ArticlesOpened) -> None:
        self._record_opened(tuple(article.path for article in message.articles))

    @work(thread=True, group="opened", exit_on_error=False)
    def _record_opened(self, paths: tuple[Path, ...]) -> None:
        """Record articles as opened (none: only read the record), then tell what has changed since."""
        from reader.web.opened import changed_since_opened, opened_versions, record_opened

        with self._opened_lock:
            problem = ""
            try:
                record = record_opened(paths) if paths else opened_versions()
            except OSError as error:
                record, problem = opened_versions(), one_line(str(error))
            self.call_from_thread(self._changed_since_opened, changed_since_opened(record), problem)

    def _changed_since_opened(self, changed: frozenset[Path], problem: str) -> None:
        if problem and not self._opened_problem_told:
            self._opened_problem_told = True
            self.notify(f"Could not remember the articles opened: {problem}", title="Opened", severity="warning", timeout=10, markup=False)
        self.session.changed_since_opened = changed
        if self.session.news is not None:
            self.session.news.opened.publish(None)
