"""Messages the screens post to open another screen; the app handles them.

Screens never import the app: they say where the reader wants to go, and
the app, which knows how each screen is made, takes them there.
"""

from __future__ import annotations

from textual.message import Message

from reader.core.models import Article


class OpenArticle(Message):
    """Read an article, with some passages (character spans) highlighted and the first in view."""

    def __init__(self, article: Article, passages: tuple[tuple[int, int], ...] = ()) -> None:
        super().__init__()
        self.article = article
        self.passages = passages


class OpenComparison(Message):
    """Compare two articles side by side, at the row of a left or a right sentence (index) when given."""

    def __init__(self, left: Article, right: Article, left_at: int | None = None, right_at: int | None = None) -> None:
        super().__init__()
        self.left = left
        self.right = right
        self.left_at = left_at
        self.right_at = right_at


class OpenVersions(Message):
    """List the versions of a fetched article, each to compare with the next."""

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article


class OpenOutlets(Message):
    """Read the first article against all the others, one column per other outlet."""

    def __init__(self, articles: tuple[Article, ...]) -> None:
        super().__init__()
        self.articles = articles


class CompareWith(Message):
    """Compare what is on screen (or under the cursor) with this article."""

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article


class ComparisonLikely(Message):
    """These two articles are what ``c`` would compare now: the app may prepare their comparison."""

    def __init__(self, left: Article, right: Article) -> None:
        super().__init__()
        self.left = left
        self.right = right


class OpenInContext(Message):
    """Read two articles side by side, each at some passages (character spans), highlighted.

    A side with no passages opens at ``left_at`` or ``right_at``, a character
    offset, with nothing highlighted.
    """

    def __init__(
        self,
        left: Article,
        right: Article,
        left_passages: tuple[tuple[int, int], ...] = (),
        right_passages: tuple[tuple[int, int], ...] = (),
        left_at: int | None = None,
        right_at: int | None = None,
    ) -> None:
        super().__init__()
        self.left, self.right = left, right
        self.left_passages, self.right_passages = left_passages, right_passages
        self.left_at, self.right_at = left_at, right_at
