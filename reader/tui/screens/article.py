"""Read one article: header, wrapped text, search."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Input, Static
from textual.worker import get_current_worker

from reader.core import Article
from reader.tui.browser import open_web_address
from reader.tui.messages import ArticlesOpened, CompareWith, OpenComparison
from reader.tui.session import Session
from reader.tui.widgets import ArticleView, KeyBar
from reader.view.counts import counted
from reader.view.printable import one_line


def article_heading(article: Article) -> Text:
    """Title, then source, date and size, all as inert text."""
    text = Text()
    text.append(one_line(article.title) + "\n", "bold")
    text.append(one_line(article.label), "italic")
    text.append(f" · {one_line(article.date or 'no date')} · {counted(article.word_count, 'word')} · {counted(len(article.sentences), 'sentence')}", "dim")
    return text


class ArticleScreen(Screen[None]):
    """One article, scrollable, with `/` to search and `n`/`N` between matches."""

    MOUSE_DOES = "Scroll with the wheel"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", id="reader.search", tooltip="Search the article"),
        Binding("n", "next_match", "Next match", id="reader.next-match", tooltip="Next match"),
        Binding("N", "previous_match", "Prev match", show=False, id="reader.previous-match", tooltip="Previous match"),
        Binding("f", "toggle_facts", "Facts", id="reader.facts", tooltip="Underline the facts by kind, or stop"),
        Binding("O", "open_web", "Open in browser", show=False, id="reader.open-web", tooltip="Open the article's web address in the browser"),
        Binding("escape", "back", "Back", id="reader.back", tooltip="Close the search, or go back"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | O | Open the article's web address in the browser. |
    | j, down / k, up | Scroll a line. |
    | pagedown, space / pageup, b | Scroll a page. |
    | g, home / G, end | Top / bottom. |
    | / | Search; Enter keeps the matches, Esc closes the box and clears them. |
    | n / N | Next / previous match. |
    | f | Underline the facts in the colour of their kind, or not. |
    | escape | Clear the search, or go back. |
    """

    class FactsFound(Message):
        """The facts of the article were found in the background."""

        def __init__(self, spans: tuple[tuple[int, int, str], ...]) -> None:
            super().__init__()
            self.spans = spans

    def __init__(
        self,
        article: Article,
        session: Session,
        passages: tuple[tuple[int, int], ...] = (),
        browse_order: tuple[str, ...] = (),
    ) -> None:
        super().__init__()
        self.session = session
        self.article = article
        self.passages = passages
        self.browse_order = browse_order
        """The library's order when opened from it, handed on to a comparison opened here."""

    def action_open_web(self) -> None:
        """Open the article's web address in the browser."""
        open_web_address(self, self.article)

    @on(CompareWith)
    def _compare_with(self, message: CompareWith) -> None:
        """Compare the article read with the one the palette named."""
        message.stop()
        pair = self.session.pair_with(self.article, message.article)
        if pair is None:
            self.notify("There is no other article to compare with.")
        else:
            self.post_message(OpenComparison(*pair, order=self.browse_order))

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(article_heading(self.article), id="article-heading")
        yield ArticleView(self.article, self.passages, id="article")
        yield Static(id="search-status")
        yield Input(placeholder="Search: type, Enter to keep, Esc to close", id="search")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "Reading"
        self.query_one("#search", Input).display = False
        self.query_one("#search-status", Static).display = False
        self.view.focus()
        self._find_facts()
        self.post_message(ArticlesOpened(self.article))

    @work(thread=True, exclusive=True, group="facts")
    def _find_facts(self) -> None:
        worker = get_current_worker()
        found = self.session.comparer.facts(self.article)
        if not worker.is_cancelled:
            self.post_message(self.FactsFound(found.spans()))

    @on(FactsFound)
    def _facts_found(self, message: FactsFound) -> None:
        self.view.set_facts(message.spans)

    def action_toggle_facts(self) -> None:
        """Underline the facts, or stop."""
        self.view.show_facts = not self.view.show_facts
        self.notify("Facts underlined by kind." if self.view.show_facts else "Facts not underlined.", timeout=2)

    @property
    def view(self) -> ArticleView:
        """The article's text."""
        return self.query_one("#article", ArticleView)

    def action_search(self) -> None:
        """Open the search box."""
        box = self.query_one("#search", Input)
        box.display = True
        box.value = self.view.search_text
        self.set_focus(box)  # now, not after the next refresh as focus() would

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.view.search_text = event.value
        self.view.next_match(1)
        self._show_status()

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.query_one("#search", Input).display = False
        self.set_focus(self.view)

    def action_next_match(self) -> None:
        """Go to the next match of the search."""
        self.view.next_match(1)
        self._show_status()

    def action_previous_match(self) -> None:
        """Go to the previous match of the search."""
        self.view.next_match(-1)
        self._show_status()

    def _show_status(self) -> None:
        status = self.query_one("#search-status", Static)
        view = self.view
        if not view.search_text:
            status.display = False
            return
        status.display = True
        text = Text("Search ", "dim")
        text.append(view.search_text, "bold")
        if view.matches:
            text.append(f"  match {view.match_index + 1} of {len(view.matches)}  ·  n next, N previous, Esc clears", "dim")
        else:
            text.append("  no match", "italic")
        status.update(text)

    def action_back(self) -> None:
        """Close the search box, else drop the kept search (as the compare screen does), else go back to the previous screen."""
        box = self.query_one("#search", Input)
        if box.display or self.view.search_text:
            box.display = False
            self.view.search_text = ""
            self._show_status()
            self.set_focus(self.view)
            return
        self.app.pop_screen()
