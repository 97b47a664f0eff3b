"""Score the sentence pairs of two articles that can match, without an n×m matrix.

Only pairs that share a term can score above zero, so only those are
scored. While the postings are few (any news story, anything up to a few
hundred sentences a side) every pair sharing any term is a candidate and the
scores are exactly those of comparing every pair. On long documents the
candidates come from an inverted index of the *rare* terms (blocking): a
term that would make more pairs than the budget (``CANDIDATES_PER_UNIT``) allows proposes none,
though it still counts in the score of the pairs proposed by a rarer term.
Two sentences that share only common words are then not compared at all.

Pairs live in flat arrays sorted by ``i * m + j`` (row-major order), and a
pair's diagonal neighbours are found by binary search, once per step. Where
the grid of every pair is small, shared weights are summed into it; else
the postings are sorted. Either way a pair gets the same score up to float
rounding in the last digit.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from reader.core.alignment.scored import CLAUSE_WEIGHT, NEIGHBOUR_WEIGHT, Unit

#: Up to this many (term, pair) postings, every pair sharing a term is scored.
EXACT_POSTINGS = 2_000_000
#: Beyond, the rarest terms propose candidate pairs, as many terms as keep
#: the postings within this many per unit: time and memory grow with the
#: length of the documents, not with its square.
CANDIDATES_PER_UNIT = 3
#: Partners of each sentence compared clause by clause.
_CLAUSE_PARTNERS = 10
#: Terms in more pairs than this were summed by matrix product in the dense
#: scorer; they are still added first so that float32 sums come out the same.
_FREQUENT_PAIRS = 1024
#: Largest grid of every pair (float64 cells) that candidate weights are summed into.
_DENSE_CELLS = 12_000_000
#: Largest bitmap of (unit, common term) kept for lookups, in bytes.
_BITMAP_BYTES = 64_000_000
#: Pairs handled per block where a step expands each pair into many rows.
_BLOCK = 200_000


@dataclass(frozen=True, slots=True)
class PairScores:
    """Scores of the candidate pairs, sorted by ``(row, col)``.

    Attributes:
        shape: Units on the left and on the right.
        rows: Left unit of each pair.
        cols: Right unit of each pair.
        scores: Score of each pair, 0 to 1 (float32).
    """

    shape: tuple[int, int]
    rows: np.ndarray
    cols: np.ndarray
    scores: np.ndarray


class _Index:
    """The sorted keys ``i * m + j`` of the candidate pairs, and where each candidate's diagonal neighbours are."""

    def __init__(self, keys: np.ndarray, n: int, m: int) -> None:
        self.keys, self.n, self.m = keys, n, m
        self._steps: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    def neighbour(self, step: int) -> tuple[np.ndarray, np.ndarray]:
        """For each candidate ``(i, j)``: where ``(i + step, j + step)`` is among the candidates, and whether it is.

        Looked up once per step: scoring asks for the same neighbours several times.
        """
        if step not in self._steps:
            rows, cols = self.keys // self.m, self.keys % self.m
            qi, qj = rows + step, cols + step
            inside = (qi >= 0) & (qj >= 0) & (qi < self.n) & (qj < self.m)
            query = qi * self.m + qj
            at = np.minimum(np.searchsorted(self.keys, query), max(len(self.keys) - 1, 0))
            hit = inside & (self.keys[at] == query) if len(self.keys) else inside & False
            self._steps[step] = (at, hit)
        return self._steps[step]

    def at_step(self, values: np.ndarray, step: int) -> tuple[np.ndarray, np.ndarray]:
        """``values`` at each candidate's diagonal neighbour ``step`` away (0 where none), and which were found."""
        at, hit = self.neighbour(step)
        out = np.zeros(len(hit), dtype=values.dtype)
        out[hit] = values[at[hit]]
        return out, hit

    def candidate_diagonal(self, values: np.ndarray) -> np.ndarray:
        """The larger of ``values`` at the two diagonal neighbours of every candidate."""
        before, after = self.at_step(values, -1)[0], self.at_step(values, 1)[0]
        found: np.ndarray = np.maximum(before, after)
        return found


