"""What the last ``reader update`` did, in the library: S lists only what it made or changed, V opens an article's versions."""

from __future__ import annotations

from pathlib import Path

from reader.core import Article
from reader.tui.messages import OpenVersions
from reader.tui.widgets import ArticleTable
from reader.tui.widgets.article_table import resolved


class LibraryUpdates:
    """The library's keys for updates and versions, mixed into its screen (handlers by name: Textual collects a mixin's actions, not its ``@on``)."""

    @property
    def table(self) -> ArticleTable:
        raise NotImplementedError

    def current_article(self) -> Article | None:
        raise NotImplementedError

    def show_last_update(self) -> None:
        """Mark what the last update made (+) or changed (Δ)."""
        self.table.updated = last_update()

    def action_since(self) -> None:
        """Only what the last update made or changed, or everything again."""
        table = self.table
        if not table.since:
            table.updated = last_update()
            if not any(table.updated):
                self.notify(  # type: ignore[attr-defined]
                    "No update has made or changed an article yet: reader update fetches the feeds you follow.", timeout=4
                )
                return
        table.since = not table.since
        self._show_progress()  # type: ignore[attr-defined]

    def action_versions(self) -> None:
        """Open the versions of the article under the cursor."""
        from reader.web.versions import versions

        article = self.current_article()
        if article is None:
            self.notify("The cursor is on no article.", timeout=3)  # type: ignore[attr-defined]
            return
        if len(versions(article.path)) < 2:
            # An article reader fetched keeps its versions as the page changes; a file of one's own has none.
            why = "it has not changed since it was fetched" if article.url else "reader keeps versions of the articles it fetches (reader fetch, reader update)"
            self.notify(f"This article has one version: {why}.", timeout=3)  # type: ignore[attr-defined]
            return
        self.post_message(OpenVersions(article))  # type: ignore[attr-defined]


def last_update() -> tuple[frozenset[Path], frozenset[Path]]:
    """The files the last ``reader update`` made and changed, resolved."""
    from reader.web.update import last_update as recorded

    record = recorded()
    if record is None:
        return frozenset(), frozenset()
    return frozenset(map(resolved, record.new)), frozenset(map(resolved, record.changed))
