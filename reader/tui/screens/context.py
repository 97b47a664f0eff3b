"""Both articles of a comparison side by side, in full, each at one row's sentences."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Static
from textual.worker import get_current_worker

from reader.core import Alignment, Article
from reader.core.alignment.rows import CompareRow
from reader.tui.messages import OpenInContext
from reader.tui.screens.article import article_heading
from reader.tui.session import Session
from reader.tui.widgets import ArticleView, KeyBar
from reader.tui.widgets.compare_facts import Side

Passages = tuple[tuple[int, int], ...]


def context_at(alignment: Alignment, rows: tuple[CompareRow, ...], index: int) -> OpenInContext:
    """Both articles of a comparison at row ``index``: each at the row's sentences, or where the row stands in a side it has none of."""
    a, b = alignment.a, alignment.b
    row = rows[index]

    def spans(article: Article, indices: tuple[int, ...]) -> Passages:
        return tuple((article.sentences[i].start, article.sentences[i].end) for i in indices)

    def near(side: Side) -> int | None:
        """Where the row stands in a side it has no sentence of: after the nearest row above that has one."""
        article = a if side == "a" else b
        for above in range(index - 1, -1, -1):
            indices = rows[above].left if side == "a" else rows[above].right
            if indices:
                return article.sentences[max(indices)].end
        return None

    return OpenInContext(a, b, spans(a, row.left), spans(b, row.right), None if row.left else near("a"), None if row.right else near("b"))


class ContextScreen(Screen[None]):
    """The two reports side by side, scrolled to a row of their comparison, its sentences highlighted.

    A side the row has no sentence of opens where the row would stand in it.
    Each side scrolls on its own; tab moves between them.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "other_side", "Other side", id="context.other-side", tooltip="Scroll the other article"),
        Binding("f", "toggle_facts", "Facts", id="context.facts", tooltip="Underline the facts by kind, or stop"),
        Binding("escape", "back", "Back", id="context.back", tooltip="Back to the comparison"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | tab | Scroll the other article. |
    | j, down / k, up | Scroll a line. |
    | pagedown, space / pageup, b | Scroll a page. |
    | g, home / G, end | Top / bottom. |
    | f | Underline the facts in the colour of their kind, or not. |
    | escape | Back to the comparison. |
    """

    class FactsFound(Message):
        """The facts of one side were found in the background."""

        def __init__(self, side: str, spans: tuple[tuple[int, int, str], ...]) -> None:
            super().__init__()
            self.side = side
            self.spans = spans

    def __init__(
        self,
        left: Article,
        right: Article,
        session: Session,
        left_passages: Passages = (),
        right_passages: Passages = (),
        left_offset: int | None = None,
        right_offset: int | None = None,
    ) -> None:
        super().__init__()
        self.left, self.right, self.session = left, right, session
        self._passages = {"left": (left_passages, left_offset), "right": (right_passages, right_offset)}

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="context-sides"):
            for side, article in (("left", self.left), ("right", self.right)):
                passages, at = self._passages[side]
                with Vertical(classes="context-side", id=f"context-{side}-side"):
                    # Unwrapped (app.tcss): two lines a side, level with each other.
                    yield Static(article_heading(article), classes="context-heading")
                    yield ArticleView(article, passages, at=at, id=f"context-{side}")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "In context"
        self.side("left").focus()
        for name in ("left", "right"):
            self._find_facts(name)

    def side(self, name: str) -> ArticleView:
        """The article view of one side, ``"left"`` or ``"right"``."""
        return self.query_one(f"#context-{name}", ArticleView)

    @work(thread=True, group="facts")
    def _find_facts(self, name: str) -> None:
        article = self.left if name == "left" else self.right
        other = self.right if name == "left" else self.left
        found = self.session.comparer.facts(article, other.date)
        if not get_current_worker().is_cancelled:
            self.post_message(self.FactsFound(name, found.spans()))

    @on(FactsFound)
    def _facts_found(self, message: FactsFound) -> None:
        self.side(message.side).set_facts(message.spans)

    def action_other_side(self) -> None:
        """Move the focus, and so the keys, to the other article."""
        left = self.side("left")
        (self.side("right") if left.has_focus else left).focus()

    def action_toggle_facts(self) -> None:
        """Underline the facts on both sides, or stop."""
        on = not self.side("left").show_facts
        for name in ("left", "right"):
            self.side(name).show_facts = on
        self.notify("Facts underlined by kind." if on else "Facts not underlined.", timeout=2)

    def action_back(self) -> None:
        """Back to the comparison."""
        self.app.pop_screen()
