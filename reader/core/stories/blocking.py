"""Which pairs of articles are worth comparing: an inverted index over each article's rarest terms.

Comparing every pair of a folder of 2,500 articles is three million pairs.
Two reports of one story share names, places and numbers that few other
articles use, so each article is indexed under its ``TOP_TERMS`` heaviest
terms (the terms its vector weighs most: used often in it, rare in the
folder), and only articles that share such a term are compared. A term
that only one article has proposes nothing; one shared by more than
``MAX_POSTINGS`` articles proposes nothing either (the pairs of a story
that large are proposed by its rarer terms), so the number of candidates
grows with the size of the folder, not with its square.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations

from reader.core.stories.profiles import Profile

__all__ = ["MAX_POSTINGS", "TOP_TERMS", "candidate_pairs", "index_terms"]

#: Terms of each article put in the index.
TOP_TERMS = 20
#: Articles a term may propose pairs among; a term more common proposes none.
MAX_POSTINGS = 100


def index_terms(profile: Profile, df: dict[str, int]) -> list[str]:
    """The terms an article is indexed under: its heaviest that another article also has.

    Args:
        profile: The article's profile.
        df: In how many of the folder's articles each term occurs.

    Returns:
        At most ``TOP_TERMS`` terms, heaviest first (ties by the term).
    """
    shared = [(weight, term) for term, weight in profile.vector.items() if 1 < df[term] <= MAX_POSTINGS]
    shared.sort(key=lambda item: (-item[0], item[1]))
    return [term for _, term in shared[:TOP_TERMS]]


def candidate_pairs(profiles: Sequence[Profile], df: dict[str, int]) -> set[tuple[int, int]]:
    """The pairs of articles that share one of their index terms.

    Args:
        profiles: The articles' profiles; too short ones are left out.
        df: In how many of the folder's articles each term occurs.

    Returns:
        Pairs ``(i, j)`` of indices into ``profiles``, ``i < j``.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for i, profile in enumerate(profiles):
        if not profile.too_short:
            for term in index_terms(profile, df):
                postings[term].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in postings.values():
        pairs.update(combinations(members, 2))  # members are ascending
    return pairs
