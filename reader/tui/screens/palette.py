"""Commands for the command palette (ctrl+p): open, compare with…, swap, facts, story, export, fetch."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from reader.core import Article
from reader.tui.messages import CompareWith, Export, OpenArticle, ShowCoverage, ShowFacts, Swap
from reader.tui.session import Session
from reader.view.printable import one_line


class HasSession(Protocol):
    """What the palette needs of the app: the session it hands to its screens."""

    session: Session


def _label(article: Article) -> str:
    return one_line(f"{article.label}: {article.title}")


def _highlight(matcher: Matcher, name: str) -> Content:
    """The name with the matched letters styled.

    ``Matcher.highlight`` reads its argument as markup; article titles are data,
    so the name is wrapped as plain content first.
    """
    content = Content(name)
    score, offsets = matcher.fuzzy_search.match(matcher.query, name)
    if score:
        for offset in offsets:
            if not name[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ReaderCommands(Provider):
    """Open an article, compare with another, swap sides, export, fetch from the web."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        from reader.tui.screens.compare import CompareScreen
        from reader.tui.screens.library import LibraryScreen

        app, screen = self.app, self.screen
        commands: list[tuple[str, Callable[[], object], str]] = []
        if isinstance(screen, CompareScreen):  # what a comparison does is offered where there is one
            commands += [
                ("Swap sides", partial(screen.post_message, Swap()), "Swap the two articles being compared"),
                ("Facts of this comparison", partial(screen.post_message, ShowFacts()), "Every fact of the two articles, both values and the verdict (f)"),
                ("Export this comparison as HTML", partial(screen.post_message, Export()), "Both texts, the word diff and the facts, as one page (e)"),
            ]
        commands += [
            ("Story: who reports what", partial(screen.post_message, ShowCoverage()), "Every fact of the library against every source (t)"),
            ("Fetch URL or feed…", partial(app.run_action, "fetch"), "Save an article page, or a feed's newest articles, and add them to the library"),
        ]
        # The articles a comparison already shows are not offered to compare with: the others are.
        shown = {getattr(getattr(screen, side, None), "id", None) for side in ("left", "right")} - {None}
        if isinstance(screen, LibraryScreen) and (current := screen.current_article()) is not None:
            shown.add(current.id)  # the article under the cursor is what the others are compared with
        for article in cast(HasSession, app).session.library.articles:
            label = _label(article)
            commands.append((f"Open {label}", partial(screen.post_message, OpenArticle(article)), "Read this article"))
            if article.id not in shown:
                commands.append((f"Compare with {label}", partial(screen.post_message, CompareWith(article)), "Compare against this article"))
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            if name.startswith(("Swap", "Export", "Facts", "Story", "Fetch")) or name.startswith("Compare with"):
                yield DiscoveryHit(Content(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, _highlight(matcher, name), callback, text=name, help=help_text)
