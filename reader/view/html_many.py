"""One report read against several as a standalone HTML page: a column per outlet, the word diff in each cell.

Each base sentence is a row; each outlet's cell holds its sentences paired
with it, its own words in ``<ins>`` and, where a word or two of it replace
the base's, those in ``<del>`` (:mod:`reader.view.outlet_cells`), and its
facts that contradict the base sentence in ``<mark class="conflict">``. A row an outlet contradicts says so beside the
base sentence ("≠ in 2 of 4"). The contradicted facts with each outlet's
value, the base's sentences no other outlet reports, and each outlet's own
follow the table. Every string from an article is escaped (and its control
characters shown, as on a terminal): the page runs no script and loads
nothing. The app's ``e`` export and ``reader align --base A B C --format html``
both write it.
"""

from __future__ import annotations

import html

from rich.style import Style

from reader.core.outlets import BaseRow, OneAgainstAll
from reader.view.html import TAGGED, cell_html, page
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
from reader.view.printable import one_line, printable

_CONFLICT = Style(meta={"conflict": True})

#: What the page of one against all styles beyond every page's.
_STYLE = """\
th { position: sticky; top: 0; background: inherit; }
td.base { width: 24%; } td.gutter { width: 4.5em; color: #888; white-space: nowrap; font-variant-numeric: tabular-nums; }
.mark { color: #888; font-variant-numeric: tabular-nums; margin-right: .3em; }
.mark.conflict { color: #d1242f; font-weight: bold; } .mark.altered { color: #9a6700; font-weight: bold; }
tr.alone td.base { color: #8250df; }
td.silent { color: #8250df; } td.same, td.trivial { color: #777; }
.elsewhere { display: block; margin-top: .3em; font-size: .9em; }"""


def _text(text: str) -> str:
    """Article text as HTML: shown on one line, escaped."""
    return html.escape(one_line(text))


def _mark(text: str) -> str:
    kind = "conflict" if CONFLICT_MARK in text else "altered" if ALTERED_MARK in text else ""
    return f'<span class="mark {kind}">{html.escape(text)}</span>'


def _outlet_td(table: OneAgainstAll, row: BaseRow, outlet: int) -> str:
    cell = row.cells[outlet]
    notes = "".join(
        f'<span class="elsewhere">{CONFLICT_MARK} <mark class="conflict">{_text(item.other.text)}</mark> in another sentence</span>'
        for item in elsewhere(table, row, outlet)
    )
    if cell is None:
        return f'<td class="silent">{_mark(compact_mark(row, outlet))}{notes}</td>'
    text = cell_html(outlet_cell(table, row, outlet, TAGGED, _CONFLICT))
    return f'<td class="{cell.kind}">{_mark(compact_mark(row, outlet))}{text}{notes}</td>'


def _gutter(row: BaseRow, outlets: int) -> str:
    return "<br>".join(html.escape(mark) for mark in row_marks(row, outlets, words=True))


def _list(title: str, items: list[str]) -> list[str]:
    if not items:
        return [f"<h2>{html.escape(title)}: none</h2>"]
    return [f"<h2>{html.escape(title)} ({len(items)})</h2>", "<ul>", *(f"<li>{item}</li>" for item in items), "</ul>"]


def one_against_all_html(table: OneAgainstAll) -> str:
    """The base report against every other as one standalone HTML page.

    Args:
        table: The base report against the others.

    Returns:
        The page, UTF-8 text.
    """
    base, outlets = table.base, len(table.others)
    parts = [
        f"<h1>A · {html.escape(name(base))} — {_text(base.title)}</h1>",
        f'<p class="summary">{html.escape(table_summary(table))}</p>',
        "<ul>",
        *(
            f"<li><b>{letter(k)} · {html.escape(name(other))}</b> — {_text(other.title)} · {html.escape(outlet_summary(table, k))}</li>"
            for k, other in enumerate(table.others)
        ),
        "</ul>",
        f'<p class="legend">{SILENT_MARK} reports nothing of it · {SAME_MARK} the same words · 72 the score of its best pair · '
        f"{CONFLICT_MARK} contradicts a fact of it · {ALTERED_MARK} quotes it with other words · "
        "<ins>the outlet's own words</ins>, <del>the base's</del> where a word or two replace them</p>",
        "<table>",
        f"<tr><th>A · {html.escape(name(base))}</th><th>{CONFLICT_MARK}</th>"
        + "".join(f"<th>{letter(k)} · {html.escape(name(other))}</th>" for k, other in enumerate(table.others))
        + "</tr>",
    ]
    for row in table.rows:
        kind = "conflict" if row.contradicted_by else "alone" if not row.reported else "reported"
        parts.append(
            f'<tr class="{kind}"><td class="base">{cell_html(base_cell(table, row, TAGGED, _CONFLICT))}</td>'
            f'<td class="gutter">{_gutter(row, outlets)}</td>' + "".join(_outlet_td(table, row, k) for k in range(outlets)) + "</tr>"
        )
    parts.append("</table>")
    contradicted = []
    for row in table.rows:
        found = contradictions(table, row)
        if found:
            values = "; ".join(
                f'<b>{_text(as_told(c.base))}</b> {CONFLICT_MARK} {letter(c.outlet)}: <mark class="conflict">{_text(as_told(c.other))}</mark>' for c in found
            )
            where = _text(base.sentences[row.base].text)
            contradicted.append(f"{values} ({CONFLICT_MARK} in {len(row.contradicted_by)} of {outlets}) — {where}")
    if contradicted:
        parts += _list("Facts other outlets contradict", contradicted)
    parts += _list("Reported by no other outlet", [_text(base.sentences[row.base].text) for row in table.base_only])
    for k, other in enumerate(table.others):
        own = [_text(other.sentences[j].text) for j in table.unmatched[k]]
        parts += _list(f"Only in {letter(k)} · {name(other)}, not in the base", own)
    title = printable(f"{base.label} against {', '.join(other.label for other in table.others)}")
    return page(title, "\n".join(parts), _STYLE, width="110em", struck=True)
