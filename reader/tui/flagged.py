"""The one way every screen goes to its next flagged row: a difference, a conflict, a disagreement."""

from __future__ import annotations

from collections.abc import Sequence


def next_flagged(flags: Sequence[bool], here: int, step: int) -> int | None:
    """The nearest flagged row after ``here`` (``step`` 1) or before it (-1), or ``None`` when none lies that way.

    Args:
        flags: For each row, whether it is flagged.
        here: The row the cursor is on.
        step: 1 to look down, -1 to look up.

    Returns:
        The row's index, or ``None``.
    """
    order = range(here + 1, len(flags)) if step > 0 else range(min(here, len(flags)) - 1, -1, -1)
    return next((row for row in order if flags[row]), None)
