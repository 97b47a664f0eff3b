"""Align the sentences of two articles that say the same thing.

The method, in three steps:

1. **Terms.** Each sentence, and each headline and deck, becomes
   a bag of normalised content terms (:func:`reader.core.text.terms.clause_terms`:
   numbers in any spelling as one value, the words news uses for one another
   as one word). Terms are weighted by inverse document frequency over the
   sentences of both articles (or of the library), so rare names and numbers
   count for more than words every sentence uses.
2. **Scores** (:mod:`reader.core.alignment.scoring`). Only pairs that share a term are
   scored: on a news story, every such pair; on a book-length document,
   the pairs proposed by an inverted index of rare terms. A pair's score
   is the IDF-weighted Dice overlap of the whole sentences, or, if higher,
   a share of the best overlap between their clauses, so a sentence whose
   one clause restates the other still scores.
   A pair whose diagonal neighbours also match gets a small bonus: reports
   move paragraphs, but keep the sentences within them in order. The pairs
   of the two openings (headline, deck and first sentence) get one too:
   news is written top down. Section headings and metadata (bylines,
   datelines, time stamps) are not scored.
3. **Links.** Pairs at or above the cutoff join links strongest first, up to
   ``MAX_SIDE`` sentences a side, so a merged or split sentence pairs with
   both halves. A pair near the cutoff links only as the best match of one
   of its sentences and only beside the link's other sentences; a row holds
   two sentences of one side that are not neighbours only when each is
   linked well above the cutoff (``STRONG_MARGIN``). Each link lists the
   pairs that were kept. Strong pairs need no order, so links survive
   reordered paragraphs.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING

from reader.core.alignment.scored import CLAUSE_WEIGHT, NEIGHBOUR_WEIGHT, Unit
from reader.core.alignment.word_diff import link_diff
from reader.core.cache import IdentityCache
from reader.core.models import Alignment, Article, Link, SegmentKind
from reader.core.text.terms import clause_terms, content_terms

if TYPE_CHECKING:
    from reader.core.alignment.scoring import PairScores

__all__ = ["CLAUSE_WEIGHT", "DEFAULT_CUTOFF", "MAX_SIDE", "NEIGHBOUR_WEIGHT", "STRONG_MARGIN", "TermStatistics", "align"]

#: Default score (0-100) below which two sentences are not linked.
DEFAULT_CUTOFF = 18.0

#: Most sentences of one article in one link: enough for a sentence that
#: another outlet split in three, few enough that a row stays readable.
MAX_SIDE = 3
#: A pair scoring this much below the best match of each of its sentences
#: is not linked: both have a far better partner (the margin criterion).
OUTCLASSED = 0.5
#: How far above the cutoff (on the 0-1 scale) a pair is *strong*: a weaker
#: pair links only as the best match of one of its sentences, and joins a
#: link only beside its sentences.
STRONG_MARGIN = 0.04
#: Added to the score of a pair of the two articles' openings (headline, first sentence).
OPENING_BONUS = 0.1


@dataclass(frozen=True, slots=True)
class _Prepared:
    """What aligning needs of one article, whatever it is aligned with."""

    sentence_terms: tuple[tuple[str, ...], ...]
    units: tuple[Unit, ...]
    members: tuple[int, ...]
    #: The units that open the story: its headline and its first sentence.
    opening: tuple[int, ...]


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


def remember(alignment: Alignment) -> None:
    """Keep an alignment made elsewhere (another process) as if :func:`align` had made it here.

    ``alignment.a`` and ``alignment.b`` must be the caller's own article
    objects: the cache knows articles by identity.
    """
    _ALIGNMENTS.put((alignment.a, alignment.b, None), (alignment.cutoff, None), alignment)


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
    right = list(prepared_b.units)
    # Each distinct term once: long documents repeat their terms many times.
    terms = dict.fromkeys(chain.from_iterable(u.terms for u in (*left, *right)))
    idf = {t: stats.idf(t) for t in terms}
    # numpy costs some 80 ms to import; the app's start needs none of it.
    from reader.core.alignment.scoring import score_pairs

    pairs = score_pairs(left, right, idf, floor=cutoff / 100)
    _lift_openings(pairs, prepared_a.opening, prepared_b.opening)
    sentences_a, sentences_b = a.sentences, b.sentences
    links = []
    for found, score in _link(pairs, cutoff / 100):
        scored = sorted((prepared_a.members[u], prepared_b.members[v], round(100 * w, 1)) for u, v, w in found)
        ia = sorted({i for i, _, _ in scored})
        ib = sorted({j for _, j, _ in scored})
        place_a, place_b = {i: k for k, i in enumerate(ia)}, {j: k for k, j in enumerate(ib)}
        within = [(place_a[i], place_b[j], w) for i, j, w in scored]
        diff = link_diff(a.text, [sentences_a[i] for i in ia], b.text, [sentences_b[j] for j in ib], within)
        links.append(Link(a=tuple(ia), b=tuple(ib), score=round(100 * score, 1), diff=diff, pairs=tuple(scored)))
    links.sort(key=lambda link: link.a[0])
    return Alignment(a, b, tuple(links), cutoff)


def _prepare(article: Article) -> _Prepared:
    """The terms of each sentence and the units of an article, computed once per article."""
    prepared = _PREPARED.get((article,), None)
    if prepared is None:
        units = [_unit(s.text) for s in article.sentences]
        sentence_terms = tuple(u.terms for u in units)
        merged, members = _scored_units(article, units)
        prepared = _Prepared(sentence_terms, tuple(merged), tuple(members), _opening(article, members))
        _PREPARED.put((article,), None, prepared)
    return prepared


def _scored_units(article: Article, units: list[Unit]) -> tuple[list[Unit], list[int]]:
    """The units that are scored, and the sentence index each stands for.

    The headings before the first sentence are the headline and its deck:
    they state the story in brief ("Lindsay Lohan checks into Betty Ford
    Center"), and other reports' headlines and leads say it too. A heading
    after the story has begun is a section heading ("Trade Tensions and
    Broader Issues", "LOW EXPECTATIONS"): it names a topic and states
    nothing, so it is not aligned.
    """
    scored: list[Unit] = []
    members: list[int] = []
    begun = False
    for k, (sentence, unit) in enumerate(zip(article.sentences, units)):
        begun = begun or sentence.kind is SegmentKind.SENTENCE
        if begun and sentence.kind is SegmentKind.HEADING:
            continue
        scored.append(unit)
        members.append(k)
    return scored, members


def _opening(article: Article, members: list[int]) -> tuple[int, ...]:
    """The units of the headline and deck (the headings before the first sentence) and of the first sentence."""
    sentences = article.sentences
    opening: list[int] = []
    for unit, k in enumerate(members):
        opening.append(unit)
        if sentences[k].kind is SegmentKind.SENTENCE:
            break
    return tuple(opening)


def _lift_openings(pairs: PairScores, opening_a: tuple[int, ...], opening_b: tuple[int, ...]) -> None:
    """Raise the pairs of the two openings by ``OPENING_BONUS``.

    News is written top down: the headline and the first sentence state the
    story itself, so the openings of two reports of one story tell the same
    event even in other words ("Briton dies in fall" / "British climber
    killed").
    """
    import numpy as np

    if not opening_a or not opening_b or not len(pairs.rows):
        return
    lifted = np.isin(pairs.rows, opening_a) & np.isin(pairs.cols, opening_b)
    pairs.scores[lifted] = np.minimum(pairs.scores[lifted] + OPENING_BONUS, 1.0)


def _unit(text: str) -> Unit:
    """The distinct terms of a sentence and of its clauses; clauses of fewer than three terms do not count."""
    terms, clauses = clause_terms(text)
    if not terms and text.strip():
        # A sentence of stop words only ("It is.") still matches its exact
        # copy: its whole normalised text stands in as its one term.
        terms = ["=" + " ".join(text.casefold().split())]
    return Unit(tuple(dict.fromkeys(terms)), tuple(tuple(dict.fromkeys(c)) for c in clauses if len(c) >= 3 and len(clauses) > 1))


def _link(pairs: PairScores, cutoff: float) -> list[tuple[list[tuple[int, int, float]], float]]:
    """Group the pairs at or above the cutoff into links of at most ``MAX_SIDE`` units a side.

    Pairs join links strongest first, as bitext aligners grow their
    alignments from the surest pairs (hunalign's and bertalign's anchors).
    Both golds and real reports are many-to-many (a merged sentence, a quote
    spread over two), so a sentence may pair with several, but only on
    evidence that holds up:

    * a *weak* pair (below the cutoff plus ``STRONG_MARGIN``) links only
      when it is the best match of one of its two sentences: a sentence
      whose best partner is elsewhere lends it nothing (the best-match
      criterion of margin-based aligners). So two clean one-to-one pairs are
      never merged by a weak pair across them: neither of its sentences has
      it as its best;
    * a sentence joins a link beside none of the link's sentences of its
      side only through a strong pair: a row holds two sentences of one
      side that are not neighbours only when each is linked well above the
      cutoff (every pair before it was at least as strong);
    * a pair whose two sentences both have a match better by ``OUTCLASSED``
      does not link: it would only chain two clear links together;
    * a pair that would make a link larger than ``MAX_SIDE`` on either side
      is dropped, so a link is split at its weakest pairs.

    A link lists only the pairs that were themselves kept.

    Returns:
        Each link's pairs ``(unit a, unit b, score)`` and its best score.
    """
    import numpy as np

    n, m = pairs.shape
    scores = pairs.scores
    best_a = np.zeros(n, dtype=np.float32)
    best_b = np.zeros(m, dtype=np.float32)
    np.maximum.at(best_a, pairs.rows, scores)
    np.maximum.at(best_b, pairs.cols, scores)
    strong = cutoff + STRONG_MARGIN
    is_best = (scores >= best_a[pairs.rows]) | (scores >= best_b[pairs.cols])
    # A pair whose two sentences both have a far better match elsewhere
    # would only chain two clear links together (in an article aligned
    # with itself, any two similar sentences).
    outclassed = scores < np.minimum(best_a[pairs.rows], best_b[pairs.cols]) - OUTCLASSED
    keep = np.flatnonzero((scores > 0) & (scores >= cutoff) & ((scores >= strong) | is_best) & ~outclassed)
    rows, cols, weights = pairs.rows[keep], pairs.cols[keep], pairs.scores[keep]
    order = np.lexsort((cols, rows, -weights))
    # Nodes 0..n-1 are left units, n.. right units.
    parent: dict[int, int] = {}
    members: dict[int, tuple[set[int], set[int]]] = {}  # root -> (left units, right units)
    chosen: dict[int, list[tuple[int, int, float]]] = defaultdict(list)

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, weight in zip(rows[order].tolist(), cols[order].tolist(), weights[order].tolist()):
        ru, rv = find(i), find(n + j)
        if ru != rv:
            left_u, right_u = members.get(ru, ({i}, set()))
            left_v, right_v = members.get(rv, (set(), {j}))
            if len(left_u) + len(left_v) > MAX_SIDE or len(right_u) + len(right_v) > MAX_SIDE:
                continue
            if weight < strong and not (_beside(left_v, left_u) and _beside(right_u, right_v)):
                continue
            parent[rv] = ru
            members[ru] = (left_u | left_v, right_u | right_v)
            members.pop(rv, None)
            chosen[ru].extend(chosen.pop(rv, ()))
        chosen[ru].append((i, j, weight))
    return [(found, max(w for _, _, w in found)) for found in chosen.values()]


def _beside(new: set[int], old: set[int]) -> bool:
    """Whether every sentence of ``new`` sits next to one of ``old`` (or either side is empty)."""
    return not new or not old or all(x - 1 in old or x + 1 in old for x in new)
