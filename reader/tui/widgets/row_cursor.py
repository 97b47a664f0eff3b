"""A cursor over rows of varying height in a ``ScrollView``: the moving keys of less and vim, paging, clicks."""

from __future__ import annotations

from bisect import bisect_right
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView


class RowCursor(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows laid out top to bottom, one of them highlighted; ``_tops[n]`` is row ``n``'s first line, and one more entry ends the last."""

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
    | pagedown, space, ctrl+f | One screen down (through a row taller than the screen first). |
    | pageup, b, ctrl+b | One screen up. |
    | ctrl+d, ctrl+u | Half a screen down, up (as in less). |
    | home, g | First row. |
    | end, G | Last row. |
    """

    cursor: reactive[int] = reactive(0, init=False, repaint=False)
    """Index of the highlighted row; moving it redraws the row it leaves and the row it reaches, or the screen if it scrolls."""

    class RowMessage(Message):
        """Something happened to one row of the view."""

        def __init__(self, view: RowCursor, row: int) -> None:
            super().__init__()
            self.view = view
            self.row = row

        @property
        def control(self) -> RowCursor:
            return self.view

    class CursorMoved(RowMessage):
        """The highlighted row changed."""

    class Opened(RowMessage):
        """A row was double-clicked: open it."""

    _tops: list[int]

    @property
    def row_count(self) -> int:
        """How many rows there are."""
        return len(self._tops) - 1

    def row_at(self, y: int) -> int:
        """The index of the row drawn on virtual line ``y``."""
        return max(0, min(self.row_count - 1, bisect_right(self._tops, y) - 1))

    def row_top(self, index: int) -> int:
        """The first virtual line of a row."""
        return self._tops[index]

    def row_height(self, index: int) -> int:
        """Lines taken by a row, its spacer included."""
        return self._tops[index + 1] - self._tops[index]

    # -- cursor -------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        scrolled_from = self.scroll_offset
        self.scroll_to_row(new)
        self.post_message(self.CursorMoved(self, new))
        if self.scroll_offset == scrolled_from:
            self.refresh_rows(old, new)  # only the two rows' highlight changed
        else:
            self.refresh()

    def refresh_rows(self, *indices: int) -> None:
        """Draw rows again where they are on screen, and nothing else."""
        top = int(self.scroll_offset.y)
        for index in indices:
            if 0 <= index < self.row_count:
                self.refresh(Region(0, self._tops[index] - top, self.size.width, self.row_height(index)))

    def scroll_to_row(self, index: int, animate: bool = False) -> None:
        """Scroll so that row ``index`` is on screen."""
        if not self.row_count:
            return
        height = min(self.row_height(index), max(1, self.scrollable_content_region.height))
        self.scroll_to_region(Region(0, self._tops[index], 1, height), animate=animate, force=True, immediate=True)

    def move_to(self, index: int) -> None:
        """Put the cursor on row ``index``."""
        if self.row_count:
            self.cursor = max(0, min(index, self.row_count - 1))

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1)

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(self.row_count - 1)

    def action_page_down(self, fraction: float = 1.0) -> None:
        """A page down: through the cursor's row while it goes on below the screen, then to the rows after it."""
        if not self.row_count:
            return
        height = max(1, self.scrollable_content_region.height)
        page = max(1, int((height - 1) * fraction))
        top = int(self.scroll_offset.y)
        row_end = max(self._tops[self.cursor], self._tops[self.cursor + 1] - 2)  # the row's last line, its spacer left out
        if row_end >= top + height:
            # A row taller than the screen is read a page at a time, its last line last on screen.
            self.scroll_to(y=min(top + page, row_end - height + 1, self.max_scroll_y), animate=False, immediate=True)
            return
        self.move_to(max(self.cursor + 1, self.row_at(self._tops[self.cursor] + page)))
        self.scroll_to(y=min(self._tops[self.cursor], self.max_scroll_y), animate=False, immediate=True)

    def action_page_up(self, fraction: float = 1.0) -> None:
        """A page up: back through the cursor's row while its top is above the screen, then to the rows before it."""
        if not self.row_count:
            return
        height = max(1, self.scrollable_content_region.height)
        page = max(1, int((height - 1) * fraction))
        top = int(self.scroll_offset.y)
        if self._tops[self.cursor] < top:
            self.scroll_to(y=max(self._tops[self.cursor], top - page), animate=False, immediate=True)
            return
        self.move_to(min(self.cursor - 1, self.row_at(max(0, self._tops[self.cursor] - page))))
        if self.row_height(self.cursor) - 1 > height:
            # Back into a row taller than the screen: the page above, not the row's first lines.
            self.scroll_to(y=max(self._tops[self.cursor], top - page), animate=False, immediate=True)

    def action_half_page_down(self) -> None:
        self.action_page_down(0.5)

    def action_half_page_up(self) -> None:
        self.action_page_up(0.5)

    def on_click(self, event: events.Click) -> None:
        if self.row_count:
            self.move_to(self.row_at(int(self.scroll_offset.y) + event.y))
            if event.chain >= 2:
                self.post_message(self.Opened(self, self.cursor))