def score_pairs(left: Sequence[Unit], right: Sequence[Unit], idf: dict[str, float], floor: float = 0.0) -> PairScores:
    """Score the pairs of units that can match, from 0 (no shared term) to 1.

    Args:
        left: The units of the left article.
        right: The units of the right article.
        idf: Weight of every term of the units.
        floor: Scores that cannot reach this value may be computed from the
            whole sentences only, skipping the slower clause comparison.

    Returns:
        The candidate pairs and their scores; every other pair scores 0.
    """
    n, m = len(left), len(right)
    vocabulary = {t: k for k, t in enumerate(idf)}
    weights = np.array(list(idf.values()), dtype=np.float64)
    rows, cols, shared = _shared_weights(left, right, vocabulary, weights)
    index = _Index(rows * m + cols, n, m)
    weight_a = np.array([sum(idf[t] for t in u.terms) for u in left], dtype=np.float32)
    weight_b = np.array([sum(idf[t] for t in u.terms) for u in right], dtype=np.float32)
    whole = (2 * shared) / (weight_a[rows] + weight_b[cols])
    raw = np.maximum(whole, _clause_scores(left, right, idf, vocabulary, weights, index, rows, cols, shared, whole, floor))
    # Reports keep runs of sentences together even when they move whole
    # paragraphs: a pair whose neighbours also match is more likely right.
    raw += NEIGHBOUR_WEIGHT * index.candidate_diagonal(raw)
    np.minimum(raw, 1.0, out=raw)
    return PairScores((n, m), rows, cols, raw)


def _postings(units: Sequence[Unit]) -> dict[str, list[int]]:
    rows: dict[str, list[int]] = defaultdict(list)
    for i, unit in enumerate(units):
        for term in unit.terms:
            rows[term].append(i)
    return rows


