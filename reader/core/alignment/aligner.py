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
3. **Links** (:mod:`reader.core.alignment.linking`). Pairs at or above the
   cutoff join links strongest first, up to ``MAX_SIDE`` sentences a side,
   so a merged or split sentence pairs with both halves. A pair near the
   cutoff links only as the best match of one of its sentences, and none
   links far below either sentence's best match; a link holds two sentences
   of one side that are not neighbours only when each is linked well above
   the cutoff, and a link of far-apart sentences, or of several sentences on
   both sides, only when read whole it matches as well as its parts did.
   Each link lists the pairs that were kept. Order plays no part, so links
   survive reordered paragraphs.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain
from typing import TYPE_CHECKING

from reader.core.alignment.linking import COVER_TOLERANCE, MAX_SIDE, STRONG_MARGIN, link_pairs
from reader.core.alignment.near_copies import identical_pairs, section_headings, stretches
from reader.core.alignment.scored import CLAUSE_WEIGHT, NEIGHBOUR_WEIGHT, Unit
from reader.core.alignment.word_diff import joiners, link_diff
from reader.core.cache import IdentityCache
from reader.core.models import Alignment, Article, DiffOp, Link, Segment, SegmentKind
from reader.core.text.terms import clause_terms, content_terms

if TYPE_CHECKING:
    from reader.core.alignment.scoring import PairScores

__all__ = [
    "CLAUSE_WEIGHT",
    "COVER_TOLERANCE",
    "DEFAULT_CUTOFF",
    "MAX_SIDE",
    "NEIGHBOUR_WEIGHT",
    "OPENING_BONUS",
    "STRONG_MARGIN",
    "TermStatistics",
    "align",
    "candidate_scores",
]

#: Default score (0-100) below which two sentences are not linked.
DEFAULT_CUTOFF = 18.0

