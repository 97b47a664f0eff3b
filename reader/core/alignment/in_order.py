"""What stays in order: the longest run of a sequence whose values ascend.

Two texts that share sentences keep most of them in one order; the pairs
out of that order are the ones a paragraph moved. Patience sorting with
back pointers finds the run in ``n log n``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

__all__ = ["longest_ascending"]


def longest_ascending(keys: Sequence[int]) -> list[int]:
    """The positions in ``keys`` of a longest run whose keys strictly ascend, in order."""
    tails: list[int] = []  # the smallest key ending a run of each length
    tail_at: list[int] = []  # where in keys that run ends
    before = [-1] * len(keys)
    for position, key in enumerate(keys):
        length = bisect_left(tails, key)
        if length == len(tails):
            tails.append(key)
            tail_at.append(position)
        else:
            tails[length] = key
            tail_at[length] = position
        before[position] = tail_at[length - 1] if length else -1
    run = []
    position = tail_at[-1] if tail_at else -1
    while position >= 0:
        run.append(position)
        position = before[position]
    return run[::-1]
