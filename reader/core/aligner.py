"""Align the sentences of two articles that say the same thing.

The method, in three steps:

1. **Terms.** Each sentence becomes a bag of normalised content terms
   (:func:`reader.core.tokens.content_terms`). Terms are weighted by inverse
   document frequency over the sentences of the library, so rare names and
   numbers count for more than words every sentence uses. Near-identical
   spellings across the two articles are unified with rapidfuzz.
2. **Scores.** Candidate pairs come from an inverted index of terms (only
   sentences that share a term are compared). A pair's score combines the
   IDF-weighted cosine of the whole sentences with the best match between
   their clauses, so a sentence whose one clause restates the other still
   scores high.
3. **Links.** Pairs at or above the cutoff are taken best first. A sentence
   joins an existing link (one-to-two, for merged or split sentences) only
   when it adds terms the link did not already cover. Order plays no part,
   so links survive reordered paragraphs.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .diff import word_diff
from .models import Alignment, Article, Link, SegmentKind
from .tokens import content_terms

#: Default score (0-100) below which two sentences are not linked.
DEFAULT_CUTOFF = 18.0

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
    scores = score_pairs(left, right, stats)
    links = []
    for units_a, units_b, score in _link(scores, left, right, stats, cutoff / 100):
        ia = sorted(i for u in units_a for i in left_members[u])
        ib = sorted(j for u in units_b for j in right_members[u])
        diff = word_diff(a.text, [a.sentences[i] for i in ia], b.text, [b.sentences[j] for j in ib])
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
    for term, match in zip(vocab_b, process.cdist(vocab_b, vocab_a, scorer=fuzz.ratio, score_cutoff=88, workers=-1)):
        best = int(match.argmax())
        if match[best] >= 88:
            mapping[term] = vocab_a[best]
    if not mapping:
        return
    for unit in right:
        for counter in (unit.terms, *unit.clauses):
            for term in [t for t in counter if t in mapping]:
                counter[mapping[term]] += counter.pop(term)


def _dice(x: Counter[str], y: Counter[str], stats: TermStatistics) -> float:
    """IDF-weighted Dice overlap of two bags of terms, from 0 to 1."""
    common = x.keys() & y.keys()
    if not common:
        return 0.0
    shared = sum(stats.idf(t) for t in common)
    return 2 * shared / (sum(stats.idf(t) for t in x) + sum(stats.idf(t) for t in y))


def score_pairs(
    left: Sequence[_Unit], right: Sequence[_Unit], stats: TermStatistics
) -> dict[tuple[int, int], float]:
    """Score every pair of sentences that shares at least one term.

    Returns:
        ``{(i, j): score}`` with scores from 0 to 1.
    """
    index: dict[str, list[int]] = defaultdict(list)
    for j, unit in enumerate(right):
        for term in unit.terms:
            index[term].append(j)
    scores: dict[tuple[int, int], float] = {}
    for i, unit in enumerate(left):
        candidates = {j for term in unit.terms for j in index.get(term, ())}
        for j in candidates:
            whole = _dice(unit.terms, right[j].terms, stats)
            part = max(
                (_dice(x, y, stats) for x in unit.clauses for y in right[j].clauses),
                default=0.0,
            )
            scores[(i, j)] = max(whole, CLAUSE_WEIGHT * part)
    # Reports keep runs of sentences together even when they move whole
    # paragraphs: a pair whose neighbours also match is more likely right.
    return {
        (i, j): score + NEIGHBOUR_WEIGHT * max(scores.get((i - 1, j - 1), 0.0), scores.get((i + 1, j + 1), 0.0))
        for (i, j), score in scores.items()
    }


def _link(
    scores: dict[tuple[int, int], float],
    left: Sequence[_Unit],
    right: Sequence[_Unit],
    stats: TermStatistics,
    cutoff: float,
) -> list[tuple[set[int], set[int], float]]:
    """Group linked pairs into links: dense clusters of the pairs above the cutoff.

    Pairs at or above the cutoff form a bipartite graph. Each connected
    component is a candidate link; a component whose pairs are too sparse
    (a chain rather than a cluster) loses its weakest pair until it splits.
    """
    edges = {pair: score for pair, score in scores.items() if score >= cutoff}
    groups: list[tuple[set[int], set[int], float]] = []
    pending = [edges]
    while pending:
        component_edges = pending.pop()
        for component in _components(component_edges):
            ia = {i for i, _ in component}
            ib = {j for _, j in component}
            density = len(component) / (len(ia) * len(ib))
            if density >= DENSITY or len(component) == 1:
                groups.append((ia, ib, max(component.values())))
            else:
                weakest = min(component, key=component.__getitem__)
                pending.append({p: v for p, v in component.items() if p != weakest})
    return groups


DENSITY = 0.7
CLAUSE_WEIGHT = 0.5
NEIGHBOUR_WEIGHT = 0.1


def _components(edges: dict[tuple[int, int], float]) -> list[dict[tuple[int, int], float]]:
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in edges:
        parent[find(("a", i))] = find(("b", j))
    grouped: dict[tuple[str, int], dict[tuple[int, int], float]] = defaultdict(dict)
    for (i, j), score in edges.items():
        grouped[find(("a", i))][(i, j)] = score
    return list(grouped.values())


def _adds_cover(
    target: Counter[str], linked: list[Counter[str]], extra: Counter[str], stats: TermStatistics
) -> bool:
    """Whether ``extra`` covers a real share of ``target`` that ``linked`` does not."""
    covered = set().union(*linked) & target.keys()
    new = (extra.keys() & target.keys()) - covered
    total = sum(stats.idf(t) for t in target)
    return total > 0 and sum(stats.idf(t) for t in new) / total >= 0.15
