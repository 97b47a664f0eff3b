"""The first screen: every article in a table, with a preview, a filter and marks."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input

from reader.core import Article, LoadError
from reader.tui.browser import open_web_address
from reader.tui.messages import (
    CompareWith,
    ComparisonLikely,
    OpenArticle,
    OpenComparison,
    OpenCoverage,
    OpenOutlets,
    ShowCoverage,
)
from reader.tui.screens.library_updates import LibraryUpdates
from reader.tui.session import Session
from reader.tui.widgets import ArticlePreview, ArticleTable, KeyBar
from reader.tui.widgets.article_table import SORT_COLUMNS, STORY_FILTER
from reader.view.marks import LIBRARY_LEGEND
from reader.view.printable import printable

if TYPE_CHECKING:
    from reader.core.stories import Story


class LibraryScreen(LibraryUpdates, Screen[None]):
    """The articles found, one per row; unreadable files are rows that say why."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "Filter", id="library.filter", tooltip="Filter the list as you type"),
        Binding("space", "toggle_mark", "Mark", id="library.mark", tooltip="Mark or unmark the article"),
        Binding("c", "compare", "Compare", id="library.compare", tooltip="Compare two marked articles, or marked and cursor"),
        Binding("t", "story", "Story", id="library.story", tooltip="Who reports what: facts against sources"),
        Binding("s", "sort", "Sort", id="library.sort", tooltip="Sort by the next column"),
        Binding("r", "reverse", "Reverse", show=False, id="library.reverse", tooltip="Reverse the sort"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="library.clear-filter", tooltip="Clear the filter"),
        Binding("j", "cursor('down')", "Down", show=False, id="library.down", tooltip="Next article"),
        Binding("k", "cursor('up')", "Up", show=False, id="library.up", tooltip="Previous article"),
        Binding("u", "unmark_all", "Unmark all", show=False, id="library.unmark-all", tooltip="Unmark every article"),
        Binding("O", "open_web", "Open in browser", show=False, id="library.open-web", tooltip="Open the article's web address in the browser"),
        Binding("v", "toggle_grouped", "By story", id="library.by-story", tooltip="Group the articles by story, or list them flat"),
        Binding(
            "equals_sign", "only_story", "Only this story", show=False, id="library.only-story", tooltip="Only the story under the cursor (filter story:…)"
        ),
        Binding("V", "versions", "Versions", show=False, id="library.versions", tooltip="The article's versions, and what changed"),
        Binding("S", "since", "Since update", show=False, id="library.since", tooltip="Only what the last update changed"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | enter | Read the article under the cursor. |
    | / | Filter the articles as you type: outlet, title, file, date or text. |
    | space | Mark or unmark the article under the cursor. |
    | u | Unmark every article. |
    | O | Open the article's web address in the browser. |
    | c | Compare the two marked articles, or the marked one and the one under the cursor; |
    |   | three or more marked (or on a story's heading), read the first against all the others. |
    | t | The story under the cursor: every fact against every source (the marked ones when two or more are). |
    | v | Group the articles by story, under a heading per story, or list them flat. |
    | = | Only the story under the cursor (the filter `story:` and its label). |
    | V | The versions of the article under the cursor (↻: changed since you last opened it): when fetched, what changed; Enter compares one with the next. |
    | S | Only what the last `reader update` fetched new (+) or changed (Δ); again, everything. |
    | s | Sort by the next column. |
    | r | Reverse the sort. |
    | escape | Clear the filter. |
    | j / k | Next / previous row (also the arrows). |
    | g, home / G, end | First / last row. |
    """

    LEGEND: ClassVar[tuple[tuple[str, str, str], ...]] = LIBRARY_LEGEND

    #: What enter on a row does, for help (the table calls it "Select").
    ENTER_DOES = "Read the article under the cursor; on a story's heading, read its articles one against all"

    sort_column: reactive[str] = reactive("source", init=False)
    """The column the rows are sorted by."""
    sort_reverse: reactive[bool] = reactive(False, init=False)
    """Whether the sort is descending."""
    filter_text: reactive[str] = reactive("", init=False)
    """Rows shown must contain this text (case-insensitive); ``story:`` and words of a label, that story's."""
    grouped: reactive[bool] = reactive(False, init=False)
    """Whether the articles are listed under a heading per story."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Filter: type to narrow the list, Enter to keep, Esc to clear", id="filter")
        with Container(id="library-body"):
            yield ArticleTable(self.session.library, self.session.stories, id="articles").data_bind(
                LibraryScreen.sort_column, LibraryScreen.sort_reverse, LibraryScreen.filter_text, LibraryScreen.grouped
            )
            yield ArticlePreview(id="preview")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show_last_update()
        self._show_progress()
        self.query_one("#filter", Input).display = False
        self.table.focus()
        news = self.session.news
        if news is not None:
            news.library_changed.subscribe(self, self.library_changed, immediate=True)
            news.stories_found.subscribe(self, self.stories_changed, immediate=True)
            news.progress.subscribe(self, self.progress_changed, immediate=True)
            news.opened.subscribe(self, self.opened_changed, immediate=True)
        # What the session learnt while the screen was being made.
        if self.table.library is not self.session.library:
            self.library_changed()
        if self.table.stories is not self.session.stories:
            self.stories_changed()
        self.opened_changed()

    def library_changed(self, _: None = None) -> None:
        """More of the library was read in the background: show it."""
        self._show_progress()
        self.table.library = self.session.library

    def stories_changed(self, _: None = None) -> None:
        """The stories of the folder were found: show them."""
        self.table.stories = self.session.stories

    def opened_changed(self, _: None = None) -> None:
        """Articles were opened, or the record of those opened was read: mark those changed since (↻)."""
        self.table.changed_since_opened = self.session.changed_since_opened

    def progress_changed(self, _: None = None) -> None:
        """The folder's reading or a fetch from the web has moved on: say how far."""
        self._show_progress()

    def _show_progress(self) -> None:
        unread = len(self.session.unread)
        if unread:
            title = f"Library · reading {unread:,} more files…"
        else:
            title = "Library · reading the folder…" if self.session.reading else "Library"
        if self.filter_text:
            title += f" · {self.table.shown:,} of {len(self.session.library.articles):,} match"
        if self.marked:
            title += f" · {len(self.marked)} marked (u unmarks)"
        if self.table.since:
            title += " · new or changed since the last update (S shows all)"
        self.sub_title = f"{title} · {self.session.fetching}" if self.session.fetching else title

    # -- the table ----------------------------------------------------------

    @property
    def table(self) -> ArticleTable:
        """The table of articles."""
        return self.query_one("#articles", ArticleTable)

    @property
    def marked(self) -> list[str]:
        """Ids of the marked articles, oldest first."""
        return list(self.table.marks)

    @property
    def browse_order(self) -> tuple[str, ...]:
        """Ids of the articles as the table lists them now: the order ] and [ step through in a comparison."""
        return tuple(a.id for a in self.table.browse_order)

    def current_article(self) -> Article | None:
        """The article under the cursor (``None`` on an error row or a heading)."""
        return self.table.current_article()

    def current_story(self) -> Story | None:
        """The story under the cursor: its heading's, or the article's."""
        return self.table.current_story()

    def _current_error(self) -> LoadError | None:
        return self.table.current_error()

    def _show_preview(self) -> None:
        table = self.table
        article = table.current_article()
        self.query_one(ArticlePreview).show(
            table.current,
            table.story_of(article) if article is not None else None,
            reading=self.session.reading,
            empty=not self.session.library.articles,
        )

    @on(ArticleTable.Filled)
    def _filled(self) -> None:
        self._show_progress()
        self._show_preview()

    @on(ArticleTable.Highlighted)
    def _row_highlighted(self) -> None:
        self._show_preview()
        self._say_likely_pair()

    def _say_likely_pair(self) -> None:
        """Tell the app which pair ``c`` would compare, so that it can be ready before ``c``."""
        if not self.marked:
            return
        pair = self.pair_to_compare()
        if not isinstance(pair, str):
            self.post_message(ComparisonLikely(*pair))

    @on(DataTable.RowSelected, "#articles")
    def _row_selected(self) -> None:
        article = self.current_article()
        error = self._current_error()
        if self.table.on_heading:
            self._compare_story()
        elif article is not None:
            self.post_message(OpenArticle(article, order=self.browse_order))
        elif error is not None:
            self.notify(printable(error.reason), title="Cannot read this file", severity="error", markup=False)

    @on(DataTable.HeaderSelected, "#articles")
    def _header_selected(self, event: DataTable.HeaderSelected) -> None:
        column = str(event.column_key.value)
        if column not in SORT_COLUMNS:
            return
        if column == self.sort_column:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_column = column

    def action_cursor(self, where: str) -> None:
        """Move the table's cursor: ``down``, ``up``, ``top`` or ``bottom``."""
        table = self.table
        {
            "down": table.action_cursor_down,
            "up": table.action_cursor_up,
            "top": table.action_scroll_top,
            "bottom": table.action_scroll_bottom,
        }[where]()

    def action_open_web(self) -> None:
        """Open the web address of the article under the cursor."""
        open_web_address(self, self.current_article())

    # -- filter -------------------------------------------------------------

    def action_filter(self) -> None:
        """Show the filter box and type into it."""
        box = self.query_one("#filter", Input)
        box.display = True
        self.set_focus(box)  # now, not after the next refresh as focus() would

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.set_focus(self.table)

    def action_clear_filter(self) -> None:
        """Clear and hide the filter box."""
        box = self.query_one("#filter", Input)
        box.value = ""
        box.display = False
        self.filter_text = ""
        self.set_focus(self.table)

    # -- marks, sort, compare -----------------------------------------------

    def action_toggle_mark(self) -> None:
        """Mark or unmark the article under the cursor."""
        article = self.current_article()
        if article is None:
            if (error := self._current_error()) is not None:
                self.notify(f"{printable(error.path.name)} cannot be read ({printable(error.reason)}), so it cannot be marked.", timeout=3)
            return
        self.table.toggle_mark(article)
        self._say_likely_pair()

    def action_unmark_all(self) -> None:
        """Unmark every article."""
        if not self.marked:
            self.notify("No article is marked.", timeout=2)
            return
        count = len(self.marked)
        self.table.marks = ()
        self.notify(f"{count} unmarked.", timeout=2)

    def action_sort(self) -> None:
        """Sort by the next column on screen."""
        columns = [c for c in SORT_COLUMNS if c in self.table.layout_columns()[0]] or list(SORT_COLUMNS)
        here = columns.index(self.sort_column) if self.sort_column in columns else -1
        self.sort_column = columns[(here + 1) % len(columns)]

    def action_reverse(self) -> None:
        """Reverse the order of the rows."""
        self.sort_reverse = not self.sort_reverse

    def pair_to_compare(self) -> tuple[Article, Article] | str:
        """The two articles ``c`` would compare, or why there are none."""
        marked = self.table.marked_articles()
        if len(marked) == 2:
            return marked[0], marked[1]
        if len(marked) > 2:
            return "More than two are marked: c reads the first against all the others."
        current = self.current_article()
        if len(marked) == 1 and current is not None and current.id != marked[0].id:
            return marked[0], current
        if len(marked) == 1 and (error := self._current_error()) is not None:
            return f"{printable(error.path.name)} cannot be read ({printable(error.reason)}): move the cursor to another article to compare with."
        if len(marked) == 1:
            return "Move the cursor to a second article, or mark it with space."
        return self._none_listed() or "Mark an article with space, then move to another and press c."

    def action_compare(self) -> None:
        """Compare the two marked articles, or the marked one and the one under the cursor; three or more, the first against all."""
        marked = self.table.marked_articles()
        if len(marked) > 2:
            self.post_message(OpenOutlets(marked, order=self.browse_order))
            return
        if len(marked) < 2 and self.table.on_heading:
            self._compare_story()  # as the heading's preview says, whatever one article is marked
            return
        pair = self.pair_to_compare()
        if isinstance(pair, str):
            self.notify(pair, title="Compare", markup=False)
            return
        self.post_message(OpenComparison(*pair, order=self.browse_order))

    def _story_in_order(self, story: Story) -> tuple[Article, ...]:
        """A story's articles in the order the library shows them (the one under the cursor first, when it is one)."""
        ids = {a.id for a in story.articles}
        by_id = {a.id: a for a in story.articles}
        order = [by_id[i] for i in self.browse_order if i in ids]
        order += [a for a in story.articles if a.id not in {o.id for o in order}]
        current = self.current_article()
        if current is not None and current.id in ids:
            order = [current, *(a for a in order if a.id != current.id)]
        return tuple(order)

    def _compare_story(self) -> None:
        """Read the story under the cursor one against all: its first article in the list against the others."""
        story = self.current_story()
        if story is None:
            self.notify("These articles share their story with no other: mark some and press c.", title="Compare")
            return
        articles = self._story_in_order(story)
        if len(articles) == 2:
            self.post_message(OpenComparison(*articles, order=self.browse_order))
        else:
            self.post_message(OpenOutlets(articles, order=self.browse_order))

    def story_articles(self) -> tuple[Article, ...] | str:
        """The sources ``t`` sets side by side: the marked ones when two or more are, else the story under the cursor's; or why none."""
        marked = self.table.marked_articles()
        if len(marked) >= 2:
            return marked
        if self.current_article() is None and not self.table.on_heading:
            if self._current_error() is not None:
                return "The cursor is on a file that cannot be read (Enter says why): move it to an article, or mark two or more."
            return self._none_listed() or "There are no articles to compare."
        if self.session.stories is None:
            return "Still finding which articles tell the same story; mark two or more to see their facts now."
        story = self.current_story()
        if story is None:
            return "This article shares its story with no other in the folder: mark two or more articles to see their facts side by side."
        return self._story_in_order(story)

    def _none_listed(self) -> str | None:
        """Why no article is listed, when none is: the folder has none, or the filter hides them all."""
        if self.current_article() is not None or self.table.row_count:
            return None
        if not self.session.library.articles:
            return "There are no articles to compare." if not self.session.reading else "The folder is still being read."
        return "No article matches the filter: Esc clears it."

    def action_story(self) -> None:
        """Show who reports what: every fact of the story under the cursor (or of the marked articles) against every source."""
        articles = self.story_articles()
        if isinstance(articles, str):
            self.notify(articles, title="Story", markup=False)
            return
        self.post_message(OpenCoverage(articles))

    @on(ShowCoverage)
    def _show_coverage(self, message: ShowCoverage) -> None:
        message.stop()
        self.action_story()

    @on(CompareWith)
    def _compare_with(self, message: CompareWith) -> None:
        """Compare the article under the cursor with the one the palette named."""
        message.stop()
        pair = self.session.pair_with(self.current_article(), message.article)
        if pair is None:
            self.notify("There is no other article to compare with.")
        else:
            self.post_message(OpenComparison(*pair, order=self.browse_order))

    def action_toggle_grouped(self) -> None:
        """List the articles under a heading per story, or flat."""
        self.grouped = not self.grouped
        if self.session.stories is None:
            self.notify("Still finding which articles tell the same story: they are grouped when found.", timeout=3)

    def action_only_story(self) -> None:
        """Show only the story under the cursor, through the filter."""
        story = self.current_story()
        if story is None:
            self.notify("The cursor is on no story: an article in a story, or a story's heading.", timeout=3)
            return
        box = self.query_one("#filter", Input)
        box.value = f"{STORY_FILTER}{story.id}"
        box.display = True
        self.filter_text = box.value
        self.set_focus(self.table)
