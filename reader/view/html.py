"""A comparison as a standalone HTML page: both texts side by side, the word diff, the facts.

Removed words are ``<del>``, added ones ``<ins>``, a fact the other report
contradicts ``<mark class="conflict">`` with ≠ in the row's gutter; the facts
table follows. Every string from an article is escaped (and its control
characters shown, as on a terminal): the page runs no script and loads
nothing, so it opens anywhere and can be mailed as it is.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from rich.style import Style
from rich.text import Text

from reader.core.alignment.rows import RowKind, summarize
from reader.core.facts.compare import FactComparison
from reader.core.models import Alignment
from reader.view.changes import Gap, Shown, conflicting_facts, paint_conflicts
from reader.view.compare_cells import CellStyles, row_cells, styled_runs
from reader.view.marks import CONFLICT_MARK, MOVED_MARK, ONLY_B_MARK, SILENT_MARK
from reader.view.printable import printable
from reader.view.styles import VERDICT_LABELS
from reader.view.summary import alignment_summary, facts_summary

#: The styles of cells drawn for HTML: each carries the tag it becomes.
TAGGED = CellStyles(
    removed=Style(meta={"tag": "del"}),
    removed_strong=Style(meta={"tag": "del", "strong": True}),
    added=Style(meta={"tag": "ins"}),
    added_strong=Style(meta={"tag": "ins", "strong": True}),
    heading=Style(meta={"tag": "b"}),
)
_CONFLICT = Style(meta={"conflict": True})

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="reader">
<title>{title}</title>
<style>
body {{ font: 15px/1.5 system-ui, sans-serif; margin: 2em auto; max-width: {width}; padding: 0 1em; color: #1b1b1b; background: #fff; }}
@media (prefers-color-scheme: dark) {{ body {{ color: #e6e6e6; background: #161616; }} del {{ background: #5c1e1e; }} ins {{ background: #1e4d22; }} }}
h1 {{ font-size: 1.3em; }} h2 {{ font-size: 1.1em; margin-top: 2em; }} .summary, .legend {{ color: #666; }}
table {{ border-collapse: collapse; width: 100%; }} td, th {{ vertical-align: top; padding: .4em .6em; border-top: 1px solid #8884; text-align: left; }}
del {{ background: #ffd7d5; text-decoration: {removed}; }} ins {{ background: #ccf2d1; text-decoration: none; }}
del.strong, ins.strong {{ font-weight: bold; }}
mark.conflict {{ background: #d1242f; color: #fff; font-weight: bold; }}
tr.conflict td.gutter {{ color: #d1242f; font-weight: bold; }}
{style}
</style>
</head>
<body>
{body}
</body>
</html>
"""
#: What a comparison's page styles beyond every page's.
_COMPARISON_STYLE = """\
td.gutter { width: 3.5em; color: #888; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.text { width: 48%; }
tr.only td.gutter { color: #8250df; }
tr.same td.text, tr.trivial td.text { color: #777; }
tr.gap td { text-align: center; color: #888; font-style: italic; background: #8881; padding: .2em; }"""


def page(title: str, body: str, style: str = "", width: str = "80em", struck: bool = False) -> str:
    """A standalone HTML page of reader's: its head and shared styles, then ``body`` (already HTML).

    Args:
        title: The page's title, as text (escaped here).
        body: The page's content, as HTML.
        style: CSS beyond the shared styles.
        width: The page's widest measure.
        struck: Whether removed words are struck through (where they stand beside the added ones).
    """
    return _PAGE.format(title=html.escape(title), body=body, style=style, width=width, removed="line-through" if struck else "none")


def cell_html(cell: Text) -> str:
    """A cell's text as HTML: each run inside the tags its styles carry, everything else escaped."""
    out: list[str] = []
    for text, meta in styled_runs(cell):
        piece = html.escape(text)
        if meta.get("conflict"):
            piece = f'<mark class="conflict">{piece}</mark>'
        tag = meta.get("tag")
        if tag in {"del", "ins", "b"}:
            strong = ' class="strong"' if meta.get("strong") else ""
            piece = f"<{tag}{strong}>{piece}</{tag}>"
        out.append(piece)
    return "".join(out)


def _facts_table(facts: FactComparison, left: str, right: str) -> list[str]:
    """The facts of a comparison as a table under its summary."""
    parts = [
        f'<h2>Facts</h2>\n<p class="summary">{html.escape(printable(facts_summary(facts)))}</p>',
        f"<table>\n<tr><th>kind</th><th>verdict</th><th>{html.escape(printable(left))}</th><th>{html.escape(printable(right))}</th></tr>",
    ]
    for pair in facts.pairs:
        verdict = VERDICT_LABELS.get(pair.verdict, pair.verdict)
        mark = ' class="conflict"' if pair.conflict else ""
        sides = [html.escape(printable(f.text)) if f is not None else "" for f in (pair.a, pair.b)]
        parts.append(f"<tr{mark}><td>{pair.kind}</td><td>{html.escape(verdict)}</td><td>{sides[0]}</td><td>{sides[1]}</td></tr>")
    parts.append("</table>")
    return parts


def comparison_html(alignment: Alignment, rows: Sequence[Shown], facts: FactComparison | None = None) -> str:
    """The comparison as one standalone HTML page.

    Args:
        alignment: The two articles and their links.
        rows: The rows to show, top to bottom (all of them, or the changes
            only), with a :class:`~reader.view.changes.Gap` where rows are
            left out: a row across the table that says how many.
        facts: The facts of the two articles, compared; when given, conflicting
            facts are marked in the text, the summary counts the rows holding
            one, and the facts table follows.

    Returns:
        The page, UTF-8 text.
    """
    a, b = alignment.a, alignment.b
    conflicting = conflicting_facts(facts)
    body: list[str] = []
    conflicts = 0
    for row in rows:
        if isinstance(row, Gap):
            body.append(f'<tr class="gap"><td colspan="3">{html.escape(row.label)}</td></tr>')
            continue
        left, right = row_cells(alignment, row, TAGGED)
        conflict = paint_conflicts(alignment, row, (left, right), facts, conflicting, _CONFLICT)
        if row.kind is RowKind.ONLY_LEFT:
            gutter, kind = SILENT_MARK, "only"
        elif row.kind is RowKind.ONLY_RIGHT:
            gutter, kind = ONLY_B_MARK, "only"
        else:
            gutter, kind = f"{min(row.score or 0, 100):.0f}{' ' + MOVED_MARK if row.moved else ''}", row.kind.value
        if conflict:
            gutter, kind = f"{gutter} {CONFLICT_MARK}", "conflict"
            conflicts += 1
        body.append(
            f'<tr class="{kind}"><td class="gutter">{html.escape(gutter)}</td>'
            f'<td class="text">{cell_html(left)}</td><td class="text">{cell_html(right)}</td></tr>'
        )
    counted = None if facts is None or facts.unchecked else conflicts
    parts = [
        f"<h1>{html.escape(printable(a.label))} — {html.escape(printable(a.title))}<br>"
        f"{html.escape(printable(b.label))} — {html.escape(printable(b.title))}</h1>",
        f'<p class="summary">{html.escape(alignment_summary(summarize(alignment), counted).plain)} · cutoff {alignment.cutoff:g}</p>',
        "<table>",
        f"<tr><th></th><th>{html.escape(printable(a.label))}</th><th>{html.escape(printable(b.label))}</th></tr>",
        *body,
        "</table>",
    ]
    if facts is not None:
        parts += _facts_table(facts, a.label, b.label)
    title = printable(f"{a.label} | {b.label}")
    return page(title, "\n".join(parts), _COMPARISON_STYLE)
