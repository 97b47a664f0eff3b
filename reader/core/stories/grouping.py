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

from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.core.models import Article
from reader.core.stories.blocking import candidate_pairs
from reader.core.stories.labels import story_id, story_label
from reader.core.stories.linkage import average_linkage
from reader.core.stories.profiles import profile_folder
from reader.core.stories.similarity import Similarity

__all__ = ["LINK_THRESHOLD", "Stories", "Story", "find_stories"]

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
    given = {id(article): k for k, article in enumerate(articles)}
    ordered = sorted(articles, key=lambda article: (str(article.path), article.id))
    folder = profile_folder(ordered)
    similarity = Similarity(folder)
    scores = {pair: similarity.similarity(*pair) for pair in sorted(candidate_pairs(folder.profiles, folder.df))}
    groups = average_linkage(len(ordered), scores, LINK_THRESHOLD)
    stories: list[Story] = []
    taken: set[str] = set()
    alone: list[Article] = []
    for group in groups:
        members = sorted((ordered[k] for k in group), key=lambda article: given[id(article)])
        if len(members) < 2:
            alone.extend(members)
            continue
        sid = story_id([article.id for article in members], taken)
        taken.add(sid)
        vectors = [folder.profiles[k].vector for k in sorted(group, key=lambda k: given[id(ordered[k])])]
        stories.append(Story(sid, story_label(members, vectors), tuple(members)))
    stories.sort(key=lambda story: (-len(story.articles), min(str(article.path) for article in story.articles)))
    alone.sort(key=lambda article: given[id(article)])
    return Stories(tuple(stories), tuple(alone))
