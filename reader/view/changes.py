"""The rows a changes-only comparison shows: those that differ, a few unchanged ones around them, and a gap for the rest.

``reader align --only-changes`` prints a comparison as ``diff -U N`` prints
a file: every row that differs (changed words, or a sentence one side only)
and every row holding a fact the other article contradicts, each with up to
``context`` unchanged rows (the same, or the same but for punctuation)
before and after it. A run of rows left out becomes one :class:`Gap`, which
the text, HTML and Markdown outputs each draw as one line across the table.

Plain data: no Rich. It lives in the view because it decides what is shown,
not what the comparison is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from reader.core.alignment.rows import CompareRow, RowKind
from reader.core.facts.compare import FactComparison
from reader.core.models import Alignment
from reader.view.compare_cells import paint_facts


@dataclass(frozen=True, slots=True)
class Gap:
    """Unchanged rows left out between two shown ones (or before the first, or after the last).

    Attributes:
        same: How many of them say it in the same words.
        trivial: How many differ only in punctuation, case or quote style.
    """

    same: int
    trivial: int

    @property
    def rows(self) -> int:
        """How many rows the gap stands for."""
        return self.same + self.trivial

    @property
    def label(self) -> str:
        """What the gap's line says: "… 4 rows the same", "… 1 trivial row", "… 3 unchanged rows (2 same, 1 trivial)"."""
        rows = self.rows
        plural = "" if rows == 1 else "s"
        if not self.trivial:
            return f"… {rows} row{plural} the same"
        if not self.same:
            return f"… {rows} trivial row{plural}"
        return f"… {rows} unchanged rows ({self.same} same, {self.trivial} trivial)"


#: A line of a comparison as shown: a row, or a gap where rows are left out.
Shown = CompareRow | Gap


def conflicting_facts(facts: FactComparison | None) -> frozenset[int]:
    """The ``id`` of every fact, of either side, that the other article contradicts."""
    if facts is None:
        return frozenset()
    return frozenset(id(f) for pair in facts.conflicts for f in (pair.a, pair.b) if f is not None)


def holds_conflict(row: CompareRow, facts: FactComparison, conflicting: frozenset[int]) -> bool:
    """Whether a row shows, on either side, a fact the other article contradicts.

    Args:
        row: The row.
        facts: The facts of the two articles, compared.
        conflicting: :func:`conflicting_facts` of ``facts``.
    """
    if not conflicting:
        return False
    return any(id(f) in conflicting for f in facts.facts_a.in_sentences(row.left)) or any(id(f) in conflicting for f in facts.facts_b.in_sentences(row.right))


def conflict_rows(rows: Sequence[CompareRow], facts: FactComparison | None) -> frozenset[int]:
    """The positions in ``rows`` of the rows holding a contradicted fact."""
    conflicting = conflicting_facts(facts)
    if facts is None or not conflicting:
        return frozenset()
    return frozenset(k for k, row in enumerate(rows) if holds_conflict(row, facts, conflicting))


def only_changes(rows: Sequence[CompareRow], context: int, keep: Iterable[int] = ()) -> tuple[Shown, ...]:
    """The rows that differ, with ``context`` unchanged rows on each side of each, and a gap for each run left out.

    Args:
        rows: Every row of the comparison, top to bottom.
        context: Unchanged rows to show before and after each shown change
            (0 for none). Where two changes are closer than twice this, the
            rows between them are all shown.
        keep: Positions in ``rows`` to show as changes whatever their kind
            (the rows holding a contradicted fact).

    Returns:
        The rows to show and the gaps between them, top to bottom; a single
        gap when nothing differs.
    """
    context = max(0, context)
    changes = sorted({k for k, row in enumerate(rows) if row.kind.is_difference} | set(keep))
    shown = [False] * len(rows)
    for k in changes:
        for near in range(max(0, k - context), min(len(rows), k + context + 1)):
            shown[near] = True
    out: list[Shown] = []
    same = trivial = 0
    for row, visible in zip(rows, shown, strict=True):
        if visible:
            if same or trivial:
                out.append(Gap(same, trivial))
                same = trivial = 0
            out.append(row)
        elif row.kind is RowKind.TRIVIAL:
            trivial += 1
        else:
            same += 1
    if same or trivial:
        out.append(Gap(same, trivial))
    return tuple(out)


def paint_conflicts(
    alignment: Alignment,
    row: CompareRow,
    cells: tuple[Text, Text],
    facts: FactComparison | None,
    conflicting: frozenset[int],
    style: Style,
) -> bool:
    """Paint ``style`` over the contradicted facts of a row's two cells; whether there were any."""
    if facts is None:
        return False
    found = False
    sides = ((cells[0], alignment.a, facts.facts_a, row.left), (cells[1], alignment.b, facts.facts_b, row.right))
    for cell, article, side, indices in sides:
        mentions = [f for f in side.in_sentences(indices) if id(f) in conflicting]
        found = found or bool(mentions)
        paint_facts(cell, article, indices, mentions, {f.kind: style for f in mentions})
    return found
