"""One report against all the others: each of its sentences beside every other outlet's."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static
from textual.worker import Worker, WorkerState, get_current_worker

from reader.core import Article
from reader.core.alignment.rows import CompareRow, RowKind
from reader.core.alignment.word_diff import joined
from reader.core.outlets import BaseRow, OneAgainstAll
from reader.tui.exports import save_export
from reader.tui.messages import OpenComparison
from reader.tui.screens.story import StoryScreen
from reader.tui.session import Session
from reader.tui.widgets import DiffPanel, KeyBar, Table
from reader.view.compare_cells import clean, row_cells
from reader.view.outlet_cells import ALTERED_MARK, CONFLICT_MARK, SAME_MARK, SILENT_MARK, compact_mark
from reader.view.printable import one_line

#: How each kind of cell is marked: symbol, style, meaning.
CELL_MARKS: dict[str, tuple[str, str, str]] = {
    "same": ("=", "green", "the same words"),
    "trivial": ("=", "cyan", "the same words but for punctuation, case or quote style"),
    "changed": ("", "", "other words; the number is how alike, 0 to 100"),
    "conflict": ("≠", "bold red", "contradicts a fact of the base sentence"),
    "altered": ("~", "bold yellow", "gives the base sentence's quote with changed words"),
}
SILENT = ("◀", "magenta", "silent: reports nothing of the base sentence")
#: Widths: the gutter, a compact cell, and the narrowest cell that shows text.
GUTTER_WIDTH, COMPACT_WIDTH, TEXT_CELL_FROM = 6, 5, 16
#: The base column's share of the width when the cells show text, and its bounds.
BASE_SHARE, BASE_LEAST, BASE_MOST = 0.34, 28, 70
#: Characters of an outlet's name in the legend.
NAME_WIDTH = 18

Place = Literal["base", "alone", "only", "section"]


@dataclass(frozen=True, slots=True)
class Line:
    """What one row of the table shows.

    Attributes:
        place: ``base`` a base sentence against every outlet; ``section`` a
            heading; ``alone`` a base sentence no other outlet reports, listed
            again under its heading; ``only`` a sentence only one other
            outlet reports.
        sentence: The base sentence (``base``, ``alone``) or the outlet's
            (``only``); -1 for a heading.
        other: For ``only``, the outlet (index into the others); else -1.
    """

    place: Place
    sentence: int = -1
    other: int = -1


def lines_of(table: OneAgainstAll) -> tuple[Line, ...]:
    """The rows of the screen: every base sentence, then what no other outlet reports, then what only one does."""
    lines = [Line("base", row.base) for row in table.rows]
    alone = table.base_only
    if alone:
        lines.append(Line("section"))
        lines.extend(Line("alone", row.base) for row in alone)
    for k, unmatched in enumerate(table.unmatched):
        if unmatched:
            lines.append(Line("section", other=k))
            lines.extend(Line("only", j, k) for j in unmatched)
    return tuple(lines)


def cell_mark(row: BaseRow, k: int) -> Text:
    """A compact cell, as ``reader align --base`` writes it: the score, ``=``, ``≠`` or ``~`` after it, ``◀`` silent."""
    mark = compact_mark(row, k)
    cell = Text(mark, justify="right")
    for symbol, style in ((CONFLICT_MARK, "bold red"), (ALTERED_MARK, "bold yellow"), (SILENT_MARK, SILENT[1]),
                          (SAME_MARK, "green")):
        at = mark.find(symbol)
        if at >= 0:
            cell.stylize(style, at, at + len(symbol))
    if mark[:1].isdigit():
        cell.stylize("dim", 0, len(mark.split()[0]))
    return cell


def gutter(row: BaseRow, others: int) -> Text:
    """The row's gutter: ≠ and how many outlets contradict it, or ◀ when no one reports it."""
    if row.contradicted_by:
        return Text.assemble(("≠", "bold red"), f"{len(row.contradicted_by)}/{others}")
    if not row.reported:
        return Text(SILENT[0], SILENT[1])
    return Text(f"{row.reported}/{others}", "dim")


