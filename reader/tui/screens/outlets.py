"""One report against all the others: each of its sentences beside every other outlet's."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static
from textual.worker import Worker, WorkerState, get_current_worker

from reader.core import Article
from reader.core.outlets import OneAgainstAll
from reader.tui.exports import export_page
from reader.tui.flagged import next_flagged
from reader.tui.messages import OpenComparison, OpenCoverage
from reader.tui.session import Session
from reader.tui.widgets import DiffPanel, KeyBar
from reader.tui.widgets.outlets_detail import detail, summary
from reader.tui.widgets.outlets_grid import Line, OutletsGrid
from reader.view.counts import counted
from reader.view.marks import OUTLETS_LEGEND
from reader.view.printable import one_line


class OutletsScreen(Screen[None]):
    """A base report's sentences, one per row, against a column per other outlet."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter", "open_pair", "Compare", priority=True, id="outlets.compare", tooltip="The base and the outlet under the cursor side by side, at this row"
        ),
        Binding("b", "rebase", "Base", id="outlets.base", tooltip="Make the outlet under the cursor the base"),
        Binding("n", "next_disagreement", "Next ≠", id="outlets.next", tooltip="Next row where the outlets disagree"),
        Binding("N", "previous_disagreement", "Prev ≠", show=False, id="outlets.previous", tooltip="Previous row where the outlets disagree"),
        Binding("t", "story", "Facts", id="outlets.story", tooltip="Every fact of these outlets against every outlet"),
        Binding("e", "export", "Export", show=False, id="outlets.export", tooltip="Save the table as an HTML page"),
        Binding("j", "move(1)", "Down", show=False, id="outlets.down", tooltip="Next row"),
        Binding("k", "move(-1)", "Up", show=False, id="outlets.up", tooltip="Previous row"),
        Binding("h", "sideways(-1)", "Left", show=False, id="outlets.left", tooltip="Previous column"),
        Binding("l", "sideways(1)", "Right", show=False, id="outlets.right", tooltip="Next column"),
        Binding("escape", "back", "Back", id="outlets.back", tooltip="Back to where it was opened from"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | j, down / k, up | Next / previous row. |
    | h, left / l, right | Previous / next column: the base, then one per outlet. |
    | g, home / G, end | First / last row. |
    | enter | Compare the base and the outlet under the cursor side by side, at this row. |
    | b | Make the outlet under the cursor the base. |
    | n / N | Next / previous row where an outlet contradicts a fact or alters a quote. |
    | t | The facts of these outlets: every fact against every outlet. |
    | e | Export the table as an HTML page in your downloads folder. |
    | escape | Back. |
    """

    #: The screen's name in help.
    HELP_NAME = "One against all"
    #: What the cells' marks mean, for help.
    LEGEND: ClassVar[tuple[tuple[str, str, str], ...]] = OUTLETS_LEGEND

    class Tabled(Message):
        """The table was built in the background (first without facts, then with them)."""

        def __init__(self, table: OneAgainstAll, articles: tuple[Article, ...]) -> None:
            super().__init__()
            self.table = table
            self.articles = articles

    def __init__(self, articles: Sequence[Article], cutoff: float, session: Session, browse_order: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.browse_order = browse_order
        """The library's order when opened from it, handed on to a comparison opened here."""
        if len(articles) < 2:
            raise ValueError("one report against all needs a base and at least one other")
        self.session = session
        self.cutoff = cutoff
        self.articles = tuple(articles)
        """The base first, then the others in column order."""

    @property
    def base(self) -> Article:
        """The report read against the others."""
        return self.articles[0]

    @property
    def others(self) -> tuple[Article, ...]:
        """The reports in the columns, in order."""
        return self.articles[1:]

    @property
    def table(self) -> OneAgainstAll | None:
        """The table, once built."""
        return self.grid.table

    @property
    def lines(self) -> tuple[Line, ...]:
        """What each row of the grid shows."""
        return self.grid.lines

    @property
    def with_facts(self) -> bool:
        """Whether the facts are in the table yet."""
        return self.grid.with_facts

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="outlets-summary")
        yield OutletsGrid(id="outlets-table")
        yield DiffPanel(id="outlets-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = f"One against all · {len(self.others)} other outlets"
        self._show_summary()
        self.grid.loading = True
        self.grid.focus()
        self._build(self.articles)

    @property
    def grid(self) -> OutletsGrid:
        """The table on screen."""
        return self.query_one("#outlets-table", OutletsGrid)

    # -- building -----------------------------------------------------------

    @work(thread=True, exclusive=True, group="outlets", exit_on_error=False)
    def _build(self, articles: tuple[Article, ...]) -> None:
        """Align the base with each outlet and show the table; then compare their facts and show it again."""
        worker = get_current_worker()
        comparer, base, others = self.session.comparer, articles[0], articles[1:]
        table = comparer.against_all(base, others, self.cutoff, facts=False)
        if worker.is_cancelled:
            return
        self.post_message(self.Tabled(table, articles))
        table = comparer.against_all(base, others, self.cutoff)
        if not worker.is_cancelled:
            self.post_message(self.Tabled(table, articles))

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        if event.state is not WorkerState.ERROR or event.worker.group != "outlets":
            return
        self.grid.loading = False
        self.notify(f"Could not compare the outlets: {one_line(repr(event.worker.error))}", title="Error", severity="error", timeout=10, markup=False)

    @on(Tabled)
    def _tabled(self, message: Tabled) -> None:
        if message.articles != self.articles:
            return  # built for another base
        self.grid.loading = False
        self.grid.table = message.table
        self._show_summary()

    @on(OutletsGrid.Filled)
    def _filled(self) -> None:
        self._show_detail()

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_summary)

    def _show_summary(self) -> None:
        """Three lines, each cut to the width: the base, the lettered outlets, and the counts."""
        width = max(20, (self.size.width or self.app.size.width) - 2)
        table = self.table
        self.query_one("#outlets-summary", Static).update(summary(self.base, self.others, table, self.with_facts, width))
        if table is not None:
            disagree = sum(row.disagreement for row in table.rows)
            facts = f" · {disagree} disagree" if self.with_facts else ""
            self.sub_title = f"One against all · {counted(len(self.others), 'other outlet')} · {counted(len(table.rows), 'row')}{facts}"

    @property
    def current_line(self) -> Line | None:
        """What the row under the cursor shows."""
        return self.grid.current_line

    def current_outlet(self) -> int | None:
        """The outlet whose column the cursor is in (index into the others), or ``None`` on the gutter or the base."""
        return self.grid.current_outlet()

    @on(DataTable.CellHighlighted, "#outlets-table")
    def _highlighted(self) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        panel = self.query_one("#outlets-detail", DiffPanel)
        table, line = self.table, self.current_line
        if table is None or line is None:
            panel.update(Text("Aligning the outlets…", "italic"))
            return
        panel.update(detail(table, line, self.current_outlet(), panel.cell_styles()))

    # -- actions ------------------------------------------------------------

    def action_move(self, step: int) -> None:
        """Move the cursor one row down (1) or up (-1)."""
        if step > 0:
            self.grid.action_cursor_down()
        else:
            self.grid.action_cursor_up()

    def action_sideways(self, step: int) -> None:
        """Move the cursor one column right (1) or left (-1)."""
        if step > 0:
            self.grid.action_cursor_right()
        else:
            self.grid.action_cursor_left()

    def action_open_pair(self) -> None:
        """Compare the base with the outlet under the cursor, at this row: the pairwise view of the same pairs."""
        line = self.current_line
        if line is None or line.place == "section":
            return
        if line.place == "only":
            self.post_message(OpenComparison(self.base, self.others[line.other], right_at=line.sentence, order=self.browse_order))
            return
        if line.place == "alone":
            self.grid.move_cursor(row=line.sentence, column=1)
            return
        k = self.current_outlet()
        row = self.table.rows[line.sentence] if self.table is not None else None
        if k is None and row is not None:
            # On the base: the first outlet that reports the sentence, else the first outlet.
            k = next((n for n, cell in enumerate(row.cells) if cell is not None), 0)
        if k is None:
            return
        self.post_message(OpenComparison(self.base, self.others[k], left_at=line.sentence, order=self.browse_order))

    def action_rebase(self) -> None:
        """Read the outlet under the cursor against all the others instead."""
        k = self.current_outlet()
        line = self.current_line
        if k is None and line is not None and line.place == "only":
            k = line.other
        if k is None:
            self.notify("Move to an outlet's column first (left, right): b makes it the base.", timeout=3)
            return
        new_base = self.others[k]
        self.articles = (new_base, *(a for a in self.articles if a.id != new_base.id))
        self.grid.table = None
        self.grid.loading = True
        self._show_summary()
        self._show_detail()
        self.notify(f"Base: {one_line(new_base.label)}", timeout=2, markup=False)
        self._build(self.articles)

    def _step(self, step: int) -> None:
        table = self.table
        if table is None:
            return
        if not self.with_facts:
            self.notify("The facts are still being found.", timeout=2)
            return
        flags = [line.place == "base" and table.rows[line.sentence].disagreement for line in self.lines]
        found = next_flagged(flags, self.grid.cursor_row, step)
        if found is not None:
            self.grid.move_cursor(row=found)
            return
        any_at_all = any(row.disagreement for row in table.rows)
        self.notify("No more disagreements this way." if any_at_all else "No outlet contradicts a fact of the base or alters its quotes.", timeout=3)

    def action_next_disagreement(self) -> None:
        """Move to the next row where an outlet contradicts a fact or alters a quote."""
        self._step(1)

    def action_previous_disagreement(self) -> None:
        """Move to the previous row where an outlet contradicts a fact or alters a quote."""
        self._step(-1)

    def action_story(self) -> None:
        """Every fact of these outlets against every outlet, paired as this table pairs them."""
        self.post_message(OpenCoverage(self.articles))

    def action_export(self) -> None:
        """Save the table as a standalone HTML page."""
        if self.table is None:
            self.notify("The outlets are still being aligned.", timeout=2)
            return
        self._export(self.table, self.with_facts)

    @work(thread=True, group="export", exit_on_error=False)
    def _export(self, table: OneAgainstAll, with_facts: bool) -> None:
        from reader.view.html_many import one_against_all_html

        page = one_against_all_html(table)
        export_page(self, f"{table.base.label} against {len(table.others)} others", page, with_facts)

    def action_back(self) -> None:
        """Back to where the table was opened from."""
        self.app.pop_screen()