#: Added to the score of a pair of the two articles' openings (headline, deck, first sentence).
OPENING_BONUS = 0.15


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
    word_diffs: bool = True,
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
        word_diffs: Whether each link carries the word diff of its
            sentences. The same links are found without; the facts need
            none, and a long pair's diffs take a good part of its alignment.

    Returns:
        The alignment: links sorted by their first ``a`` index, each with a
        score and (unless left out) a word diff; no sentence is in two links.
    """
    # Statistics can grow; their size is part of the key.
    extra = (cutoff, None if stats is None else (stats.count, len(stats.df)))
    cached = _ALIGNMENTS.get((a, b, stats), extra)
    if cached is None and not word_diffs:
        cached = _ALIGNMENTS.get((a, b, stats), (*extra, "no word diffs"))
    if cached is not None:
        return cached
    alignment = _align(a, b, cutoff, stats, word_diffs)
    _ALIGNMENTS.put((a, b, stats), extra if word_diffs else (*extra, "no word diffs"), alignment)
    return alignment


def candidate_scores(a: Article, b: Article, cutoff: float = DEFAULT_CUTOFF, stats: TermStatistics | None = None) -> dict[tuple[int, int], float]:
    """Every pair of sentences the aligner scores, as it scores them before linking.

    Args:
        a: The left article.
        b: The right article.
        cutoff: The cutoff the pairs are scored for (clause scores that cannot reach it are skipped).
        stats: Term statistics, as for :func:`align`.

    Returns:
        The score (0-100) of each scored pair ``(a index, b index)``; a pair not
        listed shares no term.
    """
    _, _, pairs, _ = _scored(a, b, cutoff, stats)
    prepared_a, prepared_b = _prepare(a), _prepare(b)
    return {
        (prepared_a.members[u], prepared_b.members[v]): round(100 * w, 1) for u, v, w in zip(pairs.rows.tolist(), pairs.cols.tolist(), pairs.scores.tolist())
    }


def _scored(a: Article, b: Article, cutoff: float, stats: TermStatistics | None) -> tuple[_Prepared, _Prepared, PairScores, dict[str, float]]:
    """Both articles prepared, their pairs scored (openings lifted), and the weight of each term."""
    stats = stats or TermStatistics.of_articles((a, b))
    prepared_a, prepared_b = _prepare(a), _prepare(b)
    # Each distinct term once: long documents repeat their terms many times.
    terms = dict.fromkeys(chain.from_iterable(u.terms for u in (*prepared_a.units, *prepared_b.units)))
    idf = {t: stats.idf(t) for t in terms}
    # numpy costs some 80 ms to import; the app's start needs none of it.
    from reader.core.alignment.scoring import score_pairs

    pairs = score_pairs(prepared_a.units, prepared_b.units, idf, floor=cutoff / 100)
    _lift_openings(pairs, prepared_a.opening, prepared_b.opening)
    return prepared_a, prepared_b, pairs, idf


def _align(a: Article, b: Article, cutoff: float, stats: TermStatistics | None, word_diffs: bool = True) -> Alignment:
    same = identical_pairs(a, b)
    if same is not None:
        return _align_near_copies(a, b, cutoff, stats, same, word_diffs)
    prepared_a, prepared_b, pairs, idf = _scored(a, b, cutoff, stats)
    left, right = prepared_a.units, prepared_b.units
    links = []
    found_links = link_pairs(pairs, cutoff / 100, (left, right), idf, (prepared_a.opening, prepared_b.opening))
    for found, score in found_links:
        links.append(_link(a, b, [(prepared_a.members[u], prepared_b.members[v], w) for u, v, w in found], score, word_diffs))
    links.extend(_same_headings(a, b, links, prepared_a.members, prepared_b.members))
    links.sort(key=lambda link: link.a[0])
    return Alignment(a, b, tuple(links), cutoff)


def _link(a: Article, b: Article, found: Sequence[tuple[int, int, float]], score: float, word_diff: bool = True) -> Link:
    """A link of the pairs ``(a sentence, b sentence, score from 0 to 1)``, with its word diff read pair by pair (unless left out)."""
    scored = sorted((i, j, round(100 * w, 1)) for i, j, w in found)
    ia = sorted({i for i, _, _ in scored})
    ib = sorted({j for _, j, _ in scored})
    place_a, place_b = {i: k for k, i in enumerate(ia)}, {j: k for k, j in enumerate(ib)}
    if not word_diff:
        return Link(a=tuple(ia), b=tuple(ib), score=round(100 * score, 1), pairs=tuple(scored))
    within = [(place_a[i], place_b[j], w) for i, j, w in scored]
    diff = link_diff(a.text, [a.sentences[i] for i in ia], b.text, [b.sentences[j] for j in ib], within, joiners(ia), joiners(ib))
    return Link(a=tuple(ia), b=tuple(ib), score=round(100 * score, 1), diff=diff, pairs=tuple(scored))


def _align_near_copies(
    a: Article, b: Article, cutoff: float, stats: TermStatistics | None, same: Sequence[tuple[int, int]], word_diffs: bool = True
) -> Alignment:
    """Two near copies aligned: each sentence written alike in both linked at once, the rest as :func:`align` links two reports.

    The sentences that changed are scored stretch by stretch: those standing
    between the same two sentences written alike (:func:`~reader.core.alignment.near_copies.stretches`),
    their terms weighted over all that changed (or over ``stats``). A
    version corrects a sentence where it stands; what it dropped here and
    added elsewhere are two changes, not one sentence moved.
    """
    links = [Link(a=(i,), b=(j,), score=100.0, diff=(_equal_run(a.text, a.sentences[i], b.text, b.sentences[j]),), pairs=((i, j, 100.0),)) for i, j in same]
    taken_a, taken_b = {i for i, _ in same}, {j for _, j in same}
    headings_a, headings_b = section_headings(a), section_headings(b)
    rest_a, rest_b = _rest(a, taken_a, headings_a), _rest(b, taken_b, headings_b)
    units_a = {k: _unit(a.sentences[k].text) for k in rest_a}
    units_b = {k: _unit(b.sentences[k].text) for k in rest_b}
    if stats is None:
        stats = TermStatistics()
        for unit in (*units_a.values(), *units_b.values()):
            stats.df.update(unit.terms)
        stats.count = len(units_a) + len(units_b)
    for part_a, part_b in stretches(same, rest_a, rest_b):
        left, right = [units_a[k] for k in part_a], [units_b[k] for k in part_b]
        terms = dict.fromkeys(chain.from_iterable(u.terms for u in (*left, *right)))
        idf = {t: stats.idf(t) for t in terms}
        from reader.core.alignment.scoring import score_pairs

        pairs = score_pairs(left, right, idf, floor=cutoff / 100)
        openings = (_opening_of(a, part_a), _opening_of(b, part_b))
        _lift_openings(pairs, *openings)
        for found, score in link_pairs(pairs, cutoff / 100, (left, right), idf, openings):
            links.append(_link(a, b, [(part_a[u], part_b[v], w) for u, v, w in found], score, word_diffs))
    scored_a = [k for k in range(len(a.sentences)) if k not in headings_a]
    scored_b = [k for k in range(len(b.sentences)) if k not in headings_b]
    links.extend(_same_headings(a, b, links, scored_a, scored_b))
    links.sort(key=lambda link: link.a[0])
    return Alignment(a, b, tuple(links), cutoff)


def _opening_of(article: Article, rest: Sequence[int]) -> tuple[int, ...]:
    """The places in ``rest`` of the article's opening sentences (its headline, deck and first sentence)."""
    opening = set(_opening(article, list(range(len(article.sentences)))))
    return tuple(u for u, k in enumerate(rest) if k in opening)


