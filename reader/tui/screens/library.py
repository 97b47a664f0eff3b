"""The first screen: every article in a table, with a preview, a filter and marks."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static

from reader.core import Article, LoadError
from reader.tui.messages import ComparisonLikely, OpenArticle, OpenComparison, OpenOutlets
from reader.tui.screens.story import StoryScreen
from reader.tui.session import Session
from reader.tui.widgets import KeyBar, Table
from reader.view.printable import one_line, printable

#: Columns that can be sorted, with their headings and sort keys.
SORT_COLUMNS: tuple[str, ...] = ("source", "title", "date", "words", "sentences", "file")
_HEADINGS = {"source": "Source", "title": "Title", "date": "Date", "words": "Words", "sentences": "Sentences", "file": "File"}
#: Widths of the columns other than the title, which takes the rest; room for the sort arrow in each.
COLUMN_WIDTHS = {"source": 16, "title": 0, "date": 10, "words": 7, "sentences": 11, "file": 16}
#: Below these widths the file's name, then the count of sentences, are left to the preview, so that titles keep their room.
FILE_COLUMN_FROM = 110
SENTENCES_COLUMN_FROM = 90
#: Characters of article text shown in the preview: enough to fill a tall pane.
PREVIEW_CHARS = 4000


def _paragraphs(article: Article, limit: int) -> str:
    """The article's sentences as its paragraphs, up to about ``limit`` characters."""
    out: list[str] = []
    used = 0
    previous = None
    for sentence in article.sentences:
        if previous is not None:
            out.append("\n\n" if "\n" in article.text[previous.end : sentence.start] else " ")
        out.append(" ".join(sentence.text.split()))
        used += len(sentence.text)
        previous = sentence
        if used >= limit:
            out.append(" …")
            break
    return "".join(out)


def _sort_value(article: Article, column: str) -> tuple[object, ...]:
    values: dict[str, object] = {
        # Articles of unknown outlet sort after the known ones.
        "source": (not article.source, article.source.casefold()),
        "file": article.path.name.casefold(),
        "title": article.title.casefold(),
        "date": article.date or "",
        "words": article.word_count,
        "sentences": len(article.sentences),
    }
    return (values[column], article.id)



