"""Compare two articles sentence against sentence."""

from __future__ import annotations

import gc
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.message import Message
from textual.reactive import Reactive, reactive
from textual.screen import Screen
from textual.widgets import Header
from textual.worker import Worker, WorkerState, get_current_worker

from reader.core import DEFAULT_CUTOFF, Alignment, Article, Fact, FactComparison
from reader.core.alignment.rows import CompareRow, Order, RowKind, Summary, build_rows, summarize, swapped
from reader.tui.exports import export_page
from reader.tui.flagged import next_flagged
from reader.tui.messages import ArticlesOpened, Export, PaletteRequest, ShowFacts, Swap
from reader.tui.screens.compare_keys import COMPARE_KEYS
from reader.tui.screens.compare_search import CompareSearch
from reader.tui.screens.compare_sides import SideStepping
from reader.tui.screens.compare_typeahead import TypedAhead
from reader.tui.screens.context import context_at
from reader.tui.screens.facts import FactsScreen
from reader.tui.session import Session
from reader.tui.widgets import CompareHeader, CompareView, KeyBar
from reader.tui.widgets.compare_facts import row_near, row_text
from reader.view.marks import COMPARE_LEGEND, CONFLICT_MARK
from reader.view.printable import printable
from reader.view.summary import no_conflict_line

#: How far `+` and `-` move the cutoff.
CUTOFF_STEP = 5.0
MIN_CUTOFF = 5.0
MAX_CUTOFF = 95.0


