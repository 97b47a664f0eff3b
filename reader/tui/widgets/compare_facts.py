"""The rows of a comparison as data: which sentences each shows, which rows and facts are in conflict, a row as plain text."""

from __future__ import annotations

from typing import Literal

from reader.core import Alignment, Fact, FactComparison
from reader.core.alignment.rows import CompareRow
from reader.core.alignment.word_diff import joined

#: The two articles of a comparison, as the data names them: ``a`` (shown on the left) and ``b`` (on the right).
Side = Literal["a", "b"]


class FactRows:
    """The rows of a comparison indexed by sentence, and the conflicts of its facts placed on them."""

    def __init__(self, rows: tuple[CompareRow, ...]) -> None:
        self._row_of: dict[Side, dict[int, int]] = {
            "a": {i: n for n, row in enumerate(rows) for i in row.left},
            "b": {j: n for n, row in enumerate(rows) for j in row.right},
        }
        self.conflict_rows: tuple[int, ...] = ()
        """Rows holding a fact the other side contradicts, top to bottom."""
        self.conflicts: frozenset[int] = frozenset()
        """The same rows, to look up."""
        self.conflict_facts: frozenset[int] = frozenset()
        """Ids of the facts in conflict, on either side."""

    def row_of(self, fact: Fact | None, side: Side) -> int | None:
        """The row showing a fact of article ``a`` or ``b``."""
        if fact is None:
            return None
        return self._row_of[side].get(fact.sentence)

    def place(self, facts: FactComparison | None) -> None:
        """Place the conflicts of these facts on the rows (none when ``facts`` is ``None``)."""
        rows: set[int] = set()
        found: set[int] = set()
        if facts is not None:
            for pair in facts.conflicts:
                sides: tuple[tuple[Side, Fact | None], ...] = (("a", pair.a), ("b", pair.b))
                for side, fact in sides:
                    row = self.row_of(fact, side)
                    if row is not None:
                        rows.add(row)
                    if fact is not None:
                        found.add(id(fact))
        self.conflict_rows = tuple(sorted(rows))
        self.conflicts = frozenset(rows)
        self.conflict_facts = frozenset(found)


def row_near(rows: tuple[CompareRow, ...], anchor: CompareRow | None) -> int:
    """The row holding the anchor's first sentence, so the cursor stays put."""
    if anchor is None:
        return 0
    for index, row in enumerate(rows):
        if (anchor.left and anchor.left[0] in row.left) or (anchor.right and anchor.right[0] in row.right):
            return index
    return 0


def row_text(alignment: Alignment, row: CompareRow) -> str:
    """A row as the clipboard takes it: each side's sentences, marked where one ends, under its outlet's name."""
    lines = []
    for article, indices in ((alignment.a, row.left), (alignment.b, row.right)):
        said = joined([article.sentences[i].text for i in indices], indices) if indices else "(nothing)"
        lines.append(f"{article.label}: {said}")
    return "\n".join(lines)
