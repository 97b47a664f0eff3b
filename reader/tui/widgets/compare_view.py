"""The rows of a comparison, drawn lazily with the Line API.

Only the lines on screen are rendered; row heights come from a fast wrap of
plain strings, so two 3,000-sentence articles lay out and scroll without
mounting a widget per sentence.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.core import Alignment, Fact, FactComparison
from reader.core.alignment.rows import CompareRow, RowKind
from reader.core.alignment.word_diff import joined
from reader.tui.widgets.diff_styles import word_diff_css, word_diff_styles
from reader.tui.widgets.wrap import wrap_offsets, wrap_text
from reader.view.compare_cells import CellStyles, clean, paint_facts, row_cells
from reader.view.styles import KIND_STYLES, MOVED_MARK

#: Cells taken by the gutter: score, a space, the moved mark and the conflict mark.
GUTTER_WIDTH = 6
#: Gutter mark of a row holding a fact the other article contradicts.
CONFLICT_MARK = "≠"
#: Colours of facts by kind, as ``reader facts`` prints them.
FACT_STYLES = {kind: Style.parse(style) for kind, style in KIND_STYLES.items()}
#: Facts left uncoloured, so that only a conflicting one is painted.
_UNCOLOURED = {kind: Style() for kind in KIND_STYLES}
#: Cells between the two columns.
SEPARATOR = " │ "


def column_widths(width: int) -> tuple[int, int]:
    """Widths of the left and right columns for a view ``width`` cells wide."""
    room = max(2, width - GUTTER_WIDTH - len(SEPARATOR))
    left = room // 2
    return left, room - left


def _plain(alignment: Alignment, row: CompareRow) -> tuple[str, str]:
    """The plain text of a row's two cells, for measuring."""
    if row.link is not None and row.link.diff:
        return (
            clean("".join(op.a_text for op in row.link.diff)),
            clean("".join(op.b_text for op in row.link.diff)),
        )
    left = joined([alignment.a.sentences[i].text for i in row.left], row.left)
    right = joined([alignment.b.sentences[j].text for j in row.right], row.right)
    return clean(left), clean(right)


