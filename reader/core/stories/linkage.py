"""Group articles by average linkage over the graph of candidate pairs.

Single linkage (joining every pair that clears a test) chains stories: one
round-up that mentions two events joins both. Average linkage merges two
groups only while the mean similarity over *all* their cross pairs clears
the threshold, a pair that was never a candidate counting as 0, so a single
bridge article cannot carry two stories into one: most of the cross pairs
are unrelated and pull the mean down. Near-duplicates, which score close to
1 with each other, merge first.

Merging is greedy, best pair first, from a heap with stale entries skipped;
ties are broken by the groups' indices, so the result depends on the order
of the articles only through those indices (the caller fixes that order).
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping

__all__ = ["average_linkage"]


def average_linkage(count: int, similarities: Mapping[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Cluster ``count`` items by average linkage, stopping below ``threshold``.

    Args:
        count: How many items there are (indices ``0 .. count - 1``).
        similarities: The similarity of each candidate pair ``(i, j)``,
            ``i < j``; every other pair is 0.
        threshold: The least mean similarity at which two groups merge.

    Returns:
        The groups, each a sorted list of indices, ordered by their first index;
        an item in no pair above the threshold is a group of its own.
    """
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    # Sum of the similarities between each two groups that have any.
    sums: dict[int, dict[int, float]] = {i: {} for i in range(count)}
    for (i, j), value in similarities.items():
        if value > 0:
            sums[i][j] = sums[j][i] = value
    heap = [(-value, i, j) for (i, j), value in similarities.items() if value >= threshold]
    heapq.heapify(heap)
    while heap:
        negative, i, j = heapq.heappop(heap)
        if i not in members or j not in members or sums[i].get(j) is None:
            continue
        if -negative != sums[i][j] / (len(members[i]) * len(members[j])):
            continue  # stale: one of the groups has grown since
        keep, gone = min(i, j), max(i, j)
        members[keep].extend(members.pop(gone))
        for other, value in sums.pop(gone).items():
            sums[other].pop(gone, None)
            if other != keep:
                total = sums[keep].get(other, 0.0) + value
                sums[keep][other] = sums[other][keep] = total
        sums[keep].pop(gone, None)
        size = len(members[keep])
        for other, total in sums[keep].items():
            mean = total / (size * len(members[other]))
            if mean >= threshold:
                heapq.heappush(heap, (-mean, min(keep, other), max(keep, other)))
    return sorted((sorted(group) for group in members.values()), key=lambda group: group[0])
