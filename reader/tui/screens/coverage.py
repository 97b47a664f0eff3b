"""Coverage, who reports what: every fact of a story's articles against every one of them."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static
from textual.worker import get_current_worker

from reader.core import Article, Coverage, CoverageRow
from reader.tui.messages import OpenArticle
from reader.tui.screens.conflict_steps import TABLE_KEYS, ConflictSteps
from reader.tui.session import Session
from reader.tui.widgets import KeyBar, Table
from reader.view.counts import counted
from reader.view.marks import CONFLICT_MARK, CONFLICT_MARK_STYLE, COVERAGE_LEGEND, COVERAGE_MARKS
from reader.view.printable import one_line
from reader.view.styles import KIND_STYLES

#: Widths of the kind column, each source's column (at least, and at most) and the count.
KIND_WIDTH, SOURCE_WIDTH, WIDE_SOURCE, COUNT_WIDTH = 12, 2, 14, 5
#: Room the fact column keeps before sources' columns widen to show their names.
FACT_ROOM = 56
#: Characters of a source's name in the legend.
LEGEND_NAME = 20


def source_legend(articles: tuple[Article, ...]) -> Text:
    """Each source's column number and name, then what the marks mean."""
    legend = Text()
    for number, article in enumerate(articles, 1):
        name = one_line(article.label)
        name = name if len(name) <= LEGEND_NAME else name[: LEGEND_NAME - 1] + "…"
        legend.append(f"{number} ", "bold")
        legend.append(name)
        legend.append("  ")
    legend.append("\n")
    for mark, style, meaning in COVERAGE_MARKS.values():
        legend.append(mark, style)
        legend.append(f" {meaning}  ", "dim")
    return legend


def row_label(row: CoverageRow) -> Text:
    """The fact's value in its kind's colour."""
    label = Text(one_line(row.value), KIND_STYLES.get(row.kind, ""), no_wrap=True, overflow="ellipsis")
    return label


def count_cell(row: CoverageRow, sources: int) -> Text:
    """How many sources report the fact; where some say otherwise, how many, after a red ≠, as one
    against all counts the outlets that contradict a sentence."""
    if row.conflict:
        contradicting = sum(cell.state == "different" for cell in row.cells)
        return Text.assemble((f"{CONFLICT_MARK}{contradicting}/{sources}", CONFLICT_MARK_STYLE), justify="right")
    return Text(f"{row.sources}/{sources}", justify="right")


