"""The library's table: every article of a folder, filtered, sorted, marked, flat or under a heading per story."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

from reader.core import Article, LoadError
from reader.core.reading.articles import Library
from reader.tui.widgets.table import Table
from reader.view.marks import LIBRARY_MARKS
from reader.view.printable import one_line, printable

if TYPE_CHECKING:
    from reader.core.stories import Stories, Story

#: Columns that can be sorted, with their headings and sort keys.
SORT_COLUMNS: tuple[str, ...] = ("source", "title", "story", "date", "words", "sentences", "file")
_HEADINGS = {"source": "Source", "title": "Title", "story": "Story", "date": "Date", "words": "Words", "sentences": "Sentences", "file": "File"}
#: Widths of the columns other than the title, which takes the rest; room for the sort arrow in each.
COLUMN_WIDTHS = {"source": 16, "title": 0, "story": 20, "date": 10, "words": 7, "sentences": 11, "file": 16}
#: The title's least width before other columns give way, in this order (``story``: its label cut to the narrow width).
TITLE_LEAST = 34
#: The title's width below which whole columns go, so that none is cut at the screen's edge.
TITLE_NARROWEST = 12
GIVE_WAY = ("file", "sentences", "story", "words")
NARROW_STORY_WIDTH = 12
#: What the filter box takes to narrow the list to one story: ``story:`` then words of its label, or its id.
STORY_FILTER = "story:"


@dataclass(frozen=True, slots=True)
class StoryHeading:
    """The heading over a story's articles when the table is grouped; ``story`` ``None`` heads the articles in none."""

    story: Story | None


#: What a row shows: an article, a file that could not be read, or a story's heading.
Subject = Article | LoadError | StoryHeading


def sort_value(article: Article, column: str, stories: Stories | None = None) -> tuple[object, ...]:
    """The key an article sorts by in a column; its id breaks ties."""
    if column == "story":
        # Largest story first, as the grouped view lists them; articles in no story last.
        story = stories.story_of(article.id) if stories is not None else None
        rank = stories.stories.index(story) if stories is not None and story is not None else len(stories.stories if stories else ())
        return ((story is None, rank), article.id)
    values: dict[str, object] = {
        "source": article.source.casefold(),
        "file": article.path.name.casefold(),
        "title": article.title.casefold(),
        "date": article.date or "",
        "words": article.word_count,
        "sentences": len(article.sentences),
    }
    return (values[column], article.id)


def unknown_in(article: Article, column: str) -> bool:
    """Whether the article has no value in the column it is sorted by (no date, no known outlet): such rows come last."""
    return column == "date" and not article.date or column == "source" and not article.source