class CompareView(ScrollView, can_focus=True, inherit_bindings=False):
    """Left sentences beside right sentences, one row per link, scrolled as one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False, id="compare-view.down"),
        Binding("up,k", "cursor_up", "Up", show=False, id="compare-view.up"),
        Binding("pagedown,space,ctrl+f", "page_down", "Page down", show=False, id="compare-view.page-down"),
        Binding("pageup,b,ctrl+b", "page_up", "Page up", show=False, id="compare-view.page-up"),
        Binding("ctrl+d", "half_page_down", "Half a page down", show=False, id="compare-view.half-page-down"),
        Binding("ctrl+u", "half_page_up", "Half a page up", show=False, id="compare-view.half-page-up"),
        Binding("home,g", "first", "First row", show=False, id="compare-view.first"),
        Binding("end,G", "last", "Last row", show=False, id="compare-view.last"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | down, j | Next row. |
    | up, k | Previous row. |
    | pagedown, space, ctrl+f | One screen down. |
    | pageup, b, ctrl+b | One screen up. |
    | ctrl+d, ctrl+u | Half a screen down, up (as in less). |
    | home, g | First row. |
    | end, G | Last row. |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "compare-view--removed",
        "compare-view--removed-strong",
        "compare-view--added",
        "compare-view--added-strong",
        "compare-view--heading",
        "compare-view--score",
        "compare-view--moved",
        "compare-view--only",
        "compare-view--separator",
        "compare-view--cursor",
        "compare-view--conflict",
        "compare-view--conflict-fact",
    }
    """
    | Class | Description |
    | :- | :- |
    | `compare-view--removed` | Words only the left sentence has. |
    | `compare-view--removed-strong` | Numbers and names among them. |
    | `compare-view--added` | Words only the right sentence has. |
    | `compare-view--added-strong` | Numbers and names among them. |
    | `compare-view--heading` | Headings. |
    | `compare-view--score` | The score in the gutter. |
    | `compare-view--moved` | The ↕ of a row told in another order on the other side. |
    | `compare-view--only` | The ◀/▶ of a sentence only one side has. |
    | `compare-view--separator` | The line between the two columns. |
    | `compare-view--cursor` | The highlighted row. |
    | `compare-view--conflict` | The ≠ of a row holding a conflicting fact. |
    | `compare-view--conflict-fact` | The conflicting fact itself, on both sides. |
    """

    DEFAULT_CSS = word_diff_css("CompareView", "compare-view") + """
    CompareView {
        overflow-y: scroll;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
    }

    CompareView > .compare-view--score {
        color: $text-muted;
    }

    CompareView > .compare-view--moved {
        color: $warning;
        text-style: bold;
    }

    CompareView > .compare-view--only {
        color: $accent;
    }

    CompareView > .compare-view--separator {
        color: $primary 50%;
    }

    CompareView > .compare-view--conflict {
        color: $error;
        text-style: bold;
    }

    /* A contradicted fact on a solid red ground of its own, over the diff's: the background
       colour's text (dark on dark themes, light on light ones) stays readable on it. */
    CompareView > .compare-view--conflict-fact {
        color: $background;
        background: $error;
        text-style: bold underline;
    }

    CompareView > .compare-view--cursor {
        background: $boost;
    }

    CompareView:focus > .compare-view--cursor {
        background: $primary 25%;
    }
    """

    cursor: reactive[int] = reactive(0, init=False)
    """Index of the highlighted row."""

    class RowMessage(Message):
        """Something happened to one row of the view."""

        def __init__(self, view: CompareView, row: int) -> None:
            super().__init__()
            self.view = view
            self.row = row

        @property
        def control(self) -> CompareView:
            return self.view

    class CursorMoved(RowMessage):
        """The highlighted row changed."""

    class Opened(RowMessage):
        """A row was double-clicked: open it."""

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.alignment: Alignment | None = None
        self.rows: tuple[CompareRow, ...] = ()
        self._plain: list[tuple[str, str]] = []
        self._tops: list[int] = [0]
        self._layout_width = -1
        self._scroll_after_layout = False
        self._cells: LRUCache[tuple[int, int], tuple[list[Text], list[Text]]] = LRUCache(512)
        self.facts: FactComparison | None = None
        """The facts of the two articles, once found; coloured in the cells."""
        self.conflict_rows: tuple[int, ...] = ()
        """Rows holding a fact the other side contradicts, top to bottom."""
        self._row_of: tuple[dict[int, int], dict[int, int]] = ({}, {})
        self._conflicts: frozenset[int] = frozenset()
        self._conflict_facts: frozenset[int] = frozenset()  # ids of the facts in conflict
        self._style_cache: dict[str, Style] = {}
        self.fact_colours = False
        """Whether facts are coloured by kind (names, dates, numbers); conflicting ones always stand out."""

    # -- data ---------------------------------------------------------------

    def show(self, alignment: Alignment, rows: tuple[CompareRow, ...], cursor: int = 0) -> None:
        """Show new rows, with the cursor on row ``cursor``."""
        self.alignment = alignment
        self.rows = rows
        self._plain = [_plain(alignment, row) for row in rows]
        self._row_of = (
            {i: n for n, row in enumerate(rows) for i in row.left},
            {j: n for n, row in enumerate(rows) for j in row.right},
        )
        if self.facts is not None and self.facts.alignment is not alignment:
            self.facts = None
        self._find_conflict_rows()
        self._cells.clear()
        self._layout_width = -1
        self._lay_out()
        self.set_reactive(CompareView.cursor, max(0, min(cursor, len(rows) - 1)))
        self.scroll_to_row(self.cursor, animate=False)
        self.post_message(self.CursorMoved(self, self.cursor))
        self.refresh()

    def colour_facts(self, on: bool) -> None:
        """Colour facts by kind, or leave the word diff alone to carry the eye."""
        self.fact_colours = on
        self._cells.clear()
        self.refresh()

    def show_facts(self, facts: FactComparison | None) -> None:
        """Colour the facts of the rows on screen and mark the conflicts in the gutter."""
        if facts is not None and facts.alignment is not self.alignment:
            return  # found for rows no longer shown
        self.facts = facts
        self._find_conflict_rows()
        self._cells.clear()
        self.refresh()

    def _find_conflict_rows(self) -> None:
        rows: set[int] = set()
        facts: set[int] = set()
        if self.facts is not None:
            for pair in self.facts.conflicts:
                for side, fact in ((0, pair.a), (1, pair.b)):
                    row = self.row_of(fact, side)
                    if row is not None:
                        rows.add(row)
                    if fact is not None:
                        facts.add(id(fact))
        self.conflict_rows = tuple(sorted(rows))
        self._conflicts = frozenset(rows)
        self._conflict_facts = frozenset(facts)

    def row_of(self, fact: Fact | None, side: int) -> int | None:
        """The row showing a fact of the left (``side`` 0) or right (1) article."""
        if fact is None:
            return None
        return self._row_of[side].get(fact.sentence)

    @property
    def current_row(self) -> CompareRow | None:
        """The highlighted row, if there are rows."""
        return self.rows[self.cursor] if self.rows else None

    def row_at(self, y: int) -> int:
        """The index of the row drawn on virtual line ``y``."""
        return max(0, min(len(self.rows) - 1, bisect_right(self._tops, y) - 1))

    def row_top(self, index: int) -> int:
        """The first virtual line of a row."""
        return self._tops[index]

    def row_height(self, index: int) -> int:
        """Lines taken by a row, its spacer included."""
        return self._tops[index + 1] - self._tops[index]

    # -- layout -------------------------------------------------------------

    def _content_width(self) -> int:
        return max(GUTTER_WIDTH + len(SEPARATOR) + 2, self.scrollable_content_region.width)

    def _lay_out(self) -> None:
        if self.scrollable_content_region.width <= 0:
            # Not on screen yet (the comparison came before the first
            # layout): wrapping now would wrap to one column, be drawn, and be
            # thrown away. The first resize lays the rows out at their width.
            self._tops = [0] * (len(self._plain) + 1)
            self._layout_width = -1
            self._scroll_after_layout = True
            return
        width = self._content_width()
        if width == self._layout_width:
            return
        self._layout_width = width
        left_width, right_width = column_widths(width)
        tops = [0]
        for left, right in self._plain:
            height = max(len(wrap_offsets(left, left_width)), len(wrap_offsets(right, right_width)))
            tops.append(tops[-1] + height + 1)  # a spacer line after each row
        self._tops = tops
        self._cells.clear()
        self.virtual_size = Size(width, tops[-1])

    def on_resize(self, event: events.Resize) -> None:
        self._lay_out()
        if self._scroll_after_layout and self._layout_width > 0:
            self._scroll_after_layout = False
            self.scroll_to_row(self.cursor, animate=False)
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style_cache.clear()  # the theme or the CSS changed
        self._cells.clear()

    def _component(self, name: str) -> Style:
        """A component class's style, looked up once per theme: rows are drawn line by line."""
        style = self._style_cache.get(name)
        if style is None:
            style = self._style_cache[name] = self.get_component_rich_style(name)
        return style

    def _styles(self) -> CellStyles:
        return word_diff_styles(self._component, "compare-view")

    def _foreground(self, name: str) -> Style:
        """A component style without its background, so the row's background shows through."""
        style = self._component(name)
        return Style(
            color=style.color, bold=style.bold, dim=style.dim, italic=style.italic, underline=style.underline
        )

    def _wrapped(self, index: int) -> tuple[list[Text], list[Text]]:
        key = (index, self._layout_width)
        cached = self._cells.get(key)
        if cached is None:
            assert self.alignment is not None
            row = self.rows[index]
            left, right = row_cells(self.alignment, row, self._styles())
            if self.facts is not None:
                self._paint_facts(row, left, right)
            left_width, right_width = column_widths(self._layout_width)
            cached = (wrap_text(left, left_width), wrap_text(right, right_width))
            self._cells[key] = cached
        return cached

    def _paint_facts(self, row: CompareRow, left: Text, right: Text) -> None:
        facts = self.facts
        assert facts is not None and self.alignment is not None
        conflict = self._component("compare-view--conflict-fact")
        kinds = FACT_STYLES if self.fact_colours else _UNCOLOURED
        for cell, article, found, indices in (
            (left, self.alignment.a, facts.facts_a, row.left),
            (right, self.alignment.b, facts.facts_b, row.right),
        ):
            mentions = found.in_sentences(indices)
            emphasis = {id(f): conflict for f in mentions if id(f) in self._conflict_facts}
            paint_facts(cell, article, indices, mentions, kinds, emphasis)

    # -- drawing ------------------------------------------------------------

    def _gutter(self, row: CompareRow) -> Text:
        get = self._foreground
        if row.kind is RowKind.ONLY_LEFT:
            return Text("   ◀  ", get("compare-view--only"))
        if row.kind is RowKind.ONLY_RIGHT:
            return Text("   ▶  ", get("compare-view--only"))
        gutter = Text(f"{min(row.score or 0, 100):>3.0f}", get("compare-view--score"))
        gutter.append(f" {MOVED_MARK}" if row.moved else "  ", get("compare-view--moved"))
        return gutter

    def _gutter_for(self, index: int) -> Text:
        gutter = self._gutter(self.rows[index])
        if index in self._conflicts:
            gutter = gutter[:5]
            gutter.append(CONFLICT_MARK, self._foreground("compare-view--conflict"))
        else:
            gutter.pad_right(GUTTER_WIDTH - len(gutter))
        return gutter

    def render_line(self, y: int) -> Strip:
        scroll_y = int(self.scroll_offset.y)
        width = self._content_width()
        base = self.rich_style
        if not self.rows or self.alignment is None:
            return Strip.blank(width, base)
        line = y + scroll_y
        if line >= self._tops[-1]:
            return Strip.blank(width, base)
        index = self.row_at(line)
        offset = line - self._tops[index]
        left_lines, right_lines = self._wrapped(index)
        left_width, right_width = column_widths(self._layout_width)
        separator = Text(SEPARATOR, self._foreground("compare-view--separator"))
        if offset >= max(len(left_lines), len(right_lines)):
            pieces = [Text(" " * (GUTTER_WIDTH + left_width)), separator]
        else:
            gutter = self._gutter_for(index) if offset == 0 else Text(" " * GUTTER_WIDTH)
            left = left_lines[offset].copy() if offset < len(left_lines) else Text()
            right = right_lines[offset].copy() if offset < len(right_lines) else Text()
            left.truncate(left_width, overflow="crop", pad=True)
            right.truncate(right_width, overflow="crop", pad=True)
            pieces = [gutter, left, separator, right]
        if index == self.cursor and offset < self.row_height(index) - 1:
            base = self._component("compare-view--cursor")
        text = Text.assemble(*pieces, end="")
        segments = list(Segment.apply_style(text.render(self.app.console), base))
        return Strip(segments).crop_extend(0, width, base)

    # -- cursor -------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self.scroll_to_row(new)
        self.post_message(self.CursorMoved(self, new))
        self.refresh()

    def scroll_to_row(self, index: int, animate: bool = False) -> None:
        """Scroll so that row ``index`` is on screen."""
        if not self.rows:
            return
        height = min(self.row_height(index), max(1, self.scrollable_content_region.height))
        self.scroll_to_region(Region(0, self._tops[index], 1, height), animate=animate, force=True, immediate=True)

    def move_to(self, index: int) -> None:
        """Put the cursor on row ``index``."""
        if self.rows:
            self.cursor = max(0, min(index, len(self.rows) - 1))

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1)

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(len(self.rows) - 1)

    def action_page_down(self, fraction: float = 1.0) -> None:
        if self.rows:
            page = max(1, int((self.scrollable_content_region.height - 1) * fraction))
            self.move_to(self.row_at(self._tops[self.cursor] + page))
            self.scroll_to(y=min(self._tops[self.cursor], self.max_scroll_y), animate=False, immediate=True)

    def action_page_up(self, fraction: float = 1.0) -> None:
        if self.rows:
            page = max(1, int((self.scrollable_content_region.height - 1) * fraction))
            self.move_to(self.row_at(max(0, self._tops[self.cursor] - page)))

    def action_half_page_down(self) -> None:
        self.action_page_down(0.5)

    def action_half_page_up(self) -> None:
        self.action_page_up(0.5)

    def on_click(self, event: events.Click) -> None:
        if self.rows:
            self.move_to(self.row_at(int(self.scroll_offset.y) + event.y))
            if event.chain >= 2:
                self.post_message(self.Opened(self, self.cursor))
