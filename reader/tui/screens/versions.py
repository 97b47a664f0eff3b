"""An article's versions: when each was fetched and what changed from the one before; Enter compares one with the next."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from reader.core.models import Article, LoadError
from reader.core.reading.articles import load_article
from reader.core.revisions import revision
from reader.tui.messages import ArticlesOpened, OpenComparison
from reader.tui.widgets import KeyBar, Table
from reader.view.printable import one_line
from reader.web.versions import Version, versions


class VersionsScreen(Screen[None]):
    """The versions of one fetched article, oldest first, the article as it is now last."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back", id="versions.back", tooltip="Back to the library"),
        # Over the table's own Enter ("Select"), so the key bar and help say what Enter does here.
        Binding("enter", "compare", "Compare with the next", id="versions.compare", tooltip="Compare this version with the next one", priority=True),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | enter | Compare the version under the cursor with the next one (the last with the one before), facts included. |
    | escape | Back to the library. |
    """

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article
        self.found: list[Version] = versions(article.path)
        self._articles: dict[int, Article] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="versions-heading")
        yield Table(id="versions", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = f"Versions · {len(self.found)}"
        heading = Text(one_line(f"{self.article.label}: {self.article.title}"), "bold")
        self.query_one("#versions-heading", Static).update(heading)
        table = self.query_one("#versions", DataTable)
        table.add_columns("", "fetched", "what changed")
        for version in self.found:
            when = version.fetched.replace("T", " ").replace("Z", " UTC") if version.fetched else "—"
            now = " (now)" if version.current else ""
            table.add_row(Text(f"{version.number}{now}"), Text(one_line(when), "dim"), Text("…", "dim"), key=str(version.number))
        table.move_cursor(row=max(len(self.found) - 2, 0))
        table.focus()
        self._describe()
        self.post_message(ArticlesOpened(self.article))

    @work(thread=True, exclusive=True)
    def _describe(self) -> None:
        """Each version's line, read against the one before: in a thread, since each is an alignment and a fact check."""
        previous: Article | None = None
        for version in self.found:
            article = self._load(version)
            if article is None:
                line = "cannot be read"
            elif previous is None:
                line = f"fetched: {one_line(article.title)}" if version is self.found[0] else one_line(article.title)
            else:
                change = revision(previous, article)
                line = change.line + (f" — {one_line(article.title)}" if change.headline_changed else "")
            previous = article
            self.app.call_from_thread(self._show_line, version.number, line)

    def _show_line(self, number: int, line: str) -> None:
        table = self.query_one("#versions", DataTable)
        table.update_cell(str(number), table.ordered_columns[2].key, Text(one_line(line)), update_width=True)

    def _load(self, version: Version) -> Article | None:
        found = self._articles.get(version.number)
        if found is None:
            loaded = self.article if version.current else load_article(version.path)
            if isinstance(loaded, LoadError):
                return None
            found = self._articles[version.number] = loaded
        return found

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_compare()

    def action_compare(self) -> None:
        """Compare the version under the cursor with the next, or the last with the one before."""
        if len(self.found) < 2:
            self.notify("This article has one version: it has not changed since it was first fetched.", timeout=3)
            return
        row = self.query_one("#versions", DataTable).cursor_row
        k = min(max(row, 0), len(self.found) - 2)
        older, newer = self._load(self.found[k]), self._load(self.found[k + 1])
        if older is None or newer is None:
            self.notify("That version cannot be read.", severity="error", timeout=3)
            return
        self.post_message(OpenComparison(older, newer))
