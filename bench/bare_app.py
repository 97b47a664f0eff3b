"""A bare Textual app for a real terminal: ``bare_app.py [ROWS]``, the baseline of the app's figures in tmux.

A header, one DataTable and a footer, as ``ui.py``'s bare app, run on the
terminal with ``App.run``. Its rows read ``bare-1 | row 1`` and so on (one by
default), and the title says which row the cursor is on (``row N``), so that
a keypress shows in the text a terminal capture reads, as the compare
screen's title does.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header


class Bare(App[None]):
    TITLE = "bare"
    #: The keys the compare screen has beside the table's own arrows and pages.
    BINDINGS = [
        Binding("j", "row(1)", "Down", priority=True),
        Binding("end,G", "last", "Last", priority=True),
        Binding("home,g", "first", "First", priority=True),
    ]

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("one", "two")
        table.add_rows((f"bare-{n}", f"row {n}") for n in range(1, self.rows + 1))
        table.focus()

    def action_row(self, step: int) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=table.cursor_row + step, animate=False)

    def action_last(self) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=table.row_count - 1, animate=False)

    def action_first(self) -> None:
        self.query_one(DataTable).move_cursor(row=0, animate=False)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.sub_title = f"row {event.cursor_row + 1}"


if __name__ == "__main__":
    Bare(int(sys.argv[1]) if len(sys.argv) > 1 else 1).run()
