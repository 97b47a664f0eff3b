"""What changed since: the articles an update made or gave a new version, by story, each with what changed in a line.

An article with a new version is read against the version before it
(:func:`reader.core.revisions.revision`): "toll 11 → 13; headline
changed; 2 sentences added, 1 removed", its corrections named. The
articles are grouped by the story they tell (:mod:`reader.core.stories`),
among themselves only, so the summary costs what the update found, not
the whole folder.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reader.core.models import Article, LoadError
from reader.core.reading.articles import load_article
from reader.core.revisions import Correction, Revision, revision
from reader.core.stories.grouping import find_stories
from reader.web.versions import pick, versions


@dataclass(frozen=True, slots=True)
class ArticleChange:
    """One article an update made or changed.

    Attributes:
        article: The article as it is now.
        new: Fetched for the first time (``revision`` is then ``None``).
        revision: What changed from the version before, for an article that had one.
        version: Its newest version's number.
    """

    article: Article
    new: bool
    revision: Revision | None
    version: int

    @property
    def corrections(self) -> tuple[Correction, ...]:
        return self.revision.corrections if self.revision else ()


@dataclass(frozen=True, slots=True)
class StoryChanges:
    """The articles of one story an update made or changed; ``label`` names the story."""

    label: str
    articles: tuple[ArticleChange, ...]


def changes_since(new: Sequence[Path], changed: Sequence[Path]) -> list[StoryChanges]:
    """The stories of the articles made (``new``) and given new versions (``changed``), largest first.

    Files that cannot be read are left out.
    """
    found: list[ArticleChange] = []
    for path in dict.fromkeys(new):
        article = load_article(path)
        if not isinstance(article, LoadError):
            found.append(ArticleChange(article, True, None, len(versions(path))))
    for path in dict.fromkeys(changed):
        change = article_change(path)
        if change is not None:
            found.append(change)
    if not found:
        return []
    by_id = {change.article.id: change for change in _unique_ids(found)}
    stories = find_stories([change.article for change in by_id.values()])
    grouped = [StoryChanges(story.label, tuple(by_id[a.id] for a in story.articles)) for story in stories.stories]
    grouped += [StoryChanges(a.title, (by_id[a.id],)) for a in stories.unassigned]
    return grouped


def article_change(path: Path, older: int | None = None, newer: int | None = None) -> ArticleChange | None:
    """What changed in an article between two of its versions (by default its last two); ``None`` when they cannot be read."""
    found = versions(path)
    pair = pick(found, older, newer)
    if pair is None:
        return None
    old, new = (load_article(v.path) for v in pair)
    if isinstance(old, LoadError) or isinstance(new, LoadError):
        return None
    return ArticleChange(new, False, revision(old, new), pair[1].number)


def _unique_ids(changes: list[ArticleChange]) -> list[ArticleChange]:
    """Articles of two folders may share a stem: each gets an id of its own."""
    seen: set[str] = set()
    out = []
    for change in changes:
        article = change.article
        if article.id in seen:
            n = 2
            while f"{article.id}-{n}" in seen:
                n += 1
            change = replace(change, article=replace(article, id=f"{article.id}-{n}"))
        seen.add(change.article.id)
        out.append(change)
    return out