class OutletsScreen(Screen[None]):
    """A base report's sentences, one per row, against a column per other outlet."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_pair", "Compare", priority=True, id="outlets.compare",
                tooltip="The base and the outlet under the cursor side by side, at this row"),
        Binding("b", "rebase", "Base", id="outlets.base", tooltip="Make the outlet under the cursor the base"),
        Binding("n", "next_disagreement", "Next ≠", id="outlets.next", tooltip="Next row where the outlets disagree"),
        Binding("N", "previous_disagreement", "Prev ≠", show=False, id="outlets.previous",
                tooltip="Previous row where the outlets disagree"),
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
    LEGEND: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("72", "dim", "the outlet's sentence says it in other words; how alike, 0 to 100"),
        *((mark, style, meaning) for kind, (mark, style, meaning) in CELL_MARKS.items() if kind != "changed"),
        SILENT,
        ("3/4", "dim", "the gutter: how many of the other outlets report the base sentence"),
        ("≠2/4", "bold red", "the gutter: how many contradict a fact of it"),
        ("removed", "on #5f0000", "in the panel: words only the base sentence has"),
        ("added", "on #005f00", "in the panel: words only the outlet's sentence has"),
    )

    class Tabled(Message):
        """The table was built in the background (first without facts, then with them)."""

        def __init__(self, table: OneAgainstAll, articles: tuple[Article, ...]) -> None:
            super().__init__()
            self.table = table
            self.articles = articles

    def __init__(self, articles: Sequence[Article], cutoff: float, session: Session) -> None:
        super().__init__()
        if len(articles) < 2:
            raise ValueError("one report against all needs a base and at least one other")
        self.session = session
        self.cutoff = cutoff
        self.articles = tuple(articles)
        """The base first, then the others in column order."""
        self.table: OneAgainstAll | None = None
        """The table, once built."""
        self.lines: tuple[Line, ...] = ()
        self.with_facts = False
        """Whether the facts are in the table yet."""

    @property
    def base(self) -> Article:
        """The report read against the others."""
        return self.articles[0]

    @property
    def others(self) -> tuple[Article, ...]:
        """The reports in the columns, in order."""
        return self.articles[1:]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="outlets-summary")
        yield Table(id="outlets-table", cursor_type="cell")
        yield DiffPanel(id="outlets-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = f"One against all · {len(self.others)} other outlets"
        self._show_summary()
        self.grid.loading = True
        self.grid.focus()
        self._build(self.articles)

    @property
    def grid(self) -> DataTable[Text]:
        """The table on screen."""
        return self.query_one("#outlets-table", DataTable)

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
        self.notify(f"Could not compare the outlets: {one_line(repr(event.worker.error))}", title="Error",
                    severity="error", timeout=10, markup=False)

    @on(Tabled)
    def _tabled(self, message: Tabled) -> None:
        if message.articles != self.articles:
            return  # built for another base
        first = self.table is None
        self.table = message.table
        self.with_facts = any(f is not None for f in message.table.facts)
        self.lines = lines_of(message.table)
        self.grid.loading = False
        self._fill(keep_place=not first)
        self._show_summary()

    # -- drawing ------------------------------------------------------------

    def _widths(self) -> tuple[int, int]:
        """Widths of the base column and of each outlet's; an outlet's column shows text when wide enough."""
        width = self.grid.size.width or self.app.size.width
        count = len(self.others)
        room = width - (GUTTER_WIDTH + 2) - 2 * (count + 1) - 2  # padding of each column, and the scrollbar
        base = max(BASE_LEAST, min(BASE_MOST, int(room * BASE_SHARE)))
        cell = (room - base) // max(1, count)
        if cell < TEXT_CELL_FROM:
            return max(BASE_LEAST // 2, room - COMPACT_WIDTH * count), COMPACT_WIDTH
        return base, cell

    def _heading(self, k: int, width: int) -> Text:
        name = f"{k + 1} {one_line(self.others[k].label)}" if width > COMPACT_WIDTH else str(k + 1)
        return Text(name, "bold", no_wrap=True, overflow="ellipsis")

    def _cell(self, row: BaseRow, k: int, width: int) -> Text:
        """An outlet's cell: its mark, then its sentence when the column has room."""
        mark = cell_mark(row, k)
        cell = row.cells[k]
        if width <= COMPACT_WIDTH or cell is None:
            return mark
        other = self.others[k]
        said = clean(joined([other.sentences[j].text for j in cell.sentences], cell.sentences))
        text = Text(no_wrap=True, overflow="ellipsis")
        mark.justify = None
        text.append_text(mark)
        text.append(" ")
        text.append(said, "" if cell.kind != "same" else "dim")
        return text

    def _fill(self, keep_place: bool = False) -> None:
        table = self.table
        if table is None:
            return
        grid = self.grid
        cursor = grid.cursor_coordinate
        grid.clear(columns=True)
        base_width, cell_width = self._widths()
        grid.add_column(Text("who", "dim"), key="gutter", width=GUTTER_WIDTH)
        grid.add_column(Text(f"base: {one_line(self.base.label)}", "bold", no_wrap=True, overflow="ellipsis"),
                        key="base", width=base_width)
        for k in range(len(self.others)):
            grid.add_column(self._heading(k, cell_width), key=f"outlet:{k}", width=cell_width)
        count = len(self.others)
        blank = [Text("")] * count
        for number, line in enumerate(self.lines):
            key = f"line:{number}"
            if line.place == "base":
                row = table.rows[line.sentence]
                sentence = self.base.sentences[line.sentence]
                base_cell = Text(clean(sentence.text), "bold" if sentence.kind.value == "heading" else "",
                                 no_wrap=True, overflow="ellipsis")
                cells = [self._cell(row, k, cell_width) for k in range(count)]
                grid.add_row(gutter(row, count), base_cell, *cells, key=key)
            elif line.place == "section":
                title = ("Reported by no other outlet" if line.other < 0
                         else f"Only in {one_line(self.others[line.other].label)}")
                grid.add_row(Text(""), Text(title, "bold underline", no_wrap=True, overflow="ellipsis"), *blank, key=key)
            elif line.place == "alone":
                text = Text(clean(self.base.sentences[line.sentence].text), "italic", no_wrap=True, overflow="ellipsis")
                grid.add_row(Text(SILENT[0], SILENT[1]), text, *blank, key=key)
            else:
                other = self.others[line.other]
                text = Text(clean(other.sentences[line.sentence].text), "italic", no_wrap=True, overflow="ellipsis")
                marks = [Text("▶", "magenta", justify="center") if k == line.other else Text("") for k in range(count)]
                grid.add_row(Text(f"{line.other + 1}", "dim"), text, *marks, key=key)
        if grid.row_count:
            at_row = min(cursor.row, grid.row_count - 1) if keep_place else 0
            at_column = min(cursor.column, len(grid.columns) - 1) if keep_place else 1
            grid.move_cursor(row=at_row, column=at_column, animate=False)
        self._show_detail()

    def on_resize(self) -> None:
        self.call_after_refresh(self._fill, True)
        self.call_after_refresh(self._show_summary)

    def _show_summary(self) -> None:
        """Three lines, each cut to the width: the base, the numbered outlets, and the counts."""
        width = max(20, (self.size.width or self.app.size.width) - 2)
        summary = Text(no_wrap=True, overflow="ellipsis")
        summary.append("base ", "dim")
        summary.append(one_line(self.base.label), "bold")
        summary.append(f" · {one_line(self.base.title)}")
        names = Text(no_wrap=True, overflow="ellipsis")
        room = max(6, width // max(1, len(self.others)) - 4)
        for k, other in enumerate(self.others):
            name = one_line(other.label)
            names.append(f"{k + 1} ", "bold")
            names.append((name if len(name) <= room else name[: room - 1] + "…") + "  ")
        table = self.table
        counts = Text("", "dim", no_wrap=True, overflow="ellipsis")
        if table is None:
            counts.append("Aligning…", "italic")
        else:
            disagree = sum(row.disagreement for row in table.rows)
            counts.append(f"{len(table.rows)} sentences · {len(table.base_only)} no other outlet reports · "
                          f"{sum(len(u) for u in table.unmatched)} only others report · ")
            counts.append(f"{disagree} where outlets disagree" if self.with_facts else "finding the facts…")
        for line in (summary, names, counts):
            line.truncate(width, overflow="ellipsis")
        self.query_one("#outlets-summary", Static).update(Text("\n").join([summary, names, counts]))
        if table is not None:
            disagree = sum(row.disagreement for row in table.rows)
            facts = f" · {disagree} disagree" if self.with_facts else ""
            self.sub_title = f"One against all · {len(self.others)} other outlets · {len(table.rows)} rows{facts}"

    @property
    def current_line(self) -> Line | None:
        """What the row under the cursor shows."""
        if not self.lines:
            return None
        return self.lines[min(self.grid.cursor_row, len(self.lines) - 1)]

    def current_outlet(self) -> int | None:
        """The outlet whose column the cursor is in (index into the others), or ``None`` on the gutter or the base."""
        k = self.grid.cursor_column - 2
        return k if 0 <= k < len(self.others) else None

    @on(DataTable.CellHighlighted, "#outlets-table")
    def _highlighted(self) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        panel = self.query_one("#outlets-detail", DiffPanel)
        table, line = self.table, self.current_line
        detail = Text()
        if table is None or line is None:
            panel.update(Text("Aligning the outlets…", "italic"))
            return
        k = self.current_outlet()
        if line.place == "section":
            detail.append("Enter on a sentence below compares its outlet with the base at it.", "dim")
        elif line.place == "only":
            other = self.others[line.other]
            detail.append(f"Only {one_line(other.label)} reports:\n", "bold")
            detail.append(clean(other.sentences[line.sentence].text))
        elif line.place == "alone":
            detail.append("No other outlet reports:\n", "bold")
            detail.append(clean(self.base.sentences[line.sentence].text))
        elif k is None:
            self._detail_of_row(detail, table.rows[line.sentence])
        else:
            self._detail_of_cell(detail, table, line.sentence, k)
        panel.update(detail)

    def _detail_of_row(self, detail: Text, row: BaseRow) -> None:
        detail.append(clean(self.base.sentences[row.base].text))
        for k, cell in enumerate(row.cells):
            detail.append(f"\n{k + 1} {one_line(self.others[k].label)[:NAME_WIDTH]}: ", "bold")
            if cell is None:
                detail.append(f"{SILENT[0]} silent", SILENT[1])
                continue
            mark, style, meaning = CELL_MARKS[cell.kind]
            if k in row.contradicted_by and cell.kind != "conflict":
                mark, style, meaning = CELL_MARKS["conflict"]
            detail.append(f"{mark or f'{cell.score:.0f}'} {meaning.split(';')[0]}", style or "dim")

    def _detail_of_cell(self, detail: Text, table: OneAgainstAll, base: int, k: int) -> None:
        row = table.rows[base]
        link = table.cell_link(base, k)
        name = one_line(self.others[k].label)
        if link is None or row.cells[k] is None:
            detail.append(clean(self.base.sentences[base].text))
            detail.append(f"\n{name}: ", "bold")
            detail.append(f"{SILENT[0]} reports nothing of this sentence", SILENT[1])
            if k in row.contradicted_by:
                detail.append("; it contradicts one of its facts elsewhere", "bold red")
            return
        cell = row.cells[k]
        assert cell is not None
        left, right = row_cells(table.alignments[k], CompareRow(RowKind.CHANGED, link.a, link.b, link.score, link=link),
                                self.query_one("#outlets-detail", DiffPanel).cell_styles())
        mark, style, meaning = CELL_MARKS[cell.kind]
        detail.append("base: ", "bold")
        detail.append_text(left)
        detail.append(f"\n{name}: ", "bold")
        detail.append_text(right)
        detail.append(f"\n{cell.score:.0f} · ", "dim")
        detail.append(f"{mark} " if mark else "", style)
        detail.append(meaning.split(";")[0], style or "dim")

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
            self.post_message(OpenComparison(self.base, self.others[line.other], right_at=line.sentence))
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
        self.post_message(OpenComparison(self.base, self.others[k], left_at=line.sentence))

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
        self.table = None
        self.lines = ()
        self.with_facts = False
        self.grid.clear(columns=True)
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
        here = self.grid.cursor_row
        order = range(here + 1, len(self.lines)) if step > 0 else range(min(here, len(self.lines)) - 1, -1, -1)
        for number in order:
            line = self.lines[number]
            if line.place == "base" and table.rows[line.sentence].disagreement:
                self.grid.move_cursor(row=number)
                return
        any_at_all = any(row.disagreement for row in table.rows)
        self.notify("No more disagreements this way." if any_at_all else
                    "No outlet contradicts a fact of the base or alters its quotes.", timeout=3)

    def action_next_disagreement(self) -> None:
        """Move to the next row where an outlet contradicts a fact or alters a quote."""
        self._step(1)

    def action_previous_disagreement(self) -> None:
        """Move to the previous row where an outlet contradicts a fact or alters a quote."""
        self._step(-1)

    def action_story(self) -> None:
        """Every fact of these outlets against every outlet, paired as this table pairs them."""
        self.app.push_screen(StoryScreen(self.articles, self.session))

    def action_export(self) -> None:
        """Save the table as a standalone HTML page."""
        if self.table is None:
            self.notify("The outlets are still being aligned.", timeout=2)
            return
        self._export(self.table)

    @work(thread=True, group="export", exit_on_error=False)
    def _export(self, table: OneAgainstAll) -> None:
        from reader.view.html_many import one_against_all_html

        page = one_against_all_html(table)
        saved, problem = save_export(f"{table.base.label} against {len(table.others)} others", ".html", page)
        if saved is None:
            self.app.call_from_thread(self.notify, f"Could not export: {problem}", title="Export", severity="error",
                                      markup=False)
        else:
            note = "" if self.with_facts else " (the facts were still being found: none in the page)"
            self.app.call_from_thread(self.notify, f"Exported to {saved}{note}", title="Export", markup=False)

    def action_back(self) -> None:
        """Back to where the table was opened from."""
        self.app.pop_screen()
