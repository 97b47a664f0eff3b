"""What the screens share while the app runs: the library read so far and the comparer that makes its comparisons.

The app owns one session and hands it to each screen it opens; as more of
a large folder is read in the background, the app updates it in place, so
every screen sees the same library without reaching for the app.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.alignment.aligner import DEFAULT_CUTOFF
from reader.core.comparer import Comparer
from reader.core.models import Article
from reader.core.reading.articles import Library
from reader.core.workers import Workers

if TYPE_CHECKING:
    from reader.core.stories import Stories, Story
    from reader.tui.news import SessionNews


#: From this many articles a folder is grouped by story in a worker process (a hundred take a fifth of a second).
PROCESS_ARTICLES = 200


class Session:
    """The library, the files still to read, and the comparer every screen shares."""

    def __init__(self, library: Library, unread: list[Path] | None = None, reading: bool = False, cutoff: float = DEFAULT_CUTOFF) -> None:
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
        self.workers = Workers(start="forkserver")
        """Processes for long articles' facts, long pairs and large folders, started when first needed; the app threads, so they are not forked from it."""
        self.comparer = Comparer(cutoff, self.workers, align_in_workers=True)
        """Makes every comparison the screens show, at the app's cutoff, and keeps each article's facts for them all."""
        self.stories: Stories | None = None
        """Which articles of the library tell the same story, once found (``None`` until then)."""
        self.changed_since_opened: frozenset[Path] = frozenset()
        """Files of articles opened before (resolved) whose newest version is newer than the one last opened."""

    def update(self, library: Library, unread: list[Path], reading: bool = False) -> None:
        """More of the folder was read, or a fetch added to it: the comparer and the facts it keeps stay."""
        self.library = library
        self.unread = unread
        self.reading = reading

    def find_stories(self) -> Stories:
        """Group the library's articles into stories, keep the grouping, and return it.

        A large folder is grouped in a worker process, so that the keys do not wait meanwhile.
        """
        from reader.core.stories import find_stories

        library = self.library
        if len(library.articles) >= PROCESS_ARTICLES and (os.cpu_count() or 1) > 1:
            stories = self.workers.submit_stories(library.articles).result()
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