def _rest(article: Article, taken: set[int], headings: frozenset[int]) -> list[int]:
    """The sentences of a near copy left to score: not written alike in the other, and no section heading (as :func:`_scored_units` leaves them out)."""
    return [k for k in range(len(article.sentences)) if k not in taken and k not in headings]


def _equal_run(a_text: str, a_one: Segment, b_text: str, b_one: Segment) -> DiffOp:
    """The word diff of two sentences written alike: one equal run."""
    return DiffOp("equal", a_one.start, a_one.end, b_one.start, b_one.end, a_text[a_one.start : a_one.end], b_text[b_one.start : b_one.end])


def _same_headings(a: Article, b: Article, links: list[Link], members_a: Sequence[int], members_b: Sequence[int]) -> list[Link]:
    """Section headings left out of scoring ("LOW EXPECTATIONS") linked to the same heading of the other
    report, where it stands between the same links: a word or two says too little to be scored, but
    written alike in the same place it is the same heading (and an article against itself is the same
    throughout)."""
    scored_a, scored_b = set(members_a), set(members_b)
    left_out_a = [i for i, s in enumerate(a.sentences) if s.kind is SegmentKind.HEADING and i not in scored_a]
    left_out_b = [j for j, s in enumerate(b.sentences) if s.kind is SegmentKind.HEADING and j not in scored_b]
    if not left_out_a or not left_out_b:
        return []
    by_text: dict[str, list[int]] = {}
    for j in left_out_b:
        by_text.setdefault(_heading_key(b.sentences[j].text), []).append(j)
    # The last B sentence of the links that end before each A sentence, and the first of those that begin after it.
    by_end = sorted((link.a[-1], link.b[-1]) for link in links)
    ends = [last_a for last_a, _ in by_end]
    latest = list(accumulate((last_b for _, last_b in by_end), max, initial=-1))
    by_start = sorted((link.a[0], link.b[0]) for link in links)
    starts = [first_a for first_a, _ in by_start]
    earliest = list(accumulate((first_b for _, first_b in reversed(by_start)), min, initial=len(b.sentences)))[::-1]
    taken: set[int] = set()
    found = []
    for i in left_out_a:
        before = latest[bisect_left(ends, i)]
        after = earliest[bisect_right(starts, i)]
        same = [j for j in by_text.get(_heading_key(a.sentences[i].text), ()) if before < j < after and j not in taken]
        if not same:
            continue
        taken.add(same[0])
        diff = link_diff(a.text, [a.sentences[i]], b.text, [b.sentences[same[0]]], [(0, 0, 100.0)], (), ())
        found.append(Link(a=(i,), b=(same[0],), score=100.0, diff=diff, pairs=((i, same[0], 100.0),)))
    return found


def _heading_key(text: str) -> str:
    return " ".join(text.split()).casefold()


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
    headings = section_headings(article)
    members = [k for k in range(len(units)) if k not in headings]
    return [units[k] for k in members], members


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
