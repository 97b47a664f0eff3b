"""What the screens share while the app runs: the library read so far and its facts.

The app owns one session and hands it to each screen it opens; as more of
a large folder is read in the background, the app updates it in place, so
every screen sees the same library without reaching for the app.
"""

from __future__ import annotations

import os
from concurrent.futures import Future
from pathlib import Path
from threading import Lock
from typing import TYPE_CHECKING

from reader.core.facts.workers import FactWorkers, worth_a_process
from reader.core.models import Alignment, Article
from reader.core.reading.articles import Library
from reader.tui.fact_store import FactStore

if TYPE_CHECKING:
    from reader.core.stories import Stories, Story
    from reader.tui.news import SessionNews


#: From this many articles a folder is grouped by story in a worker process (a hundred take a fifth of a second).
PROCESS_ARTICLES = 200


class Session:
    """The library, the files still to read, and the shared fact store."""

    def __init__(self, library: Library, unread: list[Path] | None = None, reading: bool = False) -> None:
        self.library = library
        """The articles and the unreadable files read so far."""
        self.unread: list[Path] = unread or []
        """Files still to be read in the background."""
        self.reading = reading
        """Whether the folder is still being listed or read."""
        self.fetching = ""
        """How far a fetch from the web has got ("fetching 3 of 12"), for the screens to show; empty when none runs."""
        self.news: SessionNews | None = None
        """The signals screens subscribe to, set by the app that publishes them."""
        self.fact_workers = FactWorkers(start="forkserver")
        """Processes that find long articles' facts, started when first needed; the app threads, so they are not forked from it."""
        self.fact_store = FactStore(library, self.fact_workers)
        """Facts of the library's articles, shared by every screen."""
        self.stories: Stories | None = None
        """Which articles of the library tell the same story, once found (``None`` until then)."""
        self._aligning: dict[tuple[str, str, float], tuple[Article, Article, Future[Alignment]]] = {}
        self._lock = Lock()

    def update(self, library: Library, unread: list[Path], reading: bool = False) -> None:
        """More of the folder was read: a new library, and a fact store that knows it."""
        self.library = library
        self.unread = unread
        self.reading = reading
        self.fact_store = FactStore(library, self.fact_workers)

    def align_elsewhere(self, a: Article, b: Article, cutoff: float) -> Future[Alignment] | None:
        """A long pair's alignment, made or being made in another process; ``None`` for a pair aligned faster here.

        Asked again for the same pair and cutoff, it gives the same future, so
        a comparison opened after the library guessed it waits for that one.
        """
        if not worth_a_process(a, b):
            return None
        key = (a.id, b.id, cutoff)
        with self._lock:
            found = self._aligning.get(key)
            if found is not None and found[0] is a and found[1] is b:
                future = found[2]
                if not future.done() or future.exception() is None:
                    return future
            future = self.fact_workers.submit_alignment(a, b, cutoff)
            self._aligning[key] = (a, b, future)
            return future

    def prepare(self, a: Article, b: Article, cutoff: float) -> bool:
        """Start aligning a long pair in the worker processes; whether it is long.

        Only the alignment: its facts are asked for once its rows are on
        screen, so that the processes finding them do not take the cores the
        rows are laid out and drawn with. A short pair is aligned faster where
        it is asked for.
        """
        return self.align_elsewhere(a, b, cutoff) is not None

    def find_stories(self) -> Stories:
        """Group the library's articles into stories, keep the grouping, and return it.

        A large folder is grouped in a worker process, so that the keys do not wait meanwhile.
        """
        from reader.core.stories import find_stories

        library = self.library
        if len(library.articles) >= PROCESS_ARTICLES and (os.cpu_count() or 1) > 1:
            stories = self.fact_workers.submit_stories(library.articles).result()
        else:
            stories = find_stories(library.articles)
        if self.library is library:  # not replaced by a larger read meanwhile
            self.stories = stories
        return stories

    def story_of(self, article: Article) -> Story | None:
        """The story the article belongs to, if the stories are found and it shares one."""
        return self.stories.story_of(article.id) if self.stories is not None else None

    def article_by_id(self, article_id: str) -> Article | None:
        """The article with this id, if the library has it."""
        return next((a for a in self.library.articles if a.id == article_id), None)

    def pair_with(self, current: Article | None, article: Article) -> tuple[Article, Article] | None:
        """What "Compare with ``article``" compares: ``current`` beside it, else the library's first other article."""
        if current is None or current.id == article.id:
            others = [a for a in self.library.articles if a.id != article.id]
            current = others[0] if others else None
        return None if current is None else (current, article)
