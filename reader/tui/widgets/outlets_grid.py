"""The table of one report against all the others: a row per base sentence, a column per other outlet."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rich.text import Text
from textual.message import Message
from textual.reactive import reactive

from reader.core import Article
from reader.core.alignment.word_diff import joined
from reader.core.outlets import BaseRow, OneAgainstAll
from reader.tui.widgets.table import Table
from reader.view.compare_cells import clean
from reader.view.marks import COMPACT_STYLES, CONFLICT_MARK, CONFLICT_MARK_STYLE, OUTLET_ONLY, OUTLET_SILENT
from reader.view.outlet_cells import compact_mark, letter
from reader.view.printable import one_line

#: Widths: the gutter, a compact cell, and the narrowest cell that shows text.
GUTTER_WIDTH, COMPACT_WIDTH, TEXT_CELL_FROM = 6, 5, 16
#: The base column's share of the width when the cells show text, and its bounds.
BASE_SHARE, BASE_LEAST, BASE_MOST = 0.34, 28, 70

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
    for symbol, style in COMPACT_STYLES.items():
        at = mark.find(symbol)
        if at >= 0:
            cell.stylize(style, at, at + len(symbol))
    if mark[:1].isdigit():
        cell.stylize("dim", 0, len(mark.split()[0]))
    return cell


def gutter(row: BaseRow, others: int) -> Text:
    """The row's gutter: ≠ and how many outlets contradict it, or ◀ when no one reports it."""
    if row.contradicted_by:
        return Text.assemble((CONFLICT_MARK, CONFLICT_MARK_STYLE), f"{len(row.contradicted_by)}/{others}")
    if not row.reported:
        return Text(OUTLET_SILENT.symbol, OUTLET_SILENT.style)
    return Text(f"{row.reported}/{others}", "dim")


class OutletsGrid(Table):
    """The table of :class:`OneAgainstAll`, drawn again whenever it is rebuilt or resized.

    Outlets are lettered as ``reader align --base`` and the exports letter
    them: the base A, the others B, C…
    """

    table: reactive[OneAgainstAll | None] = reactive(None, init=False, always_update=True)
    """The table, once built (first without facts, then with them); ``None`` while a new base is aligned."""

    class Filled(Message):
        """The grid was drawn again."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="cell")
        self.lines: tuple[Line, ...] = ()
        """What each row shows."""

    @property
    def base(self) -> Article:
        """The report read against the others."""
        assert self.table is not None
        return self.table.base

    @property
    def others(self) -> tuple[Article, ...]:
        """The reports in the columns, in order."""
        assert self.table is not None
        return self.table.others

    @property
    def with_facts(self) -> bool:
        """Whether the facts are in the table yet."""
        return self.table is not None and any(f is not None for f in self.table.facts)

    def watch_table(self, old: OneAgainstAll | None, new: OneAgainstAll | None) -> None:
        if new is None:
            self.lines = ()
            self.clear(columns=True)
            return
        self.lines = lines_of(new)
        self.fill(keep_place=old is not None)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fill, True)

    def _widths(self) -> tuple[int, int]:
        """Widths of the base column and of each outlet's; an outlet's column shows text when wide enough."""
        width = self.size.width or self.app.size.width
        count = len(self.others)
        room = width - (GUTTER_WIDTH + 2) - 2 * (count + 1) - 2  # padding of each column, and the scrollbar
        base = max(BASE_LEAST, min(BASE_MOST, int(room * BASE_SHARE)))
        cell = (room - base) // max(1, count)
        if cell < TEXT_CELL_FROM:
            return max(BASE_LEAST // 2, room - COMPACT_WIDTH * count), COMPACT_WIDTH
        return base, cell

    def _heading(self, k: int, width: int) -> Text:
        name = f"{letter(k)} {one_line(self.others[k].label)}" if width > COMPACT_WIDTH else letter(k)
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

    def fill(self, keep_place: bool = False) -> None:
        """Draw the table again at the width the grid has, the cursor kept where it was when ``keep_place``."""
        table = self.table
        if table is None:
            return
        grid = self
        cursor = grid.cursor_coordinate
        grid.clear(columns=True)
        base_width, cell_width = self._widths()
        grid.add_column(Text("who", "dim"), key="gutter", width=GUTTER_WIDTH)
        grid.add_column(Text(f"A base: {one_line(self.base.label)}", "bold", no_wrap=True, overflow="ellipsis"), key="base", width=base_width)
        for k in range(len(self.others)):
            grid.add_column(self._heading(k, cell_width), key=f"outlet:{k}", width=cell_width)
        count = len(self.others)
        blank = [Text("")] * count
        for number, line in enumerate(self.lines):
            key = f"line:{number}"
            if line.place == "base":
                row = table.rows[line.sentence]
                sentence = self.base.sentences[line.sentence]
                base_cell = Text(clean(sentence.text), "bold" if sentence.kind.value == "heading" else "", no_wrap=True, overflow="ellipsis")
                cells = [self._cell(row, k, cell_width) for k in range(count)]
                grid.add_row(gutter(row, count), base_cell, *cells, key=key)
            elif line.place == "section":
                title = "Reported by no other outlet" if line.other < 0 else f"Only in {one_line(self.others[line.other].label)}"
                grid.add_row(Text(""), Text(title, "bold underline", no_wrap=True, overflow="ellipsis"), *blank, key=key)
            elif line.place == "alone":
                text = Text(clean(self.base.sentences[line.sentence].text), "italic", no_wrap=True, overflow="ellipsis")
                grid.add_row(Text(OUTLET_SILENT.symbol, OUTLET_SILENT.style), text, *blank, key=key)
            else:
                other = self.others[line.other]
                text = Text(clean(other.sentences[line.sentence].text), "italic", no_wrap=True, overflow="ellipsis")
                marks = [Text(OUTLET_ONLY.symbol, OUTLET_ONLY.style, justify="center") if k == line.other else Text("") for k in range(count)]
                grid.add_row(Text(letter(line.other), "dim"), text, *marks, key=key)
        if grid.row_count:
            at_row = min(cursor.row, grid.row_count - 1) if keep_place else 0
            at_column = min(cursor.column, len(grid.columns) - 1) if keep_place else 1
            grid.move_cursor(row=at_row, column=at_column, animate=False)
        self.post_message(self.Filled())

    @property
    def current_line(self) -> Line | None:
        """What the row under the cursor shows."""
        if not self.lines:
            return None
        return self.lines[min(self.cursor_row, len(self.lines) - 1)]

    def current_outlet(self) -> int | None:
        """The outlet whose column the cursor is in (index into the others), or ``None`` on the gutter or the base."""
        k = self.cursor_column - 2
        return k if 0 <= k < len(self.others) else None
