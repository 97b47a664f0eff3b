"""The rows of a comparison, drawn lazily with the Line API.

Only the lines on screen are rendered; row heights come from a fast wrap of
plain strings, so two 3,000-sentence articles lay out and scroll without
mounting a widget per sentence.
"""

from __future__ import annotations

import re
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.strip import Strip

from reader.core import Alignment, Fact, FactComparison
from reader.core.alignment.rows import CompareRow, RowKind
from reader.tui.widgets.compare_facts import FactRows, Side
from reader.tui.widgets.compare_layout import GUTTER_WIDTH, SEPARATOR, column_widths, plain_cells
from reader.tui.widgets.diff_styles import word_diff_css, word_diff_styles
from reader.tui.widgets.row_cursor import RowCursor
from reader.tui.widgets.wrap import wrap_offsets, wrap_text
from reader.view.compare_cells import CellStyles, inline_cell, paint_facts, row_cells
from reader.view.marks import CONFLICT_MARK, MOVED_MARK, ONLY_B_MARK, SILENT_MARK
from reader.view.styles import KIND_STYLES

#: Colours of facts by kind, as ``reader facts`` prints them.
FACT_STYLES = {kind: Style.parse(style) for kind, style in KIND_STYLES.items()}

#: Facts left uncoloured, so that only a conflicting one is painted.
_UNCOLOURED = {kind: Style() for kind in KIND_STYLES}