def _shared_weights(left: Sequence[Unit], right: Sequence[Unit], vocabulary: dict[str, int], weights: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The candidate pairs, in row-major order, and the summed weight of the terms each shares."""
    rows_a, rows_b = _postings(left), _postings(right)
    common = [t for t in rows_a if t in rows_b]
    size = {t: len(rows_a[t]) * len(rows_b[t]) for t in common}
    exact = sum(size.values()) <= EXACT_POSTINGS
    if exact:
        proposing = [t for t in common if size[t] > _FREQUENT_PAIRS] + [t for t in common if size[t] <= _FREQUENT_PAIRS]
        counted: list[str] = []
    else:
        limit = _rare_limit(sorted(size.values()), CANDIDATES_PER_UNIT * (len(left) + len(right)))
        proposing = [t for t in common if size[t] <= limit]
        counted = [t for t in common if size[t] > limit]
    m = len(right)
    pair_a, pair_b, weight = _expand(proposing, rows_a, rows_b, vocabulary, weights)
    if not counted and len(left) * m <= _DENSE_CELLS:
        # Summed straight into a grid of every pair: cheaper than sorting
        # the postings, and the keys come out in row-major order.
        totals = np.bincount(pair_a * m + pair_b, weights=weight, minlength=len(left) * m)
        keys = np.flatnonzero(totals)
        return keys // m, keys % m, totals[keys].astype(np.float32)
    keys, slot = np.unique(pair_a * m + pair_b, return_inverse=True)
    rows, cols = keys // m, keys % m
    shared = np.zeros(len(keys), dtype=np.float32)
    if counted:
        # Common terms proposed no pair but count in the pairs proposed.
        _add_counted(shared, rows, cols, counted, left, right, vocabulary, weights)
    np.add.at(shared, slot, weight)
    return rows, cols, shared


def _rare_limit(sizes: list[int], budget: int) -> int:
    """The largest number of pairs a proposing term may make: the rarest terms first, whole sizes at a time, within ``budget``."""
    limit, total = 0, 0
    for size in sizes:
        total += size
        if total > budget:
            break
        limit = size
    return limit


def _expand(
    terms: list[str],
    rows_a: dict[str, list[int]],
    rows_b: dict[str, list[int]],
    vocabulary: dict[str, int],
    weights: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every (row in a, row in b, term weight) that the terms make, term by term, without a loop over pairs."""
    if not terms:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    count_a = np.array([len(rows_a[t]) for t in terms])
    count_b = np.array([len(rows_b[t]) for t in terms])
    entry_a = np.fromiter((i for t in terms for i in rows_a[t]), dtype=np.int64, count=int(count_a.sum()))
    entry_b = np.fromiter((j for t in terms for j in rows_b[t]), dtype=np.int64, count=int(count_b.sum()))
    # Each entry of a term on the left is repeated once per entry on the right.
    term_of_a = np.repeat(np.arange(len(terms)), count_a)
    repeats = count_b[term_of_a]
    pair_a = np.repeat(entry_a, repeats)
    start_b = np.concatenate(([0], np.cumsum(count_b)[:-1]))
    pair_b = entry_b[np.repeat(start_b[term_of_a], repeats) + _within(repeats)]
    term_weight = weights[np.array([vocabulary[t] for t in terms])]
    return pair_a, pair_b, np.repeat(term_weight[term_of_a], repeats)


def _within(counts: np.ndarray) -> np.ndarray:
    """``0..c-1`` for each count ``c``, concatenated."""
    total = int(counts.sum())
    starts = np.cumsum(counts) - counts
    within: np.ndarray = np.arange(total) - np.repeat(starts, counts)
    return within


def _add_counted(
    shared: np.ndarray,
    rows: np.ndarray,
    cols: np.ndarray,
    terms: list[str],
    left: Sequence[Unit],
    right: Sequence[Unit],
    vocabulary: dict[str, int],
    weights: np.ndarray,
) -> None:
    """Add to each candidate pair the weight of the given terms both its units hold."""
    wanted = set(terms)
    code = {t: k for k, t in enumerate(terms)}
    term_weight = weights[np.array([vocabulary[t] for t in terms])]
    held_a = [[code[t] for t in u.terms if t in wanted] for u in left]
    start_a = np.concatenate(([0], np.cumsum([len(h) for h in held_a]))).astype(np.int64)
    flat_a = np.fromiter((k for h in held_a for k in h), dtype=np.int64, count=int(start_a[-1]))
    members_b = np.fromiter((j * len(terms) + code[t] for j, u in enumerate(right) for t in u.terms if t in wanted), dtype=np.int64)
    if not len(members_b):
        return
    # Which right unit holds which of these terms: a bitmap while it is
    # small (a lookup is then one index), else a sorted list to search.
    cells = len(right) * len(terms)
    bitmap = np.zeros(cells // 8 + 1, dtype=np.uint8) if cells // 8 <= _BITMAP_BYTES else None
    if bitmap is not None:
        np.bitwise_or.at(bitmap, members_b >> 3, (1 << (members_b & 7)).astype(np.uint8))
    else:
        members_b.sort()
    for block in range(0, len(rows), _BLOCK):
        i, j = rows[block : block + _BLOCK], cols[block : block + _BLOCK]
        count = start_a[i + 1] - start_a[i]
        pair = np.repeat(np.arange(len(i)), count)
        term = flat_a[np.repeat(start_a[i], count) + _within(count)]
        query = j[pair] * len(terms) + term
        if bitmap is not None:
            hit = ((bitmap[query >> 3] >> (query & 7).astype(np.uint8)) & 1).astype(bool)
        else:
            at = np.minimum(np.searchsorted(members_b, query), len(members_b) - 1)
            hit = members_b[at] == query
        shared[block : block + len(i)] += np.bincount(pair[hit], weights=term_weight[term[hit]], minlength=len(i)).astype(np.float32)


def _clause_scores(
    left: Sequence[Unit],
    right: Sequence[Unit],
    idf: dict[str, float],
    vocabulary: dict[str, int],
    weights: np.ndarray,
    index: _Index,
    rows: np.ndarray,
    cols: np.ndarray,
    shared: np.ndarray,
    whole: np.ndarray,
    floor: float,
) -> np.ndarray:
    """``CLAUSE_WEIGHT`` times the best Dice overlap of two clauses, where it can matter.

    The clause score cannot beat the shared weight of the two sentences over
    their two lightest clauses. Pairs are compared clause by clause only
    where that bound beats the whole-sentence score and, with the bounds of
    the diagonal neighbours, can lift the pair or a neighbour to the floor;
    and only among each sentence's most promising partners, so that long
    documents stay fast.
    """
    clause_weights_a = [[sum(idf[t] for t in c) for c in u.clauses] for u in left]
    clause_weights_b = [[sum(idf[t] for t in c) for c in u.clauses] for u in right]
    lightest_a = np.array([min(c, default=np.inf) for c in clause_weights_a], dtype=np.float32)
    lightest_b = np.array([min(c, default=np.inf) for c in clause_weights_b], dtype=np.float32)
    # A unit without clauses has infinite weight: no bound.
    bound = (2 * CLAUSE_WEIGHT * shared) / (lightest_a[rows] + lightest_b[cols])
    np.minimum(bound, CLAUSE_WEIGHT, out=bound)
    upper = np.maximum(whole, bound)
    hopeful = upper + NEIGHBOUR_WEIGHT * index.candidate_diagonal(upper) >= floor
    near = hopeful.copy()
    for step in (-1, 1):
        # A neighbour that is no candidate scores 0 but for its bonus, from
        # its own two neighbours: this pair, and the one two steps away.
        qi, qj = rows + step, cols + step
        found, hit = index.at_step(hopeful, step)
        inside = (qi >= 0) & (qj >= 0) & (qi < index.n) & (qj < index.m)
        missing = inside & ~hit
        if missing.any():
            beyond, _ = index.at_step(upper, 2 * step)
            found[missing] = NEIGHBOUR_WEIGHT * np.maximum(upper[missing], beyond[missing]) >= floor
        near |= found
    scores = np.zeros(len(rows), dtype=np.float32)
    picked = np.flatnonzero((bound > whole) & near)
    picked = picked[_top(rows[picked], cols[picked], bound[picked], _CLAUSE_PARTNERS)]
    if len(picked):
        left_clauses = _Clauses([u.clauses for u in left], clause_weights_a, vocabulary)
        right_clauses = _Clauses([u.clauses for u in right], clause_weights_b, vocabulary)
        for block in range(0, len(picked), _BLOCK // 10):
            chosen = picked[block : block + _BLOCK // 10]
            best = _best_clause_overlap(left_clauses, right_clauses, rows[chosen], cols[chosen], weights)
            scores[chosen] = CLAUSE_WEIGHT * best
    return scores


class _Clauses:
    """The clauses of some units as flat arrays: which clauses each unit has, which terms each clause has."""

    def __init__(self, clauses: list[tuple[tuple[str, ...], ...]], clause_weights: list[list[float]], vocabulary: dict[str, int]) -> None:
        counts = np.array([len(c) for c in clauses], dtype=np.int64)
        self.first = np.cumsum(counts) - counts
        self.count = counts
        self.weight = np.fromiter((w for ws in clause_weights for w in ws), dtype=np.float64, count=int(counts.sum()))
        flat = [c for cs in clauses for c in cs]
        sizes = np.array([len(c) for c in flat], dtype=np.int64)
        self.term_first = np.cumsum(sizes) - sizes
        self.term_count = sizes
        self.terms = np.fromiter((vocabulary[t] for c in flat for t in c), dtype=np.int64, count=int(sizes.sum()))
        self.vocabulary_size = len(vocabulary)
        clause_of_term = np.repeat(np.arange(len(flat), dtype=np.int64), sizes)
        self.members = np.sort(clause_of_term * self.vocabulary_size + self.terms)


def _best_clause_overlap(a: _Clauses, b: _Clauses, rows: np.ndarray, cols: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """For each pair of units, the best IDF-weighted Dice overlap between a clause of one and a clause of the other."""
    per_pair = a.count[rows] * b.count[cols]
    pair = np.repeat(np.arange(len(rows)), per_pair)
    within = _within(per_pair)
    x = a.first[rows][pair] + within // b.count[cols][pair]
    y = b.first[cols][pair] + within % b.count[cols][pair]
    # Each term of clause x, looked up among the terms of clause y.
    size = a.term_count[x]
    clause_pair = np.repeat(np.arange(len(x)), size)
    term = a.terms[np.repeat(a.term_first[x], size) + _within(size)]
    query = y[clause_pair] * b.vocabulary_size + term
    best = np.zeros(len(rows), dtype=np.float64)
    if not len(b.members) or not len(query):
        return best
    at = np.minimum(np.searchsorted(b.members, query), len(b.members) - 1)
    hit = b.members[at] == query
    common = np.bincount(clause_pair[hit], weights=weights[term[hit]], minlength=len(x))
    dice = 2 * common / (a.weight[x] + b.weight[y])
    np.maximum.at(best, pair, dice)
    return best


def _top(rows: np.ndarray, cols: np.ndarray, values: np.ndarray, k: int) -> np.ndarray:
    """Which of the cells ``(rows, cols)`` hold one of the ``k`` highest values of their row or column."""
    keep = np.zeros(len(values), dtype=bool)
    for group in (rows, cols):
        order = np.lexsort((-values, group))
        sorted_group = group[order]
        starts = np.flatnonzero(np.r_[True, sorted_group[1:] != sorted_group[:-1]])
        rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)]))
        keep[order[rank < k]] = True
    return keep