class CoverageScreen(ConflictSteps, Screen[None]):
    """A coverage matrix: one row per fact of the story, one column per source."""

    #: The screen's name in help, as its title bar calls it.
    HELP_NAME = "Story"
    NO_MORE_CONFLICTS = "No more disagreements this way."
    #: What the cells' marks mean, for help.
    LEGEND: ClassVar[tuple[tuple[str, str, str], ...]] = COVERAGE_LEGEND
    NO_CONFLICTS = "No source contradicts another on the facts two or more give; what one source alone gives is unchecked."

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "read", "Read", priority=True, id="story.read", tooltip="Read the source under the cursor at this fact"),
        Binding("x", "next_conflict", "Next ≠", id="story.next-conflict", tooltip="Next fact the sources disagree on"),
        Binding("X", "previous_conflict", "Prev ≠", show=False, id="story.previous-conflict", tooltip="Previous fact the sources disagree on"),
        *TABLE_KEYS,
        Binding("escape", "back", "Back", id="story.back", tooltip="Back to the library"),
    ]
    """
    | Key(s) | Description |
    | :- | :- |
    | j, down / k, up | Next / previous fact. |
    | left / right | Choose a source: its column, whose words the panel below quotes, and which enter reads. |
    | g, home / G, end | First / last fact. |
    | enter | Read the source under the cursor at this fact (the first that reports it from the fact column). |
    | x / X | Next / previous fact the sources disagree on. |
    | escape | Back to the library. |
    """

    class Covered(Message):
        """The coverage matrix was built in the background."""

        def __init__(self, coverage: Coverage) -> None:
            super().__init__()
            self.coverage = coverage

    def __init__(self, articles: tuple[Article, ...], session: Session) -> None:
        super().__init__()
        self.session = session
        self.articles = articles
        self.coverage: Coverage | None = None
        """The matrix, once built."""
        self.detail = Text()
        """What the panel under the matrix says of the fact under the cursor."""
        self._filled = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(source_legend(self.articles), id="story-summary")
        yield Table(id="story-table", cursor_type="cell", zebra_stripes=True)
        yield Static(id="story-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = f"Story · {len(self.articles)} sources"
        self.table.loading = True
        self.table.focus()
        self._find_coverage(self.articles)

    @property
    def table(self) -> DataTable[Text]:
        """The matrix."""
        return self.query_one("#story-table", DataTable)

    @work(thread=True, exclusive=True, group="coverage")
    def _find_coverage(self, articles: tuple[Article, ...]) -> None:
        worker = get_current_worker()
        found = self.session.comparer.coverage(articles)
        if not worker.is_cancelled:
            self.post_message(self.Covered(found))

    @on(Covered)
    def _covered(self, message: Covered) -> None:
        self.coverage = message.coverage
        self.table.loading = False
        conflicts = len(message.coverage.conflicts)
        self.sub_title = f"Story · {counted(len(self.articles), 'source')} · {counted(len(message.coverage.rows), 'fact')} · {conflicts} {CONFLICT_MARK}"
        self._fill()

    def _widths(self) -> tuple[int, int]:
        """Widths of the fact column and of each source's column.

        On a wide screen the sources' columns take what the fact column does
        not need, so that they can carry the sources' names.
        """
        width = self.table.size.width or self.app.size.width
        count = max(1, len(self.articles))
        fixed = KIND_WIDTH + COUNT_WIDTH + count * (SOURCE_WIDTH + 2) + 2 * 3 + 2
        fact = max(16, width - fixed)
        spare = fact - FACT_ROOM
        source = SOURCE_WIDTH
        if spare > count * 4:
            source = min(WIDE_SOURCE, SOURCE_WIDTH + spare // count)
            fact -= (source - SOURCE_WIDTH) * count
        return fact, source

    def _source_heading(self, number: int, width: int) -> Text:
        """The source's number, and its name when the column is wide enough."""
        if width < 6:
            return Text(str(number), justify="center")
        name = one_line(self.articles[number - 1].label)
        return Text(f"{number} {name}", justify="center", no_wrap=True, overflow="ellipsis")

    def _fill(self) -> None:
        coverage = self.coverage
        if coverage is None:
            return
        table = self.table
        cursor = table.cursor_coordinate
        table.clear(columns=True)
        table.add_column("kind", key="kind", width=KIND_WIDTH)
        fact_width, source_width = self._widths()
        table.add_column("fact", key="fact", width=fact_width)
        for number in range(1, len(self.articles) + 1):
            heading = self._source_heading(number, source_width)
            heading.truncate(source_width, overflow="ellipsis")
            table.add_column(heading, key=f"source:{number - 1}", width=source_width)
        table.add_column(Text("who", justify="right"), key="count", width=COUNT_WIDTH)
        total = len(self.articles)
        for row in coverage.rows:
            marks = [Text(COVERAGE_MARKS[c.state].symbol, COVERAGE_MARKS[c.state].style, justify="center") for c in row.cells]
            table.add_row(Text(row.kind, KIND_STYLES.get(row.kind, "")), row_label(row), *marks, count_cell(row, total))
        if table.row_count:
            # The fact column to start with: the kind column says less than the fact.
            column = cursor.column if self._filled else 1
            table.move_cursor(row=min(cursor.row, table.row_count - 1), column=column, animate=False)
        self._filled = True
        self._show_detail()

    def on_resize(self) -> None:
        self.call_after_refresh(self._fill)

    @property
    def current(self) -> CoverageRow | None:
        """The fact under the cursor."""
        if self.coverage is None or not self.coverage.rows:
            return None
        return self.coverage.rows[min(self.table.cursor_row, len(self.coverage.rows) - 1)]

    def _source_column(self) -> int | None:
        """The source under the cursor, or ``None`` on the kind, fact or count column."""
        column = self.table.cursor_column - 2
        return column if 0 <= column < len(self.articles) else None

    @on(DataTable.CellHighlighted, "#story-table")
    def _highlighted(self) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        row = self.current
        detail = Text()
        if row is None:
            detail.append("No facts found in these articles." if self.coverage else "Finding the facts…", "italic")
        else:
            detail.append(one_line(row.value), KIND_STYLES.get(row.kind, ""))
            detail.append(f"  {row.kind} · reported by {row.sources} of {len(self.articles)}", "dim")
            here = self._source_column()
            for number, (article, cell) in enumerate(zip(self.articles, row.cells), 1):
                if cell.state == "absent":
                    continue
                mark, style, meaning = COVERAGE_MARKS[cell.state]
                detail.append("\n")
                detail.append("▸ " if number - 1 == here else "  ")
                detail.append(f"{number} {one_line(article.label)[:LEGEND_NAME]}: ", "bold")
                detail.append(mark + " ", style)
                said = one_line(cell.fact.text) if cell.fact is not None else ""
                if cell.state == "different" and cell.against is not None and (theirs := row.cells[cell.against].fact) is not None:
                    # Which source's value it contradicts: the row's own may be a third's ("multiple").
                    meaning = f"{meaning} {cell.against + 1}'s “{one_line(theirs.text)}”"
                detail.append(f"{meaning}: “{said}”" if cell.state != "same" else f"“{said}”")
        self.detail = detail
        self.query_one("#story-detail", Static).update(detail)

    def action_read(self) -> None:
        """Read the source under the cursor, or the first reporting the fact, at the fact."""
        row = self.current
        if row is None:
            return
        column = self._source_column()
        if column is None:
            column = next((n for n, c in enumerate(row.cells) if c.fact is not None), None)
        if column is None:
            return
        fact = row.cells[column].fact
        if fact is None:
            self.notify("This source does not report it.", timeout=2)
            return
        self.post_message(OpenArticle(self.articles[column], ((fact.start, fact.end),)))

    def conflict_rows(self) -> list[bool]:
        """Which facts of the story some source contradicts."""
        return [row.conflict for row in self.coverage.rows] if self.coverage is not None else []

    def action_back(self) -> None:
        """Back to the library."""
        self.app.pop_screen()