class CompareScreen(SideStepping, CompareSearch, TypedAhead, Screen[None]):
    """Two articles side by side: one row per link, word diffs painted on."""

    BINDINGS: ClassVar[list[BindingType]] = COMPARE_KEYS
    """The keys, with their table, are in :mod:`reader.tui.screens.compare_keys`."""

    #: What the gutter's symbols and the colours mean, for help.
    LEGEND: ClassVar[tuple[tuple[str, str, str], ...]] = COMPARE_LEGEND

    order: reactive[Order] = reactive[Order]("left", init=False)
    """Whose sentence order the rows follow."""
    cutoff: reactive[float] = reactive(DEFAULT_CUTOFF, init=False)
    """Score below which sentences are not linked."""
    changes_only: reactive[bool] = reactive(False, init=False)
    """Whether rows that are the same, or only trivially different, are hidden."""
    sub_title: Reactive[str | None] = Reactive(None, compute=False, repaint=False)
    """The title bar's second part: the row the cursor is on. The header redraws itself; the
    screen, drawn anew on every change of a repainting reactive, is left alone."""

    class Aligned(Message):
        """An alignment finished in the background."""

        def __init__(self, alignment: Alignment, order: Order, rows: tuple[CompareRow, ...], summary: Summary) -> None:
            super().__init__()
            self.alignment = alignment
            self.order = order
            self.rows = rows
            self.summary = summary

    class FactsFound(Message):
        """The facts of the alignment on screen were found in the background."""

        def __init__(self, facts: FactComparison) -> None:
            super().__init__()
            self.facts = facts

    def __init__(
        self,
        left: Article,
        right: Article,
        cutoff: float,
        session: Session,
        left_at: int | None = None,
        right_at: int | None = None,
        browse_order: tuple[str, ...] = (),
    ) -> None:
        super().__init__()
        self._typed_ahead = []
        self.session = session
        self.browse_order = browse_order
        """Ids of the articles ] and [ step through, in order (the library's as filtered and sorted when opened from it)."""
        self.left = left
        self.right = right
        self.set_reactive(CompareScreen.cutoff, cutoff)
        self.opening_cutoff = cutoff
        """The cutoff the comparison opened with (``--cutoff``, or the default): where ``0`` goes back to."""
        self.alignment: Alignment | None = None
        self.summary: Summary | None = None
        self.all_rows: tuple[CompareRow, ...] = ()
        """Every row of the comparison, those hidden by :attr:`changes_only` included."""
        self._keep_place = False
        # The row to open at: the one holding this left (or right) sentence.
        self._start: CompareRow | None = None
        if left_at is not None or right_at is not None:
            left_side = () if left_at is None else (left_at,)
            right_side = () if right_at is None else (right_at,)
            self._start = CompareRow(RowKind.CHANGED, left_side, right_side)

    def compose(self) -> ComposeResult:
        yield Header()
        yield CompareHeader(id="compare-header").data_bind(CompareScreen.order, CompareScreen.cutoff)
        yield CompareView(id="compare")
        yield from self.compose_search()
        # The compare keys need the whole footer at 80 columns; ctrl+p is listed in help.
        yield KeyBar(show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = "Compare"
        self.hide_search()
        self.view.focus()
        self.realign()
        self.post_message(ArticlesOpened(self.left, self.right))

    @property
    def view(self) -> CompareView:
        """The rows."""
        return self.query_one("#compare", CompareView)

    @property
    def ready(self) -> bool:
        """Whether the rows on screen belong to the current pair and cutoff."""
        alignment = self.alignment
        return alignment is not None and alignment.a.id == self.left.id and alignment.b.id == self.right.id and alignment.cutoff == self.cutoff

    # -- aligning -----------------------------------------------------------

    def realign(self, keep_place: bool = False) -> None:
        """Align the current pair in the background and show it when done.

        Args:
            keep_place: Keep the cursor on the same sentences (the pair is unchanged).
        """
        self._keep_place = keep_place
        # A long pair is aligned in another process: no key waits. Its facts are
        # asked for once the rows are on screen.
        self.session.comparer.prepare(self.left, self.right, self.cutoff)
        gc.unfreeze()  # what the last comparison left behind may be swept again
        self.summary = None
        self._show_header()
        self.view.loading = True
        self._align(self.left, self.right, self.cutoff, self.order)

    @work(thread=True, exclusive=True, group="align", exit_on_error=False)
    def _align(self, left: Article, right: Article, cutoff: float, order: Order) -> None:
        worker = get_current_worker()
        # Term weights come from the two articles, as `reader align` computes
        # them: library-wide weights blur what sets this pair's sentences apart.
        alignment = self.session.comparer.align(left, right, cutoff)
        if worker.is_cancelled:
            return
        rows = build_rows(alignment, order)
        self.post_message(self.Aligned(alignment, order, rows, summarize(alignment)))

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        """A failure while aligning or finding facts is told, and the comparison stays open."""
        if event.state is not WorkerState.ERROR or event.worker.group not in {"align", "facts"}:
            return
        self.view.loading = False
        self.drop_typed_ahead()
        task = "align" if event.worker.group == "align" else "compare the facts of"
        names = f"{printable(self.left.path.name)} and {printable(self.right.path.name)}"
        self.notify(
            f"Could not {task} {names}: {printable(repr(event.worker.error))}",
            title="Error",
            severity="error",
            timeout=10,
            markup=False,
        )

    @on(Aligned)
    def _aligned(self, message: Aligned) -> None:
        alignment = message.alignment
        if (alignment.a.id, alignment.b.id, alignment.cutoff) != (self.left.id, self.right.id, self.cutoff):
            return  # a stale result: a newer alignment is on its way
        anchor = self.view.current_row if self._keep_place else self._start
        self._start = None
        self._show(alignment, message.rows if message.order == self.order else (), message.summary, anchor)
        self.view.loading = False
        self.call_later(self.play_typed_ahead)

    def _show(self, alignment: Alignment, rows: tuple[CompareRow, ...], summary: Summary, anchor: CompareRow | None) -> None:
        self.alignment = alignment
        self.summary = summary
        if not rows:
            rows = build_rows(alignment, self.order)
        self.all_rows = rows
        if self.changes_only:
            rows = tuple(row for row in rows if row.kind.is_difference)
        self.view.show(alignment, rows, row_near(rows, anchor))
        if self.view.facts is None:
            self._find_facts(alignment)
        self._show_header()

    @work(thread=True, exclusive=True, group="facts", exit_on_error=False)
    def _find_facts(self, alignment: Alignment) -> None:
        worker = get_current_worker()
        facts = self.session.comparer.comparison(alignment)
        if not worker.is_cancelled:
            self.post_message(self.FactsFound(facts))

    @on(FactsFound)
    def _facts_found(self, message: FactsFound) -> None:
        if message.facts.alignment is not self.alignment:
            return  # a stale result: the pair or the sides changed since
        self.view.show_facts(message.facts)
        self._show_header()
        self._show_position(self.view.cursor)
        self._settle()

    def _settle(self) -> None:
        """Keep what the comparison built (articles, alignment, rows, facts) out of the collector's sweeps:
        a full sweep of a long comparison's objects held a key for 130 ms, at any moment. It is swept once
        now, as the facts come, so that no garbage is kept; comparing again, or closing the screen, lets
        it back in."""
        gc.collect()
        gc.freeze()

    def on_unmount(self) -> None:
        gc.unfreeze()

    def on_resize(self) -> None:
        # The header leaves out the titles on a short terminal: it is laid out again once the screen has
        # taken the classes of its new size, which Textual gives it after this handler.
        header = self.query_one(CompareHeader)
        self.call_after_refresh(header.refresh, layout=True)

    @property
    def facts(self) -> FactComparison | None:
        """The facts of the comparison on screen, once found."""
        facts = self.view.facts
        return facts if facts is not None and facts.alignment is self.alignment else None

    @on(CompareView.CursorMoved)
    def _cursor_moved(self, message: CompareView.CursorMoved) -> None:
        self._show_position(message.row)

    def _show_position(self, index: int) -> None:
        """Say in the title bar which row the cursor is on, and whether its facts conflict."""
        rows = self.view.rows
        if rows:
            title = f"Compare · row {index + 1} of {len(rows)} · {rows[index].kind.value}"
            if index in self.view.conflict_rows:
                title += f" · {CONFLICT_MARK} conflicting fact"
            self.sub_title = title

    @on(CompareView.Opened)
    def _row_opened(self) -> None:
        self.action_open_in_reader()

    def _show_header(self) -> None:
        facts = self.facts
        conflicts = None if facts is None else len(self.view.conflict_rows)
        self.query_one(CompareHeader).show(self.left, self.right, self.summary, facts, conflicts)

    # -- actions ------------------------------------------------------------

    def _step_change(self, step: int) -> None:
        view = self.view
        found = next_flagged([row.kind.is_difference for row in view.rows], view.cursor, step)
        if found is not None:
            view.move_to(found)
            return
        self.notify("No more differences this way.", timeout=2)

    def action_next_change(self) -> None:
        """Move to the next row that differs, or while a search is kept, the next row holding it."""
        self.step_match(1) if self.searching else self._step_change(1)

    def action_previous_change(self) -> None:
        """Move to the previous row that differs, or while a search is kept, the previous row holding it."""
        self.step_match(-1) if self.searching else self._step_change(-1)

    def _step_conflict(self, step: int) -> None:
        if self.facts is None:
            self.notify("The facts are still being found.", timeout=2)
            return
        view = self.view
        conflicts = set(view.conflict_rows)
        found = next_flagged([row in conflicts for row in range(len(view.rows))], view.cursor, step)
        if found is None:
            message = no_conflict_line(self.facts) if not conflicts else "No more conflicts this way."
            self.notify(message, timeout=3, markup=False)
            return
        view.move_to(found)

    def action_next_conflict(self) -> None:
        """Move to the next row holding a fact the other article contradicts."""
        self._step_conflict(1)

    def action_previous_conflict(self) -> None:
        """Move to the previous row holding a fact the other article contradicts."""
        self._step_conflict(-1)

    def action_facts(self) -> None:
        """Open the table of facts; choosing one comes back to its row."""
        facts = self.facts
        if facts is None:
            self.notify("The facts are still being found.", timeout=2)
            return
        if facts.unchecked:
            self.notify(f"Facts unchecked: {facts.unchecked}.", timeout=4, markup=False)
            return
        view = self.view

        def row_for(a: Fact | None, b: Fact | None) -> int | None:
            left = view.row_of(a, "a")
            return left if left is not None else view.row_of(b, "b")

        self.app.push_screen(FactsScreen(facts, row_for, near=view.cursor), self._go_to_row)

    def _go_to_row(self, row: int | None) -> None:
        if row is not None:
            self.view.move_to(row)

    def action_toggle_changes_only(self) -> None:
        """Hide the rows that are the same or differ only in punctuation, or show them again."""
        self.changes_only = not self.changes_only

    def watch_changes_only(self, changes_only: bool) -> None:
        if self.alignment is not None and self.summary is not None:
            self._show(self.alignment, self.all_rows, self.summary, self.view.current_row)
        hidden = sum(not row.kind.is_difference for row in self.all_rows)
        self.notify(f"Changes only: {hidden} same or trivial rows hidden." if changes_only else "Every row shown.", timeout=2)

    def action_toggle_fact_colours(self) -> None:
        """Colour the facts by kind, or leave the word diff to carry the eye."""
        on = not self.view.fact_colours
        self.view.colour_facts(on)
        self.notify("Facts coloured by kind." if on else "Facts plain; conflicting ones stand out.", timeout=2)

    def watch_order(self) -> None:
        if self.alignment is not None and self.summary is not None:
            self._show(self.alignment, build_rows(self.alignment, self.order), self.summary, self.view.current_row)
        else:
            self._show_header()

    def action_toggle_order(self) -> None:
        """Follow the other article's sentence order."""
        self.order = "right" if self.order == "left" else "left"

    def action_swap(self) -> None:
        """Put the left article on the right and the right one on the left."""
        self.left, self.right = self.right, self.left
        if self.alignment is not None and self.summary is not None and self.view.loading is False:
            alignment = swapped(self.alignment)
            anchor = self.view.current_row
            flipped = CompareRow(anchor.kind, anchor.right, anchor.left) if anchor else None
            # The rows keep following the same article, which is now on the other side.
            self.set_reactive(CompareScreen.order, "right" if self.order == "left" else "left")
            self.query_one(CompareHeader).order = self.order
            self._show(alignment, build_rows(alignment, self.order), summarize(alignment), flipped)
        else:
            self.realign()

    @on(Swap)
    @on(Export)
    @on(ShowFacts)
    def _palette_asked(self, message: PaletteRequest) -> None:
        """The palette's swap, export and facts: the keys s, e and f."""
        message.stop()
        getattr(self, f"action_{message.ACTION}")()

    def action_raise_cutoff(self) -> None:
        """Link fewer, closer sentences."""
        self.cutoff = min(MAX_CUTOFF, self.cutoff + CUTOFF_STEP)

    def action_lower_cutoff(self) -> None:
        """Link more, looser sentences."""
        self.cutoff = max(MIN_CUTOFF, self.cutoff - CUTOFF_STEP)

    def action_reset_cutoff(self) -> None:
        """Link as the comparison did when it opened."""
        self.cutoff = self.opening_cutoff

    def watch_cutoff(self) -> None:
        self.realign(keep_place=True)

    def action_copy_row(self) -> None:
        """Copy the row under the cursor: each side's sentences, marked where one ends, under its outlet's name."""
        row = self.view.current_row
        if row is None or self.alignment is None:
            return
        self.app.copy_to_clipboard(row_text(self.alignment, row))
        self.notify("Copied the row.", timeout=2)

    def action_open_in_reader(self) -> None:
        """Read both articles side by side, each at the highlighted row's sentences."""
        view = self.view
        row = view.current_row
        if row is None or self.alignment is None:
            return
        self.post_message(context_at(self.alignment, view.rows, view.cursor))

    def action_export(self) -> None:
        """Save the comparison as a standalone HTML page, the rows as shown (changes only after d)."""
        if self.alignment is None:
            self.notify("The comparison is still being aligned.", timeout=2)
            return
        self._export(self.alignment, self.view.rows, self.facts)

    @work(thread=True, group="export", exit_on_error=False)
    def _export(self, alignment: Alignment, rows: tuple[CompareRow, ...], facts: FactComparison | None) -> None:
        from reader.view.html import comparison_html

        page = comparison_html(alignment, rows, facts)
        export_page(self, f"{alignment.a.label} vs {alignment.b.label}", page, with_facts=facts is not None)

    def action_back(self) -> None:
        """Close the search, or go back to where the comparison was opened from."""
        if not self.close_search():
            self.app.pop_screen()
