"""Messages the screens post to open another screen, and the palette's requests; the app handles what no screen does.

Screens never import the app: they say where the reader wants to go, and
the app, which knows how each screen is made, takes them there. The
palette posts its requests (``CompareWith``, ``Swap``…) to the screen on
top: a screen that can do it handles it and stops it; any other lets it
bubble to the app, which says where it works or does it for the whole
library.
"""

from __future__ import annotations

from typing import ClassVar

from textual.message import Message

from reader.core.models import Article


class OpenArticle(Message):
    """Read an article, with some passages (character spans) highlighted and the first in view.

    ``order``, as :class:`OpenComparison`'s, is handed on to a comparison opened from it.
    """

    def __init__(self, article: Article, passages: tuple[tuple[int, int], ...] = (), order: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.article = article
        self.passages = passages
        self.order = order


class OpenComparison(Message):
    """Compare two articles side by side, at the row of a left or a right sentence (index) when given.

    ``order`` is the ids of the articles in the order ``]`` and ``[`` step
    through (the library's as filtered and sorted); empty, the library's own.
    """

    def __init__(
        self,
        left: Article,
        right: Article,
        left_at: int | None = None,
        right_at: int | None = None,
        order: tuple[str, ...] = (),
    ) -> None:
        super().__init__()
        self.left = left
        self.right = right
        self.left_at = left_at
        self.right_at = right_at
        self.order = order


class OpenVersions(Message):
    """List the versions of a fetched article, each to compare with the next."""

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article


class ArticlesOpened(Message):
    """These articles are on screen now, read, compared or their versions listed: the app remembers them as opened."""

    def __init__(self, *articles: Article) -> None:
        super().__init__()
        self.articles = articles


class OpenOutlets(Message):
    """Read the first article against all the others, one column per other outlet.

    ``order``, as :class:`OpenComparison`'s, is handed on to a comparison opened from it.
    """

    def __init__(self, articles: tuple[Article, ...], order: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.articles = articles
        self.order = order


class OpenCoverage(Message):
    """Show who reports what: every fact of these articles against every one of them."""

    def __init__(self, articles: tuple[Article, ...]) -> None:
        super().__init__()
        self.articles = articles


class CompareWith(Message):
    """The palette's "Compare with…": compare what is on screen (or under the cursor) with this article."""

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

    A side with no passages opens at ``left_offset`` or ``right_offset``, a character
    offset, with nothing highlighted.
    """

    def __init__(
        self,
        left: Article,
        right: Article,
        left_passages: tuple[tuple[int, int], ...] = (),
        right_passages: tuple[tuple[int, int], ...] = (),
        left_offset: int | None = None,
        right_offset: int | None = None,
    ) -> None:
        super().__init__()
        self.left, self.right = left, right
        self.left_passages, self.right_passages = left_passages, right_passages
        self.left_offset, self.right_offset = left_offset, right_offset


class PaletteRequest(Message):
    """A palette command a screen may do with one of its own keys: ``ACTION`` names the action."""

    ACTION: ClassVar[str] = ""


class Swap(PaletteRequest):
    """The palette's "Swap sides"."""

    ACTION = "swap"


class Export(PaletteRequest):
    """The palette's "Export this comparison as HTML"."""

    ACTION = "export"


class ShowFacts(PaletteRequest):
    """The palette's "Facts of this comparison"."""

    ACTION = "facts"


class ShowCoverage(PaletteRequest):
    """The palette's "Story: who reports what": the screen's articles, else the whole library's."""

    ACTION = "story"
