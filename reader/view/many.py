"""One report read against several on the command line: a column per outlet, written a row at a time.

``reader align --base A B C ...`` prints a header (the base, the counts, a
line per outlet), then a table: each base sentence on the left, how many
outlets contradict it beside it, then a column per outlet. When each column
has room for text, an outlet's cell is its sentences, its own words marked
against the base sentence (green, or ``{+added+}`` without colour) and,
where a word or two replace the base's, those struck out (``[-removed-]``);
otherwise a few characters: the score, ``=`` the same words, ``≠`` a fact
contradicted, ``~`` a quote altered, ``◀`` nothing said of it. After the
table: the contradicted facts with each outlet's value, what no other outlet
reports, and what each outlet has that the base does not.

Article text reaches the terminal only as :func:`reader.view.printable.printable`
text in ``rich.text.Text`` cells (through :mod:`reader.view.outlet_cells`), laid
out by :mod:`reader.view.columns`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.style import Style
from rich.text import Text

from reader.core.outlets import BaseRow, OneAgainstAll
from reader.view.columns import Frame, Justify, Paint, split
from reader.view.compare_cells import CellStyles, clean
from reader.view.links import link_style
from reader.view.marks import ALTERED_MARK, COMPACT_STYLES, CONFLICT_MARK, CONFLICT_MARK_STYLE, SAME_MARK, SILENT_MARK
from reader.view.outlet_cells import (
    as_told,
    base_cell,
    compact_mark,
    contradictions,
    elsewhere,
    letter,
    name,
    outlet_cell,
    outlet_summary,
    row_mark,
    table_summary,
)
from reader.view.printable import one_line
from reader.view.render import PLAIN_STYLES

#: The word diff with colour: the outlet's own words in green, the base's words they replace struck out in red.
INLINE_STYLES = CellStyles(
    removed=Style(color="red", strike=True),
    removed_strong=Style(color="red", strike=True, bold=True),
    added=Style(color="green", bold=True),
    added_strong=Style(color="green", bold=True, underline=True),
)
#: A fact one outlet states otherwise, in the base cell and in the outlet's.
CONFLICT_STYLE = Style(color="white", bgcolor="red", bold=True)
#: Narrowest an outlet's column may be for its text to be shown; narrower, the cells are compact.
MIN_TEXT_COLUMN = 24


def _marks(text: str) -> Text:
    """A mark ("72 ≠", "◀", "=") with each symbol in its colour."""
    out = Text(text)
    for at, char in enumerate(text):
        style = COMPACT_STYLES.get(char)
        if style:
            out.stylize(style, at, at + 1)
    return out


def _layout(table: OneAgainstAll, width: int, full: bool | None) -> tuple[bool, list[int | None]]:
    """Whether the cells show text, and the fixed widths of the columns (``None``: a share of the rest)."""
    outlets = len(table.others)
    marks = [line for row in table.rows for line in row_mark(row, outlets).split("\n") if line]
    mark: list[int | None] = [max(len(line) for line in marks)] if marks else []
    columns = 1 + len(mark) + outlets
    inner = width - (3 * columns + 1) - sum(w or 0 for w in mark)
    if full is None:
        full = inner // (outlets + 1) >= MIN_TEXT_COLUMN
    if full:
        return True, [None, *mark, *([None] * outlets)]
    # One width for every outlet, so the marks stand in straight lines.
    compact = max(len(letter(k)) for k in range(outlets))
    compact = max(compact, *(len(compact_mark(row, k)) for row in table.rows for k in range(outlets)), 0)
    return False, [None, *mark, *([compact] * outlets)]


def _cell(table: OneAgainstAll, row: BaseRow, outlet: int, styles: CellStyles, full: bool) -> Text:
    """An outlet's cell: the mark, then (when ``full``) its text with the diff, and what it says elsewhere instead."""
    if not full:
        return _marks(compact_mark(row, outlet))
    cell = row.cells[outlet]
    out = _marks(compact_mark(row, outlet))
    if cell is not None and cell.kind == "same" and outlet not in row.contradicted_by:
        out.append(" same words", "dim")
    elif cell is not None:
        out.append(" ")
        out.append_text(outlet_cell(table, row, outlet, styles, CONFLICT_STYLE))
    for item in elsewhere(table, row, outlet):
        out.append("\n")
        out.append(f"{CONFLICT_MARK} ", CONFLICT_MARK_STYLE)
        out.append(one_line(item.other.text), "bold")
        out.append(" in another sentence", "dim")
    return out


