"""The first screen: every article in a table, with a preview, a filter and marks."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static

from reader.core import Article, LoadError
from reader.tui.browser import open_web_address
from reader.tui.messages import ComparisonLikely, OpenArticle, OpenComparison, OpenOutlets, OpenVersions
from reader.tui.screens.story import StoryScreen
from reader.tui.session import Session
from reader.tui.widgets import KeyBar, Table
from reader.view.printable import one_line, printable

if TYPE_CHECKING:
    from reader.core.stories import Stories, Story

#: Columns that can be sorted, with their headings and sort keys.
SORT_COLUMNS: tuple[str, ...] = ("source", "title", "story", "date", "words", "sentences", "file")
_HEADINGS = {"source": "Source", "title": "Title", "story": "Story", "date": "Date", "words": "Words", "sentences": "Sentences",
             "file": "File"}
#: Widths of the columns other than the title, which takes the rest; room for the sort arrow in each.
COLUMN_WIDTHS = {"source": 16, "title": 0, "story": 20, "date": 10, "words": 7, "sentences": 11, "file": 16}
#: The title's least width before other columns give way, in this order (``story``: its label cut to the narrow width).
TITLE_LEAST = 34
GIVE_WAY = ("file", "sentences", "story", "words")
NARROW_STORY_WIDTH = 12
#: What the filter box takes to narrow the list to one story: ``story:`` then words of its label, or its id.
STORY_FILTER = "story:"
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


def _sort_value(article: Article, column: str, stories: Stories | None = None) -> tuple[object, ...]:
    if column == "story":
        # Largest story first, as the grouped view lists them; articles in no story last.
        story = stories.story_of(article.id) if stories is not None else None
        rank = stories.stories.index(story) if stories is not None and story is not None else len(stories.stories if stories else ())
        return ((story is None, rank), article.id)
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
        Binding("O", "open_web", "Open in browser", show=False, id="library.open-web", tooltip="Open the article's web address in the browser"),
        Binding("v", "toggle_grouped", "By story", id="library.by-story", tooltip="Group the articles by story, or list them flat"),
        Binding("equals_sign", "only_story", "Only this story", show=False, id="library.only-story",
                tooltip="Only the story under the cursor (filter story:…)"),
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
    | V | The versions of the article under the cursor: when fetched, what changed; Enter compares one with the next. |
    | S | Only what the last `reader update` fetched new (+) or changed (Δ); again, everything. |
    | s | Sort by the next column. |
    | r | Reverse the sort. |
    | escape | Clear the filter. |
    | j / k | Next / previous row (also the arrows). |
    | g, home / G, end | First / last row. |
    """

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
    since: reactive[bool] = reactive(False, init=False)
    """Whether only what the last update made or changed is listed."""


    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.marked: list[str] = []
        """Ids of the marked articles, oldest first."""
        self._haystacks: dict[str, tuple[Article, str]] = {}
        self._shown = 0
        #: What the last ``reader update`` made and changed (resolved paths), read when the library opens and at S.
        self._updated: tuple[frozenset[Path], frozenset[Path]] = _last_update()

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
        if self.since:
            title += " · new or changed since the last update (S shows all)"
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

    def _matches(self, article: Article, needle: str) -> bool:
        """Whether the filter keeps the article: its text, or with ``story:``, its story's label or id."""
        if not needle:
            return True
        story = self.session.story_of(article)
        if needle.startswith(STORY_FILTER):
            wanted = needle.removeprefix(STORY_FILTER).strip()
            return story is not None and (not wanted or wanted == story.id.casefold() or wanted in story.label.casefold())
        return needle in self._searchable(article) or (story is not None and needle in story.label.casefold())

    def _update_mark(self, article: Article) -> str:
        """"new" or "changed" when the last update made or changed the article, else ""."""
        new, changed = self._updated
        if not (new or changed):
            return ""
        path = _resolved(article.path)
        return "new" if path in new else "changed" if path in changed else ""

    def _visible_articles(self) -> list[Article]:
        needle = self.filter_text.casefold().strip()
        articles = [a for a in self.session.library.articles if self._matches(a, needle) and (not self.since or self._update_mark(a))]
        stories = self.session.stories
        articles.sort(key=lambda a: _sort_value(a, self.sort_column, stories), reverse=self.sort_reverse)
        return articles

    def _visible_errors(self) -> list[tuple[int, LoadError]]:
        needle = self.filter_text.casefold()
        return [
            (n, e) for n, e in enumerate(self.session.library.errors) if not needle or needle in str(e).casefold()
        ]

    def _layout(self) -> tuple[tuple[str, ...], dict[str, int]]:
        """The columns shown and their widths: the title keeps room to be read, the rest give way in turn.

        The file's name goes first, then the count of sentences, then the
        story's label is cut shorter, then the count of words; the preview
        shows them all.
        """
        width = self.table.size.width or self.app.size.width
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
        widths["title"] = max(12, title(columns))
        return tuple(columns), widths

    def _columns(self) -> tuple[str, ...]:
        return self._layout()[0]

    def _has_stories(self) -> bool:
        """Whether the folder holds a story of two or more articles: then the Story column says which."""
        return self.session.stories is not None and bool(self.session.stories.stories)

    def _rebuild(self) -> None:
        table = self.table
        current = self.current_key()
        table.clear(columns=True)
        table.add_column(" ", key="mark", width=1)
        columns, widths = self._layout()
        for column in columns:
            label = _HEADINGS[column]
            if column == self.sort_column:
                label += " ▼" if self.sort_reverse else " ▲"
            width = widths[column]
            justify = "right" if column in {"words", "sentences"} else "left"
            table.add_column(Text(label, justify=justify), key=column, width=width)  # type: ignore[arg-type]
        shown = self._visible_articles()
        self._shown = len(shown)
        if self.grouped and self.session.stories is not None:
            shown = self._add_grouped(table, columns, shown)
        else:
            for article in shown:
                self._add_article(table, columns, article)
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

    def _add_grouped(self, table: DataTable[Text], columns: tuple[str, ...], shown: list[Article]) -> list[Article]:
        """A heading per story, largest first, each over its articles; then the articles in no story. Returns the order shown."""
        stories = self.session.stories
        assert stories is not None
        members: dict[str, list[Article]] = {}
        alone: list[Article] = []
        for article in shown:
            story = stories.story_of(article.id)
            if story is None:
                alone.append(article)
            else:
                members.setdefault(story.id, []).append(article)
        order: list[Article] = []
        groups: list[tuple[Story | None, list[Article]]] = [
            (story, members[story.id]) for story in stories.stories if story.id in members
        ]
        if alone:
            groups.append((None, alone))
        for story, articles in groups:
            label = one_line(story.label) if story is not None else "In no story with another article"
            cells = {column: Text("") for column in columns}
            cells["source"] = Text(f"▾ {len(articles)} {'article' if len(articles) == 1 else 'articles'}", "dim")
            cells["title"] = Text(label, "bold", no_wrap=True, overflow="ellipsis")
            key = f"story:{story.id}" if story is not None else "story:"
            table.add_row(Text(""), *(cells[c] for c in columns), key=key)
            for article in articles:
                self._add_article(table, columns, article)
            order.extend(articles)
        return order

    def _add_article(self, table: DataTable[Text], columns: tuple[str, ...], article: Article) -> None:
        """One article's row."""
        updated = self._update_mark(article)
        if article.id in self.marked:
            mark = Text("●", "bold")
        else:
            mark = Text("+", "bold green") if updated == "new" else Text("Δ", "bold yellow") if updated == "changed" else Text(" ")
        story = self.session.story_of(article)
        cells = {
            "source": Text(one_line(article.source), overflow="ellipsis", no_wrap=True)
            if article.source
            else Text("unknown", "dim italic"),
            "title": Text(one_line(article.title), overflow="ellipsis", no_wrap=True),
            "date": Text(one_line(article.date or "—"), "dim" if not article.date else ""),
            "words": Text(str(article.word_count), justify="right"),
            "sentences": Text(str(len(article.sentences)), justify="right"),
            "file": Text(printable(article.path.name), "dim", overflow="ellipsis", no_wrap=True),
            "story": Text(one_line(story.label), overflow="ellipsis", no_wrap=True) if story is not None
            else Text("—", "dim"),
        }
        table.add_row(mark, *(cells[c] for c in columns), key=f"article:{article.id}")

    def on_resize(self) -> None:
        self.call_after_refresh(self._rebuild)

    def current_key(self) -> str | None:
        """The key of the row under the cursor."""
        table = self.table
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def action_open_web(self) -> None:
        """Open the web address of the article under the cursor."""
        open_web_address(self, self.current_article())

    def current_article(self) -> Article | None:
        """The article under the cursor (``None`` on an error row)."""
        key = self.current_key()
        if key is None or not key.startswith("article:"):
            return None
        return self.session.article_by_id(key.removeprefix("article:"))

    def current_story(self) -> Story | None:
        """The story under the cursor: its heading's, or the article's."""
        key = self.current_key()
        stories = self.session.stories
        if key is None or stories is None:
            return None
        if key.startswith("story:"):
            wanted = key.removeprefix("story:")
            return next((s for s in stories.stories if s.id == wanted), None)
        article = self.current_article()
        return stories.story_of(article.id) if article is not None else None

    def _on_heading(self) -> bool:
        key = self.current_key()
        return key is not None and key.startswith("story:")

    def stories_changed(self) -> None:
        """The stories of the folder were found: show them."""
        self._rebuild()

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
        story = self.current_story() if self._on_heading() else None
        if self._on_heading():
            self._story_preview(text, story)
        elif article is not None:
            text.append(one_line(article.title) + "\n", "bold")
            text.append(one_line(article.source), "italic")
            text.append(f" · {one_line(article.date or 'no date')} · {article.word_count} words · {len(article.sentences)} sentences\n", "dim")
            text.append(printable(article.path.name) + "\n\n", "dim")
            text.append(printable(_paragraphs(article, PREVIEW_CHARS)))
            story = self.session.story_of(article)
            if story is not None:
                text.append(f"\n\nStory: {one_line(story.label)} · {len(story.articles)} articles", "dim")
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

    def _story_preview(self, text: Text, story: Story | None) -> None:
        if story is None:
            text.append("In no story with another article\n", "bold")
            text.append("These articles share their story with no other in the folder.", "dim")
            return
        text.append(one_line(story.label) + "\n", "bold")
        text.append(f"{len(story.articles)} articles · story {story.id}\n\n", "dim")
        for article in story.articles:
            text.append("• ")
            text.append(one_line(article.label), "italic")
            text.append(f" — {one_line(article.title)}\n")
        text.append("\nc or enter: read them one against all · t: their facts · =: only this story", "dim")

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
        if self._on_heading():
            self._compare_story()
        elif article is not None:
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

    def watch_since(self) -> None:
        self._show_progress()
        self._rebuild()

    def action_since(self) -> None:
        """Only what the last update made or changed, or everything again."""
        if not self.since:
            self._updated = _last_update()
            if not any(self._updated):
                self.notify("No update has made or changed an article yet: reader update fetches the feeds you follow.", timeout=4)
                return
        self.since = not self.since

    def action_versions(self) -> None:
        """Open the versions of the article under the cursor."""
        from reader.web.versions import versions

        article = self.current_article()
        if article is None:
            self.notify("The cursor is on no article.", timeout=3)
            return
        if len(versions(article.path)) < 2:
            self.notify("This article has one version: it has not changed since it was fetched.", timeout=3)
            return
        self.post_message(OpenVersions(article))

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
        """Sort by the next column on screen."""
        columns = [c for c in SORT_COLUMNS if c in self._columns()] or list(SORT_COLUMNS)
        here = columns.index(self.sort_column) if self.sort_column in columns else -1
        self.sort_column = columns[(here + 1) % len(columns)]

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
        if not marked and self._on_heading():
            self._compare_story()
            return
        pair = self.pair_to_compare()
        if isinstance(pair, str):
            self.notify(pair, title="Compare", markup=False)
            return
        self.post_message(OpenComparison(*pair))

    def _story_in_order(self, story: Story) -> tuple[Article, ...]:
        """A story's articles in the order the library shows them (the one under the cursor first, when it is one)."""
        ids = {a.id for a in story.articles}
        by_id = {a.id: a for a in story.articles}
        order = [by_id[i] for i in self.session.browse_order if i in ids]
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
            self.post_message(OpenComparison(*articles))
        else:
            self.post_message(OpenOutlets(articles))

    def story_articles(self) -> tuple[Article, ...] | str:
        """The sources ``t`` sets side by side: the marked ones when two or more are, else the story under the cursor's; or why none."""
        marked = tuple(a for a in (self.session.article_by_id(i) for i in self.marked) if a is not None)
        if len(marked) >= 2:
            return marked
        if self.session.stories is None:
            if self.current_article() is None:
                return "There are no articles to compare."
            return "Still finding which articles tell the same story; mark two or more to see their facts now."
        story = self.current_story()
        if story is None:
            return ("This article shares its story with no other in the folder: "
                    "mark two or more articles to see their facts side by side.")
        return self._story_in_order(story)

    def action_story(self) -> None:
        """Show who reports what: every fact of the story under the cursor (or of the marked articles) against every source."""
        articles = self.story_articles()
        if isinstance(articles, str):
            self.notify(articles, title="Story", markup=False)
            return
        self.app.push_screen(StoryScreen(articles, self.session))

    def action_toggle_grouped(self) -> None:
        """List the articles under a heading per story, or flat."""
        self.grouped = not self.grouped
        if self.session.stories is None:
            self.notify("Still finding which articles tell the same story: they are grouped when found.", timeout=3)

    def watch_grouped(self) -> None:
        self._rebuild()

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


def _last_update() -> tuple[frozenset[Path], frozenset[Path]]:
    """The files the last ``reader update`` made and changed, resolved."""
    from reader.web.update import last_update

    record = last_update()
    if record is None:
        return frozenset(), frozenset()
    return frozenset(map(_resolved, record.new)), frozenset(map(_resolved, record.changed))


@lru_cache(maxsize=2**16)
def _resolved(path: Path) -> Path:
    """A file's path with its links resolved, once: the library asks it of every row at every rebuild."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()
