"""How a comparison is laid out: the gutter, two columns and the line between them, and what a row's cells read as plain text for measuring."""

from __future__ import annotations

from reader.core import Alignment
from reader.core.alignment.rows import CompareRow
from reader.core.alignment.word_diff import joined
from reader.view.compare_cells import clean

#: Cells taken by the gutter: score, a space, the moved mark, the conflict mark and a space before the text.
GUTTER_WIDTH = 7
#: Cells between the two columns.
SEPARATOR = " │ "


def column_widths(width: int) -> tuple[int, int]:
    """Widths of the left and right columns for a view ``width`` cells wide."""
    room = max(2, width - GUTTER_WIDTH - len(SEPARATOR))
    left = room // 2
    return left, room - left


def plain_cells(alignment: Alignment, row: CompareRow) -> tuple[str, str]:
    """The plain text of a row's two cells, for measuring."""
    if row.link is not None and row.link.diff:
        return (
            clean("".join(op.a_text for op in row.link.diff)),
            clean("".join(op.b_text for op in row.link.diff)),
        )
    left = joined([alignment.a.sentences[i].text for i in row.left], row.left)
    right = joined([alignment.b.sentences[j].text for j in row.right], row.right)
    return clean(left), clean(right)
