"""Keys shared by the tables of facts: move a row, or jump to the next conflict."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding

from reader.tui.flagged import next_flagged

if TYPE_CHECKING:
    from rich.text import Text
    from textual.notifications import SeverityLevel
    from textual.widgets import DataTable


#: The moving keys of a table of facts, as in the library: vim's and less's.
TABLE_KEYS = [
    Binding("j", "move(1)", "Down", show=False, id="table.down", tooltip="Next row"),
    Binding("k", "move(-1)", "Up", show=False, id="table.up", tooltip="Previous row"),
]


class ConflictSteps:
    """``j``/``k`` and ``x``/``X`` over a :class:`DataTable` whose rows may hold a conflict.

    A screen mixes this in and says which rows conflict and what to say when
    there is no further one.
    """

    #: Said when no conflict lies further this way.
    NO_MORE_CONFLICTS = "No more conflicts this way."
    #: Said when the table holds no conflict at all.
    NO_CONFLICTS = "No conflicts."

    if TYPE_CHECKING:  # provided by the screen this is mixed into

        @property
        def table(self) -> DataTable[Text]: ...

        def notify(
            self,
            message: str,
            *,
            title: str = "",
            severity: SeverityLevel = "information",
            timeout: float | None = None,
            markup: bool = True,
        ) -> None: ...

    def no_conflicts(self) -> str:
        """Said when the table holds no conflict at all."""
        return self.NO_CONFLICTS

    def conflict_rows(self) -> list[bool]:
        """For each row of the table, whether it holds a conflict."""
        raise NotImplementedError

    def _step_conflict(self, step: int) -> None:
        flags = self.conflict_rows()
        found = next_flagged(flags, self.table.cursor_row, step)
        if found is None:
            self.notify(self.NO_MORE_CONFLICTS if any(flags) else self.no_conflicts(), timeout=3)
            return
        self.table.move_cursor(row=found)

    def action_next_conflict(self) -> None:
        """Move to the next row holding a conflict."""
        self._step_conflict(1)

    def action_previous_conflict(self) -> None:
        """Move to the previous row holding a conflict."""
        self._step_conflict(-1)

    def action_move(self, step: int) -> None:
        """Move the cursor one row down (1) or up (-1)."""
        if step > 0:
            self.table.action_cursor_down()
        else:
            self.table.action_cursor_up()
