"""What the one-against-all screen says in words: its summary over the grid, and the panel under it on the cell at the cursor."""

from __future__ import annotations

from rich.text import Text

from reader.core import Article
from reader.core.alignment.rows import CompareRow, RowKind
from reader.core.outlets import BaseRow, OneAgainstAll
from reader.tui.widgets.outlets_grid import Line
from reader.view.compare_cells import CellStyles, clean, row_cells
from reader.view.counts import counted
from reader.view.marks import CONFLICT_MARK_STYLE, OUTLET_MARKS, OUTLET_SILENT
from reader.view.outlet_cells import letter
from reader.view.printable import one_line

#: Characters of an outlet's name in the legend.
NAME_WIDTH = 18


def summary(base: Article, others: tuple[Article, ...], table: OneAgainstAll | None, with_facts: bool, width: int) -> Text:
    """Three lines, each cut to the width: the base, the lettered outlets, and the counts."""
    first = Text(no_wrap=True, overflow="ellipsis")
    first.append("A base ", "dim")
    first.append(one_line(base.label), "bold")
    first.append(f" · {one_line(base.title)}")
    names = Text(no_wrap=True, overflow="ellipsis")
    room = max(6, width // max(1, len(others)) - 4)
    for k, other in enumerate(others):
        name = one_line(other.label)
        names.append(f"{letter(k)} ", "bold")
        names.append((name if len(name) <= room else name[: room - 1] + "…") + "  ")
    counts = Text("", "dim", no_wrap=True, overflow="ellipsis")
    if table is None:
        counts.append("Aligning…", "italic")
    else:
        disagree = sum(row.disagreement for row in table.rows)
        only_others = sum(len(u) for u in table.unmatched)
        counts.append(f"{counted(len(table.rows), 'sentence')} · {len(table.base_only)} no other outlet reports · {only_others} only others report · ")
        counts.append(f"{disagree} where outlets disagree" if with_facts else "finding the facts…")
    for line in (first, names, counts):
        line.truncate(width, overflow="ellipsis")
    return Text("\n").join([first, names, counts])


def detail(table: OneAgainstAll, line: Line, k: int | None, styles: CellStyles) -> Text:
    """What the panel says of the row at the cursor, and of the outlet ``k`` whose column it is in (``None``: the base)."""
    text = Text()
    base, others = table.base, table.others
    if line.place == "section":
        text.append("Enter on a sentence below compares its outlet with the base at it.", "dim")
    elif line.place == "only":
        other = others[line.other]
        text.append(f"Only {one_line(other.label)} reports:\n", "bold")
        text.append(clean(other.sentences[line.sentence].text))
    elif line.place == "alone":
        text.append("No other outlet reports:\n", "bold")
        text.append(clean(base.sentences[line.sentence].text))
    elif k is None:
        _detail_of_row(text, table, table.rows[line.sentence])
    else:
        _detail_of_cell(text, table, line.sentence, k, styles)
    return text


def _detail_of_row(detail: Text, table: OneAgainstAll, row: BaseRow) -> None:
    detail.append(clean(table.base.sentences[row.base].text))
    for k, cell in enumerate(row.cells):
        detail.append(f"\n{letter(k)} {one_line(table.others[k].label)[:NAME_WIDTH]}: ", "bold")
        if cell is None:
            detail.append(f"{OUTLET_SILENT.symbol} silent", OUTLET_SILENT.style)
            continue
        mark, style, meaning = OUTLET_MARKS[cell.kind]
        if k in row.contradicted_by and cell.kind != "conflict":
            mark, style, meaning = OUTLET_MARKS["conflict"]
        said = f"{mark} {meaning.split(';')[0]}" if mark else f"in other words, {cell.score:.0f}/100 alike"
        detail.append(said, style or "dim")


def _detail_of_cell(detail: Text, table: OneAgainstAll, base: int, k: int, styles: CellStyles) -> None:
    row = table.rows[base]
    link = table.cell_link(base, k)
    name = one_line(table.others[k].label)
    if link is None or row.cells[k] is None:
        detail.append(clean(table.base.sentences[base].text))
        detail.append(f"\n{name}: ", "bold")
        detail.append(f"{OUTLET_SILENT.symbol} reports nothing of this sentence", OUTLET_SILENT.style)
        if k in row.contradicted_by:
            detail.append("; it contradicts one of its facts elsewhere", CONFLICT_MARK_STYLE)
        return
    cell = row.cells[k]
    assert cell is not None
    left, right = row_cells(table.alignments[k], CompareRow(RowKind.CHANGED, link.a, link.b, link.score, link=link), styles)
    mark, style, meaning = OUTLET_MARKS[cell.kind]
    detail.append("base: ", "bold")
    detail.append_text(left)
    detail.append(f"\n{name}: ", "bold")
    detail.append_text(right)
    detail.append(f"\n{cell.score:.0f} · ", "dim")
    detail.append(f"{mark} " if mark else "", style)
    detail.append(meaning.split(";")[0], style or "dim")
