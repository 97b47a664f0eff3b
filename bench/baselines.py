"""What a user would otherwise write: the baselines reader is measured against."""

from __future__ import annotations

from difflib import SequenceMatcher

from reader.core import Article


def _greedy(scored: list[tuple[float, int, int]], cutoff: float) -> list[tuple[int, int]]:
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for score, i, j in sorted(scored, reverse=True):
        if score < cutoff:
            break
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def difflib_align(a: Article, b: Article, cutoff: float = 0.6) -> list[tuple[int, int]]:
    """``SequenceMatcher.ratio`` over every sentence pair, then greedy one-to-one."""
    left = [s.text for s in a.sentences]
    right = [s.text for s in b.sentences]
    scored = []
    for i, x in enumerate(left):
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(x)  # SequenceMatcher caches what it knows of its second sequence
        for j, y in enumerate(right):
            matcher.set_seq1(y)
            scored.append((matcher.ratio(), i, j))
    return _greedy(scored, cutoff)


def naive_align(a: Article, b: Article, cutoff: float = 60) -> list[tuple[int, int]]:
    """rapidfuzz ``cdist`` with ``token_set_ratio``, then greedy one-to-one."""
    from rapidfuzz import fuzz, process

    left = [s.text for s in a.sentences]
    right = [s.text for s in b.sentences]
    matrix = process.cdist(left, right, scorer=fuzz.token_set_ratio, score_cutoff=cutoff, workers=-1)
    rows, cols = matrix.nonzero()
    return _greedy([(float(matrix[i, j]), int(i), int(j)) for i, j in zip(rows, cols)], cutoff)
