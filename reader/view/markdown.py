"""A comparison as Markdown: a heading, the summary, the two texts side by side in a table, the facts.

The same content as :mod:`reader.view.html`, for a pull request, a wiki or
a notes file: changed words are marked as ``git diff --word-diff`` marks
them, ``[-removed-]`` on the left and ``{+added+}`` on the right, a fact the
other report contradicts is bold with ≠ in the row's score column, and a
run of rows left out (``--only-changes``) is one row saying how many.

Article text is data, never markup: every character Markdown (CommonMark and
GitHub's tables, strikethrough and maths) could read as syntax is escaped
with a backslash, so a ``|`` cannot end a cell, ``*`` or ``_`` cannot
emphasise, ``[`` and ``<`` cannot make a link or HTML, ``$`` cannot start a
formula, and the markers are the only brackets that are not escaped. A bare
address (``https://…``, ``www.…``, ``name@example.org``) is broken the same
way, so it never becomes a link where GitHub or linkify would make one.
Control characters are shown, as on a terminal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.style import Style
from rich.text import Text

from reader.core.alignment.rows import CompareRow, RowKind, summarize
from reader.core.facts.compare import FactComparison
from reader.core.models import Alignment
from reader.view.changes import Gap, Shown, conflicting_facts, paint_conflicts
from reader.view.compare_cells import CellStyles, clean, row_cells, styled_runs
from reader.view.marks import CONFLICT_MARK, MOVED_MARK, ONLY_B_MARK, SILENT_MARK
from reader.view.styles import VERDICT_LABELS
from reader.view.summary import alignment_summary, facts_summary

#: ASCII punctuation Markdown may read as syntax anywhere in a line: escapes,
#: code, emphasis, links and images, HTML and autolinks, headings' closing
#: hashes, table cells, strikethrough, entities and GitHub's maths. Then what
#: makes a bare address a link where GitHub or linkify find one: the colon of
#: "https://" (any scheme before "//") and of "mailto:" and "xmpp:", every "@"
#: (addresses, and GitHub's mentions), the dot of "www." and a dot before a
#: word's last two or more letters ("example.com"). An escaped character
#: shows as itself, and breaks the address it was in.
_ACTIVE = re.compile(
    r"(?P<address>(?<=[\w.+-])@)"
    r"|[\\`*_\[\]()<>#|~!&$@]"
    r"|(?<=[^\W\d_]):(?=//)|(?i:(?<=mailto)|(?<=xmpp)):"
    r"|(?i:(?<=www))\.|(?<=\w)\.(?=[^\W\d_]{2,}(?![\w-]))"
)
#: GitHub finds e-mail addresses after the escapes are gone, in the text as
#: shown; an empty HTML comment (which shows as nothing) splits the address.
_SPLIT = "<!-- -->"


def _escaped(match: re.Match[str]) -> str:
    return f"{_SPLIT}\\@" if match.group("address") else "\\" + match.group()


#: The styles of cells drawn for Markdown: each carries the marker it becomes.
TAGGED = CellStyles(
    removed=Style(meta={"mark": "removed"}),
    removed_strong=Style(meta={"mark": "removed"}),
    added=Style(meta={"mark": "added"}),
    added_strong=Style(meta={"mark": "added"}),
    heading=Style(),
)
_CONFLICT = Style(meta={"conflict": True})
_MARKERS = {"removed": ("[-", "-]"), "added": ("{+", "+}")}


def escape(text: str) -> str:
    """Article text as Markdown that shows it as written: made printable, on one line, every active character escaped."""
    return _ACTIVE.sub(_escaped, clean(text))


def _emphasised(text: str, on: bool) -> str:
    """``text`` in bold when ``on``, the white space at its ends left outside (bold must touch its words)."""
    core = text.strip()
    if not on or not core:
        return text
    start = text.index(core)
    return f"{text[:start]}**{core}**{text[start + len(core) :]}"


def cell_markdown(cell: Text) -> str:
    """A cell as Markdown: the changed runs between markers, contradicted facts in bold, everything else escaped."""
    # Pieces of (marker, conflict, text); a run of one marker is one pair of brackets.
    groups: list[tuple[object, list[tuple[bool, str]]]] = []
    for text, meta in styled_runs(cell):
        mark = meta.get("mark")
        piece = (bool(meta.get("conflict")), text)
        if groups and groups[-1][0] == mark:
            groups[-1][1].append(piece)
        else:
            groups.append((mark, [piece]))
    out: list[str] = []
    for mark, pieces in groups:
        merged: list[tuple[bool, str]] = []
        for conflict, text in pieces:
            if merged and merged[-1][0] == conflict:
                merged[-1] = (conflict, merged[-1][1] + text)
            else:
                merged.append((conflict, text))
        body = "".join(_emphasised(_ACTIVE.sub(_escaped, text), conflict) for conflict, text in merged)
        if not isinstance(mark, str) or mark not in _MARKERS or not body.strip():
            out.append(body)
            continue
        opening, closing = _MARKERS[mark]
        core = body.strip()
        start = body.index(core)
        out.append(f"{body[:start]}{opening}{core}{closing}{body[start + len(core) :]}")
    return "".join(out)


def _gutter(row: CompareRow, conflict: bool) -> str:
    """The score column: ◀ or ▶ for a sentence one side only, else the score (↕ when moved), and ≠ for a conflict."""
    if row.kind is RowKind.ONLY_LEFT:
        gutter = SILENT_MARK
    elif row.kind is RowKind.ONLY_RIGHT:
        gutter = ONLY_B_MARK
    else:
        gutter = f"{min(row.score or 0, 100):.0f}{' ' + MOVED_MARK if row.moved else ''}"
    return f"{gutter} {CONFLICT_MARK}" if conflict else gutter


def _table_row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def comparison_markdown(alignment: Alignment, rows: Sequence[Shown], facts: FactComparison | None = None) -> str:
    """The comparison as a Markdown document.

    Args:
        alignment: The two articles and their links.
        rows: The rows to show, top to bottom (all of them, or the changes
            only), with a :class:`~reader.view.changes.Gap` where rows are
            left out: a row that says how many.
        facts: The facts of the two articles, compared; when given,
            contradicted facts are bold with ≠ in the score column, the
            summary counts those rows, and the facts table follows.

    Returns:
        The document, ending in a newline.
    """
    a, b = alignment.a, alignment.b
    conflicting = conflicting_facts(facts)
    body: list[str] = []
    conflicts = 0
    for row in rows:
        if isinstance(row, Gap):
            body.append(_table_row("", f"*{row.label}*", ""))
            continue
        left, right = row_cells(alignment, row, TAGGED)
        conflict = paint_conflicts(alignment, row, (left, right), facts, conflicting, _CONFLICT)
        conflicts += conflict
        body.append(_table_row(_gutter(row, conflict), cell_markdown(left), cell_markdown(right)))
    counted = None if facts is None or facts.unchecked else conflicts
    names = escape(a.label), escape(b.label)
    lines = [
        f"# {names[0]} and {names[1]}",
        "",
        f"- Left: **{names[0]}** — {escape(a.title)}",
        f"- Right: **{names[1]}** — {escape(b.title)}",
        "",
        f"{alignment_summary(summarize(alignment), counted).plain} · cutoff {alignment.cutoff:g}",
        "",
        "Changed words are marked [-removed-] on the left and {+added+} on the right"
        + (f"; {CONFLICT_MARK} marks a row holding a fact the other report contradicts, and that fact is in bold." if facts is not None else "."),
        "",
        _table_row("score", *names),
        _table_row("---:", "---", "---"),
        *body,
    ]
    if facts is not None:
        lines += ["", "## Facts", "", escape(facts_summary(facts))]
        if facts.pairs:
            lines += ["", _table_row("kind", "verdict", *names), _table_row("---", "---", "---", "---")]
        for pair in facts.pairs:
            verdict = VERDICT_LABELS.get(pair.verdict, pair.verdict)
            sides = ["" if f is None else escape(f.text) for f in (pair.a, pair.b)]
            lines.append(_table_row(pair.kind, f"**{verdict}** {CONFLICT_MARK}" if pair.conflict else verdict, *sides))
    return "\n".join(lines) + "\n"
