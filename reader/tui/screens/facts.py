"""The facts panel of a comparison: every fact, its two values and the verdict."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from reader.core import Fact, FactComparison
from reader.tui.screens.conflict_steps import TABLE_KEYS, ConflictSteps
from reader.tui.widgets import KeyBar, Table
from reader.view.marks import CONFLICT_MARK, CONFLICT_MARK_STYLE
from reader.view.printable import one_line, printable
from reader.view.styles import KIND_STYLES, VERDICT_LABELS, VERDICT_STYLES
from reader.view.summary import facts_summary, no_conflict_line

#: Finds the compare row showing a pair's left or right fact.
RowFinder = Callable[[Fact | None, Fact | None], int | None]
#: Widths of the kind, verdict and row columns; the two values share the rest.
KIND_WIDTH, VERDICT_WIDTH, ROW_WIDTH = 12, 11, 4


@dataclass(frozen=True, slots=True)
class PanelEntry:
    """One line of the panel: a fact pair or a quote pair.

    Attributes:
        kind: The fact's kind.
        verdict: A fact verdict (``same``…``only_b``) or a quote verdict.
        a: The left article's mention, if any.
        b: The right article's mention, if any.
        different_speakers: For a quote, whether the two attribute it differently.
    """

    kind: str
    verdict: str
    a: Fact | None
    b: Fact | None
    different_speakers: bool = False

    @property
    def conflict(self) -> bool:
        """Whether the two articles disagree on this fact."""
        return self.verdict == "different" or self.different_speakers


def panel_entries(facts: FactComparison) -> tuple[PanelEntry, ...]:
    """The facts and the shared quotes of a comparison, in reading order."""
    entries = [PanelEntry(p.kind, p.verdict, p.a, p.b) for p in facts.pairs]
    entries += [PanelEntry("quote", q.verdict, q.a, q.b, q.different_speakers) for q in facts.quotes]
    len_a = max(1, len(facts.alignment.a.text))
    len_b = max(1, len(facts.alignment.b.text))

    def position(entry: PanelEntry) -> float:
        return entry.a.start / len_a if entry.a is not None else entry.b.start / len_b  # type: ignore[union-attr]

    return tuple(sorted(entries, key=position))


def fact_cell(fact: Fact | None) -> Text:
    """A fact as written, coloured by kind, with its normalised value when that reads differently."""
    if fact is None:
        return Text("—", "dim")
    words = one_line(fact.text)
    if fact.kind in {"quote", "paraphrase"}:
        cell = Text(f"{printable(fact.speaker)}: " if fact.speaker else "", "bold")
        # A paraphrase is the reporter's sentence, not a quote: no quotation marks.
        cell.append(f"“{words}”" if fact.kind == "quote" else words, KIND_STYLES.get(fact.kind, ""))
    else:
        cell = Text(words, KIND_STYLES.get(fact.kind, ""))
        value = one_line(fact.value)
        if value.casefold() != words.casefold():
            cell.append(f" = {value}", "dim")
    cell.no_wrap = True
    cell.overflow = "ellipsis"
    return cell


def verdict_cell(entry: PanelEntry) -> Text:
    """The verdict in its colour; a quote given to two speakers says so."""
    label = VERDICT_LABELS.get(entry.verdict, entry.verdict)
    cell = Text((f"{CONFLICT_MARK} " if entry.verdict == "different" else "") + label, VERDICT_STYLES.get(entry.verdict, ""))
    if entry.different_speakers:
        cell.append(f" {CONFLICT_MARK}who", CONFLICT_MARK_STYLE)
    return cell


def kind_legend() -> Text:
    """Each kind of fact in the colour the compare screen and the reader give it."""
    legend = Text()
    for kind, style in KIND_STYLES.items():
        if kind != "paraphrase":
            legend.append(kind, style)
            legend.append(" ")
    return legend


class FactsScreen(ConflictSteps, Screen[int | None]):
    """The facts of two compared articles, one line each; enter goes back to the fact's row."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # A priority binding, so that the table's own enter does not hide it from the footer.
        Binding("enter", "go", "Go to row", priority=True, id="facts.go", tooltip="Show this fact's row in the comparison"),
        Binding("x", "next_conflict", "Next ≠", id="facts.next-conflict", tooltip="Next conflicting fact"),
        Binding("X", "previous_conflict", "Prev ≠", show=False, id="facts.previous-conflict", tooltip="Previous conflicting fact"),
        Binding("y", "copy", "Copy", show=False, id="facts.copy", tooltip="Copy the fact's row to the clipboard"),
        *TABLE_KEYS,
        Binding("escape", "back", "Back", id="facts.back", tooltip="Back to the comparison"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | enter | Back to the comparison, on the row of this fact. |
    | x / X | Next / previous conflicting fact. |
    | y | Copy the fact's row to the clipboard. |
    | j, down / k, up | Next / previous fact. |
    | g, home / G, end | First / last fact. |
    | escape | Back to the comparison where it was. |
    """

    def __init__(self, facts: FactComparison, row_for: RowFinder, near: int = 0) -> None:
        super().__init__()
        self.facts = facts
        entries = panel_entries(facts)
        found = [(row_for(e.a, e.b), n, e) for n, e in enumerate(entries)]
        # The comparison's row order, so the table reads down the screen behind it.
        found.sort(key=lambda item: (item[0] is None, item[0] or 0, item[1]))
        self.entries = tuple(e for _, _, e in found)
        self.rows = tuple(row for row, _, _ in found)
        """The compare row of each entry (``None`` when it is in no row)."""
        self.near = near
        self._filled_width = -1

    def compose(self) -> ComposeResult:
        yield Header()
        summary = Text(printable(facts_summary(self.facts)))
        summary.append("\n")
        summary.append_text(kind_legend())
        yield Static(summary, id="facts-summary")
        yield Table(id="facts-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="facts-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        alignment = self.facts.alignment
        self.sub_title = printable(f"Facts · {alignment.a.label} | {alignment.b.label}")
        self._fill()
        start = next((n for n, row in enumerate(self.rows) if row is not None and row >= self.near), 0)
        self.table.move_cursor(row=start, animate=False)
        self.table.focus()

    @property
    def table(self) -> DataTable[Text]:
        """The table of facts."""
        return self.query_one("#facts-table", DataTable)

    def _value_width(self) -> int:
        width = self.table.size.width or self.app.size.width
        fixed = KIND_WIDTH + VERDICT_WIDTH + ROW_WIDTH + 2 * 5 + 2  # cell padding, scrollbar
        return max(10, (width - fixed) // 2)

    def _fill(self) -> None:
        table = self.table
        cursor = table.cursor_row
        table.clear(columns=True)
        alignment = self.facts.alignment
        width = self._filled_width = self._value_width()
        table.add_column("fact", key="kind", width=KIND_WIDTH)
        for key, article in (("left", alignment.a), ("right", alignment.b)):
            heading = Text(one_line(article.label), "bold", no_wrap=True, overflow="ellipsis")
            table.add_column(heading, key=key, width=width)
        table.add_column("verdict", key="verdict", width=VERDICT_WIDTH)
        table.add_column(Text("row", justify="right"), key="row", width=ROW_WIDTH)
        for entry, row in zip(self.entries, self.rows):
            table.add_row(
                Text(entry.kind, KIND_STYLES.get(entry.kind, "")),
                fact_cell(entry.a),
                fact_cell(entry.b),
                verdict_cell(entry),
                Text("—" if row is None else str(row + 1), "dim" if row is None else "", justify="right"),
            )
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1), animate=False)

    def on_resize(self) -> None:
        # Filled once at its width: a resize that leaves the columns as they are
        # (the first, as the screen gets its size) refills nothing.
        self.call_after_refresh(self._refill)

    def _refill(self) -> None:
        if self._value_width() != self._filled_width:
            self._fill()

    @property
    def current(self) -> PanelEntry | None:
        """The fact under the cursor."""
        return self.entries[self.table.cursor_row] if self.entries else None

    @on(DataTable.RowHighlighted, "#facts-table")
    def _highlighted(self) -> None:
        self.query_one("#facts-detail", Static).update(self._detail())

    def _detail(self) -> Text:
        """Both sides of the fact under the cursor in full, for what the table cuts short."""
        entry = self.current
        text = Text()
        if entry is None:
            return Text("No facts found in either article.", "italic")
        alignment = self.facts.alignment
        for name, fact in ((alignment.a.label, entry.a), (alignment.b.label, entry.b)):
            if text:
                text.append("\n")
            text.append(one_line(name)[:24] + ": ", "bold")
            if fact is None:
                text.append("says nothing of it", "dim italic")
                continue
            text.append_text(fact_cell(fact))
        text.no_wrap = False
        return text

    def action_copy(self) -> None:
        """Copy the fact under the cursor: its kind, both values and the verdict, a tab between each."""
        entry = self.current
        if entry is None:
            return
        values = [fact.text if fact is not None else "" for fact in (entry.a, entry.b)]
        self.app.copy_to_clipboard("\t".join([entry.kind, *values, entry.verdict]))
        self.notify("Copied the fact's row.", timeout=2)

    @on(DataTable.RowSelected, "#facts-table")
    def _selected(self) -> None:
        self.action_go()

    def action_go(self) -> None:
        """Go back to the comparison, on the row of the fact under the cursor."""
        if not self.entries:
            self.dismiss(None)
            return
        row = self.rows[self.table.cursor_row]
        if row is None:
            self.notify("This fact is in no row of the comparison.", timeout=2)
            return
        self.dismiss(row)

    def no_conflicts(self) -> str:
        return no_conflict_line(self.facts)

    def conflict_rows(self) -> list[bool]:
        """Which facts of the table conflict."""
        return [entry.conflict for entry in self.entries]

    def action_back(self) -> None:
        """Back to the comparison, where it was."""
        self.dismiss(None)
