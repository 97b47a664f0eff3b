"""Which articles of a folder tell the same story: :func:`find_stories`.

The method, in four steps:

1. **Terms** (:mod:`~reader.core.stories.profiles`): each article's content
   terms, the aligner's own, weighted by how rare they are in the folder.
2. **Candidates** (:mod:`~reader.core.stories.blocking`): only articles that
   share one of their heaviest terms are compared, so the cost grows with
   the folder, not with its square.
3. **Similarity** (:mod:`~reader.core.stories.similarity`): the cosine of
   the two articles' terms, or the share of the shorter one's sentences that
   the other restates, whichever is larger.
4. **Groups** (:mod:`~reader.core.stories.linkage`): average linkage over
   the candidate pairs, down to ``LINK_THRESHOLD``; a group of one, and an
   article too short to tell (an empty file), is left unassigned.

The articles are put in one canonical order (by path, then id) before any
of this, so the stories do not depend on the order they are given in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reader.core.models import Article
from reader.core.stories.blocking import candidate_pairs
from reader.core.stories.labels import story_id, story_label
from reader.core.stories.linkage import average_linkage
from reader.core.stories.profiles import profile_folder
from reader.core.stories.similarity import Similarity

__all__ = ["LINK_THRESHOLD", "Stories", "Story", "assemble_stories", "canonical_order", "find_stories", "story_members"]

#: The least mean similarity at which two groups of articles are one story.
LINK_THRESHOLD = 0.12


@dataclass(frozen=True, slots=True)
class Story:
    """Articles that report the same story.

    Attributes:
        id: ``"s-"`` and six hex digits, the same for the same articles in any run.
        label: The headline most of its articles share, or its most telling
            shared terms as the articles write them ("TikTok · Madrid · Bessent").
        articles: Its articles, in the order they were given (library order).
    """

    id: str
    label: str
    articles: tuple[Article, ...]


@dataclass(frozen=True, slots=True)
class Stories:
    """The stories of a folder.

    Attributes:
        stories: Largest first, then by the path of the first article.
        unassigned: The articles that share their story with no other
            (and those too short to tell: empty files), in the order given.
    """

    stories: tuple[Story, ...]
    unassigned: tuple[Article, ...]
    _by_article: dict[str, Story] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_article", {article.id: story for story in self.stories for article in story.articles})

    def story_of(self, article_id: str) -> Story | None:
        """The story of an article, by the article's id; ``None`` when it is unassigned or unknown."""
        return self._by_article.get(article_id)


def find_stories(articles: Sequence[Article]) -> Stories:
    """Group the articles of a folder by the story they tell.

    Args:
        articles: The folder's articles (ids unique, as a library gives them).

    Returns:
        The stories of two or more articles and the articles left alone.
    """
    ordered = canonical_order(articles)
    folder = profile_folder(ordered)
    similarity = Similarity(folder)
    scores = {pair: similarity.similarity(*pair) for pair in sorted(candidate_pairs(folder.profiles, folder.df))}
    groups = average_linkage(len(ordered), scores, LINK_THRESHOLD)

    def label(members: tuple[int, ...]) -> str:
        return story_label([ordered[k] for k in members], [folder.profiles[k].vector for k in members])

    return assemble_stories(articles, ordered, groups, label)


def canonical_order(articles: Sequence[Article]) -> list[Article]:
    """The articles in the one order grouping works in: by path, then id, whatever order they were given in."""
    return sorted(articles, key=lambda article: (str(article.path), article.id))


def story_members(articles: Sequence[Article], ordered: Sequence[Article], groups: list[list[int]]) -> list[tuple[int, ...]]:
    """The groups of two or more articles, each as indices into ``ordered`` in the order the articles were given."""
    given = {id(article): k for k, article in enumerate(articles)}
    return [tuple(sorted(group, key=lambda k: given[id(ordered[k])])) for group in groups if len(group) > 1]


def assemble_stories(articles: Sequence[Article], ordered: Sequence[Article], groups: list[list[int]], label: Callable[[tuple[int, ...]], str]) -> Stories:
    """The stories of linked groups: ids, labels and the order of stories and articles.

    Args:
        articles: The articles in the order given.
        ordered: The same in :func:`canonical_order`.
        groups: Groups of indices into ``ordered``, ordered by their first index.
        label: Names a story from its members, as :func:`story_members` gives them.
    """
    given = {id(article): k for k, article in enumerate(articles)}
    stories: list[Story] = []
    taken: set[str] = set()
    alone: list[Article] = [ordered[group[0]] for group in groups if len(group) < 2]
    for members in story_members(articles, ordered, groups):
        sid = story_id([ordered[k].id for k in members], taken)
        taken.add(sid)
        stories.append(Story(sid, label(members), tuple(ordered[k] for k in members)))
    stories.sort(key=lambda story: (-len(story.articles), min(str(article.path) for article in story.articles)))
    alone.sort(key=lambda article: given[id(article)])
    return Stories(tuple(stories), tuple(alone))
