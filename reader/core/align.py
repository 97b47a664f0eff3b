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
from .models import Alignment, Article, Link, Segment
from .tokens import content_terms

#: Default score (0-100) below which two sentences are not linked.
DEFAULT_CUTOFF = 30.0

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
    left = [_unit(s) for s in a.sentences]
    right = [_unit(s) for s in b.sentences]
    _unify_spellings(left, right)
    scores = score_pairs(left, right, stats)
    groups = _link(scores, left, right, stats, cutoff / 100)
    links = [
        Link(
            a=tuple(sorted(ia)),
            b=tuple(sorted(ib)),
            score=round(100 * score, 1),
            diff=word_diff(a.text, [a.sentences[i] for i in sorted(ia)], b.text, [b.sentences[j] for j in sorted(ib)]),
        )
        for ia, ib, score in groups
    ]
    links.sort(key=lambda link: link.a[0])
    return Alignment(a, b, tuple(links), cutoff)


def _unit(sentence: Segment) -> _Unit:
    terms = Counter(content_terms(sentence.text))
    pieces = [Counter(content_terms(piece)) for piece in _CLAUSE_BREAK.split(sentence.text)]
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


def _cosine(x: Counter[str], y: Counter[str], stats: TermStatistics) -> float:
    common = x.keys() & y.keys()
    if not common:
        return 0.0
    dot = sum(stats.idf(t) ** 2 for t in common)
    norm_x = math.sqrt(sum(stats.idf(t) ** 2 for t in x))
    norm_y = math.sqrt(sum(stats.idf(t) ** 2 for t in y))
    return dot / (norm_x * norm_y)


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
            whole = _cosine(unit.terms, right[j].terms, stats)
            part = max(
                (_cosine(x, y, stats) for x in unit.clauses for y in right[j].clauses),
                default=0.0,
            )
            scores[(i, j)] = max(whole, 0.8 * part)
    return scores


def _link(
    scores: dict[tuple[int, int], float],
    left: Sequence[_Unit],
    right: Sequence[_Unit],
    stats: TermStatistics,
    cutoff: float,
) -> list[tuple[set[int], set[int], float]]:
    groups: list[tuple[set[int], set[int], float]] = []
    owner_a: dict[int, int] = {}
    owner_b: dict[int, int] = {}
    for (i, j), score in sorted(scores.items(), key=lambda item: -item[1]):
        if score < cutoff:
            break
        if i not in owner_a and j not in owner_b:
            owner_a[i] = owner_b[j] = len(groups)
            groups.append(({i}, {j}, score))
        elif i in owner_a and j not in owner_b:
            g = owner_a[i]
            ia, ib, best = groups[g]
            if len(ia) == 1 and _adds_cover(left[i].terms, [right[k].terms for k in ib], right[j].terms, stats):
                ib.add(j)
                owner_b[j] = g
        elif j in owner_b and i not in owner_a:
            g = owner_b[j]
            ia, ib, best = groups[g]
            if len(ib) == 1 and _adds_cover(right[j].terms, [left[k].terms for k in ia], left[i].terms, stats):
                ia.add(i)
                owner_a[i] = g
    return groups


def _adds_cover(
    target: Counter[str], linked: list[Counter[str]], extra: Counter[str], stats: TermStatistics
) -> bool:
    """Whether ``extra`` covers a real share of ``target`` that ``linked`` does not."""
    covered = set().union(*linked) & target.keys()
    new = (extra.keys() & target.keys()) - covered
    total = sum(stats.idf(t) for t in target)
    return total > 0 and sum(stats.idf(t) for t in new) / total >= 0.15
