"""Commands for the command palette (ctrl+p): open, compare with…, swap, facts, story, change theme."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from reader.core import Article, printable

if TYPE_CHECKING:
    from reader.app import ReaderApp


def _label(article: Article) -> str:
    return " ".join(printable(f"{article.source}: {article.title}").split())


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
    """Open an article, compare with another, swap sides, change the theme."""

    @property
    def reader_app(self) -> ReaderApp:
        from reader.app import ReaderApp

        assert isinstance(self.app, ReaderApp)
        return self.app

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app = self.reader_app
        commands: list[tuple[str, Callable[[], object], str]] = [
            ("Swap sides", app.action_swap, "Swap the two articles being compared"),
            ("Facts of this comparison", app.action_facts, "Every fact of the two articles, both values and the verdict (f)"),
            ("Story: who reports what", app.action_story, "Every fact of the library against every source (t)"),
            ("Change theme", app.action_change_theme, "Pick the colours"),
        ]
        for article in app.library.articles:
            label = _label(article)
            commands.append((f"Open {label}", partial(app.open_article, article), "Read this article"))
            commands.append((f"Compare with {label}", partial(app.compare_with, article), "Compare against this article"))
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            if name.startswith(("Swap", "Change", "Facts", "Story")) or name.startswith("Compare with"):
                yield DiscoveryHit(Content(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, _highlight(matcher, name), callback, text=name, help=help_text)
