"""The pairs of articles inside each story: what an archive wants aligned, instead of every pair of it.

A folder of 10,000 articles has fifty million pairs; its stories, a few
articles each, hold some tens of thousands. The pairs are numbered as the
articles are given and listed as every pair is (``(0, 1), (0, 2), ...,
(1, 2), ...``) with the pairs across stories left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from reader.core.models import Article
from reader.core.stories.grouping import Stories

__all__ = ["pairs_within"]


def pairs_within(stories: Stories, articles: Sequence[Article]) -> list[tuple[int, int]]:
    """The pairs of ``articles`` that tell one story, in the order of every pair.

    Args:
        stories: The stories of ``articles``.
        articles: The articles, in the order they are numbered.

    Returns:
        Pairs ``(i, j)`` of indices into ``articles``, ``i < j``, sorted.
    """
    number = {article.id: k for k, article in enumerate(articles)}
    pairs: list[tuple[int, int]] = []
    for story in stories.stories:
        members = sorted(number[article.id] for article in story.articles)
        pairs.extend(combinations(members, 2))
    pairs.sort()
    return pairs
