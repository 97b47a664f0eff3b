"""Scores of a grouping against gold stories: B-cubed and pairwise precision, recall and F1.

Shared by ``bench/stories.py`` and ``tests/core/stories/test_stories.py``. Every
item has one predicted and one gold label; an unassigned article is a group
of its own, and so is an article that belongs to no gold story.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence

Scores = tuple[float, float, float]


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def bcubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> Scores:
    """B-cubed precision, recall and F1 (Bagga and Baldwin, 1998): per item, the share of its predicted group in its gold group and back."""
    if not predicted:
        return 1.0, 1.0, 1.0
    both = Counter(zip(predicted, gold))
    by_predicted, by_gold = Counter(predicted), Counter(gold)
    precision = sum(n * n / by_predicted[p] for (p, _), n in both.items()) / len(predicted)
    recall = sum(n * n / by_gold[g] for (_, g), n in both.items()) / len(predicted)
    return precision, recall, _f1(precision, recall)


def pairwise(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> Scores:
    """Precision, recall and F1 over the pairs of items put in one group."""
    both = Counter(zip(predicted, gold))
    same_both = sum(n * (n - 1) // 2 for n in both.values())
    same_predicted = sum(n * (n - 1) // 2 for n in Counter(predicted).values())
    same_gold = sum(n * (n - 1) // 2 for n in Counter(gold).values())
    precision = same_both / same_predicted if same_predicted else 1.0
    recall = same_both / same_gold if same_gold else 1.0
    return precision, recall, _f1(precision, recall)


def labels_of(groups: Sequence[Sequence[str]], items: Sequence[str]) -> list[str]:
    """Each item's group as a label: the group's first member, or the item itself when it is in none."""
    label: dict[str, str] = defaultdict(str)
    for group in groups:
        for item in group:
            label[item] = group[0]
    return [label[item] or f"alone:{item}" for item in items]
