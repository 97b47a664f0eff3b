"""Stepping a comparison's sides through the library: ] and [ on the right, } and { on the left, and "Compare with…"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.screen import Screen

from reader.core import Article
from reader.tui.messages import ArticlesOpened, CompareWith

if TYPE_CHECKING:
    from reader.tui.session import Session


class SideStepping(Screen[None]):
    """The compare screen's changes of article on either side, in the order the library lists them."""

    if TYPE_CHECKING:  # provided by the compare screen
        left: Article
        right: Article
        session: Session
        browse_order: tuple[str, ...]

        def realign(self, keep_place: bool = False) -> None: ...

    def _cycle(self, current: Article, other: Article, step: int) -> Article:
        """The article ``step`` places from ``current`` in the library's order, filter and sort, other than ``other``."""
        by_id = {a.id: a for a in self.session.library.articles}
        order = [by_id[i] for i in self.browse_order if i in by_id] or list(self.session.library.articles)
        if current.id not in {a.id for a in order}:
            order.insert(0, current)  # filtered out since: step from where it stood first
        articles = [a for a in order if a.id != other.id]
        if not articles:
            return current
        ids = [a.id for a in articles]
        position = ids.index(current.id) if current.id in ids else -1
        return articles[(position + step) % len(articles)]

    @on(CompareWith)
    def _compare_with(self, message: CompareWith) -> None:
        message.stop()
        self.set_right(message.article)

    def set_right(self, article: Article) -> None:
        """Compare the left article with another one."""
        if article.id == self.left.id:
            self.notify("That article is already on the left.", timeout=2)
            return
        if article.id == self.right.id:
            self.notify("There is no other article to show.", timeout=2)
            return
        self.right = article
        self.realign()
        self.post_message(ArticlesOpened(article))

    def action_next_right(self) -> None:
        """Show the next article on the right."""
        self.set_right(self._cycle(self.right, self.left, 1))

    def action_previous_right(self) -> None:
        """Show the previous article on the right."""
        self.set_right(self._cycle(self.right, self.left, -1))

    def _set_left(self, article: Article) -> None:
        if article.id in (self.left.id, self.right.id):
            self.notify("There is no other article to show.", timeout=2)
            return
        self.left = article
        self.realign()
        self.post_message(ArticlesOpened(article))

    def action_next_left(self) -> None:
        """Show the next article on the left."""
        self._set_left(self._cycle(self.left, self.right, 1))

    def action_previous_left(self) -> None:
        """Show the previous article on the left."""
        self._set_left(self._cycle(self.left, self.right, -1))
