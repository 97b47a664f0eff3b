"""Align the sentences of two articles that say the same thing.

The method, in three steps:

1. **Terms.** Each sentence becomes a bag of normalised content terms
   (:func:`reader.core.tokens.content_terms`). Terms are weighted by inverse
   document frequency over the sentences of both articles (or of the
   library), so rare names and numbers count for more than words every
   sentence uses. Near-identical spellings across the two articles are
   unified with rapidfuzz.
2. **Scores.** The weight two sentences share comes from the postings of
   their terms (pair by pair for rare terms, by matrix product for common
   ones). A pair's score is the IDF-weighted Dice overlap of the whole
   sentences, or, if higher, a share of the best overlap between their
   clauses, so a sentence whose one clause restates the other still scores.
   A pair whose diagonal neighbours also match gets a small bonus: reports
   move paragraphs, but keep the sentences within them in order.
3. **Links.** Pairs at or above the cutoff form a bipartite graph, less the
   pairs whose two sentences both have a far better match elsewhere. A
   link's sentences are all paired with each other, so a link must be a
   dense cluster (merged or split sentences, a quote spread over two
   sentences). Clusters are read from the single-linkage hierarchy of the
   graph: a sparse one, a chain of sentences that each resemble the next,
   is split where its weakest joining pair was until the parts are dense.
   Order plays no part, so links survive reordered paragraphs.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .diff import word_diff
from .models import Alignment, Article, Link, SegmentKind
from .tokens import content_terms

#: Default score (0-100) below which two sentences are not linked.
DEFAULT_CUTOFF = 18.0

#: Share of the best clause-to-clause overlap that a pair's score can reach:
#: one matching clause is weaker evidence than a matching sentence.
CLAUSE_WEIGHT = 0.5
#: Bonus, as a share of the better diagonal neighbour's score.
NEIGHBOUR_WEIGHT = 0.1
#: Least share of a link's sentence pairs that must be above the cutoff.
DENSITY = 0.7
#: A pair scoring this much below the best match of each of its sentences
#: is not linked.
OUTCLASSED = 0.5

#: Terms shared by more pairs than this are counted by matrix product.
_FREQUENT_PAIRS = 1024
#: Partners of each sentence compared clause by clause.
_CLAUSE_PARTNERS = 10

_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s[-–—]\s|[\"“”]")


@dataclass(frozen=True, slots=True)
class _Unit:
    """A sentence ready for scoring: its terms and its clauses' terms."""

    terms: Counter[str]
    clauses: tuple[Counter[str], ...]


class TermStatistics:
    """Document frequencies of terms over a set of sentences.

    Pass one built from the whole library to :func:`align` so that words
    common to the story ("TikTok", "talks") weigh less than rare ones.
    """

    def __init__(self, sentences: Iterable[str] = ()) -> None:
        self.df: Counter[str] = Counter()
        self.count = 0
        self.add(sentences)

    def add(self, sentences: Iterable[str]) -> None:
        """Count the terms of more sentences."""
        for sentence in sentences:
            self.df.update(set(content_terms(sentence)))
            self.count += 1

    def idf(self, term: str) -> float:
        """Inverse document frequency, smoothed so unseen terms weigh most."""
        return math.log((self.count + 1) / (self.df.get(term, 0) + 0.5))

    @classmethod
    def of_articles(cls, articles: Iterable[Article]) -> TermStatistics:
        """Statistics over the aligned sentences of some articles."""
        return cls(s.text for article in articles for s in article.sentences)


def align(
    a: Article,
    b: Article,
    cutoff: float = DEFAULT_CUTOFF,
    stats: TermStatistics | None = None,
) -> Alignment:
    """Link the sentences of ``a`` and ``b`` that say the same thing.

    Args:
        a: The left article.
        b: The right article.
        cutoff: Score from 0 to 100 below which sentences are not linked.
        stats: Term statistics of the library; by default, of ``a`` and ``b``.

    Returns:
        The alignment: links sorted by their first ``a`` index, each with a
        score and a word diff; no sentence is in two links.
    """
    stats = stats or TermStatistics.of_articles((a, b))
    left, left_members = _units(a)
    right, right_members = _units(b)
    _unify_spellings(left, right)
    scores = score_pairs(left, right, stats, floor=cutoff / 100)
    sentences_a, sentences_b = a.sentences, b.sentences
    links = []
    for units_a, units_b, score in _link(scores, cutoff / 100):
        ia = sorted(i for u in units_a for i in left_members[u])
        ib = sorted(j for u in units_b for j in right_members[u])
        diff = word_diff(a.text, [sentences_a[i] for i in ia], b.text, [sentences_b[j] for j in ib])
        links.append(Link(a=tuple(ia), b=tuple(ib), score=round(100 * score, 1), diff=diff))
    links.sort(key=lambda link: link.a[0])
    return Alignment(a, b, tuple(links), cutoff)


