"""`O`: an article's web address, opened in the browser."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from reader.core import Article
from reader.view.printable import one_line


def open_web_address(screen: Screen[Any], article: Article | None) -> None:
    """Open ``article``'s web address (``url:`` of its front matter) in the browser, or say why not."""
    if article is None:
        return
    if article.url is None:
        screen.notify(f"{one_line(article.label)} gives no web address (no url: in its front matter).", timeout=3, markup=False)
        return
    screen.app.open_url(article.url)
    screen.notify(f"Opening {one_line(article.url)}", timeout=3, markup=False)
