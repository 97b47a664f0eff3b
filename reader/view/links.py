"""Terminal hyperlinks (OSC 8) to an article: its web address, else its file.

A terminal that knows OSC 8 opens the link on a click; any other shows the
text as it is. Links are written with the styles, so they are never written
when colour is off, as in a pipe. An address goes into the sequence only when
it is printable ASCII without spaces: one from a hostile front matter cannot
end the sequence early and write to the terminal.
"""

from __future__ import annotations

import re

from rich.style import Style

from reader.core.models import Article

__all__ = ["article_link", "link_style"]

#: What an address may hold to be written in a sequence: printable ASCII, no space.
_SAFE = re.compile(r"[\x21-\x7e]+")


def article_link(article: Article) -> str | None:
    """Where a link to the article leads: its ``http(s)`` address, else its file (``None`` when neither is safe)."""
    url = article.url
    if url and url.startswith(("http://", "https://")) and _SAFE.fullmatch(url):
        return url
    try:
        uri = article.path.absolute().as_uri()
    except ValueError:
        return None
    return uri if _SAFE.fullmatch(uri) else None


def link_style(article: Article, style: str = "") -> Style:
    """``style`` with a link to the article."""
    return Style.parse(style) + Style(link=article_link(article))
