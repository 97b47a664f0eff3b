"""Which strings are web addresses reader fetches, and one spelling for each."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

#: The schemes reader fetches; a redirect or a feed entry to any other is refused.
SCHEMES = ("http", "https")
#: Longest URL shown in a message; a feed can hold links of any length.
SHOWN_CHARS = 200

_WEB_URL = re.compile(r"https?://[^\s/?#]+", re.IGNORECASE)


def is_web_url(text: str) -> bool:
    """Whether ``text`` is an ``http://`` or ``https://`` address with a host.

    Args:
        text: A command-line argument, a feed entry's link, a redirect target.

    Returns:
        True for a web address reader may fetch.
    """
    if not _WEB_URL.match(text) or any(c.isspace() or ord(c) < 0x20 or ord(c) == 0x7F for c in text):
        return False
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:  # a bad port ("http://host:x/") or a broken IPv6 literal
        return False
    return parts.scheme.lower() in SCHEMES and bool(parts.hostname)


def normalise(url: str) -> str:
    """The URL without its fragment, its scheme and host in lower case: the key of one article.

    ``https://Example.org/a#comments`` and ``https://example.org/a`` are one page.
    """
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, ""))


def host_of(url: str) -> str:
    """The host a URL names, without a leading ``www.``: the outlet when a page names none."""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def shown(url: str) -> str:
    """The URL for a message: cut at :data:`SHOWN_CHARS` characters."""
    return url if len(url) <= SHOWN_CHARS else url[: SHOWN_CHARS - 1] + "…"
