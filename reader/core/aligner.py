"""Align the sentences of two articles that say the same thing.

The method, in three steps:

1. **Terms.** Each sentence becomes a bag of normalised content terms
   (:func:`reader.core.tokens.content_terms`). Terms are weighted by inverse
   document frequency over the sentences of both articles (or of the
   library), so rare names and numbers count for more than words every
   sentence uses. Near-identical spellings across the two articles are
   unified with rapidfuzz.
2. **Scores** (:mod:`reader.core.pairs`). Only pairs that share a term are
   scored: on a news story, every such pair; on a book-length document,
   the pairs proposed by an inverted index of rare terms. A pair's score
   is the IDF-weighted Dice overlap of the whole sentences, or, if higher,
   a share of the best overlap between their clauses, so a sentence whose
   one clause restates the other still scores.
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
from itertools import chain
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .cache import IdentityCache
from .diff import word_diff
from .models import Alignment, Article, Link, SegmentKind
from .units import CLAUSE_WEIGHT, NEIGHBOUR_WEIGHT, Unit
from .tokens import content_terms

if TYPE_CHECKING:
    from .pairs import PairScores

__all__ = ["CLAUSE_WEIGHT", "DEFAULT_CUTOFF", "DENSITY", "NEIGHBOUR_WEIGHT", "OUTCLASSED", "TermStatistics", "align"]

#: Default score (0-100) below which two sentences are not linked.
DEFAULT_CUTOFF = 18.0

#: Least share of a link's sentence pairs that must be above the cutoff.
DENSITY = 0.7
#: A pair scoring this much below the best match of each of its sentences
#: is not linked.
OUTCLASSED = 0.5

_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s[-–—]\s|[\"“”]")
#: Where a sentence's terms may not be its clauses' terms in a row: a comma
#: or colon inside a number ("1,000", "3:30"); a dash, which joins the words
#: around it into one token ("Tehran–Washington") unless it splits clauses.
_JOINED_BREAK = re.compile(r"\d[,:]\d|[\u2013\u2014]")


@dataclass(frozen=True, slots=True)
class _Prepared:
    """What aligning needs of one article, whatever it is aligned with."""

    sentence_terms: tuple[tuple[str, ...], ...]
    units: tuple[Unit, ...]
    members: tuple[tuple[int, ...], ...]


#: Terms and units of the articles aligned lately: the app aligns the same
#: article with several others, and re-aligns a pair when the cutoff changes.
_PREPARED: IdentityCache[_Prepared] = IdentityCache(maxsize=64)
#: Alignments computed lately, by the identity of the articles and statistics and the cutoff.
_ALIGNMENTS: IdentityCache[Alignment] = IdentityCache(maxsize=32)


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
        stats = cls()
        for article in articles:
            terms = _prepare(article).sentence_terms
            for sentence in terms:
                stats.df.update(sentence)
            stats.count += len(terms)
        return stats


def align(
    a: Article,
    b: Article,
    cutoff: float = DEFAULT_CUTOFF,
    stats: TermStatistics | None = None,
) -> Alignment:
    """Link the sentences of ``a`` and ``b`` that say the same thing.

    Alignments are cached by the identity of ``a``, ``b`` and ``stats`` and
    by ``cutoff`` (see :mod:`reader.core.cache`): asking again for the same
    pair returns the same object at once.

    Args:
        a: The left article.
        b: The right article.
        cutoff: Score from 0 to 100 below which sentences are not linked.
        stats: Term statistics of the library; by default, of ``a`` and ``b``.

    Returns:
        The alignment: links sorted by their first ``a`` index, each with a
        score and a word diff; no sentence is in two links.
    """
    # Statistics can grow; their size is part of the key.
    extra = (cutoff, None if stats is None else (stats.count, len(stats.df)))
    cached = _ALIGNMENTS.get((a, b, stats), extra)
    if cached is not None:
        return cached
    alignment = _align(a, b, cutoff, stats)
    _ALIGNMENTS.put((a, b, stats), extra, alignment)
    return alignment


def _align(a: Article, b: Article, cutoff: float, stats: TermStatistics | None) -> Alignment:
    stats = stats or TermStatistics.of_articles((a, b))
    prepared_a, prepared_b = _prepare(a), _prepare(b)
    left = list(prepared_a.units)
    right = _unify_spellings(left, list(prepared_b.units))
    # Each distinct term once: long documents repeat their terms many times.
    terms = dict.fromkeys(chain.from_iterable(u.terms for u in (*left, *right)))
    idf = {t: stats.idf(t) for t in terms}
    # numpy costs some 80 ms to import; the app's start needs none of it.
    from .pairs import score_pairs

    pairs = score_pairs(left, right, idf, floor=cutoff / 100)
    sentences_a, sentences_b = a.sentences, b.sentences
    links = []
    for units_a, units_b, score in _link(pairs, cutoff / 100):
        ia = sorted(i for u in units_a for i in prepared_a.members[u])
        ib = sorted(j for u in units_b for j in prepared_b.members[u])
        diff = word_diff(a.text, [sentences_a[i] for i in ia], b.text, [sentences_b[j] for j in ib])
        links.append(Link(a=tuple(ia), b=tuple(ib), score=round(100 * score, 1), diff=diff))
    links.sort(key=lambda link: link.a[0])
    return Alignment(a, b, tuple(links), cutoff)


def _prepare(article: Article) -> _Prepared:
    """The terms of each sentence and the units of an article, computed once per article."""
    prepared = _PREPARED.get((article,), None)
    if prepared is None:
        units = [_unit(s.text) for s in article.sentences]
        sentence_terms = tuple(u.terms for u in units)
        merged, members = _merge_headings(article, units)
        prepared = _Prepared(sentence_terms, tuple(merged), tuple(members))
        _PREPARED.put((article,), None, prepared)
    return prepared


def _merge_headings(article: Article, units: list[Unit]) -> tuple[list[Unit], list[tuple[int, ...]]]:
    """The units that are scored, and the sentence indices each stands for.

    A heading on a line of its own is left out: it names a section and
    states no fact. A heading glued inline to the sentence after it
    ("LOW EXPECTATIONS Experts had...") is scored together with it.
    """
    sentences = article.sentences
    scored: list[Unit] = []
    members: list[tuple[int, ...]] = []
    k = 0
    while k < len(sentences):
        sentence = sentences[k]
        if sentence.kind is SegmentKind.HEADING:
            following = sentences[k + 1] if k + 1 < len(sentences) else None
            if following and following.kind is SegmentKind.SENTENCE and "\n" not in article.text[sentence.end : following.start]:
                scored.append(_unit(f"{sentence.text} {following.text}"))
                members.append((k, k + 1))
                k += 2
                continue
            k += 1
            continue
        scored.append(units[k])
        members.append((k,))
        k += 1
    return scored, members


def _unit(text: str) -> Unit:
    """The distinct terms of a sentence and of its clauses; clauses of fewer than three terms do not count."""
    pieces = [content_terms(piece) for piece in _CLAUSE_BREAK.split(text)]
    if len(pieces) == 1:
        terms = pieces[0]
    elif _JOINED_BREAK.search(text):
        terms = content_terms(text)
    else:
        # Clause breaks fall between tokens, so the sentence's terms are its
        # clauses' terms in a row: no need to read it twice.
        terms = [t for piece in pieces for t in piece]
    if not terms and text.strip():
        # A sentence of stop words only ("It is.") still matches its exact
        # copy: its whole normalised text stands in as its one term.
        terms = ["=" + " ".join(text.casefold().split())]
    return Unit(tuple(dict.fromkeys(terms)), tuple(tuple(dict.fromkeys(p)) for p in pieces if len(p) >= 3))


def _unify_spellings(left: list[Unit], right: list[Unit]) -> list[Unit]:
    """Map right-side terms onto near-identical left-side terms ("Lifeng"/"Li Feng" aside)."""
    from rapidfuzz import fuzz, process

    vocab_a = sorted({t for u in left for t in u.terms if len(t) >= 5 and not t[0].isdigit()})
    vocab_b = sorted({t for u in right for t in u.terms if len(t) >= 5 and not t[0].isdigit()} - set(vocab_a))
    if not vocab_a or not vocab_b:
        return right
    mapping = {}
    for start in range(0, len(vocab_b), 1000):  # in blocks, to bound memory
        block = vocab_b[start : start + 1000]
        for term, match in zip(block, process.cdist(block, vocab_a, scorer=fuzz.ratio, score_cutoff=88, workers=-1)):
            best = int(match.argmax())
            if match[best] >= 88:
                mapping[term] = vocab_a[best]
    if not mapping:
        return right

    def remap(terms: tuple[str, ...]) -> tuple[str, ...]:
        if not any(t in mapping for t in terms):
            return terms
        # The term gives way to its spelling on the left, which keeps its
        # place if the sentence has it already and goes last if not.
        out = dict.fromkeys(terms)
        for term in [t for t in terms if t in mapping]:
            del out[term]
            out.setdefault(mapping[term])
        return tuple(out)

    return [Unit(remap(u.terms), tuple(remap(c) for c in u.clauses)) for u in right]


def _link(pairs: PairScores, cutoff: float) -> list[tuple[set[int], set[int], float]]:
    """Group linked pairs into links: dense clusters of the pairs above the cutoff.

    Pairs at or above the cutoff form a bipartite graph, leaving out pairs
    outclassed on both sides. Joining its sentences strongest pair first
    builds the single-linkage hierarchy of clusters. Read from the top, a
    cluster whose pairs are too sparse (a chain rather than a cluster) is
    split where it is weakest, at the pair that joined it last, until the
    parts are dense enough to be links.
    """
    import numpy as np

    n, m = pairs.shape
    scores = pairs.scores
    # A pair whose two sentences both have a far better match elsewhere is
    # left out: it would only chain two clear links together (in an article
    # aligned with itself, any two similar sentences).
    best_a = np.zeros(n, dtype=np.float32)
    best_b = np.zeros(m, dtype=np.float32)
    np.maximum.at(best_a, pairs.rows, scores)
    np.maximum.at(best_b, pairs.cols, scores)
    best = np.minimum(best_a[pairs.rows], best_b[pairs.cols])
    keep = np.flatnonzero((scores > 0) & (scores >= cutoff) & (scores >= best - OUTCLASSED))
    rows, cols, weights = pairs.rows[keep], pairs.cols[keep], scores[keep]
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