class LibraryScreen(Screen[None]):
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
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | enter | Read the article under the cursor. |
    | / | Filter the articles as you type: outlet, title, file, date or text. |
    | space | Mark or unmark the article under the cursor. |
    | u | Unmark every article. |
    | c | Compare the two marked articles, or the marked one and the one under the cursor. |
    | t | The story: every fact against every source (the marked ones when two or more are). |
    | s | Sort by the next column. |
    | r | Reverse the sort. |
    | escape | Clear the filter. |
    | j / k | Next / previous row (also the arrows). |
    | g, home / G, end | First / last row. |
    """

    #: What enter on a row does, for help (the table calls it "Select").
    ENTER_DOES = "Read the article under the cursor"

    sort_column: reactive[str] = reactive("source", init=False)
    """The column the rows are sorted by."""
    sort_reverse: reactive[bool] = reactive(False, init=False)
    """Whether the sort is descending."""
    filter_text: reactive[str] = reactive("", init=False)
    """Rows shown must contain this text (case-insensitive)."""


    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.marked: list[str] = []
        """Ids of the marked articles, oldest first."""
        self._haystacks: dict[str, tuple[Article, str]] = {}
        self._shown = 0

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Filter: type to narrow the list, Enter to keep, Esc to clear", id="filter")
        with Container(id="library-body"):
            table = Table(id="articles", cursor_type="row", zebra_stripes=True)
            yield table
            yield Static(id="preview")
        yield KeyBar()

    def on_mount(self) -> None:
        self._show_progress()
        self.query_one("#filter", Input).display = False
        self._rebuild()
        self.call_after_refresh(self._rebuild)
        self.query_one("#articles", DataTable).focus()

    def library_changed(self) -> None:
        """More of the library was read in the background: show it."""
        self._show_progress()
        self._rebuild()

    def progress_changed(self) -> None:
        """The folder's reading or a fetch from the web has moved on: say how far."""
        self._show_progress()

    def _show_progress(self) -> None:
        unread = len(self.session.unread)
        if unread:
            title = f"Library · reading {unread:,} more files…"
        else:
            title = "Library · reading the folder…" if self.session.reading else "Library"
        if self.filter_text:
            title += f" · {self._shown:,} of {len(self.session.library.articles):,} match"
        if self.marked:
            title += f" · {len(self.marked)} marked (u unmarks)"
        self.sub_title = f"{title} · {self.session.fetching}" if self.session.fetching else title

    # -- the table ----------------------------------------------------------

    @property
    def table(self) -> DataTable[Text]:
        """The table of articles."""
        return self.query_one("#articles", DataTable)

    def _searchable(self, article: Article) -> str:
        """What the filter looks in: outlet, title, file, date and the text, case folded once."""
        found = self._haystacks.get(article.id)
        if found is None or found[0] is not article:
            text = f"{article.source}\n{article.title}\n{article.path.name}\n{article.date or ''}\n{article.text}"
            found = self._haystacks[article.id] = (article, text.casefold())
        return found[1]

    def _visible_articles(self) -> list[Article]:
        needle = self.filter_text.casefold()
        articles = [a for a in self.session.library.articles if not needle or needle in self._searchable(a)]
        articles.sort(key=lambda a: _sort_value(a, self.sort_column), reverse=self.sort_reverse)
        return articles

    def _visible_errors(self) -> list[tuple[int, LoadError]]:
        needle = self.filter_text.casefold()
        return [
            (n, e) for n, e in enumerate(self.session.library.errors) if not needle or needle in str(e).casefold()
        ]

    def _columns(self) -> tuple[str, ...]:
        width = self.table.size.width or self.app.size.width
        hidden = {"file"} if width < FILE_COLUMN_FROM else set()
        if width < SENTENCES_COLUMN_FROM:
            hidden.add("sentences")
        return tuple(c for c in SORT_COLUMNS if c not in hidden)

    def _title_width(self, columns: tuple[str, ...]) -> int:
        fixed = sum(COLUMN_WIDTHS[column] for column in columns if column != "title")
        width = self.table.size.width or self.app.size.width
        # Each column has one cell of padding either side; keep room for the scrollbar.
        return max(12, width - fixed - 2 * (len(columns) + 1) - 1 - 2)

    def _rebuild(self) -> None:
        table = self.table
        current = self.current_key()
        table.clear(columns=True)
        table.add_column(" ", key="mark", width=1)
        columns = self._columns()
        for column in columns:
            label = _HEADINGS[column]
            if column == self.sort_column:
                label += " ▼" if self.sort_reverse else " ▲"
            width = self._title_width(columns) if column == "title" else COLUMN_WIDTHS[column]
            justify = "right" if column in {"words", "sentences"} else "left"
            table.add_column(Text(label, justify=justify), key=column, width=width)  # type: ignore[arg-type]
        shown = self._visible_articles()
        self._shown = len(shown)
        for article in shown:
            mark = Text("●", "bold") if article.id in self.marked else Text(" ")
            cells = {
                "source": Text(one_line(article.source), overflow="ellipsis", no_wrap=True)
                if article.source
                else Text("unknown", "dim italic"),
                "title": Text(one_line(article.title), overflow="ellipsis", no_wrap=True),
                "date": Text(one_line(article.date or "—"), "dim" if not article.date else ""),
                "words": Text(str(article.word_count), justify="right"),
                "sentences": Text(str(len(article.sentences)), justify="right"),
                "file": Text(printable(article.path.name), "dim", overflow="ellipsis", no_wrap=True),
            }
            table.add_row(mark, *(cells[c] for c in columns), key=f"article:{article.id}")
        for number, error in self._visible_errors():
            cells = {
                "source": Text("unreadable", "red"),
                "title": Text(one_line(f"{error.path.name}: {error.reason}"), "red", overflow="ellipsis", no_wrap=True),
                "date": Text("—", "dim"),
                "file": Text(printable(error.path.name), "dim", overflow="ellipsis", no_wrap=True),
            }
            table.add_row(Text("!", "bold red"), *(cells.get(c, Text("")) for c in columns), key=f"error:{number}")
        self.session.browse_order = tuple(a.id for a in shown)
        self._show_progress()
        if current is not None and current in table.rows:
            table.move_cursor(row=table.get_row_index(current), animate=False)
        self._update_preview()

    def on_resize(self) -> None:
        self.call_after_refresh(self._rebuild)

    def current_key(self) -> str | None:
        """The key of the row under the cursor."""
        table = self.table
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def current_article(self) -> Article | None:
        """The article under the cursor (``None`` on an error row)."""
        key = self.current_key()
        if key is None or not key.startswith("article:"):
            return None
        return self.session.article_by_id(key.removeprefix("article:"))

    def _current_error(self) -> LoadError | None:
        key = self.current_key()
        if key is None or not key.startswith("error:"):
            return None
        return self.session.library.errors[int(key.removeprefix("error:"))]

    def _update_preview(self) -> None:
        preview = self.query_one("#preview", Static)
        article = self.current_article()
        error = self._current_error()
        text = Text()
        if article is not None:
            text.append(one_line(article.title) + "\n", "bold")
            text.append(one_line(article.source), "italic")
            text.append(f" · {one_line(article.date or 'no date')} · {article.word_count} words · {len(article.sentences)} sentences\n", "dim")
            text.append(printable(article.path.name) + "\n\n", "dim")
            text.append(printable(_paragraphs(article, PREVIEW_CHARS)))
        elif error is not None:
            text.append("Cannot read this file\n", "bold red")
            text.append(printable(str(error.path)) + "\n\n", "dim")
            text.append(printable(error.reason))
        elif self.session.reading:
            text.append("Reading the folder…", "italic")
        elif not self.session.library.articles:
            text.append("No articles found.", "italic")
        else:
            text.append("No article matches the filter.", "italic")
        preview.update(text)

    @on(DataTable.RowHighlighted, "#articles")
    def _row_highlighted(self) -> None:
        self._update_preview()
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
        if article is not None:
            self.post_message(OpenArticle(article))
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

    def watch_sort_column(self) -> None:
        self._rebuild()

    def watch_sort_reverse(self) -> None:
        self._rebuild()

    def watch_filter_text(self) -> None:
        self._rebuild()

    def action_cursor(self, where: str) -> None:
        """Move the table's cursor: ``down``, ``up``, ``top`` or ``bottom``."""
        table = self.table
        {
            "down": table.action_cursor_down,
            "up": table.action_cursor_up,
            "top": table.action_scroll_top,
            "bottom": table.action_scroll_bottom,
        }[where]()

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
            return
        if article.id in self.marked:
            self.marked.remove(article.id)
        else:
            self.marked.append(article.id)
        self._rebuild()
        self._say_likely_pair()

    def action_unmark_all(self) -> None:
        """Unmark every article."""
        if not self.marked:
            self.notify("No article is marked.", timeout=2)
            return
        count = len(self.marked)
        self.marked.clear()
        self._rebuild()
        self.notify(f"{count} unmarked.", timeout=2)

    def action_sort(self) -> None:
        """Sort by the next column."""
        self.sort_column = SORT_COLUMNS[(SORT_COLUMNS.index(self.sort_column) + 1) % len(SORT_COLUMNS)]

    def action_reverse(self) -> None:
        """Reverse the order of the rows."""
        self.sort_reverse = not self.sort_reverse

    def pair_to_compare(self) -> tuple[Article, Article] | str:
        """The two articles ``c`` would compare, or why there are none."""
        marked = [a for a in (self.session.article_by_id(i) for i in self.marked) if a is not None]
        if len(marked) == 2:
            return marked[0], marked[1]
        if len(marked) > 2:
            return "More than two are marked: c reads the first against all the others."
        current = self.current_article()
        if len(marked) == 1 and current is not None and current.id != marked[0].id:
            return marked[0], current
        if len(marked) == 1:
            return "Move the cursor to a second article, or mark it with space."
        return "Mark an article with space, then move to another and press c."

    def action_compare(self) -> None:
        """Compare the two marked articles, or the marked one and the one under the cursor; three or more, the first against all."""
        marked = tuple(a for a in (self.session.article_by_id(i) for i in self.marked) if a is not None)
        if len(marked) > 2:
            self.post_message(OpenOutlets(marked))
            return
        pair = self.pair_to_compare()
        if isinstance(pair, str):
            self.notify(pair, title="Compare", markup=False)
            return
        self.post_message(OpenComparison(*pair))

    def story_articles(self) -> tuple[Article, ...]:
        """The sources ``t`` sets side by side: the marked ones when two or more are, else all."""
        marked = tuple(a for a in (self.session.article_by_id(i) for i in self.marked) if a is not None)
        return marked if len(marked) >= 2 else self.session.library.articles

    def action_story(self) -> None:
        """Show who reports what: every fact of the articles against every source."""
        articles = self.story_articles()
        if not articles:
            self.notify("There are no articles to compare.", title="Story")
            return
        self.app.push_screen(StoryScreen(articles, self.session))
