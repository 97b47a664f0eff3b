"""The keys of the compare screen, and what each does."""

from __future__ import annotations

from textual.binding import Binding, BindingType

#: The compare screen's own keys; the rows' moving keys are ``CompareView``'s.
COMPARE_KEYS: list[BindingType] = [
    Binding("n", "next_change", "Next diff", id="compare.next-change", tooltip="Next row that differs (or holds the search)"),
    Binding("N", "previous_change", "Prev diff", show=False, id="compare.previous-change", tooltip="Previous row that differs"),
    Binding("o", "toggle_order", "Order", show=False, id="compare.order", tooltip="Follow the other article's sentence order"),
    Binding("s", "swap", "Swap", id="compare.swap", tooltip="Swap the left and right articles"),
    Binding("right_square_bracket", "next_right", "Next right", show=False, id="compare.next-right", tooltip="Next article on the right"),
    Binding("left_square_bracket", "previous_right", "Prev right", show=False, id="compare.previous-right", tooltip="Previous article on the right"),
    Binding("right_curly_bracket", "next_left", "Next left", show=False, id="compare.next-left", tooltip="Next article on the left"),
    Binding("left_curly_bracket", "previous_left", "Prev left", show=False, id="compare.previous-left", tooltip="Previous article on the left"),
    Binding("plus,equals_sign", "raise_cutoff", "Cutoff +", show=False, id="compare.raise-cutoff", tooltip="Raise the match cutoff and re-align"),
    Binding("minus", "lower_cutoff", "Cutoff −", show=False, id="compare.lower-cutoff", tooltip="Lower the match cutoff and re-align"),
    Binding("0", "reset_cutoff", "Cutoff reset", show=False, id="compare.reset-cutoff", tooltip="Back to the cutoff the comparison opened with"),
    Binding("f", "facts", "Facts", id="compare.facts", tooltip="Table of the facts of both articles"),
    Binding("x", "next_conflict", "Next ≠", id="compare.next-conflict", tooltip="Next row with a conflicting fact"),
    Binding("X", "previous_conflict", "Prev ≠", show=False, id="compare.previous-conflict", tooltip="Previous row with a conflicting fact"),
    Binding("d", "toggle_changes_only", "Changes only", show=False, id="compare.changes-only", tooltip="Only rows that differ in more than punctuation"),
    Binding("F", "toggle_fact_colours", "Fact colours", show=False, id="compare.fact-colours", tooltip="Colour names, dates and numbers by kind, or not"),
    Binding("e", "export", "Export", show=False, id="compare.export", tooltip="Save the comparison as an HTML page"),
    Binding("enter", "open_in_reader", "Read", id="compare.read", tooltip="Both articles side by side at this row"),
    Binding("slash", "search", "Search", show=False, id="compare.search", tooltip="Search both articles' text"),
    Binding("y", "copy_row", "Copy", show=False, id="compare.copy", tooltip="Copy the row to the clipboard"),
    Binding("escape", "back", "Back", id="compare.back", tooltip="Back to the library"),
]
"""
| Key(s) | Description |
| :- | :- |
| n / N | Next / previous difference; while a search is kept, next / previous row holding it. |
| / | Search both sides as you type; Enter keeps the search, Esc clears it. |
| o | Follow the left or the right article's sentence order. |
| s | Swap sides. |
| ] / [ | Next / previous article on the right. |
| } / { | Next / previous article on the left. |
| + / - | Raise / lower the match cutoff and re-align. |
| 0 | Back to the cutoff the comparison opened with. |
| f | Table of the facts; enter there goes to the fact's row. |
| x / X | Next / previous row with a conflicting fact (marked ≠ in the gutter). |
| d | Changes only: hide the rows that are the same or differ only in punctuation, case or quote style. |
| F | Colour names, dates and numbers by kind, or leave them plain. |
| e | Export: save the comparison (both texts, the word diff, the facts) as an HTML page in your downloads folder. |
| enter | Read both articles side by side, each at the row's sentences. |
| y | Copy the row to the clipboard. |
| escape | Back. |
"""