def _units(article: Article) -> tuple[list[_Unit], list[tuple[int, ...]]]:
    """The units that are scored, and the sentence indices each stands for.

    A heading on a line of its own is left out: it names a section and
    states no fact. A heading glued inline to the sentence after it
    ("LOW EXPECTATIONS Experts had...") is scored together with it.
    """
    sentences = article.sentences
    units: list[_Unit] = []
    members: list[tuple[int, ...]] = []
    k = 0
    while k < len(sentences):
        sentence = sentences[k]
        if sentence.kind is SegmentKind.HEADING:
            following = sentences[k + 1] if k + 1 < len(sentences) else None
            if following and following.kind is SegmentKind.SENTENCE and "\n" not in article.text[sentence.end : following.start]:
                units.append(_unit(f"{sentence.text} {following.text}"))
                members.append((k, k + 1))
                k += 2
                continue
            k += 1
            continue
        units.append(_unit(sentence.text))
        members.append((k,))
        k += 1
    return units, members


def _unit(text: str) -> _Unit:
    terms = Counter(content_terms(text))
    pieces = [Counter(content_terms(piece)) for piece in _CLAUSE_BREAK.split(text)]
    clauses = tuple(c for c in pieces if sum(c.values()) >= 3)
    return _Unit(terms, clauses)


def _unify_spellings(left: list[_Unit], right: list[_Unit]) -> None:
    """Map right-side terms onto near-identical left-side terms ("Lifeng"/"Li Feng" aside)."""
    from rapidfuzz import fuzz, process

    vocab_a = sorted({t for u in left for t in u.terms if len(t) >= 5 and not t[0].isdigit()})
    vocab_b = sorted({t for u in right for t in u.terms if len(t) >= 5 and not t[0].isdigit()} - set(vocab_a))
    if not vocab_a or not vocab_b:
        return
    mapping = {}
    for start in range(0, len(vocab_b), 1000):  # in blocks, to bound memory
        block = vocab_b[start : start + 1000]
        for term, match in zip(block, process.cdist(block, vocab_a, scorer=fuzz.ratio, score_cutoff=88, workers=-1)):
            best = int(match.argmax())
            if match[best] >= 88:
                mapping[term] = vocab_a[best]
    if not mapping:
        return
    for unit in right:
        for counter in (unit.terms, *unit.clauses):
            for term in [t for t in counter if t in mapping]:
                counter[mapping[term]] += counter.pop(term)


def score_pairs(
    left: Sequence[_Unit], right: Sequence[_Unit], stats: TermStatistics, floor: float = 0.0
) -> np.ndarray:
    """Score every pair of sentences, from 0 (no shared term) to 1.

    Args:
        left: The units of the left article.
        right: The units of the right article.
        stats: Term statistics for the IDF weights.
        floor: Scores that cannot reach this value may be computed from the
            whole sentences only, skipping the slower clause comparison.

    Returns:
        A ``len(left)`` by ``len(right)`` matrix of scores.
    """
    idf = {t: stats.idf(t) for u in (*left, *right) for t in u.terms}
    weight_a = np.array([sum(idf[t] for t in u.terms) for u in left], dtype=np.float32)
    weight_b = np.array([sum(idf[t] for t in u.terms) for u in right], dtype=np.float32)
    shared = _shared_weights(left, right, idf)
    # Matrices are float32 and updated in place: two long documents make
    # millions of pairs.
    raw = np.add.outer(weight_a, weight_b)
    with np.errstate(divide="ignore", invalid="ignore"):
        np.divide(2 * shared, raw, out=raw)
    np.nan_to_num(raw, copy=False)
    np.maximum(raw, _clause_scores(left, right, idf, shared, raw, floor), out=raw)
    del shared
    # Reports keep runs of sentences together even when they move whole
    # paragraphs: a pair whose neighbours also match is more likely right.
    neighbour = np.zeros_like(raw)
    neighbour[1:, 1:] = raw[:-1, :-1]
    np.maximum(neighbour[:-1, :-1], raw[1:, 1:], out=neighbour[:-1, :-1])
    matched = raw > 0
    raw += NEIGHBOUR_WEIGHT * neighbour
    np.minimum(raw, 1.0, out=raw)
    raw[~matched] = 0.0
    return raw


