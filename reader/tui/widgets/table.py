"""The tables of the app: Textual's ``DataTable`` with the keys of vim and less for the first and last row."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import DataTable


class Table(DataTable[Text]):
    """A ``DataTable`` whose home and end, like g and G, go to the first and last row.

    Textual's table scrolls sideways on home and end and reaches the first
    row only on ctrl+home; in a list of articles or facts, the first and
    last row are what those keys are for.
    """

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Left and right move nothing in a table of rows: they are not offered there (nor listed in help)."""
        if self.cursor_type == "row" and action in {"cursor_left", "cursor_right", "page_left", "page_right"}:
            return False
        return super().check_action(action, parameters)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home,g", "scroll_top", "First row", show=False, id="table.first", tooltip="First row"),
        Binding("end,G", "scroll_bottom", "Last row", show=False, id="table.last", tooltip="Last row"),
    ]
