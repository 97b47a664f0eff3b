"""Search within a comparison: ``/`` opens a box, the rows holding its words on either side are found as
it is typed, and n/N step through them while the search is kept."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Static

from reader.tui.flagged import next_flagged
from reader.tui.widgets import CompareView


class CompareSearch:
    """The search of the compare screen, mixed into it: the box, the matching rows, and stepping through them."""

    @property
    def view(self) -> CompareView:
        """The rows searched (the screen's)."""
        raise NotImplementedError

    def compose_search(self) -> ComposeResult:
        """The search's status line and box, hidden until ``/``."""
        yield Static(id="compare-search-status")
        yield Input(placeholder="Search: type, Enter to keep, Esc to close", id="compare-search")

    def hide_search(self) -> None:
        self.query_one("#compare-search", Input).display = False  # type: ignore[attr-defined]
        self.query_one("#compare-search-status", Static).display = False  # type: ignore[attr-defined]

    @property
    def searching(self) -> bool:
        """Whether a search is kept: n and N then step through its rows."""
        return bool(self.view.search_text)

    def action_search(self) -> None:
        """Open the search box, holding the search kept so far."""
        box = self.query_one("#compare-search", Input)  # type: ignore[attr-defined]
        box.display = True
        box.value = self.view.search_text
        self.set_focus(box)  # type: ignore[attr-defined]

    # Handlers by name: a mixin's @on handlers are not collected by Textual.
    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "compare-search":
            self.search_for(event.value)

    def search_for(self, text: str) -> None:
        """Find the rows holding ``text``, and move to the first from the cursor on."""
        self.view.search_text = text
        if text:
            self.step_match(1, include_here=True)
        self._show_search()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "compare-search":
            self.keep_search()

    def keep_search(self) -> None:
        """Close the box and keep its search: n and N step through its rows."""
        self.query_one("#compare-search", Input).display = False  # type: ignore[attr-defined]
        self.set_focus(self.view)  # type: ignore[attr-defined]

    def step_match(self, step: int, include_here: bool = False) -> None:
        """Move to the next (1) or previous (-1) row holding the search, or to the one under the cursor with ``include_here``."""
        view = self.view
        matching = set(view.rows_matching(view.search_text))
        if include_here and view.cursor in matching:
            self._show_search()
            return
        found = next_flagged([row in matching for row in range(len(view.rows))], view.cursor, step)
        if found is None and matching:  # round to the other end, as the reader's search does
            found = min(matching) if step > 0 else max(matching)
            self.notify(f"Search went round to the {'top' if step > 0 else 'bottom'}.", timeout=2)  # type: ignore[attr-defined]
        if found is not None:
            view.move_to(found)
        self._show_search()

    def close_search(self) -> bool:
        """Close the search box, else drop the kept search; whether there was one to close."""
        box = self.query_one("#compare-search", Input)  # type: ignore[attr-defined]
        if not box.display and not self.view.search_text:
            return False
        box.display = False
        self.view.search_text = ""
        self._show_search()
        self.set_focus(self.view)  # type: ignore[attr-defined]
        return True

    def _show_search(self) -> None:
        status = self.query_one("#compare-search-status", Static)  # type: ignore[attr-defined]
        view = self.view
        if not view.search_text:
            status.display = False
            return
        matching = view.rows_matching(view.search_text)
        status.display = True
        if not matching:
            status.update(Text(f"No row holds {view.search_text!r}"))
            return
        here = matching.index(view.cursor) + 1 if view.cursor in matching else 0
        place = f"match {here} of {len(matching)}" if here else "1 row matches" if len(matching) == 1 else f"{len(matching)} rows match"
        status.update(Text(f"Search {view.search_text!r}: {place} · n/N next/previous · Esc clears"))
