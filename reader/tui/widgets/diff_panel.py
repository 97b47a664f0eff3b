"""A panel of text that shows word diffs in the compare view's colours."""

from __future__ import annotations

from typing import ClassVar

from textual.widgets import Static

from reader.tui.widgets.diff_styles import word_diff_css, word_diff_styles
from reader.view.compare_cells import CellStyles


class DiffPanel(Static):
    """Static text whose word diffs take the theme's removed and added grounds.

    The owner paints its text with :meth:`cell_styles`, which reads the
    component classes below, so a diff here looks like one in the compare view
    in every theme.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "diff-panel--removed",
        "diff-panel--removed-strong",
        "diff-panel--added",
        "diff-panel--added-strong",
        "diff-panel--heading",
    }
    """
    | Class | Description |
    | :- | :- |
    | `diff-panel--removed` | Words only the base sentence has. |
    | `diff-panel--removed-strong` | Numbers and names among them. |
    | `diff-panel--added` | Words only the other outlet's sentence has. |
    | `diff-panel--added-strong` | Numbers and names among them. |
    | `diff-panel--heading` | A heading among the sentences. |
    """

    DEFAULT_CSS = word_diff_css("DiffPanel", "diff-panel")

    def cell_styles(self) -> CellStyles:
        """The styles to paint a word diff with, from the theme."""
        return word_diff_styles(self.get_component_rich_style, "diff-panel")