def one_against_all_rows(table: OneAgainstAll, width: int, paint: Paint, full: bool | None = None) -> Iterator[str]:
    """The base against the others, ``width`` cells wide: a header, the table a row at a time, then the lists.

    Args:
        table: The base report against the others.
        width: Cells of each line.
        paint: How styles are written; without colour the changed words
            are marked ``[-removed-]`` and ``{+added+}``.
        full: Whether the cells show each outlet's text (``True``), or only
            marks (``False``); by default, text when every column has
            :data:`MIN_TEXT_COLUMN` cells for it.

    Yields:
        Lines ending in newlines, a row's lines at a time.
    """
    styles = INLINE_STYLES if paint.on else PLAIN_STYLES
    outlets = len(table.others)
    full, fixed = _layout(table, width, full)
    with_mark = len(fixed) == outlets + 2
    left: Justify = "left"
    column: Justify = "left" if full else "center"
    justify = [left] * (2 if with_mark else 1) + [column] * outlets
    frame = Frame(split(width - (3 * len(fixed) + 1), fixed), paint, justify)
    yield from _header(table, width, paint, full)
    yield frame.top()
    heads = [Text(f"A · {name(table.base)}", "bold")]
    if with_mark:
        heads.append(Text(CONFLICT_MARK, CONFLICT_MARK_STYLE))
    heads += [Text(f"{letter(k)} · {name(other)}" if full else letter(k), "bold") for k, other in enumerate(table.others)]
    yield frame.header(heads)
    yield frame.under_header()
    for number, row in enumerate(table.rows):
        if number:
            yield frame.between()
        cells = [base_cell(table, row, styles, CONFLICT_STYLE)]
        if with_mark:
            cells.append(_marks(row_mark(row, outlets)))
        cells += [_cell(table, row, k, styles, full) for k in range(outlets)]
        yield frame.row(cells)
    yield frame.bottom()
    yield from _lists(table, width, paint)


def _flowing(paint: Paint, text: Text, width: int, first: str = "", rest: str = "") -> str:
    """``text`` wrapped to ``width`` cells, its first line after ``first``, the others after ``rest``."""
    lines = paint.flowing(text, max(2, width - max(len(first), len(rest))))
    return "".join(f"{first if number == 0 else rest}{line}\n" for number, line in enumerate(lines))


def _header(table: OneAgainstAll, width: int, paint: Paint, full: bool) -> Iterator[str]:
    base = table.base
    yield _flowing(paint, Text(f"A · {name(base)} — {one_line(base.title)}", link_style(base, "bold")), width)
    yield _flowing(paint, Text(table_summary(table)), width)
    for k, other in enumerate(table.others):
        line = Text(f"{letter(k)} · {name(other)}", link_style(other, "bold"))
        line.append(f" — {one_line(other.title)} · {outlet_summary(table, k)}")
        yield _flowing(paint, line, width, "  ", "    ")
    legend = (
        f"{SILENT_MARK} reports nothing of it · {SAME_MARK} the same words · 72 the score of its best pair · "
        f"{CONFLICT_MARK} contradicts a fact of it · {ALTERED_MARK} quotes it with other words"
    )
    if full:
        legend += (
            " · {+the outlet's own words+}, [-the base's-] where a word or two replace them"
            if not paint.on
            else " · the outlet's own words in green, the base's struck out where a word or two replace them"
        )
    yield _flowing(paint, _marks(legend), width)


def _section(paint: Paint, width: int, title: str, items: Sequence[Text], empty: str = "none") -> Iterator[str]:
    yield "\n"
    if not items:
        yield _flowing(paint, Text(f"{title}: {empty}", "bold"), width)
        return
    yield _flowing(paint, Text(f"{title} ({len(items)})", "bold"), width)
    for item in items:
        yield _flowing(paint, item, width, "  • ", "    ")


def _lists(table: OneAgainstAll, width: int, paint: Paint) -> Iterator[str]:
    """The contradicted facts, what no other outlet reports, and what each has that the base lacks."""
    contradicted: list[Text] = []
    for row in table.rows:
        found = contradictions(table, row)
        if not found:
            continue
        item = Text()
        for number, base_fact in enumerate(dict.fromkeys(c.base for c in found)):
            if number:
                item.append("; ")
            item.append(as_told(base_fact), "bold")
            for c in found:
                if c.base == base_fact:
                    item.append(f" {CONFLICT_MARK} ", CONFLICT_MARK_STYLE)
                    item.append(f"{letter(c.outlet)}: ")
                    item.append(as_told(c.other), "bold")
        item.append(f" ({CONFLICT_MARK} {len(row.contradicted_by)}/{len(table.others)}) — ")
        item.append(clean(table.base.sentences[row.base].text), "dim")
        contradicted.append(item)
    if contradicted:
        yield from _section(paint, width, "Facts other outlets contradict", contradicted)
    alone = [Text(clean(table.base.sentences[row.base].text)) for row in table.base_only]
    yield from _section(paint, width, "Reported by no other outlet", alone)
    for k, other in enumerate(table.others):
        own = [Text(clean(other.sentences[j].text)) for j in table.unmatched[k]]
        yield from _section(paint, width, f"Only in {letter(k)} · {name(other)}, not in the base", own)