def _clause_scores(
    left: Sequence[_Unit],
    right: Sequence[_Unit],
    idf: dict[str, float],
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
    def weighed(units: Sequence[_Unit]) -> list[list[tuple[frozenset[str], float]]]:
        return [[(frozenset(c), sum(idf[t] for t in c)) for c in u.clauses] for u in units]

    clauses_a, clauses_b = weighed(left), weighed(right)
    lightest_a = np.array([min((w for _, w in c), default=np.inf) for c in clauses_a], dtype=np.float32)
    lightest_b = np.array([min((w for _, w in c), default=np.inf) for c in clauses_b], dtype=np.float32)
    bound = np.add.outer(lightest_a, lightest_b)
    np.divide(2 * CLAUSE_WEIGHT * shared, bound, out=bound)  # a unit without clauses: infinite weight, no bound
    np.minimum(bound, CLAUSE_WEIGHT, out=bound)
    upper = np.maximum(whole, bound)
    upper_neighbour = np.zeros_like(upper)
    upper_neighbour[1:, 1:] = upper[:-1, :-1]
    np.maximum(upper_neighbour[:-1, :-1], upper[1:, 1:], out=upper_neighbour[:-1, :-1])
    hopeful = upper + NEIGHBOUR_WEIGHT * upper_neighbour >= floor
    near = hopeful.copy()
    near[1:, 1:] |= hopeful[:-1, :-1]
    near[:-1, :-1] |= hopeful[1:, 1:]
    scores = np.zeros_like(whole)
    rows, cols = np.nonzero((bound > whole) & near)
    chosen = _top(rows, cols, bound[rows, cols], _CLAUSE_PARTNERS)
    for i, j in zip(rows[chosen].tolist(), cols[chosen].tolist()):
        best = 0.0
        for x, wx in clauses_a[i]:
            for y, wy in clauses_b[j]:
                common = x & y
                if common:
                    best = max(best, 2 * sum(idf[t] for t in common) / (wx + wy))
        scores[i, j] = CLAUSE_WEIGHT * best
    return scores


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


def _shared_weights(left: Sequence[_Unit], right: Sequence[_Unit], idf: dict[str, float]) -> np.ndarray:
    """Summed IDF weight of the terms each pair of units shares.

    Terms in few sentences are added pair by pair; terms in many (the
    story's "TikTok" and "talks") by one matrix product, so that long
    documents stay fast.
    """
    rows_a: dict[str, list[int]] = defaultdict(list)
    rows_b: dict[str, list[int]] = defaultdict(list)
    for i, unit in enumerate(left):
        for term in unit.terms:
            rows_a[term].append(i)
    for j, unit in enumerate(right):
        for term in unit.terms:
            rows_b[term].append(j)
    common = [t for t in rows_a if t in rows_b]
    frequent = [t for t in common if len(rows_a[t]) * len(rows_b[t]) > _FREQUENT_PAIRS]
    rare = [t for t in common if len(rows_a[t]) * len(rows_b[t]) <= _FREQUENT_PAIRS]
    n, m = len(left), len(right)
    shared = np.zeros((n, m), dtype=np.float32)
    if frequent:
        matrix_a = np.zeros((n, len(frequent)), dtype=np.float32)
        matrix_b = np.zeros((m, len(frequent)), dtype=np.float32)
        for k, term in enumerate(frequent):
            matrix_a[rows_a[term], k] = idf[term]
            matrix_b[rows_b[term], k] = 1.0
        shared += matrix_a @ matrix_b.T
    if rare:
        # Every (row in a, row in b) pair of every rare term, without a
        # Python loop over the pairs: each entry of a term on the left side
        # is repeated once per entry of the term on the right side.
        count_a = np.array([len(rows_a[t]) for t in rare])
        count_b = np.array([len(rows_b[t]) for t in rare])
        entry_a = np.fromiter((i for t in rare for i in rows_a[t]), dtype=np.int64, count=int(count_a.sum()))
        entry_b = np.fromiter((j for t in rare for j in rows_b[t]), dtype=np.int64, count=int(count_b.sum()))
        term_of_a = np.repeat(np.arange(len(rare)), count_a)
        repeats = count_b[term_of_a]
        pair_a = np.repeat(entry_a, repeats)
        start_b = np.concatenate(([0], np.cumsum(count_b)[:-1]))
        first = np.concatenate(([0], np.cumsum(repeats)[:-1]))
        within = np.arange(len(pair_a)) - np.repeat(first, repeats)
        pair_b = entry_b[np.repeat(start_b[term_of_a], repeats) + within]
        weight = np.repeat(np.array([idf[t] for t in rare])[term_of_a], repeats)
        np.add.at(shared.reshape(-1), pair_a * m + pair_b, weight)
    return shared


def _link(scores: np.ndarray, cutoff: float) -> list[tuple[set[int], set[int], float]]:
    """Group linked pairs into links: dense clusters of the pairs above the cutoff.

    Pairs at or above the cutoff form a bipartite graph, leaving out pairs
    outclassed on both sides. Joining its sentences strongest pair first
    builds the single-linkage hierarchy of clusters. Read from the top, a
    cluster whose pairs are too sparse (a chain rather than a cluster) is
    split where it is weakest, at the pair that joined it last, until the
    parts are dense enough to be links.
    """
    n, m = scores.shape
    # A pair whose two sentences both have a far better match elsewhere is
    # left out: it would only chain two clear links together (in an article
    # aligned with itself, any two similar sentences).
    best = np.minimum(scores.max(axis=1, initial=0.0)[:, None], scores.max(axis=0, initial=0.0)[None, :])
    rows, cols = np.nonzero((scores > 0) & (scores >= cutoff) & (scores >= best - OUTCLASSED))
    weights = scores[rows, cols]
    order = np.lexsort((cols, rows, -weights))
    # Nodes 0..n-1 are left units, n..n+m-1 right units; clusters get new ids.
    edges = list(zip(rows[order].tolist(), (cols[order] + n).tolist(), weights[order].tolist()))
    neighbours: dict[int, list[int]] = defaultdict(list)
    for u, v, _ in edges:
        neighbours[u].append(v)
        neighbours[v].append(u)
    parent = list(range(n + m))
    members = {x: [x] for x in neighbours}
    cluster_of = {x: x for x in neighbours}  # union-find root -> cluster id
    clusters: list[_Cluster] = [_Cluster((), 0, int(x < n), int(x >= n), 0.0) for x in range(n + m)]

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for u, v, weight in edges:
        ru, rv = find(u), find(v)
        if ru == rv:
            continue
        if len(members[ru]) < len(members[rv]):
            ru, rv = rv, ru
        # Pairs between the two clusters, counted from the smaller one.
        between = sum(1 for x in members[rv] for y in neighbours[x] if find(y) == ru)
        one, other = clusters[cluster_of[ru]], clusters[cluster_of[rv]]
        clusters.append(
            _Cluster(
                (cluster_of[ru], cluster_of[rv]),
                one.pairs + other.pairs + between,
                one.size_a + other.size_a,
                one.size_b + other.size_b,
                max(one.best, other.best, weight),
            )
        )
        parent[rv] = ru
        members[ru].extend(members.pop(rv))
        cluster_of[ru] = len(clusters) - 1
    groups: list[tuple[set[int], set[int], float]] = []
    pending = [cluster_of[root] for root in members]
    while pending:
        cluster = clusters[pending.pop()]
        if not cluster.parts:
            continue
        if cluster.pairs >= DENSITY * cluster.size_a * cluster.size_b:
            units = _leaves(cluster, clusters)
            groups.append(({x for x in units if x < n}, {x - n for x in units if x >= n}, cluster.best))
        else:
            pending.extend(cluster.parts)
    return groups


@dataclass(frozen=True, slots=True)
class _Cluster:
    """A cluster of the hierarchy: the two it joins, its pairs above the cutoff, its size."""

    parts: tuple[int, ...]
    pairs: int
    size_a: int
    size_b: int
    best: float


def _leaves(cluster: _Cluster, clusters: list[_Cluster]) -> list[int]:
    """The units in a cluster of the hierarchy."""
    found: list[int] = []
    stack = list(cluster.parts)
    while stack:
        k = stack.pop()
        if clusters[k].parts:
            stack.extend(clusters[k].parts)
        else:
            found.append(k)
    return found
