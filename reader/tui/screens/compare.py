"""Compare two articles sentence against sentence."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Header
from textual.worker import Worker, WorkerState, get_current_worker

from reader.core import DEFAULT_CUTOFF, Alignment, Article, Fact, FactComparison
from reader.core.alignment.rows import CompareRow, Order, RowKind, Summary, build_rows, summarize, swapped
from reader.core.alignment.word_diff import joined
from reader.tui.exports import save_export
from reader.tui.messages import OpenInContext
from reader.tui.screens.facts import FactsScreen
from reader.tui.session import Session
from reader.tui.widgets import CompareHeader, CompareView, KeyBar
from reader.view.printable import printable
from reader.view.styles import MOVED_MARK
from reader.view.summary import no_conflict_line

#: How far `+` and `-` move the cutoff.
CUTOFF_STEP = 5.0
MIN_CUTOFF = 5.0
MAX_CUTOFF = 95.0


class CompareScreen(Screen[None]):
    """Two articles side by side: one row per link, word diffs painted on."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_change", "Next diff", id="compare.next-change", tooltip="Next row that differs"),
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
        Binding("d", "toggle_changes_only", "Changes only", show=False, id="compare.changes-only", tooltip="Hide rows that differ in nothing but punctuation"),
        Binding("F", "toggle_fact_colours", "Fact colours", show=False, id="compare.fact-colours", tooltip="Colour names, dates and numbers by kind, or not"),
        Binding("e", "export", "Export", show=False, id="compare.export", tooltip="Save the comparison as an HTML page"),
        Binding("enter", "open_in_reader", "Read", id="compare.read", tooltip="Both articles side by side at this row"),
        Binding("y", "copy_row", "Copy", show=False, id="compare.copy", tooltip="Copy the row to the clipboard"),
        Binding("escape", "back", "Back", id="compare.back", tooltip="Back to the library"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | n / N | Next / previous difference. |
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

    #: What the gutter's symbols and the colours mean, for help.
    LEGEND: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("87", "dim", "the gutter's number: how alike the row's sentences are, 0 to 100"),
        ("◀", "magenta", "a sentence only the left article has"),
        ("▶", "magenta", "a sentence only the right article has"),
        (MOVED_MARK, "bold yellow", "the right article tells this row in another place of its order"),
        ("≠", "bold red", "the row holds a fact the other article contradicts; the fact is drawn bold on red"),
        ("removed", "on #5f0000", "words only the left sentence has; numbers and names among them bold"),
        ("added", "on #005f00", "words only the right sentence has"),
        ("same", "", "the title bar's kind of row: the same words (white space, quotes and dashes aside)"),
        ("trivial", "", "only punctuation, case or quote style differ; n skips them, d hides them with the same"),
        ("changed", "", "the words differ; n steps through these and the one-sided rows"),
        ("¦", "", "where one of a row's sentences ends and the next begins; ¦ ⋯ ¦: the sentences between are in other rows"),
        ("covered", "", "the title bar's share of each article, in words, that stands in sentences the other also tells: left / right"),
        ("F", "bold", "colours facts by kind: numbers cyan, money green, percentages magenta, dates yellow, names blue"),
    )

    order: reactive[Order] = reactive[Order]("left", init=False)
    """Whose sentence order the rows follow."""
    cutoff: reactive[float] = reactive(DEFAULT_CUTOFF, init=False)
    """Score below which sentences are not linked."""
    changes_only: reactive[bool] = reactive(False, init=False)
    """Whether rows that are the same, or only trivially different, are hidden."""


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
        self, left: Article, right: Article, cutoff: float, session: Session,
        left_at: int | None = None, right_at: int | None = None,
    ) -> None:
        super().__init__()
        self.session = session
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
        # The compare keys need the whole footer at 80 columns; ctrl+p is listed in help.
        yield KeyBar(show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = "Compare"
        self.view.focus()
        self.realign()

    @property
    def view(self) -> CompareView:
        """The rows."""
        return self.query_one("#compare", CompareView)

    @property
    def ready(self) -> bool:
        """Whether the rows on screen belong to the current pair and cutoff."""
        alignment = self.alignment
        return (
            alignment is not None
            and alignment.a.id == self.left.id
            and alignment.b.id == self.right.id
            and alignment.cutoff == self.cutoff
        )

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

    def _show(
        self, alignment: Alignment, rows: tuple[CompareRow, ...], summary: Summary, anchor: CompareRow | None
    ) -> None:
        self.alignment = alignment
        self.summary = summary
        if not rows:
            rows = build_rows(alignment, self.order)
        self.all_rows = rows
        if self.changes_only:
            rows = tuple(row for row in rows if row.kind.is_difference)
        self.view.show(alignment, rows, self._row_near(rows, anchor))
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

    @property
    def facts(self) -> FactComparison | None:
        """The facts of the comparison on screen, once found."""
        facts = self.view.facts
        return facts if facts is not None and facts.alignment is self.alignment else None

    @staticmethod
    def _row_near(rows: tuple[CompareRow, ...], anchor: CompareRow | None) -> int:
        """The row holding the anchor's first sentence, so the cursor stays put."""
        if anchor is None:
            return 0
        for index, row in enumerate(rows):
            if (anchor.left and anchor.left[0] in row.left) or (anchor.right and anchor.right[0] in row.right):
                return index
        return 0

    @on(CompareView.CursorMoved)
    def _cursor_moved(self, message: CompareView.CursorMoved) -> None:
        self._show_position(message.row)

    def _show_position(self, index: int) -> None:
        """Say in the title bar which row the cursor is on, and whether its facts conflict."""
        rows = self.view.rows
        if rows:
            title = f"Compare · row {index + 1} of {len(rows)} · {rows[index].kind.value}"
            if index in self.view.conflict_rows:
                title += " · ≠ conflicting fact"
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
        index = view.cursor + step
        while 0 <= index < len(view.rows):
            if view.rows[index].kind.is_difference:
                view.move_to(index)
                return
            index += step
        self.notify("No more differences this way.", timeout=2)

    def action_next_change(self) -> None:
        """Move to the next row that differs."""
        self._step_change(1)

    def action_previous_change(self) -> None:
        """Move to the previous row that differs."""
        self._step_change(-1)

    def _step_conflict(self, step: int) -> None:
        if self.facts is None:
            self.notify("The facts are still being found.", timeout=2)
            return
        view = self.view
        rows = view.conflict_rows if step > 0 else tuple(reversed(view.conflict_rows))
        found = next((row for row in rows if (row - view.cursor) * step > 0), None)
        if found is None:
            message = no_conflict_line(self.facts) if not rows else "No more conflicts this way."
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
            left = view.row_of(a, 0)
            return left if left is not None else view.row_of(b, 1)

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
        self.notify(f"Changes only: {hidden} same or trivial rows hidden." if changes_only else "Every row shown.",
                    timeout=2)

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

    def _cycle(self, current: Article, other: Article, step: int) -> Article:
        """The article ``step`` places from ``current`` in the library's order, filter and sort, other than ``other``."""
        by_id = {a.id: a for a in self.session.library.articles}
        order = [by_id[i] for i in self.session.browse_order if i in by_id] or list(self.session.library.articles)
        if current.id not in {a.id for a in order}:
            order.insert(0, current)  # filtered out since: step from where it stood first
        articles = [a for a in order if a.id != other.id]
        if not articles:
            return current
        ids = [a.id for a in articles]
        position = ids.index(current.id) if current.id in ids else -1
        return articles[(position + step) % len(articles)]

    def set_right(self, article: Article) -> None:
        """Compare the left article with another one."""
        if article.id == self.left.id:
            self.notify("That article is already on the left.", timeout=2)
            return
        if article.id == self.right.id:
            self.notify("There is no other article to show.", timeout=2)
            return
        self.right = article
        self.realign()

    def action_next_right(self) -> None:
        """Show the next article on the right."""
        self.set_right(self._cycle(self.right, self.left, 1))

    def action_previous_right(self) -> None:
        """Show the previous article on the right."""
        self.set_right(self._cycle(self.right, self.left, -1))

    def _set_left(self, article: Article) -> None:
        if article.id in (self.left.id, self.right.id):
            self.notify("There is no other article to show.", timeout=2)
            return
        self.left = article
        self.realign()

    def action_next_left(self) -> None:
        """Show the next article on the left."""
        self._set_left(self._cycle(self.left, self.right, 1))

    def action_previous_left(self) -> None:
        """Show the previous article on the left."""
        self._set_left(self._cycle(self.left, self.right, -1))

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
        lines = []
        for article, indices in ((self.alignment.a, row.left), (self.alignment.b, row.right)):
            said = joined([article.sentences[i].text for i in indices], indices) if indices else "(nothing)"
            lines.append(f"{article.label}: {said}")
        self.app.copy_to_clipboard("\n".join(lines))
        self.notify("Copied the row.", timeout=2)

    def action_open_in_reader(self) -> None:
        """Read both articles side by side, each at the highlighted row's sentences."""
        view = self.view
        row = view.current_row
        if row is None or self.alignment is None:
            return
        a, b = self.alignment.a, self.alignment.b

        def spans(article: Article, indices: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
            return tuple((article.sentences[i].start, article.sentences[i].end) for i in indices)

        def near(side: int) -> int | None:
            """Where the row stands in a side it has no sentence of: after the nearest row above that has one."""
            article = a if side == 0 else b
            for index in range(view.cursor - 1, -1, -1):
                indices = view.rows[index].left if side == 0 else view.rows[index].right
                if indices:
                    return article.sentences[max(indices)].end
            return None

        self.post_message(
            OpenInContext(a, b, spans(a, row.left), spans(b, row.right),
                          None if row.left else near(0), None if row.right else near(1))
        )

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
        saved, problem = save_export(f"{alignment.a.label} vs {alignment.b.label}", ".html", page)
        if saved is None:
            self.app.call_from_thread(self.notify, f"Could not export: {problem}", title="Export", severity="error",
                                      markup=False)
        else:
            note = "" if facts is not None else " (the facts were still being found: none in the page)"
            self.app.call_from_thread(self.notify, f"Exported to {saved}{note}", title="Export", markup=False)

    def action_back(self) -> None:
        """Go back to where the comparison was opened from."""
        self.app.pop_screen()