class CompareView(RowCursor):
    """Left sentences beside right sentences, one row per link, scrolled as one; or, inline, one column of word diffs."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("i", "toggle_inline", "Inline", show=False, id="compare-view.inline", tooltip="One column: each row's word diff inline, for narrow terminals"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | i | One column, as git diff --word-diff: each row's removed words struck out before the added ones, or two columns again. |
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
        "compare-view--match",
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
    | `compare-view--match` | Words of the search. |
    """

    DEFAULT_CSS = (
        word_diff_css("CompareView", "compare-view")
        + """
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

    CompareView > .compare-view--match {
        background: $warning 60%;
        text-style: bold;
    }

    CompareView > .compare-view--cursor {
        background: $boost;
    }

    CompareView:focus > .compare-view--cursor {
        background: $primary 25%;
    }
    """
    )

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.alignment: Alignment | None = None
        self.rows: tuple[CompareRow, ...] = ()
        self._plain: list[tuple[str, str]] = []
        self._tops: list[int] = [0]
        self._layout_width = -1
        self._scroll_after_layout = False
        self._cells: LRUCache[tuple[int, int], tuple[list[Text], list[Text]]] = LRUCache(512)
        self._lines: LRUCache[tuple[int, int], list[Segment]] = LRUCache(512)
        """Lines drawn, by virtual line and width, before the row's background is laid under them."""
        self._strips: LRUCache[tuple[int, bool, int], Strip] = LRUCache(512)
        """Lines drawn, by virtual line, highlight and width: a key that moves the cursor redraws two rows, not the screen."""
        self.facts: FactComparison | None = None
        """The facts of the two articles, once found; coloured in the cells."""
        self._fact_rows = FactRows(())
        self._style_cache: dict[str, Style] = {}
        self.fact_colours = False
        """Whether facts are coloured by kind (names, dates, numbers); conflicting ones always stand out."""
        self.inline = False
        """One column of word diffs instead of two columns side by side."""
        self._search = ""

    # -- data ---------------------------------------------------------------

    def show(self, alignment: Alignment, rows: tuple[CompareRow, ...], cursor: int = 0) -> None:
        """Show new rows, with the cursor on row ``cursor``."""
        self.alignment = alignment
        self.rows = rows
        self._plain = [plain_cells(alignment, row) for row in rows]
        self._fact_rows = FactRows(rows)
        if self.facts is not None and self.facts.alignment is not alignment:
            self.facts = None
        self._fact_rows.place(self.facts)
        self._forget_drawn()
        self._layout_width = -1
        self._lay_out()
        self.set_reactive(CompareView.cursor, max(0, min(cursor, len(rows) - 1)))
        self.scroll_to_row(self.cursor, animate=False)
        self.post_message(self.CursorMoved(self, self.cursor))
        self.refresh()

    def colour_facts(self, on: bool) -> None:
        """Colour facts by kind, or leave the word diff alone to carry the eye."""
        self.fact_colours = on
        self._forget_drawn()
        self.refresh()

    def show_facts(self, facts: FactComparison | None) -> None:
        """Colour the facts of the rows on screen and mark the conflicts in the gutter."""
        if facts is not None and facts.alignment is not self.alignment:
            return  # found for rows no longer shown
        self.facts = facts
        self._fact_rows.place(facts)
        self._forget_drawn()
        self.refresh()

    @property
    def conflict_rows(self) -> tuple[int, ...]:
        """Rows holding a fact the other side contradicts, top to bottom."""
        return self._fact_rows.conflict_rows

    def row_of(self, fact: Fact | None, side: Side) -> int | None:
        """The row showing a fact of article ``a`` (on the left) or ``b`` (on the right)."""
        return self._fact_rows.row_of(fact, side)

    @property
    def search_text(self) -> str:
        """The words searched for; they are highlighted where they stand."""
        return self._search

    @search_text.setter
    def search_text(self, text: str) -> None:
        self._search = text
        self._forget_drawn()
        self.refresh()

    def rows_matching(self, text: str) -> list[int]:
        """The rows holding ``text`` (any case) on either side, top to bottom."""
        needle = text.casefold()
        if not needle:
            return []
        return [k for k, (left, right) in enumerate(self._plain) if needle in left.casefold() or needle in right.casefold()]

    def action_toggle_inline(self) -> None:
        """One column of inline word diffs, or two columns again."""
        self.inline = not self.inline
        self._forget_drawn()
        self._layout_width = -1
        self._lay_out()
        self.scroll_to_row(self.cursor, animate=False)
        self.refresh()

    @property
    def current_row(self) -> CompareRow | None:
        """The highlighted row, if there are rows."""
        return self.rows[self.cursor] if self.rows else None

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
        if self.inline and self.alignment is not None:
            styles, alignment = self._styles(), self.alignment
            for row in self.rows:
                tops.append(tops[-1] + len(wrap_offsets(inline_cell(alignment, row, styles).plain, width - GUTTER_WIDTH)) + 1)
        for left, right in () if self.inline else self._plain:
            height = max(len(wrap_offsets(left, left_width)), len(wrap_offsets(right, right_width)))
            tops.append(tops[-1] + height + 1)  # a spacer line after each row
        self._tops = tops
        self._forget_drawn()
        self.virtual_size = Size(width, tops[-1])

    def on_resize(self, event: events.Resize) -> None:
        self._lay_out()
        if self._scroll_after_layout and self._layout_width > 0:
            self._scroll_after_layout = False
            self.scroll_to_row(self.cursor, animate=False)
        elif self.row_count:
            # Rewrapped, the rows stand at other heights: the cursor's row is brought back on screen
            # once the new height is laid out.
            self.call_after_refresh(self.scroll_to_row, self.cursor)
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style_cache.clear()  # the theme or the CSS changed
        self._forget_drawn()

    def _forget_drawn(self) -> None:
        """Wrap and draw the rows again: what they show, or how, changed."""
        self._cells.clear()
        self._lines.clear()
        self._strips.clear()

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
        return Style(color=style.color, bold=style.bold, dim=style.dim, italic=style.italic, underline=style.underline)

    def _wrapped(self, index: int) -> tuple[list[Text], list[Text]]:
        key = (index, self._layout_width)
        cached = self._cells.get(key)
        if cached is None:
            assert self.alignment is not None
            row = self.rows[index]
            if self.inline:
                cell = self._searched(inline_cell(self.alignment, row, self._styles()))
                cached = (wrap_text(cell, self._layout_width - GUTTER_WIDTH), [])
                self._cells[key] = cached
                return cached
            left, right = row_cells(self.alignment, row, self._styles())
            if self.facts is not None:
                self._paint_facts(row, left, right)
            left_width, right_width = column_widths(self._layout_width)
            cached = (wrap_text(self._searched(left), left_width), wrap_text(self._searched(right), right_width))
            self._cells[key] = cached
        return cached

    def _searched(self, cell: Text) -> Text:
        """The cell with the words of the search highlighted."""
        if self._search:
            style = self._component("compare-view--match")
            for match in re.finditer(re.escape(self._search), cell.plain, re.IGNORECASE):
                cell.stylize(style, match.start(), match.end())
        return cell

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
            emphasis = {id(f): conflict for f in mentions if id(f) in self._fact_rows.conflict_facts}
            paint_facts(cell, article, indices, mentions, kinds, emphasis)

    # -- drawing ------------------------------------------------------------

    def _gutter(self, row: CompareRow) -> Text:
        get = self._foreground
        if row.kind is RowKind.ONLY_LEFT:
            return Text(f"   {SILENT_MARK}  ", get("compare-view--only"))
        if row.kind is RowKind.ONLY_RIGHT:
            return Text(f"   {ONLY_B_MARK}  ", get("compare-view--only"))
        gutter = Text(f"{min(row.score or 0, 100):>3.0f}", get("compare-view--score"))
        gutter.append(f" {MOVED_MARK}" if row.moved else "  ", get("compare-view--moved"))
        return gutter

    def _gutter_for(self, index: int) -> Text:
        gutter = self._gutter(self.rows[index])
        if index in self._fact_rows.conflicts:
            gutter = gutter[:5]
            gutter.append(CONFLICT_MARK, self._foreground("compare-view--conflict"))
        gutter.pad_right(GUTTER_WIDTH - len(gutter))
        return gutter

    def render_line(self, y: int) -> Strip:
        width = self._content_width()
        line = y + int(self.scroll_offset.y)
        if not self.rows or self.alignment is None or line >= self._tops[-1]:
            return Strip.blank(width, self.rich_style)
        index = self.row_at(line)
        offset = line - self._tops[index]
        highlighted = index == self.cursor and offset < self.row_height(index) - 1
        key = (line, highlighted, width)
        strip = self._strips.get(key)
        if strip is None:
            segments = self._lines.get((line, width))
            if segments is None:
                segments = self._lines[line, width] = self._draw_line(index, offset)
            base = self._component("compare-view--cursor") if highlighted else self.rich_style
            strip = self._strips[key] = Strip(Segment.apply_style(segments, base)).crop_extend(0, width, base)
        return strip

    def _draw_line(self, index: int, offset: int) -> list[Segment]:
        """Line ``offset`` of row ``index``: gutter, left cell, separator and right cell (or the one inline cell)."""
        left_lines, right_lines = self._wrapped(index)
        left_width, right_width = column_widths(self._layout_width)
        separator = Text(SEPARATOR, self._foreground("compare-view--separator"))
        if self.inline:
            gutter = self._gutter_for(index) if offset == 0 else Text(" " * GUTTER_WIDTH)
            pieces = [gutter, left_lines[offset].copy() if offset < len(left_lines) else Text()]
        elif offset >= max(len(left_lines), len(right_lines)):
            pieces = [Text(" " * (GUTTER_WIDTH + left_width)), separator]
        else:
            gutter = self._gutter_for(index) if offset == 0 else Text(" " * GUTTER_WIDTH)
            left = left_lines[offset].copy() if offset < len(left_lines) else Text()
            right = right_lines[offset].copy() if offset < len(right_lines) else Text()
            left.truncate(left_width, overflow="crop", pad=True)
            right.truncate(right_width, overflow="crop", pad=True)
            pieces = [gutter, left, separator, right]
        return list(Text.assemble(*pieces, end="").render(self.app.console))
