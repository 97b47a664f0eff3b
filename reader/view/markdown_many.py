"""One report read against several as Markdown: the content of :mod:`reader.view.html_many` for a wiki or notes.

A table with the base sentence, how many outlets contradict it, and a
column per outlet: each cell its score and marks, then its sentences with
its own words marked ``{+added+}`` (and ``[-the base's-]`` where a word or
two replace them), a contradicted fact in bold. Article text is escaped as
:func:`reader.view.markdown.escape` escapes it, so it shows as written and
never as markup.
"""

from __future__ import annotations

from rich.style import Style

from reader.core.outlets import BaseRow, OneAgainstAll
from reader.view.markdown import TAGGED, cell_markdown, escape
from reader.view.marks import ALTERED_MARK, CONFLICT_MARK, SAME_MARK, SILENT_MARK
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
    row_marks,
    table_summary,
)

_CONFLICT = Style(meta={"conflict": True})


def _table_row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def _outlet(table: OneAgainstAll, row: BaseRow, outlet: int) -> str:
    parts = [escape(compact_mark(row, outlet))]
    if row.cells[outlet] is not None:
        parts.append(cell_markdown(outlet_cell(table, row, outlet, TAGGED, _CONFLICT)))
    parts += [f"({CONFLICT_MARK} **{escape(item.other.text)}** in another sentence)" for item in elsewhere(table, row, outlet)]
    return " ".join(parts)


def _gutter(row: BaseRow, outlets: int) -> str:
    return " · ".join(escape(mark) for mark in row_marks(row, outlets, words=True))


def _list(title: str, items: list[str]) -> list[str]:
    if not items:
        return ["", f"## {title}: none"]
    return ["", f"## {title} ({len(items)})", "", *(f"- {item}" for item in items)]


def one_against_all_markdown(table: OneAgainstAll) -> str:
    """The base report against every other as a Markdown document.

    Args:
        table: The base report against the others.

    Returns:
        The document, ending in a newline.
    """
    base, outlets = table.base, len(table.others)
    names = [escape(name(other)) for other in table.others]
    lines = [
        f"# A · {escape(name(base))} — {escape(base.title)}",
        "",
        table_summary(table),
        "",
        *(f"- **{letter(k)} · {names[k]}** — {escape(other.title)} · {escape(outlet_summary(table, k))}" for k, other in enumerate(table.others)),
        "",
        escape(
            f"{SILENT_MARK} reports nothing of it · {SAME_MARK} the same words · 72 the score of its best pair · "
            f"{CONFLICT_MARK} contradicts a fact of it · {ALTERED_MARK} quotes it with other words"
        )
        + " · {+the outlet's own words+}, [-the base's-] where a word or two replace them; a contradicted fact is in bold.",
        "",
        _table_row(f"A · {escape(name(base))}", CONFLICT_MARK, *(f"{letter(k)} · {names[k]}" for k in range(outlets))),
        _table_row(*(["---"] * (outlets + 2))),
    ]
    for row in table.rows:
        lines.append(
            _table_row(
                cell_markdown(base_cell(table, row, TAGGED, _CONFLICT)),
                _gutter(row, outlets),
                *(_outlet(table, row, k) for k in range(outlets)),
            )
        )
    contradicted = []
    for row in table.rows:
        found = contradictions(table, row)
        if found:
            values = "; ".join(f"**{escape(as_told(c.base))}** {CONFLICT_MARK} {letter(c.outlet)}: **{escape(as_told(c.other))}**" for c in found)
            contradicted.append(f"{values} ({CONFLICT_MARK} in {len(row.contradicted_by)} of {outlets}) — {escape(base.sentences[row.base].text)}")
    if contradicted:
        lines += _list("Facts other outlets contradict", contradicted)
    lines += _list("Reported by no other outlet", [escape(base.sentences[row.base].text) for row in table.base_only])
    for k in range(outlets):
        lines += _list(f"Only in {letter(k)} · {names[k]}, not in the base", [escape(table.others[k].sentences[j].text) for j in table.unmatched[k]])
    return "\n".join(lines) + "\n"
