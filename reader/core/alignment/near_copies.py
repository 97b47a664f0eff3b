"""Near copies: two texts that are mostly the same sentences, as two versions of one article are.

An outlet that corrects a toll or adds a paragraph leaves the rest of its
report as it was, word for word. A sentence written exactly alike, once in
each text, is the same sentence: it needs no scoring, and the aligner
links it at once and scores only what is left (``reader.core.alignment.aligner``).
On two long versions that is most of the work saved, and the links of the
sentences that changed are found among themselves, where they belong.

The same sentences say the same facts, so where two versions of one article
are compared, only the facts of the sentences that changed are found and
judged (:func:`changed_sentences`, used by :mod:`reader.core.comparer`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence

from reader.core.alignment.in_order import longest_ascending
from reader.core.models import Alignment, Article, SegmentKind

__all__ = ["NEAR_COPY_SHARE", "changed_sentences", "identical_pairs", "section_headings", "stretches"]

#: Share of each text's sentences that must have an identical partner, met
#: once on each side, for two texts to be near copies. Two outlets' reports
#: of one story share a sentence or two at most; two versions of one report
#: share nearly all of theirs.
NEAR_COPY_SHARE = 0.5


def identical_pairs(a: Article, b: Article) -> tuple[tuple[int, int], ...] | None:
    """The pairs of sentences written exactly alike, each met once in its text, when ``a`` and ``b`` are near copies.

    Returns:
        ``(a index, b index)`` of each such pair, by ``a`` index; ``None``
        when fewer than :data:`NEAR_COPY_SHARE` of either text's sentences
        have one (the texts are then aligned as two reports).
    """
    left, right = a.sentences, b.sentences
    if not left or not right:
        return None
    count_a = Counter(s.text for s in left)
    count_b = Counter(s.text for s in right)
    headings_b = section_headings(b)
    place_b = {s.text: j for j, s in enumerate(right) if count_b[s.text] == 1 and j not in headings_b}
    headings_a = section_headings(a)
    pairs = tuple((i, place_b[s.text]) for i, s in enumerate(left) if count_a[s.text] == 1 and s.text in place_b and i not in headings_a)
    if len(pairs) < NEAR_COPY_SHARE * len(left) or len(pairs) < NEAR_COPY_SHARE * len(right):
        return None
    return pairs


def section_headings(article: Article) -> frozenset[int]:
    """The section headings of an article: headings after its story has begun ("LOW EXPECTATIONS").

    They name a topic and state nothing, so they are not scored; written
    alike, they are linked only where they stand between the same links.
    """
    found = set()
    begun = False
    for k, sentence in enumerate(article.sentences):
        begun = begun or sentence.kind is SegmentKind.SENTENCE
        if begun and sentence.kind is SegmentKind.HEADING:
            found.add(k)
    return frozenset(found)


def stretches(same: Sequence[tuple[int, int]], rest_a: Sequence[int], rest_b: Sequence[int]) -> list[tuple[list[int], list[int]]]:
    """The sentences left of each side, grouped by the stretch they stand in: between the same two sentences written alike.

    The stretches are cut by the longest run of ``same`` pairs in the order
    of both texts; pairs out of that order (a paragraph moved whole) cut
    nothing. Only stretches with sentences on both sides are given.

    Args:
        same: The pairs written alike, ``(a index, b index)``.
        rest_a: The other sentences of ``a``, ascending.
        rest_b: The other sentences of ``b``, ascending.
    """
    ordered = sorted(same)
    backbone = [ordered[k] for k in longest_ascending([j for _, j in ordered])]
    cuts_a = [i for i, _ in backbone]
    cuts_b = [j for _, j in backbone]
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for k in rest_a:
        groups.setdefault(bisect_left(cuts_a, k), ([], []))[0].append(k)
    for k in rest_b:
        groups.setdefault(bisect_left(cuts_b, k), ([], []))[1].append(k)
    return [groups[g] for g in sorted(groups) if groups[g][0] and groups[g][1]]


def changed_sentences(alignment: Alignment) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The sentences of each side that are not linked one to one with a sentence written exactly alike."""
    a, b = alignment.a, alignment.b
    same_a: set[int] = set()
    same_b: set[int] = set()
    for link in alignment.links:
        if len(link.a) == len(link.b) == 1 and a.sentences[link.a[0]].text == b.sentences[link.b[0]].text:
            same_a.add(link.a[0])
            same_b.add(link.b[0])
    return (
        tuple(i for i in range(len(a.sentences)) if i not in same_a),
        tuple(j for j in range(len(b.sentences)) if j not in same_b),
    )