class ArticleTable(Table):
    """The articles and unreadable files of a library, one per row; it fills itself whenever what it shows changes.

    Each row's key maps to the subject it shows (:attr:`subjects`); moving
    the cursor posts :class:`ArticleTable.Highlighted` with it.
    """

    library: reactive[Library] = reactive(Library((), ()), init=False, always_update=True)
    """The articles and the unreadable files to list."""
    stories: reactive[Stories | None] = reactive(None, init=False, always_update=True)
    """Which articles tell the same story, once found."""
    filter_text: reactive[str] = reactive("", init=False)
    """Rows shown must contain this text (case-insensitive); ``story:`` and words of a label, that story's."""
    sort_column: reactive[str] = reactive("source", init=False)
    """The column the rows are sorted by."""
    sort_reverse: reactive[bool] = reactive(False, init=False)
    """Whether the sort is descending."""
    grouped: reactive[bool] = reactive(False, init=False)
    """Whether the articles are listed under a heading per story."""
    marks: reactive[tuple[str, ...]] = reactive((), init=False)
    """Ids of the marked articles, oldest first."""
    updated: reactive[tuple[frozenset[Path], frozenset[Path]]] = reactive((frozenset(), frozenset()), init=False)
    """The files the last ``reader update`` made and changed (resolved): marked + and Δ."""
    changed_since_opened: reactive[frozenset[Path]] = reactive(frozenset(), init=False)
    """The files of articles opened before whose newest version is newer than the one last opened (resolved): marked ↻."""
    since: reactive[bool] = reactive(False, init=False)
    """Whether only what the last update made or changed is listed."""

    class Highlighted(Message):
        """The cursor rests on another row: what it shows, or ``None`` when the table is empty."""

        def __init__(self, table: ArticleTable, subject: Subject | None) -> None:
            super().__init__()
            self.table = table
            self.subject = subject

        @property
        def control(self) -> ArticleTable:
            return self.table

    class Filled(Message):
        """The table was filled again: the rows, their order or the marks changed."""

    def __init__(self, library: Library, stories: Stories | None, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.set_reactive(ArticleTable.library, library)
        self.set_reactive(ArticleTable.stories, stories)
        self.subjects: dict[RowKey, Subject] = {}
        """What each row shows, by its key."""
        self.browse_order: tuple[Article, ...] = ()
        """The articles as the table lists them now, filtered, sorted and grouped."""
        self.shown = 0
        """How many articles the filter keeps."""
        self._haystacks: dict[str, tuple[Article, str]] = {}

    def on_mount(self) -> None:
        self.fill()
        self.call_after_refresh(self.fill)  # at its width, once laid out

    def on_resize(self) -> None:
        self.call_after_refresh(self.fill)

    def watch_library(self) -> None:
        self.fill()

    def watch_stories(self) -> None:
        self.fill()

    def watch_filter_text(self) -> None:
        self.fill()

    def watch_sort_column(self) -> None:
        self.fill()

    def watch_sort_reverse(self) -> None:
        self.fill()

    def watch_grouped(self) -> None:
        self.fill()

    def watch_marks(self) -> None:
        self.fill()

    def watch_updated(self) -> None:
        self.fill()

    def watch_since(self) -> None:
        self.fill()

    def watch_changed_since_opened(self) -> None:
        self.fill()

    def update_mark(self, article: Article) -> str:
        """ "new" or "changed" when the last update made or changed the article, else ""."""
        new, changed = self.updated
        if not (new or changed):
            return ""
        path = resolved(article.path)
        return "new" if path in new else "changed" if path in changed else ""

    # -- what the cursor is on ------------------------------------------------

    @property
    def current(self) -> Subject | None:
        """What the row under the cursor shows."""
        if not self.row_count:
            return None
        return self.subjects.get(self.coordinate_to_cell_key(self.cursor_coordinate).row_key)

    def current_article(self) -> Article | None:
        """The article under the cursor (``None`` on an error row or a heading)."""
        subject = self.current
        return subject if isinstance(subject, Article) else None

    def current_error(self) -> LoadError | None:
        """The unreadable file under the cursor."""
        subject = self.current
        return subject if isinstance(subject, LoadError) else None

    @property
    def on_heading(self) -> bool:
        """Whether the cursor is on a story's heading."""
        return isinstance(self.current, StoryHeading)

    def current_story(self) -> Story | None:
        """The story under the cursor: its heading's, or the article's."""
        subject = self.current
        if isinstance(subject, StoryHeading):
            return subject.story
        if isinstance(subject, Article) and self.stories is not None:
            return self.stories.story_of(subject.id)
        return None

    def story_of(self, article: Article) -> Story | None:
        """The story an article belongs to, once the stories are found."""
        return self.stories.story_of(article.id) if self.stories is not None else None

    def marked_articles(self) -> tuple[Article, ...]:
        """The marked articles the library still holds, oldest mark first."""
        by_id = {a.id: a for a in self.library.articles}
        return tuple(by_id[i] for i in self.marks if i in by_id)

    def toggle_mark(self, article: Article) -> None:
        """Mark the article, or unmark it."""
        if article.id in self.marks:
            self.marks = tuple(i for i in self.marks if i != article.id)
        else:
            self.marks = (*self.marks, article.id)

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.post_message(self.Highlighted(self, self.subjects.get(event.row_key)))

    # -- which rows -----------------------------------------------------------

    def _searchable(self, article: Article) -> str:
        """What the filter looks in: outlet, title, file, date and the text, case folded once."""
        found = self._haystacks.get(article.id)
        if found is None or found[0] is not article:
            text = f"{article.source}\n{article.title}\n{article.path.name}\n{article.date or ''}\n{article.text}"
            found = self._haystacks[article.id] = (article, text.casefold())
        return found[1]

    def _matches(self, article: Article, needle: str) -> bool:
        """Whether the filter keeps the article: its text, or with ``story:``, its story's label or id."""
        if not needle:
            return True
        story = self.story_of(article)
        if needle.startswith(STORY_FILTER):
            wanted = needle.removeprefix(STORY_FILTER).strip()
            return story is not None and (not wanted or wanted == story.id.casefold() or wanted in story.label.casefold())
        return needle in self._searchable(article) or (story is not None and needle in story.label.casefold())

    def _visible_articles(self) -> list[Article]:
        needle = self.filter_text.casefold().strip()
        articles = [a for a in self.library.articles if self._matches(a, needle) and (not self.since or self.update_mark(a))]
        stories = self.stories
        articles.sort(key=lambda a: sort_value(a, self.sort_column, stories), reverse=self.sort_reverse)
        articles.sort(key=lambda a: unknown_in(a, self.sort_column))  # either way round, the blanks last
        return articles

    def _visible_errors(self) -> list[tuple[int, LoadError]]:
        needle = self.filter_text.casefold()
        return [(n, e) for n, e in enumerate(self.library.errors) if not needle or needle in str(e).casefold()]

    def _has_stories(self) -> bool:
        """Whether the folder holds a story of two or more articles: then the Story column says which."""
        return self.stories is not None and bool(self.stories.stories)

    def layout_columns(self) -> tuple[tuple[str, ...], dict[str, int]]:
        """The columns shown and their widths: the title keeps room to be read, the rest give way in turn.

        The file's name goes first, then the count of sentences, then the
        story's label is cut shorter, then the count of words; the preview
        shows them all.
        """
        width = self.size.width or self.app.size.width
        stories = self._has_stories() and not self.grouped  # the grouped view names each story in its heading
        columns = [c for c in SORT_COLUMNS if c != "story" or stories]
        widths = dict(COLUMN_WIDTHS)

        def title(shown: list[str]) -> int:
            fixed = sum(widths[c] for c in shown if c != "title")
            # Each column has one cell of padding either side; the mark's column, and room for the scrollbar.
            return width - fixed - 2 * (len(shown) + 1) - 1 - 2

        for step in GIVE_WAY:
            if title(columns) >= TITLE_LEAST:
                break
            if step == "story" and "story" in columns:
                widths["story"] = NARROW_STORY_WIDTH
            elif step in columns:
                columns.remove(step)
        for column in ("story", "date"):
            if title(columns) < TITLE_NARROWEST and column in columns:
                columns.remove(column)  # a column cut at the screen's edge ("2025-10-") says less than none
        widths["title"] = max(TITLE_NARROWEST, title(columns))
        return tuple(columns), widths

    # -- filling --------------------------------------------------------------

    def fill(self) -> None:
        """List the rows again, the cursor kept on the row it was on."""
        current = self.coordinate_to_cell_key(self.cursor_coordinate).row_key if self.row_count else None
        self.clear(columns=True)
        self.subjects = {}
        self.add_column(" ", key="mark", width=1)
        columns, widths = self.layout_columns()
        for column in columns:
            label = _HEADINGS[column]
            if column == self.sort_column:
                label += " ▼" if self.sort_reverse else " ▲"
            justify = "right" if column in {"words", "sentences"} else "left"
            self.add_column(Text(label, justify=justify), key=column, width=widths[column])  # type: ignore[arg-type]
        shown = self._visible_articles()
        self.shown = len(shown)
        if self.grouped and self.stories is not None:
            shown = self._add_grouped(columns, shown, self.stories)
        else:
            for article in shown:
                self._add_article(columns, article)
        for number, error in self._visible_errors():
            self._add_error(columns, number, error)
        self.browse_order = tuple(shown)
        if current is not None and current in self.rows:
            self.move_cursor(row=self.get_row_index(current), animate=False)
        self.post_message(self.Filled())

    def _add(self, cells: list[Text], key: str, subject: Subject) -> None:
        self.subjects[self.add_row(*cells, key=key)] = subject

    def _add_grouped(self, columns: tuple[str, ...], shown: list[Article], stories: Stories) -> list[Article]:
        """A heading per story, largest first, each over its articles; then the articles in no story. Returns the order shown."""
        members: dict[str, list[Article]] = {}
        alone: list[Article] = []
        for article in shown:
            story = stories.story_of(article.id)
            if story is None:
                alone.append(article)
            else:
                members.setdefault(story.id, []).append(article)
        order: list[Article] = []
        groups: list[tuple[Story | None, list[Article]]] = [(story, members[story.id]) for story in stories.stories if story.id in members]
        if alone:
            groups.append((None, alone))
        for story, articles in groups:
            label = one_line(story.label) if story is not None else "In no story with another article"
            cells = {column: Text("") for column in columns}
            cells["source"] = Text(f"▾ {len(articles)} {'article' if len(articles) == 1 else 'articles'}", "dim")
            cells["title"] = Text(label, "bold", no_wrap=True, overflow="ellipsis")
            key = f"story:{story.id}" if story is not None else "story:"
            self._add([Text(""), *(cells[c] for c in columns)], key, StoryHeading(story))
            for article in articles:
                self._add_article(columns, article)
            order.extend(articles)
        return order

    def _add_article(self, columns: tuple[str, ...], article: Article) -> None:
        """One article's row."""
        if article.id in self.marks:
            kind = "marked"
        elif self.changed_since_opened and resolved(article.path) in self.changed_since_opened:
            kind = "changed-since-opened"
        else:
            kind = self.update_mark(article)
        mark = Text(LIBRARY_MARKS[kind].symbol, LIBRARY_MARKS[kind].style) if kind else Text(" ")
        story = self.story_of(article)
        cells = {
            "source": Text(one_line(article.source), overflow="ellipsis", no_wrap=True) if article.source else Text("unknown", "dim italic"),
            "title": Text(one_line(article.title), overflow="ellipsis", no_wrap=True),
            "date": Text(one_line(article.date or "—"), "dim" if not article.date else ""),
            "words": Text(str(article.word_count), justify="right"),
            "sentences": Text(str(len(article.sentences)), justify="right"),
            "file": Text(printable(article.path.name), "dim", overflow="ellipsis", no_wrap=True),
            "story": Text(one_line(story.label), overflow="ellipsis", no_wrap=True) if story is not None else Text("—", "dim"),
        }
        self._add([mark, *(cells[c] for c in columns)], f"article:{article.id}", article)

    def _add_error(self, columns: tuple[str, ...], number: int, error: LoadError) -> None:
        """An unreadable file's row: why it could not be read."""
        cells = {
            "source": Text("unreadable", "red"),
            "title": Text(one_line(f"{error.path.name}: {error.reason}"), "red", overflow="ellipsis", no_wrap=True),
            "date": Text("—", "dim"),
            "file": Text(printable(error.path.name), "dim", overflow="ellipsis", no_wrap=True),
        }
        unreadable = LIBRARY_MARKS["unreadable"]
        self._add([Text(unreadable.symbol, unreadable.style), *(cells.get(c, Text("")) for c in columns)], f"error:{number}", error)


@lru_cache(maxsize=2**16)
def resolved(path: Path) -> Path:
    """A file's path with its links resolved, once: the table asks it of every row at every fill."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()
